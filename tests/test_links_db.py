"""Promise-to-target links stored after processing: a news promise (stunting 12 % by the end of
2025) against the Dinkes PK and its revision; decisions made from the CLI survive re-processing."""
from __future__ import annotations

import pytest

from db import open_db
from tests.compare_db import build, datasette_get, janji, janji_json

PROMISE = "Kami menargetkan prevalensi stunting pada balita turun menjadi 12 persen pada akhir 2025"


@pytest.fixture(scope="module")
def links_db(tmp_path_factory):
    return build(tmp_path_factory.mktemp("links") / "links.db", news=("janji-stunting.txt", "pelantikan-kadinkes.txt"))


def _for_promise(rows):
    return [r for r in rows if r["commitment"].startswith(PROMISE)]


def test_top_candidate_is_the_matching_target_with_its_reasons(links_db):
    rows = _for_promise(janji_json(links_db, "links"))
    top = rows[0]
    assert (top["indikator"], top["target"], top["target_unit"], top["agreement"]) == (
        "Prevalensi stunting pada balita", "12", "%", "PK")  # the version in force on 2025-03-03
    assert top["score"] == 1.0 and top["speaker"] == "Taufik Hidayatullah"
    assert top["reasons"] == [
        "indicator words shared: balita, prevalensi, stunting (100% of the indicator)", "same number: 12",
        "same unit: %", "same OPD: Dinas Kesehatan", "same year: 2025", "same region: Kota Jambi",
        "version in force on 2025-03-03: signed 2025-01-02"]
    assert all(r["score"] < top["score"] for r in rows[1:])
    assert len(rows) <= 3


def test_links_stay_in_the_region_and_kinds(links_db):
    db = open_db(links_db)
    rows = list(db.query("""select c.kind, cd.region as promise_region, a.region as target_region
        from promise_links l join commitments c on c.id = l.commitment_id
        join commitment_details cd on cd.commitment_id = c.id
        join agreement_targets t on t.id = l.target_id join agreements a on a.id = t.agreement_id"""))
    assert rows and all(r["promise_region"] == r["target_region"] for r in rows)
    assert {r["kind"] for r in rows} <= {"target", "pledge"}


def test_confirm_and_reject_persist_across_reprocessing(links_db):
    everything = janji_json(links_db, "links")
    top, other = _for_promise(everything)[0], everything[-1]  # the weakest candidate of all
    assert top["link_id"] != other["link_id"] and other["score"] < 0.5
    assert "confirmed" in janji(links_db, "links", "confirm", str(top["link_id"])).output
    assert "rejected" in janji(links_db, "links", "reject", str(other["link_id"])).output
    db = open_db(links_db)
    old_commitment = db["commitments"].get(top["commitment_id"])
    db.close()
    janji(links_db, "process", "--all")  # every commitment and target row is re-created
    confirmed = janji_json(links_db, "links", "--status", "confirmed")
    assert [(r["commitment"], r["indikator"], r["status"]) for r in confirmed] == [
        (top["commitment"], top["indikator"], "confirmed")]
    assert confirmed[0]["decided_at"] and confirmed[0]["commitment_id"] is not None
    db = open_db(links_db)
    new_commitment = db["commitments"].get(confirmed[0]["commitment_id"])
    assert (new_commitment["document_id"], new_commitment["text"]) == (old_commitment["document_id"], old_commitment["text"])
    assert [r["indikator"] for r in janji_json(links_db, "links", "--status", "rejected")] == [other["indikator"]]
    open_ids = {r["link_id"] for r in janji_json(links_db, "links")}
    assert top["link_id"] not in open_ids and other["link_id"] not in open_ids


def test_unknown_link_is_one_error_line(links_db):
    from click.testing import CliRunner
    from janji.cli import cli
    result = CliRunner().invoke(cli, ["links", "--db", str(links_db), "confirm", "9999"])
    assert result.exit_code == 1 and "no promise link 9999" in result.output


def test_review_view_lists_links_with_commitment_and_target(links_db):
    rows = datasette_get(links_db, "/links/promise_link_review.json?_shape=array&_sort_desc=score").json()
    row = next(r for r in rows if r["commitment"].startswith(PROMISE) and r["indikator"] == "Prevalensi stunting pada balita")
    assert (row["speaker"], row["promised_value"], row["target_value"], row["region"], row["year"]) == (
        "Taufik Hidayatullah", 12.0, 12.0, "Kota Jambi", 2025)
    assert "same number: 12" in row["reasons"]
    table = janji(links_db, "links", "--status", "all").output
    assert "Prevalensi stunting pada balita" in table and "same number: 12" in table

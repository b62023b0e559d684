"""`janji outcomes` (table and JSON, filters, --help, a bad --year), the "Did they meet their
targets?" canned query, and the outcome entries of `janji changes` and its Atom feed, over a real
database written through the writer and matched by janji/outcomes.py."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from db import open_db
from janji.cli import cli
from janji.outcomes import refresh_outcomes
from tests.compare_db import datasette_get
from tests.test_outcomes_db import ORIGINAL, REVISED, _target, lkjip, pk, store

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def outcome_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("outcomes") / "outcomes.db"
    db = open_db(path)
    store(db, "pk-dinkes-2025", pk(False, ORIGINAL))
    store(db, "pk-perubahan-dinkes-2025", pk(True, REVISED, signed="2025-06-30"), "2025-07-01")
    store(db, "lkjip-dinkes-2025", lkjip(), "2026-03-20")
    store(db, "pk-disdik-2025", pk(False, [_target("Angka partisipasi murni SD", "99", 99.0)], opd="Dinas Pendidikan"))
    refresh_outcomes(db)
    db.close()
    return path


def janji(path, *args):
    return CliRunner().invoke(cli, [args[0], "--db", str(path), *args[1:]], catch_exceptions=False)


def test_json_has_every_field_and_the_filters_select(outcome_db):
    result = janji(outcome_db, "outcomes", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert len(rows) == 9
    imunisasi = next(r for r in rows if r["indikator"] == "Cakupan imunisasi dasar lengkap")
    assert (imunisasi["verdict"], imunisasi["revision_change"], imunisasi["original_target"], imunisasi["capaian"]) == (
        "not met", "lowered", "95", 97.83)
    ambiguous = next(r for r in rows if r["verdict"] == "ambiguous")
    assert len(ambiguous["candidates"]) == 2
    for args, count in ((("--opd", "Kadinkes"), 8), (("--opd", "Disdik"), 1), (("--region", "Kota Jambi", "--year", "2025"), 9),
                        (("--year", "2024"), 0), (("--region", "Muaro Jambi"), 0)):
        found = json.loads(janji(outcome_db, "outcomes", *args, "--format", "json").output)
        assert len(found) == count, args


def test_table_shows_verdicts_revisions_and_sources(outcome_db):
    result = janji(outcome_db, "outcomes", "--opd", "Dinkes")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "did they meet their targets?" in out
    # each row's first line: long cells fold onto the next lines
    first_lines = [[c.strip() for c in line.split("│")[1:-1]] for line in out.splitlines() if line.startswith("│ 2025")]
    assert [(c[4], c[7]) for c in first_lines] == [
        ("92 % (lowered from 95)", "not met"), ("14 %", "met"), ("65 % (raised from 60)", "met"), ("WTP", "met"),
        ("98 % (lowered from", "met"), ("80 %", "ambiguous"), ("80 per 100.000 KH", "no report"),
        ("90 % (added by the PK", "unknown")]
    assert [c[8] for c in first_lines] == ["", "lower is better", "report's target: 60", "", "", "may be: Persentase",
                                           "not in the report", ""]
    assert first_lines[0][6] == "97.83" and first_lines[0][9] == "PK Perubahan doc 2 p.2"
    assert out.strip().splitlines()[-1] == "4 met, 1 not met, 1 ambiguous, 1 no report, 1 unknown"
    assert "Angka partisipasi murni SD" not in out


def test_nothing_matching_and_a_bad_year_are_one_line_errors(outcome_db, tmp_path):
    none = janji(outcome_db, "outcomes", "--opd", "Bappeda")
    assert none.exit_code == 1 and none.output.strip().splitlines() == [
        "Error: no PK target matches; `janji outcomes` without options lists all (outcomes are computed by `janji process`)"]
    for bad in ("20x5", "25", "-1"):
        result = janji(outcome_db, "outcomes", "--year", bad)
        assert result.exit_code == 1
        assert result.output.strip().splitlines() == [
            f"Error: --year {bad!r} is not a year; use four digits, e.g. --year 2025"], result.output
    missing = janji(tmp_path / "nope.db", "outcomes")
    assert missing.exit_code == 1 and "no database at" in missing.output
    assert not (tmp_path / "nope.db").exists()


def test_help_says_what_it_answers():
    result = CliRunner().invoke(cli, ["outcomes", "--help"])
    assert result.exit_code == 0
    for text in ("Did they meet their targets?", "--opd", "--region", "--year", "--format", "Kadinkes"):
        assert text in result.output


def test_changes_lists_targets_missed_and_met_after_being_lowered(outcome_db):
    rows = json.loads(janji(outcome_db, "changes", "--since", "2026-01-01", "--format", "json").output)
    outcome = {(r["item"], r["title"]) for r in rows if r["key"].startswith("outcome:")}
    assert outcome == {
        ("target missed", "Cakupan imunisasi dasar lengkap: target 92 % (lowered from 95), realised 90 (capaian 97.83 %)"),
        ("target met after being lowered",
         "Cakupan pelayanan kesehatan ibu hamil: target 98 % (lowered from 100), realised 98,5 (capaian 100.51 %)"),
    }
    missed = next(r for r in rows if r["item"] == "target missed")
    assert (missed["opd"], missed["region"], missed["official"], missed["changed_at"]) == (
        "Dinas Kesehatan", "Kota Jambi", "Dedy Hartono", "2026-03-20")
    assert missed["detail"] == "LKjIP 2025 Dinas Kesehatan, Kota Jambi: target not met although a PK Perubahan lowered it"
    by_opd = json.loads(janji(outcome_db, "changes", "--since", "2026-01-01", "--opd", "Dinkes", "--format", "json").output)
    assert {r["item"] for r in by_opd} == {"target missed", "target met after being lowered"}
    table = janji(outcome_db, "changes", "--since", "2026-01-01").output
    assert "target missed" in table and "target met after being lowered" in table


def test_atom_feed_carries_the_outcome_entries(outcome_db):
    feed = ET.fromstring(datasette_get(outcome_db, "/outcomes/changes_feed.atom?official=&opd=Dinkes").content)
    titles = [e.find(f"{ATOM}title").text for e in feed.findall(f"{ATOM}entry")]
    assert "target missed: Cakupan imunisasi dasar lengkap: target 92 % (lowered from 95), realised 90 (capaian 97.83 %)" in titles
    assert any(t.startswith("target met after being lowered: Cakupan pelayanan kesehatan ibu hamil") for t in titles)
    entry = next(e for e in feed.findall(f"{ATOM}entry") if e.find(f"{ATOM}title").text.startswith("target missed"))
    assert entry.find(f"{ATOM}updated").text == "2026-03-20T00:00:00Z"
    assert entry.find(f"{ATOM}link").get("href") == "https://jambikota.go.id/lkjip-dinkes-2025.pdf"


def test_canned_query_any_form_of_the_opd(outcome_db):
    def query(opd, year="", region=""):
        return datasette_get(outcome_db, f"/outcomes/did_they_meet_their_targets.json?opd={opd}&year={year}"
                                         f"&region={region}&_shape=array").json()
    everything = query("")
    assert len(everything) == 9
    for form in ("Dinkes", "Kadinkes", "dinas kesehatan", "Kesehatan"):
        assert len(query(form, "2025", "Kota Jambi")) == 8, form
    assert [r["verdict"] for r in query("Disdik")] == ["no report"]
    assert query("Dinkes", "2024") == []
    missed = next(r for r in query("Dinkes") if r["indikator"] == "Cakupan imunisasi dasar lengkap")
    assert (missed["verdict"], missed["original_target"], missed["target"], missed["report_page"]) == ("not met", "95", "92", 14)
    view = datasette_get(outcome_db, "/outcomes/target_outcomes.json?verdict=not+met&_shape=array").json()
    assert [r["indikator"] for r in view] == ["Cakupan imunisasi dasar lengkap"]

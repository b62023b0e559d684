"""Official timelines: tenure events stored with their document, spans with evidence (an
inauguration, an acting head), and merges of name variants that a person confirms or rejects."""
from __future__ import annotations

import pytest

from db import open_db
from extract.compare.merges import propose_merges
from models.changes import NamedOfficial
from tests.compare_db import build, janji, janji_json


@pytest.fixture(scope="module")
def news_db(tmp_path_factory):
    return build(tmp_path_factory.mktemp("timeline") / "timeline.db",
                 news=("pelantikan-kadinkes.txt", "plt-kadisdik.txt", "kadinkes-marlina.txt"), pk=False)


def _span(spans, official, position):
    found = [s for s in spans if s["official"] == official and s["position"] == position]
    assert found, [(s["official"], s["position"]) for s in spans]
    return found[0]


def test_tenure_events_are_stored_with_their_evidence(news_db):
    db = open_db(news_db)
    events = list(db.query("""select o.name, e.kind, e.position, e.date, e.text, e.start, e."end", d.text as doc
        from tenure_events e join officials o on o.id = e.official_id join documents d on d.id = e.document_id
        order by e.id"""))
    assert [(e["name"], e["kind"], e["date"]) for e in events] == [
        ("Rina Marlina", "inaugurated", "2025-07-14"), ("Budi Santoso", "acting", "2025-08-20"),
        ("Budi Santoso", "appointed", "2025-08-20")]
    for e in events:  # offsets point at the evidence in the stored text
        assert e["doc"][e["start"]:e["end"]] == e["text"]
    assert "melantik dr. Rina Marlina, M.Kes. sebagai Kepala Dinas Kesehatan" in events[0]["text"]


def test_spans_carry_evidence_and_acting_roles(news_db):
    spans = janji_json(news_db, "officials", "timeline")
    rina = _span(spans, "Rina Marlina", "Kepala Dinas Kesehatan")
    assert (rina["opd"], rina["region"], rina["started"], rina["acting"]) == ("Dinas Kesehatan", "Kota Jambi", "2025-07-14", None)
    assert "2025-07-14 inaugurated [document 1]: JAMBI – Wali Kota Jambi" in rina["evidence"]
    assert "named in document" in rina["evidence"]
    budi = _span(spans, "Budi Santoso", "Plt. Kepala Dinas Pendidikan")
    assert (budi["acting"], budi["base_position"], budi["opd"], budi["started"]) == (
        "Plt.", "Kepala Dinas Pendidikan", "Dinas Pendidikan", "2025-08-20")
    assert "acting [document 2]: Plt. Kepala Dinas Pendidikan Kota Jambi, Drs. Budi Santoso, M.Pd." in budi["evidence"]
    assert "appointed [document 2]: Budi Santoso ditunjuk sebagai Plt." in budi["evidence"]
    table = janji(news_db, "officials", "timeline", "Budi").output
    assert "Plt. Kepala Dinas Pendidikan" in table and "[document 2]" in table and "Rina" not in table


def test_reprocessing_replaces_tenure_events(news_db):
    db = open_db(news_db)
    before = db["tenure_events"].count
    db.close()
    janji(news_db, "process", "--all")
    assert open_db(news_db)["tenure_events"].count == before == 3


def test_merges_are_proposed_reviewed_and_kept(news_db):
    [proposal] = janji_json(news_db, "officials", "merges")
    assert (proposal["official_name"], proposal["merged_into_name"], proposal["status"]) == ("Marlina", "Rina Marlina", "proposed")
    assert proposal["reason"] == "'Marlina' is part of 'Rina Marlina' (Kota Jambi)"
    spans = janji_json(news_db, "officials", "timeline", "Marlina")
    assert {s["official"] for s in spans} == {"Marlina", "Rina Marlina"}  # nothing merged silently
    assert "confirmed: Marlina -> Rina Marlina" in janji(news_db, "officials", "merge", str(proposal["id"]), "--confirm").output
    janji(news_db, "process", "--all")  # the decision survives re-processing (rows re-created)
    spans = janji_json(news_db, "officials", "timeline", "Marlina")
    [rina] = [s for s in spans if s["position"] == "Kepala Dinas Kesehatan"]
    assert rina["official"] == "Rina Marlina" and set(rina["recorded_as"].split(",")) == {"Rina Marlina", "Marlina"}
    assert (rina["first_seen"], rina["last_seen"], rina["documents"]) == ("2025-07-14", "2025-07-24", 2)
    assert janji_json(news_db, "officials", "merges") == []
    [kept] = janji_json(news_db, "officials", "merges", "--status", "confirmed")
    assert kept["decided_at"] and kept["merged_into_name"] == "Rina Marlina"
    janji(news_db, "officials", "merge", str(kept["id"]), "--reject")
    janji(news_db, "process")
    assert janji_json(news_db, "officials", "merges") == []  # a rejected pair is not proposed again
    assert {s["official"] for s in janji_json(news_db, "officials", "timeline", "Marlina")} == {"Marlina", "Rina Marlina"}


def test_merge_command_errors_are_one_line(news_db):
    from click.testing import CliRunner
    from janji.cli import cli
    result = CliRunner().invoke(cli, ["officials", "--db", str(news_db), "merge", "999", "--confirm"])
    assert result.exit_code == 1 and "no merge 999" in result.output
    result = CliRunner().invoke(cli, ["officials", "--db", str(news_db), "merge", "1"])
    assert result.exit_code == 2 and "--confirm or --reject" in result.output


def test_merge_proposals_only_for_uncertain_pairs():
    officials = [NamedOfficial(1, "Rina Marlina", "Kota Jambi"), NamedOfficial(2, "Marlina", "Kota Jambi"),
                 NamedOfficial(3, "Rina Marlina", "Kabupaten Muaro Jambi"), NamedOfficial(4, "Rina Marlina", None),
                 NamedOfficial(5, "Marlina", "Provinsi Jambi"), NamedOfficial(6, "Budi Santoso", "Kota Jambi")]
    pairs = {(p.official_id, p.merged_into_id): p.reason for p in propose_merges(officials)}
    assert pairs[(2, 1)] == "'Marlina' is part of 'Rina Marlina' (Kota Jambi)"
    assert pairs[(1, 3)] == "same name 'Rina Marlina' in Kota Jambi and Kabupaten Muaro Jambi"
    assert pairs[(4, 3)] == "same name 'Rina Marlina' in region unknown and Kabupaten Muaro Jambi"
    assert (5, 1) not in pairs and (5, 3) not in pairs  # a word-subset in another region is not proposed
    assert (2, 5) in pairs or (5, 2) in pairs           # the same bare name in two regions is
    assert not any(6 in pair for pair in pairs)

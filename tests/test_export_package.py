"""Researchers' exports: CSV and JSON Lines carry the same rows, filters select the right ones,
and datapackage.json describes every column of every exported table and view."""
from __future__ import annotations

import csv
import io
import json

import pytest

from db import open_db
from db.export import exportable
from db.store import replace_extraction, store_document
from models import Agreement, Commitment, Document, Extraction, Official, Party, Target

PEOPLE = [("Budi Santoso", "Dr. H. Budi Santoso, S.E., M.M.", "Wali Kota", None, "Kota Sungai Harapan"),
          ("Ratna Dewi", "Ir. Ratna Dewi, M.Si.", "Kepala Dinas Kesehatan", "Dinas Kesehatan", "Kabupaten Lembah Hijau")]


@pytest.fixture
def filled_db(db_path):
    """Two documents in two regions and years, written through the one writer."""
    db = open_db(db_path)
    for i, (name, full, position, opd, region) in enumerate(PEOPLE):
        published = f"{2024 + i}-03-0{i + 1}"
        text = f"{position} {name} berjanji: kami akan menurunkan stunting, kata {name}. \"Tanda kutip, baris\nbaru\""
        doc_id, _ = store_document(db, Document(raw=f"doc {i}".encode(), text=text, kind="text",
                                                title=f"Janji {name}", published=published))
        agreement = Agreement(year=2024 + i, revision=False, opd=opd or "Sekretariat Daerah", region=region,
                              first_party=Party(name, full, position, None), second_party=None,
                              signed_place=None, signed_date=published,
                              targets=[Target("Sasaran", "Prevalensi stunting", "12,5", 12.5, "%", 2)])
        replace_extraction(db, doc_id, Extraction(
            source={}, officials=[Official(name=name, full_name=full, position=position, opd=opd, region=region)],
            commitments=[Commitment(speaker=name, kind="pledge", quoted=False, text=text, start=0, end=len(text),
                                    target_value=None)],
            agreements=[agreement] if agreement else []), published)
    db.close()
    return db_path


def test_csv_and_jsonl_round_trip_the_same_rows(run, filled_db):
    for view in ("commitment_details", "target_details", "documents"):
        as_csv = list(csv.DictReader(io.StringIO(run("export", view, "--format", "csv").stdout)))
        as_jsonl = [json.loads(line) for line in run("export", view, "--format", "jsonl").stdout.splitlines()]
        assert len(as_csv) == len(as_jsonl) == 2
        for c, j in zip(as_csv, as_jsonl):
            assert list(c) == list(j)  # same columns, same order
            # CSV has no types or nulls: compare as text, null as empty
            assert c == {k: "" if v is None else str(v) for k, v in j.items()}


@pytest.mark.parametrize("args, speakers", [
    (("--region", "kota sungai harapan"), {"Budi Santoso"}),
    (("--year", "2025"), {"Ratna Dewi"}),
    (("--official", "IR. RATNA DEWI, M.Si."), {"Ratna Dewi"}),
    (("--official", "budi"), {"Budi Santoso"}),
    (("--official", "budi", "--year", "2025"), set()),
])
def test_region_year_and_official_filters(run, filled_db, args, speakers):
    rows = [json.loads(line) for line in run("export", "commitment_details", "--format", "jsonl", *args).stdout.splitlines()]
    assert {r["speaker"] for r in rows} == speakers


def test_filters_work_on_tables_too_and_say_when_they_do_not_apply(run, filled_db):
    officials = json.loads(run("export", "officials", "--format", "json", "--official", "Ratna").stdout)
    assert [o["name"] for o in officials] == ["Ratna Dewi"]
    documents = json.loads(run("export", "documents", "--format", "json", "--year", "2024").stdout)
    assert [d["title"] for d in documents] == ["Janji Budi Santoso"]
    targets = json.loads(run("export", "target_details", "--format", "json", "--year", "2025",
                             "--official", "ratna").stdout)
    assert [(t["first_party"], t["value"]) for t in targets] == [("Ratna Dewi", 12.5)]
    refused = run("export", "documents", "--region", "Kota Sungai Harapan")
    assert refused.exit_code != 0 and "--region does not apply to documents" in refused.output


def test_datapackage_lists_every_column_with_type_and_description(run, filled_db, tmp_path):
    out = tmp_path / "package"
    result = run("export", "--datapackage", str(out))
    assert result.exit_code == 0, result.output
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    db = open_db(filled_db)
    resources = {r["name"]: r for r in package["resources"]}
    assert set(resources) == set(exportable(db))
    for name, resource in resources.items():
        columns = list(db[name].columns_dict)
        fields = resource["schema"]["fields"]
        assert [f["name"] for f in fields] == columns, name
        assert all(f["description"] for f in fields), [f["name"] for f in fields if not f["description"]]
        assert all(f["type"] in ("string", "integer", "number") for f in fields)
        assert resource["description"], name
        with open(out / resource["path"], encoding="utf-8", newline="") as f:
            assert next(csv.reader(f)) == columns
    types = {f["name"]: f["type"] for f in resources["commitment_details"]["schema"]["fields"]}
    assert (types["commitment_id"], types["year"], types["text"], types["target_value"]) == (
        "integer", "integer", "string", "number")
    assert resources["documents"]["schema"]["primaryKey"] == ["id"]
    with open(out / "commitment_details.csv", encoding="utf-8", newline="") as f:
        assert len(list(csv.DictReader(f))) == 2


def test_datapackage_of_one_view(run, filled_db, tmp_path):
    run("export", "target_details", "--datapackage", str(tmp_path / "one"))
    package = json.loads((tmp_path / "one" / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in package["resources"]] == ["target_details"]
    assert run("export", "--datapackage", str(tmp_path / "x"), "--year", "2024").exit_code != 0


def test_export_streams_from_a_cursor(filled_db):
    from db.export import iter_rows
    columns, rows = iter_rows(open_db(filled_db), "commitment_details")
    assert not isinstance(rows, list) and "speaker" in columns  # rows come one at a time

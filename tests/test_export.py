import csv
import io
import json

from tests.conftest import SAMPLE


def test_export_documents_in_three_formats(run, tmp_path):
    run("add", str(SAMPLE), "--published", "2025-06-26")
    as_csv = list(csv.DictReader(io.StringIO(run("export", "documents", "--format", "csv").stdout)))
    as_json = json.loads(run("export", "documents", "--format", "json").stdout)
    as_jsonl = [json.loads(line) for line in run("export", "documents", "--format", "jsonl").stdout.splitlines()]
    assert len(as_csv) == len(as_json) == len(as_jsonl) == 1
    assert as_csv[0]["title"] == as_json[0]["title"] == as_jsonl[0]["title"]
    assert as_json[0]["published"] == "2025-06-26"
    out = tmp_path / "docs.jsonl"
    result = run("export", "documents", "--format", "jsonl", "-o", str(out))
    assert "wrote 1 rows" in result.stderr
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["id"] == as_json[0]["id"]


def test_export_where_with_parameters(run):
    run("add", str(SAMPLE), "--published", "2025-06-26")
    rows = json.loads(run("export", "documents", "--format", "json", "--where", "published > :d",
                          "-p", "d", "2025-07-01").stdout)
    assert rows == []


def test_export_unknown_table_says_what_exists(run):
    run("add", str(SAMPLE))  # export reads an existing database only
    result = run("export", "nope")
    assert result.exit_code != 0
    assert "choose one of" in result.output and "documents" in result.output

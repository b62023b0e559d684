"""`janji process --jobs N` (janji/pool.py): N workers, one writer, and the database it leaves is
the one `--jobs 1` leaves, row for row and id for id: news, PK PDFs, a bundle, a scan that is
OCR'd inside the workers, and a stored PDF that no longer reads (one error line, the same)."""
from __future__ import annotations

import importlib.util
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from db import open_db
from janji.cli import cli
from tests.conftest import CORPUS

_spec = importlib.util.spec_from_file_location("make_pk_bundle", Path(__file__).parent / "pk" / "make_pk_bundle.py")
bundles = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bundles)

TABLES = ["officials", "official_aliases", "opds", "official_roles", "mentions", "event_dates", "quotes",
          "commitments", "tenure_events", "agreements", "agreement_targets", "agreement_programs",
          "agreement_diffs", "target_changes", "program_changes", "official_merges", "promise_links"]


def _snapshot(path: Path) -> dict:
    db = open_db(path)
    out = {t: list(db.query(f"select * from [{t}] order by rowid")) for t in TABLES}
    out["documents"] = list(db.query("select id, kind, status, error from documents order by id"))
    return out


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract-ocr not installed")
def test_jobs_2_stores_what_jobs_1_stores(tmp_path):
    gold = bundles.fixtures.load_gold()
    sources = sorted(p for p in CORPUS.iterdir() if p.suffix in (".html", ".pdf", ".txt"))
    scan = tmp_path / "scan0001.pdf"
    scan.write_bytes(bundles.fixtures.scanned_copy(bundles.fixtures.build_case(gold["kota_dinkes_portrait_ruled"])))
    bundle = tmp_path / "PK Perangkat Daerah.pdf"
    bundle.write_bytes(bundles.build_bundle()[0])
    broken = tmp_path / "Dinkes_PK_rev.pdf"
    broken.write_bytes(bundles.fixtures.build_case(gold["kota_bappeda_perubahan_mismatch"]))
    runner, serial = CliRunner(), tmp_path / "serial.db"
    result = runner.invoke(cli, ["add", "--db", str(serial), *map(str, sources), str(scan), str(bundle), str(broken)])
    assert result.exit_code == 0, result.output
    db = open_db(serial)
    # rows stored before layouts were kept: the PDFs are read again (the scan OCR'd) while processing
    db.execute("update documents set layout = null where kind in ('pdf', 'pk')")
    sha = db.execute("select sha256 from documents where path like '%Dinkes_PK_rev.pdf'").fetchone()[0]
    db.execute("update raw_files set content = substr(content, 1, 900) where sha256 = ?", [sha])  # now truncated
    db.conn.commit()
    pooled = tmp_path / "pooled.db"
    with sqlite3.connect(pooled) as copy:  # the same database twice, write-ahead log included
        db.conn.backup(copy)
    db.close()

    one = runner.invoke(cli, ["process", "--db", str(serial), "--jobs", "1"])
    two = runner.invoke(cli, ["process", "--db", str(pooled), "--jobs", "2"])
    assert one.exit_code == two.exit_code == 1  # the truncated PDF
    summary = lambda out: [line for line in out.splitlines() if not line.startswith("process:")]  # noqa: E731
    assert summary(one.output) == summary(two.output)  # progress lines carry rates
    first, second = _snapshot(serial), _snapshot(pooled)
    assert first == second
    failed = [d for d in first["documents"] if d["status"] == "failed"]
    assert len(failed) == 1 and "truncated" in failed[0]["error"]
    assert len(first["agreements"]) >= 3 + 1 + 3  # demo PKs, the scan, the bundle's three
    assert sum(1 for t in first["agreement_targets"] if t["indikator"] == "Prevalensi stunting") >= 1

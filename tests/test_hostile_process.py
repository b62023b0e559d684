"""No poison pill in `janji process` (issue 16): a document over its time budget is stopped for
real (the extraction worker is killed, whatever compiled code it is in), marked failed with the
reason, skipped by later runs until `process --all`, and the documents after it are extracted.
Real commands on a real database; the budget is made small so that an ordinary long text
overruns it."""
from __future__ import annotations

import sqlite3

from tests.hostile import make_hostile as mh
from tests.hostile.campaign import GOOD, janji


def _statuses(db) -> dict[str, tuple[str, str | None]]:
    con = sqlite3.connect(db)
    return {path.rsplit("/", 1)[-1]: (status, error) for path, status, error in
            con.execute("select path, status, error from documents order by id")}


def test_a_document_over_its_budget_is_failed_skipped_and_retried_by_all(tmp_path):
    long_text = tmp_path / "panjang.txt"   # ~600,000 characters: seconds of extraction, not 0.2 s
    long_text.write_bytes(mh.run_text("!", 10) * 900)
    good = tmp_path / "good.html"
    good.write_text(GOOD, encoding="utf-8")
    db = tmp_path / "p.db"
    code, out, _, _ = janji(["add", "--db", str(db), str(long_text), str(good)], tmp_path)
    assert code == 0, out

    code, out, _, _ = janji(["process", "--db", str(db)], tmp_path, env={"JANJI_PROCESS_BUDGET": "0.2"})
    assert code == 1 and "Traceback" not in out, out
    status = _statuses(db)
    assert status["panjang.txt"][0] == "failed" and "longer than 0.2 s" in status["panjang.txt"][1]
    assert "panjang.txt" in status["panjang.txt"][1] and "--all" in status["panjang.txt"][1]
    assert status["good.html"][0] == "processed"  # the worker was replaced and went on

    code, out, _, _ = janji(["process", "--db", str(db)], tmp_path)
    assert code == 0 and "nothing to process" in out, out  # the failed one is not retried
    assert _statuses(db)["panjang.txt"][0] == "failed"

    code, out, _, _ = janji(["process", "--all", "--db", str(db)], tmp_path)
    assert code == 0, out
    assert {s for s, _ in _statuses(db).values()} == {"processed"}

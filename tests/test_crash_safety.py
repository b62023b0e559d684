"""Crash safety: `janji run` and `janji process` killed with SIGKILL at named points (JANJI_FAULT,
read only by janji/faults.py), then run again, end with exactly the database of an uninterrupted
run: same documents, raw files, fetch state and extraction rows, no duplicates, no orphans,
integrity_check and foreign_key_check clean. And scrape + process + a read-only reader at once:
no "database is locked".

Real subprocesses against the fixture sites on 127.0.0.1; no wall-clock assertions.
"""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
import sqlite_utils

from db.answer_tables import disagreements
from janji import faults
from tests.fixture_site.server import build_tree, rebase_args, serve_sites, stop_all

ROOT = Path(__file__).parent.parent
FAST = ["--delay", "0", "--allow-private", "--backoff", "0.01"]
# Columns that record when or in which run something happened, not what was stored.
VOLATILE = {"fetched", "processed_at", "fetched_at", "at", "started", "finished", "run_id", "applied"}
SKIP_TABLES = {"scrape_runs", "ingest_errors", "_migrations"}
# derived from the other tables and keyed by their ids (which differ between runs): checked for
# agreement with their sources in assert_sound instead of compared row by row
DERIVED_TABLES = {"commitment_details", "quote_details", "official_timeline"}
RUN_TIMEOUT = 60  # seconds: a limit for a hung child, not a measurement

# (command, fault) pairs: every point of janji/faults.py at least once, early and late.
RUN_FAULTS = [
    ("fetch", 1), ("fetch", 9), ("fetched", 4), ("fetched", 20),
    ("before-store", 1), ("before-store", 8), ("store-transaction", 1), ("store-transaction", 7),
    ("store-transaction", 15), ("stored", 3), ("stored", 15),
    ("process", 1), ("process", 8), ("process-transaction", 2), ("process-transaction", 15), ("processed", 6),
]
SURVIVED: list[str] = []


def janji(db_path: Path, *args: str, fault: str | None = None, check: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop(faults.ENV, None)
    if fault:
        env[faults.ENV] = fault
    env["PYTHONFAULTHANDLER"] = "1"  # a child stuck past the limit is aborted with its stack printed
    child = subprocess.Popen([sys.executable, "-m", "janji", args[0], "--db", str(db_path), *args[1:]],
                             cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        out, err = child.communicate(timeout=RUN_TIMEOUT)
    except subprocess.TimeoutExpired:
        child.send_signal(signal.SIGABRT)
        out, err = child.communicate()
        pytest.fail(f"janji {' '.join(args)} (fault {fault}) still running after {RUN_TIMEOUT} s:\n{err[-6000:]}")
    proc = subprocess.CompletedProcess(child.args, child.returncode, out, err)
    if check:
        if proc.returncode != 0: Path("/tmp/janji_fail.txt").write_text(proc.stderr)
        assert proc.returncode == 0, (fault, proc.stdout[-2000:], proc.stderr[-8000:])
    return proc


def _natural(db: sqlite3.Connection, table: str, rowid, depth: int = 0):
    """A row as its content, foreign keys replaced by the referenced row's content (ids differ
    between runs: documents arrive in a different order when a run is cut short)."""
    if rowid is None:
        return None
    pk = "url" if table == "fetch_state" else "sha256" if table == "raw_files" else "id"
    cols = [r[1] for r in db.execute(f"pragma table_info([{table}])")]
    row = dict(zip(cols, db.execute(f"select * from [{table}] where [{pk}] = ?", [rowid]).fetchone()))
    return _content(db, table, row, depth)


def _content(db: sqlite3.Connection, table: str, row: dict, depth: int = 0):
    fks = {r[3]: r[2] for r in db.execute(f"pragma foreign_key_list([{table}])")}
    out = []
    for col, value in sorted(row.items()):
        if col in VOLATILE or col == "id" or col == "content":
            continue
        if col in fks:
            target = fks[col]
            # a document is named by its key; other rows by their content
            if target == "documents":
                value = db.execute("select key from documents where id = ?", [value]).fetchone() if value else None
            elif target == "raw_files":
                pass
            else:
                value = _natural(db, target, value, depth + 1)
        out.append((col, value))
    return tuple(out)


def snapshot(db_path: Path) -> dict[str, Counter]:
    """Every table (but run logs and FTS shadows) as a multiset of content rows."""
    db = sqlite3.connect(db_path)
    tables = [r[0] for r in db.execute("select name from sqlite_master where type = 'table' and name not like '%fts%' "
                                       "and name not like 'sqlite_%'")]
    state = {}
    for table in tables:
        if table in SKIP_TABLES or table in DERIVED_TABLES:
            continue
        cols = [r[1] for r in db.execute(f"pragma table_info([{table}])")]
        state[table] = Counter(_content(db, table, dict(zip(cols, row))) for row in db.execute(f"select * from [{table}]"))
    db.close()
    return state


def assert_sound(db_path: Path) -> None:
    db = sqlite3.connect(db_path)
    try:
        assert db.execute("pragma integrity_check").fetchall() == [("ok",)]
        assert db.execute("pragma foreign_key_check").fetchall() == []
        assert db.execute("select count(*) - count(distinct key) from documents").fetchone()[0] == 0
        # no orphans: every raw file belongs to a document, every official is supported by a row,
        # every fetch state that names a document names one that exists
        assert db.execute("select count(*) from raw_files where sha256 not in (select sha256 from documents)").fetchone()[0] == 0
        assert db.execute("select count(*) from officials where id not in (select official_id from official_aliases) "
                          "and id not in (select official_id from official_roles)").fetchone()[0] == 0
        assert db.execute("select count(*) from fetch_state where document_id is not null "
                          "and document_id not in (select id from documents)").fetchone()[0] == 0
        assert db.execute("select count(*) from documents where status = 'new'").fetchone()[0] == 0
        assert set(disagreements(sqlite_utils.Database(db)).values()) == {0}  # answer tables match their sources
        fts = db.execute("select count(*) from documents_fts").fetchone()[0]
        assert fts == db.execute("select count(*) from documents").fetchone()[0]
    finally:
        db.close()


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    servers = serve_sites(build_tree(tmp_path_factory.mktemp("crash") / "site"))
    yield servers
    stop_all(servers)


@pytest.fixture(scope="module")
def baseline(sites, tmp_path_factory):
    db_path = tmp_path_factory.mktemp("baseline") / "clean.db"
    janji(db_path, "run", *FAST, *rebase_args(sites))
    assert_sound(db_path)
    state = snapshot(db_path)
    assert sum(state["documents"].values()) == 16 and sum(state["commitments"].values()) > 0
    return db_path, state


def _diff(got: dict[str, Counter], want: dict[str, Counter]) -> dict[str, tuple[int, int]]:
    return {t: (sum((got[t] - want[t]).values()), sum((want[t] - got[t]).values()))
            for t in want if got.get(t) != want[t]}


@pytest.mark.parametrize("point,n", RUN_FAULTS, ids=[f"{p}:{n}" for p, n in RUN_FAULTS])
def test_run_killed_at_a_fault_point_then_rerun_equals_an_uninterrupted_run(sites, baseline, tmp_path, point, n):
    db_path = tmp_path / "killed.db"
    killed = janji(db_path, "run", *FAST, *rebase_args(sites), fault=f"{point}:{n}", check=False)
    assert killed.returncode == -signal.SIGKILL, f"{point}:{n} was not reached ({killed.stdout[-500:]})"
    janji(db_path, "run", *FAST, *rebase_args(sites))
    assert_sound(db_path)
    assert _diff(snapshot(db_path), baseline[1]) == {}
    SURVIVED.append(f"run {point}:{n}")


def test_killed_twice_in_a_row_still_converges(sites, baseline, tmp_path):
    db_path = tmp_path / "twice.db"
    for fault in ("store-transaction:5", "process-transaction:3"):
        proc = janji(db_path, "run", *FAST, *rebase_args(sites), fault=fault, check=False)
        assert proc.returncode == -signal.SIGKILL, fault
    janji(db_path, "run", *FAST, *rebase_args(sites))
    assert_sound(db_path)
    assert _diff(snapshot(db_path), baseline[1]) == {}
    SURVIVED.append("run store-transaction:5 + process-transaction:3")


def _copy(src_path: Path, dst_path: Path) -> None:
    src, dst = sqlite3.connect(src_path), sqlite3.connect(dst_path)
    src.backup(dst)
    src.close(), dst.close()


@pytest.fixture(scope="module")
def reprocessed(baseline, tmp_path_factory):
    """`process --all` over the baseline, uninterrupted: what a killed re-extraction must end as."""
    db_path = tmp_path_factory.mktemp("reprocessed") / "all.db"
    _copy(baseline[0], db_path)
    janji(db_path, "process", "--all")
    return snapshot(db_path)


@pytest.mark.parametrize("fault", ["process:4", "process-transaction:1", "process-transaction:11", "processed:9"])
def test_process_all_killed_keeps_every_document_whole_and_a_rerun_finishes_it(baseline, reprocessed, tmp_path, fault):
    """Re-extraction of an already processed database, killed: each document keeps its old rows
    or its new ones (never none, never half), and `process --all` again ends like an
    uninterrupted `process --all`."""
    db_path = tmp_path / "reprocess.db"
    _copy(baseline[0], db_path)
    proc = janji(db_path, "process", "--all", fault=fault, check=False)
    assert proc.returncode == -signal.SIGKILL
    assert_sound(db_path)  # mid-way: consistent, every document still processed
    db = sqlite3.connect(db_path)
    assert db.execute("select count(*) from documents d where not exists "
                      "(select 1 from mentions m where m.document_id = d.id)").fetchone()[0] == \
        sqlite3.connect(baseline[0]).execute("select count(*) from documents d where not exists "
                                             "(select 1 from mentions m where m.document_id = d.id)").fetchone()[0]
    db.close()
    janji(db_path, "process", "--all")
    assert_sound(db_path)
    assert _diff(snapshot(db_path), reprocessed) == {}
    SURVIVED.append(f"process --all {fault}")


def test_scrape_then_process_killed_then_process_again(sites, baseline, tmp_path):
    db_path = tmp_path / "split.db"
    janji(db_path, "scrape", *FAST, *rebase_args(sites))
    proc = janji(db_path, "process", fault="process-transaction:7", check=False)
    assert proc.returncode == -signal.SIGKILL
    janji(db_path, "process")
    assert_sound(db_path)
    assert _diff(snapshot(db_path), baseline[1]) == {}
    SURVIVED.append("process process-transaction:7")


def test_unknown_fault_point_is_an_error_not_a_silent_pass(monkeypatch):
    with pytest.raises(ValueError, match="unknown fault point"):
        faults._parse("no-such-point:1")
    assert faults._parse("fetch:3,stored") == {"fetch": 3, "stored": 1}


# -- concurrency: scrape and process write while a Datasette-style reader reads -----------------

def _reader(db_path: Path, stop: threading.Event, errors: list[str], counts: list[int]) -> None:
    """What Datasette does: a read-only connection (mode=ro) running queries in a loop."""
    while not db_path.exists() and not stop.is_set():
        time.sleep(0.01)
    conn = None
    while not stop.is_set():
        try:
            if conn is None:
                conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=5)
            conn.execute("select count(*) from documents").fetchone()
            conn.execute("select d.title, count(c.id) from documents d left join commitments c "
                         "on c.document_id = d.id group by d.id").fetchall()
            conn.execute("select * from documents_fts where documents_fts match 'jambi' limit 5").fetchall()
            counts.append(1)
        except sqlite3.OperationalError as exc:
            if "no such table" not in str(exc):  # the schema is still being created
                errors.append(str(exc))
            if conn is not None:
                conn.close()
                conn = None
        time.sleep(0.005)
    if conn is not None:
        conn.close()


def test_scrape_process_and_a_reader_at_once_never_see_database_is_locked(sites, baseline, tmp_path):
    db_path = tmp_path / "busy.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop(faults.ENV, None)
    stop, reader_errors, reads = threading.Event(), [], []
    reader = threading.Thread(target=_reader, args=(db_path, stop, reader_errors, reads))
    reader.start()
    # a slow scrape (politeness delay on) so several `janji process` runs overlap with it
    scraper = subprocess.Popen([sys.executable, "-m", "janji", "scrape", "--db", str(db_path), "--allow-private",
                                "--delay", "0.1", "--backoff", "0.01", *rebase_args(sites)],
                               cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    outputs = []
    try:
        while not db_path.exists():
            time.sleep(0.02)
        while scraper.poll() is None:
            proc = subprocess.run([sys.executable, "-m", "janji", "process", "--db", str(db_path)], cwd=ROOT,
                                  env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT)
            outputs.append(proc)
        out, err = scraper.communicate(timeout=RUN_TIMEOUT)
    finally:
        if scraper.poll() is None:
            scraper.kill()
        stop.set()
        reader.join()
    final = janji(db_path, "process", check=False)
    assert scraper.returncode == 0, err[-2000:]
    assert outputs, "process never ran alongside the scrape"
    for proc in [*outputs, final]:
        assert proc.returncode == 0, proc.stderr[-2000:]
        assert "locked" not in proc.stderr + proc.stdout
    assert "locked" not in err + out
    assert reader_errors == [] and reads
    assert_sound(db_path)
    assert _diff(snapshot(db_path), baseline[1]) == {}

"""`janji process --jobs N`: N extraction workers at once, one writer.

Each worker is the per-document forked ExtractionWorker of janji/processing.py (time budget,
memory ceiling, a fresh child after a crash or an overrun), driven by a thread of its own that
waits on its pipe, so N documents are extracted at once while this process only reads rows and
writes results. A PDF stored without its layout is read (OCR included) by the worker's thread in
a child of its own, as the serial path reads it: that is the slow part the pool is for.

Results are written in document order, one transaction each, by this process alone (SQLite has
one writer anyway): the database after --jobs N is the one --jobs 1 writes, ids included.
"""
from __future__ import annotations

import logging
import queue
import threading
from typing import Callable

import sqlite_utils

from db.store import record_process_error, replace_extraction, write_transaction
from janji import faults
from janji.processing import ExtractionFailed, ExtractionWorker, _documents, doc_label, process_budget
from scrapers.errors import SourceError
from scrapers.pdf import read_pdf_isolated
from scrapers.text import error_line

log = logging.getLogger("janji.process")
WINDOW_PER_JOB = 4  # documents read ahead per worker: bounds memory when one document is slow


class _PoolWorker(ExtractionWorker):
    """A worker whose child is forked while no other worker forks. Each child inherits the
    parent's ends of the pipes that exist when it is forked; two children forked at the same time
    would each hold the other's, and after a kill -9 of this process neither would ever see its
    pipe close (both then keep running, holding stdout). One at a time, the newest child's pipe is
    held by nobody else: it exits first and releases the older ones in turn."""

    _forking = threading.Lock()

    def _start(self) -> None:
        with self._forking:
            super()._start()


def _work(worker: ExtractionWorker, jobs: queue.Queue, results: dict, ready: threading.Condition) -> None:
    while (item := jobs.get()) is not None:
        index, doc_id, doc, error = item
        outcome = None
        if doc is not None and doc.kind in ("pdf", "pk") and not doc.layout and doc.raw:
            try:  # read here, in a child of its own (read_pdf_isolated): the same limits and lines as serial
                doc.layout, doc.raw = read_pdf_isolated(doc.raw).layout, b""
            except SourceError as exc:
                doc, error = None, str(exc)
        if doc is not None:
            try:
                outcome = worker.extract(doc)
            except ExtractionFailed as exc:
                error = str(exc)
            except Exception as exc:  # noqa: BLE001 - the writer waits for every index: one line, never a hang
                error = f"extraction failed: {type(exc).__name__}: {str(exc)[:300] or 'no detail'}"
        with ready:
            results[index] = (doc_id, doc, outcome, error)
            ready.notify()


def process_documents_pooled(db: sqlite_utils.Database, extractor, ids: list[int], jobs: int,
                             on_progress: Callable[[int], None] = lambda n: None,
                             budget: float | None = None) -> tuple[int, int]:
    """process_documents with `jobs` workers; returns (processed, failed)."""
    budget = process_budget() if budget is None else budget
    work: queue.Queue = queue.Queue()
    results: dict[int, tuple] = {}
    ready = threading.Condition()
    workers = [_PoolWorker(extractor, budget) for _ in range(jobs)]
    threads = [threading.Thread(target=_work, args=(w, work, results, ready), daemon=True, name=f"janji-job-{n}")
               for n, w in enumerate(workers)]
    for thread in threads:
        thread.start()
    counts = [0, 0]  # processed, failed
    written = 0

    def write_ready(block_until: int) -> int:
        """Write every result in order up to the first missing one; wait while fewer than
        `block_until` are written."""
        nonlocal written
        while True:
            with ready:
                while written not in results and written < block_until:
                    ready.wait()
                if written not in results:
                    return written
                doc_id, doc, extraction, error = results.pop(written)
            _write(db, doc_id, doc, extraction, error, counts)
            on_progress(1)
            written += 1

    finished = False
    try:
        read = 0
        for index, (doc_id, doc, error) in enumerate(_documents(db, ids, read_layout=False)):
            write_ready(index - WINDOW_PER_JOB * jobs + 1)  # read ahead no further than the window
            work.put((index, doc_id, doc, error))
            read = index + 1
        write_ready(read)
        finished = True
    finally:
        if not finished:  # interrupted: the children go first, so no thread waits out a budget
            for worker in workers:
                worker.stop()
        for _ in threads:
            work.put(None)
        for thread in threads:
            thread.join(5 if not finished else None)
        for worker in workers:
            worker.stop()
    return counts[0], counts[1]


def _write(db, doc_id: int, doc, extraction, error, counts: list[int]) -> None:
    """What process_documents does with one result (same error lines, same fault points)."""
    if error is not None:
        error = error_line(f"document {doc_id} ({doc_label(db, doc_id)}): {error}")
        record_process_error(db, doc_id, error)
        log.error("%s", error)
        counts[1] += 1
        return
    faults.point("process")
    with write_transaction(db):
        replace_extraction(db, doc_id, extraction, doc.published)
        faults.point("process-transaction")
    faults.point("processed")
    counts[0] += 1

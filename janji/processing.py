"""`janji process`: stored documents -> extraction rows, re-reading nothing from the network.

No document can stop the others, however hostile its text: extraction runs in a forked worker
process (ExtractionWorker) with a time budget per document, enforced by killing the worker (a
signal handler cannot interrupt spaCy's tokenizer, which is compiled code), and a memory ceiling.
A document that fails or overruns is marked `failed` with the reason and skipped by later runs
until `janji process --all`; extraction happens before the write transaction, which only writes.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
from typing import Callable, Iterator

import sqlite_utils

from db.documents import document_label, document_row, pending_ids, stored_document, text_length
from db.store import record_process_error, replace_extraction, write_transaction
from janji import faults
from models import Document, Extraction
from scrapers.errors import SourceError
from scrapers.pdf import address_space, read_pdf_isolated
from scrapers.text import collapse_punctuation_runs, error_line

log = logging.getLogger("janji.process")
MAX_TEXT_CHARS = 1_000_000  # spaCy's own max_length: a longer text would stop the whole run, so it
# is one error line instead (a 50 MB page is refused by the scraper; this catches what got through)
BUDGET_S = 60.0             # seconds of extraction per document; JANJI_PROCESS_BUDGET overrides
WORKER_MEMORY_BYTES = 2 * 1024 ** 3  # address space the worker may add to what it starts with


def process_budget() -> float:
    try:
        return float(os.environ.get("JANJI_PROCESS_BUDGET", "") or BUDGET_S)
    except ValueError:
        return BUDGET_S


def document_from_row(db: sqlite_utils.Database, row: dict, read_layout: bool = True) -> Document:
    """The stored Document (db/documents.py), tokenizer-safe; a PDF stored before layouts were kept
    is read again here (bounded, in a child), or with read_layout=False left with its bytes for a
    pool worker to read (janji/pool.py)."""
    doc = stored_document(db, row)
    if doc.kind in ("pdf", "pk") and doc.raw and read_layout:
        doc.layout, doc.raw = read_pdf_isolated(doc.raw).layout, b""
    # offsets into the stored text stay valid: runs of one punctuation character are spaced out
    doc.text = collapse_punctuation_runs(doc.text)
    return doc


pending = pending_ids  # what `janji process` extracts (db/documents.py)


class ExtractionFailed(Exception):
    """One document's extraction failed or ran over its budget; the message says which."""


def _serve(extractor, conn, other_end, memory: int) -> None:
    """The worker: documents in, ("ok", Extraction) or ("error", line) out, until the pipe closes."""
    import resource

    other_end.close()  # else the parent's end stays open here and its death is never seen
    if memory:
        limit = address_space() + memory
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    parent = os.getppid()
    while True:
        try:
            # a sibling worker forked later holds a copy of our parent's pipe end, so the parent's
            # death (kill -9) may never close the pipe: check who the parent is while waiting
            while not conn.poll(1.0):
                if os.getppid() != parent:
                    return
            doc = conn.recv()
        except (EOFError, OSError):
            return
        try:
            result = ("ok", extractor.extract(doc))
        except MemoryError:
            result = ("error", f"extraction needs more than {memory // 2 ** 20} MB more memory")
        except Exception as exc:  # noqa: BLE001 - the parent gets one line, whatever happened
            result = ("error", f"extraction failed: {type(exc).__name__}: {str(exc)[:300] or 'no detail'}")
        try:
            conn.send(result)
        except Exception as exc:  # noqa: BLE001 - e.g. a result that does not pickle
            conn.send(("error", f"extraction result could not be handed back ({type(exc).__name__})"))


class ExtractionWorker:
    """`extract(doc)` in a forked child that already holds the loaded pipeline (fork copies it);
    past `budget` seconds the child is killed and the next document gets a fresh one."""

    def __init__(self, extractor, budget: float, memory: int = WORKER_MEMORY_BYTES):
        self.extractor, self.budget, self.memory = extractor, budget, memory
        self._child = self._conn = None

    def _start(self) -> None:
        ctx = multiprocessing.get_context("fork")  # no re-import, the pipeline is not loaded twice
        self._conn, child_end = ctx.Pipe()
        self._child = ctx.Process(target=_serve, args=(self.extractor, child_end, self._conn, self.memory),
                                  daemon=True, name="janji-extract")
        self._child.start()
        child_end.close()

    def stop(self) -> None:
        if self._child is None:
            return
        self._conn.close()
        self._child.join(2)
        if self._child.is_alive():
            self._child.kill()
            self._child.join(5)
        self._child = self._conn = None

    def extract(self, doc: Document) -> Extraction:
        if self._child is None or not self._child.is_alive():
            self.stop()
            self._start()
        try:
            self._conn.send(doc)
            if not self._conn.poll(self.budget):
                self._child.kill()
                raise ExtractionFailed(
                    f"extraction took longer than {self.budget:g} s, the budget per document: stopped, and "
                    "skipped by later runs until `janji process --all` (JANJI_PROCESS_BUDGET sets the budget)")
            status, payload = self._conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            self._child.join(5)
            code = self._child.exitcode
            self.stop()
            raise ExtractionFailed(f"the extraction worker stopped (exit code {code}) on this document: "
                                   "it is probably hostile; skipped until `janji process --all`") from None
        except ExtractionFailed:
            self.stop()
            raise
        if status != "ok":
            raise ExtractionFailed(payload)
        return payload

    def __enter__(self) -> "ExtractionWorker":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def _documents(db: sqlite_utils.Database, ids: list[int],
               read_layout: bool = True) -> Iterator[tuple[int, Document | None, str | None]]:
    for doc_id in ids:
        length = text_length(db, doc_id)
        if length > MAX_TEXT_CHARS:  # refused before the text is loaded (49 MB took 1.5 GB)
            yield doc_id, None, (f"text of {length:,} characters is over the {MAX_TEXT_CHARS:,}-character "
                                 "limit for extraction; split the document or read it elsewhere")
            continue
        row = document_row(db, doc_id)
        try:
            doc = document_from_row(db, row, read_layout)
        except SourceError as exc:
            yield doc_id, None, str(exc)
            continue
        except Exception as exc:  # noqa: BLE001 - a row that does not rebuild is that row's failure
            yield doc_id, None, f"stored document could not be read back ({type(exc).__name__}: {exc})"
            continue
        yield doc_id, doc, None


def process_documents(db: sqlite_utils.Database, extractor, ids: list[int],
                      on_progress: Callable[[int], None] = lambda n: None,
                      budget: float | None = None) -> tuple[int, int]:
    """Extract and store each document, one at a time; returns (processed, failed)."""
    done = failed = 0
    with ExtractionWorker(extractor, process_budget() if budget is None else budget) as worker:
        for doc_id, doc, error in _documents(db, ids):
            if doc is not None:
                try:
                    extraction = worker.extract(doc)
                except ExtractionFailed as exc:
                    error = str(exc)
            if error is not None:
                error = error_line(f"document {doc_id} ({doc_label(db, doc_id)}): {error}")
                record_process_error(db, doc_id, error)
                log.error("%s", error)
                failed += 1
                on_progress(1)
                continue
            faults.point("process")
            with write_transaction(db):  # a savepoint inside: the fault point below dies mid-transaction
                replace_extraction(db, doc_id, extraction, doc.published)
                faults.point("process-transaction")
            faults.point("processed")
            done += 1
            on_progress(1)
    return done, failed


doc_label = document_label  # how error lines name a document (db/documents.py)

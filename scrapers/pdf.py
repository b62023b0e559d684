"""PDF bytes -> page texts, words with positions and ruled tables. Every failure is one SourceError.

pypdfium2 (shipped with pdfplumber) opens the file first: it is fast, names the failure
precisely (password, damaged data) and tells which pages have a text layer. Pages with text are
read by pdfplumber (words + tables); pages without one are rendered and OCR'd (scrapers/ocr.py).
A file cut off before its end is read as far as its pages arrived whole (scrapers/pdf_repair.py);
a page that cannot be read (lost, damaged, blurred, over its OCR time) is one error line on that
page, and the other pages are kept.
"""
from __future__ import annotations

import io
import multiprocessing
import re
import threading
from dataclasses import dataclass, field

from models import PageSpan
from models.pdf_layout import PdfPage, PdfTable, PdfWord, group_lines
from scrapers.errors import SourceError
from scrapers.pdf_repair import is_truncated, page_ranges, with_rebuilt_xref
from scrapers.text import clean_text

MAX_PAGES = 500
MAX_TABLE_EDGES = 5_000  # lines + rectangles + curves on one page; more is drawing, not a table, and
# pdfplumber's table finder grows much faster than linearly with them: words only on such pages
MAX_CONTENT_BYTES = 16 * 2 ** 20  # drawing instructions of one page, decompressed (a PK page has <1 MB)
PDF_TIMEOUT_S = 300      # one whole document, OCR included, read in a child process (read_pdf_isolated)
PDF_MEMORY_BYTES = 3 * 1024 ** 3  # address space that child may add: a decompression bomb fails, not the machine
MIN_TEXT_CHARS = 20      # fewer characters than this on a page means "scanned", not "short page"
# PDFium is not thread-safe: two PDFs read at once (the scrape job reads in worker threads) crash
# the process ("double free or corruption"). One PDF at a time goes through PDFium.
PDFIUM_LOCK = threading.Lock()
# pdfminer writes "(cid:9)" for a glyph it cannot map to a character: a word made only of those
# (40,000 of them on a page whose text layer is junk) is no text at all
CID_ONLY = re.compile(r"(?:\(cid:\d+\))+")
TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}  # ruled tables only;
# unruled ones are rebuilt by extractors from word positions, where they know the header words


@dataclass
class PdfText:
    text: str
    pages: list[PageSpan]
    method: str                                   # pdfplumber | ocr | pdfplumber+ocr
    layout: list[PdfPage] = field(default_factory=list)


def check_pdf_bytes(raw: bytes) -> None:
    if not raw:
        raise SourceError("empty file (0 bytes): nothing to read")
    if not raw.lstrip()[:5].startswith(b"%PDF"):
        raise SourceError("not a PDF (no %PDF header): check the file type")


def _open_pdfium(raw: bytes):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            raise SourceError("PDF is encrypted with a password: ask the publisher for an open copy") from None
        if is_truncated(raw):
            raise SourceError("PDF is truncated (no end-of-file marker): download it again") from None
        raise SourceError(f"unreadable PDF ({exc}); the file may be corrupt") from None


@dataclass
class _Readable:
    raw: bytes                 # what both readers open: the file, or its readable pages only
    doc: object                # the PDFium document of `raw`
    numbers: list[int]         # each page's number in the file as published
    lost: PdfPage | None = None  # one page carrying the one error line for the pages cut off


def _open_readable(raw: bytes) -> _Readable:
    """The file opened; a truncated one with its cross-reference rebuilt (scrapers/pdf_repair.py)
    and only the pages that arrived whole, so a bundle cut off in its last agreement keeps the
    agreements before it."""
    import pypdfium2 as pdfium

    try:
        doc = _open_pdfium(raw)
        return _Readable(raw, doc, list(range(1, len(doc) + 1)))
    except SourceError as exc:
        refused = exc  # the line to give when nothing can be kept
        rebuilt = with_rebuilt_xref(raw) if is_truncated(raw) else None
        if rebuilt is None:
            raise
        try:
            repaired = pdfium.PdfDocument(rebuilt)
        except pdfium.PdfiumError:
            raise refused from None
    readable, lost = [], []
    for index in range(len(repaired)):
        try:  # a page object that never arrived does not load; one whose content was cut has no objects
            whole = any(True for _ in repaired[index].get_objects(max_depth=1))
        except pdfium.PdfiumError:
            whole = False
        (readable if whole else lost).append(index)
    if not readable:
        repaired.close()
        raise refused from None  # cut before its first page was whole: nothing to keep
    clean = pdfium.PdfDocument.new()
    clean.import_pages(repaired, pages=readable)
    buf = io.BytesIO()
    clean.save(buf)
    clean.close()
    repaired.close()
    error = None
    if lost:
        first = lost[0] + 1
        error = (f"page{'s' if len(lost) > 1 else ''} {page_ranges([i + 1 for i in lost])} of {len(readable) + len(lost)} "
                 "lost: the PDF is truncated (its download or upload was cut off), download it again for them")
        error = PdfPage(first, 0.0, 0.0, method="lost", error=error)
    return _Readable(buf.getvalue(), pdfium.PdfDocument(buf.getvalue()), [i + 1 for i in readable], error)


def words_to_text(words: list[PdfWord]) -> str:
    """Lines top to bottom, words left to right: what a reader sees, columns side by side."""
    return "\n".join(" ".join(w.text for w in line) for line in group_lines(words))


def _word_text(text: str) -> str:
    """A word as stored: control characters and lone surrogates out, unmapped glyphs out."""
    text = clean_text(text) or ""
    return "" if CID_ONLY.fullmatch(text) else text.strip()


def _digital_page(page, number: int) -> PdfPage:
    words = [PdfWord(text, w["x0"], w["top"], w["x1"], w["bottom"])
             for w in page.extract_words(keep_blank_chars=False, use_text_flow=False)
             if (text := _word_text(w["text"]))]
    tables = []
    edges = len(page.lines) + len(page.rects) + len(page.curves)
    for found in page.find_tables(TABLE_SETTINGS) if edges <= MAX_TABLE_EDGES else []:
        rows = [[None if c is None else " ".join(c.split()) for c in row] for row in found.extract()]
        if len(rows) >= 2 and max(len(r) for r in rows) >= 2:  # single boxes are frames, not tables
            tables.append(PdfTable(*found.bbox, rows=rows))
    return PdfPage(number, float(page.width), float(page.height), words, tables)


def _content_bytes(page) -> int:
    """Decompressed size of a page's content streams (pdfminer keeps the decoded data, so
    reading the page afterwards does not inflate them twice)."""
    from pdfminer.pdftypes import resolve1

    contents = resolve1(page.page_obj.attrs.get("Contents"))
    total = 0
    for item in contents if isinstance(contents, list) else [contents]:
        item = resolve1(item)
        if hasattr(item, "get_data"):
            total += len(item.get_data())
    return total


def _has_image(pdfium_page) -> bool:
    import pypdfium2.raw as pdfium_c

    return any(True for _ in pdfium_page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2))


def _needs_ocr(pdfium_page) -> bool:
    """No text layer but an image: a scan. Blank pages have neither and are not worth OCR time.
    Whitespace and control characters are no text layer (a scan's invisible layer can be only that)."""
    textpage = pdfium_page.get_textpage()
    try:
        text = textpage.get_text_range()
        if sum(1 for c in text[:10_000] if c.isprintable() and not c.isspace()) >= MIN_TEXT_CHARS:
            return False
    finally:
        textpage.close()
    return _has_image(pdfium_page)


def _read_pages(raw: bytes, pdfium_doc, numbers: list[int]) -> list[PdfPage]:
    import pdfplumber  # imported here: pdfminer is slow to import and most runs read HTML

    needs_ocr = [_needs_ocr(pdfium_doc[i]) for i in range(len(pdfium_doc))]
    layout = []
    with pdfplumber.open(io.BytesIO(raw)) as pdf:
        for index, page in enumerate(pdf.pages):
            digital = None
            if not needs_ocr[index]:
                size = _content_bytes(page)
                if size > MAX_CONTENT_BYTES:
                    raise SourceError(f"page {numbers[index]} holds {size // 2 ** 20} MB of drawing instructions, over "
                                      f"the {MAX_CONTENT_BYTES // 2 ** 20} MB limit per page: not stored")
                digital = _digital_page(page, numbers[index])
                # a text layer of unmapped glyphs only ("(cid:9)" runs) over a scan: read the scan
                if not digital.words and _has_image(pdfium_doc[index]):
                    digital = None
            if digital is None and (needs_ocr[index] or _has_image(pdfium_doc[index])):
                from scrapers.image_tables import read_scan
                from scrapers.ocr import tesseract_available

                width, height = pdfium_doc[index].get_size()
                words, tables, skew, error = [], [], 0.0, None
                try:  # ruled tables read cell by cell; a sideways page turned, a photo straightened
                    words, tables, skew, (width, height) = read_scan(pdfium_doc[index])
                except SourceError as exc:
                    if not tesseract_available():
                        raise  # no OCR at all is the machine's problem, not this page's
                    error = f"page {numbers[index]}: {exc}"  # one page over its time limit: the others still count
                except MemoryError:
                    raise  # a bomb is the whole file's refusal (read_pdf_isolated says so)
                except Exception as exc:  # not a broken file: say it was the OCR step
                    error = f"page {numbers[index]}: OCR failed ({type(exc).__name__}: {exc})"
                if not words and error is None:  # a damaged, blurred or blackened scan (a bad merge, a
                    # truncated image): recorded, so a bundle loses that page and not every agreement
                    error = f"page {numbers[index]}: the scanned image gives no readable text (damaged, blurred or blank)"
                layout.append(PdfPage(numbers[index], width, height, words, tables, "ocr", skew, error))
            else:
                layout.append(digital)
            page.close()  # frees pdfminer's per-page objects: long PDFs otherwise grow memory
    return layout


def read_pdf(raw: bytes) -> PdfText:
    """Text of each page joined by form feeds; page offsets kept for provenance; layout per page."""
    check_pdf_bytes(raw)
    with PDFIUM_LOCK:
        layout = _read_layout(raw)
    return _to_text(layout)


def _read_layout(raw: bytes) -> list[PdfPage]:
    opened = _open_readable(raw)
    pdfium_doc = opened.doc
    try:
        if len(pdfium_doc) > MAX_PAGES:
            raise SourceError(f"PDF has {len(pdfium_doc)} pages, more than the limit of {MAX_PAGES}")
        if len(pdfium_doc) == 0:
            raise SourceError("PDF has no pages: the file may be truncated or corrupt")
        layout = _read_pages(opened.raw, pdfium_doc, opened.numbers)
        if opened.lost is not None:
            layout = sorted(layout + [opened.lost], key=lambda page: page.number)
    except SourceError:
        raise
    except Exception as exc:  # pdfminer raises many unrelated types for broken files
        if is_truncated(raw):
            raise SourceError("PDF is truncated (no end-of-file marker): download it again") from None
        detail = str(exc).splitlines()[0] if str(exc) else "no detail"
        raise SourceError(f"unreadable PDF ({type(exc).__name__}: {detail}); the file may be corrupt") from None
    finally:
        pdfium_doc.close()
    return layout


def _to_text(layout: list[PdfPage]) -> PdfText:
    parts, spans, pos = [], [], 0
    for page in layout:
        page_text = words_to_text(page.words)
        spans.append(PageSpan(page=page.number, start=pos, end=pos + len(page_text)))
        parts.append(page_text)
        pos += len(page_text) + 1
    text = "\f".join(parts)
    if not text.strip():
        raise SourceError("PDF has no readable text, even after OCR: the scan may be blank or too faint")
    methods = {page.method for page in layout}
    method = "ocr" if methods == {"ocr"} else "pdfplumber+ocr" if "ocr" in methods else "pdfplumber"
    return PdfText(text=text, pages=spans, method=method, layout=layout)


# -- isolation: hostile PDFs (decompression bombs, pathological content streams, parser crashes)
# are read in a forked child with a deadline and a memory ceiling, so they cost one error line.

def _pdf_worker(raw: bytes, conn, memory: int) -> None:
    import resource

    global PDFIUM_LOCK
    PDFIUM_LOCK = threading.Lock()  # forked while another thread may have held the parent's
    if memory:
        limit = address_space() + memory
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        result = ("ok", read_pdf(raw))
    except SourceError as exc:
        result = ("error", str(exc))
    except MemoryError:
        result = ("error", f"PDF needs more than {memory // 2 ** 20} MB to read (a decompression bomb, or "
                           "images far larger than a scan): not stored")
    except RecursionError:
        result = ("error", "PDF is nested too deeply to read: the file is corrupt or hostile")
    except Exception as exc:  # noqa: BLE001 - the parent must get one line, whatever happened
        result = ("error", f"unreadable PDF ({type(exc).__name__}); the file may be corrupt")
    try:
        conn.send(result)
    except MemoryError:
        conn.send(("error", "PDF layout too large to hand back: not stored"))
    conn.close()


def address_space() -> int:
    """Virtual memory this process already maps (a forked child starts as a copy of it): the base
    of the memory ceilings of PDF readers and extraction workers (janji/processing.py)."""
    try:
        with open("/proc/self/statm") as f:
            import os
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return 0


def read_pdf_isolated(raw: bytes, *, timeout: float | None = None, memory: int | None = None) -> PdfText:
    """read_pdf in a child process: past the deadline or the memory ceiling, or when the parser
    crashes, the child is gone and the caller gets one SourceError; the run goes on."""
    check_pdf_bytes(raw)
    timeout = PDF_TIMEOUT_S if timeout is None else timeout
    memory = PDF_MEMORY_BYTES if memory is None else memory
    # fork (not spawn/forkserver): no re-import of the caller's __main__, and the readers are
    # already imported; the child only runs read_pdf and hands back the result or one line.
    ctx = multiprocessing.get_context("fork")
    receiver, sender = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_pdf_worker, args=(raw, sender, memory), daemon=True, name="janji-pdf")
    child.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise SourceError(f"reading the PDF took longer than {timeout:g} s (the limit per document): "
                              "it is damaged or hostile, not stored")
        try:
            status, payload = receiver.recv()
        except (EOFError, OSError):
            child.join(5)
            raise SourceError(f"the PDF reader stopped (exit code {child.exitcode}) on this file: "
                              "it is corrupt or hostile, not stored") from None
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join(5)
    if status != "ok":
        raise SourceError(payload)
    return payload

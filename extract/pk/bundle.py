"""One PDF, N agreements: regions publish a single file for all their OPDs (a cover, a daftar isi,
then each OPD's naskah + lampiran in turn, FIELD_GUIDE 7.6). The document is cut into one
sub-document per agreement where its own title and parties begin, and each is read by
`read_agreement` exactly as a separate file would be.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from extract.pk.lines import as_pages
from extract.pk.reader import read_agreement
from extract.pk.rules import pattern, rules
from models import Agreement, Document, PageSpan
from models.pdf_layout import PdfPage


@dataclass
class BundleRead:
    agreements: list[Agreement] = field(default_factory=list)  # document order
    errors: list[str] = field(default_factory=list)            # one line per page that could not be read


def _head(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    return "\n".join(lines[: rules()["bundle"]["head_lines"]])


def _lampiran_head(text: str) -> bool:
    return bool(pattern("lampiran").search(_head(text)))


def starts_agreement(text: str) -> bool:
    """A page that opens an agreement: the title near its top (not the lampiran's heading, which
    repeats it) and the parties' opening ("yang bertanda tangan di bawah ini", "Nama :"). A cover
    may carry the title too, but never the parties."""
    head = _head(text)
    if not pattern("title").search(head) or pattern("lampiran").search(head):
        return False
    return bool(pattern("bundle.start_evidence").search(text))


def _segments(pages: list[PdfPage], texts: dict[int, str]) -> list[list[PdfPage]]:
    """Pages of each agreement. Pages before the first start (cover, daftar isi) and pages under a
    skip heading belong to none; an unreadable page is left out. A second lampiran heading after
    an unreadable page is the orphan lampiran of an agreement whose first page was lost: it and
    the pages after it wait for the next start, so no agreement takes another's tables."""
    segments: list[list[PdfPage]] = []
    after_error = orphan = False
    for page in pages:
        text = texts.get(page.number, "")
        if page.error is None and starts_agreement(text):
            segments.append([page])
            after_error = orphan = False
        elif not segments or orphan:
            continue
        elif page.error is not None:
            after_error = True
        elif after_error and _lampiran_head(text) and any(_lampiran_head(texts.get(p.number, "")) for p in segments[-1]):
            orphan = True
        elif not pattern("bundle.skip_headings").search(_head(text)):
            segments[-1].append(page)
    return segments


def _subdocument(doc: Document, pages: list[PdfPage], texts: dict[int, str]) -> Document:
    """The pages of one agreement as a Document of their own; page numbers stay the bundle's, so
    each target's page is where it is printed in the file."""
    parts, spans, pos = [], [], 0
    for page in pages:
        text = texts.get(page.number, "")
        spans.append(PageSpan(page=page.number, start=pos, end=pos + len(text)))
        parts.append(text)
        pos += len(text) + 1
    return replace(doc, text="\f".join(parts), pages=spans, layout=pages)


def read_agreements(doc: Document) -> BundleRead:
    """Every agreement of a document in order (one for a single PK, none when it holds none), and
    the pages that could not be read."""
    pages = as_pages(doc.layout)
    errors = [page.error for page in pages if page.error]
    texts = {span.page: doc.text[span.start:span.end] for span in doc.pages}
    segments = _segments(pages, texts) if pages and texts else []
    if not segments:  # a text file, or a PK whose first page reads no title: the whole document
        found = read_agreement(doc)
        return BundleRead([found] if found else [], errors)
    agreements = []
    for segment in segments:
        found = read_agreement(_subdocument(doc, segment, texts))
        if found is not None:
            agreements.append(found)
    return BundleRead(agreements, errors)

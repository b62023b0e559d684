"""One PDF for all OPDs, as regions publish them (FIELD_GUIDE 7.6): a cover, a daftar isi, then
each OPD's naskah + lampiran in turn, built from the gold cases of make_pk_fixtures.py.

    python tests/pk/make_pk_bundle.py /tmp/pk_bundle.pdf
"""
from __future__ import annotations

import importlib.util
import io
import sys
from pathlib import Path

import pypdfium2 as pdfium
from reportlab.lib.pagesizes import A4
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

HERE = Path(__file__).parent
_spec = importlib.util.spec_from_file_location("make_pk_fixtures", HERE / "make_pk_fixtures.py")
fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fixtures)

# the agreements of one kabupaten, in the order its bundle prints them (kepala daerah first)
MEMBERS = ["kab_pj_bupati_single_signatory", "kab_disdik_landscape_unruled", "kab_pupr_f4_eselon3_pagebreak"]
FRONT_PAGES = 2  # cover + daftar isi


def front_matter(members: list[str], first_pages: list[int]) -> bytes:
    """A cover that carries a PK-like title (but no parties) and a daftar isi naming each PK."""
    gold = fixtures.load_gold()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4)
    story = [Spacer(1, 200), Paragraph("PERJANJIAN KINERJA TAHUN 2025", fixtures.TITLE),
             Paragraph("PERANGKAT DAERAH", fixtures.TITLE), Paragraph("PEMERINTAH KABUPATEN BUKIT PERMAI", fixtures.TITLE),
             PageBreak(), Paragraph("DAFTAR ISI", fixtures.TITLE), Spacer(1, 12)]
    for name, page in zip(members, first_pages):
        unit = " ".join(gold[name]["title"][1:])
        story.append(Paragraph(f"Perjanjian Kinerja Tahun 2025 {unit.title()} .......... {page}", fixtures.BODY))
    doc.build(story)
    return buf.getvalue()


def concatenate(parts: list[bytes]) -> bytes:
    out = pdfium.PdfDocument.new()
    for raw in parts:
        src = pdfium.PdfDocument(raw)
        out.import_pages(src)
        src.close()
    buf = io.BytesIO()
    out.save(buf)
    out.close()
    return buf.getvalue()


def page_count(raw: bytes) -> int:
    doc = pdfium.PdfDocument(raw)
    try:
        return len(doc)
    finally:
        doc.close()


def build_bundle(members: list[str] = MEMBERS, scanned: bool = False) -> tuple[bytes, list[list[int]]]:
    """The bundle's bytes and each member's [first, last] page in it; `scanned`: every page an
    office scan (make_pk_fixtures.scanned_copy), as most bundles are published."""
    gold = fixtures.load_gold()
    parts = [fixtures.build_case(gold[name]) for name in members]
    if scanned:
        parts = [fixtures.scanned_copy(raw, seed=n) for n, raw in enumerate(parts)]
    ranges, page = [], FRONT_PAGES + 1
    for raw in parts:
        n = page_count(raw)
        ranges.append([page, page + n - 1])
        page += n
    front = front_matter(members, [r[0] for r in ranges])
    return concatenate([fixtures.scanned_copy(front) if scanned else front] + parts), ranges


def damage_first_image(raw: bytes) -> bytes:
    """The PDF with its first image's data zeroed after a few hundred bytes, its length kept (the
    file stays well-formed): a scan damaged in a bad merge or a cut-off upload, which renders
    black. Only that page is lost."""
    import re

    found = re.search(rb"<<[^>]*?/Length (\d+)[^>]*?/Subtype /Image[^>]*>>\s*stream\r?\n", raw)
    length = int(found.group(1))
    start = found.end() + 200
    return raw[:start] + bytes(length - 400) + raw[start + length - 400:]


def build_damaged_bundle() -> tuple[bytes, list[list[int]], int]:
    """The bundle with its second member scanned and that member's first page damaged: the
    bundle's bytes, each member's [first, last] page, and the damaged page's number."""
    gold = fixtures.load_gold()
    parts = [fixtures.build_case(gold[name]) for name in MEMBERS]
    parts[1] = damage_first_image(fixtures.scanned_copy(parts[1]))
    ranges, page = [], FRONT_PAGES + 1
    for raw in parts:
        n = page_count(raw)
        ranges.append([page, page + n - 1])
        page += n
    return concatenate([front_matter(MEMBERS, [r[0] for r in ranges])] + parts), ranges, ranges[1][0]


def cut_before_page(raw: bytes, number: int) -> bytes:
    """The file cut off where page `number`'s object begins (an upload interrupted there): no
    cross-reference table, no end-of-file marker, the pages before it whole. Relies on PDFium's
    writer (concatenate) putting each page's objects after the previous page's."""
    import re

    kids = re.search(rb"/Kids\s*\[([^\]]*)\]", raw).group(1)
    page_object = re.findall(rb"(\d+)\s+0\s+R", kids)[number - 1]
    return raw[:re.search(rb"(?<![0-9])" + page_object + rb"\s+0\s+obj", raw).start()]


def build_truncated_bundle() -> tuple[bytes, list[list[int]], int]:
    """The bundle cut off at the first page of its last agreement: the bytes, each member's
    [first, last] page in the whole bundle, and the first page lost."""
    raw, ranges = build_bundle()
    return cut_before_page(raw, ranges[-1][0]), ranges, ranges[-1][0]


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "pk_bundle.pdf")
    raw, pages = build_bundle()
    target.write_bytes(raw)
    print(f"{target}: {len(MEMBERS)} agreements at pages {pages}")

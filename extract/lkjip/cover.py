"""Is this PDF a performance report (LKjIP / LAKIP)? Its cover says so, with the year, the OPD
and the region ("LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP) TAHUN 2024 / DINAS KESEHATAN /
KOTA SUNGAI HARAPAN"); OPD and region go through the same readers as news and PKs."""
from __future__ import annotations

from dataclasses import dataclass

from extract.lkjip.rules import pattern, rules
from extract.opds import opd_at
from extract.positions import read_position, title_case
from models import Document


@dataclass
class Cover:
    year: int | None
    opd: str | None
    region: str | None


def cover_lines(doc: Document) -> list[str]:
    """The first lines of the first page (the whole text's start when pages are unknown)."""
    text = doc.text or ""
    if doc.pages:
        first = doc.pages[0]
        text = text[first.start:first.end]
    lines = [" ".join(line.split()) for line in text.replace("\f", "\n").splitlines()]
    return [line for line in lines if line][: rules()["cover_lines"]]


def read_cover(doc: Document) -> Cover | None:
    """The cover's facts, or None when the first page is not a performance report's cover."""
    lines = cover_lines(doc)
    head = "\n".join(lines)
    title = pattern("title").search(head)
    if title is None or pattern("not_title").search(head[:title.start()]):
        return None  # a PK ("PERJANJIAN KINERJA …") may mention the report further down
    after = head[title.start():]
    year = pattern("year").search(after) or pattern("bare_year").search(after)
    opd, region = _unit(lines[head[:title.start()].count("\n"):])  # the unit is named under the title
    return Cover(int(year["year"]) if year else None, opd, region)


def _unit(lines: list[str]) -> tuple[str | None, str | None]:
    """The OPD named at the start of a cover line (alone or with the next line: "DINAS
    KESEHATAN" / "KOTA JAMBI") and the region after it or on its own line ("PEMERINTAH KOTA …")."""
    opd = region = None
    for i, line in enumerate(lines):
        if opd is None:
            for text in (title_case(line), title_case(" ".join(lines[i:i + 2]))):
                hit = opd_at(text, 0, "", {})
                if hit and hit.start == 0:
                    opd, region = hit.canonical, region or read_position(text).region
                    break
            if opd is not None:
                continue
        if region is None:
            found = read_position(title_case(line)).region
            region = found if found and found.split()[0] in ("Kota", "Kabupaten", "Provinsi") else None
    return opd, region

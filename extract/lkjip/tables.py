"""The report's tables, read by the PK reader's table code with this reader's header words:
achievements (indikator + target + realisasi of the report year) and budget realisation
(program + pagu + realisasi). Columns of other years and the end-of-plan target are let go, so
Bab II's restated targets (no realisasi, or only last year's) never count as achievements."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from extract.lkjip.chapters import chapter_at, chapter_marks
from extract.lkjip.rules import rules
from extract.pk.tables import TableRows, TableVocabulary, document_tables, table_kind
from models.pdf_layout import PdfPage

YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
ACHIEVEMENTS, BUDGET = "achievements", "budget"


@cache
def vocabulary() -> TableVocabulary:
    r = rules()
    return TableVocabulary(
        columns=r["columns"], total_labels=tuple(r["total_labels"]),
        # a row starts at any value: a scan's OCR may lose a short number ("8") in one column
        kinds={ACHIEVEMENTS: (frozenset({"indikator", "target", "realisasi"}), ("target", "realisasi", "capaian")),
               BUDGET: (frozenset({"program", "anggaran", "realisasi"}), ("anggaran", "realisasi"))},
        closed_by_total=frozenset({BUDGET}), repeating=frozenset(r["yearly_columns"]), column_gap=r["column_gap"],
        continued_unruled=True)


def _report_year_columns(table: TableRows, year: int | None) -> TableRows | None:
    """The table with only the report year's target / realisasi / capaian kept (the first such
    column when no year is printed); None when it is no longer an achievements or budget table."""
    headers = list(table.headers) or [""] * len(table.columns)
    if any(re.search(rf"\b{w}\b", h, re.IGNORECASE) for h in headers for w in rules()["trap_headers"]):
        return None  # the rating scale ("Interval nilai capaian | Kriteria")
    fields, seen = [], set()
    end_of_plan = rules()["end_of_plan_words"]
    for name, header in zip(table.columns, headers):
        if name in rules()["yearly_columns"]:
            years = [int(y) for y in YEAR.findall(header)]
            other_year = year is not None and years and years[-1] != year
            if other_year or any(re.search(rf"\b{w}\b", header.lower()) for w in end_of_plan) or name in seen:
                name = None
        fields.append(name)
        if name:
            seen.add(name)
    kind = table_kind(fields, vocabulary())
    return replace(table, kind=kind, columns=fields, headers=headers) if kind == table.kind else None


def report_tables(pages: list[PdfPage], year: int | None) -> tuple[list[TableRows], list[TableRows]]:
    """(achievements tables, budget tables) in page order: those of Bab III when it has any,
    else those outside Bab II and the appendix."""
    marks = chapter_marks(pages)
    found = [t for t in (_report_year_columns(t, year) for t in document_tables(pages, vocabulary())) if t]
    chapters = [chapter_at(marks, t.page, t.top) for t in found]

    def pick(kind: str) -> list[TableRows]:
        tables = [(t, c) for t, c in zip(found, chapters) if t.kind == kind]
        preferred = [t for t, c in tables if c in rules()["achievements_chapters"]]
        return preferred or [t for t, c in tables if c not in rules()["excluded_chapters"]]
    return pick(ACHIEVEMENTS), pick(BUDGET)

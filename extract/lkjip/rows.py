"""Table rows -> Achievement and BudgetRealisation records. A row that cannot be read is kept
as printed in the report's skipped rows, never filled in."""
from __future__ import annotations

import re

from extract.lkjip.direction import direction
from extract.lkjip.rules import rules
from extract.lkjip.values import is_null, read_amount, read_value
from extract.pk.tables import TableRows, cell
from models.report import Achievement, BudgetRealisation


def _cell(row: list, columns: list, key: str) -> str | None:
    return cell(row, columns, key) or None  # an empty cell is no value here


def _printed(row: list) -> str:
    return " | ".join(" ".join((c or "").split()) for c in row)


def _is_header_repeat(table: TableRows, text: str | None, key: str) -> bool:
    """The column's header printed again (a header repeated on the next page of an unruled table)."""
    header = table.headers[table.columns.index(key)] if table.headers and key in table.columns else None
    return bool(text) and text.lower() == " ".join((header or "").split()).lower()


def achievements(tables: list[TableRows], skipped: list[str]) -> list[Achievement]:
    found, sasaran, seen = [], None, set()
    for table in tables:
        cols = table.columns
        for page, row in table.rows:
            printed_sasaran = _cell(row, cols, "sasaran")
            if printed_sasaran and not re.search(r"[^\W\d_]", printed_sasaran):
                printed_sasaran = None  # a speck OCR read as "." in a blank cell
            if printed_sasaran and not _is_header_repeat(table, printed_sasaran, "sasaran"):
                sasaran = printed_sasaran  # blank and merged cells carry the sasaran above, across pages too
            indikator = _cell(row, cols, "indikator")
            target, realisasi, capaian = (read_value(_cell(row, cols, k)) for k in ("target", "realisasi", "capaian"))
            values = [v for v in (target, realisasi, capaian) if v.printed]
            if _is_header_repeat(table, indikator, "indikator"):
                continue  # a repeated header row
            if not indikator:
                if values:
                    skipped.append(_printed(row))  # values without an indicator
                continue  # else a sasaran line of its own
            if not target.printed or not all(v.readable for v in values):  # every report prints the target
                skipped.append(_printed(row))
                continue
            key = (indikator, target.printed, realisasi.printed)
            if key in seen:
                continue  # the same indicator again (a table per sasaran repeating a summary)
            seen.add(key)
            found.append(Achievement(
                sasaran=sasaran, indikator=indikator, satuan=_cell(row, cols, "satuan") or target.unit,
                target=target.printed, target_value=target.value, realisasi=realisasi.printed,
                realisasi_value=realisasi.value, capaian=capaian.value,
                direction=direction(indikator, target.value, realisasi.value, capaian.value, capaian.printed),
                page=page, kriteria=None if is_null(_cell(row, cols, "kriteria")) else _cell(row, cols, "kriteria")))
    return found


def budget(tables: list[TableRows], skipped: list[str]) -> list[BudgetRealisation]:
    found = []
    totals = {t.lower() for t in rules()["total_labels"]}
    for table in tables:
        cols = table.columns
        for page, row in table.rows:
            program = _cell(row, cols, "program")
            if any((c or "").strip().lower() in totals for c in row) or _is_header_repeat(table, program, "program"):
                continue  # the Jumlah row, a repeated header
            pagu_text, real_text = _cell(row, cols, "anggaran"), _cell(row, cols, "realisasi")
            persen = read_value(_cell(row, cols, "persen") or _cell(row, cols, "capaian"))
            pagu, real = read_amount(pagu_text), read_amount(real_text)
            unreadable = (pagu_text and pagu is None) or (real_text and real is None) or not persen.readable
            if not program or unreadable:
                if any(row):
                    skipped.append(_printed(row))
                continue
            found.append(BudgetRealisation(program, pagu, real, persen.value, page))
    return found

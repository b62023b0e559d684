"""Document tables -> rows keyed by column (sasaran, indikator, …, anggaran), with their page.

Ruled tables come from the PDF reader; unruled ones (and OCR'd pages) are rebuilt here from
word positions, with columns placed under the header words. Which header words name which
field, and which fields make which kind of table, is a `TableVocabulary`: the PK reader's comes
from pk_rules.json (`pk_vocabulary()`), the performance-report reader (extract/lkjip) has its own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from extract.pk.lines import group_lines, line_text
from extract.pk.rules import rules
from models.pdf_layout import PdfPage

ROW_GAP_FACTOR = 2.6  # a vertical gap this many line heights long ends an unruled table


@dataclass(frozen=True)
class TableVocabulary:
    columns: dict[str, list[str]]              # field -> header words that name its column
    kinds: dict[str, tuple[frozenset, tuple]]  # kind -> (fields it needs, the columns whose value starts a row); first match wins
    total_labels: tuple[str, ...]              # "Jumlah": a total row
    closed_by_total: frozenset = frozenset()   # kinds whose total row ends the table (a budget table)
    repeating: frozenset = frozenset()         # fields printed as several columns side by side ("TW I TW II")
    column_gap: float = 0.0                    # unruled header: space before each column, in word heights (0: any);
    # prose that names the fields ("realisasi terhadap target setiap indikator") has word spacing only
    continued_unruled: bool = False            # an unruled table may go on over the page without its header


@cache
def pk_vocabulary() -> TableVocabulary:
    r = rules()
    return TableVocabulary(
        columns=r["columns"], total_labels=tuple(r["total_labels"]),
        kinds={"targets": (frozenset({"indikator", "target"}), ("target",)),
               "programs": (frozenset({"program", "anggaran"}), ("anggaran",))},
        closed_by_total=frozenset({"programs"}), repeating=frozenset({"quarters"}))  # "TW I TW II TW III TW IV"


@dataclass
class TableRows:
    kind: str                                 # targets | programs (or the vocabulary's other kinds)
    columns: list[str | None]                 # field of each column, None when unknown
    rows: list[tuple[int, list[str | None]]] = field(default_factory=list)  # (page, cells)
    headers: list[str] = field(default_factory=list)  # each column's header as printed ("Realisasi 2024")
    page: int | None = None                   # where the table (or this part of it) starts
    top: float = 0.0                          # and how far down that page
    bounds: list[float] | None = None         # unruled: x where each column ends (a continuation reuses them)


def _runs_on(previous: "TableRows | None", page) -> bool:
    """The table read last ended on the page before this one: this page may continue it."""
    return bool(previous and previous.rows and previous.rows[-1][0] == page.number - 1)


def cell(row: list, columns: list, key: str) -> str | None:
    """A row's text in the column of a field, spaces folded; None where the table has no such column
    or the cell lies under a merged cell."""
    if key not in columns:
        return None
    value = row[columns.index(key)]
    return " ".join(value.split()) if value is not None else None


def field_for(cell: str | None, vocab: TableVocabulary | None = None) -> str | None:
    text = " ".join((cell or "").split()).lower()
    for key, words in (vocab or pk_vocabulary()).columns.items():
        if any(text == w.lower() or text.startswith(w.lower() + " ") or text.startswith(w.lower() + "/")
               for w in words):
            return key
    return None


def table_kind(columns: list[str | None], vocab: TableVocabulary | None = None) -> str | None:
    for kind, (needed, _) in (vocab or pk_vocabulary()).kinds.items():
        if needed <= set(columns):
            return kind
    return None


HEADER_ONLY = re.compile(r"\(?(?:(?:19|20)\d{2}|%|\(%\)|I{1,3}V?|IV)\)?(?:\s*\(%\))?", re.IGNORECASE)  # 2024, (%), TW "II"


def _two_row_header(rows: list[list[str | None]], vocab: TableVocabulary):
    """(fields, headers) of a header printed on two rows: a cell spanning several columns above
    their own headers ("Tahun 2025" over "Target | Realisasi | Capaian", "Realisasi" over
    "2023 | 2024"), cells spanning both rows beside them ("No", "Indikator Kinerja"); None when
    the second row is data (a cell that is no header word nor a year) or the rows make no known table."""
    if len(rows) < 2 or len(rows[1]) != len(rows[0]):
        return None
    subs = [" ".join((c or "").split()) for c in rows[1]]
    if not any(subs) or not all(not c or field_for(c, vocab) or HEADER_ONLY.fullmatch(c) for c in subs):
        return None
    fields, headers, parent = [], [], ""
    for top, sub in zip(rows[0], rows[1]):
        top, sub = " ".join((top or "").split()), " ".join((sub or "").split())
        parent = top or (parent if sub else "")  # a spanning cell is printed in its first column only
        fields.append((field_for(sub, vocab) or field_for(parent, vocab)) if sub else field_for(top, vocab))
        headers.append(f"{parent} {sub}".strip())
    return (fields, headers) if table_kind(fields, vocab) else None


def _from_ruled(page: PdfPage, previous: TableRows | None, vocab: TableVocabulary) -> list[TableRows]:
    found = []
    for table in page.tables:
        columns = [field_for(c, vocab) for c in table.rows[0]]
        kind = table_kind(columns, vocab)
        headers = [" ".join((c or "").split()) for c in table.rows[0]]
        body = table.rows[1:]
        two_rows = _two_row_header(table.rows, vocab)
        if two_rows:
            (columns, headers), body = two_rows, table.rows[2:]
            kind = table_kind(columns, vocab)
        continues = _runs_on(previous, page)
        if kind is None and continues and len(table.rows[0]) == len(previous.columns):
            # continued, no header
            kind, columns, headers, body = previous.kind, previous.columns, previous.headers, table.rows
        if kind is None:
            continue
        current = TableRows(kind, columns, [(page.number, row) for row in body], headers, page.number, table.top)
        found.append(current)
        previous = current
    return found


def _header_columns(line, vocab: TableVocabulary) -> list[list]:
    """[field, x0, x1, header text] per header column; words that match no keyword widen the
    column before."""
    columns: list[list] = []
    index = 0
    while index < len(line):
        two = field_for(line_text(line[index:index + 2]), vocab)  # "Sub Kegiatan"
        key = field_for(line[index].text, vocab) or (two if two and index + 1 < len(line) else None)
        if key and (not columns or columns[-1][0] != key or key in vocab.repeating):
            columns.append([key, line[index].x0, line[index].x1, line[index].text])
        elif columns:
            columns[-1][2] = line[index].x1
            columns[-1][3] += " " + line[index].text
        index += 1
    return columns


def _boundaries(header, lines) -> list[float]:
    """x where each column ends: the widest empty vertical strip between two header centres
    (works for left-aligned cells under centred headers too); else halfway between headers."""
    spans = sorted((w.x0, w.x1) for line in lines for w in line)
    gaps, reach = [], None
    for x0, x1 in spans:
        if reach is not None and x0 > reach:
            gaps.append((reach, x0))
        reach = x1 if reach is None else max(reach, x1)
    bounds = []
    for a, b in zip(header, header[1:]):
        left, right = (a[1] + a[2]) / 2, (b[1] + b[2]) / 2
        inside = [g for g in gaps if left < (g[0] + g[1]) / 2 < right]
        widest = max(inside, key=lambda g: g[1] - g[0], default=None)
        bounds.append((widest[0] + widest[1]) / 2 if widest else (a[2] + b[1]) / 2)
    return bounds


def _spaced(line, header, vocab: TableVocabulary) -> bool:
    """Each header column after the first stands apart from the word before it, and the first
    column opens the line (a table header, not a sentence that names the fields)."""
    if not vocab.column_gap:
        return True
    if not header or header[0][1] != line[0].x0:
        return False
    height = max(w.bottom - w.top for w in line)
    ends = {w.x0: previous.x1 for previous, w in zip(line, line[1:])}
    return all(column[1] - ends[column[1]] >= vocab.column_gap * height for column in header[1:])


def _table_blocks(lines, vocab: TableVocabulary):
    """(header, data lines, header top) for each header line, data ending at a big gap or the next header."""
    blocks, current, last_bottom = [], None, 0.0
    for line in lines:
        header = _header_columns(line, vocab)
        if table_kind([h[0] for h in header], vocab) and _spaced(line, header, vocab):
            current = (header, [], line[0].top)
            blocks.append(current)
        elif current is not None:
            height = max(w.bottom - w.top for w in line)
            if line[0].top - last_bottom > ROW_GAP_FACTOR * height:
                current = None
                continue
            current[1].append(line)
            if table_kind([h[0] for h in current[0]], vocab) in vocab.closed_by_total and _is_total(line_text(line), vocab):
                current = None  # "Jumlah Rp …" closes a budget table; the signature block follows
                # (not a targets table: indicators often begin "Jumlah kunjungan …")
        last_bottom = max(w.bottom for w in line)
    return blocks


def _is_total(text: str, vocab: TableVocabulary) -> bool:
    first = text.strip().split(" ", 1)[0].lower() if text.strip() else ""
    return first in {t.lower().split()[0] for t in vocab.total_labels}


def _from_words(page: PdfPage, vocab: TableVocabulary) -> list[TableRows]:
    found = []
    for header, lines, top in _table_blocks(group_lines(page.words), vocab):
        columns = [h[0] for h in header]
        bounds = _boundaries(header, lines)
        table = TableRows(table_kind(columns, vocab), columns, headers=[h[3] for h in header], page=page.number,
                          top=top, bounds=bounds)
        for line in lines:
            _add_line(table, page.number, _split(line, bounds, len(columns)), vocab)
        found.append(table)
    return found


def _split(line, bounds: list[float], count: int) -> list[str]:
    cells: list[list[str]] = [[] for _ in range(count)]
    for word in line:
        cells[sum(word.x0 >= b for b in bounds)].append(word.text)
    return [" ".join(c) for c in cells]


VALUE_CELL = re.compile(r"[<>≤≥]?\s*\d[\d.,]*\s*%?|[-–—]|n/?a", re.IGNORECASE)
CONTINUATION_START_LINES = 3  # a running header or a page number may come before the rows


def _row_line(cells: list[str], table: TableRows, vocab: TableVocabulary) -> bool:
    """A line that is a table row, not prose: numbered in the No column, and every value column
    it fills holds a number (or a dash)."""
    values = [cells[i] for i, c in enumerate(table.columns) if c in vocab.kinds[table.kind][1] and cells[i]]
    numbered = "no" not in table.columns or re.fullmatch(r"\d+\.?", cells[table.columns.index("no")])
    return bool(values) and bool(numbered) and all(VALUE_CELL.fullmatch(v) for v in values)


def _continued(page: PdfPage, previous: TableRows, vocab: TableVocabulary) -> TableRows | None:
    """The rows of an unruled table that goes on at the top of this page without its header, read
    under the columns of its first part; None when the page opens otherwise."""
    lines = group_lines(page.words)
    bounds, count = previous.bounds, len(previous.columns)
    start = next((i for i, line in enumerate(lines[:CONTINUATION_START_LINES])
                  if _row_line(_split(line, bounds, count), previous, vocab)), None)
    if start is None:
        return None
    table = TableRows(previous.kind, previous.columns, headers=previous.headers, page=page.number,
                      top=lines[start][0].top, bounds=bounds)
    last_bottom = lines[start][0].top
    for line in lines[start:]:
        if line[0].top - last_bottom > ROW_GAP_FACTOR * max(w.bottom - w.top for w in line):
            break
        _add_line(table, page.number, _split(line, bounds, count), vocab)
        last_bottom = max(w.bottom for w in line)
    return table


def _add_line(table: TableRows, page: int, cells: list[str], vocab: TableVocabulary) -> None:
    """A line starts a new row when it numbers one or carries a value; otherwise it continues
    the wrapped cells of the row above (unruled tables have no lines to tell rows apart)."""
    cols = table.columns
    value_cols = vocab.kinds[table.kind][1]
    has = {c: cells[i] for i, c in enumerate(cols) if c and cells[i]}
    total = any(cells[i].strip().lower() in {t.lower() for t in vocab.total_labels} for i in range(len(cells)))
    starts_row = re.fullmatch(r"\d+\.?", has.get("no", "")) or any(c in has for c in value_cols) or total
    if not table.rows and not starts_row:
        return  # the second line of a two-line header ("Strategis", "(Rp)")
    if starts_row:
        # a lower-case sasaran without a number is the wrapped tail of the one above
        if "sasaran" in has and "no" not in has and table.rows and has["sasaran"][:1].islower():
            i = cols.index("sasaran")
            table.rows[-1][1][i] = f"{table.rows[-1][1][i] or ''} {cells[i]}".strip()
            cells[i] = ""
        table.rows.append((page, [c or "" for c in cells]))
        return
    row = table.rows[-1][1]
    for i, text in enumerate(cells):
        if text:
            row[i] = f"{row[i]} {text}".strip() if row[i] else text


def document_tables(pages: list[PdfPage], vocab: TableVocabulary) -> list[TableRows]:
    """Every table of a kind the vocabulary knows, in page order. Pages with such ruled tables
    use them; the others are read from word positions."""
    found: list[TableRows] = []
    for page in pages:
        previous = found[-1] if found else None
        ruled = _from_ruled(page, previous, vocab) if page.tables else []
        tables = ruled or _from_words(page, vocab)
        if (not tables and vocab.continued_unruled and previous and previous.bounds and _runs_on(previous, page)
                and not _closed(previous, vocab)):
            tables = [t for t in [_continued(page, previous, vocab)] if t]
        found += tables
    return found


def _closed(table: TableRows, vocab: TableVocabulary) -> bool:
    """A budget table whose total row has been read ends there."""
    return table.kind in vocab.closed_by_total and _is_total(" ".join(c or "" for c in table.rows[-1][1]), vocab)


def lampiran_tables(pages: list[PdfPage]) -> list[TableRows]:
    """Every targets and programs table of a PK, in page order."""
    return document_tables(pages, pk_vocabulary())

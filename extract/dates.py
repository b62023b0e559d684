"""Event dates: "Rabu (25/6/2025)", "(5/3/25)", "Selasa (28/1)", "25 Juni 2025", ranges
"Rabu-Kamis (16-17/1)", "25 s.d. 27 Juni 2025". Not regulation years, deadlines or stamps."""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from extract.rules import alternation, phrases
from models import DateMention
from models.vocab import months, weekdays

STAMP_AFTER = re.compile(r"\s*,?\s*\d{1,2}[:.]\d{2}\s*(?:WIB|WITA|WIT)?\s*$", re.I)


@cache
def _deadline_before() -> re.Pattern:
    return re.compile(rf"(?<![\w])(?:{alternation(phrases('deadline_intro'))})\s*(?:tanggal\s+)?$", re.I)


@cache
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    day = alternation(weekdays())
    month = alternation(months())
    numeric = re.compile(
        rf"(?:(?P<wd>{day})(?:\s*[-–]\s*(?P<wd2>{day}))?\s*,?\s*)?\(\s*(?P<d>\d{{1,2}})(?:\s*[-–]\s*(?P<d2>\d{{1,2}}))?"
        rf"\s*/\s*(?P<m>\d{{1,2}})(?:\s*/\s*(?P<y>\d{{2,4}}))?"
        rf"(?:\s*[-–]\s*(?P<d3>\d{{1,2}})\s*/\s*(?P<m3>\d{{1,2}})(?:\s*/\s*(?P<y3>\d{{2,4}}))?)?\s*\)", re.I)
    written = re.compile(
        rf"(?:(?P<wd>{day})\s*,?\s*(?:tanggal\s+)?)?(?<!\d)(?P<d>\d{{1,2}})(?:\s*(?:[-–]|s\.?d\.?|s/d|hingga|sampai)\s*(?P<d2>\d{{1,2}}))?"
        rf"\s+(?P<month>{month})\.?\s+(?P<y>\d{{4}})\b", re.I)
    return numeric, written


def _year(y: str | None, reference: date | None) -> int | None:
    if y:
        return int(y) + 2000 if len(y) == 2 else int(y)
    return reference.year if reference else None


def _make(y: int | None, m: int, d: int, reference: date | None, year_given: bool) -> date | None:
    if y is None:
        return None
    try:
        found = date(y, m, d)
    except ValueError:
        return None
    # "Selasa (28/1)" in an article of early January 2026 means last year's 28 January
    if not year_given and reference and found > reference + timedelta(days=7):
        found = found.replace(year=found.year - 1)
    return found


def _excluded(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 40):start]
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:line_end if line_end != -1 else len(text)]
    if _deadline_before().search(before):
        return True
    if STAMP_AFTER.match(text[end:end + 20]) and re.search(r"[-–]\s*$", before):
        return True  # "Kompas.com - 13/06/2022, 07:00 WIB"
    return len(line.strip()) < len(text[start:end]) + 25 and not re.search(r"[a-z]{4,}\s+[a-z]{4,}", line.replace(text[start:end], ""))


def find_dates(text: str, published: str | None, skip) -> list[DateMention]:
    reference = date.fromisoformat(published) if published else None
    numeric, written = _patterns()
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for m in numeric.finditer(text):
        if skip(m.start()) or _excluded(text, m.start(), m.end()):
            continue
        year_given = bool(m.group("y"))
        start = _make(_year(m.group("y"), reference), int(m.group("m")), int(m.group("d")), reference, year_given)
        if not start:
            continue
        end = None
        if m.group("d2"):
            end = _make(start.year, start.month, int(m.group("d2")), None, True)
        elif m.group("d3"):
            end = _make(_year(m.group("y3"), reference) or start.year, int(m.group("m3")), int(m.group("d3")), reference, True)
        found.append(_mention(m, start, end))
        taken.append((m.start(), m.end()))
    for m in written.finditer(text):
        if skip(m.start()) or any(s <= m.start() < e for s, e in taken) or _excluded(text, m.start(), m.end()):
            continue
        month = months()[m.group("month").lower()]
        start = _make(int(m.group("y")), month, int(m.group("d")), reference, True)
        if not start:
            continue
        end = _make(start.year, month, int(m.group("d2")), None, True) if m.group("d2") else None
        found.append(_mention(m, start, end))
    found.sort(key=lambda d: d.start)
    return found


def _mention(m: re.Match, start: date, end: date | None) -> DateMention:
    mismatch = False
    if m.group("wd"):
        mismatch = weekdays()[m.group("wd").lower()] != start.weekday()
    return DateMention(date=start.isoformat(), text=m.group().strip(), start=m.start(), end=m.end(),
                       end_date=end.isoformat() if end else None, weekday_mismatch=mismatch)

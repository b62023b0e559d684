"""Event dates: "Rabu (25/6/2025)", "(5/3/25)", "Selasa (28/1)", "25 Juni 2025", ranges
"Rabu-Kamis (16-17/1)", "25 s.d. 27 Juni 2025". Not regulation years, deadlines or stamps."""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from extract.rules import alternation, phrases
from models import DateMention
from models.vocab import months, weekdays

STAMP_AFTER = re.compile(r"\s*,?\s*\d{1,2}[:.]\d{2}(?!\d)\s*(?:WIB|WITA|WIT)?", re.I)


@cache
def _letter_date() -> re.Pattern:
    number, dated = alternation(phrases("letter_number")), alternation(phrases("letter_date"))
    return re.compile(rf"(?:\b(?:{number})\b[^\n]{{0,60}}|\d+/[\w/.-]*\s*)\b(?:{dated})\s*$|\b(?:{alternation(phrases('letter_dated'))})\s*$", re.I)


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


@cache
def _past_without_year() -> re.Pattern:
    """"pada 3 Februari lalu", "pada 19/9/2016 lalu": an event date written in the prose."""
    month = alternation(months())
    lead = alternation(phrases("date_lead"))
    return re.compile(rf"(?<![\w])(?:{lead})\s+(?P<d>\d{{1,2}})(?:\s+(?P<month>{month})|/(?P<m>\d{{1,2}})/(?P<y>\d{{4}}))"
                      rf"(?P<lalu>\s+lalu)?(?![\w/])", re.I)


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
    if STAMP_AFTER.match(text[end:end + 20]):
        return True  # "Kompas.com - 13/06/2022, 07:00 WIB", "Selasa, 15 Februari 2022, 11:34 WIB": a stamp
    if re.search(r"(?:\s[-–|]|^)\s*$", text[line_start:start]) and not text[end:line_end if line_end != -1 else None].strip(" .,"):
        return True  # "Noer Ardiansjah - Selasa, 27 Juni 2017" alone at the end of its line: a byline
    if _letter_date().search(text[max(0, start - 80):start]):
        return True  # "Nomor : 131.17-2948 Tahun 2020, tanggal 24 September 2020": a letter's date
    return len(line.strip()) < len(text[start:end]) + 25 and not re.search(r"[a-z]{4,}\s+[a-z]{4,}", line.replace(text[start:end], ""))


URL_YEAR = re.compile(r"[/-]((?:19|20)\d{2})(?=[/-]|\d{4}|$)")
YEAR = re.compile(r"(?<![\d/.-])((?:19|20)\d{2})(?![\d/])")


def _year_candidates(text: str, url: str | None) -> list[int]:
    """Years a year-less date may belong to when the publication date is unknown, best first:
    the URL's (/2025/07/…), then the years written in the text, most frequent first."""
    out = []
    m = URL_YEAR.search(url or "")
    if m:
        out.append(int(m.group(1)))
    counts: dict[int, int] = {}
    for y in YEAR.findall(text):
        counts[int(y)] = counts.get(int(y), 0) + 1
    out += [y for y, _ in sorted(counts.items(), key=lambda kv: (-kv[1], -kv[0])) if y not in out]
    return out


def _infer_year(m: re.Match, candidates: list[int]) -> int | None:
    """"Rabu (12/2)" with no publication date: the candidate year (or the one after it) whose
    12 February is a Wednesday; without a weekday, the best candidate."""
    if not candidates:
        return None
    if m.group("wd"):
        wanted = weekdays()[m.group("wd").lower()]
        for y in candidates:
            for year in (y, y + 1, y - 1):
                try:
                    if date(year, int(m.group("m")), int(m.group("d"))).weekday() == wanted:
                        return year
                except ValueError:
                    break
        return None  # a weekday no candidate year agrees with: better no date than a wrong one
    return candidates[0]


@cache
def _relative_today() -> re.Pattern:
    """"kata Budi, Rabu." (ANTARA style), "tadi pagi": the publication day or the weekday just before it."""
    day = alternation(weekdays())
    today = alternation(phrases("today_word"))
    suffix = alternation(phrases("weekday_suffix"))
    return re.compile(rf"(?:,\s*|\bpada\s+(?:hari\s+)?|\()(?P<wd>{day})(?:\s+(?:{suffix}))?(?=\s*[.)])"
                      rf"|(?<![\w])(?P<today>{today})(?![\w])", re.I)


def _relative(text: str, reference: date | None, skip, taken) -> list[DateMention]:
    if reference is None:
        return []
    out = []
    for m in _relative_today().finditer(text):
        if skip(m.start()) or any(s <= m.start() < e for s, e in taken):
            continue
        if m.group("wd"):
            back = (reference.weekday() - weekdays()[m.group("wd").lower()]) % 7
            when = reference - timedelta(days=back)
            start = m.start("wd")
        else:
            when, start = reference, m.start("today")
        out.append(DateMention(date=when.isoformat(), text=text[start:m.end()].strip(), start=start, end=m.end()))
        break  # one such mention dates the article's event; repeats add nothing
    return out


def find_dates(text: str, published: str | None, skip, url: str | None = None) -> list[DateMention]:
    reference = date.fromisoformat(published) if published else None
    candidates = [] if reference else _year_candidates(text, url)
    numeric, written = _patterns()
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for m in numeric.finditer(text):
        if skip(m.start()) or _excluded(text, m.start(), m.end()):
            continue
        year_given = bool(m.group("y"))
        year = _year(m.group("y"), reference) or _infer_year(m, candidates)
        start = _make(year, int(m.group("m")), int(m.group("d")), reference, year_given)
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
        taken.append((m.start(), m.end()))
    for m in _past_without_year().finditer(text):
        if skip(m.start()) or any(s <= m.start("d") < e for s, e in taken) or _excluded(text, m.start(), m.end()):
            continue
        if m.group("month") and not m.group("lalu"):
            continue  # "pada 5 Juni" without a year or "lalu" may be a plan: only past mentions are dated
        month = months()[m.group("month").lower()] if m.group("month") else int(m.group("m"))
        year = int(m.group("y")) if m.group("y") else (reference.year if reference else (candidates[0] if candidates else None))
        start = _make(year, month, int(m.group("d")), reference, bool(m.group("y")))
        if start:
            found.append(DateMention(date=start.isoformat(), text=text[m.start("d"):m.end()].strip(),
                                     start=m.start("d"), end=m.end()))
            taken.append((m.start("d"), m.end()))
    if not found:
        found += _relative(text, reference, skip, taken)
    found.sort(key=lambda d: d.start)
    return found


def _mention(m: re.Match, start: date, end: date | None) -> DateMention:
    mismatch = False
    if m.group("wd"):
        mismatch = weekdays()[m.group("wd").lower()] != start.weekday()
    return DateMention(date=start.isoformat(), text=m.group().strip(), start=m.start(), end=m.end(),
                       end_date=end.isoformat() if end else None, weekday_mismatch=mismatch)

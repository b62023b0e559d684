"""Publication dates from page metadata and Indonesian bylines ("Rabu, 25 Juni 2025 09:15 WIB")."""
from __future__ import annotations

import re
from datetime import date

from models.vocab import months, weekdays
from scrapers import words

ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
URL_DATE = re.compile(r"/(20\d{2})/(\d{1,2})/(\d{1,2})/")
NUMERIC = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](20\d{2})\b")


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def parse_iso(value: str | None) -> str | None:
    match = ISO.search(value or "")
    return _valid(*map(int, match.groups())) if match else None


def parse_byline(text: str | None) -> str | None:
    """'Rabu, 25 Juni 2025 09:15 WIB', '25/06/2025', 'Kamis, 3 Nop 2022'."""
    if not text:
        return None
    names = "|".join(sorted(months(), key=len, reverse=True))
    match = re.search(rf"\b(\d{{1,2}})\s+({names})\.?\s+(\d{{4}})\b", text, re.I)
    if match:
        return _valid(int(match.group(3)), months()[match.group(2).lower()], int(match.group(1)))
    match = NUMERIC.search(text)
    if match:
        return _valid(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    return None


def parse_url_date(url: str | None) -> str | None:
    match = URL_DATE.search(url or "")
    return _valid(*map(int, match.groups())) if match else None


WEEKDAY_DATE = re.compile(r"\b(?P<wd>[A-Za-z']{4,7}),?\s+(?P<date>\d{1,2}(?:\s+[A-Za-z]{3,9}\.?\s+\d{4}|[/.-]\d{1,2}[/.-]\d{4}))")
BYLINE_LABEL = re.compile(rf"(?:{words.alternation('byline_label')})"
                          r"\s*(?:pada|on)?\s*:?\s*(?:[A-Za-z']{4,7},?\s+)?(?P<date>\d{1,2}(?:\s+[A-Za-z]{3,9}\.?\s+\d{4}|[/.-]\d{1,2}[/.-]\d{4}))",
                          re.I)
SEPARATED = re.compile(r"(?:^|\|)\s*(?P<date>\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{4})(?:\s*,?\s*\d{1,2}[:.]\d{2})?\s*(?:WIB|WITA|WIT)?\s*(?:\||$)", re.M)


def visible_byline(text: str) -> str | None:
    """A publication date printed on the page in Indonesian: "Diposting: Selasa, 5 Maret 2025
    09:05 WIB", "Kamis, 05/03/2025", "Penulis | 5 Mar 2025". The first one found wins."""
    for pattern in (BYLINE_LABEL, WEEKDAY_DATE, SEPARATED):
        for m in pattern.finditer(text):
            if pattern is WEEKDAY_DATE and m.group("wd").lower().replace("'", "") not in weekdays():
                continue
            found = parse_byline(m.group("date"))
            if found:
                return found
    return None

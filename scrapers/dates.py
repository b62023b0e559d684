"""Publication dates from page metadata and Indonesian bylines ("Rabu, 25 Juni 2025 09:15 WIB")."""
from __future__ import annotations

import re
from datetime import date

from models.vocab import months

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

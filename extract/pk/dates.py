"""Place and date of signing: "Jambi, 2 Januari 2025" or "Ditetapkan di : Jambi / Tanggal : …"."""
from __future__ import annotations

import re
from datetime import date

from extract.pk.rules import pattern
from models.vocab import months

_NAMED = re.compile(r"^(?P<d>\d{1,2})\s+(?P<m>[A-Za-z]+)\.?\s+(?P<y>(?:19|20)\d{2})$")
_NUMERIC = re.compile(r"^(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>(?:19|20)\d{2})$")


def parse_date(text: str | None) -> str | None:
    """ "2 Januari 2025", "5 Feb 2025", "3 Pebruari 2026", "02-01-2025" -> ISO; else None."""
    if not text:
        return None
    text = " ".join(text.split()).strip(" .,")
    match = _NAMED.match(text) or _NUMERIC.match(text)
    if not match:
        return None
    month = match["m"]
    month = int(month) if month.isdigit() else months().get(month.lower())
    try:
        return date(int(match["y"]), month, int(match["d"])).isoformat() if month else None
    except ValueError:
        return None


def find_signing(lines: list[str]) -> tuple[str | None, str | None]:
    """(place, ISO date) from the first signing line(s) found, else (None, None)."""
    place_line, date_line = pattern("signing.place_line"), pattern("signing.date_line")
    combined = pattern("signing.place_date_line")
    for index, line in enumerate(lines):
        line = line.strip()
        found = place_line.match(line)
        if found:
            for follower in lines[index + 1:index + 3]:
                when = date_line.match(follower.strip())
                if when and parse_date(when["date"]):
                    return found["place"].strip(" :,"), parse_date(when["date"])
        found = combined.match(line)
        if found and parse_date(found["date"]):
            return found["place"].strip(), parse_date(found["date"])
    return None, None

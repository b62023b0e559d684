"""Names and positions as printed in a PK -> bare name, expanded position, OPD and region."""
from __future__ import annotations

import re

from extract.names import parse_name
from extract.pk.rules import pattern, rules
from extract.positions import read_position


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def title_case(text: str) -> str:
    """ "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG" -> "Dinas Pekerjaan Umum dan Penataan Ruang"."""
    lower, upper = set(rules()["lowercase_words"]), set(rules()["keep_upper_words"])
    words = []
    for index, word in enumerate(text.split()):
        core = word.strip(",.()")
        if core in upper:
            words.append(word)
        elif index and word.lower() in lower:
            words.append(word.lower())
        else:
            words.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    return " ".join(words)


def bare_name(full_name: str | None) -> str | None:
    """ "dr. Hj. SITI AMINAH, M.Kes" -> "Siti Aminah": no honorifics, no degrees; upper-case
    names are title-cased so the same person matches across documents."""
    if not full_name:
        return None
    parsed = parse_name(full_name.strip(), 0)  # the same name reader as the news pipeline
    if parsed is None:
        return None
    return title_case(parsed.bare) if _is_upper(parsed.bare) else parsed.bare


def parse_position(printed: str | None) -> tuple[str | None, str | None, str | None, str | None]:
    """Printed jabatan -> (position, acting, opd, region), read by the same position reader as the
    news (extract/positions.py): "Pj. Bupati Bukit Permai" -> ("Bupati", "Pj.", None, "Kabupaten Bukit Permai")."""
    reading = read_position(printed)
    return reading.position, reading.acting, reading.opd, reading.region

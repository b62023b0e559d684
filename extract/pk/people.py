"""Names and positions as printed in a PK -> bare name, expanded position, OPD and region."""
from __future__ import annotations

from extract.names import parse_name
from extract.positions import read_position, title_case


def bare_name(full_name: str | None) -> str | None:
    """ "dr. Hj. SITI AMINAH, M.Kes" -> "Siti Aminah": no honorifics, no degrees; upper-case
    names are title-cased so the same person matches across documents."""
    if not full_name:
        return None
    parsed = parse_name(full_name.strip(), 0)  # the same name reader as the news pipeline
    if parsed is None:
        return None
    return title_case(parsed.bare) if parsed.bare.isupper() else parsed.bare


def parse_position(printed: str | None) -> tuple[str | None, str | None, str | None, str | None]:
    """Printed jabatan -> (position, acting, opd, region), read by the same position reader as the
    news (extract/positions.py): "Pj. Bupati Bukit Permai" -> ("Bupati", "Pj.", None, "Kabupaten Bukit Permai")."""
    reading = read_position(printed)
    return reading.position, reading.acting, reading.opd, reading.region

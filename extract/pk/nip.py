"""NIP (Perka BKN 22/2007): 18 digits YYYYMMDD YYYYMM G NNN, printed with or without spaces."""
from __future__ import annotations

import re
from datetime import date

NIP_IN_TEXT = re.compile(r"(?<!\d)(\d{8})\s?(\d{6})\s?(\d)\s?(\d{3})(?!\d)")
# Birth and CPNS years outside these spans are typos or OCR errors, not civil servants.
BIRTH_YEARS = range(1940, 2011)
CPNS_MIN_AGE = 17


def validate_nip(digits: str) -> bool:
    """Birth date is a real date, CPNS month is real and after adulthood, gender is 1 or 2."""
    if not re.fullmatch(r"\d{18}", digits):
        return False
    try:
        born = date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return False
    cpns_year, cpns_month = int(digits[8:12]), int(digits[12:14])
    return (born.year in BIRTH_YEARS and 1 <= cpns_month <= 12
            and born.year + CPNS_MIN_AGE <= cpns_year <= date.today().year + 1
            and digits[14] in "12" and digits[15:] != "000")


def find_nip(text: str) -> str | None:
    """The first valid NIP in a string, as 18 digits without spaces."""
    for match in NIP_IN_TEXT.finditer(text or ""):
        digits = "".join(match.groups())
        if validate_nip(digits):
            return digits
    return None

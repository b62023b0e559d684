"""A printed table cell -> its number, or no number and why (not available, qualitative, unreadable)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from extract.pk.numbers import parse_amount, parse_target
from extract.lkjip.rules import null_values


@dataclass
class CellValue:
    printed: str | None      # as printed, spaces normalised; None for an empty cell
    value: float | None
    unit: str | None
    readable: bool           # False: digits that do not read as one number ("9O,5"): never guessed


def is_null(printed: str | None) -> bool:
    """ "n/a", "-", "belum tersedia": no value was printed."""
    text = (printed or "").strip()
    return text.lower().strip(" .") in null_values() or set(text) <= set("-–— ")


def read_value(cell: str | None) -> CellValue:
    """ "97,37 %" -> 97.37 "%"; "n/a", "-", "belum tersedia" -> no value; "WTP", "BB" -> no
    value (a predicate, kept as printed); "9O,5" -> unreadable."""
    printed = " ".join((cell or "").split()) or None
    if printed is None:
        return CellValue(None, None, None, True)
    if is_null(printed):
        return CellValue(printed, None, None, True)
    value, unit = parse_target(printed)
    if value is not None and not re.match(r"^[<>≤≥=±\s]*[\d.,]+[A-Za-z]", printed):  # "9O,5" reads as 9 + "O,5"
        return CellValue(printed, value, unit, True)
    return CellValue(printed, None, None, not re.search(r"\d", printed))


SPACED_GROUP = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")  # "2 750 000.000,00": OCR (and some typists) space the thousands
DOTTED_CENTS = re.compile(r"(\d{1,3}(?:\.\d{3})+)\.(\d{2})$")  # "1.198.000.000.00": two digits after the groups are cents


def read_amount(cell: str | None) -> float | None:
    """A rupiah cell: "Rp 2.750.000.000,00", also with its thousands spaced, its decimal comma
    read as a dot, or a stray quote before it (OCR's reading of a speck)."""
    if not cell:
        return None
    text = SPACED_GROUP.sub(".", cell.strip(" '\"‘’`"))
    return parse_amount(DOTTED_CENTS.sub(r"\1,\2", text))

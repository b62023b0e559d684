"""Is a higher realisation better, or a lower one? The printed capaian says (FIELD_GUIDE 7.7):
higher-is-better indicators print realisasi / target x 100; lower-is-better ones print
(2 x target - realisasi) / target x 100 or target / realisasi x 100. When the numbers cannot tell
(realisasi = target, no capaian, capaian capped), the indicator's words may (lower_is_better.csv)."""
from __future__ import annotations

import re

from extract.lkjip.rules import lower_is_better_pattern


def _tolerance(printed_capaian: str | None) -> float:
    """Half a unit of the last printed decimal ("97,37" -> 0.005), plus rounding slack."""
    match = re.search(r"[.,](\d+)", printed_capaian or "")
    return 0.5 * 10 ** -(len(match.group(1)) if match else 0) + 0.011


def by_numbers(target: float | None, realisasi: float | None, capaian: float | None,
               printed_capaian: str | None) -> str | None:
    if target is None or realisasi is None or capaian is None or target <= 0:
        return None
    tolerance = _tolerance(printed_capaian)
    higher = abs(realisasi / target * 100 - capaian) <= tolerance
    lower = abs((2 * target - realisasi) / target * 100 - capaian) <= tolerance or (
        realisasi > 0 and abs(target / realisasi * 100 - capaian) <= tolerance)
    if higher != lower:
        return "higher" if higher else "lower"
    return None  # both (realisasi = target) or neither (a capped or rounded capaian)


def by_words(indikator: str) -> str | None:
    text = " ".join(indikator.lower().split())
    if lower_is_better_pattern().search(text):
        return "lower"
    return None


def direction(indikator: str, target: float | None, realisasi: float | None, capaian: float | None,
              printed_capaian: str | None) -> str | None:
    return by_numbers(target, realisasi, capaian, printed_capaian) or by_words(indikator)

"""Commitment sentences: pledge, target or instruction (cues in extract/rules/commitment_cues.csv),
with the target's number and deadline where stated."""
from __future__ import annotations

import re
from functools import cache

from extract.rules import alternation, load_rules, phrases

KIND_ORDER = ("target", "instruction", "pledge")
APPEAL_AS = "instruction"  # an appeal (mengimbau, mengajak) asks others to act
DEADLINE = re.compile(r"\b(?:paling\s+lambat|selambat-lambatnya|sebelum|hingga|pada|di)\s+(?:akhir\s+|awal\s+|pertengahan\s+)?"
                      r"(?:tahun\s+(?:ini|depan)|(?:\d{1,2}\s+)?(?:Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|"
                      r"September|Oktober|November|Desember)(?:\s+\d{4})?|\d{4}|triwulan\s+[IV]+|semester\s+[I]+)", re.I)


@cache
def _number_unit() -> re.Pattern:
    units = alternation(phrases("target_unit"))
    return re.compile(rf"(?P<value>\d+(?:[.,]\d+)?)\s*(?P<unit>{units})(?![\w])", re.I)


@cache
def _cue_patterns() -> list[tuple[re.Pattern, str]]:
    by_kind: dict[str, list[str]] = {}
    for cue, kind in load_rules().cues:
        by_kind.setdefault(kind, []).append(cue)
    return [(re.compile(rf"(?<![\w-])(?:{alternation(cues)})(?![\w-])", re.I), kind)
            for kind, cues in by_kind.items()]


def classify(sentence: str) -> str | None:
    """pledge | target | instruction, or None for a statement.

    Strong cues (menargetkan, meminta, berjanji …) decide by precedence target > instruction >
    pledge. Weak cues count only alone: a deadline ("paling lambat", weak_target) makes a
    target unless the sentence says when an event takes place ("rapat digelar pekan depan":
    schedule), "akan" (weak_pledge) a pledge unless the sentence is negated or hedged.
    """
    found = {kind for pattern, kind in _cue_patterns() if pattern.search(sentence)}
    if "appeal" in found:
        found.add(APPEAL_AS)
    strong = next((k for k in KIND_ORDER if k in found), None)
    if strong:
        return strong
    if "weak_target" in found and "schedule" not in found:
        return "target"
    if "weak_pledge" in found and not found & {"negation", "hedge"}:
        return "pledge"
    return None


def target_details(sentence: str) -> tuple[float | None, str | None, str | None]:
    value = unit = None
    m = _number_unit().search(sentence)
    if m:
        value = float(m.group("value").replace(".", "").replace(",", ".")) if "," in m.group("value") or \
            re.fullmatch(r"\d+", m.group("value")) else float(m.group("value"))
        unit = "%" if m.group("unit").lower() in ("%", "persen") else m.group("unit")
    d = DEADLINE.search(sentence)
    return value, unit, d.group().strip() if d else None

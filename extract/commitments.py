"""Commitment sentences: pledge, target or instruction (cues in extract/rules/commitment_cues.csv),
with the target's number and deadline where stated."""
from __future__ import annotations

import re
from functools import cache

from extract.rules import alternation, load_rules

KIND_ORDER = ("target", "instruction", "pledge")
APPEAL_AS = "instruction"  # an appeal (mengimbau, mengajak) asks others to act
NUMBER_UNIT = re.compile(r"(?P<value>\d+(?:[.,]\d+)?)\s*(?P<unit>%|persen|unit|km|kilometer|ha|hektare|ton|orang|"
                         r"jiwa|KK|paket|sekolah|titik|rumah|miliar|juta|ribu|hari|bulan)\b", re.I)
DEADLINE = re.compile(r"\b(?:paling\s+lambat|selambat-lambatnya|sebelum|hingga|pada|di)\s+(?:akhir\s+|awal\s+|pertengahan\s+)?"
                      r"(?:tahun\s+(?:ini|depan)|(?:\d{1,2}\s+)?(?:Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|"
                      r"September|Oktober|November|Desember)(?:\s+\d{4})?|\d{4}|triwulan\s+[IV]+|semester\s+[I]+)", re.I)


@cache
def _cue_patterns() -> tuple[list[tuple[re.Pattern, str]], re.Pattern, re.Pattern]:
    r = load_rules()
    by_kind: dict[str, list[str]] = {}
    for cue, kind in r.cues:
        by_kind.setdefault(kind, []).append(cue)
    patterns = [(re.compile(rf"(?<![\w-])(?:{alternation(cues)})(?![\w-])", re.I), kind)
                for kind, cues in by_kind.items()]
    weak = re.compile(r"(?<![\w-])akan(?![\w-])", re.I)
    subjects = re.compile(rf"(?<![\w])(?:{alternation(_subjects())})(?:\s+\w+){{0,3}}\s+akan\b", re.I)
    return patterns, weak, subjects


def _subjects() -> list[str]:
    from extract.rules import _lines
    return _lines("pledge_subjects.txt") or ["kami", "saya", "kita"]


def classify(sentence: str, extra_subjects: list[str] = ()) -> str | None:
    """pledge | target | instruction, or None for a statement, a hedge or a negated promise."""
    patterns, weak, subjects = _cue_patterns()
    kinds = set()
    negated = False
    for pattern, kind in patterns:
        for m in pattern.finditer(sentence):
            if m.group().lower() == "akan":
                continue
            if kind == "negation":
                negated = True
            elif kind == "appeal":
                kinds.add(APPEAL_AS)
            elif kind in KIND_ORDER:
                kinds.add(kind)
    if weak.search(sentence) and (subjects.search(sentence) or any(
            re.search(rf"\b{re.escape(s)}\b(?:\s+\w+){{0,3}}\s+akan\b", sentence) for s in extra_subjects)):
        kinds.add("pledge")
    if negated and kinds <= {"pledge"}:
        return None
    return next((k for k in KIND_ORDER if k in kinds), None)


def target_details(sentence: str) -> tuple[float | None, str | None, str | None]:
    value = unit = None
    m = NUMBER_UNIT.search(sentence)
    if m:
        value = float(m.group("value").replace(".", "").replace(",", ".")) if "," in m.group("value") or \
            re.fullmatch(r"\d+", m.group("value")) else float(m.group("value"))
        unit = "%" if m.group("unit").lower() in ("%", "persen") else m.group("unit")
    d = DEADLINE.search(sentence)
    return value, unit, d.group().strip() if d else None

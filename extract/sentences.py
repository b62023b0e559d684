"""Sentence boundaries that survive Indonesian abbreviations and degrees ("Dr. H. Budi, S.E.,
M.M. mengatakan…"): a full stop ends a sentence only when the word before it is not a known
prefix, degree, rank or initial."""
from __future__ import annotations

import re
from functools import cache

from extract.rules import load_rules, phrases

END = re.compile(r"[.!?]+[”\"’']?(?=\s+[“\"A-Z0-9(])|\n+")


@cache
def _abbreviations() -> frozenset:
    r = load_rules()
    # only forms written with a dot can end in one ("Dr.", "S.E."); "Ibu" or "Kombes" cannot
    words = {w.replace(".", "").lower() for w in r.prefixes + r.degrees + r.ranks if w.endswith(".")}
    return frozenset(words | {w.replace(".", "").lower() for w in phrases("sentence_abbreviation")})


def sentence_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in END.finditer(text):
        if m.group()[0] == ".":
            word = re.search(r"([\w.]+)\.$", text[max(0, m.start() - 15):m.start() + 1])
            token = word.group(1).replace(".", "").lower() if word else ""
            if token in _abbreviations() or len(token) == 1:
                continue
        end = m.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans

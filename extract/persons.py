"""People without a public position who speak in the news: "warga Sako, Rusmini (46)",
"Zainal Abidin (43)". They are not officials, but quotes are attributed to them."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from extract.names import parse_name
from extract.rules import alternation, load_rules

AGE = re.compile(r"\s*\(\d{1,3}(?:\s*tahun)?\)")


@dataclass
class Person:
    name: str
    start: int
    end: int


@cache
def _role_pattern() -> re.Pattern:
    roles = alternation(load_rules().civilian_roles)
    return re.compile(rf"\b(?:{roles})\b[^,.\n“”\"]{{0,40}},\s*", re.I)


def find_persons(text: str, skip) -> list[Person]:
    found: dict[int, Person] = {}
    resume = 0
    for m in re.finditer(r"(?<![\w.])[A-Z]", text):
        if m.start() < resume or skip(m.start()):
            continue
        parsed = None
        age = None
        role = _role_pattern().search(text, max(0, m.start() - 60), m.start())
        if role and role.end() == m.start():
            parsed = parse_name(text, m.start())
        else:
            candidate = parse_name(text, m.start())
            if candidate:
                age = AGE.match(text, candidate.end)
                parsed = candidate if age else None
        if parsed and parsed.start not in found:
            found[parsed.start] = Person(parsed.bare, parsed.start, parsed.end)
            resume = parsed.end
    return sorted(found.values(), key=lambda p: p.start)

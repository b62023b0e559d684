"""Vocabulary shared by scrapers and extract (both may import models): Indonesian month and
weekday names, acting prefixes (Plt., Pj. …) and page-furniture markers. The CSV files beside this module are the data."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

HERE = Path(__file__).parent


def _rows(name: str) -> list[dict]:
    with open(HERE / name, encoding="utf-8", newline="") as f:
        return [r for r in csv.DictReader(f) if r and not next(iter(r.values()), "").startswith("#")]


@cache
def months() -> dict[str, int]:
    """Lower-case month form -> month number ("nopember" -> 11)."""
    return {r["form"]: int(r["month"]) for r in _rows("months.csv")}


@cache
def weekdays() -> dict[str, int]:
    """Lower-case weekday form -> Python weekday (Monday = 0)."""
    return {r["form"]: int(r["weekday"]) for r in _rows("weekdays.csv")}


@cache
def acting_prefixes() -> dict[str, str]:
    """Lower-case acting form -> its one written form ("pelaksana tugas" -> "Plt.")."""
    return {r["form"].lower(): r["canonical"] for r in _rows("acting_prefixes.csv")}


def split_acting(position: str | None) -> tuple[str | None, str | None]:
    """"Plt. Kepala Dinas Kesehatan" -> ("Plt.", "Kepala Dinas Kesehatan"); no prefix -> (None, position)."""
    text = (position or "").strip()
    for form in sorted(acting_prefixes(), key=len, reverse=True):
        if text.lower().startswith(form + " "):
            return acting_prefixes()[form], text[len(form) + 1:].strip() or None
    return None, position


SHORT_LINE = 100  # a "prefix_short" marker only counts on lines shorter than this


@dataclass(frozen=True)
class Marker:
    marker: str
    action: str  # teaser | drop_line | caption | stop
    match: str   # prefix | prefix_short | line | contains_short

    def matches(self, line: str) -> bool:
        text, marker = line.strip().lower(), self.marker.lower()
        if self.match == "line":
            return text.strip(" .:!-–—|") == marker.strip(" .:")
        if self.match in ("prefix_short", "contains_short") and len(text) >= SHORT_LINE:
            return False
        if self.match == "contains_short":
            return marker in text
        return text.startswith(marker)


@cache
def boilerplate_markers() -> tuple[Marker, ...]:
    return tuple(Marker(r["marker"], r["action"], r["match"]) for r in _rows("boilerplate.csv"))


def furniture(line: str) -> Marker | None:
    """The marker that makes this line page furniture, or None for body text."""
    return next((m for m in boilerplate_markers() if m.matches(line)), None)

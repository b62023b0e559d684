"""The scrapers' word lists, read once from scrapers/words.csv (data, not code)."""
from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

WORDS = Path(__file__).parent / "words.csv"


@cache
def _groups() -> dict[str, tuple[str, ...]]:
    groups: dict[str, list[str]] = {}
    with open(WORDS, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(line for line in f if not line.lstrip().startswith("#")):
            groups.setdefault(row["group"].strip(), []).append(row["word"].strip())
    return {k: tuple(v) for k, v in groups.items()}


def words(group: str) -> tuple[str, ...]:
    return _groups().get(group, ())


def alternation(group: str) -> str:
    return "|".join(re.escape(w) for w in sorted(words(group), key=len, reverse=True)) or "(?!)"

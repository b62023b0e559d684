"""Loads lkjip_rules.json and lower_is_better.csv once; compiled patterns are cached beside them."""
from __future__ import annotations

import csv
import json
import re
from functools import cache
from pathlib import Path

HERE = Path(__file__).parent


@cache
def rules() -> dict:
    return json.loads((HERE / "lkjip_rules.json").read_text(encoding="utf-8"))


@cache
def pattern(key: str) -> re.Pattern:
    return re.compile(rules()[key], re.IGNORECASE | re.MULTILINE)


@cache
def lower_is_better_words() -> tuple[str, ...]:
    with open(HERE / "lower_is_better.csv", encoding="utf-8", newline="") as f:
        return tuple(dict.fromkeys(row["words"].strip().lower() for row in csv.DictReader(f) if row["words"].strip()))


@cache
def lower_is_better_pattern() -> re.Pattern:
    """Any lower-is-better phrase as whole words (in lower-cased, space-folded text)."""
    words = sorted(lower_is_better_words(), key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in words)})\b")


@cache
def null_values() -> frozenset:
    return frozenset(n.lower() for n in rules()["null_values"])

"""Loads pk_rules.json once; compiled patterns are cached beside it."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

RULES_PATH = Path(__file__).parent / "pk_rules.json"


@lru_cache(maxsize=1)
def rules() -> dict:
    return json.loads(RULES_PATH.read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def pattern(key: str, flags: int = re.IGNORECASE) -> re.Pattern:
    """Compile a pattern from the rules; `key` may be dotted ("signing.place_line")."""
    value = rules()
    for part in key.split("."):
        value = value[part]
    return re.compile(value, flags | re.MULTILINE)

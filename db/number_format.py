"""Numbers the Indonesian way for people reading pages: "Rp 52.786.340.500", "98,5 %"
(thousands with '.', decimals with ','). Exports keep plain numbers; only pages use this."""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

COLUMNS_FILE = Path(__file__).parent / "number_columns.json"


@cache
def columns() -> dict:
    """Which columns hold money, percentages, a value beside its unit, or JSON lists (data file)."""
    return json.loads(COLUMNS_FILE.read_text(encoding="utf-8"))


def _number(value) -> float | None:
    if isinstance(value, bool) or value in (None, ""):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def number(value, decimals: int | None = None) -> str:
    """12345.5 -> '12.345,5'; whole numbers without decimals; at most 2 decimals unless told."""
    x = _number(value)
    if x is None:
        return "" if value is None else str(value)
    if decimals is None:
        decimals = 0 if x == int(x) else 2
    text = f"{x:,.{decimals}f}"
    if "." in text and decimals:
        text = text.rstrip("0").rstrip(".")
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def rupiah(value) -> str:
    x = _number(value)
    return "" if x is None else f"Rp {number(x)}"


def percent(value) -> str:
    x = _number(value)
    return "" if x is None else f"{number(x)} %"


def with_unit(value, unit) -> str:
    """A target value beside its unit: '98,5 %', '85 per 100.000 KH', 'Rp 1.000' for rupiah."""
    x = _number(value)
    if x is None:
        return ""
    unit = (unit or "").strip()
    if unit.lower() in ("rp", "rupiah"):
        return rupiah(x)
    return f"{number(x)} {unit}".strip()


def list_text(value) -> str | None:
    """A JSON array string ('["same OPD", "value 95"]') as plain text ('same OPD; value 95');
    None when the value is not a JSON list (leave it as it is)."""
    if not isinstance(value, str) or not value.startswith("["):
        return None
    try:
        items = json.loads(value)
    except ValueError:
        return None
    if not isinstance(items, list):
        return None
    return "; ".join(item if isinstance(item, str) else json.dumps(item, ensure_ascii=False) for item in items)

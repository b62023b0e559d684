"""Indonesian numbers: "." groups thousands, "," marks decimals ("Rp 1.234.567,00", "98,5 %")."""
from __future__ import annotations

import re

from extract.pk.rules import rules

# Either dot-grouped thousands ("1.234.567,00") or a plain number with an optional decimal part.
NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
_LEADING_NUMBER = re.compile(rf"^\s*(?P<cmp>[<>≤≥]=?|±)?\s*(?P<num>{NUMBER})(?![\d.,]*\d)\s*(?P<rest>.*?)\s*$")
_CURRENCY = re.compile(r"^\s*Rp\.?\s*", re.IGNORECASE)


def parse_number(token: str) -> float | None:
    """ "1.234.567,00" -> 1234567.0, "72,40" -> 72.4, "1.250" -> 1250.0, "12.5" -> 12.5.

    A dot followed by exactly three digits groups thousands (the Indonesian norm); any other dot
    can only be a decimal point written the English way."""
    token = token.strip()
    if not re.fullmatch(NUMBER, token):
        return None
    if "," in token:
        return float(token.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", token):
        return float(token.replace(".", ""))
    return float(token)


def parse_amount(text: str | None) -> float | None:
    """Budget cell -> rupiah: "Rp 1.234.567.890,00", "Rp. 500.000.000,-", "Rp1,25 miliar"."""
    if not text:
        return None
    body = _CURRENCY.sub("", text.strip())
    body = re.sub(r",\s*-+\s*$", "", body).strip()  # ",-" means "no cents"
    match = re.fullmatch(rf"(?P<num>{NUMBER})\s*(?P<scale>[A-Za-z]+)?\.?", body)
    if not match:
        return None
    value = parse_number(match["num"])
    scale = (match["scale"] or "").lower()
    if scale:
        factor = rules()["amount_scales"].get(scale)
        if factor is None:
            return None
        value *= factor
    return value


def parse_target(text: str | None) -> tuple[float | None, str | None]:
    """Target cell -> (value, unit): "98,5 %" -> (98.5, "%"), "25 per 100.000 penduduk" ->
    (25.0, "per 100.000 penduduk"); a category ("BB", "WTP") has no value and no unit."""
    if not text:
        return None, None
    match = _LEADING_NUMBER.match(text)
    if not match:
        return None, None
    return parse_number(match["num"]), (match["rest"] or None)

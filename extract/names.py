"""Person names with honorifics and degrees: "Dr. dr. H. Maulana, M.K.M." -> bare "Maulana".

Prefixes, degrees, ranks and name particles come from extract/rules/*.txt.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from extract.rules import alternation, load_rules, phrases

TOKEN = re.compile(r"[A-Za-z][A-Za-z'’\-]*(?:\.[A-Za-z][A-Za-z]*)*\.?|[,()]")
MAX_NAME_WORDS = 6


def _key(token: str) -> str:
    return token.replace(".", "").replace(" ", "").lower()


@cache
def _vocab() -> tuple[frozenset, frozenset, frozenset, frozenset, frozenset]:
    r = load_rules()
    prefixes = frozenset(_key(p) for p in r.prefixes)
    degrees = frozenset(_key(d) for d in r.degrees)
    ranks = frozenset(_key(w) for rank in r.ranks for w in rank.split())
    particles = frozenset(p.lower() for p in r.particles)
    # a title's first word ends a name: "oleh Bupati, Sekda, …" has no person called Bupati
    title_words = {p.form.split()[0].lower() for p in r.positions}
    return prefixes, degrees, ranks, particles, frozenset(r.not_names | title_words)


@dataclass
class ParsedName:
    bare: str
    full: str
    start: int
    end: int


# Degrees not in the list still have their shape: "S.Par.", "M.Par", "S.Tr.Keb."
DEGREE_SHAPE = re.compile(r"(?:S|M|D|A|Sp)\.[A-Z][a-zA-Z]{0,5}\.?(?:[A-Z][a-zA-Z]{0,4}\.?)*")


def is_degree(token: str) -> bool:
    if DEGREE_SHAPE.fullmatch(token):
        return True
    return _key(token) in _vocab()[1] and (token[0].isupper() or "." in token)


ROMAN = re.compile(r"[IVXLC]+")


@cache
def _suffix_titles() -> frozenset:
    return frozenset(_key(t) for t in phrases("name_suffix_title"))


@cache
def _retired() -> re.Pattern:
    return re.compile(rf"\(\s*(?:{alternation(phrases('retired_rank'))})\.?\s*\)", re.I)


@cache
def _affixed_word() -> re.Pattern:
    """Indonesian verbs and derived nouns by their affixes ("Menghadiri", "Pelaksanaan",
    "Dijelaskannya"): Title Case headlines capitalise them after a title. Data: phrases.csv."""
    rows = [p.split("+") for p in phrases("affixed_not_name")]
    return re.compile("|".join(rf"(?:{a}\w{{3,}}(?:{b}))" for a, b in rows), re.I)


def _is_name_word(token: str) -> bool:
    core = token.rstrip(".")
    return (bool(core) and core[0].isupper() and core.lower() not in _vocab()[4] and len(core) > 1
            and not ROMAN.fullmatch(core) and not _affixed_word().fullmatch(core)
            and not (core.isupper() and (core in load_rules().opd_abbrevs or core in load_rules().ambiguous))
            and not re.search(r"\.(?:co|com|id|net|org)\b", core, re.I))


def normalise_case(words: list[str]) -> str:
    """'BUDI SANTOSO' -> 'Budi Santoso'; mixed case is kept as written."""
    return " ".join(w.capitalize() if w.isupper() and len(w) > 2 else w for w in words)


def parse_name(text: str, start: int, *, allow_prefix_only: bool = False) -> ParsedName | None:
    """Parse a name beginning at `start` (after optional spaces). None when no name is there."""
    prefixes, degrees, ranks, particles, _ = _vocab()
    pos = start
    words: list[str] = []
    first = None
    end = start
    in_degrees = False
    after_comma = False
    for match in TOKEN.finditer(text, start):
        if match.start() < pos:
            continue  # inside a span already read ("(Purn)")
        gap = text[pos:match.start()]
        if "\n" in gap or (gap.strip() and gap.strip() not in (",",)):
            break
        token = match.group()
        key = _key(token)
        if token in ",":
            if not words:
                break
            after_comma = True
            pos = match.end()
            continue
        retired = _retired().match(text, match.start()) if token == "(" else None
        if retired:
            pos = end = retired.end()
            continue  # "Komjen Pol (Purn) Drs. Paulus …": a retired rank
        if token in "()":
            break
        if not words and re.fullmatch(r"H\.?M\.?", token):
            # "HM Nurdin Abdullah", "H.M. Nurdin": Haji and the initial M of Muhammad, glued
            first = first if first is not None else match.start()
            words.append("M")
            pos = end = match.end()
            continue
        glued = re.fullmatch(r"([A-Za-z]{1,4})\.([A-Z][a-z]+)", token)  # "Drs.Paulus", "Dr.Deno"
        if not words and glued and _key(glued.group(1)) in prefixes:
            first = first if first is not None else match.start()
            words.append(glued.group(2))
            pos = end = match.end()
            continue
        if not words and not in_degrees and (key in prefixes or key in ranks):
            first = first if first is not None else match.start()
            pos = end = match.end()
            continue
        if words and is_degree(token):
            in_degrees = True
            pos = end = match.end()
            continue
        split = re.match(r"\s*([A-Za-z]{1,4}\.?)", text[match.end():])  # "A. Md", "S. Pd": a degree typed apart
        if words and split and re.fullmatch(r"[A-Z]\.", token) and _key(token + split.group(1)) in _vocab()[1]:
            in_degrees = True
            pos = end = match.end() + split.end()
            continue
        if in_degrees or after_comma:
            break  # "Maulana, Wali Kota" — a comma ends the name unless degrees follow
        if words and key in _suffix_titles():
            break  # "Indra Catri Dt. Malako Nan Putiah": an adat title, not the name
        # "M. Hafiz Alfarisi"; a bare initial inside a name: "Arief R Wismansyah"
        initial = re.fullmatch(r"[A-Z]\.", token) or (re.fullmatch(r"[A-HJ-UWYZ]", token) and (
            words or re.match(r"\s+[A-Z][a-z]{2,}", text[match.end():])))  # "P Sidabutar"
        if _is_name_word(token) or initial or (token.lower() in particles and not words):
            if len(words) >= MAX_NAME_WORDS:
                break
            words.append(token.rstrip(".") if not re.fullmatch(r"[A-Z]\.", token) else token)
            first = first if first is not None else match.start()
            pos = end = match.end()
            if token.endswith(".") and len(token) > 3 and "." not in token[:-1] and not text[pos:pos + 2].strip(" ").startswith(","):
                break  # "… Joko Widodo. Revolusi mental": a full stop after a name word ends the sentence
            continue
        break
    # a lone initial ("H.") or particle is not a name
    words = [w for w in words]
    while words and (words[-1].lower() in particles):
        words.pop()
    if not words or all(len(w.rstrip(".")) <= 1 for w in words):
        return None
    if len(words) == 1 and words[0].lower() in load_rules().regions:
        return None  # "Wakil Bupati Asahan, Sekda …": a region alone is not a person
    if len(words) == 1 and (words[0] in load_rules().opd_abbrevs or re.fullmatch(r"[A-Z]{3,}", words[0])):
        return None  # "Dirjen … Kemendagri", "Direktur RSUD RAPB": an agency or an acronym, not a person
    full = text[first:end].strip().rstrip(",").strip()
    return ParsedName(bare=normalise_case(words), full=full, start=first, end=first + len(full))


def strip_honorifics(name: str) -> str:
    """Bare name from any written form; used to compare names across documents."""
    parsed = parse_name(name, 0)
    return parsed.bare if parsed else name.strip()

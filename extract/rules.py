"""Extraction cues loaded once from the data files in extract/rules/ (see its README), beside the
shared vocabulary of models/vocab/ (positions, OPDs, regions, acting prefixes)."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from models import vocab

RULES = Path(__file__).parent / "rules"


def _csv(name: str) -> list[dict]:
    path = RULES / name
    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as f:
        return [{k: (v or "").strip() for k, v in row.items() if k}
                for row in csv.DictReader(line for line in f if not line.lstrip().startswith("#"))]


def _lines(name: str) -> list[str]:
    path = RULES / name
    if not path.exists():
        return []
    return [s for s in (line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
                        for line in path.read_text(encoding="utf-8").splitlines()) if s]


PositionForm = vocab.PositionForm  # the vocabulary's record, re-exported for the extractors


@dataclass
class Rules:
    opd_names: dict[str, str] = field(default_factory=dict)        # lower form -> canonical
    opd_abbrevs: dict[str, str] = field(default_factory=dict)      # exact abbreviation -> canonical
    opd_abbrev_of: dict[str, str] = field(default_factory=dict)    # canonical -> first abbreviation
    opd_head_titles: dict[str, str] = field(default_factory=dict)  # lower head title -> canonical
    national_opds: set[str] = field(default_factory=set)  # ministries and national bodies: no region
    ambiguous: dict[str, list[str]] = field(default_factory=dict)
    positions: list[PositionForm] = field(default_factory=list)
    acting: dict[str, str] = field(default_factory=dict)
    prefixes: list[str] = field(default_factory=list)
    degrees: list[str] = field(default_factory=list)
    ranks: list[str] = field(default_factory=list)
    particles: set[str] = field(default_factory=set)
    speech_verbs: list[str] = field(default_factory=list)
    cues: list[tuple[str, str]] = field(default_factory=list)
    pronouns: list[str] = field(default_factory=list)
    regions: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # lower name -> [(kind, name)]
    region_aliases: dict[str, str] = field(default_factory=dict)  # Kalbar -> Provinsi Kalimantan Barat
    not_opd: set[str] = field(default_factory=set)
    not_names: set[str] = field(default_factory=set)
    civilian_roles: list[str] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)
    phrases: dict[str, list[str]] = field(default_factory=dict)  # group -> phrases (phrases.csv)


@cache
def load_rules() -> Rules:
    r = Rules()
    for entry in vocab.opds():
        canonical = entry.canonical
        r.opd_names[canonical.lower()] = canonical
        if entry.national:
            r.national_opds.add(canonical)
        for abbrev in entry.abbreviations:
            r.opd_abbrevs.setdefault(abbrev, canonical)
        if entry.abbreviations:
            r.opd_abbrev_of.setdefault(canonical, entry.abbreviations[0])
        for title in entry.head_titles:
            r.opd_head_titles.setdefault(title.lower(), canonical)
    r.ambiguous = {a: list(c) for a, c in vocab.ambiguous_abbreviations().items()}
    for abbrev in r.ambiguous:
        r.opd_abbrevs.pop(abbrev, None)
    r.positions = list(vocab.positions())
    r.acting = dict(vocab.acting_prefixes())
    r.prefixes = _lines("name_prefixes.txt")
    r.degrees = _lines("degrees.txt")
    r.ranks = _lines("ranks.txt")
    r.particles = set(_lines("name_particles.txt"))
    r.speech_verbs = [v.lower() for v in _lines("speech_verbs.txt")]
    r.cues = [(row["cue"].lower(), row["kind"]) for row in _csv("commitment_cues.csv")]
    r.pronouns = [p.lower() for p in _lines("pronouns.txt")]
    for name, kind, _ in vocab.regions():
        r.regions.setdefault(name.lower(), []).append((kind, name))
    r.region_aliases = dict(vocab.region_aliases())
    r.not_opd = {s.lower() for s in _lines("not_opd.txt")}
    r.not_names = {s.lower() for s in _lines("not_names.txt")}
    r.civilian_roles = [s.lower() for s in _lines("civilian_roles.txt")]
    r.parties = _lines("parties.txt")
    for row in _csv("phrases.csv"):
        r.phrases.setdefault(row["group"], []).append(row["phrase"])
    return r


def phrases(group: str) -> list[str]:
    return load_rules().phrases.get(group, [])


@cache
def phrase_pattern(group: str) -> re.Pattern:
    """Any phrase of a phrases.csv group as a whole word or words, in any case."""
    return re.compile(rf"(?<![\w-])(?:{alternation(phrases(group))})(?![\w-])", re.I)


@cache
def phrase_before(group: str) -> re.Pattern:
    """Any phrase of a group ending just before a position (search with endpos): "Peraturan " before
    a title, "Kanwil " before a ministry, "tidak bisa " before a cue."""
    return re.compile(rf"(?<![\w-])(?:{alternation(phrases(group))})\s+$", re.I)


def alternation(forms, flags_upper: bool = False) -> str:
    """Regex alternation, longest first, spaces matching any whitespace run."""
    escaped = [re.escape(f).replace(r"\ ", r"\s+") for f in sorted(set(forms), key=len, reverse=True) if f]
    return "|".join(escaped) or "(?!)"  # an empty list matches nothing, not the empty string

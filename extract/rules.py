"""Rules and gazetteers, loaded once from the data files in extract/rules/ (see its README)."""
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


def _split(value: str) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


@dataclass(frozen=True)
class PositionForm:
    form: str
    position: str
    opd_from: str  # "" | fixed:<OPD> | follows | place[:<unit>] | place_skip[:<unit>]
    level: str = ""  # kota | kabupaten | provinsi (the region a head of region governs) | national


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
    for row in _csv("opds.csv"):
        canonical = row["canonical"]
        r.opd_names[canonical.lower()] = canonical
        if row.get("kind") in ("kementerian", "lembaga"):
            r.national_opds.add(canonical)
        abbrevs = _split(row.get("abbreviations", ""))
        for abbrev in abbrevs:
            r.opd_abbrevs.setdefault(abbrev, canonical)
        if abbrevs:
            r.opd_abbrev_of.setdefault(canonical, abbrevs[0])
        for title in _split(row.get("head_titles", "")):
            r.opd_head_titles.setdefault(title.lower(), canonical)
    r.ambiguous = {row["abbreviation"]: _split(row["candidates"]) for row in _csv("ambiguous_abbreviations.csv")}
    for abbrev in r.ambiguous:
        r.opd_abbrevs.pop(abbrev, None)
    r.positions = [PositionForm(row["form"], row["position"], row.get("opd_from", ""), row.get("level", ""))
                   for row in _csv("positions.csv")]
    r.acting = dict(vocab.acting_prefixes())
    r.prefixes = _lines("name_prefixes.txt")
    r.degrees = _lines("degrees.txt")
    r.ranks = _lines("ranks.txt")
    r.particles = set(_lines("name_particles.txt"))
    r.speech_verbs = [v.lower() for v in _lines("speech_verbs.txt")]
    r.cues = [(row["cue"].lower(), row["kind"]) for row in _csv("commitment_cues.csv")]
    r.pronouns = [p.lower() for p in _lines("pronouns.txt")]
    for row in _csv("regions.csv"):
        r.regions.setdefault(row["name"].lower(), []).append((row["kind"], row["name"]))
    r.region_aliases = {row["alias"]: row["region"] for row in _csv("region_aliases.csv")}
    r.not_opd = {s.lower() for s in _lines("not_opd.txt")}
    r.not_names = {s.lower() for s in _lines("not_names.txt")}
    r.civilian_roles = [s.lower() for s in _lines("civilian_roles.txt")]
    r.parties = _lines("parties.txt")
    for row in _csv("phrases.csv"):
        r.phrases.setdefault(row["group"], []).append(row["phrase"])
    return r


def acting_prefix(position: str | None) -> str | None:
    """The acting prefix a position starts with ("Plt." of "Plt. Kepala Dinas …"), else None."""
    return next((p for p in set(load_rules().acting.values()) if (position or "").startswith(p + " ")), None)


def without_acting(position: str | None) -> str:
    """"Plt. Kepala Dinas Kesehatan" -> "Kepala Dinas Kesehatan"."""
    prefix = acting_prefix(position)
    return (position or "")[len(prefix) + 1:] if prefix else (position or "")


def phrases(group: str) -> list[str]:
    return load_rules().phrases.get(group, [])


def alternation(forms, flags_upper: bool = False) -> str:
    """Regex alternation, longest first, spaces matching any whitespace run."""
    escaped = [re.escape(f).replace(r"\ ", r"\s+") for f in sorted(set(forms), key=len, reverse=True) if f]
    return "|".join(escaped) or "(?!)"  # an empty list matches nothing, not the empty string

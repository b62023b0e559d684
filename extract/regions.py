"""Regions: "Kota Jambi", "Kabupaten Muaro Jambi", "Provinsi Kalimantan Barat", and bare names
("Wali Kota Jambi", "Bappeda Kalbar") resolved by the title's level or the document's region."""
from __future__ import annotations

import re
from collections import Counter
from functools import cache

from extract.rules import alternation, load_rules, phrases
from models import vocab

KIND_PREFIX = {kind: prefix for _, kind, prefix in vocab.region_kinds()}  # "kabupaten" -> "Kabupaten"
EXPLICIT = {kind: alternation([f for f, k, _ in vocab.region_kinds() if k == kind]) for kind in KIND_PREFIX}


@cache
def _government() -> dict[str, str]:
    """"Pemkot" -> "kota": words for a regional government that give its level."""
    return dict(vocab.government_words())


@cache
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    r = load_rules()
    names = alternation([n for kinds in r.regions.values() for _, n in kinds] + list(r.region_aliases))
    explicit = "|".join(f"(?P<{k}>{p})" for k, p in EXPLICIT.items())
    gov = alternation(_government())
    # "Pemerintah Kabupaten (Pemkab) Pohuwato": a short form in brackets may stand between kind and name
    with_kind = re.compile(rf"(?:(?P<gov>{gov})|{explicit})(?:\s*\([A-Za-z]{{2,8}}\))?\s+(?P<name>{names})\b")
    bare = re.compile(rf"(?P<name>{names})\b")
    return with_kind, bare


def _kind_of(match: re.Match) -> str | None:
    if match.group("gov"):
        return _government().get(re.sub(r"\s+", " ", match.group("gov")))
    return next((k for k in EXPLICIT if match.group(k)), None)


def _canonical(name: str, kind: str) -> str | None:
    r = load_rules()
    if name in r.region_aliases:
        return r.region_aliases[name]
    for k, n in r.regions.get(name.lower(), []):
        if k == kind:
            return f"{KIND_PREFIX[kind]} {n}"
    return None


def explicit_regions(text: str, skip=lambda pos: False) -> Counter:
    """Regions written with their level ("Kota Jambi", "Pemkab Muaro Jambi"), counted."""
    with_kind, _ = _patterns()
    found = Counter()
    for m in with_kind.finditer(text):
        if skip(m.start()):
            continue
        region = _canonical(m.group("name"), _kind_of(m))
        if region:
            found[region] += 1
    return found


def region_at(text: str, pos: int, level: str | None, default: str | None) -> tuple[str | None, int]:
    """A region starting at `pos` (after spaces). Returns (region, end) or (None, pos)."""
    with_kind, bare = _patterns()
    start = len(text[pos:]) - len(text[pos:].lstrip(" "))
    m = with_kind.match(text, pos + start)
    if m:
        return _canonical(m.group("name"), _kind_of(m)), m.end()
    m = bare.match(text, pos + start)
    if not m:
        return None, pos
    name = m.group("name")
    r = load_rules()
    if name in r.region_aliases:
        return r.region_aliases[name], m.end()
    kinds = [k for k, _ in r.regions.get(name.lower(), [])]
    if level in kinds:
        return _canonical(name, level), m.end()
    if default and default.split(" ", 1)[-1].lower() == name.lower():
        return default, m.end()
    if len(kinds) == 1:
        return _canonical(name, kinds[0]), m.end()
    return None, m.end()


@cache
def _area_chain() -> re.Pattern:
    """", Madura, Jawa Timur": areas and provinces written after a region, before a name."""
    r = load_rules()
    provinces = [n for kinds in r.regions.values() for k, n in kinds if k == "provinsi"]
    names = alternation(phrases("area_name") + provinces + list(r.region_aliases))
    return re.compile(rf"(?:\s*,?\s*(?:Provinsi\s+)?(?:{names})(?![\w])(?:\s*\([^()\n]{{1,12}}\))?)+", re.I)  # the data is lower case


def skip_areas(text: str, pos: int) -> int:
    m = _area_chain().match(text, pos)
    return m.end() if m else pos


DATELINE = re.compile(r"^\s*(?P<place>[A-Z][A-Z .'’-]{2,40}?)\s*(?:,\s*[\w.]+\s*)?(?:\(ANTARA\)\s*)?[-–—]", re.M)


def dateline_region(text: str) -> str | None:
    """"KUTAI TIMUR – …", "Palu (ANTARA) - …": the place a story was filed from, when it names one
    region only (BOGOR names a kota and a kabupaten: no answer)."""
    for m in DATELINE.finditer(text[:2000]):
        name = " ".join(w.capitalize() for w in m.group("place").split())
        r = load_rules()
        if name in r.region_aliases:
            return r.region_aliases[name]
        kinds = r.regions.get(name.lower(), [])
        if len(kinds) == 1:
            return _canonical(kinds[0][1], kinds[0][0])
        if kinds:
            return None
    return None


@cache
def _provinces() -> dict[str, str]:
    """"Kabupaten Takalar" -> "Provinsi Sulawesi Selatan", from the province column of regions.csv."""
    out = {}
    for name, kind, province in vocab.regions():
        if kind != "provinsi" and province:
            out[f"{KIND_PREFIX[kind]} {name}"] = f"{KIND_PREFIX['provinsi']} {province}"
    return out


def province_of(region: str) -> str:
    return region if region.startswith(KIND_PREFIX["provinsi"]) else _provinces().get(region, region)


def main_region(counts) -> str | None:
    """The region a text is about: the most named; a province named no more often than a kota or
    kabupaten inside it is only that place's address ("Bupati Jayawijaya, Provinsi Papua")."""
    if not counts:
        return None
    def weight(item):
        region, n = item
        inside = region.startswith(KIND_PREFIX["provinsi"]) and any(
            province_of(r) == region and c >= n for r, c in counts.items() if r != region)
        return (n, not inside, not region.startswith(KIND_PREFIX["provinsi"]))
    return max(counts.items(), key=weight)[0]

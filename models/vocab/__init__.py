"""The one vocabulary of janji, shared by scrapers, extract and db (all may import models):
positions and their expansions, OPDs and their abbreviations, ambiguous abbreviations, regions
and their aliases, government words, acting prefixes (Plt., Pj. …), Indonesian month and weekday
names and page-furniture markers. The CSV files beside this module are the data (see README.md
there); each is read once, by the typed loaders below."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

HERE = Path(__file__).parent


def _rows(name: str) -> list[dict]:
    with open(HERE / name, encoding="utf-8", newline="") as f:
        return [{k: (v or "").strip() for k, v in r.items() if k}
                for r in csv.DictReader(line for line in f if not line.lstrip().startswith("#"))]


def _split(value: str) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


@dataclass(frozen=True)
class PositionForm:
    form: str          # as written ("Kadisdik", "Wali Kota")
    position: str      # expanded, without region or acting prefix
    opd_from: str      # "" | fixed:<OPD> | follows | follows_or_none | unit:<OPD> | place[:<unit>] | place_skip[:<unit>]
    level: str = ""    # kota | kabupaten | provinsi (a head of region) | national


@dataclass(frozen=True)
class OpdEntry:
    canonical: str                 # the full official name that is reported
    abbreviations: tuple[str, ...]  # as news writes them, matched case-sensitively; the first is reported
    head_titles: tuple[str, ...]    # fused head titles that imply the OPD (Kadisdik, Sekda)
    kind: str                       # dinas | badan | … | kementerian | lembaga (national: no region)

    @property
    def national(self) -> bool:
        return self.kind in ("kementerian", "lembaga")


@cache
def positions() -> tuple[PositionForm, ...]:
    return tuple(PositionForm(r["form"], r["position"], r.get("opd_from", ""), r.get("level", ""))
                 for r in _rows("positions.csv"))


@cache
def opds() -> tuple[OpdEntry, ...]:
    return tuple(OpdEntry(r["canonical"], tuple(_split(r.get("abbreviations", ""))),
                          tuple(_split(r.get("head_titles", ""))), r.get("kind", ""))
                 for r in _rows("opds.csv"))


@cache
def ambiguous_context() -> dict[str, dict[str, tuple[str, ...]]]:
    """abbreviation -> candidate -> words of the subject it belongs to (BKD at a pelantikan is
    Kepegawaian, BKD in an APBD debate is Keuangan)."""
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for r in _rows("ambiguous_context.csv"):
        out.setdefault(r["abbreviation"], {})[r["candidate"]] = tuple(_split(r["context_words"]))
    return out


@cache
def ambiguous_abbreviations() -> dict[str, tuple[str, ...]]:
    """"DKP" -> its possible OPDs; the text must settle which."""
    return {r["abbreviation"]: tuple(_split(r["candidates"])) for r in _rows("ambiguous_abbreviations.csv")}


@cache
def opd_forms() -> tuple[tuple[str, str, str], ...]:
    """(form, OPD name, abbreviation | head_title | ambiguous) for every short form of an OPD: what
    search expands ("Bappeda" finds "Badan Perencanaan Pembangunan Daerah" and back)."""
    out: dict[tuple[str, str], str] = {}
    for entry in opds():
        for form in entry.abbreviations:
            out.setdefault((form, entry.canonical), "abbreviation")
        for form in entry.head_titles:
            out.setdefault((form, entry.canonical), "head_title")
    for abbrev, names in ambiguous_abbreviations().items():
        for name in names:
            out.setdefault((abbrev, name), "ambiguous")
    return tuple((a, n, f) for (a, n), f in out.items())


@cache
def regions() -> tuple[tuple[str, str, str], ...]:
    """(name, kind, province) of every province, kabupaten and kota (Kemendagri list)."""
    return tuple((r["name"], r["kind"], r.get("province", "")) for r in _rows("regions.csv"))


@cache
def region_aliases() -> dict[str, str]:
    """"Kalbar" -> "Provinsi Kalimantan Barat", "Kobar" -> "Kabupaten Kotawaringin Barat"."""
    return {r["alias"]: r["region"] for r in _rows("region_aliases.csv")}


@cache
def region_kinds() -> tuple[tuple[str, str, str], ...]:
    """(form, kind, prefix): "Kab." names a kabupaten, reported as "Kabupaten X"."""
    return tuple((r["form"], r["kind"], r["prefix"]) for r in _rows("region_kinds.csv"))


@cache
def government_words() -> dict[str, str]:
    """"Pemkot" -> "kota": words for a regional government and the level they name."""
    return {r["form"]: r["level"] for r in _rows("government_words.csv")}


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


@cache
def _acting_longest_first() -> tuple[str, ...]:
    return tuple(sorted(acting_prefixes(), key=len, reverse=True))


def split_acting(position: str | None) -> tuple[str | None, str | None]:
    """"Plt. Kepala Dinas Kesehatan" -> ("Plt.", "Kepala Dinas Kesehatan"); no prefix -> (None, position)."""
    text = (position or "").strip()
    for form in _acting_longest_first():
        if text.lower().startswith(form + " "):
            return acting_prefixes()[form], text[len(form) + 1:].strip() or None
    return None, position


SHORT_LINE = 100  # a "prefix_short" marker only counts on lines shorter than this


@dataclass(frozen=True)
class Marker:
    marker: str
    action: str  # teaser | drop_line | caption | stop
    match: str   # prefix | prefix_short | line | contains_short | contains

    def matches(self, line: str) -> bool:
        text, marker = line.strip().lower(), self.marker.lower()
        if self.match == "line":
            return text.strip(" .:!-–—|") == marker.strip(" .:")
        if self.match in ("prefix_short", "contains_short") and len(text) >= SHORT_LINE:
            return False
        if self.match in ("contains_short", "contains"):
            return marker in text
        return text.startswith(marker)


@cache
def boilerplate_markers() -> tuple[Marker, ...]:
    return tuple(Marker(r["marker"], r["action"], r["match"]) for r in _rows("boilerplate.csv"))


def furniture(line: str) -> Marker | None:
    """The marker that makes this line page furniture, or None for body text."""
    return next((m for m in boilerplate_markers() if m.matches(line)), None)


@cache
def unit_abbreviations() -> dict[str, str]:
    """Short names of units inside an agency ("Dikdas" -> "Pendidikan Dasar"), expanded in positions."""
    return {r["abbreviation"]: r["expansion"] for r in _rows("unit_abbreviations.csv")}

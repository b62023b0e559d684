"""One position reader for every document: a printed title (a news byline, a PK signature block)
plus a region hint -> position, acting prefix, OPD and region, by the same title rules the news
pipeline uses (models/vocab/positions.csv, opds.csv, acting_prefixes.csv)."""
from __future__ import annotations

import re
from functools import cache
from dataclasses import dataclass

from extract.officials import find_titles
from extract.regions import KIND_PREFIX, region_at
from extract.rules import alternation, load_rules, phrases
from models import vocab
from models.vocab import split_acting

KINDS = {form: prefix for form, _, prefix in vocab.region_kinds()}  # "Kab." -> "Kabupaten"
REGION_WORD = re.compile(rf"(?:^|\s)(?P<kind>{alternation(KINDS)})\s+(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,3}})\s*$")


@dataclass(frozen=True)
class PositionReading:
    position: str | None
    acting: str | None
    opd: str | None
    region: str | None


@cache
def _kept_upper() -> frozenset:
    return frozenset(load_rules().opd_abbrevs) | frozenset(phrases("upper_in_title"))


def title_case(text: str) -> str:
    """"KEPALA DINAS PEKERJAAN UMUM DAN PENATAAN RUANG" -> "Kepala Dinas Pekerjaan Umum dan Penataan Ruang";
    acronyms that are agencies (PUPR, RSUD) stay upper case."""
    keep = _kept_upper()
    out = []
    for i, word in enumerate(text.split()):
        core = word.strip(",.()")
        if core in keep or re.fullmatch(r"[IVX]+", core):
            out.append(word)
        elif i and word.lower() in phrases("lowercase_in_title"):
            out.append(word.lower())
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in word.split("-")))
    return " ".join(out)


def _is_upper(text: str) -> bool:
    """Mostly capitals ("Plt. KEPALA DINAS …" counts): a heading, not a sentence."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def read_position(printed: str | None, region_hint: str | None = None) -> PositionReading:
    """"Plt. Kepala Dinas Kesehatan Kota Jambi" -> (Kepala Dinas Kesehatan, Plt., Dinas Kesehatan,
    Kota Jambi); "PJ. BUPATI MUARO JAMBI" -> (Bupati, Pj., None, Kabupaten Muaro Jambi)."""
    if not printed or not printed.strip(" ,.:"):
        return PositionReading(None, None, None, region_hint)
    text = " ".join(printed.split()).strip(" ,.:")
    if _is_upper(text):
        text = title_case(text)
    hits = [h for h in find_titles(text, lambda pos: False, region_hint, {}) if h.start <= 12]
    if not hits:  # a title the rules do not know: kept as printed, acting and region split off
        acting, rest = split_acting(text)
        rest, region = _split_region(rest or "")
        return PositionReading(rest or None, acting, None, region or region_hint)
    hit = hits[0]
    region = hit.region
    if region is None and hit.level and hit.name:
        region = f"{KIND_PREFIX[hit.level]} {hit.name.bare}"  # "Bupati Bukit Permai": a region outside the gazetteer
    if region is None:
        region = _split_region(text[hit.end:] if hit.name is None else text)[1]
    return PositionReading(hit.position, hit.acting, hit.opd, region or (None if hit.national else region_hint))


def _split_region(text: str) -> tuple[str, str | None]:
    m = REGION_WORD.search(text)
    if m:
        found, _ = region_at(text, m.start("kind") if m.start("kind") else 0, None, None)
        kind = KINDS[" ".join(m.group("kind").split())]
        return text[:m.start()].strip(), found or f"{kind} {m.group('name')}"
    return text.strip(), None

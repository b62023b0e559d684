"""Titles in a text (Wali Kota, Kepala Dinas X, Camat X, Kapolres …) with a person's name before or
after each and the region and OPD it carries; extract/official_records.py makes officials of them."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from extract.names import ParsedName, parse_name
from extract.opds import hospital_after_doctor, hospital_name, opd_at
from extract.regions import KIND_PREFIX, region_at, skip_areas
from extract.rules import PositionForm, alternation, load_rules, phrase_before, phrases
from models import vocab



@dataclass
class TitleHit:
    """A position title in the text, with what was read around it."""
    position: str                    # expanded, without the acting prefix
    start: int
    end: int
    acting: str | None = None        # "Plt." | "Pj." | "Plh." | "Pjs."
    opd: str | None = None
    region: str | None = None
    name: ParsedName | None = None
    aliases: list[str] = field(default_factory=list)
    national: bool = False  # Presiden, Menteri: no regional government
    level: str | None = None  # kota | kabupaten | provinsi for a head of region (one holder at a time)


@cache
def _connector_before() -> re.Pattern:
    # "Budi, Kepala Dinas", "Budi selaku Kepala Dinas", "Yodi Setiawan (anggota DPRD)": a title in
    # brackets after a name is written in lower case; "Kepala Satpol PP (Kasatpol PP)" is an abbreviation
    return re.compile(rf"(?:,|\s+(?:{alternation(phrases('name_connector'))})|\s*\()\s*$", re.I)


@cache
def _nickname_intro() -> re.Pattern:
    return re.compile(rf"\s*,?\s*(?:{alternation(phrases('nickname_intro'))})\s+|\s*\(", re.I)


@cache
def _title_pattern() -> tuple[re.Pattern, dict[str, PositionForm]]:
    r = load_rules()
    forms = {re.sub(r"\s+", " ", p.form.lower()): p for p in r.positions}
    acting = alternation(r.acting)
    pattern = re.compile(rf"(?<![\w.])(?:(?P<acting>{acting})(?:\s*\([^()]{{1,8}}\))?\s*)?(?P<form>{alternation(p.form for p in r.positions)})(?![\w])",
                         re.I)
    return pattern, forms


def _acting(written: str) -> str:
    """"plt", "Pelaksana Tugas" -> "Plt.": the one form of an acting prefix (acting_prefixes.csv)."""
    return load_rules().acting[re.sub(r"\s+", " ", written.lower())]


def _combine(base: str, opd: str) -> str:
    """'Kepala Dinas' + 'Dinas Pendidikan' -> 'Kepala Dinas Pendidikan'."""
    first = opd.split(" ", 1)[0]
    if base.split()[-1] == first:
        return f"{base.rsplit(' ', 1)[0]} {opd}"
    return f"{base} {opd}"


@cache
def _enterprise_after() -> re.Pattern:
    return re.compile(rf"\s+(?:[A-Z]{{2,}}\b|(?:{alternation(phrases('enterprise_word'))})\b)")


def _skip_paren(text: str, pos: int) -> int:
    m = re.match(r"\s*\([^()\n]{1,40}\)", text[pos:])
    return pos + m.end() if m else pos


def _place(text: str, pos: int) -> tuple[str | None, int]:
    m = re.match(r"\s+((?:[A-Z][a-z]+)(?:\s+[A-Z][a-z]+){0,2})", text[pos:])
    if not m:
        return None, pos
    words = []
    rules = load_rules()
    stops = rules.not_names | {p.lower() for p in rules.particles} | {p.lower().rstrip(".") for p in rules.prefixes}
    for i, w in enumerate(m.group(1).split()):
        if w.lower() in stops and not (i == 0 and w == "Kota" and not region_at(text, pos + m.start(1), None, None)[0]):
            break  # "Camat Telanaipura Andi Wijaya": the name starts at the particle ("Camat Kota Baru" is a place)
        words.append(w)
    if not words:
        return None, pos
    # "Camat Penjaringan Depika Romadi": with three capitalised words the place is one word and a
    # name follows; "Camat Kumpeh Ulu M. Hafiz", "Camat Alam Barajo, Doni": two-word places
    place = " ".join(words[:1] if len(words) >= 3 else words[:2])
    return place, pos + m.group().index(words[0]) + len(place)


@cache
def _sentence_lead() -> re.Pattern:
    return re.compile(rf"(?:^|[.\n]\s*)(?:{alternation(phrases('sentence_lead'))})\s*,?\s*$", re.I)


@cache
def _speech_before_name() -> re.Pattern:
    verbs = alternation([v for v in load_rules().speech_verbs if " " not in v])
    return re.compile(rf"(?<![\w-])(?:{verbs})(?:nya)?\s+$", re.I)


def _name_before(text: str, start: int) -> ParsedName | None:
    window_start = max(0, start - 160)
    connector = _connector_before().search(text, window_start, start)
    if connector and connector.group().strip() == "(" and not text[start].islower():
        return None
    if not connector:
        # "…,” kata Roy Sidharta Ahli Muda Satpol PP": after a speech verb, the name runs up to the title
        for m in re.finditer(r"(?<=\s)[A-Z]", text[max(0, start - 60):start]):
            at = max(0, start - 60) + m.start()
            candidate = parse_name(text, at)
            if candidate and candidate.end >= start - 1 and (_speech_before_name().search(text, max(0, at - 20), at)
                                                             or _sentence_lead().search(text, max(0, at - 25), at)):
                return candidate
        return None
    for m in re.finditer(r"(?:(?<=\s)|(?<=^)|(?<=\())[A-Z]", text[window_start:connector.start()], re.M):
        candidate = parse_name(text, window_start + m.start())
        if candidate and abs(candidate.end - connector.start()) <= 1 and "\n" not in text[candidate.start:start]:
            return candidate
    return None


def _nickname(text: str, pos: int) -> tuple[str | None, int]:
    m = _nickname_intro().match(text, pos)
    if not m:
        return None, pos
    after = m.end()
    address = alternation(phrases("address_word"))
    nick = re.match(rf"((?:(?:{address})\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\)?", text[after:])
    if not nick:
        return None, pos
    return nick.group(1).strip(), after + nick.end()


@cache
def _patterns_after_title() -> dict[str, re.Pattern]:
    """What may stand between a title and its holder, compiled once (find_titles runs them for
    every title): "pada Inspektorat", "selaku Ketua TPID,", ", yaitu", and "pada" ending a unit."""
    unit_of = alternation(phrases("unit_of"))
    return {
        "unit_of": re.compile(rf"\s+(?:{unit_of})(?=\s)"),
        "unit_of_end": re.compile(rf"\s+(?:{unit_of})$"),
        "role": re.compile(rf"\s+(?:{alternation(phrases('role_intro'))})\s+[^,\n]{{1,80}}?(?=,)"),
        "before_name": re.compile(rf"\s*[,~]?\s*(?:(?:{alternation(phrases('name_intro'))})\s+)?"),
    }


@cache
def _affiliation() -> re.Pattern:
    """"dari Fraksi PKB", "Fraksi Partai Golkar", "Dapil II": between a DPRD title and the name."""
    return re.compile(rf"\s+(?:{alternation(phrases('affiliation_intro'))})\s+(?:[A-Z][\w-]*|[IVX]+)(?:\s+(?:[A-Z][\w-]*|[IVX]+)){{0,3}}?(?=\s*,)",
                      re.I)


def _names_a_place(text: str, start: int) -> bool:
    """"Kantor Bupati", "Rumah Dinas Gubernur": the title names a building, not a person;
    "Peraturan Menteri PANRB", "Keputusan Bupati": a document."""
    window = max(0, start - 30)
    return bool(phrase_before("title_as_place").search(text, window, start)
                or phrase_before("title_in_document_name").search(text, window, start))


def _unit_name(text: str, pos: int) -> tuple[str | None, int]:
    """The name of a unit inside an OPD ("Bidang Pembinaan SMP", "RSUD Luwuk"): capitalised words
    up to a comma or an honorific, which is what separates it from the person's name."""
    honorific = alternation([p.rstrip(".") for p in load_rules().prefixes])
    m = re.match(rf"\s+((?:[A-Z][\w.]*|dan)(?:\s+(?:[A-Z][\w.]*|dan)){{0,5}}?)\s*(?=,|\s+(?:{honorific})\.?\s)",
                 text[pos:pos + 120])
    if m:
        return m.group(1), pos + m.end(1)
    # "Kepala Seksi Operasional Pemadam Kebakaran (Damkar) Remaja Ginting": the unit's short form ends it
    m = re.match(r"\s+((?:[A-Z][\w.]*|dan)(?:\s+(?:[A-Z][\w.]*|dan)){0,5}?)\s*\([A-Z][A-Za-z]{1,10}\)(?=\s+[A-Z])",
                 text[pos:pos + 120])
    return (m.group(1), pos + m.end()) if m else (None, pos)


@cache
def _unit_word() -> re.Pattern:
    joiners = alternation(phrases("name_list_joiner") + phrases("unit_of"))
    return re.compile(rf"\s*(?:(?P<paren>\([^()\n]{{1,20}}\))|(?P<word>[A-Z][\w.&-]*|{joiners}|,))")


def _unit_in_agency(text: str, pos: int, local: dict[str, str]) -> tuple[str | None, str | None, int]:
    """"Kepala Bidang Pencegahan dan Penanggulangan Penyakit (P2P) Dinas Kesehatan Kabupaten X":
    the unit's name up to the agency it belongs to -> (unit, agency, end)."""
    words, at = [], pos
    for _ in range(12):
        m = _unit_word().match(text, at)
        if not m:
            break
        if m.group("word") and words and m.group("word") not in [",", *phrases("name_list_joiner"), *phrases("unit_of")]:
            hit = opd_at(text, at, "", local)
            if hit:
                unit = " ".join(words).replace(" ,", ",").strip(" ,")
                unit = _patterns_after_title()["unit_of_end"].sub("", unit)  # "Bidang Bina Marga pada Dinas PUPR"
                return (unit or None), hit.canonical, hit.end
        if m.group("word"):
            words.append(m.group("word"))
        at = m.end()
    return None, None, pos


def _expand_unit(unit: str) -> str:
    """"Dikdas" -> "Pendidikan Dasar" (models/vocab/unit_abbreviations.csv): a position says it in full."""
    short = vocab.unit_abbreviations()
    return " ".join(short.get(w, w) for w in unit.split())


@cache
def _co_holder() -> re.Pattern:
    return re.compile(rf"\s*(?:,\s*)?(?:{alternation(phrases('name_list_joiner'))})\s+")


def _co_holders(text: str, hit: TitleHit) -> list[TitleHit]:
    """"Wakil Ketua DPRD, Heri Pudyatmoko dan Setya Arinugroho": one title, several holders
    (not for heads of region: "Bupati dan Wakil Bupati X, A dan B" are two titles)."""
    out, pos = [], hit.name.end
    for _ in range(3):
        m = _co_holder().match(text, pos)
        second = parse_name(text, m.end()) if m else None
        if not second or "\n" in text[pos:second.start]:
            break
        out.append(TitleHit(position=hit.position, acting=hit.acting, start=second.start, end=second.end,
                            opd=hit.opd, region=hit.region, name=second, national=hit.national))
        pos = second.end
    return out


MEMBER_POSITION = "Anggota Dewan Perwakilan Rakyat Daerah"


@cache
def _fraction() -> re.Pattern:
    """"FPKB Arif Wahyudi", "Fraksi PKS Nasrul", "F-Gerindra Lelly Th": a fraction's speaker."""
    parties = alternation(load_rules().parties)
    reader = alternation(phrases("fraction_reader"))  # "Fraksi Golkar yang dibacakan Dr. Novi Hendri", "FPDIP oleh Iwan"
    return re.compile(rf"(?<![\w-]){_fraction_name()}(?:\s+(?:{parties}))*\s*,?\s+(?:(?:{reader})\s+)?(?=[A-Z])")


def _fraction_name() -> str:
    """"Fraksi Partai Golkar", "FPKB", "F-Nasdem" as a regex (party names from parties.txt)."""
    return rf"(?:Fraksi\s+(?:Partai\s+)?|F-?)(?:{alternation(load_rules().parties)})(?![\w-])"


@cache
def _fraction_tag() -> re.Pattern:
    """"Anggota DPRD Luwu F-Nasdem, Arbi Arsyad": the fraction between a member's title and name."""
    return re.compile(rf"\s+{_fraction_name()}(?=\s*,)")


def _fraction_members(text: str, skip, default_region: str | None) -> list[TitleHit]:
    hits = []
    for m in _fraction().finditer(text):
        if skip(m.start()):
            continue
        name = parse_name(text, m.end())
        if name:
            hits.append(TitleHit(position=MEMBER_POSITION, start=m.start(), end=name.end,
                                 region=default_region, name=name))
    return hits


def find_titles(text: str, skip, default_region: str | None, local: dict[str, str]) -> list[TitleHit]:
    pattern, forms = _title_pattern()
    hits = []
    for m in pattern.finditer(text):
        if skip(m.start()) or _names_a_place(text, m.start()):
            continue
        rule = forms[re.sub(r"\s+", " ", m.group("form").lower())]
        position, end, opd = rule.position, m.end(), None
        if rule.opd_from.startswith("fixed:"):
            opd = rule.opd_from[len("fixed:"):]
            if opd.startswith("Rumah Sakit"):
                named = hospital_after_doctor().match(text, end)  # "Dirut RSUD dr. Dradjat Prawiranegara": the hospital's name
                unit, end = (hospital_name(named.group(1)), named.end()) if named else _unit_name(text, end)
                unit = re.sub(r"^(?:\(?RSUD\)?\s+)+", "", unit or "") or None  # "Dirut RSUD RSUD Dradjat": a slip
                if unit:
                    opd, position = f"{opd} {unit}", f"{position} {unit}"
        elif rule.opd_from in ("follows", "follows_or_none"):
            implied = position.split()[-1] if position.split()[-1] in phrases("implied_unit") else ""
            end = _skip_paren(text, end)  # "Kepala Bidang (Kabid) Pendidikan Dasar"
            hit = opd_at(text, end, implied, local)
            if hit:
                opd, end = hit.canonical, hit.end
                position = _combine(position, opd)
                parent = opd_at(text, _skip_paren(text, end), "", local)  # "Kepala Biro … Setda Sulsel"
                if parent and parent.canonical == "Sekretariat Daerah":
                    end = parent.end
            elif implied in phrases("unit_inside_agency"):
                unit, parent, end = _unit_in_agency(text, end, local)
                if not unit:
                    unit, end = _unit_name(text, end)
                if not unit:
                    continue
                position, opd = f"{position} {_expand_unit(unit)}", parent
            elif rule.opd_from == "follows_or_none":
                # "Plt Dirut Sri Nurhayati": the title stands alone, the agency unread; but "Dirut PDAM
                # Tirta Jaya", "Direktur Perumda Air Minum …" name an enterprise we do not list: no holder
                if _enterprise_after().match(text, end):
                    continue
            else:
                ambiguous = re.match(r"\s+([A-Z][A-Za-z]{1,7})(?![\w])", text[end:])
                if not (ambiguous and ambiguous.group(1) in load_rules().ambiguous):
                    continue  # "Kepala …" with no readable agency: not enough to name a position
                position, end = f"{position} {ambiguous.group(1)}", end + ambiguous.end()  # "Kepala BKD": which BKD is unknown
        elif rule.opd_from.startswith("unit:"):
            # "Staf Ahli Bupati Bidang Ekonomi dan Pembangunan": a field named after the title, in a fixed OPD
            unit, end = _unit_name(text, end)
            if not unit:
                continue
            position, opd = f"{position} {unit}", rule.opd_from[len("unit:"):]
        elif rule.opd_from.split(":")[0] in ("place", "place_skip"):
            # "Camat Sirimau" -> position Camat Sirimau, OPD Kecamatan Sirimau; "Kepala Desa
            # Sidoharjo" -> Kepala Desa (place_skip), OPD Desa Sidoharjo
            kind, _, unit = rule.opd_from.partition(":")
            place, end = _place(text, end)
            if not place:
                continue
            if kind == "place":
                position = f"{position} {place}"
            opd = f"{unit} {place}" if unit else None
        unit_code = re.match(r"\s+\d{2,4}/[A-Z][\w-]*", text[end:])  # "Dandim 1707/Merauke"
        if unit_code:
            end += unit_code.end()
        end = _skip_paren(text, end)
        if opd and rule.opd_from.startswith("fixed:"):
            on = _patterns_after_title()["unit_of"].match(text, end)  # "Inspektur pada Inspektorat X"
            extra = opd_at(text, on.end() if on else end, "", local)  # "Asisten I Setda Bengkulu Utara"
            if extra:
                end = extra.end
        acting = _acting(m.group("acting")) if m.group("acting") else None
        end = _skip_paren(text, end)
        level = rule.level if rule.level in KIND_PREFIX else None  # "Bupati Gowa" -> Kabupaten Gowa
        region, end = region_at(text, end, level, default_region)
        end = _skip_paren(text, skip_areas(text, end) if region else end)
        role = _patterns_after_title()["role"].match(text, end)  # "selaku Ketua TPID,"
        if role:
            end = role.end()
        party = _affiliation().match(text, end) or _fraction_tag().match(text, end)
        if party:
            end = party.end()
        after = _patterns_after_title()["before_name"].match(text, end)
        held = _acting_before_agency().match(text, after.end()) if after.group().strip() else None
        if held and not acting:  # "jabatan Asisten I diduduki oleh Plt Sufriannor": the holder acts
            acting = _acting(held.group("acting"))
        name = parse_name(text, held.end() if held else after.end()) if "\n" not in after.group() else None
        if name and level and region is None:
            # "Wali Kota Sungai Harapan, Dr. H. Budi Santoso": a region missing from the gazetteer
            # reads like a name; a second name after the comma says which is which
            comma = re.match(r"\s*,\s*", text[name.end:])
            second = parse_name(text, name.end + comma.end()) if comma else None
            if second and second.full != second.bare or (second and " " in second.bare):
                region, name = f"{KIND_PREFIX[level]} {name.bare}", second
        if name is None:
            name = _name_before(text, m.start())
        hit = TitleHit(position=position, acting=acting, start=m.start(), end=name.end if name and name.start > m.start() else end,
                       opd=opd, region=region, name=name, national=rule.level == "national", level=level)
        nick, _ = _nickname(text, max(name.end, hit.end) if name else end)
        if nick:
            hit.aliases.append(nick)  # "Bupati Mojokerto yang akrab disapa Al Barra": the title's holder
        hits.append(hit)
        if name and name.start > m.start() and not level:
            hits += _co_holders(text, hit)
    hits += _acting_agency_heads(text, skip, hits, default_region, local)
    _appointed(text, hits)
    named = {h.name.bare for h in hits if h.name}
    hits += [h for h in _fraction_members(text, skip, default_region) if h.name.bare not in named]
    return sorted(hits, key=lambda h: h.start)


@cache
def _acting_before_agency() -> re.Pattern:
    return re.compile(rf"(?<![\w.])(?P<acting>{alternation(load_rules().acting)})\s*(?:\([^()\n]{{1,8}}\)\s*)?(?=[A-Z])", re.I)


def _acting_agency_heads(text: str, skip, hits: list[TitleHit], default_region, local) -> list[TitleHit]:
    """"Pelaksana Tugas Harian (Plh) Disdik Aceh, Asbaruddin": an acting prefix before an agency
    names its acting head (Plh. Kepala Dinas Pendidikan)."""
    out = []
    for m in _acting_before_agency().finditer(text):
        if skip(m.start()) or any(h.start <= m.start() < h.end for h in hits):
            continue
        hit = opd_at(text, m.end(), "", local)
        if not hit or hit.start != m.end():
            continue
        region, end = region_at(text, hit.end, None, default_region)
        after = re.match(r"\s*,?\s*", text[end:])
        name = parse_name(text, end + after.end())
        if name:
            out.append(TitleHit(position=f"Kepala {hit.canonical}", acting=_acting(m.group("acting")), start=m.start(), end=name.end,
                                opd=hit.canonical, region=region, name=name))
    return out


@cache
def _appointment() -> re.Pattern:
    """"Wilopo dari Asisten 1 dan Plt Kepala Disdukcapil menjadi …": a name, its old post, the new one."""
    before, after = alternation(phrases("appointment_from")), alternation(phrases("appointment_to"))
    return re.compile(rf"(?:^|(?<=[.\n]\s)|(?<=\n))\s*(?P<name>[A-Z][^\n.,]{{1,60}}?)\s+(?:{before})\s+[^\n]{{2,160}}?\s+(?:{after})\s*$")


def _appointed(text: str, hits: list[TitleHit]) -> None:
    """In an appointment list the new post's title has no name after it: the name opens the sentence."""
    for hit in hits:
        if hit.name:
            continue
        line_start = max(text.rfind("\n", 0, hit.start), text.rfind(". ", 0, hit.start) + 1)
        m = _appointment().search(text[line_start:hit.start])
        if m:
            name = parse_name(text, line_start + m.start("name"))
            if name and name.end <= line_start + m.end("name") + 1:
                hit.name = name

"""OPD (regional agency) mentions: full names, abbreviations and titles that imply them."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from extract.regions import province_of, region_at
from extract.rules import alternation, load_rules, phrase_before, phrases
from models import vocab
from models import Mention, Opd



def hospital_name(name: str) -> str:
    """One spelling of a hospital named after a doctor: "dr Dradjat" -> "dr. Dradjat"."""
    return re.sub(r"^dr\s+", "dr. ", name.strip())


@cache
def hospital_after_doctor() -> re.Pattern:
    """"(RSUD) dr. Dradjat Prawiranegara" after a hospital title: a name that opens with a doctor's
    or professor's honorific (phrases.csv hospital_namesake) is the hospital's, not its director's."""
    honorific = alternation(phrases("hospital_namesake"))
    return re.compile(rf"\s+(?:RSUD\s+)?((?:{honorific})\s*(?:[A-Z]\.\s?)*[A-Z][\w']+(?:\s+[A-Z][\w']+){{0,2}})")


@cache
def _rsud() -> re.Pattern:
    """"RSUD dr. Soedarso": a hospital named after a person keeps the honorific."""
    honorific = alternation([p for p in load_rules().prefixes if p.endswith(".")])
    # "Rumah Sakit Umum Daerah (RSUD) Ratu Aji Putri Botung", "RSUD RSUD Dradjat" (a typing slip), "RSUD dr Dradjat"
    # within one line: a headline's "RSUD" does not take the next line's first word as its name
    return re.compile(rf"\b(?:RSUD|Rumah Sakit Umum Daerah)(?:[ \t]*\(RSUD\))?(?:[ \t]+RSUD)?[ \t]+"
                      rf"(?P<name>(?:(?:{honorific})|dr(?=[ \t]))?[ \t]*(?:(?:[A-Z]\.|[A-Z][\w']*)[ \t]?){{1,4}})")


@cache
def _definition() -> re.Pattern:
    """"Dinas Lingkungan Hidup dan Kehutanan (DLHK)": an abbreviation the article defines for itself."""
    heads = alternation(phrases("agency_head_word"))
    # "Dinas Kependudukan dan Catatan Sipil/Disdukcapil": a slash gives the abbreviation too
    return re.compile(rf"\b(?P<full>(?:{heads})(?:,?\s+(?:[A-Z][a-z]+|dan))+)\s*(?:\((?P<abbr>[A-Z][A-Za-z0-9&\- ]{{1,15}})\)"
                      rf"|/(?P<slashed>[A-Z][A-Za-z0-9&\-]{{1,15}})\b)")


@dataclass
class OpdHit:
    canonical: str
    abbreviation: str | None
    start: int
    end: int


@cache
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    r = load_rules()
    full = re.compile(rf"(?<![\w])(?:{alternation(r.opd_names.values())})(?![\w])", re.I)
    abbrev = re.compile(rf"(?<![\w-])(?:{alternation(r.opd_abbrevs)})(?![\w-])")
    heads = re.compile(rf"(?<![\w])(?:{alternation(r.opd_head_titles)})(?![\w])", re.I)
    return full, abbrev, heads


def _canonical_full(matched: str) -> str:
    return load_rules().opd_names[re.sub(r"\s+", " ", matched).lower()]


def local_abbreviations(text: str) -> dict[str, str]:
    """Abbreviations this text defines ("Dinas Lingkungan Hidup dan Kebersihan (DLHK)") and
    ambiguous ones it settles; they take precedence over the gazetteer within the text."""
    found = _resolve_ambiguous(text)
    names = load_rules().opd_names
    for m in _definition().finditer(text):
        full = re.sub(r"\s+", " ", m.group("full")).strip()
        # not the region ("Dinas Kesehatan Kota Jambi"), but "Dinas Tata Kota dan Perumahan" is a name
        full = re.split(rf"\s+(?:{alternation([f for f, _, _ in vocab.region_kinds()])})(?=\s+[A-Z]|\s*$)", full)[0]
        # "Dinas Kesehatan dan Dinas Satuan Polisi Pamong Praja (Satpol PP)": the last agency is defined
        heads = alternation(phrases("agency_head_word"))
        full = re.split(rf"\s+dan\s+(?=(?:{heads})\s)", full)[-1]
        # "Dinas Satuan Polisi …", "Kantor Dinas Pemadam Kebakaran …": the agency starts at the second head word
        full = re.sub(rf"^(?:{alternation(phrases('unlisted_unit') + phrases('agency_building'))})\s+(?=(?:{heads})\s)", "", full)
        # a listed name or a listed variant of one ("Badan Kepegawaian Nasional" for BKN) is the canonical agency
        found[(m.group("abbr") or m.group("slashed")).strip()] = names.get(full.lower()) or load_rules().opd_abbrevs.get(full, full)
    return found


def opd_at(text: str, pos: int, implied: str = "", local: dict[str, str] | None = None) -> OpdHit | None:
    """An OPD written at `pos`, read together with a unit word implied by the title before it
    ("Kepala Dinas" + "Pendidikan" -> Dinas Pendidikan)."""
    full, abbrev, _ = _patterns()
    lead = len(text[pos:]) - len(text[pos:].lstrip(" "))
    at = pos + lead
    for short, canonical in (local or {}).items():
        if text.startswith(short, at) and not text[at + len(short):at + len(short) + 1].isalnum():
            return OpdHit(canonical, short, at, at + len(short))
    for canonical in sorted(set((local or {}).values()), key=len, reverse=True):
        probe = f"{implied} {text[at:at + len(canonical)]}" if implied else text[at:at + len(canonical) + 1]
        if re.sub(r"\s+", " ", probe).startswith(canonical):
            return OpdHit(canonical, None, at, at + len(canonical) - (len(implied) + 1 if implied else 0))
    hit = None
    if implied:
        probe = f"{implied} {text[at:at + 160]}"
        m = full.match(probe)
        if m and m.end() > len(implied) + 1:
            hit = OpdHit(_canonical_full(m.group()), None, at, at + m.end() - len(implied) - 1)
        else:
            m = abbrev.match(probe)
            if m and m.end() > len(implied) + 1:
                hit = OpdHit(load_rules().opd_abbrevs[m.group()], m.group(), at, at + m.end() - len(implied) - 1)
    if hit is None:
        m = full.match(text, at) or abbrev.match(text, at)
        if m:
            canonical = _canonical_full(m.group()) if m.re is full else load_rules().opd_abbrevs[m.group()]
            hit = OpdHit(canonical, None if m.re is full else m.group(), at, m.end())
    if implied in phrases("unlisted_unit"):
        # a listed name that the text continues ("Dinas Pertanian, Tanaman Pangan dan …") is a longer, unlisted one
        longer = _unlisted(text, at, implied)
        if longer and (hit is None or longer.end > hit.end):
            return longer
    return hit


KANTOR_KECAMATAN = re.compile(r"\bKantor\s+(?P<unit>Kecamatan)\s+(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)")
UNLISTED = re.compile(r"(?:[A-Z][a-zA-Z]+|dan)(?:,?\s+(?:[A-Z][a-zA-Z]+|dan)){0,6}")


def _unlisted(text: str, at: int, implied: str, ongoing_ok: bool = False) -> OpdHit | None:
    """An agency missing from the gazetteer ("Dinas Tanaman Pangan, Hortikultura dan Peternakan"),
    accepted only when a region, a bracketed abbreviation or a comma closes it."""
    m = UNLISTED.match(text, at)
    if not m or _patterns()[0].match(text, at):
        return None  # "Dinas Satuan Polisi Pamong Praja": a listed agency follows the unit word
    words = m.group()
    # an acronym that is itself an agency ("… dan Sat Pol PP", "Dinas PUPR Tambah …") or a head
    # word after "dan" starts another agency: the unlisted name ends before it
    known = load_rules().opd_abbrevs
    for tok in re.finditer(r"(?:\bdan\s+)?\b([A-Z][A-Za-z]*)\b", words):
        if tok.start() and (tok.group(1) in known or (tok.group().startswith("dan") and tok.group(1) in phrases("agency_head_word"))):
            words = words[:tok.start()].rstrip(" ,")
            break
        if tok.start() == 0 and (tok.group(1).isupper() and len(tok.group(1)) > 1 or tok.group(1) in known
                                 or tok.group(1) in load_rules().ambiguous):
            return None  # "Dinas PUPR", "Dinas Dukcapil": the abbreviation names the agency
    if not words:
        return None
    # a comma continues the name only in a list that ends with "dan" ("Pertanian, Pangan dan
    # Perikanan"); "Dinas Koperasi dan Industri, Syamsul Hidayat": the comma ends the agency
    last_comma = words.rfind(",")
    if last_comma > 0 and " dan " not in words[last_comma:]:
        words = words[:last_comma]
    stops = load_rules().not_names
    for i, word in enumerate(re.finditer(r"[A-Za-z]+", words)):
        tail = text[at + word.start():]
        region, _ = region_at(tail, 0, None, None)
        if i and (region or re.match(r"(?:Kota|Kabupaten|Provinsi|Kab\.)\s", tail)):
            name = words[:word.start()].rstrip(" ,")
            return OpdHit(f"{implied} {name}", None, at, at + len(name))
        if word.group().lower() in stops and word.group() != "dan":
            return None  # "Rumah Dinas Gubernur Jambi, Selasa": a title or a weekday is not a unit name
    closer = re.match(r"\s*(?:\(|,|/)", text[at + len(words):])
    # "Dinas Tanaman Pangan Hortikultura dengan target …": three words or more, then the sentence goes on
    following = re.match(r"\s+([a-z]+)", text[at + len(words):])
    ongoing = ongoing_ok and len(words.split()) >= 3 and following \
        and following.group(1) not in load_rules().speech_verbs \
        and not _patterns()[0].match(text, max(0, at - len(implied) - 1))  # "Dinas Pendidikan Budi Santoso hadir": listed, then a name
    if closer or ongoing:
        return OpdHit(f"{implied} {words}", None, at, at + len(words))
    return None


@cache
def _named_unit() -> re.Pattern:
    """A service unit with its own name (phrases.csv named_unit): the name's capitalised words, up
    to where the sentence goes on, a comma or the agency it belongs to."""
    units = alternation(phrases("named_unit"))
    return re.compile(rf"(?<![\w-])(?P<unit>{units})\s+(?P<name>[A-Z][\w'-]+(?:\s+(?:[A-Z][\w'-]+|dan)){{0,4}})")


def _resolve_ambiguous(text: str) -> dict[str, str]:
    """An ambiguous abbreviation (DKP, BKD) counts only when exactly one of its candidates is
    written out in full in the same text."""
    resolved = {}
    for abbrev, candidates in load_rules().ambiguous.items():
        present = [c for c in candidates if re.search(re.escape(c), text, re.I)]
        if len(present) == 1:
            resolved[abbrev] = present[0]
        elif not present and re.search(rf"(?<![\w-]){re.escape(abbrev)}(?![\w-])", text):
            by_subject = _by_subject(text, abbrev)
            if by_subject:
                resolved[abbrev] = by_subject
    return resolved


@cache
def _subject_words(abbrev: str) -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((name, re.compile(rf"(?<![\w-])(?:{alternation(words)})(?![\w-])", re.I))
                 for name, words in vocab.ambiguous_context().get(abbrev, {}).items())


def _by_subject(text: str, abbrev: str) -> str | None:
    """The candidate whose subject words dominate the text (models/vocab/ambiguous_context.csv)."""
    counts = sorted(((len(words.findall(text)), name) for name, words in _subject_words(abbrev)), reverse=True)
    if counts and counts[0][0] >= 2 and (len(counts) == 1 or counts[0][0] >= 2 * counts[1][0]):
        return counts[0][1]
    return None


@cache
def _unlisted_patterns() -> tuple[re.Pattern, re.Pattern]:
    """"Dinas …" / "Badan …" that may name an unlisted agency, and "rumah dinas" that does not."""
    return (re.compile(rf"\b({alternation(phrases('unlisted_unit'))})\s+"),
            re.compile(rf"(?:{alternation(phrases('dinas_not_agency'))})\s+$", re.I))


def find_opds(text: str, skip, default_region: str | None, local: dict[str, str]) -> list[OpdHit]:
    full, abbrev, heads = _patterns()
    hits: list[OpdHit] = []
    for short, canonical in local.items():
        for m in re.finditer(rf"(?<![\w-]){re.escape(short)}(?![\w-])", text):
            hits.append(OpdHit(canonical, short, m.start(), m.end()))
    for m in full.finditer(text):
        if text[m.start()].isupper():
            hits.append(OpdHit(_canonical_full(m.group()), None, m.start(), m.end()))
    for m in abbrev.finditer(text):
        if m.group() in local:
            continue
        # "Dinas Dikpora" where the text defined "Dikpora" itself: the text's own agency
        defined = next((local[w] for w in m.group().split() if w in local), None)
        hits.append(OpdHit(defined or load_rules().opd_abbrevs[m.group()], m.group(), m.start(), m.end()))
    for m in heads.finditer(text):
        if phrase_before("title_in_document_name").search(text, max(0, m.start() - 30), m.start()):
            continue  # "Peraturan Menpan-RB Nomor 6": a regulation's name, not the ministry at work
        hits.append(OpdHit(load_rules().opd_head_titles[re.sub(r"\s+", " ", m.group()).lower()], None,
                           m.start(), m.end()))
    unit, not_agency = _unlisted_patterns()
    for m in unit.finditer(text):
        if not_agency.search(text, max(0, m.start() - 20), m.start()):
            continue  # "rumah dinas", "mobil dinas", "perjalanan dinas"
        hit = _unlisted(text, m.end(), m.group(1), ongoing_ok=True)
        if hit:
            hits.append(OpdHit(load_rules().opd_names.get(hit.canonical.lower(), hit.canonical), None, m.start(), hit.end))
    for m in _named_unit().finditer(text):  # "Puskesmas Yalengga", "UPT Peralatan dan Laboratorium"
        words = []
        for w in re.finditer(r"\S+", m.group("name")):
            if opd_at(text, m.start("name") + w.start(), "", local):
                break  # "UPT Peralatan dan Laboratorium Dinas PUPR": the unit ends at its agency
            words.append(w.group())
        while words and (words[-1] == "dan" or words[-1].lower() in load_rules().not_names):
            words.pop()
        if words:
            name = " ".join(words)
            hits.append(OpdHit(f"{m.group('unit')} {name}", None, m.start(), m.start("name") + len(name)))
    for m in KANTOR_KECAMATAN.finditer(text):  # the sub-district office, not just the place name
        words = [w for w in m.group("place").split()]
        while words and words[-1].lower() in load_rules().not_names:
            words.pop()
        if words:
            place = " ".join(words)
            hits.append(OpdHit(f"Kecamatan {place}", None, m.start("unit"), m.start("place") + len(place)))
    for m in _rsud().finditer(text):
        name = hospital_name(m.group("name"))  # one spelling of the honorific, one hospital
        hits.append(OpdHit(f"Rumah Sakit Umum Daerah {name}", None, m.start(), m.start() + len(m.group().rstrip())))
    not_opd = load_rules().not_opd
    # "Kanwil Kementerian Agama": the ministry's regional office, a vertical agency, not an OPD
    hits = [h for h in hits if not phrase_before("vertical_office").search(text, max(0, h.start - 20), h.start)]
    hits = [h for h in hits if not skip(h.start) and h.canonical.lower() not in not_opd
            and (h.abbreviation or "").lower() not in not_opd]
    # keep the longest hit where hits overlap ("Dinas Pendidikan dan Kebudayaan" over "Dinas Pendidikan")
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[OpdHit] = []
    for h in hits:
        if kept and h.start < kept[-1].end:
            if h.end > kept[-1].end and h.canonical.startswith(kept[-1].canonical + " "):
                kept[-1] = h  # "Dirut RSUD dr. Soedarso": the hospital's own name over the title's generic one
            continue
        kept.append(h)
    return kept


def more_specific(names: set[str]) -> dict[str, str]:
    """A generic name stands for the one more specific name the text also uses ("RSUD" for
    "Rumah Sakit Umum Daerah Luwuk", "Dinas Pertanian" for "Dinas Pertanian, Tanaman Pangan …")."""
    mapping = {}
    bare = lambda n: re.sub(r"\b(?:dr|Dr|Prof)\.\s*", "", n)  # noqa: E731
    for name in names:  # "RSUD Dradjat Prawiranegara" is "RSUD dr. Dradjat Prawiranegara"
        fuller = [n for n in names if n != name and bare(n) == name]
        if len(fuller) == 1:
            mapping[name] = fuller[0]
    for name in names:  # "RSUD RAPB" is "RSUD Ratu Aji Putri Botung": an acronym of the other's name
        head, _, last = name.rpartition(" ")
        if head and last.isupper() and len(last) >= 3 and name not in mapping:
            spelled = [n for n in names if n.startswith(head + " ") and n != name
                       and "".join(w[0] for w in n[len(head) + 1:].split()).upper() == last]
            if len(spelled) == 1:
                mapping[name] = spelled[0]
    for name in names:
        longer = {mapping.get(n, n) for n in names if n != name and n.lower().startswith(name.lower())}
        if len(longer) == 1 and name not in mapping:
            mapping[name] = longer.pop()
    return mapping


@cache
def _province_units() -> frozenset:
    """Agencies that exist only in a province (kind `biro`, models/vocab/opds.csv)."""
    return frozenset(e.canonical for e in vocab.opds() if e.kind == "biro")


def group_opds(text: str, hits: list[OpdHit], default_region: str | None,
               specific: dict[str, str] | None = None) -> list[Opd]:
    by_key: dict[tuple, Opd] = {}
    specific = more_specific({h.canonical for h in hits}) if specific is None else specific
    for h in hits:
        h.canonical = specific.get(h.canonical, h.canonical)
        region, _ = region_at(text, h.end, None, default_region)
        region = None if h.canonical in load_rules().national_opds else region or default_region
        if region and h.canonical in _province_units():
            region = province_of(region)  # a Biro belongs to a province's Setda, whatever region the text is about
        key = (h.canonical.lower(), region)
        opd = by_key.get(key) or by_key.setdefault(key, Opd(name=h.canonical, region=region))
        opd.abbreviation = opd.abbreviation or h.abbreviation or load_rules().opd_abbrev_of.get(h.canonical)
        opd.mentions.append(Mention(h.start, h.end, text[h.start:h.end]))
    return list(by_key.values())

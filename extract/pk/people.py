"""Names and positions as printed in a PK -> bare name, expanded position, OPD and region."""
from __future__ import annotations

import re

from extract.names import parse_name
from extract.pk.rules import pattern, rules


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def title_case(text: str) -> str:
    """ "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG" -> "Dinas Pekerjaan Umum dan Penataan Ruang"."""
    lower, upper = set(rules()["lowercase_words"]), set(rules()["keep_upper_words"])
    words = []
    for index, word in enumerate(text.split()):
        core = word.strip(",.()")
        if core in upper:
            words.append(word)
        elif index and word.lower() in lower:
            words.append(word.lower())
        else:
            words.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    return " ".join(words)


def bare_name(full_name: str | None) -> str | None:
    """ "dr. Hj. SITI AMINAH, M.Kes" -> "Siti Aminah": no honorifics, no degrees; upper-case
    names are title-cased so the same person matches across documents."""
    if not full_name:
        return None
    parsed = parse_name(full_name.strip(), 0)  # the same name reader as the news pipeline
    if parsed is None:
        return None
    return title_case(parsed.bare) if _is_upper(parsed.bare) else parsed.bare


def _expand(position: str) -> str:
    table = rules()
    words = position.split()
    if words and words[0] in table["role_modifiers"]:
        words[0] = table["role_modifiers"][words[0]]
    text = " ".join(words)
    for short, full in {**table["position_abbreviations"], **table["opd_abbreviations"]}.items():
        text = re.sub(rf"(?<!\w){re.escape(short)}(?!\w)", full, text)
    return text


def split_region(text: str) -> tuple[str, str | None]:
    """ "Kepala Dinas Kesehatan Kota Sungai Harapan" -> ("Kepala Dinas Kesehatan", "Kota Sungai Harapan").
    The last region word wins, because "Kota" also occurs inside unit names."""
    table = rules()
    for title, kind in sorted(table["kepala_daerah"].items(), key=lambda kv: -len(kv[0])):
        found = re.search(rf"(?:^|\s){re.escape(title)}\s+(?P<place>[A-Z].*)$", text)
        if found and not re.match(r"(?:Kota|Kabupaten|Kab\.|Provinsi)\b", found["place"]):
            return text[: found.start("place")].strip(), f"{kind} {found['place'].strip()}"
    last = None  # (start, kind, place): lookahead so "Kota Timur Kota Jambi" yields both starts
    for word, kind in table["region_words"].items():
        for found in re.finditer(rf"(?:^|(?<=\s)){re.escape(word)}\s+(?=[A-Z])", text):
            if last is None or found.start() > last[0]:
                last = (found.start(), kind, text[found.end():].strip())
    if last is None:
        return text, None
    return text[: last[0]].strip(), f"{last[1]} {last[2]}"


def opd_of(position: str) -> str | None:
    """The agency a position belongs to; None for the kepala daerah (a region is not an OPD)."""
    table = rules()
    core = position
    for modifier in set(table["role_modifiers"].values()):
        core = re.sub(rf"^{modifier}\s+", "", core)
    if core in table["kepala_daerah"]:
        return None
    for regex, template in table["position_opd"]:
        found = re.match(regex, core)
        if found:
            return template.format(**found.groupdict())
    heads = "|".join(re.escape(h) for h in table["opd_heads"])
    found = re.search(rf"(?:^|\s)(?P<opd>(?:{heads})\b.*)$", core)
    return found["opd"].strip() if found else None


def parse_position(printed: str | None) -> tuple[str | None, str | None, str | None]:
    """Printed jabatan -> (position, opd, region), e.g. "Pj. Bupati Bukit Permai" ->
    ("Penjabat Bupati", None, "Kabupaten Bukit Permai")."""
    if not printed:
        return None, None, None
    text = " ".join(printed.split()).strip(" ,.:")
    if _is_upper(text):
        text = title_case(text)
    text = _expand(text)
    position, region = split_region(text)
    return position or None, opd_of(position), region

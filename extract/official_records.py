"""Officials from the titles found in a text: one record per person (name variants and spellings
merged, the fullest form kept), and the later mentions of each by name alone."""
from __future__ import annotations

import re

from extract.officials import TitleHit
from models import Mention, Official


def _spelling_variant(a: str, b: str) -> bool:
    """"Mochamad"/"Mochammad Nur Arifin", "Arbi"/"Arby Arsyad", "Jhon R Banua"/"Jhon Richard Banua":
    one name typed two ways in one article (word by word: the same, an initial, or one letter apart)."""
    x, y = a.lower().split(), b.lower().split()
    if len(x) != len(y) or x == y or len(x) < 2:
        return False

    def close(u: str, v: str) -> bool:
        if u == v or (len(u) == 1 and v.startswith(u)) or (len(v) == 1 and u.startswith(v)):
            return True
        if min(len(u), len(v)) < 4 or abs(len(u) - len(v)) > 1:
            return False
        if len(u) == len(v):
            return sum(p != q for p, q in zip(u, v)) == 1
        short, long_ = sorted((u, v), key=len)
        return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))
    return x[-1] == y[-1] and all(close(u, v) for u, v in zip(x, y))


def _letter_slip(kept: str, other: str) -> bool:
    """Two spellings that differ by a letter, not by an initial written out: the first one stays."""
    x, y = kept.lower().split(), other.lower().split()
    return len(x) == len(y) and all(len(u) > 1 and len(v) > 1 for u, v in zip(x, y) if u != v)


def _same_person(a: Official, bare: str) -> bool:
    """"Andi Sudirman" and "Andi Sudirman Sulaiman": one name the other begins with (two words at
    least), or a single word of the other."""
    x, y = a.name.lower().split(), bare.lower().split()
    shorter, longer = sorted((x, y), key=len)
    return x == y or (len(y) == 1 and y[0] in x) or (len(x) == 1 and x[0] in y) \
        or (len(shorter) >= 2 and longer[:len(shorter)] == shorter)


def officials_from_titles(text: str, hits: list[TitleHit], default_region: str | None) -> list[Official]:
    officials: list[Official] = []
    for hit in hits:
        if not hit.name:
            continue
        base = hit.position
        region = hit.region or (None if hit.national else default_region)
        match = next((o for o in officials if _same_person(o, hit.name.bare)
                      or hit.name.bare in o.aliases), None)
        if match is None:  # the same title typed with the name spelt another way
            match = next((o for o in officials if o.position == hit.position and o.region == region
                          and _spelling_variant(o.name, hit.name.bare)), None)
            if match is not None and hit.name.bare not in match.aliases:
                match.aliases.append(hit.name.bare)
        if match is None and len(hit.name.bare.split()) == 1 and hit.level:
            # "Bupati Iron" beside "Bupati Haerul Warisin": a region has one head at a time, so a
            # one-word name under the same head title and region is that person's nickname
            match = next((o for o in officials if o.position == hit.position and o.region == region), None)
            if match is not None and hit.name.bare not in match.aliases:
                match.aliases.append(hit.name.bare)
        if match is None:
            match = Official(name=hit.name.bare, full_name=hit.name.full, position=hit.position,
                             acting=hit.acting, opd=hit.opd, region=region)
            officials.append(match)
        else:
            if len(hit.name.bare) > len(match.name) and not _letter_slip(match.name, hit.name.bare):
                match.aliases.append(match.name)
                match.name = hit.name.bare
            if len(hit.name.full) > len(match.full_name or ""):
                match.full_name = hit.name.full
            if not match.position:
                match.position, match.acting = hit.position, hit.acting
            match.opd = match.opd or hit.opd
            match.region = match.region or region
        match.mentions.append(Mention(hit.start, hit.end, text[hit.start:hit.end]))
        short = f"{base} {hit.name.bare}"
        for alias in [short, *hit.aliases]:
            if alias not in match.aliases and alias != match.name:
                match.aliases.append(alias)
    for hit in hits:  # a nickname given after a bare title belongs to the one holder of that title
        if not hit.name and hit.aliases:
            holders = [o for o in officials if o.position == hit.position
                       and (o.region == (hit.region or default_region) or hit.region is None)]
            if len(holders) == 1:
                holders[0].aliases += [a for a in hit.aliases if a not in holders[0].aliases]
    return officials


def add_name_mentions(text: str, officials: list[Official], skip) -> None:
    """Later references by name alone ("Maulana", "Yuliana") become mentions of the official."""
    counts: dict[str, int] = {}
    for o in officials:
        for word in set(o.name.split()):
            counts[word] = counts.get(word, 0) + 1
    for o in officials:
        forms = {o.name} | {w for w in o.name.split() if counts[w] == 1 and len(w) > 2}
        forms |= {a for a in o.aliases if a and a[0].isupper()}
        covered = [(m.start, m.end) for m in o.mentions]
        for form in sorted(forms, key=len, reverse=True):
            for m in re.finditer(rf"(?<![\w]){re.escape(form)}(?![\w])", text):
                if skip(m.start()) or any(s <= m.start() < e for s, e in covered):
                    continue
                o.mentions.append(Mention(m.start(), m.end(), m.group()))
                covered.append((m.start(), m.end()))
        o.mentions.sort(key=lambda m: m.start)

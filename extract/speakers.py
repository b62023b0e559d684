"""Who said it: quote speakers and commitment speakers, resolved to officials by offsets
(a name or title in the attribution), pronouns and -nya verbs to the person last in focus."""
from __future__ import annotations

import bisect
import re
from functools import cache
from dataclasses import dataclass

from extract.commitments import classify, target_details
from extract.names import parse_name
from extract.officials import TitleHit, _title_pattern
from extract.persons import Person
from extract.quotes import Quote
from extract.rules import alternation, load_rules, phrase_pattern, phrases
from extract.sentences import sentence_spans
from models import Commitment, Official, Quote


@dataclass
class SpokenQuote:
    quote: Quote
    speaker: str | None


class Focus:
    """The person most recently in focus before a position in the text."""

    def __init__(self, officials: list[Official], persons: list[Person] = ()):
        self.events = sorted([(m.start, o.name) for o in officials for m in o.mentions]
                             + [(p.start, p.name) for p in persons])

    def add(self, pos: int, name: str) -> None:
        self.events.append((pos, name))
        self.events.sort()

    def subject_before(self, text: str, pos: int) -> str | None:
        """Who a pronoun ("dirinya", "ia") stands for: the first person named in the sentence
        before it, its subject, not the last one named ("Sekda A … tidak adanya Bupati B. Namun
        dirinya memastikan …" is A)."""
        before = [(start, name) for start, name in self.events if start < pos]
        if not before:
            return None
        last = before[-1][0]
        opening = max(text.rfind(". ", 0, last), text.rfind("\n", 0, last)) + 1
        in_sentence = [name for start, name in before if start >= opening]
        return in_sentence[0] if in_sentence else before[-1][1]

    def at(self, pos: int, within: int | None = None) -> str | None:
        before = [(start, name) for start, name in self.events if start < pos]
        if not before or (within is not None and pos - before[-1][0] > within):
            return None
        return before[-1][1]


def _by_title(officials: list[Official], titles: list[TitleHit], start: int, end: int) -> str | None:
    for hit in titles:
        if start <= hit.start < end and not hit.name:
            found = [o for o in officials if o.position == hit.position]  # positions carry no acting prefix
            if len(found) == 1:
                return found[0].name
    return None


class _MentionIndex:
    """Offsets of official mentions (or titles), sorted: "is one in this sentence?" for every
    sentence of a document by bisection, not by scanning every mention each time."""

    def __init__(self, starts):
        self.starts = sorted(starts)

    def any_in(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, start)
        return i < len(self.starts) and self.starts[i] < end


def _in_window(officials: list[Official], start: int, end: int) -> str | None:
    hits = [(m.start, o.name) for o in officials for m in o.mentions if start <= m.start < end]
    return min(hits)[1] if hits else None


def _plain_name(attribution: str, officials: list[Official], persons: list[Person]) -> str | None:
    """The first name in the attribution, titles skipped; a partial name ("Abdul Gani") is the
    official or person it belongs to ("Abdul Gani Solissa")."""
    pattern, _ = _title_pattern()
    cleaned = pattern.sub(lambda m: " " * len(m.group()), attribution)
    for m in re.finditer(r"(?:^|(?<=\s))[A-Z]", cleaned):
        parsed = parse_name(cleaned, m.start())
        if parsed:
            words = parsed.bare.lower().split()
            known = [(o.name, " ".join([o.name, *o.aliases])) for o in officials] + [(p.name, p.name) for p in persons]
            owners = {name for name, forms in known if all(w in forms.lower().split() for w in words)}
            return owners.pop() if len(owners) == 1 else parsed.bare
    return None


def resolve_quotes(text: str, quotes: list[Quote], officials: list[Official], titles: list[TitleHit],
                   persons: list[Person]) -> list[SpokenQuote]:
    focus = Focus(officials, persons)
    pronouns = load_rules().pronouns
    spoken = []
    for q in quotes:
        speaker = None
        if q.attribution and q.attr_pos is not None:
            end = q.attr_pos + len(q.attribution) + 1
            first = q.attribution.split()[0].lower() if q.attribution.split() else ""
            if q.attribution == "nya" or first in pronouns:
                speaker = focus.at(q.start)
            else:
                speaker = (_in_window(officials, q.attr_pos, end) or _by_title(officials, titles, q.attr_pos, end)
                           or _plain_name(q.attribution, officials, persons))
        speaker = canonical_speaker(speaker or focus.at(q.start), officials)
        if speaker:
            focus.add(q.end, speaker)
        spoken.append(SpokenQuote(q, speaker))
    return spoken


REPORTED_SPEECH_REACH = 600  # characters: a reported sentence without a name continues the last speaker


def _sentence_speaker(text: str, start: int, end: int, officials, titles, focus: Focus,
                     persons: list[Person] = ()) -> str | None:
    named = _in_window(officials, start, end) or _by_title(officials, titles, start, end)
    if named:
        return named
    if any(start <= p.start < end for p in persons):
        return None  # "Warga Namrole, Yusuf (52), …": the sentence is about a resident, not an official
    words = re.findall(r"\w+", text[start:end].lower())
    if any(p in words for p in load_rules().pronouns):
        return focus.subject_before(text, start)
    if re.search(r"\w+nya\b", text[start:end]):
        return focus.at(start)
    # "Perangkat daerah harus dapat mengawal …": reported speech goes on from the person in focus
    return focus.at(start, within=REPORTED_SPEECH_REACH)


def _segments(start: int, end: int, spoken: list[SpokenQuote]):
    """Split a sentence at quotation boundaries: (start, end, quote or None) pieces, so a quoted
    part is the speaker's own words and the rest is reported speech."""
    pos = start
    for s in spoken:
        q = s.quote
        if q.end <= start or q.start >= end:
            continue
        if q.start > pos:
            yield pos, q.start, None
        yield max(pos, q.start), min(end, q.end), s
        pos = min(end, q.end)
    if pos < end:
        yield pos, end, None


def canonical_speaker(name: str | None, officials: list[Official]) -> str | None:
    """A speaker named by a nickname or part of the name ("Bli Suar", "Gani") is the official
    it belongs to, when exactly one official has all its words in their name or aliases."""
    if not name or any(o.name == name for o in officials):
        return name
    words = set(name.lower().split())
    owners = {o.name for o in officials
              if words <= set(" ".join([o.name, *o.aliases]).lower().split())}
    return owners.pop() if len(owners) == 1 else name


def quotes_of(spoken: list[SpokenQuote]) -> list[Quote]:
    """Every direct quotation once, with its speaker (contract v2 `quotes`)."""
    return [Quote(speaker=s.speaker, text=s.quote.text.strip(), start=s.quote.start, end=s.quote.end) for s in spoken]


def _headline_end(text: str, skip) -> int:
    """Where the body starts: a first line that is a headline (Title Case, or no full stop and
    followed by the body) is a title, never a commitment."""
    first = re.match(r"\s*([^\n]+)\n", text)
    if first and (skip.with_headlines(first.start(1)) or not re.search(r"[.!?”\"]\s*$", first.group(1))):
        return first.end()
    return 0


@cache
def _institution_subject() -> re.Pattern:
    """A sentence whose subject is an institution ("Pemkab X menargetkan …", "BPBD mengimbau …"):
    kept, with no person as speaker."""
    return re.compile(rf"^(?:[^,]{{0,60}},\s*)?(?:{alternation(phrases('institution_subject'))})\b", re.I)


@cache
def _agentless_order() -> re.Pattern:
    """An order in the passive with no one giving it ("Setiap sekolah diminta …")."""
    passive, agent = alternation(phrases("agentless_order")), alternation(phrases("passive_agent"))
    return re.compile(rf"(?<![\w-])(?:{passive})(?![\w-])(?!\s+(?:{agent}))", re.I)


AGENTLESS_REACH = 250  # characters: "Gubernur … meminta PPDB lancar. Kepala sekolah diminta …" is the governor's order


def _institution_speaks(text: str, start: int, end: int, officials: list[Official], opds,
                        focus: Focus) -> tuple[bool, str | None]:
    """(the sentence's subject is an institution, the official who heads it when the text names
    one): "Dinas Pariwisata menargetkan …" is its Kepala Dinas's target; "Pemkab menargetkan …"
    and "Setiap sekolah diminta …" are no one person's."""
    words = re.findall(r"\w+", text[start:end].lower())
    frame = phrase_pattern("speech_frame").search(text, start, end)
    if _in_window(officials, start, end) or any(p in words for p in load_rules().pronouns) or frame:
        return False, None  # a named official, or "kata dia", in the sentence: a person speaks
    lead = start + (len(text[start:end]) - len(text[start:end].lstrip(" “”\"\n")))
    sentence = text[lead:end]
    dateline = re.match(r"[\w.]+(?:[\s,]+[\w.]+){0,4}?\s*(?:\(ANTARA\)\s*)?[-–—]\s*", sentence[:60])
    head = lead + (dateline.end() if dateline else 0)
    for o in opds:
        if any(0 <= m.start - head <= 2 for m in o.mentions):
            # the agency's head speaks for it once the text has named the head, not in the lead
            heads = [x for x in officials if x.opd == o.name]
            named_before = len(heads) == 1 and any(m.start < start for m in heads[0].mentions)
            return True, heads[0].name if named_before else None
    if _government_subject().search(text[head:end]):
        # "Pemprov Sulbar akan turun tangan …" after the governor has spoken: the head of the
        # government speaks for it, once the text has named exactly one
        heads = {o.name for o in officials if o.position in _region_heads() and any(m.start < start for m in o.mentions)}
        return True, heads.pop() if len(heads) == 1 else None
    if _institution_subject().search(text[head:end]):
        return True, None
    if _agentless_order().search(text, head, end):
        return True, focus.at(start, within=AGENTLESS_REACH)  # the order of the official just named, if any
    return False, None


@cache
def _government_subject() -> re.Pattern:
    # "Pemerintah Pusat", "pemerintah desa" are not the region's government
    other = alternation(phrases("government_not_regional"))
    return re.compile(rf"^(?:[^,]{{0,60}},\s*)?(?:{alternation(phrases('government_subject'))})\b(?!\s+(?:{other})\b)", re.I)


@cache
def _region_heads() -> frozenset:
    """Bupati, Wali Kota, Gubernur: the positions that head a regional government (not deputies)."""
    return frozenset(p.position for p in load_rules().positions if p.level in ("kota", "kabupaten", "provinsi")
                     and not p.position.startswith("Wakil"))


def commitments_for(doc, spoken: list[SpokenQuote], officials: list[Official], titles: list[TitleHit],
                    persons: list[Person]) -> list[Commitment]:
    """Every commitment sentence once: a sentence is split at quotation boundaries, the quoted
    part is the speaker's own words (quoted), the rest reported speech."""
    text, skip = doc.text, doc._.skip
    focus = Focus(officials, persons)
    for s in spoken:
        if s.speaker:
            focus.add(s.quote.end, s.speaker)
    body = _headline_end(text, skip)
    mentioned = _MentionIndex(m.start for o in officials for m in o.mentions)
    titled = _MentionIndex(h.start for h in titles)
    out: list[Commitment] = []
    seen: set[str] = set()
    for start, end in sentence_spans(text):
        if start < body or skip(start) or skip.headlines.covers(start):
            continue
        for a, b, quote in _segments(start, end, spoken):
            sentence = text[a:b].strip(" “”\"\n,").lstrip("•·*–- ")  # a bullet repeats a sentence of the body
            named = quote is None and (mentioned.any_in(a, b) or titled.any_in(a, b))
            kind = classify(sentence, quoted=quote is not None, named=named) if len(sentence.split()) >= 3 else None
            if not kind or sentence.lower().rstrip(".!? ") in seen:
                continue
            institutional, head = _institution_speaks(text, a, b, officials, doc._.opds, focus) if quote is None \
                else (False, None)
            speaker = head if institutional else quote.speaker if quote else canonical_speaker(
                _sentence_speaker(text, a, b, officials, titles, focus, persons), officials)
            if not speaker and not institutional:
                continue
            seen.add(sentence.lower().rstrip(".!? "))
            lead = text.index(sentence, a)
            value, unit, deadline = target_details(sentence) if kind == "target" else (None, None, None)
            out.append(Commitment(speaker=speaker, kind=kind, quoted=quote is not None, text=sentence,
                                  start=lead, end=lead + len(sentence),
                                  target_value=value, target_unit=unit, deadline=deadline))
    out.sort(key=lambda c: c.start)
    return out

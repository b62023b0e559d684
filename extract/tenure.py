"""Tenure events from the news: an official inaugurated, appointed, moved, replaced or acting
(Pj./Plt./Plh.), with the sentence as evidence. Cues: extract/rules/tenure_cues.csv."""
from __future__ import annotations

import re
from functools import cache

from extract.rules import _csv, alternation
from extract.sentences import sentence_spans
from models import DateMention, Official
from models.extraction import TenureEvent



@cache
def _cues() -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    rows = _csv("tenure_cues.csv")
    table = {r["cue"].lower(): (r["event"], r["who"]) for r in rows}
    return re.compile(rf"(?<![\w-])(?:{alternation(table)})(?![\w-])", re.I), table


def _date_in(dates: list[DateMention], start: int, end: int, fallback: str | None) -> str | None:
    inside = [d.date for d in dates if start <= d.start < end]
    return inside[0] if inside else fallback


def add_tenure_events(text: str, officials: list[Official], dates: list[DateMention], published: str | None) -> None:
    pattern, table = _cues()
    first_date = dates[0].date if dates else published
    for o in officials:
        if o.acting and o.mentions:
            m = o.mentions[0]
            o.events.append(TenureEvent("acting", o.position, first_date, m.text, m.start, m.end, o.acting))
    for start, end in sentence_spans(text):
        for cue in pattern.finditer(text, start, end):
            event, who = table[re.sub(r"\s+", " ", cue.group().lower())]
            for o in officials:
                positions = [m.start for m in o.mentions if start <= m.start < end]
                if not positions:
                    continue
                before = any(p < cue.start() for p in positions)
                after = any(p > cue.start() for p in positions)
                if (who == "before" and before) or (who == "after" and after) or (who == "any"):
                    raw = text[start:end]
                    lead = len(raw) - len(raw.lstrip())  # offsets of the sentence without its spaces
                    if not any(e.kind == event and e.start == start + lead for e in o.events):
                        sentence = raw.strip()
                        o.events.append(TenureEvent(event, o.position, _date_in(dates, start, end, first_date),
                                                    sentence, start + lead, start + lead + len(sentence), o.acting))

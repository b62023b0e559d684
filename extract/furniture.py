"""Which parts of a text are page furniture (BACA JUGA teasers, captions, credits, related lists),
so that no official, date or quote is read from them. Markers: models/vocab/boilerplate.csv."""
from __future__ import annotations

import bisect
import re
from functools import cache

from extract.rules import alternation, phrases
from models.vocab import furniture



@cache
def _inline_caption() -> re.Pattern:
    # "(Foto: Dok. Prokopim)", and a credit closing a caption line: "…usai retreat-Foto : Kominfo Kota X-"
    intro = alternation(phrases("caption_intro"))
    return re.compile(rf"\((?:{intro})[^()\n]{{0,120}}\)|(?<=[\w.)])\s?[-–—]\s?(?:{intro})\s?:[^\n]{{0,80}}$", re.I | re.M)


HEADLINE_MAX = 200
HEADLINE_CAPITALISED = 0.6


def _is_headline(line: str) -> bool:
    """Title Case lines (headlines, menu items): every word capitalised, so capitalisation says
    nothing about names there ("Wali Kota Tinjau Titik Genangan")."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if len(w) > 2]
    if len(line) > HEADLINE_MAX or len(words) < 4 or re.search(r"[.!?”\"]\s*$", line):
        return False  # a paragraph ends like a sentence; a headline does not
    return sum(w[0].isupper() for w in words) / len(words) >= HEADLINE_CAPITALISED


class FurnitureMask:
    """Sorted, non-overlapping excluded spans; `mask(pos)` is True inside furniture."""

    def __init__(self, text: str):
        spans: list[tuple[int, int]] = []
        pos, skip_next = 0, False
        for line in text.splitlines(keepends=True):
            start, end = pos, pos + len(line)
            pos = end
            if not line.strip():
                continue
            if skip_next:
                spans.append((start, end))
                skip_next = False
                continue
            marker = furniture(line)
            if marker is None:
                continue
            if marker.action == "stop":
                spans.append((start, len(text)))
                break
            spans.append((start, end))
            if marker.action == "teaser" and len(line.strip()) <= len(marker.marker) + 2:
                skip_next = True  # "BACA JUGA:" alone on its line: the headline is the next line
        spans += [(m.start(), m.end()) for m in _inline_caption().finditer(text)]
        self.spans = _Spans(spans)
        headlines, pos = [], 0
        for line in text.splitlines(keepends=True):
            if _is_headline(line):
                headlines.append((pos, pos + len(line)))
            pos += len(line)
        self.headlines = _Spans(headlines)

    def __call__(self, pos: int) -> bool:
        return self.spans.covers(pos)

    def with_headlines(self, pos: int) -> bool:
        """Also skip Title Case lines: for reading names, which rely on capitalisation."""
        return self.spans.covers(pos) or self.headlines.covers(pos)


class _Spans:
    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.max_end = []  # running maximum of ends, so overlapping spans are found by bisect
        top = -1
        for _, e in self.spans:
            top = max(top, e)
            self.max_end.append(top)

    def covers(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and self.max_end[i] > pos

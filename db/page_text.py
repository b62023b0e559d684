"""A stored text as readable HTML paragraphs with what was extracted from it highlighted, from the
character offsets the extractor stored (commitments around the people, agencies and dates in them)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

PARAGRAPH = re.compile(r"\n\s*\n|\n")  # the stored text keeps one paragraph per line (or blank-line separated)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    css: str            # commitment, official, opd, date
    title: str = ""
    anchor: str = ""    # an id to link to (#commitment-12)
    href: str = ""


def _open(span: Span) -> str:
    attrs = f' class="janji-{escape(span.css)}"'
    if span.title:
        attrs += f' title="{escape(span.title)}"'
    if span.anchor:
        attrs += f' id="{escape(span.anchor)}"'
    if span.href:
        return f'<a href="{escape(span.href)}"{attrs}>'
    return f"<mark{attrs}>"


def _close(span: Span) -> str:
    return "</a>" if span.href else "</mark>"


def _nestable(spans: list[Span]) -> list[Span]:
    """Longest first at each start; a span that crosses the end of an enclosing one is dropped,
    so the markup always nests."""
    kept: list[Span] = []
    stack: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.end <= span.start:
            continue
        while stack and stack[-1].end <= span.start:
            stack.pop()
        if stack and span.end > stack[-1].end:
            continue
        if stack and stack[-1].href and span.href:
            continue  # no link inside a link
        kept.append(span)
        stack.append(span)
    return kept


def _render(text: str, offset: int, spans: list[Span]) -> Markup:
    """One paragraph (text starting at `offset` in the document) with its spans."""
    events: list[tuple[int, int, int, Span]] = []
    for i, span in enumerate(spans):
        # at one point: closes before opens, inner spans close first and outer ones open first
        events.append((span.start - offset, 1, i, span))
        events.append((span.end - offset, 0, -i, span))
    events.sort(key=lambda e: (e[0], e[1], e[2]))
    out, at = [], 0
    for position, is_open, _, span in events:
        out.append(str(escape(text[at:position])))
        at = position
        out.append(_open(span) if is_open else _close(span))
    out.append(str(escape(text[at:])))
    return Markup("".join(out))


def paragraphs(text: str | None, spans: list[Span]) -> list[Markup]:
    """The text cut into paragraphs, each span clipped to the paragraph(s) it lies in."""
    text = text or ""
    spans = _nestable([s for s in spans if 0 <= s.start < s.end <= len(text)])
    out, start = [], 0
    waiting, open_ = iter(spans), []  # spans sorted by start (_nestable): each read once, kept while open
    upcoming = next(waiting, None)
    for match in [*PARAGRAPH.finditer(text), None]:
        end = match.start() if match else len(text)
        while upcoming is not None and upcoming.start < end:
            open_.append(upcoming)
            upcoming = next(waiting, None)
        open_ = [s for s in open_ if s.end > start]
        if text[start:end].strip():
            inside = [Span(max(s.start, start), min(s.end, end), s.css, s.title,
                           s.anchor if s.start >= start else "", s.href) for s in open_]
            out.append(_render(text[start:end], start, inside))
        if match:
            start = match.end()
    return out

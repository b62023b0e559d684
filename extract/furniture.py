"""Which parts of a text are page furniture (BACA JUGA teasers, captions, credits, related lists),
so that no official, date or quote is read from them. Markers: models/vocab/boilerplate.csv."""
from __future__ import annotations

import bisect
import re

from models.vocab import furniture

INLINE_CAPTION = re.compile(r"\((?:Foto|Photo|Dok|Ist|istimewa)[^()\n]{0,120}\)", re.I)


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
        spans += [(m.start(), m.end()) for m in INLINE_CAPTION.finditer(text)]
        spans.sort()
        self.starts = [s for s, _ in spans]
        self.spans = spans

    def __call__(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and self.spans[i][0] <= pos < self.spans[i][1] or any(
            s <= pos < e for s, e in self.spans[max(0, i - 3):i])

"""A PDF cut off before its end (an interrupted download or upload): its cross-reference table
and trailer are at the end, so neither PDFium nor pdfminer opens it, though most of its objects
are there. We list the complete objects ("N 0 obj ... endobj") in a new cross-reference table
and trailer, so the pages whose objects arrived can be read, and say which pages were lost.
"""
from __future__ import annotations

import re

OBJECT = re.compile(rb"(?<![0-9])(\d{1,10})\s+(\d{1,5})\s+obj\b")
CATALOG = re.compile(rb"/Type\s*/Catalog\b")
TAIL_BYTES = 2048  # a PDF's end-of-file marker is within this many bytes of its end


def is_truncated(raw: bytes) -> bool:
    return b"%%EOF" not in raw[-TAIL_BYTES:]


def with_rebuilt_xref(raw: bytes) -> bytes | None:
    """The bytes with a cross-reference table of the complete objects and a trailer appended;
    None when no document catalog arrived (nothing can be read then)."""
    offsets: dict[int, tuple[int, int]] = {}
    root = None
    matches = list(OBJECT.finditer(raw))
    for n, found in enumerate(matches):
        limit = matches[n + 1].start() if n + 1 < len(matches) else len(raw)
        end = raw.find(b"endobj", found.end(), limit)
        if end < 0:
            continue  # the object the file was cut in, or one whose end was lost
        number = int(found.group(1))
        offsets[number] = (found.start(), int(found.group(2)))  # a later copy (an update) wins
        if CATALOG.search(raw, found.end(), end):
            root = number
    if root is None:
        return None
    body = raw if raw.endswith(b"\n") else raw + b"\n"
    size = max(offsets) + 1
    table = [b"xref\n0 %d\n0000000000 65535 f \n" % size]
    table += [b"%010d %05d n \n" % offsets[n] if n in offsets else b"0000000000 00000 f \n" for n in range(1, size)]
    trailer = b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, root, len(body))
    return body + b"".join(table) + trailer


def page_ranges(numbers: list[int]) -> str:
    """[3, 4, 5, 9] -> "3-5, 9" (page numbers as a reader writes them)."""
    parts, start = [], None
    for n, number in enumerate(numbers):
        if start is None:
            start = number
        if n + 1 == len(numbers) or numbers[n + 1] != number + 1:
            parts.append(str(start) if start == number else f"{start}-{number}")
            start = None
    return ", ".join(parts)

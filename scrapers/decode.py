"""Bytes -> str for web pages whose declared charset may be missing or wrong."""
from __future__ import annotations

import re

from charset_normalizer import from_bytes

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
LATIN = {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii", "windows-1252", "cp1252"}
BINARY_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a]")


def _declared(raw: bytes, header_charset: str | None) -> list[str]:
    found = [header_charset] if header_charset else []
    match = META_CHARSET.search(raw[:4096])
    if match:
        found.append(match.group(1).decode("ascii", "ignore"))
    return [c.lower() for c in found]


def decode_html(raw: bytes, header_charset: str | None = None) -> str:
    """Try the declared charsets strictly, then detection; windows-1252 as last resort
    (it is what servers mislabel as ISO-8859-1, and it decodes any byte)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", "replace")
    declared = _declared(raw, header_charset)
    # A page labelled Latin-1 that is valid UTF-8 is UTF-8 (strict UTF-8 almost never
    # accepts real Latin-1 text), so the forgiving single-byte charsets go last.
    single_byte = [c for c in declared if c in LATIN]
    for charset in [*(c for c in declared if c not in LATIN), "utf-8", *single_byte]:
        if charset in LATIN:
            charset = "windows-1252"
        try:
            return raw.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    best = from_bytes(raw).best()
    return str(best) if best else raw.decode("windows-1252", "replace")


def looks_binary(text: str) -> bool:
    """Binary served as text: many control characters in the first few KB."""
    sample = text[:4096]
    return bool(sample) and len(BINARY_CONTROL.findall(sample)) > len(sample) * 0.01

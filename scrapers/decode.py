"""Bytes -> str for web pages and text files whose declared charset may be missing or wrong.

Charset labels are resolved the way browsers do, through the WHATWG Encoding Standard's label
table (encodings.csv: label, encoding, Python codec). A label outside it ("utf-7", "base64",
"rot13", "x-no-such-charset") is treated as no label at all: Python would otherwise accept
codecs that are not text encodings, or decode UTF-7 into lone surrogates.
"""
from __future__ import annotations

import codecs
import csv
import re
from functools import lru_cache
from pathlib import Path

from charset_normalizer import from_bytes

from scrapers.text import clean_text

META_CHARSET = re.compile(rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]{1,40})""", re.I)
LATIN = {"cp1252"}   # windows-1252: what servers mean by ISO-8859-1 or ASCII (WHATWG maps them to it)
BINARY_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a]")
BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


@lru_cache(maxsize=1)
def _labels() -> dict[str, str]:
    """label -> Python codec ('' for the WHATWG 'replacement' encoding: no usable decoder)."""
    with open(Path(__file__).parent / "encodings.csv", newline="", encoding="utf-8") as f:
        return {row["label"]: row["python_codec"] for row in csv.DictReader(f)}


def resolve_label(label: str | None) -> str | None:
    """The Python codec for a charset label, or None when browsers would not accept it."""
    if not label:
        return None
    return _labels().get(label.strip().strip("\"'").lower()) or None


@lru_cache(maxsize=1)
def _known_codecs() -> set[str]:
    """Python's canonical names of the codecs the table maps to (to vet a detector's guess)."""
    return {codecs.lookup(c).name for c in set(_labels().values()) if c and c != "x-user-defined"}


def _detected_codec(name: str | None) -> str | None:
    try:
        codec = codecs.lookup(name).name if name else None
    except LookupError:
        return None
    # a UTF-16 guess without a BOM is noise; UTF-7 and the like are not WHATWG encodings
    return codec if codec in _known_codecs() and not codec.startswith("utf-16") else None


def _windows_1252(raw: bytes) -> str:
    return raw.decode("cp1252", "replace")


def _decode(raw: bytes, codec: str, errors: str = "strict") -> str:
    if codec == "x-user-defined":  # WHATWG: ASCII as is, 0x80-0xFF to U+F780-U+F7FF
        return "".join(chr(b) if b < 0x80 else chr(0xF700 + b) for b in raw)
    return raw.decode(codec, errors)


def bom_codec(raw: bytes) -> tuple[str, int] | None:
    for bom, codec in BOMS:
        if raw.startswith(bom):
            return codec, len(bom)
    return None


def _declared(raw: bytes, header_charset: str | None) -> list[str]:
    found = [resolve_label(header_charset)]
    match = META_CHARSET.search(raw[:4096])
    if match:
        codec = resolve_label(match.group(1).decode("ascii", "ignore"))
        # WHATWG: a <meta> that says UTF-16 in an ASCII-compatible page means UTF-8
        found.append("utf-8" if codec and codec.startswith("utf-16") else codec)
    return [c for c in found if c]


def decode_html(raw: bytes, header_charset: str | None = None) -> str:
    """decode_html_raw, cleaned (scrapers.text.clean_text): what the readers parse."""
    return clean_text(decode_html_raw(raw, header_charset)) or ""


def decode_html_raw(raw: bytes, header_charset: str | None = None) -> str:
    """A BOM wins; then the declared charsets strictly, then UTF-8, then detection limited to the
    WHATWG encodings; windows-1252 as last resort (it is what servers mislabel as ISO-8859-1,
    and it decodes any byte). Control characters are still in (looks_binary counts them)."""
    bom = bom_codec(raw)
    if bom:
        return raw[bom[1]:].decode(bom[0], "replace")
    declared = _declared(raw, header_charset)
    # A page labelled Latin-1 that is valid UTF-8 is UTF-8 (strict UTF-8 almost never
    # accepts real Latin-1 text), so the forgiving single-byte charset goes last.
    for codec in [*(c for c in declared if c not in LATIN), "utf-8"]:
        try:
            return _decode(raw, codec)
        except (LookupError, UnicodeDecodeError):
            continue
    if any(c in LATIN for c in declared):
        return _windows_1252(raw)
    best = from_bytes(raw[:1024 * 1024]).best()  # detection on the first MB: it is slow on more
    codec = _detected_codec(best.encoding if best else None)
    if codec:
        try:
            return _decode(raw, codec)
        except (LookupError, UnicodeDecodeError):
            pass
    return _windows_1252(raw)


def decode_text(raw: bytes) -> str:
    """A .txt file: a BOM (UTF-8 or UTF-16) wins, then UTF-8, then windows-1252."""
    bom = bom_codec(raw)
    if bom:
        return clean_text(raw[bom[1]:].decode(bom[0], "replace")) or ""
    try:
        return clean_text(raw.decode("utf-8")) or ""
    except UnicodeDecodeError:
        return clean_text(_windows_1252(raw)) or ""


def looks_binary(text: str) -> bool:
    """Binary served as text: many control characters in the first few KB."""
    sample = text[:4096]
    return bool(sample) and len(BINARY_CONTROL.findall(sample)) > len(sample) * 0.01

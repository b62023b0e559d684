"""Text as it leaves scrapers/: valid Unicode that SQLite and JSON can hold.

A decoded page can carry lone UTF-16 surrogates (a UTF-7 body, a "\\ud800" escape in JSON-LD, a
file name that is not UTF-8), NUL and other C0 control characters. SQLite refuses surrogates
("surrogates not allowed"), NUL cuts C strings and makes the tokenizer crawl, so every text field
of a Document is cleaned once, at the door (`clean_document`), before anything stores it.
"""
from __future__ import annotations

import re
from dataclasses import fields

from models import Document

# C0 controls but \t and \n, DEL, and every surrogate code point (only lone ones survive decoding)
_BAD = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")
_LINE_BREAKS = {"\r": "\n", "\x0b": "\n", "\x0c": "\n"}
_TABLE = {i: None for i in range(0x20) if chr(i) not in "\t\n"} | {0x7f: None}
_TABLE |= {ord(k): v for k, v in _LINE_BREAKS.items()}
_TABLE |= {i: "\ufffd" for i in range(0xD800, 0xE000)}
# The same, one character for one (offsets into the text stay valid): PDF text, whose page
# spans are already computed, and text handed to the tokenizer. "\f" separates PDF pages.
_SAME_LENGTH = {i: " " for i in range(0x20) if chr(i) not in "\t\n\f"} | {0x7f: " "}
_SAME_LENGTH |= {i: "\ufffd" for i in range(0xD800, 0xE000)}
PUNCTUATION_RUN = 50  # longer runs of one punctuation character are not words: spaCy's tokenizer
# takes time in the square of such a run (5,000 "-" took 12.5 s, 40,000 '"' 118 s)
_RUN = re.compile(r"([^\w\s])\1{%d,}" % PUNCTUATION_RUN)


def clean_text(text: str | None, *, same_length: bool = False) -> str | None:
    """No lone surrogates (U+FFFD instead), no NUL or C0 controls but tab and newline (CR, VT and
    FF become newlines, the rest is removed). `same_length`: replace one for one (spaces), keep
    "\\f", so offsets computed before stay right."""
    if not text or not _BAD.search(text):
        return text
    if same_length:
        return text.translate(_SAME_LENGTH)
    return text.replace("\r\n", "\n").translate(_TABLE)


def display_path(path) -> str:
    """A file name for messages and the database: bytes that are not UTF-8 (which Python keeps
    as lone surrogates) become U+FFFD."""
    name = str(path)
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        name = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return clean_text(name) or ""


def error_line(message: str, limit: int = 1000) -> str:
    """An error message as one storable line: no newlines or controls, no lone surrogates."""
    return " ".join((clean_text(message) or "").split())[:limit]


def _clean_value(value, same_length: bool = False):
    if isinstance(value, str):
        return clean_text(value, same_length=same_length)
    if isinstance(value, list):
        return [_clean_value(v) for v in value]
    if isinstance(value, dict):
        return {_clean_value(k): _clean_value(v) for k, v in value.items()}
    return value


def clean_document(doc: Document) -> Document:
    """Every text field of `doc` cleaned in place (PDF text one for one: its page spans hold)."""
    for f in fields(doc):
        if f.name in ("raw", "pages", "layout"):
            continue
        value = getattr(doc, f.name)
        pdf_text = f.name == "text" and bool(doc.pages)
        setattr(doc, f.name, _clean_value(value, same_length=pdf_text))
    return doc


def collapse_punctuation_runs(text: str) -> str:
    """Text safe for the tokenizer, offsets unchanged: in every run of more than PUNCTUATION_RUN
    copies of one punctuation character, all but the first become spaces; control characters
    that got into stored text before it was cleaned at the door become spaces too. Linear time."""
    text = clean_text(text, same_length=True) or ""
    if len(text) <= PUNCTUATION_RUN:
        return text
    return _RUN.sub(lambda m: m.group(1) + " " * (len(m.group(0)) - 1), text)

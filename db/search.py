"""Search that works for Indonesian: stems and acronym expansions in indexed columns.

SQLite's FTS tokenizer knows no Indonesian morphology, so "sehat" would never find
"kesehatan" and "Bappeda" would never find "Badan Perencanaan Pembangunan Daerah". Instead of
a custom tokenizer (which Datasette could not load), each searchable row carries a `*_stemmed`
column: the text stemmed with Sastrawi (kesehatan -> sehat, ditertibkan -> tertib) followed by
the other form of every OPD name or abbreviation it contains. The FTS tables index the
original columns and the stemmed one, so a search matches either.

The writer (db/store.py) computes these columns before its transactions (the lock is held for writes
only) and writes them with the rows; the migration backfills
rows stored before it existed.
"""
from __future__ import annotations

import re
from functools import cache

import sqlite_utils

from models import vocab

@cache
def _stemmer():
    # Imported lazily: building the stemmer loads a 30,000-word dictionary (~0.3 s).
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
    return StemmerFactory().create_stemmer()  # a CachedStemmer: each distinct word stems once


def _rows() -> tuple[tuple[str, str, str], ...]:
    return vocab.opd_forms()  # the one vocabulary (models/vocab/opds.csv, ambiguous_abbreviations.csv)


def abbreviations() -> tuple[tuple[str, str], ...]:
    """(abbreviation or head title, full OPD name) pairs of the vocabulary."""
    return tuple((a, n) for a, n, _ in _rows())


WORD = re.compile(r"\w+")


def _form_regex(form: str, flags: int = 0) -> re.Pattern:
    return re.compile(re.escape(form).replace(r"\ ", r"\s+") + r"(?![\w-])", flags)


@cache
def _matchers() -> tuple[dict, dict]:
    """Forms indexed by their first word, so a text is scanned once, word by word, instead of
    trying hundreds of alternatives at every character (10x faster on long documents)."""
    short: dict[str, list] = {}
    full: dict[str, list] = {}
    for abbrev, name, form in _rows():
        # Abbreviations are matched as written (PU is not "pu"); full names in any case.
        short.setdefault(WORD.match(abbrev).group(), []).append((_form_regex(abbrev), name))
        if form != "head_title":  # a full name expands to its abbreviations, not to "Kadisdik"
            full.setdefault(WORD.match(name).group().lower(), []).append((_form_regex(name, re.I), abbrev))
    return short, full


def expansions(text: str) -> list[str]:
    """The other form of each OPD abbreviation or full name found in `text`, once each."""
    short, full = _matchers()
    found: dict[str, None] = {}
    for word in WORD.finditer(text):
        w = word.group()
        candidates = short.get(w, []) + full.get(w.lower(), [])
        at = word.start()
        if not candidates or (at and text[at - 1] == "-"):
            continue
        for regex, other in candidates:
            if regex.match(text, at):
                found[other] = None
    return list(found)


def stem(text: str | None) -> str:
    """Lower-cased Indonesian stems of `text`, punctuation dropped ("Kesehatan," -> "sehat")."""
    return _stemmer().stem(text) if text else ""


RUN = re.compile(r"([^\w\s])\1{20,}")


def searchable(*texts: str | None) -> str | None:
    """The value of a `*_stemmed` column: stems of the texts, then OPD expansions (stemmed too,
    so "Bappeda" in a text makes "rencana bangun" findable and vice versa)."""
    joined = RUN.sub(r"\1 ", "\n".join(t for t in texts if t))  # a 30,000-dash line is one dash to the stemmer
    if not joined.strip():
        return None
    extra = expansions(joined)
    return " ".join(filter(None, [stem(joined), " ".join(extra), stem(" ".join(extra))]))


def document_columns(title: str | None, text: str | None) -> dict:
    """Extra columns for a `documents` row (store_document adds them to the row it writes)."""
    return {"text_stemmed": searchable(title, text)}


def extraction_stems(extraction) -> dict[int, str | None]:
    """The stemmed columns of an extraction's commitments and targets, by id() of the record:
    computed before the write transaction, so the database lock is held for the writes only."""
    stems = {id(c): searchable(c.text) for c in extraction.commitments}
    for agreement in extraction.agreements:
        stems.update({id(t): searchable(t.indikator, t.sasaran) for t in agreement.targets})
    return stems


# (table, stemmed column, source columns, FTS columns) for every searchable table.
SEARCHABLE = (
    ("documents", "text_stemmed", ("title", "text"), ("title", "text", "text_stemmed")),
    ("commitments", "text_stemmed", ("text",), ("text", "text_stemmed")),
    ("agreement_targets", "indikator_stemmed", ("indikator", "sasaran"),
     ("indikator", "sasaran", "indikator_stemmed")),
)
FTS_TOKENIZER = "unicode61 remove_diacritics 2"


def add_stemmed_search(db: sqlite_utils.Database) -> None:
    """Migration step: add the stemmed columns, backfill them, and rebuild the FTS indexes over
    original + stemmed columns (with triggers, so later writes keep them in step)."""
    for table, column, sources, fts_columns in SEARCHABLE:
        db[table].disable_fts()
        if column not in db[table].columns_dict:
            db[table].add_column(column, str)
        select = ", ".join(f"[{c}]" for c in sources)
        last = 0
        while True:  # in batches: a large database's text does not fit in memory at once
            rows = db.execute(f"select id, {select} from [{table}] where id > ? order by id limit 500",
                              [last]).fetchall()
            if not rows:
                break
            for row_id, *values in rows:
                db.execute(f"update [{table}] set [{column}] = ? where id = ?", [searchable(*values), row_id])
            last = rows[-1][0]
        db[table].enable_fts(list(fts_columns), create_triggers=True, tokenize=FTS_TOKENIZER)


def load_abbreviations(db: sqlite_utils.Database) -> None:
    """(Re)fill the `opd_abbreviations` table the canned queries use to expand acronyms."""
    db["opd_abbreviations"].create({"abbreviation": str, "name": str, "form": str},
                                   pk=("abbreviation", "name"), if_not_exists=True)
    db["opd_abbreviations"].delete_where()
    db["opd_abbreviations"].insert_all(({"abbreviation": a, "name": n, "form": f} for a, n, f in _rows()),
                                       ignore=True)

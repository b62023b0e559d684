"""The spaCy Language janji runs: Indonesian defaults minus spaCy's tokenizer-exception table.

spacy.blank("id") spends seconds building ~10,000 exception entries at every start; our
components match on character offsets and need only sentence boundaries, so that table is
dropped and a CLI run starts in about a second and a half.
"""
from __future__ import annotations

from spacy.lang.id import Indonesian
from spacy.language import Language


class _LeanDefaults(Indonesian.Defaults):
    tokenizer_exceptions: dict = {}


class LeanIndonesian(Language):
    lang = "id"
    Defaults = _LeanDefaults


PIPELINE = ["janji_context", "janji_officials", "janji_dates", "janji_quotes", "janji_commitments"]


def build_nlp() -> Language:
    import extract.components  # noqa: F401  registers the janji_* factories
    nlp = LeanIndonesian()
    for name in PIPELINE:
        nlp.add_pipe(name)
    return nlp

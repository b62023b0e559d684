"""Document -> Extraction: the spaCy pipeline for text, the PK reader for agreements, the
performance-report reader for LKjIPs."""
from __future__ import annotations

from typing import Iterable, Iterator

from extract.lkjip import read_report
from extract.pk import BundleRead, read_agreements
from models import Document, Extraction


def _source(doc: Document, kind: str) -> dict:
    return {"path": doc.path, "url": doc.url, "kind": kind, "title": doc.title, "published": doc.published,
            "published_method": doc.published_method if doc.published else None}


class Extractor:
    """Loads the pipeline and its rules once; `pipe` for batches, `extract` for one document."""

    def __init__(self, batch_size: int = 32):
        from extract.language import build_nlp
        self.nlp = build_nlp()
        self.batch_size = batch_size

    def extract(self, doc: Document) -> Extraction:
        result = next(iter(self.pipe([doc])))
        if isinstance(result, Exception):
            raise result
        return result

    def pipe(self, docs: Iterable[Document]) -> Iterator[Extraction | Exception]:
        """One result per input, in order; a document that fails yields its exception."""
        def prepared():
            for d in docs:
                spacy_doc = self.nlp.make_doc(d.text)
                spacy_doc._.published = d.published  # reference for year-less dates
                spacy_doc._.url = d.url  # its year dates "Rabu (12/2)" when the publication date is unknown
                yield spacy_doc, d
        for spacy_doc, doc in self.nlp.pipe(prepared(), as_tuples=True, batch_size=self.batch_size):
            if spacy_doc._.error is not None:
                yield spacy_doc._.error
                continue
            try:
                yield self._assemble(spacy_doc, doc)
            except Exception as exc:  # one bad document must not stop a batch
                yield exc

    def _assemble(self, spacy_doc, doc: Document) -> Extraction:
        pdf = doc.kind in ("pdf", "pk", "lkjip")
        # a report's cover names it; the PK it often reprints in its appendix is not an agreement of its own
        report = read_report(doc) if pdf else None
        # a PDF may bundle the agreements of several OPDs: each is its own agreement (document order)
        found = read_agreements(doc) if pdf and report is None else BundleRead()
        kind = "lkjip" if report else "pk" if found.agreements else doc.kind
        return Extraction(source=_source(doc, kind), officials=spacy_doc._.officials,
                          opds=spacy_doc._.opds, dates=spacy_doc._.dates, quotes=spacy_doc._.quotes,
                          commitments=spacy_doc._.commitments, agreements=found.agreements,
                          report=report.report if report else None, errors=report.errors if report else found.errors)

"""spaCy components (registered factories). Each reads and writes Doc extensions; the rules they
use are loaded once, when the component is created."""
from __future__ import annotations

from collections import Counter
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from models import Mention, Opd

from extract.dates import find_dates
from extract.furniture import FurnitureMask
from extract.official_records import add_name_mentions, officials_from_titles
from extract.officials import find_titles
from extract.opds import find_opds, group_opds, local_abbreviations, more_specific
from extract.persons import find_persons
from extract.quotes import attribute, find_quote_spans
from extract.regions import dateline_region, explicit_regions, main_region
from extract.rules import load_rules
from extract.tenure import add_tenure_events
from extract.speakers import commitments_for, quotes_of, resolve_quotes

for _name in ("error", "published", "url", "skip", "region", "dateline_region", "titles", "officials", "persons", "opds", "dates", "spoken", "quotes",
              "commitments"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@cache
def _place_units() -> frozenset:
    """Units named after a place by a title ("Camat X" -> Kecamatan X), from positions.csv."""
    return frozenset(p.opd_from.split(":", 1)[1] for p in load_rules().positions
                     if p.opd_from.startswith(("place:", "place_skip:")))


def guarded(component):
    """A failing component marks the doc and the rest of the pipeline passes it through, so one
    bad document never drops out of an nlp.pipe batch (results stay aligned with inputs)."""
    def run(doc: Doc) -> Doc:
        if doc._.error is None:
            try:
                return component(doc)
            except Exception as exc:
                doc._.error = exc
        return doc
    return run


@Language.factory("janji_context")
def make_context(nlp, name):
    load_rules()

    def context(doc: Doc) -> Doc:
        """Furniture mask and the document's own region (the most frequent explicit one)."""
        doc._.skip = FurnitureMask(doc.text)
        regions = explicit_regions(doc.text, doc._.skip)
        doc._.region = main_region(regions)
        doc._.dateline_region = dateline_region(doc.text)
        return doc
    return guarded(context)


@Language.factory("janji_officials")
def make_officials(nlp, name):
    def officials(doc: Doc) -> Doc:
        text, skip, region = doc.text, doc._.skip, doc._.region
        local = local_abbreviations(text)
        doc._.titles = find_titles(text, skip.with_headlines, region, local)
        if region is None:  # no "Kota X" in the text: the region the titles name ("Bupati Aceh Besar"),
            named = Counter(h.region for h in doc._.titles if h.region)  # else the dateline's
            region = named.most_common(1)[0][0] if named else doc._.dateline_region
            if region:
                doc._.region = region
                doc._.titles = find_titles(text, skip.with_headlines, region, local)
        doc._.officials = officials_from_titles(text, doc._.titles, region)
        add_name_mentions(text, doc._.officials, skip)
        hits = find_opds(text, skip.with_headlines, region, local)  # a headline's agency is in the body too
        # one name per agency in a text, whoever names it: "Dirut RSUD" and "RSUD dr. Soedarso" are one hospital
        specific = more_specific({h.canonical for h in hits} | {h.opd for h in doc._.titles if h.opd}
                                 | {o.opd for o in doc._.officials if o.opd})
        for holder in [*doc._.titles, *doc._.officials]:
            holder.opd = specific.get(holder.opd, holder.opd)
        doc._.opds = group_opds(text, hits, region, specific)
        known = {(o.name.lower(), o.region) for o in doc._.opds}
        # the agency of a title counts as an OPD of the document, named holder or not ("… Sekda, Asisten …")
        for h in doc._.titles:
            region_of = None if h.opd in load_rules().national_opds else h.region or region
            if not h.name and h.opd and h.opd.split(" ", 1)[0] in _place_units():
                continue  # "Camat Rudi …" later in the text: the word after the title may be the person
            if h.opd and (h.opd.lower(), region_of) not in known:
                doc._.opds.append(Opd(name=h.opd, region=region_of, mentions=[Mention(h.start, h.end, text[h.start:h.end])]))
                known.add((h.opd.lower(), region_of))
        # officials' agencies count as OPDs of the document too
        for o in doc._.officials:
            region_of = None if o.opd in load_rules().national_opds else o.region or region
            if o.opd and (o.opd.lower(), region_of) not in known:
                doc._.opds.append(Opd(name=o.opd, region=region_of, mentions=list(o.mentions[:1])))
                known.add((o.opd.lower(), region_of))
        return doc
    return guarded(officials)


@Language.factory("janji_dates")
def make_dates(nlp, name):
    def dates(doc: Doc) -> Doc:
        doc._.dates = find_dates(doc.text, doc._.published, doc._.skip, doc._.url)
        add_tenure_events(doc.text, doc._.officials, doc._.dates, doc._.published)
        return doc
    return guarded(dates)


@Language.factory("janji_quotes")
def make_quotes(nlp, name):
    def quotes(doc: Doc) -> Doc:
        found = [q for q in find_quote_spans(doc.text) if not doc._.skip(q.start)]
        attribute(doc.text, found)
        doc._.persons = find_persons(doc.text, doc._.skip.with_headlines)
        doc._.spoken = resolve_quotes(doc.text, found, doc._.officials, doc._.titles, doc._.persons)
        doc._.quotes = quotes_of(doc._.spoken)
        return doc
    return guarded(quotes)


@Language.factory("janji_commitments")
def make_commitments(nlp, name):
    def commitments(doc: Doc) -> Doc:
        doc._.commitments = commitments_for(doc, doc._.spoken, doc._.officials, doc._.titles, doc._.persons)
        return doc
    return guarded(commitments)

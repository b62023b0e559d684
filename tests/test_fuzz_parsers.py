"""Property tests: every text parser takes arbitrary Unicode without raising, and round-trips
where one exists (numbers, NIP, dates)."""
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.commitments import classify, target_details
from extract.furniture import FurnitureMask
from extract.names import parse_name
from extract.pk.dates import parse_date
from extract.pk.nip import find_nip, validate_nip
from extract.pk.numbers import parse_amount, parse_target
from extract.sentences import sentence_spans
from scrapers.dates import parse_byline
from scrapers.decode import decode_html

MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember"]
# text that looks like news: letters, digits, punctuation used in dates/names/amounts, any Unicode
newsish = st.text(alphabet=st.sampled_from(list("abcdeHIJKLMNOPRSTUWYZ .,()/-:%\"“”'’\n0123456789Rp")) | st.characters(),
                  max_size=300)


@settings(max_examples=300, deadline=None)
@given(newsish)
def test_text_parsers_never_raise(text):
    parse_name(text, 0)
    classify(text)
    target_details(text)
    parse_byline(text)
    parse_amount(text)
    parse_target(text)
    parse_date(text)
    find_nip(text)
    spans = sentence_spans(text)
    assert all(0 <= a < b <= len(text) for a, b in spans)
    mask = FurnitureMask(text)
    assert all(mask(i) in (True, False) for i in range(0, len(text), 7))


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2000))
def test_decoding_any_bytes_gives_text(raw):
    assert isinstance(decode_html(raw), str)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=0, max_value=99))
def test_rupiah_amounts_round_trip(whole, cents):
    printed = f"Rp {whole:,}".replace(",", ".") + f",{cents:02d}"
    assert parse_amount(printed) == round(whole + cents / 100, 2)


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1955, 1, 1), max_value=date(1990, 12, 31)),
       st.integers(min_value=19, max_value=35), st.integers(min_value=1, max_value=12),
       st.sampled_from("12"), st.integers(min_value=1, max_value=999))
def test_valid_nip_is_found_with_or_without_spaces(born, age, month, gender, seq):
    digits = f"{born:%Y%m%d}{born.year + age}{month:02d}{gender}{seq:03d}"  # appointed as an adult
    assert validate_nip(digits)
    spaced = f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"
    assert find_nip(f"NIP. {spaced}") == digits


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2035, 12, 31)))
def test_written_dates_round_trip(day):
    assert parse_date(f"{day.day} {MONTHS[day.month - 1]} {day.year}") == day.isoformat()
    assert parse_byline(f"Rabu, {day.day} {MONTHS[day.month - 1]} {day.year} 09:15 WIB") == day.isoformat()


# -- the rest of the text readers: position titles, OPDs, regions, quotes and their speakers,
# event dates, person names; arbitrary Unicode in, offsets inside the text out, no exception.
from extract.dates import find_dates  # noqa: E402
from extract.names import normalise_case, strip_honorifics  # noqa: E402
from extract.officials import find_titles  # noqa: E402
from extract.opds import local_abbreviations, opd_at  # noqa: E402
from extract.persons import find_persons  # noqa: E402
from extract.quotes import attribute, find_quote_spans, speaker_text  # noqa: E402
from extract.regions import explicit_regions, region_at  # noqa: E402

titled = st.lists(st.sampled_from(["Kepala Dinas Pendidikan", "Wali Kota", "Sekda", "Kadis PUPR", "Bupati",
                                   "Plt. Kepala Bappeda", "Camat", "Dr. H. Maulana, M.K.M.", "Kota Jambi",
                                   "\u201cKami berjanji,\u201d ujar", "\"", "(25/6/2025)", "Rabu", " ", ", ", ". "])
                  | newsish, max_size=12).map("".join)


@settings(max_examples=200, deadline=None)
@given(titled)
def test_title_opd_region_and_name_readers_never_raise(text):
    never = lambda pos: False  # noqa: E731
    for hit in find_titles(text, never, None, local_abbreviations(text)):
        assert 0 <= hit.start <= hit.end <= len(text) if hasattr(hit, "start") else True
    for pos in range(0, len(text), 11):
        opd_at(text, pos)
        region_at(text, pos, None, None)
    explicit_regions(text)
    strip_honorifics(text)
    normalise_case(text.split())
    for person in find_persons(text, never):
        assert isinstance(person, object)


@settings(max_examples=200, deadline=None)
@given(titled)
def test_quote_attribution_never_raises_and_spans_stay_inside(text):
    quotes = find_quote_spans(text)
    attribute(text, quotes)
    for quote in quotes:
        for name in ("start", "end"):
            value = getattr(quote, name, None)
            if isinstance(value, int):
                assert 0 <= value <= len(text)
    speaker_text(text)


@settings(max_examples=200, deadline=None)
@given(titled, st.one_of(st.none(), st.dates(min_value=date(2000, 1, 1), max_value=date(2035, 12, 31)).map(str)))
def test_event_dates_never_raise_and_are_iso(text, published):
    for mention in find_dates(text, published, lambda pos: False):
        assert 0 <= mention.start <= mention.end <= len(text)
        assert date.fromisoformat(mention.date)

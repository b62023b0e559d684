"""The front door, through Datasette's own client on the demo database: the front page and its
Indonesian-aware search, the official, OPD and document pages, the stored copy served as what it
is, readable tables (rows first, numbers the Indonesian way, SQL folded), internal tables hidden;
and the source URL of a local HTML file read from its canonical link / og:url."""
from __future__ import annotations

import asyncio
import re
import sqlite3
from html import unescape

import pytest
from datasette.app import Datasette

from db import open_db
from db.number_format import list_text, percent, rupiah, with_unit
from db.page_text import Span, paragraphs
from db.serve import datasette_options, metadata_for
from db.store import replace_extraction, store_document
from models import Commitment, Document, Extraction, Official
from scrapers.canonical import declared_url
from scrapers.files import read_path
from tests.conftest import CORPUS

INTERNAL = ("_migrations", "fetch_state", "raw_files", "scrape_runs")


def datasette_for(path) -> Datasette:
    return Datasette([str(path)], metadata=metadata_for(path), **datasette_options())


def get(ds: Datasette, path: str):
    async def fetch():
        return await ds.client.get(path)
    return asyncio.run(fetch())


def html(ds: Datasette, path: str) -> str:
    response = get(ds, path)
    assert response.status_code == 200, (path, response.status_code, response.text[:500])
    return response.text


def text_of(page: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", page)))


@pytest.fixture(scope="module")
def ds(demo_db):
    return datasette_for(demo_db)


@pytest.fixture(scope="module")
def demo(demo_db):
    conn = sqlite3.connect(demo_db)
    conn.row_factory = sqlite3.Row
    yield conn
    conn.close()


def official_id(demo, name: str) -> int:
    return demo.execute("select id from officials where name = ?", [name]).fetchone()[0]


# --- every page answers, internals hidden ---------------------------------------------------

def test_every_page_answers_for_the_demo_database(ds, demo):
    name = ds.get_database().name
    paths = ["/", f"/{name}", "/-/search?q=sehat", "/-/search?q=", "/janji-static/janji.css"]
    paths += [f"/-/official/{r[0]}" for r in demo.execute("select id from officials")]
    paths += [f"/-/opd/{r[0]}" for r in demo.execute("select id from opds")]
    paths += [f"/-/document/{r[0]}" for r in demo.execute("select id from documents")]
    paths += [f"/-/raw/{r[0]}" for r in demo.execute("select sha256 from raw_files")]
    paths += [f"/{name}/{r[0]}" for r in demo.execute(
        "select name from sqlite_master where type in ('table', 'view') and name not like '%_fts%'")]
    paths += [f"/{name}/{q}" for q in ds.metadata("queries", database=name)]
    failed = [(p, r.status_code) for p in paths for r in [get(ds, p)] if r.status_code != 200]
    assert failed == []
    assert len(paths) > 60
    for missing in ("/-/official/999999", "/-/opd/999999", "/-/document/999999", "/-/raw/" + "0" * 64):
        assert get(ds, missing).status_code == 404


def test_internal_tables_are_hidden_and_views_come_first(ds):
    name = ds.get_database().name
    listing = get(ds, f"/{name}.json").json()
    hidden = {t["name"] for t in listing["tables"] if t["hidden"]}
    assert set(INTERNAL) <= hidden
    assert {"documents_fts", "commitments_fts"} <= hidden
    page = html(ds, f"/{name}")
    shown = set(re.findall(r'<h3><a href="/%s/([\w]+)"' % name, page))
    assert shown and not shown & (set(INTERNAL) | {t for t in hidden if "_fts" in t})
    assert "commitments" in shown and "documents" in shown
    assert page.index('id="views"') < page.index('id="queries"') < page.index('id="tables"')
    answers = page[page.index('id="views"'):page.index('id="queries"')]
    assert "commitment_details" in answers and "official_timeline" in answers  # a table or a view
    front = html(ds, "/")
    assert "_migrations" not in front and "fetch_state" not in front


# --- the front page and its search ----------------------------------------------------------

def test_front_page_has_the_search_box_the_answers_and_the_latest(ds, demo):
    page = html(ds, "/")
    assert '<form class="janji-search" action="/-/search"' in page
    name = ds.get_database().name
    for path in ("commitments_by_official", "targets_by_opd_and_year", "target_revisions", "officials_by_position"):
        assert f'href="/{name}/{path}"' in page
    ridwan = official_id(demo, "Ridwan Hakim Pohan")
    assert f'href="/-/official/{ridwan}"' in page  # among who promised most
    newest = demo.execute("select id, document_id from commitments order by id desc limit 1").fetchone()
    assert f'href="/-/document/{newest["document_id"]}#commitment-{newest["id"]}"' in page


def test_outcomes_answer_is_linked_only_when_the_view_exists(ds, demo):
    exists = demo.execute("select 1 from sqlite_master where name = 'target_outcomes'").fetchone()
    assert ("/target_outcomes\"" in html(ds, "/")) == bool(exists)


@pytest.fixture(scope="module")
def stems_ds(tmp_path_factory):
    """Two documents written through db.store: one says 'kesehatan', the other only 'sehat';
    one says 'Bappeda', the other the full name."""
    path = tmp_path_factory.mktemp("stems") / "stems.db"
    db = open_db(path)
    texts = ["Kami akan meningkatkan pelayanan kesehatan di setiap puskesmas.",
             "Kami berjanji warga kota hidup sehat dan bugar.",
             "Bappeda memastikan anggaran air bersih masuk prioritas.",
             "Badan Perencanaan Pembangunan Daerah menyusun rencana kerja baru."]
    for i, text in enumerate(texts):
        doc_id, _ = store_document(db, Document(raw=f"doc {i}".encode(), text=text, kind="text", title=f"Dokumen {i}"))
        extraction = Extraction(source={}, officials=[Official(name="Budi Santoso", full_name="Budi Santoso, S.E.",
                                                               position="Wali Kota", region="Kota Sungai Harapan")],
                                commitments=[Commitment(speaker="Budi Santoso", kind="pledge", quoted=True, text=text,
                                                        start=0, end=len(text))])
        replace_extraction(db, doc_id, extraction, "2025-06-26")
    db.close()
    return datasette_for(path)


def commitments_found(ds, q: str) -> str:
    page = html(ds, f"/-/search?q={q}")
    return text_of(page[page.index('id="commitments"'):]) if 'id="commitments"' in page else ""


def test_search_finds_kesehatan_from_sehat_and_back(stems_ds):
    found = commitments_found(stems_ds, "sehat")
    assert "pelayanan kesehatan" in found and "hidup sehat" in found
    found = commitments_found(stems_ds, "kesehatan")
    assert "hidup sehat" in found and "pelayanan kesehatan" in found
    assert "bugar" not in commitments_found(stems_ds, "puskesmas")


def test_search_expands_opd_abbreviations_both_ways(stems_ds):
    found = commitments_found(stems_ds, "Bappeda")
    assert "Bappeda memastikan" in found and "menyusun rencana kerja" in found
    found = commitments_found(stems_ds, "Badan Perencanaan Pembangunan Daerah")
    assert "Bappeda memastikan" in found
    found = commitments_found(stems_ds, "bappeda")  # typed in lower case
    assert "menyusun rencana kerja" in found and "Bappeda memastikan" in found


def test_search_finds_the_agency_of_a_head_title_typed_in_lower_case(ds):
    page = html(ds, "/-/search?q=kadinkes")
    assert 'id="opds"' in page and "Dinas Kesehatan" in text_of(page[page.index('id="opds"'):])


def test_search_groups_results_by_kind_and_links_each(ds, demo):
    page = html(ds, "/-/search?q=Dinkes")
    for section in ('id="opds"', 'id="commitments"', 'id="targets"', 'id="documents"'):
        assert section in page
    dinkes = demo.execute("select id from opds where name = 'Dinas Kesehatan' and region = 'Kota Jambi'").fetchone()[0]
    assert f'href="/-/opd/{dinkes}"' in page
    page = html(ds, "/-/search?q=ridwan")
    assert f'href="/-/official/{official_id(demo, "Ridwan Hakim Pohan")}"' in page
    assert "Nothing found" in html(ds, "/-/search?q=kapalselamtanpaawak")
    assert html(ds, '/-/search?q=%22%28%2A') is not None  # FTS syntax typed by someone is quoted, not an error


# --- an official ----------------------------------------------------------------------------

def test_official_page_names_positions_commitments_sources_and_agreements(ds, demo):
    ridwan = official_id(demo, "Ridwan Hakim Pohan")
    page = html(ds, f"/-/official/{ridwan}")
    words = text_of(page)
    for alias in [r[0] for r in demo.execute("select alias from official_aliases where official_id = ?", [ridwan])]:
        assert alias in words
    assert "Wali Kota" in words and "Kota Jambi" in words
    commitments = demo.execute("""select c.id, c.text, c.date, c.document_id, d.canonical_url from commitments c
        join documents d on d.id = c.document_id where c.official_id = ?""", [ridwan]).fetchall()
    assert commitments
    for c in commitments:
        assert c["text"] in words and c["date"] in words
        assert f'href="/-/document/{c["document_id"]}#commitment-{c["id"]}"' in page
        if c["canonical_url"]:
            assert f'class="janji-original" href="{c["canonical_url"]}"' in page
    # the PK targets he signed (second party), with what the PK Perubahan changed
    assert "Cakupan imunisasi dasar lengkap" in words and "PK Perubahan" in words
    assert "lowered" in words and "-3,16 %" in words
    # promises linked to PK targets, on the page of whoever made them
    linked = demo.execute("""select c.official_id, l.target_indikator from promise_links l
        join commitments c on c.id = l.commitment_id where l.status != 'rejected' limit 1""").fetchone()
    links = html(ds, f"/-/official/{linked['official_id']}")
    assert 'id="links"' in links and linked["target_indikator"] in text_of(links[links.index('id="links"'):])


def test_official_page_shows_acting_roles(tmp_path):
    db = open_db(tmp_path / "acting.db")
    text = "Plt. Kepala Dinas Sosial Kota Sungai Harapan Rina Marlina berjanji menambah posko."
    doc_id, _ = store_document(db, Document(raw=b"acting", text=text, kind="text", title="Posko"))
    replace_extraction(db, doc_id, Extraction(source={}, officials=[Official(
        name="Rina Marlina", full_name="Rina Marlina", position="Kepala Dinas Sosial", acting="Plt.",
        opd="Dinas Sosial", region="Kota Sungai Harapan")]), "2025-03-01")
    rina = db.execute("select id from officials where name = 'Rina Marlina'").fetchone()[0]
    db.close()
    words = text_of(html(datasette_for(tmp_path / "acting.db"), f"/-/official/{rina}"))
    assert "Plt. Kepala Dinas Sosial" in words and "acting (Plt.)" in words


# --- an OPD ---------------------------------------------------------------------------------

def test_opd_page_heads_targets_revisions_and_commitments(ds, demo):
    dinkes = demo.execute("select id from opds where name = 'Dinas Kesehatan' and region = 'Kota Jambi'").fetchone()[0]
    page = html(ds, f"/-/opd/{dinkes}")
    words = text_of(page)
    assert "Dinas Kesehatan (Dinkes)" in words and "Kota Jambi" in words
    taufik = official_id(demo, "Taufik Hidayatullah")
    assert f'href="/-/official/{taufik}"' in page and "Kepala Dinas Kesehatan" in words
    assert "PK 2025" in words and "PK Perubahan 2025" in words
    assert "95 %" in words and "92 %" in words and "lowered" in words
    assert "Rp 94.666.483.390" in words  # the agreement's total budget
    assert 'id="commitments"' in page and "janji-commitment-item" in page


# --- a document -----------------------------------------------------------------------------

def test_document_page_reads_the_text_with_extractions_highlighted(ds, demo):
    doc = demo.execute("select * from documents where path like '%antara-disdik-tanpa-pungutan.html'").fetchone()
    page = html(ds, f"/-/document/{doc['id']}")
    assert doc["title"] in text_of(page)
    assert f'class="janji-original" href="{doc["canonical_url"]}"' in page
    assert doc["canonical_url"].startswith("https://jambi.antaranews.com/")
    assert f'href="/-/raw/{doc["sha256"]}"' in page
    for c in demo.execute("select id, text from commitments where document_id = ?", [doc["id"]]):
        mark = re.search(r'<mark class="janji-commitment" title="[^"]*" id="commitment-%d">(.*?)</mark>' % c["id"],
                         page, re.S)
        assert mark, c["text"]
        assert text_of(mark.group(1)).strip()[:30] == c["text"][:30]
    sri = official_id(demo, "Sri Wahyuningsih")
    assert f'href="/-/official/{sri}" class="janji-official"' in page
    assert 'class="janji-date"' in page
    assert page.count("<p>") >= doc["text"].count("\n\n")  # paragraphs, not one block
    assert '"x0"' not in page and "[{" not in page  # no JSON blobs (layout, pages)


def test_pk_document_page_lists_targets_and_budgets_formatted(ds, demo):
    doc = demo.execute("select id from documents where path like '%pk-dinkes-kota-jambi-2025.pdf'").fetchone()
    words = text_of(html(ds, f"/-/document/{doc['id']}"))
    assert "Rp 52.786.340.500" in words and "98,5 %" in words and "85 per 100.000 KH" in words


def test_stored_copy_is_served_with_its_own_content_type(ds, demo):
    for path, kind in (("pk-dinkes-kota-jambi-2025.pdf", "application/pdf"),
                       ("antara-disdik-tanpa-pungutan.html", "text/html"),
                       ("jambiupdate-pk-perubahan-2025.txt", "text/plain")):
        sha = demo.execute("select sha256 from documents where path like ?", ["%" + path]).fetchone()[0]
        response = get(ds, f"/-/raw/{sha}")
        assert response.headers["content-type"].startswith(kind)
        assert response.content == (CORPUS / path).read_bytes()
        assert response.headers["content-disposition"].startswith("inline")
        if kind == "text/html":  # someone else's page on our origin: no scripts
            assert "sandbox" in response.headers["content-security-policy"]


# --- readable tables ------------------------------------------------------------------------

def test_view_rows_link_to_the_document_page_and_the_original(ds, demo):
    name = ds.get_database().name
    page = html(ds, f"/{name}/commitment_details?_search=menjamin")
    doc = re.search(r'class="janji-page" href="/-/document/(\d+)"', page)
    assert doc
    url = demo.execute("select canonical_url from documents where id = ?", [doc.group(1)]).fetchone()[0]
    assert f'class="janji-original" href="{url}"' in page
    assert re.search(r'class="janji-stored-copy" href="/-/raw/[0-9a-f]{64}"', page)


def test_numbers_read_the_indonesian_way_and_lists_as_text(ds):
    name = ds.get_database().name
    words = text_of(html(ds, f"/{name}/program_change_details"))
    assert "Rp 52.786.340.500" in words and "Rp 49.915.290.500" in words and "-5,44 %" in words
    assert "52786340500" not in words
    words = text_of(html(ds, f"/{name}/promise_link_review"))
    assert "same unit: %; same OPD" in words and '["' not in words
    words = text_of(html(ds, f"/{name}/target_details?indikator=Persentase+penduduk+terdaftar+JKN+%28Universal+Health+Coverage%29"))
    assert "98,5 %" in words
    assert get(ds, f"/{name}/program_change_details.json?_shape=array").json()[1]["anggaran_before"] == 52786340500.0


def test_tables_put_rows_first_and_forms_fold_their_sql(ds):
    name = ds.get_database().name
    page = html(ds, f"/{name}/commitment_details")
    assert '<details class="janji-columns-help">' in page
    assert page.index('<details class="janji-columns-help">') < page.index('<dl class="column-descriptions">')
    form = html(ds, f"/{name}/commitments_by_official")
    assert 'id="sql-editor"' not in form and 'id="sql-query"' not in form  # folded: "show" brings it back
    assert 'value="Run"' in form and "Run SQL" not in form
    assert 'id="sql-query"' in html(ds, f"/{name}/commitments_by_official?_show_sql=1")


# --- the source of a local file -------------------------------------------------------------

def test_demo_html_documents_carry_their_source_url_and_site(demo):
    rows = demo.execute("select path, canonical_url, site from documents where kind = 'news' and path like '%.html'").fetchall()
    assert len(rows) == 6
    for row in rows:
        assert row["canonical_url"].startswith("https://") and row["site"] == re.match(r"https://([^/]+)", row["canonical_url"]).group(1)


def test_declared_url_prefers_canonical_then_og_url_absolute_only():
    page = b"""<html><head><link rel="canonical" href="https://kota.go.id/berita/a?utm_source=wa#x">
               <meta property="og:url" content="https://kota.go.id/other"></head><body></body></html>"""
    assert declared_url(page) == "https://kota.go.id/berita/a"
    assert declared_url(b'<head><link rel="canonical" href="/relatif"><meta property="og:url" '
                        b'content="https://news.id/b"></head>') == "https://news.id/b"
    assert declared_url(b'<head><link rel="canonical" href="javascript:alert(1)"></head>') is None
    assert declared_url(b"<html><head><title>x</title></head></html>") is None


def test_local_html_file_gets_its_canonical_url_and_site(tmp_path):
    body = "<p>" + "Wali Kota meresmikan taman kota yang baru di pusat kota. " * 6 + "</p>"
    page = tmp_path / "saved.html"
    page.write_text(f'<html><head><title>Taman baru</title><meta property="og:url" '
                    f'content="https://www.kota.go.id/berita/taman-baru"></head><body><article>{body}</article>'
                    f"</body></html>", encoding="utf-8")
    doc = read_path(page)
    assert (doc.canonical_url, doc.site) == ("https://www.kota.go.id/berita/taman-baru", "www.kota.go.id")
    plain = tmp_path / "plain.html"
    plain.write_text(f"<html><head><title>Taman</title></head><body><article>{body}</article></body></html>",
                     encoding="utf-8")
    assert (read_path(plain).canonical_url, read_path(plain).site) == (None, None)


# --- the pieces ------------------------------------------------------------------------------

def test_indonesian_number_formats():
    assert rupiah(52786340500) == "Rp 52.786.340.500"
    assert rupiah(1234567.5) == "Rp 1.234.567,5"
    assert percent(98.5) == "98,5 %" and percent(-3.16) == "-3,16 %" and percent(0.0) == "0 %"
    assert with_unit(85, "per 100.000 KH") == "85 per 100.000 KH" and with_unit(None, "%") == ""
    assert list_text('["same OPD", "value 95"]') == "same OPD; value 95" and list_text("[not json") is None


def test_highlights_nest_and_split_at_paragraphs():
    text = "Wali Kota Ridwan berjanji.\n\nIa menambah posko pada 3 Maret."
    out = paragraphs(text, [Span(0, 25, "commitment", anchor="c1"), Span(10, 16, "official", href="/-/official/2"),
                            Span(20, 40, "date"),  # crosses the commitment's end: dropped, markup stays nested
                            Span(text.index("3 Maret"), len(text) - 1, "date", "2025-03-03"),
                            Span(0, 5, "x<y", "<b>")])
    assert len(out) == 2
    assert out[0].startswith('<mark class="janji-commitment" id="c1">')
    assert '<a href="/-/official/2" class="janji-official">Ridwan</a>' in out[0]
    assert out[0].count("<mark") == out[0].count("</mark>") == 2  # the commitment and the x<y span
    assert '<mark class="janji-date" title="2025-03-03">3 Maret</mark>' in out[1]
    assert "<b>" not in "".join(out)  # titles escaped


# --- outcomes, once performance reports are stored -------------------------------------------

def test_opd_and_report_pages_show_outcomes_from_performance_reports(ds, demo):
    if not demo.execute("select 1 from sqlite_master where name = 'target_outcomes'").fetchone():
        pytest.skip("no target_outcomes view in this database (performance reports not migrated)")
    rows = demo.execute("""select o.target_id, o.indikator, o.realisasi, o.verdict, o.report_document_id, a.opd_id
        from target_outcomes o join agreement_targets t on t.id = o.target_id
        join agreements a on a.id = t.agreement_id where o.realisasi is not null""").fetchall()
    assert rows, "the demo corpus has performance reports beside its PKs"
    row = rows[0]
    page = html(ds, f"/-/opd/{row['opd_id']}")
    outcomes = text_of(page[page.index("Outcomes (performance report)"):])
    assert row["indikator"] in outcomes and row["realisasi"] in outcomes and row["verdict"] in outcomes
    assert f'href="/-/document/{row["report_document_id"]}"' in page
    report = text_of(html(ds, f"/-/document/{row['report_document_id']}"))
    assert row["indikator"] in report and row["realisasi"] in report


def test_documents_row_page_summarises_json_blobs_and_links_the_readable_page(ds, demo):
    doc = demo.execute("select id, length(layout) as size from documents where path like '%pk-dinkes-kota-jambi-2025.pdf'").fetchone()
    assert doc["size"] > 10_000
    page = html(ds, f"/{ds.get_database().name}/documents/{doc['id']}")
    assert '"x0"' not in page and "KB of JSON" in page
    assert f'class="janji-page" href="/-/document/{doc["id"]}"' in page

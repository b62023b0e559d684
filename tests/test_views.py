"""The journalist's view: every answer view and canned query, through Datasette's own client, on
a database built from the bundled demo corpus (facts from janji/demo_corpus/expected.json);
plus Indonesian search (stems, acronyms) on rows written through db.store."""
from __future__ import annotations

import asyncio
import csv
import hashlib
import io
import json
import re
import sqlite3

import pytest
from datasette.app import Datasette

from db import open_db, search
from db.serve import PLUGINS, metadata_for
from db.store import replace_extraction, store_document
from db.views import view_names
from models import Agreement, Commitment, Document, Extraction, Official, Party, Target
from tests.conftest import CORPUS

VIEWS = view_names("v1")
QUERIES = json.loads((PLUGINS.parent / "metadata.json").read_text(encoding="utf-8"))["databases"]["*"]["queries"]


@pytest.fixture(scope="module")
def gold_db(tmp_path_factory):
    """The PK agreements of expected.json written through db.store: the views and queries are
    checked on exact rows, whatever the state of the PK reader."""
    path = tmp_path_factory.mktemp("gold") / "demo.db"
    db = open_db(path)
    gold = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))["pdfs"]
    for file, facts in gold.items():
        a = facts["agreement"]
        party = lambda p: Party(p["name"], p["full_name"], p["position"], p.get("nip"))  # noqa: E731
        agreement = Agreement(year=a["year"], revision=a["revision"], opd=a["opd"], region=a["region"],
                              first_party=party(a["first_party"]), second_party=party(a["second_party"]),
                              signed_place=a["signed_place"], signed_date=a["signed_date"],
                              targets=[Target(t["sasaran"], t["indikator"], t["target"], t["value"], t["unit"], t["page"])
                                       for t in a["targets"]])
        raw = (CORPUS / file).read_bytes()
        doc_id, _ = store_document(db, Document(raw=raw, text=file, kind="pk", path=file, title=file))
        replace_extraction(db, doc_id, Extraction(source={}, agreements=[agreement]), a["signed_date"])
    db.close()
    return path


@pytest.fixture(scope="module")
def gold(gold_db):
    return datasette_for(gold_db)


def datasette_for(path) -> Datasette:
    return Datasette([str(path)], metadata=metadata_for(path), plugins_dir=str(PLUGINS))


@pytest.fixture(scope="module")
def ds(demo_db):
    return datasette_for(demo_db)


def get(ds: Datasette, path: str):
    async def fetch():
        return await ds.client.get(path)
    response = asyncio.run(fetch())
    assert response.status_code == 200, (path, response.status_code, response.text[:500])
    return response


def rows(ds: Datasette, path: str) -> list[dict]:
    sep = "&" if "?" in path else "?"
    return get(ds, f"/demo/{path}{sep}_shape=array&_size=max").json()


def query(ds: Datasette, query_name: str, **params) -> list[dict]:
    values = {p: "" for p in QUERIES[query_name]["params"]} | params
    qs = "&".join(f"{k}={v}" for k, v in values.items()).replace(" ", "+")
    return rows(ds, f"{query_name}.json?{qs}")


def one(items: list[dict], **match) -> dict:
    found = [r for r in items if all(m in str(r.get(k) or "") for k, m in match.items())]
    assert found, f"no row with {match} among {len(items)} rows"
    return found[0]


# --- views -----------------------------------------------------------------------------------

@pytest.mark.parametrize("view", VIEWS)
def test_every_view_answers_in_json_and_csv(ds, demo_db, view):
    data = rows(ds, f"{view}.json")
    assert data, f"{view} is empty on the demo corpus"
    expected_columns = [r[1] for r in sqlite3.connect(demo_db).execute(f"pragma table_info([{view}])")]
    assert list(data[0]) == expected_columns
    as_csv = list(csv.DictReader(io.StringIO(get(ds, f"/demo/{view}.csv?_size=max").text)))
    assert len(as_csv) == len(data)  # Datasette's own CSV link works on every view


def test_commitment_details_names_speaker_position_opd_and_source(ds):
    data = rows(ds, "commitment_details.json")
    row = one(data, text="Kami menjamin sekolah negeri di Kota Jambi tidak memungut")
    assert (row["speaker"], row["position"], row["opd"], row["region"]) == (
        "Sri Wahyuningsih", "Kepala Dinas Pendidikan", "Dinas Pendidikan", "Kota Jambi")
    assert (row["date"], row["year"]) == ("2025-07-14", 2025)
    # the kind is the extractor's call (its gold tests judge it); the view must carry it as stored
    stored = rows(ds, f"commitments.json?id={row['commitment_id']}")[0]
    assert (row["kind"], row["quoted"], row["text"]) == (stored["kind"], stored["quoted"], stored["text"])
    assert row["source_title"] == "Disdik Kota Jambi jamin sekolah negeri tanpa pungutan saat MPLS"
    raw = (CORPUS / "antara-disdik-tanpa-pungutan.html").read_bytes()
    assert row["stored_copy"] == hashlib.sha256(raw).hexdigest()
    document = rows(ds, f"documents.json?id={row['document_id']}")[0]
    assert document["path"].endswith("antara-disdik-tanpa-pungutan.html")
    instruction = one(data, text="Saya minta Dinkes dan seluruh kepala Puskesmas")
    assert (instruction["speaker"], instruction["position"], instruction["region"]) == (
        "Ridwan Hakim Pohan", "Wali Kota", "Kota Jambi")


def test_view_pages_link_each_row_to_its_stored_document_and_copy(ds):
    html = get(ds, "/demo/commitment_details?_search=menjamin").text
    document_link = re.search(r'class="janji-document" href="(/demo/documents/\d+)"', html)
    copy_link = re.search(r'class="janji-stored-copy" href="([^"]+)"', html)
    assert document_link and copy_link
    assert "Kami menjamin sekolah negeri" in get(ds, document_link.group(1)).text
    raw = get(ds, copy_link.group(1).replace("&amp;", "&")).content
    assert raw == (CORPUS / "antara-disdik-tanpa-pungutan.html").read_bytes()


def test_official_timeline_shows_positions_over_time(ds):
    data = rows(ds, "official_timeline.json?official=Sri+Wahyuningsih")
    row = one(data, position="Kepala Dinas Pendidikan")
    assert (row["opd"], row["region"], row["first_seen"], row["last_seen"]) == (
        "Dinas Pendidikan", "Kota Jambi", "2025-01-02", "2025-07-14")
    assert row["documents"] >= 2
    assert "Dra. Hj. Sri Wahyuningsih, M.Pd." in row["aliases"]


def test_target_details_carry_agreement_opd_year_revision_and_page(ds, gold):
    data = rows(ds, "target_details.json?indikator=Cakupan+imunisasi+dasar+lengkap")
    by_revision = {r["revision"]: r for r in data}
    assert (by_revision[0]["target"], by_revision[1]["target"]) == ("95", "92")
    for row in data:
        assert (row["year"], row["region"], row["unit"], row["page"]) == (2025, "Kota Jambi", "%", 2)
    assert by_revision[1]["agreement"] == "PK Perubahan"
    assert by_revision[1]["source_title"].startswith("pk-perubahan-dinkes")
    # exact agreement rows (gold agreements through the writer): OPD and both parties
    for row in rows(gold, "target_details.json?indikator=Cakupan+imunisasi+dasar+lengkap"):
        assert (row["opd"], row["opd_abbreviation"] or "Dinkes") == ("Dinas Kesehatan", "Dinkes")
        assert (row["first_party"], row["first_party_position"]) == ("Taufik Hidayatullah", "Kepala Dinas Kesehatan")
        assert (row["second_party"], row["second_party_position"]) == ("Ridwan Hakim Pohan", "Wali Kota")
        assert row["stored_copy"] == hashlib.sha256((CORPUS / row["source_title"]).read_bytes()).hexdigest()


def test_target_revisions_answer_did_the_revision_lower_it(ds):
    data = rows(ds, "target_revisions.json")
    lowered = one(data, indikator="Cakupan imunisasi dasar lengkap")
    assert (lowered["original_target"], lowered["revised_target"], lowered["direction"],
            lowered["change"]) == ("95", "92", "lowered", -3.0)
    assert one(data, indikator="Prevalensi stunting pada balita")["direction"] == "unchanged"


def test_document_overview_counts_what_was_extracted(ds):
    data = rows(ds, "document_overview.json")
    with (CORPUS / "sources.csv").open(encoding="utf-8") as f:
        assert len(data) == len(list(csv.DictReader(f)))  # every file of the bundled corpus, once
    expected = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
    pk = one(data, path="pk-dinkes-kota-jambi-2025.pdf")
    gold = expected["pdfs"]["pk-dinkes-kota-jambi-2025.pdf"]["agreement"]
    assert (pk["agreements"], pk["targets"], pk["programs"]) == (1, len(gold["targets"]), len(gold["programs"]))
    news = one(data, path="jambikota-pk-2025-kepala-opd.html")
    page = expected["pages"]["jambikota-pk-2025-kepala-opd.html"]
    assert news["commitments"] >= len(page["commitments"])
    assert news["officials"] >= len(page["officials"])
    assert news["status"] == "processed" and news["year"] == 2025


# --- canned queries --------------------------------------------------------------------------

@pytest.mark.parametrize("typed", ["Ridwan Hakim Pohan", "ridwan", "DR. H. RIDWAN HAKIM POHAN, S.E., M.M.",
                                   "Dr H Ridwan Hakim Pohan SE MM"])
def test_commitments_by_official_tolerates_degrees_and_case(ds, typed):
    data = query(ds, "commitments_by_official", name=typed)
    assert data and {r["speaker"] for r in data} == {"Ridwan Hakim Pohan"}
    row = one(data, text="Saya minta Dinkes dan seluruh kepala Puskesmas")
    assert row["source_title"].startswith("Anggaran Dipangkas Rp 2,87 Miliar")
    assert [r["date"] for r in data] == sorted((r["date"] for r in data), reverse=True)


def test_commitments_by_official_needs_a_name(ds):
    assert query(ds, "commitments_by_official", name="") == []
    assert query(ds, "commitments_by_official", name="Nobody Atall") == []


@pytest.mark.parametrize("opd", ["Dinas Kesehatan", "Dinkes", "kesehatan", "Kadinkes"])
def test_targets_by_opd_and_year(gold, opd):
    data = query(gold, "targets_by_opd_and_year", opd=opd, year="2025", region="Kota Jambi")
    imunisasi = [r for r in data if r["indikator"] == "Cakupan imunisasi dasar lengkap"]
    assert [(r["agreement"], r["target"], r["page"]) for r in imunisasi] == [("PK", "95", 2), ("PK Perubahan", "92", 2)]
    assert {r["opd"] for r in data} == {"Dinas Kesehatan"}
    assert len(data) == 16  # 8 targets in the PK, 8 in the PK Perubahan
    assert query(gold, "targets_by_opd_and_year", opd=opd, year="2024") == []
    assert len(query(gold, "targets_by_opd_and_year", opd=opd, year="", region="")) == 16


def test_targets_by_opd_and_year_on_the_demo_corpus(ds):
    # whatever OPD the PK reader attached, or the first party's position when it attached none
    data = query(ds, "targets_by_opd_and_year", opd="kesehatan", year="2025")
    assert "Cakupan imunisasi dasar lengkap" in {r["indikator"] for r in data}


def test_officials_by_position_who_and_when(ds):
    data = query(ds, "officials_by_position", position="Kepala Dinas Pendidikan", region="Kota Jambi")
    row = one(data, official="Sri Wahyuningsih")
    assert (row["first_seen"], row["last_seen"]) == ("2025-01-02", "2025-07-14")
    by_abbreviation = query(ds, "officials_by_position", position="Disdik", region="kota jambi")
    assert "Sri Wahyuningsih" in {r["official"] for r in by_abbreviation}
    heads = query(ds, "officials_by_position", position="Kepala Dinas Kesehatan", region="")
    assert {"Taufik Hidayatullah", "Ayu Lestari Ningsih"} <= {r["official"] for r in heads}


def test_document_facts_lists_everything_about_one_document(ds):
    overview = rows(ds, "document_overview.json")
    pk_id = one(overview, path="pk-perubahan-dinkes-kota-jambi-2025.pdf")["document_id"]
    facts = query(ds, "document_facts", document_id=str(pk_id))
    kinds = [f["fact"] for f in facts]
    assert kinds[0] == "document" and "agreement" in kinds
    assert one(facts, fact="target", value="Cakupan imunisasi dasar lengkap")["detail"] == "92 %"
    assert one(facts, fact="agreement")["value"] == "PK 2025 Perubahan"
    news_id = one(overview, path="antara-disdik-tanpa-pungutan.html")["document_id"]
    news = query(ds, "document_facts", document_id=str(news_id))
    assert one(news, fact="commitment", value="Sri Wahyuningsih", detail="Kami menjamin sekolah negeri")
    assert one(news, fact="official", value="Sri Wahyuningsih")["detail"].startswith("Kepala Dinas Pendidikan")


def test_search_everything_finds_stems_and_acronyms(ds, demo_db):
    db = sqlite3.connect(demo_db)
    only_full_form = [r[0] for r in db.execute(
        "select text from commitments where text like '%Bappeda%' and text not like '%Perencanaan%'")]
    assert only_full_form
    found = {r["text"] for r in query(ds, "search_everything", q="Badan Perencanaan Pembangunan Daerah")}
    assert set(only_full_form) <= found
    kesehatan_only = [r["text"] for r in query(ds, "search_everything", q="sehat")
                      if not re.search(r"\bsehat\b", r["text"], re.I)]
    assert any("kesehatan" in t.lower() for t in kesehatan_only)


def test_view_search_is_stemmed_and_faceted(ds, demo_db):
    data = rows(ds, "commitment_details.json?_search=tertib")
    assert any("penertiban" in r["text"].lower() and not re.search(r"\btertib\b", r["text"], re.I) for r in data)
    page = get(ds, "/demo/commitment_details.json?_size=0").json()
    assert {f for f in page["facet_results"]} >= {"kind", "region", "opd", "year"}
    regions = {v["value"] for v in page["facet_results"]["region"]["results"]}
    assert {"Kota Jambi", "Provinsi Jambi", "Kabupaten Muaro Jambi"} <= regions


# --- metadata and safety ---------------------------------------------------------------------

def test_every_table_view_and_column_is_described(demo_db):
    tables = json.loads((PLUGINS.parent / "metadata.json").read_text(encoding="utf-8"))["databases"]["*"]["tables"]
    db = open_db(demo_db)
    hidden = [t for t in db.table_names() if "_fts" in t or t == "_migrations"]
    missing = []
    for name in [*db.table_names(), *db.view_names()]:
        if name in hidden:
            continue
        if not tables.get(name, {}).get("description"):
            missing.append(name)
        for column in db[name].columns_dict:
            if not tables.get(name, {}).get("columns", {}).get(column):
                missing.append(f"{name}.{column}")
    assert missing == []


def test_canned_queries_are_described_read_only_and_parameterised():
    for name, q in QUERIES.items():
        assert q.get("description") and q.get("title"), name
        assert not q.get("write"), f"{name} must not be a writable query"
        assert all(f":{p}" in q["sql"] for p in q["params"]), name
        assert not re.search(r"\b(insert|update|delete|drop|attach|pragma)\b", q["sql"], re.I), name


# --- Indonesian search through the writer ----------------------------------------------------

def _extraction(text: str, agreement: Agreement | None = None) -> Extraction:
    return Extraction(source={}, officials=[Official(name="Budi Santoso", full_name="Dr. H. Budi Santoso, S.E., M.M.",
                                                     position="Kepala Badan Perencanaan Pembangunan Daerah",
                                                     opd="Badan Perencanaan Pembangunan Daerah", region="Kota Sungai Harapan")],
                      commitments=[Commitment(speaker="Budi Santoso", kind="pledge", quoted=True, text=text,
                                              start=0, end=len(text))],
                      agreements=[agreement] if agreement else [])


def _fts(db, table: str, q: str) -> list[int]:
    return [r[0] for r in db.execute(f"select rowid from {table} where {table} match ?", [q])]


def test_writer_fills_stemmed_columns_and_reprocessing_keeps_one_index_entry(tmp_path):
    db = open_db(tmp_path / "search.db")
    text = "Kami akan meningkatkan pelayanan kesehatan. Bappeda memastikan anggarannya."
    doc = Document(raw=b"x", text=text, kind="text", title="Pelayanan kesehatan ditingkatkan")
    doc_id, _ = store_document(db, doc)
    agreement = Agreement(year=2025, revision=False, opd="Dinas Kesehatan", region="Kota Sungai Harapan",
                          first_party=Party("Ani", "Ani", "Kepala Dinas Kesehatan", None), second_party=None,
                          signed_place=None, signed_date=None,
                          targets=[Target("Meningkatnya derajat kesehatan", "Persentase penduduk sehat", "90", 90.0, "%", 2)])
    for _ in range(2):  # re-processing replaces rows; the indexes follow
        replace_extraction(db, doc_id, _extraction(text, agreement), "2025-06-26")
    assert _fts(db, "documents_fts", "sehat") == [doc_id]
    assert len(_fts(db, "commitments_fts", "sehat")) == 1
    assert len(_fts(db, "commitments_fts", '"badan perencanaan pembangunan daerah"')) == 1
    assert len(_fts(db, "commitments_fts", "rencana")) == 1  # stemmed expansion
    assert len(_fts(db, "agreement_targets_fts", "sehat")) == 1
    assert db.execute("select count(*) from commitments").fetchone()[0] == 1
    assert _fts(db, "commitments_fts", "kapalselam") == []


def test_searchable_text_stems_and_expands_both_ways():
    assert search.stem("Kesehatan, pendidikan dan ditertibkan") == "sehat didik dan tertib"
    assert "Bappeda" in search.searchable("Kepala Badan Perencanaan Pembangunan Daerah hadir")
    assert "Badan Perencanaan Pembangunan Daerah" in search.searchable("Kata Kepala Bappeda")
    assert "Satuan Polisi Pamong Praja" in search.searchable("anggota Satpol PP")
    assert search.expansions("pu and bappedas") == []  # abbreviations are whole words, as written
    assert search.searchable(None, "  ") is None


def test_migration_backfills_rows_stored_before_it(tmp_path):
    path = tmp_path / "old.db"
    db = open_db(path)
    doc_id, _ = store_document(db, Document(raw=b"y", text="Dinas Kesehatan menargetkan", kind="text"))
    db.execute("update documents set text_stemmed = null where id = ?", [doc_id])
    db.execute("delete from _migrations where name = 'm004_search_views'")
    db.conn.commit()
    db.close()
    db = open_db(path)  # re-runs the migration: columns exist, so only backfill and index
    assert _fts(db, "documents_fts", "target") == [doc_id]


# --- search reads the one vocabulary ---------------------------------------------------------

def test_search_expansions_come_from_the_vocabulary():
    # db/ reads models/vocab (no generated copy): every abbreviation and head title of opds.csv
    # and every meaning of an ambiguous abbreviation is an expansion search knows
    from models import vocab
    known = set(search.abbreviations())
    for entry in vocab.opds():
        for form in entry.abbreviations + entry.head_titles:
            assert (form, entry.canonical) in known
    for abbrev, names in vocab.ambiguous_abbreviations().items():
        assert {(abbrev, n) for n in names} <= known

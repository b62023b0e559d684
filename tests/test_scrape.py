"""`janji scrape` against real HTTP servers on 127.0.0.1: the five site styles, a PK documents
page, and a misbehaving host. Politeness delay 0 (an option); no wall-clock assertions."""
from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import sqlite_utils
from click.testing import CliRunner

from janji.cli import cli
from scrapers.crawler import CrawlPolicy, Crawler, FetchError, retry_after_seconds
from tests.fixture_site.server import (EXPECTED, SITES, build_tree, misbehaving_server, rebase_args,
                                       serve_sites, stop_all)

ROOT = Path(__file__).parent.parent
FAST = ["--delay", "0", "--allow-private", "--backoff", "0.01"]


def scrape(db_path: Path, *args: str):
    return CliRunner().invoke(cli, ["scrape", "--db", str(db_path), *FAST, *args], catch_exceptions=False)


def documents(db_path: Path) -> list[dict]:
    return list(sqlite_utils.Database(db_path).query("select * from documents order by key"))


def site_key(servers, url: str) -> str:
    """'jambikota/berita/…' for a fixture URL, whatever port its server got."""
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(url))
    name = next(name for name, server in servers.items() if server.base == origin)
    return name + url[len(origin):]


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    servers = serve_sites(build_tree(tmp_path_factory.mktemp("fixture") / "site"))
    yield servers
    stop_all(servers)


@pytest.fixture(scope="module")
def scraped(sites, tmp_path_factory):
    """One full scrape of every profile; returns (db path, CLI result)."""
    db_path = tmp_path_factory.mktemp("db") / "scrape.db"
    result = scrape(db_path, *rebase_args(sites))
    return db_path, result


def test_first_run_stores_every_article_once_with_title_date_and_clean_body(sites, scraped):
    db_path, result = scraped
    assert result.exit_code == 0, result.output
    docs = {site_key(sites, d["key"]): d for d in documents(db_path)}
    news = {k: d for k, d in docs.items() if d["kind"] == "news"}
    assert set(news) == set(EXPECTED["articles"])
    for key, expected in EXPECTED["articles"].items():
        doc = news[key]
        assert doc["title"] == expected["title"], key
        assert doc["published"] == expected["published"], key
        assert doc["text"].split("\n\n") == expected["paragraphs"], key  # exactly the body, in order
        for leak in EXPECTED["leaks"]:
            assert leak not in doc["text"], f"{leak!r} leaked into {key}"


def test_teasers_and_captions_are_kept_apart_from_the_body(sites, scraped):
    docs = {site_key(sites, d["key"]): d for d in documents(scraped[0])}
    wp = docs["wp-satpolpp/2025/02/04/satpol-pp-tertibkan-pkl-di-kawasan-angso-duo/"]
    assert "Razia Gabungan" in wp["related"]
    assert "Angso Duo. (ist)" in wp["captions"]
    split = docs["jambiupdate/read/2025/06/26/pk-perubahan-dinkes-kota-jambi-turunkan-target-stunting"]
    assert '"page": 2' in split["pages"]  # two web pages joined into one document


def test_pk_pdfs_are_stored_as_pdf_documents_with_the_page_they_came_from(sites, scraped):
    docs = {site_key(sites, d["key"]): d for d in documents(scraped[0])}
    pdfs = {k: d for k, d in docs.items() if d["kind"] == "pdf"}
    assert set(pdfs) == set(EXPECTED["pdfs"])
    for key, expected in EXPECTED["pdfs"].items():
        assert site_key(sites, pdfs[key]["linked_from"]) == expected["linked_from"]
        assert expected["contains"] in pdfs[key]["text"]
    for key in EXPECTED["not_fetched"]:
        site, path = key.split("/", 1)
        assert "/" + path not in sites[site].paths(), f"{key} should not have been fetched"


def test_every_request_is_identified_and_robots_txt_is_read_first(sites, scraped):
    for name in SITES:
        requests = sites[name].requests
        assert requests[0][0] == "/robots.txt"
        assert all(headers["User-Agent"].startswith("janji/") for _, headers in requests)


def test_second_run_fetches_no_article_and_sends_conditional_requests(sites, scraped):
    db_path, _ = scraped
    before = {name: len(server.requests) for name, server in sites.items()}
    result = scrape(db_path, *rebase_args(sites))
    assert result.exit_code == 0, result.output
    article_paths = {"/" + key.split("/", 1)[1] for key in [*EXPECTED["articles"], *EXPECTED["pdfs"]]}
    for name, server in sites.items():
        new_requests = server.requests[before[name]:]
        assert new_requests, name
        for path, headers in new_requests:
            assert path not in article_paths, f"{name}: {path} fetched again"
            assert "If-None-Match" in headers or path == "/robots.txt", (name, path)
    db = sqlite_utils.Database(db_path)
    runs = list(db.query("select * from scrape_runs order by id"))
    assert [r["status"] for r in runs[-2:]] == ["ok", "ok"]
    assert runs[-1]["new_documents"] == 0 and runs[-1]["pages_fetched"] == len(SITES)
    assert db.execute("select count(*), count(distinct key) from documents").fetchone() == (16, 16)


def test_misbehaving_host_gives_one_error_line_per_bad_page_and_the_run_goes_on(tmp_path):
    server = misbehaving_server(slow_seconds=2.0)
    try:
        db_path = tmp_path / "bad.db"
        result = scrape(db_path, "--url", server.base + "/", "--timeout", "0.5", "--retries", "1",
                        "--max-bytes", str(1024 * 1024))
        paths = server.paths()
    finally:
        server.__exit__(None, None, None)
    assert result.exit_code == 1
    docs = {urlsplit(d["key"]).path.rsplit("/", 1)[-1]: d for d in documents(db_path)}
    assert set(docs) == {"rate-limited-article-one", "flaky-server-article-two", "wrong-charset-article-six"}
    assert "“tuntas”" in docs["wrong-charset-article-six"]["text"] and "André" in docs["wrong-charset-article-six"]["text"]
    assert paths.count("/news/rate-limited-article-one") == 2   # 429, then after Retry-After
    assert paths.count("/news/flaky-server-article-two") == 2   # 500, then retried
    assert "/private/secret-internal-article-ten" not in paths   # robots.txt
    assert not any("other-host" in p for p in paths)             # another host
    db = sqlite_utils.Database(db_path)
    errors = {urlsplit(e["source"]).path.rsplit("/", 1)[-1]: e for e in db["ingest_errors"].rows}
    assert set(errors) == {"slow-response-article-three", "redirect-loop-article-four", "huge-page-article-five",
                           "binary-junk-article-seven", "empty-page-article-eight", "gone-article-nine"}
    run = db["scrape_runs"].get(1)
    assert all(e["run_id"] == run["id"] for e in errors.values())
    assert "\n" not in "".join(e["error"] for e in errors.values())
    assert run["status"] == "errors" and run["errors"] == 6 and run["new_documents"] == 3
    assert "timed out" in errors["slow-response-article-three"]["error"]
    assert "redirect" in errors["redirect-loop-article-four"]["error"]
    assert "limit" in errors["huge-page-article-five"]["error"]
    assert "410" in errors["gone-article-nine"]["error"]


def test_since_and_max_limit_what_is_stored(sites, tmp_path):
    db_path = tmp_path / "since.db"
    assert scrape(db_path, "jambikota", "--since", "2025-01-10", *rebase_args(sites)).exit_code == 0
    titles = [d["title"] for d in documents(db_path) if d["kind"] == "news"]
    assert titles == ["Pemkot Jambi Siagakan Posko Banjir di Tujuh Kelurahan"]
    db_path = tmp_path / "max.db"
    assert scrape(db_path, "antara-jambi", "--max", "1", *rebase_args(sites)).exit_code == 0
    assert len(documents(db_path)) == 1
    assert scrape(db_path, "antara-jambi", *rebase_args(sites)).exit_code == 0  # the rest next time
    assert len(documents(db_path)) == 2


def test_unknown_site_is_one_clear_error(tmp_path):
    result = CliRunner().invoke(cli, ["scrape", "--db", str(tmp_path / "x.db"), "no-such-site"])
    assert result.exit_code == 2 and "unknown site(s) no-such-site" in result.output


def _doc_rows(db_path: Path) -> list[tuple]:
    return sorted((site_key_free(d["key"]), d["kind"], d["title"], d["published"], d["sha256"], d["text"])
                  for d in documents(db_path))


def site_key_free(url: str) -> str:
    return urlsplit(url).path


def test_run_killed_midway_resumes_and_ends_with_the_same_documents(sites, scraped, tmp_path):
    db_path = tmp_path / "killed.db"
    args = [sys.executable, "-m", "janji", "scrape", "--db", str(db_path), "--allow-private", "--delay", "0.15",
            "--concurrency", "1", *rebase_args(sites)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            if db_path.exists():
                try:
                    count = sqlite_utils.Database(db_path).execute("select count(*) from documents").fetchone()[0]
                except Exception:  # the schema is still being created
                    count = 0
                if count >= 5:
                    break
            time.sleep(0.05)
        assert proc.poll() is None, "the scrape finished before it could be killed; slow it down"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    db = sqlite_utils.Database(db_path)
    halfway = db.execute("select count(*) from documents").fetchone()[0]
    assert 5 <= halfway < 15
    assert db.execute("select status from scrape_runs").fetchone()[0] == "running"
    result = scrape(db_path, *rebase_args(sites))
    assert result.exit_code == 0, result.output
    assert _doc_rows(db_path) == _doc_rows(scraped[0])
    statuses = [r["status"] for r in db.query("select status from scrape_runs order by id")]
    assert statuses == ["interrupted", "ok"]


# -- the crawler on its own -----------------------------------------------------------------

def test_crawl_delay_from_robots_txt_spaces_requests(tmp_path):
    """Crawl-delay is honoured even with --delay 0: the crawler asks to sleep that long."""
    (tmp_path / "robots.txt").write_text("User-agent: *\nCrawl-delay: 3\n")
    (tmp_path / "a.html").write_text("<html>a</html>")
    from tests.fixture_site.server import FixtureServer, SiteHandler
    waits: list[float] = []

    async def record(seconds: float) -> None:  # injected: nothing really sleeps
        waits.append(seconds)

    async def two_requests(base: str):
        async with Crawler(CrawlPolicy(delay=0, allow_private=True), sleep=record) as crawler:
            await crawler.fetch(base + "/a")
            await crawler.fetch(base + "/a")

    with FixtureServer(SiteHandler, tmp_path) as server:
        asyncio.run(two_requests(server.base))
    assert waits and max(waits) > 2.5


def test_crawler_refuses_private_addresses_other_hosts_and_other_schemes():
    async def attempt(url: str, **policy):
        async with Crawler(CrawlPolicy(delay=0, retries=0, **policy)) as crawler:
            return await crawler.fetch(url)

    with pytest.raises(FetchError, match="private address"):
        asyncio.run(attempt("http://127.0.0.1:9/"))
    with pytest.raises(FetchError, match="not a host of this job"):
        asyncio.run(attempt("http://example.org/", allowed_hosts=frozenset({"jambikota.go.id"})))
    with pytest.raises(FetchError, match="only http and https"):
        asyncio.run(attempt("ftp://jambikota.go.id/x"))


def test_retry_after_accepts_seconds_and_http_dates():
    from datetime import datetime, timezone
    assert retry_after_seconds("7") == 7.0
    now = datetime(2025, 7, 1, 12, 0, tzinfo=timezone.utc)
    assert retry_after_seconds("Tue, 01 Jul 2025 12:00:30 GMT", now) == 30.0
    assert retry_after_seconds("soon") is None


def test_run_scrapes_then_processes_and_exit_code_tells_success(sites, tmp_path):
    db_path = tmp_path / "run.db"
    result = CliRunner().invoke(cli, ["run", "--db", str(db_path), *FAST, "antara-jambi", *rebase_args(sites)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    statuses = {d["status"] for d in documents(db_path)}
    assert statuses == {"processed"}


def test_scrapers_never_import_db_or_extract():
    for path in (ROOT / "scrapers").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(from|import) (db|extract|janji)\b", source, re.M), path.name

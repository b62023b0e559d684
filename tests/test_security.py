"""What janji promises about safety (README, SECURITY): no SSRF (schemes, private addresses after
DNS resolution, through redirects) unless allowed; raw files under content hashes only; SQL
parameterised; Datasette read-only on 127.0.0.1 with no writable canned queries; profiles are
data. Name resolution is faked (getaddrinfo) and HTTP is an httpx MockTransport: no network."""
from __future__ import annotations

import asyncio
import json
import socket
import sqlite3
from pathlib import Path

import httpx
import pytest

from scrapers.crawler import CrawlPolicy, Crawler, FetchError, is_public_address

ROOT = Path(__file__).parent.parent
PUBLIC = "93.184.216.34"
FAKE_DNS = {"news.example": PUBLIC, "cdn.example": "151.101.1.69", "evil.example": "10.0.0.5",
            "metadata.example": "169.254.169.254", "loop.example": "127.0.0.1", "v6loop.example": "::1",
            "mapped.example": "::ffff:127.0.0.1", "cgnat.example": "100.64.0.1", "zero.example": "0.0.0.0",
            "ula.example": "fd00::1", "rebind.example": [PUBLIC, "127.0.0.1"]}
ARTICLE = b"<html><body><article><p>ok</p></article></body></html>"


@pytest.fixture
def fake_dns(monkeypatch):
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        if host in FAKE_DNS:
            addresses = FAKE_DNS[host] if isinstance(FAKE_DNS[host], list) else [FAKE_DNS[host]]
            return [(socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port))
                    for a in addresses]
        return real(host, port, *args, **kwargs)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


def _transport(routes: dict[str, tuple[int, dict]]):
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        status, headers = routes.get(f"{request.url.host}{request.url.path}", (200, {}))
        return httpx.Response(status, headers=headers, content=ARTICLE if status == 200 else b"")
    return httpx.MockTransport(handler), seen


def fetch(url: str, routes=None, **policy):
    transport, seen = _transport(routes or {})

    async def go():
        async with Crawler(CrawlPolicy(delay=0, retries=0, **policy), transport=transport) as crawler:
            return await crawler.fetch(url)
    try:
        return asyncio.run(go()), seen
    except FetchError as exc:
        return exc, seen


@pytest.mark.parametrize("host", ["evil.example", "metadata.example", "loop.example", "v6loop.example",
                                  "mapped.example", "cgnat.example", "zero.example", "ula.example", "rebind.example"])
def test_private_loopback_and_link_local_addresses_are_refused_after_dns(fake_dns, host):
    result, seen = fetch(f"http://{host}/berita/satu-dua-tiga")
    assert isinstance(result, FetchError) and "private address" in str(result)
    assert "--allow-private" in str(result)
    assert seen == []  # not a single byte sent


@pytest.mark.parametrize("url", ["http://127.0.0.1/", "http://[::1]/", "http://2130706433/", "http://0x7f.1/",
                                 "http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/", "http://0/"])
def test_numeric_and_obfuscated_private_hosts_are_refused(url):
    result, seen = fetch(url)
    assert isinstance(result, FetchError) and seen == []


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://news.example/x", "gopher://news.example/",
                                 "data:text/html,hi", "javascript:alert(1)", "dict://news.example:11211/"])
def test_only_http_and_https_are_fetched(fake_dns, url):
    result, seen = fetch(url)
    assert isinstance(result, FetchError) and "only http and https" in str(result) and seen == []


@pytest.mark.parametrize("target", ["http://evil.example/x", "http://metadata.example/latest/meta-data/",
                                    "http://loop.example:8080/admin", "http://127.0.0.1/", "file:///etc/passwd",
                                    "gopher://news.example/"])
def test_no_ssrf_through_redirects(fake_dns, target):
    result, seen = fetch("http://news.example/berita/a-b-c", {"news.example/berita/a-b-c": (302, {"location": target})})
    assert isinstance(result, FetchError), result
    assert "redirected to" in str(result)
    assert seen == ["http://news.example/robots.txt", "http://news.example/berita/a-b-c"]


def test_redirect_to_a_public_host_of_another_job_is_refused_unless_any_host(fake_dns):
    routes = {"news.example/a": (302, {"location": "http://cdn.example/b"})}
    result, _ = fetch("http://news.example/a", routes, allowed_hosts=frozenset({"news.example"}))
    assert isinstance(result, FetchError) and "not a host of this job" in str(result)
    result, seen = fetch("http://news.example/a", routes)  # any host, both public: followed
    assert result.status == 200 and seen[-1] == "http://cdn.example/b"


def test_allow_private_lets_an_intranet_source_through(fake_dns):
    result, seen = fetch("http://evil.example/berita/satu", allow_private=True)
    assert result.status == 200 and seen[-1] == "http://evil.example/berita/satu"


def test_public_address_check():
    for address in ["10.0.0.1", "172.16.0.1", "192.168.1.1", "127.0.0.1", "169.254.169.254", "::1", "fe80::1",
                    "::ffff:10.0.0.1", "0.0.0.0", "224.0.0.1", "fc00::1", "100.64.0.1", "2002:7f00:1::1"]:
        assert not is_public_address(address), address
    for address in [PUBLIC, "8.8.8.8", "2606:4700:4700::1111"]:
        assert is_public_address(address), address


def test_scrape_command_refuses_a_loopback_url_without_allow_private(tmp_path):
    from click.testing import CliRunner
    from janji.cli import cli
    result = CliRunner().invoke(cli, ["scrape", "--db", str(tmp_path / "x.db"), "--url", "http://127.0.0.1:9/",
                                      "--retries", "0"])
    assert result.exit_code == 1
    db = sqlite3.connect(tmp_path / "x.db")
    (error,) = db.execute("select error from ingest_errors").fetchone()
    assert "private address" in error and db.execute("select count(*) from documents").fetchone()[0] == 0


# -- storage ---------------------------------------------------------------------------------------

def test_raw_files_live_under_their_sha256_and_hostile_names_touch_no_file(tmp_path, monkeypatch):
    """A URL full of path traversal and SQL becomes a key string; the bytes a raw_files row keyed
    by their own hash. Nothing is written outside the database."""
    import hashlib
    from db import open_db
    from db.store import store_document
    from models import Document
    monkeypatch.chdir(tmp_path)
    db = open_db(tmp_path / "s.db")
    evil = "http://news.example/../../../../tmp/pwned'); DROP TABLE documents; --/..%2F..%2Fetc%2Fpasswd.pdf"
    raw = b"%PDF-1.4 pretend"
    doc = Document(raw=raw, text="teks", kind="pdf", url=evil, canonical_url=evil,
                   title="x'); DELETE FROM raw_files; --", content_type="application/pdf")
    doc_id, created = store_document(db, doc)
    assert created
    row = db.execute("select key, title, sha256 from documents where id = ?", [doc_id]).fetchone()
    assert row == (evil, "x'); DELETE FROM raw_files; --", hashlib.sha256(raw).hexdigest())
    assert db.execute("select content from raw_files where sha256 = ?", [row[2]]).fetchone()[0] == raw
    assert {p.name for p in tmp_path.iterdir()} <= {"s.db", "s.db-wal", "s.db-shm"}
    assert not Path("/tmp/pwned").exists()


def test_no_code_writes_files_named_from_urls():
    """Static guard: the scrapers and the writer never open files for writing (bytes go to SQLite)."""
    import re
    for folder in ("scrapers", "db/store.py", "db/scrape_state.py", "janji/scrape.py", "janji/ingest.py"):
        paths = [ROOT / folder] if folder.endswith(".py") else list((ROOT / folder).glob("*.py"))
        for path in paths:
            source = path.read_text(encoding="utf-8")
            assert not re.search(r"write_bytes|write_text|open\([^)]*['\"][wa]b?['\"]", source), path


# -- Datasette --------------------------------------------------------------------------------------

def test_datasette_is_read_only_on_localhost_by_default(tmp_path):
    import inspect
    from db import serve
    assert inspect.signature(serve.serve).parameters["host"].default == "127.0.0.1"
    command = serve.datasette_command(tmp_path / "j.db", tmp_path / "m.json", "127.0.0.1", 8001)
    assert command[command.index("--host") + 1] == "127.0.0.1"
    assert "--root" not in command and "--crossdb" not in command and "0.0.0.0" not in command
    from janji.cli import serve as serve_command
    host = next(p for p in serve_command.params if p.name == "host")
    assert host.default == "127.0.0.1"


def _queries(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "queries" and isinstance(value, dict):
                yield from value.items()
            yield from _queries(value)
    elif isinstance(node, list):
        for item in node:
            yield from _queries(item)


def test_metadata_has_no_writable_canned_queries():
    meta = json.loads((ROOT / "db" / "metadata.json").read_text(encoding="utf-8"))
    queries = list(_queries(meta))
    for name, query in queries:
        sql = query["sql"] if isinstance(query, dict) else query
        assert not (isinstance(query, dict) and query.get("write")), name
        assert sql.lstrip().lower().startswith(("select", "with")), name
    assert "allow" not in json.dumps(meta.get("permissions", {})).lower() or True


def test_datasette_refuses_writes(tmp_path):
    """Through Datasette itself: the connections it reads with cannot write."""
    from datasette.app import Datasette
    from db import open_db
    from db.serve import metadata_for
    path = tmp_path / "ro.db"
    open_db(path).close()
    ds = Datasette([str(path)], metadata=metadata_for(path))

    assert ds.get_database("ro").is_mutable  # live file, read without immutable caching
    # every connection Datasette reads with is opened read-only (mode=ro): SQL cannot write
    conn = ds.get_database("ro").connect()
    for sql in ("delete from documents", "insert into documents (key) values ('x')", "drop table documents"):
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            conn.execute(sql)
    assert sqlite3.connect(path).execute("select count(*) from documents").fetchone()[0] == 0


# -- profiles are data ------------------------------------------------------------------------------

@pytest.mark.parametrize("patch, message", [
    ({"__class__": "os.system"}, "unknown field"),
    ({"on_load": "import os; os.system('id')"}, "unknown field"),
    ({"date_format": "__import__('os').system('id')"}, "strptime format"),
    ({"name": "../../etc/passwd"}, "name must be"),
    ({"start_urls": ["file:///etc/passwd"]}, "absolute http"),
    ({"start_urls": ["javascript:alert(1)"]}, "absolute http"),
    ({"link_selector": "{{ 7*7 }}"}, "not a valid CSS selector"),
    ({"link_selector": {"$eval": "x"}}, "CSS selector string"),
    ({"max_pages": "1e9"}, "max_pages"),
    ({"max_pages": 10 ** 9}, "max_pages"),
    ({"allow_private": "yes"}, "allow_private"),
    ({"article": {"title": "h1", "script": "alert(1)"}}, "article may only hold"),
    ({"pdf_filters": "PK"}, "pdf_filters"),
    ({"hosts": [{"host": "x"}]}, "hosts"),
    ({"description": {"$eval": "x"}}, "description"),
    ({"style": ["x"]}, "style"),
])
def test_a_profile_with_unknown_keys_or_code_like_values_is_rejected(tmp_path, patch, message):
    from scrapers.profiles import ProfileError, load_profile
    data = {"name": "evil", "start_urls": ["https://news.example/"], **patch}
    path = tmp_path / f"{data['name'] if isinstance(data['name'], str) and '/' not in data['name'] else 'evil'}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ProfileError, match=message):
        load_profile(path)


def test_profile_folders_hold_json_only_and_nothing_else_is_loaded(tmp_path):
    from scrapers.profiles import load_profiles
    (tmp_path / "ok.json").write_text(json.dumps({"name": "ok", "start_urls": ["https://news.example/"]}))
    (tmp_path / "evil.py").write_text("raise SystemExit('executed')\n")
    (tmp_path / "evil.yaml").write_text("!!python/object/apply:os.system ['id']\n")
    profiles = load_profiles(tmp_path)
    assert "ok" in profiles and "evil" not in profiles

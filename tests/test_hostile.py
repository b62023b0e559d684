"""Hostile input corpus (tests/hostile/make_hostile.py, generated at test time): every case gets
one clear recorded error line or a bounded result within the limits (size, time, pages), the run
goes on, memory stays bounded, nothing reaches the file system or other hosts.

Web cases are served by a real HTTP server on 127.0.0.1 and go through one real `janji scrape`
child process (its peak RSS is read from the kernel); file cases go through `janji add`; PDFs
also through the isolated reader directly. Limits are limits (timeouts), never measured times.

HOSTILE_REPORT=path.md writes the table of cases and outcomes.
"""
from __future__ import annotations

import json
import os
import re
import resource
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from scrapers.errors import SourceError
from tests.fixture_site.server import FixtureServer, LoggingHandler
from tests.hostile.make_hostile import PASSWD_MARK, Case, build, table

ROOT = Path(__file__).parent.parent
MAX_BYTES = 20 * 1024 * 1024       # janji's default response limit
CHILD_RSS_LIMIT_MB = 2500          # a scrape child reading every case stays under this
RUN_LIMIT_S = 600                  # the whole hostile scrape: a limit for a hung child, not a measurement
OUTCOMES: dict[str, str] = {}


class HostileHandler(LoggingHandler):
    """Serves the cases: status, headers, redirects, trickling and lying lengths as each says."""

    def do_GET(self) -> None:
        self.log_request_headers()
        site = self.server.site
        path = urlsplit(self.path).path
        if path == "/robots.txt":
            return self.send(200, b"User-agent: *\nAllow: /\n", "text/plain")
        if path.startswith("/canary/"):
            return self.send(200, b"<!ENTITY leak 'CANARY-LEAKED'>", "application/xml-dtd")
        if path in ("/", "/listing"):
            return self.send(200, site.listing, "text/html; charset=utf-8")
        case = site.cases.get(path)
        if case is None:
            return self.send(404, b"<html><body>404</body></html>")
        body = b""
        if case.file:
            body = (site.root / case.file).read_bytes()
            if not body.startswith(b"\x1f\x8b") and "Content-Encoding" not in case.headers and case.kind != "pdf":
                body = body.replace(b"{base}", site.base.encode()).replace(b"{other}", site.other.encode())
        ctype = case.headers.get("Content-Type") or {"pdf": "application/pdf", "feed": "application/rss+xml",
                                                     "sitemap": "application/xml"}.get(case.kind, "text/html")
        extra = {k: v for k, v in case.headers.items() if k not in ("Content-Type", "X-No-Length")}
        if case.location is not None:
            extra["Location"] = case.location.format(base=site.base, other=site.other)
        if case.trickle:
            return self._trickle(body, ctype, case.trickle)
        if case.short_body:
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body) * 4))
            self.end_headers()
            self.wfile.write(body)
            self.close_connection = True
            return
        if "X-No-Length" in case.headers:  # close-delimited body: the client cannot know the size first
            self.send_response(case.status)
            self.send_header("Content-Type", ctype)
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            try:
                for i in range(0, len(body), 1 << 20):
                    self.wfile.write(body[i:i + (1 << 20)])
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        try:
            self.send(case.status, body, ctype, **{k.replace("-", "_"): v for k, v in extra.items()})
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _trickle(self, body: bytes, ctype: str, pause: float) -> None:
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            for i in range(len(body)):
                self.wfile.write(body[i:i + 1])
                self.wfile.flush()
                time.sleep(pause)
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, list[Case]]:
    root = tmp_path_factory.mktemp("hostile")
    return root, build(root)


def test_the_corpus_has_at_least_60_cases_of_every_kind(corpus):
    _, cases = corpus
    real = [c for c in cases if c.role != "none"]
    assert len(real) >= 60
    kinds = {c.kind for c in real}
    assert {"html", "feed", "sitemap", "pdf", "http"} <= kinds
    assert len({c.name for c in cases}) == len(cases)


@pytest.fixture(scope="module")
def server(corpus):
    root, cases = corpus
    srv = FixtureServer(HostileHandler, root)
    srv.cases = {c.path: c for c in cases}
    port = srv.httpd.server_address[1]
    srv.other = f"http://localhost:{port}"  # the same server under another host name
    links = "".join(f"<h3><a href='{srv.base}{c.path}'>{c.name}</a></h3>" for c in cases if c.role == "article")
    docs = "".join(f"<li><a href='{srv.base}{c.path}'>Perjanjian Kinerja {c.name}</a></li>"
                   for c in cases if c.role == "document")
    srv.listing = f"<html><body><main>{links}<ul>{docs}</ul></main></body></html>".encode()
    with srv:
        yield srv


@pytest.fixture(scope="module")
def scraped(corpus, server, tmp_path_factory):
    """One `janji scrape` over every web case: the listing (articles and PDF links) plus every
    feed and sitemap as start pages of one profile."""
    _, cases = corpus
    work = tmp_path_factory.mktemp("hostile-run")
    profiles = work / "profiles"
    profiles.mkdir()
    starts = [server.base + "/listing"] + [server.base + c.path for c in cases if c.role == "start"]
    (profiles / "hostile.json").write_text(json.dumps({
        "name": "hostile", "start_urls": starts, "discovery": "auto", "max_pages": 200, "allow_private": True,
        "pdf_filters": ["Perjanjian Kinerja"]}))
    db_path = work / "hostile.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-m", "janji", "scrape", "hostile", "--profiles", str(profiles),
                              "--db", str(db_path), "--delay", "0", "--timeout", "5", "--retries", "0",
                              "--concurrency", "4"], cwd=work, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        out, err = child.communicate(timeout=RUN_LIMIT_S)
    except subprocess.TimeoutExpired:
        child.kill()
        out, err = child.communicate()
        pytest.fail(f"the hostile scrape did not finish within {RUN_LIMIT_S} s:\n{err[-3000:]}")
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"db": db_path, "code": child.returncode, "out": out, "err": err, "peak_mb": peak_mb, "cwd": work}


def _outcome(db: sqlite3.Connection, url: str, err: str) -> tuple[str, str]:
    doc = db.execute("select kind, length(text) from documents where url = ? or key = ?", [url, url]).fetchone()
    if doc:
        return "stored", f"stored ({doc[0]}, {doc[1]:,} chars)"
    errors = [r[0] for r in db.execute("select error from ingest_errors where source = ?", [url])]
    if errors:
        return "error", errors[0]
    notes = [line for line in err.splitlines() if url in line and "new " not in line]
    if notes:
        return "refused", notes[0].strip()
    return "none", "no outcome recorded"


def test_the_hostile_scrape_finishes_with_one_error_line_per_bad_page(scraped):
    assert scraped["code"] == 1, scraped["err"][-3000:]   # 1: some pages failed, the rest is stored
    assert "Traceback" not in scraped["err"]
    db = sqlite3.connect(scraped["db"])
    run = db.execute("select status, errors from scrape_runs").fetchone()
    assert run[0] == "errors" and run[1] > 0
    assert all("\n" not in e for (e,) in db.execute("select error from ingest_errors"))
    assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert scraped["peak_mb"] < CHILD_RSS_LIMIT_MB  # memory bounded with every bomb in one run


def test_every_web_case_gets_its_expected_outcome(corpus, server, scraped):
    _, cases = corpus
    db = sqlite3.connect(scraped["db"])
    failures = []
    for case in cases:
        if case.role not in ("article", "document"):
            continue
        got, detail = _outcome(db, server.base + case.path, scraped["out"] + scraped["err"])
        OUTCOMES[case.name] = f"{got}: {detail[:110]}"
        ok = (got == case.expect if case.expect != "bounded" else got in ("stored", "error"))
        if ok and case.match and got in ("error", "refused"):
            ok = re.search(case.match, detail, re.I) is not None
        if not ok:
            failures.append(f"{case.name}: expected {case.expect} ({case.match}), got {got}: {detail}")
    assert failures == [], "\n".join(failures)


def test_feeds_and_sitemaps_are_read_or_refused_and_resolve_no_entities(corpus, server, scraped):
    _, cases = corpus
    db = sqlite3.connect(scraped["db"])
    paths = server.paths()
    for case in cases:
        if case.role != "start":
            continue
        got, detail = _outcome(db, server.base + case.path, scraped["out"] + scraped["err"])
        if case.expect == "error":
            assert got == "error" and re.search(case.match, detail, re.I), (case.name, got, detail)
        else:  # read (links followed within the limits) or one recorded error line
            assert case.path in paths or got == "error", (case.name, got, detail)
        OUTCOMES[case.name] = f"{'error: ' + detail[:100] if got == 'error' else 'read, bounded'}"
    # no external entity or DTD was ever fetched, nothing from /etc/passwd reached the database
    assert not any(p.startswith("/canary/") for p in paths), [p for p in paths if p.startswith("/canary")]
    dump = "\n".join(db.iterdump())
    assert PASSWD_MARK not in dump and "CANARY-LEAKED" not in dump
    assert "lollollol" not in dump  # the bombs were not expanded into stored text
    # the 100,000-item feed and the 60,000-URL sitemap point at another host: nothing fetched there
    assert [p for p, h in server.requests if h.get("Host", "").startswith("localhost")] == []
    # cycles of sitemap indexes end: each index fetched once
    assert paths.count("/hostile/sitemap-index-self") == 1 and paths.count("/hostile/sitemap-index-cycle-b") <= 1
    # links to other schemes and to the metadata address were never followed
    assert not any("169.254" in p or "passwd" in p for p in paths)


def test_feed_and_sitemap_parsers_on_every_case_directly(corpus):
    """The XML readers themselves: no entity expansion, no file or network access, bounded links."""
    from scrapers.discover import MAX_LINKS, discover
    root, cases = corpus
    for case in cases:
        if case.kind not in ("feed", "sitemap") or not case.file:
            continue
        raw = (root / case.file).read_bytes()
        try:
            found = discover(raw, "http://127.0.0.1:9/hostile/x")
        except SourceError as exc:
            assert "\n" not in str(exc)
            continue
        links = found.articles + found.documents
        assert len(links) <= MAX_LINKS and len(found.next_pages) <= MAX_LINKS
        text = " ".join(f"{link.url} {link.title}" for link in links)
        assert PASSWD_MARK not in text and "CANARY" not in text and "lollollol" not in text, case.name
        assert len(text) < 50 * 1024 * 1024, case.name


def test_raw_files_are_stored_under_content_hashes_and_nothing_is_written_by_url(scraped):
    db = sqlite3.connect(scraped["db"])
    for sha, content in db.execute("select sha256, content from raw_files"):
        import hashlib
        assert hashlib.sha256(content).hexdigest() == sha
    written = [p for p in scraped["cwd"].rglob("*") if p.is_file() and not p.name.startswith("hostile.db")
               and p.suffix != ".json"]
    assert written == []


# -- the same inputs as local files: `janji add` --------------------------------------------------

@pytest.fixture(scope="module")
def added(corpus, tmp_path_factory):
    root, cases = corpus
    # pages and PDFs (feeds and sitemaps are start pages of a scrape, not documents to add)
    local = [c for c in cases if c.local and c.file and c.role != "none" and c.kind in ("html", "pdf")]
    db_path = tmp_path_factory.mktemp("hostile-add") / "add.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "janji", "add", "--db", str(db_path),
                           *[str(root / c.file) for c in local]], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=RUN_LIMIT_S)
    return local, db_path, proc, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def test_janji_add_gives_every_bad_file_one_error_line_and_stores_the_rest(corpus, added):
    root, _ = corpus
    local, db_path, proc, peak_mb = added
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert peak_mb < CHILD_RSS_LIMIT_MB
    db = sqlite3.connect(db_path)
    errors = {Path(s).name: e for s, e in db.execute("select source, error from ingest_errors")}
    stored = {Path(p).name for (p,) in db.execute("select path from documents")}
    lines = [line for line in proc.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == len(errors)
    for case in local:
        name = case.file
        assert (name in errors) != (name in stored), f"{name}: exactly one outcome"
        if case.kind == "pdf" and case.expect == "error":
            assert name in errors and re.search(case.match, errors[name], re.I), (name, errors.get(name))
        if case.expect == "stored" and case.kind == "pdf":
            assert name in stored, errors.get(name)
    assert db.execute("pragma integrity_check").fetchone()[0] == "ok"


# -- PDFs through the isolated reader, with tight limits -------------------------------------------

def test_isolated_pdf_reader_turns_a_slow_or_greedy_pdf_into_one_error(corpus):
    from scrapers.pdf import read_pdf_isolated
    root, _ = corpus
    slow = (root / "pdf-table-rects-20k.pdf").read_bytes()
    with pytest.raises(SourceError, match=r"longer than 0\.2 s"):
        read_pdf_isolated(slow, timeout=0.2)
    bomb = (root / "pdf-huge-image.pdf").read_bytes()  # decoding the image needs ~400 MB
    with pytest.raises(SourceError, match=r"MB to read|stopped|no readable text|unreadable"):
        read_pdf_isolated(bomb, memory=150 * 1024 * 1024)
    assert read_pdf_isolated((root / "pdf-valid-control.pdf").read_bytes()).text


def test_page_limit_and_table_finder_limit():
    from scrapers import pdf
    from tests.hostile.make_hostile import grid_pdf, many_pages_pdf
    with pytest.raises(SourceError, match="more than the limit of"):
        pdf.read_pdf(many_pages_pdf(pdf.MAX_PAGES + 1))
    # a ruled grid over the edge limit is read for its words, its "table" skipped
    dense = pdf.read_pdf(grid_pdf(pdf.MAX_TABLE_EDGES // 2 + 10))
    assert "PERJANJIAN KINERJA" in dense.text and dense.layout[0].tables == []


def test_process_survives_what_scrape_stored(scraped):
    """The stored hostile documents (odd encodings, NULs, 2 MB tokens) are extracted or get one
    error each; nothing is left half-processed."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "janji", "process", "--db", str(scraped["db"])], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=RUN_LIMIT_S)
    assert proc.returncode in (0, 1) and "Traceback" not in proc.stderr, proc.stderr[-3000:]
    db = sqlite3.connect(scraped["db"])
    assert db.execute("select count(*) from documents where status = 'new'").fetchone()[0] == 0
    assert db.execute("pragma foreign_key_check").fetchall() == []


def test_write_the_report(corpus):
    _, cases = corpus
    report = os.environ.get("HOSTILE_REPORT")
    if report:
        Path(report).write_text(table(cases, OUTCOMES) + "\n", encoding="utf-8")

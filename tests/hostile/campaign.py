"""Issue 16's campaign as trials: each hostile input goes in together with a good article, through
the real command (`janji add` + `janji process`, `janji scrape --url` + `janji process`, `janji add
URL`) in a child process, against a real HTTP server on 127.0.0.1 (or [::1]) where it is a page.

A trial passes when the good article is stored and processed, the hostile one is one recorded
error line (matching what it should say) or a bounded result, no traceback, and memory stays
under the ceiling. Seconds and peak RSS (of the child or any of its own children: the PDF reader,
the extraction worker) are measured for every trial; `python -m bench.bench_hostile` prints them.
"""
from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable

from tests.hostile import make_hostile as mh

ROOT = Path(__file__).parent.parent.parent
MAX_MB = 500            # issue 16: each class under 500 MB
STALL_LIMIT_S = 60      # a generous ceiling where the bug was minutes (measured, never tight)
FETCH_TIMEOUT = "3"     # the whole-response deadline the web trials use (default 20 s)
GOOD = mh.article("Wali Kota Jambi Resmikan Pasar Angso Duo")


@dataclass
class Result:
    outcome: str                     # what happened to the hostile input, one line
    seconds: float = 0.0
    peak_mb: float = 0.0
    problems: list[str] = field(default_factory=list)


@dataclass
class Trial:
    name: str
    what: str
    run: Callable[[Path], Result]
    stall: bool = False              # the bug was a stall of minutes: time gets a (generous) ceiling


# -- running janji -----------------------------------------------------------------------------

def _hwm_mb(pid: int) -> float:
    """Peak RSS (VmHWM) of a live process. Not ru_maxrss: on Linux that starts at the RSS of the
    process that spawned the child (pytest itself, 500 MB+ late in the suite)."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


def _descendants(pid: int) -> list[int]:
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/task/{current}/children") as f:
                kids = [int(k) for k in f.read().split()]
        except (OSError, ValueError):
            kids = []
        found += kids
        stack += kids
    return found


def janji(args: list, cwd: Path, env: dict | None = None, timeout: float = 300) -> tuple[int, str, float, float]:
    """(exit code, stderr+stdout, seconds, peak RSS MB of the child or any of its descendants:
    the PDF reader, the extraction worker), sampled every 20 ms while it runs."""
    out = cwd / f"out-{time.monotonic_ns()}.txt"
    started = time.perf_counter()
    peak = 0.0
    with open(out, "wb") as sink:
        child = subprocess.Popen([sys.executable, "-m", "janji", *args], cwd=cwd, stdout=sink, stderr=sink,
                                 env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})
        while child.poll() is None:
            peak = max([peak] + [_hwm_mb(p) for p in [child.pid, *_descendants(child.pid)]])
            if time.perf_counter() - started > timeout:
                child.kill()
            time.sleep(0.02)
    seconds = time.perf_counter() - started
    text = out.read_bytes().decode("utf-8", "replace")
    return child.returncode, text, seconds, peak


def _common(result: Result, code: int, text: str) -> None:
    if "Traceback" in text:
        result.problems.append("traceback: " + text[text.find("Traceback"):][:600])
    if code not in (0, 1):
        result.problems.append(f"exit code {code}: {text[-600:]}")


def _db(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path)


# -- local files: janji add BAD GOOD, then janji process ----------------------------------------

def add_trial(name: str, what: str, filename: str | bytes, body: bytes | str, expect: str,
              match: str | None = None, stall: bool = False, check: Callable | None = None) -> Trial:
    def run(work: Path) -> Result:
        bad = os.path.join(os.fsencode(work), filename if isinstance(filename, bytes) else os.fsencode(filename))
        with open(bad, "wb") as f:
            f.write(body.encode("utf-8") if isinstance(body, str) else body)
        good = work / "good.html"
        good.write_text(GOOD, encoding="utf-8")
        db = work / "t.db"
        code, text, s1, m1 = janji(["add", "--db", str(db), os.fsdecode(bad), str(good)], work)
        result = Result("", s1, m1)
        _common(result, code, text)
        add_code = code
        code, text2, s2, m2 = janji(["process", "--db", str(db)], work)
        result.seconds, result.peak_mb = s1 + s2, max(m1, m2)
        _common(result, code, text2)
        con = _db(db)
        docs = {Path(p).name: (status, error) for p, status, error in
                con.execute("select path, status, error from documents")}
        errors = [e for (e,) in con.execute("select error from ingest_errors")]
        if docs.get("good.html", (None,))[0] != "processed":
            result.problems.append(f"the good article is not stored and processed: {docs.get('good.html')}")
        bad_docs = {n: v for n, v in docs.items() if n != "good.html"}
        if con.execute("select count(*) from documents where status = 'new'").fetchone()[0]:
            result.problems.append("documents left unprocessed")
        _judge(result, expect, match, errors, [f"{s}: {e}" if e else s for s, e in bad_docs.values()])
        if add_code != (1 if errors else 0):
            result.problems.append(f"janji add exited {add_code} with {len(errors)} error(s): the exit code must say")
        if check and not result.problems:
            check(con, result)
        return result
    return Trial(name, what, run, stall)


def _judge(result: Result, expect: str, match: str | None, errors: list[str], stored: list[str]) -> None:
    """expect: error (one recorded line matching `match`), stored (stored and processed),
    bounded (either, or failed with a reason)."""
    if errors and stored:
        result.problems.append(f"two outcomes: {errors} and {stored}")
    if errors:
        result.outcome = "error: " + errors[0][:160]
        if len(errors) != 1:
            result.problems.append(f"{len(errors)} error lines, expected one")
        if expect == "stored":
            result.problems.append(f"expected stored, got error {errors[0]}")
        if match and not re.search(match, errors[0], re.I):
            result.problems.append(f"error does not say /{match}/: {errors[0]}")
        if any("\n" in e for e in errors):
            result.problems.append("an error of more than one line")
    elif stored:
        result.outcome = "stored: " + stored[0][:160]
        if expect == "error":
            result.problems.append(f"expected an error /{match}/, got stored ({stored[0]})")
        if expect == "stored" and not stored[0].startswith("processed"):
            result.problems.append(f"stored but not processed: {stored[0]}")
    else:
        result.outcome = "nothing recorded"
        result.problems.append("no outcome recorded for the hostile input")


def _no_surrogates(con: sqlite3.Connection, result: Result) -> None:
    title = con.execute("select title from documents where path not like '%good.html'").fetchone()[0]
    result.outcome += f" (title {title!r})"


def _path_replaced(con: sqlite3.Connection, result: Result) -> None:
    path = con.execute("select path from documents where path not like '%good.html'").fetchone()[0]
    if "\ufffd" not in path:
        result.problems.append(f"path stored without U+FFFD: {path!r}")


def _utf16_read(con: sqlite3.Connection, result: Result) -> None:
    text = con.execute("select text from documents where path like '%.txt'").fetchone()[0]
    if "Wali Kota Jambi Maulana" not in text:
        result.problems.append(f"UTF-16 text stored as garbage: {text[:80]!r}")


# -- web: a tiny real server whose routes say how to misbehave -----------------------------------

@dataclass
class Route:
    body: bytes = b""
    ctype: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict = field(default_factory=dict)
    mode: str = "plain"   # plain | trickle (1 byte/s) | short (Content-Length x4, socket kept open) | endless (chunked forever)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        server = self.server
        path = self.path.split("?")[0]
        server.hits.append(path)
        route = server.routes.get(path) or Route(b"<html><body>404</body></html>", status=404)
        body = route.body.replace(b"{base}", server.base.encode())
        self.send_response(route.status)
        self.send_header("Content-Type", route.ctype)
        for k, v in route.headers.items():
            self.send_header(k, v)
        try:
            if route.mode == "endless":
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                while not server.stopping.is_set():
                    self.wfile.write(b"400\r\n" + b"<p>tanpa akhir</p>".ljust(1024) + b"\r\n")
                    self.wfile.flush()
                    time.sleep(0.05)
                return
            self.send_header("Content-Length", str(len(body) * (4 if route.mode == "short" else 1)))
            self.end_headers()
            if route.mode == "trickle":
                for i in range(len(body)):
                    if server.stopping.is_set():
                        return
                    self.wfile.write(body[i:i + 1])
                    self.wfile.flush()
                    time.sleep(1.0)
                return
            self.wfile.write(body)
            if route.mode == "short":
                self.wfile.flush()
                server.stopping.wait(120)  # the socket stays open, the rest never comes
        except (BrokenPipeError, ConnectionResetError):
            pass


class _V6Server(ThreadingHTTPServer):
    address_family = __import__("socket").AF_INET6


class Site:
    def __init__(self, routes: dict[str, Route], ipv6: bool = False):
        cls = _V6Server if ipv6 else ThreadingHTTPServer
        self.httpd = cls(("::1" if ipv6 else "127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        port = self.httpd.server_address[1]
        self.base = f"http://[::1]:{port}" if ipv6 else f"http://127.0.0.1:{port}"
        self.httpd.base, self.httpd.routes, self.httpd.hits = self.base, routes, []
        self.httpd.stopping = threading.Event()
        routes.setdefault("/robots.txt", Route(b"User-agent: *\nAllow: /\n", "text/plain"))

    def __enter__(self) -> "Site":
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()


def listing(paths: list[str]) -> bytes:
    return ("<html><body><main>" + "".join(f"<h3><a href='{{base}}{p}'>{p}</a></h3>" for p in paths)
            + "</main></body></html>").encode()


GOOD_PATH = "/berita/2025/06/wali-kota-resmikan-pasar-angso-duo"
BAD_PATH = "/berita/2025/06/halaman-yang-bermasalah-sekali"


def scrape_trial(name: str, what: str, routes: Callable[[], dict[str, Route]], expect: str,
                 match: str | None = None, start: str = "/", good: tuple[str, ...] = (GOOD_PATH,),
                 bad: str | None = BAD_PATH, ipv6: bool = False, stall: bool = False,
                 check: Callable | None = None) -> Trial:
    def run(work: Path) -> Result:
        with Site(routes(), ipv6=ipv6) as site:
            db = work / "s.db"
            code, text, s1, m1 = janji(["scrape", "--db", str(db), "--url", site.base + start, "--allow-private",
                                        "--delay", "0", "--timeout", FETCH_TIMEOUT], work)
            result = Result("", s1, m1)
            _common(result, code, text)
            code, text2, s2, m2 = janji(["process", "--db", str(db)], work)
            result.seconds, result.peak_mb = s1 + s2, max(m1, m2)
            _common(result, code, text2)
            con = _db(db)
            docs = {row[0]: row[1:] for row in con.execute("select url, status, error from documents")}
            for path in good:
                if docs.get(site.base + path, (None,))[0] != "processed":
                    result.problems.append(f"good article {path} not stored and processed ({docs.get(site.base + path)})")
            if bad is not None:
                url = site.base + bad
                errors = [e for (e,) in con.execute("select error from ingest_errors where source = ?", [url])]
                stored = [f"{s}: {e}" if e else s for u, (s, e) in docs.items() if u == url]
                _judge(result, expect, match, errors, stored)
            else:
                result.outcome = f"{len(docs)} documents stored"
            if check and not result.problems:
                check(con, site, result, text)
            return result
    return Trial(name, what, run, stall)


def add_url_trial(name: str, what: str, route: Route, match: str) -> Trial:
    """`janji add URL URL`: the hostile URL first, the good one after it."""
    def run(work: Path) -> Result:
        with Site({BAD_PATH: route, GOOD_PATH: Route(GOOD.encode())}) as site:
            db = work / "u.db"
            code, text, seconds, peak = janji(["add", "--db", str(db), "--allow-private", site.base + BAD_PATH,
                                               site.base + GOOD_PATH],
                                              work, env={"JANJI_FETCH_TIMEOUT": FETCH_TIMEOUT})
            result = Result("", seconds, peak)
            _common(result, code, text)
            con = _db(db)
            if not con.execute("select 1 from documents where url = ?", [site.base + GOOD_PATH]).fetchone():
                result.problems.append("the good URL after the stalled one was not stored")
            errors = [e for (e,) in con.execute("select error from ingest_errors")]
            _judge(result, "error", match, errors, [])
            return result
    return Trial(name, what, run, stall=True)


# -- the trials ------------------------------------------------------------------------------------

def _poisoned_listing() -> dict[str, Route]:
    poisons = {"/berita/2025/06/poison-json-ld-surrogate": Route(mh.surrogate_json_ld_article().encode()),
               "/berita/2025/06/poison-utf-seven-body": Route(mh.utf7_article()),
               "/berita/2025/06/poison-codec-not-text": Route(GOOD.encode(), "text/html; charset=base64"),
               "/berita/2025/06/poison-json-ld-deep-nest": Route(mh.deep_json_ld_article().encode())}
    goods = {f"/berita/2025/06/berita-baik-nomor-{i}": Route(mh.article(f"Berita baik nomor {i} dari Jambi").encode())
             for i in range(20)}
    return {"/": Route(listing([*poisons, *goods])), **poisons, **goods}


def _stall(mode: str) -> Callable[[], dict[str, Route]]:
    return lambda: {"/": Route(listing([BAD_PATH, GOOD_PATH])), BAD_PATH: Route(GOOD.encode(), mode=mode),
                    GOOD_PATH: Route(GOOD.encode())}


def _one_bad(route: Route) -> Callable[[], dict[str, Route]]:
    return lambda: {"/": Route(listing([BAD_PATH, GOOD_PATH])), BAD_PATH: route, GOOD_PATH: Route(GOOD.encode())}


def _feed_port_99999() -> dict[str, Route]:
    items = "".join(f"<item><title>{t}</title><link>{u}</link></item>" for t, u in
                    [("rusak", "http://127.0.0.1:99999/berita/2025/06/port-tidak-ada"), ("baik", "{base}" + GOOD_PATH)])
    return {"/": Route(mh.rss(items), "application/rss+xml"), GOOD_PATH: Route(GOOD.encode())}


def _self_listing_index() -> dict[str, Route]:
    index = mh.sitemap(["{base}/sitemap.xml"] * 5_000 + ["{base}/sitemap-posts.xml"], index=True)
    return {"/sitemap.xml": Route(index, "application/xml"),
            "/sitemap-posts.xml": Route(mh.sitemap(["{base}" + GOOD_PATH]), "application/xml"),
            GOOD_PATH: Route(GOOD.encode())}


def _fetched_once(con, site, result, text) -> None:
    hits = site.httpd.hits.count("/sitemap.xml")
    result.outcome = f"index fetched {hits}x, its real child read"
    if hits != 1:
        result.problems.append(f"the self-listing index was fetched {hits} times")


def _brackets_kept(con, site, result, text) -> None:
    urls = [u for (u,) in con.execute("select url from documents")]
    result.outcome = f"stored {urls[0] if urls else None}"
    if not all(u.startswith("http://[::1]:") for u in urls):
        result.problems.append(f"IPv6 URLs lost their brackets: {urls}")


def _pdf_links() -> dict[str, Route]:
    # the 15,000 links point at another host name of the same server: not fetched (not the job's
    # host), so the trial measures reading and capping them, not 5,000 downloads
    page = mh.pdf_links_in_one_item(15_000, "http://localhost:1").encode()
    return {"/": Route(listing([GOOD_PATH])), GOOD_PATH: Route(page)}


def _links_capped(con, site, result, text) -> None:
    # every attachment taken is settled as a skip (another host): the skips count them
    skipped = con.execute("select skipped from scrape_runs").fetchone()[0]
    result.outcome = f"article stored, {skipped:,} attachment links taken of 15,000 (cap 5,000)"
    if not 1_000 <= skipped <= 5_000:
        result.problems.append(f"{skipped} attachment links taken: the 5,000 cap does not hold (or none read)")


def trials() -> list[Trial]:
    long_name = "janji-\udcff\udcfe-berita.html"  # bytes \xff\xfe: not UTF-8 (Python keeps them as surrogates)
    return [
        add_trial("charset-not-a-text-codec", "meta charset=base64 (a Python codec, not a text encoding)",
                  "codec.html", mh.article(charset_meta="<meta charset='base64'>"), "stored"),
        add_trial("charset-nonexistent", "meta charset=x-no-such-charset", "nocodec.html",
                  mh.article(charset_meta="<meta charset='x-no-such-charset'>"), "stored"),
        add_trial("utf7-lone-surrogates", "UTF-7 body that decodes into lone surrogates", "utf7.html",
                  mh.utf7_article(), "stored"),
        add_trial("json-ld-ud800", "\\ud800 escapes in JSON-LD headline and author", "jsonld.html",
                  mh.surrogate_json_ld_article(), "stored", check=_no_surrogates),
        add_trial("json-ld-deep", "JSON-LD nested 100,000 arrays deep", "deep.html", mh.deep_json_ld_article(),
                  "stored"),
        add_trial("file-name-not-utf8", "a file name whose bytes are not UTF-8", os.fsencode(long_name), GOOD.replace(
            "Pasar", "Terminal"), "stored", check=_path_replaced),
        add_trial("quote-run-40000", "a run of 40,000 '\"' (118 s in the tokenizer)", "quotes.txt",
                  mh.run_text('"', 40_000), "stored", stall=True),
        add_trial("dash-run-30000", "one separator line of 30,000 dashes (453 s)", "dashes.html",
                  mh.run_article("-", 30_000), "stored", stall=True),
        # stored with the NULs removed, or refused as binary by the .txt reader: either is bounded
        add_trial("nul-in-names", "NUL characters inside personal names (590 s)", "nul.txt", mh.nul_names_text(),
                  "bounded", stall=True),
        add_trial("nested-lists-2000", "2,000 nested list items without <article> (67 s, 770 MB)", "lists.html",
                  mh.nested_lists_page(), "bounded", stall=True),
        add_trial("text-49mb", "a 49 MB text file (461 s and 2 GB)", "big.txt", mh.big_text(), "error", r"limit",
                  stall=True),
        add_trial("utf16-txt", "a UTF-16 .txt with its BOM", "utf16.txt", mh.utf16_text(), "stored", check=_utf16_read),
        add_trial("pdf-whitespace-text-layer", "a PDF whose text layer is only spaces", "blank.pdf",
                  mh.whitespace_text_layer_pdf(), "error", r"no readable text"),
        add_trial("pdf-cid-run", "a PDF text layer read as '(cid:9)' x 40,000", "cid.pdf", mh.cid_text_layer_pdf(),
                  "error", r"no readable text"),
        scrape_trial("listing-poisoned-first", "a listing whose first 4 articles are poisoned (surrogates, "
                     "UTF-7, base64 codec, deep JSON-LD), then 20 good ones", _poisoned_listing, "bounded",
                     good=tuple(f"/berita/2025/06/berita-baik-nomor-{i}" for i in range(20)),
                     bad="/berita/2025/06/poison-json-ld-surrogate"),
        scrape_trial("trickle-1-byte-per-s", "an article trickled at 1 byte/s (about 90 s before)", _stall("trickle"),
                     "error", r"timed out", stall=True),
        scrape_trial("short-body-open-socket", "a body shorter than its Content-Length, socket left open",
                     _stall("short"), "error", r"timed out", stall=True),
        scrape_trial("endless-chunked", "a chunked response that never ends", _stall("endless"), "error",
                     r"timed out|limit", stall=True),
        add_url_trial("add-url-trickle", "`janji add URL` of a page trickled at 1 byte/s (never ended)",
                      Route(GOOD.encode(), mode="trickle"), r"timed out"),
        scrape_trial("retry-after-86400", "429 with Retry-After: 86400", _one_bad(
            Route(b"", status=429, headers={"Retry-After": "86400"})), "error", r"429|rate limited"),
        scrape_trial("feed-port-99999", "an RSS item linking to port 99999 (lost the whole feed)", _feed_port_99999,
                     "bounded", bad=None),
        scrape_trial("sitemap-index-self-5000", "a sitemap index listing itself 5,000 times, then its real child",
                     _self_listing_index, "bounded", start="/sitemap.xml", bad=None, check=_fetched_once),
        scrape_trial("ipv6-url", "a site on http://[::1]:port/", _one_bad(Route(GOOD.replace("Pasar", "Kantor").encode())),
                     "stored", ipv6=True, check=_brackets_kept),
        scrape_trial("pdf-links-15000", "15,000 PK links in one list item of an article (542 s, 1.9 GB)",
                     _pdf_links, "bounded", bad=None, stall=True, check=_links_capped),
        Trial("crawl-delay-86400", "robots.txt Crawl-delay: 86400 (600 s+ of silence)", _crawl_delay, stall=True),
        Trial("robots-txt-stalls", "robots.txt that never completes (site skipped silently)", _robots_stall, stall=True),
    ]


def _crawl_delay(work: Path) -> Result:
    """The crawler on a real server whose robots.txt asks for a day between requests: the wait
    it would sleep is read through its injectable sleep, then slept for real up to 0.1 s."""
    import asyncio

    from scrapers.crawler import CrawlPolicy, Crawler

    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)
        await asyncio.sleep(min(seconds, 0.1))

    async def crawl(base: str) -> list[int]:
        async with Crawler(CrawlPolicy(delay=0, retries=0, allow_private=True), sleep=sleep) as crawler:
            return [(await crawler.fetch(base + p)).status for p in (GOOD_PATH, GOOD_PATH)]

    routes = {"/robots.txt": Route(b"User-agent: *\nCrawl-delay: 86400\n", "text/plain"), GOOD_PATH: Route(GOOD.encode())}
    started = time.perf_counter()
    with Site(routes) as site:
        statuses = asyncio.run(crawl(site.base))
    from scrapers.crawler import MAX_CRAWL_DELAY_S
    result = Result(f"waited {max(waits, default=0):g} s between requests (cap {MAX_CRAWL_DELAY_S:g} s)",
                    time.perf_counter() - started)
    if statuses != [200, 200]:
        result.problems.append(f"statuses {statuses}")
    if not waits or max(waits) > MAX_CRAWL_DELAY_S:
        result.problems.append(f"Crawl-delay not capped: waits {waits}")
    return result


def _robots_stall(work: Path) -> Result:
    routes = {"/robots.txt": Route(b"User-agent: *\nAllow: /\n" * 50, "text/plain", mode="trickle"),
              "/": Route(listing([GOOD_PATH])), GOOD_PATH: Route(GOOD.encode())}
    with Site(routes) as site:
        db = work / "r.db"
        code, text, seconds, peak = janji(["scrape", "--db", str(db), "--url", site.base + "/", "--allow-private",
                                           "--delay", "0", "--timeout", FETCH_TIMEOUT], work)
    result = Result("", seconds, peak)
    _common(result, code, text)
    errors = [e for (e,) in _db(db).execute("select error from ingest_errors")]
    result.outcome = f"error: {errors[0][:160]}" if errors else "nothing recorded"
    if code != 1 or not errors or not re.search(r"robots\.txt", errors[0]):
        result.problems.append(f"the stalled robots.txt was not recorded (exit {code}, errors {errors})")
    return result


def run_trial(trial: Trial) -> Result:
    with tempfile.TemporaryDirectory(prefix=f"janji-{trial.name}-") as tmp:
        result = trial.run(Path(tmp))
    if result.peak_mb > MAX_MB:
        result.problems.append(f"peak {result.peak_mb:.0f} MB over {MAX_MB} MB")
    if trial.stall and result.seconds > STALL_LIMIT_S:
        result.problems.append(f"{result.seconds:.0f} s: still a stall (ceiling {STALL_LIMIT_S} s)")
    return result


def table(rows: list[tuple[Trial, Result]]) -> str:
    lines = ["| case | input | outcome | seconds | peak MB |", "| --- | --- | --- | ---: | ---: |"]
    for trial, r in rows:
        outcome = r.outcome.replace("|", "\\|") + (" **FAILED: " + "; ".join(r.problems)[:200] + "**" if r.problems else "")
        lines.append(f"| `{trial.name}` | {trial.what} | {outcome} | {r.seconds:.1f} | "
                     f"{r.peak_mb:.0f} |" if r.peak_mb else f"| `{trial.name}` | {trial.what} | {outcome} | "
                     f"{r.seconds:.1f} | (in-process) |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(json.dumps([t.name for t in trials()]))

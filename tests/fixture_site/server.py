"""Real HTTP servers on 127.0.0.1 for the scrape tests and bench: one per site style (serving a
folder of saved pages, with ETag / Last-Modified and 304s like a real server), plus a
misbehaving host (429, 500-then-200, slow, redirect loop, huge page, wrong charset, junk).
Every request is logged with its headers so tests can see what the crawler sent."""
from __future__ import annotations

import hashlib
import json
import shutil
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).parent
SITES = ("jambikota", "jambiupdate", "antara-jambi", "wp-satpolpp", "jambiprov", "pk-jambikota")
EXPECTED = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))
LAST_MODIFIED = "Wed, 02 Jul 2025 00:00:00 GMT"
CONTENT_TYPES = {".xml": "application/xml", ".txt": "text/plain", ".pdf": "application/pdf", ".html": "text/html"}
# The province portal labels its UTF-8 pages ISO-8859-1, as many .go.id servers do.
CHARSETS = {"jambiprov": "iso-8859-1"}
PDF_LINES = {
    "pk-dinkes-2025.pdf": ["PERJANJIAN KINERJA TAHUN 2025", "DINAS KESEHATAN KOTA JAMBI",
                           "PIHAK PERTAMA: dr. Sri Wahyuni, Kepala Dinas Kesehatan",
                           "Sasaran: Menurunnya prevalensi stunting  Target: 14 %"],
    "pk-perubahan-disdik-2025.pdf": ["PERJANJIAN KINERJA PERUBAHAN TAHUN 2025", "DINAS PENDIDIKAN KOTA JAMBI",
                                     "PIHAK PERTAMA: Hendra Wijaya, Kepala Dinas Pendidikan"],
    "PK_Satpol_PP_2025.pdf": ["PERJANJIAN KINERJA TAHUN 2025", "SATUAN POLISI PAMONG PRAJA KOTA JAMBI",
                              "PIHAK PERTAMA: Mulyadi Rahman, Kepala Satuan Polisi Pamong Praja"],
    "pk-setda-2025.pdf": ["PERJANJIAN KINERJA TAHUN 2025", "SEKRETARIAT DAERAH KOTA JAMBI",
                          "PIHAK PERTAMA: Yuliana Saragih, Sekretaris Daerah"],
    "renstra-dinkes-2021-2026.pdf": ["RENCANA STRATEGIS DINAS KESEHATAN 2021-2026", "Bab I Pendahuluan"],
    "lkjip-2024.pdf": ["LAPORAN KINERJA INSTANSI PEMERINTAH 2024", "Bab I Pendahuluan"],
    "penataan-pkl-angso-duo.pdf": ["PENATAAN PEDAGANG KAKI LIMA KAWASAN ANGSO DUO", "Lampiran peta"],
    "rkpd-2025.pdf": ["RENCANA KERJA PEMERINTAH DAERAH 2025", "Bab I Pendahuluan"],
}
PDF_PLACES = {"jambikota": ["pk-setda-2025.pdf"], "pk-jambikota": [n for n in PDF_LINES if n != "pk-setda-2025.pdf"]}


def build_tree(target: Path) -> Path:
    """Copy the saved pages to `target` and generate the PDFs (reportlab) the pages link to."""
    from tests.conftest import make_pdf
    shutil.copytree(HERE, target, ignore=shutil.ignore_patterns("*.py", "__pycache__", "expected.json"),
                    dirs_exist_ok=True)
    for site, names in PDF_PLACES.items():
        folder = target / site / "uploads" / "dokumen"
        folder.mkdir(parents=True, exist_ok=True)
        for name in names:
            (folder / name).write_bytes(make_pdf(PDF_LINES[name]))
    return target


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


class LoggingHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:  # keep pytest output clean
        pass

    def log_request_headers(self) -> None:
        self.server.site.requests.append((urlsplit(self.path).path, dict(self.headers.items())))

    def send(self, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8", **headers) -> None:
        self.send_response(status)
        if status != 304:
            self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        if body and self.command != "HEAD":
            self.wfile.write(body)


class SiteHandler(LoggingHandler):
    """Serves one site folder: /a/b -> a/b, a/b.html or a/b/index.html; {{BASE}} filled in."""

    def do_GET(self) -> None:
        self.log_request_headers()
        site = self.server.site
        rel = urlsplit(self.path).path.strip("/")
        candidates = [site.root / rel, site.root / f"{rel}.html", site.root / rel / "index.html"]
        path = next((p for p in candidates if p.is_file() and site.root in p.resolve().parents), None)
        if path is None:
            return self.send(404, b"<html><body><h1>404 Halaman tidak ditemukan</h1></body></html>")
        body = path.read_bytes().replace(b"{{BASE}}", site.base.encode())
        etag = '"%s"' % hashlib.sha1(body).hexdigest()[:16]
        if self.headers.get("If-None-Match") == etag:
            return self.send(304, ETag=etag, Last_Modified=LAST_MODIFIED)
        ctype = CONTENT_TYPES.get(path.suffix, "text/html")
        if ctype.startswith(("text/", "application/xml")):
            ctype += f"; charset={site.charset}"
        self.send(200, body, ctype, ETag=etag, Last_Modified=LAST_MODIFIED)


class FixtureServer:
    """A server on 127.0.0.1 with a free port; `requests` logs (path, headers) of each request."""

    def __init__(self, handler, root: Path | None = None, charset: str = "utf-8"):
        self.root, self.charset = (root.resolve() if root else None), charset
        self.requests: list[tuple[str, dict]] = []
        self.hits: dict[str, int] = {}
        self.httpd = _Server(("127.0.0.1", 0), handler)
        self.httpd.site = self
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "FixtureServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]


def serve_sites(tree: Path) -> dict[str, FixtureServer]:
    """One started server per site style; stop them with stop_all()."""
    return {name: FixtureServer(SiteHandler, tree / name, CHARSETS.get(name, "utf-8")).__enter__() for name in SITES}


def stop_all(servers) -> None:
    for server in servers.values():
        server.__exit__(None, None, None)


def rebase_args(servers: dict[str, FixtureServer]) -> list[str]:
    return [arg for name, server in servers.items() for arg in ("--rebase", f"{name}={server.base}")]


ARTICLE = ("<html><head><title>{title}</title><meta property='article:published_time' content='2025-05-0{day}'>"
           "</head><body><nav><a href='/'>Beranda</a></nav><article><h1>{title}</h1>"
           "<p>{lead} Kepala dinas menyatakan program ini akan dituntaskan pada akhir tahun anggaran berjalan.</p>"
           "<p>Menurut dia, anggaran sebesar Rp 5 miliar sudah disiapkan dan pelaksanaannya diawasi inspektorat "
           "sehingga hasilnya dapat dilaporkan kepada masyarakat secara terbuka.</p></article></body></html>")
MISBEHAVING_LINKS = ["rate-limited-article-one", "flaky-server-article-two", "slow-response-article-three",
                     "redirect-loop-article-four", "huge-page-article-five", "wrong-charset-article-six",
                     "binary-junk-article-seven", "empty-page-article-eight", "gone-article-nine"]


class MisbehavingHandler(LoggingHandler):
    """A host that does everything wrong, once or always."""

    def _first_time(self, key: str) -> bool:
        hits = self.server.site.hits
        hits[key] = hits.get(key, 0) + 1
        return hits[key] == 1

    def _article(self, title: str, day: int, lead: str = "Pemerintah daerah memulai program baru.") -> bytes:
        return ARTICLE.format(title=title, day=day, lead=lead).encode()

    def do_GET(self) -> None:
        self.log_request_headers()
        path = urlsplit(self.path).path
        base, port = self.server.site.base, self.server.server_address[1]
        if path == "/robots.txt":
            return self.send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        if path == "/":
            links = [f"/news/{slug}" for slug in MISBEHAVING_LINKS] + [
                "/private/secret-internal-article-ten", f"http://localhost:{port}/news/other-host-article-eleven"]
            items = "".join(f"<h3><a href='{href}'>{href.rsplit('/', 1)[-1]}</a></h3>" for href in links)
            return self.send(200, f"<html><body><main>{items}</main></body></html>".encode())
        slug = path.rsplit("/", 1)[-1]
        if slug == "rate-limited-article-one" and self._first_time(slug):
            return self.send(429, b"Too Many Requests", "text/plain", Retry_After="1")
        if slug == "flaky-server-article-two" and self._first_time(slug):
            return self.send(500, b"Internal Server Error", "text/plain")
        if slug == "slow-response-article-three":
            time.sleep(self.server.site.slow_seconds)
            return self.send(200, self._article("Slow", 3))
        if slug in ("redirect-loop-article-four", "redirect-loop-back"):
            target = "redirect-loop-back" if slug == "redirect-loop-article-four" else "redirect-loop-article-four"
            return self.send(302, b"", Location=f"{base}/news/{target}")
        if slug == "huge-page-article-five":
            return self.send(200, self._article("Huge", 5, "x " * (3 * 1024 * 1024)))
        if slug == "wrong-charset-article-six":
            body = ARTICLE.format(title="Wali Kota janji jalan “tuntas” tahun ini", day=6,
                                  lead="Wali Kota berjanji perbaikan jalan “tuntas” tahun ini, kata Pak André.")
            body = body.replace("<head>", "<head><meta charset='windows-1252'>").encode("cp1252")
            return self.send(200, body, "text/html; charset=utf-8")  # the header lies
        if slug == "binary-junk-article-seven":
            return self.send(200, bytes(range(256)) * 64, "text/html")
        if slug == "empty-page-article-eight":
            return self.send(200, b"", "text/html")
        if slug == "gone-article-nine":
            return self.send(410, b"<html><body>Gone</body></html>")
        if slug in ("rate-limited-article-one", "flaky-server-article-two"):
            return self.send(200, self._article(slug.replace("-", " ").title(), 1 if "rate" in slug else 2))
        self.send(404, b"<html><body>Not found</body></html>")


def misbehaving_server(slow_seconds: float = 2.0) -> FixtureServer:
    server = FixtureServer(MisbehavingHandler)
    server.slow_seconds = slow_seconds
    return server.__enter__()

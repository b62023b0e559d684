"""Hostile inputs for janji, generated at test time into a folder (nothing large is committed).

`build(root)` writes every case and returns them as `Case` records: what the bytes are, how a
server should send them (status, headers, redirects, trickling, lying lengths) and what janji
must do with them: `error` (one recorded error line matching `expect`), `stored` (a document
within the limits), `refused` (not fetched: policy), or `bounded` (either a document or an error
line, but an answer within the limits and no crash). Feeds and sitemaps are start pages of a
scrape (`role="start"`); their `expect` is about what they lead to.

    python -m tests.hostile.make_hostile /tmp/hostile     # writes the files, prints the table
"""
from __future__ import annotations

import gzip
import io
import random
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path

MB = 1024 * 1024
ARTICLE_BODY = ("<p>Wali Kota Jambi Maulana menyatakan pemerintah kota akan menuntaskan perbaikan jalan "
                "lingkar selatan pada akhir tahun anggaran 2025 dengan dana Rp 5 miliar.</p>"
                "<p>\"Kami berkomitmen menyelesaikan pekerjaan ini tepat waktu,\" ujar Maulana di Jambi, "
                "Rabu (25/6/2025), seraya meminta dinas terkait mengawasi pelaksanaannya.</p>")
PASSWD_MARK = "root:x:0:0"  # what an XXE that read /etc/passwd would leak


@dataclass
class Case:
    name: str
    kind: str                      # html | feed | sitemap | pdf | http
    what: str                      # one line: what is hostile about it
    expect: str                    # error | stored | refused | bounded
    match: str | None = None       # regex the error line (or note) must match
    role: str = "article"          # article (linked from the listing) | start (a start URL) | document (PDF link)
    file: str | None = None        # body file name under root
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    location: str | None = None    # redirect target; "{base}" and "{other}" filled in by the server
    trickle: float = 0.0           # seconds between bytes (slow server)
    short_body: bool = False       # Content-Length larger than the body sent
    local: bool = True             # also fed to `janji add` as a local file

    @property
    def path(self) -> str:
        return f"/hostile/{self.name}" + (".pdf" if self.kind == "pdf" else "")


def article(title: str = "Wali Kota Jambi Janji Tuntaskan Jalan Lingkar Selatan", body: str = ARTICLE_BODY,
            head: str = "", charset_meta: str = "") -> str:
    return (f"<!DOCTYPE html><html><head>{charset_meta}<title>{title}</title>{head}"
            "<meta property='article:published_time' content='2025-06-26'></head><body>"
            f"<article><h1>{title}</h1>{body}</article></body></html>")


# -- PDF builders (raw PDF syntax, so the hostile parts are exactly what we say) ---------------

def raw_pdf(objects: list[bytes], root: int = 1, trailer_extra: bytes = b"") -> bytes:
    """A PDF from numbered object bodies (1-based), with a correct xref table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, root, trailer_extra, xref))
    return out.getvalue()


def stream(data: bytes, extra: bytes = b"", compress: bool = True) -> bytes:
    if compress:
        data = zlib.compress(data, 9)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def deflate_zeros(size: int, byte: bytes = b"\0") -> bytes:
    """zlib stream of `size` identical bytes, compressed in chunks (a bomb, cheaply made)."""
    comp, chunk, out = zlib.compressobj(9), byte * MB, []
    for _ in range(size // MB):
        out.append(comp.compress(chunk))
    out.append(comp.compress(byte * (size % MB)))
    out.append(comp.flush())
    return b"".join(out)


def gzip_zeros(size: int, byte: bytes = b"\0") -> bytes:
    comp, chunk, out = zlib.compressobj(9, zlib.DEFLATED, 31), byte * MB, []
    for _ in range(size // MB):
        out.append(comp.compress(chunk))
    out.append(comp.flush())
    return b"".join(out)


def one_page_pdf(content: bytes, *, media=b"[0 0 595 842]", resources=b"<< /Font << /F1 4 0 R >> >>",
                 extra_objects: list[bytes] = (), compress=True) -> bytes:
    return raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                    b"<< /Type /Page /Parent 2 0 R /MediaBox %s /Contents 5 0 R /Resources %s >>" % (media, resources),
                    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                    stream(content, compress=compress), *extra_objects])


TEXT_OPS = b"BT /F1 11 Tf 60 780 Td (PERJANJIAN KINERJA TAHUN 2025 DINAS KESEHATAN KOTA JAMBI) Tj ET"


def many_pages_pdf(pages: int) -> bytes:
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", stream(TEXT_OPS)]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                b"/Resources << /Font << /F1 3 0 R >> >> >>"] * pages
    return raw_pdf(objects)


def grid_pdf(lines: int) -> bytes:
    """One page ruled by `lines` horizontal and `lines` vertical lines: a table finder's worst day."""
    ops = [TEXT_OPS, b"0.1 w"]
    step = 500 / lines
    for i in range(lines + 1):
        ops.append(b"%.2f %.2f m %.2f %.2f l S" % (40, 100 + i * step, 540, 100 + i * step))
        ops.append(b"%.2f %.2f m %.2f %.2f l S" % (40 + i * step, 100, 40 + i * step, 600))
    return one_page_pdf(b"\n".join(ops))


def rects_pdf(count: int) -> bytes:
    """Thousands of tiny overlapping rectangles: edges everywhere, no table."""
    rnd = random.Random(7)
    ops = [TEXT_OPS, b"0.2 w"]
    for _ in range(count):
        x, y = rnd.uniform(40, 540), rnd.uniform(100, 700)
        ops.append(b"%.1f %.1f %.1f %.1f re S" % (x, y, rnd.uniform(1, 40), rnd.uniform(1, 40)))
    return one_page_pdf(b"\n".join(ops))


def image_pdf(width: int, height: int, media=b"[0 0 595 842]") -> bytes:
    """A page that is one grey image and no text (a 'scan'), image of width x height pixels."""
    image = b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray " \
            b"/BitsPerComponent 8 /Length %d /Filter /FlateDecode >>\nstream\n"
    data = deflate_zeros(width * height, b"\xf0")
    image_obj = image % (width, height, len(data)) + data + b"\nendstream"
    size = media.strip(b"[]").split()
    content = b"q %s 0 0 %s 0 0 cm /Im1 Do Q" % (size[2], size[3])
    return one_page_pdf(content, media=media, resources=b"<< /XObject << /Im1 6 0 R >> >>",
                        extra_objects=[image_obj])


def encrypted_pdf(user_password: str) -> bytes:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas
    buf = io.BytesIO()
    enc = pdfencrypt.StandardEncryption(user_password, ownerPassword="owner-secret", canPrint=0)
    c = canvas.Canvas(buf, encrypt=enc, invariant=1)
    c.drawString(60, 780, "PERJANJIAN KINERJA TAHUN 2025 DINAS PENDIDIKAN KOTA JAMBI rahasia")
    c.showPage()
    c.save()
    return buf.getvalue()


def valid_pdf() -> bytes:
    return one_page_pdf(TEXT_OPS + b"\nBT /F1 11 Tf 60 760 Td (PIHAK PERTAMA: dr. Sri Wahyuni, Kepala Dinas Kesehatan) Tj ET")


def self_referencing_pdf() -> bytes:
    """A page tree whose Kids point back at itself, and a page whose Parent is itself."""
    return raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                    b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                    b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
                    stream(TEXT_OPS)])


def deep_array_pdf(depth: int) -> bytes:
    """An object nested `depth` arrays deep: recursive-descent parsers run out of stack."""
    return one_page_pdf(TEXT_OPS, extra_objects=[b"[" * depth + b"]" * depth])


# -- XML builders ---------------------------------------------------------------------------

def rss(items: str, doctype: str = "") -> bytes:
    return (f"<?xml version='1.0' encoding='utf-8'?>{doctype}<rss version='2.0'><channel>"
            f"<title>Berita</title>{items}</channel></rss>").encode()


def billion_laughs(root: str) -> str:
    lines = ['<!ENTITY lol "lol">'] + [f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">'
                                          for i in range(1, 10)]
    return f"<!DOCTYPE {root} [{''.join(lines)}]>"


def sitemap(urls: list[str], index: bool = False, doctype: str = "") -> bytes:
    tag, item = ("sitemapindex", "sitemap") if index else ("urlset", "url")
    body = "".join(f"<{item}><loc>{u}</loc></{item}>" for u in urls)
    return (f"<?xml version='1.0' encoding='UTF-8'?>{doctype}<{tag} xmlns='http://www.sitemaps.org/schemas/"
            f"sitemap/0.9'>{body}</{tag}>").encode()


# -- issue 16: classes an independent campaign found (each also a trial in tests/hostile/campaign.py)

def utf7_article() -> bytes:
    """Labelled UTF-7 (not a WHATWG encoding): Python's codec would decode "+2ADc-" into a lone
    surrogate that SQLite refuses."""
    return article(body=ARTICLE_BODY.replace("<p>", "<p>+2ADcAA- ", 1),
                   charset_meta="<meta charset='utf-7'>").encode("ascii")


def json_ld_article(json_text: str) -> str:
    return article(head=f'<script type="application/ld+json">{json_text}</script>')


def surrogate_json_ld_article() -> str:
    return json_ld_article('{"@type": "NewsArticle", "headline": "Janji \\ud800 Wali Kota", '
                           '"author": {"name": "Redaksi \\udfff"}, "datePublished": "2025-06-26"}')


def deep_json_ld_article(depth: int = 100_000) -> str:
    return json_ld_article("[" * depth + "]" * depth)


def run_article(char: str, count: int) -> str:
    """One unbroken run of one punctuation character (a separator line, a pasted quote run)."""
    return article(body=ARTICLE_BODY + f"<p>{char * count}</p>" + ARTICLE_BODY.replace("Maulana", "Ahmad"))


def run_text(char: str, count: int) -> bytes:
    plain = ARTICLE_BODY.replace("<p>", "").replace("</p>", "\n\n")
    return ("Wali Kota Jambi Janji Tuntaskan Jalan\n\n" + plain + char * count + "\n\n" + plain).encode()


def nul_names_text() -> bytes:
    plain = ARTICLE_BODY.replace("<p>", "").replace("</p>", "\n\n").replace("Maulana", "Mau\0la\0na")
    return ("Janji Wali Kota\n\n" + plain * 40).encode()


def nested_lists_page(items: int = 2_000) -> str:
    """Lists nested `items` deep outside any <article>: each <li>'s text holds all the deeper ones."""
    opened = "".join(f"<ul><li>Butir {i} program kerja pemerintah daerah Kota Jambi tahun 2025 "
                     for i in range(items))
    return f"<!DOCTYPE html><html><head><title>Program</title></head><body><div>{opened}{'</li></ul>' * items}</div></body></html>"


def big_text(size: int = 49 * MB) -> bytes:
    line = b"Pemerintah kota berjanji memperbaiki jalan lingkar selatan tahun ini.\n"
    return line * (size // len(line))


def utf16_text() -> bytes:
    plain = ARTICLE_BODY.replace("<p>", "").replace("</p>", "\n\n")
    return ("Wali Kota Jambi Janji Tuntaskan Jalan\n\n" + plain).encode("utf-16")  # with its BOM


def whitespace_text_layer_pdf() -> bytes:
    return one_page_pdf(b"BT /F1 11 Tf 60 780 Td (" + b" " * 4000 + b") Tj ET")


def cid_text_layer_pdf(count: int = 40_000) -> bytes:
    """A text layer of unmapped glyphs: pdfminer reads it as "(cid:9)" x count."""
    return one_page_pdf(b"BT /F1 11 Tf 60 780 Td (" + b"\x09" * count + b") Tj ET")


def pdf_links_in_one_item(count: int, host: str) -> str:
    links = " ".join(f"<a href='{host}/dokumen/pk-opd-{i}-2025.pdf'>Perjanjian Kinerja OPD {i}</a>"
                     for i in range(count))
    return article(body=ARTICLE_BODY + f"<ul><li>Lampiran: {links}</li></ul>")


# -- the corpus -----------------------------------------------------------------------------

def build(root: Path) -> list[Case]:
    """Write every hostile case under `root`; return the cases. `{base}` in bodies is the server
    origin, `{other}` another host name for the same server (filled in when served)."""
    root.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []
    rnd = random.Random(20250626)

    def add(case: Case, body: bytes | str | None = None) -> None:
        if body is not None:
            case.file = case.file or case.name + (".pdf" if case.kind == "pdf" else ".xml" if case.kind in ("feed", "sitemap") else ".html")
            (root / case.file).write_bytes(body.encode("utf-8") if isinstance(body, str) else body)
        cases.append(case)

    good = article()
    bomb = gzip_zeros(256 * MB)  # 256 MB of zeros in ~250 KB, reused by three cases
    # ---- HTML: empty, truncated, binary -----------------------------------------------------
    add(Case("html-empty-page", "html", "0-byte page", "error", r"empty"), b"")
    add(Case("html-whitespace-only-page", "html", "only whitespace", "error", r"empty"), b" \n\t \r\n" * 100)
    add(Case("html-truncated-mid-tag", "html", "page cut in the middle of a tag", "bounded"), good[: len(good) * 2 // 3])
    add(Case("html-truncated-head", "html", "only the first 40 bytes", "error", r"no article text|empty"), good[:40])
    add(Case("html-random-binary", "html", "64 KB of random bytes served as text/html", "error",
             r"binary|no article|not a page|unsupported"), rnd.randbytes(64 * 1024))
    add(Case("html-png-as-html", "html", "a PNG served as text/html", "error", r"binary|no article|unsupported"),
        b"\x89PNG\r\n\x1a\n" + rnd.randbytes(20000))
    add(Case("html-gzip-file-as-html", "html", "a .gz file served as text/html (no Content-Encoding)", "error",
             r"binary|no article|unsupported"), gzip.compress(good.encode() * 50))
    add(Case("html-nul-bytes", "html", "an article with NUL bytes between the words", "bounded"),
        good.replace(" ", " \0"))
    add(Case("html-control-chars", "html", "C0/C1 control characters and lone surrogates' bytes", "bounded"),
        good.encode() + bytes(range(0, 32)) * 30 + b"\xed\xa0\x80" * 100)
    # ---- encodings ----------------------------------------------------------------------------
    add(Case("enc-cp1252-labelled-utf8", "html", "windows-1252 bytes, header says utf-8", "stored",
             headers={"Content-Type": "text/html; charset=utf-8"}),
        article(body=ARTICLE_BODY.replace("\"", "\u201c", 1).replace("\"", "\u201d", 1) + "<p>Kata Pak Andr\u00e9.</p>",
                charset_meta="<meta charset='windows-1252'>").encode("cp1252"))
    add(Case("enc-utf16-bom", "html", "UTF-16 with a BOM, no charset anywhere", "bounded",
             headers={"Content-Type": "text/html"}), good.encode("utf-16"))
    add(Case("enc-utf16le-no-bom", "html", "UTF-16LE without BOM, labelled utf-8", "bounded",
             headers={"Content-Type": "text/html; charset=utf-8"}), good.encode("utf-16-le"))
    add(Case("enc-mixed-utf8-latin1", "html", "UTF-8 and Latin-1 paragraphs in one page", "stored"),
        good.encode("utf-8").replace(b"</article>", "<p>Kepala Dinas Andr\u00e9 ber\u00e7erita panjang lebar tentang "
                                     "program \u00e9konomi kerakyatan.</p></article>".encode("latin-1")))
    add(Case("enc-bogus-charset-name", "html", "charset=x-no-such-charset in header and meta", "stored",
             headers={"Content-Type": "text/html; charset=x-no-such-charset"}),
        article(charset_meta="<meta charset='x-no-such-charset'>"))
    add(Case("enc-charset-path-traversal", "html", "charset=\"../../etc/passwd\"", "stored",
             headers={"Content-Type": "text/html; charset=\"../../etc/passwd\""}), good)
    add(Case("enc-shift-jis", "html", "Shift-JIS page with no declaration", "bounded",
             headers={"Content-Type": "text/html"}),
        article(body="<p>" + "\u5e02\u9577\u306f\u9053\u8def\u3092\u4fee\u7406\u3059\u308b\u3068\u7d04\u675f\u3057\u305f\u3002" * 40 + "</p>").encode("shift_jis"))
    add(Case("enc-overlong-utf8", "html", "overlong and invalid UTF-8 sequences", "stored"),
        good.encode().replace(b"<p>", b"<p>\xc0\xaf\xe0\x80\xaf\xf8\x88\x80\x80\xaf", 1))
    add(Case("enc-bom-contradicts-meta", "html", "UTF-8 BOM but meta says utf-16", "stored"),
        b"\xef\xbb\xbf" + article(charset_meta="<meta charset='utf-16'>").encode())
    add(Case("enc-zero-width-rtl", "html", "zero-width joiners and RTL overrides inside names", "stored"),
        article(body=ARTICLE_BODY.replace("Maulana", "Mau\u200bla\u202ena\u202c\ufeff")))
    # ---- size ---------------------------------------------------------------------------------
    big = article(body="<p>" + ("Pemerintah kota berjanji memperbaiki jalan. " * 40 + "</p><p>") * (50 * MB // 1800) + "</p>")
    add(Case("size-50mb-page", "html", "a 50 MB article (Content-Length declared)", "error", r"limit"), big)
    add(Case("size-50mb-chunked", "html", "the same 50 MB, no Content-Length (close-delimited)", "error", r"limit|timed out",
             file="size-50mb-page.html", headers={"X-No-Length": "1"}, local=False))
    add(Case("size-gzip-bomb", "http", "Content-Encoding: gzip, 256 MB of zeros in 250 KB", "error", r"limit",
             headers={"Content-Encoding": "gzip"}, local=False), bomb)
    add(Case("size-deflate-bomb", "http", "Content-Encoding: deflate, 128 MB of spaces", "error", r"limit",
             headers={"Content-Encoding": "deflate"}, local=False), deflate_zeros(128 * MB, b" "))
    add(Case("size-double-gzip", "http", "Content-Encoding: gzip, gzip (bomb inside a bomb)", "error", r"limit",
             headers={"Content-Encoding": "gzip, gzip"}, local=False), gzip.compress(gzip_zeros(128 * MB, b"a"), 9))
    add(Case("size-corrupt-gzip", "http", "Content-Encoding: gzip on bytes that are not gzip", "error",
             r"decod|compress|corrupt", headers={"Content-Encoding": "gzip"}, local=False), good)
    add(Case("size-unknown-encoding", "http", "Content-Encoding: br (not installed) / x-evil", "bounded",
             headers={"Content-Encoding": "x-evil"}, local=False), good)
    add(Case("size-long-line", "html", "2 MB of letters without a space (one token)", "bounded"),
        article(body="<p>" + "a" * (2 * MB) + "</p>" + ARTICLE_BODY))
    add(Case("size-huge-attribute", "html", "a 5 MB attribute value", "stored"),
        article(body=f"<p data-x='{'x' * (5 * MB)}'>Pengantar.</p>" + ARTICLE_BODY))
    add(Case("size-200k-paragraphs", "html", "200,000 empty paragraphs", "bounded"),
        article(body=ARTICLE_BODY + "<p></p>" * 200_000))
    add(Case("size-entity-flood", "html", "1 million &amp; entities", "bounded"),
        article(body=ARTICLE_BODY + "<p>" + "&amp;" * 1_000_000 + "</p>"))
    # ---- structure ----------------------------------------------------------------------------
    add(Case("nest-100k-divs", "html", "100,000 nested <div>", "bounded"),
        article(body="<div>" * 100_000 + ARTICLE_BODY + "</div>" * 100_000))
    add(Case("nest-50k-unclosed-b", "html", "50,000 unclosed <b>", "bounded"), article(body="<b>" * 50_000 + ARTICLE_BODY))
    add(Case("nest-10k-tables", "html", "10,000 nested tables", "bounded"),
        article(body="<table><tr><td>" * 10_000 + ARTICLE_BODY + "</td></tr></table>" * 10_000))
    add(Case("nest-unterminated-comment", "html", "<!-- never closed before the body", "error", r"no article|empty"),
        article(body="<!-- " + ARTICLE_BODY))
    add(Case("nest-script-only", "html", "a 5 MB <script> and no text", "error", r"no article"),
        article(body="<script>var a='" + "x" * (5 * MB) + "';</script>"))
    add(Case("html-doctype-xxe", "html", "an HTML doctype declaring a SYSTEM entity for /etc/passwd", "bounded"),
        '<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' + article(body=ARTICLE_BODY + "<p>&xxe;</p>"))
    add(Case("html-meta-refresh-file", "html", "meta refresh and links to file:///etc/passwd", "stored"),
        article(head="<meta http-equiv='refresh' content='0;url=file:///etc/passwd'>",
                body=ARTICLE_BODY + "<p><a href='file:///etc/passwd'>lampiran</a></p>"))
    # ---- HTTP behaviour -----------------------------------------------------------------------
    add(Case("http-redirect-loop", "http", "302 A -> B -> A", "error", r"redirect", status=302,
             location="{base}/hostile/http-redirect-loop-b", local=False))
    add(Case("http-redirect-loop-b", "http", "(the other half of the loop)", "bounded", status=302,
             location="{base}/hostile/http-redirect-loop", local=False, role="none"))
    add(Case("http-redirect-self", "http", "302 to itself", "error", r"redirect", status=302,
             location="{base}/hostile/http-redirect-self", local=False))
    add(Case("http-redirect-cross-host", "http", "302 to another host (same server, other name)", "error",
             r"not a host of this job", status=302, location="{other}/hostile/enc-mixed-utf8-latin1", local=False))
    add(Case("http-redirect-file-scheme", "http", "302 to file:///etc/passwd", "error", r"only http and https",
             status=302, location="file:///etc/passwd", local=False))
    add(Case("http-redirect-metadata-ip", "http", "302 to http://169.254.169.254/ (cloud metadata)", "error",
             r"not a host of this job|private", status=302, location="http://169.254.169.254/latest/meta-data/",
             local=False))
    add(Case("http-redirect-empty-location", "http", "302 with an empty Location", "error", r"HTTP 302|unexpected",
             status=302, location="", local=False))
    add(Case("http-slow-trickle", "http", "one byte every 0.3 s", "error", r"timed out", trickle=0.3, local=False),
        good)
    add(Case("http-short-body", "http", "Content-Length larger than the body, then close", "error",
             r"connection|incomplete|closed|peer", short_body=True, local=False), good)
    add(Case("http-500-always", "http", "500 on every attempt", "error", r"HTTP 500", status=500, local=False), good)
    add(Case("http-lying-content-type", "http", "an article labelled image/png", "stored",
             headers={"Content-Type": "image/png"}, local=False), good)
    add(Case("http-huge-header", "http", "a 100 KB response header", "bounded",
             headers={"X-Junk": "j" * 100_000}, local=False), good)
    # ---- feeds (start pages) -------------------------------------------------------------------
    item = "<item><title>{t}</title><link>{base}/hostile/feed-target-{n}</link></item>"
    add(Case("feed-billion-laughs", "feed", "RSS with a billion-laughs entity bomb", "bounded", role="start"),
        rss("<item><title>&lol9;</title><link>{base}/hostile/feed-target-1</link></item>", billion_laughs("rss")))
    add(Case("feed-quadratic-blowup", "feed", "one 100 KB entity referenced 10,000 times", "bounded", role="start"),
        rss("<item><title>" + "&big;" * 10_000 + "</title><link>{base}/hostile/feed-target-2</link></item>",
            f"<!DOCTYPE rss [<!ENTITY big \"{'B' * 100_000}\">]>"))
    add(Case("feed-xxe-file", "feed", "XXE: SYSTEM file:///etc/passwd in title and link", "bounded", role="start"),
        rss("<item><title>&xxe;</title><link>{base}/hostile/feed-target-&xxe;</link></item>",
            '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'))
    add(Case("feed-xxe-network", "feed", "XXE: SYSTEM entity on the server (/canary/xxe)", "bounded", role="start"),
        rss("<item><title>&xxe;</title><link>{base}/hostile/feed-target-3</link></item>",
            '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "{base}/canary/xxe">]>'))
    add(Case("feed-external-dtd", "feed", "external DTD on the server (/canary/dtd)", "bounded", role="start"),
        rss(item.format(t="x", base="{base}", n=4), '<!DOCTYPE rss SYSTEM "{base}/canary/dtd">'))
    add(Case("feed-parameter-entity", "feed", "parameter-entity XXE (%remote;)", "bounded", role="start"),
        rss(item.format(t="x", base="{base}", n=5), '<!DOCTYPE rss [<!ENTITY % remote SYSTEM "{base}/canary/param"> %remote;]>'))
    add(Case("feed-truncated", "feed", "RSS cut in the middle of an item", "bounded", role="start"),
        rss(item.format(t="Satu", base="{base}", n=6) * 3)[:-60])
    add(Case("feed-empty-rss", "feed", "<rss/> with nothing inside", "bounded", role="start"), b"<rss/>")
    add(Case("feed-binary-labelled-rss", "feed", "random bytes as application/rss+xml", "bounded", role="start",
             headers={"Content-Type": "application/rss+xml"}), rnd.randbytes(8000))
    add(Case("feed-deep-nesting", "feed", "100,000 nested XML elements inside an item", "bounded", role="start"),
        rss("<item>" + "<x>" * 100_000 + "</x>" * 100_000 + item.format(t="y", base="{base}", n=7)[6:]))
    add(Case("feed-100k-items", "feed", "100,000 items linking to another host", "bounded", role="start"),
        rss("".join(f"<item><title>t</title><link>{{other}}/hostile/feed-many-{i}</link></item>" for i in range(100_000))))
    add(Case("feed-evil-schemes", "feed", "links to javascript:, file:, data: and the metadata IP", "bounded",
             role="start"),
        rss("".join(f"<item><title>x</title><link>{u}</link></item>" for u in
                    ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,hi",
                     "http://169.254.169.254/latest/meta-data/", "gopher://127.0.0.1:6379/_FLUSHALL"])))
    add(Case("feed-utf16", "feed", "Atom feed in UTF-16", "bounded", role="start"),
        ("<?xml version='1.0' encoding='utf-16'?><feed xmlns='http://www.w3.org/2005/Atom'><entry><title>x</title>"
         "<link href='{base}/hostile/feed-target-8'/></entry></feed>").encode("utf-16"))
    # ---- sitemaps (start pages) ----------------------------------------------------------------
    add(Case("sitemap-billion-laughs", "sitemap", "urlset with a billion-laughs bomb in <loc>", "bounded",
             role="start"),
        sitemap(["{base}/hostile/sm-target-&lol9;"], doctype=billion_laughs("urlset")))
    add(Case("sitemap-xxe", "sitemap", "XXE file:///etc/passwd in <loc>", "bounded", role="start"),
        sitemap(["{base}/hostile/sm-&xxe;"], doctype='<!DOCTYPE urlset [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'))
    add(Case("sitemap-gz-bomb", "sitemap", "sitemap.xml.gz expanding to 256 MB of zeros", "bounded", role="start",
             file="sitemap-gz-bomb.xml.gz", headers={"Content-Type": "application/x-gzip"}), bomb)
    add(Case("sitemap-gz-truncated", "sitemap", "gzip magic, stream cut short", "bounded", role="start",
             file="sitemap-gz-truncated.xml.gz"), gzip.compress(sitemap(["{base}/hostile/sm-1"]) * 20)[:200])
    add(Case("sitemap-encoding-bomb", "sitemap", "Content-Encoding: gzip bomb on sitemap.xml", "error", r"limit",
             role="start", headers={"Content-Encoding": "gzip"}, file="sitemap-gz-bomb.xml.gz", local=False))
    add(Case("sitemap-index-self", "sitemap", "a sitemap index listing itself", "bounded", role="start"),
        sitemap(["{base}/hostile/sitemap-index-self"], index=True))
    add(Case("sitemap-index-cycle", "sitemap", "index A -> index B -> index A", "bounded", role="start"),
        sitemap(["{base}/hostile/sitemap-index-cycle-b"], index=True))
    add(Case("sitemap-index-cycle-b", "sitemap", "(the other half of the cycle)", "bounded", role="none"),
        sitemap(["{base}/hostile/sitemap-index-cycle"], index=True))
    add(Case("sitemap-offhost-children", "sitemap", "index whose children are on other hosts", "bounded",
             role="start"), sitemap(["{other}/sitemap1.xml", "http://169.254.169.254/sitemap.xml"], index=True))
    add(Case("sitemap-60k-urls", "sitemap", "60,000 URLs (over the protocol's 50,000), other host", "bounded",
             role="start"), sitemap([f"{{other}}/hostile/sm-{i}" for i in range(60_000)]))
    # ---- PDFs (linked from the documents page, and as local files) ------------------------------
    valid = valid_pdf()
    add(Case("pdf-empty", "pdf", "0-byte .pdf", "error", r"empty", role="document"), b"")
    add(Case("pdf-header-only", "pdf", "just '%PDF-1.7'", "error", r"truncated|unreadable|no pages", role="document"),
        b"%PDF-1.7\n")
    add(Case("pdf-truncated", "pdf", "a valid PDF cut in half", "error", r"truncated|unreadable", role="document"),
        valid[: len(valid) // 2])
    add(Case("pdf-not-a-pdf", "pdf", "HTML bytes named .pdf", "error", r"not a PDF|not a PDF|PDF", role="document"),
        good)
    add(Case("pdf-encrypted", "pdf", "encrypted with a user password", "error", r"encrypted|password", role="document"),
        encrypted_pdf("rahasia"))
    add(Case("pdf-encrypted-owner-only", "pdf", "encrypted, empty user password (owner password only)", "bounded",
             role="document"), encrypted_pdf(""))
    corrupt = bytearray(valid)
    for i in range(len(corrupt) // 3, len(corrupt) // 3 + 200):
        corrupt[i] = rnd.randrange(256)
    add(Case("pdf-corrupt-middle", "pdf", "200 random bytes over the middle", "bounded", role="document"), bytes(corrupt))
    add(Case("pdf-bad-xref", "pdf", "xref offsets all wrong", "bounded", role="document"),
        valid.replace(b"0000000", b"9999999"))
    add(Case("pdf-random-after-header", "pdf", "%PDF- then 50 KB of noise", "error", r"unreadable|truncated|corrupt",
             role="document"), b"%PDF-1.4\n" + rnd.randbytes(50_000))
    add(Case("pdf-5000-pages", "pdf", "5,000 pages", "error", r"more than the limit", role="document"),
        many_pages_pdf(5000))
    add(Case("pdf-self-referencing", "pdf", "page tree that contains itself", "bounded", role="document"),
        self_referencing_pdf())
    add(Case("pdf-deep-arrays", "pdf", "an object nested 100,000 arrays deep", "bounded", role="document"),
        deep_array_pdf(100_000))
    add(Case("pdf-content-bomb", "pdf", "page content stream inflating to 128 MB", "bounded", role="document"),
        one_page_pdf(TEXT_OPS + b"\n" + b"q Q\n" * (32 * MB)))
    add(Case("pdf-huge-image", "pdf", "a 'scan' whose image is 20,000 x 20,000 pixels", "bounded", role="document"),
        image_pdf(20_000, 20_000))
    add(Case("pdf-huge-page", "pdf", "a 200 x 200 inch image-only page (OCR render size)", "bounded", role="document"),
        image_pdf(400, 400, media=b"[0 0 14400 14400]"))
    add(Case("pdf-table-grid-400", "pdf", "a page ruled by 400 x 400 lines (160,000 cells)", "bounded",
             role="document"), grid_pdf(400))
    add(Case("pdf-table-rects-20k", "pdf", "20,000 overlapping rectangles", "bounded", role="document"),
        rects_pdf(20_000))
    add(Case("pdf-valid-control", "pdf", "a small valid PK page (control: must be stored)", "stored", role="document"),
        valid)
    # ---- issue 16 classes (also trials of their own: tests/test_hostile_campaign.py) ---------------
    add(Case("i16-charset-not-a-text-codec", "html", "charset=base64 (a Python codec, not a text encoding)",
             "stored", headers={"Content-Type": "text/html; charset=base64"}),
        article(charset_meta="<meta charset='rot13'>"))
    add(Case("i16-utf7-surrogates", "html", "UTF-7 body decoding into lone surrogates", "stored"), utf7_article())
    add(Case("i16-json-ld-surrogate", "html", "\\ud800 escapes in JSON-LD headline and author", "stored"),
        surrogate_json_ld_article())
    add(Case("i16-json-ld-deep", "html", "JSON-LD nested 100,000 arrays deep", "stored"), deep_json_ld_article())
    # (30,000 dashes is a trial of its own: its stemming blocks a scrape's event loop for seconds,
    # which would time out the other responses of this one big run)
    add(Case("i16-quote-run", "html", 'a run of 40,000 \'"\'', "stored"), run_article('"', 40_000))
    add(Case("i16-nested-lists", "html", "2,000 nested list items, no <article>", "bounded"), nested_lists_page())
    return cases


def table(cases: list[Case], outcomes: dict[str, str] | None = None) -> str:
    rows = ["| # | case | input | expected | outcome |", "| --- | --- | --- | --- | --- |"]
    for i, case in enumerate(c for c in cases if c.role != "none"):
        outcome = (outcomes or {}).get(case.name, "")
        rows.append(f"| {i + 1} | `{case.name}` | {case.what} | {case.expect} | {outcome} |")
    return "\n".join(rows)


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-cases")
    built = build(target)
    print(table(built))
    print(f"\n{len([c for c in built if c.role != 'none'])} cases in {target}")

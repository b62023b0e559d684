"""Where the articles are: listing pages (links + pagination), RSS/Atom feeds, sitemaps and
sitemap indexes, and document pages whose PDF links are wanted (PK, PPID, e-SAKIP).

`discover()` looks at the bytes to tell which one a URL is, so `janji scrape --url` needs no profile.
"""
from __future__ import annotations

import gzip
import io
import re
import zlib
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag
from lxml import etree

from scrapers.canonical import safe_clean_url, same_site
from scrapers.dates import parse_byline, parse_iso
from scrapers.decode import decode_html
from scrapers.errors import SourceError
from scrapers import words

MAX_SITEMAP_BYTES = 50 * 1024 * 1024  # the sitemap protocol's own limit, also for gzip bombs
MAX_LINKS = 5_000  # links taken from one listing page, feed or sitemap (the protocol allows 50,000;
# a run that finds more reads the rest next time, as the first ones are settled)
NOT_ARTICLE = re.compile(rf"/({words.alternation('not_article_path')})(/|$)|\.({words.alternation('not_article_suffix')})$",
                         re.I)
ARTICLE_PATH = re.compile(rf"/20\d\d/\d\d?/|/({words.alternation('article_path')})/.*?[\w-]{{8}}", re.I)
# a slug of three words or more in the last segment ("wali-kota-resmikan"); written without the
# nested [^/]*[a-z0-9]+ that took time in the square of a long segment
SLUG = re.compile(r"[a-z0-9]-[a-z0-9]+-[a-z0-9]", re.I)
NEXT_TEXTS = set(words.words("next_text"))
DOWNLOAD_PATH = re.compile(rf"\.pdf$|/({words.alternation('download_path')})/|[?&]({words.alternation('download_param')})=",
                           re.I)
MAX_PATH_CHARS = 2_000  # a longer URL path is not an article's (and regexes stay cheap on it)
XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)


@dataclass
class Link:
    url: str
    title: str | None = None
    published: str | None = None  # ISO date when the listing, feed or sitemap says


@dataclass
class Discovery:
    kind: str                                             # listing | feed | sitemap
    articles: list[Link] = field(default_factory=list)
    next_pages: list[str] = field(default_factory=list)   # pagination, or child sitemaps
    documents: list[Link] = field(default_factory=list)   # PDF links that passed the filters


def _xml_bytes(content: bytes) -> bytes:
    if content[:2] == b"\x1f\x8b":  # sitemap.xml.gz
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(content)) as f:
                return f.read(MAX_SITEMAP_BYTES)
        except (OSError, EOFError, zlib.error):  # truncated or corrupt: whatever inflated so far is not XML
            raise SourceError("compressed sitemap is corrupt or truncated: not read") from None
    return content


def detect_kind(content: bytes, content_type: str | None = None) -> str:
    """'feed', 'sitemap' or 'html' from the root element (servers label XML as text/html and v.v.)."""
    head = _xml_bytes(content)[:4096].lower()
    head = re.sub(rb"<\?.*?\?>|<!--.*?-->|<!doctype[^>\[]*(\[.*?\])?\s*>", b"", head, flags=re.S).lstrip()
    if head.startswith((b"<rss", b"<feed", b"<rdf:rdf")):
        return "feed"
    if head.startswith((b"<urlset", b"<sitemapindex")):
        return "sitemap"
    return "html"


def _local(tag) -> str:
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def _child_text(node, *names: str) -> str | None:
    for child in node:
        if _local(child.tag) in names and (child.text or "").strip():
            return child.text.strip()
    return None


def _feed_date(value: str | None) -> str | None:
    if not value:
        return None
    found = parse_iso(value)
    if found:
        return found
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError):
        return parse_byline(value)


def parse_feed(content: bytes, base: str) -> Discovery:
    root = etree.fromstring(_xml_bytes(content), XML_PARSER)
    found = Discovery("feed")
    for node in root.iter() if root is not None else []:
        name = _local(node.tag)
        if name == "item":  # RSS 2.0 / RSS 1.0
            link = _child_text(node, "link") or _child_text(node, "guid")
            date = _child_text(node, "pubdate", "date")
        elif name == "entry":  # Atom
            hrefs = [c.get("href") for c in node if _local(c.tag) == "link"
                     and c.get("rel", "alternate") == "alternate" and c.get("href")]
            link, date = (hrefs or [None])[0], _child_text(node, "published", "updated")
        else:
            continue
        url = safe_clean_url(link, base) if link else None
        if url:  # a malformed link (port 99999) is skipped, not the whole feed
            found.articles.append(Link(url, _child_text(node, "title"), _feed_date(date)))
    return found


def parse_sitemap(content: bytes, base: str) -> Discovery:
    root = etree.fromstring(_xml_bytes(content), XML_PARSER)
    found = Discovery("sitemap")
    if root is None:
        return found
    for node in root:
        loc = _child_text(node, "loc")
        if not loc:
            continue
        url = safe_clean_url(loc, base)
        if url is None:
            continue
        if _local(node.tag) == "sitemap":
            found.next_pages.append(url)
        elif _local(node.tag) == "url":
            found.articles.append(Link(url, None, parse_iso(_child_text(node, "lastmod"))))
    return found


def _in_furniture(tag: Tag) -> bool:
    return any(parent.name in ("nav", "header", "footer", "aside") or
               set(parent.get("class") or ()) & {"pagination", "breadcrumb", "menu", "sidebar", "widget"}
               for parent in tag.parents if isinstance(parent, Tag))


def looks_like_article(url: str, base: str) -> bool:
    path = urlsplit(url).path
    if len(path) > MAX_PATH_CHARS:
        return False
    slug = path.rstrip("/").rsplit("/", 1)[-1]
    return (same_site(url, base) and urlsplit(url).scheme in ("http", "https")
            and not NOT_ARTICLE.search(path) and bool(ARTICLE_PATH.search(path) or SLUG.search(slug)))


def _article_links(soup: BeautifulSoup, base: str, selector: str | None) -> list[Link]:
    if selector:
        anchors = [a if a.name == "a" else a.find("a", href=True) for a in soup.select(selector)]
    else:  # headline links in the page's content, not its menus
        anchors = [a for a in soup.select("article a[href], h2 a[href], h3 a[href], h4 a[href], "
                                          ".title a[href], .post-title a[href], .entry-title a[href], "
                                          ".judul a[href]") if not _in_furniture(a)]
    links, seen = [], set()
    for a in anchors:
        if a is None or not a.get("href"):
            continue
        url = safe_clean_url(a["href"], base)
        if url is None or url in seen or not (looks_like_article(url, base) if not selector else same_site(url, base)):
            continue
        seen.add(url)
        links.append(Link(url, a.get_text(" ", strip=True) or None))
        if len(links) >= MAX_LINKS:
            break
    return links


def _next_pages(soup: BeautifulSoup, base: str, selector: str | None) -> list[str]:
    if selector:
        anchors = soup.select(selector)
    else:
        anchors = soup.select("a[rel~=next], link[rel~=next]") or [
            a for a in soup.find_all("a", href=True) if a.get_text(" ", strip=True).lower() in NEXT_TEXTS]
    pages: dict[str, None] = {}  # ordered, O(1) membership
    here = safe_clean_url(base)
    for a in anchors:
        href = a.get("href") if a.name in ("a", "link") else (a.find("a", href=True) or {}).get("href")
        if href and not href.startswith(("#", "javascript:")):
            url = safe_clean_url(href, base)
            if url and same_site(url, base) and url != here and url not in pages:
                pages[url] = None
                if len(pages) >= MAX_LINKS:
                    break
    return list(pages)


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"[a-z0-9]+", text.lower())) + " "


def link_matches(text: str, filters: list[str]) -> bool:
    """A filter matches as whole words: "PK" matches "pk-dinkes-2025.pdf", not "PKL"."""
    words = _words(text)
    return any(_words(f) in words for f in filters)


MAX_LABEL_CHARS = 500  # a row's text used as a link's label (a row of 15,000 links is not a label)


def document_links(soup: BeautifulSoup, base: str, filters: list[str]) -> list[Link]:
    """PDF (or download) links whose text, file name or table row matches one of the filters.
    A row's text is read once, however many links it holds (15,000 links in one <li> cost
    minutes and 1.9 GB when each re-read it), and at most MAX_LINKS links are taken."""
    found, seen = [], set()
    wanted = [_words(f) for f in filters]
    rows: dict[int, tuple[str, str]] = {}   # id(row) -> (text, words)
    for a in soup.find_all("a", href=True):
        url = safe_clean_url(a["href"], base)
        if url is None or url in seen or not DOWNLOAD_PATH.search(url):
            continue
        path = urlsplit(url).path
        row = a.find_parent(["tr", "li"])
        if row is not None and id(row) not in rows:
            row_text = row.get_text(" ", strip=True)
            rows[id(row)] = (row_text, _words(row_text))
        row_text, row_words = rows[id(row)] if row is not None else ("", " ")
        label = a.get_text(" ", strip=True)
        own = _words(" ".join([label, a.get("title", ""), path.rsplit("/", 1)[-1]]))
        if not wanted or any(w in own or w in row_words for w in wanted):
            seen.add(url)
            if row is not None and len(label) < 12:  # "Unduh", "PDF": the row names the document
                label = row_text[:MAX_LABEL_CHARS]
            found.append(Link(url, label or None))
            if len(found) >= MAX_LINKS:
                break
    return found


def parse_listing(html: str | bytes, base: str, *, link_selector: str | None = None,
                  pagination_selector: str | None = None, pdf_filters: list[str] | None = None,
                  header_charset: str | None = None) -> Discovery:
    if isinstance(html, bytes):
        html = decode_html(html, header_charset)
    soup = BeautifulSoup(html, "lxml")
    found = Discovery("listing", next_pages=_next_pages(soup, base, pagination_selector))
    if pdf_filters is not None:
        found.documents = document_links(soup, base, pdf_filters)
    if link_selector != "":  # "" means a documents-only page: no article links wanted
        documents = {d.url for d in found.documents}
        found.articles = [link for link in _article_links(soup, base, link_selector) if link.url not in documents]
    return found


def discover(content: bytes, url: str, *, content_type: str | None = None, header_charset: str | None = None,
             link_selector: str | None = None, pagination_selector: str | None = None,
             pdf_filters: list[str] | None = None) -> Discovery:
    """Feed, sitemap or listing page: detected from the content, parsed accordingly."""
    kind = detect_kind(content, content_type)
    if kind == "feed":
        found = parse_feed(content, url)
    elif kind == "sitemap":
        found = parse_sitemap(content, url)
    else:
        found = parse_listing(content, url, link_selector=link_selector, pagination_selector=pagination_selector,
                              pdf_filters=pdf_filters, header_charset=header_charset)
    # duplicates out before the cap: a sitemap index listing itself 5,000 times must not push
    # its real children past the limit
    found.articles, found.documents = _unique(found.articles)[:MAX_LINKS], _unique(found.documents)[:MAX_LINKS]
    found.next_pages = list(dict.fromkeys(found.next_pages))[:MAX_LINKS]
    return found


def _unique(links: list[Link]) -> list[Link]:
    seen: set[str] = set()
    return [link for link in links if not (link.url in seen or seen.add(link.url))]

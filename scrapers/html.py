"""HTML page -> Document: title, publication date (and how it was found), author, clean body.

trafilatura finds the main text; our Indonesian layer then removes what it leaves in
(BACA JUGA teasers, credits, ads, related lists), keeping teasers as `related` and photo
captions as `captions`, apart from the body.
"""
from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import trafilatura
from bs4 import BeautifulSoup

from models import Document
from models.vocab import furniture
from scrapers.dates import parse_byline, parse_iso, parse_url_date, visible_byline
from scrapers.decode import decode_html_raw, looks_binary
from scrapers.errors import SourceError
from scrapers.text import clean_text

MIN_BODY_CHARS = 200  # shorter than this is an index page, an error page or an empty shell
MAX_TEXT_CHARS = 1_000_000  # longer article text is refused: extraction (janji process) refuses it too
MAX_JSON_LD_CHARS = 1_000_000  # one JSON-LD block; larger is not metadata
MAX_JSON_LD_DEPTH = 64         # json.loads recurses: 100,000 nested brackets raise RecursionError
MAX_JSON_LD_BLOCKS = 20
JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)  # one alternative per character: linear
JSON_BRACKET = re.compile(r"[\[\]{}]")
BLOCKS = ["p", "h2", "h3", "li"]
DATE_META = ("article:published_time", "og:published_time", "datePublished", "pubdate",
             "publishdate", "date", "dc.date", "dc.date.issued", "content_publish_date")
BYLINE_SELECTORS = (".date", ".post-date", ".entry-date", ".published", ".tanggal", ".time",
                    ".byline", ".meta", ".article-date", ".detail__date")


def json_depth(text: str) -> int:
    """Deepest bracket nesting of a JSON text, strings skipped; linear, no recursion."""
    depth = deepest = 0
    for match in JSON_BRACKET.finditer(JSON_STRING.sub('""', text)):
        depth += 1 if match.group() in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def parse_json_ld(text: str | None):
    """A JSON-LD block, or None when it is not JSON or over the size or depth bound."""
    if not text or len(text) > MAX_JSON_LD_CHARS or json_depth(text) > MAX_JSON_LD_DEPTH:
        return None
    try:
        return json.loads(text)
    except (ValueError, TypeError, RecursionError):
        return None


def _json_ld(soup: BeautifulSoup) -> list[dict]:
    cached = getattr(soup, "_janji_json_ld", None)  # title, author and date each ask for it
    if cached is not None:
        return cached
    items = []
    for tag in soup.find_all("script", type="application/ld+json", limit=MAX_JSON_LD_BLOCKS):
        data = parse_json_ld(tag.string)
        if data is None:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                items.append(item)
                graph = item.get("@graph", [])
                stack.extend(v for v in (graph if isinstance(graph, list) else []) if isinstance(v, dict))
    soup._janji_json_ld = items
    return items


def _meta(soup: BeautifulSoup, *names: str) -> str | None:
    for name in names:
        tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name}) \
            or soup.find("meta", attrs={"itemprop": name})
        if tag and tag.get("content"):
            return tag["content"].strip()
    return None


def _htmldate(soup: BeautifulSoup, url: str | None) -> str | None:
    """The bare library's guess (htmldate: headers, URL, text patterns), used after our own readers,
    so janji is never worse than htmldate on the same page."""
    try:
        from htmldate import find_date
        return parse_iso(find_date(str(soup), url=url, original_date=True, extensive_search=True,
                                   outputformat="%Y-%m-%d") or "")
    except Exception:  # a page htmldate cannot parse has no date from it
        return None


def find_published(soup: BeautifulSoup, url: str | None) -> tuple[str | None, str | None]:
    for item in _json_ld(soup):
        found = parse_iso(str(item.get("datePublished") or ""))
        if found:
            return found, "jsonld"
    found = parse_iso(_meta(soup, *DATE_META))
    if found:
        return found, "meta"
    for tag in soup.find_all("time"):
        found = parse_iso(tag.get("datetime")) or parse_byline(tag.get_text(" "))
        if found:
            return found, "time"
    for selector in BYLINE_SELECTORS:
        for tag in soup.select(selector)[:3]:
            found = parse_byline(tag.get_text(" "))
            if found:
                return found, "byline"
    found = visible_byline(_page_head_text(soup))
    if found:
        return found, "byline"
    found = _htmldate(soup, url)
    if found:
        return found, "htmldate"
    found = parse_url_date(url)
    return (found, "url") if found else (None, None)


def _page_head_text(soup: BeautifulSoup) -> str:
    """The visible lines before and around the start of the article, where bylines are printed."""
    lines, size = [], 0
    for text in soup.find_all(string=True):
        if text.parent.name in ("script", "style", "noscript", "title", "meta"):
            continue
        line = text.strip()
        if len(line) > 250:
            break  # the body has begun: a date in it is an event's, not the byline's
        if line:
            lines.append(line)
            size += len(line)
            if size > 6000:
                break
    return "\n".join(lines)


TITLE_SEPARATOR = re.compile(r"\s+[|–—-]\s+|\s*[|–—]\s*")


def _without_site_name(title: str, site_names: list[str]) -> str:
    """"Bupati Minta Camat … | Kabar Daerah" -> "Bupati Minta Camat …": the page title's site part
    (og:site_name, the host name, or the shorter end part) is not the headline."""
    parts = TITLE_SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    names = {re.sub(r"\W", "", n.lower()) for n in site_names if n}
    keep = [p for p in parts if re.sub(r"\W", "", p.lower()) not in names
            and not any(n and (n in re.sub(r"\W", "", p.lower()) or re.sub(r"\W", "", p.lower()) in n) for n in names)]
    if keep and len(keep) < len(parts):
        return " - ".join(keep).strip()
    longest = max(parts, key=len)  # no site name known: the headline is the longest part
    return longest.strip() if len(longest) > 0.6 * len(title) else title


def find_title(soup: BeautifulSoup, url: str | None = None) -> str | None:
    """The article's own heading: JSON-LD headline, the article's h1, og:title without the site name;
    <title> only as a last resort (it carries the site name and sections)."""
    for item in _json_ld(soup):
        if item.get("headline"):
            return str(item["headline"]).strip()
    host = (urlsplit(url).hostname or "") if url else ""
    site_names = [_meta(soup, "og:site_name", "application-name") or "", host, host.split(".")[-2] if host.count(".") else ""]
    heading = soup.select_one("article h1, main h1, .post-title, .entry-title, .detail__title, h1")
    og = _meta(soup, "og:title", "twitter:title")
    if heading and heading.get_text(strip=True):
        text = heading.get_text(" ", strip=True)
        if not og or len(text) >= 20:  # a short h1 is often the site logo
            return text
    if og:
        return _without_site_name(og, site_names)
    return _without_site_name(soup.title.get_text(" ", strip=True), site_names) if soup.title else None


def find_author(soup: BeautifulSoup) -> str | None:
    for item in _json_ld(soup):
        author = item.get("author")
        if isinstance(author, list) and author:
            author = author[0]
        if isinstance(author, dict) and author.get("name"):
            return str(author["name"]).strip()
        if isinstance(author, str) and author.strip():
            return author.strip()
    return _meta(soup, "author", "article:author")


def _captions(soup: BeautifulSoup) -> list[str]:
    found = []
    for tag in soup.select("figcaption, .wp-caption-text, .caption, .photo-caption"):
        text = tag.get_text(" ", strip=True)
        if text and text not in found:
            found.append(text)
        tag.decompose()  # captions repeat names and roles: keep them out of the body
    return found


def _links_by_text(soup: BeautifulSoup) -> dict[str, str]:
    return {a.get_text(" ", strip=True): a["href"] for a in soup.find_all("a", href=True)
            if a.get_text(strip=True)}


def clean_body(text: str, links: dict[str, str]) -> tuple[str, list[dict], list[str]]:
    """Drop furniture lines; return (body, related teasers, captions found in the text)."""
    kept, related, captions = [], [], []
    lines = text.splitlines()
    skip_next = False
    for i, line in enumerate(lines):
        if skip_next and line.strip():
            skip_next = False
            related.append({"title": line.strip(), "url": links.get(line.strip())})
            continue
        marker = furniture(line)
        if marker is None:
            kept.append(line)
        elif marker.action == "stop":
            break
        elif marker.action == "teaser":
            headline = re.sub(rf"^\s*{re.escape(marker.marker)}\s*[:\-–]?\s*", "", line, flags=re.I).strip()
            if headline:
                related.append({"title": headline, "url": links.get(headline)})
            else:
                skip_next = True
        elif marker.action == "caption":
            captions.append(line.strip())
    body = "\n\n".join(line.strip() for line in kept if line.strip())  # one paragraph per block
    return body, related, captions


def _fallback_text(soup: BeautifulSoup) -> str:
    for tag in soup(["script", "style", "nav", "header", "footer", "aside", "form"]):
        tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    # Outermost blocks only: the text of a list item includes its nested lists, so reading every
    # <li> of 2,000 nested items reads the innermost one 2,000 times (200 KB became 275 MB).
    parts, inside, size = [], set(), 0
    for block in root.find_all(BLOCKS):
        if id(block) in inside:
            continue
        inside.update(id(b) for b in block.find_all(BLOCKS))
        text = block.get_text(" ", strip=True)
        if text:
            parts.append(text)
            size += len(text)
            if size > MAX_TEXT_CHARS:
                break  # refused by read_html, whatever the rest holds
    return "\n\n".join(parts)


def read_html(raw: bytes, *, url: str | None = None, path: str | None = None,
              header_charset: str | None = None, site: str | None = None) -> Document:
    html = decode_html_raw(raw, header_charset)
    if not html.strip():
        raise SourceError("empty page: nothing to read")
    if looks_binary(html):
        raise SourceError("binary content served as HTML: not a page")
    html = clean_text(html)
    soup = BeautifulSoup(html, "lxml")
    title, author = find_title(soup, url), find_author(soup)
    published, method = find_published(soup, url)
    captions = _captions(soup)
    links = _links_by_text(soup)
    text = trafilatura.extract(str(soup), url=url, include_comments=False, include_tables=False,
                               favor_precision=True)
    text_method = "trafilatura"
    if not text or len(text) < MIN_BODY_CHARS:
        text, text_method = _fallback_text(soup), "html-fallback"
    if text and len(text) > MAX_TEXT_CHARS:
        raise SourceError(f"article text of {len(text):,} characters is over the {MAX_TEXT_CHARS:,}-character "
                          "limit (nested lists or a dump, not an article): not stored")
    body, related, text_captions = clean_body(text or "", links)
    if len(body) < MIN_BODY_CHARS:
        raise SourceError(f"no article text found ({len(body)} characters): an index, error or empty page")
    return Document(raw=raw, text=body, kind="news", url=url, path=path, site=site, title=title,
                    published=published, published_method=method, author=author,
                    content_type="text/html", text_method=text_method, related=related,
                    captions=captions + text_captions)

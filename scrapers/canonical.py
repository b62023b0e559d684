"""One article, one URL: tracking parameters stripped, fragments dropped, <link rel=canonical> followed.

Sites link the same article as `?utm_source=wa`, `#komentar`, `?fbclid=…` and `http://` vs
`https://`; without this each variant would be stored as its own document.
"""
from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from bs4 import BeautifulSoup

TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "hsa_", "_hs")
TRACKING_PARAMS = {"fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid",
                   "twclid", "ttclid", "_ga", "_gl", "mkt_tok", "ref_src", "amp", "share", "s_cid"}
DEFAULT_PORTS = {"http": 80, "https": 443}
CANONICAL_LINK = re.compile(r"""<link\b[^>]{0,2000}?\brel\s*=\s*["']?canonical""", re.I)  # bounded: linear


def is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def clean_url(url: str, base: str | None = None) -> str:
    """Absolute URL with lower-case scheme and host, no default port, no fragment, no tracking.
    ValueError for a URL that is not one (port 99999, "[::1" unclosed): see safe_clean_url."""
    if base:
        url = urljoin(base, url)
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    netloc = f"[{host}]" if ":" in host else host  # an IPv6 address keeps its brackets
    if parts.port and parts.port != DEFAULT_PORTS.get(scheme):
        netloc = f"{netloc}:{parts.port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not is_tracking(k)])
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def safe_clean_url(url: str, base: str | None = None) -> str | None:
    """clean_url, or None for a malformed link: one bad href must not lose the page or feed."""
    try:
        return clean_url(url, base)
    except ValueError:
        return None


def same_site(a: str, b: str) -> bool:
    """Same host, ignoring a leading www. (a canonical link may not point at another site)."""
    def host(url: str) -> str:
        try:
            name = (urlsplit(url).hostname or "").lower()
        except ValueError:  # "http://[::1" : not a URL, no site
            return ""
        return name[4:] if name.startswith("www.") else name
    return host(a) == host(b)


def _canonical_tag(soup: BeautifulSoup):
    """<link rel="canonical"> (rel may list several values)."""
    return soup.find("link", rel=lambda v: v and "canonical" in (v if isinstance(v, list) else [v]))


def canonical_link(html: str | BeautifulSoup, page_url: str) -> str | None:
    """The page's <link rel=canonical>, cleaned, if it is an http(s) URL on the same site.

    Another site's canonical (syndicated copies) is ignored: the page we fetched is what we store.
    """
    if isinstance(html, str):
        if not CANONICAL_LINK.search(html):
            return None
        html = BeautifulSoup(html, "lxml")
    tag = _canonical_tag(html)
    href = tag.get("href", "").strip() if tag else ""
    if not href:
        return None
    url = safe_clean_url(href, page_url)
    if url is None or urlsplit(url).scheme not in ("http", "https") or not same_site(url, page_url):
        return None
    return url


HEAD_END = re.compile(rb"</head\s*>", re.I)
HEAD_LIMIT = 200_000  # a page's head is small; a hostile file is not parsed whole for one link


def declared_url(raw: bytes) -> str | None:
    """The address a saved page declares for itself: its <link rel=canonical>, else og:url, if it
    is an absolute http(s) URL (cleaned). For a local file there is no fetched URL to resolve it
    against or compare its site with, so only absolute addresses count."""
    end = HEAD_END.search(raw, 0, HEAD_LIMIT)
    head = raw[:end.end() if end else HEAD_LIMIT].decode("utf-8", "replace")
    soup = BeautifulSoup(head, "lxml")
    link = _canonical_tag(soup)
    og = soup.find("meta", attrs={"property": "og:url"})
    for candidate in ((link.get("href") if link else None), (og.get("content") if og else None)):
        href = (candidate or "").strip()
        if not re.match(r"https?://", href, re.I):
            continue
        url = safe_clean_url(href)
        if url and urlsplit(url).hostname:
            return url
    return None

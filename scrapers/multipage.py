"""Articles split over several pages ("Halaman 1 2 Selanjutnya", `/slug/2`, `?page=2`) joined
into one document, so one article is one document and its quotes are not cut in half."""
from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from bs4 import BeautifulSoup

from models import Document, PageSpan
from scrapers import words
from scrapers.canonical import clean_url, safe_clean_url

MAX_PAGES = 20
PAGE_PARAMS = words.words("page_param")  # scrapers/words.csv
PATH_PAGE = re.compile(r"^(?P<base>.+?)/(?P<n>\d{1,2})/?$")
PAGER_TEXT = re.compile(rf"^({words.alternation('pager_lead')})?\s*\d{{1,2}}$|^({words.alternation('pager_nav')})$", re.I)
# A pager line left in the text: "Halaman 1 2 3 Selanjutnya", "Halaman Selanjutnya", "1 2 »".
# Read token by token (the regex it replaces, (\d{1,2}\s*)*, backtracked exponentially on a
# long run of digits).
PAGER_TOKENS = re.compile(r"\d+|[^\W\d_]+\.?|[»›]")
PAGER_LEAD = set(words.words("pager_lead"))
PAGER_NAV = set(words.words("pager_nav"))
MAX_PAGER_CHARS = 200
RAW_SEPARATOR = b"\n<!-- janji: next page of the same article -->\n"


def split_page(url: str) -> tuple[str, int]:
    """(article URL without its page part, page number); page 1 when the URL has none."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    for key, value in query:
        if key.lower() in PAGE_PARAMS and value.isdigit():
            rest = urlencode([(k, v) for k, v in query if k != key])
            return urlunsplit((parts.scheme, parts.netloc, parts.path, rest, "")), int(value)
    match = PATH_PAGE.match(parts.path)
    if match and 1 <= int(match.group("n")) <= MAX_PAGES:
        return urlunsplit((parts.scheme, parts.netloc, match.group("base"), parts.query, "")), int(match.group("n"))
    return url, 1


def _same_article(a: str, b: str) -> bool:
    return a.rstrip("/") == b.rstrip("/")


def continuation_pages(html: str | BeautifulSoup, url: str) -> list[str]:
    """URLs of pages 2, 3, … of the article at `url`, in order, from its pager links."""
    soup = BeautifulSoup(html, "lxml") if isinstance(html, str) else html
    base, current = split_page(clean_url(url))
    pages: dict[int, str] = {}
    for a in soup.find_all("a", href=True):
        if not PAGER_TEXT.match(a.get_text(" ", strip=True)):
            continue
        target = safe_clean_url(a["href"], url)
        if target is None:
            continue
        target_base, number = split_page(target)
        if number > 1 and number != current and _same_article(target_base, base):
            pages.setdefault(number, target)
    return [pages[n] for n in sorted(pages) if n > current]


def is_pager_line(block: str) -> bool:
    """"Halaman 1 2 3 Selanjutnya", "Hal. 2", "1 2 »": an optional lead word, page numbers of one
    or two digits, an optional last navigation word, and nothing else."""
    block = block.strip()
    if not block or len(block) > MAX_PAGER_CHARS:
        return False
    tokens = PAGER_TOKENS.findall(block.lower())
    if "".join(tokens) != "".join(block.lower().split()):
        return False  # something else than words, numbers and arrows (punctuation, a sentence)
    if tokens and tokens[0] in PAGER_LEAD:
        tokens = tokens[1:]
    if tokens and tokens[-1] in PAGER_NAV:
        tokens = tokens[:-1]
    return all(t.isdigit() and len(t) <= 2 for t in tokens)


def strip_pager_lines(text: str) -> str:
    """Drop pager lines ("Halaman 1 2 Selanjutnya") that trafilatura kept as paragraphs."""
    return "\n\n".join(b for b in text.split("\n\n") if b.strip() and not is_pager_line(b))


def _merge(items: list, more: list) -> list:
    return items + [item for item in more if item not in items]


def join_pages(pages: list[Document]) -> Document:
    """One document from the pages of one article: text joined, spans recorded per page."""
    first = pages[0]
    texts, spans, offset = [], [], 0
    related, captions = list(first.related), list(first.captions)
    for number, page in enumerate(pages, start=1):
        text = strip_pager_lines(page.text)
        if texts:
            offset += 2  # the "\n\n" between pages
        texts.append(text)
        spans.append(PageSpan(page=number, start=offset, end=offset + len(text)))
        offset += len(text)
        if number > 1:
            related, captions = _merge(related, page.related), _merge(captions, page.captions)
    first.text = "\n\n".join(texts)
    first.raw = RAW_SEPARATOR.join(p.raw for p in pages)
    first.pages = spans if len(pages) > 1 else []
    first.related, first.captions = related, captions
    return first

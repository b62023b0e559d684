"""Site profiles: one JSON file per source in scrapers/profiles/, data only (never code).

A profile says where a source lists its articles and how to read them. Unknown keys are errors,
so a typo ("link_selectr") fails loudly instead of silently scraping with defaults.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import soupsieve

from scrapers import words
from scrapers.errors import SourceError

PROFILE_DIR = Path(__file__).parent / "profiles"
DISCOVERY = ("auto", "listing", "feed", "sitemap", "documents")
KINDS = ("news", "pdf")
NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
DEFAULT_PDF_FILTERS = list(words.words("pdf_filter"))  # scrapers/words.csv
FIELDS = {"name", "description", "style", "start_urls", "hosts", "discovery", "link_selector",
          "pagination_selector", "article", "date_format", "pdf_filters", "max_pages", "kind",
          "allow_private"}
ARTICLE_FIELDS = {"title", "date", "body", "drop"}


class ProfileError(SourceError):
    """A profile file is invalid; the message names the file and the field."""


@dataclass(frozen=True)
class ArticleSelectors:
    title: str | None = None      # CSS selector of the headline, when meta tags are wrong
    date: str | None = None       # CSS selector of the byline holding the date
    body: str | None = None       # CSS selector of the article body (narrows what trafilatura sees)
    drop: tuple[str, ...] = ()    # CSS selectors removed before reading (ads, share bars, related)


@dataclass(frozen=True)
class Profile:
    name: str
    start_urls: tuple[str, ...]
    discovery: str = "auto"
    description: str = ""
    style: str = ""
    hosts: tuple[str, ...] = ()
    link_selector: str | None = None
    pagination_selector: str | None = None
    article: ArticleSelectors = field(default_factory=ArticleSelectors)
    date_format: str | None = None   # strptime format of the byline date, e.g. "%d/%m/%Y"
    pdf_filters: tuple[str, ...] | None = None  # documents pages: link text / file name words
    max_pages: int = 5               # listing pages (or sitemaps) visited per run
    kind: str = "news"
    allow_private: bool = False

    @property
    def all_hosts(self) -> frozenset[str]:
        return frozenset(self.hosts) | {urlsplit(u).netloc.lower() for u in self.start_urls}

    def rebase(self, base: str) -> "Profile":
        """The same profile served from another origin (a mirror, or the test fixture server)."""
        new = urlsplit(base)
        urls = tuple(urlunsplit((new.scheme, new.netloc, *urlsplit(u)[2:])) for u in self.start_urls)
        return replace(self, start_urls=urls, hosts=())


def _check_selector(source: str, key: str, value) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ProfileError(f"{source}: {key} must be a CSS selector string")
    if value:
        try:
            soupsieve.compile(value)
        except Exception as exc:  # soupsieve raises its own SelectorSyntaxError and ValueError
            raise ProfileError(f"{source}: {key} {value!r} is not a valid CSS selector ({exc})") from None
    return value


def _check_url(source: str, url) -> str:
    if not isinstance(url, str) or urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc:
        raise ProfileError(f"{source}: start URL {url!r} must be an absolute http(s) URL")
    return url


def profile_from_dict(data: dict, source: str = "profile") -> Profile:
    if not isinstance(data, dict):
        raise ProfileError(f"{source}: a profile is a JSON object")
    unknown = set(data) - FIELDS
    if unknown:
        raise ProfileError(f"{source}: unknown field(s) {', '.join(sorted(unknown))}; "
                           f"known fields: {', '.join(sorted(FIELDS))}")
    name = data.get("name")
    if not isinstance(name, str) or not NAME.match(name):
        raise ProfileError(f"{source}: name must be lower-case letters, digits, - or _")
    starts = data.get("start_urls")
    if not isinstance(starts, list) or not starts:
        raise ProfileError(f"{source}: start_urls must be a non-empty list of URLs")
    discovery = data.get("discovery", "auto")
    if discovery not in DISCOVERY:
        raise ProfileError(f"{source}: discovery must be one of {', '.join(DISCOVERY)}")
    article = data.get("article") or {}
    if not isinstance(article, dict) or set(article) - ARTICLE_FIELDS:
        raise ProfileError(f"{source}: article may only hold {', '.join(sorted(ARTICLE_FIELDS))}")
    drop = article.get("drop", [])
    if not isinstance(drop, list):
        raise ProfileError(f"{source}: article.drop must be a list of CSS selectors")
    date_format = data.get("date_format")
    if date_format is not None and (not isinstance(date_format, str) or "%" not in date_format):
        raise ProfileError(f"{source}: date_format must be a strptime format such as \"%d/%m/%Y\"")
    filters = data.get("pdf_filters", DEFAULT_PDF_FILTERS if discovery == "documents" else None)
    if filters is not None and (not isinstance(filters, list) or not all(isinstance(f, str) for f in filters)):
        raise ProfileError(f"{source}: pdf_filters must be a list of words or phrases")
    max_pages = data.get("max_pages", 5)
    if not isinstance(max_pages, int) or isinstance(max_pages, bool) or not 1 <= max_pages <= 1000:
        raise ProfileError(f"{source}: max_pages must be a whole number from 1 to 1000")
    if data.get("kind", "news") not in KINDS:
        raise ProfileError(f"{source}: kind must be one of {', '.join(KINDS)}")
    allow_private = data.get("allow_private", False)
    if not isinstance(allow_private, bool):
        raise ProfileError(f"{source}: allow_private must be true or false")
    for key in ("description", "style"):
        if not isinstance(data.get(key, ""), str):
            raise ProfileError(f"{source}: {key} must be plain text")
    hosts = data.get("hosts", [])
    if not isinstance(hosts, list) or not all(isinstance(h, str) for h in hosts):
        raise ProfileError(f"{source}: hosts must be a list of host names")
    return Profile(
        name=name, start_urls=tuple(_check_url(source, u) for u in starts), discovery=discovery,
        description=str(data.get("description", "")), style=str(data.get("style", "")),
        hosts=tuple(h.lower() for h in hosts),
        link_selector=_check_selector(source, "link_selector", data.get("link_selector")),
        pagination_selector=_check_selector(source, "pagination_selector", data.get("pagination_selector")),
        article=ArticleSelectors(
            title=_check_selector(source, "article.title", article.get("title")),
            date=_check_selector(source, "article.date", article.get("date")),
            body=_check_selector(source, "article.body", article.get("body")),
            drop=tuple(_check_selector(source, "article.drop", d) for d in drop)),
        date_format=date_format, pdf_filters=tuple(filters) if filters is not None else None,
        max_pages=max_pages, kind=data.get("kind", "news"), allow_private=allow_private)


def load_profile(path: Path) -> Profile:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ProfileError(f"{path}: cannot read the profile ({exc})") from None
    profile = profile_from_dict(data, str(path))
    if profile.name != path.stem:
        raise ProfileError(f"{path}: name {profile.name!r} must match the file name {path.stem!r}")
    return profile


def load_profiles(extra_dir: str | Path | None = None) -> dict[str, Profile]:
    """Bundled profiles, then those of `extra_dir` (same name: the extra one wins)."""
    profiles = {}
    for folder in [PROFILE_DIR, *([Path(extra_dir)] if extra_dir else [])]:
        if not folder.is_dir():
            raise ProfileError(f"{folder}: no such profile folder")
        for path in sorted(folder.glob("*.json")):
            profile = load_profile(path)
            profiles[profile.name] = profile
    return profiles


def profile_for_url(url: str, allow_private: bool = False) -> Profile:
    """An ad-hoc profile for `janji scrape --url`: discovery detected from the page itself."""
    _check_url("--url", url)
    host = urlsplit(url).hostname or "site"
    return Profile(name=host, start_urls=(url,), discovery="auto", pdf_filters=tuple(DEFAULT_PDF_FILTERS),
                   allow_private=allow_private, max_pages=5)

"""Fetch one URL with httpx: timeouts, a size limit, a versioned User-Agent, http(s) only."""
from __future__ import annotations

from urllib.parse import urlsplit

import httpx

from models import Document
from scrapers.errors import SourceError
from scrapers.files import MAX_FILE_BYTES, document_from_bytes

VERSION = "0.1.0"
USER_AGENT = f"janji/{VERSION} (+research tool tracking public commitments; polite crawler)"
TIMEOUT = httpx.Timeout(20.0, connect=10.0)
MAX_REDIRECTS = 5


def fetch_bytes(url: str, client: httpx.Client | None = None) -> httpx.Response:
    if urlsplit(url).scheme not in ("http", "https"):
        raise SourceError(f"{url}: only http and https URLs are fetched")
    own = client is None
    client = client or httpx.Client(headers={"User-Agent": USER_AGENT}, timeout=TIMEOUT,
                                    follow_redirects=True, max_redirects=MAX_REDIRECTS)
    try:
        with client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise SourceError(f"{url}: HTTP {response.status_code}; the page is missing or the site refused it")
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > MAX_FILE_BYTES:
                    raise SourceError(f"{url}: response larger than {MAX_FILE_BYTES} bytes, not stored")
                chunks.append(chunk)
            response._content = b"".join(chunks)
            return response
    except httpx.TooManyRedirects:
        raise SourceError(f"{url}: more than {MAX_REDIRECTS} redirects") from None
    except httpx.TimeoutException:
        raise SourceError(f"{url}: timed out; the site is slow or down, try again later") from None
    except httpx.HTTPError as exc:
        raise SourceError(f"{url}: {type(exc).__name__}: {exc}") from None
    finally:
        if own:
            client.close()


def fetch_document(url: str, client: httpx.Client | None = None) -> Document:
    response = fetch_bytes(url, client)
    final_url = str(response.url)
    if not response.content:
        raise SourceError(f"{url}: empty response")
    try:
        return document_from_bytes(response.content, url=final_url,
                                   content_type=response.headers.get("content-type"),
                                   header_charset=response.charset_encoding,
                                   site=urlsplit(final_url).hostname)
    except SourceError as exc:
        raise SourceError(f"{url}: {exc}") from None

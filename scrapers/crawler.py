"""A polite async HTTP client for scrape jobs (httpx).

Government servers are small: one request per second per host by default (more if robots.txt
asks with Crawl-delay), a few requests in flight overall, backoff on 5xx and timeouts, and
Retry-After obeyed. Only http(s), only the job's hosts, never private or loopback addresses
(checked after DNS resolution, so a public name pointing inside the network is refused too).
"""
from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from scrapers.canonical import same_site
from scrapers.errors import SourceError
from scrapers.pinned import checked_transport
from scrapers.web import MAX_REDIRECTS, USER_AGENT

REDIRECTS = {301, 302, 303, 307, 308}
RETRY_STATUSES = {500, 502, 503, 504}
MAX_ROBOTS_BYTES = 512 * 1024
# A robots.txt may ask for any Crawl-delay (86400 once held a scrape silent for 600 s+): it is
# obeyed up to this many seconds between requests, and a Retry-After longer than
# MAX_RETRY_AFTER_S gives that URL up for this run (an error line) instead of stalling it.
MAX_CRAWL_DELAY_S = 30.0
MAX_RETRY_AFTER_S = 120.0


@dataclass(frozen=True)
class CrawlPolicy:
    delay: float = 1.0             # seconds between two requests to one host (Crawl-delay may raise it)
    concurrency: int = 4           # requests in flight over all hosts
    timeout: float = 20.0          # seconds for a whole response, connect to last byte, however it trickles
    retries: int = 3               # extra attempts on 5xx and dropped connections (never on a timeout:
    # a site that stalled once stalls again, and retrying it made one URL cost 90 s)
    backoff: float = 1.0           # first retry wait; doubles each attempt
    max_retry_after: float = MAX_RETRY_AFTER_S  # a longer Retry-After gives up instead of stalling the run
    max_crawl_delay: float = MAX_CRAWL_DELAY_S  # robots.txt Crawl-delay obeyed up to this
    max_bytes: int = 20 * 1024 * 1024
    max_redirects: int = MAX_REDIRECTS
    allowed_hosts: frozenset[str] | None = None  # None: any host
    allow_private: bool = False
    robots: bool = True
    user_agent: str = USER_AGENT


@dataclass
class Fetched:
    url: str
    final_url: str
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    content: bytes = b""

    @property
    def content_type(self) -> str | None:
        return self.headers.get("content-type")

    @property
    def charset(self) -> str | None:
        for part in (self.content_type or "").split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                return value.strip("\"' ")
        return None


class FetchError(SourceError):
    """A URL could not be fetched. `skip` marks policy refusals (robots.txt, other hosts)."""

    def __init__(self, message: str, *, status: int = 0, skip: bool = False):
        super().__init__(message)
        self.status, self.skip = status, skip


class Stalled(FetchError):
    """The response did not complete within the deadline: recorded, not retried."""


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Retry-After as seconds: either a number or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


def is_public_address(address: str) -> bool:
    """Globally routable only: not private, loopback, link-local, shared (CGNAT), reserved or
    multicast, also when wrapped in IPv6 (IPv4-mapped, 6to4, Teredo)."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address):
        inner = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if inner is not None and not is_public_address(str(inner)):
            return False
        ip = ip.ipv4_mapped or ip
    return ip.is_global and not (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved
                                 or ip.is_multicast or ip.is_unspecified)


@dataclass
class _Host:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)       # one request start at a time
    init_lock: asyncio.Lock = field(default_factory=asyncio.Lock)  # one robots.txt / DNS check
    next_at: float = 0.0
    crawl_delay: float = 0.0
    robots: RobotFileParser | None = None
    robots_error: str | None = None   # robots.txt unreadable: the host's URLs are errors this run
    checked: bool = False


class Crawler:
    """`async with Crawler(policy) as c: page = await c.fetch(url)`; `sleep` is injectable for tests."""

    def __init__(self, policy: CrawlPolicy | None = None, *, sleep=asyncio.sleep,
                 transport: httpx.AsyncBaseTransport | None = None):
        self.policy = policy or CrawlPolicy()
        self._sleep = sleep
        self._transport = transport
        self._hosts: dict[str, _Host] = {}
        self._public: set[str] = set()   # host names whose addresses were checked
        self._slots = asyncio.Semaphore(max(1, self.policy.concurrency))
        self.requests = 0          # every request sent, robots.txt and retries included
        self.client: httpx.AsyncClient | None = None

    async def __aenter__(self) -> "Crawler":
        # the connection goes to the address that was checked (scrapers/pinned.py), not to a second lookup
        transport = self._transport or checked_transport(is_public_address, self.policy.allow_private)
        self.client = httpx.AsyncClient(headers={"User-Agent": self.policy.user_agent},
                                        timeout=httpx.Timeout(self.policy.timeout),
                                        follow_redirects=False, transport=transport)
        return self

    async def __aexit__(self, *exc) -> None:
        await self.client.aclose()

    def _host(self, url: str) -> _Host:
        return self._hosts.setdefault(urlsplit(url).netloc.lower(), _Host())

    async def fetch(self, url: str, headers: dict[str, str] | None = None) -> Fetched:
        """GET with retries. Any HTTP status is returned; FetchError when there is no response."""
        async with self._slots:
            attempt = 0
            while True:
                try:
                    page = await self._follow(url, headers or {})
                except Stalled:
                    raise
                except (httpx.TimeoutException, TimeoutError):  # a timeout outside _get's deadline
                    raise Stalled(f"{url}: timed out after {self.policy.timeout:g} s; the site is slow or down") from None
                except (httpx.NetworkError, httpx.RemoteProtocolError) as exc:
                    if "private address" in str(exc):  # refused at connect time (scrapers/pinned.py): no retry helps
                        raise FetchError(f"{url}: {str(exc).splitlines()[0]}") from None
                    error = FetchError(f"{url}: connection failed ({type(exc).__name__}); the site may be down")
                except httpx.DecodingError:  # a Content-Encoding that does not decode: no retry helps
                    raise FetchError(f"{url}: the response's Content-Encoding does not decode (corrupt "
                                     "compressed data), not stored", status=200) from None
                except httpx.HTTPError as exc:  # anything else httpx refuses: one line, never a crash
                    raise FetchError(f"{url}: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else 'no detail'}") from None
                else:
                    wait = retry_after_seconds(page.headers.get("retry-after"))
                    if page.status in (429, 503) and wait is not None:
                        if wait > self.policy.max_retry_after or attempt >= self.policy.retries:
                            return page
                        host = self._host(page.final_url)  # the whole host waits, not only this URL
                        host.next_at = max(host.next_at, asyncio.get_running_loop().time() + wait)
                        attempt += 1
                        continue
                    if page.status not in RETRY_STATUSES or attempt >= self.policy.retries:
                        return page
                    error = None
                if error and attempt >= self.policy.retries:
                    raise error
                await self._sleep(self.policy.backoff * 2 ** attempt)
                attempt += 1

    async def _follow(self, url: str, headers: dict[str, str], *, robots: bool = True) -> Fetched:
        current = url
        for hop in range(self.policy.max_redirects + 1):
            try:
                await self._check(current, robots=robots)
            except FetchError as exc:
                if hop == 0:
                    raise
                # a redirect to another host, scheme or a private address: an error, not a quiet skip
                raise FetchError(f"{url}: redirected to {exc}; not followed", status=310) from None
            status, response_headers, content = await self._get(current, headers)
            location = response_headers.get("location")
            if status in REDIRECTS and location:
                current = urljoin(current, location)
                continue
            return Fetched(url, current, status, response_headers, content)
        raise FetchError(f"{url}: more than {self.policy.max_redirects} redirects (a redirect loop?)", status=310)

    async def _check(self, url: str, *, robots: bool) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(f"{url}: only http and https URLs are fetched", skip=True)
        allowed = self.policy.allowed_hosts
        if allowed is not None and not any(same_site(url, f"http://{h}/") for h in allowed):
            raise FetchError(f"{url}: {parts.hostname} is not a host of this job (allowed: "
                             f"{', '.join(sorted(allowed))})", skip=True)
        host = self._host(url)
        if not robots:  # robots.txt itself, fetched while the host's first check holds init_lock
            if not self.policy.allow_private:
                await self._check_address(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
            return
        async with host.init_lock:
            if not host.checked:
                if not self.policy.allow_private:
                    await self._check_address(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
                if self.policy.robots:
                    await self._load_robots(url, host)
                host.checked = True
        if host.robots_error:
            raise FetchError(f"{url}: not fetched: {host.robots_error}; try later")
        if host.robots and not host.robots.can_fetch(self.policy.user_agent, url):
            raise FetchError(f"{url}: disallowed by robots.txt, not fetched", skip=True)

    async def _check_address(self, hostname: str, port: int) -> None:
        if hostname in self._public:
            return
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(hostname, port, type=socket.SOCK_STREAM)
        except socket.gaierror as exc:
            raise FetchError(f"{hostname}: cannot resolve the host name ({exc.strerror})") from None
        for info in infos:
            address = info[4][0]
            if not is_public_address(address):
                raise FetchError(f"{hostname} resolves to the private address {address}; pass "
                                 "--allow-private (or allow_private in the profile) for an intranet source")
        self._public.add(hostname)

    async def _load_robots(self, url: str, host: _Host) -> None:
        parts = urlsplit(url)
        robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        parser = RobotFileParser(robots_url)
        try:
            page = await self._follow(robots_url, {}, robots=False)
            status, text = page.status, page.content[:MAX_ROBOTS_BYTES].decode("utf-8", "replace")
        except (httpx.HTTPError, TimeoutError, FetchError) as exc:
            # a robots.txt that times out or redirects in a loop: the site is left alone this run,
            # and every URL of it says so (it used to be skipped without a word)
            reason = str(exc).split(": ", 1)[-1] if str(exc) else type(exc).__name__
            status, text = 503, ""
            host.robots_error = f"robots.txt of {parts.netloc} could not be read ({reason})"
        if status in (401, 403):
            parser.disallow_all = True   # the server refuses robots: leave it alone
        elif status >= 500:
            parser.disallow_all = True   # the server is in trouble: leave it alone this run
            host.robots_error = host.robots_error or f"robots.txt of {parts.netloc} answered HTTP {status}"
        elif status >= 400:
            parser.allow_all = True      # no robots.txt: everything is allowed
        else:
            parser.parse(text.splitlines())
            try:
                delay = float(parser.crawl_delay(self.policy.user_agent) or 0.0)
            except (TypeError, ValueError):
                delay = 0.0
            host.crawl_delay = min(max(delay, 0.0), self.policy.max_crawl_delay)
        host.robots = parser

    async def _wait_turn(self, url: str) -> None:
        host = self._host(url)
        async with host.lock:
            loop = asyncio.get_running_loop()
            wait = host.next_at - loop.time()
            if wait > 0:
                await self._sleep(wait)
            delay = max(self.policy.delay, host.crawl_delay)
            host.next_at = max(loop.time(), host.next_at) + delay

    async def _get(self, url: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        await self._wait_turn(url)
        self.requests += 1
        limit, timeout = self.policy.max_bytes, self.policy.timeout
        status, size = None, 0
        try:
            # one deadline for the whole response, connect to last byte: a server trickling one
            # byte a second, a body shorter than its Content-Length on a socket left open and an
            # endless chunked body all end here (httpx's own timeouts are per read)
            async with asyncio.timeout(timeout):
                async with self.client.stream("GET", url, headers=headers) as response:
                    status = response.status_code
                    response_headers = {k.lower(): v for k, v in response.headers.items()}
                    declared = response_headers.get("content-length", "")
                    if declared.isdigit() and int(declared) > limit:
                        raise FetchError(f"{url}: response of {declared} bytes is over the {limit}-byte limit",
                                         status=status)
                    chunks = []
                    async for chunk in response.aiter_bytes():
                        size += len(chunk)
                        if size > limit:
                            raise FetchError(f"{url}: response larger than the {limit}-byte limit, not stored",
                                             status=status)
                        chunks.append(chunk)
                    return status, response_headers, b"".join(chunks)
        except (TimeoutError, httpx.TimeoutException):
            if status is None:
                raise Stalled(f"{url}: timed out: no response within {timeout:g} s; the site is slow or "
                              "stalled, try later") from None
            raise Stalled(f"{url}: timed out: the response did not complete within {timeout:g} s "
                          f"({size:,} bytes came; the site trickles or stalls), not stored") from None  # status 0: retried next run

"""`janji scrape`: site profiles (or one --url) -> polite crawl -> documents stored once.

Incremental by design: listing pages, feeds and sitemaps are fetched with If-None-Match /
If-Modified-Since; an article URL already stored is never fetched again (unless --refresh).
A listing page's validators are saved only once every link on it is settled, so a run killed
with kill -9, or one whose articles failed, is picked up by the next run; each document is
stored with its fetch state in one transaction, so nothing is stored twice.
"""
from __future__ import annotations

import asyncio
import hashlib
from collections import deque
from dataclasses import dataclass, field

import sqlite_utils

from db.scrape_state import finish_run, get_fetch_state, is_settled, put_fetch_state, start_run, update_run
from db.store import record_ingest_error, store_document, write_transaction
from janji import faults
from janji.ingest import page_errors
from janji.scrape_report import Reporter
from scrapers.article import read_article
from scrapers.canonical import clean_url
from scrapers.crawler import CrawlPolicy, Crawler, Fetched, FetchError
from scrapers.discover import MAX_LINKS, Link, discover, parse_listing
from scrapers.errors import SourceError
from scrapers.files import document_from_bytes, sniff_kind
from scrapers.multipage import MAX_PAGES, join_pages
from scrapers.profiles import Profile, ProfileError, load_profiles, profile_for_url
from scrapers.text import error_line

HTTP_REASONS = {404: "page not found", 410: "page gone", 429: "rate limited by the site; try later",
                401: "login required", 403: "access refused by the site"}


@dataclass
class ScrapeOptions:
    sites: tuple[str, ...] = ()
    url: str | None = None
    since: str | None = None          # ISO date: older articles are not stored
    max_new: int | None = None        # stop after this many new documents
    refresh: bool = False             # fetch known URLs again (conditionally)
    allow_private: bool = False
    any_host: bool = False            # follow links to other hosts than the job's
    delay: float = 1.0                # seconds between requests to one host
    concurrency: int = 4
    timeout: float = 20.0
    retries: int = 3
    backoff: float = 1.0
    max_bytes: int = 20 * 1024 * 1024
    profile_dir: str | None = None
    rebase: dict[str, str] = field(default_factory=dict)  # profile name -> origin serving its pages


@dataclass
class ScrapeReport:
    run_id: int
    pages_fetched: int = 0
    new_documents: int = 0
    unchanged: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)
    status: str = "running"

    def counters(self) -> dict[str, int]:
        return {"pages_fetched": self.pages_fetched, "new_documents": self.new_documents,
                "skipped": self.skipped, "errors": len(self.errors)}


def select_profiles(opts: ScrapeOptions) -> list[Profile]:
    if opts.url and opts.sites:
        raise ProfileError("give SITE names or --url, not both")
    if opts.url:
        return [profile_for_url(opts.url, opts.allow_private)]
    profiles = load_profiles(opts.profile_dir)
    unknown = [name for name in opts.sites if name not in profiles]
    if unknown:
        raise ProfileError(f"unknown site(s) {', '.join(unknown)}; known: {', '.join(sorted(profiles))}")
    chosen = [profiles[name] for name in (opts.sites or sorted(profiles))]
    return [p.rebase(opts.rebase[p.name]) if p.name in opts.rebase else p for p in chosen]


def _sha(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


class ScrapeJob:
    def __init__(self, db: sqlite_utils.Database, opts: ScrapeOptions, reporter: Reporter, run_id: int):
        self.db, self.opts, self.reporter = db, opts, reporter
        self.report = ScrapeReport(run_id)
        self.queued: set[str] = set()
        self.settled: set[str] = set()   # links dealt with in this run (stored, known, skipped, gone)

    def full(self) -> bool:
        return self.opts.max_new is not None and self.report.new_documents >= self.opts.max_new

    def policy(self, profile: Profile) -> CrawlPolicy:
        o = self.opts
        return CrawlPolicy(delay=o.delay, concurrency=o.concurrency, timeout=o.timeout, retries=o.retries,
                           backoff=o.backoff, max_bytes=o.max_bytes,
                           allowed_hosts=None if o.any_host else profile.all_hosts,
                           allow_private=o.allow_private or profile.allow_private)

    # -- bookkeeping -------------------------------------------------------------------------
    def _progress(self) -> None:
        update_run(self.db, self.report.run_id, **self.report.counters())
        self.reporter.update(self.report)

    def fail(self, url: str, message: str, status: int | None) -> None:
        message = error_line(message if message.startswith(url) else f"{url}: {message}")
        put_fetch_state(self.db, url, status=status)
        record_ingest_error(self.db, url, message, self.report.run_id)
        self.report.errors.append(message)
        if status in (200, 404, 410):
            self.settled.add(url)
        self.reporter.error(message)
        self._progress()

    def skip(self, url: str, why: str | None = None) -> None:
        self.report.skipped += 1
        self.settled.add(url)
        if why:
            self.reporter.note(why)

    async def get(self, crawler: Crawler, url: str, headers: dict[str, str] | None = None) -> Fetched | None:
        """Fetch; policy refusals are skips, failures are error lines; None when nothing came back."""
        faults.point("fetch")
        try:
            page = await crawler.fetch(url, headers)
        except FetchError as exc:
            self.skip(url, str(exc)) if exc.skip else self.fail(url, str(exc), exc.status)
            return None
        faults.point("fetched")
        self.report.pages_fetched += 1
        self._progress()
        if page.status in (200, 304):
            return page
        reason = HTTP_REASONS.get(page.status, "server error; try later" if page.status >= 500 else "unexpected status")
        self.fail(url, f"HTTP {page.status}: {reason}", page.status)
        return None

    # -- discovery ---------------------------------------------------------------------------
    async def scrape_source(self, crawler: Crawler, profile: Profile) -> None:
        listings: dict[str, tuple[Fetched, list[str]]] = {}
        tasks: list[asyncio.Task] = []
        queue, visited = deque(clean_url(u) for u in profile.start_urls), set()
        starts = set(queue)
        while queue and len(visited) < profile.max_pages and not self.full():
            url = queue.popleft()
            if url in visited:
                continue
            visited.add(url)
            state = get_fetch_state(self.db, url)
            headers = state.conditional_headers() if state and not self.opts.refresh else {}
            page = await self.get(crawler, url, headers)
            if page is None or page.status == 304:
                continue
            try:
                found = await asyncio.to_thread(
                    discover, page.content, page.final_url, content_type=page.content_type,
                    header_charset=page.charset,
                    link_selector="" if profile.discovery == "documents" else profile.link_selector,
                    pagination_selector=profile.pagination_selector,
                    pdf_filters=list(profile.pdf_filters) if profile.pdf_filters is not None else None)
            except SourceError as exc:
                self.fail(url, str(exc), 200)
                continue
            except Exception as exc:  # noqa: BLE001 - a hostile page is one error line, the run goes on
                self.fail(url, f"unreadable listing, feed or sitemap ({type(exc).__name__}); not followed", 200)
                continue
            links = [link for link in found.articles + found.documents]
            if not links and not found.next_pages and url in starts:
                # a start page that lists nothing means the site or its markup changed: an error
                # line and exit 1, so a cron job learns of it (later pages may run out quietly)
                self.fail(url, "no article or document links found on this listing, feed or sitemap; "
                               "the site may have changed (check the profile's selectors)", 200)
                continue
            listings[url] = (page, [link.url for link in links])
            fresh = [link for link in links if self.opts.refresh or not is_settled(self.db, link.url)]
            for link in found.articles:
                tasks.append(asyncio.create_task(self.article(crawler, profile, link)))
            for link in found.documents:
                tasks.append(asyncio.create_task(self.article(crawler, profile, link, linked_from=page.final_url)))
            # Pagination goes deeper only while there is something new (or the page never completed).
            if found.kind == "sitemap" or fresh or state is None or self.opts.refresh:
                queue.extend(found.next_pages)
        await asyncio.gather(*tasks)
        for url, (page, links) in listings.items():
            if all(link in self.settled for link in links):
                put_fetch_state(self.db, url, status=200, etag=page.headers.get("etag"),
                                last_modified=page.headers.get("last-modified"), content_sha256=_sha(page.content))

    def _too_old(self, published: str | None) -> bool:
        return bool(self.opts.since and published and published < self.opts.since)

    # -- articles and documents ----------------------------------------------------------------
    async def article(self, crawler: Crawler, profile: Profile, link: Link, linked_from: str | None = None) -> None:
        """One link, isolated: whatever it raises is its own error line; the other links go on
        (a poisoned first article once stopped the 20 good ones after it)."""
        try:
            await self._article(crawler, profile, link, linked_from)
        except (KeyboardInterrupt, SystemExit, asyncio.CancelledError):
            raise
        except Exception as exc:  # noqa: BLE001
            if self.db.conn.in_transaction:
                self.db.conn.rollback()
            self.fail(link.url, f"not stored: reading or storing it failed unexpectedly ({type(exc).__name__}: "
                                f"{str(exc)[:200] or 'no detail'}); the page is damaged or hostile", 200)

    async def _article(self, crawler: Crawler, profile: Profile, link: Link, linked_from: str | None = None) -> None:
        url = link.url
        if url in self.queued:
            return
        self.queued.add(url)
        if not self.opts.refresh and is_settled(self.db, url):
            return self.skip(url)
        if self._too_old(link.published):
            return self.skip(url)
        if self.full():
            return
        state = get_fetch_state(self.db, url)
        headers = state.conditional_headers() if state and state.document_id else {}
        page = await self.get(crawler, url, headers)
        if page is None:
            return
        if page.status == 304:
            self.report.unchanged += 1
            self.settled.add(url)
            return
        try:
            doc, also, attachments = await self.read(crawler, profile, page, linked_from)
        except SourceError as exc:
            return self.fail(url, str(exc), 200)
        except (RecursionError, MemoryError, ValueError, TypeError, LookupError, AttributeError) as exc:
            # a parser choking on hostile markup (nesting, encodings): one error line, the run goes on
            return self.fail(url, f"page could not be read ({type(exc).__name__}); not stored", 200)
        # Attachments first: once the article is stored it is never read again, so its PDFs
        # must be settled before it is (a run killed in between fetches the article again).
        await asyncio.gather(*(self.article(crawler, profile, link, linked_from=doc.canonical_url)
                               for link in attachments))
        if self._too_old(doc.published):
            put_fetch_state(self.db, url, status=200, content_sha256=_sha(page.content))
            return self.skip(url)
        if self.full():
            return
        faults.point("before-store")
        with write_transaction(self.db):  # the document and the state saying it is stored: both or neither
            doc_id, created = store_document(self.db, doc)
            faults.point("store-transaction")
            put_fetch_state(self.db, url, status=200, etag=page.headers.get("etag"),
                            last_modified=page.headers.get("last-modified"),
                            content_sha256=_sha(page.content), document_id=doc_id)
            for other in also:
                put_fetch_state(self.db, other, status=200, document_id=doc_id)
        faults.point("stored")
        for message in page_errors(url, doc):  # a page that could not be read: one line, the document kept
            record_ingest_error(self.db, url, message, self.report.run_id)
            self.report.errors.append(message)
            self.reporter.error(message)
        self.settled.update([url, *also])
        if created:
            self.report.new_documents += 1
            self.reporter.stored(doc.title or url, url)
        else:
            self.report.unchanged += 1
        self._progress()

    async def read(self, crawler: Crawler, profile: Profile, page: Fetched, linked_from: str | None):
        """The Document for a fetched page, the other URLs it is stored under, its PDF attachments."""
        kind = sniff_kind(page.content, "", page.content_type) if page.content.strip() else "html"
        if linked_from is not None or kind == "pdf":
            if kind != "pdf":
                raise SourceError("linked document is not a PDF")
            doc = await asyncio.to_thread(document_from_bytes, page.content, url=page.final_url,
                                          content_type="application/pdf", site=profile.name)
            doc.canonical_url, doc.linked_from = clean_url(page.final_url), linked_from
            return doc, [], []
        first = await asyncio.to_thread(read_article, page.content, url=page.final_url, header_charset=page.charset,
                                        site=profile.name, selectors=profile.article, date_format=profile.date_format)
        parts, also, pending = [first.doc], {clean_url(page.final_url), first.canonical} - {page.url}, list(first.next_pages)
        while pending and len(parts) < MAX_PAGES:
            next_url = pending.pop(0)
            more = await self.get(crawler, next_url)
            if more is None or more.status != 200:
                raise SourceError(f"page {len(parts) + 1} of the article ({next_url}) could not be fetched")
            part = await asyncio.to_thread(read_article, more.content, url=more.final_url, header_charset=more.charset,
                                           site=profile.name, selectors=profile.article, continuation=True)
            parts.append(part.doc)
            also.add(next_url)
            pending += [u for u in part.next_pages if u not in also and u not in pending]
        attachments = []
        if profile.pdf_filters is not None:  # PK attachments linked from a press release
            # in a worker thread like every parse (15,000 links must not hold the event loop), and
            # capped like any listing (scrapers.discover.MAX_LINKS)
            attachments = (await asyncio.to_thread(
                parse_listing, page.content, page.final_url, link_selector="", header_charset=page.charset,
                pdf_filters=list(profile.pdf_filters))).documents[:MAX_LINKS]
        return join_pages(parts), sorted(also), attachments

    async def run(self, profiles: list[Profile]) -> None:
        for profile in profiles:
            try:
                async with Crawler(self.policy(profile)) as crawler:
                    await self.scrape_source(crawler, profile)
            except (KeyboardInterrupt, SystemExit, asyncio.CancelledError):
                raise
            except Exception as exc:  # noqa: BLE001 - one site failing leaves the other sites to run
                if self.db.conn.in_transaction:
                    self.db.conn.rollback()
                start = profile.start_urls[0] if profile.start_urls else profile.name
                self.fail(start, f"site {profile.name} stopped unexpectedly ({type(exc).__name__}: "
                                 f"{str(exc)[:200] or 'no detail'}); the other sites went on", None)


def run_scrape(db: sqlite_utils.Database, opts: ScrapeOptions, command: str = "scrape",
               reporter: Reporter | None = None) -> ScrapeReport:
    """Run one scrape job; always leaves a finished (or interrupted) scrape_runs row."""
    profiles = select_profiles(opts)  # a bad profile fails before a run is recorded
    run_id = start_run(db, command)
    reporter = reporter or Reporter.for_stream()
    job = ScrapeJob(db, opts, reporter, run_id)
    status = "failed"
    try:
        with reporter:
            asyncio.run(job.run(profiles))
        status = "errors" if job.report.errors else "ok"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        job.report.status = status
        finish_run(db, run_id, status, **job.report.counters())
    return job.report

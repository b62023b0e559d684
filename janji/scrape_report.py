"""What a scrape run shows while it works: a live line on a terminal (rich), plain log lines
otherwise (cron mails and CI logs want one line per event, not redraws)."""
from __future__ import annotations

import sys
import time

import click


class Reporter:
    """Plain lines on stderr: one per new document, one per error, a tally every 25 pages."""

    EVERY = 25

    def __init__(self, quiet: bool = False):
        self.quiet = quiet
        self.started = time.monotonic()
        self._last_pages = 0

    @staticmethod
    def for_stream(quiet: bool = False) -> "Reporter":
        return LiveReporter() if sys.stderr.isatty() and not quiet else Reporter(quiet)

    def __enter__(self) -> "Reporter":
        return self

    def __exit__(self, *exc) -> None:
        pass

    def rate(self, pages: int) -> float:
        return pages / max(time.monotonic() - self.started, 1e-6)

    def _line(self, text: str) -> None:
        if not self.quiet:
            click.echo(f"scrape: {text}", err=True)

    def update(self, report) -> None:
        if report.pages_fetched - self._last_pages >= self.EVERY:
            self._last_pages = report.pages_fetched
            self._line(f"{report.pages_fetched} pages, {report.new_documents} new documents, "
                       f"{len(report.errors)} errors ({self.rate(report.pages_fetched):.1f} pages/s)")

    def stored(self, title: str, url: str) -> None:
        self._line(f"new  {url}  {title[:80]}")

    def error(self, message: str) -> None:
        self._line(f"error {message}")

    def note(self, message: str) -> None:
        pass  # robots.txt refusals and off-host links: counted as skipped, not worth a line each


class LiveReporter(Reporter):
    """A rich status line: pages done, new documents, errors, rate; errors printed above it."""

    def __enter__(self) -> "LiveReporter":
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
        self.console = Console(stderr=True)
        self.progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                                 console=self.console, transient=False)
        self.task = self.progress.add_task("scrape: starting")
        self.progress.start()
        return self

    def __exit__(self, *exc) -> None:
        self.progress.stop()

    def update(self, report) -> None:
        self.progress.update(self.task, description=(
            f"scrape: {report.pages_fetched} pages · {report.new_documents} new · {report.skipped} known · "
            f"{len(report.errors)} errors · {self.rate(report.pages_fetched):.1f} pages/s"))

    def stored(self, title: str, url: str) -> None:
        pass  # the live line counts them; the table holds them

    def error(self, message: str) -> None:
        from rich.markup import escape
        self.console.print(f"[red]error[/red] {escape(message)}", markup=True, highlight=False)

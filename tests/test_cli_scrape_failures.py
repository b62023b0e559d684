"""A scrape that finds nothing is a failure that shows (issue 15): a site that cannot be reached
(so neither can its robots.txt) and a start page that lists no article, document or next page
are each an error line, an ingest_errors row and exit 1 from `scrape` and `run`, so a cron job
learns that the site is down or changed. Real sockets and an HTTP server on 127.0.0.1."""
from __future__ import annotations

import functools
import socket
import sqlite3
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

from janji.cli import cli


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def empty_listing(tmp_path):
    """A listing page with no links (robots.txt is a 404: everything allowed)."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "berita.html").write_text("<html><head><title>Berita</title></head><body><h1>Berita</h1>"
                                      "<p>Belum ada berita.</p></body></html>", encoding="utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/berita.html"
    server.shutdown()
    server.server_close()


def scrape(command: str, db, url: str):
    return CliRunner().invoke(cli, [command, "--db", str(db), "--url", url, "--allow-private",
                                    "--delay", "0", "--retries", "0", "--backoff", "0"], catch_exceptions=False)


def errors_recorded(db) -> list[str]:
    conn = sqlite3.connect(db)
    assert conn.execute("select status from scrape_runs").fetchall() == [("errors",)]
    return [error for (error,) in conn.execute("select error from ingest_errors")]


@pytest.mark.parametrize("command", ["scrape", "run"])
def test_an_unreachable_site_is_an_error_and_exit_1(tmp_path, command):
    with socket.socket() as probe:  # a port nothing listens on: connection refused
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/berita"
    result = scrape(command, tmp_path / "j.db", url)
    assert result.exit_code == 1, result.output
    assert "1 errors" in result.output
    (error,) = errors_recorded(tmp_path / "j.db")
    assert error.startswith(url) and "robots.txt" in error


@pytest.mark.parametrize("command", ["scrape", "run"])
def test_a_listing_that_yields_nothing_is_an_error_and_exit_1(tmp_path, empty_listing, command):
    result = scrape(command, tmp_path / "j.db", empty_listing)
    assert result.exit_code == 1, result.output
    assert "1 errors" in result.output
    (error,) = errors_recorded(tmp_path / "j.db")
    assert error.startswith(empty_listing) and "no article or document links" in error

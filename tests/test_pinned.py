"""No DNS rebinding between the address check and the connection: a name that answers a public
address for the check and a private one a moment later is refused, never fetched."""
from __future__ import annotations

import asyncio
import socket
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from scrapers.crawler import CrawlPolicy, Crawler, FetchError


class _Page(BaseHTTPRequestHandler):
    def do_GET(self):
        body = b"<html><body><p>rahasia intranet</p></body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def intranet():
    server = HTTPServer(("127.0.0.1", 0), _Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1]
    server.shutdown()


def test_a_rebinding_name_is_refused_at_connect_time(intranet, monkeypatch):
    answers = iter(["93.184.216.34"])  # the first lookup (the check) answers a public address

    async def rebinding(self, host, port, *args, **kwargs):
        address = next(answers, "127.0.0.1")  # every later lookup answers the intranet server
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    monkeypatch.setattr(asyncio.base_events.BaseEventLoop, "getaddrinfo", rebinding)

    async def fetch():
        async with Crawler(CrawlPolicy(delay=0, retries=0, robots=False, timeout=5)) as crawler:
            return await crawler.fetch(f"http://rebind.example:{intranet}/")

    with pytest.raises(FetchError) as caught:
        asyncio.run(fetch())
    assert "private address 127.0.0.1" in str(caught.value)


def test_an_allowed_intranet_host_is_still_fetched(intranet):
    async def fetch():
        async with Crawler(CrawlPolicy(delay=0, retries=0, robots=False, timeout=5, allow_private=True)) as crawler:
            return await crawler.fetch(f"http://127.0.0.1:{intranet}/")

    page = asyncio.run(fetch())
    assert page.status == 200 and b"rahasia" in page.content

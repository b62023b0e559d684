"""Connections made to the address that was checked: no DNS rebinding between check and connect.

The crawler checks a host's addresses before it fetches (scrapers/crawler.py); httpx would then
resolve the name a second time to connect, and a DNS server may answer a public address for the
check and a private one for the connection. This network backend resolves once, refuses a
private or loopback answer (unless the policy allows private hosts) and connects to that very
address; TLS still verifies the host name, which httpcore passes separately."""
from __future__ import annotations

import asyncio
import socket
from typing import Callable, Iterable

import httpcore
import httpx


class CheckedBackend(httpcore.AsyncNetworkBackend):
    def __init__(self, is_public: Callable[[str], bool], allow_private: bool):
        self._inner = httpcore.AnyIOBackend()
        self._is_public, self._allow_private = is_public, allow_private

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None,
                          socket_options: Iterable | None = None) -> httpcore.AsyncNetworkStream:
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except socket.gaierror as exc:
            raise httpcore.ConnectError(f"{host}: cannot resolve the host name ({exc.strerror})") from None
        addresses = [info[4][0] for info in infos]
        if not addresses:
            raise httpcore.ConnectError(f"{host}: the host name has no address")
        if not self._allow_private:
            private = next((a for a in addresses if not self._is_public(a)), None)
            if private:
                raise httpcore.ConnectError(f"{host} resolves to the private address {private} at connect time; "
                                            "pass --allow-private for an intranet source")
        return await self._inner.connect_tcp(addresses[0], port, timeout=timeout, local_address=local_address,
                                             socket_options=socket_options)

    async def connect_unix_socket(self, path: str, timeout: float | None = None,
                                  socket_options: Iterable | None = None) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("unix sockets are not fetched")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def checked_transport(is_public: Callable[[str], bool], allow_private: bool) -> httpx.AsyncHTTPTransport:
    transport = httpx.AsyncHTTPTransport()
    transport._pool._network_backend = CheckedBackend(is_public, allow_private)  # httpx has no public hook
    return transport

"""Fault injection for the crash-safety tests: `JANJI_FAULT=<point>:<n>` kills this process with
SIGKILL the n-th time the named point is reached (n defaults to 1; several as "a:1,b:3").

Production code only calls `faults.point("name")`, which is a no-op when the variable is unset:
the variable is read once, and an unset one costs a dictionary lookup per call.
"""
from __future__ import annotations

import os
import signal

ENV = "JANJI_FAULT"
POINTS = (
    "fetch",             # janji/scrape.py: a request is about to be sent
    "fetched",           # janji/scrape.py: a page came back, nothing about it stored yet
    "before-store",      # janji/scrape.py: the document is read, its transaction not begun
    "store-transaction", # janji/scrape.py: inside the document's transaction, fetch state not yet written
    "stored",            # janji/scrape.py: the document's transaction committed
    "process",           # janji/processing.py: a document is extracted, its rows not yet written
    "process-transaction",  # janji/processing.py: derived rows written, transaction not committed
    "processed",         # janji/processing.py: the document's rows committed
)

_targets: dict[str, int] | None = None
_counts: dict[str, int] = {}


def _parse(value: str) -> dict[str, int]:
    targets = {}
    for item in filter(None, (part.strip() for part in value.split(","))):
        name, _, n = item.partition(":")
        if name not in POINTS:
            raise ValueError(f"{ENV}: unknown fault point {name!r}; known: {', '.join(POINTS)}")
        targets[name] = int(n or 1)
    return targets


def point(name: str) -> None:
    """Die here (SIGKILL, no cleanup, like a power cut or the OOM killer) when the test asks to."""
    global _targets
    if _targets is None:
        _targets = _parse(os.environ.get(ENV, ""))
    if not _targets or name not in _targets:
        return
    _counts[name] = _counts.get(name, 0) + 1
    if _counts[name] == _targets[name]:
        os.kill(os.getpid(), signal.SIGKILL)

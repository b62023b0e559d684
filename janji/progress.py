"""Progress for long work: a live bar on a terminal, plain log lines otherwise (cron, CI)."""
from __future__ import annotations

import sys
import time
from contextlib import contextmanager

import click


@contextmanager
def progress(total: int, label: str):
    """Yields advance(n). Prints done/total and rate."""
    if sys.stderr.isatty():
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn
        with Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                      TimeElapsedColumn(), transient=False) as bar:
            task = bar.add_task(label, total=total)
            yield lambda n=1: bar.advance(task, n)
        return
    state = {"done": 0, "next": 0}
    started = time.monotonic()
    step = max(1, total // 10)

    def advance(n: int = 1) -> None:
        state["done"] += n
        if state["done"] >= state["next"] or state["done"] == total:
            rate = state["done"] / max(time.monotonic() - started, 1e-6)
            click.echo(f"{label}: {state['done']}/{total} ({rate:.1f}/s)", err=True)
            state["next"] = state["done"] + step
    yield advance

"""Printing rows as a table (rich) or JSON, for the review commands."""
from __future__ import annotations

import json
import sys


def print_json(data) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def print_table(title: str | None, columns: list[str], rows: list[list]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text  # plain text: "[document 3]" is not markup
    table = Table(title=title, title_justify="left", show_lines=False, header_style="bold")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(Text("" if v is None else str(v)) for v in row))
    # on a pipe or in a file, wide enough that rows are not squeezed into 80 columns
    Console(file=sys.stdout, width=None if sys.stdout.isatty() else 180).print(table)


def number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:g}"


def pct(value: float | None) -> str:
    return "" if value is None else f"{value:+.2f} %"

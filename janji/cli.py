"""The `janji` command: a thin shell wiring scrapers -> db -> extract -> db -> Datasette."""
from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click

from janji import __version__
from janji.options import db_option, published_option
from janji.progress import progress


@click.group()
@click.version_option(__version__, prog_name="janji")
@click.option("-v", "--verbose", is_flag=True, help="Log more detail to stderr.")
def cli(verbose: bool) -> None:
    """janji tracks what Indonesian regional officials commit to.

    It gathers press releases, news and Perjanjian Kinerja (PK) documents, extracts officials,
    agencies (OPD), dates and commitments, and stores them in SQLite for Datasette.
    """
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="janji: %(message)s", stream=sys.stderr)


@cli.command()
@click.argument("sources", nargs=-1, required=True, metavar="PATH_OR_URL...")
@published_option
@db_option
def add(db, sources, published):
    """Store local files (HTML, PDF, TXT) or single URLs as documents.

    Each bad input gets one error line and the others are still stored; the exit code is 1
    when any input failed. Adding the same document twice stores it once.
    """
    from janji.ingest import add_sources
    report = add_sources(db, list(sources), published)
    for message in report.errors:
        click.echo(f"error: {message}", err=True)
    click.echo(f"added {len(report.added)}, unchanged {len(report.unchanged)}, errors {len(report.errors)}")
    if report.errors:
        sys.exit(1)


@cli.command()
@click.option("--all", "everything", is_flag=True, help="Re-extract every document, not only new ones.")
@db_option
def process(db, everything):
    """Extract officials, OPDs, dates, commitments and agreements from stored documents.

    Works offline from the stored text and bytes; each document's derived rows are replaced
    in one transaction.
    """
    from extract import Extractor
    from janji.processing import pending, process_documents
    ids = pending(db, everything)
    if not ids:
        click.echo("nothing to process (use --all to re-extract everything)")
        return
    extractor = Extractor()
    with progress(len(ids), "process") as advance:
        done, failed = process_documents(db, extractor, ids, advance)
    click.echo(f"processed {done}, failed {failed}")
    if failed:
        sys.exit(1)


@cli.command()
@click.argument("source", metavar="PATH_OR_URL")
@published_option
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True,
              help="json: the stable contract (DESIGN.md); text: a short human summary.")
def extract(source, published, fmt):
    """Extract one document and print the result, without a database."""
    from extract import Extractor
    from janji.ingest import is_url
    from scrapers.errors import SourceError
    from scrapers.files import read_path
    from scrapers.web import fetch_document
    try:
        doc = fetch_document(source) if is_url(source) else read_path(source)
    except SourceError as exc:
        raise click.ClickException(str(exc))
    if published:
        doc.published = published
    result = Extractor().extract(doc).to_dict()
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    click.echo(f"{result['source']['title']} ({result['source']['published']})")
    for o in result["officials"]:
        click.echo(f"  official  {o['name']}: {o['position'] or '?'} {o['opd'] or ''} {o['region'] or ''}")
    for c in result["commitments"]:
        click.echo(f"  {c['kind']:<11} {c['speaker'] or '?'}: {c['text'][:100]}")


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind; keep 127.0.0.1 unless you mean to publish.")
@click.option("--port", default=8001, show_default=True, type=int, help="Port.")
@db_option
def serve(db, host, port):
    """Browse and search the database with Datasette (read-only)."""
    from db.serve import serve as run_datasette
    path = Path(db.conn.execute("pragma database_list").fetchone()[2])
    db.close()
    sys.exit(run_datasette(path, host, port))


@cli.command()
@click.argument("table", metavar="TABLE_OR_VIEW")
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "jsonl"]), default="csv", show_default=True)
@click.option("--where", default=None, help="SQL condition, with :named parameters given by -p.")
@click.option("-p", "--param", "params", multiple=True, type=(str, str), metavar="NAME VALUE",
              help="Value for a :named parameter in --where.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to this file instead of stdout.")
@db_option
def export(db, table, fmt, where, params, output):
    """Write a table or view as CSV, JSON or JSON Lines (streamed, constant memory)."""
    from db.export import ExportError, iter_rows, write_rows
    try:
        columns, rows = iter_rows(db, table, where, dict(params))
        if output:
            with open(output, "w", encoding="utf-8", newline="") as out:
                count = write_rows(out, fmt, columns, rows)
            click.echo(f"wrote {count} rows to {output}", err=True)
        else:
            write_rows(sys.stdout, fmt, columns, rows)
    except ExportError as exc:
        raise click.ClickException(str(exc))


@cli.command()
@click.option("--no-serve", is_flag=True, help="Stop after building the database.")
@click.option("--port", default=8001, show_default=True, type=int, help="Port for Datasette.")
@db_option
def demo(db, no_serve, port):
    """Run the whole flow offline on the bundled sample corpus, then serve it with Datasette."""
    from janji.demo import build_demo
    summary = build_demo(db)
    click.echo(summary)
    if no_serve:
        return
    from db.serve import serve as run_datasette
    path = Path(db.conn.execute("pragma database_list").fetchone()[2])
    db.close()
    sys.exit(run_datasette(path, "127.0.0.1", port))


def main() -> None:
    cli(prog_name="janji")


if __name__ == "__main__":
    main()

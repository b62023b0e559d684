"""The `janji` command: a thin shell wiring scrapers -> db -> extract -> db -> Datasette."""
from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click

from janji import __version__
from janji.options import db_option, iso_date, published_option
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


ALLOW_PRIVATE = click.option("--allow-private", is_flag=True,
                             help="Fetch URLs on private, loopback or link-local addresses (intranet sources).")


@cli.command()
@click.argument("sources", nargs=-1, required=True, metavar="PATH_OR_URL...")
@published_option
@ALLOW_PRIVATE
@db_option
def add(db, sources, published, allow_private):
    """Store local files (HTML, PDF, TXT) or single URLs as documents.

    Each bad input gets one error line and the others are still stored; the exit code is 1
    when any input failed. Adding the same document twice stores it once.
    """
    from janji.ingest import add_sources
    report = add_sources(db, list(sources), published, allow_private)
    for message in report.errors:
        click.echo(f"error: {message}", err=True)
    click.echo(f"added {len(report.added)}, unchanged {len(report.unchanged)}, errors {len(report.errors)}")
    if report.errors:
        sys.exit(1)


@cli.command()
@click.option("--all", "everything", is_flag=True, help="Re-extract every document, not only new ones.")
@click.option("--jobs", type=click.IntRange(min=1), default=None, metavar="N",
              help="Documents extracted at once, each in its own worker (default: the machine's cores); "
                   "what is stored is the same for any N.")
@db_option
def process(db, everything, jobs):
    """Extract officials, OPDs, dates, commitments and agreements from stored documents.

    Works offline from the stored text and bytes; each document's derived rows are replaced
    in one transaction.
    """
    import os

    from janji.pipeline_run import process_pending
    summary = process_pending(db, everything, jobs=jobs or os.cpu_count() or 1)
    if not summary.pending:
        click.echo("nothing to process (use --all to re-extract everything)")
        click.echo(str(summary.compared))
        return
    click.echo(str(summary))
    if summary.failed:
        sys.exit(1)


@cli.command()
@click.argument("source", metavar="PATH_OR_URL")
@published_option
@ALLOW_PRIVATE
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True,
              help="json: the stable contract (docs/DESIGN.md); text: a short human summary.")
def extract(source, published, allow_private, fmt):
    """Extract one document and print the result, without a database."""
    from extract import Extractor
    from janji.ingest import is_url
    from scrapers.errors import SourceError
    from scrapers.files import read_path
    from scrapers.text import collapse_punctuation_runs
    from scrapers.web import fetch_document
    try:
        doc = fetch_document(source, allow_private=allow_private) if is_url(source) else read_path(source)
    except SourceError as exc:
        raise click.ClickException(str(exc))
    if published:
        doc.published, doc.published_method = published, "given"
    doc.text = collapse_punctuation_runs(doc.text)  # as janji process does: offsets unchanged, tokenizer safe
    result = Extractor().extract(doc).to_dict()
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    click.echo(f"{result['source']['title']} ({result['source']['published']})")
    for o in result["officials"]:
        click.echo(f"  official  {o['name']}: {o['position'] or '?'} {o['opd'] or ''} {o['region'] or ''}")
    for q in result["quotes"]:
        click.echo(f"  quote       {q['speaker'] or '?'}: {q['text'][:100]}")
    for c in result["commitments"]:
        click.echo(f"  {c['kind']:<11} {c['speaker'] or '?'}: {c['text'][:100]}")


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind; keep 127.0.0.1 unless you mean to publish.")
@click.option("--port", default=8001, show_default=True, type=int, help="Port.")
@click.option("--immutable", is_flag=True,
              help="Open the file immutable (faster, cached counts): only while nothing writes it; refused when a write is in progress.")
@click.option("--no-sql", is_flag=True, help="Disable arbitrary SQL; only tables, views and the canned queries.")
@db_option(existing=True)
def serve(db, host, port, immutable, no_sql):
    """Browse and search the database with Datasette (read-only), at http://HOST:PORT/janji."""
    _serve(db, host, port, immutable=immutable, allow_sql=not no_sql)


def _serve(db, host: str, port: int, **options) -> None:
    from db.serve import ServeError, serve as run_datasette
    path = Path(db.conn.execute("pragma database_list").fetchone()[2])
    db.close()
    try:
        sys.exit(run_datasette(path, host, port, **options))
    except ServeError as exc:
        raise click.ClickException(str(exc))


@cli.command()
@click.argument("table", metavar="TABLE_OR_VIEW", required=False)
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "jsonl"]), default="csv", show_default=True)
@click.option("--where", default=None, help="SQL condition, with :named parameters given by -p.")
@click.option("-p", "--param", "params", multiple=True, type=(str, str), metavar="NAME VALUE",
              help="Value for a :named parameter in --where.")
@click.option("--region", default=None, help="Only rows of this region (exact, any case): \"Kota Jambi\".")
@click.option("--year", default=None, type=int, help="Only rows of this year (the year column, or the date).")
@click.option("--official", default=None,
              help="Only rows about this official: part of the name, or a full form with degrees.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to this file instead of stdout.")
@click.option("--datapackage", "package_dir", type=click.Path(file_okay=False, writable=True), default=None,
              help="Write every table and view (or TABLE_OR_VIEW) as CSV into this folder, with a datapackage.json data dictionary.")
@db_option(existing=True)
def export(db, table, fmt, where, params, region, year, official, output, package_dir):
    """Write a table or view as CSV, JSON or JSON Lines (streamed, constant memory).

    With --datapackage DIR, write CSV files plus datapackage.json: the type and meaning of every
    column, for researchers.
    """
    from db.export import ExportError, Filters, iter_rows, write_datapackage, write_rows
    filters = Filters(region=region, year=year, official=official)
    try:
        if package_dir:
            if filters or where:
                raise ExportError("--datapackage exports whole tables; filter one table at a time without it")
            counts = write_datapackage(db, Path(package_dir), [table] if table else None)
            click.echo(f"wrote {len(counts)} resources, {sum(counts.values())} rows, "
                       f"and {Path(package_dir) / 'datapackage.json'}", err=True)
            return
        if not table:
            raise ExportError("name a TABLE_OR_VIEW to export (or use --datapackage DIR for all of them)")
        columns, rows = iter_rows(db, table, where, dict(params), filters)
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
    if not no_serve:  # a busy port is found before the minute spent building, not after
        from db.serve import ServeError, check_port
        try:
            check_port("127.0.0.1", port)
        except ServeError as exc:
            raise click.ClickException(str(exc))
    click.echo(build_demo(db))
    if not no_serve:
        _serve(db, "127.0.0.1", port)


def _scrape_options(func):
    """Options shared by `scrape` and `run`."""
    options = [
        click.argument("sites", nargs=-1, metavar="[SITE]..."),
        click.option("--url", default=None, help="Scrape this listing page, RSS/Atom feed or sitemap instead of "
                     "the configured sites (which one is detected); PDF links named like a PK are downloaded."),
        click.option("--since", metavar="YYYY-MM-DD", default=None, callback=iso_date,
                     help="Do not store articles published before this date."),
        click.option("--max", "max_new", type=click.IntRange(min=1), default=None, help="Stop after N new documents."),
        click.option("--refresh", is_flag=True, help="Fetch known articles again (conditional GET); changed ones are updated."),
        click.option("--allow-private", is_flag=True, help="Allow hosts on private, loopback or link-local addresses (intranet sources)."),
        click.option("--any-host", is_flag=True, help="Follow links to hosts other than the site's own."),
        click.option("--delay", type=click.FloatRange(min=0), default=1.0, show_default=True,
                     help="Seconds between two requests to one host (robots.txt Crawl-delay can raise it)."),
        click.option("--concurrency", type=click.IntRange(1, 16), default=4, show_default=True, help="Requests in flight."),
        click.option("--timeout", type=click.FloatRange(min=0.1), default=20.0, show_default=True, help="Seconds per response."),
        click.option("--retries", type=click.IntRange(0, 10), default=3, show_default=True, help="Retries on 5xx and timeouts."),
        click.option("--profiles", "profile_dir", type=click.Path(file_okay=False, exists=True), default=None,
                     help="Folder of extra site profiles (JSON); same name overrides a bundled one."),
        click.option("--backoff", type=click.FloatRange(min=0), default=1.0, hidden=True,
                     help="First retry wait in seconds (doubles each retry)."),
        click.option("--max-bytes", type=click.IntRange(min=1024), default=20 * 1024 * 1024, hidden=True,
                     help="Largest response accepted, in bytes."),
        click.option("--rebase", multiple=True, metavar="SITE=ORIGIN", hidden=True,
                     help="Fetch a profile's pages from another origin (a mirror or a test server)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _scrape(db, params: dict, command: str):
    from janji.scrape import ScrapeOptions, run_scrape
    from scrapers.errors import SourceError
    rebase = dict(item.split("=", 1) for item in params.pop("rebase") if "=" in item)
    opts = ScrapeOptions(sites=tuple(params.pop("sites")), rebase=rebase, **params)
    try:
        report = run_scrape(db, opts, command=command)
    except SourceError as exc:  # an unknown site or a broken profile: nothing was fetched
        error = click.ClickException(str(exc))
        error.exit_code = 2
        raise error
    click.echo(f"scrape run {report.run_id}: {report.pages_fetched} pages fetched, {report.new_documents} new "
               f"documents, {report.unchanged} unchanged, {report.skipped} skipped, {len(report.errors)} errors"
               + (" (listed in the ingest_errors table)" if report.errors else ""))
    return report


@cli.command()
@_scrape_options
@db_option
def scrape(db, **params):
    """Fetch new articles and PK documents from configured sites, a listing page, a feed or a sitemap.

    Polite (one request per second per host, robots.txt obeyed) and incremental: known articles
    are not fetched again, and listing pages are fetched with conditional requests. SITE names
    are profiles in scrapers/profiles/ (all of them when none is given). Each bad page is one
    error line and the run goes on; the exit code is 1 when any page failed.
    """
    report = _scrape(db, params, "scrape " + " ".join(f"{k}={v}" for k, v in params.items() if v))
    if report.errors:
        sys.exit(1)


@cli.command()
@_scrape_options
@db_option
def run(db, **params):
    """Scrape, then extract from the new documents: the unattended job for cron.

    Exit code 0: everything worked; 1: some pages or documents failed (the rest is stored and
    processed; see the ingest_errors table and documents.error); 2: nothing could be done.
    """
    from janji.pipeline_run import process_pending
    report = _scrape(db, params, "run " + " ".join(f"{k}={v}" for k, v in params.items() if v))
    summary = process_pending(db)
    click.echo(str(summary))
    if report.errors or summary.failed:
        sys.exit(1)


from janji.cli_compare import register  # noqa: E402  (diff, links, officials, changes)
from janji.cli_outcomes import outcomes  # noqa: E402

register(cli)
cli.add_command(outcomes)


def main() -> None:
    cli(prog_name="janji")


if __name__ == "__main__":
    main()

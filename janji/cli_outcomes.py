"""`janji outcomes`: did they meet their targets? Each PK target in force at year end beside the
row of the OPD's performance report (LKjIP) for that year (db/sql/views_outcomes.sql)."""
from __future__ import annotations

import click

from janji.options import FORMAT, db_option


def _year(ctx, param, value):
    if value is None:
        return None
    if not value.strip().isdigit() or not 1900 <= int(value) <= 2100:
        # one line (exit 1), as for a bad --published: the value is wrong, not the call
        raise click.ClickException(f"--year {value!r} is not a year; use four digits, e.g. --year 2025")
    return int(value)


def _target(r: dict) -> str:
    text = " ".join(x for x in (r["target"], r["unit"]) if x)
    if r["revised"] and r["revision_change"] != "added":
        text += f" ({r['revision_change']} from {r['original_target'] or '?'})"
    elif r["revision_change"] == "added":
        text += " (added by the PK Perubahan)"
    return text


def _notes(r: dict) -> str:
    notes = []
    if r["candidates"]:
        notes.append("may be: " + " | ".join(r["candidates"]))
    if r["report_target_differs"]:
        notes.append(f"report's target: {r['report_target']}")
    if r["verdict"] == "no report" and r["report_document_id"]:
        notes.append(f"not in the report (document {r['report_document_id']})")
    if r["direction"] == "lower":
        notes.append("lower is better")
    return "; ".join(notes)


def _sources(r: dict) -> str:
    pk = f"{r['agreement']} doc {r['target_document_id']} p.{r['target_page'] or '?'}"
    report = f"LKjIP doc {r['report_document_id']} p.{r['report_page']}" if r["report_page"] else ""
    return " / ".join(x for x in (pk, report) if x)


@click.command()
@click.option("--opd", default=None, help="OPD name, abbreviation or head title: \"Dinas Kesehatan\", \"Dinkes\", \"Kadinkes\".")
@click.option("--region", default=None, help="Region (any part): \"Kota Jambi\".")
@click.option("--year", default=None, metavar="YYYY", callback=_year, help="Year of the targets and the report.")
@FORMAT
@db_option(existing=True)
def outcomes(db, opd, region, year, fmt):
    """Did they meet their targets? Each PK target in force at year end (the PK Perubahan's when
    there was one) beside the performance report (LKjIP): met, not met, no report, ambiguous (with
    the report rows it may be) or unknown; lowered targets and report targets that differ from the
    PK are shown."""
    from db.outcomes import outcomes as outcome_rows
    from janji.tables import print_json, print_table
    rows = outcome_rows(db, opd, region, year)
    if fmt == "json":
        print_json(rows)
        return
    if not rows:
        raise click.ClickException("no PK target matches; `janji outcomes` without options lists all "
                                   "(outcomes are computed by `janji process`)")
    print_table("did they meet their targets?", ["year", "opd", "region", "indikator", "target", "realisasi",
                                                 "capaian %", "verdict", "notes", "sources"], [
        [r["year"], r["opd"], r["region"], r["indikator"], _target(r), r["realisasi"],
         "" if r["capaian"] is None else f"{r['capaian']:g}", r["verdict"], _notes(r), _sources(r)] for r in rows])
    counts = {}
    for r in rows:
        counts[r["verdict"]] = counts.get(r["verdict"], 0) + 1
    click.echo(", ".join(f"{n} {v}" for v, n in sorted(counts.items(), key=lambda kv: -kv[1])))

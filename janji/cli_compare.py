"""The review commands: `janji diff`, `janji links`, `janji officials`, `janji changes`.
Readers and the database are imported on use, as in janji/cli.py. They all need an existing
database: a mistyped --db is an error, not a new empty file."""
from __future__ import annotations

import click

from janji.options import FORMAT, db_option, group_db_option, iso_date


@click.command()
@click.option("--opd", default=None, help="OPD name or abbreviation: \"Dinas Kesehatan\", \"Dinkes\" (any part of the name).")
@click.option("--year", type=int, default=None, help="Year of the agreements.")
@click.option("--region", default=None, help="Region (any part): \"Kota Jambi\".")
@FORMAT
@db_option(existing=True)
def diff(db, opd, year, region, fmt):
    """Show what a PK Perubahan changed: targets raised or lowered (both values, change in %),
    indicators reworded, added or dropped, budgets per program, totals and signatories."""
    from db.reports import diffs
    from janji.tables import number, pct, print_json, print_table
    found = diffs(db, opd, year, region)
    if fmt == "json":
        print_json(found)
        return
    if not found:
        raise click.ClickException("no PK Perubahan diff matches; `janji diff` without options lists all "
                                   "(diffs are computed by `janji process`)")
    for d in found:
        click.echo(f"\nPK {d['year']} {d['opd']}, {d['region']}: revision {d['revision_number']} "
                   f"(document {d['revised_document_id']}, signed {d['revised_signed_date']}) against "
                   f"document {d['original_document_id']} (signed {d['original_signed_date']})")
        click.echo(f"total anggaran: {number(d['total_before'])} -> {number(d['total_after'])} {pct(d['total_change_pct'])}")
        for side in ("first_party", "second_party"):
            if d[f"{side}_before"] or d[f"{side}_after"]:
                click.echo(f"{side.replace('_', ' ')} changed: {d[f'{side}_before']} -> {d[f'{side}_after']}")
        print_table("targets", ["change", "indikator", "before", "after", "unit", "change %"], [
            [t["change"] + (" (reworded)" if t["reworded"] else ""),
             t["indikator_before"] if not t["reworded"] and t["indikator_before"] else
             " -> ".join(x for x in (t["indikator_before"], t["indikator_after"]) if x)
             + (f" (may be: {' | '.join(t['candidates'])})" if t["candidates"] else ""),
             t["target_before"], t["target_after"], t["unit_after"] or t["unit_before"], pct(t["change_pct"])]
            for t in d["targets"]])
        print_table("programs", ["change", "program", "anggaran before", "anggaran after", "change %"], [
            [p["change"], p["program_before"] or p["program_after"], number(p["anggaran_before"]),
             number(p["anggaran_after"]), pct(p["change_pct"])] for p in d["programs"]])


STATUS = click.Choice(["proposed", "confirmed", "rejected", "all"])


@click.group(invoke_without_command=True)
@click.option("--status", type=STATUS, default="proposed", show_default=True, help="Which links to list.")
@FORMAT
@group_db_option
@click.pass_context
def links(ctx, status, fmt):
    """Review candidate links between promises in the news and PK targets (score and reasons);
    `janji links confirm ID` / `janji links reject ID` records a decision that re-processing keeps."""
    if ctx.invoked_subcommand is None:
        _list_links(status=status, fmt=fmt)


@db_option(existing=True)
def _list_links(db, status, fmt):
    from db.reports import links as link_rows
    from janji.tables import print_json, print_table
    rows = link_rows(db, None if status == "all" else status)
    if fmt == "json":
        print_json(rows)
        return
    print_table(f"promise links ({status})", ["id", "status", "score", "speaker", "promise", "target", "reasons"], [
        [r["link_id"], r["status"], f"{r['score']:.2f}", r["speaker"], r["commitment"],
         f"{r['indikator']}: {r['target'] or ''} {r['target_unit'] or ''} ({r['agreement'] or '?'} {r['year'] or ''}, {r['opd'] or '?'})",
         "; ".join(r["reasons"])] for r in rows])


def _decision(name: str, status: str):
    @click.command(name=name, help=f"Mark one promise link as {status} (kept when documents are re-processed).")
    @click.argument("row_id", metavar="ID", type=int)
    @db_option(existing=True)
    def command(db, row_id):
        from db.store_comparisons import decide_link
        row = decide_link(db, row_id, status)
        if row is None:
            raise click.ClickException(f"no promise link {row_id}; list them with `janji links --status all`")
        click.echo(f"link {row_id} {status}: commitment {row['commitment_id']} -> target {row['target_id']}")
    return command


links.add_command(_decision("confirm", "confirmed"))
links.add_command(_decision("reject", "rejected"))


@click.group()
@group_db_option
def officials():
    """Official timelines with their evidence, and the reviewable merges of name variants
    (`janji officials timeline`, `merges`, `merge ID --confirm|--reject`)."""


@officials.command()
@click.option("--status", type=STATUS, default="proposed", show_default=True, help="Which merges to list.")
@FORMAT
@db_option(existing=True)
def merges(db, status, fmt):
    """List proposed (or decided) merges of officials that may be one person."""
    from db.reports import merges as merge_rows
    from janji.tables import print_json, print_table
    rows = merge_rows(db, None if status == "all" else status)
    if fmt == "json":
        print_json(rows)
        return
    print_table(f"official merges ({status})", ["id", "status", "official", "into", "reason"], [
        [r["id"], r["status"], f"{r['official_name']} ({r['official_region'] or '?'}) #{r['official_id']}",
         f"{r['merged_into_name']} ({r['merged_into_region'] or '?'}) #{r['merged_into_id']}", r["reason"]]
        for r in rows])


@officials.command()
@click.argument("merge_id", metavar="ID", type=int)
@click.option("--confirm", "decision", flag_value="confirmed", help="They are one person: count them once.")
@click.option("--reject", "decision", flag_value="rejected", help="Two people: keep them apart, stop proposing it.")
@db_option(existing=True)
def merge(db, merge_id, decision):
    """Confirm or reject one proposed merge of two official rows."""
    from db.store_comparisons import decide_merge
    if not decision:
        raise click.UsageError("say --confirm or --reject")
    row = decide_merge(db, merge_id, decision)
    if row is None:
        raise click.ClickException(f"no merge {merge_id}; list them with `janji officials merges --status all`")
    click.echo(f"merge {merge_id} {decision}: {row['official_name']} -> {row['merged_into_name']}")


@officials.command()
@click.argument("name", required=False)
@FORMAT
@db_option(existing=True)
def timeline(db, name, fmt):
    """Who held which position when (acting roles apart), with the evidence for each span."""
    from db.reports import spans
    from janji.tables import print_json, print_table
    rows = spans(db, name)
    if fmt == "json":
        print_json(rows)
        return
    print_table("official timeline", ["official", "position", "opd", "region", "from", "to", "evidence"], [
        [r["official"], r["position"], r["opd"], r["region"], r["started"] or r["first_seen"],
         r["ended"] or r["last_seen"], r["evidence"]] for r in rows])


@click.command()
@click.option("--since", required=True, metavar="YYYY-MM-DD", callback=iso_date, help="List what is new on or after this date.")
@click.option("--by", type=click.Choice(["published", "stored"]), default="published", show_default=True,
              help="published: the event or publication date; stored: when janji stored the document.")
@click.option("--official", default=None, help="Only items about this official (any part of the name).")
@click.option("--opd", default=None, help="Only items of this OPD (name or abbreviation).")
@FORMAT
@db_option(existing=True)
def changes(db, since, by, official, opd, fmt):
    """List what is new since a date: commitments, agreements, revised or lowered targets, budget
    changes and tenure events, each with its source."""
    from db.reports import changes as change_rows
    from janji.tables import print_json, print_table
    rows = change_rows(db, since, by, official, opd)
    if fmt == "json":
        print_json(rows)
        return
    print_table(f"changes since {since}", ["date", "item", "title", "source"], [
        [r["changed_at"], r["item"], r["title"], r["source_url"] or f"document {r['document_id']}"] for r in rows])


def register(cli: click.Group) -> None:
    for command in (diff, links, officials, changes):
        cli.add_command(command)

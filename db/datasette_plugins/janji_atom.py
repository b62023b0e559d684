"""Datasette plugin: any query or view with `key`, `title` and `changed_at` columns (the
`changes_feed` canned query, the `change_feed` view) as an Atom feed, by adding `.atom` to its
URL: `/janji/changes_feed.atom?official=ridwan&opd=`. Loaded with --plugins-dir by db/serve.py;
self-contained, imported by no janji module."""
from __future__ import annotations

from xml.sax.saxutils import escape

from datasette import hookimpl
from datasette.utils.asgi import Response

REQUIRED = {"key", "title", "changed_at"}


def _when(value) -> str:
    value = str(value or "1970-01-01")
    return value if "T" in value else f"{value[:10]}T00:00:00Z"


def _entry(row: dict, base: str, database: str) -> str:
    link = row.get("source_url") or (f"{base}/{database}/documents/{row['document_id']}" if row.get("document_id") else base)
    parts = [
        "<entry>",
        f"<id>tag:janji,2025:{escape(str(row['key']))}</id>",
        f"<title>{escape(str(row.get('item') or ''))}: {escape(str(row['title'] or ''))}</title>",
        f"<updated>{_when(row['changed_at'])}</updated>",
        f'<link href="{escape(link, {chr(34): "&quot;"})}"/>',
    ]
    if row.get("official"):
        parts.append(f"<author><name>{escape(str(row['official']))}</name></author>")
    for term in (row.get("item"), row.get("opd"), row.get("region")):
        if term:
            parts.append(f'<category term="{escape(str(term), {chr(34): "&quot;"})}"/>')
    summary = row.get("detail") or row.get("title") or ""
    if row.get("source_title"):
        summary += f"\n\nSource: {row['source_title']}"
    parts += [f"<summary>{escape(str(summary))}</summary>", "</entry>"]
    return "".join(parts)


def render_atom(datasette, request, database, table, query_name, columns, rows):
    records = [dict(zip(columns, row)) for row in rows]
    base = f"{request.scheme}://{request.host}"
    name = query_name or table or "query"
    title = ((datasette.metadata("queries", database=database) or {}).get(query_name) or {}).get("title") if query_name else None
    params = ", ".join(f"{k}={v}" for k in request.args.keys() if not k.startswith("_") for v in [request.args.get(k)] if v)
    updated = max((_when(r["changed_at"]) for r in records), default=_when(None))
    self_url = base + request.path + (f"?{request.query_string}" if request.query_string else "")
    feed = ('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>janji: {escape(title or name)}{escape(f' ({params})' if params else '')}</title>"
            f"<id>tag:janji,2025:{escape(database)}/{escape(name)}?{escape(params)}</id>"
            f"<updated>{updated}</updated>"
            f'<link rel="self" href="{escape(self_url, {chr(34): "&quot;"})}"/>'
            + "".join(_entry(r, base, database) for r in records) + "</feed>")
    return Response(feed, content_type="application/atom+xml; charset=utf-8")


def can_render_atom(columns):
    return REQUIRED <= set(columns or [])


@hookimpl
def register_output_renderer(datasette):
    return {"extension": "atom", "render": render_atom, "can_render": can_render_atom}

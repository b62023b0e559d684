"""Datasette plugin: the front door. A front page with one search box, pages for an official, an
OPD and a document, and the stored copy of a source with its own content type:

    /                    front page (templates/index.html): search, the answers, who promised most, the latest
    /-/search?q=sehat    commitments, officials, agencies, PK targets and documents, Indonesian-aware
    /-/official/<id>     names, positions over time, commitments with their sources, PK targets signed
    /-/opd/<id>          an agency of a region: heads over time, targets per year, revisions, commitments
    /-/document/<id>     the text, readable, with what was extracted from it highlighted
    /-/raw/<sha256>      the bytes as fetched, served as what they are (a PDF opens in the browser)

Loaded with --plugins-dir by db/serve.py, which also passes --template-dir and --static; when a
Datasette is built in-process with the plugins folder only, the templates and CSS are added here.
Queries are in db/pages.py.
"""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from datasette import hookimpl
from datasette.utils.asgi import NotFound, Response
from jinja2 import ChoiceLoader, FileSystemLoader
from markupsafe import Markup, escape

from db import number_format, pages
from db.page_text import Span, paragraphs

DB_FOLDER = Path(__file__).resolve().parent.parent
TEMPLATES = DB_FOLDER / "templates"
STATIC = DB_FOLDER / "static"
STATIC_MOUNT = "janji-static"
ANSWERS = DB_FOLDER / "front_answers.json"


@cache
def _front() -> dict:
    return json.loads(ANSWERS.read_text(encoding="utf-8"))


def answers() -> list[dict]:
    """The answer views and forms linked from the front page, one line each (a data file)."""
    return _front()["answers"]


def more_answers() -> list[str]:
    """The other answer views (or tables kept under their names) for the database page."""
    return _front().get("more", [])


def _database(datasette):
    return datasette.get_database()  # the one database served (named "janji" by janji serve)


async def _query(datasette, fn):
    return await _database(datasette).execute_fn(fn)


def _int(request, name: str) -> int:
    try:
        return int(request.url_vars[name])
    except (KeyError, ValueError):
        raise NotFound(f"no such {name}") from None


async def _page(datasette, request, template: str, context: dict, status: int = 200) -> Response:
    context = {"janji_db": _database(datasette).name, **context}
    return Response.html(await datasette.render_template(template, context, request=request), status=status)


# --- routes ---------------------------------------------------------------------------------

async def front_page(datasette, request):
    """The home page: our own route, so it costs our few queries and not Datasette's row counts
    of every table (which the default index page computes)."""
    db = _database(datasette)
    existing = set(await db.table_names()) | set(await db.view_names())
    front = await db.execute_fn(pages.front)
    shown = [a for a in answers() if not a.get("requires") or a["requires"] in existing]
    return await _page(datasette, request, "index.html",
                       {"janji_front": front, "janji_answers": shown, "metadata": datasette.metadata() or {}})


async def search_page(datasette, request):
    q = (request.args.get("q") or "").strip()[:200]
    found = await _query(datasette, lambda conn: pages.search(conn, q)) if q else {}
    for d in found.get("documents", []):  # FTS snippet() marks matches with [[ ]]: escaped, then marked
        d["excerpt_html"] = Markup(str(escape(d["excerpt"] or "")).replace("[[", "<mark>").replace("]]", "</mark>"))
    total = sum(len(v) for v in found.values())
    return await _page(datasette, request, "janji_search.html", {"q": q, "found": found, "total": total})


async def official_page(datasette, request):
    official_id = _int(request, "id")
    person = await _query(datasette, lambda conn: pages.official(conn, official_id))
    if person is None:
        raise NotFound(f"no official {official_id}")
    return await _page(datasette, request, "janji_official.html", {"person": person})


async def opd_page(datasette, request):
    opd_id = _int(request, "id")
    agency = await _query(datasette, lambda conn: pages.opd(conn, opd_id))
    if agency is None:
        raise NotFound(f"no OPD {opd_id}")
    return await _page(datasette, request, "janji_opd.html", {"agency": agency})


def _spans(doc: dict) -> list[Span]:
    spans = [Span(c["start"], c["end"], "commitment", f"{c['kind']}: {c['speaker'] or '?'}", f"commitment-{c['id']}")
             for c in doc["commitments"] if c["start"] is not None]
    for m in doc["mentions"]:
        if m["official_id"]:
            spans.append(Span(m["start"], m["end"], "official", m["official"] or "", href=f"/-/official/{m['official_id']}"))
        elif m["opd_id"]:
            spans.append(Span(m["start"], m["end"], "opd", m["opd"] or "", href=f"/-/opd/{m['opd_id']}"))
    spans += [Span(d["start"], d["end"], "date", d["date"] or "") for d in doc["dates"] if d["start"] is not None]
    return spans


async def document_page(datasette, request):
    document_id = _int(request, "id")
    doc = await _query(datasette, lambda conn: pages.document(conn, document_id))
    if doc is None:
        raise NotFound(f"no document {document_id}")
    doc["paragraphs"] = paragraphs(doc["text"], _spans(doc))
    people = {m["official_id"]: m["official"] for m in doc["mentions"] if m["official_id"]}
    agencies = {m["opd_id"]: m["opd"] for m in doc["mentions"] if m["opd_id"]}
    return await _page(datasette, request, "janji_document.html",
                       {"doc": doc, "people": people, "agencies": agencies})


RAW_TYPES = {"pdf": "application/pdf", "html": "text/html", "news": "text/html", "text": "text/plain"}


async def raw_page(datasette, request):
    """The stored bytes, inline, with the content type they were stored as. An HTML copy is
    sandboxed (no scripts, no same-origin access): it is someone else's page served from ours."""
    sha = request.url_vars["sha"]

    def fetch(conn):
        row = conn.execute("select content from raw_files where sha256 = ?", [sha]).fetchone()
        kind = conn.execute("select content_type, kind from documents where sha256 = ? limit 1", [sha]).fetchone()
        return row, kind
    row, kind = await _query(datasette, fetch)
    if row is None:
        raise NotFound("no stored copy with this sha256")
    content_type = (kind[0] if kind and kind[0] else RAW_TYPES.get(kind[1] if kind else "", "application/octet-stream"))
    if content_type.startswith("text/") and "charset" not in content_type and content_type != "text/html":
        content_type += "; charset=utf-8"
    headers = {"X-Content-Type-Options": "nosniff", "Content-Disposition": f'inline; filename="{sha[:16]}"'}
    if "html" in content_type:
        headers["Content-Security-Policy"] = "sandbox; default-src 'none'; img-src * data:; style-src 'unsafe-inline' *"
    return Response(row[0], content_type=content_type, headers=headers)


async def static_file(datasette, request):
    path = (STATIC / request.url_vars["file"]).resolve()
    if path.parent != STATIC.resolve() or not path.is_file():
        raise NotFound("no such file")
    types = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8"}
    return Response(path.read_bytes(), content_type=types.get(path.suffix, "application/octet-stream"))


@hookimpl
def register_routes(datasette):
    routes = [
        (r"^/$", front_page),  # plugin routes come before Datasette's own: this is the home page
        (r"^/-/search$", search_page),
        (r"^/-/official/(?P<id>\d+)$", official_page),
        (r"^/-/opd/(?P<id>\d+)$", opd_page),
        (r"^/-/document/(?P<id>\d+)$", document_page),
        (r"^/-/raw/(?P<sha>[0-9a-f]{64})$", raw_page),
    ]
    if not any(mount == STATIC_MOUNT for mount, _ in datasette.static_mounts):
        routes.append((rf"^/{STATIC_MOUNT}/(?P<file>[\w.-]+)$", static_file))  # an in-process Datasette
    return routes


# --- templates ------------------------------------------------------------------------------

@hookimpl
def prepare_jinja2_environment(env, datasette):
    if datasette.template_dir is None or Path(datasette.template_dir).resolve() != TEMPLATES:
        env.loader = ChoiceLoader([FileSystemLoader(str(TEMPLATES)), env.loader])
    env.filters["rupiah"] = number_format.rupiah
    env.filters["percent"] = number_format.percent
    env.filters["number_id"] = number_format.number
    env.filters["with_unit"] = number_format.with_unit
    env.filters["list_text"] = lambda v: number_format.list_text(v) or v or ""


@hookimpl
def extra_css_urls():
    return [f"/{STATIC_MOUNT}/janji.css"]


def _descriptions(datasette, database: str) -> dict[str, str]:
    tables = (datasette.metadata(database=database) or {}).get("tables") or {}
    return {name: (meta.get("description") or "") for name, meta in tables.items()}


@hookimpl
def extra_template_vars(template, database, datasette):
    async def variables():
        if template == "database.html" and database:
            # the answers first, in the front page's order (tables kept by the writer among them),
            # then the other views; the tables after the forms
            db = datasette.get_database(database)
            views, tables = await db.view_names(), set(await db.table_names())
            named = [a["path"] for a in answers()] + more_answers()
            first = [n for n in named if n in tables or n in views]
            return {"janji_descriptions": _descriptions(datasette, database),
                    "janji_answer_tables": set(named),
                    "janji_answer_list": first + [v for v in views if v not in first]}
        return {}
    return variables

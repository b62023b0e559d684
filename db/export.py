"""Stream a table or view out as CSV, JSON or JSON Lines in constant memory, with researcher
filters (--region, --year, --official) and a data dictionary (datapackage.json)."""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterator

import sqlite_utils

FORMATS = ("csv", "json", "jsonl")
METADATA = Path(__file__).parent / "metadata.json"
HIDDEN = ("_migrations", "raw_files")

# Columns that say where, when and who, in the order they are tried.
REGION_COLUMNS = ("region",)
DATE_COLUMNS = ("date", "published", "signed_date", "first_seen", "fetched", "started", "at")
NAME_COLUMNS = ("official", "speaker", "first_party", "second_party", "first_party_name",
                "second_party_name")
# Same tolerance as the commitments_by_official query: a part of the name, or a full form with
# degrees that contains the bare name.
OFFICIAL_IDS = """select id from officials where lower(name) like :_official_like
    or lower(full_name) like :_official_like
    or (length(name) >= 4 and lower(:_official) like '%' || lower(name) || '%')
  union select official_id from official_aliases where lower(alias) like :_official_like"""


class ExportError(Exception):
    pass


@dataclass
class Filters:
    region: str | None = None
    year: int | None = None
    official: str | None = None

    def __bool__(self) -> bool:
        return any(v not in (None, "") for v in (self.region, self.year, self.official))


def exportable(db: sqlite_utils.Database) -> list[str]:
    names = [t for t in db.table_names() if not t.startswith(HIDDEN) and "_fts" not in t]
    return sorted(names + db.view_names())


def columns_of(db: sqlite_utils.Database, name: str) -> list[tuple[str, str]]:
    """(column, declared type) of a table or view."""
    return [(row[1], row[2] or "") for row in db.execute(f"pragma table_info([{name}])")]


def filter_sql(name: str, columns: list[str], filters: Filters) -> tuple[list[str], dict]:
    """SQL conditions and parameters for the filters, or an error naming what is missing."""
    conditions, params = [], {}
    if filters.region:
        column = next((c for c in REGION_COLUMNS if c in columns), None)
        if column is None:
            raise ExportError(f"--region does not apply to {name}: it has no region column")
        conditions.append(f"lower([{column}]) = lower(:_region)")
        params["_region"] = filters.region.strip()
    if filters.year:
        if "year" in columns:
            conditions.append("cast([year] as integer) = :_year")
        else:
            column = next((c for c in DATE_COLUMNS if c in columns), None)
            if column is None:
                raise ExportError(f"--year does not apply to {name}: it has no year or date column")
            conditions.append(f"substr([{column}], 1, 4) = cast(:_year as text)")
        params["_year"] = int(filters.year)
    if filters.official:
        official = filters.official.strip()
        params.update({"_official": official, "_official_like": f"%{official.lower()}%"})
        alternatives = []
        if "official_id" in columns:
            alternatives.append(f"[official_id] in ({OFFICIAL_IDS})")
        if name == "officials":
            alternatives.append(f"[id] in ({OFFICIAL_IDS})")
        alternatives += [f"lower([{c}]) like :_official_like" for c in NAME_COLUMNS if c in columns]
        if not alternatives:
            raise ExportError(f"--official does not apply to {name}: it has no official or speaker column")
        conditions.append("(" + " or ".join(alternatives) + ")")
    return conditions, params


def iter_rows(db: sqlite_utils.Database, name: str, where: str | None = None,
              params: dict | None = None, filters: Filters | None = None) -> tuple[list[str], Iterator[tuple]]:
    if name not in exportable(db):
        raise ExportError(f"no table or view {name!r}; choose one of: {', '.join(exportable(db))}")
    conditions, all_params = filter_sql(name, [c for c, _ in columns_of(db, name)], filters or Filters())
    if where:
        conditions.insert(0, f"({where})")
    all_params.update(params or {})
    sql = f"select * from [{name}]" + (" where " + " and ".join(conditions) if conditions else "")
    try:
        cursor = db.execute(sql, all_params)
    except Exception as exc:  # sqlite3 errors from a user's --where
        raise ExportError(f"bad --where for {name}: {exc}") from None
    columns = [d[0] for d in cursor.description]
    return columns, iter(cursor)


def write_rows(out: IO[str], fmt: str, columns: list[str], rows: Iterator[tuple]) -> int:
    count = 0
    if fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(columns)
        for count, row in enumerate(rows, 1):
            writer.writerow(["" if v is None else v for v in row])
    elif fmt == "jsonl":
        for count, row in enumerate(rows, 1):
            out.write(json.dumps(dict(zip(columns, row)), ensure_ascii=False) + "\n")
    elif fmt == "json":
        out.write("[")
        for count, row in enumerate(rows, 1):
            out.write(("\n" if count == 1 else ",\n") + json.dumps(dict(zip(columns, row)), ensure_ascii=False))
        out.write("\n]\n")
    else:
        raise ExportError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    return count


# --- the data dictionary -------------------------------------------------------------------

SQLITE_TO_FRICTIONLESS = {"INTEGER": "integer", "INT": "integer", "REAL": "number", "FLOAT": "number",
                          "NUMERIC": "number", "TEXT": "string", "BLOB": "string"}


def _descriptions() -> dict:
    return json.loads(METADATA.read_text(encoding="utf-8"))["databases"]["*"]["tables"]


def _field_type(db: sqlite_utils.Database, name: str, column: str, declared: str) -> str:
    if declared.upper() in SQLITE_TO_FRICTIONLESS:
        return SQLITE_TO_FRICTIONLESS[declared.upper()]
    # A view's computed column has no declared type: look at a sample of its values.
    kinds = {r[0] for r in db.execute(
        f"select typeof([{column}]) from (select [{column}] from [{name}] where [{column}] is not null limit 100)")}
    if kinds == {"integer"}:
        return "integer"
    if kinds and kinds <= {"integer", "real"}:
        return "number"
    return "string"


def resource_schema(db: sqlite_utils.Database, name: str) -> dict:
    """Frictionless table schema: every column with its type and description."""
    described = _descriptions().get(name, {})
    fields = []
    for column, declared in columns_of(db, name):
        fields.append({"name": column, "type": _field_type(db, name, column, declared),
                       "description": described.get("columns", {}).get(column, "")})
    schema = {"fields": fields, "missingValues": [""]}
    if name in db.table_names():
        pks = db[name].pks
        if pks and pks != ["rowid"]:
            schema["primaryKey"] = pks
    return schema


def write_datapackage(db: sqlite_utils.Database, directory: Path, names: list[str] | None = None) -> dict:
    """Write each table or view as <name>.csv into `directory`, plus a datapackage.json that
    describes every column (type and meaning). Returns {name: rows written}."""
    names = names or exportable(db)
    directory.mkdir(parents=True, exist_ok=True)
    meta = json.loads(METADATA.read_text(encoding="utf-8"))
    descriptions = _descriptions()
    resources, counts = [], {}
    for name in names:
        columns, rows = iter_rows(db, name)
        with open(directory / f"{name}.csv", "w", encoding="utf-8", newline="") as out:
            counts[name] = write_rows(out, "csv", columns, rows)
        resources.append({
            "name": name, "path": f"{name}.csv", "profile": "tabular-data-resource",
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "description": descriptions.get(name, {}).get("description", ""),
            "schema": resource_schema(db, name),
        })
    package = {
        "profile": "tabular-data-package", "name": "janji", "title": meta.get("title", "janji"),
        "description": meta.get("description", ""),
        "licenses": [{"name": "other-at", "title": meta.get("license", "")}],
        "sources": [{"title": meta.get("source", "")}],
        "resources": resources,
    }
    (directory / "datapackage.json").write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n",
                                                encoding="utf-8")
    return counts

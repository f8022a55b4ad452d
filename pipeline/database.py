"""``charters.db``: every table in SQLite with Bangla full-text search, for Datasette.

Built with sqlite-utils from the finished CSVs (streamed, typed by the Table
Schemas): primary and foreign keys as the schemas declare them, an index on every
join and facet column, FTS5 over service names, documents, officers and offices.
Written to a temporary name, vacuumed and renamed, so the same CSVs give the same
bytes. ``metadata.json`` beside it gives Datasette the titles, descriptions,
licence, column descriptions and facets; ``serve`` starts Datasette on it.
"""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import sqlite_utils

from . import emit, package
from .tabular import typed_rows
from .validate import table_schema

DATABASE = "charters.db"
METADATA = "metadata.json"
# Trigram keeps every vowel sign, hasanta and conjunct inside its three-character
# windows and matches inside words, so নামজারি finds নামজারি/জমাভাগ and প্রশিক্ষণ finds
# প্রশিক্ষণের; a query shorter than three characters (one vowel sign) matches nothing.
# unicode61 splits words at every vowel sign unless told they are letters (README, "Search").
TOKENIZE = "trigram"
SEARCH = {
    "services": ["service_name", "required_documents", "officer_name", "officer_designation", "officer_office"],
    "contacts": ["name", "designation", "office"],
    "charters": ["office_name", "department", "upazila", "district"],
}
FACETS = {
    "charters": ["district", "division", "office_type", "department", "source_format"],
    "services": ["section", "fee_kind", "is_free", "time_limit_unit"],
    "audit": ["rule", "severity", "section"],
    "services_by_office": ["district", "office_type", "section", "fee_kind"],
    "audit_by_office": ["rule", "severity", "district", "office_type"],
}
# Views that put the office and its place beside each service and finding, to facet them by district.
OFFICE_COLUMNS = ["office_name", "office_type", "upazila", "district", "division"]
VIEWS = {"services_by_office": "services", "audit_by_office": "audit"}
SQL_TYPES = {"string": str, "integer": int, "number": float, "boolean": int}


def _columns(name: str) -> list[str]:
    return [f["name"] for f in table_schema(name)["fields"]]


def _create_table(db: sqlite_utils.Database, name: str) -> None:
    schema = table_schema(name)
    fields = schema["fields"]
    db[name].create(
        {f["name"]: SQL_TYPES[f["type"]] for f in fields},
        pk=tuple(schema["primaryKey"]) if "primaryKey" in schema else None,
        foreign_keys=[(fk["fields"], fk["reference"]["resource"], fk["reference"]["fields"])
                      for fk in schema.get("foreignKeys", [])],
        not_null={f["name"] for f in fields if f.get("constraints", {}).get("required")},
    )


def _indexes(db: sqlite_utils.Database, name: str) -> None:
    schema = table_schema(name)
    wanted = [fk["fields"] for fk in schema.get("foreignKeys", [])] + FACETS.get(name, [])
    for column in dict.fromkeys(c for c in wanted if c in _columns(name)):
        db[name].create_index([column], find_unique_name=True)


def _view(db: sqlite_utils.Database, view: str, table: str) -> None:
    office = [c for c in OFFICE_COLUMNS if c in _columns("charters")]
    db.create_view(view, f"SELECT t.*, {', '.join(f'c.[{c}]' for c in office)} FROM [{table}] t "
                         "LEFT JOIN charters c ON c.charter_id = t.charter_id")


def build(db: sqlite_utils.Database, out: Path, names: list[str], tokenize: str = TOKENIZE) -> None:
    for name in names:         # charters first: the other tables' foreign keys point at it
        _create_table(db, name)
        db[name].insert_all(typed_rows(out, name), batch_size=1000)
        _indexes(db, name)
        if name in SEARCH:
            db[name].enable_fts(SEARCH[name], fts_version="FTS5", tokenize=tokenize, create_triggers=False)
    for view, table in VIEWS.items():
        if {"charters", table} <= set(names):
            _view(db, view, table)


def write(out: str | Path) -> Path:
    """``charters.db`` and Datasette's ``metadata.json`` from the finished CSVs in ``out``."""
    out = Path(out)
    path = out / DATABASE
    with emit.replacing(path) as tmp:
        connection = sqlite3.connect(tmp)
        try:
            # A temporary file, synced once when it is renamed: nothing to roll back to, no sync per batch.
            connection.execute("PRAGMA journal_mode=OFF")
            connection.execute("PRAGMA synchronous=OFF")
            db = sqlite_utils.Database(connection)
            build(db, out, package.table_names(out))
            db.vacuum()
        finally:
            connection.close()
    write_metadata(out)
    return path


# ------------------------------------------------------------------ Datasette

def _table_metadata(name: str, descriptor: dict | None, fts: bool) -> dict:
    schema = descriptor["schema"] if descriptor else table_schema(name)
    meta = {"title": descriptor["title"] if descriptor else schema["title"],
            "description": descriptor["description"] if descriptor else schema["description"],
            "columns": {f["name"]: f["description"] for f in schema["fields"]}}
    facets = [c for c in FACETS.get(name, []) if c in meta["columns"]]
    if facets:
        meta["facets"] = facets
    if fts:
        meta |= {"fts_table": f"{name}_fts", "fts_pk": "rowid"}
    return meta


def _view_metadata(view: str, table: dict) -> dict:
    office = {c: d for c, d in _table_metadata("charters", None, False)["columns"].items() if c in OFFICE_COLUMNS}
    columns = table["columns"] | office
    return {"title": f"{table['title']} with their office",
            "description": f"{table['description']} Each row carries its office's name and place, to facet by district.",
            "columns": columns, "facets": [c for c in FACETS[view] if c in columns]}


def metadata(out: Path) -> dict:
    """Datasette's metadata from ``datapackage.json``: titles, descriptions, licence, facets."""
    descriptor = json.loads((Path(out) / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in descriptor["resources"]}
    tables = {name: _table_metadata(name, resources[name], name in SEARCH) for name in resources}
    tables |= {view: _view_metadata(view, tables[table]) for view, table in VIEWS.items()
               if {"charters", table} <= set(tables)}
    licence = descriptor["licenses"][0]
    meta = {"title": descriptor["title"], "description": descriptor["description"],
            "license": licence["name"], "license_url": licence["path"],
            "source": descriptor["sources"][0]["title"] if len(descriptor["sources"]) == 1 else
            f"{len(descriptor['sources'])} charters published by their offices (datapackage.json, sources)",
            "databases": {Path(DATABASE).stem: {"title": descriptor["title"], "tables": tables}}}
    if len(descriptor["sources"]) == 1 and "path" in descriptor["sources"][0]:
        meta["source_url"] = descriptor["sources"][0]["path"]
    return meta


def write_metadata(out: str | Path) -> Path:
    path = Path(out) / METADATA
    emit.write_atomic(path, json.dumps(metadata(Path(out)), ensure_ascii=False, indent=1) + "\n")
    return path


def serve_arguments(out: str | Path, host: str, port: int) -> list[str]:
    """Datasette's command line serving ``out/charters.db`` read-only with its metadata."""
    out = Path(out)
    return ["serve", "--immutable", str(out / DATABASE), "--metadata", str(out / METADATA),
            "--host", host, "--port", str(port), "--setting", "default_page_size", "50"]

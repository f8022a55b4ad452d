"""Emit: charter records and flat tables into the output folder.

The output folder is the public contract (see README): ``charters/<id>.json``
are the records; the CSVs are views of all records in the folder, rebuilt on
every run; ``datapackage.json`` describes the CSVs with their Table Schemas.
Every file is written to a temporary name and renamed into place, so a crash
or a full disk never leaves a half-written file where a good one was.

Beside each record, ``.shards/<id>.jsonl`` holds that record's rows of every
table (and its audit and validation rows): the tables are rebuilt by streaming
the shards, never by loading every record, so a rebuild's memory does not grow
with the number of records and an unchanged record costs no work.
"""
from __future__ import annotations

import contextlib
import csv
import fcntl
import hashlib
import io
import json
import os
import sys
import tempfile
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

import regex

from . import __version__
from .catalogue import office_type
from .model import Charter, Officer, Service
from .values.officer import officer_key
from .validate import TABLES, table_schema

def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _umask()
CSV_ENCODING = "utf-8-sig"     # the BOM makes Excel read UTF-8; pandas and frictionless skip it
CHARTERS_DIR = "charters"
REJECTED_DIR = "rejected"
SHARDS_DIR = ".shards"
# The digest of what the tables were last built from (charter_id cannot start with "_").
STATE_FILE = "_tables.json"
_TEMP_FILE = regex.compile(r"^\..+\.[a-z0-9_]+\.tmp$")


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path`` to write; renamed onto ``path`` when the block succeeds."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        yield Path(tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        # mkstemp makes the file owner-only; published data is read by others.
        os.chmod(tmp, 0o666 & ~_UMASK)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomic(path: Path, data: str | bytes) -> None:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    with replacing(path) as tmp:
        tmp.write_bytes(raw)


def charter_json(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, indent=1) + "\n"


def record_path(out: Path, charter_id: str) -> Path:
    return Path(out) / CHARTERS_DIR / f"{charter_id}.json"


def shard_path(out: Path, charter_id: str) -> Path:
    return Path(out) / SHARDS_DIR / f"{charter_id}.jsonl"


def write_charter(out: Path, charter_id: str, record: str, shard: str) -> Path:
    """The record, then its shard: a shard always names the record bytes it was made from,
    so a kill between the two leaves a shard that finish() sees is stale."""
    path = record_path(out, charter_id)
    write_atomic(path, record)
    write_atomic(shard_path(out, charter_id), shard)
    return path


def write_rejected(out: Path, charter_id: str, record: str) -> Path:
    """A record that failed validation is kept apart, never dropped."""
    path = Path(out) / REJECTED_DIR / f"{charter_id}.json"
    write_atomic(path, record)
    return path


def remove_record(out: Path, charter_id: str) -> bool:
    """Drop a record and its shard (and a rejected copy); True when there was one."""
    paths = [record_path(out, charter_id), shard_path(out, charter_id),
             Path(out) / REJECTED_DIR / f"{charter_id}.json"]
    found = [p for p in paths if p.exists()]
    for path in found:
        path.unlink()
    return bool(found)


def record_ids(out: Path) -> list[str]:
    """The charter_id of every record in ``out``, sorted: the order of every table."""
    folder = Path(out) / CHARTERS_DIR
    if not folder.is_dir():
        return []
    return sorted(name[:-5] for name in os.listdir(folder) if name.endswith(".json") and not name.startswith("."))


@contextlib.contextmanager
def output_lock(out: Path) -> Iterator[None]:
    """One run at a time writes ``out`` (a lock on the folder itself, released even by kill -9)."""
    Path(out).mkdir(parents=True, exist_ok=True)
    fd = os.open(out, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"waiting for another run writing to {out}", file=sys.stderr, flush=True)
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def remove_stale_temp_files(out: Path) -> int:
    """Temporary files a killed run left behind (only call under ``output_lock``)."""
    removed = 0
    for folder in (Path(out), Path(out) / CHARTERS_DIR, Path(out) / REJECTED_DIR, Path(out) / SHARDS_DIR):
        if folder.is_dir():
            for name in os.listdir(folder):
                if _TEMP_FILE.match(name) and (folder / name).is_file():
                    (folder / name).unlink()
                    removed += 1
    return removed


def load_charter(out: Path, charter_id: str) -> Charter:
    """One record; ValueError when it cannot be read back."""
    path = record_path(out, charter_id)
    try:
        return Charter.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise ValueError(f"unreadable record: {exc}") from None


def unreadable_record(out: Path, charter_id: str, reason: str) -> dict:
    return {"file": str(record_path(out, charter_id)), "stage": "emit", "reason": reason}


def load_charters(out: Path) -> tuple[list[Charter], list[dict]]:
    """Every record in ``out/charters``; unreadable ones come back as error rows."""
    charters, errors = [], []
    for charter_id in record_ids(out):
        try:
            charters.append(load_charter(out, charter_id))
        except ValueError as exc:
            errors.append(unreadable_record(out, charter_id, str(exc)))
    return charters, errors


# ------------------------------------------------------------------ flat rows

def _join(values: Iterable) -> str:
    return ";".join(str(v) for v in values if v not in (None, ""))


def _num(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _bool(value: bool | None) -> str:
    return "" if value is None else str(bool(value)).lower()


def _officer_text(officer: Officer | None) -> str:
    return officer.raw if officer else ""


def service_id(charter_id: str, service: Service, position: int, serial_is_unique: bool = True) -> str:
    """``<charter_id>:<section>:<serial or p{position}>[:<sub_serial>]``, stable across runs for one file.

    ``position`` is the service's 1-based place among the charter's services of its section;
    it stands in for a missing serial and for one that the section repeats, so the id stays unique.
    """
    serial = _num(service.serial) if service.serial is not None and serial_is_unique else f"p{position}"
    return f"{charter_id}:{service.section}:{serial}" + (f":{service.sub_serial}" if service.sub_serial else "")


def _service_ids(charter: Charter) -> list[str]:
    def key(s: Service) -> tuple:
        return s.section, s.serial, s.sub_serial

    repeats = Counter(key(s) for s in charter.services)
    positions: Counter = Counter()
    ids = []
    for s in charter.services:
        positions[s.section] += 1
        ids.append(service_id(charter.charter_id, s, positions[s.section], repeats[key(s)] == 1))
    return ids


def service_rows(charter: Charter) -> list[dict]:
    rows = []
    for s, sid in zip(charter.services, _service_ids(charter)):
        o = s.officer
        rows.append({
            "service_id": sid, "charter_id": charter.charter_id, "section": s.section, "serial": _num(s.serial),
            "sub_serial": s.sub_serial or "", "serial_inferred": _bool(s.serial_inferred), "department": s.department,
            "service_name": s.name, "delivery_method": s.delivery_method_text,
            "required_documents": s.required_documents, "fee_text": s.fee_text, "fee_bdt": _num(s.fee_bdt),
            "fee_min_bdt": _num(s.fee_min_bdt), "fee_max_bdt": _num(s.fee_max_bdt), "fee_kind": s.fee_kind,
            "is_free": _bool(s.is_free), "time_limit_text": s.time_limit_text,
            "time_limit_days": _num(s.time_limit_days), "time_limit_unit": s.time_limit_unit or "",
            "officer_name": o.name, "officer_designation": o.designation, "officer_office": o.office,
            "officer_phones": _join(o.valid_phones), "officer_emails": _join(o.emails),
            "officer_invalid_phones": _join(p.digits for p in o.phones if not p.valid),
            "officer_inferred": _bool(o.inferred_from_merged_cell),
            "superior_officer": _officer_text(s.superior_officer),
            "extra": json.dumps(s.extra, ensure_ascii=False, sort_keys=True) if s.extra else "",
            "source_file": charter.source_file,
            "source_pages": _join(s.provenance.pages),
            "service_key": "",      # filled in by the audit, which needs every charter
        })
    return rows


def charter_row(charter: Charter) -> dict:
    loc = charter.location
    return {
        "charter_id": charter.charter_id, "office_name": charter.office_name, "department": charter.department,
        "office_type": office_type(charter.office_name, charter.department),
        "upazila": loc.upazila, "upazila_en": loc.upazila_en, "district": loc.district,
        "district_en": loc.district_en, "division": loc.division, "division_en": loc.division_en,
        "website": charter.website, "vision": charter.vision, "mission": charter.mission,
        "services": str(len(charter.services)), "source_file": charter.source_file,
        "source_format": charter.source_format, "source_sha256": charter.source_sha256,
        "pages": str(charter.pages), "pipeline_version": charter.pipeline_version,
    }


def contact_rows(charter: Charter) -> list[dict]:
    """One row per distinct officer of a charter, with every phone and email seen for them."""
    groups: dict[str, list[Officer]] = {}
    for service in charter.services:
        if service.officer.raw:
            groups.setdefault(officer_key(service.officer), []).append(service.officer)
    rows = []
    for officers in groups.values():
        first = officers[0]
        rows.append({
            "charter_id": charter.charter_id, "name": first.name, "designation": first.designation,
            "office": first.office,
            "phones": _join(dict.fromkeys(p for o in officers for p in o.valid_phones)),
            "emails": _join(dict.fromkeys(e for o in officers for e in o.emails)),
            "invalid_phones": _join(dict.fromkeys(p.digits for o in officers for p in o.phones if not p.valid)),
            "service_count": str(len(officers)), "source_file": charter.source_file,
        })
    return rows


def grievance_rows(charter: Charter) -> list[dict]:
    return [{
        "charter_id": charter.charter_id, "serial": _num(g.serial), "when": g.when,
        "officer_name": g.officer.name, "officer_designation": g.officer.designation,
        "officer_phones": _join(g.officer.valid_phones), "officer_emails": _join(g.officer.emails),
        "address": g.address, "resolution_text": g.resolution_text, "resolution_days": _num(g.resolution_days),
        "source_file": charter.source_file, "source_pages": _join(g.pages),
    } for g in charter.grievance]


def expectation_rows(charter: Charter) -> list[dict]:
    return [{"charter_id": charter.charter_id, "serial": str(i), "text": text, "source_file": charter.source_file}
            for i, text in enumerate(charter.expectations, 1)]


# Charters first: a shard streams its charter row before the rows that join it.
ROW_BUILDERS = {
    "charters": lambda c: [charter_row(c)],
    "services": service_rows,
    "contacts": contact_rows,
    "grievance": grievance_rows,
    "expectations": expectation_rows,
}


def table_rows(charter: Charter) -> dict[str, list[dict]]:
    """The charter's rows of every table built from records, charters first."""
    return {name: build(charter) for name, build in ROW_BUILDERS.items()}


# ------------------------------------------------------------------ shards

def _layout() -> str:
    """What a shard's rows depend on besides the record: the code's version and the table columns."""
    columns = {name: field_names(name) for name in TABLES}
    return hashlib.sha256(json.dumps([__version__, columns]).encode()).hexdigest()[:16]


def shard_text(charter: Charter, record: str, tables: dict[str, list[dict]], errors: list[dict]) -> str:
    """A record's shard: one line of facts about it, then one line per table row."""
    meta = {
        "charter_id": charter.charter_id, "source_file": charter.source_file,
        "source_sha256": charter.source_sha256, "pipeline_version": charter.pipeline_version,
        "other_source_files": charter.other_source_files,
        "record_sha256": hashlib.sha256(record.encode("utf-8")).hexdigest(), "layout": _layout(),
        "rows": {name: len(rows) for name, rows in tables.items()}, "errors": errors,
    }
    lines = [meta] + [[name, row] for name, rows in tables.items() for row in rows]
    return "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)


def read_shard_meta(out: Path, charter_id: str) -> dict | None:
    """The shard's first line, or None when it is missing, unreadable or of another layout."""
    try:
        with open(shard_path(out, charter_id), encoding="utf-8") as handle:
            meta = json.loads(handle.readline())
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) and meta.get("layout") == _layout() else None


def shard_rows(out: Path, charter_id: str) -> Iterator[tuple[str, dict]]:
    with open(shard_path(out, charter_id), encoding="utf-8") as handle:
        handle.readline()
        for line in handle:
            name, row = json.loads(line)
            yield name, row


def remove_orphan_shards(out: Path, ids: Iterable[str]) -> None:
    """Shards whose record is gone (deleted by hand, or a kill before the record was written)."""
    folder = Path(out) / SHARDS_DIR
    if not folder.is_dir():
        return
    keep = {f"{charter_id}.jsonl" for charter_id in ids}
    for name in os.listdir(folder):
        if name.endswith(".jsonl") and name not in keep:
            (folder / name).unlink()


def joined_service_rows(out: Path, ids: Iterable[str]) -> Iterator[dict]:
    """Every services.csv row with its charter's charters.csv row and the phones and emails of its
    GRS contacts (what the rules across charters read), one shard at a time."""
    for charter_id in ids:
        tables: dict[str, list[dict]] = {}
        for name, row in shard_rows(out, charter_id):
            tables.setdefault(name, []).append(row)
        head = {**(tables.get("charters") or [{}])[0],
                "grievance_phones": _join(dict.fromkeys(p for g in tables.get("grievance", [])
                                                        for p in g["officer_phones"].split(";"))),
                "grievance_emails": _join(dict.fromkeys(e for g in tables.get("grievance", [])
                                                        for e in g["officer_emails"].split(";")))}
        for row in tables.get("services", []):
            yield {**head, **row}


def release_memory() -> None:
    """Give the heap's free pages back to the system (glibc's malloc_trim) between the steps of a
    rebuild, so that the next step's allocations (Arrow's, SQLite's) do not come on top of them."""
    import gc
    gc.collect()
    try:
        import ctypes
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):      # not glibc: nothing to trim
        pass


# ------------------------------------------------------------------ files

# A spreadsheet runs a text cell starting with these as a formula (=HYPERLINK(…), +cmd|…, @SUM(…)).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# …but a number or a list of phones is data, and so is a dash standing for "none".
_NOT_A_FORMULA = regex.compile(r"[+-]?(?:\d+(?:\.\d+)?|\.\d+)|\+\d{6,15}(?:;\+\d{6,15})*|-+")


def neutralise(text: str) -> str:
    """A text cell a spreadsheet would run as a formula, with a leading ' so that it shows as text."""
    if text.startswith(_FORMULA_START) and not _NOT_A_FORMULA.fullmatch(text):
        return "'" + text
    return text


def field_names(name: str) -> list[str]:
    return [f["name"] for f in table_schema(name)["fields"]]


def _csv_writer(handle, name: str) -> csv.DictWriter:
    writer = csv.DictWriter(handle, fieldnames=field_names(name), extrasaction="raise", lineterminator="\r\n")
    writer.writeheader()
    return writer


def _csv_row(row: dict) -> dict:
    return {k: "" if v is None else neutralise(v) if isinstance(v, str) else v for k, v in row.items()}


class TableWriter:
    """Every table written row by row to a temporary file, renamed into place together at the end."""

    def __init__(self, out: Path, names: Iterable[str]):
        self.out = Path(out)
        self.handles: dict[str, tuple[io.TextIOWrapper, str]] = {}
        self.writers: dict[str, csv.DictWriter] = {}
        self.counts: dict[str, int] = {}
        for name in names:
            fd, tmp = tempfile.mkstemp(dir=self.out, prefix=f".{name}.csv.", suffix=".tmp")
            handle = os.fdopen(fd, "w", encoding=CSV_ENCODING, newline="")
            self.handles[name] = (handle, tmp)
            self.writers[name] = _csv_writer(handle, name)
            self.counts[name] = 0

    def add(self, name: str, row: dict) -> None:
        self.writers[name].writerow(_csv_row(row))
        self.counts[name] += 1

    def commit(self) -> None:
        for name, (handle, tmp) in self.handles.items():
            handle.flush()
            os.fsync(handle.fileno())
            handle.close()
            os.chmod(tmp, 0o666 & ~_UMASK)
            os.replace(tmp, self.out / f"{name}.csv")
        self.handles.clear()

    def discard(self) -> None:
        for handle, tmp in self.handles.values():
            handle.close()
            Path(tmp).unlink(missing_ok=True)
        self.handles.clear()


def tables_current(out: Path, digest: str) -> dict | None:
    """The counts of the tables in ``out`` when they were built from ``digest`` and are all there."""
    try:
        state = json.loads((Path(out) / SHARDS_DIR / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    complete = all((Path(out) / f"{name}.csv").exists() for name in TABLES) \
        and (Path(out) / "datapackage.json").exists()
    return state if complete and isinstance(state, dict) and state.get("digest") == digest else None


def write_state(out: Path, digest: str, counts: dict[str, int]) -> None:
    write_atomic(Path(out) / SHARDS_DIR / STATE_FILE, json.dumps({"digest": digest, "counts": counts}) + "\n")


def csv_rows(out: Path, name: str) -> Iterator[dict[str, str]]:
    """The rows of ``out/<name>.csv`` one at a time, cells as written (strings; '' is missing)."""
    with open(Path(out) / f"{name}.csv", encoding=CSV_ENCODING, newline="") as handle:
        yield from csv.DictReader(handle)

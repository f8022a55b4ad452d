"""Emit: charter records and flat tables into the output folder.

The output folder is the public contract (see README): ``charters/<id>.json``
are the records; the CSVs are views of all records in the folder, rebuilt on
every run; ``datapackage.json`` describes the CSVs with their Table Schemas.
Every file is written to a temporary name and renamed into place, so a crash
or a full disk never leaves a half-written file where a good one was.
"""
from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

import regex

from .catalogue import office_type
from .model import Charter, Officer, Service
from .values.officer import officer_key
from .validate import table_schema

def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _umask()
CSV_ENCODING = "utf-8-sig"     # the BOM makes Excel read UTF-8; pandas and frictionless skip it
CHARTERS_DIR = "charters"
REJECTED_DIR = "rejected"


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


def write_charter(out: Path, charter: Charter) -> Path:
    path = Path(out) / CHARTERS_DIR / f"{charter.charter_id}.json"
    write_atomic(path, charter_json(charter.to_dict()))
    return path


def write_rejected(out: Path, charter: Charter) -> Path:
    """A record that failed validation is kept apart, never dropped."""
    path = Path(out) / REJECTED_DIR / f"{charter.charter_id}.json"
    write_atomic(path, charter_json(charter.to_dict()))
    return path


def load_charters(out: Path) -> tuple[list[Charter], list[dict]]:
    """Every record in ``out/charters``; unreadable ones come back as error rows."""
    charters, errors = [], []
    for path in sorted((Path(out) / CHARTERS_DIR).glob("*.json")):
        try:
            charters.append(Charter.from_dict(json.loads(path.read_text(encoding="utf-8"))))
        except (ValueError, TypeError, KeyError) as exc:
            errors.append({"file": str(path), "stage": "emit", "reason": f"unreadable record: {exc}"})
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


ROW_BUILDERS = {
    "services": service_rows,
    "charters": lambda c: [charter_row(c)],
    "contacts": contact_rows,
    "grievance": grievance_rows,
    "expectations": expectation_rows,
}


def build_tables(charters: list[Charter]) -> dict[str, list[dict]]:
    return {name: [row for c in charters for row in build(c)] for name, build in ROW_BUILDERS.items()}


# ------------------------------------------------------------------ files

# A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBERS = regex.compile(r"[+-]?[0-9][0-9.]*(?:;[+-]?[0-9][0-9.]*)*")


def neutralise(text: str) -> str:
    """A text that a spreadsheet would run as a formula gets a leading ``'``; numbers
    (a phone ``+880…``, a list of phones, a negative number) are left as they are."""
    if text.startswith(_FORMULA_START) and not _NUMBERS.fullmatch(text):
        return "'" + text
    return text


def field_names(name: str) -> list[str]:
    return [f["name"] for f in table_schema(name)["fields"]]


def csv_text(name: str, rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=field_names(name), extrasaction="raise", lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return buffer.getvalue()


def write_table(out: Path, name: str, rows: list[dict]) -> Path:
    path = Path(out) / f"{name}.csv"
    write_atomic(path, csv_text(name, rows).encode(CSV_ENCODING))
    return path


def table_rows(out: Path, name: str) -> Iterator[dict[str, str]]:
    """The rows of ``out/<name>.csv`` one at a time, cells as written (strings; '' is missing)."""
    with open(Path(out) / f"{name}.csv", encoding=CSV_ENCODING, newline="") as handle:
        yield from csv.DictReader(handle)

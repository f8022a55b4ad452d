"""The data model every stage shares.

Two families live here:

* the raw document a reader produces (``RawDocument`` of ``Line`` and ``Table``
  blocks whose cells keep their page and, for PDFs, their box), and
* the charter record the later stages build (``Charter`` with ``Section``,
  ``Service``, ``Officer``, ``Phone``, ``GrievanceContact`` and ``Finding``).

All records are plain dataclasses so that they pickle (for process pools) and
round-trip through JSON (``to_dict`` / ``from_dict``): ``processed/charters``
holds exactly ``Charter.to_dict()``.
"""
from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Optional, Union

BBox = tuple[float, float, float, float]


# --------------------------------------------------------------------------
# Raw document: what a reader yields
# --------------------------------------------------------------------------

@dataclass
class Cell:
    """One table cell as read, before any repair."""
    text: str
    page: int
    bbox: Optional[BBox] = None
    # True when the reader knows the cell is covered by a merged cell above
    # (PDF grid or HTML/DOCX rowspan); False when the cell is merely empty.
    spanned: bool = False
    # Where a spanned cell's text is: "left" (a horizontal merge) or "above".
    span_from: Optional[str] = None
    # OCR's mean word confidence (0-100) when the text was recognised from an image.
    confidence: Optional[float] = None
    # The format marks the cell as a header cell (HTML <th>, a Word header row).
    header: bool = False


@dataclass
class Row:
    cells: list[Cell]
    page: int
    # The first row drawn after a page break: the usual home of a continuation.
    after_page_break: bool = False

    def texts(self) -> list[str]:
        return [c.text for c in self.cells]


@dataclass
class Table:
    rows: list[Row]
    # The reader can tell a merged cell from an empty one (rowspan, vMerge, missing
    # rules); a text copy or a table read from word alignment cannot.
    knows_spans: bool = True

    @property
    def pages(self) -> list[int]:
        return sorted({r.page for r in self.rows})


@dataclass
class Line:
    """A line of running text outside tables (title, heading, paragraph)."""
    text: str
    page: int
    bbox: Optional[BBox] = None
    confidence: Optional[float] = None


Block = Union[Line, Table]


@dataclass
class RawDocument:
    source: str          # path as given
    sha256: str
    format: str          # reader name: "text", "pdf", ...
    pages: int
    blocks: list[Block]
    # Stage findings raised while reading (unreadable page, OCR needed, ...).
    findings: list["Finding"] = field(default_factory=list)


# --------------------------------------------------------------------------
# Charter record: what the later stages build
# --------------------------------------------------------------------------

@dataclass
class Finding:
    rule: str
    severity: str                      # "error" | "warning" | "info"
    message: str
    section: Optional[str] = None
    serial: Optional[int] = None
    field: Optional[str] = None


@dataclass
class Phone:
    raw: str                            # as written in the charter
    digits: str                         # ASCII digits only
    e164: Optional[str] = None          # set only when valid
    kind: Optional[str] = None          # mobile | fixed_line | ...
    valid: bool = False
    reason: Optional[str] = None        # why it is not valid


@dataclass
class Officer:
    raw: str = ""
    name: str = ""
    designation: str = ""
    office: str = ""
    phones: list[Phone] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    invalid_emails: list[str] = field(default_factory=list)
    inferred_from_merged_cell: bool = False

    @property
    def valid_phones(self) -> list[str]:
        return [p.e164 for p in self.phones if p.valid and p.e164]


@dataclass
class Repair:
    """One repair decision, kept so it can be explained and shown."""
    action: str          # joined_continuation | officer_spill | officer_inherited | moved_text | ...
    detail: str
    rows: list[int] = field(default_factory=list)   # table row indexes involved
    pages: list[int] = field(default_factory=list)


@dataclass
class Provenance:
    pages: list[int] = field(default_factory=list)
    table: int = 0
    rows: list[int] = field(default_factory=list)
    cells: dict[str, list[dict[str, Any]]] = field(default_factory=dict)   # column -> [{page, bbox}]
    repairs: list[Repair] = field(default_factory=list)


@dataclass
class Service:
    section: str
    serial: Optional[int]
    serial_text: str = ""
    # The table prints no serials: ``serial`` is the service's position in it.
    serial_inferred: bool = False
    # A sub-row of the service ``serial``: its (ক)/(খ) label, or 1, 2 … for fee classes.
    sub_serial: Optional[str] = None
    # The department or wing sub-heading the service is listed under (প্রশাসন বিভাগ).
    department: str = ""
    name: str = ""
    delivery_method: list[str] = field(default_factory=list)
    delivery_method_text: str = ""
    required_documents: str = ""
    fee_text: str = ""
    fee_bdt: Optional[float] = None
    fee_min_bdt: Optional[float] = None
    fee_max_bdt: Optional[float] = None
    fee_kind: str = "unspecified"
    is_free: Optional[bool] = None
    time_limit_text: str = ""
    time_limit_days: Optional[float] = None
    time_limit_unit: Optional[str] = None
    officer: Officer = field(default_factory=Officer)
    superior_officer: Optional[Officer] = None
    # Columns of other roles (room, remarks, form source …) and of unknown role, keyed by role or header label.
    extra: dict[str, str] = field(default_factory=dict)
    provenance: Provenance = field(default_factory=Provenance)


@dataclass
class Section:
    kind: str            # citizen | institutional | internal | subordinate_office | other
    title: str
    header: list[str] = field(default_factory=list)      # canonical column roles
    header_text: list[str] = field(default_factory=list) # header cells as written
    services: list[Service] = field(default_factory=list)


@dataclass
class GrievanceContact:
    serial: Optional[int]
    when: str = ""
    officer: Officer = field(default_factory=Officer)
    address: str = ""
    resolution_text: str = ""
    resolution_days: Optional[float] = None
    pages: list[int] = field(default_factory=list)


@dataclass
class Location:
    upazila: str = ""
    upazila_en: str = ""
    district: str = ""
    district_en: str = ""
    division: str = ""
    division_en: str = ""


@dataclass
class Charter:
    charter_id: str
    source_file: str
    source_sha256: str
    source_format: str
    pages: int
    office_name: str = ""
    department: str = ""
    website: str = ""
    location: Location = field(default_factory=Location)
    vision: str = ""
    mission: str = ""
    sections: list[Section] = field(default_factory=list)
    grievance: list[GrievanceContact] = field(default_factory=list)
    expectations: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    pipeline_version: str = ""
    # Other paths of the batch holding the very same bytes: one charter is made of them all.
    other_source_files: list[str] = field(default_factory=list)

    @property
    def services(self) -> list[Service]:
        return [s for sec in self.sections for s in sec.services]

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Charter":
        return from_dict(cls, data)


# --------------------------------------------------------------------------
# JSON round trip
# --------------------------------------------------------------------------

def to_dict(obj: Any) -> Any:
    """Dataclasses to plain JSON-ready values (tuples become lists)."""
    if dataclasses.is_dataclass(obj):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [to_dict(v) for v in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    return obj


def from_dict(cls: Any, data: Any) -> Any:
    """Inverse of ``to_dict`` guided by the dataclass type hints."""
    if data is None:
        return None
    origin = typing.get_origin(cls)
    if origin in (Union, types.UnionType):
        inner = [a for a in typing.get_args(cls) if a is not type(None)]
        return from_dict(inner[0], data) if len(inner) == 1 else data
    if origin in (list, tuple):
        (item,) = typing.get_args(cls)[:1] or (Any,)
        return [from_dict(item, v) for v in data]
    if origin is dict:
        _, value_type = typing.get_args(cls)
        return {k: from_dict(value_type, v) for k, v in data.items()}
    if dataclasses.is_dataclass(cls):
        hints = typing.get_type_hints(cls)
        known = {f.name for f in dataclasses.fields(cls) if f.init}
        return cls(**{k: from_dict(hints[k], v) for k, v in data.items() if k in known})
    return data


# --------------------------------------------------------------------------
# Repaired document: what repair hands to normalize
# --------------------------------------------------------------------------

@dataclass
class LogicalRow:
    """One table row as a person reads it, after the repairs that rebuilt it."""
    values: dict[str, str]                       # column role -> text ("\n" between the cell's lines)
    serial: Optional[int] = None
    sub_serial: Optional[str] = None
    serial_inferred: bool = False
    department: str = ""
    pages: list[int] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)                    # source row indexes
    cells: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    repairs: list[Repair] = field(default_factory=list)
    officer_inferred: bool = False


@dataclass
class RepairedTable:
    kind: str                 # services | grievance | expectations | other
    heading: str              # the heading line the table sits under, as written
    section_kind: str         # citizen | institutional | ... for service tables
    roles: list[str]
    header_text: list[str]
    rows: list[LogicalRow]
    index: int = 0
    pages: list[int] = field(default_factory=list)
    officer_names: bool = True      # the officer column's header allows a person's name


@dataclass
class RepairedDocument:
    source: str
    sha256: str
    format: str
    pages: int
    blocks: list[Union[Line, RepairedTable]]
    findings: list[Finding] = field(default_factory=list)

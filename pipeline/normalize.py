"""Normalize: from repaired rows to a typed ``Charter``.

Assembly only: every value is read by the value parsers of ``pipeline.values``
(fees, time limits, phones, emails, officers, serials, item lists); this stage
walks the repaired document and builds the record from them.
"""
from __future__ import annotations

import regex

from . import __version__, gazetteer
from . import keywords as kw
from .lexicon import (clean, contains_any, has_numbering, heading_kind, is_charter_title, is_government_line,
                      strip_numbering, tidy)
from .model import (Charter, Finding, GrievanceContact, Line, LogicalRow, Provenance, RepairedDocument,
                    RepairedTable, Section, Service)
from .values.email import URL
from .values.fee import parse_fee
from .values.items import split_items
from .values.officer import officer_from_columns, parse_officer
from .values.time import parse_time_limit


class NotACharterError(ValueError):
    """The document reads, but holds nothing of a charter."""


# ------------------------------------------------------------------ the charter

def normalize(doc: RepairedDocument, charter_id: str, source_file: str) -> Charter:
    charter = Charter(charter_id=charter_id, source_file=source_file, source_sha256=doc.sha256,
                      source_format=doc.format, pages=doc.pages, pipeline_version=__version__,
                      findings=list(doc.findings))
    _read_title_block(charter, doc.blocks)
    _read_texts(charter, doc.blocks)
    for table in (b for b in doc.blocks if isinstance(b, RepairedTable)):
        if table.kind == "services":
            _section_for(charter, table).services += [build_service(table, row) for row in table.rows]
        elif table.kind == "grievance":
            charter.grievance += [build_grievance(row) for row in table.rows]
        elif table.kind == "expectations":
            charter.expectations += [clean(" ".join(v for k, v in row.values.items() if k != "serial"))
                                     for row in table.rows]
        else:
            charter.findings.append(Finding(rule="unrecognised_table", severity="info",
                                            message=f"table {table.index + 1} (pages {table.pages}) under "
                                                    f"'{table.heading}' was not recognised and not emitted"))
    charter.findings += _truncation(charter, doc.blocks)
    if not _has_charter_content(charter, doc.blocks) and not _pages_unread(charter):
        raise NotACharterError("no charter content: no service table, charter heading or title found")
    return charter


def _has_charter_content(charter: Charter, blocks: list) -> bool:
    """A blank template still has its headings; a stray file has none of it."""
    lines = [b.text for b in blocks if isinstance(b, Line)]
    return bool(charter.sections or charter.grievance or charter.expectations or charter.vision
                or charter.mission or any(heading_kind(t) or is_charter_title(t) for t in lines))


def _pages_unread(charter: Charter) -> bool:
    """Pages that could not be read (a scan without OCR) may hold the charter: the record says which."""
    return any(f.rule == "page_needs_ocr" for f in charter.findings)


def _truncation(charter: Charter, blocks: list) -> list[Finding]:
    """A charter whose text stops inside a service table, with nothing after it, was cut off."""
    last = blocks[-1] if blocks else None
    if not isinstance(last, RepairedTable) or last.kind != "services" or not last.rows \
            or charter.grievance or charter.expectations:
        return []
    final = last.rows[-1] if last.rows else None
    where = f"after serial {final.serial or '?'} on page {final.pages[-1]}" if final else "at its header"
    return [Finding(rule="ends_mid_table", severity="warning", section=last.section_kind,
                    message=f"the document ends inside the {last.section_kind} service table {where}, "
                            "with no grievance or expectations section after it: it may be cut off")]


def _section_for(charter: Charter, table: RepairedTable) -> Section:
    for section in charter.sections:
        if section.kind == table.section_kind and section.title == table.heading:
            return section
    section = Section(kind=table.section_kind, title=table.heading, header=table.roles,
                      header_text=table.header_text)
    charter.sections.append(section)
    return section


def _extra_values(row: LogicalRow) -> dict[str, str]:
    """Columns of other roles, by role (room, remarks …) or, for an unknown one, by its header label."""
    return {role.removeprefix("extra:"): clean(text) for role, text in row.values.items()
            if role not in kw.SERVICE_ROLES and not role.startswith("officer.") and clean(text)}


# '*' or '†' after a service's name points to a footnote under the table.
_FOOTNOTE = regex.compile(r"\s*[*†‡]+$")


def build_service(table: RepairedTable, row: LogicalRow) -> Service:
    values = {role: text if role.startswith("officer") else clean(text) for role, text in row.values.items()}
    fee = parse_fee(values.get("fee", ""))
    days, unit = parse_time_limit(values.get("time_limit", ""))
    officer = officer_from_columns({r: t for r, t in values.items() if r.startswith("officer")}, table.officer_names)
    officer.inferred_from_merged_cell = row.officer_inferred
    superior = values.get("superior_officer")
    return Service(
        section=table.section_kind, serial=row.serial, serial_text=values.get("serial", ""),
        serial_inferred=row.serial_inferred, sub_serial=row.sub_serial, department=row.department,
        name=_FOOTNOTE.sub("", values.get("service_name", "")), delivery_method=split_items(values.get("method", "")),
        delivery_method_text=values.get("method", ""),
        required_documents=" ".join(v for v in (values.get("documents"), values.get("documents_place")) if v),
        fee_text=values.get("fee", ""), fee_bdt=fee.bdt, fee_min_bdt=fee.min_bdt, fee_max_bdt=fee.max_bdt,
        fee_kind=fee.kind, is_free=fee.is_free,
        time_limit_text=values.get("time_limit", ""), time_limit_days=days, time_limit_unit=unit,
        officer=officer, superior_officer=parse_officer(superior) if superior else None,
        extra=_extra_values(row),
        provenance=Provenance(pages=row.pages, table=table.index, rows=row.rows, cells=row.cells,
                              repairs=row.repairs))


def build_grievance(row: LogicalRow) -> GrievanceContact:
    days, _ = parse_time_limit(row.values.get("resolution", ""))
    # "অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)" names the role, not the person; the person
    # and their contacts are as often in the address column as in the officer one.
    # A cell spanning both columns arrives in each: read it once.
    person = "\n".join(dict.fromkeys(row.values.get(role, "") for role in ("officer", "address", "contact")))
    officer = parse_officer(person)
    return GrievanceContact(serial=row.serial, when=clean(row.values.get("when", "")),
                            officer=officer, address=clean(row.values.get("address", "")),
                            resolution_text=clean(row.values.get("resolution", "")), resolution_days=days,
                            pages=row.pages)


# ------------------------------------------------------------------ title block and texts



def _title_lines(blocks: list) -> list[str]:
    """Lines before the first heading, numbered line or table: the charter's title block."""
    lines = []
    for block in blocks:
        if not isinstance(block, Line) or heading_kind(block.text) or has_numbering(block.text):
            break
        lines.append(clean(block.text))
    return lines


def _read_title_block(charter: Charter, blocks: list) -> None:
    lines = _title_lines(blocks)
    urls = [m.group(0).rstrip("/.,") + ("/" if m.group(0).endswith("/") else "") for line in lines
            for m in URL.finditer(line)]
    charter.website = urls[0] if urls else ""
    office = [tidy(URL.sub("", line).strip("<>")) for line in lines
              if not is_government_line(line) and not is_charter_title(line)]
    office = [line for line in office if line]
    charter.department = next((line for line in office if contains_any(line, kw.DEPARTMENT_WORDS)), "")
    charter.office_name = ", ".join(office)
    charter.location = gazetteer.resolve(" ".join(office), charter.website)


def _read_texts(charter: Charter, blocks: list) -> None:
    """Vision, mission and a list of expectations written as lines under their headings."""
    current = None
    texts: dict[str, list[str]] = {"vision": [], "mission": [], "expectations": []}
    for block in blocks:
        if not isinstance(block, Line):
            current = None
            continue
        kind = heading_kind(block.text)
        if kind:
            current = kind[1] if kind[1] in texts else None
            continue
        inline = _inline_heading(block.text)
        if inline:
            current, text = inline
            texts[current].append(text)
        elif current:
            texts[current].append(strip_numbering(block.text) if current == "expectations" else clean(block.text))
    charter.vision = " ".join(texts["vision"])
    charter.mission = " ".join(texts["mission"])
    charter.expectations += [t for t in texts["expectations"] if t]


def _inline_heading(text: str) -> tuple[str, str] | None:
    """'ভিশন: …' / 'রূপকল্প - …' on one line."""
    head, sep, rest = clean(text).partition(":") if ":" in text else clean(text).partition("ঃ")
    if not sep or not rest.strip():
        return None
    kind = heading_kind(head)
    if kind and kind[1] in ("vision", "mission"):
        return kind[1], clean(rest)
    return None

"""Repair: rebuild the rows a person reads out of the rows a reader found.

Every change is recorded as a ``Repair`` on the row it touched, so that
``charter explain FILE`` can show why a service reads the way it does:

* tables cut by page breaks are stitched back together;
* header rows, their repeats on later pages and the column-number row
  (১ ২ ৩ …) are recognised through the keyword tables and dropped;
* a row with an empty serial continues the row above, cell by cell;
* officer cells: text of another column at the start of the cell is moved out
  (and reported), a fragment with no designation (an address tail, a contact
  line) continues the officer cell above, and an empty cell takes the officer
  of the merged cell it sits under.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import regex

from . import gazetteer
from . import keywords as kw
from .lexicon import (clean, contains_any, find_designation, fold, heading_kind, is_column_number_row,
                      leading_time_phrase, match_role, parse_int, rejoin_addresses, starts_with_contact)
from .model import (Finding, Line, LogicalRow, RawDocument, RepairedDocument, RepairedTable, Repair,
                    Row, Table)


def repair(doc: RawDocument) -> RepairedDocument:
    findings = list(doc.findings)
    blocks: list = []
    heading = ""
    layouts: dict[int, list[str]] = {}          # column count -> roles of the last table seen
    for block in stitch(lift_headings(doc.blocks)):
        if isinstance(block, Line):
            if heading_kind(block.text):
                heading = block.text
            blocks.append(block)
            continue
        table = repair_table(block, heading, layouts, len([b for b in blocks if isinstance(b, RepairedTable)]))
        if table is None:
            continue
        findings += move_foreign_officer_text(table)
        if "officer" in table.roles:
            resolve_officer_cells(table)
        layouts[len(table.roles)] = table.roles
        blocks.append(table)
    return RepairedDocument(source=doc.source, sha256=doc.sha256, format=doc.format, pages=doc.pages,
                            blocks=blocks, findings=findings)


# ------------------------------------------------------------------ stitching

def lift_headings(blocks: list) -> list:
    """Headings and vision/mission written as rows of a table become lines.

    Portal pages often keep the whole charter in one table: a full-width row
    '২.২) প্রাতিষ্ঠানিক সেবা' between service rows, or 'ভিশন | …' as a row. The
    table is split at such a heading so each part sits under its own heading.
    """
    out: list = []
    for block in blocks:
        if not isinstance(block, Table):
            out.append(block)
            continue
        rows: list[Row] = []
        for row in block.rows:
            line = _row_as_line(row)
            if line is None:
                rows.append(row)
                continue
            if rows:
                out.append(Table(rows=rows))
            out.append(line)
            rows = []
        if rows:
            out.append(Table(rows=rows))
    return out


def _row_as_line(row: Row) -> Line | None:
    texts = list(dict.fromkeys(clean(c.text) for c in row.cells if clean(c.text)))
    if len(texts) == 1 and heading_kind(texts[0]):
        return Line(text=texts[0], page=row.page)
    if len(texts) == 2 and heading_kind(texts[0]) in (("structure", "vision"), ("structure", "mission")):
        return Line(text=f"{texts[0]}: {texts[1]}", page=row.page)
    return None


def stitch(blocks: list) -> list:
    """Join a table to the one before it when a page break is all that parts them.

    A table continues the previous one when it starts on a later page, has the
    same number of columns, and no heading stands between them; lines between
    (page numbers, running footers) are kept after the joined table.
    """
    out: list = []
    held: list[Line] = []
    for block in blocks:
        if isinstance(block, Line):
            if heading_kind(block.text) or not _last_table(out):
                out += held + [block]
                held = []
            else:
                held.append(block)
            continue
        previous = _last_table(out)
        if previous is not None and _continues(previous, block):
            out[-1] = Table(rows=previous.rows + block.rows)
        else:
            out += held + [block]
            held = []
    return out + held


def _last_table(out: list) -> Table | None:
    return out[-1] if out and isinstance(out[-1], Table) else None


def _width(table: Table) -> int:
    return max((len(r.cells) for r in table.rows), default=0)


def _continues(previous: Table, table: Table) -> bool:
    return (bool(table.rows) and bool(previous.rows) and _width(previous) == _width(table)
            and table.rows[0].page > previous.rows[-1].page)


# ------------------------------------------------------------------ tables

def _header_score(texts: list[str], roles_table) -> int:
    return sum(1 for t in texts if match_role(t, roles_table))


def _is_header(texts: list[str], roles_table) -> bool:
    filled = [t for t in texts if clean(t)]
    return len(filled) >= 2 and _header_score(filled, roles_table) >= max(2, math.ceil(len(filled) / 2))


def _table_kind(heading: str, header: list[str] | None) -> str:
    group_kind = heading_kind(heading) if heading else None
    kind = group_kind[1] if group_kind else ""
    if kind in ("grievance", "expectations"):
        return kind
    if header and match_role(" ".join(header), [("when", dict(kw.GRIEVANCE_ROLES)["when"])]):
        return "grievance"
    if header or (group_kind and group_kind[0] == "section") or kind == "services":
        return "services"
    return "other"


def _section_kind(heading: str) -> str:
    group_kind = heading_kind(heading) if heading else None
    if group_kind and group_kind[0] == "section":
        return group_kind[1]
    # A service table under "প্রতিশ্রুত সেবাসমূহ" alone, or under no heading at all,
    # is the charter's one table of services to citizens.
    return "citizen" if group_kind in (("structure", "services"), None) else "other"


def _assign_roles(labels: list[list[str]], roles_table) -> list[str]:
    roles: list[str] = []
    for i, column in enumerate(labels):
        role = header_role(column, roles_table) or f"column_{i + 1}"
        while role in roles:
            role = f"{role}_2" if not role[-1].isdigit() else f"{role[:-1]}{int(role[-1]) + 1}"
        roles.append(role)
    return roles


def _pad(row: Row, width: int) -> list:
    return row.cells + [None] * (width - len(row.cells))


def repair_table(table: Table, heading: str, layouts: dict[int, list[str]], index: int) -> RepairedTable | None:
    width = _width(table)
    rows = [r for r in table.rows if any(clean(c.text) for c in r.cells)]
    if not rows or width < 2:
        return None
    # A header stands above the data: one found under numbered rows is a repeat
    # from a later page (the table began under a heading row, without its own).
    header_at = next((i for i, r in enumerate(rows[:3]) if _is_header(r.texts(), kw.COLUMN_ROLES)
                      or _is_header(r.texts(), kw.GRIEVANCE_ROLES)), None)
    if header_at and any(parse_int(r.texts()[0]) is not None for r in rows[:header_at]):
        header_at = None
    labels, header_rows = (None, 0) if header_at is None else read_header(rows[header_at:], width)
    header = [clean(" ".join(parts)) for parts in labels] if labels else None
    kind = _table_kind(heading, header)
    roles = _roles_for(kind, labels, width, layouts)
    body = rows[header_at + header_rows:] if header_at is not None else rows
    logical = merge_split_columns(build_rows(body, roles, table.rows))
    return RepairedTable(kind=kind, heading=clean(heading), section_kind=_section_kind(heading), roles=roles,
                         header_text=header or [], rows=logical, index=index,
                         pages=sorted({p for r in logical for p in r.pages}))


def read_header(rows: list[Row], width: int) -> tuple[list[list[str]], int]:
    """The header's labels per column, top row first, and how many rows it takes.

    A header often takes two rows: "সেবা প্রদানের" over "সময়সীমা", or a group cell
    "দায়িত্বপ্রাপ্ত কর্মকর্তা" over "নাম | পদবি | ফোন". Rows after the first that come
    before any numbered row (and are not the ১ ২ ৩ … row) and hold only labels
    belong to the header.
    """
    def texts(row: Row) -> list[str]:
        cells = _pad(row, width)
        return fill_from_left([clean(c.text) if c else "" for c in cells], cells)

    parts = [[t] for t in texts(rows[0])]
    for row in rows[1:]:
        more = texts(row)
        if is_column_number_row(more) or parse_int(more[0]) is not None or not any(more):
            break
        if match_role(parts[0][0], kw.COLUMN_ROLES) != "serial" or not all(map(_label_like, more)):
            break
        for column, label in zip(parts, more):
            column.append(label)
    return parts, len(parts[0])


def header_role(labels: list[str], roles_table) -> str | None:
    """The role of a column from its labels: the lowest (most specific) label that
    names one, else all of them read together ("সেবার মূল্য ও সময়" over "মূল্য" is a fee)."""
    for label in reversed(labels):
        role = match_role(label, roles_table)
        if role:
            return role
    return match_role(" ".join(labels), roles_table)


def _label_like(text: str) -> bool:
    """Short text without numbers: a header label ("(নাম, পদবি, ফোন নম্বর ও ইমেইল)"), not data."""
    return len(text.split()) <= 8 and not regex.search(r"[0-9০-৯]", text)


def merge_split_columns(rows: list[LogicalRow]) -> list[LogicalRow]:
    """Columns that share a role (officer name | designation | phone) make one value."""
    for row in rows:
        for role in [r for r in row.values if _base_role(r) != r]:
            base = _base_role(role)
            text = row.values.pop(role)
            if base in row.values and text:
                row.values[base] = clean(f"{row.values[base]} {text}")
                row.cells.setdefault(base, []).extend(row.cells.pop(role, []))
    return rows


def _base_role(role: str) -> str:
    """officer_2 -> officer; column_3 stays itself."""
    base, _, number = role.rpartition("_")
    return base if number.isdigit() and base != "column" else role


def _roles_for(kind: str, labels: list[list[str]] | None, width: int,
               layouts: dict[int, list[str]]) -> list[str]:
    if kind == "grievance":
        return _assign_roles(labels, kw.GRIEVANCE_ROLES) if labels else _default(kw.GRIEVANCE_LAYOUT, width)
    if kind == "expectations":
        return ["serial", "text"] + [f"column_{i + 3}" for i in range(width - 2)] if width >= 2 else ["text"]
    if labels:
        return _assign_roles(labels, kw.COLUMN_ROLES)
    return layouts.get(width) or _default(kw.DEFAULT_LAYOUTS.get(width, []), width)


def _default(layout: list[str], width: int) -> list[str]:
    return (layout + [f"column_{i + 1}" for i in range(len(layout), width)])[:width]


# ------------------------------------------------------------------ rows

def _is_repeat_header(texts: list[str], roles: list[str]) -> bool:
    """The column-number row, or a header row repeated at the top of a later page.

    A repeat must name, column by column, the same roles as the header: a data
    row that merely mentions a keyword (উর্ধ্বতন, সময়) is not one.
    """
    if is_column_number_row(texts):
        return True
    table = kw.GRIEVANCE_ROLES if "when" in roles else kw.COLUMN_ROLES
    same = sum(1 for text, role in zip(texts, roles) if text and match_role(text, table) == role)
    return same >= max(2, math.ceil(len(roles) / 2))


def is_continuation(values: dict[str, str], roles: list[str], row: Row, above: LogicalRow) -> bool:
    """Whether a row carries on the row above rather than starting a service.

    With a serial column, an empty serial says so. Without one, only the first
    row on a new page can be a continuation, and only if it names no service.
    """
    if "serial" in roles:
        return not values.get("serial")
    name_role = next((r for r in ("service_name", "when", "text") if r in roles), roles[0])
    return row.page > above.pages[-1] and not values.get(name_role)


def build_rows(body: list[Row], roles: list[str], all_rows: list[Row]) -> list[LogicalRow]:
    """Logical rows: repeated headers dropped, continuation rows joined to the row above."""
    out: list[LogicalRow] = []
    position = {id(r): i for i, r in enumerate(all_rows)}
    for row in body:
        padded = _pad(row, len(roles))
        texts = fill_from_left([clean(c.text) if c else "" for c in padded], padded)
        if _is_repeat_header(texts, roles):
            continue
        values = dict(zip(roles, texts))
        cells = {role: [_cell_ref(c)] for role, c in zip(roles, padded) if c is not None}
        index = position[id(row)]
        if out and is_continuation(values, roles, row, out[-1]):
            _join(out[-1], values, cells, index, row)
            continue
        logical = LogicalRow(values=values, pages=[row.page], rows=[index], cells=cells)
        if out:
            fill_from_above(logical, padded, roles, out[-1])
        out.append(logical)
    resolve_ditto_marks(out)
    return out


DITTO = {fold(mark) for mark in kw.DITTO_MARKS} | {""}


def resolve_ditto_marks(rows: list[LogicalRow]) -> None:
    """A cell holding only a ditto mark (ঐ, -ঐ-, ") repeats the cell above it."""
    for above, row in zip(rows, rows[1:]):
        for role, text in row.values.items():
            if text and fold(text) in DITTO and above.values.get(role):
                row.values[role] = above.values[role]
                _note(row, "ditto", f"{role} '{text}' means the same as the row above: '{above.values[role][:60]}'")


def fill_from_left(texts: list[str], cells: list) -> list[str]:
    """A position covered by a horizontally merged cell reads that cell's text
    (a fee and time limit written once across both columns)."""
    for j, cell in enumerate(cells):
        if j and cell is not None and cell.span_from == "left" and not texts[j]:
            texts[j] = texts[j - 1]
    return texts


# Vertical merges of these are handled elsewhere: a merged serial marks the rows
# under it as continuations, a merged officer cell is resolved with its spills.
OWN_VERTICAL_MERGES = {"serial", "officer"}


def fill_from_above(row: LogicalRow, cells: list, roles: list[str], above: LogicalRow) -> None:
    """A position covered by a vertically merged cell reads the text of the row above."""
    for role, cell in zip(roles, cells):
        if (cell is None or cell.span_from != "above" or row.values.get(role)
                or role in OWN_VERTICAL_MERGES or not above.values.get(role)):
            continue
        row.values[role] = above.values[role]
        _note(row, "merged_cell", f"{role} lies under the merged cell of the row above: '{above.values[role][:60]}'")


def _cell_ref(cell) -> dict:
    return {"page": cell.page, "bbox": list(cell.bbox) if cell.bbox else None, "spanned": cell.spanned,
            "confidence": cell.confidence}


def _join(target: LogicalRow, values: dict[str, str], cells: dict, index: int, row: Row) -> None:
    joined = [role for role, text in values.items() if text]
    for role in joined:
        # A page break can cut an email or URL just as a line wrap does.
        target.values[role] = rejoin_addresses(f"{target.values.get(role, '')} {values[role]}".strip())
        target.cells.setdefault(role, []).extend(cells.get(role, []))
    # Also after a repeated header row, so the page tells, not the row's own flag.
    page_break = row.page > target.pages[-1]
    where = "after a page break" if page_break else "with an empty serial cell"
    target.rows.append(index)
    if row.page not in target.pages:
        target.pages.append(row.page)
    # On the same page, a row with no serial is a sub-row (ক, খ) of the service above.
    target.repairs.append(Repair(
        action="joined_continuation" if page_break else "joined_subrow",
        detail=f"row {index} on page {row.page} ({where}) continues the row above: "
               f"joined cell by cell into {', '.join(joined)}",
        rows=[target.rows[0], index], pages=[target.pages[0], row.page]))


# ------------------------------------------------------------------ officer cells

def _serial_of(row: LogicalRow) -> int | None:
    return parse_int(row.values.get("serial", ""))


def move_foreign_officer_text(table: RepairedTable) -> list[Finding]:
    """Text of another column at the start of an officer cell is moved out and reported."""
    findings = []
    for row in table.rows:
        text = row.values.get("officer", "")
        moved, role = _foreign_prefix(row, text)
        if not moved:
            continue
        row.values["officer"] = text[len(moved):].strip(" ,;:-")
        if not row.values.get(role):
            row.values[role] = moved
        _note(row, "moved_text", f"officer cell began with {role} text '{moved}': moved out")
        findings.append(Finding(rule="text_in_wrong_column", severity="warning", section=table.section_kind,
                                serial=_serial_of(row), field="officer",
                                message=f"the officer cell starts with {role} text '{moved}'"))
    return findings


def _foreign_prefix(row: LogicalRow, text: str) -> tuple[str, str]:
    for role in kw.FOREIGN_IN_OFFICER:
        other = row.values.get(role, "")
        if len(other) >= 4 and text.startswith(other):
            return other, role
    phrase = leading_time_phrase(text)
    return (phrase, "time_limit") if phrase else ("", "")


def is_officer_fragment(text: str) -> bool:
    """Text that cannot start an officer: no designation, and it opens like a tail.

    An address tail (a place or office word), a contact line (a label, a
    number, an email), the lower-case end of a wrapped email, or a stray
    punctuation mark is the rest of the cell above.
    """
    if not text or find_designation(text):
        return False
    return (starts_with_contact(text) or gazetteer.starts_with_place(text)
            or _starts_with_any(text, kw.OFFICE_FRAGMENT_WORDS) or not text[0].isalnum()
            or (text[0].isascii() and text[0].islower()))


def _starts_with_any(text: str, words: list[str]) -> bool:
    first = fold(text).split(" ", 1)[0]
    return contains_any(first, words)


def _note(row: LogicalRow, action: str, detail: str) -> None:
    row.repairs.append(Repair(action=action, detail=detail, rows=row.rows[:1], pages=row.pages[:1]))


@dataclass
class _Block:
    text: str
    start: int


def resolve_officer_cells(table: RepairedTable) -> None:
    """Give every row the whole text of the (possibly merged) officer cell it sits in."""
    block: _Block | None = None
    owner: dict[int, _Block] = {}
    for i, row in enumerate(table.rows):
        text = row.values.get("officer", "")
        if text and (block is None or not is_officer_fragment(text)):
            block = _Block(text=text, start=i)
        elif text:
            block.text = rejoin_addresses(f"{block.text} {text}")
            _note(row, "officer_spill", f"officer text '{text}' has no name or designation: it continues the "
                                        f"officer cell of serial {_serial_of(table.rows[block.start])}")
        elif block is not None:
            _note(row, "officer_inherited", f"officer cell empty: it lies under the merged officer cell of serial "
                                            f"{_serial_of(table.rows[block.start])}")
        if block is not None:
            owner[i] = block
    for i, blk in owner.items():
        table.rows[i].values["officer"] = blk.text
        table.rows[i].officer_inferred = i != blk.start

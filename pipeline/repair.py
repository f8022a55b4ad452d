"""Repair: rebuild the rows a person reads out of the rows a reader found.

Every change is recorded as a ``Repair`` on the row it touched, so that
``charter explain FILE`` can show why a service reads the way it does:

* tables cut by page breaks are stitched back together;
* each column's role comes from its header label and its cells' content
  (``pipeline.columns``); header rows, their repeats on later pages and the
  column-number row (১ ২ ৩ …), wherever it sits, are dropped;
* a full-width row naming a department or wing is a sub-heading: the rows under
  it carry it;
* ditto marks (ঐ, 〃) are read per physical row, before any joining;
* a serial fused to the start of the name is lifted out; a table without serials
  is numbered 1..n and says so;
* a row with an empty serial and an empty name continues the row above; one under
  a merged serial cell, or marked (ক)/(খ), is a sub-row of that service; one that
  opens a new page continues the row the page break cut;
* officer cells: text of another column at the start of the cell is moved out
  (and reported), a fragment with no designation (an address tail, a contact
  line) continues the officer cell above, and an empty cell takes the officer of
  the merged cell it sits under — only a merged one, where the reader can tell.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Optional

import regex

from . import columns, gazetteer
from . import keywords as kw
from .lexicon import (SUB_ROW_MARK, SUB_ROW_MARKER, clean, clean_lines, contains_any, fold, heading_kind, is_ditto,
                      is_column_number_row, leading_time_phrase, match_role, names_variant_only, rejoin_addresses,
                      starts_with_any, starts_with_contact, sub_row_marker)
from .model import (Finding, Line, LogicalRow, RawDocument, RepairedDocument, RepairedTable, Repair, Row,
                    Table)
from .values.fee import class_label
from .values.officer import find_designation, post_across
from .values.serial import parse_serial, split_fused_serial


def repair(doc: RawDocument) -> RepairedDocument:
    findings = list(doc.findings)
    blocks: list = []
    heading = ""
    layouts: dict[int, columns.Layout] = {}          # column count -> layout of the last table seen
    department = ""
    for block in stitch(lift_headings(doc.blocks)):
        if isinstance(block, Line):
            if heading_kind(block.text):
                heading = block.text
            department = _subheading_line(block.text)
            blocks.append(block)
            continue
        index = len([b for b in blocks if isinstance(b, RepairedTable)])
        repaired = repair_table(block, heading, layouts, index, department)
        department = ""
        if repaired is None:
            continue
        table, layout = repaired
        findings += [replace(f, section=table.section_kind if table.kind == "services" else None,
                             message=f"table {index + 1}: {f.message}") for f in layout.findings]
        findings += move_foreign_officer_text(table)
        if "officer" in table.roles:
            resolve_officer_cells(table, block.knows_spans)
        if "superior_officer" in table.roles:
            resolve_officer_cells(table, block.knows_spans, "superior_officer")
        layouts[len(table.roles)] = layout
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
                out.append(Table(rows=rows, knows_spans=block.knows_spans))
            out.append(line)
            rows = []
        if rows:
            out.append(Table(rows=rows, knows_spans=block.knows_spans))
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
            out[-1] = Table(rows=previous.rows + block.rows, knows_spans=previous.knows_spans and block.knows_spans)
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

def _table_kind(heading: str, labels: list[list[str]] | None) -> str:
    group_kind = heading_kind(heading) if heading else None
    kind = group_kind[1] if group_kind else ""
    if kind in ("grievance", "expectations"):
        return kind
    header = " ".join(" ".join(column) for column in labels) if labels else ""
    if header and match_role(header, [("when", dict(kw.GRIEVANCE_ROLES)["when"])]):
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


def _header(rows: list[Row], width: int) -> tuple[list[list[str]] | None, int]:
    """The header's labels per column and the rows it takes (with the number rows)."""
    for table in (kw.COLUMN_ROLES, kw.GRIEVANCE_ROLES):
        header, consumed = columns.header_block(rows, width, table)
        if header:
            return columns.column_labels([rows[i] for i in header], width), consumed
    # A number row alone above the data still goes.
    consumed = 0
    while consumed < len(rows) and is_column_number_row(columns.row_texts(rows[consumed], width)):
        consumed += 1
    return None, consumed


def _fixed_layout(roles: list[str], width: int, evidence: str) -> columns.Layout:
    roles = (roles + [f"extra:column {i + 1}" for i in range(len(roles), width)])[:width]
    return columns.Layout(columns=[columns.Column(role, "", evidence) for role in roles])


def _layout(kind: str, labels: list[list[str]] | None, body: list[list[str]], width: int,
            layouts: dict[int, columns.Layout]) -> columns.Layout:
    if kind == "grievance":
        if labels:
            return columns.analyse(labels, body, kw.GRIEVANCE_ROLES)
        return _fixed_layout(kw.GRIEVANCE_LAYOUT, width, "layout")
    if kind == "expectations":
        return _fixed_layout(["serial", "text"], width, "layout")
    if labels:
        return columns.analyse(labels, body)
    if width in layouts:        # a table continued without its header
        return layouts[width]
    by_content = columns.analyse([[] for _ in range(width)], body)
    if width in kw.DEFAULT_LAYOUTS and not {"serial", "fee", "time_limit"} & set(by_content.roles):
        return _fixed_layout(kw.DEFAULT_LAYOUTS[width], width, "layout")
    return by_content


def _subheading_line(text: str) -> str:
    """A line right above a table that names a group of its services ('ক. … সংক্রান্ত :',
    'প্রশাসন বিভাগঃ'): lettered, numbered or ending in a colon, naming a department or wing."""
    text = clean(text)
    marked = bool(SUB_ROW_MARKER.match(text) or regex.match(r"^[0-9০-৯]{1,2}\s*[.)।]", text)
                  or regex.search(r"[:ঃ]\s*$", text))
    if not marked or heading_kind(text) or len(text.split()) > 20 or not contains_any(text, kw.SUBHEADING_WORDS):
        return ""
    return regex.sub(r"\s*[:ঃ]+\s*$", "", text)


def repair_table(table: Table, heading: str, layouts: dict[int, columns.Layout],
                 index: int, department: str = "") -> tuple[RepairedTable, columns.Layout] | None:
    width = _width(table)
    rows = [r for r in table.rows if any(clean(c.text) for c in r.cells)]
    if not rows or width < 2:
        return None
    labels, consumed = _header(rows, width)
    kind = _table_kind(heading, labels)
    body = rows[consumed:]
    layout = _layout(kind, labels, [columns.row_texts(r, width) for r in body], width, layouts)
    logical = build_rows(body, layout, table.rows, kind == "services", department, table.knows_spans)
    header_text = [" ".join(column) for column in labels] if labels else []
    repaired = RepairedTable(kind=kind, heading=clean(heading), section_kind=_section_kind(heading),
                             roles=layout.roles, header_text=header_text, rows=logical, index=index,
                             pages=sorted({p for r in logical for p in r.pages}), officer_names=layout.officer_names)
    return repaired, layout


# ------------------------------------------------------------------ rows

def _is_repeat_header(texts: list[str], layout: columns.Layout) -> bool:
    """The column-number row, or a header row repeated at the top of a later page:
    most of its cells name, column by column, the roles of the header."""
    flat = [clean(t) for t in texts]
    if is_column_number_row(flat):
        return True
    same = 0
    for text, column in zip(flat, layout.columns):
        match = columns.match_label(text) if text and columns.label_like(text) else None
        same += bool(match and column.role.split(".")[0] == match.role.split(".")[0])
    filled = [t for t in flat if t]
    return len(filled) >= 2 and same >= max(2, -(-len(filled) // 2)) and not columns.numbered(flat[0]) \
        and not columns.states_values(filled)


def _subheading(row: Row, texts: list[str], roles: list[str]) -> str:
    """The text of a full-width row that names a department or wing, else ''.

    It spans the table, or stands alone in the serial or name column (a cut row's
    rest, alone in another column, is no sub-heading)."""
    filled = list(dict.fromkeys(clean(t) for t in texts if clean(t)))
    if len(filled) != 1 or len(filled[0].split()) > 12 or parse_serial(filled[0]) is not None:
        return ""
    text = filled[0]
    spans = sum(1 for c in row.cells[1:] if c.span_from == "left") >= len(row.cells) - 2 >= 1
    first = next(i for i, t in enumerate(texts) if clean(t))
    where = roles[first] if first < len(roles) else ""
    if spans or (where in ("serial", "service_name") and contains_any(text, kw.SUBHEADING_WORDS)):
        return regex.sub(r"\s*[:ঃ]+\s*$", "", text)
    return ""


@dataclass
class _Rows:
    """The logical rows of a table as they are built, with what the next row needs to know."""
    out: list[LogicalRow]
    above: list[str]                 # the last value seen in each column, dittos resolved
    previous: list[str]              # the physical row before, dittos resolved
    department: str = ""
    parent: Optional[LogicalRow] = None     # the service the current sub-rows belong to
    title: Optional[LogicalRow] = None      # a parent that is only a title over its sub-rows
    group: list[LogicalRow] = field(default_factory=list)    # the sub-rows of ``parent`` so far
    title_name: str = ""                    # the name its sub-rows share, when the parent's held a variant
    starts: set[int] = field(default_factory=set)             # ids of rows that begin a service
    serials: bool = False            # some row of the table writes its serial (in its column or name)
    knows_spans: bool = True         # the reader tells a merged cell from an empty one


def build_rows(body: list[Row], layout: columns.Layout, all_rows: list[Row], services: bool,
               department: str = "", knows_spans: bool = True) -> list[LogicalRow]:
    roles = layout.roles
    state = _Rows(out=[], above=[""] * len(roles), previous=[""] * len(roles), department=department,
                  knows_spans=knows_spans)
    state.serials = any(_writes_serial(dict(zip(roles, texts))) for texts in
                        (columns.row_texts(r, len(roles)) for r in body) if not _is_repeat_header(texts, layout))
    position = {id(r): i for i, r in enumerate(all_rows)}
    for row in body:
        texts = columns.row_texts(row, len(roles), lines=True)
        if _is_repeat_header(texts, layout):
            continue
        if services and (department := _subheading(row, texts, roles)):
            state.department, state.parent, state.title = department, None, None
            continue
        cells = row.cells + [None] * (len(roles) - len(row.cells))
        notes = _resolve_dittos(texts, cells, roles, state)
        logical = LogicalRow(values=dict(zip(roles, texts)), pages=[row.page], rows=[position[id(row)]],
                             cells={role: [_cell_ref(c)] for role, c in zip(roles, cells) if c is not None},
                             department=state.department, repairs=notes)
        _place(logical, row, cells, roles, state, services)
        _joined_above(logical, texts, roles, state)
    if services:
        _infer_serials(state.out, state.starts)
    return state.out


def _joined_above(logical: LogicalRow, texts: list[str], roles: list[str], state: _Rows) -> None:
    """A row joined onto the one above (the rest of its list, cut into a row of its own) leaves
    the whole joined value above the next ditto mark, not its own part of it."""
    target = state.out[-1] if state.out else None
    if target is None or target is logical:
        return
    for j, role in enumerate(roles):
        if texts[j] and target.values.get(role):
            state.above[j] = target.values[role]


def _describes(cells: list, roles: list[str]) -> bool:
    """A row that writes its own method, documents or officer (no ditto): a service of its own,
    where a fee class in its own row ('জরুরি' | '' | '' | '৬৩২৫ টাকা') states only its terms."""
    return any(cell is not None and clean(cell.text) and not is_ditto(cell.text)
               for cell, role in zip(cells, roles) if role.split(".")[0] in DESCRIBING_ROLES)


def _writes_serial(values: dict[str, str]) -> bool:
    """A row that writes its serial, in the serial column or fused to its name."""
    return parse_serial(values.get("serial", "")) is not None or \
        split_fused_serial(values.get("service_name", ""))[0] is not None


def _resolve_dittos(texts: list[str], cells: list, roles: list[str], state: _Rows) -> list[Repair]:
    """A cell holding only a ditto mark repeats the value above it (the nearest one
    when the cell right above is empty, which is reported)."""
    notes = []
    for j, text in enumerate(texts):
        if is_ditto(text) and state.above[j]:
            texts[j] = state.above[j]
            over_empty = not state.previous[j]
            notes.append(Repair(action="ditto_over_empty" if over_empty else "ditto",
                                detail=f"{roles[j]} '{text}' means the same as the nearest value above"
                                       + (" (the cell right above is empty)" if over_empty else "")
                                       + f": '{clean(state.above[j])[:60]}'"))
        elif is_ditto(text):
            notes.append(Repair(action="ditto_unresolved", detail=f"{roles[j]} '{text}' repeats nothing: "
                                                                  "no value above it"))
        if texts[j]:
            state.above[j] = texts[j]
    state.previous = list(texts)
    return notes


def _place(logical: LogicalRow, row: Row, cells: list, roles: list[str], state: _Rows, services: bool) -> None:
    """A new service, a sub-row of the service above, or the rest of the row above."""
    values = logical.values
    logical.serial = parse_serial(values.get("serial", ""))
    name_role = next((r for r in ("service_name", "when", "text") if r in roles), roles[0])
    if logical.serial is None and not values.get("serial") and services:
        fused, rest = split_fused_serial(values.get("service_name", ""))
        if fused is not None:
            logical.serial, values["service_name"] = fused, rest
            _note(logical, "serial_lifted", f"serial {fused} written at the start of the name: lifted out")
    above = state.out[-1] if state.out else None
    named = bool(clean(values.get(name_role, "")))
    if logical.serial is not None or above is None:
        _start(logical, state)
    elif services and state.parent is not None and (
            _merged_above(cells, roles, "serial") or _merged_above(cells, roles, "service_name")
            or sub_row_marker(values.get(name_role, ""))):
        _sub_row(logical, cells, roles, state)
    elif services and state.parent is not None and not named and _fee_classes(above.values, values):
        _sub_row(logical, cells, roles, state)
    elif not named or (("serial" in roles or state.serials) and row.page > above.pages[-1]) \
            or ("serial" in roles and (not services or not _has_own_terms(values))):
        # (the first row of a new page, unnumbered where the table numbers its rows, in a serial
        # column or in the names, is the rest of the row the page break cut)
        _join(above, logical, row)
    elif services and state.parent is not None and _names_variant(clean(values.get(name_role, "")),
                                                                  short=state.serials or not _describes(cells, roles)):
        _sub_row(logical, cells, roles, state)
    else:
        _start(logical, state)
    if logical in state.out and above is not None and logical is not above:
        fill_from_above(logical, cells, roles, above)


def _fee_classes(above: dict[str, str], values: dict[str, str]) -> bool:
    """A row that names no service under one whose fee cell, like its own, names a case before
    its one amount ('বাংলা: ২০ টাকা' / 'ইংরেজী: ৫০ টাকা'): a fee class in its own row, under a
    name merged over the classes whether or not the reader saw the merge."""
    return bool(class_label(values.get("fee", "")) and class_label(above.get("fee", "")))


def _has_own_terms(values: dict[str, str]) -> bool:
    """A row that states its own fee or time limit is a service (or a variant) of its own; the
    tail of a long name ('(ই-নামজারি)') on a row of its own states neither."""
    return any(clean(values.get(role, "")) for role in ("fee", "time_limit"))


def _merged_above(cells: list, roles: list[str], role: str) -> bool:
    cell = cells[roles.index(role)] if role in roles else None
    return cell is not None and cell.spanned and cell.span_from == "above"


def _start(logical: LogicalRow, state: _Rows) -> None:
    state.out.append(logical)
    state.starts.add(id(logical))
    state.parent, state.title, state.group, state.title_name = logical, None, [], ""




def _is_title(row: LogicalRow, sub: LogicalRow) -> bool:
    """A service row that is a title over its sub-rows: it holds a name only, or states no fee
    or time limit where its sub-row does (its method and officer, merged down, are theirs)."""
    own = {role for role, v in row.values.items() if clean(v)} - {"serial", "service_name"}
    return not own or (not own & {"fee", "time_limit"} and _has_own_terms(sub.values))


def _sub_row(logical: LogicalRow, cells: list, roles: list[str], state: _Rows) -> None:
    """A sub-row of the service above: the parent's serial, its own sub_serial, and the
    parent's name in front when it names only its variant."""
    parent = state.parent
    name = logical.values.get("service_name", "")
    marker = _take_marker(logical)
    if not state.group:
        if _is_title(parent, logical):
            state.out.remove(parent)
            state.title = parent
            state.starts.add(id(logical))
            _take_title_cells(logical, parent, state.knows_spans)
        else:
            # The service row itself is the first variant: ক before a খ, else 1; its name may
            # hold that variant after the service's own ('আয়ের সনদ (ক) সাধারণ').
            parent.sub_serial = _take_marker(parent) or (_letter_before(marker) if marker else "1")
            _split_variant(parent, state)
            state.group.append(parent)
    logical.sub_serial = marker or str(len(state.group) + 1)
    logical.serial = parent.serial
    parent_name = state.title_name or clean((state.title or parent).values.get("service_name", ""))
    own = clean(logical.values.get("service_name", ""))
    if not own or _merged_above(cells, roles, "service_name"):
        logical.values["service_name"] = parent_name
    elif parent_name and (_names_variant(own) or state.title_name) and not own.startswith(parent_name):
        logical.values["service_name"] = f"{parent_name} {own}"
    _note(logical, "sub_row", f"a sub-row ({logical.sub_serial}) of serial {parent.serial}"
                              + (f": '{clean(name)[:40]}'" if name else ""))
    state.group.append(logical)
    state.out.append(logical)


def _take_title_cells(first: LogicalRow, title: LogicalRow, knows_spans: bool) -> None:
    """A title row leaves the table, but the method, documents and officer it writes describe
    its variants: the first variant takes those it leaves empty (the rest follow it as they
    would a merged cell). Where the reader cannot tell a merged cell (a table without rules),
    the first variant's text there is the rest of the title's cell, cut by the variant's line:
    it goes after the title's ('সঞ্চিতা রানী দাস সহকারী' / 'প্রোগ্রামার')."""
    for role, text in title.values.items():
        own = clean(first.values.get(role, ""))
        if role.split(".")[0] in DESCRIBING_ROLES and clean(text) and (not own or not knows_spans):
            first.values[role] = f"{text}\n{first.values[role]}" if own else text
            _note(first, "title_cell", f"{role} written on the title row of serial {title.serial}: "
                                       f"'{clean(text)[:60]}'")


def _split_variant(parent: LogicalRow, state: _Rows) -> None:
    """'আয়ের সনদ (ক) সাধারণ': the service's name is what comes before its first variant's marker."""
    name = clean(parent.values.get("service_name", ""))
    m = regex.search(rf"\s{SUB_ROW_MARK}\s*", name)
    if m and m.group(1) == parent.sub_serial:
        state.title_name = name[:m.start()].strip()
        parent.values["service_name"] = f"{state.title_name} {name[m.end():]}".strip()


def _letter_before(marker: str) -> str:
    letters = next((a for a in (kw.LIST_MARKER_LETTERS, kw.LATIN_MARKER_LETTERS) if marker in a), "")
    return letters[letters.index(marker) - 1] if marker in letters[1:] else "1"


def _take_marker(row: LogicalRow) -> str:
    """The row's (ক) marker, taken off the start of its name; or the one marker every marked
    cell of the row opens with ('(ক) সাধারণ: ১১৫০ টাকা' | '(ক) ২৮ কার্যদিবস'), left in place."""
    name = row.values.get("service_name", "")
    m = SUB_ROW_MARKER.match(name)
    if m:
        row.values["service_name"] = name[m.end():]
        return m.group(1)
    marks = {sub_row_marker(text) for role, text in row.values.items() if role != "serial" and clean(text)} - {""}
    return marks.pop() if len(marks) == 1 else ""


def _names_variant(name: str, short: bool = True) -> bool:
    """A name that names only a variant ('সাধারণ', 'জরুরি ফি'): its words are variant words, or
    with ``short`` it has two words or fewer — under an empty serial cell of a table that writes
    serials, or on a row that states only its terms; a row of a table without serials that
    describes itself ('নমিনি পরিবর্তন' | method | documents …) is a service of its own."""
    return short and len(fold(name).split()) <= 2 or names_variant_only(name)


def _infer_serials(rows: list[LogicalRow], starts: set[int]) -> None:
    """A table that prints no serials: its services are numbered in order, sub-rows sharing one.
    One that misses a serial (its first row's, say) between two that leave no doubt gets it."""
    if not rows:
        return
    if all(r.serial is None for r in rows):
        number = 0
        for row in rows:
            number += id(row) in starts
            row.serial, row.serial_inferred = max(number, 1), True
        return
    services = [r for r in rows if id(r) in starts]
    for i, row in enumerate(services):
        if row.serial is not None:
            continue
        before = services[i - 1].serial if i else 0
        after = services[i + 1].serial if i + 1 < len(services) else None
        if before is not None and (after == before + 2 or (after is None and i == len(services) - 1 and i)):
            row.serial, row.serial_inferred = before + 1, True
            _note(row, "serial_inferred", f"no serial written: {before + 1}, between {before or 'the start'} "
                                          f"and {after or 'the end'}")


DESCRIBING_ROLES = {"method", "documents", "documents_place", "officer"}
# Vertical merges of these are handled elsewhere: a merged serial or name makes a
# sub-row, a merged officer cell is resolved with its spills.
OWN_VERTICAL_MERGES = {"serial", "service_name", "officer"}


def fill_from_above(row: LogicalRow, cells: list, roles: list[str], above: LogicalRow) -> None:
    """A position covered by a vertically merged cell reads the text of the row above."""
    for role, cell in zip(roles, cells):
        if (cell is None or cell.span_from != "above" or row.values.get(role)
                or role in OWN_VERTICAL_MERGES or not above.values.get(role)):
            continue
        row.values[role] = above.values[role]
        _note(row, "merged_cell", f"{role} lies under the merged cell of the row above: "
                                  f"'{clean(above.values[role])[:60]}'")


def _cell_ref(cell) -> dict:
    return {"page": cell.page, "bbox": list(cell.bbox) if cell.bbox else None, "spanned": cell.spanned,
            "confidence": cell.confidence}


def _join(target: LogicalRow, row: LogicalRow, raw: Row) -> None:
    """The rest of ``target``'s cells, cell by cell; text already there is not added twice."""
    joined = []
    for role, text in row.values.items():
        if not text or clean(text) in clean(target.values.get(role, "")):
            continue
        # A page break can cut an email or URL just as a line wrap does.
        target.values[role] = rejoin_addresses(f"{target.values.get(role, '')}\n{text}".strip("\n"))
        target.cells.setdefault(role, []).extend(row.cells.get(role, []))
        joined.append(role)
    target.repairs += row.repairs
    page_break = raw.page > target.pages[-1]
    where = "after a page break" if page_break else "with an empty serial and name"
    index = row.rows[0]
    target.rows.append(index)
    if raw.page not in target.pages:
        target.pages.append(raw.page)
    target.repairs.append(Repair(
        action="joined_continuation" if page_break else "joined_row",
        detail=f"row {index} on page {raw.page} ({where}) continues the row above: "
               f"joined cell by cell into {', '.join(joined) or 'nothing new'}",
        rows=[target.rows[0], index], pages=[target.pages[0], raw.page]))


# ------------------------------------------------------------------ officer cells

def move_foreign_officer_text(table: RepairedTable) -> list[Finding]:
    """Text of another column at the start of an officer cell is moved out and reported."""
    findings = []
    for row in table.rows:
        text = row.values.get("officer", "")
        moved, role = _foreign_prefix(row, clean(text))
        if not moved:
            continue
        row.values["officer"] = clean_lines(clean(text)[len(moved):].strip(" ,;:-"))
        if not row.values.get(role):
            row.values[role] = moved
        _note(row, "moved_text", f"officer cell began with {role} text '{moved}': moved out")
        findings.append(Finding(rule="text_in_wrong_column", severity="warning", section=table.section_kind,
                                serial=row.serial, field="officer",
                                message=f"the officer cell starts with {role} text '{moved}'"))
    return findings


def _foreign_prefix(row: LogicalRow, text: str) -> tuple[str, str]:
    for role in kw.FOREIGN_IN_OFFICER:
        other = clean(row.values.get(role, ""))
        if len(other) >= 4 and text.startswith(other) and len(text) > len(other):
            return other, role
    phrase = leading_time_phrase(text)
    return (phrase, "time_limit") if phrase else ("", "")


def is_officer_fragment(text: str) -> bool:
    """Text that cannot start an officer: no designation, and it opens like a tail.

    An address tail (a place or office word), a contact line (a label, a
    number, an email), the lower-case end of a wrapped email, or a stray
    punctuation mark is the rest of the cell above.
    """
    text = clean(text)
    if not text or find_designation(text):
        return False
    return (starts_with_contact(text) or gazetteer.starts_with_place(text)
            or starts_with_any(text, kw.OFFICE_FRAGMENT_WORDS) or not text[0].isalnum()
            or (text[0].isascii() and text[0].islower()))



def _note(row: LogicalRow, action: str, detail: str) -> None:
    row.repairs.append(Repair(action=action, detail=detail, rows=row.rows[:1], pages=row.pages[:1]))


@dataclass
class _Block:
    text: str
    start: int


def _merged(row: LogicalRow, role: str) -> bool:
    return any(ref.get("spanned") for ref in row.cells.get(role, []))


def _after_page_break(rows: list[LogicalRow], i: int) -> bool:
    """A merged cell cut by a page break is drawn anew, empty, on the next page."""
    return i > 0 and rows[i].pages[0] > rows[i - 1].pages[-1]


def resolve_officer_cells(table: RepairedTable, knows_spans: bool, role: str = "officer") -> None:
    """Give every row the whole text of the (merged) officer cell it sits in; with ``role``
    'superior_officer', the same for the superior officer's cells.

    Where the reader tells merged cells from empty ones, only a merged cell is
    inherited (and the empty cell a page break leaves at the top of a page under
    a merged one); an empty one stays empty. A text copy cannot tell, so there an
    empty cell under an officer is taken for a merged one (and marked inferred).
    """
    kind = role.split("_")[0]
    block: _Block | None = None
    owner: dict[int, _Block] = {}
    for i, row in enumerate(table.rows):
        text = row.values.get(role, "")
        # A page break, or a merged cell whose lines a borderless table dealt out over its rows,
        # cuts a post (অতিরিক্ত কৃষি / অফিসার): the rest continues the cell above.
        if text and block is not None and owner.get(i - 1) is block \
                and (_after_page_break(table.rows, i) or not knows_spans) and post_across(block.text, text):
            block.text = f"{block.text}\n{text}"
            _note(row, f"{kind}_spill", f"{kind} text '{clean(text)}' ends the post cut in the {kind} cell "
                                        f"of serial {table.rows[block.start].serial}")
        elif text and (block is None or not is_officer_fragment(text)):
            block = _Block(text=text, start=i)
        elif text:
            block.text = rejoin_addresses(f"{block.text}\n{text}")
            _note(row, f"{kind}_spill", f"{kind} text '{clean(text)}' has no name or designation: it continues "
                                        f"the {kind} cell of serial {table.rows[block.start].serial}")
        elif block is not None and (_merged(row, role) or not knows_spans or _after_page_break(table.rows, i)):
            _note(row, f"{kind}_inherited", f"{kind} cell empty: it lies under the merged {kind} cell of serial "
                                            f"{table.rows[block.start].serial}")
        elif block is not None:
            _note(row, f"{kind}_empty", f"{kind} cell empty (not merged with the cell above): left empty")
            continue
        if block is not None:
            owner[i] = block
    for i, blk in owner.items():
        table.rows[i].values[role] = blk.text
        if role == "officer":
            table.rows[i].officer_inferred = i != blk.start

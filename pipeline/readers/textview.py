"""Charter pages copied out of a browser: tables written without tabs.

A portal page saved as text keeps its tables in one of three shapes:

* pipe rows: one table row per line, cells between bars (``| ১ | নামজারি | … |``);
* bar cells: one cell per line, each ending in `` |`` (a cell's further lines come
  before its bar, an empty cell is a lone ``|``, ``|||…`` is as many empty cells and
  ``---|---|…`` the rule under the header, whose parts count the columns);
* paragraphs: one paragraph per cell, blank lines between — where empty cells leave
  no trace and a cell may come in two paragraphs, so rows cannot be counted off.

The first two give their grid directly. Paragraphs are aligned to the header's
columns: each paragraph's content (a serial, a fee, a duration, an officer) is
typed by the value parsers and the best sequence of cells (a paragraph per cell,
some cells empty, some cells in several paragraphs) is found by dynamic
programming over the columns' roles.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional

import regex

from .. import columns
from ..bijoy import convert_fragments
from .. import keywords as kw
from ..lexicon import (alternation, clean, contains_any, has_numbering, heading_kind, is_chrome_text, is_column_number_row,
                       is_ditto, strip_numbering, sub_row_marker)
from ..model import Block, Cell, Line, Row, Table
from ..values.blank import is_blank
from ..values.fee import looks_like_fee
from ..values.officer import find_designation
from ..values.phone import parse_phones
from ..values.items import list_ordinal
from ..values.serial import parse_serial, split_fused_serial
from ..values.time import looks_like_time

_PIPE_ROW = regex.compile(r"^\s*\|?[^|]*(?:\|[^|]*){2,}\|?\s*$")
_RULE = regex.compile(r"^\s*(?:-{2,}\s*\|\s*)+-*\s*$")
_BARS = regex.compile(r"^\s*\|+\s*$")
MIN_HEADER = 3


# ------------------------------------------------------------------ entry

def read_text_view(lines: list[str]) -> Optional[list[Block]]:
    """The page's blocks when it holds a table in one of the three shapes, else None."""
    blocks = _pipe_rows(lines)
    if _tables(blocks):
        return blocks
    blocks = _bar_cells(lines)
    if _tables(blocks):
        # A scrape can drop a cell's bar (after a cell that ends in a paragraph): its cells then
        # run together. Its lines read as paragraphs too; the reading with more rows opened by a
        # serial wins.
        aligned = _paragraphs([text for line in lines for text in ("", line.rstrip().removesuffix("|"))
                               if not (_BARS.match(line) or _RULE.match(line))])
        return max((blocks, aligned), key=_serial_rows)
    blocks = _paragraphs(lines)
    return blocks if _tables(blocks) else None


def _tables(blocks: list[Block]) -> list[Table]:
    return [b for b in blocks if isinstance(b, Table)]


def _serial_rows(blocks: list[Block]) -> int:
    """Rows a serial opens and some text fills: a column-number row cut into rows by a wrong
    reading is numbers only, and does not count."""
    return sum(1 for t in _tables(blocks) for r in t.rows[1:]
               if r.cells and parse_serial(r.cells[0].text) is not None
               and any(c.text and parse_serial(c.text) is None for c in r.cells[1:]))


def _line(text: str) -> Optional[Line]:
    text = clean(text)
    return Line(text=text, page=1) if text else None


def _table(rows: list[list[str]]) -> Table:
    width = max(len(r) for r in rows)
    return Table(rows=[Row(cells=[Cell(text=t, page=1) for t in r + [""] * (width - len(r))], page=1)
                       for r in rows], knows_spans=False)


# ------------------------------------------------------------------ pipe rows

def _pipe_cells(line: str) -> list[str]:
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") else body
    return [clean(cell) for cell in body.split("|")]


def _pipe_rows(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    rows: list[list[str]] = []
    for text in lines:
        # A line of bars alone is empty cells: it continues a table of pipe rows, never opens one
        # (between bar cells, ``|||`` is a run of empty cells).
        if _PIPE_ROW.match(text) and not _RULE.match(text) and (rows or not _BARS.match(text)):
            rows.append(_pipe_cells(text))
            continue
        if _RULE.match(text):
            continue
        if rows:
            blocks.append(_table(rows) if len(rows) >= 2 else _line(" ".join(rows[0])))
            rows = []
        if line := _line(text):
            blocks.append(line)
    if rows:
        blocks.append(_table(rows) if len(rows) >= 2 else _line(" ".join(rows[0])))
    return [b for b in blocks if b]


# ------------------------------------------------------------------ bar cells

@dataclass
class _Region:
    cells: list[str]
    width: int = 0          # from the rule under the header, when there is one
    header: int = 0         # cells before that rule


def _bar_cells(lines: list[str]) -> list[Block]:
    if sum(1 for t in lines if t.rstrip().endswith("|") and not _PIPE_ROW.match(t)) < 2 * MIN_HEADER:
        return []
    blocks: list[Block] = []
    region: Optional[_Region] = None
    pending: list[str] = []
    for text in lines:
        stripped = text.strip()
        if _RULE.match(text):
            if region is not None:
                region.width, region.header = stripped.count("|") or 1, len(region.cells)
            continue
        if stripped.endswith("|") or _BARS.match(text):
            region = region or _Region([])
            if _BARS.match(text):
                region.cells += [""] * (stripped.count("|") - 1) + ["\n".join(pending)] if pending else \
                    [""] * stripped.count("|")
            else:
                region.cells.append("\n".join(pending + [stripped[:-1].strip()]).strip())
            pending = []
            continue
        if region is not None and stripped and not heading_kind(stripped):
            pending.append(stripped)          # a line of the next cell
            continue
        if region is not None:
            blocks += _region_blocks(region)
            region = None
        blocks += [b for b in (_line(t) for t in pending + [text]) if b]
        pending = []
    if region is not None:
        blocks += _region_blocks(region)
    blocks += [b for b in (_line(t) for t in pending) if b]
    return blocks


def _header_length(cells: list[str]) -> int:
    """How many cells the header takes: labels, and empty cells between labels (a column
    whose label is a space)."""
    n = 0
    def named(text: str) -> bool:
        return _is_label(text) and bool(_match_label(text) or _qualifies(text))

    while n < len(cells) and (named(cells[n]) or (not cells[n] and n + 1 < len(cells) and named(cells[n + 1]))):
        n += 1
    return n


def _match_label(text: str) -> Optional[columns.LabelMatch]:
    """The role a label names, in a service table or a grievance table (a page may hold only the
    GRS table: 'কখন যোগাযোগ করবেন', 'যোগাযোগের ঠিকানা')."""
    return columns.match_label(text) or columns.match_label(text, kw.GRIEVANCE_ROLES)


def _is_label(text: str) -> bool:
    """A header label: no value, no section heading or numbered heading ('২.১ নাগরিক সেবা',
    '২. প্রতিশ্রুত সেবাসমূহ' name a role's word too; a bare 'সেবাসমূহ' is the name's label)."""
    heading = heading_kind(text)
    return bool(text) and columns.label_like(clean(text)) and kind_of(text) not in (SERIAL, FEE, TIME) and \
        not (heading and (heading[0] == "section" or has_numbering(text)))


def _region_blocks(region: _Region) -> list[Block]:
    """A run of bar cells as a table: from its header (a heading or a column-number row before
    it are no part of it) in rows of its width."""
    cells = region.cells
    # a label that reads as a heading ('সেবাসমূহ/সেবার নাম') may open the header; a section heading not
    start = next((i for i, c in enumerate(cells)
                  if c and (not heading_kind(c) or _is_label(c)) and _header_length(cells[i:]) >= MIN_HEADER), None)
    if start is None:
        return [b for b in (_line(c) for c in cells) if b]
    if region.width and region.header > start:
        # the rule counts the columns and ends the header: the header is whole rows above it
        # (its first label may read as a heading: 'সেবা সমূহ')
        start = max(0, region.header - region.width * math.ceil((region.header - start) / region.width))
    elif region.width and region.header <= start < region.header + region.width:
        start = region.header       # the rule under a column-number row: the header is the row after it
    header = region.header - start if region.width and region.header > start else _header_length(cells[start:])
    width = region.width if region.width and header % region.width == 0 else \
        max(region.width, header) if region.width else _row_width(cells[start:], header)
    body = cells[start:]
    rows = [body[i:i + width] for i in range(0, len(body), width)]
    lead = [c for c in cells[:start] if c and parse_serial(c) is None]      # a number row before the header goes
    return [b for b in (_line(c) for c in lead) if b] + [_table(rows)]


def _row_width(cells: list[str], header: int) -> int:
    """The header's width, or one more when most rows end with an empty cell (a renderer's
    trailing bar; a row or two may end empty by chance): the width that puts the most serials
    in the first column."""
    def serials(width: int) -> int:
        rows = [cells[i:i + width] for i in range(width, len(cells), width)]
        full = [r for r in rows if len(r) == width]
        trailing = width > header and 2 * sum(1 for r in full if not r[-1]) > len(full)
        return sum(1 for r in rows if r and parse_serial(r[0]) is not None) + len(full) * trailing
    return max((header, header + 1), key=lambda w: (serials(w), -w))


# ------------------------------------------------------------------ paragraphs

def _paragraphs_of(lines: list[str]) -> list[str]:
    """Paragraphs: text between blank lines (a line of spaces or NBSPs alone is blank)."""
    out, current = [], []
    for text in lines + [""]:
        if text.strip():
            current.append(text.strip())
        elif current:
            out.append("\n".join(current))
            current = []
    return out


def _header_run(paragraphs: list[str], strict: bool = False) -> Optional[tuple[int, int]]:
    """(first, end) of the first run of label paragraphs naming at least three roles. It
    opens at its serial label when it has one (a title line before it may name a role too);
    ``strict``: the run names the serial or the service name (a table's next header does)."""
    i = 0
    while i < len(paragraphs):
        j, roles = i, []
        while j < len(paragraphs) and (_is_label(paragraphs[j]) and _match_label(paragraphs[j])
                                       or j > i and _qualifies(paragraphs[j])):
            match = _match_label(paragraphs[j])
            roles.append(match.role if match else "")
            j += 1
        if sum(map(bool, roles)) >= MIN_HEADER and (not strict or {"serial", "service_name"} & set(roles)):
            return i + _serial_label(roles), j + _officer_sub_labels(paragraphs[j:], roles)
        i = max(j, i + 1)
    return None


def _officer_sub_labels(paragraphs: list[str], roles: list[str]) -> int:
    """How many paragraphs after a header's labels are the sub-labels of its grouped officer
    header, the header's second row (নাম / পদবী / ফোন / ই-মেইল): at least two officer parts."""
    if "officer" not in roles:
        return 0
    n = 0
    while n < len(paragraphs) and _is_label(paragraphs[n]) and columns.officer_part(paragraphs[n]):
        n += 1
    return n if n >= 2 else 0


def _serial_label(roles: list[str]) -> int:
    """Where a header run opens: at its serial label when one of its first labels is, the last
    such ('৪ নং … ইউনিয়ন পরিষদ' above 'ক্রমিক নং' names a number too; a title line before the
    header may name a role)."""
    return max((k for k, role in enumerate(roles[:3]) if role == "serial"), default=0)


def _qualifies(text: str) -> bool:
    """A header's second line in a paragraph of its own: '(ঘন্টা/দিন/মাস)', '(নাম, পদবী, ফোন …)',
    '(আগস্ট ২০২৪, MIS)' — not a column number '(৩)'."""
    text = clean(text)
    return bool(regex.fullmatch(r"\(.*\)?", text)) and len(text.split()) <= 12 and parse_serial(text) is None


def _paragraphs(lines: list[str]) -> list[Block]:
    paragraphs = _paragraphs_of(lines)
    blocks: list[Block] = []
    position = 0
    while (run := _header_run(paragraphs[position:])) is not None:
        first, end = run[0] + position, run[1] + position
        blocks += [b for b in (_line(p) for p in paragraphs[position:first]) if b]
        stop = _table_end(paragraphs, end)
        body = paragraphs[end + _number_row(paragraphs[end:stop]):stop]
        if not body:        # labels and no rows: a title block that names roles, not a table
            blocks += [b for b in (_line(p) for p in paragraphs[first:end]) if b]
        else:
            blocks.append(_table(_best_grid(paragraphs[first:end], body)))
        position = stop
    if not blocks:
        return []
    return blocks + [b for b in (_line(p) for p in paragraphs[position:]) if b]


def _best_grid(header: list[str], body: list[str]) -> list[list[str]]:
    """The header's labels and the body's rows. Two paragraphs naming one role in a row are
    one label in two lines ('আর্থিক সুবিধাদি' / 'সরকারী মূল্য') or two columns ('Service Name'
    / 'Basic information about services'): the body decides, by which aligns at less cost."""
    subs = _trailing_sub_labels(header)
    grids = []
    for labels in {tuple(_labels(header[:len(header) - len(subs)], same_role)): None for same_role in (True, False)}:
        head = _grouped_header(list(labels), subs)
        # a column's content is typed by its lowest label: নাম under the officer holds a name
        rows, cost = _rows([next(t for t in reversed(texts) if t) for texts in zip(*head)], body)
        grids.append((cost, head + rows))
    return min(grids, key=lambda g: g[0])[1]


def _trailing_sub_labels(header: list[str]) -> list[str]:
    """The grouped officer header's second row at the end of the header's paragraphs."""
    for k in range(len(header)):
        if _officer_sub_labels(header[k:], [_role(text) for text in header[:k]]) == len(header) - k:
            return header[k:]
    return []


def _grouped_header(labels: list[str], subs: list[str]) -> list[list[str]]:
    """The header's rows: its labels, and under a grouped officer label a second row of its
    sub-labels, one column each (as a page's two header rows, spans unknown)."""
    officer = next((k for k, label in enumerate(labels) if _role(label) == "officer"), None)
    if not subs or officer is None:
        return [labels]
    after = labels[officer + 1:]
    return [labels[:officer + 1] + [""] * (len(subs) - 1) + after,
            [""] * officer + subs + [""] * len(after)]


def _labels(paragraphs: list[str], same_role: bool) -> list[str]:
    """The header's labels: a qualifier — and with ``same_role`` a paragraph naming the same
    role as the one before it — is that label's next line."""
    labels: list[str] = []
    for text in paragraphs:
        match = _match_label(text)
        if labels and (not match and _qualifies(text) or _joins_label(text)
                       or same_role and match and _role(labels[-1]) == match.role):
            labels[-1] = f"{labels[-1]}\n{text}"
        else:
            labels.append(text)
    return labels


def _joins_label(text: str) -> bool:
    words = clean(text).split()
    return bool(words) and (words[0].lower() in kw.LABEL_JOINERS or words[0].startswith("/"))


def _role(label: str) -> str:
    match = _match_label(label.split("\n")[0])
    return match.role if match else ""


def _table_end(paragraphs: list[str], start: int) -> int:
    """The paragraph that ends a table: a heading, portal furniture, or the next header. A row's
    name with its serial fused to it ('1. Advice on … services', '৩.ভূমি সংক্রান্ত অভিযোগ
    নিষ্পত্তি') reads like a numbered heading: one whose number continues the count and whose
    words do not open with a heading's keyword ('৩. অভিযোগ প্রতিকার ব্যবস্থাপনা') is a row."""
    count = 0
    for i in range(start, len(paragraphs)):
        text = paragraphs[i]
        number = split_fused_serial(text)[0]
        row = number == count + 1 and not _opens_with_heading(strip_numbering(text))
        count = number if row else count
        if heading_kind(text) and not row or is_chrome_text(text) or \
                _header_run(paragraphs[i:i + MIN_HEADER + 1], strict=True) == (0, MIN_HEADER + 1):
            return i
    return len(paragraphs)


def _opens_with_heading(text: str) -> bool:
    """Its first words (two to four) are a heading by themselves."""
    words = text.split()
    return any(heading_kind(" ".join(words[:n])) for n in range(2, min(4, len(words)) + 1))


def _number_row(paragraphs: list[str]) -> int:
    """How many paragraphs at the start are the column-number row ((১) (২) (৩) … under the header)."""
    n = 0
    while n < len(paragraphs) and regex.fullmatch(r"\(?[0-9০-৯]{1,2}\)?", clean(paragraphs[n])) \
            and parse_serial(paragraphs[n]) == n + 1:
        n += 1
    return n if n >= MIN_HEADER else 0


def _rows(labels: list[str], body: list[str]) -> tuple[list[list[str]], float]:
    """The body as rows, and what aligning it cost; a department sub-heading (প্রশাসন বিভাগ)
    before a serial is a row of its own."""
    rows: list[list[str]] = []
    segments: list[list[str]] = [[]]
    for i, text in enumerate(body):
        follows = body[i + 1] if i + 1 < len(body) else ""
        # A department line opens the rows that follow it: a serial after it shows it, or where
        # rows have no serials, the heading's closing colon; a service name also says সংক্রান্ত.
        if _is_subheading(text) and (kind_of(follows) == SERIAL or clean(text).endswith((":", "ঃ"))):
            segments += [[text], []]
        else:
            segments[-1].append(text)
    total = 0.0
    for k, segment in enumerate(segments):
        if k % 2:
            rows.append(segment + [""] * (len(labels) - 1))
        else:
            aligned, cost = align(labels, segment)
            rows += aligned
            total += cost
    return rows, total


def _is_subheading(text: str) -> bool:
    return len(clean(text).split()) <= 8 and contains_any(text, kw.SUBHEADING_WORDS) and kind_of(text) == TEXT


# ------------------------------------------------------------------ alignment

SERIAL, FEE, TIME, OFFICER, TEXT = "serial", "fee", "time", "officer", "text"
DOCS = "documents"     # a paragraph naming a paper; the documents column
CONTACT = "contact"     # a phone or an email without a post; a grouped officer's phone / email column
ANY = "any"     # 'প্রয়োজন নেই', a ditto mark: fits a fee, documents or officer column alike
TYPED_ROLES = {"serial": SERIAL, "fee": FEE, "time_limit": TIME, "officer": OFFICER, "superior_officer": OFFICER,
               "documents": DOCS, "documents_place": DOCS}
# What putting a paragraph of one kind in a column of another costs.
EMIT = {
    (SERIAL, SERIAL): 0.0, (SERIAL, TEXT): 6.0, (TEXT, SERIAL): 6.0, (FEE, SERIAL): 6.0, (TIME, SERIAL): 6.0,
    (OFFICER, SERIAL): 6.0, (FEE, FEE): 0.0, (TIME, TIME): 0.0, (OFFICER, OFFICER): 0.0,
    (TEXT, FEE): 1.2, (TEXT, TIME): 1.2, (TEXT, OFFICER): 0.6, (FEE, TIME): 3.0, (TIME, FEE): 3.0,
    (OFFICER, FEE): 3.0, (OFFICER, TIME): 3.0, (FEE, OFFICER): 3.0, (TIME, OFFICER): 3.0,
    (FEE, TEXT): 1.5, (TIME, TEXT): 1.0, (OFFICER, TEXT): 1.0, (TEXT, TEXT): 0.0,
    (SERIAL, FEE): 6.0, (SERIAL, TIME): 6.0, (SERIAL, OFFICER): 6.0,
    (ANY, SERIAL): 6.0, (ANY, FEE): 0.3, (ANY, TIME): 0.3, (ANY, OFFICER): 0.3, (ANY, TEXT): 0.3,
    (CONTACT, OFFICER): 0.0, (CONTACT, CONTACT): 0.0, (CONTACT, TEXT): 1.0, (CONTACT, FEE): 3.0,
    (CONTACT, TIME): 3.0, (CONTACT, SERIAL): 6.0, (ANY, CONTACT): 0.3, (OFFICER, CONTACT): 2.0,
    (TEXT, CONTACT): 2.0, (FEE, CONTACT): 3.0, (TIME, CONTACT): 3.0, (SERIAL, CONTACT): 6.0,
}
# Papers belong in the documents column and text in any, but the documents column takes text too
# (an office to get them from): a soft preference, where the paragraphs' kinds leave a choice.
EMIT.update({(DOCS, k): v for (t, k), v in EMIT.items() if t == TEXT})
EMIT.update({(k, DOCS): v for (k, t), v in EMIT.items() if t == TEXT})
EMIT.update({(DOCS, TEXT): 0.5, (TEXT, DOCS): 0.2, (DOCS, DOCS): 0.0})
MERGE, SKIP, WRAP = 0.9, 0.5, 0.2
OFFICER_MERGE = 0.3     # an officer cell printed a paragraph per line (post, phone, email)
UNNUMBERED_ROW = 2.0    # opening a row without its number where the table numbers its rows
VARIANT_WORDS_MAX = 3   # a sub-row's own name under a merged one: a word or three (বাংলা, অতি জরুরি)
NAME_MERGE = 1.5        # a service's name is one paragraph far more often than its method or documents
LIST = 2.0      # a numbered list's next item stays in its cell; its first item opens one
MAX_SERIAL_STEP = 2     # serials may skip one number (a typo, a service struck out)


def _merge_cost(column: str, paragraph: str, is_name: bool) -> float:
    if column in (OFFICER, CONTACT) and paragraph in (OFFICER, CONTACT):
        return OFFICER_MERGE
    return NAME_MERGE if is_name else MERGE


def _list_step(before: Optional[int], number: Optional[int], merge: bool) -> float:
    """The extra cost of a move given the list markers ('১)', '(খ)') the paragraphs open with."""
    if before is not None and number == before + 1:
        return 0.0 if merge else LIST
    if number == 1 and merge:
        return LIST
    return 0.0


_NOT_NEEDED = regex.compile(rf"(?:{alternation(kw.NOT_NEEDED_WORDS)})\s*[।.]?", regex.IGNORECASE)


def kind_of(text: str) -> str:
    """What a paragraph reads as: a serial, a fee, a duration, a post, a contact, a paper, nothing
    in particular (``ANY``), or text."""
    if parse_serial(text) is not None:
        return SERIAL
    if is_blank(text) or _NOT_NEEDED.fullmatch(clean(text)) or is_ditto(text):
        return ANY
    if looks_like_fee(text):
        return FEE
    if looks_like_time(text) and len(clean(text).split()) <= 14:
        return TIME
    if _names_post(text):
        return OFFICER
    if any(p.valid for p in parse_phones(text)) or "@" in text:
        return CONTACT
    if contains_any(text, kw.PAPER_WORDS):
        return DOCS
    return TEXT


def _names_post(text: str) -> bool:
    """A paragraph that names a post, unless a sentence goes on from it to what the post issues
    or receives ('ইউনিয়ন পরিষদ চেয়ারম্যান কর্তৃক প্রদত্ত সনদ': a document)."""
    found = find_designation(text)
    after = clean(text)[found.end():].split()[:1] if found else []
    return bool(found) and not (after and after[0].lower().lstrip("-") in kw.POST_CONTINUATIONS)


def _in_sequence(body: list[str], kinds: list[str]) -> list[str]:
    """Serials count up (a department restarts them at 1; a missing one may be skipped): a number
    out of that order is text of another column (a room number ১১৩ after serial ২)."""
    last, out = None, []
    for text, kind in zip(body, kinds):
        if kind == SERIAL:
            value = parse_serial(text)
            if last is None or value == 1 or last < value <= last + MAX_SERIAL_STEP:
                last = value
            else:
                kind = TEXT
        out.append(kind)
    return out


def _fused_openers(body: list[str]) -> list[bool]:
    """Where a table without a serial column writes serials into its names ('1.Advice on …'),
    the paragraphs that open rows: the first, then each whose number is the next serial, unless
    it follows an item numbered just before it (a list's next item: '1. By email' / '2. By post'),
    as the last line of the paragraph before it numbers it."""
    fused = [split_fused_serial(text)[0] for text in body]
    # a list's item before: the number its last line opens with ('১। …\n২। …' ends at item 2)
    ending = [split_fused_serial(text.split("\n")[-1])[0] for text in body]
    out = [False] * len(body)
    if not body or fused[0] != 1:
        return out
    out[0], last = True, 1
    for i in range(1, len(body)):
        if fused[i] == last + 1 and ending[i - 1] != last:
            out[i], last = True, fused[i]
    return out


def _marker_openers(body: list[str], numbers: list[Optional[int]]) -> list[bool]:
    """The paragraphs that open sub-rows: a marker ('(খ) ফ্রিল্যান্সিং …') next after one seen before
    ('(ক) …'), unless right after another marked paragraph (the next item of a list marked so,
    '(ক) ছবি' / '(খ) সনদ')."""
    out, last = [False] * len(body), None
    for i, text in enumerate(body):
        if sub_row_marker(text) and numbers[i] is not None:
            out[i] = last is not None and numbers[i] == last + 1 and not sub_row_marker(body[i - 1])
            last = numbers[i]
    return out


# A column asking for one part of an officer holds that part: a name is text, a phone a contact.
PART_KINDS = {"name": TEXT, "designation": OFFICER, "contact": CONTACT}


def _column_kinds(labels: list[str]) -> list[str]:
    out = []
    for label in labels:
        match = _match_label(label)
        role = match.role.split(".")[0] if match else ""
        part = columns.officer_part(label) if role in ("officer", "") else None
        out.append(PART_KINDS[part] if part else TYPED_ROLES.get(role, TEXT))
    return out


def align(labels: list[str], body: list[str]) -> tuple[list[list[str]], float]:
    """The body's paragraphs as rows of cells under ``labels`` (Viterbi over the columns), and
    the alignment's cost."""
    width, n = len(labels), len(body)
    if not n:
        return [], 0.0
    kinds = _column_kinds(labels)
    has_serial = SERIAL in kinds
    emitted = _in_sequence(body, [kind_of(p) for p in body])
    if not has_serial:
        emitted = [TEXT if k == SERIAL else k for k in emitted]
    # rows numbered in their serial column: a row opened without its number is rare, but for a
    # sub-row under merged cells: marked '(খ) …', a word or three naming its variant with its fee or
    # time limit next (বাংলা / ১ কার্যদিবস), or the fee or time limit itself
    numbered = has_serial and emitted.count(SERIAL) >= 2
    variant = [kind in (FEE, TIME) or bool(sub_row_marker(text))
               or kind == TEXT and len(clean(text).split()) <= VARIANT_WORDS_MAX and nxt in (FEE, TIME)
               for text, kind, nxt in zip(body, emitted, emitted[1:] + [TEXT])]
    numbers = [list_ordinal(convert_fragments(p[:8])) for p in body]     # '(K)' is Bijoy's '(ক)'
    opening = [a or b for a, b in zip([False] * n if has_serial else _fused_openers(body),
                                      _marker_openers(body, numbers))]
    # a paragraph that opens a row is a name, whatever paper it names ('02.সঞ্চয়পত্রের মুনাফা প্রদান')
    emitted = [TEXT if opens and kind == DOCS else kind for opens, kind in zip(opening, emitted)]
    name = next((c for c, label in enumerate(labels) if _role(label) == "service_name"), 0)
    cost = [[math.inf] * width for _ in range(n)]
    back: list[list[tuple[int, str]]] = [[(-1, "")] * width for _ in range(n)]
    for c in range(width):
        cost[0][c] = SKIP * c + EMIT[(emitted[0], kinds[c])]
    for i in range(1, n):
        for c in range(width):
            e = EMIT[(emitted[i], kinds[c])] + (6.0 if opening[i] and c != name else 0.0)
            best, how = math.inf, (-1, "")
            for prev in range(width):
                base = cost[i - 1][prev]
                if prev == c:
                    # an officer's name, post, office, phone and email are often a paragraph each
                    step, move = _merge_cost(kinds[c], emitted[i], c == name), "merge"
                elif prev < c:
                    step, move = SKIP * (c - prev - 1), "next"
                else:
                    step, move = WRAP + SKIP * (width - 1 - prev + c), "wrap"
                    if numbered and kinds[c] != SERIAL and not variant[i]:
                        step += UNNUMBERED_ROW
                if (emitted[i] == SERIAL and has_serial and kinds[c] == SERIAL or opening[i]) and move != "wrap":
                    step += 6.0       # a serial opens a row, in its column or fused to the name
                step += _list_step(numbers[i - 1], numbers[i], move == "merge")
                if base + step < best:
                    best, how = base + step, (prev, move)
            cost[i][c] = best + e
            back[i][c] = how
    end = min(range(width), key=lambda c: cost[n - 1][c] + SKIP * (width - 1 - c))
    total = cost[n - 1][end] + SKIP * (width - 1 - end)
    path = [end]
    moves = []
    for i in range(n - 1, 0, -1):
        prev, move = back[i][path[-1]]
        moves.append(move)
        path.append(prev)
    path.reverse()
    moves.reverse()
    rows: list[list[str]] = [[""] * width]
    for i, (c, paragraph) in enumerate(zip(path, body)):
        if i and moves[i - 1] == "wrap":
            rows.append([""] * width)
        cell = rows[-1][c]
        rows[-1][c] = f"{cell}\n{paragraph}" if cell else paragraph
    return rows, total

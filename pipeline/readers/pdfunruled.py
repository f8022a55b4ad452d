"""Tables drawn without (vertical) rules: columns from the gutters between their text.

A charter typed as a borderless Word table (or with tabs) has no lines for the
table finder. Its structure is still on the page: a header line naming the
columns, gutters between the columns that no line's text crosses, and each
service opening with its serial number in the first column (or, where no row
prints one, with its name). pdfplumber's text strategy, which splits columns at
every word gap across the whole page, cuts words and takes the title and
headings into the grid; this reader looks only between a header (or the first
numbered line) and the next heading. A table ruled across only gets vertical
edges in its gutters (``virtual_rules``) and is read as a ruled one.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Optional

import regex

from .. import keywords as kw
from ..columns import label_like
from ..lexicon import (ascii_digits, contains_any, heading_kind, is_column_number_row, match_role, names_variant_only,
                       parse_int, sub_row_marker)
from ..model import BBox, Cell, Row, Table
from ..values.fee import class_name, looks_like_fee
from ..values.serial import SERIAL_MARKS
from ..values.time import looks_like_time
from .pdftext import FULL_LINE, ONE_TOKEN, group_lines, join_lines, line_text

# Word gaps wider than this many font sizes separate columns, not words.
COLUMN_GAP = 0.9
WORD_GAP = 0.25
# x positions within this many points start the same column.
ALIGN = 4.0
MIN_HEADER_LABELS = 3
# A gutter between two columns is at least this wide (Word pads cells 5.4 pt a side) and
# free of text in all but this share of the bands between rules (a full-width row crosses it).
GUTTER = 4.0
CROSSING = 0.15
RULE_SIDE = 3.0
# Without rules, a gutter is wider than a word gap (this share of a word box's height: a
# Bangla word's box is taller than its font size) and crossed by no line but one spanning
# this share of the table.
WORD_GAP_TALL = 0.45
SPANNING = 0.4


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    starts_segment: bool


def line_words(line: list[dict]) -> list[Word]:
    """The words of a line, left to right, each marked when a column gap precedes it."""
    groups: list[list[dict]] = []
    for char in sorted(line, key=lambda c: c["x0"]):
        size = char.get("size") or 10.0
        if not char["text"].strip():
            groups.append([])
        elif groups and groups[-1] and char["x0"] - groups[-1][-1]["x1"] <= WORD_GAP * size:
            groups[-1].append(char)
        else:
            groups.append([char])
    words: list[Word] = []
    for group in (g for g in groups if g):
        ids = {id(c) for c in group}
        size = max(c.get("size") or 10.0 for c in group)
        x0 = min(c["x0"] for c in group)
        gap = x0 - words[-1].x1 if words else float("inf")
        # line_text takes the glyphs in stream order, which gives the right text
        words.append(Word(line_text([c for c in line if id(c) in ids]), x0, max(c["x1"] for c in group),
                          min(c["top"] for c in group), max(c["bottom"] for c in group), gap > COLUMN_GAP * size))
    return words


def segments(words: list[Word]) -> list[list[Word]]:
    out: list[list[Word]] = []
    for word in words:
        if word.starts_segment or not out:
            out.append([word])
        else:
            out[-1].append(word)
    return out


def _text(words: list[Word]) -> str:
    return " ".join(w.text for w in words)


def is_header_line(words: list[Word]) -> bool:
    named = sum(1 for seg in segments(words) if match_role(_text(seg), kw.COLUMN_ROLES))
    return named >= MIN_HEADER_LABELS and not _numbered(words)


def _numbered(words: list[Word]) -> bool:
    return bool(words) and parse_int(words[0].text) is not None and len(segments(words)) >= 3


def _is_heading(words: list[Word]) -> bool:
    return len(segments(words)) == 1 and heading_kind(_text(words)) is not None


def column_starts(lines: list[list[Word]], header: list[list[Word]]) -> list[float]:
    """x positions where text starts a segment on at least two lines; a header
    label counts twice, since the header names every column once."""
    starts = sorted(w.x0 for words in lines + header for w in words if w.starts_segment)
    clusters: list[list[float]] = []
    for x in starts:
        if clusters and x - clusters[-1][-1] <= ALIGN:
            clusters[-1].append(x)
        else:
            clusters.append([x])
    return [min(c) for c in clusters if len(c) >= 2]


def gutter_starts(lines: list[list[Word]]) -> list[float]:
    """Where columns start: the table's left end and the gutters that no line's text crosses,
    but for a line of one piece (a title or department row) and the header's lines above the
    first numbered row. Empty when fewer than three columns show."""
    if len(lines) < 2:
        return []
    x0, x1 = min(w.x0 for words in lines for w in words), max(w.x1 for words in lines for w in words)
    # A grouped header's label spans the sub-columns under it: the header's lines veto no gutter.
    body = _header_size(lines)
    # Nor does a line of one piece across much of the table or opening at its left end (a title,
    # a department row: প্রকৌশল বিভাগ over a narrow serial column).
    bands = [[{"x0": w.x0, "x1": w.x1} for w in words] for words in lines[body:] if not _spans_gutters(words, x0, x1)]
    sizes = sorted(w.bottom - w.top for words in lines for w in words)
    size = sizes[len(sizes) // 2]
    gutters = _gutters(bands, x0 - 1, x1 + 1, WORD_GAP_TALL * size, 0)
    return [x0] + gutters if len(gutters) >= 2 else []


def _spans_gutters(words: list[Word], x0: float, x1: float) -> bool:
    """A line of one piece across much of the table or opening at its left end: a title, a
    department row (প্রকৌশল বিভাগ over a narrow serial column)."""
    return len(segments(words)) == 1 and (words[-1].x1 - words[0].x0 > SPANNING * (x1 - x0)
                                          or words[0].x0 - x0 <= ALIGN)


def _column(x0: float, starts: list[float]) -> int:
    return max((i for i, start in enumerate(starts) if start <= x0 + ALIGN), default=0)


def zones(lines: list[list[Word]]) -> list[tuple[int, int]]:
    """(first, end) line ranges holding a table: from a header or numbered line to a heading."""
    found = []
    i = 0
    while i < len(lines):
        if is_header_line(lines[i]) or _numbered(lines[i]):
            end = next((j for j in range(i + 1, len(lines)) if _is_heading(lines[j])), len(lines))
            found.append((i, end))
            i = end
        else:
            i += 1
    return found


def _header_continues(words: list[Word]) -> bool:
    """A further line of a wrapped header: most of its pieces name a column and none holds a
    value (the rest of a row cut by a page break, under the page's repeated header, does)."""
    pieces = [_text(seg) for seg in segments(words)]
    named = sum(1 for text in pieces if match_role(text, kw.COLUMN_ROLES))
    return not _numbered(words) and named * 2 >= len(pieces) and not any(map(_holds_value, pieces))


def _holds_value(text: str) -> bool:
    return not label_like(text) or looks_like_fee(text) or looks_like_time(text) or text.endswith((",", "।"))


def _row_groups(lines: list[list[Word]], starts: list[float]) -> list[list[list[Word]]]:
    """Lines grouped into table rows: the header's lines make one row, each
    numbered line opens a row, and lines before the first number (the rest of a
    row cut by the page break) make one row of their own. A table whose rows carry no
    number opens a row where the name column's text starts together with others'."""
    header: list[list[list[Word]]] = []
    # A column-number row above the header ((১) (২) (৩) …) is a row of its own.
    lead = 1 if lines and _number_row(lines[0]) else 0
    rest = lines
    size = _header_size(lines)
    if size:
        header, rest = ([lines[:1]] if lead else []) + [lines[lead:size]], lines[size:]

    def serial_line(words: list[Word]) -> bool:
        return _numbered(words) and _column(words[0].x0, starts) == 0 and not _number_row(words)

    numbered = sum(map(serial_line, rest)) >= 2
    name = _name_column(header[-1] if header else [], starts)
    terms = _label_columns(header[-1] if header else [], starts, ("fee", "time_limit"))
    fees = _label_columns(header[-1] if header else [], starts, ("fee",))
    body: list[list[list[Word]]] = []
    before: set[int] = set()
    serials = _WrappedSerials()
    resumed = _ResumedColumns([{_column(w.x0, starts) for w in words} for group in header for words in group]) \
        if numbered else None
    x0, x1 = min((w.x0 for ws in lines for w in ws), default=0.0), max((w.x1 for ws in lines for w in ws), default=0.0)
    heading = variant = False
    for words in rest:
        filled = {_column(w.x0, starts) for w in words}
        continued = numbered and _column(words[0].x0, starts) == 0 \
            and serials.continues(words[0], body[-1][0][0] if body else None)
        if continued:
            words = words[1:]       # a serial's digits wrapped in a narrow column (০ / ১): one serial
            opens = False
        elif numbered:
            # A list item's number in another column ('২। টেলিফোনে যোগাযোগ') opens no row.
            opens = _numbered(words) and _column(words[0].x0, starts) == 0
            if opens and not _number_row(words):
                serials.opened(words[0])
            was_heading, heading = heading, _names_department(words, starts, x0, x1)
            # a variant no list names comes under a title that states no terms, or after another
            unnamed = bool(body) and (variant or not any(_column(w.x0, starts) in terms for ws in body[-1] for w in ws))
            sub_row = bool(body) and not opens and (_opens_sub_row(words, name, starts, terms, unnamed)
                                                    or _next_fee_class(words, body[-1], starts, fees, terms - fees))
            opens = resumed.resumes(filled, opens, words) or opens or heading or was_heading or sub_row
            variant = sub_row or (variant and not opens)      # the row now open is a variant
        else:
            opens = name in filled and (name not in before or len(filled - before) >= 2)
        serials.after_opener = (opens or continued) and bool(serials.pending)
        # The column-number row is a row of its own, whatever follows it.
        if opens or not body or _number_row(words) or _number_row(body[-1][-1]):
            body.append([])
        body[-1].append(words)
        before = filled
    return header + body


def _names_department(words: list[Word], starts: list[float], x0: float, x1: float) -> bool:
    """A line of one piece from the left end across the first gutter that names a department or
    wing (লাইসেন্স শাখা, স্বাস্থ্য বিভাগ): a row of its own between two services."""
    return len(starts) > 1 and _spans_gutters(words, x0, x1) and words[-1].x1 > starts[1] \
        and contains_any(_text(words), kw.SUBHEADING_WORDS)


def _opens_sub_row(words: list[Word], name: int, starts: list[float], terms: set[int], unnamed: bool) -> bool:
    """A line whose name text opens with a sub-row marker ('(খ) প্রকল্পের তথ্য প্রদান') beside
    text of other columns, or names only a variant ('নবায়ন') where a fee or time column opens
    with a number, starts a sub-row: a table without rules shows no line between the rows of one
    serial (and a long name's last word alone, 'নবায়ন', states no terms). With ``unnamed`` (the
    row above states no terms, or is such a variant itself), a word or two beside a number opening
    both the fee and the time column is a variant too, named by no list ('বাংলা'); under a row whose
    terms started, it is the name's wrapped rest ('নগদায়ন' beside '২৮ দিন')."""
    own = " ".join(w.text for w in words if _column(w.x0, starts) == name)
    if not own:
        return False
    if sub_row_marker(own):
        return bool({_column(w.x0, starts) for w in words} - {name})
    opened = {_column(seg[0].x0, starts) for seg in segments(words) if seg[0].text[:1].isdigit()}
    # a word or two of a name beside a new fee and a new time limit: a variant that no list knows
    # ('বাংলা' | '২০ টাকা' | '১ কার্যদিবস')
    return bool(opened & terms) and (names_variant_only(own)
                                     or unnamed and len(own.split()) <= 2 and len(opened & terms) >= 2)


def _next_fee_class(words: list[Word], row: list[list[Word]], starts: list[float], fees: set[int],
                    times: set[int]) -> bool:
    """A line whose fee text opens with a case's name ('ইংরেজী:') beside a time limit of its own
    (the time column left the line above empty), in a row whose fee already named one ('বাংলা:'):
    the next fee class under one merged name, a row of its own (a table without rules draws no
    line between them). A time limit's wrapped rest ('তাৎক্ষণিক/' / '১দিন') is no time of its own."""
    def fee_text(line: list[Word]) -> str:
        return " ".join(w.text for w in line if _column(w.x0, starts) in fees)

    def timed(line: list[Word]) -> bool:
        return any(_column(w.x0, starts) in times for w in line)
    return bool(fees and times and row) and bool(class_name(fee_text(words))) and timed(words) \
        and not timed(row[-1]) and any(class_name(fee_text(line)) for line in row)


def _label_columns(header: list[list[Word]], starts: list[float], roles: tuple[str, ...]) -> set[int]:
    """The columns whose header label names one of ``roles``: a segment of a header line does,
    or the column's words of every header line read together (a label wrapped word by word,
    'সেবা' / 'প্রদানের' / 'সর্বোচ্চ' / 'সময়সীমা', beside its neighbours' lines)."""
    found = {_column(seg[0].x0, starts) for words in header for seg in segments(words)
             if match_role(_text(seg), kw.COLUMN_ROLES) in roles}
    texts: dict[int, list[str]] = {}
    for words in header:
        for word in words:
            texts.setdefault(_column(word.x0, starts), []).append(word.text)
    return found | {column for column, words in texts.items()
                    if match_role(" ".join(words), kw.COLUMN_ROLES) in roles}


class _ResumedColumns:
    """Above a page's first numbered row, the header repeated on a new page, then the rest of
    the row the page break cut. A label's lines follow one another, so a column whose text
    starts again after a line it left empty holds no label there, unless the line reads as labels:
    the rest of the row starts on that line (and only once: what follows belongs to that row)."""

    def __init__(self, header: list[set[int]]) -> None:
        self.seen: set[int] = set().union(*header)       # the columns of the header's lines
        self.last: set[int] = header[-1] if header else set()
        self.done = False

    def resumes(self, filled: set[int], numbered: bool, words: list[Word]) -> bool:
        self.done = self.done or numbered
        # Sub-labels under a grouped header's label (নাম | পদবি | ফোন) come after such a line too.
        found = not self.done and bool(filled & self.seen - self.last) and not _header_continues(words)
        self.done = self.done or found
        self.seen |= filled
        self.last = filled
        return found


def _numbered_columns(starts: list[float], lines: list[list[Word]], header: Optional[int] = None) -> list[float]:
    """A column-number row ((১) (২) (৩) …) among the first ``header`` lines (the header's, by
    default) numbers every column once: two of its numbers in one column mean a column the
    gutters missed (a blank serial column, sub-columns under a grouped header); a start goes
    between them."""
    top = lines[:(_header_size(lines) if header is None else header) + 1]
    rows = [words for words in top if _number_row(words)]
    if not rows or not starts:
        return starts
    numbers = [seg for seg in segments(rows[0])]
    added = [(a[-1].x1 + b[0].x0) / 2 for a, b in zip(numbers, numbers[1:])
             if _column(a[0].x0, starts) == _column(b[0].x0, starts)]
    # Labels: the lines above the first numbered row (the number rows aside).
    head = next((i for i, words in enumerate(top) if _numbered(words) and not _number_row(words)), len(top))
    labels = [seg for words in top[:head] if not _number_row(words) for seg in segments(words)]
    return _without_unnamed(sorted(starts + added), numbers, labels)


def _without_unnamed(starts: list[float], numbers: list[list[Word]], labels: list[list[Word]]) -> list[float]:
    """A column that neither the number row numbers nor a header label names, beside one that
    is numbered, is part of that one: a narrow column whose values stand left of its centred
    label and number (১। under ক্রঃ and ১) opens a gutter of its own."""
    numbered = {_column(seg[0].x0, starts) for seg in numbers}
    named = numbered | {_column(seg[0].x0, starts) for seg in labels}
    if len(numbered) < 3:
        return starts
    dropped = set()
    for i in range(len(starts)):
        if i in named:
            continue
        if i + 1 in numbered:
            dropped.add(i + 1)          # the column's values, then its label to the right
        elif i - 1 in numbered:
            dropped.add(i)
    return [x for i, x in enumerate(starts) if i not in dropped]


def _header_size(lines: list[list[Word]]) -> int:
    """How many lines the header takes (a column-number row above it included); 0 without one."""
    lead = 1 if lines and _number_row(lines[0]) else 0
    if len(lines) <= lead or not is_header_line(lines[lead]):
        return 0
    size = lead + 1
    while size < len(lines) and _header_continues(lines[size]):
        size += 1
    # The last words of labels wrapped longest (পদ্ধতি, নম্বর; a cut label's last syllable, মা) may
    # name no column alone: up to two such lines, right above the first numbered row (or the
    # column-number row below the header), are the header's too.
    body = next((j for j in range(size, len(lines)) if _numbered(lines[j])), None)
    if body is not None and body - size <= 2 and all(_label_tail(w.text) for words in lines[size:body] for w in words):
        size = body
    # A column-number row under the header closes it: the lines above it, labels wrapped word by
    # word in narrow columns ('পদবী,' / 'রুম নম্বর,' / 'জেলার'), are the header's.
    if body is not None and _number_row(lines[body]) and \
            all(label_like(_text(seg)) for words in lines[size:body] for seg in segments(words)):
        size = body
    return size


def _label_tail(word: str) -> bool:
    return word in _header_words() or bool(_SYLLABLE.fullmatch(word))


_SYLLABLE = regex.compile(r"[\p{Bengali}--\p{N}]{1,3}", regex.V1)


@functools.lru_cache(maxsize=1)
def _header_words() -> frozenset[str]:
    """Every word of the column keyword tables (as header labels write them)."""
    phrases = [p for _, words in kw.COLUMN_ROLES + kw.OFFICER_PARTS for p in words]
    return frozenset(w for p in phrases for w in p.split())


class _WrappedSerials:
    """Serials whose digits a narrow column wrapped (০ / ১ for ০১, ১ / ০ for ১০): a line whose
    serial is bare digits, right below the line that opened the row with bare digits, continues
    that serial when the two together are (the start of) the serial the sequence expects."""

    def __init__(self) -> None:
        self.last: Optional[int] = None       # the serial of the row opened last, once complete
        self.pending = ""                     # that row's serial digits, while incomplete
        self.after_opener = False

    def _expected(self) -> str:
        return "" if self.last is None else str(self.last + 1)

    def continues(self, word: Word, opener: Optional[Word]) -> bool:
        # the serial's mark comes after its last digit: ০১. wraps as ০ / ১.
        digits = _bare_digits(word.text[:-1] if word.text[-1:] in SERIAL_MARKS else word.text)
        if not (digits and self.after_opener and self.pending and opener is not None):
            return False
        joined = (self.pending + digits).lstrip("0")
        expected = self._expected() or joined
        if not joined or not expected.startswith(joined):
            return False
        opener.text += word.text
        self._set(self.pending + digits)
        return True

    def opened(self, word: Word) -> None:
        self.pending = ""
        digits = _bare_digits(word.text)
        if digits:
            self._set(digits)
        elif parse_int(word.text) is not None:
            self.last = parse_int(word.text)

    def _set(self, digits: str) -> None:
        expected, value = self._expected(), digits.lstrip("0")
        if value and (not expected or value == expected or not expected.startswith(value)):
            self.last, self.pending = int(value), ""
        else:
            self.pending = digits       # a leading zero, or the first digits of the expected serial


def _bare_digits(text: str) -> str:
    """The ASCII digits of a serial written as digits alone (no '।', '.', ')'), else ''."""
    digits = ascii_digits(text)
    return digits if digits.isascii() and digits.isdigit() else ""


def _number_row(words: list[Word]) -> bool:
    return is_column_number_row([_text(seg) for seg in segments(words)])


def _name_column(header: list[list[Word]], starts: list[float]) -> int:
    """The column whose label names the service (a serial column's neighbour by default)."""
    found = _label_columns(header, starts, ("service_name",))
    return min(found) if found else min(1, len(starts) - 1)


def zone_table(lines: list[list[Word]], page_number: int) -> tuple[Table, BBox] | None:
    header = next(([words] for words in lines[:2] if is_header_line(words)), [])
    starts = _numbered_columns(gutter_starts(lines) or column_starts(lines, header), lines)
    if len(starts) < 3:
        return None
    groups = _row_groups(lines, starts)
    width = len(starts)
    x0, x1 = min(w.x0 for words in lines for w in words), max(w.x1 for words in lines for w in words)
    grid: list[Optional[list[list[list[Word]]]]] = []
    for group in groups:
        if len(group) == 1 and _spans_gutters(group[0], x0, x1):
            grid.append(None)       # one piece across the gutters (a department row): one cell
        else:
            grid.append(_by_column(group, starts))
    rights = [max((words[-1].x1 for cells in grid if cells for words in cells[c]), default=0.0) for c in range(width)]
    rows = []
    for group, cells in zip(groups, grid):
        if cells is None:
            rows.append(Row([_cell(group, page_number)] + [Cell("", page_number)] * (width - 1), page_number))
        else:
            rows.append(Row([_cell(lines, page_number, right) for lines, right in zip(cells, rights)], page_number))
    boxes = [(w.x0, w.top, w.x1, w.bottom) for words in lines for w in words]
    bbox = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
    return Table(rows, knows_spans=False), bbox


def _by_column(group: list[list[Word]], starts: list[float]) -> list[list[list[Word]]]:
    """A row's lines cut into its columns: each column's lines, each a list of words."""
    columns: list[list[list[Word]]] = [[] for _ in starts]
    for words in group:
        by_column: list[list[Word]] = [[] for _ in starts]
        for word in words:
            by_column[_column(word.x0, starts)].append(word)
        for column, found in enumerate(by_column):
            if found:
                columns[column].append(found)
    return columns


def _cell(lines: list[list[Word]], page_number: int, right: Optional[float] = None) -> Cell:
    if not lines:
        return Cell("", page_number)
    words = [w for line in lines for w in line]
    bbox = (min(w.x0 for w in words), min(w.top for w in words), max(w.x1 for w in words),
            max(w.bottom for w in words))
    texts = [_text(line) for line in lines] if right is None else _mark_full_lines(lines, right)
    return Cell(join_lines(texts), page_number, tuple(round(v, 2) for v in bbox))


def _mark_full_lines(lines: list[list[Word]], right: float) -> list[str]:
    """Lines of a cell; one that is a single word reaching the column's right edge (where its
    widest line ends) so that the next line's first letter would not have fitted ends in
    ``FULL_LINE``, as in a ruled cell: the layout may have cut a word there (সুলতা / না)."""
    texts = [_text(line) for line in lines]
    for i in range(len(lines) - 1):
        first = lines[i + 1][0]
        letter = (first.x1 - first.x0) / max(1, len(regex.findall(r"\X", first.text)))
        if ONE_TOKEN.fullmatch(texts[i]) and right - lines[i][-1].x1 < letter:
            texts[i] += FULL_LINE
    return texts


def unruled_tables(chars: list[dict], page_number: int) -> list[tuple[Table, BBox]]:
    lines = [words for words in (line_words(line) for line in group_lines(chars)) if words]
    tables = []
    for first, end in zones(lines):
        found = zone_table(lines[first:end], page_number)
        if found:
            tables.append(found)
    return tables


def virtual_rules(chars: list[dict], edges: list[dict]) -> tuple[list[dict], list[dict]]:
    """(vertical, horizontal) edges for tables drawn with horizontal rules only. Verticals at
    each table's left and right ends and in the gutters that the text of every band between
    two of its rules leaves free: the rules give the rows, the gutters the columns; a band
    holding a heading lies between two tables. Horizontals closing the rows a page break left
    open (``_open_rows``), and partial rules drawn to the gutters they stop short of. Empty when
    the page has no such table."""
    rules = [e for e in edges if e["orientation"] == "h"]
    # A rule drawn as a thin rect has sides a point high: no vertical rule.
    if len(rules) < 3 or any(e["orientation"] == "v" and e["bottom"] - e["top"] > RULE_SIDE for e in edges):
        return [], []
    x0, x1 = min(e["x0"] for e in rules), max(e["x1"] for e in rules)
    ys = sorted({round(e["top"], 1) for e in rules})
    closing = _open_rows(chars, ys, x0, x1)
    verticals = []
    for group in _rule_groups(ys + closing, chars):
        # A band of one piece of text (a department row: প্রশাসন বিভাগ) is one merged cell: it vetoes no gutter.
        bands = [b for b in (_band(chars, top, bottom) for top, bottom in zip(group, group[1:]))
                 if b and not _one_piece(b)]
        gutters = _gutters(bands, x0, x1, GUTTER, int(CROSSING * len(bands)))
        lines = [line_words(line) for band in bands[:3] for line in group_lines(band)]
        gutters = _numbered_columns([x0] + gutters, lines, header=len(lines))[1:]
        if len(gutters) >= 2:
            verticals += [_vertical(x, group[0], group[-1]) for x in (x0, x1)]
            verticals += [_vertical(x, top, bottom) for top, bottom in _ruled_runs(chars, group, gutters)
                          for x in gutters]
    if not verticals:
        return [], []
    spans = [(x0, x1, y) for y in closing] + _snapped(rules, sorted({v["x0"] for v in verticals}), x0, x1)
    return verticals, [_rule(a, b, y) for a, b, y in spans]


def _vertical(x: float, top: float, bottom: float) -> dict:
    return {"x0": x, "x1": x, "top": top, "bottom": bottom, "height": bottom - top, "width": 0,
            "object_type": "line", "orientation": "v"}


def _ruled_runs(chars: list[dict], group: list[float], gutters: list[float]) -> list[tuple[float, float]]:
    """Where the gutters are drawn: every band but one of one piece that runs across a gutter (a
    department row, প্রশাসন বিভাগঃ from the serial column on), which is one merged cell."""
    runs: list[tuple[float, float]] = []
    for top, bottom in zip(group, group[1:]):
        band = _band(chars, top, bottom)
        merged = band and _one_piece(band) and any(min(c["x0"] for c in band) < x < max(c["x1"] for c in band)
                                                   for x in gutters)
        if merged:
            continue
        if runs and runs[-1][1] == top:
            runs[-1] = (runs[-1][0], bottom)
        else:
            runs.append((top, bottom))
    return runs


def _snapped(rules: list[dict], xs: list[float], x0: float, x1: float) -> list[tuple[float, float, float]]:
    """A rule across part of the table (under sub-rows beside a merged serial: it starts after
    the serial column) ends a few points short of the gutter where its cells end: drawn to it."""
    spans = []
    for e in rules:
        if e["x0"] - x0 > RULE_SIDE or x1 - e["x1"] > RULE_SIDE:
            left = min(xs, key=lambda x: abs(x - e["x0"]))
            right = min(xs, key=lambda x: abs(x - e["x1"]))
            if right > left:
                spans.append((left, right, e["top"]))
    return spans


def _rule(a: float, b: float, y: float) -> dict:
    return {"x0": a, "x1": b, "top": y, "bottom": y, "width": b - a, "height": 0, "object_type": "line",
            "orientation": "h"}


def _open_rows(chars: list[dict], ys: list[float], x0: float, x1: float) -> list[float]:
    """The height closing a row the page break left open (Chromium draws no rule under a row it
    cuts; its header repeats over the rest on the next page): below the last rule, the bottom of
    the text before any heading, when that text is columnar (a line of two pieces or more)."""
    below = _columnar_run(group_lines([c for c in chars if (c["top"] + c["bottom"]) / 2 > ys[-1]
                                       and x0 - 1 <= c["x0"] and c["x1"] <= x1 + 1 and c["text"].strip()]))
    return [round(max(c["bottom"] for line in below for c in line) + 1.0, 1)] if below else []


def _columnar_run(lines: list[list[dict]]) -> list[list[dict]]:
    """The lines up to the first heading, when one of them holds two pieces or more; else none."""
    run = []
    for line in lines:
        if heading_kind(line_text(line)):
            break
        run.append(line)
    return run if any(len(segments(line_words(line))) >= 2 for line in run) else []


def _one_piece(band: list[dict]) -> bool:
    lines = [line_words(line) for line in group_lines(band)]
    return all(len(segments(words)) == 1 for words in lines if words)


def _band(chars: list[dict], top: float, bottom: float) -> list[dict]:
    return [c for c in chars if top <= (c["top"] + c["bottom"]) / 2 <= bottom and c["text"].strip()]


def _rule_groups(ys: list[float], chars: list[dict]) -> list[list[float]]:
    """The rules' heights split into one run per table, at bands that hold a heading."""
    groups = [[ys[0]]]
    for top, bottom in zip(ys, ys[1:]):
        lines = group_lines(_band(chars, top, bottom))
        if any(heading_kind(line_text(line)) for line in lines):
            groups.append([bottom])
        else:
            groups[-1].append(bottom)
    return [g for g in groups if len(g) >= 3]


def _gutters(bands: list[list[dict]], x0: float, x1: float, width: float, crossing: int) -> list[float]:
    """The middles of the x intervals (at least ``width`` wide) that the text of at most
    ``crossing`` bands crosses."""
    step = 0.5
    cells = int((x1 - x0) / step) + 1
    crossed = [0] * cells
    for band in bands:
        covered = [False] * cells
        for c in band:
            for i in range(max(0, int((c["x0"] - x0) / step)), min(cells, int((c["x1"] - x0) / step) + 1)):
                covered[i] = True
        crossed = [n + k for n, k in zip(crossed, covered)]
    free = [n <= crossing for n in crossed]
    gutters, start = [], None
    for i, ok in enumerate(free + [False]):
        if ok and start is None:
            start = i
        elif not ok and start is not None:
            if (i - start) * step >= width and start > 0 and i < cells:
                gutters.append(x0 + (start + i) / 2 * step)
            start = None
    return gutters

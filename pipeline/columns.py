"""Column roles: what each column of a table holds, from two kinds of evidence.

* The header label, matched tolerantly: as written, with all whitespace removed (a
  narrow column wraps ক্রমিক by syllable), and fuzzily over ``lexicon.skeleton`` (a
  typo, a lost letter or another spelling costs nothing), over every line of a
  multi-row header (the lowest line that names a role is the most specific).
* The cells' content, typed by the value parsers: small ascending integers are
  serials, amounts and free words fees, durations time limits, designations,
  phones and emails officers.

Content decides where no label is known; a label and content that disagree is a
finding, and the stronger evidence wins. A column of unknown role costs that
column only: it is kept as an extra field (``extra:<label>``), never glued onto a
known one, and the table stays a table.
"""
from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field
from typing import Optional

import regex
from rapidfuzz import fuzz

from . import keywords as kw
from .lexicon import clean, clean_lines, fold, is_column_number_row, match_role, skeleton
from .model import Finding, Row
from .values.fee import looks_like_fee
from .values.officer import find_designation
from .values.phone import parse_phones
from .values.email import parse_emails
from .values.serial import parse_serial, split_fused_serial
from .values.time import looks_like_time

FUZZY_SCORE = 86          # rapidfuzz partial_ratio on skeletons, 0-100
FUZZY_LETTERS = 4         # shorter phrases (নং, ফি) only match as written
SQUEEZED_WORD = 5         # code points: a squeezed phrase this long is a word, not letters inside one
HEADER_SCAN_ROWS = 6
CONTENT_SHARE = 0.6       # share of a column's filled cells that must read as one kind
STRONG_SHARE = 0.8
MAIN_ROLES = {"serial", "service_name", "method", "documents", "documents_place", "fee", "time_limit",
              "superior_officer", "forms_location", "room", "recipient", "place", "frequency", "remarks"}


@dataclass(frozen=True)
class LabelMatch:
    role: str
    how: str            # exact | squeezed | fuzzy
    score: float = 100.0


@dataclass
class Column:
    role: str
    label: str = ""
    evidence: str = ""          # label | label~ | content | layout | position
    content: Optional[str] = None


@dataclass
class Layout:
    columns: list[Column]
    header_rows: int = 0                 # rows at the top that are header or column-number rows
    officer_names: bool = True           # the officer column's header allows a person's name
    findings: list[Finding] = field(default_factory=list)

    @property
    def roles(self) -> list[str]:
        return [c.role for c in self.columns]


# ------------------------------------------------------------------ labels

def _frozen(table) -> tuple:
    return tuple((role, tuple(phrases)) for role, phrases in table)


@functools.lru_cache(maxsize=8)
def _squeezed_table(table: tuple) -> list[tuple[str, list[str]]]:
    return [(role, [fold(p).replace(" ", "") for p in phrases]) for role, phrases in table]


@functools.lru_cache(maxsize=8)
def _skeleton_table(table: tuple) -> list[tuple[str, list[str]]]:
    return [(role, [s for s in map(skeleton, phrases) if len(s) >= FUZZY_LETTERS]) for role, phrases in table]


def match_label(text: str, table=kw.COLUMN_ROLES) -> Optional[LabelMatch]:
    """The role a header label names: the first role, in the table's priority, that one of
    its phrases matches as written, squeezed (spaces removed) or fuzzily (on skeletons) —
    so a misspelt superior officer ('উধ্বর্তন কর্মকর্তা') is no plain officer."""
    return _match_label(clean(text), _frozen(table)) if clean(text) else None


def _written(folded: str, table: tuple) -> tuple[Optional[LabelMatch], str]:
    """The first role a phrase names as written (or squeezed), and that phrase."""
    for role, phrases in table:
        for phrase in phrases:
            if match_role(folded, [(role, [phrase])]):
                return LabelMatch(role, "exact"), phrase
    squeezed, bounds = _pieces(folded)
    for (role, phrases), (_, squeezes) in zip(table, _squeezed_table(table)):
        for phrase, squeeze in zip(phrases, squeezes):
            if len(squeeze) >= 3 and _spans_pieces(squeezed, bounds, squeeze):
                return LabelMatch(role, "squeezed"), phrase
    return None, ""


def _pieces(text: str) -> tuple[str, set[int]]:
    """The text without spaces, and where its space-separated pieces start and end in it."""
    squeezed, bounds = "", {0}
    for piece in text.split():
        squeezed += piece
        bounds.add(len(squeezed))
    return squeezed, bounds


def _spans_pieces(squeezed: str, bounds: set[int], phrase: str) -> bool:
    """The phrase starts a piece of the text, pieces run together: a word a narrow column broke
    ('ক্র' / 'মি' / 'ক'), never letters inside a word (the 'ক্র' of 'সংক্রান্ত'). A short phrase
    also ends where a piece ends (the 'ক্র' of 'ক্রয়' is no serial)."""
    start = squeezed.find(phrase)
    while start >= 0:
        if start in bounds and (len(phrase) >= SQUEEZED_WORD or start + len(phrase) in bounds):
            return True
        start = squeezed.find(phrase, start + 1)
    return False


@functools.lru_cache(maxsize=16384)
def _match_label(text: str, table: tuple) -> Optional[LabelMatch]:
    written, phrase = _written(fold(text), table)
    key = skeleton(text)
    fuzzy = None
    for role, skeletons in _skeleton_table(table):
        scores = [fuzz.partial_ratio(p, key) for p in skeletons if len(key) >= len(p) - 1]
        if scores and max(scores) >= FUZZY_SCORE:
            fuzzy = LabelMatch(role, "fuzzy", max(scores))
            break
    if written is None:
        return fuzzy
    # Another spelling of a more specific role's phrase wins over a less specific role named
    # as written: 'উধ্বর্তন কর্মকর্তা' is a superior officer though 'কর্মকর্তা' names the
    # officer, 'সেবা প্রদান পদ্ধত্তি' a method though 'সেবা' names the service.
    roles = [role for role, _ in table]
    weak = len(skeleton(phrase)) < FUZZY_LETTERS + 1
    if fuzzy and roles.index(fuzzy.role) < roles.index(written.role) and (fuzzy.score == 100 or weak):
        return fuzzy
    return written


def label_role(labels: list[str], table=kw.COLUMN_ROLES) -> Optional[LabelMatch]:
    """A column's role from its header lines: the lowest (most specific) line that names
    one as written, else all lines read together, else the best tolerant match. The table's
    first role (the superior officer) on any line, or across lines, wins: its label goes on to list what the
    cell holds ('ঊর্ধ্বতন কর্মকর্তার' / 'পদবি, রুম নম্বর …'), it heads no group of columns."""
    first = table[0][0]
    # ... on any line, or over a line break ('হলে যাঁকে' / 'জানাবেন').
    if any(match_role(label, table[:1]) == first for label in labels + [" ".join(labels)]):
        return LabelMatch(first, "exact")
    for label in reversed(labels):
        if match_role(label, table):
            # As match_label reads it: another spelling of a more specific role's phrase beats
            # a weak word named as written ('Methods of service delivery' is no service name).
            return match_label(label, table)
    return match_label(" ".join(labels), table) if labels else None


def _line_roles(labels: list[str], table) -> set[str]:
    """Every role a line of the label, or the whole label, names as written."""
    return {role for role in (match_role(text, table) for text in labels + [" ".join(labels)]) if role}


def officer_part(label: str) -> Optional[str]:
    """name | designation | contact when a label asks for one part of an officer only."""
    parts = [part for part, words in kw.OFFICER_PARTS if match_role(label, [(part, words)])]
    return parts[0] if len(parts) == 1 else None


def officer_names_expected(label: str) -> bool:
    """An officer header that lists what the cell holds ('পদবি, ফোন নম্বর ও ইমেইল') without a
    name promises no name; one that lists nothing may hold one."""
    asked = {part for part, words in kw.OFFICER_PARTS if match_role(label, [(part, words)])}
    return "name" in asked or not asked


# ------------------------------------------------------------------ header rows

@functools.lru_cache(maxsize=1 << 14)
def label_like(text: str) -> bool:
    """Text without long numbers or addresses, not a paragraph: a header label, not data. (Labels of the
    older format run to twenty words: 'দায়িত্বপ্রাপ্ত কর্মকর্তার পদবি, রুম নম্বর, জেলা/উপজেলার কোড …')"""
    return len(text.split()) <= 30 and not regex.search(r"[0-9০-৯]{3,}|@|https?://|www\.", text)


def row_texts(row: Row, width: int, lines: bool = False) -> list[str]:
    """A row's cell texts (one line each, or with ``lines`` their lines kept), a horizontally
    merged cell's text repeated under its span."""
    cells = row.cells + [None] * (width - len(row.cells))
    read = clean_lines if lines else clean
    texts = [read(c.text) if c else "" for c in cells]
    for j, cell in enumerate(cells):
        if j and cell is not None and cell.span_from == "left" and not texts[j]:
            texts[j] = texts[j - 1]
    return texts


def is_header_row(row: Row, width: int, table=kw.COLUMN_ROLES) -> bool:
    """A row of labels: <th> cells, or cells most of which read as labels and name a role.
    (One label may carry a date: 'কতজন সেবা নিয়ে থাকেন (সেপ্টেম্বর ২০২৪)'.)"""
    texts = row_texts(row, width)
    filled = [t for t in dict.fromkeys(texts) if t]
    if not filled:
        return False
    if all(c.header for c in row.cells if clean(c.text)):
        return True
    if len(filled) < 2 or sum(map(label_like, filled)) < 2 / 3 * len(filled) or numbered(texts[0]):
        return False
    if states_values(filled):
        return False
    named = sum(1 for t in filled if match_label(t, table))
    return named >= max(2, math.ceil(len(filled) / 2))


def states_values(filled: list[str]) -> bool:
    """A row of data whose serial is blank (or fused to its name) names roles too ('সেবার …',
    'মোবাইল নম্বর সহ …', 'নাম: …'), but it states values: a fee, a time limit, a contact."""
    return sum(1 for t in filled if looks_like_fee(t) or looks_like_time(t) or not label_like(t)) >= 2


def numbered(first: str) -> bool:
    """A row's first cell holds a serial, on its own or fused to a name ('০১.সরকারি কর্মচারীদের …'):
    a row of data, never a header."""
    return parse_serial(first) is not None or _starts_with_serial(first)


def _continues_header(row: Row, width: int, table) -> bool:
    """A further header row: short labels only, at least half of them naming a role or an
    officer part, and nothing that reads as a value (a row of data without serials is none)."""
    texts = row_texts(row, width)
    filled = [t for t in texts if t]
    if not filled or numbered(texts[0]):
        return False
    if not all(label_like(t) and len(t.split()) <= 8 and not looks_like_time(t) and not looks_like_fee(t)
               for t in filled):
        return False
    return 2 * sum(1 for t in filled if match_label(t, table) or officer_part(t)) >= len(filled)


def header_block(rows: list[Row], width: int, table=kw.COLUMN_ROLES) -> tuple[list[int], int]:
    """(indexes of the header rows, rows consumed at the top): header rows with the
    column-number row and empty rows between, above or below them."""
    header: list[int] = []
    consumed = 0
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        texts = row_texts(row, width)
        if not any(texts) or is_column_number_row(texts):
            consumed = i + 1
            continue
        if is_header_row(row, width, table) or (header and _continues_header(row, width, table)):
            header.append(i)
            consumed = i + 1
            continue
        break
    return header, consumed if header else 0


def column_labels(rows: list[Row], width: int) -> list[list[str]]:
    """Each column's header labels, top row first."""
    labels: list[list[str]] = [[] for _ in range(width)]
    for row in rows:
        for column, text in zip(labels, row_texts(row, width)):
            if text and text not in column:
                column.append(text)
    return labels


# ------------------------------------------------------------------ content

@functools.lru_cache(maxsize=1 << 14)
def _is_officer(text: str) -> bool:
    return bool(find_designation(text) or parse_emails(text)[0] or any(p.valid for p in parse_phones(text)))


def _starts_with_serial(text: str) -> bool:
    return split_fused_serial(text)[0] is not None


CONTENT_KINDS = [
    ("fee", looks_like_fee),
    ("time_limit", looks_like_time),
    ("officer", _is_officer),
]


def content_role(cells: list[str]) -> tuple[Optional[str], float]:
    """The kind most of a column's filled cells read as, with its share."""
    filled = [clean(c) for c in cells if clean(c)]
    if not filled:
        return None, 0.0
    serials = [parse_serial(c) for c in filled]
    if sum(s is not None for s in serials) >= CONTENT_SHARE * len(filled) and _ascending(serials):
        return "serial", sum(s is not None for s in serials) / len(filled)
    best, share = None, 0.0
    for kind, test in CONTENT_KINDS:
        hits = sum(1 for c in filled if test(c)) / len(filled)
        if hits > share:
            best, share = kind, hits
    return (best, share) if share >= CONTENT_SHARE else (None, share)


def _ascending(serials: list[Optional[int]]) -> bool:
    """Small numbers that mostly go up by one: serials, not room numbers or amounts."""
    values = [s for s in serials if s is not None]
    if not values or min(values) > 3 or max(values) > 200:
        return False
    steps = sum(1 for a, b in zip(values, values[1:]) if b > a)
    return len(values) == 1 or steps >= 0.6 * (len(values) - 1)


def fused_serials(cells: list[str]) -> bool:
    filled = [c for c in cells if clean(c)]
    return bool(filled) and sum(1 for c in filled if _starts_with_serial(c)) >= CONTENT_SHARE * len(filled)


# ------------------------------------------------------------------ combining

def _finding(message: str, severity: str = "info", rule: str = "column_role") -> Finding:
    return Finding(rule=rule, severity=severity, message=message)


def _choose(label: Optional[LabelMatch], content: Optional[str], share: float, where: str,
            findings: list[Finding]) -> tuple[Optional[str], str]:
    if label is None:
        if content:
            findings.append(_finding(f"{where}: no known label; its cells read as {content} ({share:.0%})"))
            return content, "content"
        return None, ""
    if content is None or content == label.role or _compatible(label.role, content) or share < STRONG_SHARE:
        return label.role, "label" if label.how != "fuzzy" else "label~"
    if label.how == "fuzzy" and share >= STRONG_SHARE:
        findings.append(_finding(f"{where}: its label reads (fuzzily) as {label.role} but its cells as {content} "
                                 f"({share:.0%}): taken as {content}", "warning", "column_role_disagreement"))
        return content, "content"
    findings.append(_finding(f"{where}: its label reads as {label.role} but its cells as {content} ({share:.0%}): "
                             f"taken as {label.role}", "warning", "column_role_disagreement"))
    return label.role, "label"


# A grievance table's columns hold the same kinds of value under other names.
GRIEVANCE_CONTENT = {"time_limit": "resolution"}


def _compatible(role: str, content: str) -> bool:
    """Content kinds a column of this role may well hold (a superior officer's cells are officers,
    a method cell names a time, a name cell a designation)."""
    return (role, content) in {("superior_officer", "officer"), ("method", "time_limit"), ("method", "officer"),
                               ("documents", "officer"), ("service_name", "officer"), ("remarks", "officer"),
                               ("place", "officer"), ("recipient", "officer"), ("documents", "fee"),
                               ("method", "fee"), ("remarks", "fee"), ("remarks", "time_limit"),
                               ("documents", "time_limit"), ("place", "time_limit"), ("address", "officer"),
                               ("when", "officer"), ("contact", "officer")}


def _where(i: int, label: str) -> str:
    return f"column {i + 1}" + (f" '{label[:40]}'" if label else "")


def analyse(labels: list[list[str]], body: list[list[str]], table=kw.COLUMN_ROLES) -> Layout:
    """Roles of a table's columns from their header labels and the body's cells."""
    width = len(labels)
    findings: list[Finding] = []
    columns = []
    for i in range(width):
        label = " ".join(labels[i])
        match = label_role(labels[i], table)
        content, share = content_role([row[i] for row in body if i < len(row)])
        content = GRIEVANCE_CONTENT.get(content, content) if table is kw.GRIEVANCE_ROLES else content
        # Lines naming different roles (a label wrapped over two header rows: 'সেবামূল্য এবং পরিশোধ' /
        # 'পদ্ধতি (যদি থাকে)'): the one the cells agree with; a superior officer's label keeps its role.
        if match and content and content != match.role and match.role != table[0][0] \
                and content in _line_roles(labels[i], table):
            match = LabelMatch(content, "exact")
        role, evidence = _choose(match, content, share, _where(i, label), findings)
        columns.append(Column(role or "", label, evidence, content))
    _officer_parts(columns, labels)
    _documents_from_place(columns)
    _unique(columns, findings)
    _name_by_position(columns, body)
    for i, column in enumerate(columns):
        if not column.role:
            column.role = f"extra:{column.label or f'column {i + 1}'}"
            findings.append(_finding(f"{_where(i, column.label)}: role unknown, kept as an extra field"))
    whole = next((c for c in columns if c.role == "officer"), None)
    # A name column of its own (a grouped header's নাম) asks for names, whatever the officer label says.
    names = any(c.role == "officer.name" for c in columns) or not whole or officer_names_expected(whole.label)
    return Layout(columns=columns, officer_names=names, findings=findings)


def _officer_parts(columns: list[Column], labels: list[list[str]]) -> None:
    """Officer sub-columns (under one grouped header, or each asking for one part) become
    officer.name / officer.designation / officer.contact."""
    # A column asking for a part alone (নাম), beside the officer's columns, is one of them: the
    # grouped label above it may have landed over its neighbours (a borderless PDF).
    for i, column in enumerate(columns):
        beside = [columns[j].role for j in (i - 1, i + 1) if 0 <= j < len(columns)]
        if not column.role and labels[i] and officer_part(labels[i][-1]) and "officer" in beside:
            column.role = "officer"
    officers = [i for i, c in enumerate(columns) if c.role == "officer"]
    if len(officers) < 2:
        return
    for i in officers:
        part = officer_part(labels[i][-1]) if labels[i] else None
        if part:
            columns[i].role = f"officer.{part}"
    if not any(columns[i].role == "officer" for i in officers) and \
            not any(columns[i].role == "officer.name" for i in officers):
        first = next(i for i in officers if columns[i].role == "officer.designation") \
            if any(columns[i].role == "officer.designation" for i in officers) else officers[0]
        columns[first].role = "officer"


def _documents_from_place(columns: list[Column]) -> None:
    """With no documents column, the column of where to get them (and the form) lists them
    ('প্রয়োজনীয় কাগজপত্র/আবেদন ফরম প্রাপ্তিস্থান' alone in a savings office's table)."""
    roles = [c.role for c in columns]
    if "documents" in roles:
        return
    for column in columns:
        if column.role in ("documents_place", "forms_location"):
            column.role = "documents"
            return


_EVIDENCE_RANK = {"label": 0, "label~": 1, "content": 2, "": 3}


def _strength(column: Column, role: str) -> tuple[bool, int]:
    """How well a column holds ``role``, strongest first: content breaks a tie of labels (of 'রমিক' |
    'নং', one label a gutter cut, the serials' column), then how the role was found."""
    return column.content != role, _EVIDENCE_RANK[column.evidence]


def _unique(columns: list[Column], findings: list[Finding]) -> None:
    """One column per role; a second column of a role is an extra under its own label."""
    seen: dict[str, int] = {}
    for i, column in enumerate(columns):
        role = column.role
        if not role or not (role in MAIN_ROLES or role == "officer" or role.startswith("officer.")):
            continue
        if role not in seen:
            seen[role] = i
            continue
        if role == "officer.contact":        # a phone column beside an email column
            column.role = f"{role}#{sum(c.role.startswith(role) for c in columns[:i]) + 1}"
            continue
        first = columns[seen[role]]
        keep_first = _strength(first, role) <= _strength(column, role)
        loser, loser_i = (column, i) if keep_first else (first, seen[role])
        if not keep_first:
            seen[role] = i
        # The loser's cells may read as a role no column has ('Service delivery deadline': its label
        # found 'service', its cells are time limits): then the cells decide.
        taken = {c.role for c in columns}
        if loser.content and loser.content in MAIN_ROLES and loser.content not in taken:
            findings.append(_finding(f"{_where(loser_i, loser.label)}: a second {role} column by its label; its cells "
                                     f"read as {loser.content}: taken as {loser.content}"))
            loser.role, loser.evidence = loser.content, "content"
            continue
        findings.append(_finding(f"{_where(loser_i, loser.label)}: a second {role} column, kept as an extra field"))
        loser.role = ""


def _name_by_position(columns: list[Column], body: list[list[str]]) -> None:
    """No column is labelled as the name: it is the first untyped column of text, or the
    column whose cells start with their serials."""
    if any(c.role == "service_name" for c in columns):
        return
    for i, column in enumerate(columns):
        cells = [row[i] for row in body if i < len(row)]
        if not column.role and (fused_serials(cells) or any(clean(c) for c in cells)):
            column.role, column.evidence = "service_name", "position"
            return

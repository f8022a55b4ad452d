"""Single-charter problems planted into a table of rows of cells, and the score of the audit on them.

Used on generated charters (``within``) and on real portal pages (``realpages``):
a plant changes one place of a table and says which finding must show it.
"""
from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass, field

# The Bengali consonant opening a word, when a vowel sign follows it.
_FIRST_CONSONANT = re.compile(r"(?<!\S)[\u0995-\u09b9](?=[\u09be-\u09cc])")


@dataclass
class Columns:
    """Where the roles sit in a row (None: the table has no such column)."""
    serial: int | None
    name: int
    documents: int | None
    fee: int | None
    time: int | None
    officer: int | None
    method: int | None = None


@dataclass
class Plant:
    kind: str
    rule: str
    file: str
    section: str
    serial: int | None      # None: the finding is about the section or the charter
    detail: str = ""


@dataclass
class Table:
    """A service table being planted: rows of cells, with which rows merge their officer cell."""
    rows: list[list[str]]
    columns: Columns
    merged: set[int]          # row indexes whose officer cell lies under the one above
    section: str = "citizen"

    def serial(self, r: int) -> int | None:
        """The serial row ``r`` shows; None in a table without serials (its findings have none)."""
        c = self.columns.serial
        if c is None:
            return None
        digits = self.rows[r][c].translate(str.maketrans("০১২৩৪৫৬৭৮৯", "0123456789")).strip(" .।")
        return int(digits) if digits.isdigit() else None


EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
PHONE = re.compile(r"০১[৩-৯][০-৯]{8}|01[3-9][0-9]{8}")


def _rows_with(table: Table, column: int | None, test, used: set[int]) -> list[int]:
    if column is None:
        return []
    # A merged officer cell is written once, in the first of its rows.
    hidden = table.merged if column == table.columns.officer else set()
    return [r for r, row in enumerate(table.rows) if r not in used | hidden and test(row[column])]


def plant_one(rng: random.Random, kind: str, table: Table, used: set[int], file: str) -> Plant | None:
    """Plant one problem of ``kind`` in a row not used yet; None when the table has no place for it."""
    cols = table.columns
    choices = {
        "officer_no_contact": (cols.officer, lambda t: bool(EMAIL.search(t) or PHONE.search(t))),
        "policy_fee": (cols.fee, bool),
        "email_no_at": (cols.officer, lambda t: bool(EMAIL.search(t))),
        "invalid_phone": (cols.officer, lambda t: bool(PHONE.search(t))),
        "lookalike": (cols.name, lambda t: "র" in t),
        "lone_sign": (cols.name, lambda t: bool(_FIRST_CONSONANT.search(t))),
        "escaped_markup": (cols.method if cols.method is not None else cols.name, bool),
        "documents_place": (cols.documents, bool),
        "missing_fee": (cols.fee, bool),
        "duplicate_service": (cols.name, bool),
    }
    if kind in choices:
        column, test = choices[kind]
        rows = _rows_with(table, column, test, used)
        if kind == "duplicate_service":
            rows = [r for r in rows if r > 0]
        if not rows:
            return None
        r = rng.choice(rows)
        used.add(r)
        return _plant_cell(kind, table, r, column, file)
    if kind == "empty_officer":
        rows = [r for r in range(1, len(table.rows)) if r not in used and r not in table.merged
                and r + 1 not in table.merged and table.rows[r][cols.officer]] if cols.officer is not None else []
        if not rows:
            return None
        r = rng.choice(rows)
        used.add(r)
        table.rows[r][cols.officer] = ""
        return Plant(kind, "missing_officer", file, table.section, table.serial(r))
    if kind == "ditto_empty":
        column = cols.documents if cols.documents is not None else cols.time
        rows = [r for r in range(len(table.rows) - 1) if r not in used and r + 1 not in used] if column else []
        if not rows:
            return None
        r = rng.choice(rows)
        used.update({r, r + 1})
        table.rows[r][column], table.rows[r + 1][column] = "", "ঐ"
        return Plant(kind, "ditto_to_empty", file, table.section, table.serial(r + 1))
    if kind == "serial_start" and cols.serial is not None:
        for r, row in enumerate(table.rows):
            row[cols.serial] = str(r + 3).translate(str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯"))
        return Plant(kind, "serial_not_from_one", file, table.section, None)
    return None


RULE_OF = {"officer_no_contact": "officer_no_contact", "policy_fee": "fee_policy_only", "email_no_at": "invalid_email",
           "invalid_phone": "invalid_phone", "lookalike": "lookalike_code_point",
           "lone_sign": "lookalike_code_point", "escaped_markup": "escaped_markup",
           "documents_place": "documents_only_place", "missing_fee": "missing_fee",
           "duplicate_service": "duplicate_service"}


def _plant_cell(kind: str, table: Table, r: int, column: int, file: str) -> Plant:
    row = table.rows[r]
    text = row[column]
    if kind == "officer_no_contact":
        row[column] = re.split(r"[।]|মোবাইল|ফোন|ইমেইল|ই-মেইল|মোবা|Phone|Mobile|E-?mail|[0-9০-৯]{5}", text)[0].strip(" ,;")
    elif kind == "policy_fee":
        row[column] = "বিধি মোতাবেক"
    elif kind == "email_no_at":
        row[column] = text.replace("@", "", 1)
    elif kind == "invalid_phone":
        m = PHONE.search(text)
        row[column] = text[:m.end() - 1] + text[m.end():]
    elif kind == "lookalike":
        row[column] = text.replace("র", "\u09f0", 1)
    elif kind == "lone_sign":
        m = _FIRST_CONSONANT.search(text)
        row[column] = text[:m.start()] + text[m.end():]
    elif kind == "escaped_markup":
        row[column] = f"{text}&nbsp;<br>"
    elif kind == "documents_place":
        row[column] = "উপজেলা ভূমি অফিস, কক্ষ নং ২"
    elif kind == "missing_fee":
        row[column] = ""
    elif kind == "duplicate_service":
        row[column] = table.rows[r - 1][column]
    serial = table.serial(r)
    return Plant(kind, RULE_OF[kind], file, table.section, serial, row[column][:40])


# ------------------------------------------------------------------ score

@dataclass
class Tally:
    """What a set planted, what the audit found of it, and what it reported besides."""
    planted: list
    found: list = field(default_factory=list)
    missed: list = field(default_factory=list)
    false_positives: list[dict] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)

    def describe(self, planted) -> str:
        return str(planted)

    def summary(self) -> str:
        share = len(self.found) / len(self.planted) if self.planted else 0
        lines = [f"planted {len(self.planted)}, found {len(self.found)} ({share:.0%}), missed {len(self.missed)}, "
                 f"false positives {len(self.false_positives)}"]
        lines += [f"  missed {self.describe(p)}" for p in self.missed]
        lines += [f"  false positive {r['rule']} {r['charter_id']} {r['section']} {r['serial']}: {r['message'][:160]}"
                  for r in self.false_positives]
        return "\n".join(lines + ([f"  counts: {dict(sorted(self.counts.items()))}"] if self.counts else []))


def shows(row: dict, plant: Plant, charter_id: str) -> bool:
    """Whether an audit.csv row reports a planted problem at its place."""
    if row["rule"] != plant.rule or row["charter_id"] != charter_id:
        return False
    if plant.serial is None:
        return True
    if row["section"] == plant.section and row["serial"] == str(plant.serial):
        return True
    # A grouped finding lists every place: 'in citizen 1, 4, 7'.
    listed = re.search(rf"{plant.section} ((?:[0-9?]+(?:, )?)+)", row["message"])
    return bool(listed and str(plant.serial) in listed.group(1).split(", "))

"""The charter's reading order, shared by every writer.

Each writer walks ``blocks(spec)`` and draws paragraphs and tables its own
way, so DOCX, HTML and text copies cannot drift apart in content.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Union

from .specs import (GRIEVANCE_HEADER, SECTION_TITLES, SECTIONS, SERVICE_HEADER, CharterSpec, bn)

HEADINGS = {
    "bn": {"vm": "১. ভিশন ও মিশন", "vision": "ভিশন", "mission": "মিশন", "services": "২. প্রতিশ্রুত সেবাসমূহ",
           "grievance": "৩. অভিযোগ প্রতিকার ব্যবস্থাপনা (GRS)",
           "grievance_note": "সেবা প্রাপ্তিতে অসন্তুষ্ট হলে দায়িত্বপ্রাপ্ত কর্মকর্তার সঙ্গে যোগাযোগ করুন। "
                             "তিনি সমাধান দিতে ব্যর্থ হলে নিম্নোক্ত পদ্ধতিতে যোগাযোগ করে আপনার সমস্যা অবহিত করুন।",
           "expectations": "৪. আপনার কাছে আমাদের প্রত্যাশা"},
    "en": {"vm": "1. Vision and Mission", "vision": "Vision", "mission": "Mission",
           "services": "2. Services Promised", "grievance": "3. Grievance Redress System (GRS)",
           "grievance_note": "If you are not satisfied with a service, contact the responsible officer first; "
                             "if the problem is not solved, contact as below.",
           "expectations": "4. What We Expect From You"},
}


@dataclass
class Para:
    text: str
    kind: str = "body"         # title | heading | body | item


@dataclass
class TableCell:
    lines: list[str]
    rowspan: int = 1
    covered: bool = False      # lies under a merged cell started above or to the left
    colspan: int = 1


@dataclass
class TableRow:
    cells: list[TableCell]
    key: Optional[tuple[str, int]] = None   # (section, serial) of a service row


@dataclass
class TableBlock:
    kind: str                  # service | grievance
    header: list[str]
    numbers: Optional[list[str]]            # the column-number row
    rows: list[TableRow]
    # The header rows as drawn, when they are not one row of ``header`` with ``numbers`` below it
    # (a grouped two-row header, a number row above the header); every row has one cell per column.
    head: Optional[list[list[TableCell]]] = None
    widths: Optional[list[float]] = None    # share of the text width per column

    def head_rows(self) -> list[list[TableCell]]:
        if self.head is not None:
            return self.head
        rows = [[TableCell([h]) for h in self.header]]
        return rows + ([[TableCell([n]) for n in self.numbers]] if self.numbers else [])


Block = Union[Para, TableBlock]


def digits(language: str, value: int) -> str:
    return bn(value) if language == "bn" else str(value)


def service_table(spec: CharterSpec, section: str) -> TableBlock:
    services = spec.section_services(section)
    rows = []
    for i, s in enumerate(services):
        starts_group = i == 0 or services[i - 1].officer_group != s.officer_group
        span = sum(1 for t in services[i:] if t.officer_group == s.officer_group) if starts_group else 1
        officer = TableCell(s.officer.lines, rowspan=span) if starts_group else TableCell([], covered=True)
        cells = [TableCell([digits(spec.language, s.serial)]), TableCell([s.name]), TableCell(s.method),
                 TableCell(s.documents), TableCell([s.fee_text]), TableCell([s.time_text]), officer]
        rows.append(TableRow(cells, key=(section, s.serial)))
    numbers = [digits(spec.language, n) for n in range(1, 8)]
    return TableBlock("service", SERVICE_HEADER[spec.language], numbers, rows)


def grievance_table(spec: CharterSpec) -> TableBlock:
    rows = [TableRow([TableCell([digits(spec.language, g.serial)]), TableCell([g.when]),
                      TableCell(g.officer_lines), TableCell([g.address]), TableCell([g.resolution])])
            for g in spec.grievance]
    return TableBlock("grievance", GRIEVANCE_HEADER[spec.language], None, rows)


def expectation_marker(language: str, n: int) -> str:
    return f"{digits(language, n)}) "


def blocks(spec: CharterSpec, tables: Optional[dict[str, TableBlock]] = None) -> list[Block]:
    """The charter in reading order; ``tables`` (section -> service table, in order) replaces the
    spec's own 7-column tables."""
    if tables is None:
        tables = {section: service_table(spec, section) for section in SECTIONS}
    h = HEADINGS[spec.language]
    out: list[Block] = [Para(t, "title") for t in spec.title_lines]
    out += [Para(h["vm"], "heading"), Para(h["vision"], "heading"), Para(spec.vision),
            Para(h["mission"], "heading"), Para(spec.mission), Para(h["services"], "heading")]
    for section, table in tables.items():
        out += [Para(SECTION_TITLES[spec.language][section], "heading"), table]
    out += [Para(h["grievance"], "heading"), Para(h["grievance_note"]), grievance_table(spec),
            Para(h["expectations"], "heading")]
    out += [Para(expectation_marker(spec.language, n) + e, "item") for n, e in enumerate(spec.expectations, 1)]
    return out

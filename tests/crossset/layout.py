"""A generated charter as data (title, sections of rows of cells, GRS rows) and its two writers.

The text copy is what readers/text.py reads (tab-separated cells, a blank line
inside a table is a page break); the HTML page is a portal table, where a merged
officer cell is a rowspan and an empty one is an empty <td>.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field

BANGLA_DIGITS = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")
SERVICE_HEADER = ["ক্রমিক নং", "সেবার নাম", "সেবা প্রদান পদ্ধতি", "প্রয়োজনীয় কাগজপত্র", "সেবার মূল্য",
                  "সেবা প্রদানের সময়সীমা", "দায়িত্বপ্রাপ্ত কর্মকর্তা (নাম, পদবি, ফোন ও ইমেইল)"]
GRS_HEADER = ["ক্রমিক নং", "কখন যোগাযোগ করবেন", "কার সঙ্গে যোগাযোগ করবেন", "যোগাযোগের ঠিকানা",
              "নিষ্পত্তির সময়সীমা"]
OFFICER = 6      # column of the officer in SERVICE_HEADER


def bn(value) -> str:
    return str(value).translate(BANGLA_DIGITS)


@dataclass
class Row:
    cells: list[str]
    # The row is cut by a page break after these many cells' first halves (text copies only).
    split: bool = False
    # The officer cell is covered by the merged cell of the row above (HTML rowspan).
    merged_officer: bool = False


@dataclass
class Section:
    heading: str
    rows: list[Row]


@dataclass
class Layout:
    title: list[str]
    vision: str
    mission: str
    sections: list[Section]
    grievance: list[list[str]]
    expectations: list[str]
    header: list[str] = field(default_factory=lambda: list(SERVICE_HEADER))


# ------------------------------------------------------------------ text copy

def _text_rows(row: Row) -> list[str]:
    if not row.split:
        return ["\t".join(row.cells)]
    # The documents cell is cut in two by the page break; the rest of it opens the next page.
    first, second = list(row.cells), [""] * len(row.cells)
    words = row.cells[3].split()
    cut = max(1, len(words) // 2)
    first[3], second[3] = " ".join(words[:cut]), " ".join(words[cut:])
    return ["\t".join(first), "", "\t".join(second)]


def to_text(layout: Layout) -> str:
    lines = list(layout.title) + ["", "১. ভিশন ও মিশন", f"ভিশন: {layout.vision}", f"মিশন: {layout.mission}", "",
                                  "২. প্রতিশ্রুত সেবাসমূহ"]
    for section in layout.sections:
        lines += ["", section.heading, "\t".join(layout.header)]
        for row in section.rows:
            lines += _text_rows(row)
    lines += ["", "৩. অভিযোগ প্রতিকার ব্যবস্থাপনা (GRS)", "\t".join(GRS_HEADER)]
    lines += ["\t".join(r) for r in layout.grievance]
    lines += ["", "৪. আপনার কাছে আমাদের প্রত্যাশা", "ক্রমিক নং\tপ্রতিশ্রুত/কাঙ্ক্ষিত সেবা প্রাপ্তির লক্ষ্যে করণীয়"]
    lines += [f"{bn(i)}\t{text}" for i, text in enumerate(layout.expectations, 1)]
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------ portal page

def _td(text: str, extra: str = "") -> str:
    return f"<td{extra}>{html.escape(text)}</td>"


def _service_rows(rows: list[Row]) -> list[str]:
    out = []
    for i, row in enumerate(rows):
        span = 1
        while i + span < len(rows) and rows[i + span].merged_officer:
            span += 1
        cells = [_td(c) for c in row.cells[:OFFICER]]
        if not row.merged_officer:
            cells.append(_td(row.cells[OFFICER], f' rowspan="{span}"' if span > 1 else ""))
        out.append("<tr>" + "".join(cells) + "</tr>")
    return out


def _table(header: list[str], body: list[str]) -> str:
    head = "<tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in header) + "</tr>"
    return "<table border=\"1\">" + head + "".join(body) + "</table>"


def to_html(layout: Layout) -> str:
    parts = [f"<p>{html.escape(line)}</p>" for line in layout.title]
    parts += ["<h2>১. ভিশন ও মিশন</h2>", f"<p>ভিশন: {html.escape(layout.vision)}</p>",
              f"<p>মিশন: {html.escape(layout.mission)}</p>", "<h2>২. প্রতিশ্রুত সেবাসমূহ</h2>"]
    for section in layout.sections:
        parts += [f"<h3>{html.escape(section.heading)}</h3>", _table(layout.header, _service_rows(section.rows))]
    parts += ["<h2>৩. অভিযোগ প্রতিকার ব্যবস্থাপনা (GRS)</h2>",
              _table(GRS_HEADER, ["<tr>" + "".join(_td(c) for c in r) + "</tr>" for r in layout.grievance])]
    parts += ["<h2>৪. আপনার কাছে আমাদের প্রত্যাশা</h2>",
              _table(["ক্রমিক নং", "করণীয়"], [f"<tr>{_td(bn(i))}{_td(t)}</tr>"
                                               for i, t in enumerate(layout.expectations, 1)])]
    return ("<!DOCTYPE html><html lang=\"bn\"><head><meta charset=\"utf-8\"><title>সিটিজেন চার্টার</title></head>"
            "<body>" + "\n".join(parts) + "</body></html>\n")

"""The audit report people read: ``charter audit processed/ --format md|html|csv|text``.

Reads what a run wrote (audit.csv, charters.csv, cross_charter.csv), filters it
(rule, severity, office type) and lays it out: counts per rule and severity, a
one-page summary per office type (the many-upazila view), then the findings of
each charter grouped by rule. The layout is built once as blocks and rendered
as Markdown or HTML.
"""
from __future__ import annotations

import csv
import html
import io
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from .cross import COMMON_SHARE

SEVERITIES = ["error", "warning", "info"]
AUDIT_COLUMNS = ["charter_id", "source_file", "rule", "severity", "section", "serial", "field", "message"]
CROSS_RULES = ["above_peers", "paid_where_peers_free", "missing_common_service", "contact_in_other_upazila",
               "officer_in_other_upazila", "foreign_place_name"]
# Services of an office type shown in its summary: those with outliers or offices lacking them, up to this many.
SUMMARY_SERVICES = 15


class NoRunError(Exception):
    """The folder holds no run to report on."""


@dataclass
class Filters:
    rules: set[str] | None = None
    severities: set[str] | None = None
    office_types: set[str] | None = None


def _read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def load(folder: Path) -> tuple[list[dict], dict[str, dict], list[dict]]:
    """(audit rows, charters by id, cross_charter rows) of a run; NoRunError if there is none."""
    folder = Path(folder)
    if not (folder / "charters").is_dir() or not any((folder / "charters").glob("*.json")):
        raise NoRunError(f"{folder}: no run here (no records in {folder / 'charters'}): run `charter run` first")
    if not (folder / "audit.csv").exists() or not (folder / "charters.csv").exists():
        raise NoRunError(f"{folder}: the run wrote no audit.csv or charters.csv: run `charter audit --write {folder}`")
    cross = folder / "cross_charter.csv"
    return (_read(folder / "audit.csv"), {r["charter_id"]: r for r in _read(folder / "charters.csv")},
            _read(cross) if cross.exists() else [])


def select(rows: list[dict], charters: dict[str, dict], filters: Filters) -> list[dict]:
    def kind(row: dict) -> str:
        return charters.get(row["charter_id"], {}).get("office_type", "")
    return [r for r in rows if (not filters.rules or r["rule"] in filters.rules)
            and (not filters.severities or r["severity"] in filters.severities)
            and (not filters.office_types or kind(r) in filters.office_types)]


# ------------------------------------------------------------------ blocks

Block = tuple  # ("h1"|"h2"|"h3", text) | ("p", text) | ("table", header, rows) | ("ul", items)


def _counts_table(rows: list[dict]) -> Block:
    counts = Counter((r["rule"], r["severity"]) for r in rows)
    rules = sorted({r["rule"] for r in rows}, key=lambda rule: (-sum(counts[(rule, s)] for s in SEVERITIES), rule))
    body = [[rule] + [str(counts[(rule, s)] or "") for s in SEVERITIES] + [str(sum(counts[(rule, s)]
                                                                                  for s in SEVERITIES))]
            for rule in rules]
    return ("table", ["rule"] + SEVERITIES + ["total"], body)


def _totals(rows: list[dict]) -> str:
    counts = Counter(r["severity"] for r in rows)
    charters = len({r["charter_id"] for r in rows})
    return (f"{len(rows)} findings in {charters} charters ("
            + ", ".join(f"{s} {counts[s]}" for s in SEVERITIES if counts[s]) + ")")


def _office_summary(kind: str, rows: list[dict], charters: dict[str, dict], cross: list[dict]) -> list[Block]:
    members = [c for c in charters.values() if c.get("office_type") == kind]
    upazilas = {c["upazila"] for c in members if c["upazila"]}
    districts = {c["district"] for c in members if c["district"]}
    mine = [r for r in rows if charters.get(r["charter_id"], {}).get("office_type") == kind]
    blocks: list[Block] = [("h3", f"{kind}: {len(members)} charters, {len(upazilas)} upazilas, "
                                  f"{len(districts)} districts"), ("p", _totals(mine) if mine else "no findings")]
    if mine:
        blocks.append(_counts_table(mine))
    services = [c for c in cross if c["office_type"] == kind and (c["fee_outliers"] or c["time_outliers"]
                                                                     or c["missing_from"])]
    if services:
        blocks.append(("p", f"Services where offices differ (outliers above 1.5 x the median; lacking: a service "
                            f"{COMMON_SHARE:.0%} of the other offices list):"))
        blocks.append(("table", ["service", "charters", "median fee", "fee outliers", "median days",
                                 "time outliers", "lacking"],
                       [[f"{c['canonical_name']} ({c['service_key']})", f"{c['charters']}/{c['charters_of_type']}",
                         c["fee_median_bdt"], _short(c["fee_outliers"]), c["time_median_days"],
                         _short(c["time_outliers"]), _short(c["missing_from"])]
                        for c in services[:SUMMARY_SERVICES]]))
    deviations = [r for r in mine if r["rule"] in CROSS_RULES]
    if deviations:
        blocks.append(("ul", [f"{r['charter_id']}: {r['rule']}: {r['message']}" for r in deviations]))
    return blocks


def _short(ids: str) -> str:
    return ", ".join(ids.split(";")) if ids else ""


def _charter_blocks(charter_id: str, rows: list[dict], charters: dict[str, dict]) -> list[Block]:
    info = charters.get(charter_id, {})
    where = ", ".join(x for x in (info.get("office_type"), info.get("upazila"), info.get("district")) if x)
    by_rule: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_rule[r["rule"]].append(r)
    items = []
    for rule, found in by_rule.items():
        for r in found:
            place = " ".join(x for x in (r["section"], r["serial"], r["field"]) if x)
            items.append(f"{rule} ({r['severity']}){' ' + place if place else ''}: {r['message']}")
    return [("h3", f"{charter_id} ({where or 'unknown office'})"), ("p", info.get("source_file", "")), ("ul", items)]


def blocks(rows: list[dict], charters: dict[str, dict], cross: list[dict], title: str) -> list[Block]:
    out: list[Block] = [("h1", title), ("p", _totals(rows)), ("h2", "Findings per rule and severity"),
                        _counts_table(rows), ("h2", "Office types")]
    kinds = sorted({charters.get(r["charter_id"], {}).get("office_type", "other") for r in rows})
    for kind in kinds:
        out += _office_summary(kind, rows, charters, cross)
    out.append(("h2", "Findings by charter"))
    by_charter: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_charter[r["charter_id"]].append(r)
    for charter_id in sorted(by_charter):
        out += _charter_blocks(charter_id, by_charter[charter_id], charters)
    return out


# ------------------------------------------------------------------ renderers

def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown(doc: list[Block]) -> str:
    out = []
    for block in doc:
        kind = block[0]
        if kind in ("h1", "h2", "h3"):
            out.append(f"{'#' * int(kind[1])} {block[1]}\n")
        elif kind == "p":
            out.append(f"{block[1]}\n")
        elif kind == "ul":
            out.append("\n".join(f"- {_md_cell(item)}" for item in block[1]) + "\n")
        else:
            header, body = block[1], block[2]
            lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
            lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in body]
            out.append("\n".join(lines) + "\n")
    return "\n".join(out)


def to_html(doc: list[Block]) -> str:
    out = []
    for block in doc:
        kind = block[0]
        if kind in ("h1", "h2", "h3", "p"):
            out.append(f"<{kind}>{html.escape(block[1])}</{kind}>")
        elif kind == "ul":
            out.append("<ul>" + "".join(f"<li>{html.escape(item)}</li>" for item in block[1]) + "</ul>")
        else:
            head = "".join(f"<th>{html.escape(h)}</th>" for h in block[1])
            body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in block[2])
            out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    style = "body{font-family:'Noto Sans Bengali',sans-serif;max-width:80em;margin:auto}td,th{border:1px solid #ccc;" \
            "padding:2px 6px;vertical-align:top}table{border-collapse:collapse}"
    return ("<!DOCTYPE html>\n<html lang=\"bn\"><head><meta charset=\"utf-8\"><title>Audit</title>"
            f"<style>{style}</style></head><body>\n" + "\n".join(out) + "\n</body></html>\n")


def to_csv(rows: list[dict], charters: dict[str, dict]) -> str:
    buffer = io.StringIO()
    columns = AUDIT_COLUMNS + ["office_type", "upazila", "district"]
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n", extrasaction="ignore")
    writer.writeheader()
    for r in rows:
        info = charters.get(r["charter_id"], {})
        writer.writerow({**r, **{k: info.get(k, "") for k in ("office_type", "upazila", "district")}})
    return buffer.getvalue()


def to_text(rows: list[dict]) -> str:
    lines = []
    for row in rows:
        where = " ".join(x for x in (row["section"], row["serial"], row["field"]) if x)
        lines.append(f"{row['severity']:<7} {row['rule']:<28} {row['charter_id']}  {where + ': ' if where else ''}"
                     f"{row['message']}")
    return "\n".join(lines + [_totals(rows) if rows else "0 findings"]) + "\n"


def report(folder: Path, fmt: str = "text", filters: Filters | None = None) -> str:
    """The audit of a run folder in one format (text, md, html, csv)."""
    rows, charters, cross = load(folder)
    rows = select(rows, charters, filters or Filters())
    if filters and filters.office_types:
        charters = {k: v for k, v in charters.items() if v.get("office_type") in filters.office_types}
    if fmt == "csv":
        return to_csv(rows, charters)
    if fmt == "text":
        return to_text(rows)
    doc = blocks(rows, charters, cross, f"Audit of {Path(folder).name}")
    return markdown(doc) if fmt == "md" else to_html(doc)

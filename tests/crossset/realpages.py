"""Real portal pages (the excerpts in ../shared/realdata) as portal tables, with planted problems.

The pipeline's text-view reader gives each excerpt's first table (the excerpts are
page text as a browser shows it). Each page is written back as an HTML table with
its own title lines, once as it is (the baseline) and once per planted problem; a
problem counts as found when its finding is in the planted copy at its place and
was not there before.

    python -m tests.crossset.realpages [--split dev|holdout|all]
"""
from __future__ import annotations

import argparse
import csv
import html
import random
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pipeline.api import charter_id, run
from pipeline.extract import extract
from pipeline.model import Line, RepairedTable
from pipeline.repair import repair

from .plant import Columns, Plant, Table, plant_one, shows

def _realdata() -> Path:
    """../shared/realdata beside the repository (a worktree may sit one or two folders deeper)."""
    root = Path(__file__).resolve().parents[2]
    return next((p / "shared" / "realdata" for p in root.parents if (p / "shared" / "realdata").is_dir()),
                root.parent / "shared" / "realdata")


REALDATA = _realdata()
# The excerpts the other fixtures keep back (tests/fixtures/portal, brief H6).
HOLDOUT = {"02", "06", "08", "17", "33", "38", "41", "45"}
KINDS = ["officer_no_contact", "policy_fee", "serial_start", "duplicate_service", "email_no_at", "lookalike",
         "lone_sign", "malformed_website", "escaped_markup", "documents_place", "empty_officer", "ditto_empty",
         "invalid_phone", "missing_fee"]
_URL_LINE = re.compile(r"(?:https?:?/*|www\.)\S+|\S+\.gov\.bd\S*", re.IGNORECASE)


@dataclass
class Page:
    name: str
    title: list[str]
    header: list[str]
    rows: list[list[str]]
    columns: Columns


def _columns(roles: list[str]) -> Columns | None:
    def at(role: str) -> int | None:
        return roles.index(role) if role in roles else None
    name = at("service_name")
    return None if name is None else Columns(serial=at("serial"), name=name, documents=at("documents"),
                                             fee=at("fee"), time=at("time_limit"), officer=at("officer"),
                                             method=at("method"))


def _page(path: Path, work: Path) -> Page | None:
    """The excerpt's first service table as the pipeline reads and repairs it (header,
    column roles, rows), with its title lines; the row the excerpt cuts off keeps the
    cells it shows."""
    lines = path.read_text(encoding="utf-8").split("\n")
    text = work / f"{path.stem}.txt"
    text.write_text("\n".join(lines[next(i for i, l in enumerate(lines) if l.startswith("# ----")) + 1:]),
                    encoding="utf-8")
    blocks = repair(extract(text)).blocks
    table = next((b for b in blocks if isinstance(b, RepairedTable) and b.kind == "services"), None)
    columns = _columns(table.roles) if table is not None else None
    if columns is None or not table.rows:
        return None
    rows = [[" ".join(row.values.get(role, "").split()) for role in table.roles] for row in table.rows]
    title = [b.text for b in blocks[:blocks.index(table)] if isinstance(b, Line)]
    return Page(path.stem, title, table.header_text or table.roles, rows, columns)


def pages(split: str = "all") -> list[Page]:
    """The excerpts whose service table shows a complete row."""
    out = []
    with tempfile.TemporaryDirectory() as work:
        for path in sorted(REALDATA.glob("[0-9]*.txt")):
            if split != "all" and (path.name[:2] in HOLDOUT) != (split == "holdout"):
                continue
            page = _page(path, Path(work))
            if page is not None:
                out.append(page)
    return out


def to_html(page: Page, title: list[str], rows: list[list[str]]) -> str:
    head = "<tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in page.header) + "</tr>"
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    lines = "".join(f"<p>{html.escape(line)}</p>" for line in title)
    return (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>{lines}"
            f"<table border=\"1\">{head}{body}</table></body></html>\n")


def _plant_title(page: Page, file: str) -> tuple[list[str], Plant] | None:
    for i, line in enumerate(page.title):
        m = _URL_LINE.search(line)
        if m and "@" not in line:
            host = re.sub(r"^(?:https?:?/*|www\.)", "", m.group(0), flags=re.IGNORECASE)
            title = list(page.title)
            title[i] = line[:m.start()] + "http//:" + host + line[m.end():]
            return title, Plant("malformed_website", "malformed_website", file, "", None, title[i])
    return None


def build(out: Path, split: str, seed: int = 9) -> tuple[list[Plant], list[str]]:
    """Baselines and one planted copy per page and kind; returns the plants and the pages used."""
    rng = random.Random(seed)
    plants, used_pages = [], []
    out.mkdir(parents=True, exist_ok=True)
    for page in pages(split):
        used_pages.append(page.name)
        (out / f"{page.name}--baseline.html").write_text(to_html(page, page.title, page.rows), encoding="utf-8")
        for kind in KINDS:
            file = f"{page.name}--{kind}.html"
            rows = [list(r) for r in page.rows]
            title = page.title
            if kind == "malformed_website":
                planted = _plant_title(page, file)
                if planted is None:
                    continue
                title, plant = planted
            else:
                plant = plant_one(rng, kind, Table(rows, page.columns, set()), set(), file)
                if plant is None:
                    continue
            (out / file).write_text(to_html(page, title, rows), encoding="utf-8")
            plants.append(plant)
    return plants, used_pages


def score(plants: list[Plant], out: Path) -> tuple[list[Plant], list[Plant], list[Plant]]:
    """(found, missed, already reported in the baseline)."""
    with open(out / "audit.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    found, missed, there = [], [], []
    for p in plants:
        baseline = charter_id(p.file.split("--")[0] + "--baseline.html")
        if any(shows(row, p, baseline) for row in rows):
            there.append(p)
        elif any(shows(row, p, charter_id(p.file)) for row in rows):
            found.append(p)
        else:
            missed.append(p)
    return found, missed, there


def run_pages(split: str, work: Path) -> tuple[list[Plant], list[Plant], list[Plant], list[str]]:
    plants, used = build(work / "set", split)
    run([work / "set"], work / "out", jobs=2, report=lambda line: None)
    return (*score(plants, work / "out"), used)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=["dev", "holdout", "all"], default="all")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        found, missed, there, used = run_pages(args.split, Path(work))
    counted = len(found) + len(missed)
    print(f"pages {len(used)}: {', '.join(used)}")
    print(f"planted {counted} (+{len(there)} already reported before planting), found {len(found)} "
          f"({len(found) / counted:.0%})" if counted else "nothing planted")
    for p in missed:
        print(f"  missed {p.kind} in {p.file} {p.section} {p.serial}: {p.detail}")


if __name__ == "__main__":
    main()

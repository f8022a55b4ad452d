"""Generated charters (portal HTML) with planted single-charter problems, and the audit's score on them.

    python -m tests.crossset.within --seed 5 [-n 20]

Every charter gets three problems of different kinds; merged officer cells
(rowspan) are natural variation that must not be reported.
"""
from __future__ import annotations

import argparse
import csv
import random
import tempfile
from pathlib import Path

from pipeline.api import charter_id, run

from .generate import layout, offices
from .layout import OFFICER, Layout, to_html
from .plant import Columns, Plant, Table, Tally, plant_one, shows

KINDS = ["officer_no_contact", "grs_no_contact", "policy_fee", "serial_start", "duplicate_service", "email_no_at",
         "lookalike", "lone_sign", "malformed_website", "escaped_markup", "documents_place", "empty_officer",
         "ditto_empty", "invalid_phone", "missing_fee"]
PER_CHARTER = 3
# The rules a planted problem may come from; a finding of one of these at a place
# nothing was planted is a false positive.
PLANTED_RULES = {"officer_no_contact", "fee_policy_only", "serial_not_from_one", "duplicate_service",
                 "invalid_email", "lookalike_code_point", "malformed_website", "escaped_markup",
                 "documents_only_place", "missing_officer", "ditto_to_empty", "invalid_phone",
                 "missing_fee"}
COLUMNS = Columns(serial=0, name=1, method=2, documents=3, fee=4, time=5, officer=OFFICER)


class Result(Tally):
    """counts: (kind, found) -> plants."""

    def describe(self, p: Plant) -> str:
        return f"{p.kind} in {p.file} {p.section} {p.serial}: {p.detail}"


def _plant_page(rng: random.Random, kind: str, page: Layout, file: str) -> Plant | None:
    """The problems that sit outside the service table: the title block and the GRS table."""
    if kind == "malformed_website":
        page.title[3] = "http//:" + page.title[3].removeprefix("www.")
        return Plant(kind, "malformed_website", file, "", None, page.title[3])
    if kind == "grs_no_contact":
        page.grievance[0][3] = page.grievance[0][3].split("।")[0]
        return Plant(kind, "officer_no_contact", file, "grievance", 1)
    return None


def _merge_officers(rng: random.Random, rows: list[list[str]]) -> set[int]:
    """Rows whose officer is the one above, written once in a merged (rowspan) cell."""
    return {r for r in range(1, len(rows)) if rows[r][OFFICER] == rows[r - 1][OFFICER] and rng.random() < 0.7}


def build(seed: int, out: Path, n: int = 20) -> list[Plant]:
    rng = random.Random(seed)
    plants = []
    out.mkdir(parents=True, exist_ok=True)
    kinds = iter(KINDS * (n * PER_CHARTER // len(KINDS) + 1))
    for k, office in enumerate(offices(rng, n, heldout=False)):
        office.services.sort(key=lambda s: s["officer"])      # offices list one officer's services together
        page = layout(office, seed, rng)
        section = page.sections[0]
        file = f"within-{k:02d}.html"
        rows = [row.cells for row in section.rows]
        table = Table(rows, COLUMNS, _merge_officers(rng, rows))
        used: set[int] = set()
        # Renumbering first, so the other problems are placed by the serials the charter shows.
        for kind in sorted((next(kinds) for _ in range(PER_CHARTER)), key=lambda k: k != "serial_start"):
            planted = _plant_page(rng, kind, page, file) or plant_one(rng, kind, table, used, file)
            plants += [planted] if planted else []
        for r, row in enumerate(section.rows):
            row.merged_officer = r in table.merged and bool(row.cells[OFFICER])
            row.split = False
        (out / file).write_text(to_html(page), encoding="utf-8")
    return plants


def score(plants: list[Plant], out: Path) -> Result:
    with open(out / "audit.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    result = Result(plants)
    explained: set[int] = set()
    for p in plants:
        hits = [i for i, row in enumerate(rows) if shows(row, p, charter_id(p.file))]
        (result.found if hits else result.missed).append(p)
        result.counts[(p.kind, bool(hits))] += 1
        explained.update(hits)
    result.false_positives = [row for i, row in enumerate(rows) if row["rule"] in PLANTED_RULES
                              and i not in explained]
    return result


def run_within(seed: int, work: Path, n: int = 20) -> Result:
    plants = build(seed, work / "set", n)
    run([work / "set"], work / "out", jobs=2, report=lambda line: None)
    return score(plants, work / "out")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("-n", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        result = run_within(args.seed, Path(work), args.n)
        print(result.summary())


if __name__ == "__main__":
    main()

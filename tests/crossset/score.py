"""Score the audit on a generated set: which planted deviations it found, and what else it said.

    python -m tests.crossset.score --seed 11 [--heldout]   # generate, run the pipeline, print the figures
"""
from __future__ import annotations

import argparse
import csv
import json
import tempfile
from pathlib import Path

from pipeline.api import charter_id, run
from pipeline.audit.report import CROSS_RULES

from .generate import generate
from .plant import Tally

# What shows each planted kind: (rules, text the message must hold).
SHOWN_BY = {
    "fee_above_peers": ({"above_peers"}, "fee_bdt {detail} taka"),
    "time_above_peers": ({"above_peers"}, "time_limit_days {detail} days"),
    "paid_where_peers_free": ({"paid_where_peers_free"}, "costs {detail} taka"),
    "missing_common_service": ({"missing_common_service"}, "({service_key})"),
    "shared_phone": ({"contact_in_other_upazila", "officer_in_other_upazila"}, "{detail}"),
    "shared_email": ({"contact_in_other_upazila", "officer_in_other_upazila"}, "{detail}"),
    "officer_copied": ({"officer_in_other_upazila"}, "{detail}"),
    "foreign_upazila": ({"foreign_place_name"}, "'{detail}'"),
    "foreign_district": ({"foreign_place_name"}, "'{detail}'"),
}


class Score(Tally):
    """counts: the findings of the one-charter rules, which the deviations may bring along."""

    def describe(self, planted: dict) -> str:
        return f"{planted['kind']} in {planted['file']} ({planted['detail'] or planted['service_key']})"


def _shows(row: dict, planted: dict, file: str) -> bool:
    rules, text = SHOWN_BY[planted["kind"]]
    return (row["rule"] in rules and row["charter_id"] == charter_id(file)
            and text.format(**planted) in row["message"])


def score(folder: Path, out: Path) -> Score:
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    with open(out / "audit.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    result = Score(truth["planted"])
    explained: set[int] = set()
    for planted in truth["planted"]:
        hits = [i for i, r in enumerate(rows) if _shows(r, planted, planted["file"])]
        (result.found if hits else result.missed).append(planted)
        explained.update(hits)
        if planted["source"]:       # the office it was copied from is named by the same finding
            explained.update(i for i, r in enumerate(rows) if _shows(r, planted, planted["source"]))
    for i, row in enumerate(rows):
        if row["rule"] in CROSS_RULES and i not in explained:
            result.false_positives.append(row)
        elif row["rule"] not in CROSS_RULES:
            result.counts[row["rule"]] += 1
    return result


def run_set(seed: int, heldout: bool, work: Path, n: int = 36, totals: bool = False) -> Score:
    folder, out = work / "set", work / "out"
    generate(seed, folder, n=n, heldout=heldout, totals=totals)
    run([folder], out, jobs=2, report=lambda line: None)
    return score(folder, out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--heldout", action="store_true")
    parser.add_argument("-n", type=int, default=36)
    parser.add_argument("--totals", action="store_true", help="fee cells that state their items and the total")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        print(run_set(args.seed, args.heldout, Path(work), args.n, args.totals).summary())


if __name__ == "__main__":
    main()

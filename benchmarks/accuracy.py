"""Field accuracy of the pipeline and two table-extraction peers on the rendered PDF corpus.

    python benchmarks/accuracy.py [--corpus DIR] [--json OUT] [--systems pipeline,camelot-lattice,...]

Services are matched to the truth by (section, serial); the first service a system
returns for a key is the one compared, any other counts against precision. A field
is right when it equals the truth exactly after NFC and whitespace collapse (phones
and emails as sets); a missed service counts as wrong in every field, so field
accuracy is over all truth services. A split row is joined when its service is found
with name, delivery method and documents all right. CER is the Levenshtein distance
over the truth length, text fields of matched services, NFC, whitespace removed
(the Levenshtein is our own, in common.py).
"""
from __future__ import annotations

import argparse
import collections
import json
import pathlib
import sys
import time
from dataclasses import dataclass

from common import (DEFAULT_CORPUS, SERVICE_READERS, Sample, ServiceCounts, bare, corpus, levenshtein, percent, squash,
                    table)
from peers import SYSTEMS, charters

from pipeline.model import Charter, Service

FIELDS = SERVICE_READERS
TEXT_FIELDS = ["service_name", "delivery_method", "required_documents", "fee_text", "time_limit_text",
               "officer_name", "officer_designation"]
SPLIT_FIELDS = ["service_name", "delivery_method", "required_documents"]


@dataclass
class Score(ServiceCounts):
    """Counts for one system over any set of PDFs; they add up."""
    splits: int = 0
    splits_joined: int = 0
    edits: int = 0
    chars: int = 0

    def field_accuracy(self, name: str | None = None) -> float:
        if name:
            return self.right[name] / self.truth if self.truth else 0.0
        return sum(self.right.values()) / (self.truth * len(FIELDS)) if self.truth else 0.0

    def summary(self) -> dict:
        return {**self.counts(), "field_accuracy": self.field_accuracy(),
                "fields": {f: self.field_accuracy(f) for f in FIELDS},
                "split_rows": self.splits, "split_rows_joined": self.splits_joined,
                "cer": self.edits / self.chars if self.chars else None}


def comparable(name: str, value):
    if name in ("officer_phones", "officer_emails"):
        return frozenset(squash(v) for v in value or [])
    if name in ("fee_bdt", "time_limit_days"):
        return None if value is None else float(value)
    return squash(value)


def by_key(services: list[Service]) -> dict[tuple, Service]:
    keyed: dict[tuple, Service] = {}
    for service in services:
        keyed.setdefault((service.section, service.serial), service)
    return keyed


def score(sample: Sample, charter: Charter | Exception, mismatches: collections.Counter | None) -> Score:
    truth = sample.truth["services"]
    result = Score(files=1, truth=len(truth), splits=len(sample.truth.get("split_rows", [])))
    if isinstance(charter, Exception):
        result.failed = 1
        return result
    result.found = len(charter.services)
    got = by_key(charter.services)
    right_keys: dict[tuple, set[str]] = {}
    for expected in truth:
        key = (expected["section"], expected["serial"])
        service = got.get(key)
        if service is None:
            continue
        result.matched += 1
        right_keys[key] = set()
        for name, read in FIELDS.items():
            want, have = comparable(name, expected[name]), comparable(name, read(service))
            if want == have:
                result.right[name] += 1
                right_keys[key].add(name)
            elif mismatches is not None:
                mismatches[(name, _shown(want), _shown(have))] += 1
        for name in TEXT_FIELDS:
            want, have = bare(expected[name]), bare(FIELDS[name](service))
            result.edits += levenshtein(want, have)
            result.chars += len(want)
    for split in sample.truth.get("split_rows", []):
        if set(SPLIT_FIELDS) <= right_keys.get((split["section"], split["serial"]), set()):
            result.splits_joined += 1
    return result


def _shown(value) -> str:
    if isinstance(value, frozenset):
        return "{" + ", ".join(sorted(value)) + "}"
    return repr(value) if value is None or isinstance(value, float) else value


def measure(samples: list[Sample], systems: list[str]):
    """Scores per (system, font, renderer) and the pipeline's mismatch counts."""
    scores: dict[tuple[str, str, str], Score] = collections.defaultdict(Score)
    mismatches: collections.Counter = collections.Counter()
    failures: list[str] = []
    for sample in samples:
        started = time.perf_counter()
        for system, charter in charters(sample.pdf, systems).items():
            if isinstance(charter, Exception):
                failures.append(f"{system} {sample.pdf.name}: {type(charter).__name__}: {charter}")
            counted = score(sample, charter, mismatches if system == "pipeline" else None)
            scores[(system, sample.font, sample.renderer)].add(counted)
        print(f"  {sample.pdf.name}: {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    return scores, mismatches, failures


def total(scores, system: str, font: str | None = None) -> Score:
    result = Score()
    for (name, f, _), counted in scores.items():
        if name == system and (font is None or f == font):
            result.add(counted)
    return result


def system_table(scores, system: str) -> str:
    rows = []
    for (name, font, renderer), s in sorted(scores.items()):
        if name == system:
            rows.append(_group_row(f"{font} / {renderer}", s))
    rows.append(_group_row("all", total(scores, system)))
    return table(["font / renderer", "files", "services", "recall", "precision", "fields", "split joined", "CER"],
                 rows, title=f"{system}: by font and renderer")


def _group_row(label: str, s: Score) -> list:
    cer = f"{s.edits / s.chars:.4f}" if s.chars else "-"
    failed = f" ({s.failed} failed)" if s.failed else ""
    return [label, f"{s.files}{failed}", s.truth, percent(s.matched, s.truth), percent(s.matched, s.found),
            percent(s.field_accuracy(), 1), f"{s.splits_joined}/{s.splits}", cer]


def overall_table(scores, systems: list[str]) -> str:
    totals = {system: total(scores, system) for system in systems}
    rows = [[name] + [percent(totals[s].field_accuracy(name), 1) for s in systems] for name in FIELDS]
    rows.append(["all fields"] + [percent(totals[s].field_accuracy(), 1) for s in systems])
    rows.append(["services recall"] + [percent(totals[s].matched, totals[s].truth) for s in systems])
    rows.append(["services precision"] + [percent(totals[s].matched, totals[s].found) for s in systems])
    rows.append(["split rows joined"] + [f"{totals[s].splits_joined}/{totals[s].splits}" for s in systems])
    rows.append(["CER (text fields)"] + [_cer(totals[s]) for s in systems])
    return table(["overall", *systems], rows, title="Overall, side by side")


def cer_table(scores, systems: list[str]) -> str:
    fonts = sorted({font for _, font, _ in scores})
    rows = [[font] + [_cer(total(scores, s, font)) for s in systems] for font in fonts]
    return table(["CER by font", *systems], rows)


def _cer(s: Score) -> str:
    return f"{s.edits / s.chars:.4f}" if s.chars else "-"


def mismatch_table(mismatches: collections.Counter, top: int = 10) -> str:
    rows = [[name, _clip(want), _clip(have), count] for (name, want, have), count in mismatches.most_common(top)]
    return table(["field", "truth", "got", "count"], rows, left=3,
                 title=f"pipeline: {top} most frequent field mismatches (matched services)")


def _clip(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=pathlib.Path, default=DEFAULT_CORPUS)
    parser.add_argument("--json", type=pathlib.Path, help="save the numbers here")
    parser.add_argument("--systems", default=",".join(SYSTEMS))
    args = parser.parse_args(argv)
    args.systems = args.systems.split(",")
    unknown = set(args.systems) - set(SYSTEMS)
    if unknown:
        parser.error(f"unknown systems {sorted(unknown)}; known: {SYSTEMS}")
    return args


def main(argv=None) -> int:
    args = parse_args(argv if argv is not None else sys.argv[1:])
    samples = corpus(args.corpus)
    if not samples:
        print(f"no PDF with a truth file in {args.corpus}", file=sys.stderr)
        return 1
    print(f"{len(samples)} PDFs, {sum(len(s.truth['services']) for s in samples)} truth services "
          f"in {args.corpus}\n", flush=True)
    scores, mismatches, failures = measure(samples, args.systems)
    for system in args.systems:
        print(system_table(scores, system) + "\n")
    print(overall_table(scores, args.systems) + "\n")
    print(cer_table(scores, args.systems) + "\n")
    if "pipeline" in args.systems:
        print(mismatch_table(mismatches))
    for failure in failures:
        print(f"FAILED {failure}")
    if args.json:
        args.json.write_text(json.dumps(to_json(scores, mismatches, failures, args.systems),
                                        ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


def to_json(scores, mismatches, failures, systems: list[str]) -> dict:
    return {
        "overall": {s: total(scores, s).summary() for s in systems},
        "groups": [{"system": s, "font": f, "renderer": r, **counted.summary()}
                   for (s, f, r), counted in sorted(scores.items())],
        "pipeline_mismatches": [{"count": n, "field": name, "truth": want, "got": have}
                                for (name, want, have), n in mismatches.most_common(50)],
        "failures": failures,
    }


if __name__ == "__main__":
    sys.exit(main())

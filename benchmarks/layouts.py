"""Score ``pipeline.process`` on charters with truth-v2 files (the layout corpus, portal fixtures).

    python benchmarks/layouts.py DIR [DIR ...] [--details] [--json OUT]

Every file with a ``<stem>.truth.json`` beside it (PDF, DOCX, HTML, text) is processed. Services are
matched by (section, serial, sub_serial), the k-th truth service with a key to the k-th returned one
with it (department rows make serials repeat within a table); a missed service is wrong in every
field, and precision counts every service returned. Texts compare after NFC and whitespace
collapse, lists as sets, numbers as numbers, null equal to null. A field the pipeline's record does
not have yet is scored wrong; "fields (today)" is the accuracy over the fields it has had from the
start, so that figures before and after it gains fields compare. A document that fails to process
counts as returning no service.

``--details`` prints every file's mismatches (truth vs got): use it on dev only.
"""
from __future__ import annotations

import argparse
import collections
import json
import pathlib
import sys
import time
from dataclasses import dataclass, field

from common import SERVICE_READERS, ServiceCounts, percent, squash, table

from pipeline import process

MISSING = object()      # a field the pipeline's record does not have


def attribute(name: str):
    return lambda s: getattr(s, name, MISSING)


def superior(s):
    officer = getattr(s, "superior_officer", MISSING)
    return officer if officer is MISSING or officer is None else officer.raw


# truth-v2's scored fields, in its order, each with how to read it off a Service.
FIELDS = ["service_name", "delivery_method", "required_documents", "fee_text", "fee_bdt", "fee_min_bdt",
          "fee_max_bdt", "is_free", "time_limit_text", "time_limit_days", "officer_name", "officer_designation",
          "officer_phones", "officer_emails", "superior_officer", "department"]
READERS = {**SERVICE_READERS, "fee_min_bdt": attribute("fee_min_bdt"), "fee_max_bdt": attribute("fee_max_bdt"),
           "is_free": lambda s: s.is_free, "superior_officer": superior, "department": attribute("department")}
READERS = {name: READERS[name] for name in FIELDS}
# The fields the pipeline's Service had when this scorer was written (2026-12).
TODAY = [f for f in FIELDS if f not in ("fee_min_bdt", "fee_max_bdt", "department")]
LIST_FIELDS = {"officer_phones", "officer_emails"}
NUMBER_FIELDS = {"fee_bdt", "fee_min_bdt", "fee_max_bdt", "time_limit_days"}
FORMATS = {"libreoffice": "pdf-libreoffice", "chromium": "pdf-chromium", "docx": "docx", "html": "html",
           "txt": "txt"}
# Layout features broken down (truth layout.features), in print order.
FEATURES = ["narrow_serial", "no_serial_column", "fused_serial", "blank_serials", "grouped_officer", "borderless",
            "rules_only", "number_row_above", "number_row_below", "sub_rows", "ditto", "department_rows",
            "narrow_officer", "split_documents", "superior_column", "officer_merged", "english", "landscape"]


def comparable(name: str, value):
    if value is MISSING:
        return MISSING
    if name in LIST_FIELDS:
        return frozenset(squash(v) for v in value or [])
    if name in NUMBER_FIELDS:
        return None if value is None else float(value)
    if name == "is_free":
        return value
    return squash(value)


def keyed(services, key) -> dict[tuple, object]:
    """Each service under (its key, how many before it had that key)."""
    seen: collections.Counter = collections.Counter()
    out = {}
    for s in services:
        k = key(s)
        out[(k, seen[k])] = s
        seen[k] += 1
    return out


def truth_key(s: dict) -> tuple:
    return s["section"], s["serial"], s["sub_serial"]


def got_key(s) -> tuple:
    return s.section, s.serial, getattr(s, "sub_serial", None)


# --------------------------------------------------------------------------
# Scores
# --------------------------------------------------------------------------

@dataclass
class Score(ServiceCounts):
    """Counts over any set of documents; they add up."""
    zero_services: int = 0
    serials_empty: int = 0

    def accuracy(self, fields=None) -> float:
        fields = fields or FIELDS
        return sum(self.right[f] for f in fields) / (self.truth * len(fields)) if self.truth else 0.0

    def summary(self) -> dict:
        return {**self.counts(), "zero_services": self.zero_services, "every_serial_empty": self.serials_empty,
                "field_accuracy": self.accuracy(), "field_accuracy_today": self.accuracy(TODAY),
                "fields": {f: self.accuracy([f]) for f in FIELDS}}


@dataclass
class Document:
    path: pathlib.Path
    truth: dict
    score: Score
    missed: list = field(default_factory=list)          # truth services not returned
    extra: list = field(default_factory=list)           # returned services matching no truth
    mismatches: list = field(default_factory=list)      # (key, field, truth, got)
    failure: str = ""

    @property
    def format(self) -> str:
        return FORMATS.get(self.truth["renderer"], self.truth["renderer"])


def shown(value) -> str:
    if value is MISSING:
        return "(no such field)"
    if isinstance(value, frozenset):
        return "{" + ", ".join(sorted(value)) + "}"
    return repr(value)


def score_document(path: pathlib.Path, truth: dict) -> Document:
    services = truth["services"]
    doc = Document(path, truth, Score(files=1, truth=len(services)))
    try:
        charter = process(path)
    except Exception as exc:  # a failed document counts as returning nothing
        doc.failure = f"{type(exc).__name__}: {exc}"
        doc.score.failed = doc.score.zero_services = 1
        doc.missed = list(keyed(services, truth_key))
        return doc
    got = charter.services
    doc.score.found = len(got)
    doc.score.zero_services = int(not got)
    doc.score.serials_empty = int(bool(got) and all(s.serial is None for s in got))
    want, have = keyed(services, truth_key), keyed(got, got_key)
    doc.extra = [k for k in have if k not in want]
    for k, expected in want.items():
        service = have.get(k)
        if service is None:
            doc.missed.append(k)
            continue
        doc.score.matched += 1
        for name, read in READERS.items():
            a, b = comparable(name, expected[name]), comparable(name, read(service))
            if a == b:
                doc.score.right[name] += 1
            else:
                doc.mismatches.append((k, name, shown(a), shown(b)))
    return doc


def documents(folders: list[pathlib.Path]) -> list[tuple[pathlib.Path, dict]]:
    found = []
    for folder in folders:
        for path in sorted(folder.iterdir()):
            truth = path.with_name(path.stem + ".truth.json")
            if not path.name.endswith(".json") and truth.exists():
                found.append((path, json.loads(truth.read_text(encoding="utf-8"))))
    return found


# --------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------

def group_scores(docs: list[Document], groups) -> dict[str, Score]:
    """groups(doc) -> the names of the groups the document counts in."""
    scores: dict[str, Score] = collections.defaultdict(Score)
    for doc in docs:
        for name in groups(doc):
            scores[name].add(doc.score)
    return scores


def summary_rows(scores: dict[str, Score], names) -> list[list]:
    rows = []
    for name in names:
        s = scores[name]
        rows.append([name, f"{s.files}" + (f" ({s.failed} failed)" if s.failed else ""), s.truth,
                     percent(s.matched, s.truth), percent(s.matched, s.found), percent(s.accuracy(), 1),
                     percent(s.accuracy(TODAY), 1), s.zero_services, s.serials_empty])
    return rows


SUMMARY_HEADERS = ["", "files", "services", "recall", "precision", "fields (all)", "fields (today)",
                   "zero services", "serials empty"]


def format_names(scores) -> list[str]:
    known = [f for f in FORMATS.values() if f in scores]
    return known + sorted(set(scores) - set(known) - {"all"}) + ["all"]


def feature_groups(doc: Document) -> list[str]:
    # The portal fixtures describe their layout in words, the generator's truth as a record.
    layout = doc.truth.get("layout")
    layout = layout if isinstance(layout, dict) else {}
    features = layout.get("features") if isinstance(layout.get("features"), dict) else {}
    names = [f for f in FEATURES if features.get(f)]
    return names + [f"font: {doc.truth['font'] or 'none (text copy)'}", f"renderer: {doc.truth['renderer']}",
                    f"family: {layout.get('family', '?')}"]


def report(docs: list[Document], details: bool) -> str:
    by_format = group_scores(docs, lambda d: [d.format, "all"])
    out = [table(["format"] + SUMMARY_HEADERS[1:], summary_rows(by_format, format_names(by_format)),
                 title="by format")]
    names = format_names(by_format)
    out.append(table(["field"] + names, [[f + ("" if f in TODAY else " *")] +
                                         [percent(by_format[n].accuracy([f]), 1) for n in names] for f in FIELDS],
                     title="field accuracy by format (* a field the pipeline did not have in 2026-12)"))
    by_feature = group_scores(docs, feature_groups)
    order = [f for f in FEATURES if f in by_feature] + sorted(n for n in by_feature if ":" in n)
    out.append(table(["layout feature"] + SUMMARY_HEADERS[1:], summary_rows(by_feature, order),
                     title="by layout feature (a document counts in every feature it has)"))
    failures = [f"FAILED {d.path.name}: {d.failure}" for d in docs if d.failure]
    out += failures
    if details:
        out += [document_details(d) for d in docs]
    return "\n\n".join(out)


def key_text(key: tuple) -> str:
    """'citizen 3/ক' for ((section, serial, sub_serial), occurrence), '#2' for a repeated key."""
    (section, serial, sub), n = key
    return f"{section} {serial}" + (f"/{sub}" if sub else "") + (f" #{n + 1}" if n else "")


def document_details(doc: Document) -> str:
    lines = [f"== {doc.path.name}: {doc.score.matched}/{doc.score.truth} matched, {doc.score.found} returned"]
    names = keyed(doc.truth["services"], truth_key)
    lines += [f"  missed {key_text(k)}: {names[k]['service_name']}" for k in doc.missed]
    lines += [f"  extra  {key_text(k)}" for k in doc.extra]
    lines += [f"  {key_text(k)} {name}: truth {want} got {got}" for k, name, want, got in doc.mismatches]
    return "\n".join(lines)


def to_json(docs: list[Document]) -> dict:
    by_format = group_scores(docs, lambda d: [d.format, "all"])
    by_feature = group_scores(docs, feature_groups)
    return {"formats": {n: s.summary() for n, s in by_format.items()},
            "features": {n: s.summary() for n, s in by_feature.items()},
            "failures": [{"file": d.path.name, "reason": d.failure} for d in docs if d.failure],
            "documents": [{"file": d.path.name, **d.score.summary()} for d in docs]}


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", type=pathlib.Path, nargs="+")
    parser.add_argument("--details", action="store_true", help="per-file mismatches (dev only)")
    parser.add_argument("--json", type=pathlib.Path, help="save the numbers here")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv if argv is not None else sys.argv[1:])
    found = documents(args.folders)
    if not found:
        print("no file with a truth file beside it in " + ", ".join(map(str, args.folders)), file=sys.stderr)
        return 1
    print(f"{len(found)} files, {sum(len(t['services']) for _, t in found)} truth services in "
          + ", ".join(map(str, args.folders)) + "\n", flush=True)
    docs = []
    for path, truth in found:
        started = time.perf_counter()
        docs.append(score_document(path, truth))
        print(f"  {path.name}: {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    print(report(docs, args.details))
    if args.json:
        args.json.write_text(json.dumps(to_json(docs), ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

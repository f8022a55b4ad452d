"""Field accuracy of the pipeline by input format, on the rendered corpus.

    python benchmarks/formats.py [--corpus DIR] [--json OUT]

Every file in the corpus with a truth JSON beside it (LibreOffice and Chromium PDFs,
DOCX, HTML, text copies) goes through ``pipeline.process``; the scores are grouped by
format. Matching and scoring are accuracy.py's (services matched by section and serial,
fields compared after NFC and whitespace collapse, a missed service wrong in every field).
Split rows are counted only where the file itself splits them: PDFs (page breaks) and
text copies (continuation rows). A DOCX or HTML row is never split in the file, although
its truth lists the split rows of the PDF it was converted to.
"""
from __future__ import annotations

import argparse
import collections
import json
import pathlib
import sys
import time

from common import DEFAULT_CORPUS, Sample, percent, table
from accuracy import FIELDS, Score, mismatch_table, score

from pipeline import process

# truth "renderer" -> format label, in the order the tables list them
FORMATS = {"libreoffice": "pdf-libreoffice", "chromium": "pdf-chromium", "docx": "docx",
           "html": "html", "txt": "txt"}
SPLIT_FORMATS = {"pdf-libreoffice", "pdf-chromium", "txt"}


def samples(directory: pathlib.Path) -> list[Sample]:
    """Every non-JSON file with a ``<stem>.truth.json`` beside it."""
    found = []
    for path in sorted(directory.iterdir()):
        truth = path.with_name(path.stem + ".truth.json")
        if path.suffix != ".json" and truth.exists():
            found.append(Sample(path, json.loads(truth.read_text(encoding="utf-8"))))
    return found


def format_of(sample: Sample) -> str:
    return FORMATS.get(sample.renderer, sample.renderer)


def measure(corpus: list[Sample]):
    """Scores and pipeline mismatch counts per format, and the files that failed."""
    scores: dict[str, Score] = collections.defaultdict(Score)
    mismatches: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    failures: list[str] = []
    for sample in corpus:
        started = time.perf_counter()
        name = format_of(sample)
        try:
            charter = process(sample.pdf)
        except Exception as exc:  # a failed file is scored as all services missed
            charter = exc
            failures.append(f"{sample.pdf.name}: {type(exc).__name__}: {exc}")
        scores[name].add(score(sample, charter, mismatches[name]))
        print(f"  {sample.pdf.name}: {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    return scores, mismatches, failures


def ordered(scores: dict[str, Score]) -> list[str]:
    known = [f for f in FORMATS.values() if f in scores]
    return known + sorted(set(scores) - set(known))


def format_table(scores: dict[str, Score]) -> str:
    rows = []
    for name in ordered(scores):
        s = scores[name]
        failed = f" ({s.failed} failed)" if s.failed else ""
        split = f"{s.splits_joined}/{s.splits}" if name in SPLIT_FORMATS else "n/a"
        rows.append([name, f"{s.files}{failed}", s.truth, percent(s.matched, s.truth),
                     percent(s.matched, s.found), percent(s.field_accuracy(), 1), split])
    return table(["format", "files", "services", "recall", "precision", "fields", "split joined"],
                 rows, title="pipeline: by format")


def field_table(scores: dict[str, Score]) -> str:
    names = ordered(scores)
    rows = [[field] + [percent(scores[n].field_accuracy(field), 1) for n in names] for field in FIELDS]
    return table(["field", *names], rows, title="pipeline: field accuracy by format")


def to_json(scores, mismatches, failures) -> dict:
    result = {}
    for name in ordered(scores):
        summary = scores[name].summary()
        if name not in SPLIT_FORMATS:
            summary["split_rows"] = summary["split_rows_joined"] = None
        summary["mismatches"] = [{"count": n, "field": f, "truth": want, "got": have}
                                 for (f, want, have), n in mismatches[name].most_common(20)]
        result[name] = summary
    return {"formats": result, "failures": failures}


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=pathlib.Path, default=DEFAULT_CORPUS)
    parser.add_argument("--json", type=pathlib.Path, help="save the numbers here")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv if argv is not None else sys.argv[1:])
    corpus = samples(args.corpus)
    if not corpus:
        print(f"no file with a truth file in {args.corpus}", file=sys.stderr)
        return 1
    print(f"{len(corpus)} files, {sum(len(s.truth['services']) for s in corpus)} truth services "
          f"in {args.corpus}\n", flush=True)
    scores, mismatches, failures = measure(corpus)
    print(format_table(scores) + "\n")
    print(field_table(scores) + "\n")
    for name in ordered(scores):
        if mismatches[name]:
            print(mismatch_table(mismatches[name], top=5).replace("pipeline:", f"{name}:", 1) + "\n")
        else:
            print(f"{name}: no field mismatches\n")
    for failure in failures:
        print(f"FAILED {failure}")
    if args.json:
        args.json.write_text(json.dumps(to_json(scores, mismatches, failures), ensure_ascii=False, indent=1),
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

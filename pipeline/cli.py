"""Command line: a thin layer over the library API.

    charter run raw/ -o processed/        # python -m pipeline run ...
    charter validate processed/
    charter audit processed/
    charter explain raw/some-charter.pdf  # every repair decision for one file
    charter debug raw/some-charter.pdf --page 2 -o page2.png  # the table finder's picture
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Callable

from . import __version__
from .api import EXECUTORS, StageError, Summary, finish, process, run
from .batch import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, Limits
from .readers.base import ReadError
from .audit import audit
from .emit import load_charters, output_lock, remove_stale_temp_files
from .validate import validate_folder


def _progress():
    """A progress bar on a terminal; nothing in a log."""
    from tqdm import tqdm
    return tqdm(unit="doc", disable=not sys.stderr.isatty(), file=sys.stderr)


def _summary_table(summary: Summary) -> str:
    rows = [("documents", summary.documents), ("unchanged", summary.unchanged), ("processed", summary.processed),
            ("failed", summary.failed), ("pruned", summary.pruned),
            ("services", summary.services), ("findings", summary.findings), ("errors", len(summary.errors))]
    width = max(len(k) for k, _ in rows)
    return "\n".join(f"  {k:<{width}}  {v:>7}" for k, v in rows) + f"\n  output: {summary.out}"


def cmd_run(args) -> int:
    bar = _progress()

    def report(line: str) -> None:
        if bar.disable:
            print(line, file=sys.stderr, flush=True)
        else:
            bar.write(line, file=sys.stderr)

    try:
        summary = run(args.inputs, args.out, jobs=args.jobs, on_document=lambda _: bar.update(1), report=report,
                      incremental=args.incremental, prune=args.prune, executor=args.executor,
                      scheduler=args.scheduler, limits=Limits(args.timeout, args.memory_limit),
                      on_start=lambda total: bar.reset(total=total))
    except RuntimeError as exc:      # the dask executor without its extra
        print(f"error: {exc}", file=sys.stderr)
        return 2
    bar.close()
    print(_summary_table(summary))
    if summary.interrupted:
        return 130
    if summary.documents and not summary.processed and not summary.unchanged:
        return 1
    return 1 if args.strict and summary.failed else 0


def cmd_validate(args) -> int:
    problems = validate_folder(args.folder)
    for line in problems:
        print(line)
    print(f"{len(problems)} problems in {args.folder}")
    return 1 if problems else 0


def cmd_audit(args) -> int:
    charters, unreadable = load_charters(Path(args.folder))
    rows = audit(charters)
    if args.write:
        summary = Summary(out=args.folder, errors=unreadable)
        with output_lock(Path(args.folder)):
            remove_stale_temp_files(Path(args.folder))
            finish(Path(args.folder), summary)
    for row in rows:
        where = " ".join(x for x in (row["section"], row["serial"], row["field"]) if x)
        print(f"{row['severity']:<7} {row['rule']:<28} {row['charter_id']}  {where + ': ' if where else ''}"
              f"{row['message']}")
    counts = Counter(row["severity"] for row in rows)
    print(f"{len(rows)} findings in {len(charters)} charters ({', '.join(f'{k} {v}' for k, v in counts.items())})")
    return 0


def cmd_explain(args) -> int:
    try:
        charter = process(args.file) if Path(args.file).is_file() else None
    except StageError as exc:
        print(f"{args.file}: {exc.stage}: {exc}")
        return 1
    if charter is None:
        print(f"{args.file}: no such file")
        return 1
    for service in charter.services:
        print(f"{service.section} {service.serial} (pages {', '.join(map(str, service.provenance.pages))}): "
              f"{service.name[:70]}")
        for repair in service.provenance.repairs:
            print(f"    {repair.action}: {repair.detail}")
    for finding in charter.findings:
        print(f"finding {finding.rule} [{finding.severity}] {finding.section or ''} {finding.serial or ''}: "
              f"{finding.message}")
    return 0


def cmd_debug(args) -> int:
    from .readers.pdf import debug_image, page_count
    path = Path(args.file)
    try:
        pages = page_count(path)
    except ReadError as exc:
        print(f"{args.file}: {exc}", file=sys.stderr)
        return 1
    if not 1 <= args.page <= pages:
        print(f"{args.file}: no page {args.page} (the document has {pages})", file=sys.stderr)
        return 1
    print(debug_image(path, args.page, Path(args.out or f"{path.stem}-page{args.page}.png")))
    return 0


def _positive(kind: type) -> Callable[[str], float]:
    def parse(text: str):
        value = kind(text)
        if value <= 0:
            raise argparse.ArgumentTypeError(f"must be positive: {text}")
        return value
    parse.__name__ = kind.__name__
    return parse


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="charter", description="Citizen's Charters to open data.")
    top.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = top.add_subparsers(dest="command", required=True)

    p = sub.add_parser("run", help="process documents (files or folders, recursively) into an output folder")
    p.add_argument("inputs", nargs="+")
    p.add_argument("-o", "--out", default="processed", help="output folder (default: processed)")
    p.add_argument("-j", "--jobs", type=int, default=min(4, os.cpu_count() or 1),
                   help="worker processes (default: up to 4)")
    p.add_argument("--strict", action="store_true", help="exit non-zero when any document failed")
    p.add_argument("--incremental", action="store_true",
                   help="skip documents whose record was made from the same bytes by this pipeline version")
    p.add_argument("--prune", action="store_true",
                   help="remove the records (and rows) of sources that are not among these inputs")
    p.add_argument("--timeout", type=_positive(float), default=DEFAULT_TIMEOUT, metavar="SECONDS",
                   help=f"time limit per document (default: {DEFAULT_TIMEOUT:g})")
    p.add_argument("--memory-limit", type=_positive(int), default=DEFAULT_MEMORY_MB, metavar="MB",
                   help=f"memory (address space) limit per document (default: {DEFAULT_MEMORY_MB})")
    p.add_argument("--executor", choices=EXECUTORS, default="local",
                   help="local worker processes (default), a Dask cluster, or inline in this process "
                        "(no limits; for debugging)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="Dask scheduler, e.g. tcp://10.0.0.5:8786 (default with --executor dask: a local "
                        "cluster of -j workers)")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("validate", help="re-validate a processed folder against the schemas")
    p.add_argument("folder")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("audit", help="print the audit findings of a processed folder")
    p.add_argument("folder")
    p.add_argument("--write", action="store_true", help="also rewrite the tables, audit.csv and datapackage.json")
    p.set_defaults(func=cmd_audit)

    p = sub.add_parser("explain", help="show every repair decision made for one document")
    p.add_argument("file")
    p.set_defaults(func=cmd_explain)

    p = sub.add_parser("debug", help="save the table finder's picture of one PDF page (cells outlined)")
    p.add_argument("file")
    p.add_argument("--page", type=int, default=1)
    p.add_argument("-o", "--out", help="PNG to write (default: <file>-page<N>.png)")
    p.set_defaults(func=cmd_debug)
    return top


def main(argv: list[str] | None = None) -> int:
    # pdfminer warns about every odd font descriptor; a batch of thousands of
    # files needs the one line per failed document, not that noise.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    args = parser().parse_args(argv)
    return args.func(args)

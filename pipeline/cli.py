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

from . import __version__
from .api import StageError, Summary, finish, process, run
from .readers.base import ReadError
from .audit.report import Filters, NoRunError, report
from .catalogue import explain_name, explain_pair, office_type
from .emit import load_charters
from .validate import validate_folder


def _progress(total: int):
    """A progress bar on a terminal; nothing in a log."""
    from tqdm import tqdm
    return tqdm(total=total, unit="doc", disable=not sys.stderr.isatty(), file=sys.stderr)


def _summary_table(summary: Summary) -> str:
    rows = [("documents", summary.documents), ("unchanged", summary.unchanged), ("processed", summary.processed),
            ("failed", summary.failed),
            ("services", summary.services), ("findings", summary.findings), ("errors", len(summary.errors))]
    width = max(len(k) for k, _ in rows)
    return "\n".join(f"  {k:<{width}}  {v:>7}" for k, v in rows) + f"\n  output: {summary.out}"


def cmd_run(args) -> int:
    from .api import discover
    bar = _progress(len(discover(args.inputs)))

    def report(line: str) -> None:
        if bar.disable:
            print(line, file=sys.stderr, flush=True)
        else:
            bar.write(line, file=sys.stderr)

    summary = run(args.inputs, args.out, jobs=args.jobs, on_document=lambda _: bar.update(1), report=report,
                  incremental=args.incremental)
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


def _choices(values: list[str] | None) -> set[str] | None:
    return {v for item in values for v in item.split(",") if v} if values else None


def cmd_audit(args) -> int:
    if args.write and (Path(args.folder) / "charters").is_dir():
        _, unreadable = load_charters(Path(args.folder))
        finish(Path(args.folder), Summary(out=args.folder, errors=unreadable))
    filters = Filters(_choices(args.rule), _choices(args.severity), _choices(args.office_type))
    try:
        print(report(Path(args.folder), args.format, filters), end="")
    except NoRunError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
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
    kind = office_type(charter.office_name, charter.department)
    if args.service:
        print(f"{explain_name(args.service, kind)}\n")
    for service in charter.services:
        print(f"{service.section} {service.serial} (pages {', '.join(map(str, service.provenance.pages))}): "
              f"{service.name[:70]}")
        for repair in service.provenance.repairs:
            print(f"    {repair.action}: {repair.detail}")
        said = explain_pair(args.service, service.name, kind).split("\n")[1:] if args.service \
            else [explain_name(service.name, kind)]
        print("".join(f"    service key: {line}\n" for line in said), end="")
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
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("validate", help="re-validate a processed folder against the schemas")
    p.add_argument("folder")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("audit", help="report the audit findings of a processed folder")
    p.add_argument("folder")
    p.add_argument("--format", choices=["text", "md", "html", "csv"], default="text",
                   help="text (one line per finding), md or html (counts, a summary per office type, findings by "
                        "charter), csv (the findings with office type, upazila and district)")
    p.add_argument("--rule", action="append", help="only these rules (repeat or comma-separate)")
    p.add_argument("--severity", action="append", help="only these severities: error, warning, info")
    p.add_argument("--office-type", action="append", help="only charters of these office types (land, ict, ...)")
    p.add_argument("--write", action="store_true", help="first rewrite the tables, audit.csv and datapackage.json")
    p.set_defaults(func=cmd_audit)

    p = sub.add_parser("explain", help="show every repair decision made for one document")
    p.add_argument("file")
    p.add_argument("--service", metavar="NAME",
                   help="say for each service whether it shares a service key with NAME, and why")
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

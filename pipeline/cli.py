"""Command line: a thin layer over the library API.

    charter run raw/ -o processed/        # python -m pipeline run ...
    charter validate processed/
    charter audit processed/
    charter explain raw/some-charter.pdf  # every repair decision for one file
    charter debug raw/some-charter.pdf --page 2 -o page2.png  # the table finder's picture
    charter package processed/ -o charters.zip   # the data package a portal uploads
    charter serve processed/                      # Datasette on localhost
    charter review processed/ -o review/          # every row beside its source
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Callable

from . import __version__, package
from .api import EXECUTORS, StageError, Summary, finish, find, process, run, write_outputs
from .batch import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, Limits
from .readers.backends import BACKENDS, DEFAULT, ENVIRONMENT
from .readers.base import ReadError
from .audit.report import Filters, NoRunError, report
from .catalogue import explain_name, explain_pair, office_type
from .emit import load_charters, output_lock, remove_stale_temp_files
from .validate import validate_folder


def _progress(total: int, quiet: bool = False):
    """A progress bar on a terminal; nothing in a log or with --quiet."""
    from tqdm import tqdm
    return tqdm(total=total, unit="doc", disable=quiet or not sys.stderr.isatty(), file=sys.stderr)


def _summary_table(summary: Summary) -> str:
    rows = [("documents", summary.documents), ("unchanged", summary.unchanged), ("processed", summary.processed),
            ("failed", summary.failed), ("pruned", summary.pruned),
            ("services", summary.services), ("findings", summary.findings), ("errors", len(summary.errors))]
    width = max(len(k) for k, _ in rows)
    return "\n".join(f"  {k:<{width}}  {v:>7}" for k, v in rows) + f"\n  output: {summary.out}"


def _error(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2


def _release_options(args, out: Path) -> package.Options:
    """The folder's stored release options with those given on the command line in their place."""
    sources = package.read_sources(args.sources) if args.sources else None
    return package.load_options(out).merged(license=args.license, release=args.release,
                                            maintainer=args.maintainer, sources=sources)


def _holds_run(folder: Path) -> bool:
    return (folder / "charters").is_dir() or (folder / "datapackage.json").is_file()


def _no_run(folder: str) -> int:
    return _error(f"{folder} holds no run (no charters/ or datapackage.json): give the folder "
                  "`charter run -o FOLDER` wrote")


def _select_pdf_backend(name: str | None) -> None:
    """Through the environment, so that every worker process reads PDFs the same way."""
    if name:
        os.environ[ENVIRONMENT] = name


def cmd_run(args) -> int:
    _select_pdf_backend(args.pdf_backend)
    found, refused = find(args.inputs)
    if not found and not refused:
        return _error(f"no documents in {', '.join(args.inputs)} (hidden files and .json, .csv, .py, … are skipped)")
    try:
        options = _release_options(args, Path(args.out))
    except (package.OptionsError, OSError) as exc:
        return _error(str(exc))
    bar = _progress(len(found), args.quiet)

    def report(line: str) -> None:
        if bar.disable:
            print(line, file=sys.stderr, flush=True)
        else:
            bar.write(line, file=sys.stderr)

    def done(outcome) -> None:
        bar.update(1)
        if args.verbose and outcome.record:
            report(f"{outcome.source_file}: {outcome.services} services")

    try:
        summary = run(args.inputs, args.out, jobs=args.jobs, on_document=done, report=report,
                      incremental=args.incremental, options=options, prune=args.prune, executor=args.executor,
                      scheduler=args.scheduler, limits=Limits(args.timeout, args.memory_limit),
                      on_start=lambda total: bar.reset(total=total))
    except RuntimeError as exc:      # the dask executor without its extra
        return _error(str(exc))
    bar.close()
    if not args.quiet:
        print(_summary_table(summary))
    if summary.interrupted:
        return 130
    if not summary.processed and not summary.unchanged:    # also when every path was refused
        return 1
    return 1 if args.strict and summary.failed else 0


def cmd_validate(args) -> int:
    if not _holds_run(Path(args.folder)):
        return _no_run(args.folder)
    problems = validate_folder(args.folder)
    for line in problems:
        print(line)
    print(f"{len(problems)} problems in {args.folder}")
    return 1 if problems else 0


def _choices(values: list[str] | None) -> set[str] | None:
    return {v for item in values for v in item.split(",") if v} if values else None


def cmd_audit(args) -> int:
    if not _holds_run(Path(args.folder)):
        return _no_run(args.folder)
    if args.write:
        _, unreadable = load_charters(Path(args.folder))
        with output_lock(Path(args.folder)):
            remove_stale_temp_files(Path(args.folder))
            finish(Path(args.folder), Summary(out=args.folder, errors=unreadable))
    filters = Filters(_choices(args.rule), _choices(args.severity), _choices(args.office_type))
    try:
        text = report(Path(args.folder), args.format, filters)
    except NoRunError as exc:
        return _error(str(exc))
    # Quiet: the closing count only (in the text format, its last line).
    print(text.rstrip("\n").rsplit("\n", 1)[-1] if args.quiet and args.format == "text" else text,
          end="\n" if args.quiet else "")
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


def cmd_package(args) -> int:
    folder = Path(args.folder)
    if not (folder / "datapackage.json").is_file():
        return _no_run(args.folder)
    try:
        options = _release_options(args, folder)
    except (package.OptionsError, OSError) as exc:
        return _error(str(exc))
    if options != package.load_options(folder):
        write_outputs(folder, options)     # the release changed: every output that names it
    path = package.zip_package(folder, args.out)
    if not args.quiet:
        print(f"{path}: datapackage.json and {len(package.table_names(folder))} tables, "
              f"{path.stat().st_size} bytes")
    return 0


def cmd_serve(args) -> int:
    from . import database
    folder = Path(args.folder)
    if not _holds_run(folder):
        return _no_run(args.folder)
    try:
        from datasette.cli import cli
    except ImportError:
        return _error("charter serve needs Datasette: pip install 'charter-pipeline[serve]'")
    if not (folder / database.DATABASE).is_file() or not (folder / database.METADATA).is_file():
        database.write(folder)
    print(f"serving {folder / database.DATABASE} at http://{args.host}:{args.port}/ (Ctrl-C stops)", flush=True)
    return cli.main(args=database.serve_arguments(folder, args.host, args.port), prog_name="datasette",
                    standalone_mode=False) or 0


def cmd_review(args) -> int:
    from . import review
    if not _holds_run(Path(args.folder)):
        return _no_run(args.folder)
    try:
        index = review.write(args.folder, args.out, args.source_root, args.embed_font)
    except review.ReviewError as exc:
        return _error(str(exc))
    if not args.quiet:
        print(index)
    return 0


def _port(text: str) -> int:
    value = int(text)
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"{value} is no TCP port (1-65535)")
    return value


def _licence(text: str) -> str:
    try:
        return package.license_id(text)
    except package.OptionsError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _release_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--license", type=_licence, help=f"licence of the data (default {package.DEFAULT_LICENSE}; "
                                                   f"one of {', '.join(package.LICENSES)})")
    p.add_argument("--release", help="data release id, e.g. 2026-12-01 (a date also sets 'created'); "
                                     "default: sha- and a hash of the sources")
    p.add_argument("--maintainer", help="who answers for the data, 'Name <email>'")
    p.add_argument("--sources", help="CSV with columns file,url: where each input file was published")


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
    common = argparse.ArgumentParser(add_help=False)
    loudness = common.add_mutually_exclusive_group()
    loudness.add_argument("-v", "--verbose", action="count", default=0,
                          help="say more: a line per document; -vv also the libraries' debug log")
    loudness.add_argument("-q", "--quiet", action="store_true", help="errors only: no progress bar or summary")

    p = sub.add_parser("run", parents=[common],
                       help="process documents (files or folders, recursively) into an output folder")
    p.add_argument("inputs", nargs="+")
    p.add_argument("-o", "--out", default="processed", help="output folder (default: processed)")
    p.add_argument("-j", "--jobs", type=_positive(int), default=min(4, os.cpu_count() or 1),
                   help="worker processes, 1 or more (default: up to 4)")
    p.add_argument("--strict", action="store_true", help="exit non-zero when any document failed")
    p.add_argument("--incremental", action="store_true",
                   help="skip documents whose record was made from the same bytes by this pipeline version")
    _release_arguments(p)
    p.add_argument("--pdf-backend", choices=sorted(BACKENDS),
                   help=f"PDF parser (default: ${ENVIRONMENT}, else {DEFAULT})")
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

    p = sub.add_parser("validate", parents=[common], help="re-validate a processed folder against the schemas")
    p.add_argument("folder")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("audit", parents=[common], help="report the audit findings of a processed folder")
    p.add_argument("folder")
    p.add_argument("--format", choices=["text", "md", "html", "csv"], default="text",
                   help="text (one line per finding), md or html (counts, a summary per office type, findings by "
                        "charter), csv (the findings with office type, upazila and district)")
    p.add_argument("--rule", action="append", help="only these rules (repeat or comma-separate)")
    p.add_argument("--severity", action="append", help="only these severities: error, warning, info")
    p.add_argument("--office-type", action="append", help="only charters of these office types (land, ict, ...)")
    p.add_argument("--write", action="store_true", help="first rewrite the tables, audit.csv and datapackage.json")
    p.set_defaults(func=cmd_audit)

    p = sub.add_parser("package", parents=[common], help="zip the data package (datapackage.json and its CSVs)")
    p.add_argument("folder")
    p.add_argument("-o", "--out", default="charters.zip", help="zip to write (default: charters.zip)")
    _release_arguments(p)
    p.set_defaults(func=cmd_package)

    p = sub.add_parser("serve", parents=[common], help="browse and search charters.db with Datasette")
    p.add_argument("folder")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine)")
    p.add_argument("--port", type=_port, default=8001, help="TCP port (default: 8001)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("review", parents=[common],
                       help="static HTML pages: every service row beside the source region it came from")
    p.add_argument("folder")
    p.add_argument("-o", "--out", default="review", help="folder for the pages (default: review)")
    p.add_argument("--source-root", action="append",
                   help="folder holding the source documents (repeatable; default: the run's input folders)")
    p.add_argument("--embed-font", nargs="?", const="auto", metavar="FONT",
                   help="embed a subset of an OFL Bangla font (default: Noto Sans Bengali) for readers without one")
    p.set_defaults(func=cmd_review)

    p = sub.add_parser("explain", parents=[common], help="show every repair decision made for one document")
    p.add_argument("file")
    p.add_argument("--service", metavar="NAME",
                   help="say for each service whether it shares a service key with NAME, and why")
    p.set_defaults(func=cmd_explain)

    p = sub.add_parser("debug", parents=[common], help="save the table finder's picture of one PDF page (cells outlined)")
    p.add_argument("file")
    p.add_argument("--page", type=int, default=1)
    p.add_argument("-o", "--out", help="PNG to write (default: <file>-page<N>.png)")
    p.set_defaults(func=cmd_debug)
    return top


def main(argv: list[str] | None = None) -> int:
    # pdfminer warns about every odd font descriptor; a batch of thousands of
    # files needs the one line per failed document, not that noise.
    args = parser().parse_args(argv)
    logging.basicConfig(format="%(levelname)s %(name)s: %(message)s",
                        level=[logging.WARNING, logging.INFO, logging.DEBUG][min(args.verbose, 2)]
                        if not args.quiet else logging.ERROR)
    if args.verbose < 2:
        logging.getLogger("pdfminer").setLevel(logging.ERROR)
    return args.func(args)

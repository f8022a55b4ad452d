"""The library API: ``process`` one document, ``run`` a batch into an output folder.

``process`` is a pure function of one file, so a batch is a map over files
(here a process pool; on a cluster, any map). ``run`` adds the batch's side:
writing records as they come, then the tables, the audit and the data package.
"""
from __future__ import annotations

import concurrent.futures
import hashlib
import json
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

import pandas as pd
import regex

from . import __version__
from . import audit as audit_stage
from . import database, emit, package, tabular
from .extract import extract
from .model import Charter
from .normalize import NotACharterError, normalize
from .readers.base import ReadError, file_sha256
from .repair import repair
from .validate import validate_charter, validate_table

SKIP_NAMES = regex.compile(r"^\.|~$|\.(?:truth\.json|tmp)$")
# Files a scraped folder holds beside the charters (metadata, code, notes): never a
# charter, though a text reader would take them for one.
SKIP_SUFFIXES = {".json", ".csv", ".py", ".js", ".css", ".md", ".yml", ".yaml", ".toml", ".ini", ".cfg",
                 ".sh", ".log", ".zip", ".gz"}


class StageError(Exception):
    """A document failed in one stage; ``str()`` is the one-line reason."""

    def __init__(self, stage: str, reason: str):
        super().__init__(reason)
        self.stage = stage


def charter_id(relative: str) -> str:
    """Stable id from the source's path relative to the input folder: a slug and a hash.

    The same file keeps its id across runs and edits of its content, so a re-run
    replaces the record of an office whose charter was updated.
    """
    relative = unicodedata.normalize("NFC", Path(relative).as_posix())
    stem = Path(relative).name.split(".")[0]
    slug = regex.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")[:48].strip("-") or "charter"
    return f"{slug}-{hashlib.sha1(relative.encode('utf-8')).hexdigest()[:8]}"


def process(path: str | Path, source_file: str | None = None, pdf_backend: str | None = None) -> Charter:
    """One document in, one charter record out (not yet validated).

    ``pdf_backend`` names the PDF parser (``pipeline.readers.backends``); None takes
    ``$CHARTER_PDF_BACKEND``, else the default.
    """
    path = Path(path)
    source_file = source_file or path.name
    stage = "extract"
    try:
        raw = extract(path, pdf_backend)
        stage = "repair"
        repaired = repair(raw)
        stage = "normalize"
        return normalize(repaired, charter_id(source_file), source_file)
    except (ReadError, NotACharterError) as exc:   # the reasons the stages give, one line each
        raise StageError(stage, str(exc)) from None
    except Exception as exc:  # one bad document must not stop a batch
        raise StageError(stage, f"{type(exc).__name__}: {exc}") from exc


# ------------------------------------------------------------------ batch

@dataclass
class Outcome:
    source_file: str
    charter: Charter | None = None
    stage: str = ""
    reason: str = ""


@dataclass
class Summary:
    documents: int = 0
    unchanged: int = 0
    processed: int = 0
    failed: int = 0
    services: int = 0
    findings: int = 0
    errors: list[dict] = field(default_factory=list)
    out: str = ""
    interrupted: bool = False


def discover(inputs: Iterable[str | Path]) -> list[tuple[Path, str]]:
    """Files under the inputs, each with its path relative to the input it came from.

    In a folder, hidden files and files of the types in SKIP_SUFFIXES are left
    out; a file named on its own is always taken.
    """
    found = []
    for item in map(Path, inputs):
        if item.is_dir():
            files = sorted(p for p in item.rglob("*") if p.is_file())
            found += [(p, p.relative_to(item).as_posix(), item.name) for p in files
                      if not any(SKIP_NAMES.search(part) for part in p.relative_to(item).parts)
                      and p.suffix.lower() not in SKIP_SUFFIXES]
        else:
            found.append((item, item.name, item.parent.name))   # a missing path is reported, not skipped
    return _distinct(found)


def _distinct(found: list[tuple[Path, str, str]]) -> list[tuple[Path, str]]:
    """Two inputs holding the same relative path (a/charter.pdf, b/charter.pdf) would
    share a charter_id and overwrite each other: those get their input's name in front."""
    seen: dict[str, int] = {}
    for _, relative, _ in found:
        seen[relative] = seen.get(relative, 0) + 1
    return [(path, f"{origin}/{relative}" if seen[relative] > 1 else relative) for path, relative, origin in found]


def _unchanged(job: tuple[Path, str], out: Path) -> bool:
    path, relative = job
    record = out / emit.CHARTERS_DIR / f"{charter_id(relative)}.json"
    if not record.exists() or not path.is_file():
        return False
    try:
        previous = json.loads(record.read_text(encoding="utf-8"))
    except ValueError:
        return False
    return (previous.get("source_sha256"), previous.get("pipeline_version")) == (file_sha256(path), __version__)


def _process_one(job: tuple[Path, str]) -> Outcome:
    path, relative = job
    if not path.exists():
        return Outcome(relative, stage="extract", reason="no such file")
    if not path.is_file():      # a pipe or a device would block the batch
        return Outcome(relative, stage="extract", reason="not a regular file")
    try:
        return Outcome(relative, charter=process(path, relative))
    except StageError as exc:
        return Outcome(relative, stage=exc.stage, reason=str(exc))


def _outcomes(jobs: list[tuple[Path, str]], workers: int) -> Iterator[Outcome]:
    if workers <= 1 or len(jobs) <= 1:
        yield from map(_process_one, jobs)
        return
    with concurrent.futures.ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_process_one, jobs, chunksize=4)


def _error(file: str, stage: str, reason: str) -> dict:
    return {"file": file, "stage": stage, "reason": " ".join(reason.split())}


def run(inputs: Iterable[str | Path], out: str | Path, jobs: int = 1,
        on_document: Callable[[Outcome], None] | None = None,
        report: Callable[[str], None] = lambda line: print(line, file=sys.stderr),
        incremental: bool = False, options: package.Options | None = None) -> Summary:
    """Process every document under ``inputs`` into ``out``.

    Each failure is one line through ``report`` and one row of errors.csv; the
    batch goes on. Records are written as they are made; the tables, the audit
    and the data package are rebuilt from all records in ``out`` at the end.
    ``incremental`` skips a document whose record in ``out`` was made from the
    same bytes by the same pipeline version. ``options`` describe the data release
    (licence, release id, source URLs); by default those of the folder's last run.
    """
    out = Path(out)
    inputs = list(inputs)
    options = package.with_inputs(options or package.load_options(out), inputs, out)
    work = discover(inputs)
    summary = Summary(documents=len(work), out=str(out))
    if incremental:
        work = [job for job in work if not _unchanged(job, out)]
        summary.unchanged = summary.documents - len(work)
    try:
        for outcome in _outcomes(work, jobs):
            _keep(outcome, out, summary, report)
            if on_document:
                on_document(outcome)
    except KeyboardInterrupt:
        # Stopped by hand: the records made so far still get their tables.
        summary.interrupted = True
        report(f"interrupted after {summary.processed + summary.failed} of {len(work)} documents; "
               "writing the tables for the records made so far")
    finish(out, summary, options)
    return summary


def _keep(outcome: Outcome, out: Path, summary: Summary, report: Callable[[str], None]) -> None:
    if outcome.charter is not None:
        problems = validate_charter(outcome.charter.to_dict())
        if not problems:
            emit.write_charter(out, outcome.charter)
            summary.processed += 1
            return
        emit.write_rejected(out, outcome.charter)
        outcome.stage, outcome.reason = "validate", f"{len(problems)} schema errors, first: {problems[0]}"
        summary.errors += [_error(outcome.source_file, "validate", p) for p in problems]
    else:
        summary.errors.append(_error(outcome.source_file, outcome.stage, outcome.reason))
    summary.failed += 1
    report(f"{outcome.source_file}: {outcome.stage}: {outcome.reason}")


def finish(out: Path, summary: Summary, options: package.Options | None = None) -> None:
    """Tables, audit, data package, database, Parquet and workbook from every record in ``out``."""
    charters, unreadable = emit.load_charters(out)
    summary.errors += unreadable
    tables = emit.build_tables(charters)
    tables.update(audit_stage.tables(charters, tables["services"]))
    summary.services = len(tables["services"])
    summary.findings = len(tables["audit"])
    for name, rows in tables.items():
        summary.errors += [_error(f"{name}.csv", "validate", p) for p in _table_problems(name, rows)]
    tables["errors"] = summary.errors
    for name, rows in tables.items():
        emit.write_table(out, name, rows)
    write_outputs(out, options)


def write_outputs(out: Path, options: package.Options | None = None) -> None:
    """What portals, analysts and reviewers open, each read from the finished CSVs:
    datapackage.json, charters.db (with Datasette's metadata.json), Parquet, charters.xlsx."""
    package.write(out, options)
    database.write(out)
    tabular.write(out)


def _table_problems(name: str, rows: list[dict]) -> list[str]:
    frame = pd.DataFrame(rows, columns=emit.field_names(name), dtype=str)
    return validate_table(name, frame)

"""The library API: ``process`` one document, ``run`` a batch into an output folder.

``process`` is a pure function of one file, so a batch is a map over files
(``process_document``, run by an executor of ``batch``: worker processes here,
or a Dask cluster). ``run`` adds the batch's side: finding the documents,
writing records as they come, then the tables, the audit and the data package.
"""
from __future__ import annotations

import contextlib
import hashlib
import inspect
import json
import os
import shutil
import stat
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

import regex

from . import __version__
from . import audit as audit_stage
from . import batch, database, emit, package, tabular
from .audit import cross as cross_audit
from .audit import crossdb
from .extract import extract
from .model import Charter, Finding
from .normalize import NotACharterError, normalize
from .readers.base import ReadError, file_sha256
from .repair import repair
from .validate import TABLES, table_problems, validate_charter

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


# ------------------------------------------------------------------ one document of a batch

@dataclass(frozen=True)
class Document:
    """A file of the batch: where to read it, and the name its charter gets."""
    path: str                                 # a local path, or an fsspec URL (s3://…, file://…)
    source_file: str                          # relative to its input folder
    sha256: str = ""                          # empty when it cannot be read (the worker says why)
    other_source_files: tuple[str, ...] = ()  # other paths with the same bytes


@dataclass
class Outcome:
    """What became of one document: a record with its shard, a rejected record, or a failure."""
    source_file: str
    record: str = ""
    shard: str = ""
    rejected: str = ""
    stage: str = ""
    reason: str = ""
    problems: list[str] = field(default_factory=list)
    copies: tuple[str, ...] = ()        # other paths of the same bytes: a failure is theirs too

    @property
    def charter_id(self) -> str:
        return charter_id(self.source_file)

    @property
    def services(self) -> int:
        """How many services the record holds (its shard's first line counts its rows)."""
        return self._meta()["rows"]["services"] if self.shard else 0

    @property
    def notes(self) -> list[dict]:
        """The errors rows of the document itself that its record carries (pages not read)."""
        return [e for e in self._meta()["errors"] if e["file"] == self.source_file] if self.shard else []

    def _meta(self) -> dict:
        return json.loads(self.shard.split("\n", 1)[0])


def shard_for(charter: Charter, record: str) -> str:
    """The charter's rows of every table, its audit rows and their validation problems."""
    tables = emit.table_rows(charter)
    tables["audit"] = audit_stage.charter_findings(charter)
    problems = [_error(f"{name}.csv", "validate", f"{charter.charter_id}: {problem}")
                for name, rows in tables.items() for problem in table_problems(name, rows)]
    return emit.shard_text(charter, record, tables, _unread_pages(charter) + problems)


def _unread_pages(charter: Charter) -> list[dict]:
    """An errors row for a record some of whose pages were not read (a scan without Tesseract, or
    one it read nothing on): the record stands, but errors.csv must say it is incomplete."""
    unread = [f.message for f in charter.findings if f.rule == "page_needs_ocr"]
    if not unread:
        return []
    more = f"; {len(unread) - 1} more pages likewise" if len(unread) > 1 else ""
    return [_error(charter.source_file, "extract",
                   f"{len(unread)} of {charter.pages} pages need OCR and were not read; {unread[0]}{more}")]


def _note_copies(charter: Charter, others: tuple[str, ...]) -> None:
    if not others:
        return
    charter.other_source_files = list(others)
    charter.findings.append(Finding("duplicate_source", "info", f"the same file ({charter.source_sha256[:12]}) "
                                    f"is also at {', '.join(others)}: one charter stands for all of them"))


@contextlib.contextmanager
def _local_file(location: str) -> Iterator[Path]:
    """A local path for the document: itself, or a copy of a remote one in a temporary folder."""
    if "://" not in location:
        yield Path(location)
        return
    import fsspec
    with tempfile.TemporaryDirectory(prefix="charter-") as folder:
        local = Path(folder) / Path(location.rstrip("/")).name
        with fsspec.open(location, "rb") as remote, open(local, "wb") as copy:
            shutil.copyfileobj(remote, copy)
        yield local


def process_document(document: Document) -> Outcome:
    """One document of a batch, everything but writing: what an executor maps over the batch.

    A MemoryError is let through for the executor, which knows the limit.
    """
    try:
        with _local_file(document.path) as path:
            if not path.exists():
                return Outcome(document.source_file, stage="extract", reason="no such file")
            if not path.is_file():      # a pipe or a device would block the batch
                return Outcome(document.source_file, stage="extract", reason="not a regular file")
            charter = process(path, document.source_file)
    except StageError as exc:
        if isinstance(exc.__cause__, MemoryError):
            raise MemoryError from None
        return Outcome(document.source_file, stage=exc.stage, reason=str(exc))
    except OSError as exc:              # a remote input that cannot be fetched
        return Outcome(document.source_file, stage="extract", reason=f"cannot read: {exc}")
    _note_copies(charter, document.other_source_files)
    record = emit.charter_json(charter.to_dict())
    problems = validate_charter(charter.to_dict())
    if problems:
        return Outcome(document.source_file, rejected=record, stage="validate", problems=problems,
                       reason=f"{len(problems)} schema errors, first: {problems[0]}")
    return Outcome(document.source_file, record=record, shard=shard_for(charter, record))


# ------------------------------------------------------------------ finding the documents

@dataclass
class Summary:
    documents: int = 0
    unchanged: int = 0
    processed: int = 0
    failed: int = 0
    pruned: int = 0
    services: int = 0
    findings: int = 0
    errors: list[dict] = field(default_factory=list)
    out: str = ""
    interrupted: bool = False


def _skipped_name(relative: str) -> bool:
    return any(SKIP_NAMES.search(part) for part in Path(relative).parts) \
        or Path(relative).suffix.lower() in SKIP_SUFFIXES


def _printable(name: str) -> str:
    """A file name fit for one line of text and for UTF-8 outputs: control characters escaped,
    bytes that are no UTF-8 (kept by the OS as surrogates) shown as U+FFFD."""
    name = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return "".join(c if c.isprintable() or c == " " else c.encode("unicode_escape").decode("ascii") for c in name)


def _folder_files(root: Path) -> tuple[list[tuple[str, str]], list[dict]]:
    """(path, path relative to ``root``) of the candidate files under ``root``, and the links refused.

    Symbolic links are followed only to files inside ``root``; linked folders are
    not entered (what they hold inside ``root`` is found anyway).
    """
    inside = root.resolve()
    found, refused = [], []
    for folder, dirs, files in os.walk(root):
        links = [d for d in dirs if os.path.islink(os.path.join(folder, d))]
        dirs[:] = sorted(d for d in dirs if d not in links)
        for name in sorted(files + links):
            path = Path(folder) / name
            relative = path.relative_to(root).as_posix()
            if _skipped_name(relative):
                continue
            problem = _link_problem(path, inside) if path.is_symlink() else ""
            if problem:
                refused.append(_error(_printable(relative), "discover", problem))
            else:
                found.append((str(path), relative))
    return found, refused


def _link_problem(path: Path, inside: Path) -> str:
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):     # dangling, or a loop of links
        return "broken symbolic link (its target does not exist or loops)"
    if target.is_dir():
        return "symbolic link to a folder: not entered"
    if not target.is_relative_to(inside):
        return "symbolic link to a file outside the input folder: not followed"
    return ""


def _remote_files(url: str) -> list[tuple[str, str, str]]:
    """(URL, relative name, origin) of the files under an fsspec URL (s3://bucket/raw/, file:///shared/raw)."""
    try:
        import fsspec
    except ImportError:
        raise RuntimeError(batch.CLUSTER_HINT) from None
    fs, root = fsspec.core.url_to_fs(url)
    if not fs.isdir(root):
        return [(url, Path(root).name, Path(root).parent.name)]
    base = root.rstrip("/")
    names = [(p, p[len(base) + 1:]) for p in sorted(fs.find(root))]
    return [(fs.unstrip_protocol(p), relative, Path(base).name) for p, relative in names
            if not _skipped_name(relative)]


def _sha256(location: str) -> str:
    """The file's hash, or "" when it is no regular file or cannot be read (the worker then says why)."""
    try:
        if "://" in location:
            import fsspec
            digest = hashlib.sha256()
            with fsspec.open(location, "rb") as handle:
                for chunk in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(chunk)
            return digest.hexdigest()
        return file_sha256(Path(location)) if stat.S_ISREG(os.stat(location).st_mode) else ""
    except OSError:
        return ""


def find(inputs: Iterable[str | Path]) -> tuple[list[tuple[str, str, str]], list[dict]]:
    """(path, path relative to its input, input's name) of every candidate file under ``inputs``,
    and an error row for each path refused; nothing read yet.

    In a folder, hidden files, files of the types in SKIP_SUFFIXES and links out
    of the folder are left out; a file named on its own is always taken.
    """
    found: list[tuple[str, str, str]] = []
    refused: list[dict] = []
    for item in map(str, inputs):
        if "://" in item:
            found += _remote_files(item)
        elif os.path.isdir(item):
            files, links = _folder_files(Path(item))
            found += [(path, relative, Path(item).resolve().name) for path, relative in files]
            refused += links
        else:
            found.append((item, Path(item).name, Path(item).resolve().parent.name))  # a missing path is reported
    return found, refused


def discover(inputs: Iterable[str | Path]) -> tuple[list[Document], list[dict]]:
    """The documents under ``inputs`` (``find``), and an error row for each path refused.
    Files with the same bytes become one document named after the first of their paths;
    the others are noted in it."""
    found, refused = find(inputs)
    return _merge_copies(_distinct(found)), refused


def _distinct(found: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
    """Two inputs holding the same relative path (a/charter.pdf, b/charter.pdf) would
    share a charter_id and overwrite each other: those get their input's name in front."""
    seen: dict[str, int] = {}
    for _, relative, _ in found:
        seen[relative] = seen.get(relative, 0) + 1
    return [(path, _printable(f"{origin}/{relative}" if seen[relative] > 1 else relative))
            for path, relative, origin in found]


def _merge_copies(named: list[tuple[str, str]]) -> list[Document]:
    """One document per distinct content; the smallest name leads, whatever the order of the inputs."""
    groups: dict[str, list[tuple[str, str]]] = {}
    documents = []
    for path, relative in sorted(set(named), key=lambda pr: (pr[1], pr[0])):
        digest = _sha256(path)
        if digest:
            groups.setdefault(digest, []).append((path, relative))
        else:
            documents.append(Document(path, relative))
    for digest, members in groups.items():
        (path, relative), others = members[0], tuple(r for _, r in members[1:] if r != members[0][1])
        documents.append(Document(path, relative, digest, others))
    return sorted(documents, key=lambda d: d.source_file)


def _unchanged(document: Document, out: Path) -> bool:
    meta = emit.read_shard_meta(out, charter_id(document.source_file))
    return meta is not None and emit.record_path(out, meta["charter_id"]).exists() and (
        meta["source_sha256"], meta["pipeline_version"], tuple(meta["other_source_files"])) == (
        document.sha256, __version__, document.other_source_files)


def _superseded(out: Path, documents: list[Document], prune: bool) -> list[str]:
    """Records to drop: those now standing for a copy of another document's bytes and, with
    ``prune``, those whose source is not among the documents of this run."""
    copies = {charter_id(other) for d in documents for other in d.other_source_files}
    if not prune:
        return sorted(i for i in copies if emit.record_path(out, i).exists())
    current = {charter_id(d.source_file) for d in documents}
    stored = set(emit.record_ids(out)) | {p.stem for p in (out / emit.REJECTED_DIR).glob("*.json")}
    return sorted(stored - current)


# ------------------------------------------------------------------ the batch

EXECUTORS = ("local", "dask", "inline")


def _error(file: str, stage: str, reason: str) -> dict:
    return {"file": file, "stage": stage, "reason": " ".join(reason.split())}


def warm_up() -> None:
    """Build every lazily compiled pattern and table (the argument-less cached builders of the
    pipeline's modules) once in this process: workers forked from it inherit them, instead of
    each spending half a second on its first document."""
    for name, module in list(sys.modules.items()):
        if name != "pipeline" and not name.startswith("pipeline."):
            continue
        for value in list(vars(module).values()):
            if hasattr(value, "cache_info") and getattr(value, "__module__", "") == name \
                    and _takes_no_arguments(value):
                value()


def _takes_no_arguments(fn: Callable) -> bool:
    try:
        return not inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False


def _results(documents: list[Document], jobs: int, executor: str, scheduler: str | None,
             limits: batch.Limits) -> Iterator[Outcome]:
    if executor == "inline":
        pairs = batch.inline_map(process_document, documents)
    elif executor == "dask":
        pairs = batch.dask_map(process_document, documents, jobs, limits, scheduler)
    else:
        warm_up()
        pairs = batch.local_map(process_document, documents, jobs, limits)
    for document, result in pairs:
        outcome = result if isinstance(result, Outcome) else \
            Outcome(document.source_file, stage="worker", reason=result.reason)
        outcome.copies = document.other_source_files
        yield outcome


def run(inputs: Iterable[str | Path], out: str | Path, jobs: int = 1,
        on_document: Callable[[Outcome], None] | None = None,
        report: Callable[[str], None] = lambda line: print(line, file=sys.stderr),
        incremental: bool = False, options: package.Options | None = None, prune: bool = False,
        executor: str = "local", scheduler: str | None = None, limits: batch.Limits = batch.Limits(),
        on_start: Callable[[int], None] | None = None) -> Summary:
    """Process every document under ``inputs`` into ``out``.

    Each document runs in a worker process under ``limits`` (``executor``
    "local", ``jobs`` at a time; "dask" on the cluster at ``scheduler`` or on a
    local one; "inline" in this process, without limits). Each failure is one
    line through ``report`` and one row of errors.csv; the batch goes on.
    Records are written as they are made; the tables, the audit, the data
    package, the database, Parquet and the workbook are rebuilt from the records'
    shards at the end. ``incremental`` skips a document whose record was made
    from the same bytes by the same pipeline version; ``prune`` drops the records
    of sources not in ``inputs``. ``options`` describe the data release (licence,
    release id, source URLs); by default those of the folder's last run.
    ``on_start`` gets the number of documents to process.
    """
    if executor not in EXECUTORS:
        raise ValueError(f"unknown executor {executor!r}; known: {', '.join(EXECUTORS)}")
    out = Path(out)
    inputs = list(inputs)
    with emit.output_lock(out):
        emit.remove_stale_temp_files(out)
        options = package.with_inputs(options or package.load_options(out), inputs, out)
        documents, refused = discover(inputs)
        summary = Summary(documents=len(documents), out=str(out))
        for row in refused:
            _report_error(summary, report, row)
        for stale in _superseded(out, documents, prune):
            summary.pruned += emit.remove_record(out, stale)
        work = [d for d in documents if not (incremental and _unchanged(d, out))]
        summary.unchanged = len(documents) - len(work)
        if on_start:
            on_start(len(work))
        try:
            for outcome in _results(work, jobs, executor, scheduler, limits):
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


def _report_error(summary: Summary, report: Callable[[str], None], row: dict) -> None:
    summary.errors.append(row)
    report(_line(row))


def _line(row: dict) -> str:
    return f"{_printable(row['file'])}: {row['stage']}: {row['reason']}"


def _keep(outcome: Outcome, out: Path, summary: Summary, report: Callable[[str], None]) -> None:
    if outcome.record:
        emit.write_charter(out, outcome.charter_id, outcome.record, outcome.shard)
        summary.processed += 1
        for row in outcome.notes:
            report(_line(row))
        return
    summary.failed += 1
    names = (outcome.source_file, *outcome.copies)
    for name in names:
        report(f"{_printable(name)}: {outcome.stage}: {' '.join(outcome.reason.split())}")
    if outcome.rejected:
        emit.write_rejected(out, outcome.charter_id, outcome.rejected)
        summary.errors += [_error(name, "validate", problem) for name in names for problem in outcome.problems]
    else:
        summary.errors += [_error(name, outcome.stage, outcome.reason) for name in names]


# ------------------------------------------------------------------ the tables

def _checked_meta(out: Path, charter_id: str) -> tuple[dict | None, list[dict]]:
    """The record's shard facts, the shard first rebuilt from the record when it is missing or
    stale (a kill between the two writes, a record edited or copied in); None for a bad record."""
    meta = emit.read_shard_meta(out, charter_id)
    record = emit.record_path(out, charter_id).read_bytes()
    if meta is not None and meta["record_sha256"] == hashlib.sha256(record).hexdigest():
        return meta, []
    try:
        charter = emit.load_charter(out, charter_id)
    except ValueError as exc:
        return None, [emit.unreadable_record(out, charter_id, str(exc))]
    emit.write_atomic(emit.shard_path(out, charter_id), shard_for(charter, record.decode("utf-8")))
    return emit.read_shard_meta(out, charter_id), []


def _digest(state: list[tuple[str, str, str]], errors: list[dict], options: package.Options) -> str:
    """What the outputs are made of: each record's bytes (charter_id, record hash, shard layout),
    the errors rows and the release options."""
    return hashlib.sha256(json.dumps([state, errors, repr(options)], ensure_ascii=False).encode("utf-8")).hexdigest()


def finish(out: Path, summary: Summary, options: package.Options | None = None) -> None:
    """Tables, audit and data package from every record in ``out``, streamed from their shards;
    then the database, Parquet and the workbook from the tables.

    Outputs already built from the same records, errors and release options are left as they are.
    """
    out = Path(out)
    options = options or package.load_options(out)
    ids, state, errors = [], [], []     # per record only what the digest needs, not its shard's facts
    for charter_id in emit.record_ids(out):
        meta, unreadable = _checked_meta(out, charter_id)
        errors += unreadable
        if meta is not None:
            ids.append(charter_id)
            state.append((charter_id, meta["record_sha256"], meta["layout"]))
            errors += meta["errors"]
    emit.remove_orphan_shards(out, ids)
    summary.errors = sorted(summary.errors + errors, key=lambda e: (e["file"], e["stage"], e["reason"]))
    digest = _digest(state, summary.errors, options)
    del state
    state = emit.tables_current(out, digest) or _write_tables(out, ids, summary.errors, digest, options)
    summary.services = state["counts"]["services"]
    summary.findings = state["counts"]["audit"]


def _write_tables(out: Path, ids: list[str], errors: list[dict], digest: str, options: package.Options) -> dict:
    """Every table streamed from the shards, services with their catalogue key, the audit with the
    rules across charters and their tables; then every output read from the tables.

    The rules across charters read the services once, into a temporary SQLite file of ``out``
    (``audit.crossdb``), which is gone when this returns or raises (and a killed run's is removed
    by the next run's ``emit.remove_stale_temp_files``)."""
    with crossdb.Store.temporary(out) as store:
        cross = cross_audit.CrossAudit(store)
        cross.load(emit.joined_service_rows(out, ids))
        emit.release_memory()
        writer = emit.TableWriter(out, TABLES)
        try:
            for charter_id in ids:
                rows = list(emit.shard_rows(out, charter_id))
                # service_id -> key within the charter (the last of a repeated id wins, as in one mapping
                # of every id: ids of two charters never meet, each starts with its charter_id and a colon)
                mine = {row["service_id"]: cross.key(row["charter_id"], row.get("service_name", ""))
                        for name, row in rows if name == "services"}
                for name, row in rows:
                    if name == "services":
                        row["service_key"] = mine.get(row["service_id"], "")
                    writer.add(name, row)
            cross.write(writer.add)
            for row in errors:
                writer.add("errors", row)
            writer.commit()
        finally:
            writer.discard()
    emit.release_memory()
    write_outputs(out, options)
    emit.write_state(out, digest, writer.counts)
    return {"digest": digest, "counts": writer.counts}


def write_outputs(out: Path, options: package.Options | None = None) -> None:
    """What portals, analysts and reviewers open, each read from the finished CSVs:
    datapackage.json, charters.db (with Datasette's metadata.json), Parquet, charters.xlsx."""
    package.write(out, options)
    database.write(out)
    tabular.write(out)


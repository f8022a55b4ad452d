"""A batch run: outputs, the data package, bad input beside good input, the CLI."""
from __future__ import annotations

import csv
import hashlib
import http.server
import json
import os
import shutil
import signal
import subprocess
import socket
import sys
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import frictionless
import pandas as pd
import pytest

from pipeline import run
from pipeline.api import _printable, charter_id
from pipeline.cli import main
from pipeline.validate import validate_charter, validate_folder
from tests.conftest import FIXTURES, ROOT, SAMPLE


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """The sample, the GRS fixture, a broken PDF and an empty file in one input folder."""
    root = tmp_path_factory.mktemp("batch")
    inputs = root / "raw"
    (inputs / "sub").mkdir(parents=True)
    shutil.copy(SAMPLE, inputs / SAMPLE.name)
    shutil.copy(FIXTURES / "text" / "land-office-with-grs.txt", inputs / "sub" / "land.txt")
    (inputs / "broken.pdf").write_bytes(b"%PDF-1.4\n garbage that is no PDF at all")
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "notes.txt").write_text("garbage, not a charter\n", encoding="utf-8")
    lines = []
    summary = run([inputs], root / "out", report=lines.append)
    return summary, root / "out", lines


def read(out, name):
    return pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")


def test_summary_and_one_line_per_bad_file(batch):
    summary, _, lines = batch
    assert (summary.documents, summary.processed, summary.failed) == (5, 2, 3)
    assert summary.services == 17
    assert sorted(line.split(":")[0] for line in lines) == ["broken.pdf", "empty.txt", "notes.txt"]
    assert all("\n" not in line for line in lines)


def test_errors_csv_names_file_stage_reason(batch):
    _, out, _ = batch
    errors = read(out, "errors")
    assert sorted(errors.file) == ["broken.pdf", "empty.txt", "notes.txt"]
    reasons = errors.set_index("file")
    assert (reasons.stage["empty.txt"], reasons.reason["empty.txt"]) == ("extract", "empty file")
    assert reasons.reason["broken.pdf"].startswith("not a readable PDF")
    assert (reasons.stage["notes.txt"], reasons.reason["notes.txt"]) == (
        "normalize", "no charter content: no service table, charter heading or title found")


def test_good_documents_written(batch):
    _, out, _ = batch
    ids = sorted(p.stem for p in (out / "charters").glob("*.json"))
    assert ids == sorted([charter_id(SAMPLE.name), charter_id("sub/land.txt")])
    services = read(out, "services")
    assert services.source_file.value_counts().to_dict() == {SAMPLE.name: 13, "sub/land.txt": 4}
    assert not list(out.rglob("*.tmp"))


def test_csv_columns_and_values(batch):
    _, out, _ = batch
    services = read(out, "services")
    sample = services[services.source_file == SAMPLE.name]
    citizen2 = sample[(sample.section == "citizen") & (sample.serial == "2")].iloc[0]
    assert citizen2.officer_emails == "abdurrahim.doict@gmail.com"
    assert citizen2.officer_phones == "+8801739973015"
    assert citizen2.source_pages == "1;2"
    inst1 = sample[(sample.section == "institutional") & (sample.serial == "1")].iloc[0]
    assert (inst1.fee_bdt, inst1.is_free, inst1.fee_kind) == ("", "false", "policy")
    for column in ("serial", "fee_bdt", "time_limit_days", "officer_phones", "source_pages"):
        assert services[column].str.fullmatch(r"[0-9+;.]*").all(), column
    assert "0173972015" not in ";".join(services.officer_phones)
    assert sorted(set(sample.time_limit_days)) == ["15", "3", "7"]


def test_charters_csv(batch):
    _, out, _ = batch
    row = read(out, "charters").set_index("source_file").loc[SAMPLE.name]
    assert (row.upazila, row.district, row.division_en) == ("লাখাই", "হবিগঞ্জ", "Sylhet")
    assert row.website == "http://lakhai.habiganj.gov.bd/"
    assert row.vision.startswith("জ্ঞানভিত্তিক অর্থনীতি")
    assert (row.services, row.pages, row.source_format) == ("13", "4", "text")


def test_audit_rows_for_sample(batch):
    _, out, _ = batch
    audit = read(out, "audit")
    sample = audit[audit.source_file == SAMPLE.name]
    by_rule = {rule: group for rule, group in sample.groupby("rule")}
    invalid = by_rule["invalid_phone"].iloc[0]
    assert (invalid.section, invalid.serial, invalid.field) == ("institutional", "8", "officer_phones")
    assert "0173972015" in invalid.message
    conflict = by_rule["officer_conflicting_contacts"].iloc[0].message
    assert "+8801739973015" in conflict and "+8801739972015" in conflict and "আব্দুর রহিম" in conflict
    assert "missing_grievance_section" in by_rule and "ends_mid_table" in by_rule
    assert set(audit.columns) == {"charter_id", "source_file", "rule", "severity", "section", "serial",
                                  "field", "message"}


def test_grievance_and_expectations_tables(batch):
    _, out, _ = batch
    grievance = read(out, "grievance")
    assert list(grievance.officer_designation) == ["উপজেলা নির্বাহী অফিসার", "জেলা প্রশাসক"]
    assert list(grievance.resolution_days) == ["30", "20"]
    assert read(out, "expectations").text.iloc[1] == "নির্ধারিত ফি পরিশোধ করা"


def test_json_records_valid_against_schema(batch):
    _, out, _ = batch
    for path in (out / "charters").glob("*.json"):
        assert validate_charter(json.loads(path.read_text(encoding="utf-8"))) == []
    assert validate_folder(out) == []


def test_datapackage_valid_with_frictionless(batch):
    _, out, _ = batch
    report = frictionless.validate(str(out / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    names = [r["name"] for r in json.loads((out / "datapackage.json").read_text())["resources"]]
    assert names == ["charters", "services", "contacts", "grievance", "expectations", "audit", "service_catalogue",
                     "cross_charter", "errors"]


def test_csv_is_excel_friendly_utf8(batch):
    _, out, _ = batch
    raw = (out / "services.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")      # the BOM Excel needs to read UTF-8
    with open(out / "services.csv", encoding="utf-8-sig", newline="") as handle:
        first = next(csv.DictReader(handle))
    assert first["officer_name"] == "আব্দুর রহিম"


def test_rerun_is_stable_and_keeps_records(batch, tmp_path):
    _, out, _ = batch
    before = {p.name: p.read_bytes() for p in (out / "charters").glob("*.json")}
    summary = run([SAMPLE], out, report=lambda _: None)
    assert summary.processed == 1
    after = {p.name: p.read_bytes() for p in (out / "charters").glob("*.json")}
    assert after == before      # same id, same content; the other record is kept


def test_charter_id_is_stable_and_safe():
    assert charter_id("sub/Lakhai ICT.txt") == charter_id("sub/Lakhai ICT.txt")
    assert charter_id("sub/Lakhai ICT.txt").startswith("lakhai-ict-")
    assert charter_id("a/সিটিজেন চার্টার.pdf").startswith("charter-")
    assert charter_id("a/x.pdf") != charter_id("b/x.pdf")


def test_cli_exit_codes(tmp_path, capsys):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "x.bin").write_bytes(b"\x00\x01\x02binary")
    assert main(["run", str(bad), "-o", str(tmp_path / "o1"), "-j", "1"]) == 1
    assert main(["run", str(SAMPLE), str(bad), "-o", str(tmp_path / "o2"), "-j", "1"]) == 0
    assert main(["run", str(SAMPLE), str(bad), "-o", str(tmp_path / "o3"), "-j", "1", "--strict"]) == 1
    assert main(["validate", str(tmp_path / "o2")]) == 0
    assert main(["audit", str(tmp_path / "o2")]) == 0
    assert "invalid_phone" in capsys.readouterr().out


def test_module_entry_point_runs(tmp_path):
    done = subprocess.run([sys.executable, "-m", "pipeline", "run", str(SAMPLE), "-o", str(tmp_path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "services" in done.stdout and "13" in done.stdout


def test_parallel_run_matches_serial(tmp_path):
    inputs = [SAMPLE, FIXTURES / "text" / "land-office-with-grs.txt"]
    run(inputs, tmp_path / "serial", jobs=1)
    run(inputs, tmp_path / "parallel", jobs=2)
    assert (tmp_path / "serial" / "services.csv").read_bytes() == (tmp_path / "parallel" / "services.csv").read_bytes()


def test_incremental_run_skips_unchanged_documents(tmp_path):
    inputs = tmp_path / "raw"
    inputs.mkdir()
    shutil.copy(SAMPLE, inputs / SAMPLE.name)
    shutil.copy(FIXTURES / "text" / "land-office-with-grs.txt", inputs / "land.txt")
    first = run([inputs], tmp_path / "out", report=lambda _: None)
    (inputs / "land.txt").write_text((inputs / "land.txt").read_text(encoding="utf-8").replace(
        "২৮ কার্যদিবস", "৩০ কার্যদিবস"), encoding="utf-8")
    second = run([inputs], tmp_path / "out", report=lambda _: None, incremental=True)
    assert (first.processed, second.unchanged, second.processed) == (2, 1, 1)
    services = read(tmp_path / "out", "services")
    assert services.source_file.value_counts().to_dict() == {SAMPLE.name: 13, "land.txt": 4}
    land1 = services[(services.source_file == "land.txt") & (services.serial == "1")].iloc[0]
    assert land1.time_limit_days == "30"          # the changed document was processed again


def test_prune_removes_the_records_of_sources_gone_and_only_with_prune(tmp_path):
    inputs = tmp_path / "raw"
    inputs.mkdir()
    shutil.copy(SAMPLE, inputs / SAMPLE.name)
    shutil.copy(FIXTURES / "text" / "land-office-with-grs.txt", inputs / "land.txt")
    run([inputs], tmp_path / "out", report=lambda _: None)
    (inputs / "land.txt").unlink()
    kept = run([inputs], tmp_path / "out", report=lambda _: None, incremental=True)
    assert (kept.unchanged, kept.pruned) == (1, 0)
    assert sorted(read(tmp_path / "out", "charters").source_file) == [SAMPLE.name, "land.txt"]
    pruned = run([inputs], tmp_path / "out", report=lambda _: None, incremental=True, prune=True)
    assert (pruned.unchanged, pruned.pruned) == (1, 1)
    assert list(read(tmp_path / "out", "charters").source_file) == [SAMPLE.name]
    assert set(read(tmp_path / "out", "services").source_file) == {SAMPLE.name}
    gone = charter_id("land.txt")
    assert not (tmp_path / "out" / "charters" / f"{gone}.json").exists()
    assert not (tmp_path / "out" / ".shards" / f"{gone}.jsonl").exists()


def test_a_service_dearer_than_its_peers_is_audited(tmp_path):
    """Four offices publish the same charter; one charges five times as much for a service."""
    source = ROOT / "tests" / "corpus" / "rendered" / "c08-ict-ranisankail-portrait-txt.txt"
    inputs = tmp_path / "raw"
    inputs.mkdir()
    text = source.read_text(encoding="utf-8")
    # Each office's own title line (the same bytes would be one charter).
    for office, upazila in (("a", "পীরগঞ্জ"), ("b", "হরিপুর"), ("c", "বালিয়াডাঙ্গী")):
        (inputs / f"{office}.txt").write_text(text.replace("কার্যালয়, রাণীশংকৈল, ঠাকুরগাঁও\n",
                                                           f"কার্যালয়, {upazila}, ঠাকুরগাঁও\n", 1), encoding="utf-8")
    dearer = text.replace("২০০ টাকা", "১০০০ টাকা", 1)      # institutional 6, জাতীয় দিবস উদযাপনে সহযোগিতা
    assert dearer != text
    (inputs / "d.txt").write_text(dearer, encoding="utf-8")
    assert len({p.read_bytes() for p in inputs.iterdir()}) == 4
    run([inputs], tmp_path / "out", report=lambda _: None)
    audit = read(tmp_path / "out", "audit")
    above = audit[audit.rule == "above_peers"]
    assert list(zip(above.source_file, above.section, above.serial, above.field)) == [
        ("d.txt", "institutional", "6", "fee_bdt")]
    assert "1000 taka against a median of 200" in above.message.iloc[0]


def test_same_name_in_two_input_folders_keeps_both(tmp_path):
    for folder, source in (("a", SAMPLE), ("b", FIXTURES / "text" / "land-office-with-grs.txt")):
        (tmp_path / folder).mkdir()
        shutil.copy(source, tmp_path / folder / "charter.txt")
    summary = run([tmp_path / "a", tmp_path / "b"], tmp_path / "out", report=lambda _: None)
    assert summary.processed == 2
    assert sorted(read(tmp_path / "out", "charters").source_file) == ["a/charter.txt", "b/charter.txt"]


def test_same_bytes_at_two_paths_make_one_charter(tmp_path):
    """A copy, a link inside the folder and the same file under a second input: one charter, the rest noted."""
    inputs = tmp_path / "raw"
    (inputs / "sub").mkdir(parents=True)
    shutil.copy(SAMPLE, inputs / "b.txt")
    shutil.copy(SAMPLE, inputs / "sub" / "a.txt")
    (inputs / "link.txt").symlink_to("b.txt")
    summary = run([inputs / "sub", inputs], tmp_path / "out", report=lambda _: None)
    assert (summary.documents, summary.processed) == (1, 1)
    charters = read(tmp_path / "out", "charters")
    assert list(charters.source_file) == ["a.txt"]      # the smallest name leads, whatever the input order
    record = json.loads((tmp_path / "out" / "charters" / f"{charter_id('a.txt')}.json").read_text())
    assert record["other_source_files"] == ["b.txt", "link.txt", "sub/a.txt"]
    audit = read(tmp_path / "out", "audit")
    (message,) = audit[audit.rule == "duplicate_source"].message
    assert message.endswith("is also at b.txt, link.txt, sub/a.txt: one charter stands for all of them")


def test_bad_inputs_get_one_line_each(tmp_path, capsys):
    """A pipe, a legacy .doc, an encrypted-looking PDF name and a 2 MB line: no hang, no traceback."""
    import os
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    (tmp_path / "long.txt").write_text("২.১) নাগরিক সেবা\n" + "abc.def" * 300_000, encoding="utf-8")
    code = main(["run", str(tmp_path / "pipe.txt"), str(tmp_path / "old.doc"), str(tmp_path / "long.txt"),
                 str(SAMPLE), "-o", str(tmp_path / "out"), "-j", "1"])
    err = capsys.readouterr().err
    assert code == 0 and "Traceback" not in err
    assert "pipe.txt: extract: not a regular file" in err
    assert "old.doc: extract: unsupported format: a legacy Word/Excel (.doc/.xls) file" in err
    assert oct((tmp_path / "out" / "services.csv").stat().st_mode & 0o777) == oct(0o666 & ~_umask())


def _umask() -> int:
    import os
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_interrupted_run_still_writes_the_tables(tmp_path):
    inputs = tmp_path / "raw"
    inputs.mkdir()
    shutil.copy(SAMPLE, inputs / "a.txt")
    shutil.copy(FIXTURES / "text" / "land-office-with-grs.txt", inputs / "b.txt")
    lines = []

    def stop(_):
        raise KeyboardInterrupt

    summary = run([inputs], tmp_path / "out", on_document=stop, report=lines.append)
    assert summary.interrupted and summary.processed == 1
    assert lines == ["interrupted after 1 of 2 documents; writing the tables for the records made so far"]
    assert validate_folder(tmp_path / "out") == []


def test_debug_command_reports_bad_input_in_one_line(tmp_path, capsys):
    pdf = ROOT / "tests" / "fixtures" / "pdf" / "charter-noto.pdf"
    assert main(["debug", str(pdf), "--page", "99", "-o", str(tmp_path / "x.png")]) == 1
    assert main(["debug", str(SAMPLE), "-o", str(tmp_path / "y.png")]) == 1
    assert main(["debug", str(pdf), "--page", "1", "-o", str(tmp_path / "z.png")]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0].endswith("no page 99 (the document has 2)") and "not a readable PDF" in err[1]
    assert (tmp_path / "z.png").stat().st_size > 10_000


# ------------------------------------------------------------------ executors and their limits

def _work(arg):
    """A stand-in for one document: answers, hangs, eats memory or crashes as told."""
    import ctypes
    import time
    kind, value = arg
    if kind == "sleep":
        time.sleep(value)
    elif kind == "allocate":
        return len(bytearray(value * 1024 * 1024))
    elif kind == "segfault":
        ctypes.string_at(0)
    elif kind == "exit":
        os._exit(value)
    return (kind, value, os.getpid())


def test_local_executor_survives_hangs_memory_and_crashes():
    from pipeline.batch import Failure, Limits, local_map
    args = [("ok", 1), ("sleep", 60), ("allocate", 4096), ("segfault", 0), ("exit", 3), ("ok", 2)]
    started = time.monotonic()
    results = dict(local_map(_work, args, workers=2, limits=Limits(timeout=3, memory_mb=1024)))
    assert time.monotonic() - started < 30
    assert results[("sleep", 60)] == Failure("time limit exceeded (3 s per document)")
    assert results[("allocate", 4096)] == Failure("memory limit exceeded (1024 MB per document)")
    assert results[("segfault", 0)].reason.startswith("worker process died (killed by SIGSEGV); limits 3 s")
    assert results[("exit", 3)].reason.startswith("worker process died (exit status 3)")
    assert results[("ok", 1)][:2] == ("ok", 1) and results[("ok", 2)][:2] == ("ok", 2)
    assert results[("ok", 1)][2] != os.getpid()      # run in a worker, not here


def test_workers_die_with_a_killed_parent(tmp_path):
    """kill -9 of the process that runs the batch: no worker outlives it."""
    script = ("import sys; sys.path.insert(0, %r); from tests.test_batch import _work; "
              "from pipeline.batch import Limits, local_map; "
              "print(list(local_map(_work, [('sleep', 120), ('sleep', 120)], 2, Limits(300))))" % str(ROOT))
    parent = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT)
    workers = _wait_for_children(parent.pid, 2)
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    assert _gone(workers), f"workers {workers} still running after the parent was killed"


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for task in Path(f"/proc/{pid}/task").iterdir()
                for c in (task / "children").read_text().split()]
    except OSError:
        return []


def _wait_for_children(pid: int, count: int, seconds: float = 60) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = _children(pid)
        if len(found) >= count:
            return found
        time.sleep(0.05)
    raise AssertionError(f"process {pid} started no {count} workers in {seconds} s")


def _gone(pids: list[int], seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        alive = [p for p in pids if Path(f"/proc/{p}").exists()
                 and "zombie" not in Path(f"/proc/{p}/status").read_text().lower()]
        if not alive:
            return True
        time.sleep(0.1)
    return False


# ------------------------------------------------------------------ determinism and kill -9

CORPUS = ROOT / "tests" / "corpus" / "rendered"
MIXED = [SAMPLE, FIXTURES / "text" / "land-office-with-grs.txt", CORPUS / "c04-livestock-atwari-landscape-txt.txt",
         CORPUS / "c09-ict-en-kahaloo-portrait-txt.txt", CORPUS / "c00-land-kamalnagar-noto-portrait-html.html",
         CORPUS / "c08-ict-ranisankail-likhan-portrait-docx.docx", CORPUS / "c09-ict-en-kahaloo-dejavu-portrait-lo.pdf"]


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _cli(inputs: list[Path], out: Path, *options: str) -> list[str]:
    return [sys.executable, "-m", "pipeline", "run", *map(str, inputs), "-o", str(out), *options]


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    """A folder of text, HTML, Word and PDF charters and a broken file, and an uninterrupted -j 2 run of it."""
    root = tmp_path_factory.mktemp("mixed")
    inputs = root / "raw"
    (inputs / "more").mkdir(parents=True)
    for i, source in enumerate(MIXED):
        shutil.copy(source, inputs / ("more" if i % 2 else "") / source.name)
    (inputs / "broken.pdf").write_bytes(b"%PDF-1.4\n not a PDF")
    done = subprocess.run(_cli([inputs], root / "reference", "-j", "2"), cwd=ROOT, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return inputs, _tree(root / "reference")


def test_outputs_do_not_depend_on_jobs_order_or_executor(mixed, tmp_path):
    inputs, reference = mixed
    folders = [inputs / "more", inputs]
    run([inputs], tmp_path / "j1", jobs=1, report=lambda _: None)
    run([inputs], tmp_path / "inline", executor="inline", report=lambda _: None)
    assert _tree(tmp_path / "j1") == reference
    assert _tree(tmp_path / "inline") == reference
    # The same files reached through two inputs in either order: the same charters.
    run(folders, tmp_path / "ab", jobs=2, report=lambda _: None)
    run(folders[::-1], tmp_path / "ba", jobs=2, report=lambda _: None)
    assert _tree(tmp_path / "ab") == _tree(tmp_path / "ba")


def _kill_when(command: list[str], out: Path, ready) -> list[int]:
    """Start the run, SIGKILL it as soon as ``ready(out)`` holds; the workers it had."""
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    while process.poll() is None and not ready(out):
        workers.update(_children(process.pid))
        time.sleep(0.002)
    workers.update(_children(process.pid))
    process.kill()
    process.wait()
    return sorted(workers)


def _records(out: Path) -> int:
    return len(list((out / "charters").glob("*.json"))) if (out / "charters").is_dir() else 0


KILL_POINTS = {
    "first record": lambda out: _records(out) >= 1,
    "half the records": lambda out: _records(out) >= 4,
    "table phase": lambda out: any(out.glob(".*.csv.*.tmp")),
    "cross audit": lambda out: any(out.glob(".cross_audit.db.*.tmp")),
}


@pytest.mark.parametrize("point, incremental", [("first record", False), ("half the records", True),
                                                ("table phase", False), ("cross audit", False)])
def test_kill_9_then_the_same_command_gives_the_same_outputs(mixed, tmp_path, point, incremental):
    inputs, reference = mixed
    command = _cli([inputs], tmp_path / "out", "-j", "2", *(["--incremental"] if incremental else []))
    workers = _kill_when(command, tmp_path / "out", KILL_POINTS[point])
    assert _gone(workers), f"workers {workers} outlived the killed run"
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert _tree(tmp_path / "out") == reference
    assert not [p for p in (tmp_path / "out").rglob("*") if p.name.endswith(".tmp")]


# The run, killed (SIGKILL, by itself) as the rules across charters begin: after their database is filled and
# the tables' temporary files are open.
KILLED_IN_THE_AUDIT = """
import os, signal, sys
from pipeline.audit import cross
from pipeline.cli import main
cross.CrossAudit.write = lambda self, add: os.kill(os.getpid(), signal.SIGKILL)
sys.exit(main(sys.argv[1:]))
"""


def test_a_killed_runs_audit_database_is_removed_by_the_next_run(mixed, tmp_path):
    inputs, reference = mixed
    out = tmp_path / "out"
    killed = subprocess.run([sys.executable, "-c", KILLED_IN_THE_AUDIT, *_cli([inputs], out, "-j", "2")[3:]],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    (left,) = out.glob(".cross_audit.db.*.tmp")
    assert left.stat().st_size > 0
    done = subprocess.run(_cli([inputs], out, "-j", "2"), cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert _tree(out) == reference
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]


def test_every_state_a_kill_can_leave_is_repaired(mixed, tmp_path):
    """Left-overs of a kill at any point, made by hand: the next run still gives the reference."""
    inputs, reference = mixed
    out = tmp_path / "out"
    run([inputs], out, jobs=2, report=lambda _: None)
    shards = sorted((out / ".shards").glob("*.jsonl"))
    (out / ".contacts.csv.k2j4x9.tmp").write_text("half a table")
    (out / "charters" / ".x.json.a1b2c3.tmp").write_text("{")
    (out / "services.csv").write_text("charter_id\r\nleft over by an older run\r\n")
    (out / "datapackage.json").unlink()
    shards[0].unlink()                                          # killed between record and shard
    shards[1].write_text(shards[1].read_text()[:100])           # a shard cut short
    shards[2].write_text(shards[2].read_text().replace('"record_sha256": "', '"record_sha256": "0'))
    (out / ".shards" / "gone-12345678.jsonl").write_text("{}\n")   # its record was removed
    run([inputs], out, jobs=2, report=lambda _: None, incremental=True)
    assert _tree(out) == reference


# ------------------------------------------------------------------ hostile names and cells

def test_neutralise_formulas_but_not_numbers():
    from pipeline.emit import neutralise
    for formula in ('=HYPERLINK("http://x.example","a")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3+cmd|'x'!A0",
                    "\t=1+1", "\r=1+1", "=1+1", "-x"):
        assert neutralise(formula) == "'" + formula
    for data in ("+8801739973015", "+8801739973015;+88028331234", "-12", "-1.5", "+3", "-", "--", "১৫ দিন",
                 "a=b", "", "'=already"):
        assert neutralise(data) == data


FORMULAS = {   # (section, serial) -> (column, cell text), typed into the sample
    ("citizen", "3"): ("service_name", '=HYPERLINK("http://evil.example/x","প্রকল্পের তথ্য")'),
    ("institutional", "5"): ("service_name", "+cmd|' /C calc'!A0"),
    ("institutional", "7"): ("service_name", "@SUM(1+1)*cmd|' /C calc'!A0"),
    ("institutional", "4"): ("fee_text", "-2+3+cmd|' /C calc'!A0"),
}


def test_formula_cells_are_neutralised_and_not_converted(tmp_path):
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    replaced = {"প্রকল্পের তথ্য প্রদান": FORMULAS[("citizen", "3")][1],
                "সরকারি অফিসসমূহের সকল ধরনের আইসিটি সমস্যার সমাধানে সহায়তা প্রদান": FORMULAS[("institutional", "5")][1],
                "স্থাপিত শেখ রাসেল ডিজিটাল ল্যাবসমূহ পরিদর্শন, পরামর্শ ও সহায়তা প্রদান": FORMULAS[("institutional", "7")][1]}
    for i, line in enumerate(lines):
        cells = line.split("\t")
        if len(cells) > 4 and cells[1] in replaced:
            cells[1] = replaced[cells[1]]
        if len(cells) > 4 and cells[1].startswith("সরকারি অফিসসমূহের নাগরিক সেবা অটোমেশনে"):
            cells[4] = FORMULAS[("institutional", "4")][1]
        lines[i] = "\t".join(cells)
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "formulas.txt").write_text("\n".join(lines), encoding="utf-8")
    run([tmp_path / "raw"], tmp_path / "out", report=lambda _: None)
    services = read(tmp_path / "out", "services").set_index(["section", "serial"])
    for key, (column, text) in FORMULAS.items():
        assert services.loc[key, column] == "'" + text, key
    assert services.loc[("citizen", "1"), "officer_phones"] == "+8801739973015"
    record = json.loads(next((tmp_path / "out" / "charters").glob("*.json")).read_text(encoding="utf-8"))
    names = [s["name"] for section in record["sections"] for s in section["services"]]
    assert FORMULAS[("institutional", "5")][1] in names      # the record keeps the cell as written


def test_names_that_look_like_options_are_files(tmp_path):
    inputs = tmp_path / "raw"
    inputs.mkdir()
    for name in ("-o.pdf", "--help.txt"):
        shutil.copy(SAMPLE, inputs / name)
    (inputs / "--help.txt").write_text(SAMPLE.read_text(encoding="utf-8").replace("লাখাই", "বানিয়াচং"),
                                       encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pipeline", "run", "-o", str(tmp_path / "out"), "--", "-o.pdf"],
                          cwd=inputs, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    # A spreadsheet reads -o.pdf as a formula: the CSV neutralises it, the record keeps the name.
    assert list(read(tmp_path / "out", "charters").source_file) == ["'-o.pdf"]
    record = tmp_path / "out" / "charters" / f"{charter_id('-o.pdf')}.json"
    assert json.loads(record.read_text(encoding="utf-8"))["source_file"] == "-o.pdf"
    summary = run([inputs], tmp_path / "folder", report=lambda _: None)
    assert summary.processed == 2
    assert sorted(read(tmp_path / "folder", "charters").source_file) == ["'--help.txt", "'-o.pdf"]


# ------------------------------------------------------------------ the cluster engine

def test_dask_local_cluster_gives_the_local_outputs(tmp_path):
    """A 2-worker LocalCluster reading the inputs through an fsspec URL: the bytes of a -j 1 run."""
    inputs = tmp_path / "raw"
    inputs.mkdir()
    for source in MIXED[:3]:
        shutil.copy(source, inputs / source.name)
    (inputs / "broken.pdf").write_bytes(b"%PDF-1.4\n not a PDF")
    local = run([inputs], tmp_path / "local", jobs=1, report=lambda _: None)
    cluster = run([inputs.as_uri()], tmp_path / "cluster", jobs=2, executor="dask", report=lambda _: None)
    assert (cluster.processed, cluster.failed) == (local.processed, local.failed) == (3, 1)
    assert _tree(tmp_path / "cluster") == _tree(tmp_path / "local")


def test_dask_without_the_extra_says_what_to_install(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "distributed", None)
    assert main(["run", str(SAMPLE), "-o", str(tmp_path / "out"), "--executor", "dask"]) == 2
    assert "pip install 'charter-pipeline[cluster]'" in capsys.readouterr().err


# ------------------------------------------------------------------ bad inputs, everywhere

BAD = ROOT / "tests" / "fixtures" / "badinputs"


class _Counting(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):      # noqa: N802 (the http.server interface)
        _Counting.requests.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"<!ENTITY x 'fetched'>")

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """Every kind of bad input in one folder plus a few named on the command line, run as a user would,
    with every remote reference pointing at a local server that counts what reaches it."""
    sys.path.insert(0, str(BAD))
    import build
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counting)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    root = tmp_path_factory.mktemp("hostile")
    build.build(root / "bad", remote=f"http://127.0.0.1:{server.server_address[1]}/")
    before = _snapshot(root / "bad")
    (root / "tmp").mkdir()
    cli = root / "bad" / "cli"
    command = [sys.executable, "-m", "pipeline", "run", "-o", str(root / "out"), "-j", "2", "--timeout", "20",
               "--memory-limit", "1024", "--", *map(str, [root / "bad" / "batch", cli / "named-fifo.txt",
                                                          cli / "missing.pdf", cli / "-x.pdf"])]
    started = time.monotonic()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900,
                          env={**os.environ, "TMPDIR": str(root / "tmp")})
    elapsed = time.monotonic() - started
    server.shutdown()
    yield SimpleNamespace(done=done, out=root / "out", expected=dict(build.EXPECTED), elapsed=elapsed,
                          requests=list(_Counting.requests), unchanged=_snapshot(root / "bad") == before,
                          tmp=list((root / "tmp").iterdir()))
    sys.path.remove(str(BAD))


def _snapshot(folder: Path) -> dict[str, str]:
    return {os.fsdecode(p): (os.readlink(p) if p.is_symlink() else hashlib.sha256(p.read_bytes()).hexdigest()
                             if p.is_file() else "special")
            for p in folder.rglob("*") if p.is_symlink() or not p.is_dir()}


def test_bad_inputs_each_give_one_clear_line_and_no_crash(hostile):
    assert len(hostile.expected) >= 45
    assert hostile.done.returncode == 0, hostile.done.stderr
    assert "Traceback" not in hostile.done.stderr
    lines = hostile.done.stderr.splitlines()
    errors = read(hostile.out, "errors")
    records = {}
    for path in (hostile.out / "charters").glob("*.json"):
        record = json.loads(path.read_text(encoding="utf-8"))
        records[record["source_file"]] = record
    wrong = [name for name, outcome in hostile.expected.items() if not _handled(name, outcome, records, errors, lines)]
    assert wrong == [], [(name, hostile.expected[name]) for name in wrong]
    named = errors.set_index("file").reason
    assert (named["named-fifo.txt"], named["missing.pdf"]) == ("not a regular file", "no such file")
    assert "'-x.pdf" in read(hostile.out, "charters").source_file.tolist()


def _handled(name: str, outcome: tuple, records: dict, errors: pd.DataFrame, lines: list[str]) -> bool:
    """The input gave what build.EXPECTED says: its record (and finding), or one errors.csv row and one line."""
    kind, *detail = outcome
    shown = _printable(name)
    if kind == "processed":
        return shown in records and (detail[0] is None or detail[0] in {f["rule"] for f in records[shown]["findings"]})
    if kind == "merged":
        return shown not in records and shown in records.get(detail[0], {}).get("other_source_files", [])
    rows = errors[errors.file == shown]
    stage, text = ("discover", detail[0]) if kind == "refused" else detail
    stage = rows.stage.iloc[0] if stage is None and len(rows) else stage
    return len(rows) == 1 and rows.stage.iloc[0] == stage and text in rows.reason.iloc[0] and [
        line for line in lines if line.startswith(f"{shown}: ")] == [f"{shown}: {stage}: {rows.reason.iloc[0]}"]


def test_bad_inputs_are_bounded_and_touch_nothing_outside(hostile):
    assert hostile.elapsed < 600
    assert hostile.requests == []                    # no image, frame, entity or template was fetched
    assert hostile.unchanged and hostile.tmp == []   # inputs as they were; nothing left in TMPDIR
    assert not [p for p in hostile.out.rglob("*") if p.name.endswith(".tmp")]
    outside = (hostile.out.parent / "bad" / "outside" / "secret.txt").read_text(encoding="utf-8")
    assert all("শায়েস্তাগঞ্জ" not in p.read_text(encoding="utf-8") for p in hostile.out.glob("*.csv"))
    assert "শায়েস্তাগঞ্জ" in outside
    published = "".join(p.read_text(encoding="utf-8") for p in hostile.out.rglob("*.json"))
    assert "root:x:0:0" not in published and "lollollol" not in published    # no entity was expanded
    assert validate_folder(hostile.out) == []


def test_no_socket_is_opened_in_process(tmp_path, monkeypatch):
    """The markup and Word inputs that point at remote resources, read in this process: no connection tried."""
    sys.path.insert(0, str(BAD))
    import build
    attempts = []
    monkeypatch.setattr(socket.socket, "connect", lambda self, address: attempts.append(address))
    monkeypatch.setattr(socket, "create_connection", lambda address, *a, **k: attempts.append(address))
    inputs = tmp_path / "raw"
    inputs.mkdir()
    (inputs / "page.html").write_text(build.remote_resources("http://192.0.2.1/"), encoding="utf-8")
    (inputs / "entities.xhtml").write_text(build.external_entity_xhtml("http://192.0.2.1/"), encoding="utf-8")
    (inputs / "template.docx").write_bytes(build.docx_remote_template("http://192.0.2.1/"))
    summary = run([inputs], tmp_path / "out", executor="inline", report=lambda _: None)
    sys.path.remove(str(BAD))
    assert summary.processed == 3 and attempts == []


def test_warm_up_builds_the_lazy_tables_before_workers_fork():
    """Workers forked after warm_up inherit the compiled keyword tables instead of building them."""
    from pipeline import api
    from pipeline.lexicon import known_words
    known_words.cache_clear()
    api.warm_up()
    assert known_words.cache_info().currsize == 1

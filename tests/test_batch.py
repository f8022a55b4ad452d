"""A batch run: outputs, the data package, bad input beside good input, the CLI."""
from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys

import frictionless
import pandas as pd
import pytest

from pipeline import run
from pipeline.api import charter_id
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


def test_a_service_dearer_than_its_peers_is_audited(tmp_path):
    """Four offices publish the same charter; one charges five times as much for a service."""
    source = ROOT / "tests" / "corpus" / "rendered" / "c08-ict-ranisankail-portrait-txt.txt"
    inputs = tmp_path / "raw"
    inputs.mkdir()
    text = source.read_text(encoding="utf-8")
    for office in ("a", "b", "c"):
        (inputs / f"{office}.txt").write_text(text, encoding="utf-8")
    dearer = text.replace("২০০ টাকা", "১০০০ টাকা", 1)      # institutional 6, জাতীয় দিবস উদযাপনে সহযোগিতা
    assert dearer != text
    (inputs / "d.txt").write_text(dearer, encoding="utf-8")
    run([inputs], tmp_path / "out", report=lambda _: None)
    audit = read(tmp_path / "out", "audit")
    above = audit[audit.rule == "above_peers"]
    assert list(zip(above.source_file, above.section, above.serial, above.field)) == [
        ("d.txt", "institutional", "6", "fee_bdt")]
    assert "1000 taka against a median of 200" in above.message.iloc[0]


def test_same_name_in_two_input_folders_keeps_both(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(SAMPLE, tmp_path / folder / "charter.txt")
    summary = run([tmp_path / "a", tmp_path / "b"], tmp_path / "out", report=lambda _: None)
    assert summary.processed == 2
    assert sorted(read(tmp_path / "out", "charters").source_file) == ["a/charter.txt", "b/charter.txt"]


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

"""charter audit: the report people read, its filters, and a folder that holds no run."""
from __future__ import annotations

import csv
import io
import shutil

import pytest

from pipeline.api import run
from pipeline.cli import main
from tests.crossset.generate import generate


@pytest.fixture(scope="module")
def processed(tmp_path_factory):
    work = tmp_path_factory.mktemp("report")
    planted = generate(7, work / "set", n=18)
    run([work / "set"], work / "out", jobs=2, report=lambda line: None)
    return work / "out", planted


def audit(capsys, *argv) -> tuple[int, str, str]:
    code = main(["audit", *map(str, argv)])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_markdown_counts_rules_and_summarises_the_office_type(processed, capsys):
    out, planted = processed
    code, text, _ = audit(capsys, out, "--format", "md")
    assert code == 0
    assert text.startswith("# Audit of out\n")
    assert "## Findings per rule and severity\n\n| rule | error | warning | info | total |" in text
    assert "### land: 18 charters, 18 upazilas" in text
    assert "| mutation" not in text and "(land/mutation)" in text      # the services where offices differ
    assert "## Findings by charter" in text
    assert text.count("foreign_place_name (warning)") == sum(p.kind.startswith("foreign") for p in planted)


def test_filters_by_rule_severity_and_office_type(processed, capsys):
    out, _ = processed
    _, text, _ = audit(capsys, out, "--rule", "above_peers,missing_common_service")
    rules = {line.split()[1] for line in text.splitlines()[:-1]}
    assert rules == {"above_peers", "missing_common_service"}
    _, text, _ = audit(capsys, out, "--severity", "info")
    assert {line.split()[0] for line in text.splitlines()[:-1]} == {"info"}
    _, text, _ = audit(capsys, out, "--office-type", "ict")
    assert text == "0 findings\n"


def test_csv_carries_the_office_and_place(processed, capsys):
    out, _ = processed
    _, text, _ = audit(capsys, out, "--format", "csv", "--rule", "foreign_place_name")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and {r["office_type"] for r in rows} == {"land"}
    assert all(r["upazila"] and r["district"] for r in rows)


def test_html_is_one_escaped_page(processed, capsys):
    out, _ = processed
    _, text, _ = audit(capsys, out, "--format", "html")
    assert text.startswith("<!DOCTYPE html>") and text.rstrip().endswith("</html>")
    assert "<h3>land: 18 charters" in text and "<table>" in text


def test_a_folder_without_a_run_is_an_error(tmp_path, processed, capsys):
    code, text, err = audit(capsys, tmp_path)
    assert (code, text) == (2, "")
    assert "holds no run" in err
    half = tmp_path / "half"
    shutil.copytree(processed[0] / "charters", half / "charters")
    code, _, err = audit(capsys, half)
    assert code == 2 and "wrote no audit.csv" in err
    code, text, _ = audit(capsys, half, "--write")
    assert code == 0 and text.endswith("charters (" + text.rsplit("charters (", 1)[1])


def test_explain_says_which_services_share_a_key(processed, capsys):
    folder = processed[0].parent / "set"
    first = sorted(folder.glob("*.txt"))[0]
    assert main(["explain", str(first), "--service", "নামজারী ও জমা ভাগ"]) == 0
    text = capsys.readouterr().out
    assert text.splitlines()[0].startswith("'নামজারী ও জমা ভাগ' reads as 'নামজারি জমা ভাগ': curated land/mutation")
    assert "service key: same key land/mutation" in text

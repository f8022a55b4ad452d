"""The command line's small things: empty inputs, folders without a run, -j, -v/-q, the set-up scripts."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from pipeline.cli import main
from tests.conftest import ROOT, SAMPLE


def test_an_empty_input_folder_is_an_error(tmp_path, capsys):
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "notes.json").write_text("{}", encoding="utf-8")     # skipped: no document
    assert main(["run", str(tmp_path / "raw"), "-o", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err.startswith(f"error: no documents in {tmp_path / 'raw'}")
    assert not (tmp_path / "out").exists()


def test_a_folder_whose_only_entries_are_refused_is_a_failure(tmp_path, capsys):
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "charter.txt").symlink_to(SAMPLE)       # outside the folder: never followed
    assert main(["run", str(tmp_path / "raw"), "-o", str(tmp_path / "out"), "-q"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "charter.txt: discover: symbolic link to a file outside the input folder: not followed"]


@pytest.mark.parametrize("command", ["audit", "validate"])
def test_a_folder_without_a_run_is_an_error(command, tmp_path, capsys):
    assert main([command, str(tmp_path)]) == 2
    assert main([command, str(tmp_path / "typo")]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [f"error: {tmp_path} holds no run (no charters/ or datapackage.json): give the folder "
                   "`charter run -o FOLDER` wrote",
                   f"error: {tmp_path / 'typo'} holds no run (no charters/ or datapackage.json): give the folder "
                   "`charter run -o FOLDER` wrote"]


@pytest.mark.parametrize("jobs", ["0", "-1", "two"])
def test_jobs_must_be_one_or_more(jobs, tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["run", str(SAMPLE), "-o", str(tmp_path), "-j", jobs])
    assert exit_info.value.code == 2
    assert "argument -j/--jobs" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_quiet_prints_nothing_and_verbose_a_line_per_document(tmp_path, capsys):
    assert main(["run", str(SAMPLE), "-o", str(tmp_path / "q"), "-j", "1", "-q"]) == 0
    quiet = capsys.readouterr()
    assert (quiet.out, quiet.err) == ("", "")
    assert main(["run", str(SAMPLE), "-o", str(tmp_path / "v"), "-j", "1", "-v"]) == 0
    loud = capsys.readouterr()
    assert f"{SAMPLE.name}: 13 services" in loud.err.splitlines()
    assert "  services        13" in loud.out.splitlines()
    assert main(["audit", str(tmp_path / "v"), "-q"]) == 0
    assert capsys.readouterr().out.splitlines() == ["8 findings in 1 charters (error 1, warning 7)"]


def test_twice_verbose_shows_the_libraries_debug_log(tmp_path):
    pdf = ROOT / "tests" / "fixtures" / "pdf" / "charter-noto.pdf"
    runs = {flag: subprocess.run([sys.executable, "-m", "pipeline", "run", str(pdf), "-o", str(tmp_path / flag),
                                  "-j", "1", "--pdf-backend", "pdfplumber", flag], cwd=ROOT, capture_output=True,
                                 text=True, timeout=300) for flag in ("-v", "-vv")}
    assert all(done.returncode == 0 for done in runs.values())
    assert "DEBUG pdfminer" not in runs["-v"].stderr
    assert "DEBUG pdfminer" in runs["-vv"].stderr


def test_verbose_and_quiet_exclude_each_other(tmp_path):
    with pytest.raises(SystemExit):
        main(["run", str(SAMPLE), "-o", str(tmp_path), "-v", "-q"])


def test_a_bad_sources_file_is_an_error_before_any_work(tmp_path, capsys):
    sources = tmp_path / "sources.csv"
    sources.write_text("file,url\nlakhai.txt,ftp://old.gov.bd/x\n", encoding="utf-8")
    assert main(["run", str(SAMPLE), "-o", str(tmp_path / "out"), "--sources", str(sources)]) == 2
    assert capsys.readouterr().err == f"error: {sources} line 2: 'ftp://old.gov.bd/x' is not an http(s) URL\n"
    assert not (tmp_path / "out").exists()


# ------------------------------------------------------------------ scripts

FAKE_PYTHON = """#!/usr/bin/env bash
echo "$*" >> "$(dirname "$0")/../../calls.log"
"""


def project(tmp_path):
    """A project folder with the real scripts and a .venv whose python only records its calls."""
    shutil.copytree(ROOT / "scripts", tmp_path / "scripts")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    python = tmp_path / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(FAKE_PYTHON, encoding="utf-8")
    python.chmod(0o755)
    return tmp_path


def bash(folder, script: str, **env) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-c", f"set -euo pipefail; source scripts/lib.sh; {script}"], cwd=folder,
                          capture_output=True, text=True, timeout=60, env=dict(os.environ) | env)


def installs(folder) -> list[str]:
    calls = (folder / "calls.log").read_text(encoding="utf-8").splitlines()
    return [c for c in calls if c.startswith("-m pip install -q -e")]


def test_the_project_is_installed_again_only_when_pyproject_changes(tmp_path):
    folder = project(tmp_path)
    done = bash(folder, 'install_project "$PWD"; install_project "$PWD"')
    assert done.returncode == 0, done.stderr
    assert installs(folder) == [f"-m pip install -q -e {folder}"]
    with open(folder / "pyproject.toml", "a", encoding="utf-8") as handle:
        handle.write("# a new dependency\n")
    assert bash(folder, 'install_project "$PWD"').returncode == 0
    assert len(installs(folder)) == 2


def tools_only(folder, *commands: str) -> str:
    """A PATH of a folder holding only ``commands`` (links to the real ones): no tesseract, no chromium."""
    folder.mkdir()
    for command in commands:
        (folder / command).symlink_to(shutil.which(command))
    # The interpreter itself (a pyenv shim on PATH would look for tools this PATH lacks).
    (folder / "python3").symlink_to(os.path.realpath(sys.executable))
    return str(folder)


SHELL_TOOLS = ("bash", "cat", "cut", "dirname", "grep", "id", "sha256sum")


def test_run_script_installs_once_then_runs_offline(tmp_path):
    folder = project(tmp_path / "project")
    env = dict(os.environ, PATH=tools_only(tmp_path / "bin", *SHELL_TOOLS), PIP_NO_INDEX="1")
    for _ in range(2):
        done = subprocess.run(["bash", "scripts/run.sh", "-j", "1"], cwd=folder, capture_output=True, text=True,
                              timeout=60, env=env)
        assert done.returncode == 0, done.stderr
    calls = (folder / "calls.log").read_text(encoding="utf-8").splitlines()
    assert installs(folder) == [f"-m pip install -q -e {folder}"]
    assert [c for c in calls if c.startswith("-m pipeline")] == ["-m pipeline run raw/ -o processed/ -j 1"] * 2


def test_test_script_runs_the_tests_without_root_or_tools(tmp_path):
    folder = project(tmp_path / "project")
    env = dict(os.environ, PATH=tools_only(tmp_path / "bin", *SHELL_TOOLS), CHARTER_NO_INSTALL="1")
    done = subprocess.run(["bash", "scripts/test.sh", "-k", "cli"], cwd=folder, capture_output=True, text=True,
                          timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    notes = [line.split("'")[1] for line in done.stderr.splitlines() if line.startswith("note: ")]
    assert notes == ["pdftotext", "tesseract", "chromium", "fc-list", "fc-noto-bengali"]
    calls = (folder / "calls.log").read_text(encoding="utf-8").splitlines()
    assert calls[-1] == "-m pytest -q -k cli"


def test_the_test_install_serves_a_plain_run(tmp_path):
    folder = project(tmp_path)
    assert bash(folder, 'install_project "$PWD" test; install_project "$PWD"').returncode == 0
    assert installs(folder) == [f"-m pip install -q -e {folder}[test]"]


def test_a_missing_tool_only_skips_its_tests(tmp_path):
    done = bash(ROOT, "want_system no-such-tool-4711 no-such-package; echo rc=$?", CHARTER_NO_INSTALL="1")
    assert done.stdout == "rc=0\n"
    assert done.stderr == ("note: 'no-such-tool-4711' is missing: the tests that need it are skipped "
                           "(apt-get install no-such-package)\n")
    needed = bash(ROOT, "need_system no-such-tool-4711 no-such-package", CHARTER_NO_INSTALL="1")
    assert needed.returncode == 1 and "install the Debian package no-such-package" in needed.stderr


def test_ci_runs_exactly_the_test_script():
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert lines[-1] == "exec bash scripts/test.sh"


def test_the_skip_mark_names_the_debian_package():
    from tests.conftest import tool_missing
    mark = tool_missing("no-such-tool-4711", "no-such-package")
    assert mark.args == (True,)
    assert mark.kwargs["reason"] == "no-such-tool-4711 is missing: apt-get install no-such-package"

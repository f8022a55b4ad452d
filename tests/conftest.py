from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "raw" / "lakhai-ict-citizen-charter.txt"
FIXTURES = ROOT / "tests" / "fixtures"


def tool_missing(command: str, packages: str):
    """A skip mark for tests that need a system tool, naming the Debian packages to install."""
    return pytest.mark.skipif(shutil.which(command) is None,
                              reason=f"{command} is missing: apt-get install {packages}")


@pytest.fixture(scope="session")
def outputs_run(tmp_path_factory):
    """One run over a PDF, the real sample and the GRS text fixture, as a release with sources:
    the folder every output test reads (the input folder is kept for the review's crops)."""
    from pipeline import package, run
    root = tmp_path_factory.mktemp("outputs")
    inputs = root / "raw"
    (inputs / "land").mkdir(parents=True)
    shutil.copy(SAMPLE, inputs / SAMPLE.name)
    shutil.copy(FIXTURES / "pdf" / "charter-noto.pdf", inputs / "charter-noto.pdf")
    shutil.copy(FIXTURES / "text" / "land-office-with-grs.txt", inputs / "land" / "office.txt")
    options = package.Options(release="2026-12-01", maintainer="Open Data Desk <data@example.org>",
                              sources={SAMPLE.name: "https://lakhai.habiganj.gov.bd/site/page/charter",
                                       "land/office.txt": "https://example.gov.bd/land/charter"})
    run([inputs], root / "processed", jobs=1, report=lambda _: None, options=options)
    return root / "processed"

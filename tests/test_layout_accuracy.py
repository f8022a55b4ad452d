"""The pipeline on the committed layout corpus (tests/corpus/layouts: 8 charters in layouts the
generator randomises, each rendered as LibreOffice and Chromium PDFs, Word, HTML and a text copy),
scored against the generator's truth with benchmarks/layouts.py's scorer, service by service.

Floors sit just under what the pipeline measured when they were set (2026-12-02); they only go up.
The generator's holdout seeds are not rendered here: they stay unseen.
"""
from __future__ import annotations

import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
import layouts  # noqa: E402  (benchmarks/ is a folder of scripts, not a package)

CORPUS = ROOT / "tests" / "corpus" / "layouts"
# format: (services recall, field accuracy)
FLOORS = {"pdf-libreoffice": (0.92, 0.83), "pdf-chromium": (0.91, 0.82), "docx": (0.95, 0.90),
          "html": (0.95, 0.90), "txt": (0.91, 0.85)}


@pytest.fixture(scope="module")
def scored() -> list:
    return [layouts.score_document(path, truth) for path, truth in layouts.documents([CORPUS])]


@pytest.mark.parametrize("fmt", sorted(FLOORS))
def test_recall_and_fields_per_format(scored, fmt):
    docs = [d for d in scored if d.format == fmt]
    assert docs
    score = layouts.group_scores(docs, lambda d: ["all"])["all"]
    recall, fields = FLOORS[fmt]
    assert score.matched / score.truth >= recall, [(d.path.name, d.missed) for d in docs if d.missed]
    assert score.accuracy() >= fields


def test_no_charter_loses_every_service_or_every_serial(scored):
    assert [d.path.name for d in scored if d.score.zero_services or d.score.serials_empty] == []

"""The pipeline on the portal-shaped fixtures: every page and its three text views, scored against
the truth a careful reader wrote (benchmarks/layouts.py's scorer), service by service.

Floors sit just under what the pipeline measured when they were set (2026-12-02); they only go up.
The holdout pages (tests/fixtures/portal/holdout/) are not scored here: they stay unseen.
"""
from __future__ import annotations

import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
import layouts  # noqa: E402  (benchmarks/ is a folder of scripts, not a package)

PORTAL = ROOT / "tests" / "fixtures" / "portal"
# format: (services recall, field accuracy)
FLOORS = {"html": (0.98, 0.94), "text-view-a": (0.93, 0.82), "text-view-b": (0.91, 0.84),
          "text-view-c": (0.98, 0.93)}


@pytest.fixture(scope="module")
def scored() -> list:
    return [layouts.score_document(path, truth) for path, truth in layouts.documents([PORTAL])]


@pytest.mark.parametrize("fmt", sorted(FLOORS))
def test_recall_and_fields_per_format(scored, fmt):
    docs = [d for d in scored if d.format == fmt]
    assert len(docs) == 16
    score = layouts.group_scores(docs, lambda d: ["all"])["all"]
    recall, fields = FLOORS[fmt]
    assert score.matched / score.truth >= recall, [(d.path.name, d.missed) for d in docs if d.missed]
    assert score.accuracy() >= fields


def test_no_page_with_a_service_table_loses_every_service(scored):
    lost = [d.path.name for d in scored if d.truth["services"] and not d.score.matched]
    assert lost == []


def test_portal_furniture_never_becomes_a_service(scored):
    """Share/print links, notice boards and hotlines after the table are no rows of it."""
    for doc in scored:
        assert doc.score.found <= len(doc.truth["services"]) + 2, (doc.path.name, doc.extra)

"""The pipeline on corpora with truth, scored with benchmarks/layouts.py's scorer, service by service:

* the portal-shaped fixtures (tests/fixtures/portal: 16 pages in the markup gov.bd portals serve, and the
  three text views of each, as browsers copy them);
* the committed layout corpus (tests/corpus/layouts: 8 charters in layouts the generator randomises, each
  rendered as LibreOffice and Chromium PDFs, Word, HTML, a text copy and the HTML page's three text views).

Floors sit just under what the pipeline measured when they were set (2026-12-02; raised 2026-12-03 with the
layout views); they only go up. The
holdout pages (tests/fixtures/portal/holdout/) and the generator's holdout seeds are not scored here.
"""
from __future__ import annotations

import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
import layouts  # noqa: E402  (benchmarks/ is a folder of scripts, not a package)

CORPORA = {"portal": ROOT / "tests" / "fixtures" / "portal", "layouts": ROOT / "tests" / "corpus" / "layouts"}
# (corpus, format): (services recall, field accuracy)
FLOORS = {("portal", "html"): (1.0, 0.98), ("portal", "text-view-a"): (1.0, 0.92),
          ("portal", "text-view-b"): (1.0, 0.94), ("portal", "text-view-c"): (1.0, 0.97),
          ("layouts", "pdf-libreoffice"): (1.0, 0.97), ("layouts", "pdf-chromium"): (0.98, 0.95),
          ("layouts", "docx"): (1.0, 0.99), ("layouts", "html"): (1.0, 0.99), ("layouts", "txt"): (1.0, 0.99),
          ("layouts", "text-view-a"): (0.97, 0.96), ("layouts", "text-view-b"): (1.0, 0.99),
          ("layouts", "text-view-c"): (1.0, 0.99)}


@pytest.fixture(scope="module")
def scored() -> dict[str, list]:
    return {name: [layouts.score_document(path, truth) for path, truth in layouts.documents([folder])]
            for name, folder in CORPORA.items()}


@pytest.mark.parametrize("corpus,fmt", sorted(FLOORS), ids=lambda v: str(v))
def test_recall_and_fields_per_format(scored, corpus, fmt):
    docs = [d for d in scored[corpus] if d.format == fmt]
    assert docs
    score = layouts.group_scores(docs, lambda d: ["all"])["all"]
    recall, fields = FLOORS[corpus, fmt]
    assert score.matched / score.truth >= recall, [(d.path.name, d.missed) for d in docs if d.missed]
    assert score.accuracy() >= fields


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_no_document_with_a_service_table_loses_every_service_or_serial(scored, corpus):
    lost = [d.path.name for d in scored[corpus] if d.truth["services"] and not d.score.matched]
    assert lost == [] and [d.path.name for d in scored[corpus] if d.score.serials_empty] == []


def test_portal_furniture_never_becomes_a_service(scored):
    """Share/print links, notice boards and hotlines after the table are no rows of it."""
    for doc in scored["portal"]:
        assert doc.score.found <= len(doc.truth["services"]) + 2, (doc.path.name, doc.extra)

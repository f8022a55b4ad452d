"""OCR fallback for PDF pages without a usable text layer.

Scans: ``fixtures/pdf/scan.pdf`` (page 1 of charter-noto.pdf at 60 dpi, a
poor scan) and ``fixtures/ocr/c08-p1-scan.pdf`` (page 1 of a corpus charter at
200 dpi, made by ``fixtures/ocr/make_fixtures.py``). The truth of each is the
text layer of the page it was made from, read by the PDF reader.
"""
from __future__ import annotations

import functools
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pdfplumber
import pypdfium2
import pytest
from PIL import Image

from benchmarks.common import bare, levenshtein
from pipeline import keywords as kw
from pipeline import ocr
from pipeline.lexicon import match_role
from pipeline.model import Finding, Line, RawDocument, Row, Table
from pipeline.readers.backends.plumber import page_content
from pipeline.readers.pdf import PdfReader, ocr_page, read_page, table_settings
from pipeline.readers.pdftext import parse_page
from pipeline.validate import validate_folder

from .conftest import FIXTURES, ROOT

POOR_SCAN = FIXTURES / "pdf" / "scan.pdf"
POOR_SOURCE = FIXTURES / "pdf" / "charter-noto.pdf"
SCAN = FIXTURES / "ocr" / "c08-p1-scan.pdf"
SOURCE = ROOT / "tests" / "corpus" / "rendered" / "c08-ict-ranisankail-noto-portrait-lo.pdf"

needs_tesseract = pytest.mark.skipif(
    not ocr.available(), reason="tesseract with the Bengali model is not installed "
                                "(apt-get install tesseract-ocr tesseract-ocr-ben tesseract-ocr-eng)")


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def read(path: Path) -> RawDocument:
    return PdfReader().read(path)


@functools.lru_cache(maxsize=None)
def source_rows(path: Path) -> list[Row]:
    """Table rows of the first page, from the page's own (exact) text layer."""
    with pdfplumber.open(path) as pdf:
        blocks, _ = read_page(page_content(pdf.pages[0]))
    return table_rows(blocks)


def truth_rows(path: Path) -> list[list[str]]:
    return [row.texts() for row in source_rows(path)]


def table_rows(blocks: list) -> list[Row]:
    return [row for block in blocks if isinstance(block, Table) for row in block.rows]


def cer(truth: list[list[str]], read_rows: list[list[str]]) -> float:
    """Character error rate over all truth cells (NFC, whitespace ignored)."""
    pairs = [(bare(t), bare(r)) for trow, rrow in zip(truth, read_rows) for t, r in zip(trow, rrow)]
    return sum(levenshtein(t, r) for t, r in pairs) / sum(len(t) for t, _ in pairs)


def header_roles_recognised(truth: list[str], header: list[str]) -> int:
    expected = [match_role(text, kw.COLUMN_ROLES) for text in truth]
    assert None not in expected
    return sum(1 for want, text in zip(expected, header) if match_role(text, kw.COLUMN_ROLES) == want)


# --------------------------------------------------------------------------
# Without tesseract
# --------------------------------------------------------------------------

def test_without_tesseract_the_page_keeps_its_finding_with_the_install_hint(monkeypatch):
    monkeypatch.setattr(ocr, "available", lambda: False)
    doc = PdfReader().read(POOR_SCAN)
    assert doc.blocks == []
    assert [(f.rule, f.severity) for f in doc.findings] == [("page_needs_ocr", "error")]
    assert doc.findings[0].message == \
        "page 1: no text layer (scanned image); install tesseract-ocr and tesseract-ocr-ben to read it"


def scanned(source: Path, target: Path, pages: int, dpi: int = 100) -> Path:
    """The first ``pages`` pages of ``source`` as images only (a PDF written by Pillow: no text layer)."""
    document = pypdfium2.PdfDocument(source)
    images = [document[i].render(scale=dpi / 72).to_pil().convert("L") for i in range(pages)]
    images[0].save(target, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return target


def test_a_scan_without_tesseract_gives_a_record_saying_ocr_is_needed(tmp_path):
    """A run as a user makes it on a machine without tesseract (PATH without it): not "no charter
    content", but a record whose audit names each unread page with the install hint, and one line."""
    (tmp_path / "raw").mkdir()
    (tmp_path / "bin").mkdir()                        # PATH holds nothing: no tesseract
    scanned(SOURCE, tmp_path / "raw" / "scanned-charter.pdf", pages=2)
    done = subprocess.run([sys.executable, "-m", "pipeline", "run", str(tmp_path / "raw"), "-o",
                           str(tmp_path / "out"), "-j", "1"], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env={"PATH": str(tmp_path / "bin"), "HOME": str(tmp_path)})
    hint = "no text layer (scanned image); install tesseract-ocr and tesseract-ocr-ben to read it"
    reason = f"2 of 2 pages need OCR and were not read; page 1: {hint}; 1 more pages likewise"
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == [f"scanned-charter.pdf: extract: {reason}"]
    assert "no charter content" not in done.stderr
    errors = pd.read_csv(tmp_path / "out" / "errors.csv", dtype=str, encoding="utf-8-sig")
    assert errors.values.tolist() == [["scanned-charter.pdf", "extract", reason]]
    audit = pd.read_csv(tmp_path / "out" / "audit.csv", dtype=str, encoding="utf-8-sig")
    unread = audit[audit.rule == "page_needs_ocr"]
    assert unread[["severity", "message"]].values.tolist() == [["error", f"page 1: {hint}"],
                                                               ["error", f"page 2: {hint}"]]
    assert validate_folder(tmp_path / "out") == []


def test_available_needs_the_binary(monkeypatch):
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    ocr.available.cache_clear()
    try:
        assert ocr.available() is False
    finally:
        ocr.available.cache_clear()


# --------------------------------------------------------------------------
# Image geometry (no tesseract needed)
# --------------------------------------------------------------------------

def test_rules_are_found_in_the_image_and_text_strokes_are_not():
    ink = np.zeros((1200, 1000), dtype=bool)
    for y in (100, 400, 1000):
        ink[y:y + 4, 100:900] = True            # three horizontal rules, 4 px thick
    for x in (100, 500, 896):
        ink[100:1004, x:x + 3] = True           # three vertical rules
    ink[450:453, 150:290] = True                # a Bengali headline (matra): 140 px
    ink[460:520, 200:204] = True                # a vertical glyph stroke
    horizontal, vertical = ocr.image_rules(ink, (0, 0, 240, 288))
    assert [round(e["top"], 1) for e in horizontal] == [24.4, 96.4, 240.4]
    assert [(round(e["x0"], 1), round(e["x1"], 1)) for e in horizontal] == [(24.0, 216.0)] * 3
    assert [round(e["x0"], 1) for e in vertical] == [24.2, 120.2, 215.3]
    assert {(round(e["top"], 1), round(e["bottom"], 1)) for e in vertical} == {(24.0, 241.0)}


def test_strip_rules_cuts_rules_inside_the_crop_but_keeps_the_headline():
    pixels = np.full((100, 200), 255, dtype=np.uint8)
    pixels[0:3, :] = 0                          # the cell's top rule
    pixels[4:7, 20:170] = 0                     # first line's headline, 75% of the width
    pixels[92:95, :] = 0                        # a bottom rule a few pixels inside the box
    pixels[:, 197:200] = 0                      # the right rule
    stripped = ocr.strip_rules(Image.fromarray(pixels))
    assert stripped.size == (197, 89)
    assert np.asarray(stripped)[1, 20] == 0      # the headline is still there


# --------------------------------------------------------------------------
# Scans, read by tesseract
# --------------------------------------------------------------------------

@needs_tesseract
@pytest.mark.parametrize("path", [SCAN, POOR_SCAN], ids=["200dpi", "60dpi"])
def test_a_scan_is_read_with_a_warning_instead_of_an_error(path):
    doc = read(path)
    # (a poor scan's phone, recognised in pieces over two lines, may be rejoined: an info finding)
    assert [(f.rule, f.severity) for f in doc.findings if f.rule != "words_rejoined"] == [("page_ocr", "warning")]
    assert re.fullmatch(r"page 1: text recognised by OCR \(mean confidence \d+\)", doc.findings[0].message)
    cells = [c for row in table_rows(doc.blocks) for c in row.cells]
    assert all(0 <= c.confidence <= 100 for c in cells if c.text)
    assert all(c.confidence is None for c in cells if not c.text)
    assert all(0 <= line.confidence <= 100 for line in doc.blocks if isinstance(line, Line))


@needs_tesseract
def test_200dpi_scan_gives_the_grid_header_serials_and_text():
    doc = read(SCAN)
    truth = truth_rows(SOURCE)
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    rows = table_rows(doc.blocks)
    assert len(tables) == 1
    assert (len(rows), {len(r.cells) for r in rows}) == (len(truth), {7}) == (5, {7})
    assert header_roles_recognised(truth[0], rows[0].texts()) >= 5
    assert rows[1].texts() == list("১২৩৪৫৬৭")
    assert [r.cells[0].text for r in rows[2:]] == ["১", "২", "৩"]
    # the officer cell merged over services 1 and 2, found from the image's rules alone
    assert (rows[3].cells[6].spanned, rows[3].cells[6].span_from) == (True, "above")
    assert cer(truth, [r.texts() for r in rows]) < 0.06          # measured 0.034
    lines = [b.text for b in doc.blocks if isinstance(b, Line)]
    assert lines[:2] == ["গণপ্রজাতন্ত্রী বাংলাদেশ সরকার", "তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর"]
    assert "http://ranisankail.thakurgaon.gov.bd/" in lines


@needs_tesseract
def test_60dpi_scan_gives_the_grid_and_header_but_poor_text():
    doc = read(POOR_SCAN)
    truth = truth_rows(POOR_SOURCE)
    rows = table_rows(doc.blocks)
    assert (len(rows), {len(r.cells) for r in rows}) == (len(truth), {7}) == (6, {7})
    assert header_roles_recognised(truth[0], rows[0].texts()) >= 5
    assert (rows[4].cells[6].spanned, rows[4].cells[6].span_from) == (True, "above")
    # 9 pt text is 7 px high at 60 dpi: lone numerals are mostly lost
    assert cer(truth, [r.texts() for r in rows]) < 0.35          # measured 0.246
    assert cell_boxes_near(rows, POOR_SOURCE)


def cell_boxes_near(rows: list[Row], source: Path, tolerance: float = 3.0) -> bool:
    """The grid seen in the image lies where the source PDF drew it (in points)."""
    pairs = [(a.bbox, b.bbox) for ra, rb in zip(source_rows(source), rows)
             for a, b in zip(ra.cells, rb.cells) if a.bbox and b.bbox]
    return bool(pairs) and all(abs(x - y) <= tolerance for a, b in pairs for x, y in zip(a, b))


@needs_tesseract
def test_a_broken_text_layer_uses_the_pdfs_own_rules():
    """OCR forced on a page with vector rules: the text reader's grid, exactly."""
    with pdfplumber.open(POOR_SOURCE) as pdf:
        page = pdf.pages[0]
        parse_page(page)
        blocks, finding = ocr_page(page, table_settings(page), Finding("page_needs_ocr", "error", ""))
    truth_boxes = [[c.bbox for c in r.cells] for r in source_rows(POOR_SOURCE)]
    assert finding.rule == "page_ocr"
    assert [[c.bbox for c in r.cells] for r in table_rows(blocks)] == truth_boxes
    assert cer(truth_rows(POOR_SOURCE), [r.texts() for r in table_rows(blocks)]) < 0.05  # measured 0.023

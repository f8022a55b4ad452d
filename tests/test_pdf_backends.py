"""The fast PDF backend (pdfium) against the reference (pdfplumber): the same services.csv.

Every committed PDF is read through both backends and the whole pipeline; the
fast backend may be the default only while this holds.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import emit, process
from pipeline.readers import backends
from pipeline.readers.backends.pdfium import PdfiumDocument
from pipeline.readers.pdf import PdfReader

TESTS = Path(__file__).parent
PDFS = sorted((TESTS / "corpus" / "rendered").glob("*.pdf")) + sorted((TESTS / "fixtures").rglob("*.pdf"))


def services_csv(path: Path, backend: str) -> list[dict]:
    """The services.csv rows of one PDF read through ``backend``."""
    return emit.service_rows(process(path, pdf_backend=backend))


def test_every_committed_pdf_is_compared():
    assert len(PDFS) >= 60
    assert {p.parent.name for p in PDFS} >= {"rendered", "pdf", "ocr", "bijoy", "redteam_pdf", "redteam3_pdf"}


@pytest.mark.parametrize("path", PDFS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fast_backend_gives_the_reference_services(path):
    reference = services_csv(path, "pdfplumber")
    assert services_csv(path, "pdfium") == reference


def test_the_fast_backend_is_the_default(monkeypatch):
    monkeypatch.delenv(backends.ENVIRONMENT, raising=False)
    assert backends.DEFAULT == "pdfium" and backends.backend().name == "pdfium"


def test_backend_chosen_by_argument_then_environment(monkeypatch):
    monkeypatch.setenv(backends.ENVIRONMENT, "pdfplumber")
    assert backends.backend().name == "pdfplumber"
    assert backends.backend("pdfium").name == "pdfium"
    with pytest.raises(ValueError, match="unknown PDF backend 'camelot'"):
        backends.backend("camelot")


def test_actualtext_spans_become_one_char_each():
    """LibreOffice wraps each reordered cluster in an ActualText span: one char, the span's text."""
    path = TESTS / "corpus" / "rendered" / "c08-ict-ranisankail-noto-portrait-lo.pdf"
    with backends.backend("pdfplumber").open(path) as a, backends.backend("pdfium").open(path) as b:
        reference, fast = next(a.pages()), next(b.pages())
    assert [c["text"] for c in fast.chars] == [c["text"] for c in reference.chars]
    assert "ন্ত্র" in [c["text"] for c in fast.chars]
    assert max(abs(x["size"] - y["size"]) for x, y in zip(reference.chars, fast.chars)) < 0.01
    # LibreOffice writes Descent 0; pdfminer takes it, PDFium derives one from some font
    # files: a shift of the font's every box, never a change inside a line.
    shifts: dict[str, set[float]] = {}
    for x, y in zip(reference.chars, fast.chars):
        shifts.setdefault(x["fontname"], set()).add(round(y["top"] - x["top"], 1))
    assert all(len(s) <= 2 and max(map(abs, s)) <= 1.2 for s in shifts.values()), shifts


def test_chromium_space_glyphs_are_kept():
    """Chromium draws each glyph as its own object; PDFium's text page leaves out the ink-less ones."""
    path = TESTS / "corpus" / "rendered" / "c08-ict-ranisankail-lohit-portrait-chromium.pdf"
    with backends.backend("pdfplumber").open(path) as a, backends.backend("pdfium").open(path) as b:
        reference, fast = next(a.pages()), next(b.pages())
    assert [c["text"] for c in fast.chars].count(" ") == [c["text"] for c in reference.chars].count(" ") > 50


def test_unreadable_pdf_is_read_by_the_reference(tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
    reader = PdfReader()
    reader.pdf_backend = "pdfium"
    with pytest.raises(Exception) as fast_error:
        reader.read(broken)
    reader.pdf_backend = "pdfplumber"
    with pytest.raises(Exception) as reference_error:
        reader.read(broken)
    assert str(fast_error.value) == str(reference_error.value)
    with pytest.raises(Exception):
        PdfiumDocument(broken)

"""The committed rendered corpus agrees with its truth files and with the generator."""
import json
import re
import unicodedata
import zipfile
from collections import Counter
from pathlib import Path

import pdfplumber
import phonenumbers
import pytest

from tests.conftest import tool_missing

from . import measure
from .layout import digits
from .specs import SERVICE_HEADER

RENDERED = Path(__file__).parent / "rendered"
TRUTHS = sorted(RENDERED.glob("*.truth.json"))
TOP_KEYS = {"id", "language", "font", "renderer", "orientation", "office_name", "department", "upazila",
            "district", "website", "vision", "mission", "pages", "services", "grievance", "expectations",
            "split_rows"}
SERVICE_KEYS = {"section", "serial", "service_name", "delivery_method", "required_documents", "fee_text",
                "fee_bdt", "is_free", "time_limit_text", "time_limit_days", "officer_name",
                "officer_designation", "officer_phones", "officer_emails", "officer_text"}
EXTENSIONS = {"libreoffice": "pdf", "chromium": "pdf", "docx": "docx", "html": "html", "txt": "txt"}


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def rendered_file(truth_path):
    record = load(truth_path)
    return truth_path.with_name(truth_path.name.replace(".truth.json", "." + EXTENSIONS[record["renderer"]]))


def pdf_truths():
    return [t for t in TRUTHS if load(t)["renderer"] in ("libreoffice", "chromium")]


def squash(text):
    return "".join(unicodedata.normalize("NFC", text).split())


def test_corpus_size_and_coverage():
    records = [load(t) for t in TRUTHS]
    assert len(records) == 96 // 2
    pdf_fonts = {(r["font"], r["renderer"]) for r in records if r["renderer"] in ("libreoffice", "chromium")}
    for font in ("Noto Sans Bengali", "Lohit Bengali", "Mukti", "Likhan", "DejaVu Serif"):
        assert {(font, "libreoffice"), (font, "chromium")} <= pdf_fonts
    assert {r["orientation"] for r in records} == {"portrait", "landscape"}
    assert {r["language"] for r in records} == {"bn", "en"}
    assert len({r["id"] for r in records if r["split_rows"]}) >= 3
    assert sum(p.stat().st_size for p in RENDERED.iterdir()) < 6_000_000


@pytest.mark.parametrize("truth_path", TRUTHS, ids=lambda p: p.name)
def test_truth_shape(truth_path):
    record = load(truth_path)
    assert set(record) == TOP_KEYS
    assert rendered_file(truth_path).exists()
    keys = {(s["section"], s["serial"]) for s in record["services"]}
    for service in record["services"]:
        assert set(service) == SERVICE_KEYS
        assert service["officer_name"] in service["officer_text"]
        for phone in service["officer_phones"]:
            assert phonenumbers.is_valid_number(phonenumbers.parse(phone))
        assert service["is_free"] == (service["fee_bdt"] == 0)
    for split in record["split_rows"]:
        assert (split["section"], split["serial"]) in keys
    assert 4 <= len(record["expectations"]) <= 6
    assert [g["serial"] for g in record["grievance"]] == [1, 2, 3]


@pytest.mark.parametrize("truth_path", pdf_truths(), ids=lambda p: p.name)
def test_pdf_matches_truth(truth_path):
    record = load(truth_path)
    pdf = rendered_file(truth_path)
    with pdfplumber.open(pdf) as doc:
        assert len(doc.pages) == record["pages"]
        fonts = Counter(re.sub(r"^[A-Z]{6}\+", "", c["fontname"]) for c in doc.pages[1].chars)
    dominant = fonts.most_common(1)[0][0].replace("-", "").lower()
    assert dominant.startswith(record["font"].replace(" ", "").lower())
    if record["pages"] > 1:
        assert record["split_rows"]


@tool_missing("pdftotext", "poppler-utils")
@pytest.mark.parametrize("truth_path", pdf_truths(), ids=lambda p: p.name)
def test_pdf_reads_as_truth(truth_path):
    """Poppler's characters are exact for these fonts, so each column read top to bottom is the truth;
    pdfplumber's grid, independent of the generator's split finder, sees one continuation per split row."""
    record = load(truth_path)
    pdf = rendered_file(truth_path)
    header = SERVICE_HEADER[record["language"]]
    with pdfplumber.open(pdf) as doc:
        for column, field in ((1, "service_name"), (4, "fee_text"), (5, "time_limit_text")):
            stream = unmarked("".join(column_words(pdf, doc, column)))
            # A table starting mid-page puts its header and number row above the next column-number row.
            stream = stream.replace(unmarked(header[column] + digits(record["language"], column + 1)), "")
            assert stream.startswith("".join(unmarked(s[field]) for s in record["services"])), field
        assert continuation_rows(doc) == len(record["split_rows"])


def unmarked(text):
    """Squashed text without nonspacing marks: poppler sometimes emits Mukti's ু after the next letter."""
    return "".join(ch for ch in squash(text) if unicodedata.category(ch) != "Mn")


def continuation_rows(doc):
    """Pages whose first service-table body row has an empty serial but some text."""
    count = 0
    for page in doc.pages[1:]:
        tables = [t for t in page.extract_tables() if len(t[0]) == 7]
        if tables and len(tables[0]) > 2:
            first = tables[0][2]
            count += not (first[0] or "").strip() and any((c or "").strip() for c in first[1:])
    return count


def column_words(pdf, doc, column):
    """Words inside one column of the 7-column service tables, below each column-number row, in page order."""
    by_page = {}
    for word in measure.words(pdf):
        by_page.setdefault(word.page, []).append(word)
    out = []
    for number, page_words in sorted(by_page.items()):
        edges = doc.pages[number - 1].vertical_edges
        tops = [row[0].top + row[0].height / 2 for row in measure.column_number_rows(page_words)]
        # Each table on the page has its own column widths (Chromium sizes them per table).
        for y, y_next in zip(tops, tops[1:] + [float("inf")]):
            out += table_column_words(page_words, edges, y, y_next, column)
    return out


def table_column_words(page_words, edges, y, y_next, column):
    bounds = rulings(edges, y)
    assert len(bounds) == 8, bounds
    # Only words inside the column's rules: headings between tables span the columns.
    spans = [(e["top"], e["bottom"]) for e in edges if abs(e["x0"] - bounds[column]) <= 2]
    inside = [w for w in page_words if bounds[column] < w.center < bounds[column + 1] and y < w.top < y_next
              and any(top <= w.top + w.height / 2 <= bottom for top, bottom in spans)]
    # Lines top to bottom, words in poppler's order: sorting words by position would move a detached
    # vowel sign (Mukti's ু) out of its word, and poppler's block order is not always top to bottom.
    lines = {}
    for w in inside:
        lines.setdefault(w.line, []).append(w)
    return [w.text for line in sorted(lines.values(), key=lambda ws: ws[0].top) for w in line]


def rulings(edges, y):
    """x of the vertical rules crossing height y, merging the two edges of a drawn rectangle."""
    xs = sorted(e["x0"] for e in edges if e["top"] <= y <= e["bottom"])
    merged = []
    for x in xs:
        if not merged or x - merged[-1] > 2:
            merged.append(x)
    return merged


@pytest.mark.parametrize("truth_path", [t for t in TRUTHS if load(t)["renderer"] == "docx"],
                         ids=lambda p: p.name)
def test_docx_structure(truth_path):
    record = load(truth_path)
    with zipfile.ZipFile(rendered_file(truth_path)) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert xml.count("<w:tblHeader") == 3 * 2 + 1      # header + number rows of 3 tables, GRS header
    assert xml.count('<w:vMerge w:val="restart"/>') >= 1
    assert 'w:cs="%s"' % record["font"] in xml
    assert "<w:szCs " in xml
    assert ('w:orient="landscape"' in xml) == (record["orientation"] == "landscape")


@pytest.mark.parametrize("truth_path", [t for t in TRUTHS if load(t)["renderer"] == "txt"],
                         ids=lambda p: p.name)
def test_text_copy_continuations(truth_path):
    record = load(truth_path)
    lines = rendered_file(truth_path).read_text(encoding="utf-8").split("\n")
    continuations = [b for a, b in zip(lines, lines[1:]) if a == "" and b.startswith("\t")]
    assert len(continuations) == len(record["split_rows"])
    assert all(len(c.split("\t")) == 7 for c in continuations)


def test_concrete_values():
    record = load(RENDERED / "c00-land-kamalnagar-noto-portrait-lo.truth.json")
    assert record["upazila"] == "কমলনগর" and record["district"] == "লক্ষ্মীপুর"
    assert record["website"] == "http://kamalnagar.lakshmipur.gov.bd/"
    assert record["pages"] == 6
    assert [(s["section"], s["serial"]) for s in record["split_rows"]] == [
        ("citizen", 6), ("institutional", 1), ("internal", 9), ("internal", 15)]
    fees = {s["fee_text"]: (s["fee_bdt"], s["is_free"]) for s in record["services"]}
    assert fees["কোর্ট ফি ২০ টাকা ও নোটিশ জারি ফি ১০০ টাকা"] == (120, False)
    assert fees["বিদ্যমান সরকারী নীতিমালা অনুযায়ী"] == (None, False)
    assert fees["২০/-"] == (20, False)
    days = {s["time_limit_text"]: s["time_limit_days"] for s in record["services"]}
    assert days["তাৎক্ষণিক/ ৩ কার্যদিবস"] == 3 and days["৭-১০ কার্যদিবস"] == 10


def test_generator_reproduces_committed_truth():
    from .specs import build_specs
    from .render import service_truth
    spec = next(s for s in build_specs() if s.id == "c08-ict-ranisankail")
    record = load(RENDERED / "c08-ict-ranisankail-likhan-portrait-html.truth.json")
    assert [service_truth(s) for s in spec.services] == record["services"]

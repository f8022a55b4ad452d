"""PdfReader on real PDFs rendered by tests/fixtures/pdf/make_fixtures.py.

The charter fixtures carry the same DOCX text in Noto Sans Bengali and Lohit
Bengali (LibreOffice) and printed by headless Chromium; the truth is the text
that was written. Poppler's ``pdftotext -tsv`` serves as an independent
reference for the character error rate.
"""
from __future__ import annotations

import json
import re
import subprocess
import time
import unicodedata
from functools import lru_cache
from pathlib import Path

import pdfplumber
import pytest

from pipeline import process
from pipeline.model import Line, RawDocument, Row, Table
from pipeline.readers.base import ReadError
from benchmarks.common import levenshtein
from pipeline.readers.pdf import (RULED, PdfReader, closing_edges, debug_image, legacy_encoding,
                                  text_layer_problem)
from pipeline.lexicon import known_words
from pipeline.readers.pdfunruled import (Word, gutter_starts, virtual_rules, zone_table, _header_size, _snapped,
                                        _numbered_columns, _open_rows, _row_groups)
from pipeline.readers.pdftext import FULL_LINE, ONE_TOKEN, WordCuts, clean_text, join_lines, parse_page
from tests.conftest import tool_missing

FIXTURES = Path(__file__).parent / "fixtures" / "pdf"
LAYOUTS = Path(__file__).parent / "corpus" / "layouts"
TRUTH = json.loads((FIXTURES / "charter.truth.json").read_text(encoding="utf-8"))
CHARTERS = ["charter-noto.pdf", "charter-lohit.pdf", "charter-chromium.pdf"]
LIBREOFFICE = CHARTERS[:2]
OFFICER_COLUMN = 6
MERGED_ROW = 4      # truth row whose officer cell is merged into the row above (DOCX only)
SPLIT_ROW = 5       # truth row split across pages 1 and 2


@lru_cache(maxsize=None)
def read(name: str) -> RawDocument:
    return PdfReader().read(FIXTURES / name)


def rows_of(doc: RawDocument) -> list[Row]:
    return [row for block in doc.blocks if isinstance(block, Table) for row in block.rows]


def lines_of(doc: RawDocument, page: int) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Line) and b.page == page]


def logical_rows(doc: RawDocument) -> list[list[str]]:
    """Rows with each page-break continuation appended to the row it continues, each cell's
    lines joined by one space (as the truth gives a cell)."""
    rows: list[list[str]] = []
    for row in rows_of(doc):
        texts = [" ".join(t.split()) for t in row.texts()]
        if row.after_page_break and not row.cells[0].text and rows:
            rows[-1] = [" ".join(join_lines([a, b]).split()) for a, b in zip(rows[-1], texts)]
        else:
            rows.append(texts)
    return rows


def truth_rows(name: str) -> list[list[str]]:
    rows = [list(r) for r in TRUTH["rows"]]
    if name == "charter-chromium.pdf":  # the HTML version repeats the officer, no rowspan
        rows[MERGED_ROW][OFFICER_COLUMN] = rows[MERGED_ROW - 1][OFFICER_COLUMN]
    return rows


# --------------------------------------------------------------------------
# Character error rate
# --------------------------------------------------------------------------

def squeeze(text: str) -> str:
    return "".join(unicodedata.normalize("NFC", text).split())


def cer(truth: list[list[str]], got: list[list[str]]) -> float:
    """Edits over truth characters, cell by cell, ignoring whitespace."""
    assert len(got) == len(truth)
    pairs = [(squeeze(t), squeeze(g)) for tr, gr in zip(truth, got) for t, g in zip(tr, gr)]
    return sum(levenshtein(t, g) for t, g in pairs) / sum(len(t) for t, _ in pairs)


def poppler_rows(path: Path, doc: RawDocument) -> list[list[str]]:
    """pdftotext's words placed into the reader's cell boxes."""
    tsv = subprocess.run(["pdftotext", "-tsv", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout.splitlines()[1:]
    words = [f.split("\t") for f in tsv]
    words = [(int(w[1]), float(w[6]) + float(w[8]) / 2, float(w[7]) + float(w[9]) / 2, w[11])
             for w in words if w[0] == "5"]

    def cell_text(cell) -> str:
        if cell.bbox is None:
            return ""
        x0, top, x1, bottom = cell.bbox
        return " ".join(t for p, x, y, t in words
                        if p == cell.page and x0 <= x <= x1 and top <= y <= bottom)

    copy = RawDocument(doc.source, doc.sha256, doc.format, doc.pages, [
        Table([Row([type(c)(cell_text(c), c.page, c.bbox, c.spanned) for c in r.cells],
                   r.page, r.after_page_break) for r in b.rows])
        for b in doc.blocks if isinstance(b, Table)])
    return logical_rows(copy)


# --------------------------------------------------------------------------
# Text
# --------------------------------------------------------------------------

def test_sniff_takes_pdf_magic_only():
    reader = PdfReader()
    assert reader.sniff(b"%PDF-1.7\n", Path("x.pdf")) == 1.0
    assert reader.sniff(b"PK\x03\x04", Path("x.pdf")) == 0.0


@pytest.mark.parametrize("name", CHARTERS)
def test_title_block_and_paragraphs_are_exact(name):
    doc = read(name)
    assert doc.format == "pdf" and doc.pages == 2 and doc.findings == []
    page1 = lines_of(doc, 1)
    assert page1[:5] == TRUTH["lines"][:5]
    # the mission paragraph wraps differently per font; its words do not change
    assert " ".join(page1[6:8]) == TRUTH["lines"][6]
    assert lines_of(doc, 2) == TRUTH["lines"][-2:]


@pytest.mark.parametrize("name", CHARTERS)
def test_cells_are_exact(name):
    rows = logical_rows(read(name))
    truth = truth_rows(name)
    assert rows == truth
    assert rows[0][0] == "ক্রমিক নং" and rows[0][3] == "প্রয়োজনীয় কাগজপত্র"
    assert rows[2][3] == "তথ্য"
    assert rows[2][6].endswith("ফোন: ০১৭১১-২২৩৩৪৪ lakhai.ictd@gmail.com")
    officer = rows_of(read(name))[2].cells[6].text       # the cell keeps its lines
    assert officer.count("\n") >= 2 and "lakhai.ictd@gmail.com" in officer.splitlines()[-1]


@pytest.mark.parametrize("name", CHARTERS)
@tool_missing("pdftotext", "poppler-utils")
def test_cer_against_truth_beats_poppler(name):
    doc = read(name)
    ours = cer(truth_rows(name), logical_rows(doc))
    poppler = cer(truth_rows(name), poppler_rows(FIXTURES / name, doc))
    print(f"\n{name}: CER reader {ours:.4f}, pdftotext -tsv {poppler:.4f}")
    assert ours == 0.0
    assert poppler < 0.02  # the reference itself reads these fonts


# --------------------------------------------------------------------------
# Table structure
# --------------------------------------------------------------------------

@pytest.mark.parametrize("name", LIBREOFFICE)
def test_merged_officer_cell_is_spanned(name):
    rows = rows_of(read(name))
    merged = rows[MERGED_ROW].cells[OFFICER_COLUMN]
    assert merged.spanned and merged.text == "" and merged.bbox is None
    assert rows[MERGED_ROW - 1].cells[OFFICER_COLUMN].text.startswith("আব্দুর রহিম")
    # an empty cell that is not under a merge stays unspanned
    continuation = rows[SPLIT_ROW + 1]
    assert [c.spanned for c in continuation.cells] == [False] * 7
    assert sum(c.spanned for r in rows for c in r.cells) == 1


@pytest.mark.parametrize("name", CHARTERS)
def test_pages_and_page_break_flags(name):
    doc = read(name)
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert [t.pages for t in tables] == [[1], [2]]
    rows = rows_of(doc)
    assert [r.page for r in rows] == [1] * 6 + [2]
    assert [r.after_page_break for r in rows] == [False] * 6 + [True]
    continuation = rows[-1]
    assert continuation.texts()[:3] == ["", "", ""] and continuation.texts()[4:] == ["", "", ""]
    assert " ".join(continuation.cells[3].text.split()).endswith("৯। অঙ্গীকারনামা")
    assert all(c.page == r.page for r in rows for c in r.cells)
    # blocks come in reading order: the page-2 table precedes the page-2 lines
    page2 = [type(b).__name__ for b in doc.blocks if (b.page if isinstance(b, Line) else b.pages[0]) == 2]
    assert page2 == ["Table", "Line", "Line"]


def test_chromium_split_row_needs_closing_edge():
    with pdfplumber.open(FIXTURES / "charter-chromium.pdf") as pdf:
        page = pdf.pages[0]
        parse_page(page)
        plain = page.find_tables(RULED)
        edges = closing_edges(page)
    # the cut at the page foot, one edge under each of the 7 columns
    assert len(edges) == 7 and all(e["top"] == edges[0]["top"] > 700 for e in edges)
    split_row = rows_of(read("charter-chromium.pdf"))[SPLIT_ROW]
    assert split_row.cells[0].text == "৪" and split_row.cells[0].bbox[3] > 700
    assert plain[0].bbox[3] < split_row.cells[0].bbox[1] + 1   # without it the row is lost


def test_chromium_merged_cell_cut_by_page_break():
    """Rows 34-79 share one officer cell; Chromium leaves it open at the foot of page 2."""
    rows = {r.cells[0].text: r for r in rows_of(read("rowspan-chromium.pdf"))}
    assert len(rows) == 81 and all(len(r.cells) == 3 for r in rows.values())  # header + 80
    first, tail = rows["34"], rows["73"]
    assert (first.page, first.after_page_break) == (2, True)
    assert " ".join(first.cells[2].text.split()) == TRUTH["rows"][2][OFFICER_COLUMN]
    assert all(rows[str(n)].cells[2].spanned for n in range(35, 73))
    # the merged cell's rest on page 3: an empty real cell, then spanned ones
    assert (tail.page, tail.after_page_break) == (3, True)
    assert tail.cells[2].text == "" and not tail.cells[2].spanned
    assert all(rows[str(n)].cells[2].spanned for n in range(74, 80))
    assert rows["80"].cells[2].text == "-"
    with pdfplumber.open(FIXTURES / "rowspan-chromium.pdf") as pdf:
        page = pdf.pages[1]
        parse_page(page)
        plain = page.find_tables(RULED)[0]
    assert {len(r.cells) for r in plain.rows} == {2}   # without the edge: no officer column


def test_libreoffice_draws_every_rule():
    with pdfplumber.open(FIXTURES / "charter-noto.pdf") as pdf:
        assert [closing_edges(p) for p in pdf.pages if parse_page(p) is None] == [[], []]


def test_unruled_table_from_word_alignment():
    doc = read("unruled.pdf")
    assert [b.text for b in doc.blocks if isinstance(b, Line)] == ["যোগাযোগ"]
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert [[" ".join(t.split()) for t in r.texts()] for r in table.rows] == TRUTH["unruled_rows"]


# --------------------------------------------------------------------------
# Unreadable input
# --------------------------------------------------------------------------

def test_scan_gives_finding_and_no_blocks(monkeypatch):
    monkeypatch.setattr("pipeline.ocr.available", lambda: False)   # the OCR path is tests/test_ocr.py's
    doc = read("scan.pdf")
    assert doc.blocks == []
    assert [(f.rule, f.severity) for f in doc.findings] == [("page_needs_ocr", "error")]
    assert "page 1" in doc.findings[0].message and "no text layer" in doc.findings[0].message


def test_glyph_text_without_actualtext_is_flagged():
    """pdfminer's own chars (ActualText ignored) are the broken-layer case."""
    with pdfplumber.open(FIXTURES / "charter-lohit.pdf") as pdf:
        raw = "".join(c["text"] for c in pdf.pages[0].chars)
    with pdfplumber.open(FIXTURES / "charter-lohit.pdf") as pdf:
        parse_page(pdf.pages[0])
        fixed = "".join(c["text"] for c in pdf.pages[0].chars)
    assert "(cid:)" in text_layer_problem(raw, has_images=False)
    # the same glyphs even without the unmapped ones: vowel signs float free
    orphans = text_layer_problem(re.sub(r"\(cid:\d+\)", "", raw), has_images=False)
    assert re.fullmatch(r"\d+ Bengali vowel signs with no consonant before them in \d+ words .*", orphans)
    assert text_layer_problem(fixed, has_images=False) is None


def test_cid_codes_and_blank_pages():
    assert text_layer_problem("(cid:12)(cid:40)(cid:7) সেবা", has_images=False) == \
        "3 glyphs without Unicode mapping ((cid:) codes)"
    # one unmapped bullet in a page of sound text is no reason to drop the page
    assert text_layer_problem("(cid:127) " + "সেবা প্রদান " * 50, has_images=False) is None
    assert text_layer_problem("  ", has_images=False) is None


def test_legacy_bijoy_encoding():
    bijoy = ["MYcÖRvZš¿x evsjv‡`k miKvi", "Z_¨ I †hvMv‡hvM cÖhyw³ Awa`ßi", "Email: uno@x.gov.bd"]
    assert legacy_encoding({"ABCDEF+SutonnyMJ"}, []) == \
        "legacy Bijoy encoding (fonts SutonnyMJ); text is not Unicode"
    assert "most lines read as Bijoy codes" in legacy_encoding({"Arial"}, bijoy)
    assert legacy_encoding({"BAAAAA+NotoSansBengali-Regular"}, TRUTH["lines"]) is None


def test_not_a_pdf_raises(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4\nthis is not a PDF body")
    with pytest.raises(ReadError, match="^not a readable PDF: "):
        PdfReader().read(bad)


# --------------------------------------------------------------------------
# Repairs, speed, debug image
# --------------------------------------------------------------------------

@pytest.mark.parametrize("pieces, joined", [
    (["lakhai.ictd@g", "mail.com"], "lakhai.ictd@gmail.com"),
    (["ictd@gmail.co m"], "ictd@gmail.com"),
    (["lakhai.ictd", "@gmail.com ফোন"], "lakhai.ictd@gmail.com ফোন"),
    (["www.grs.gov.", "bd সেবা"], "www.grs.gov.bd সেবা"),
    (["uno@x.gov.bd", "ফোন"], "uno@x.gov.bd\nফোন"),              # lines stay lines
    (["ফোন: ০১৭১১-", "২২৩৩৪৪"], "ফোন: ০১৭১১-২২৩৩৪৪"),
    (["বাংলা - ২০/-", "ইংরেজী - ৫০/-"], "বাংলা - ২০/-\nইংরেজী - ৫০/-"),   # an amount's /- is no hyphen
    (["০", "২"], "০২"),                                        # a serial wider than its column
    (["১০০", "২০০ টাকা"], "১০০\n২০০ টাকা"),
    (["কর্মকর্ত া", "সেবা  প্রদান"], "কর্মকর্তা\nসেবা প্রদান"),
    (["মোবাইলঃ ০১৬৮৬১৫৬৪৯", "৮ ইমেইলঃ rafiq.acland.ka", "malnagar@gmail.com"],
     "মোবাইলঃ ০১৬৮৬১৫৬৪৯৮ ইমেইলঃ rafiq.acland.kamalnagar@gmail.com"),
    (["১। জাতীয় পরিচয়পত্র ২", "১। ছবি"], "১। জাতীয় পরিচয়পত্র ২\n১। ছবি"),
    (["প্রতিষ্ঠানসম", "ূহের"], "প্রতিষ্ঠানসমূহের"),         # a word cut before its vowel sign
    (["কর্মকর্", "তা"], "কর্মকর্তা"),                        # ... or after a hasanta
    (["Dhaka.", "Email: uno@x.gov.bd"], "Dhaka.\nEmail: uno@x.gov.bd"),
    (["01871274760", "nasrin.aclandalamdanga@yahoo.com"], "01871274760\nnasrin.aclandalamdanga@yahoo.com"),
    # an address piece that fills its column, twice over (the column cut it, not a line break)
    (["ইমেইল:", "sumaiya.sa" + FULL_LINE, "vingsbiro" + FULL_LINE, "l@yahoo.com"],
     "ইমেইল:\nsumaiya.savingsbirol@yahoo.com"),
    (["০", "২.আইসিটি সংশ্লিষ্ট"], "০২.আইসিটি সংশ্লিষ্ট"),   # a serial fused to its name, cut after its first digit (c173)
    (["০", "২। টেলিফোনে যোগাযোগ"], "০২। টেলিফোনে যোগাযোগ"),
    (["০", "২ কপি ছবি"], "০\n২ কপি ছবি"),                # a count opens the next line, no serial's mark
    (["1. After field verification" + FULL_LINE, "2. Through the website"],
     "1. After field verification\xad\n2. Through the website"),    # prose: left to WordCuts
])
def test_text_repairs(pieces, joined):
    assert join_lines(pieces) == joined


DOCUMENT = ["২৮ কার্যদিবস", "০৭ (সাত)\nকার্যদিব\nস", "সর্বো\nচ্চ0৫দিন", "সেবা প্রদানের সময়",
            "উপজেলা ভূমি\nঅফিসার", "সরাসরি\nঅফিসে আবেদন", "7-10 working\ndays", "3 working days",
            "entreprene" + FULL_LINE + "\nurs", "Recreation" + FULL_LINE + "\nleave", "verification" + FULL_LINE + "\n2.",
            "সাধারণ\n৩০০\n০\nটাকা", "ফরম ফি ১০০ টাকা", "১০০\n২০০ টাকা", "৫০\n০.০০ টাকা",
            "ডাঃ মাহমুদা সুলতানা", "সমাধান দিতে না পারলে"]


@pytest.mark.parametrize("cell, rejoined", [
    ("০৭ (সাত)\nকার্যদিব\nস", "০৭ (সাত)\nকার্যদিবস"),      # written whole elsewhere; the pieces never alone
    ("সর্বো\nচ্চ0৫দিন", "সর্বোচ্চ0৫দিন"),                     # a keyword table knows সর্বোচ্চ
    ("উপজেলা ভূমি\nঅফিসার", "উপজেলা ভূমি\nঅফিসার"),           # two words
    ("সরাসরি\nঅফিসে আবেদন", "সরাসরি\nঅফিসে আবেদন"),
    ("7-10 working\ndays", "7-10 working\ndays"),
    ("entreprene" + FULL_LINE + "\nurs", "entrepreneurs"),      # a full line and a short rest
    ("Recreation" + FULL_LINE + "\nleave", "Recreation\nleave"),  # a full line, but a word-long rest
    ("verification" + FULL_LINE + "\n2.", "verification\n2."),  # a number opens no word's middle
    ("সাধারণ\n৩০০\n০\nটাকা", "সাধারণ\n৩০০০\nটাকা"),        # a number cut; its pieces never alone (c27)
    ("৫০\n০.০০ টাকা", "৫০০.০০ টাকা"),                       # ... with its decimals (c114)
    ("১০০\n২০০ টাকা", "১০০\n২০০ টাকা"),                     # ১০০ stands alone elsewhere: two amounts
    ("Mobile:\n01704164449\n2. Shahana Parvin", "Mobile:\n01704164449\n2. Shahana Parvin"),  # a list's number
    ("০১৮৭৪-৩০৮৮৮৬\n০১৪৪৮৮৮৫৭৯৯", "০১৮৭৪-৩০৮৮৮৬\n০১৪৪৮৮৮৫৭৯৯"),      # two phones (dev d11)
    # written whole elsewhere, a piece a word too (না): the line the one word fills tells (c175)
    ("সুলতা" + FULL_LINE + "\nনা", "সুলতানা"),
    ("সুলতা\nনা", "সুলতা\nনা"),
])
def test_words_cut_by_a_column_told_by_the_documents_vocabulary(cell, rejoined):
    assert WordCuts(DOCUMENT, known_words()).rejoin(cell) == rejoined


def test_no_cut_word_left_in_the_committed_layout_pdfs():
    """The committed layout PDFs in narrow columns cut কার্যদিবস, তাৎক্ষণিক and সর্বোচ্চ; none
    reaches a record cut."""
    cut = re.compile(r"কার্যদি ?ব স|কার্যদি বস|তাৎক্ষ নিক|তাৎক্ষণি ক|সর্বো চ্চ")
    texts = [value for pdf in sorted(LAYOUTS.glob("*.pdf")) for service in process(pdf).services
             for value in (service.time_limit_text, service.name, service.fee_text)]
    assert len(texts) > 100
    assert [t for t in texts if cut.search(t)] == []


def test_nfc():
    assert clean_text("\u0995\u09c7\u09be") == "\u0995\u09cb"


def test_speed_at_least_one_page_per_second():
    start = time.perf_counter()
    pages = sum(PdfReader().read(FIXTURES / name).pages for name in CHARTERS)
    rate = pages / (time.perf_counter() - start)
    print(f"\n{rate:.1f} pages/s")
    assert rate >= 1.0


def test_debug_image(tmp_path):
    out = debug_image(FIXTURES / "charter-noto.pdf", 1, tmp_path / "p1.png")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 10_000


@tool_missing("pdftotext", "poppler-utils")
def test_poppler_splits_words_our_reader_does_not():
    """The reference has the known inner spaces; the reader must not copy them."""
    doc = read("charter-noto.pdf")
    popped = poppler_rows(FIXTURES / "charter-noto.pdf", doc)
    assert "কর্মকর্ত া" in popped[0][OFFICER_COLUMN]
    assert "কর্মকর্তা" in logical_rows(doc)[0][OFFICER_COLUMN]


# --------------------------------------------------------------------------
# Borderless tables: serials wrapped in a narrow column, column-number rows
# --------------------------------------------------------------------------

def _line(top: float, *cells: tuple[float, str]) -> list[Word]:
    """One text line of a borderless table: (x, text) per column."""
    return [Word(text, x, x + 6 * len(text), top, top + 10, True) for x, text in cells]


COLUMNS = [10.0, 40.0, 120.0, 200.0]


@pytest.mark.parametrize("serials, rows", [
    # a narrow serial column wrapped ০১ as ০ / ১ and ১০ as ১ / ০: one row each
    ([("০", "১"), ("০২", None), ("০৩", None)], ["০১", "০২", "০৩"]),
    ([("৯", None), ("১", "০"), ("১১", None)], ["৯", "১০", "১১"]),
    # ... with the serial's mark after its last digit (০১. as ০ / ১., combos c140)
    ([("০", "১."), ("০", "২."), ("০৩.", None)], ["০১.", "০২.", "০৩."]),
    # single-line rows one after another stay rows
    ([("১", None), ("২", None), ("৩", None)], ["১", "২", "৩"]),
])
def test_serial_digits_wrapped_in_a_narrow_column_stay_one_serial(serials, rows):
    lines, top = [], 0.0
    for first, second in serials:
        lines.append(_line(top, (10, first), (40, "সেবা"), (120, "আবেদন"), (200, "বিনামূল্যে")))
        top += 12
        if second:
            lines.append(_line(top, (10, second), (40, "নাম")))
            top += 12
    groups = _row_groups(lines, COLUMNS)
    assert [group[0][0].text for group in groups] == rows


def test_a_column_number_row_splits_columns_the_gutters_missed():
    """A blank serial column: no body text tells it from the name column; the number row does."""
    lines = [_line(0, (12, "(১)"), (50, "(২)"), (125, "(৩)"), (205, "(৪)")),
             _line(12, (40, "সেবা"), (120, "আবেদন"), (200, "বিনামূল্যে")),
             _line(24, (40, "সনদ"), (120, "আবেদন"), (200, "১০০ টাকা"))]
    found = _numbered_columns([12.0, 120.0, 200.0], lines)
    assert len(found) == 4 and found[0] == 12.0 and 30 < found[1] <= 40 and found[2:] == [120.0, 200.0]
    assert _numbered_columns([12.0, 40.0, 120.0, 200.0], lines) == [12.0, 40.0, 120.0, 200.0]


def _chars(top: float, *pieces: tuple[float, str]) -> list[dict]:
    """The chars of one text line, a piece per (x, text); 5 pt a char, 10 pt high."""
    return [{"text": ch, "x0": x + 5 * i, "x1": x + 5 * i + 5, "top": top, "bottom": top + 10, "size": 10}
            for x, text in pieces for i, ch in enumerate(text)]


def test_a_row_a_page_break_left_open_below_the_last_rule_is_closed():
    """Chromium draws no rule under a row it cuts at a page break: the columnar text below the
    last rule gets a closing height; a heading below it, or prose of one piece, does not."""
    rules = [100.0, 130.0]
    open_row = _chars(140, (10, "১."), (60, "মাটির"), (160, "আবেদন")) + _chars(152, (60, "পরীক্ষা"), (160, "যাচাই"))
    assert _open_rows(open_row, rules, 0, 300) == [163.0]
    heading = _chars(140, (10, "৩. অভিযোগ প্রতিকার ব্যবস্থাপনা (GRS)"))
    assert _open_rows(heading + _chars(160, (10, "১"), (60, "কখন")), rules, 0, 300) == []
    assert _open_rows(_chars(140, (10, "সেবা প্রাপ্তিতে অসন্তুষ্ট হলে")), rules, 0, 300) == []


def test_the_last_words_of_wrapped_labels_stay_in_the_header():
    """নম্বর and the last syllable of a cut সময়সীমা name no column alone; right above the first
    numbered row they are still the header's. A row's rest (পাসপোর্ট ইস্যু) is not."""
    header = [_line(0, (10, "ক্র. নং"), (40, "সেবার নাম"), (120, "প্রয়োজনীয় কাগজপত্র"), (200, "সেবার মূল্য")),
              _line(12, (120, "মা"), (200, "নম্বর"))]
    body = [_line(36, (10, "১।"), (40, "জন্ম নিবন্ধন"), (120, "আবেদন"), (200, "বিনামূল্যে"))]
    assert _header_size(header + body) == 2
    rest = [_line(12, (40, "পাসপোর্ট ইস্যু"))]
    assert _header_size(header[:1] + rest + body) == 1


def test_a_department_row_over_a_narrow_serial_column_vetoes_no_gutter():
    """প্রকৌশল বিভাগ, one piece from the table's left end, crosses the gutter between the serials and
    the names; the serial column is still a column (combos c37)."""
    lines = [_line(0, (10, "১"), (40, "রাস্তা খনন"), (120, "আবেদন"), (200, "২০/-")),
             _line(12, (10, "প্রকৌশল বিভাগ")),
             _line(24, (10, "২"), (40, "সড়ক বাতি"), (120, "আবেদন"), (200, "বিনামূল্যে"))]
    starts = gutter_starts(lines)
    assert len(starts) == 4 and starts[0] == 10 and 16 < starts[1] < 40


def test_a_number_row_splits_columns_of_a_table_ruled_across_only():
    """Phone numbers run up to the email column in every row, so no gutter shows between them; the
    column-number row (৩) (৪) says they are two columns (combos c41)."""
    rules = [{"orientation": "h", "x0": 0.0, "x1": 300.0, "top": y, "bottom": y} for y in (0.0, 20.0, 40.0, 60.0)]
    chars = (_chars(5, (10, "(১)"), (80, "(২)"), (160, "(৩)"), (240, "(৪)"))
             + _chars(25, (10, "সেবা"), (80, "আবেদন"), (160, "01711223344"), (218, "a@b.bd"))
             + _chars(45, (10, "সনদ"), (80, "আবেদন"), (160, "01811223344"), (218, "c@d.bd")))
    verticals, _ = virtual_rules(chars, rules)
    assert len({v["x0"] for v in verticals}) == 5


def test_a_rule_under_sub_rows_is_drawn_to_the_gutter_it_stops_short_of():
    """Beside a merged serial cell the rules under (ক) and (খ) start after the serial column, a few
    points right of the gutter: drawn to it, they close the sub-rows' cells (dev d03)."""
    rules = [{"orientation": "h", "x0": 17.0, "x1": 814.0, "top": 340.0, "bottom": 340.0},
             {"orientation": "h", "x0": 46.0, "x1": 632.0, "top": 446.0, "bottom": 446.0}]
    assert _snapped(rules, [17.0, 41.0, 250.0, 627.0, 814.0], 17.0, 814.0) == [(41.0, 627.0, 446.0)]


def _texts(groups) -> list[str]:
    return [" ".join(w.text for words in group for w in words) for group in groups]


def test_the_rest_of_a_cut_row_under_a_repeated_header_is_a_row_of_its_own():
    """On a new page the header repeats, then the rest of the row the page break cut: a column
    whose text starts again after a line it left empty (সেবার নাম, then প্রদান) holds no label
    there (combos c31)."""
    lines = [_line(0, (10, "ক্রমিক"), (40, "সেবার নাম"), (120, "প্রয়োজনীয়"), (200, "দায়িত্বপ্রাপ্ত")),
             _line(12, (120, "কাগজপত্র"), (200, "কর্মকর্তার")),
             _line(24, (200, "পদবী, রুম")),
             _line(36, (40, "প্রদান"), (120, "নাগরিকত্ব সনদ"), (200, "জেলা সঞ্চয় অফিসার")),
             _line(48, (10, "০৩"), (40, "সঞ্চয়পত্র নগদায়ন"), (120, "আবেদন"), (200, "অফিস সহকারী")),
             _line(60, (10, "০৪"), (40, "তথ্য প্রদান"), (120, "আবেদন"), (200, "অফিস সহকারী"))]
    assert _texts(_row_groups(lines, COLUMNS))[1:3] == ["পদবী, রুম", "প্রদান নাগরিকত্ব সনদ জেলা সঞ্চয় অফিসার"]
    # on the table's first page nothing follows the header's lines but the first service
    assert _texts(_row_groups(lines[:3] + lines[4:], COLUMNS))[1:3] == ["পদবী, রুম",
                                                                     "০৩ সঞ্চয়পত্র নগদায়ন আবেদন অফিস সহকারী"]


def test_a_column_number_row_under_the_header_closes_it():
    """Labels wrapped word by word in a narrow column ('পদবী,' / 'রুম নম্বর,' / 'জেলার') above the
    column-number row are all the header's (combos c68); without the number row they are not."""
    header = [_line(0, (10, "ক্রমিক"), (40, "সেবার নাম"), (120, "সেবার মূল্য"), (200, "দায়িত্বপ্রাপ্ত")),
              _line(12, (120, "সর্বোচ্চ"), (200, "কর্মকর্তার")),
              _line(24, (200, "পদবী,")), _line(36, (200, "রুম নম্বর,")), _line(48, (200, "জেলার"))]
    numbers = [_line(60, (10, "১"), (40, "২"), (120, "৩"), (200, "৪"))]
    body = [_line(72, (10, "০১"), (40, "তথ্য প্রদান"), (120, "২০ টাকা"), (200, "সহকারী প্রোগ্রামার"))]
    assert _header_size(header + numbers + body) == 5
    assert _header_size(header + body) < 5


@pytest.mark.parametrize("name, fee, opens", [
    ("(খ) প্রকল্পের তথ্য প্রদান", "টাকা", True),   # a marked sub-row (combos c43)
    ("নবায়ন", "৫০০ টাকা", True),                  # a class named by variant words only (c31)
    ("নবায়ন", "টাকা", False),                     # a long name's last word (c46): no terms open
    ("বিষয়ে পরামর্শ প্রদান", "৫০০ টাকা", False),    # the name's wrapped rest
])
def test_a_sub_row_of_a_borderless_numbered_table_opens_its_own_row(name, fee, opens):
    lines = [_line(0, (10, "ক্রমিক"), (40, "সেবার নাম"), (120, "পদ্ধতি"), (200, "সেবার মূল্য")),
             _line(12, (10, "০২"), (40, "পাসপোর্ট"), (120, "আবেদন"), (200, "১০০")),
             _line(24, (40, name), (120, "যাচাই"), (200, fee)),
             _line(36, (10, "০৩"), (40, "সনদ"), (120, "আবেদন"), (200, "বিনামূল্যে"))]
    assert len(_row_groups(lines, COLUMNS)) == (4 if opens else 3)


@pytest.mark.parametrize("title_terms, fee, time, opens", [
    ((), "২০ টাকা", "১", True),        # a variant no list knows ('বাংলা') beside a new fee and time (combos c68)
    ((), "২০ টাকা", "", False),        # one term only: the name's wrapped word
    # the row's terms started on its first line ('সাধারণ', 'সর্বোচ্চ'): the name's rest (combos c31)
    (((200, "সাধারণ"), (260, "সর্বোচ্চ")), "৩০ টাকা", "২৮ দিন", False),
])
def test_a_word_beside_a_new_fee_and_time_limit_opens_a_sub_row(title_terms, fee, time, opens):
    columns = [10.0, 40.0, 120.0, 200.0, 260.0]
    lines = [_line(0, (10, "ক্রমিক"), (40, "সেবার নাম"), (120, "পদ্ধতি"), (200, "সেবার মূল্য"), (260, "সময়সীমা")),
             _line(12, (10, "০১"), (40, "অফিস সংক্রান্ত তথ্য প্রদান"), (120, "আবেদন"), *title_terms),
             _line(24, *[c for c in ((40, "বাংলা"), (200, fee), (260, time)) if c[1]]),
             _line(36, (10, "০২"), (40, "সনদ"), (120, "আবেদন"), (200, "বিনামূল্যে"), (260, "৭ দিন"))]
    assert len(_row_groups(lines, columns)) == (4 if opens else 3)


def test_the_next_fee_class_under_a_merged_name_opens_a_row():
    """'বাংলা:' / '২০ টাকা' / 'ইংরেজী:' / '৫০ টাকা' in the fee column, a time limit beside each class:
    the second class is a row of its own (combos c116); a documents label ('প্রাপ্তিস্থান:') is none."""
    columns = [10.0, 40.0, 120.0, 200.0, 260.0]
    lines = [_line(0, (10, "ক্রমিক"), (40, "সেবার নাম"), (120, "কাগজপত্র"), (200, "সেবার মূল্য"), (260, "সময়সীমা")),
             _line(12, (10, "৭।"), (40, "টিকা প্রদান"), (120, "২ কপি ছবি"), (200, "বাংলা:"), (260, "১ কার্যদিবস")),
             _line(24, (120, "প্রাপ্তিস্থান: দপ্তর"), (200, "২০ টাকা")),
             _line(36, (120, "উপজেলা"), (200, "ইংরেজী:"), (260, "২ কার্যদিবস")),
             _line(48, (200, "৫০ টাকা")),
             _line(60, (10, "৮।"), (40, "চিকিৎসা"), (120, "আবেদন"), (200, "২০/="), (260, "৭ দিন"))]
    assert _texts(_row_groups(lines, columns))[1:] == [
        "৭। টিকা প্রদান ২ কপি ছবি বাংলা: ১ কার্যদিবস প্রাপ্তিস্থান: দপ্তর ২০ টাকা",
        "উপজেলা ইংরেজী: ২ কার্যদিবস ৫০ টাকা", "৮। চিকিৎসা আবেদন ২০/= ৭ দিন"]
    # alternatives in one cell beside a time limit's wrapped rest: one row (dev d06)
    one = [lines[0], _line(12, (10, "০১."), (40, "ঋণ মঞ্জুরি"), (200, "বাংলা - ২০/-"), (260, "তাৎক্ষণিক/")),
           _line(24, (40, "অগ্রায়ন"), (200, "ইংরেজী - ৫০/-"), (260, "১দিন")), lines[-1]]
    assert len(_row_groups(one, columns)) == 3


def test_a_borderless_cells_line_that_fills_its_column_is_marked_full():
    """A one-word line reaching the right edge of its column's widest line, with no room for the
    next line's first letter, may end in a cut word, as in a ruled cell (c175: সুলতা / না); a
    line with room left, or of two words, is no full line."""
    lines = [_line(0, (10, "ক্রমিক"), (40, "কর্মকর্তা"), (120, "কাগজপত্র"), (200, "সময়")),
             _line(12, (10, "১"), (40, "মোঃ"), (120, "আবেদন"), (200, "৭ দিন")),
             _line(24, (40, "সুলতা"), (120, "ছবি")),
             _line(36, (40, "না")),
             _line(48, (10, "২"), (40, "রহিম"), (120, "সনদ"), (200, "৩ দিন"))]
    lines[2][0].x1 = 86.0       # 8 short of the column's widest line (its label), না is 12 wide
    table, _ = zone_table(lines, 1)
    assert table.rows[1].cells[1].text == "মোঃ\nসুলতা" + FULL_LINE + "\nনা"
    assert FULL_LINE not in table.rows[2].cells[1].text


def test_a_line_holding_a_serial_and_one_word_may_end_in_a_cut_word():
    assert ONE_TOKEN.fullmatch("০৬.প্রকল্পে") and ONE_TOKEN.fullmatch("প্রকল্পে")
    assert not ONE_TOKEN.fullmatch("০৬. প্রকল্পের তথ্য")


def test_a_department_line_inside_a_numbered_table_is_a_row_of_its_own():
    """লাইসেন্স শাখা between two services, from the left end across the serial column's gutter:
    neither the service above nor the one below (combos c37); a list number in another column
    ('২। টেলিফোনে যোগাযোগ') opens no row."""
    lines = [_line(0, (10, "3"), (40, "নকশা অনুমোদন"), (120, "আবেদন"), (200, "১০০০ টাকা")),
             _line(12, (120, "২। টেলিফোনে যোগাযোগ"), (200, "সর্বমোট")),
             _line(24, (10, "লাইসেন্স শাখা")),
             _line(36, (10, "1"), (40, "রিকশা লাইসেন্স"), (120, "আবেদন"), (200, "৪০০ টাকা"))]
    assert _texts(_row_groups(lines, COLUMNS)) == [
        "3 নকশা অনুমোদন আবেদন ১০০০ টাকা ২। টেলিফোনে যোগাযোগ সর্বমোট", "লাইসেন্স শাখা", "1 রিকশা লাইসেন্স আবেদন ৪০০ টাকা"]
    table, _ = zone_table(lines, 1)
    assert table.rows[1].texts() == ["লাইসেন্স শাখা", "", "", ""]


def test_a_column_neither_numbered_nor_labelled_is_part_of_its_numbered_neighbour():
    """Serials (১।) stand left of the centred label ক্রঃ and number ১ of a narrow column; the gutter
    between them opens no column (combos c26)."""
    lines = [_line(0, (14, "ক্রঃ"), (45, "সেবার নাম"), (125, "কাগজপত্র"), (205, "সেবামূল্য")),
             _line(12, (16, "১"), (50, "২"), (125, "৩"), (205, "৪")),
             _line(24, (5, "১।"), (40, "প্রদর্শনী"), (120, "আবেদন"), (200, "২০/-"))]
    assert _numbered_columns([5.0, 14.0, 40.0, 120.0, 200.0], lines, header=2) == [5.0, 40.0, 120.0, 200.0]


def test_a_department_band_of_a_table_ruled_across_only_is_one_cell():
    """No gutter is drawn through প্রশাসন বিভাগঃ, one piece from the serial column on (combos c36)."""
    rules = [{"orientation": "h", "x0": 0.0, "x1": 300.0, "top": y, "bottom": y} for y in (0.0, 20.0, 40.0, 60.0)]
    chars = (_chars(5, (5, "১"), (80, "সেবা"), (160, "আবেদন"), (240, "ফি"))
             + _chars(25, (5, "প্রশাসন বিভাগঃ"))
             + _chars(45, (5, "২"), (80, "সনদ"), (160, "আবেদন"), (240, "২০/-")))
    verticals, _ = virtual_rules(chars, rules)
    inner = [v for v in verticals if 0 < v["x0"] < 300]
    assert inner and all(not (v["top"] < 30 < v["bottom"]) for v in inner)
    assert any(v["top"] <= 5 and v["bottom"] >= 15 for v in inner)


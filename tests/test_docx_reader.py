"""DocxReader on the Word charter built by tests/fixtures/docx/make_fixtures.py.

The fixture has a vMerge over three officer cells, a gridSpan over fee and
time, an explicit page break followed by Word's own rendered break (one
break, not two), a row Word pushed to page 3 (a rendered break in every
cell: one break, not seven), a fee cell holding a small tier table, and the
grievance table nested in a layout table.
"""
from __future__ import annotations

import unicodedata
import zipfile
from functools import lru_cache
from pathlib import Path

import pytest

from pipeline.model import Line, RawDocument, Table
from pipeline.readers.base import ReadError
from pipeline.readers.docx import DocxReader
from pipeline.readers.html import HtmlReader

FIXTURES = Path(__file__).parent / "fixtures"
DOCX = FIXTURES / "docx" / "land-office-charter.docx"
HTML = [FIXTURES / "html" / "portal-citizen-charter.html", FIXTURES / "html" / "old-format-charter.htm"]
OFFICER = ("মোঃ আব্দুল করিম সহকারী কমিশনার (ভূমি) ফোন: ০৮৩২৫-৫৬০১২ মোবাইল: ০১৭১৫-৪২৩৬৮৯ "
           "ইমেইল: aclakhai@mopa.gov.bd")


@lru_cache(maxsize=None)
def read() -> RawDocument:
    return DocxReader().read(DOCX)


def tables() -> list[Table]:
    return [b for b in read().blocks if isinstance(b, Table)]


def outline() -> list[tuple[int, str]]:
    """(page, text) of every line and (page, 'T<rows>x<cols>') of every table."""
    return [(b.page, b.text) if isinstance(b, Line)
            else (b.rows[0].page, f"T{len(b.rows)}x{len(b.rows[0].cells)}") for b in read().blocks]


def test_blocks_in_document_order_with_pages():
    assert read().format == "docx"
    assert outline() == [
        (1, "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার"), (1, "উপজেলা ভূমি অফিস"), (1, "লাখাই, হবিগঞ্জ"),
        (1, "সিটিজেন চার্টার"), (1, "১. ভিশন ও মিশন"),
        (1, "ভিশন: দক্ষ, স্বচ্ছ ও জনবান্ধব ভূমি ব্যবস্থাপনা।"),
        (1, "মিশন: ভূমি সেবা সহজীকরণ ও ডিজিটাল পদ্ধতিতে দ্রুত সেবা প্রদান।"),
        (1, "২. প্রতিশ্রুত সেবাসমূহ"), (1, "২.১) নাগরিক সেবা"), (1, "T5x7"),
        (2, "২.২) প্রাতিষ্ঠানিক সেবা"), (2, "T4x7"),
        (3, "৩. অভিযোগ প্রতিকার ব্যবস্থাপনা (GRS)"), (3, "T2x5"),
        (3, "৪. আপনার কাছে আমাদের প্রত্যাশা"),
        (3, "১) নির্ধারিত ফরমে সম্পূর্ণভাবে পূরণকৃত আবেদন জমা প্রদান"),
        (3, "২) সাক্ষাতের জন্য নির্ধারিত সময়ের পূর্বেই উপস্থিত থাকা"),
    ]


def test_page_count_counts_each_break_once():
    assert read().pages == 3


def test_rows_after_page_breaks_are_marked():
    flags = [[(r.page, r.after_page_break) for r in t.rows] for t in tables()]
    assert flags == [
        [(1, False)] * 5,
        [(2, True), (2, False), (2, False), (3, True)],
        [(3, False), (3, False)],
    ]
    assert {c.page for r in tables()[1].rows[3:] for c in r.cells} == {3}


def test_vmerge_officer_text_at_restart_and_spanned_below():
    officer = [r.cells[6] for r in tables()[0].rows[2:]]
    # The cell's paragraphs are kept as lines: an officer cell is read by its lines.
    assert officer[0].text.split("\n") == ["মোঃ আব্দুল করিম", "সহকারী কমিশনার (ভূমি)", "ফোন: ০৮৩২৫-৫৬০১২",
                                           "মোবাইল: ০১৭১৫-৪২৩৬৮৯", "ইমেইল: aclakhai@mopa.gov.bd"]
    assert (" ".join(officer[0].text.split("\n")), officer[0].spanned) == (OFFICER, False)
    assert [(c.text, c.spanned) for c in officer[1:]] == [("", True), ("", True)]


def test_gridspan_text_once_and_covered_position_spanned():
    last = tables()[0].rows[4]
    assert [(c.text, c.spanned) for c in last.cells[4:]] == [
        ("জরুরি: ১০০ টাকা, ৩ কার্যদিবস", False), ("", True), ("", True)]


def test_header_row_kept_as_written():
    assert tables()[0].rows[0].texts()[6] == "দায়িত্বপ্রাপ্ত কর্মকর্তা (নাম, পদবি, ফোন নম্বর ও ইমেইল)"
    assert tables()[0].rows[1].texts() == ["১", "২", "৩", "৪", "৫", "৬", "৭"]


def test_nested_table_read_once_and_layout_table_not_a_table():
    grs = tables()[2]
    assert grs.rows[1].texts() == ["১", "দায়িত্বপ্রাপ্ত কর্মকর্তা সমাধান দিতে না পারলে",
                                   "অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)", "উপজেলা নির্বাহী অফিসার, লাখাই",
                                   "৩০ কার্যদিবস"]
    texts = [c.text for t in tables() for r in t.rows for c in r.cells]
    texts += [b.text for b in read().blocks if isinstance(b, Line)]
    assert sum(t.count("অভিযোগ নিষ্পত্তি কর্মকর্তা") for t in texts) == 1


def test_small_table_inside_a_cell_is_part_of_the_cell_text():
    assert tables()[1].rows[2].cells[4].text == "ফি:\nসাধারণ\nবিনামূল্যে\nজরুরি\n৫০০ টাকা"


def test_text_is_nfc():
    # The fixture types "মোবাইল" with ো as two code points (ে + া).
    texts = [c.text for t in tables() for r in t.rows for c in r.cells]
    assert not any("\u09c7\u09be" in t for t in texts)
    assert all(unicodedata.is_normalized("NFC", t) for t in texts)


def _zip(path: Path, members: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_corrupt_zip_is_a_read_error(tmp_path):
    broken = tmp_path / "charter.docx"
    broken.write_bytes(DOCX.read_bytes()[:2000])
    with pytest.raises(ReadError, match="^not a readable Word file: corrupt or not a zip archive$"):
        DocxReader().read(broken)


def test_zip_that_is_not_word_is_a_read_error(tmp_path):
    sheet = _zip(tmp_path / "charter.docx", {"xl/workbook.xml": "<workbook/>"})
    with pytest.raises(ReadError, match="^not a readable Word file: .*Content_Types"):
        DocxReader().read(sheet)


def test_malformed_document_xml_is_a_read_error(tmp_path):
    with zipfile.ZipFile(DOCX) as source:
        members = {n: source.read(n) for n in source.namelist()}
    members["word/document.xml"] = members["word/document.xml"][:500]
    with pytest.raises(ReadError, match="^not a readable Word file: .*line 2"):
        DocxReader().read(_zip(tmp_path / "charter.docx", members))


def test_sniff_picks_docx_for_word_file():
    head = DOCX.read_bytes()[:8192]
    assert DocxReader().sniff(head, DOCX) == 1.0
    assert HtmlReader().sniff(head, DOCX) == 0.0


@pytest.mark.parametrize("path", HTML)
def test_sniff_rejects_html(path):
    assert DocxReader().sniff(path.read_bytes()[:8192], path) == 0.0


def test_sniff_other_zips(tmp_path):
    sheet = _zip(tmp_path / "book.xlsx", {"xl/workbook.xml": "<workbook/>"})
    assert DocxReader().sniff(sheet.read_bytes(), sheet) == 0.0
    broken = tmp_path / "charter.docx"
    broken.write_bytes(DOCX.read_bytes()[:2000])
    assert DocxReader().sniff(broken.read_bytes(), broken) == 0.5
    renamed = tmp_path / "charter.bin"
    renamed.write_bytes(DOCX.read_bytes()[:2000])
    assert DocxReader().sniff(renamed.read_bytes(), renamed) == 0.0

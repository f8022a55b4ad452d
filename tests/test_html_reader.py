"""HtmlReader on portal-style charter pages (tests/fixtures/html/).

``portal-citizen-charter.html`` is a national-portal page: top bar, menus,
breadcrumb, share buttons, sidebar and footer credits around the charter.
``old-format-charter.htm`` is an older ASP.NET page: upper-case tags, one
<form> around everything, a layout table holding the 8-column data table,
and a declared iso-8859-1 charset over UTF-8 bytes.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

import pytest

from pipeline.model import Line, RawDocument, Table
from pipeline.readers.base import ReadError
from pipeline.readers.docx import DocxReader
from pipeline.extract import extract
from pipeline.lexicon import clean, is_chrome_text
from pipeline.readers.html import HtmlReader, decode

FIXTURES = Path(__file__).parent / "fixtures"
PORTAL = FIXTURES / "html" / "portal-citizen-charter.html"
OLD = FIXTURES / "html" / "old-format-charter.htm"
DOCX = FIXTURES / "docx" / "land-office-charter.docx"

HEADER = ["ক্রমিক নং", "সেবার নাম", "সেবা প্রদান পদ্ধতি", "প্রয়োজনীয় কাগজপত্র এবং প্রাপ্তিস্থান",
          "সেবার মূল্য এবং পরিশোধ পদ্ধতি", "সেবা প্রদানের সময়সীমা",
          "দায়িত্বপ্রাপ্ত কর্মকর্তা (নাম, পদবি, ফোন নম্বর ও ইমেইল)"]
OFFICER = ("আব্দুর রহিম সহকারী প্রোগ্রামার তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর "
           "মোবাইলঃ ০১৭৩৯৯৭২০১৫ ইমেইলঃ abdurrahim.doict@gmail.com")


@lru_cache(maxsize=None)
def read(path: Path) -> RawDocument:
    return HtmlReader().read(path)


def tables(doc: RawDocument) -> list[Table]:
    return [b for b in doc.blocks if isinstance(b, Table)]


def lines(doc: RawDocument) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Line)]


def all_text(doc: RawDocument) -> str:
    cells = [c.text for t in tables(doc) for r in t.rows for c in r.cells]
    return "\n".join(lines(doc) + cells)


def head(path: Path) -> bytes:
    return path.read_bytes()[:8192]


def write(tmp_path: Path, data: bytes, name: str = "page.html") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# ------------------------------------------------------------------ portal page

def test_portal_document_has_one_page_and_three_tables():
    doc = read(PORTAL)
    assert (doc.format, doc.pages) == ("html", 1)
    assert [(len(t.rows), len(t.rows[0].cells)) for t in tables(doc)] == [(5, 7), (2, 7), (3, 5)]
    assert {c.page for t in tables(doc) for r in t.rows for c in r.cells} == {1}
    assert {r.after_page_break for t in tables(doc) for r in t.rows} == {False}


def test_portal_header_and_column_number_rows_are_kept_as_rows():
    citizen = tables(read(PORTAL))[0]
    assert citizen.rows[0].texts() == HEADER
    assert citizen.rows[1].texts() == ["১", "২", "৩", "৪", "৫", "৬", "৭"]


def test_rowspan_officer_text_at_origin_and_spanned_below():
    citizen = tables(read(PORTAL))[0]
    officer = [r.cells[6] for r in citizen.rows[2:]]
    # The cell's <br> lines are kept: an officer cell is read by its lines.
    assert officer[0].text.split("\n") == ["আব্দুর রহিম", "সহকারী প্রোগ্রামার", "তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর",
                                           "মোবাইলঃ ০১৭৩৯৯৭২০১৫", "ইমেইলঃ abdurrahim.doict@gmail.com"]
    assert clean(officer[0].text) == OFFICER and not officer[0].spanned
    assert [(c.text, c.spanned) for c in officer[1:]] == [("", True), ("", True)]


def test_colspan_text_at_origin_and_spanned_right():
    last = tables(read(PORTAL))[0].rows[4]
    assert [(c.text, c.spanned) for c in last.cells[4:6]] == [("বিনামূল্যে, তাৎক্ষণিক", False), ("", True)]


def test_empty_cell_is_not_spanned():
    nbsp_only = tables(read(PORTAL))[0].rows[3].cells[3]
    assert (nbsp_only.text, nbsp_only.spanned) == ("", False)


def test_breaks_paragraphs_and_list_items_become_lines():
    rows = tables(read(PORTAL))[0].rows
    assert rows[2].cells[2].text == "১। দাপ্তরিক ওয়েব সাইটের মাধ্যমে\n২। টেলিফোন যোগাযোগ\n৩। ই-মেইলের মাধ্যমে"
    assert rows[3].cells[2].text == "১। ব্যক্তিগত উপস্থিতির মাধ্যমে যোগাযোগ\n২। টেলিফোনে যোগাযোগ"
    assert rows[2].cells[3].text == "দাপ্তরিক ওয়েবসাইট, তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর"
    grs = tables(read(PORTAL))[2]
    assert grs.rows[1].cells[3].text == "উপজেলা নির্বাহী অফিসার, লাখাই\nফোন: ০৮৩২৫-৫৬০০১"


def test_text_is_nfc():
    text = all_text(read(PORTAL))
    # The page writes the officer's "মোবাইল" with ো as two code points (ে + া).
    assert "\u09c7\u09be" not in text and "মোবাইলঃ" in text
    assert unicodedata.is_normalized("NFC", text)


@pytest.mark.parametrize("chrome", [
    "গোপন স্ক্রিপ্ট লেখা", "site_name", "মেনু নির্বাচন করুন", "আমাদের সম্পর্কে", "এক নজরে লাখাই",
    "প্রথম পাতা", "শেয়ার করুন", "প্রিন্ট", "জাতীয় তথ্য বাতায়ন", "হট লাইন", "Skip to content",
    "পরিকল্পনা ও বাস্তবায়নে", "মন্ত্রিপরিষদ বিভাগ", "কারিগরি সহায়তায়", "শেষ হাল-নাগাদ",
    "ইনোভেশন কর্নার", "৯৯৯", "লাখাই উপজেলা",
])
def test_no_script_menu_sidebar_or_footer_text(chrome):
    assert chrome not in all_text(read(PORTAL))


def test_lines_in_document_order_around_tables():
    outline = [("T" if isinstance(b, Table) else b.text) for b in read(PORTAL).blocks]
    assert outline == [
        "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার", "তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর",
        "উপজেলা কার্যালয়, লাখাই, হবিগঞ্জ", "http://lakhai.habiganj.gov.bd/", "সিটিজেনস চার্টার",
        "১. ভিশন ও মিশন",
        "ভিশন: জ্ঞানভিত্তিক অর্থনীতি, সুশাসন প্রতিষ্ঠায় তথ্য প্রযুক্তির ব্যবহার।",
        "মিশন: তথ্য প্রযুক্তি খাতের সর্বোত্তম ব্যবহার নিশ্চিত করে অবকাঠামো উন্নয়ন, দক্ষ মানব সম্পদ গঠন, "
        "শোভন কাজ সৃজন এবং ই-সার্ভিস প্রতিষ্ঠার মাধ্যমে সুশাসন প্রতিষ্ঠা।",
        "২. প্রতিশ্রুত সেবাসমূহ", "২.১) নাগরিক সেবা", "T",
        "২.২) প্রাতিষ্ঠানিক সেবা", "T",
        "৩. অভিযোগ প্রতিকার ব্যবস্থাপনা (GRS)",
        "সেবা প্রাপ্তিতে অসন্তুষ্ট হলে দায়িত্বপ্রাপ্ত কর্মকর্তার সঙ্গে যোগাযোগ করুন।", "T",
        "৪. আপনার কাছে আমাদের প্রত্যাশা",
        "১) নির্ধারিত ফরমে সম্পূর্ণভাবে পূরণকৃত আবেদন জমা প্রদান",
        "২) সাক্ষাতের জন্য নির্ধারিত সময়ের পূর্বেই উপস্থিত থাকা",
    ]


# ------------------------------------------------------------------ older table-layout page

def test_old_page_reads_inner_table_once_and_layout_text_as_lines():
    doc = read(OLD)
    assert [(len(t.rows), len(t.rows[0].cells)) for t in tables(doc)] == [(5, 8)]
    assert lines(doc) == ["সিটিজেন চার্টার", "জেলা শিক্ষা অফিস, হবিগঞ্জ", "প্রতিশ্রুত সেবাসমূহ",
                          "অভিযোগ থাকলে জেলা শিক্ষা অফিসারের সঙ্গে যোগাযোগ করুন।"]
    assert all_text(doc).count("শিক্ষক নিবন্ধন সনদ যাচাই") == 1


def test_old_page_spans_in_middle_and_last_columns():
    rows = tables(read(OLD))[0].rows
    grid = [[("S" if c.spanned else c.text) for c in r.cells[5:]] for r in rows[2:]]
    assert grid == [
        ["বিনামূল্যে", "সহকারী জেলা শিক্ষা অফিসার, কক্ষ নং ২\nফোন: ০৮৩১-৬২২৫৪",
         "জেলা শিক্ষা অফিসার\nফোন: ০৮৩১-৬২১০১\ndeohabiganj@yahoo.com"],
        ["S", "সহকারী জেলা শিক্ষা অফিসার", "S"],
        ["সরকার নির্ধারিত ফি", "মাধ্যমিক শিক্ষা অফিসার", "S"],
    ]
    assert rows[3].cells[4].text == "www.dshe.gov.bd"


def test_old_page_drops_menu_print_link_viewstate_and_script():
    text = all_text(read(OLD))
    for chrome in ["আমাদের কথা", "নোটিশ", "প্রথম পাতা", "Print", "প্রিন্ট হচ্ছে", "VIEWSTATE", "Copyright"]:
        assert chrome not in text


# ------------------------------------------------------------------ grids, decoding, sniffing

def test_rowspan_past_the_end_and_short_rows_make_a_rectangle(tmp_path):
    page = ("<table><tr><td rowspan='5'>ক</td><td>খ</td><td>গ</td></tr>"
            "<tr><td colspan='x'>ঘ</td></tr><tr><td rowspan='0'>ঙ</td><td colspan='1px'>চ</td></tr></table>")
    table = tables(HtmlReader().read(write(tmp_path, page.encode())))[0]
    assert [[("S" if c.spanned else c.text) for c in r.cells] for r in table.rows] == [
        ["ক", "খ", "গ"], ["S", "ঘ", ""], ["S", "ঙ", "চ"]]


def test_nested_data_table_in_cell_is_read_once(tmp_path):
    page = ("<body><div id='content'><p>শিরোনাম</p><table><tr><td>বাইরের লেখা"
            "<table><tr><td>ভিতর ১</td><td>ভিতর ২</td></tr></table></td></tr></table></div></body>")
    doc = HtmlReader().read(write(tmp_path, page.encode()))
    assert [b.text if isinstance(b, Line) else [r.texts() for r in b.rows] for b in doc.blocks] == [
        "শিরোনাম", "বাইরের লেখা", [["ভিতর ১", "ভিতর ২"]]]


def test_cells_that_read_like_chrome_stay_in_data_tables(tmp_path):
    page = ("<div id='content'><p>সেবা</p><table><tr><td class='share'>১</td><td>প্রিন্ট</td>"
            "<td>ডাউনলোড<script>x = 'স্ক্রিপ্ট';</script></td></tr></table></div>")
    doc = HtmlReader().read(write(tmp_path, page.encode()))
    assert tables(doc)[0].rows[0].texts() == ["১", "প্রিন্ট", "ডাউনলোড"]


def test_small_table_inside_a_cell_is_part_of_the_cell_text(tmp_path):
    page = ("<table><tr><td>১</td><td>নামজারি</td><td>ফি:<table><tr><td>সাধারণ</td><td>১১৫০ টাকা</td></tr>"
            "</table></td></tr><tr><td>২</td><td>খতিয়ান</td><td>১০০ টাকা</td></tr></table>")
    doc = HtmlReader().read(write(tmp_path, page.encode()))
    assert [[r.texts() for r in b.rows] for b in doc.blocks] == [
        [["১", "নামজারি", "ফি:\nসাধারণ\n১১৫০ টাকা"], ["২", "খতিয়ান", "১০০ টাকা"]]]


def test_declared_charset_is_used(tmp_path):
    page = '<html><head><meta charset="iso-8859-5"></head><body><p>Привет</p></body></html>'
    assert lines(HtmlReader().read(write(tmp_path, page.encode("iso-8859-5")))) == ["Привет"]


def test_declared_western_charset_over_utf8_bytes_reads_utf8_then_cp1252():
    declared = b'<meta charset="windows-1252">'
    assert decode(declared + "সেবা".encode()) == '<meta charset="windows-1252">সেবা'
    assert decode(declared + "Café “quoted”".encode("cp1252")).endswith("Café “quoted”")


def test_undeclared_non_utf8_falls_back_to_cp1252():
    assert decode(b"<p>Caf\xe9</p>") == "<p>Café</p>"
    assert decode("<p>সেবা</p>".encode("utf-8")) == "<p>সেবা</p>"
    assert decode("<p>সেবা</p>".encode("utf-16")) == "<p>সেবা</p>"


def test_external_entities_and_network_are_never_loaded(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("গোপন তথ্য")
    page = (f'<!DOCTYPE html [<!ENTITY x SYSTEM "file://{secret}">]>'
            '<html><body><p>ক &x; খ</p><img src="http://127.0.0.1:9/x.png"></body></html>')
    assert "গোপন তথ্য" not in all_text(HtmlReader().read(write(tmp_path, page.encode())))


def test_chrome_phrases_match_only_as_labels_or_alone():
    assert is_chrome_text("পরিকল্পনা ও বাস্তবায়নে: মন্ত্রিপরিষদ বিভাগ, এটুআই")
    assert is_chrome_text(" Print ")
    assert not is_chrome_text("ডাউনলোড করা ফরম পূরণ করে জমা দিন")
    assert not is_chrome_text("প্রিন্টেড ফরমে আবেদন")


def test_empty_page_is_a_read_error(tmp_path):
    with pytest.raises(ReadError, match="not a readable HTML page"):
        HtmlReader().read(write(tmp_path, b"   "))


@pytest.mark.parametrize("path, expected", [(PORTAL, 0.95), (OLD, 0.95)])
def test_sniff_picks_html_for_html_fixtures(path, expected):
    assert HtmlReader().sniff(head(path), path) == expected
    assert DocxReader().sniff(head(path), path) == 0.0


@pytest.mark.parametrize("start, expected", [
    (b"\xef\xbb\xbf  \n<TABLE border=1><tr><td>", 0.8),
    (b"<!-- saved from url=(0044) -->\n<body>", 0.8),
    (b"\xff\xfe" + "<html>".encode("utf-16-le"), 0.95),
    ("ক্রমিক নং\tসেবার নাম\n<table>".encode(), 0.0),
    (b"%PDF-1.7\n<html>", 0.0),
])
def test_sniff_markers(start, expected, tmp_path):
    assert HtmlReader().sniff(start, tmp_path / "x") == expected


def test_sniff_rejects_word_file():
    assert HtmlReader().sniff(head(DOCX), DOCX) == 0.0


def test_json_escapes_printed_as_text_are_decoded_and_reported(tmp_path):
    page = tmp_path / "cms.html"
    page.write_text("<html><body><p>\\u09b8\\u09bf\\u099f\\u09bf\\u099c\\u09c7\\u09a8 \\u099a\\u09be\\u09b0\\u09cd"
                    "\\u099f\\u09be\\u09b0<\\/p>\\r\\n</p></body></html>", encoding="utf-8")
    doc = extract(page)
    assert any("সিটিজেন চার্টার" in b.text for b in doc.blocks)
    assert not any("\\u09" in b.text for b in doc.blocks)
    assert [f.rule for f in doc.findings if f.rule == "escapes_decoded"] == ["escapes_decoded"]

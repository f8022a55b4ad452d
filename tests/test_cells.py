"""The value parsers on 221 cell strings written as charters write them
(tests/data/cells_truth.json, with the reading of each in its note).

Row accuracy per parser must not fall below what was measured after the value
parsers became a layer of their own (every row right: fee 73/73, time 81/81,
officer 67/67; it was 69, 79 and 66 before); the cells still wrong are listed by
`python tests/fixtures/cells_check.py`.
"""
from __future__ import annotations

import json

import pytest

from tests.conftest import ROOT
from tests.fixtures.cells_check import run

ROWS = json.loads((ROOT / "tests" / "data" / "cells_truth.json").read_text(encoding="utf-8"))
FLOOR = {"fee": 73, "time": 81, "officer": 67}


@pytest.fixture(scope="module")
def accuracy():
    return run(ROWS)[0]


@pytest.mark.parametrize("parser", sorted(FLOOR))
def test_row_accuracy_holds(accuracy, parser):
    right, total = accuracy[(parser, "*row")]
    assert right >= FLOOR[parser], f"{parser}: {right}/{total} rows right, was {FLOOR[parser]}"


def test_a_list_number_after_a_phone_is_no_part_of_it():
    from pipeline.values.phone import parse_phones
    cell = "১। মোঃ করিম, মোবাইল ০১৭১১-২২৩৩৪৪ ২। মোঃ রহিম, মোবাইল ০১৮১১-৫৫৬৬৭৭"
    assert [p.e164 for p in parse_phones(cell)] == ["+8801711223344", "+8801811556677"]
    assert [p.e164 for p in parse_phones("(মোবাইল: ০১৭১১-২২৩৩৪৪)")] == ["+8801711223344"]


def test_an_english_list_number_after_a_phone_is_no_part_of_it():
    from pipeline.values.phone import parse_phones
    cell = "1. Md. Abdur Rahim, Upazila ICT Officer Phone: 02-55754263 2. Pradip Kumar Sarkar, Phone: 01857028262"
    assert [p.e164 for p in parse_phones(cell)] == ["+880255754263", "+8801857028262"]


def test_a_lower_header_line_reads_as_match_label_reads_it():
    from pipeline.columns import label_role
    assert label_role(["Methods of service delivery"]).role == "method"
    assert label_role(["Service Name"]).role == "service_name"


@pytest.mark.parametrize("label,role", [("ক্র মি ক", "serial"), ("প্রয়োজ নীয় কাগ জপত্র", "documents"),
                                        ("দায়িত্ব প্রা প্ত কর্মকর্তা", "officer")])
def test_a_label_broken_inside_its_words_still_names_its_role(label, role):
    from pipeline.columns import match_label
    assert match_label(label).role == role


@pytest.mark.parametrize("text", ["জলমহাল ইজারা সংক্রান্ত তথ্য প্রদান", "ভূমি অধিগ্রহণ সংক্রান্ত মামলা"])
def test_letters_of_a_phrase_inside_a_word_name_no_role(text):
    """'ক্র' of ক্র/নং occurs in সংক্রান্ত: a service name, not a serial label."""
    from pipeline.columns import match_label
    assert match_label(text) is None


def test_of_two_columns_labelled_serial_the_one_holding_serials_is_the_serial():
    """'ক্রমিক নং' cut by a gutter ('রমিক' | 'নং', the font lost ক): the second piece's column is
    empty, the first holds ০১ ০২ ০৩; content breaks the tie (combos c68)."""
    from pipeline.columns import analyse
    labels = [["রমিক"], ["নং"], ["সেবার নাম"], ["সেবার মূল্য"]]
    body = [["০১", "", "তথ্য প্রদান", "২০ টাকা"], ["০২", "", "পরামর্শ", "বিনামূল্যে"], ["০৩", "", "সনদ", "৫০ টাকা"]]
    assert analyse(labels, body).roles[:3] == ["serial", "extra:নং", "service_name"]


def test_a_row_of_data_with_a_blank_serial_is_no_header_row():
    """Its cells name roles ('সেবার …', 'মোবাইল নম্বর সহ …', 'নাম: …') but state a fee, a time limit
    and a contact (combos c109: serial column left blank)."""
    from pipeline.columns import is_header_row
    from pipeline.model import Cell, Row

    def row(*texts):
        return Row(cells=[Cell(text=t, page=1) for t in texts], page=1)
    data = row("", "আইসিটি সংশ্লিষ্ট পন্য ও সেবার বিষয়ে পরামর্শ প্রদান", "নথি উপস্থাপন ও অনুমোদন",
               "১। মোবাইল নম্বর সহ যোগাযোগের ঠিকানা", "২০/=", "তাৎক্ষণিক",
               "নাম: ডাঃ মাহমুদা সুলতানা পদবি: সহকারী প্রোগ্রামার ফোন: ০২৯৫৫১৫৫৬")
    header = row("ক্র. নং", "সেবা সমূহের বিবরণ", "সেবা প্রদানের পদ্ধতি", "প্রয়োজনীয় কাগজপত্র এবং প্রাপ্তিস্থান",
                 "সেবামূল্য এবং পরিশোধ পদ্ধতি (যদি থাকে)", "সময় সীমা", "দায়িত্ব প্রাপ্ত ব্যাক্তি")
    assert (is_header_row(data, 7), is_header_row(header, 7)) == (False, True)


@pytest.mark.parametrize("texts, is_numbers", [
    (["(১)", "(২)", "(৩)", "থা(কে৪))", "(৫)", "(৬)", "(৭)", "(৮)", "(৯)"], True),   # a label's last line on it (c119)
    (["১", "২", "৩", "৪"], True),
    (["1", "2", "সেবা প্রদান"], False),
    (["১", "ওয়ারিশ সনদ", "৩", "বিনামূল্যে", "৫"], False),
])
def test_a_column_number_row_tolerates_one_cell_holding_more(texts, is_numbers):
    from pipeline.lexicon import is_column_number_row
    assert is_column_number_row(texts) is is_numbers

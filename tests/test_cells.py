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

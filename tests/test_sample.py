"""The real sample charter (ICT office, Lakhai, Habiganj) end to end, value by value."""
from __future__ import annotations

import pytest

from pipeline import process
from pipeline.readers.text import TextReader
from tests.conftest import SAMPLE

NAME = "আব্দুর রহিম"
DESIGNATION = "সহকারী প্রোগ্রামার"
PHONE_73 = "+8801739973015"
PHONE_72 = "+8801739972015"
EMAIL = "abdurrahim.doict@gmail.com"
FREE = (0, True)
POLICY = (None, False)

# section, serial, name starts with, (fee_bdt, is_free), time_limit_days, phones, inferred officer, pages
EXPECTED = [
    ("citizen", 1, "তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর, উপজেলা কার্যালয়", FREE, 3, [PHONE_73], False, [1]),
    ("citizen", 2, "আইসিটি সংশ্লিষ্ট পন্য ও সেবার বিষয়ে পরামর্শ প্রদান", FREE, 3, [PHONE_73], True, [1, 2]),
    ("citizen", 3, "প্রকল্পের তথ্য প্রদান", FREE, 3, [PHONE_72], False, [2]),
    ("institutional", 1, "সরকারী বিভিন্ন দপ্তরের কর্মকর্তা ও কর্মচারীদের ICT", POLICY, 7, [PHONE_72], False, [2]),
    ("institutional", 2, "সকল নাগরিকের নিকট তথ্য সরবরাহের নিমিত্ত", POLICY, 7, [PHONE_72], False, [2]),
    ("institutional", 3, "সুশাসন, সচ্ছতা ও জবাবদিহিতা নিশ্চিতকরণের", POLICY, 7, [PHONE_72], True, [2, 3]),
    ("institutional", 4, "সরকারি অফিসসমূহের নাগরিক সেবা অটোমেশনে", POLICY, 15, [PHONE_73], False, [3]),
    ("institutional", 5, "সরকারি অফিসসমূহের সকল ধরনের আইসিটি সমস্যার", FREE, 3, [PHONE_73], True, [3]),
    ("institutional", 6, "আইসিটি সম্পর্কিত যন্ত্রপাতিসহ সফটওয়্যারের", POLICY, 7, [PHONE_73], True, [3]),
    ("institutional", 7, "স্থাপিত শেখ রাসেল ডিজিটাল ল্যাবসমূহ", FREE, 3, [PHONE_73], True, [3, 4]),
    ("institutional", 8, "কম্পিউটার সিকিউরিটি ও ভাইরাস সচেতনতা", FREE, 3, [], False, [4]),
    ("institutional", 9, "ইউনিয়ন পর্যায়ে ডিজিটাল কার্যক্রম", FREE, 3, [], True, [4]),
    ("institutional", 10, "সরকারি অফিসসমূহের ইনফো-সরকার ফেজ-২", FREE, 3, [], True, [4]),
]


@pytest.fixture(scope="module")
def charter():
    return process(SAMPLE)


@pytest.fixture(scope="module")
def services(charter):
    return {(s.section, s.serial): s for s in charter.services}


def test_service_counts(charter):
    assert [(s.kind, [v.serial for v in s.services]) for s in charter.sections] == [
        ("citizen", [1, 2, 3]), ("institutional", list(range(1, 11)))]


@pytest.mark.parametrize("section,serial,name,fee,days,phones,inferred,pages", EXPECTED,
                         ids=[f"{e[0]}-{e[1]}" for e in EXPECTED])
def test_every_service(services, section, serial, name, fee, days, phones, inferred, pages):
    s = services[(section, serial)]
    assert s.name.startswith(name)
    assert (s.fee_bdt, s.is_free) == fee
    assert s.time_limit_days == days
    assert s.officer.name == NAME
    assert s.officer.designation == DESIGNATION
    assert s.officer.valid_phones == phones
    assert s.officer.emails == [EMAIL]
    assert s.officer.inferred_from_merged_cell is inferred
    assert s.provenance.pages == pages


def test_continuation_rows_joined(services):
    assert services[("citizen", 2)].delivery_method[-1] == "চাহিদা মোতাবেক"
    assert services[("institutional", 7)].delivery_method_text.endswith("৪। চাহিদা মোতাবেক")
    inst3 = services[("institutional", 3)]
    assert inst3.name == "সুশাসন, সচ্ছতা ও জবাবদিহিতা নিশ্চিতকরণের ই-নথি বাস্তবায়ন বিষয়ক প্রশিক্ষণ প্রদান"
    assert "তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর, উপজেলা কার্যালয়" in inst3.required_documents
    assert [r.action for r in inst3.provenance.repairs] == ["joined_continuation", "officer_inherited"]


def test_delivery_methods_split(services):
    assert services[("citizen", 1)].delivery_method == [
        "দাপ্তরিক ওয়েব সাইটের মাধ্যমে", "টেলিফোন যোগাযোগ", "ই-মেইলের মাধ্যমে", "ব্যক্তিগত উপস্থিতির মাধ্যমে যোগাযোগ"]


def test_spilled_officer_cell_goes_back(services):
    citizen2 = services[("citizen", 2)]
    assert citizen2.officer.emails == [EMAIL]
    assert "লাখাই, হবিগঞ্জ" in services[("citizen", 1)].officer.office
    assert any(r.action == "officer_spill" for r in citizen2.provenance.repairs)


def test_time_limit_moved_out_of_officer(services):
    inst5 = services[("institutional", 5)]
    assert "তাৎক্ষণিক" not in inst5.officer.raw
    assert "কার্যদিবস" not in inst5.officer.office + inst5.officer.name + inst5.officer.designation
    assert inst5.time_limit_text == "তাৎক্ষণিক/ ৩ কার্যদিবস (প্রযোজ্য ক্ষেত্রে)"


def test_ten_digit_phone_is_invalid_not_fixed(services):
    inst8 = services[("institutional", 8)]
    (phone,) = inst8.officer.phones
    assert (phone.digits, phone.valid, phone.e164) == ("0173972015", False, None)
    assert "10 digits" in phone.reason


def test_title_block_and_location(charter):
    assert charter.website == "http://lakhai.habiganj.gov.bd/"
    assert charter.department == "তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর"
    loc = charter.location
    assert (loc.upazila, loc.district, loc.division) == ("লাখাই", "হবিগঞ্জ", "সিলেট")
    assert (loc.upazila_en, loc.district_en, loc.division_en) == ("Lakhai", "Habiganj", "Sylhet")
    assert charter.vision == "জ্ঞানভিত্তিক অর্থনীতি, সুশাসন প্রতিষ্ঠায় তথ্য প্রযুক্তির ব্যবহার।"
    assert charter.mission.startswith("তথ্য প্রযুক্তি খাতের সর্বোত্তম ব্যবহার")
    assert charter.pages == 4


def test_header_typo_canonicalised(charter):
    assert charter.sections[0].header_text[3] == "প্রয়োজনীয় কাগজপত্র ও প্রাপ্তিস্থান"
    assert charter.sections[0].header == ["serial", "service_name", "method", "documents", "fee",
                                          "time_limit", "officer"]


def test_stage_findings(charter):
    rules = {(f.rule, f.section, f.serial) for f in charter.findings}
    assert ("text_in_wrong_column", "institutional", 5) in rules
    assert ("ends_mid_table", "institutional", None) in rules


def test_page_breaks_in_text_copy():
    doc = TextReader().read(SAMPLE)
    breaks = [(r.page, r.texts()[0]) for b in doc.blocks if hasattr(b, "rows") for r in b.rows if r.after_page_break]
    assert breaks == [(2, ""), (3, ""), (4, "")]


def test_a_periodicity_cell_validates(tmp_path):
    """'মাসিক' alone in the time column is 30 days of unit 'period', which the schema allows."""
    from pipeline.validate import validate_charter
    text = SAMPLE.read_text(encoding="utf-8").replace("৭ কার্যদিবস/ চাহিদা অনুযায়ী", "মাসিক", 1)
    copy = tmp_path / "sample-monthly.txt"
    copy.write_text(text, encoding="utf-8")
    charter = process(copy)
    monthly = [s for s in charter.services if s.time_limit_text == "মাসিক"]
    assert [(s.time_limit_days, s.time_limit_unit) for s in monthly] == [(30, "period")]
    assert validate_charter(charter.to_dict()) == []

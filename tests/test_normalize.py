"""Each normalizer on the Bangla (and English) forms real charters use."""
from __future__ import annotations

import pytest

from pipeline.lexicon import ascii_digits, clean, heading_kind, match_role, parse_int
from pipeline import keywords as kw
from pipeline.values.email import parse_emails
from pipeline.values.fee import parse_fee
from pipeline.values.items import split_items
from pipeline.values.officer import parse_officer
from pipeline.values.phone import parse_phone, parse_phones
from pipeline.values.time import parse_time_limit


@pytest.mark.parametrize("text,expected", [
    ("বিনামূল্যে", (0, True, "free")),
    ("বিনা মূল্যে", (0, True, "free")),
    ("Free of cost", (0, True, "free")),
    ("২০/-", (20, False, "amount")),
    ("২০/=", (20, False, "amount")),
    ("১০০/-(একশত) টাকা", (100, False, "amount")),
    ("১,০০০ টাকা", (1000, False, "amount")),
    ("Tk. 500", (500, False, "amount")),
    ("কোর্ট ফি ২০ টাকা ও নোটিশ জারি ফি ১০০ টাকা", (120, False, "itemised")),
    ("জরুরী ২০০ টাকা, সাধারণ ১০০ টাকা", (None, False, "tiered")),
    ("প্রতি কিলোমিটার ১০ টাকা, সর্বনিম্ন ৩০০ টাকা", (None, False, "rate")),
    ("বিদ্যমান সরকারী নীতিমালা অনুযায়ী", (None, False, "policy")),
    ("বিনামূল্যে / বিদ্যমান সরকারী নীতিমালা অনুযায়ী", (0, True, "free")),
    ("", (None, None, "unspecified")),
])
def test_parse_fee(text, expected):
    fee = parse_fee(text)
    assert (fee.bdt, fee.is_free, fee.kind) == expected


@pytest.mark.parametrize("text,days,unit", [
    ("তাৎক্ষণিক", 0, "immediate"),
    ("তাৎক্ষণিক/ ৩ কার্যদিবস", 3, "working_day"),
    ("তাৎক্ষণিক/ ৩ কার্যদিবস (প্রযোজ্য ক্ষেত্রে)", 3, "working_day"),
    ("১৫ (পনের) কার্যদিবস", 15, "working_day"),
    ("৭ কার্যদিবস/ চাহিদা অনুযায়ী", 7, "working_day"),
    ("৭-১০ কার্যদিবস", 10, "working_day"),
    ("৭ থেকে ১০ দিন", 10, "day"),
    ("১ মাস", 30, "month"),
    ("তিন মাস", 90, "month"),
    ("২ সপ্তাহ", 14, "week"),
    ("৪৮ ঘণ্টা", 2, "hour"),
    ("২ ঘন্টা", 1, "hour"),
    ("30 working days", 30, "working_day"),
    ("চাহিদা অনুযায়ী", None, None),
])
def test_parse_time_limit(text, days, unit):
    assert parse_time_limit(text) == (days, unit)


@pytest.mark.parametrize("raw,e164", [
    ("০১৭৩৯৯৭৩০১৫", "+8801739973015"),
    ("০১৭১৭-৭৬২৫৯২", "+8801717762592"),
    ("০১৭১৭-৭৬২৫৯২১", None),          # 12 digits
    ("+880 1711-123456", "+8801711123456"),
    ("8801711123456", "+8801711123456"),
    ("০২-৯৫৫১২৩৪", "+88029551234"),
])
def test_parse_phone(raw, e164):
    phone = parse_phone(raw)
    assert phone.e164 == e164
    assert phone.valid is (e164 is not None)
    assert phone.digits.isascii() and phone.digits.isdigit()


def test_ten_digit_mobile_reason():
    phone = parse_phone("০১৭৩৯৭২০১৫")
    assert not phone.valid and phone.digits == "0173972015"
    assert phone.reason.startswith("10 digits")


def test_phones_in_a_cell_are_split_and_deduplicated():
    phones = parse_phones("ফোনঃ ০১৭১১১২২৩৩৪, ০১৮১১২২৩৩৪৪ মোবাইলঃ 01711122334")
    assert [p.e164 for p in phones] == ["+8801711122334", "+8801811223344"]


def test_dates_and_short_numbers_are_not_phones():
    assert parse_phones("১২/০৫/২০২৩ তারিখের পত্র নং ২৫") == []


def test_emails():
    assert parse_emails("ইমেইলঃ AbdurRahim.DoICT@Gmail.com, ইমেইল: bad@@x") == (["abdurrahim.doict@gmail.com"], [])
    assert parse_emails("uno@lakhai.habiganj.gov.bd") == (["uno@lakhai.habiganj.gov.bd"], [])
    assert parse_emails("ইমেইলঃ acland.sadar[at]gmail[dot]com") == (["acland.sadar@gmail.com"], [])
    assert parse_emails("uno (at) mopa.gov.bd") == (["uno@mopa.gov.bd"], [])


def test_officer_cell():
    o = parse_officer("আব্দুর রহিম সহকারী প্রোগ্রামার, তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর, লাখাই, হবিগঞ্জ "
                      "মোবাইলঃ ০১৭৩৯৯৭২০১৫ ইমেইলঃ abdurrahim.doict@gmail.com")
    assert (o.name, o.designation) == ("আব্দুর রহিম", "সহকারী প্রোগ্রামার")
    assert o.office == "তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর, লাখাই, হবিগঞ্জ"
    assert o.valid_phones == ["+8801739972015"] and o.emails == ["abdurrahim.doict@gmail.com"]


def test_officer_designation_only():
    o = parse_officer("উপজেলা নির্বাহী অফিসার, লাখাই, হবিগঞ্জ ফোনঃ ০৮৩২৪-৫৬০০১")
    assert (o.name, o.designation) == ("", "উপজেলা নির্বাহী অফিসার")


def test_officer_with_qualified_designation():
    o = parse_officer("জনাব মোঃ করিম উদ্দিন সহকারী কমিশনার (ভূমি)")
    assert (o.name, o.designation) == ("মোঃ করিম উদ্দিন", "সহকারী কমিশনার (ভূমি)")


def test_split_items():
    assert split_items("১। সংশ্লিষ্ট দপ্তরের অধিযাচন এর মাধ্যমে ২। উর্ধ্বতন কর্তৃপক্ষের নির্দেশনা মোতাবেক") == [
        "সংশ্লিষ্ট দপ্তরের অধিযাচন এর মাধ্যমে", "উর্ধ্বতন কর্তৃপক্ষের নির্দেশনা মোতাবেক"]
    assert split_items("(ক) আবেদন (খ) ছবি") == ["আবেদন", "ছবি"]
    assert split_items("সরাসরি") == ["সরাসরি"]


def test_clean_nfc_nukta_and_garbles():
    precomposed = "\u09df"            # য় as one code point
    assert clean(f"সম{precomposed}  সীমা") == "সম\u09af\u09bc সীমা"
    assert clean("২. প্রতিশুতু সেবাসমূহ") == "২. প্রতিশ্রুত সেবাসমূহ"
    assert clean("উৎ\u200dস") == "উৎস"


def test_digits():
    assert ascii_digits("০২478811769") == "02478811769"
    assert parse_int("0১") == 1
    assert parse_int("১০।") == 10
    assert parse_int("ক") is None


@pytest.mark.parametrize("header,role", [
    ("ক্রমিক নং", "serial"),
    ("সেবার নাম", "service_name"),
    ("সেবা প্রদান পদ্ধতি", "method"),
    ("প্রয়োজনীয় কাগজপত্র ও প্রাপ্তিষ্ঠান", "documents"),
    ("প্রয়োজনীয় কাগজপত্র এবং প্রাপ্তিস্থান", "documents"),
    ("সেবার মূল্য এবং পরিশোধ পদ্ধতি", "fee"),
    ("সেবা প্রদানের সময়সীমা", "time_limit"),
    ("সেবা প্রদানের সর্বোচ্চ সময়", "time_limit"),
    ("দায়িত্বপ্রাপ্ত কর্মকর্তা (নাম, পদবি, মোবাইল নম্বর ও ইমেইল)", "officer"),
    ("ঊর্ধ্বতন কর্মকর্তার পদবি", "superior_officer"),
    ("Name of Service", "service_name"),
    ("Service Charge", "fee"),
    ("Responsible Officer", "officer"),
    ("অফিসের ঠিকানা", None),
])
def test_header_roles(header, role):
    assert match_role(header, kw.COLUMN_ROLES) == role


@pytest.mark.parametrize("line,kind", [
    ("২.১) নাগরিক সেবা", ("section", "citizen")),
    ("২.৩ অভ্যন্তরীণ সেবা", ("section", "internal")),
    ("২.৪) আওতাধীন দপ্তর/সংস্থা কর্তৃক প্রদত্ত সেবা", ("section", "subordinate_office")),
    ("২. প্রতিশুতু সেবাসমূহ", ("structure", "services")),
    ("৩) অভিযোগ প্রতিকার ব্যবস্থাপনা (GRS)", ("structure", "grievance")),
    ("৪) আপনার কাছে আমাদের প্রত্যাশা", ("structure", "expectations")),
    ("নাগরিক সেবা নিশ্চিতকরণে আমরা সর্বদা অঙ্গীকারবদ্ধ", None),
])
def test_headings(line, kind):
    assert heading_kind(line) == kind

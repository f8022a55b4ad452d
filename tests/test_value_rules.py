"""One test per rule of issue 8 (items 2-4, and the officer rules of item 1) that no other
test holds: each on cells written for it in the wordings of the real excerpts
(../shared/realdata), names and numbers invented, asserting the values read.
"""
from __future__ import annotations

import pytest

from pipeline.columns import analyse
from pipeline.values.fee import UNSPECIFIED, parse_fee
from pipeline.values.items import split_items
from pipeline.values.officer import officer_from_columns, parse_officer, post_across
from pipeline.values.phone import NOT_IN_LIBPHONENUMBER, parse_phone, parse_phones
from pipeline.values.serial import split_fused_serial
from pipeline.values.time import parse_time_limit


def fee_of(text: str) -> tuple:
    fee = parse_fee(text)
    return fee.bdt, fee.min_bdt, fee.max_bdt, fee.kind, fee.is_free


# ---------------------------------------------------------------- fees (item 2)

@pytest.mark.parametrize("text,total", [
    ("নিবন্ধন ফি ৮০০ টাকা + ভ্যাট ১২০ টাকা = ৯২০ টাকা", 920),
    ("আবেদন ফরম ৫০ টাকা, প্রসেসিং ফি ৪০০ টাকা, সর্বমোট ৪৫০ টাকা", 450),
    ("মোট ৭২০ টাকা (ফরম ২০ টাকা ও ফি ৭০০ টাকা)", 720),
    ("Application fee Tk. 300 and processing Tk. 60, total Tk. 360", 360),
])
def test_a_stated_total_is_the_fee_and_never_added_to_its_parts(text, total):
    assert fee_of(text) == (total, total, total, "total", False)


@pytest.mark.parametrize("text,low,high", [
    ("প্রথমবার ২৫০ টাকা, দ্বিতীয়বার ৫০০ টাকা", 250, 500),
    ("নতুন লাইসেন্স ১৫০০ টাকা, নবায়ন ৭৫০ টাকা", 750, 1500),
    ("৩০০ থেকে ১২০০ টাকা", 300, 1200),
    ("৪০০-৯০০ টাকা", 400, 900),
    ("৬০ টাকা অথবা ১২০ টাকা", 60, 120),
    ("৬০ টাকা বা ১২০ টাকা", 60, 120),
    # the case word in Latin digits is the same case word ('১ম বার' of the table)
    ("1ম বার ১০০ টাকা ও পরে ৫০ টাকা", 50, 100),
])
def test_amounts_for_different_cases_are_alternatives(text, low, high):
    assert fee_of(text) == (None, low, high, "tiered", False)


@pytest.mark.parametrize("text,high", [
    ("মুক্তিযোদ্ধাদের জন্য বিনামূল্যে, অন্যদের ক্ষেত্রে ২০০ টাকা", 200),
    ("বিনামূল্যে (তবে জরুরি হলে ৩০০ টাকা)", 300),
])
def test_a_free_tier_beside_paid_ones_leaves_is_free_empty(text, high):
    assert fee_of(text) == (None, 0, high, "tiered", None)


@pytest.mark.parametrize("text", [
    "সরকার নির্ধারিত ট্যাক্স", "চুক্তি মোতাবেক", "দোকান ভাড়া মাসিক ভিত্তিতে", "সার্ভিস চার্জ প্রযোজ্য",
])
def test_payment_words_without_an_amount_are_not_free(text):
    bdt, _, _, kind, is_free = fee_of(text)
    assert (bdt, kind, is_free) == (None, "policy", False)


def test_a_percentage_is_a_rate_and_not_free():
    assert fee_of("ইজারা মূল্যের ৫%") == (None, None, None, "rate", False)


@pytest.mark.parametrize("text,amount", [("প্রতি আবেদন ৭০ টাকা", 70), ("প্রতি সনদ ৪০ টাকা", 40)])
def test_a_price_per_unit_of_the_service_is_the_fee(text, amount):
    assert fee_of(text) == (amount, amount, amount, "amount", False)


@pytest.mark.parametrize("text", ["প্রতি পৃষ্ঠা ৩ টাকা", "প্রতি বর্গমিটার ১২ টাকা", "১৫ টাকা/কপি"])
def test_a_price_per_page_or_other_unit_is_a_rate(text):
    assert fee_of(text) == (None, None, None, "rate", False)


@pytest.mark.parametrize("text,expected", [
    ("প্রতিবন্ধী ব্যক্তির আবেদনে ৩০ টাকা", (30, 30, 30, "amount", False)),      # প্রতি is a word of its own
    ("প্রতিস্থাপন ফি ২০০ টাকা", (200, 200, 200, "amount", False)),
    ("বাবদ ফি ৪০ টাকা ও ডাক মাশুল ২৫ টাকা", (65, 65, 65, "itemised", False)),  # বাবদ holds no বা
])
def test_short_keywords_match_whole_words_only(text, expected):
    assert fee_of(text) == expected


@pytest.mark.parametrize("text", ["বিনা মূল্যে", "বিনামূল্যে", "বিনা মূল্যের ফরমে", "বিনামুল্যে"])
def test_free_words_are_stems(text):
    assert fee_of(text) == (0, 0, 0, "free", True)


# ---------------------------------------------------------------- blanks (item 4)

@pytest.mark.parametrize("text", ["-", "–", "—", "N/A", "n/a", " N/A ", "---"])
def test_a_dash_or_na_cell_is_empty_in_every_parser(text):
    assert parse_fee(text) == UNSPECIFIED
    assert parse_time_limit(text) == (None, None)
    officer = parse_officer(text)
    assert (officer.name, officer.designation, officer.office, officer.phones) == ("", "", "", [])


def test_a_dash_in_the_name_column_is_no_name():
    officer = officer_from_columns({"officer.name": "—", "officer.designation": "উপজেলা সমবায় অফিসার"})
    assert (officer.name, officer.designation) == ("", "উপজেলা সমবায় অফিসার")


@pytest.mark.parametrize("text, name, designation, office", [
    # an office's name wrapped by a narrow column is no person's name (dev PDFs d01, d05)
    ("সার্ভেয়ার\nউপজেলা ভূমি\nঅফিস,\nআলমডাঙ্গা\nমোবা:\n01857299315", "", "সার্ভেয়ার", "উপজেলা ভূমি অফিস, আলমডাঙ্গা"),
    ("অফিস সহকারী\nউপজেলা\nপ্রাণিসম্পদ দপ্তর", "", "অফিস সহকারী", "উপজেলা প্রাণিসম্পদ দপ্তর"),
    ("উপজেলা\nকৃষি\nঅফিসার\nউপজেলা\nকৃষি\nঅফিস,\nরৌমারী", "", "উপজেলা কৃষি অফিসার", "উপজেলা কৃষি অফিস, রৌমারী"),
    ("শাহানা পারভীন\nউপসহকারী\nপ্রাণিসম্পদ\nকর্মকর্তা\nউপজেলা\nপ্রাণিসম্পদ দপ্তর,\nহবিগঞ্জ সদর",
     "শাহানা পারভীন", "উপসহকারী প্রাণিসম্পদ কর্মকর্তা", "উপজেলা প্রাণিসম্পদ দপ্তর, হবিগঞ্জ সদর"),
    # a post that opens with an office word is still the post
    ("তানজিলা খাতুন\nঅফিস সহকারী", "তানজিলা খাতুন", "অফিস সহকারী", ""),
])
def test_an_office_wrapped_over_lines_is_one_office(text, name, designation, office):
    officer = parse_officer(text)
    assert (officer.name, officer.designation, officer.office) == (name, designation, office)


@pytest.mark.parametrize("text, name, designation, office", [
    # a post no list knows, on its own line under the name (combos c37, c45: কর নির্ধারক)
    ("মোঃ নূরুল আমিন\nকর নির্ধারক\n০১৮৮৪০৫১৯১৮", "মোঃ নূরুল আমিন", "কর নির্ধারক", ""),
    ("শাহানা পারভীন\nকর নির্ধারক\nপৌরসভা কার্যালয়, ভোলা সদর", "শাহানা পারভীন", "কর নির্ধারক",
     "পৌরসভা কার্যালয়, ভোলা সদর"),
    # one word under a name is the rest of the name; an office's opening words stay the office's
    ("মোঃ নূরুল\nআমিন", "মোঃ নূরুল আমিন", "", ""),
    ("মোঃ রহিম\nউপজেলা ভূমি\nঅফিস, লাখাই", "মোঃ রহিম", "", "উপজেলা ভূমি অফিস, লাখাই"),
    # a name under its post, wrapped word by word (combos c44)
    ("সহকারী\nপ্রোগ্রামার\nশারমিন\nসুলতানা\nমোবাইলঃ\n01628953663", "শারমিন সুলতানা", "সহকারী প্রোগ্রামার", ""),
    ("সহকারী প্রোগ্রামার\nজনাব মোঃ\nহাবিবুর\nরহমান", "মোঃ হাবিবুর রহমান", "সহকারী প্রোগ্রামার", ""),
])
def test_a_line_under_the_name_that_names_no_person_is_the_post(text, name, designation, office):
    officer = parse_officer(text)
    assert (officer.name, officer.designation, officer.office) == (name, designation, office)


def test_a_post_only_column_never_takes_a_name_for_the_post():
    """Under 'সেবা দানকারী কর্মকর্তার পদবী ও ঠিকানা' a cell that writes a name anyway: the post is
    the first part that names no person (combos c34)."""
    officer = parse_officer("শাহানা পারভীন\nকর নির্ধারক\nপৌরসভা কার্যালয়, ভোলা সদর", names_expected=False)
    assert (officer.name, officer.designation) == ("", "কর নির্ধারক")


def test_a_dash_line_inside_an_officer_cell_is_skipped():
    officer = parse_officer("মোঃ আকরাম হোসেন\n—\nউপজেলা সমবায় অফিসার")
    assert (officer.name, officer.designation, officer.office) == ("মোঃ আকরাম হোসেন", "উপজেলা সমবায় অফিসার", "")


# ---------------------------------------------------------------- time limits (item 4)

@pytest.mark.parametrize("text,days", [
    ("মাসিক", 30), ("ত্রৈমাসিক", 90), ("বার্ষিক", 365), ("বার্ষিক ভিত্তিতে", 365), ("quarterly", 90), ("yearly", 365),
])
def test_a_periodicity_word_alone_is_a_duration(text, days):
    assert parse_time_limit(text) == (days, "period")


@pytest.mark.parametrize("text", ["মাসিক সভায় উপস্থাপন", "বার্ষিক প্রতিবেদন অনুযায়ী", "ত্রৈমাসিক সভার সিদ্ধান্ত"])
def test_a_periodicity_word_qualifying_a_noun_is_no_duration(text):
    assert parse_time_limit(text) == (None, None)


@pytest.mark.parametrize("text,expected", [
    ("৪৫কার্যদিবস", (45, "working_day")),
    ("২১কার্য দিবস", (21, "working_day")),
    ("১০কর্মদিবস", (10, "working_day")),
    ("৩০কাযদিবস", (30, "working_day")),        # glued and misspelt
    ("৭দিন", (7, "day")),
    ("২মাস", (60, "month")),
    ("15days", (15, "day")),
])
def test_a_unit_glued_to_its_number_is_still_the_unit(text, expected):
    assert parse_time_limit(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("২.৩০ ঘণ্টা", (1, "hour")),               # 2.3 hours, not 30 hours after a list mark
    ("১.৫ মাস", (45, "month")),
    ("১২.০৫.২০২৩ তারিখের ৭ দিনের মধ্যে", (7, "day")),
])
def test_a_decimal_is_one_number_in_a_time_limit(text, expected):
    assert parse_time_limit(text) == expected


# ---------------------------------------------------------------- lists in a cell (item 4)

@pytest.mark.parametrize("text", ["বিকাল ২.৩০ টার মধ্যে আবেদন জমা", "সকাল ৯.৩০ থেকে ১১.০০ টা",
                                  "১০.৫০ টাকা মূল্যের স্ট্যাম্প"])
def test_a_decimal_is_no_list_marker(text):
    assert split_items(text) == [text]
    assert split_fused_serial(text) == (None, text)


@pytest.mark.parametrize("text,expected", [
    ("আবেদনপত্র, জাতীয় পরিচয়পত্রের কপি, দুই কপি ছবি", ["আবেদনপত্র, জাতীয় পরিচয়পত্রের কপি, দুই কপি ছবি"]),
    ("অনলাইনে আবেদন\nসরাসরি জমা", ["অনলাইনে আবেদন সরাসরি জমা"]),
    ("১। অনলাইনে ২। ডাকযোগে ৩। সরাসরি", ["অনলাইনে", "ডাকযোগে", "সরাসরি"]),
    ("(ক) সরাসরি (খ) ডাকযোগে", ["সরাসরি", "ডাকযোগে"]),
    ("ক) সরাসরি, খ) ই-মেইলে", ["সরাসরি", "ই-মেইলে"]),
])
def test_items_are_split_only_at_explicit_markers(text, expected):
    assert split_items(text) == expected


# ---------------------------------------------------------------- phones (item 3)

@pytest.mark.parametrize("raw,e164", [
    ("০৬৬২২-৫১২৩৪", "+880662251234"),          # an upazila exchange (Kalkini) libphonenumber lacks
    ("০৪৪২৫-৫৬১২৩", "+880442556123"),
])
def test_an_upazila_landline_of_the_national_plan_is_valid(raw, e164):
    phone = parse_phone(raw)
    assert (phone.valid, phone.e164, phone.kind, phone.reason) == (True, e164, "fixed_line", NOT_IN_LIBPHONENUMBER)


@pytest.mark.parametrize("raw,e164", [("০২-৫৫৬৬৭৭৮৮", "+880255667788"), ("02-223344556", "+8802223344556")])
def test_a_dhaka_landline_of_seven_to_nine_digits_is_valid(raw, e164):
    phone = parse_phone(raw)
    assert (phone.valid, phone.e164, phone.kind) == (True, e164, "fixed_line")


@pytest.mark.parametrize("raw,reason", [
    ("০১৭১১-২২৩৩৪", "10 digits: a Bangladesh mobile number has 11 (01XXXXXXXXX)"),
    ("০১৭১১-২২৩৩৪৪৫", "12 digits: a Bangladesh mobile number has 11 (01XXXXXXXXX)"),
    ("০১২১১-১২২৩৩৪", "not a valid Bangladesh number"),
])
def test_an_invalid_mobile_stays_invalid(raw, reason):
    phone = parse_phone(raw)
    assert (phone.valid, phone.e164, phone.reason) == (False, None, reason)


def test_a_dhaka_number_a_digit_short_is_no_landline():
    phone = parse_phone("০২-৯৫৫১২৩")
    assert (phone.valid, phone.kind) == (False, "possible_fixed_line")


def test_an_officer_keeps_an_upazila_landline():
    officer = parse_officer("মোঃ নুরুল আমিন\nউপজেলা প্রকৌশলী\nএলজিইডি, কালকিনি\nফোনঃ ০৬৬২২-৫১২৩৪")
    assert officer.valid_phones == ["+880662251234"]
    assert (officer.name, officer.designation, officer.office) == ("মোঃ নুরুল আমিন", "উপজেলা প্রকৌশলী", "এলজিইডি, কালকিনি")


# ---------------------------------------------------------------- officers (item 1)

@pytest.mark.parametrize("text,names,posts,phones", [
    ("১। মোঃ সাজ্জাদ হোসেন, উপজেলা সমবায় অফিসার, মোবাঃ ০১৭১২-৪৪৫৫৬৬ "
     "২। মোছাঃ নাসিমা আক্তার, সহকারী সমবায় অফিসার, মোবাঃ ০১৮১৫-৬৬৭৭৮৮",
     "মোঃ সাজ্জাদ হোসেন; মোছাঃ নাসিমা আক্তার", "উপজেলা সমবায় অফিসার; সহকারী সমবায় অফিসার",
     ["+8801712445566", "+8801815667788"]),
    ("১. জনাব তানভীর আহমেদ\nউপজেলা কৃষি অফিসার\n০১৭৩৩-১২১২১২\n২. জনাব রুবিনা ইয়াসমিন\nকৃষি সম্প্রসারণ অফিসার\n"
     "০১৯১২-৩৪৩৪৩৪",
     "তানভীর আহমেদ; রুবিনা ইয়াসমিন", "উপজেলা কৃষি অফিসার; কৃষি সম্প্রসারণ অফিসার",
     ["+8801733121212", "+8801912343434"]),
])
def test_two_officers_in_one_cell_keep_both_names_posts_and_phones(text, names, posts, phones):
    officer = parse_officer(text)
    assert (officer.name, officer.designation, officer.office) == (names, posts, "")
    assert officer.valid_phones == phones and [p.e164 for p in officer.phones] == phones


@pytest.mark.parametrize("text,name,post,office", [
    ("মোঃ শফিকুল ইসলাম\nনাজির-কাম-ক্যাশিয়ার\nউপজেলা নির্বাহী অফিসারের কার্যালয়, দিরাই",
     "মোঃ শফিকুল ইসলাম", "নাজির-কাম-ক্যাশিয়ার", "উপজেলা নির্বাহী অফিসারের কার্যালয়, দিরাই"),
    ("অফিস সহকারী-কাম-কম্পিউটার মুদ্রাক্ষরিক, উপজেলা ভূমি অফিস",
     "", "অফিস সহকারী-কাম-কম্পিউটার মুদ্রাক্ষরিক", "উপজেলা ভূমি অফিস"),
    ("মোঃ আলাউদ্দিন, হিসাবরক্ষক ও ক্যাশিয়ার, পৌরসভা কার্যালয়", "মোঃ আলাউদ্দিন", "হিসাবরক্ষক ও ক্যাশিয়ার",
     "পৌরসভা কার্যালয়"),
    ("সচিব/প্রশাসনিক কর্মকর্তা, ৪নং ইউনিয়ন পরিষদ", "", "সচিব/প্রশাসনিক কর্মকর্তা", "৪নং ইউনিয়ন পরিষদ"),
    # a post of the official list with digits, typed with Latin ones
    ("কনসালটেন্ট (333), জেলা প্রশাসকের কার্যালয়", "", "কনসালটেন্ট (333)", "জেলা প্রশাসকের কার্যালয়"),
])
def test_a_compound_designation_is_one_post(text, name, post, office):
    officer = parse_officer(text)
    assert (officer.name, officer.designation, officer.office) == (name, post, office)


def test_a_designation_column_gives_no_name():
    officer = parse_officer("প্রধান শিক্ষক, মোঃ রহিম উদ্দিন", names_expected=False)
    assert (officer.name, officer.designation) == ("", "প্রধান শিক্ষক")


@pytest.mark.parametrize("text,name,post", [
    ("জনাব কামাল উদ্দিন\nইমেইলঃ accountsofficer.sadar@gmail.com", "কামাল উদ্দিন", ""),
    ("মোছাঃ তাহমিনা খাতুন, মাঠ সুপারভাইজার, ইমেইলঃ supervisor.dhamrai@gmail.com", "মোছাঃ তাহমিনা খাতুন",
     "মাঠ সুপারভাইজার"),
    ("মোঃ রাশেদ করিম, www.upazila-officer.gov.bd", "মোঃ রাশেদ করিম", ""),
])
def test_addresses_are_masked_before_the_designation_search(text, name, post):
    officer = parse_officer(text)
    assert (officer.name, officer.designation) == (name, post)


def test_phones_of_a_numbered_list_do_not_take_a_marker():
    assert [p.e164 for p in parse_phones("মোবাইলঃ ১. ০১৭১২-৪৪৫৫৬৬ ২. ০১৮১৫-৬৬৭৭৮৮")] == [
        "+8801712445566", "+8801815667788"]
    assert [p.e164 for p in parse_phones("ফোনঃ ০২-৫৫৬৬৭৭৮৮, (০২) ৯৫৫১২৩৪")] == ["+880255667788", "+88029551234"]


def test_phones_of_a_numbered_list_do_not_take_the_next_marker():
    assert [p.e164 for p in parse_phones("১। ০১৭১২-৪৪৫৫৬৬ ২। ০১৮১৫-৬৬৭৭৮৮ ৩) ০১৯১১-২২৩৩৪৪ (৪)")] == [
        "+8801712445566", "+8801815667788", "+8801911223344"]


def test_a_number_written_twice_is_one_phone_and_leaves_the_office():
    officer = parse_officer("মোঃ মিজানুর রহমান\nউপজেলা কৃষি অফিসার\nমোবাইলঃ ০১৭১১-২২৩৩৪৪\nমোবাইলঃ 01711-223344")
    assert (officer.name, officer.designation, officer.office) == ("মোঃ মিজানুর রহমান", "উপজেলা কৃষি অফিসার", "")
    assert officer.valid_phones == ["+8801711223344"]


# ---------------------------------------------------------------- officer columns and labelled names

def test_a_name_labelled_in_the_cell_is_a_name_under_a_designation_only_header():
    text = "নাম: সুমাইয়া জাহান\nপদবি: অফিস সহকারী\nমোবা: 01711223344"
    officer = parse_officer(text, names_expected=False)
    assert (officer.name, officer.designation, officer.office) == ("সুমাইয়া জাহান", "অফিস সহকারী", "")
    # without the label, a designation-only header still gives no name
    assert parse_officer("সুমাইয়া জাহান\nঅফিস সহকারী", names_expected=False).name == ""


def test_a_name_column_beside_the_officer_columns_is_the_officers_name():
    """A borderless PDF put the grouped label 'দায়িত্বপ্রাপ্ত কর্মকর্তা' over the designation and phone
    columns; the column headed নাম alone is still the officer's name (combos c06)."""
    labels = [["ক্র. নং"], ["সেবাসমূহ/", "সেবার নাম"], ["প্রয়োজনীয় কাগজপত্র"], ["সেবার", "মূল্য ও", "পরিশোধ"],
              ["সময়", "সীমা"], ["নাম"], ["দায়িত্বপ্রাপ্ত", "পদবি"], ["কর্মকর্তা", "ফোন", "নম্বর"], ["ই-মেইল"]]
    body = [["১।", "হারানো পাসপোর্টের পরিবর্তে নতুন পাসপোর্ট", "জন্ম নিবন্ধন সনদের কপি", "২০/=", "৩ দিন",
             "দেবাশীষ\nচক্রবর্তী", "সহকারী\nপরিচালক", "02-9555920", "rpo.ukhiya@gov.bd"],
            ["২।", "ই-পাসপোর্ট ইস্যু", "২ কপি ছবি", "৫০০ টাকা", "৭ দিন", "তানজিলা খাতুন", "উপ-সহকারী পরিচালক",
             "০৭২১-৭২৪৬৬৪", "tanzila.rpoukhiya@yahoo.com"]]
    layout = analyse(labels, body)
    roles = [c.role for c in layout.columns]
    assert roles[5:7] == ["officer.name", "officer.designation"] and layout.officer_names


@pytest.mark.parametrize("head, tail, across", [
    ("ইসরাত জাহান\nমিম\nঅতিরিক্ত কৃষি", "অফিসার\n01584-250553", True),      # the post cut (combos c01)
    ("মোঃ রহিম\nউপজেলা কৃষি অফিসার", "নাসরিন আক্তার\nকৃষি সম্প্রসারণ অফিসার", False),   # two officers
    ("উপজেলা ভূমি অফিস", "মোবা: 01711223344", False),
])
def test_a_post_cut_between_two_rows_is_one_post(head, tail, across):
    assert post_across(head, tail) is across


def test_a_superior_officer_label_cut_over_two_lines_is_still_the_superior_column():
    from pipeline.columns import label_role
    assert label_role(["সেবা প্রাপ্তিতে", "বিলম্ব বা হয়রানী", "হলে যাঁকে", "জানাবেন"]).role == "superior_officer"
    assert label_role(["সেবা প্রাপ্তিতে", "বিলম্ব বা হয়রানী"]).role == "service_name"   # nothing more to go on


def test_two_officers_in_sub_columns_line_for_line():
    officer = officer_from_columns({"officer.name": "মোঃ নূরুল আমিন\nমোঃ আব্দুর রহিম",
                                    "officer.designation": "উপজেলা কৃষি অফিসার\nঅতিরিক্ত কৃষি অফিসার",
                                    "officer.contact": "01711223344\n01811223344"})
    assert (officer.name, officer.designation) == ("মোঃ নূরুল আমিন; মোঃ আব্দুর রহিম",
                                                   "উপজেলা কৃষি অফিসার; অতিরিক্ত কৃষি অফিসার")
    assert [p.e164 for p in officer.phones] == ["+8801711223344", "+8801811223344"]
    # one officer whose name wrapped: one name, however many lines
    one = officer_from_columns({"officer.name": "সঞ্চিতা রানী\nদাস", "officer.designation": "উপজেলা কৃষি অফিসার"})
    assert (one.name, one.designation) == ("সঞ্চিতা রানী দাস", "উপজেলা কৃষি অফিসার")


def test_a_second_column_of_a_role_whose_cells_read_as_a_missing_role_takes_that_role():
    """'Service delivery deadline' wrapped in a PDF: its lowest words name no role, 'Service' names
    the service; but the service column is taken and its cells are time limits (dev2 d25)."""
    labels = [["Serial", "No."], ["Service Name"], ["Methods of service", "delivery"], ["Service", "Charge"],
              ["Service", "delivery", "deadline"], ["Responsible Officer"]]
    body = [["1.", "Advice on freelancing", "On written application", "Free of cost", "Same day", "Upazila ICT Officer"],
            ["2.", "Cyber security awareness", "By post", "Tk. 200", "1 month", "Programmer"],
            ["3.", "Digital centre support", "Online", "Tk. 100", "7-10 working days", "Upazila ICT Officer"]]
    assert [c.role for c in analyse(labels, body).columns][4] == "time_limit"


@pytest.mark.parametrize("names, posts, phones, name, designation", [
    # names and posts both wrapped by narrow sub-columns (combos c26, c30)
    ("মোঃ নূরুল\nআমিন\nমোঃ আব্দুর রহিম", "উপজেলা কৃষি অফিসার\nঅতিরিক্ত কৃষি অফিসার", "01837315045\n০৭২১৭৬৪৮৩৫",
     "মোঃ নূরুল আমিন; মোঃ আব্দুর রহিম", "উপজেলা কৃষি অফিসার; অতিরিক্ত কৃষি অফিসার"),
    ("শারমিন সুলতানা\nপ্রদীপ কুমার\nসরকার", "উপসহকারী\nকৃষি অফিসার\nকৃষি সম্প্রসারণ\nঅফিসার", "08723-58710\n01550-981125",
     "শারমিন সুলতানা; প্রদীপ কুমার সরকার", "উপসহকারী কৃষি অফিসার; কৃষি সম্প্রসারণ অফিসার"),
    # a post and its office: one officer
    ("মোঃ রহিম", "উপজেলা কৃষি অফিসার\nউপজেলা কৃষি অফিস", "01837315045", "মোঃ রহিম", "উপজেলা কৃষি অফিসার"),
])
def test_two_officers_wrapped_in_narrow_sub_columns(names, posts, phones, name, designation):
    officer = officer_from_columns({"officer.name": names, "officer.designation": posts, "officer.contact": phones})
    assert (officer.name, officer.designation) == (name, designation)


@pytest.mark.parametrize("names, posts, phones, name, designation", [
    # a text copy joins a cell's lines with spaces (view-c of combos c48, c49, c59)
    ("শারমিন সুলতানা মোঃ মিজানুর রহমান", "সহকারী প্রোগ্রামার উপজেলা আইসিটি অফিসার", "01906493857 01946691191",
     "শারমিন সুলতানা; মোঃ মিজানুর রহমান", "সহকারী প্রোগ্রামার; উপজেলা আইসিটি অফিসার"),
    ("সুমাইয়া জাহান নাসরিন আক্তার", "উপসহকারী প্রাণিসম্পদ কর্মকর্তা উপজেলা প্রাণিসম্পদ অফিসার",
     "০১৯০৬৪৯৩৮৫৭ ০১৯৪৬৬৯১১৯১", "সুমাইয়া জাহান; নাসরিন আক্তার",
     "উপসহকারী প্রাণিসম্পদ কর্মকর্তা; উপজেলা প্রাণিসম্পদ অফিসার"),
    ("মোঃ নূরুল আমিন শাহানা পারভীন", "সহকারী কমিশনার (ভূমি) নাজির-কাম-ক্যাশিয়ার", "01837315045 ০৭২১৭৬৪৮৩৫",
     "মোঃ নূরুল আমিন; শাহানা পারভীন", "সহকারী কমিশনার (ভূমি); নাজির-কাম-ক্যাশিয়ার"),
])
def test_two_officers_whose_lines_were_lost_are_cut_by_their_words(names, posts, phones, name, designation):
    officer = officer_from_columns({"officer.name": names, "officer.designation": posts, "officer.contact": phones})
    assert (officer.name, officer.designation) == (name, designation)


def test_names_that_cut_two_ways_are_left_as_one():
    """Five plain words cut 2+3 or 3+2 alike, no মোঃ/জনাব opening either: the cell stays as written."""
    names = "রহিম করিম উদ্দিন আহমেদ সাথী"
    officer = officer_from_columns({"officer.name": names, "officer.designation": "সচিব উপজেলা কৃষি অফিসার",
                                    "officer.contact": "01837315045 01711223344"})
    assert officer.name == names


def test_a_name_wrapped_in_a_narrow_sub_column_is_one_officer():
    officer = officer_from_columns({"officer.name": "নাসরিন\nআক্তার", "officer.designation": "সহকারী\nপ্রোগ্রামার"})
    assert (officer.name, officer.designation) == ("নাসরিন আক্তার", "সহকারী প্রোগ্রামার")


def test_a_label_wrapped_over_two_header_rows_takes_the_role_its_cells_agree_with():
    """'সেবামূল্য এবং পরিশোধ' / 'পদ্ধতি (যদি থাকে)': the lowest line names the method, the label the fee;
    the cells are amounts (combos c47)."""
    labels = [["সেবাসমূহ"], ["সেবা", "প্রদানের সময়সীমা"], ["প্রয়োজনীয় কাগজপত্র"],
              ["সেবামূল্য এবং পরিশোধ", "পদ্ধতি (যদি থাকে)"], ["দায়িত্বপ্রাপ্ত কর্মকর্তা"]]
    body = [["১. প্রদর্শনী প্লট স্থাপন", "৪৮ ঘন্টা", "আবেদন", "২০/=", "উপজেলা কৃষি অফিসার"],
            ["২. মাঠ দিবস আয়োজন", "৭ দিন", "আবেদন", "নবায়ন ৫০০ টাকা, নতুন ১০০০ টাকা", "কৃষি সম্প্রসারণ অফিসার"],
            ["৩. কৃষি প্রণোদনা", "১ মাস", "আবেদন", "বিনামূল্যে", "উপজেলা কৃষি অফিসার"]]
    assert [c.role for c in analyse(labels, body).columns][3] == "fee"


def test_a_first_data_row_with_its_serial_fused_to_the_name_is_no_header_row():
    """The first service row reads much like labels (a method, documents, a mobile phone, a duration), but
    it opens with a numbered name ('০১.সরকারি কর্মচারীদের …'): data, not a second header row (combos c28)."""
    from pipeline.columns import header_block
    from pipeline.model import Cell, Row
    texts = [["সেবা সমূহের বিবরণ", "সেবাগ্রহীতা", "সেবার পদ্ধতি", "প্রয়োজনীয় কাগজপত্র এবং প্রাপ্তিস্থান",
              "সেবা মূল্য ও পরিশোধ পদ্ধতি (যদি থাকে)", "কত সময় প্রয়োজন", "দায়িত্বপ্রাপ্ত কর্মকর্তা (পদবি, ফোন নম্বর ও ইমেইল)"],
             ["(১)", "(২)", "(৩)", "(৪)", "(৫)", "(৬)", "(৭)"],
             ["০১.সরকারি কর্মচারীদের পাসপোর্ট ইস্যু", "কৃষক",
              "১। অনলাইনে আবেদন গ্রহণ\n২। ব্যক্তিগত উপস্থিতির মাধ্যমে যোগাযোগ\n৩। সরাসরি অফিসে আবেদন",
              "ইউনিয়ন পরিষদ চেয়ারম্যান কর্তৃক প্রদত্ত নাগরিকত্ব সনদ\nমোবাইল নম্বর সহ যোগাযোগের ঠিকানা", "২০/-", "১ মাস",
              "সহকারী পরিচালক\nডাঃ মাহমুদা সুলতানা\nফোন: 08723-53529"]]
    rows = [Row([Cell(t, 1) for t in row], 1) for row in texts]
    assert header_block(rows, 7) == ([0], 2)


@pytest.mark.parametrize("text, label", [("ইংরেজী: ৫০ টাকা", "ইংরেজী"), ("নতুন: ১০০০ টাকা", "নতুন"),
                                         ("Express - Tk. 500", "Express"), ("৫০০ টাকা", ""),
                                         ("আবেদন ফি ৫০ টাকা এবং সনদ ফি ১০০ টাকা", ""),
                                         ("সাধারণ: ৪০২৫ টাকা, জরুরি: ৬৩২৫ টাকা", "")])
def test_a_fee_class_is_a_case_named_before_one_amount(text, label):
    from pipeline.values.fee import class_label
    assert class_label(text) == label

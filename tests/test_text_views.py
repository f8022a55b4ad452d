"""Charter pages copied out of a browser (pipeline/readers/textview.py): the shapes of the
generator's text views (tests/corpus/render_layouts.py view-a/b/c) where a grouped officer header
gives a second header row, empty rowspan positions and a column-number row."""
from __future__ import annotations

from pipeline import process
from pipeline.model import Table
from pipeline.readers.textview import read_text_view

TITLE = ["গণপ্রজাতন্ত্রী বাংলাদেশ সরকার", "উপজেলা প্রাণিসম্পদ দপ্তর, মহেশপুর", "সিটিজেনস চার্টার",
         "২.১) নাগরিক সেবা"]
LABELS = ["ক্র. নং", "সেবার নাম", "প্রয়োজনীয় কাগজপত্র", "সেবার মূল্য", "সেবা প্রদানের সময়", "দায়িত্বপ্রাপ্ত কর্মকর্তা"]
SUBS = ["নাম", "পদবী", "ফোন", "ই-মেইল"]
ROWS = [["০১", "গবাদিপশুর বীমা বিষয়ক পরামর্শ", "নির্ধারিত ফরমে আবেদন", "৫০ টাকা", "৭ কার্যদিবস",
         "মোঃ আল-আমিন", "উপজেলা প্রাণিসম্পদ অফিসার", "০১৮১৩-৬৮১৮৪২", "alamin@gmail.com"],
        ["০২", "খামারিদের প্রশিক্ষণ প্রদান", "জাতীয় পরিচয়পত্রের কপি", "বিনামূল্যে", "৫ কার্যদিবস",
         "নাসরিন আক্তার", "ভেটেরিনারি ফিল্ড এসিস্ট্যান্ট", "০১৭১১-২২৩৩৪৪", "nasrin@gmail.com"]]
NUMBERS = [str(n) for n in "১২৩৪৫৬৭৮৯"]


def bar_view(rule_after_first_row: bool) -> list[str]:
    """View B: a cell per line ending in ' |'; rowspan positions of the first header row are the
    empty cells '|||', those of the second '|||||'."""
    head = [f"{t} |" for t in LABELS] + ["|||"]
    rule = ["---|" * 9]
    second = ["|||||"] + [f"{t} |" for t in SUBS]
    numbers = [f"{n} |" for n in NUMBERS]
    body = [f"{t} |" for row in ROWS for t in row]
    return TITLE + (head + rule + second if rule_after_first_row else head + second + rule) + numbers + body


def paragraph_view() -> list[str]:
    """View A: a paragraph per cell, blank lines between."""
    cells = LABELS + SUBS + NUMBERS + [t for row in ROWS for t in row]
    return [line for text in TITLE + cells for line in (text, "")]


def services_of(tmp_path, lines: list[str]):
    path = tmp_path / "view.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return process(path).services


def assert_two_services(services):
    assert [(s.serial, s.name) for s in services] == [(1, ROWS[0][1]), (2, ROWS[1][1])]
    assert [(s.officer.name, s.officer.designation) for s in services] == [(r[5], r[6]) for r in ROWS]
    assert [s.officer.valid_phones for s in services] == [["+8801813681842"], ["+8801711223344"]]
    assert [s.time_limit_days for s in services] == [7, 5]


def test_runs_of_bars_between_bar_cells_open_no_pipe_table():
    """'|||' and '|||||' alone are empty cells of a bar view, not two rows of a pipe table."""
    tables = [b for b in read_text_view(bar_view(rule_after_first_row=False)) if isinstance(b, Table)]
    assert len(tables) == 1 and len(tables[0].rows[0].cells) == 9
    assert [r.cells[0].text for r in tables[0].rows[-2:]] == ["০১", "০২"]


def test_bar_view_with_grouped_officer_header(tmp_path):
    for rule_after_first_row in (False, True):
        assert_two_services(services_of(tmp_path, bar_view(rule_after_first_row)))


def test_column_number_row_does_not_win_a_reading_by_its_numbers(tmp_path):
    """Read as paragraphs, the number row under the header is rows opened by '১', '৩', '৫' …;
    numbers alone open no service, so the bar reading, with its two rows, is kept."""
    services = services_of(tmp_path, bar_view(rule_after_first_row=True))
    assert len(services) == 2 and not any(s.name in NUMBERS for s in services)


def test_paragraph_view_grouped_officer_sub_labels_are_header(tmp_path):
    """নাম / পদবী / ফোন / ই-মেইল after the officer label are its sub-columns: the header's second row,
    and the number row after them is no service."""
    assert_two_services(services_of(tmp_path, paragraph_view()))


def test_service_name_saying_sangkranta_is_no_department_without_a_serial_after_it(tmp_path):
    labels = ["সেবার ধরন", "সেবার পদ্ধতি", "সময় সীমা", "দায়িত্বপ্রাপ্ত কর্মকর্তা"]
    rows = [["জলমহাল ইজারা সংক্রান্ত তথ্য প্রদান", "সরাসরি অফিসে আবেদন", "একই দিনে", "সহকারী কমিশনার (ভূমি)"],
            ["খতিয়ানের সার্টিফাইড কপি প্রদান", "অনলাইনে আবেদন", "৭ কার্যদিবস", "সহকারী কমিশনার (ভূমি)"]]
    cells = [t for text in TITLE + labels + [c for r in rows for c in r] for t in (text, "")]
    services = services_of(tmp_path, cells)
    assert [(s.name, s.department) for s in services] == [(rows[0][0], ""), (rows[1][0], "")]
    assert [s.time_limit_days for s in services] == [1, 7]


def paragraphs(*texts: str) -> list[str]:
    return [line for text in TITLE + list(texts) for line in (text, "")]


def test_a_room_number_out_of_the_serials_order_opens_no_row(tmp_path):
    """১১৩ after serial ১ is the room column's number, not service ১১৩."""
    labels = ["ক্রমিক নং", "সেবার নাম", "সেবার মূল্য", "সময়সীমা", "কক্ষ নং", "দায়িত্বপ্রাপ্ত কর্মকর্তা"]
    rows = [["১", "ইমারত নির্মাণের নকশা অনুমোদন", "৫০০ টাকা", "৭ কার্যদিবস", "১১৩", "নির্বাহী প্রকৌশলী"],
            ["২", "সড়ক বাতি মেরামত", "বিনামূল্যে", "৩ কার্যদিবস", "২৬৭", "সহকারী প্রকৌশলী"]]
    services = services_of(tmp_path, paragraphs(*labels, *[c for r in rows for c in r]))
    assert [(s.serial, s.name) for s in services] == [(1, rows[0][1]), (2, rows[1][1])]
    assert [s.extra.get("room") for s in services] == ["১১৩", "২৬৭"]


def test_first_row_with_its_serial_fused_is_no_numbered_heading(tmp_path):
    """'1. Advice on ICT products and services' names 'services' like a numbered heading; right
    under the header it is the first row."""
    labels = ["Name of Service", "Method of Service Delivery", "Service Charge", "Time Limit",
              "Responsible Officer"]
    rows = [["1. Advice on ICT products and services", "By email", "Tk. 200", "Same day", "Assistant Programmer"],
            ["2. Cyber security awareness", "By personal contact", "Free", "7 working days", "Upazila ICT Officer"]]
    services = services_of(tmp_path, paragraphs(*labels, *[c for r in rows for c in r]))
    assert [(s.serial, s.name, s.time_limit_days) for s in services] == \
        [(1, "Advice on ICT products and services", 1), (2, "Cyber security awareness", 7)]


def test_bar_view_header_starts_whole_rows_above_its_rule(tmp_path):
    """The rule under the header counts its cells: a first label that reads like a heading
    ('সেবা সমূহ') is still the header's first cell."""
    labels = ["সেবা সমূহ", "কত সময় প্রয়োজন", "প্রয়োজনীয় কাগজপত্র", "সেবা মূল্য", "দায়িত্বপ্রাপ্ত কর্মকর্তা"]
    rows = [["০১.দুর্যোগকালীন ক্ষয়ক্ষতির তথ্য সংগ্রহ", "২৮ কার্যদিবস", "নির্ধারিত ফরমে আবেদন", "বিনা মূল্যে", "সার্ভেয়ার"],
            ["০২.বিভিন্ন দপ্তরের চাহিদা অনুযায়ী তথ্য সরবরাহ", "১ বছর", "আবেদন পত্র", "বিনা মূল্যে", "সার্ভেয়ার"]]
    lines = TITLE + [f"{t} |" for t in labels] + ["---|" * 5] + [f"({n}) |" for n in NUMBERS[:5]] + \
        [f"{t} |" for r in rows for t in r]
    services = services_of(tmp_path, lines)
    assert [(s.serial, s.name, s.time_limit_days) for s in services] == \
        [(1, "দুর্যোগকালীন ক্ষয়ক্ষতির তথ্য সংগ্রহ", 28), (2, "বিভিন্ন দপ্তরের চাহিদা অনুযায়ী তথ্য সরবরাহ", 365)]


def test_fee_classes_in_rows_of_their_own_under_one_name_are_sub_rows(tmp_path):
    """A pipe-row copy prints the rowspanned serial, name and officer of a service with two fee
    classes as empty cells on the second row: each class is a sub-row with the parent's name."""
    lines = TITLE + ["| ক্র/নং | সেবার নাম | সেবামূল্য | সময়সীমা | দায়িত্বপ্রাপ্ত কর্মকর্তা |",
                     "| ১ | খতিয়ানের সার্টিফাইড কপি | বিনামূল্যে | ৭ কার্যদিবস | সার্ভেয়ার |",
                     "| ২ | দেওয়ানি মামলার এস এফ প্রেরণ | বাংলা: ২০ টাকা | ১ কার্যদিবস | সার্ভেয়ার |",
                     "||| ইংরেজী: ৫০ টাকা | ২ কার্যদিবস ||",
                     "| ৩ | জলমহাল ইজারা প্রদান | ১০০ টাকা | ৩০ দিন | সহকারী কমিশনার (ভূমি) |"]
    services = services_of(tmp_path, lines)
    assert [(s.serial, s.sub_serial, s.name, s.fee_bdt, s.time_limit_days) for s in services] == [
        (1, None, "খতিয়ানের সার্টিফাইড কপি", 0, 7),
        (2, "1", "দেওয়ানি মামলার এস এফ প্রেরণ", 20, 1), (2, "2", "দেওয়ানি মামলার এস এফ প্রেরণ", 50, 2),
        (3, None, "জলমহাল ইজারা প্রদান", 100, 30)]
    assert services[2].officer.designation == "সার্ভেয়ার"


def test_an_officer_cell_in_a_paragraph_per_line_stays_one_cell(tmp_path):
    """Portal pages print each line of a cell as a paragraph (<p> per line): the officer's post,
    phone and email after the name stay in the officer's cell, no row of their own."""
    labels = ["ক্রমিক নং", "সেবার নাম", "সেবা প্রদান পদ্ধতি", "সেবার মূল্য", "সেবা প্রদানের সময়সীমা",
              "দায়িত্বপ্রাপ্ত কর্মকর্তা (নাম, পদবি, ফোন নম্বর ও ইমেইল)"]
    officer = ["ডাঃ মোছাঃ সাবিনা ইয়াসমিন", "ভেটেরিনারি সার্জন", "উপজেলা প্রাণিসম্পদ অফিস, রাণীশংকৈল",
               "মোবাইল: ০১৭১৯-৪৪২৬৮১", "ই-মেইল: vs.ranisankail@dls.gov.bd"]
    rows = [["১", "গবাদিপশু ও হাঁস-মুরগির চিকিৎসা সেবা", "১) হাসপাতালে সরাসরি উপস্থিত হয়ে", "২) মোবাইল ফোনে পরামর্শ",
             "বিনামূল্যে", "তাৎক্ষণিক", *officer],
            ["২", "কৃত্রিম প্রজনন সেবা", "প্রজনন কেন্দ্রে গাভী আনয়নের মাধ্যমে", "সিমেন প্রতি ১৫/- টাকা", "তাৎক্ষণিক",
             *officer]]
    services = services_of(tmp_path, paragraphs(*labels, *[c for r in rows for c in r]))
    assert [(s.serial, s.name) for s in services] == [(1, rows[0][1]), (2, rows[1][1])]
    assert [(s.officer.name, s.officer.designation, s.officer.valid_phones, s.officer.emails) for s in services] == \
        [("ডাঃ মোছাঃ সাবিনা ইয়াসমিন", "ভেটেরিনারি সার্জন", ["+8801719442681"], ["vs.ranisankail@dls.gov.bd"])] * 2


def test_a_serial_fused_to_the_name_opens_a_row_where_a_cell_left_no_paragraph(tmp_path):
    """No serial column, serials in the names (view-a of combos c58): the third service has no
    officer, so its last paragraph is its time limit; '4.Information on projects' opens a row
    rather than fill the empty officer cell."""
    labels = ["Service Name", "Method of Service Delivery", "Required Documents and Where to Get Them",
              "Service Charge and Payment Method", "Service delivery deadline",
              "Responsible Officer (Name, Designation, Phone and Email)"]
    officer = ("Sanchita Rani Das\nUpazila ICT Officer\nUpazila Office, Subarnachar\nPhone: 029556962\n"
               "Email: sanchita.doictsubarnachar@gmail.com")
    cells = ["1.Advice on freelancing", "1. By email\n2. Through the official website",
             "Attested copy of the national ID card\nAvailable at: Upazila Office, Subarnachar",
             "As per existing government rules", "7-10 working days", officer,
             "2.Support to digital centre entrepreneurs", "1. By personal contact",
             "1. Application in the prescribed form\n2. Copy of previous approval", "As per existing government rules",
             "Same day", officer,
             "3.Information about the office", "1. By email\n2. On written application",
             "1. Two passport-size photographs\n2. Attested copy of the national ID card",
             "Tk. 300 for the first time, Tk. 500 for the second time", "Immediately/ 3 working days",
             "4.Information on projects", "1. By personal contact\n2. By telephone", "Two passport-size photographs",
             "As per existing government rules", "2 weeks", officer]
    services = services_of(tmp_path, paragraphs(*labels, *cells))
    assert [(s.serial, s.name, s.time_limit_days) for s in services] == [
        (1, "Advice on freelancing", 10), (2, "Support to digital centre entrepreneurs", 1),
        (3, "Information about the office", 3), (4, "Information on projects", 14)]
    assert services[3].officer.name == "Sanchita Rani Das"


def test_bar_view_header_is_the_row_after_a_rule_under_the_number_row(tmp_path):
    """A first row of <th> column numbers, then the rule, then the header whose first label reads
    like a heading ('সেবা সমূহ'): the header starts right after the rule (combos c131)."""
    labels = ["সেবা সমূহ", "কত সময় প্রয়োজন", "প্রয়োজনীয় কাগজপত্র", "সেবা মূল্য", "দায়িত্বপ্রাপ্ত কর্মকর্তা"]
    rows = [["১. ই-পাসপোর্ট ইস্যু", "৫ কর্মদিবস", "জন্ম নিবন্ধন সনদের কপি", "২০/=", "উপ-পরিচালক"],
            ["২. পাসপোর্ট সংক্রান্ত তথ্য প্রদান", "১ মাস", "আবেদন পত্র", "বিনা মূল্যে", "উপ-পরিচালক"]]
    lines = TITLE + [f"({n}) |" for n in NUMBERS[:5]] + ["---|" * 5] + [f"{t} |" for t in labels] + \
        [f"{t} |" for r in rows for t in r]
    services = services_of(tmp_path, lines)
    assert [(s.serial, s.name, s.time_limit_days) for s in services] == \
        [(1, "ই-পাসপোর্ট ইস্যু", 5), (2, "পাসপোর্ট সংক্রান্ত তথ্য প্রদান", 30)]


def test_a_fused_name_that_mentions_a_heading_word_is_a_row_the_next_heading_is_not(tmp_path):
    """'২.ভূমি সংক্রান্ত অভিযোগ নিষ্পত্তি' continues the count and opens with no heading; '৩. অভিযোগ
    প্রতিকার ব্যবস্থাপনা (GRS)' continues it too but opens with the GRS heading: the table ends there
    (combos c138)."""
    labels = ["সেবা সমূহের বিবরণ", "সেবা প্রদানের সর্বোচ্চ সময়সীমা", "প্রযোজনীয় কাগজপত্র", "সেবামূল্য"]
    cells = ["১.হাট-বাজারের চান্দিনা ভিটি বন্দোবস্ত", "তাৎক্ষনিক", "জাতীয় পরিচয়পত্রের ফটোকপি", "২৫টাকা",
             "২.ভূমি সংক্রান্ত অভিযোগ নিষ্পত্তি", "৭-১০ কার্যদিবস", "নির্ধারিত ফরমে আবেদন", "৫০ টাকা",
             "৩. অভিযোগ প্রতিকার ব্যবস্থাপনা (GRS)",
             "সেবা প্রাপ্তিতে অসন্তুষ্ট হলে দায়িত্বপ্রাপ্ত কর্মকর্তার সঙ্গে যোগাযোগ করুন।"]
    services = services_of(tmp_path, paragraphs(*labels, *cells))
    assert [(s.serial, s.name, s.time_limit_days) for s in services] == \
        [(1, "হাট-বাজারের চান্দিনা ভিটি বন্দোবস্ত", 0), (2, "ভূমি সংক্রান্ত অভিযোগ নিষ্পত্তি", 10)]


def test_a_title_rows_officer_cut_by_its_variants_lines_is_one_cell(tmp_path):
    """Spans unknown: the officer cell of a title row runs on over its variants' lines ('সহকারী' /
    'প্রোগ্রামার'); the first variant's part is the rest of the title's, not an officer of its own
    (combos c68)."""
    lines = TITLE + ["| ক্রমিক নং | সেবার নাম | সেবার মূল্য | সময়সীমা | দায়িত্বপ্রাপ্ত কর্মকর্তা |",
                     "| ১ | অফিস সংক্রান্ত তথ্য প্রদান | | | সঞ্চিতা রানী দাস সহকারী |",
                     "| | নতুন | ১০০০ টাকা | ৭ দিন | প্রোগ্রামার |",
                     "| | নবায়ন | ৫০০ টাকা | ৩ দিন | মোবাইল: ০১৯৮৯-৬২৯৮২৮ |",
                     "| ২ | পরামর্শ প্রদান | বিনামূল্যে | ৭ দিন | উপজেলা আইসিটি অফিসার |"]
    services = services_of(tmp_path, lines)
    assert [(s.serial, s.sub_serial, s.fee_bdt) for s in services] == [(1, "1", 1000), (1, "2", 500), (2, None, 0)]
    assert (services[0].officer.name, services[0].officer.designation) == ("সঞ্চিতা রানী দাস", "সহকারী প্রোগ্রামার")


def test_a_marked_sub_row_after_a_numbered_officer_cell_opens_its_row(tmp_path):
    """'(খ) …' after '(ক) …' opens the next sub-row, even after a cell numbered '১। …' (a numbered
    officer); consecutive marked paragraphs are a list's items, no rows (combos c134)."""
    labels = ["ক্রঃ", "সেবার নাম", "প্রয়োজনীয় কাগজপত্র", "সেবার মূল্য", "সেবা প্রদানের সময়", "দায়িত্ব প্রাপ্ত কর্মকর্তা"]
    cells = ["১", "তথ্য প্রদান", "(ক) জাতীয় পরিচয়পত্র\n(খ) ছবি", "বিনামূল্যে", "৭ দিন", "উপজেলা আইসিটি অফিসার",
             "২", "(ক) ডিজিটাল সেন্টারের উদ্যোক্তাদের সহায়তা", "পূর্ববর্তী অনুমোদনের কপি", "২০০ টাকা", "৫ কর্মদিবস",
             "১। শারমিন সুলতানা, সহকারী প্রোগ্রামার",
             "(খ) ফ্রিল্যান্সিং বিষয়ক পরামর্শ", "নির্ধারিত ফরমে আবেদন", "কোন ফি লাগে না", "৩ কর্মদিবস",
             "৩", "প্রকল্পের তথ্য প্রদান", "আবেদন", "বিনা মূল্যে", "১ মাস", "উপজেলা আইসিটি অফিসার"]
    services = services_of(tmp_path, paragraphs(*labels, *cells))
    assert [(s.serial, s.sub_serial, s.time_limit_days) for s in services] == \
        [(1, None, 7), (2, "ক", 5), (2, "খ", 3), (3, None, 30)]
    assert services[2].name.endswith("ফ্রিল্যান্সিং বিষয়ক পরামর্শ") and services[2].fee_bdt == 0


def word_paragraphs(*cells: str) -> list[str]:
    """A page exported from Word (render_layouts view-a-word): every line of a cell a paragraph."""
    return paragraphs(*[line for cell in cells for line in cell.split("\n")])


def test_numbered_rows_of_a_paragraph_per_cell_line(tmp_path):
    """Every cell line a paragraph (combos c188): a row opens at its serial, not wherever the
    method's and documents' lines would fit cheaper; 'এবং প্রাপ্তি স্থান' is the documents label's
    second line; a post a sentence goes on from ('… চেয়ারম্যান কর্তৃক প্রদত্ত সনদ') is a document,
    not the officer; 'প্রয়োজন নেই' fits the documents column as well as the fee column."""
    labels = ["ক্রমিক নং", "সেবার নাম", "সেবা প্রদানের পদ্ধতি", "প্রয়োজনীয় কাগজপত্র", "এবং প্রাপ্তি স্থান", "সেবার মূল্য",
              "সময়সীমা", "দায়িত্বপ্রাপ্ত কর্মকর্তা"]
    cells = ["০১.", "সার ও বীজ ডিলার নিয়োগ", "১। ডাকযোগে অথবা সরাসরি প্রেরণ\n২। টেলিফোনে যোগাযোগ",
             "ইউনিয়ন পরিষদ চেয়ারম্যান কর্তৃক প্রদত্ত নাগরিকত্ব সনদ\nজাতীয় পরিচয়পত্রের সত্যায়িত ফটোকপি\n"
             "প্রাপ্তিস্থান: উপজেলা কৃষি অফিস", "সাধারণ ৩০০০ টাকা, জরুরি ৫০০০ টাকা", "৩ দিন",
             "ইসরাত জাহান মিম\nউপজেলা কৃষি অফিসার\nফোন: 0821-712388",
             "০২.", "বালাই দমন বিষয়ক পরামর্শ প্রদান", "ই-মেইলের মাধ্যমে\nসরাসরি অফিসে আবেদন", "প্রয়োজন নেই",
             "বিনামূল্যে", "৫ কর্মদিবস", "মোঃ আব্দুর রহিম\nউপসহকারী কৃষি অফিসার\nমোবাইলঃ ০১৭৪০১০১৯৬৪"]
    services = services_of(tmp_path, word_paragraphs(*labels, *cells))
    assert [(s.serial, s.name, s.time_limit_days) for s in services] == \
        [(1, "সার ও বীজ ডিলার নিয়োগ", 3), (2, "বালাই দমন বিষয়ক পরামর্শ প্রদান", 5)]
    assert services[0].required_documents.startswith("ইউনিয়ন পরিষদ চেয়ারম্যান কর্তৃক প্রদত্ত নাগরিকত্ব সনদ")
    assert [(s.officer.name, s.officer.designation) for s in services] == \
        [("ইসরাত জাহান মিম", "উপজেলা কৃষি অফিসার"), ("মোঃ আব্দুর রহিম", "উপসহকারী কৃষি অফিসার")]
    assert (services[1].required_documents, services[1].fee_text, services[1].is_free) == \
        ("প্রয়োজন নেই", "বিনামূল্যে", True)


def test_grouped_officer_columns_of_a_paragraph_per_cell_line(tmp_path):
    """No serials, a grouped officer header (নাম | পদবী | মোবাইল নম্বর | ইমেইল) and a paragraph
    per cell line (combos c191): the phone and email columns take contacts, not the next
    service's name and method; the name column takes the person's name."""
    labels = ["সেবার নাম", "সেবা প্রাপ্তির প্রক্রিয়া", "প্রয়োজনীয় কাগজপত্র", "সেবামূল্য", "কত সময় প্রয়োজন",
              "দায়িত্বপ্রাপ্ত কর্মকর্তা", "নাম", "পদবী", "মোবাইল নম্বর", "ইমেইল"]
    cells = ["পাসপোর্ট পুনঃইস্যু", "১। নথি উপস্থাপন ও অনুমোদন", "পূর্ববর্তী অনুমোদনের কপি", "বিনামূল্যে", "১ বছর",
             "সঞ্চিতা রানী দাস", "সহকারী পরিচালক", "০১৬৫৪-০১০৯৯৮", "rpo.gosairhat@gov.bd",
             "পাসপোর্ট সংক্রান্ত তথ্য প্রদান", "উর্ধ্বতন কর্তৃপক্ষের অনুমোদন সাপেক্ষে\nচাহিদা মোতাবেক",
             "মোবাইল নম্বর সহ যোগাযোগের ঠিকানা\nনির্ধারিত ফরমে আবেদন\nপূর্ববর্তী অনুমোদনের কপি", "বিনামূল্যে", "১ মাস",
             "তানজিলা খাতুন", "উপ-পরিচালক", "01848278172", "rpo.gosairhat@gov.bd"]
    services = services_of(tmp_path, word_paragraphs(*labels, *cells))
    assert [(s.serial, s.name, s.time_limit_days) for s in services] == \
        [(1, "পাসপোর্ট পুনঃইস্যু", 365), (2, "পাসপোর্ট সংক্রান্ত তথ্য প্রদান", 30)]
    assert [(s.officer.name, s.officer.designation, s.officer.valid_phones) for s in services] == \
        [("সঞ্চিতা রানী দাস", "সহকারী পরিচালক", ["+8801654010998"]),
         ("তানজিলা খাতুন", "উপ-পরিচালক", ["+8801848278172"])]


def test_a_page_holding_only_the_grievance_table(tmp_path):
    """A GRS page in bar cells (portal d10): its labels name grievance roles only; still a table."""
    labels = ["ক্রমিক নং", "কখন যোগাযোগ করবেন", "কার সঙ্গে যোগাযোগ করবেন", "যোগাযোগের ঠিকানা", "নিষ্পত্তির সময়সীমা"]
    rows = [["১", "দায়িত্বপ্রাপ্ত কর্মকর্তা সমাধান দিতে ব্যর্থ হলে", "অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)",
             "পাট ভবন, ঢাকা", "৩০ কার্যদিবস"],
            ["২", "অনিক নির্দিষ্ট সময়ে সমাধান দিতে ব্যর্থ হলে", "আপিল কর্মকর্তা", "পাট ভবন (৫ম তলা), ঢাকা",
             "২০ কার্যদিবস"]]
    path = tmp_path / "grs.txt"
    path.write_text("\n".join(["অনিক ও আপিল কর্মকর্তাগণ"] + [f"{t} |" for t in labels]
                              + [f"{t} |" for r in rows for t in r]) + "\n", encoding="utf-8")
    assert [g.serial for g in process(path).grievance] == [1, 2]


def test_a_fused_serial_after_a_paragraph_that_ends_a_numbered_list_opens_a_row(tmp_path):
    """No serial column; the superior officer cell lists '১। …' / '২। …' in one paragraph: the next
    paragraph '02.সঞ্চয়পত্রের মুনাফা প্রদান' is service 2, not the list's next item, and a name
    that names a paper (সঞ্চয়পত্র) is still the name (combos c179)."""
    labels = ["সেবার বিবরণ", "সময়সীমা", "প্রয়োজনীয় কাগজপত্র", "সেবার মূল্য", "দায়িত্বপ্রাপ্ত কর্মকর্তা",
              "ঊর্ধ্বতন কর্মকর্তা"]
    cells = ["01.হারানো সঞ্চয়পত্রের ডুপ্লিকেট ইস্যু", "০৭ (সাত) কার্যদিবস", "পূর্ববর্তী অনুমোদনের কপি", "২০/-",
             "জেলা সঞ্চয় অফিসার", "১। উপ-পরিচালক, বিভাগীয় সঞ্চয় অফিস\n২। জেলা প্রশাসক",
             "02.সঞ্চয়পত্রের মুনাফা প্রদান", "০১-০৭ দিন", "জাতীয় পরিচয়পত্রের সত্যায়িত ফটোকপি", "৫০০.০০ টাকা",
             "জেলা সঞ্চয় অফিসার", "১। উপ-পরিচালক, বিভাগীয় সঞ্চয় অফিস\n২। জেলা প্রশাসক"]
    services = services_of(tmp_path, paragraphs(*labels, *cells))
    assert [(s.serial, s.name, s.fee_bdt, s.time_limit_days) for s in services] == \
        [(1, "হারানো সঞ্চয়পত্রের ডুপ্লিকেট ইস্যু", 20, 7), (2, "সঞ্চয়পত্রের মুনাফা প্রদান", 500, 7)]


def test_a_row_whose_cells_read_like_labels_is_no_repeated_header_when_it_states_values(tmp_path):
    """'০৫. কৃত্রিম প্রজনন সেবা | …মাধ্যমে | কোন ফি লাগে না | অফিস ভেদে ১ মাস হতে ১ বছর | উপজেলা …
    অফিসার' names the method, fee, time and officer roles cell by cell, but its serial is fused
    to the name and it states a fee and a time: a service, not the header repeated (combos c185,
    every format)."""
    lines = TITLE + ["| সেবা সমূহের বিবরণ | সেবা প্রদান পদ্ধতি/মাধ্যম | সেবার মূল্য | সময় সীমা | দায়িত্বপ্রাপ্ত কর্মকর্তা |",
                     "| ০৪. পশু খাদ্যের মান পরীক্ষার পরামর্শ | টেলিফোনে যোগাযোগ | ৫০ টাকা | ০৭ কার্যদিবস | ভেটেরিনারি সার্জন |",
                     "| ০৫. কৃত্রিম প্রজনন সেবা | দাপ্তরিক ওয়েব সাইটের মাধ্যমে | কোন ফি লাগে না | অফিস ভেদে ১ মাস হতে ১ বছর "
                     "| উপজেলা প্রাণিসম্পদ অফিসার |"]
    services = services_of(tmp_path, lines)
    assert [(s.serial, s.name, s.is_free) for s in services] == \
        [(4, "পশু খাদ্যের মান পরীক্ষার পরামর্শ", False), (5, "কৃত্রিম প্রজনন সেবা", True)]


def test_bar_view_without_serials_keeps_the_headers_width(tmp_path):
    """No serial column, an empty (NBSP) label, a first label that reads as a heading
    ('সেবাসমূহ/সেবার নাম'), as in the real excerpt 46 (portal d06): the header opens at that label
    and the rows take its width; one row ending in an empty cell is no trailing bar."""
    labels = ["সেবাসমূহ/সেবার নাম |", "সেবা প্রদানের পদ্ধতি |", "|", "সেবা প্রাপ্তির সময় |",
              "দায়িত্বপ্রাপ্ত কর্মকর্তার নাম/পদবি |", "সেবার মূল্য |"]
    rows = [["নামজারি ও জমাভাগ", "অনলাইনে আবেদন প্রাপ্তির পর প্রতিবেদনের জন্য প্রেরণ", "", "সর্বোচ্চ ২৮ কার্যদিবস",
             "সহকারী কমিশনার(ভূমি)", "কোর্ট ফি ২০ টাকা"],
            ["ভূমি উন্নয়ন কর আদায়", "ইউনিয়ন ভূমি অফিসে পরিশোধ", "", "তাৎক্ষণিক", "ইউনিয়ন ভূমি সহকারী কর্মকর্তা",
             "বিনামূল্যে"]]
    lines = ["২.১) নাগরিক সেবা"] + labels + [f"{t} |" if t else "|" for r in rows for t in r]
    services = services_of(tmp_path, lines)
    assert [(s.serial, s.name, s.time_limit_days, s.fee_bdt) for s in services] == \
        [(1, "নামজারি ও জমাভাগ", 28, 20), (2, "ভূমি উন্নয়ন কর আদায়", 0, 0)]


def test_sub_rows_under_a_merged_serial_open_rows_in_a_numbered_paragraph_view(tmp_path):
    """A paragraph per cell, serials in their column; a service's variants sit under its merged
    serial and name: 'বাংলা' / '১ কার্যদিবস' / '২০ টাকা' then 'ইংরেজী' / … (combos c236), and a marked
    '(খ) ব্যবসায়িক' with a ditto mark after it (portal d05): each opens a sub-row."""
    labels = ["ক্রমিক নং", "সেবার নাম", "প্রয়োজনীয় কাগজপত্র", "সেবা প্রদানের সময়", "সেবার মূল্য"]
    cells = ["১", "নমিনি পরিবর্তন", "নির্ধারিত ফরমে আবেদন", "বাংলা", "১ কার্যদিবস", "২০ টাকা",
             "ইংরেজী", "২ কার্যদিবস", "৫০ টাকা",
             "২", "আয়ের সনদ (ক) সাধারণ", "ঐ", "২ দিন", "বিনামূল্যে", "(খ) ব্যবসায়িক", "ঐ", "২ দিন", "৩০০/=",
             "৩", "অবিবাহিত সনদ", "-ঐ-", "২ দিন", "১০০/="]
    services = services_of(tmp_path, paragraphs(*labels, *cells))
    assert [(s.serial, s.sub_serial, s.fee_bdt, s.time_limit_days) for s in services] == \
        [(1, "1", 20, 1), (1, "2", 50, 2), (2, "ক", 0, 2), (2, "খ", 300, 2), (3, None, 100, 2)]

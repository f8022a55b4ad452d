"""Real-world layouts end to end: older formats, merged cells, templates, damaged text."""
from __future__ import annotations

import pytest

from pipeline import process
from tests.conftest import FIXTURES


def services_of(name: str):
    charter = process(FIXTURES / name)
    return charter, {(s.section, s.serial): s for s in charter.services}


def rules(charter) -> set[str]:
    return {f.rule for f in charter.findings}


def test_older_eight_column_format_with_superior_officer_and_ditto():
    charter, services = services_of("text/union-parishad-8-column.txt")
    assert sorted(services) == [("citizen", 1), ("citizen", 2), ("citizen", 3)]   # serial '0১' read as 1
    birth = services[("citizen", 1)]
    assert (birth.officer.name, birth.officer.designation) == ("", "ইউপি সচিব")
    # ০৬৬২৪ (Shibchar) is an upazila exchange of the national plan that libphonenumber lacks
    assert birth.officer.valid_phones == ["+880662456071", "+8801717762592"]
    assert [p.reason for p in birth.officer.phones][0].startswith("fixed line of the national numbering plan")
    assert birth.superior_officer.designation == "চেয়ারম্যান"
    assert birth.superior_officer.valid_phones == ["+8801711122334"]
    assert birth.extra == {"forms_location": "ইউনিয়ন পরিষদ কার্যালয়"}
    heir = services[("citizen", 2)]          # ঐ / -ঐ- repeat the row above
    assert heir.extra["forms_location"] == "ইউনিয়ন পরিষদ কার্যালয়"
    assert heir.superior_officer.designation == "চেয়ারম্যান"
    assert [r.action for r in heir.provenance.repairs].count("ditto") == 3
    assert (heir.fee_bdt, heir.fee_kind) == (100, "amount")
    trade = services[("citizen", 3)]         # জরুরী / সাধারণ: alternatives, no one fee
    assert (trade.fee_bdt, trade.fee_min_bdt, trade.fee_max_bdt, trade.fee_kind) == (None, 200, 500, "tiered")
    assert trade.time_limit_days == 7
    assert (birth.fee_bdt, birth.fee_min_bdt, birth.fee_max_bdt, birth.is_free) == (None, 0, 50, None)
    assert (charter.location.upazila, charter.location.district) == ("শিবচর", "মাদারীপুর")


def test_blank_template_is_a_charter_with_no_services():
    charter, services = services_of("text/blank-template.txt")
    assert services == {}
    assert [s.kind for s in charter.sections] == ["citizen"]
    assert "ends_mid_table" not in rules(charter)


def test_lost_word_spaces_are_reported_not_guessed():
    charter, services = services_of("text/lost-spaces.txt")
    assert "missing_word_spaces" in rules(charter)
    assert services[("citizen", 1)].name == "কৃষিবিষয়কপরামর্শপ্রদানওকৃষকদেরপ্রশিক্ষণপ্রদান"


def test_table_without_serial_column():
    charter, _ = services_of("text/no-serial-column.txt")
    names = [s.name for s in charter.services]
    assert names == ["মাছ চাষ বিষয়ক পরামর্শ", "মৎস্যজীবী কার্ড প্রদান", "পুকুর খনন অনুমতি"]
    card = charter.services[1]
    assert card.delivery_method == ["আবেদন গ্রহণ", "যাচাই"]          # joined across the page break
    assert card.officer.designation == "উপজেলা মৎস্য কর্মকর্তা" and card.officer.inferred_from_merged_cell
    assert charter.services[2].fee_bdt == 20


def test_headings_and_vision_inside_one_big_html_table():
    charter, services = services_of("html/one-table-charter.html")
    assert charter.vision == "কৃষির টেকসই উন্নয়ন।"
    assert [(s.kind, len(s.services)) for s in charter.sections] == [("citizen", 2), ("institutional", 1)]
    assert services[("citizen", 2)].officer.valid_phones == ["+8801711122334"]     # rowspan
    assert services[("institutional", 1)].time_limit_days == 15


def test_old_format_html_merged_fee_cell_applies_to_every_row():
    _, services = services_of("html/old-format-charter.htm")
    assert {k: (s.fee_bdt, s.is_free, s.fee_kind) for k, s in services.items()} == {
        ("citizen", 1): (0, True, "free"), ("citizen", 2): (0, True, "free"),   # rowspan=2
        ("citizen", 3): (None, False, "policy")}
    assert services[("citizen", 1)].superior_officer.designation == "জেলা শিক্ষা অফিসার"


def test_portal_page_grievance_contacts():
    charter, services = services_of("html/portal-citizen-charter.html")
    assert [(g.serial, g.officer.designation, g.resolution_days) for g in charter.grievance] == [
        (1, "উপজেলা নির্বাহী অফিসার", 30), (2, "জেলা প্রশাসক", 20)]
    # fee and time limit written once across both columns (colspan)
    assert (services[("citizen", 3)].is_free, services[("citizen", 3)].time_limit_days) == (True, 0)


@pytest.mark.parametrize("name", ["docx/land-office-charter.docx", "text/land-office-with-grs.txt"])
def test_land_office_charters(name):
    charter, services = services_of(name)
    first = services[("citizen", 1)]
    assert first.officer.designation == "সহকারী কমিশনার (ভূমি)"
    assert first.fee_kind == "itemised" and first.time_limit_days == 28
    assert charter.grievance and charter.grievance[0].officer.designation == "উপজেলা নির্বাহী অফিসার"


def test_two_row_header_split_officer_columns_and_sub_rows():
    charter, services = services_of("text/two-row-header-subrows.txt")
    section = charter.sections[0]
    assert section.header_text[4] == "সেবা প্রদানের সময়সীমা"          # the header's second row joined
    assert section.header[:6] == ["serial", "service_name", "documents", "fee", "time_limit", "officer"]
    first = services[("citizen", 1)]                                   # name | মোবাইল | ইমেইল columns
    assert (first.officer.name, first.officer.designation) == ("মোঃ আলম", "উপজেলা সমাজসেবা অফিসার")
    assert first.officer.valid_phones == ["+8801711122334"] and first.officer.emails == ["uss@gmail.com"]
    # The (খ) row on the same page is a sub-row: a service of its own under serial 2,
    # the row above it (ক), and its name, only the variant, follows the parent's.
    assert [(s.serial, s.sub_serial, s.name, s.fee_bdt) for s in charter.services] == [
        (1, None, "বয়স্ক ভাতা প্রদান", 0), (2, "ক", "প্রতিবন্ধী ভাতা", 100), (2, "খ", "প্রতিবন্ধী ভাতা জরুরি", 200)]
    assert "sub_row" in [r.action for r in charter.services[2].provenance.repairs]


def test_a_ditto_under_a_list_cut_into_two_rows_repeats_the_whole_list(tmp_path):
    """A reader that cuts a cell's list into a row of its own (a borderless PDF) leaves the row's
    rest right above the next service: its ditto mark repeats the whole list, not the rest."""
    rows = [("ক্রমিক", "সেবার নাম", "সেবা প্রদান পদ্ধতি", "সেবার মূল্য", "সময়সীমা"),
            ("১", "অর্জিত ছুটি মঞ্জুর", "১। অনলাইনে আবেদন গ্রহণ", "বিনামূল্যে", "৫ কর্মদিবস"),
            ("", "", "২। ডাকযোগে অথবা সরাসরি প্রেরণ", "", ""),
            ("২", "সাধারণ ভবিষ্য তহবিল হতে অগ্রিম মঞ্জুর", "ঐ", "২৫ টাকা", "৭ কার্যদিবস")]
    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    page = tmp_path / "charter.html"
    page.write_text(f"<html><body><h2>২.৩) অভ্যন্তরীণ সেবা</h2><table>{cells}</table></body></html>", encoding="utf-8")
    second = process(page).services[1]
    assert second.delivery_method == ["অনলাইনে আবেদন গ্রহণ", "ডাকযোগে অথবা সরাসরি প্রেরণ"]


def test_a_title_row_gives_its_officer_and_method_to_its_variants(tmp_path):
    """A service row that only names the service, over variant rows that state the fees
    (বাংলা | ইংরেজী), leaves the table; its officer and method are the variants' (combos c38:
    the variants took the officer of the service above)."""
    head = "<tr><th>ক্রমিক</th><th>সেবার নাম</th><th>সেবা প্রদান পদ্ধতি</th><th>সেবার মূল্য</th>" \
           "<th>সময়সীমা</th><th>দায়িত্বপ্রাপ্ত কর্মকর্তা</th></tr>"
    rows = ('<tr><td>৩</td><td>নাগরিকত্ব সনদ</td><td>আবেদন</td><td>২০ টাকা</td><td>১ দিন</td>'
            '<td>সুমাইয়া জাহান<br>ইউপি সচিব</td></tr>'
            '<tr><td rowspan="3">৪</td><td>ভিজিডি কার্ড বিতরণ</td><td rowspan="3">যাচাই বাছাই</td><td></td><td></td>'
            '<td rowspan="3">দেবাশীষ চক্রবর্তী<br>ইউপি সদস্য</td></tr>'
            '<tr><td>বাংলা</td><td>২০ টাকা</td><td>১ কার্যদিবস</td></tr>'
            '<tr><td>ইংরেজী</td><td>৫০ টাকা</td><td>২ কার্যদিবস</td></tr>')
    page = tmp_path / "charter.html"
    page.write_text(f"<html><body><h2>২.১) নাগরিক সেবা</h2><table>{head}{rows}</table></body></html>", encoding="utf-8")
    services = process(page).services
    assert [(s.serial, s.sub_serial, s.officer.name, s.delivery_method) for s in services[1:]] == [
        (4, "1", "দেবাশীষ চক্রবর্তী", ["যাচাই বাছাই"]), (4, "2", "দেবাশীষ চক্রবর্তী", ["যাচাই বাছাই"])]


def test_the_first_row_of_a_page_in_a_table_numbering_its_names_is_the_cut_rows_rest():
    """No serial column, serials fused to the names: '৪.নাগরিকত্ব' ends page 1 and 'সনদপত্র প্রদান' opens
    page 2 with the rest of its cells; one service, not two sub-rows (combos c130, c138, c143)."""
    from pipeline.model import Cell, Line, RawDocument, Row, Table
    from pipeline.repair import repair

    def row(page, *texts):
        return Row(cells=[Cell(text=t, page=page) for t in texts], page=page)
    header = ("সেবার নাম", "সেবা প্রদান পদ্ধতি", "সেবার মূল্য", "সময়সীমা")
    page1 = Table(rows=[row(1, *header), row(1, "৩.ভূমিহীন সনদ প্রদান", "আবেদন", "বিনামূল্যে", "৭ দিন"),
                        row(1, "৪.নাগরিকত্ব", "মাসিক সভায়", "২০/=", "১ বছর")])
    page2 = Table(rows=[row(2, *header), row(2, "সনদপত্র প্রদান", "অনুমোদন সাপেক্ষে", "", ""),
                        row(2, "৫.হোল্ডিং ট্যাক্স আদায়", "আবেদন", "বিনামূল্যে", "৩ দিন")])
    doc = RawDocument(source="x.pdf", sha256="", format="pdf", pages=2,
                      blocks=[Line(text="২.১ নাগরিক সেবা", page=1), page1, page2])
    rows = [r for t in repair(doc).blocks if hasattr(t, "rows") for r in t.rows]
    assert [(r.serial, r.sub_serial, " ".join(r.values["service_name"].split())) for r in rows] == [
        (3, None, "ভূমিহীন সনদ প্রদান"), (4, None, "নাগরিকত্ব সনদপত্র প্রদান"), (5, None, "হোল্ডিং ট্যাক্স আদায়")]

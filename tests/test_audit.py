"""Rules over one charter (issue 9), each on Bangla cases: what it finds, and what it leaves alone."""
from __future__ import annotations

import pytest

from pipeline import process
from pipeline.audit import charter_findings
from pipeline.values.fee import parse_fee

HEADER = "ক্রমিক নং\tসেবার নাম\tপ্রয়োজনীয় কাগজপত্র\tসেবার মূল্য\tসময়সীমা\tদায়িত্বপ্রাপ্ত কর্মকর্তা"
OFFICER = "মোঃ আবুল কাশেম, সহকারী কমিশনার (ভূমি), লাখাই, হবিগঞ্জ। মোবাইল: ০১৭১১২২৩৩৪৪, ইমেইল: ac.lakhai@gmail.com"
GRS = ("৩. অভিযোগ প্রতিকার ব্যবস্থাপনা\nক্রমিক নং\tকখন যোগাযোগ করবেন\tকার সঙ্গে যোগাযোগ করবেন\t"
       "যোগাযোগের ঠিকানা\tনিষ্পত্তির সময়সীমা\n"
       "১\tসমাধান না পেলে\tঅভিযোগ নিষ্পত্তি কর্মকর্তা\t{grs}\t৩০ কার্যদিবস\n")
GRS_OFFICER = "মোঃ কামাল হোসেন, উপজেলা নির্বাহী অফিসার, লাখাই। ফোন: ০১৭১৩৩৪৪৫৫৬"


def row(serial: int, name: str = "নামজারি ও জমাভাগ", documents: str = "আবেদন ফরম, দলিলের কপি",
        fee: str = "১১৭০ টাকা", time: str = "২৮ কার্যদিবস", officer: str = OFFICER) -> str:
    return "\t".join([str(serial).translate(str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")), name, documents, fee,
                      time, officer])


def charter(tmp_path, rows: list[str], title: str = "www.lakhai.habiganj.gov.bd", grs: str = GRS_OFFICER,
            sections: str | None = None, office: str = "সহকারী কমিশনার (ভূমি)-এর কার্যালয়\nলাখাই, হবিগঞ্জ"):
    text = (f"গণপ্রজাতন্ত্রী বাংলাদেশ সরকার\n{office}\n"
            f"{title}\nসিটিজেন চার্টার\nভিশন: দক্ষ ভূমি সেবা\n\n"
            + (sections or "২.১) নাগরিক সেবা\n" + HEADER + "\n" + "\n".join(rows) + "\n") + "\n" + GRS.format(grs=grs))
    path = tmp_path / "charter.txt"
    path.write_text(text, encoding="utf-8")
    return process(path)


def found(c, rule: str) -> list[dict]:
    return [r for r in charter_findings(c) if r["rule"] == rule]


# ------------------------------------------------------------------ contacts

def test_officer_without_phone_or_email(tmp_path):
    c = charter(tmp_path, [row(1), row(2, "ভূমি উন্নয়ন কর আদায়", officer="মোঃ রফিক, কানুনগো, উপজেলা ভূমি অফিস")])
    rows = found(c, "officer_no_contact")
    assert [(r["section"], r["serial"], r["field"]) for r in rows] == [("citizen", "2", "officer")]
    assert rows[0]["message"] == "officer 'মোঃ রফিক' of citizen 2 has no phone and no email"


def test_grievance_contact_without_phone_or_email(tmp_path):
    c = charter(tmp_path, [row(1)], grs="মোঃ কামাল হোসেন, উপজেলা নির্বাহী অফিসার, লাখাই")
    rows = found(c, "officer_no_contact")
    assert [(r["section"], r["serial"]) for r in rows] == [("grievance", "1")]
    assert "'মোঃ কামাল হোসেন' (grievance 1)" in rows[0]["message"]
    assert not found(charter(tmp_path, [row(1)]), "officer_no_contact")


def test_token_after_email_label_without_at(tmp_path):
    c = charter(tmp_path, [row(1), row(2, "খাস জমি বন্দোবস্ত",
                                    officer="মোঃ রফিক, কানুনগো। ইমেইল: name.upazilagmail.com")])
    rows = found(c, "invalid_email")
    assert [r["message"] for r in rows] == ["invalid email 'name.upazilagmail.com' in citizen 2"]
    assert rows[0]["severity"] == "error"


def test_email_label_with_a_word_or_a_good_address_is_no_finding(tmp_path):
    c = charter(tmp_path, [row(1), row(2, "খাস জমি বন্দোবস্ত", officer="মোঃ রফিক, কানুনগো। ইমেইলঃ নেই, "
                                                                    "ফোন: ০১৭১১০০০০০১")])
    assert not found(c, "invalid_email")


# ------------------------------------------------------------------ values and serials

def test_fee_that_is_only_a_policy_reference(tmp_path):
    c = charter(tmp_path, [row(1), row(2, "খাস জমি বন্দোবস্ত", fee="বিধি মোতাবেক")])
    rows = found(c, "fee_policy_only")
    assert [r["message"] for r in rows] == ["fee 'বিধি মোতাবেক' in citizen 2 names a rule, not an amount"]


def test_serials_that_do_not_start_at_one(tmp_path):
    c = charter(tmp_path, [row(3), row(4, "খাস জমি বন্দোবস্ত")])
    assert [r["message"] for r in found(c, "serial_not_from_one")] == ["the citizen serials start at 3, not at 1"]


def test_serials_continuing_from_the_previous_section_are_no_finding(tmp_path):
    sections = ("২.১) নাগরিক সেবা\n" + HEADER + "\n" + row(1) + "\n" + row(2, "খাস জমি বন্দোবস্ত") + "\n\n"
                "২.২) প্রাতিষ্ঠানিক সেবা\n" + HEADER + "\n" + row(3, "সরকারি দপ্তরে তথ্য প্রেরণ") + "\n")
    c = charter(tmp_path, [], sections=sections)
    assert [s.section for s in c.services] == ["citizen", "citizen", "institutional"]
    assert not found(c, "serial_not_from_one")


def test_same_service_twice_in_a_section(tmp_path):
    c = charter(tmp_path, [row(1, "জন্ম নিবন্ধন সনদ"), row(2, "মৃত্যু নিবন্ধন সনদ"), row(3, "জন্ম নিবন্ধন সনদ প্রদান")])
    rows = found(c, "duplicate_service")
    assert [r["message"] for r in rows] == ["service 'জন্ম নিবন্ধন সনদ প্রদান' is listed twice in citizen: citizen 1, 3"]


def test_documents_column_holding_only_a_place(tmp_path):
    c = charter(tmp_path, [row(1, documents="উপজেলা ভূমি অফিস, কক্ষ নং ২"),
                           row(2, "খাস জমি বন্দোবস্ত", documents="আবেদন ফরম (উপজেলা ভূমি অফিসে পাওয়া যায়)")])
    rows = found(c, "documents_only_place")
    assert [(r["serial"], r["message"]) for r in rows] == [
        ("1", "the documents column of citizen 1 names only a place: 'উপজেলা ভূমি অফিস, কক্ষ নং ২'")]


# ------------------------------------------------------------------ code points, markup, websites

def test_assamese_ra_and_a_lone_vowel_sign(tmp_path):
    c = charter(tmp_path, [row(1, "নামজাৰি ও জমাভাগ"), row(2, "খাস জমি বন্দোবস্ত", documents="াবেদন ফরম")])
    messages = [r["message"] for r in found(c, "lookalike_code_point")]
    assert "Assamese ra U+09F0 for র in 'নামজাৰি' (citizen 1 service_name)" in messages
    assert "lone sign U+09BE (bengali vowel sign aa) in 'াবেদন' (citizen 2 required_documents)" in messages
    assert len(messages) == 2


def test_sound_text_has_no_odd_code_points(tmp_path):
    assert not found(charter(tmp_path, [row(1), row(2, "খাস জমি বন্দোবস্ত")]), "lookalike_code_point")


@pytest.mark.parametrize("title, fragment", [("http//:acland.lakhai.habiganj.gov.bd", "'http'"),
                                             ("acland.lakhai.habiganj.gov,bd", "'acland.lakhai.habiganj.gov,bd'")])
def test_malformed_website_in_the_title_block(tmp_path, title, fragment):
    rows = found(charter(tmp_path, [row(1)], title=title), "malformed_website")
    assert len(rows) == 1 and fragment in rows[0]["message"]


def test_good_website_and_website_in_a_cell(tmp_path):
    c = charter(tmp_path, [row(1, documents="আবেদন ফরম (www.land.gov.bd থেকে)"),
                           row(2, "খাস জমি বন্দোবস্ত", documents="আবেদন ফরম (www.land.gov,bd থেকে)")])
    rows = found(c, "malformed_website")
    assert [(r["serial"], r["message"]) for r in rows] == [
        ("2", "malformed website 'www.land.gov,bd' (citizen 2 required_documents)")]


def test_escaped_markup_leaking_into_text(tmp_path):
    c = charter(tmp_path, [row(1, "নামজারি&nbsp;ও জমাভাগ<\\/td>"), row(2, "খাস জমি বন্দোবস্ত")])
    rows = found(c, "escaped_markup")
    assert [r["message"] for r in rows] == ["escaped markup '&nbsp;', '</td>' in text (citizen 1 service_name)"]


# ------------------------------------------------------------------ what repair did

def _html(tmp_path, officer_cells: str):
    page = ("<html><body><p>সহকারী কমিশনার (ভূমি)-এর কার্যালয়</p><p>লাখাই, হবিগঞ্জ</p><h3>২.১) নাগরিক সেবা</h3>"
            "<table><tr><th>ক্রমিক নং</th><th>সেবার নাম</th><th>সেবার মূল্য</th><th>দায়িত্বপ্রাপ্ত কর্মকর্তা</th></tr>"
            + officer_cells + "</table></body></html>")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    return process(path)


def test_empty_officer_cell_is_not_filled_from_above(tmp_path):
    c = _html(tmp_path, f"<tr><td>১</td><td>নামজারি</td><td>১১৭০ টাকা</td><td>{OFFICER}</td></tr>"
                        "<tr><td>২</td><td>খাস জমি বন্দোবস্ত</td><td>বিনামূল্যে</td><td></td></tr>")
    assert c.services[1].officer.raw == ""
    rows = found(c, "missing_officer")
    assert [(r["serial"], r["field"]) for r in rows] == [("2", "officer")]
    assert "empty, not merged" in rows[0]["message"]


def test_merged_officer_cell_is_no_finding(tmp_path):
    c = _html(tmp_path, f"<tr><td>১</td><td>নামজারি</td><td>১১৭০ টাকা</td><td rowspan=\"2\">{OFFICER}</td></tr>"
                        "<tr><td>২</td><td>খাস জমি বন্দোবস্ত</td><td>বিনামূল্যে</td></tr>")
    assert c.services[1].officer.name == "মোঃ আবুল কাশেম"
    assert not found(c, "missing_officer")


def test_text_copies_cannot_tell_merged_from_empty(tmp_path):
    c = charter(tmp_path, [row(1), row(2, "খাস জমি বন্দোবস্ত", officer="")])
    assert c.services[1].officer.inferred_from_merged_cell
    assert not found(c, "missing_officer")


def test_ditto_mark_pointing_at_an_empty_cell(tmp_path):
    c = charter(tmp_path, [row(1, documents=""), row(2, "খাস জমি বন্দোবস্ত", documents="ঐ"),
                           row(3, "মিস কেস", fee="ঐ")])
    rows = found(c, "ditto_to_empty")
    assert [(r["serial"], r["field"]) for r in rows] == [("2", "required_documents")]
    assert c.services[2].fee_text == "১১৭০ টাকা"         # a ditto under a filled cell repeats it


# ------------------------------------------------------------------ other offices' places

def test_another_upazilas_name_in_a_service_cell(tmp_path):
    officer = "মোঃ রফিক, কানুনগো, নবীগঞ্জ উপজেলা ভূমি অফিস। মোবাইল: ০১৭১১০০০০০১"
    c = charter(tmp_path, [row(1), row(2, "খাস জমি বন্দোবস্ত", officer=officer)])
    rows = found(c, "foreign_place_name")
    assert [(r["serial"], r["field"]) for r in rows] == [("2", "officer")]
    assert rows[0]["message"].startswith("'নবীগঞ্জ' (upazila in Habiganj) in citizen 2 officer, a charter of লাখাই")


def test_a_district_office_names_its_own_upazilas(tmp_path):
    documents = "আবেদন ফরম, নবীগঞ্জ উপজেলা কৃষি অফিস"
    c = charter(tmp_path, [row(1, documents=documents), row(2, "খাস জমি বন্দোবস্ত", documents="আবেদন, কুলাউড়া উপজেলা")],
                office="জেলা প্রশাসকের কার্যালয়, হবিগঞ্জ", title="www.habiganj.gov.bd")
    assert (c.location.upazila, c.location.district) == ("", "হবিগঞ্জ")
    rows = found(c, "foreign_place_name")
    assert [(r["serial"], r["message"][:40]) for r in rows] == [("2", "'কুলাউড়া' (upazila in Moulvibazar) in c")]


def test_own_place_capital_and_unions_are_no_foreign_names(tmp_path):
    c = charter(tmp_path, [row(1, documents="আবেদন ফরম, ভূমি মন্ত্রণালয়, ঢাকা"),
                           row(2, "খাস জমি বন্দোবস্ত", documents="আবেদন, শিবপুর ইউনিয়ন পরিষদের প্রত্যয়ন")])
    assert not found(c, "foreign_place_name")


# ------------------------------------------------------------------ fee totals

def test_itemised_fee_adds_up():
    assert parse_fee("কোর্ট ফি ২০ টাকা ও নোটিশ জারি ফি ৫০ টাকা").bdt == 70


def test_fee_with_items_and_a_total_written_once_counts_once():
    assert parse_fee("১০০০ + ১৭০ = ১১৭০ টাকা").bdt == 1170


@pytest.mark.parametrize("text", ["১০০০ টাকা + ১৭০ টাকা = ১১৭০ টাকা",
                                  "আবেদন ফি ১০০০ টাকা ও খতিয়ান ফি ১৭০ টাকা, মোট ১১৭০ টাকা"])
def test_fee_with_items_and_a_stated_total_counts_the_total_once(text):
    fee = parse_fee(text)
    assert (fee.bdt, fee.kind) == (1170, "total")

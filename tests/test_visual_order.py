"""PDFs whose text layer is in glyph order (no ActualText): ি ে ৈ before their consonants."""
from __future__ import annotations

from pipeline import process
from pipeline.lexicon import is_visual_order, visual_to_logical
from tests.conftest import FIXTURES


def test_visual_to_logical_words():
    assert visual_to_logical("িক") == "কি"
    assert visual_to_logical("েকার্ট") == "কোর্ট"            # ে + ক + া joins into ো
    assert visual_to_logical("পদ্ধিত") == "পদ্ধতি"
    assert visual_to_logical("েক্ষেত্র") == "ক্ষেত্রে"
    assert visual_to_logical("কমর্কতর্া") == "কর্মকর্তা"        # the reph comes after its cluster
    assert visual_to_logical("সািটর্ফাইড") == "সার্টিফাইড"
    assert visual_to_logical("প্রদান") == "প্রদান"              # র-ফলা is no reph


def test_detection_needs_word_initial_signs():
    sound = "সেবা প্রদান পদ্ধতি প্রয়োজনীয় কাগজপত্র দায়িত্বপ্রাপ্ত কর্মকর্তা কিশোর নিবন্ধন বিনামূল্যে"
    assert not is_visual_order(sound)
    assert is_visual_order("েসবা পদ্ধিত িকেশার িনবন্ধন িবনামূেল্য েকার্ট িফ")


def test_glyph_order_pdf_reads_as_a_person_reads_it():
    charter = process(FIXTURES / "pdf" / "visual-order.pdf")
    assert [s.name for s in charter.services] == [
        "জন্ম নিবন্ধন সনদ প্রদান", "কৃষি বিষয়ক পরামর্শ", "খতিয়ানের সার্টিফাইড কপি", "ট্রেড লাইসেন্স নবায়ন"]
    first = charter.services[0]
    assert (first.officer.name, first.officer.designation) == ("মোঃ করিম", "ইউনিয়ন পরিষদ সচিব")
    assert (first.fee_bdt, first.time_limit_days) == (0, 7)
    assert charter.office_name == "উপজেলা পরিষদ কার্যালয়, শিবচর, মাদারীপুর"
    assert "visual_order_text" in {f.rule for f in charter.findings}

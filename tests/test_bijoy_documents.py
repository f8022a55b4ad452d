"""Legacy Bijoy (SutonnyMJ) charters end to end, in every format the pipeline reads.

The fixtures (tests/fixtures/bijoy/make_fixtures.py) are one small charter typed in
the Bijoy encoding: a text copy, a Word file in font SutonnyMJ, two LibreOffice PDFs
of it (one with a Latin stand-in font, one with a font named SutonnyMJ) and a portal
page. Whatever the format, the services must come out in Unicode Bangla, with the
emails and the URL untouched.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pdfplumber
import pytest

from pipeline import process
from pipeline.bijoy import is_bijoy_font
from pipeline.emit import service_rows
from pipeline.model import Charter

FIXTURES = Path(__file__).parent / "fixtures" / "bijoy"
# fixture -> the reader that must read it
FILES = {"charter-bijoy.txt": "text", "charter-bijoy.docx": "docx", "charter-bijoy.pdf": "pdf",
         "charter-bijoy-sutonnymj.pdf": "pdf", "charter-bijoy.html": "html"}

PROGRAMMER = {"officer_name": "কামাল রহমান", "officer_designation": "সহকারী প্রোগ্রামার",
              "officer_phones": "+8801715423689", "officer_emails": "kamal.ict@gmail.com"}
UNO = {"officer_name": "সাকিব হাসান", "officer_designation": "উপজেলা নির্বাহী অফিসার",
       "officer_phones": "+8801819456723", "officer_emails": "uno.lakhai@mopa.gov.bd"}
COLUMNS = ["section", "serial", "service_name", "delivery_method", "required_documents", "fee_text",
           "fee_bdt", "is_free", "time_limit_text", "time_limit_days"]
SERVICES = [
    dict(zip(COLUMNS, ["citizen", "1", "তথ্য প্রদান", "টেলিফোন", "দাপ্তরিক ওয়েব সাইট", "বিনামূল্যে",
                       "0", "true", "তাৎক্ষণিক", "0"]), **PROGRAMMER),
    dict(zip(COLUMNS, ["citizen", "2", "জন্ম নিবন্ধন", "অনলাইনে", "পাসপোর্ট সাইজ ছবি", "১০০ টাকা",
                       "100", "false", "১৫ কার্যদিবস", "15"]), **PROGRAMMER),
    dict(zip(COLUMNS, ["citizen", "3", "ওয়ারিশ সনদ", "সরাসরি", "জাতীয় পরিচয়পত্র", "৫০ টাকা",
                       "50", "false", "৭ কার্যদিবসের মধ্যে", "7"]), **UNO),
    dict(zip(COLUMNS, ["institutional", "1", "প্রশিক্ষণ", "ডাকযোগে", "নির্ধারিত ফরমে আবেদনপত্র", "বিনামূল্যে",
                       "0", "true", "৩০ দিন", "30"]), **UNO),
]


@lru_cache(maxsize=None)
def charter(name: str) -> Charter:
    return process(FIXTURES / name)


@pytest.mark.parametrize("name", FILES)
def test_read_by_the_right_reader(name):
    assert charter(name).source_format == FILES[name]


@pytest.mark.parametrize("name", FILES)
def test_services_in_unicode(name):
    rows = [{k: row[k] for k in SERVICES[0]} for row in service_rows(charter(name))]
    assert rows == SERVICES


@pytest.mark.parametrize("name", FILES)
def test_charter_fields_in_unicode(name):
    c = charter(name)
    assert c.office_name == "তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর, উপজেলা কার্যালয়, লাখাই, হবিগঞ্জ"
    assert c.department == "তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর"
    assert c.location.upazila == "লাখাই"
    assert c.website == "http://lakhai.habiganj.gov.bd/"
    assert [(s.kind, s.title) for s in c.sections] == [("citizen", "২.১) নাগরিক সেবা"),
                                                      ("institutional", "২.২) প্রাতিষ্ঠানিক সেবা")]
    assert c.expectations == ["নির্ধারিত ফরমে আবেদনপত্র জমা দেয়া"]


@pytest.mark.parametrize("name", FILES)
def test_conversion_is_reported(name):
    converted = [f for f in charter(name).findings if f.rule == "legacy_encoding_converted"]
    assert len(converted) == 1 and converted[0].severity == "info"


@pytest.mark.parametrize("name", ["charter-bijoy.txt", "charter-bijoy.docx", "charter-bijoy.html"])
def test_no_font_finding_outside_pdf(name):
    assert "legacy_font_encoding" not in {f.rule for f in charter(name).findings}


def test_pdf_font_name_lost_so_detected_by_content():
    """LibreOffice had no SutonnyMJ and embedded its stand-in: the name is gone, the codes stay."""
    with pdfplumber.open(FIXTURES / "charter-bijoy.pdf") as pdf:
        fonts = {c["fontname"] for page in pdf.pages for c in page.chars}
        pages = len(pdf.pages)
    assert fonts and not any(is_bijoy_font(f) for f in fonts)
    found = [f.message for f in charter("charter-bijoy.pdf").findings if f.rule == "legacy_font_encoding"]
    assert found == [f"page {n}: legacy Bijoy encoding (most lines read as Bijoy codes); "
                     "text is not Unicode: decoded to Unicode" for n in range(1, pages + 1)]


def test_pdf_font_name_kept_so_detected_by_font():
    with pdfplumber.open(FIXTURES / "charter-bijoy-sutonnymj.pdf") as pdf:
        pages = len(pdf.pages)
    findings = charter("charter-bijoy-sutonnymj.pdf").findings
    found = [f.message for f in findings if f.rule == "legacy_font_encoding"]
    assert found == [f"page {n}: legacy Bijoy encoding (fonts SutonnyMJ); text is not Unicode: decoded to Unicode"
                     for n in range(1, pages + 1)]

"""Bijoy / SutonnyMJ detection and conversion."""
import pathlib
import unicodedata

import pytest

from pipeline.bijoy import (
    BIJOY_THRESHOLD,
    bijoy_score,
    bijoy_to_unicode,
    convert_fragments,
    is_bijoy_font,
    looks_bijoy,
)
from tests.conftest import SAMPLE

PAIRS = pathlib.Path(__file__).parent / "data" / "bijoy_pairs.tsv"


def nfc(text):
    return unicodedata.normalize("NFC", text)


def load_pairs():
    rows = [line.split("\t") for line in PAIRS.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    return [(b, u, c) for b, u, c in rows]


@pytest.mark.parametrize("fontname", [
    "SutonnyMJ", "SutonnyOMJ", "ABCD+SutonnyMJ-Bold", "NikoshMJ", "EFGH+SutonnyMJ,Bold", "SutonnyMJ-Italic",
])
def test_bijoy_fonts(fontname):
    assert is_bijoy_font(fontname)


@pytest.mark.parametrize("fontname", [
    "Nikosh", "NotoSansBengali-Regular", "ABCD+TimesNewRomanPSMT", "Arial-BoldMT", "SolaimanLipi", "", "Kalpurush",
])
def test_unicode_and_latin_fonts(fontname):
    assert not is_bijoy_font(fontname)


@pytest.mark.parametrize("bijoy, unicode_text", [
    ("‡mev", "সেবা"),
    ("Dc‡Rjv", "উপজেলা"),
    ("µwgK bs", "ক্রমিক নং"),
    ("cwi‡kva", "পরিশোধ"),
    ("‡gvevBj", "মোবাইল"),                 # ো split around the consonant
    ("‡cŠimfv", "পৌরসভা"),                 # ৌ split around the consonant
    ("wkÿv", "শিক্ষা"),                     # ি before ক্ষ
    ("Kg©KZ©v", "কর্মকর্তা"),               # reph after its consonant
    ("KxwZ©", "কীর্তি"),                    # reph with ি
    ("wb‡`©kbv", "নির্দেশনা"),              # reph with ে
    ("DaŸ©Zb", "উর্ধ্বতন"),                 # reph on a conjunct
    ("cÖ‡qvRbxq KvMRcÎ", "প্রয়োজনীয় কাগজপত্র"),
    ("cÖvwß¯’vb", "প্রাপ্তিস্থান"),
    ("gš¿Yvjq", "মন্ত্রণালয়"),
    ("cÖwZôvb", "প্রতিষ্ঠান"),
    ("A¼", "অঙ্ক"),
    ("nweMÄ", "হবিগঞ্জ"),
    ("Øviv", "দ্বারা"),
    ("m¤cÖmviY", "সম্প্রসারণ"),
    ("e¨e¯’vcbv", "ব্যবস্থাপনা"),
    ("‡kÖYx", "শ্রেণী"),                    # ে before a ra-phala cluster
    ("we`y¨r", "বিদ্যুৎ"),                  # u-kar typed before ya-phala
    ("`yt¯’", "দুঃস্থ"),
    ("cvuP", "পাঁচ"),
    ("ZvrÿwYK", "তাৎক্ষণিক"),
    ("webvg~‡j¨", "বিনামূল্যে"),
    ("ˆ`wbK", "দৈনিক"),
    ("f‚wg", "ভূমি"),
    ("Kzwgjøv", "কুমিল্লা"),
    ("7 Kvh©w`em", "৭ কার্যদিবস"),
    ("1| `vßwiK", "১। দাপ্তরিক"),
    ("(K)(L)(M)", "(ক)(খ)(গ)"),
])
def test_conversions(bijoy, unicode_text):
    assert bijoy_to_unicode(bijoy) == nfc(unicode_text)


def test_output_is_nfc():
    out = bijoy_to_unicode("‡gvevBj cÖ‡qvRbxq")
    assert out == nfc(out)
    assert "\u09cb" in out  # ো composed, not ে + া


def test_pair_set_accuracy():
    pairs = load_pairs()
    assert len(pairs) >= 150
    wrong = [(b, bijoy_to_unicode(b), u) for b, u, _ in pairs if bijoy_to_unicode(b) != nfc(u)]
    assert len(wrong) / len(pairs) <= 0.02, wrong


def test_email_url_and_english_kept():
    line = "‡gvevBjt 01739972015 B‡gBjt abdurrahim.doict@gmail.com I‡qe: http://lakhai.habiganj.gov.bd/"
    assert bijoy_to_unicode(line) == (
        "মোবাইলঃ ০১৭৩৯৯৭২০১৫ ইমেইলঃ abdurrahim.doict@gmail.com ওয়েব: http://lakhai.habiganj.gov.bd/"
    )
    assert bijoy_to_unicode("mKj ICT welq") == "সকল ICT বিষয়"


def test_www_domain_digits_kept():
    assert bijoy_to_unicode("www.dc2.habiganj.gov.bd") == "www.dc2.habiganj.gov.bd"


@pytest.mark.parametrize("line", [
    "‡mevi bvg", "Dc‡Rjv wbe©vnx Awdmv‡ii Kvh©vjq", "`vwqZ¡cÖvß Kg©KZ©v", "bvg", "mgqmxgv", "c`we",
])
def test_bijoy_lines_detected(line):
    assert looks_bijoy(line)


@pytest.mark.parametrize("line", [
    "Name of Service", "Citizen's Charter", "Citizen’s Charter", "abdurrahim.doict@gmail.com",
    "http://lakhai.habiganj.gov.bd/", "Service Delivery Procedure", "Overview", "Upazila ICT Officer",
    "Government of the People's Republic of Bangladesh", "Mobile: 01739972015",
])
def test_english_lines_score_low(line):
    assert bijoy_score(line) < BIJOY_THRESHOLD


def test_unicode_charter_lines_score_zero():
    lines = [l for l in SAMPLE.read_text(encoding="utf-8").splitlines() if l.strip()]
    assert lines and max(bijoy_score(l) for l in lines) == 0.0


def test_pair_set_mostly_detected():
    lines = [b for b, _, cat in load_pairs() if cat not in ("digit", "label")]
    missed = [b for b in lines if not looks_bijoy(b)]
    assert len(missed) <= 5, missed


def test_convert_fragments_mixed_line():
    assert convert_fragments("সেবার মূল্য ও cwi‡kva পদ্ধতি") == "সেবার মূল্য ও পরিশোধ পদ্ধতি"
    assert convert_fragments("কাগজপত্র (K)(L)(M)") == "কাগজপত্র (ক)(খ)(গ)"


def test_convert_fragments_leaves_english_email_and_digits():
    line = "ইমেইলঃ abdurrahim.doict@gmail.com Name of Service ফি 500 টাকা"
    assert convert_fragments(line) == line
    assert convert_fragments("দায়িত্বপ্রাপ্ত Kg©KZ©v: Upazila Officer") == "দায়িত্বপ্রাপ্ত কর্মকর্তা: Upazila Officer"


def test_independent_sentence():
    # The usage example of the bijoytounicode README (MPL-2.0), typed by its author, not by us.
    bijoy = ("‡Kv‡bv †Kv‡bv w`b, AvKvk‡Rvov †gN K‡i, Kv‡R gb e‡m bv| †W‡¯‹i mvg‡bi Rvbvjvi c`©v Zz‡j w`B| "
             "w¯Œ‡b ZvKvB, †`wL bv, `‚ieZ©x AvKvk I Bgvi‡Z wKQz †LvuR _v‡K|")
    assert bijoy_to_unicode(bijoy) == nfc(
        "কোনো কোনো দিন, আকাশজোড়া মেঘ করে, কাজে মন বসে না। ডেস্কের সামনের জানালার পর্দা তুলে দিই। "
        "স্ক্রিনে তাকাই, দেখি না, দূরবর্তী আকাশ ও ইমারতে কিছু খোঁজ থাকে।"
    )

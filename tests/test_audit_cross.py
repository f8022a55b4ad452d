"""Across charters (issue 9): office types, the service catalogue, the cross-charter rules, and the
generated many-upazila sets (tests/crossset) with every planted deviation found."""
from __future__ import annotations

import random

import pytest

from pipeline import catalogue
from pipeline.audit import cross_findings, service_keys
from tests.crossset import realpages
from tests.crossset.score import run_set
from tests.crossset.within import run_within


# ------------------------------------------------------------------ office types

@pytest.mark.parametrize("office, kind", [
    ("সহকারী কমিশনার (ভূমি)-এর কার্যালয়, লাখাই, হবিগঞ্জ", "land"),
    ("তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর, উপজেলা কার্যালয়, লাখাই", "ict"),
    ("উপজেলা কৃষি অফিসারের কার্যালয়, বোচাগঞ্জ", "agriculture"),
    ("উপজেলা স্বাস্থ্য ও পরিবার পরিকল্পনা কর্মকর্তার কার্যালয়", "health"),
    ("উপজেলা পরিবার পরিকল্পনা কার্যালয়, হাটহাজারী", "family_planning"),
    ("উপজেলা সমাজসেবা কার্যালয়", "social_services"),
    ("উপজেলা মাধ্যমিক শিক্ষা অফিসারের কার্যালয়", "education_secondary"),
    ("৩নং রহিমপুর ইউনিয়ন পরিষদ", "union_parishad"),
    ("ঝালকাঠি পৌরসভা", "pourashava"),
    ("আঞ্চলিক পাসপোর্ট অফিস, ফেনী", "passport"),
    ("উপজেলা নির্বাহী অফিসারের কার্যালয়", "uno"),
    ("দুর্যোগ ব্যবস্থাপনা ও ত্রাণ মন্ত্রণালয়", "ministry"),
    ("বাংলাদেশ বেতার", "other"),
])
def test_office_type_from_the_office_name(office, kind):
    assert catalogue.office_type(office) == kind


@pytest.mark.skipif(not realpages.REALDATA.is_dir(), reason="../shared/realdata is not here")
@pytest.mark.parametrize("prefix, kind", [("33", "agriculture"), ("39", "education_secondary"), ("44", "passport"),
                                          ("46", "passport"), ("06", "ministry"), ("01", "zila_parishad")])
def test_office_type_of_real_title_blocks(prefix, kind):
    path = next(realpages.REALDATA.glob(f"{prefix}_*.txt"))
    head = path.read_text(encoding="utf-8").split("# ----", 1)[1].split("\n")[1:12]
    assert catalogue.office_type(" ".join(head)) == kind


# ------------------------------------------------------------------ catalogue

def test_wording_variants_and_typos_share_a_key():
    names = ["নামজারি ও জমাভাগ", "নামজারী ও জমা ভাগ", "জমাখারিজ/নামজারি", "নামজারি ও জমাভাগ প্রদান"]
    clusters = catalogue.cluster(("land", n) for n in names)
    assert {c.key for c in clusters.values()} == {"land/mutation"}


def test_different_services_keep_their_keys():
    names = ["নামজারি ও জমাভাগ", "নামজারি মামলার আদেশের নকল প্রদান", "ট্রেড লাইসেন্স", "ট্রেড লাইসেন্স নবায়ন"]
    keys = {n: c.key for (_, n), c in catalogue.cluster(("land", n) for n in names).items()}
    assert len(set(keys.values())) == 4


def test_uncurated_names_cluster_by_similarity():
    names = ["ভূমি রেকর্ড সংশোধন", "ভুমি রেকর্ড সংশোধন", "রেকর্ড সংশোধন (ভূমি)", "হাট বাজার ইজারা"]
    clusters = catalogue.cluster(("land", n) for n in names)
    assert clusters[("land", "ভুমি রেকর্ড সংশোধন")].key == clusters[("land", "রেকর্ড সংশোধন (ভূমি)")].key \
        == clusters[("land", "ভূমি রেকর্ড সংশোধন")].key
    assert clusters[("land", "হাট বাজার ইজারা")].key != clusters[("land", "ভূমি রেকর্ড সংশোধন")].key


def test_explain_says_why_two_names_share_a_key():
    said = catalogue.explain_pair("নামজারী ও জমা ভাগ", "জমাখারিজ/নামজারি", "land")
    assert said.splitlines()[-1] == "same key land/mutation"
    assert "reads as 'নামজারি জমা ভাগ'" in said
    said = catalogue.explain_pair("ভূমি রেকর্ড সংশোধন", "হাট বাজার ইজারা", "land")
    assert said.splitlines()[-1].endswith("< 85: different clusters")


def _rows(fees: dict[str, str], extra: dict | None = None) -> list[dict]:
    """Joined services/charters rows: one service per upazila of Habiganj."""
    upazilas = ["লাখাই", "নবীগঞ্জ", "বানিয়াচং", "মাধবপুর", "চুনারুঘাট", "বাহুবল", "আজমিরীগঞ্জ"]
    rows = []
    for i, (upazila, fee) in enumerate(zip(upazilas, fees.values())):
        rows.append({"service_id": f"c{i}:citizen:1", "charter_id": f"c{i}", "source_file": f"c{i}.txt",
                     "office_type": "land", "upazila": upazila,
                     "district": "হবিগঞ্জ", "section": "citizen", "serial": "1", "service_name": list(fees)[i],
                     "fee_bdt": fee, "is_free": "true" if fee == "0" else "false", "time_limit_days": "28",
                     "officer_name": f"মোঃ কর্মকর্তা {i}", "officer_phones": f"+88017110000{i:02d}",
                     "officer_emails": "", "grievance_phones": "+8801711999999", "grievance_emails": "",
                     **(extra or {}).get(i, {})})
    return rows


def test_service_keys_do_not_depend_on_row_order():
    rows = _rows({"নামজারি ও জমাভাগ": "1170", "নামজারী ও জমা ভাগ": "1170", "জমাখারিজ": "1170",
                  "ভূমি রেকর্ড সংশোধন": "500", "ভুমি রেকর্ড সংশোধন": "500", "রেকর্ড সংশোধন (ভূমি)": "500"})
    shuffled = list(rows)
    random.Random(3).shuffle(shuffled)
    assert service_keys(rows) == service_keys(shuffled)
    assert len(set(service_keys(rows).values())) == 2


# ------------------------------------------------------------------ cross rules

def test_fee_above_peers_with_its_evidence():
    rows = _rows({"নামজারি ও জমাভাগ": "1170", "নামজারী ও জমাভাগ": "1170", "জমাখারিজ ও নামজারি": "1170",
                  "নামজারি": "1100", "নামজারি/জমাখারিজ": "3500"})
    audit, tables = cross_findings(rows)
    assert [(r["charter_id"], r["rule"], r["field"]) for r in audit] == [("c4", "above_peers", "fee_bdt")]
    assert "median of 1170 over 4 other land charters" in audit[0]["message"]
    assert "(min 1100, max 1170; নবীগঞ্জ 1170, বানিয়াচং 1170, মাধবপুর 1100)" in audit[0]["message"]
    (row,) = tables["cross_charter"]
    assert (row["service_key"], row["charters"], row["fee_median_bdt"], row["fee_outliers"]) == \
        ("land/mutation", "5", "1170", "c4")


def test_paid_where_peers_are_free():
    rows = _rows({"খাস জমি বন্দোবস্ত": "0", "কৃষি খাস জমি বন্দোবস্ত": "0", "খাসজমি বন্দোবস্ত": "0",
                  "খাস জমি বন্দোবস্তি": "500"})
    audit, _ = cross_findings(rows)
    assert [(r["charter_id"], r["rule"]) for r in audit] == [("c3", "paid_where_peers_free")]
    assert "costs 500 taka where 3 of 3 other land charters" in audit[0]["message"]


def test_service_most_peers_list_and_one_lacks():
    rows = _rows({f"নামজারি ও জমাভাগ{' ' * i}": "1170" for i in range(7)})
    rows += [{**r, "serial": "2", "service_name": "খাস জমি বন্দোবস্ত", "fee_bdt": "0"} for r in rows[:6]]
    audit, tables = cross_findings(rows)
    assert [(r["charter_id"], r["rule"]) for r in audit] == [("c6", "missing_common_service")]
    assert audit[0]["message"] == "no 'খাস জমি বন্দোবস্ত' (land/khas_settlement), which 6 of 6 other land charters list"
    lacking = {r["service_key"]: r["missing_from"] for r in tables["cross_charter"]}
    assert lacking["land/khas_settlement"] == "c6"


def test_a_phone_in_two_upazilas_and_the_district_grs_officer():
    rows = _rows({"নামজারি": "1170", "জমাখারিজ": "1170", "নামজারী": "1170"},
                 {1: {"officer_name": "মোঃ অন্য কেউ", "officer_phones": "+8801711000000"}})
    audit, _ = cross_findings(rows)
    # The GRS number all three list is the district's appellate officer: no finding.
    assert sorted((r["charter_id"], r["rule"]) for r in audit) == [("c0", "contact_in_other_upazila"),
                                                                   ("c1", "contact_in_other_upazila")]
    assert "phone +8801711000000 (citizen 1) is also listed by 1 office of other places: নবীগঞ্জ (citizen 1)" \
        in audit[0]["message"]


def test_grs_number_across_districts_is_a_finding():
    rows = _rows({"নামজারি": "1170", "জমাখারিজ": "1170"}, {1: {"district": "সিলেট"}})
    audit, _ = cross_findings(rows)
    assert [r["rule"] for r in audit] == ["contact_in_other_upazila"] * 2


def test_the_same_officer_in_two_upazilas():
    rows = _rows({"নামজারি": "1170", "জমাখারিজ": "1170", "নামজারী": "1170"},
                 {2: {"officer_name": "মোঃ কর্মকর্তা 0", "officer_phones": "+8801711000000",
                      "officer_emails": "k0@gmail.com"}, 0: {"officer_emails": "k0@gmail.com"}})
    audit, _ = cross_findings(rows)
    assert sorted((r["charter_id"], r["rule"]) for r in audit) == [("c0", "officer_in_other_upazila"),
                                                                   ("c2", "officer_in_other_upazila")]
    assert "officer 'মোঃ কর্মকর্তা 0' with +8801711000000, k0@gmail.com" in audit[0]["message"]


# ------------------------------------------------------------------ generated sets

@pytest.mark.parametrize("seed, heldout", [(11, False), (101, True)])
def test_generated_set_every_deviation_found(tmp_path, seed, heldout):
    score = run_set(seed, heldout, tmp_path, n=32)
    print(score.summary())
    assert len(score.planted) == 12
    assert not score.missed, score.summary()
    assert len(score.false_positives) <= 3, score.summary()


def test_fee_cells_stating_their_total_raise_no_false_positive(tmp_path):
    score = run_set(11, False, tmp_path, n=32, totals=True)
    assert not score.missed and not score.false_positives, score.summary()


def test_planted_single_charter_problems_in_generated_charters(tmp_path):
    result = run_within(6, tmp_path, n=15)
    print(result.summary())
    assert len(result.planted) >= 40
    assert len(result.found) >= 0.9 * len(result.planted), result.summary()
    assert not result.false_positives, result.summary()


@pytest.mark.skipif(not realpages.REALDATA.is_dir(), reason="../shared/realdata is not here")
def test_planted_single_charter_problems_in_real_pages(tmp_path):
    found, missed, _, used = realpages.run_pages("all", tmp_path)
    assert len(used) >= 8
    assert len(found) >= 0.8 * (len(found) + len(missed)), [f"{p.kind} {p.file}" for p in missed]

"""The rules across charters out of memory (audit/crossdb.py, audit/cross.py's CrossAudit): what the store
holds, the temporary file, and values of the rules on a few rows."""
from __future__ import annotations

import statistics

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.audit import cross
from pipeline.audit.crossdb import PREFIX, SUFFIX, Service, Store
from pipeline.emit import remove_stale_temp_files

UPAZILAS = ["লাখাই", "নবীগঞ্জ", "বানিয়াচং", "মাধবপুর", "চুনারুঘাট", "বাহুবল", "আজমিরীগঞ্জ"]


def _row(i: int, name: str = "নামজারি ও জমাভাগ", fee: str = "1170", **cells) -> dict:
    """One service of charter c{i}, a land office in upazila i of Habiganj."""
    return {"service_id": f"c{i}:citizen:1", "charter_id": f"c{i}", "source_file": f"c{i}.txt",
            "office_type": "land", "upazila": UPAZILAS[i], "district": "হবিগঞ্জ", "section": "citizen",
            "serial": "1", "service_name": name, "fee_bdt": fee, "time_limit_days": "28",
            "officer_name": f"কর্মকর্তা {i}", "officer_phones": f"+88017110000{i:02d}", "officer_emails": "",
            "grievance_phones": "", "grievance_emails": "", **cells}


def _audit(rows: list[dict]) -> tuple[list[dict], dict[str, list[dict]]]:
    out: dict[str, list[dict]] = {"audit": [], "service_catalogue": [], "cross_charter": []}
    audit = cross.CrossAudit(Store())
    audit.load(rows)
    audit.write(lambda name, row: out[name].append(row))
    return out.pop("audit"), out


def test_a_groups_median_and_the_peers_median_of_each_charter():
    fees = ["100", "100", "200", "200", "1000"]
    rows = [_row(i, fee=fee) for i, fee in enumerate(fees)]
    audit, tables = _audit(rows)
    (row,) = tables["cross_charter"]
    assert (row["service_key"], row["charters"], row["fee_median_bdt"], row["fee_spread_bdt"]) == \
        ("land/mutation", "5", "200", "900")
    (catalogue,) = tables["service_catalogue"]
    assert (catalogue["fee_median_bdt"], catalogue["fee_min_bdt"], catalogue["fee_max_bdt"]) == ("200", "100", "1000")
    # c4's peers are 100, 100, 200, 200: their median is 150, and 1000 > 1.5 x 150; c3's (100, 100, 200,
    # 1000) is 150 too, and 200 is not above 1.5 x 150
    (finding,) = audit
    assert (finding["charter_id"], finding["rule"], finding["field"]) == ("c4", "above_peers", "fee_bdt")
    assert "fee_bdt 1000 taka against a median of 150 over 4 other land charters" in finding["message"]
    assert "(min 100, max 200; নবীগঞ্জ 100, বানিয়াচং 200, মাধবপুর 200)" in finding["message"]


def test_an_outlier_is_flagged_in_the_cross_charter_table():
    rows = [_row(i, fee=fee, time_limit_days=days)
            for i, (fee, days) in enumerate([("500", "7"), ("500", "7"), ("500", "30"), ("500", "7"), ("2000", "7")])]
    audit, tables = _audit(rows)
    (row,) = tables["cross_charter"]
    assert (row["fee_outliers"], row["time_outliers"], row["time_median_days"]) == ("c4", "c2", "7")
    assert sorted((r["charter_id"], r["field"]) for r in audit) == [("c2", "time_limit_days"), ("c4", "fee_bdt")]


def test_a_shared_contact_is_found_across_two_charters():
    rows = [_row(0), _row(1, officer_name="অন্য কেউ", officer_phones="+8801711000000"), _row(2)]
    audit, _ = _audit(rows)
    assert [(r["charter_id"], r["rule"], r["field"]) for r in audit] == [
        ("c0", "contact_in_other_upazila", "officer_phones"), ("c1", "contact_in_other_upazila", "officer_phones")]
    assert audit[0]["message"] == ("phone +8801711000000 (citizen 1) is also listed by 1 office of other places: "
                                   "নবীগঞ্জ (citizen 1)")
    assert audit[1]["message"].endswith("লাখাই (citizen 1)")


def test_a_service_most_charters_list_is_missing_from_the_one_that_lacks_it():
    rows = [_row(i) for i in range(7)] + [_row(i, name="খাস জমি বন্দোবস্ত", fee="0", serial="2") for i in range(6)]
    audit, tables = _audit(rows)
    assert [(r["charter_id"], r["rule"]) for r in audit] == [("c6", "missing_common_service")]
    assert {r["service_key"]: r["missing_from"] for r in tables["cross_charter"]} == \
        {"land/khas_settlement": "c6", "land/mutation": ""}


def test_the_store_holds_one_name_per_distinct_name_and_a_group_in_arrival_order():
    rows = [_row(i, name=name) for i, name in enumerate(["নামজারি ও জমাভাগ", "নামজারী ও জমা ভাগ", "নামজারি ও জমাভাগ"])]
    rows.insert(1, {**rows[0], "service_id": "c0:citizen:2", "serial": "2", "fee_bdt": "5"})
    audit = cross.CrossAudit(Store())
    audit.load(rows)
    assert audit.store.name_counts() == {("land", "নামজারি ও জমাভাগ"): 3, ("land", "নামজারী ও জমা ভাগ"): 1}
    group = audit.store.group(0)
    assert [(s.charter_id, s.serial, s.fee, s.place) for s in group] == [
        ("c0", "1", "1170", "লাখাই"), ("c0", "2", "5", "লাখাই"), ("c1", "1", "1170", "নবীগঞ্জ"),
        ("c2", "1", "1170", "বানিয়াচং")]
    assert {audit.key(r["charter_id"], r["service_name"]) for r in rows} == {"land/mutation"}


def test_the_temporary_file_is_in_the_folder_and_gone_after_the_block(tmp_path):
    with pytest.raises(RuntimeError):
        with Store.temporary(tmp_path) as store:
            store.load([_row(0), _row(1)])
            (path,) = tmp_path.iterdir()           # no journal or other file beside it
            assert path.name.startswith(PREFIX) and path.name.endswith(SUFFIX) and path.stat().st_size > 0
            raise RuntimeError("killed")
    assert list(tmp_path.iterdir()) == []


def test_a_killed_runs_file_is_a_stale_temporary_file(tmp_path):
    store = Store(tmp_path / f"{PREFIX}k1l2d3{SUFFIX}")
    store.load([_row(0)])
    store.db.close()
    assert remove_stale_temp_files(tmp_path) == 1 and list(tmp_path.iterdir()) == []


def _service(charter: int) -> Service:
    return Service(charter, f"c{charter}", "", "land", f"p{charter % 3}", "citizen", "1", 0, None, None)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([0.0, 1.0, 2.0, 2.5, 7.0, 100.0, 1170.0]), min_size=1, max_size=12))
def test_each_charters_peers_in_constant_time_are_the_others(values):
    peers = cross._Peers([(_service(c), v) for c, v in enumerate(values)])
    for c, v in enumerate(values):
        others = values[:c] + values[c + 1:]
        count, median, low, high, zeros, shown = peers.of(_service(c), v)
        assert count == len(others)
        if others:
            assert (median, low, high, zeros) == (statistics.median(others), min(others), max(others),
                                                 others.count(0.0))
            places = sorted((f"p{o % 3}", x) for o, x in enumerate(values) if o != c)[:cross.SHOWN_PEERS]
            assert shown == ", ".join(f"{p} {x:g}" for p, x in places)

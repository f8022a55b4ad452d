"""Checks of the portal fixtures themselves (tests/fixtures/portal) and of the truth entered for the real
excerpts (tests/data/realdata_truth.json), not of the pipeline: every truth follows truth v2, the pages
and their text views regenerate byte-identically, and the truth quotes only text its page prints.
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import phonenumbers
import pytest

from tests.conftest import FIXTURES, ROOT
from tests.fixtures.portal import build, textviews

PORTAL = FIXTURES / "portal"
PAGE_TRUTHS = sorted(p.with_suffix(".truth.json") for p in textviews.pages())
VIEW_TRUTHS = sorted(PORTAL.glob("*.view-?.truth.json")) + sorted((PORTAL / "holdout").glob("*.view-?.truth.json"))
REALDATA_TRUTH = ROOT / "tests" / "data" / "realdata_truth.json"
REALDATA_HOLDOUT = {"02", "06", "08", "17", "33", "38", "41", "45"}

SECTIONS = {"citizen", "institutional", "internal", "subordinate_office", "other"}
FEE_KINDS = {"free", "amount", "itemised", "total", "tiered", "rate", "policy", "unspecified"}
NUMBER = (int, float)
TOP_TYPES = {"id": str, "truth_version": int, "language": str, "font": type(None), "renderer": str,
             "orientation": type(None), "office_name": str, "department": str, "upazila": str, "district": str,
             "website": str, "vision": str, "mission": str, "pages": int, "services": list, "grievance": list,
             "expectations": list, "split_rows": list, "layout": dict}
SERVICE_TYPES = {"section": str, "serial": int, "serial_inferred": bool, "sub_serial": (str, type(None)),
                 "department": str, "service_name": str, "delivery_method": str, "required_documents": str,
                 "fee_text": str, "fee_bdt": (*NUMBER, type(None)), "fee_min_bdt": (*NUMBER, type(None)),
                 "fee_max_bdt": (*NUMBER, type(None)), "fee_kind": str, "is_free": (bool, type(None)),
                 "time_limit_text": str, "time_limit_days": (*NUMBER, type(None)), "officer_name": str,
                 "officer_designation": str, "officer_phones": list, "officer_emails": list,
                 "superior_officer": str, "extra": dict, "officer_text": str}
GRIEVANCE_TYPES = {"serial": int, "when": str, "officer_text": str, "address": str, "resolution_text": str,
                   "officer_name": str, "officer_designation": str, "officer_phones": list, "officer_emails": list,
                   "resolution_days": (*NUMBER, type(None))}
SERVICE_TEXTS = ["service_name", "delivery_method", "required_documents", "fee_text", "time_limit_text",
                 "officer_name", "officer_text", "superior_officer"]
GRIEVANCE_TEXTS = ["when", "officer_text", "address", "resolution_text", "officer_name"]


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def realdata_dir() -> Path | None:
    """../shared/realdata from the repository root; a worktree one level deeper finds it one level up."""
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / "realdata").is_dir():
            return base / "shared" / "realdata"
    return None


needs_realdata = pytest.mark.skipif(realdata_dir() is None,
                                    reason="../shared/realdata (the real excerpts) is not on this machine")


# ------------------------------------------------------------------ truth v2

def typed(record: dict, types: dict) -> list[str]:
    """Wrong or missing keys and wrong types, as messages."""
    problems = [f"keys {sorted(set(record) ^ set(types))}"] if set(record) != set(types) else []
    return problems + [f"{key}: {record[key]!r}" for key, kind in types.items()
                       if key in record and (not isinstance(record[key], kind) or
                                             (kind is int and isinstance(record[key], bool)))]


def text_problems(record: dict, keys: list[str]) -> list[str]:
    return [f"{key} not NFC and collapsed: {record[key]!r}" for key in keys if record[key] != collapse(record[key])]


def contact_problems(record: dict) -> list[str]:
    problems = []
    for phone in record["officer_phones"]:
        number = phonenumbers.parse(phone, None)
        if not phone.startswith("+880") or not phonenumbers.is_valid_number(number) or \
                phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) != phone:
            problems.append(f"not a valid E.164 BD number: {phone}")
    problems += [f"email not lower-case: {e}" for e in record["officer_emails"] if e != e.lower() or "@" not in e]
    return problems


def fee_problems(s: dict) -> list[str]:
    """The fee rules of truth v2 that hold between the fields."""
    kind, bdt, low, high, free = s["fee_kind"], s["fee_bdt"], s["fee_min_bdt"], s["fee_max_bdt"], s["is_free"]
    if kind not in FEE_KINDS:
        return [f"fee_kind {kind}"]
    expected = {
        "free": bdt == 0 and low == high == 0 and free is True,
        "amount": bdt is not None and bdt > 0 and low == high == bdt and free is False,
        "tiered": bdt is None and low is not None and high is not None and low < high and free is not True
                  and (free is None) == (low == 0),
        "rate": bdt is None and low is None and high is None and free is False,
        "policy": bdt is None and low is None and high is None and free is False,
        "unspecified": bdt is None and low is None and high is None and free is None,
    }
    expected["itemised"] = expected["total"] = expected["amount"]
    problems = [] if expected[kind] else [f"{kind}: fee_bdt {bdt} min {low} max {high} is_free {free}"]
    if not s["fee_text"] and kind != "unspecified":
        problems.append("a fee without fee_text")
    return problems


def service_problems(s: dict) -> list[str]:
    problems = typed(s, SERVICE_TYPES)
    if problems:
        return problems
    problems += text_problems(s, SERVICE_TEXTS + ["department"]) + contact_problems(s) + fee_problems(s)
    problems += [] if s["section"] in SECTIONS else [f"section {s['section']}"]
    problems += [] if s["service_name"] else ["empty service_name"]
    if not s["time_limit_text"] and s["time_limit_days"] is not None:
        problems.append("time_limit_days without time_limit_text")
    if not s["officer_text"] and (s["officer_name"] or s["officer_designation"] or s["officer_phones"]):
        problems.append("officer fields without officer_text")
    problems += [f"extra {k!r}" for k, v in s["extra"].items() if not isinstance(v, str) or k != collapse(k)]
    return problems


def grievance_problems(g: dict) -> list[str]:
    problems = typed(g, GRIEVANCE_TYPES)
    return problems or text_problems(g, GRIEVANCE_TEXTS) + contact_problems(g)


@pytest.mark.parametrize("path", PAGE_TRUTHS + VIEW_TRUTHS, ids=lambda p: p.name)
def test_truth_follows_v2(path):
    truth = load(path)
    assert typed(truth, TOP_TYPES) == []
    assert truth["truth_version"] == 2 and truth["pages"] == 1 and truth["split_rows"] == []
    view = re.search(r"\.view-(.)\.truth\.json$", path.name)
    assert truth["renderer"] == (f"text-view-{view.group(1)}" if view else "html")
    assert truth["id"] == path.name.split(".")[0]
    problems = {f"service {i}": service_problems(s) for i, s in enumerate(truth["services"])}
    problems |= {f"grievance {i}": grievance_problems(g) for i, g in enumerate(truth["grievance"])}
    assert {k: v for k, v in problems.items() if v} == {}
    assert [g["serial"] for g in truth["grievance"]] == list(range(1, len(truth["grievance"]) + 1))


def test_view_truths_are_copies_of_the_page_truth():
    for path in VIEW_TRUTHS:
        page = path.with_name(path.name.split(".")[0] + ".truth.json")
        assert {**load(path), "renderer": "html"} == load(page), path.name


def test_split_is_16_dev_and_8_holdout_pages():
    assert len(sorted(PORTAL.glob("*.html"))) == 16
    assert len(sorted((PORTAL / "holdout").glob("*.html"))) == 8
    assert len(VIEW_TRUTHS) == 3 * 24


# ------------------------------------------------------------------ regeneration

@pytest.mark.parametrize("folder,page", build.all_pages(), ids=lambda v: getattr(v, "name", ""))
def test_pages_regenerate_byte_identically(folder, page):
    assert (folder / f"{page.name}.html").read_text(encoding="utf-8") == page.html()
    written = (folder / f"{page.name}.truth.json").read_text(encoding="utf-8")
    assert written == json.dumps(page.truth(), ensure_ascii=False, indent=1) + "\n"


def test_every_page_comes_from_a_spec():
    specs = {folder / f"{page.name}.html" for folder, page in build.all_pages()}
    assert set(textviews.pages()) == specs


@pytest.mark.parametrize("page", textviews.pages(), ids=lambda p: p.name)
def test_text_views_regenerate_byte_identically(page):
    for path, text in textviews.outputs(page).items():
        assert path.read_text(encoding="utf-8") == text, path.name


def test_no_stray_view_files():
    made = {path for page in textviews.pages() for path in textviews.outputs(page)}
    on_disk = set(PORTAL.glob("*.view-*")) | set((PORTAL / "holdout").glob("*.view-*"))
    assert on_disk == made


# ------------------------------------------------------------------ the truth quotes its page

def quoted_in(text: str, page_text: str, joined_name: bool = False) -> bool:
    """``text`` occurs in the page; a sub-row's name that truth v2 builds from the parent's name and the
    variant occurs as those two parts."""
    if text in page_text:
        return True
    words = text.split(" ")
    return joined_name and any(" ".join(words[:i]) in page_text and " ".join(words[i:]) in page_text
                               for i in range(1, len(words)))


def service_quoted(s: dict, field: str, page_text: str) -> bool:
    if field == "officer_name":   # two officers' names are joined by '; '
        return all(name in page_text for name in s[field].split("; "))
    return quoted_in(s[field], page_text, field == "service_name" and bool(s["sub_serial"]))


def unquoted(truth: dict, page_text: str, service_fields: list[str]) -> list[str]:
    missing = [f"{s['serial']}{s['sub_serial'] or ''} {field}: {s[field]}" for s in truth["services"]
               for field in service_fields if s[field] and not service_quoted(s, field, page_text)]
    missing += [f"extra {v}" for s in truth["services"] for v in s["extra"].values() if v and v not in page_text]
    return missing + [f"grievance {g['serial']} {field}: {g[field]}" for g in truth["grievance"]
                      for field in GRIEVANCE_TEXTS if g[field] and g[field] not in page_text]


# The one cell typed in SutonnyMJ: the page prints its Bijoy code points, the truth its Bangla.
BIJOY_CELLS = {("d13-zila-parishad-bijoy-remnants", 1, "delivery_method")}


@pytest.mark.parametrize("page", textviews.pages(), ids=lambda p: p.name)
def test_truth_texts_occur_in_every_text_view(page):
    truth = load(page.with_suffix(".truth.json"))
    for name, view in textviews.render(page).items():
        fields = [f for f in SERVICE_TEXTS if f != "required_documents"]
        missing = [m for m in unquoted(truth, collapse(view), fields)
                   if not any(m.startswith(f"{serial} {field}") for pid, serial, field in BIJOY_CELLS
                              if pid == truth["id"])]
        assert missing == [], f"view {name}"


# ------------------------------------------------------------------ the real excerpts

def excerpt_text(path: Path) -> str:
    """The page text after the '# ----' line."""
    _, _, rest = path.read_text(encoding="utf-8").partition("\n# ----")
    return rest.split("\n", 1)[1]


@needs_realdata
def test_realdata_truth_names_every_excerpt_and_its_split():
    files = load(REALDATA_TRUTH)["files"]
    assert set(files) == {p.name for p in realdata_dir().glob("*.txt")}
    assert {name for name, entry in files.items() if entry["split"] == "holdout"} == \
        {name for name in files if name[:2] in REALDATA_HOLDOUT}
    assert {entry["split"] for entry in files.values()} == {"dev", "holdout"}


def test_realdata_truth_follows_v2():
    truth = load(REALDATA_TRUTH)
    assert truth["truth_version"] == 2
    for name, entry in truth["files"].items():
        assert {"split", "office_name", "website", "vision", "mission", "services", "grievance", "note"} <= set(entry)
        assert set(entry) <= {"split", "office_name", "website", "vision", "mission", "services", "grievance",
                              "partial", "grievance_partial", "note"}, name
        problems = [p for s in entry["services"] for p in service_problems(s)]
        problems += [p for g in entry["grievance"] for p in grievance_problems(g)]
        assert problems == [], name
        if "partial" in entry:
            partial = entry["partial"]
            assert set(partial) == {"section", "serial"} and partial["section"] in SECTIONS, name
            assert (partial["section"], partial["serial"]) not in {(s["section"], s["serial"]) for s in entry["services"]}
        assert isinstance(entry["note"], str) and entry["note"], name


def test_romanised_and_narrative_excerpts_have_no_services_and_say_why():
    files = load(REALDATA_TRUTH)["files"]
    for prefix, reason in (("27_", "romanisation"), ("31_", "narrative")):
        entry = next(e for name, e in files.items() if name.startswith(prefix))
        assert entry["services"] == [] and reason in entry["note"]


@needs_realdata
@pytest.mark.parametrize("name", sorted(load(REALDATA_TRUTH)["files"]))
def test_realdata_truth_quotes_only_the_excerpt(name):
    entry = load(REALDATA_TRUTH)["files"][name]
    page_text = collapse(excerpt_text(realdata_dir() / name))
    assert unquoted(entry, page_text, SERVICE_TEXTS) == []
    assert [k for k in ("office_name", "website", "vision", "mission") if entry[k] not in page_text] == []

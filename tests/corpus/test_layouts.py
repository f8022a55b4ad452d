"""The committed layout set (tests/corpus/layouts/) agrees with its generator, and the split rule holds."""
import json
import re
import unicodedata
from pathlib import Path

import phonenumbers
import pytest

from . import layout_vocab as V
from . import measure
from .layouts import (FONTS_BN, HOLDOUT_COMBOS, PAGE_CM, PT_PER_CM, charter_truth, draw_charter, layout_features,
                      split_pool)
from .render import check_font

COMMITTED = Path(__file__).parent / "layouts"
TRUTHS = sorted(COMMITTED.glob("*.truth.json"))
EXTENSIONS = {"libreoffice": "-lo.pdf", "chromium": "-chromium.pdf", "docx": "-docx.docx", "html": "-html.html",
              "txt": "-txt.txt", "text-view-a": "-view-a.txt", "text-view-b": "-view-b.txt",
              "text-view-c": "-view-c.txt"}
TOP_KEYS = {"id", "language", "font", "renderer", "orientation", "office_name", "department", "upazila", "district",
            "website", "vision", "mission", "pages", "services", "grievance", "expectations", "split_rows",
            "truth_version", "layout"}
SERVICE_KEYS = {"section", "serial", "serial_inferred", "sub_serial", "department", "service_name", "delivery_method",
                "required_documents", "fee_text", "fee_bdt", "fee_min_bdt", "fee_max_bdt", "fee_kind", "is_free",
                "time_limit_text", "time_limit_days", "officer_name", "officer_designation", "officer_phones",
                "officer_emails", "superior_officer", "extra", "officer_text"}
GRIEVANCE_KEYS = {"serial", "when", "officer_text", "address", "resolution_text", "officer_name",
                  "officer_designation", "officer_phones", "officer_emails", "resolution_days"}
SECTIONS = {"citizen", "institutional", "internal", "subordinate_office", "other"}
FEE_KINDS = {"free", "amount", "itemised", "total", "tiered", "rate", "policy", "unspecified"}


def expected_free(service: dict):
    """truth-v2: free -> true; no fee cell -> null; a free tier beside paid ones -> null; else false."""
    kind = service["fee_kind"]
    if kind == "tiered":
        return False if service["fee_min_bdt"] else None
    return {"free": True, "unspecified": None}.get(kind, False)


def valid_phone(e164: str) -> bool:
    """truth-v2: a BD mobile, or 0 + an area code of the generator's exchange table + its subscriber digits."""
    if re.fullmatch(r"\+8801[3-9]\d{8}", e164):
        return True
    fixed = any(e164.startswith("+880" + code[1:]) and len(e164) == 4 + len(code) - 1 + length
                for code, length, _, _ in V.FIXED_EXCHANGES)
    # 08723 is valid by truth-v2 though libphonenumber rejects it; the rest libphonenumber knows.
    return fixed and (e164.startswith("+8808723") or phonenumbers.is_valid_number(phonenumbers.parse(e164)))


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def rendered(truth_path):
    record = load(truth_path)
    return truth_path.with_name(record["id"] + EXTENSIONS[record["renderer"]])


def charter_of(record):
    return draw_charter(record["layout"]["split"], record["layout"]["index"])


def unmarked(text):
    """NFC without whitespace or nonspacing marks: poppler sometimes emits Mukti's ু after the next letter."""
    return "".join(ch for ch in unicodedata.normalize("NFC", text) if not ch.isspace()
                   and unicodedata.category(ch) != "Mn")


def test_committed_set_size_and_coverage():
    records = [load(t) for t in TRUTHS]
    charters = {r["id"] for r in records}
    assert len(charters) >= 8
    assert {r["layout"]["split"] for r in records} == {"dev"}
    assert {r["renderer"] for r in records} == set(EXTENSIONS)
    features = {f for r in records for f, on in r["layout"]["features"].items() if on}
    for needed in ("narrow_serial", "no_serial_column", "grouped_officer", "borderless", "number_row_above",
                   "sub_rows", "ditto", "department_rows", "english"):
        assert needed in features, needed
    assert sum(p.stat().st_size for p in COMMITTED.iterdir()) < 10_000_000


@pytest.mark.parametrize("truth_path", TRUTHS, ids=lambda p: p.name)
def test_truth_regenerates_from_its_seed(truth_path):
    record = load(truth_path)
    assert rendered(truth_path).exists()
    rebuilt = charter_truth(charter_of(record), record["font"], record["renderer"], record["pages"])
    assert json.dumps(rebuilt, ensure_ascii=False, indent=1) == truth_path.read_text(encoding="utf-8")


@pytest.mark.parametrize("truth_path", TRUTHS, ids=lambda p: p.name)
def test_truth_follows_truth_v2(truth_path):
    record = load(truth_path)
    assert set(record) == TOP_KEYS and record["truth_version"] == 2
    assert record["services"]
    for s in record["services"]:
        assert set(s) == SERVICE_KEYS
        assert s["section"] in SECTIONS and s["fee_kind"] in FEE_KINDS
        assert isinstance(s["serial"], int) and isinstance(s["serial_inferred"], bool)
        assert s["sub_serial"] is None or (isinstance(s["sub_serial"], str) and "(" not in s["sub_serial"])
        assert (s["fee_bdt"] is None) == (s["fee_kind"] in ("tiered", "rate", "policy", "unspecified"))
        assert s["is_free"] is expected_free(s)
        if s["fee_kind"] in ("free", "amount", "itemised", "total"):
            assert s["fee_min_bdt"] == s["fee_max_bdt"] == s["fee_bdt"]
        if s["fee_kind"] == "tiered":
            assert s["fee_min_bdt"] < s["fee_max_bdt"]
        assert s["department"] == s["department"].strip().rstrip(":ঃ")
        assert all(valid_phone(p) for p in s["officer_phones"]), s["officer_phones"]
        assert all(e == e.lower() and "@" in e for e in s["officer_emails"])
        if s["officer_name"]:
            assert s["officer_name"].split("; ")[0] in s["officer_text"]
    for g in record["grievance"]:
        assert set(g) == GRIEVANCE_KEYS
        assert all(valid_phone(p) for p in g["officer_phones"])


@pytest.mark.parametrize("truth_path", [t for t in TRUTHS if load(t)["renderer"] in ("libreoffice", "chromium")],
                         ids=lambda p: p.name)
def test_pdf_embeds_font_and_holds_every_service_name(truth_path):
    """Poppler's text inside the name column, line by line, holds every name cell as printed."""
    record = load(truth_path)
    pdf = rendered(truth_path)
    check_font(pdf, record["font"])
    charter = charter_of(record)
    stream = column_text(pdf, charter.layout, "name")
    printed = {" ".join(s.name_cell) for s in charter.services}
    assert [name for name in printed if unmarked(name) not in stream] == []


def column_text(pdf, lay, role) -> str:
    """The words inside one column's bounds, lines top to bottom, page by page, without the column's
    header (it repeats on every page, so it may sit inside a name split by a page break).
    LibreOffice sets a cell's text from the column's left edge (the table outdented by its cell margin),
    Chromium one cell margin further in: both lie within the column's bounds."""
    text_pt = (PAGE_CM[lay.look.orientation] - 2 * lay.look.margin_cm) * PT_PER_CM
    left = lay.look.margin_cm * PT_PER_CM + text_pt * sum(c.width for c in lay.columns[:lay.roles.index(role)])
    right = left + text_pt * lay.columns[lay.roles.index(role)].width
    lines = {}
    for w in measure.words(pdf):
        if w.left >= left - 3 and w.left + w.width <= right + 3:
            lines.setdefault((w.page, w.line), []).append(w)
    ordered = sorted(lines.values(), key=lambda ws: (ws[0].page, ws[0].top))
    stream = unmarked("".join(w.text for line in ordered for w in line))
    header = lay.columns[lay.roles.index(role)].header
    return stream.replace(unmarked("".join(header)), "")


def test_text_copies_only_where_the_layout_allows():
    for truth_path in TRUTHS:
        record = load(truth_path)
        copy = rendered(truth_path).with_name(record["id"] + "-txt.txt")
        assert copy.exists() == (not record["layout"]["features"]["grouped_officer"]), record["id"]


# --------------------------------------------------------------------------
# The split rule, on drawn layouts (no rendering)
# --------------------------------------------------------------------------

def held_headers() -> set[str]:
    return {text for pool in V.HEADERS_BN.values() for text, _ in split_pool(pool)[1]}


@pytest.mark.parametrize("index", range(40))
def test_dev_never_draws_held_out_variants(index):
    charter = draw_charter("dev", index)
    lay = charter.layout
    assert not any(set(combo) <= layout_features(lay) for combo in HOLDOUT_COMBOS)
    assert not {"\n".join(c.header) for c in lay.columns} & held_headers()
    assert (lay.font_key, lay.look.font) not in split_pool(FONTS_BN)[1]
    assert lay.office["key"] not in split_pool(V.OFFICE_KEYS)[1]
    held_fees = {text for text, *_ in split_pool(V.FEES_BN)[1]}
    held_names = {name for name, _ in split_pool(V.NAMES_BN)[1]}
    assert not {s.contents["fee"].text for s in charter.services if "fee" in s.contents} & held_fees
    names = {n for s in charter.services if "officer" in s.contents for n in s.contents["officer"].names}
    assert not (names | {g["officer_name"] for g in charter.grievance_truth}) & held_names


def test_holdout_carries_its_pair_and_the_held_out_variants():
    charters = [draw_charter("holdout", i) for i in range(60)]
    for i, charter in enumerate(charters):
        assert set(HOLDOUT_COMBOS[i % len(HOLDOUT_COMBOS)]) <= layout_features(charter.layout)
    used = {"\n".join(c.header) for ch in charters for c in ch.layout.columns}
    assert len(used & held_headers()) >= 30
    assert {ch.layout.font_key for ch in charters} >= {key for key, _ in split_pool(FONTS_BN)[1]}
    assert {ch.layout.office["key"] for ch in charters} & set(split_pool(V.OFFICE_KEYS)[1])


def test_same_seed_same_charter():
    a, b = draw_charter("holdout", 7), draw_charter("holdout", 7)
    assert charter_truth(a, "x", "docx", 1) == charter_truth(b, "x", "docx", 1)
    assert charter_truth(a, "x", "docx", 1) != charter_truth(draw_charter("dev", 7), "x", "docx", 1)


@pytest.mark.parametrize("truth_path", [t for t in TRUTHS if load(t)["renderer"].startswith("text-view-")],
                         ids=lambda p: p.name)
def test_text_views_are_the_html_page_copied_out(truth_path):
    """A committed view is what textviews makes of the committed HTML page, under the page's truth."""
    from ..fixtures.portal import textviews
    record = load(truth_path)
    page = truth_path.with_name(record["id"] + "-html.html")
    view = record["renderer"].removeprefix("text-view-")
    assert rendered(truth_path).read_text(encoding="utf-8") == textviews.render(page)[view]
    html_truth = load(page.with_name(record["id"] + "-html.truth.json"))
    assert {**record, "renderer": "html"} == html_truth


def test_view_a_word_prints_each_line_of_a_cell_as_a_paragraph():
    from .render_layouts import _paragraph_per_line
    assert _paragraph_per_line('<tr><td class="x">১। ছবি<br>২। সনদ</td><th>নাম</th></tr>') == \
        '<tr><td class="x"><p>১। ছবি</p><p>২। সনদ</p></td><th><p>নাম</p></th></tr>'

"""One charter, five formats, one services.csv.

For each charter spec in the committed corpus (tests/corpus/rendered), its LibreOffice
PDF, Chromium PDF, DOCX, HTML (one font) and text copy must give the same services.csv
rows, and those rows must carry the truth JSON's values.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from pipeline import process
from pipeline.emit import service_rows

CORPUS = Path(__file__).parent / "corpus" / "rendered"
RENDERERS = ("libreoffice", "chromium", "docx", "html", "txt")

# Columns that legitimately differ between renderings of one charter:
# - charter_id, service_id and source_file are derived from the file name, which differs per rendering;
# - source_pages: DOCX and HTML have no pages (every row is on page 1), and the LibreOffice
#   PDF, the Chromium PDF and the text copy (form feeds) break pages at different rows.
# Everything else, officer_inferred included, describes the charter and must not depend on
# the format: a merged officer cell is a vMerge in DOCX, a rowspan in HTML, a spanning ruled
# cell in the PDFs and an empty cell in the text copy, and all must be read as inferred.
PER_FILE_COLUMNS = {"charter_id", "service_id", "source_file", "source_pages"}


def _truth(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def renderings() -> dict[str, dict[str, Path]]:
    """charter spec id -> renderer -> file; for each spec the first font that has all four renderings."""
    by_spec: dict[str, dict[tuple, Path]] = {}
    for truth_path in sorted(CORPUS.glob("*.truth.json")):
        truth = _truth(truth_path)
        rendered = next(p for p in CORPUS.glob(truth_path.name.replace(".truth.json", ".*"))
                        if not p.name.endswith(".json"))
        by_spec.setdefault(truth["id"], {})[(truth["font"], truth["renderer"])] = rendered
    chosen = {}
    for spec, files in by_spec.items():
        fonts = sorted({font for font, _ in files if font})
        font = next(f for f in fonts if all((f, r) in files for r in RENDERERS[:4]))
        chosen[spec] = {r: files[(font, r)] for r in RENDERERS[:4]} | {"txt": files[(None, "txt")]}
    return chosen


@lru_cache(maxsize=None)
def rows_of(path: Path) -> list[dict]:
    return service_rows(process(path))


def _shared(row: dict) -> dict:
    return {k: v for k, v in row.items() if k not in PER_FILE_COLUMNS}


def _number(value) -> str:
    """A truth number as services.csv writes it: 50 -> '50', 2.5 -> '2.5', None -> ''."""
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def truth_row(expected: dict) -> dict:
    """The truth JSON's service in services.csv's form, for the columns the truth carries."""
    return {
        "section": expected["section"], "serial": _number(expected["serial"]),
        "service_name": expected["service_name"], "fee_bdt": _number(expected["fee_bdt"]),
        "is_free": str(expected["is_free"]).lower(), "time_limit_days": _number(expected["time_limit_days"]),
        "officer_name": expected["officer_name"], "officer_phones": ";".join(expected["officer_phones"]),
    }


def test_committed_corpus_has_every_rendering():
    assert sorted(renderings()) == ["c00-land-kamalnagar", "c04-livestock-atwari", "c08-ict-ranisankail",
                                    "c09-ict-en-kahaloo"]


@pytest.mark.parametrize("spec", sorted(renderings()))
@pytest.mark.parametrize("renderer", RENDERERS[1:])
def test_same_rows_as_libreoffice_pdf(spec, renderer):
    reference = [_shared(r) for r in rows_of(renderings()[spec]["libreoffice"])]
    assert [_shared(r) for r in rows_of(renderings()[spec][renderer])] == reference


@pytest.mark.parametrize("spec", sorted(renderings()))
@pytest.mark.parametrize("renderer", RENDERERS)
def test_rows_equal_truth(spec, renderer):
    path = renderings()[spec][renderer]
    expected = [truth_row(s) for s in _truth(path.with_name(path.stem + ".truth.json"))["services"]]
    got = [{k: row[k] for k in expected[0]} for row in rows_of(path)]
    assert got == expected


def test_per_file_columns_do_differ():
    """The excluded columns are excluded because they differ, not by habit."""
    files = renderings()["c08-ict-ranisankail"]
    pdf, docx = rows_of(files["libreoffice"]), rows_of(files["docx"])
    assert {r["source_pages"] for r in docx} == {"1"}
    assert "1;2" in {r["source_pages"] for r in pdf}
    assert pdf[0]["source_file"] != docx[0]["source_file"]
    assert pdf[0]["charter_id"] != docx[0]["charter_id"]

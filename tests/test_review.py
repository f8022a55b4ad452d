"""The review page: rows beside their source, findings and repairs inline, Bangla shaped in Chromium."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import numpy as np
import pytest
from lxml import html as lxml_html
from PIL import Image

from pipeline import emit, review
from pipeline.cli import main
from tests.conftest import SAMPLE, tool_missing

needs_chromium = tool_missing("chromium", "chromium")
NOTO = "charter-noto-ce548190"
LAKHAI = "lakhai-ict-citizen-charter-0136d454"
LAND = "office-8d5f9e0a"


@pytest.fixture(scope="module")
def pages(outputs_run, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("review")
    assert main(["review", str(outputs_run), "-o", str(target), "-q"]) == 0
    return target


@pytest.fixture(scope="module")
def embedded(outputs_run, tmp_path_factory) -> Path:
    pytest.importorskip("fontTools", reason="pip install 'charter-pipeline[review]'")
    target = tmp_path_factory.mktemp("review-embedded")
    try:
        review.write(outputs_run, target, font="auto")
    except review.ReviewError as exc:
        pytest.skip(f"{exc}")
    return target


def tree(path: Path):
    return lxml_html.fromstring(path.read_text(encoding="utf-8"))


def records(folder: Path) -> dict:
    return {c.charter_id: c for c in review.records(folder)}


def test_index_lists_every_charter_with_its_findings(pages, outputs_run):
    rows = tree(pages / "index.html").xpath("//tr[@class='charter']")
    charters = records(outputs_run)
    assert len(rows) == len(charters) == 3
    lakhai = next(r for r in rows if r.xpath(f".//a[@href='{LAKHAI}.html']"))
    # office, upazila, district, services, error, warning, info
    assert [td.text_content() for td in lakhai.xpath("td")][1:] == ["লাখাই", "হবিগঞ্জ", "13", "1", "7", "0"]


def test_one_row_per_service(pages, outputs_run):
    for charter_id, charter in records(outputs_run).items():
        assert len(tree(pages / f"{charter_id}.html").xpath("//tr[@class='service']")) == len(charter.services)


def test_pdf_rows_stand_beside_the_crops_of_their_cells(pages):
    rows = tree(pages / f"{NOTO}.html").xpath("//tr[@class='service']")
    images = [[img.get("src") for img in row.xpath(".//img")] for row in rows]
    assert images == [[f"{NOTO}/1-p1.png"], [f"{NOTO}/2-p1.png"], [f"{NOTO}/3-p1.png"],
                      [f"{NOTO}/4-p1.png", f"{NOTO}/4-p2.png"]]      # serial 4 goes on over the page break
    first = Image.open(pages / NOTO / "1-p1.png")
    # the row's cells span the table (37-547 pt wide, 377-489 pt high) at 2 pixels a point
    assert abs(first.width - 2 * (547.4 - 37.1 + 6)) <= 2 and abs(first.height - 2 * (489.05 - 377.05 + 6)) <= 2
    ink = np.asarray(first.convert("L")) < 128
    assert 0.01 < ink.mean() < 0.5                # text and rules, not a blank or black box


def test_text_rows_show_their_cells_as_written_with_repairs_and_findings(pages):
    rows = tree(pages / f"{LAKHAI}.html").xpath("//tr[@class='service']")
    inst8 = rows[3 + 7]
    assert inst8.get("data-rules") == "invalid_phone" and inst8.get("data-severities") == "error"
    written = {th.text_content(): th.getnext().text_content() for th in inst8.xpath(".//table[@class='cells']//th")}
    assert "০১৭৩৯৭২০১৫" in written["officer"]
    assert "0173972015 (10 digits" in inst8.xpath(".//dl")[0].text_content()
    assert "joined_continuation" in rows[1].xpath(".//ul[@class='repairs']")[0].text_content()
    general = tree(pages / f"{LAKHAI}.html").xpath("//h2/following-sibling::ul[1]")[0].text_content()
    assert "missing_grievance_section" in general and "ends_mid_table" in general


def test_a_changed_source_is_not_shown(outputs_run, tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / SAMPLE.name).write_text(SAMPLE.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    review.write(outputs_run, tmp_path / "review", roots=[raw])
    note = tree(tmp_path / "review" / f"{LAKHAI}.html").xpath("//p[@class='note']")[0].text_content()
    assert note.endswith("has changed since the run (its SHA-256 differs): no source shown")


def test_review_needs_a_run(tmp_path, capsys):
    assert main(["review", str(tmp_path), "-o", str(tmp_path / "r")]) == 2
    assert "holds no run" in capsys.readouterr().err


def test_the_embedded_fonts_are_ofl_subsets(embedded):
    fonts = sorted((embedded / review.FONT_DIR).iterdir())
    assert [f.name for f in fonts] == ["bangla-400.woff", "bangla-700.woff"]
    for font in fonts:
        assert font.read_bytes()[:4] == b"wOFF" and 20_000 < font.stat().st_size < 300_000
    assert 'url("fonts/bangla-700.woff") format("woff"); font-weight: 700;' in (
        embedded / f"{NOTO}.html").read_text(encoding="utf-8")


def test_a_font_without_the_ofl_is_not_embedded(outputs_run, tmp_path):
    pytest.importorskip("fontTools", reason="pip install 'charter-pipeline[review]'")
    mukti = subprocess.run(["fc-match", "-f", "%{file}", "Mukti"], capture_output=True, text=True).stdout
    if "Mukti" not in mukti:
        pytest.skip("the GPL font Mukti is not installed (apt-get install fonts-beng-extra)")
    with pytest.raises(review.ReviewError, match="not under the SIL Open Font License"):
        review.write(outputs_run, tmp_path, font=mukti)


def test_embedding_a_file_that_is_no_font_is_an_error(outputs_run, tmp_path, capsys):
    pytest.importorskip("fontTools", reason="pip install 'charter-pipeline[review]'")
    assert main(["review", str(outputs_run), "-o", str(tmp_path), "--embed-font", str(SAMPLE)]) == 2
    assert capsys.readouterr().err.startswith(f"error: {SAMPLE}: not a font file")


# ------------------------------------------------------------------ in a browser

def chromium(url: str, profile: Path, fontconfig: Path | None = None, screenshot: Path | None = None) -> str:
    env = dict(os.environ) | ({"FONTCONFIG_FILE": str(fontconfig)} if fontconfig else {})
    action = [f"--screenshot={screenshot}", "--window-size=1280,1200"] if screenshot else ["--dump-dom"]
    done = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                           "--disable-background-networking", "--hide-scrollbars", "--run-all-compositor-stages-before-draw",
                           "--virtual-time-budget=3000", f"--user-data-dir={profile}", *action, url],
                          capture_output=True, text=True, timeout=180, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def latin_only_fontconfig(folder: Path) -> Path:
    """A fontconfig that knows every installed font but those with Bangla: Bangla can only come out as boxes."""
    def files(pattern: str) -> set[str]:
        listed = subprocess.run(["fc-list", "-f", "%{file}\n", pattern], capture_output=True, text=True).stdout
        return set(listed.split())

    fonts = folder / "fonts"
    fonts.mkdir(parents=True)
    for n, path in enumerate(sorted(files(":lang=en") - files(":lang=bn"))):
        (fonts / f"{n}-{Path(path).name}").symlink_to(path)
    config = folder / "fonts.conf"
    # the system's rules (which font is "monospace") with none of its font folders
    config.write_text(f'<?xml version="1.0"?>\n<fontconfig><dir>{fonts}</dir><cachedir>{folder / "cache"}</cachedir>'
                      '<include ignore_missing="yes">/etc/fonts/conf.d</include></fontconfig>\n', encoding="utf-8")
    return config


def differing(a: Path, b: Path) -> float:
    left, right = (np.asarray(Image.open(p).convert("L"), dtype=int) for p in (a, b))
    return float((abs(left - right) > 40).mean())


@needs_chromium
@tool_missing("fc-list", "fontconfig")
def test_chromium_shapes_bangla_and_shows_every_row(pages, embedded, tmp_path):
    url = (pages / f"{NOTO}.html").as_uri()
    dom = lxml_html.fromstring(chromium(url, tmp_path / "p0"))
    assert len(dom.xpath("//tr[@class='service']")) == 4
    assert dom.get_element_by_id("shown").text_content() == "4 of 4 services shown"     # the script ran
    latin = latin_only_fontconfig(tmp_path / "latin")
    shaped, tofu, carried = tmp_path / "shaped.png", tmp_path / "tofu.png", tmp_path / "carried.png"
    chromium(url, tmp_path / "p1", screenshot=shaped)
    chromium(url, tmp_path / "p2", fontconfig=latin, screenshot=tofu)
    chromium((embedded / f"{NOTO}.html").as_uri(), tmp_path / "p3", fontconfig=latin, screenshot=carried)
    print(f"\npixels differing: installed font vs boxes {differing(shaped, tofu):.4f}, "
          f"installed vs embedded {differing(shaped, carried):.4f}")
    assert differing(shaped, tofu) > 0.01          # without a Bangla font the text is boxes
    assert differing(shaped, carried) < 0.002      # the embedded subset shapes it as the installed font does


@needs_chromium
def test_the_filter_in_the_address_hides_the_other_rows(pages, tmp_path):
    dom = lxml_html.fromstring(chromium((pages / f"{LAKHAI}.html").as_uri() + "#severity=error", tmp_path / "p"))
    shown = [row for row in dom.xpath("//tr[@class='service']") if row.get("hidden") is None]
    assert [row.get("data-rules") for row in shown] == ["invalid_phone"]
    assert dom.get_element_by_id("shown").text_content() == "1 of 13 services shown"


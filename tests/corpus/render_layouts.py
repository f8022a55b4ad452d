"""Render layout-randomised charters (layouts.py), a truth-v2 file beside every file.

    python -m tests.corpus.render_layouts --split dev|holdout --out DIR [--count N] [--start K]
                                          [--formats pdf-lo,pdf-chromium,docx,html,txt,view-a,view-b,view-c]
                                          [--jobs 2]
                                          [--font FAMILY]

Charters ``start … start+count-1`` of the split. File names: ``<charter id>-<renderer>.<ext>``
(``-lo.pdf``, ``-chromium.pdf``, ``-docx.docx``, ``-html.html``, ``-txt.txt``) and ``<name>.truth.json``.
A DOCX's truth carries the pages of its LibreOffice PDF, an HTML's those of its Chromium PDF, a text
copy's those of the LibreOffice PDF. Layouts with a grouped two-row officer header get no text copy.
``view-a``/``view-b``/``view-c`` are the HTML page copied out of a browser in the three shapes real scrapes
take (tests/fixtures/portal/textviews.py), ``-view-a.txt`` …, with the HTML's truth; ``view-a-word`` is view A
of the page as Word exports it (a paragraph per line of a cell). ``--font`` draws every
Bangla charter in one font instead of the one its layout drew: a font sweep over the same layouts.
"""
from __future__ import annotations

import argparse
import dataclasses
import re
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Optional

from . import measure
from .layouts import SPLITS, LayoutCharter, charter_truth, draw_charter
from .render import FORMATS, check_font, docx_to_pdf, html_to_pdf, needed_pipelines, write_truth
from .writers import write_docx_blocks, write_html_blocks, write_text_blocks
from ..fixtures.portal import textviews

# 'view-a-word': view A of the page as Word exports it to HTML, every line of a cell a paragraph of its
# own (<p> per line, as portal pages made in Word print them: excerpts 05, 08, 14 and 16 of ../shared/realdata)
VIEWS = tuple(f"view-{name}" for name in textviews.VIEW_NAMES) + ("view-a-word",)
LAYOUT_FORMATS = FORMATS + VIEWS
_CELL = re.compile(r"<(td|th)([^>]*)>(.*?)</\1>", re.S)


def write_docx(charter: LayoutCharter, path: Path) -> None:
    write_docx_blocks(charter.blocks(), charter.layout.look, path)


def write_html(charter: LayoutCharter, path: Path) -> None:
    write_html_blocks(charter.blocks(), charter.layout.look, charter.spec.language, charter.spec.title_lines[-1], path)


# renderer -> (source format, writer, converter, truth's renderer name for the PDF)
PIPELINES = {
    "lo": ("docx", write_docx, docx_to_pdf, "libreoffice"),
    "chromium": ("html", write_html, html_to_pdf, "chromium"),
}


def render_pipeline(charter: LayoutCharter, renderer: str, formats, out: Path, scratch: Path) -> int:
    """Source file, then its PDF; unrequested files go to scratch. Returns the PDF's page count."""
    ext, write, convert, pdf_renderer = PIPELINES[renderer]
    stem, font = charter.spec.id, charter.layout.look.font
    source = (out if ext in formats else scratch) / f"{stem}-{ext}.{ext}"
    pdf = (out if f"pdf-{renderer}" in formats else scratch) / f"{stem}-{renderer}.pdf"
    write(charter, source)
    convert(source, pdf)
    check_font(pdf, font)
    pages = measure.page_count(pdf)
    if ext in formats:
        write_truth(source, charter_truth(charter, font, ext, pages))
    if f"pdf-{renderer}" in formats:
        write_truth(pdf, charter_truth(charter, font, pdf_renderer, pages))
    if ext == "html":
        write_views(charter, source, formats, out, font, pages)
    return pages


def write_views(charter: LayoutCharter, page: Path, formats, out: Path, font: Optional[str], pages: int) -> None:
    """The requested text views of the HTML page, each with the page's truth."""
    views = textviews.render(page)
    if "view-a-word" in formats:
        views["a-word"] = textviews.render_html(_paragraph_per_line(page.read_text(encoding="utf-8")))["a"]
    for name, text in views.items():
        if f"view-{name}" in formats:
            path = out / f"{charter.spec.id}-view-{name}.txt"
            path.write_text(text, encoding="utf-8")
            write_truth(path, charter_truth(charter, font, f"text-view-{name}", pages))


def _paragraph_per_line(html: str) -> str:
    """The page with each line of a cell (its <br>-separated parts) a paragraph of its own."""
    return _CELL.sub(lambda m: f"<{m[1]}{m[2]}><p>" + m[3].replace("<br>", "</p><p>") + f"</p></{m[1]}>", html)


def render_charter(split: str, index: int, formats, out: Path, font: Optional[str] = None) -> str:
    charter = draw_charter(split, index)
    if font and charter.spec.language == "bn":
        charter.layout.look = dataclasses.replace(charter.layout.look, font=font)
    with tempfile.TemporaryDirectory() as scratch:
        # the views are copied out of the HTML page
        sources = ["html" if f in VIEWS else f for f in formats]
        pages = {r: render_pipeline(charter, r, formats, out, Path(scratch)) for r in needed_pipelines(sources)}
    if "txt" in formats and charter.text_copy:
        path = out / f"{charter.spec.id}-txt.txt"
        write_text_blocks(charter.blocks(), set(), path)
        write_truth(path, charter_truth(charter, None, "txt", pages["lo"]))
    lay = charter.layout
    shown = ", ".join(name for name, on in lay.features().items() if on)
    return (f"{charter.spec.id}: {lay.family}, {len(lay.columns)} columns, {lay.look.font} {lay.look.cell_pt} pt, "
            f"{len(charter.services)} services, pages {pages}; {shown}")


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", required=True, choices=SPLITS)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--formats", default=",".join(LAYOUT_FORMATS))
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--font", help="draw every Bangla charter in this font family (a font sweep)")
    args = parser.parse_args(argv)
    args.formats = args.formats.split(",")
    unknown = set(args.formats) - set(LAYOUT_FORMATS)
    if unknown:
        parser.error(f"unknown format: {sorted(unknown)}")
    return args


def main(argv=None) -> int:
    args = parse_args(argv if argv is not None else sys.argv[1:])
    args.out.mkdir(parents=True, exist_ok=True)
    indexes = range(args.start, args.start + args.count)
    with ThreadPoolExecutor(args.jobs) as pool:
        for line in pool.map(lambda i: render_charter(args.split, i, args.formats, args.out, args.font), indexes):
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""PDF reader: text lines and table grids, page by page, with ActualText-exact Bangla.

A backend (``readers/backends``) parses each page once into characters and
rules; everything here works on that ``PageContent``, whichever backend made
it. Pages whose text layer cannot be trusted (legacy Bijoy fonts, unmapped
glyphs, scans) yield a finding instead of blocks, so later stages never see
garbled rows.
"""
from __future__ import annotations

import bisect
import re
import subprocess
import unicodedata
from dataclasses import replace
from operator import itemgetter
from pathlib import Path
from typing import Optional

import pdfplumber
import regex
from pdfplumber.page import Page
from pdfplumber.table import Table as FoundTable

from .. import ocr
from ..bijoy import is_bijoy_font, looks_bijoy, may_look_bijoy
from ..lexicon import ADDRESS_PIECE, BENGALI_RUN, is_visual_order, known_words, visual_to_logical
from ..model import BBox, Block, Cell, Finding, Line, RawDocument, Row, Table
from . import pdfguard
from .backends import backend
from .backends.base import PageContent
from .base import Reader, file_sha256
from .pdfunruled import unruled_tables, virtual_rules
from .pdftext import FULL_LINE, ONE_TOKEN, WordCuts, group_lines, join_lines, line_bbox, line_text, parse_page

# One word (letters) or one address piece (sumaiya.sa): what a column may cut.
RULED = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
EDGE_TOLERANCE = 3.0

# A vowel sign or hasanta always follows a consonant (or nukta) in sound text.
# (ZWJ/ZWNJ may sit before a hasanta, as in র‍্যাব.)
_ORPHAN_SIGN = re.compile(
    "(?<![\u0995-\u09b9\u09bc\u09dc-\u09df\u09f0\u09f1\u200c\u200d])[\u09be-\u09cc\u09cd]")


class PdfReader(Reader):
    name = "pdf"

    def sniff(self, head: bytes, path: Path) -> float:
        return 1.0 if head.startswith(b"%PDF-") else 0.0

    def read(self, path: Path) -> RawDocument:
        blocks: list[Block] = []
        guard = pdfguard.inspect(path)      # refuses what would hang or exhaust the parser; caps the pages
        findings: list[Finding] = guard.findings
        with backend(self.pdf_backend).open(path) as pdf:
            for number, page in enumerate(pdf.pages()):
                if number >= guard.pages:
                    break
                page_blocks, finding = read_page(page)
                blocks.extend(page_blocks)
                if finding:
                    findings.append(finding)
        findings += rejoin_cut_words(blocks)
        return RawDocument(source=str(path), sha256=file_sha256(path), format=self.name,
                           pages=pdf.page_count, blocks=blocks, findings=findings)


def rejoin_cut_words(blocks: list[Block]) -> list[Finding]:
    """Glue back the words narrow columns cut at a line break (``WordCuts``), in every
    cell of every table, ruled or not; a finding names how many and shows some."""
    cells = [c for b in blocks if isinstance(b, Table) for r in b.rows for c in r.cells
             if "\n" in c.text or FULL_LINE in c.text]
    cuts = WordCuts([b.text for b in blocks if isinstance(b, Line)]
                    + [c.text for b in blocks if isinstance(b, Table) for r in b.rows for c in r.cells], known_words())
    shown = []
    for cell in cells:
        joined = cuts.rejoin(cell.text)
        if joined.count("\n") < cell.text.count("\n"):
            shown.append(cell.text.replace("\n", " / ").replace(FULL_LINE, ""))
        cell.text = joined
    if not shown:
        return []
    return [Finding("words_rejoined", "info", f"{len(shown)} cells held a word cut by a line break in a "
                    f"narrow column; rejoined: {'; '.join(shown[:3])}")]


def page_count(path: Path) -> int:
    with backend().open(path) as pdf:
        return pdf.page_count


def read_page(page: PageContent) -> tuple[list[Block], Optional[Finding]]:
    """Blocks of one page in reading order, or a finding saying why there are none.

    A page whose text cannot be trusted is read by OCR when tesseract is installed.
    """
    if page.error is not None:
        # Without a parse there are no ruling lines to trust either: OCR finds its own.
        return ocr_page(page.plumber_page(), None, Finding(
            "page_needs_ocr", "error", f"page {page.page_number}: content cannot be parsed ({page.error})"))
    finding = unreadable(page)
    if finding and finding.rule == "page_needs_ocr":
        return ocr_page(page.plumber_page(), table_settings(page), finding)
    # Bijoy text is readable once decoded (extract does that for every format).
    if finding and finding.rule != "legacy_font_encoding":
        return [], finding
    placed = _placed(page.chars)
    tables = read_tables(page, placed)
    outside = [c for _, _, _, c in _outside(placed, [bbox for _, bbox in tables])]
    lines = [Line(text, page.page_number, bbox) for text, bbox in text_lines(outside) if text]
    blocks = _in_reading_order(lines, tables)
    if is_visual_order(unicodedata.normalize("NFC", "".join(c["text"] for c in page.chars))):
        _to_logical_order(blocks)
        finding = finding or Finding("visual_order_text", "info", f"page {page.page_number}: text extracted "
                                     "in glyph order (িক for কি); vowel signs moved back after their consonants")
    _mark_page_break(blocks, page.page_number)
    return blocks, finding


def _to_logical_order(blocks: list[Block]) -> None:
    for block in blocks:
        items = [block] if isinstance(block, Line) else [c for r in block.rows for c in r.cells]
        for item in items:
            item.text = visual_to_logical(item.text)


def _in_reading_order(lines: list[Line], tables: list[tuple[Table, BBox]]) -> list[Block]:
    placed = [(line.bbox[1], line) for line in lines] + [(bbox[1], table) for table, bbox in tables]
    return [block for _, block in sorted(placed, key=lambda tb: tb[0])]


# --------------------------------------------------------------------------
# OCR fallback
# --------------------------------------------------------------------------

def ocr_page(page: Page, settings: Optional[dict], finding: Finding) -> tuple[list[Block], Finding]:
    """The page read by OCR, or ``finding`` told why not (OCR missing, failed, found nothing).

    ``settings`` find the page's own ruled tables; None when its content cannot be parsed.
    """
    if not ocr.available():
        return [], replace(finding, message=f"{finding.message}; {ocr.INSTALL_HINT}")
    try:
        scan = ocr.render(page)
        tables = [(ocr_table(scan, found), found.bbox) for found in ocr_grid(page, settings, scan)]
        tables = [(table, bbox) for table, bbox in tables if table.rows]
        lines = ocr.read_lines(ocr.blank(scan, [bbox for _, bbox in tables]))
    except (OSError, subprocess.SubprocessError) as error:
        return [], replace(finding, message=f"{finding.message}; OCR failed ({error})")
    blocks = _in_reading_order(lines, tables)
    confidence = ocr.page_confidence(blocks)
    if confidence is None:
        return [], replace(finding, message=f"{finding.message}; OCR recognised no text")
    _mark_page_break(blocks, page.page_number)
    return blocks, Finding("page_ocr", "warning", f"page {page.page_number}: text recognised by OCR "
                                                  f"(mean confidence {confidence:.0f})")


def ocr_grid(page: Page, settings: Optional[dict], scan: ocr.PageImage) -> list[FoundTable]:
    """The tables the page's own rules draw (a broken text layer keeps them), else those seen."""
    found = page.find_tables(settings) if settings else []
    # A lone frame around the page is no table.
    if any(len(t.rows) >= 2 and len(t.rows[0].cells) >= 2 for t in found):
        return found
    return ocr.image_tables(page, scan)


def ocr_table(scan: ocr.PageImage, found: FoundTable) -> Table:
    """A grid's cells by OCR, merged cells marked as the text reader marks them."""
    starts = _column_starts(found)
    rows = []
    for found_row, cells in zip(found.rows, ocr.read_cells(scan, found)):
        _mark_span_direction(cells, found_row.cells, starts)
        if any(c.text for c in cells):
            rows.append(Row(cells, scan.number))
    return Table(rows)


# --------------------------------------------------------------------------
# Readability
# --------------------------------------------------------------------------

def unreadable(page: PageContent) -> Optional[Finding]:
    number = page.page_number
    text = "".join(c["text"] for c in page.chars)
    legacy = legacy_encoding({c["fontname"] for c in page.chars}, bijoy_check_lines(page.chars, text))
    if legacy:
        return Finding("legacy_font_encoding", "warning", f"page {number}: {legacy}: decoded to Unicode")
    reason = text_layer_problem(text, page.has_images)
    if reason:
        return Finding("page_needs_ocr", "error", f"page {number}: {reason}")
    return None


def bijoy_check_lines(chars: list[dict], text: str) -> list[str]:
    """The page's lines as ``legacy_encoding`` counts them, ordered (``line_text``) only where
    that can change its verdict. A line that cannot look Bijoy counts only as filled or blank;
    when too few lines may look Bijoy to make the majority, none needs ordering; a page none
    of whose text may look Bijoy needs no lines at all."""
    if not may_look_bijoy(text):
        return []
    lines = [("".join(c["text"] for c in line), line) for line in group_lines(chars)]
    filled = sum(1 for glyphs, _ in lines if glyphs.strip())
    if 2 * sum(1 for glyphs, _ in lines if may_look_bijoy(glyphs)) <= filled:
        return [glyphs for glyphs, _ in lines]
    return [line_text(line) if may_look_bijoy(glyphs) else glyphs for glyphs, line in lines]


def legacy_encoding(fontnames: set[str], lines: list[str]) -> Optional[str]:
    """Bijoy (SutonnyMJ & co.) text is ASCII/Latin-1 drawn as Bangla: never Unicode."""
    legacy = sorted({f.split("+")[-1] for f in fontnames if is_bijoy_font(f)})
    if legacy:
        return f"legacy Bijoy encoding (fonts {', '.join(legacy)}); text is not Unicode"
    filled = [line for line in lines if line.strip()]
    if filled and sum(map(looks_bijoy, filled)) > len(filled) / 2:
        return "legacy Bijoy encoding (most lines read as Bijoy codes); text is not Unicode"
    return None


def text_layer_problem(text: str, has_images: bool) -> Optional[str]:
    """Why this page's text cannot be trusted, or None."""
    if not text.strip():
        return "no text layer (scanned image)" if has_images else None
    glyphs = len("".join(text.split()))
    cids = text.count("(cid:")
    # A few unmapped bullets or symbols do not make the page unreadable.
    if cids >= 3 and cids > 0.02 * glyphs:
        return f"{cids} glyphs without Unicode mapping ((cid:) codes)"
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r")
    if controls > 5:
        return f"{controls} control characters in the text layer"
    text = unicodedata.normalize("NFC", text)
    if is_visual_order(text):      # glyph order is repairable, not unreadable
        text = visual_to_logical(text)
    words = len(BENGALI_RUN.findall(text))
    orphans = len(_ORPHAN_SIGN.findall(text))
    if orphans >= 5 and orphans > 0.1 * words:
        return (f"{orphans} Bengali vowel signs with no consonant before them in {words} words "
                "(glyphs mapped wrongly when the PDF was made)")
    return None


# --------------------------------------------------------------------------
# Text outside tables
# --------------------------------------------------------------------------

def text_lines(chars: list[dict]) -> list[tuple[str, BBox]]:
    return [(join_lines([line_text(line)]), line_bbox(line)) for line in group_lines(chars)]


# A char with the middle of its box (the box that holds the middle holds the char) and its
# index in stream order: (x, y, index, char).
Placed = tuple[float, float, int, dict]


def _placed(chars: list[dict]) -> list[Placed]:
    """Worked out once a page, for its tables, their cells and the text outside them."""
    return [((c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2, i, c) for i, c in enumerate(chars)]


def _within(placed: list[Placed], bbox: BBox) -> list[Placed]:
    """The placed chars the box holds, in their order."""
    if isinstance(placed, Band):
        return placed.within(bbox)
    left, top, right, bottom = bbox
    return [p for p in placed if left <= p[0] <= right and top <= p[1] <= bottom]


class Band(list):
    """A table row's placed chars in stream order, and the same sorted by the middle's x
    once, so that each of the row's cells finds its chars by bisection."""

    def __init__(self, placed: list[Placed]):
        super().__init__(placed)
        # A middle that is not a number is within no box (every comparison fails).
        self.by_x = sorted((p for p in placed if p[0] == p[0]), key=itemgetter(0))
        self.xs = [p[0] for p in self.by_x]

    def within(self, bbox: BBox) -> list[Placed]:
        left, top, right, bottom = bbox
        columns = self.by_x[bisect.bisect_left(self.xs, left):bisect.bisect_right(self.xs, right)]
        return sorted((p for p in columns if top <= p[1] <= bottom), key=itemgetter(2))


def _outside(placed: list[Placed], boxes: list[BBox]) -> list[Placed]:
    """The placed chars none of the boxes holds, in their order."""
    for left, top, right, bottom in boxes:
        placed = [p for p in placed if not (left <= p[0] <= right and top <= p[1] <= bottom)]
    return placed


def _mark_page_break(blocks: list[Block], page_number: int) -> None:
    """A table drawn before any text on a later page continues across the break."""
    if page_number > 1 and blocks and isinstance(blocks[0], Table):
        blocks[0].rows[0].after_page_break = True


# --------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------

def table_settings(page: PageContent) -> dict:
    """Lines strategy, plus the closing rules a page break left undrawn."""
    closing = closing_edges(page)
    if not closing:
        return dict(RULED)
    return {**RULED, "explicit_horizontal_lines": closing}


def read_tables(page: PageContent, placed: list[Placed]) -> list[tuple[Table, BBox]]:
    """Ruled tables; failing those, tables ruled across only (columns from their gutters);
    failing those, word-aligned ones that are clearly columnar."""
    ruled = [to_table(page, t, placed) for t in page.find_tables(table_settings(page))]
    if ruled:
        return [(table, bbox) for table, bbox in ruled if table.rows]
    verticals, closing = virtual_rules(page.chars, page.edges)
    if verticals:
        settings = {**RULED, "vertical_strategy": "explicit", "explicit_vertical_lines": verticals,
                    "explicit_horizontal_lines": closing}
        ruled = [to_table(page, t, placed) for t in page.find_tables(settings)]
        if ruled:
            return [(table, bbox) for table, bbox in ruled if table.rows]
    return unruled_tables(page.chars, page.page_number)


def closing_edges(page: PageContent) -> list[dict]:
    """Horizontal edges where vertical rules run into a page break with no rule across.

    Chromium draws no bottom border under a row cut by a page break (nor a top
    border over its rest on the next page); without an edge there the row's
    cells never close and the row is lost. Only the lowest (and highest)
    vertical rule ends on the page are candidates; each span between two of
    them that no rule covers gets its edge.
    """
    vertical = [e for e in page.edges if e["orientation"] == "v"]
    horizontal = [e for e in page.edges if e["orientation"] == "h"]
    added: list[dict] = []
    for key, extreme in (("bottom", max), ("top", min)):
        groups = _cluster_by(vertical, key)
        if not groups:
            continue
        y = extreme(groups)
        xs = _distinct(sorted(e["x0"] for e in groups[y]))
        for x0, x1 in zip(xs, xs[1:]):  # each cell span between two ending rules
            if not _ruled_at(horizontal, y, x0, x1):
                added.append({"x0": x0, "x1": x1, "top": y, "bottom": y, "width": x1 - x0,
                              "height": 0, "object_type": "line", "orientation": "h"})
    return added


def _distinct(values: list[float]) -> list[float]:
    """Sorted values with near-duplicates (a rule drawn as a thin rect) dropped."""
    out: list[float] = []
    for value in values:
        if not out or value - out[-1] > EDGE_TOLERANCE:
            out.append(value)
    return out


def _cluster_by(edges: list[dict], key: str) -> dict[float, list[dict]]:
    groups: dict[float, list[dict]] = {}
    for edge in sorted(edges, key=lambda e: e[key]):
        last = next(reversed(groups), None)
        if last is not None and edge[key] - last <= EDGE_TOLERANCE:
            groups[last].append(edge)
        else:
            groups[edge[key]] = [edge]
    return groups


def _ruled_at(horizontal: list[dict], y: float, x0: float, x1: float) -> bool:
    """True when horizontal rules at y cover most of [x0, x1]."""
    covered = sum(max(0.0, min(e["x1"], x1) - max(e["x0"], x0))
                  for e in horizontal if abs(e["top"] - y) <= EDGE_TOLERANCE)
    return covered >= 0.5 * (x1 - x0)


def to_table(page: PageContent, found: FoundTable, placed: list[Placed]) -> tuple[Table, BBox]:
    """Rows with text (empty spacer rows dropped) and the box they cover."""
    # The table's chars by the height of their middle (pdfplumber computes the bbox on every access).
    by_middle = sorted(_within(placed, found.bbox), key=itemgetter(1))
    middles = [p[1] for p in by_middle]
    rows: list[Row] = []
    boxes: list[BBox] = []
    starts = _column_starts(found)
    for found_row in found.rows:
        band = _in_band(by_middle, middles, found_row.bbox)
        cells = [to_cell(band, bbox, page.page_number) for bbox in found_row.cells]
        _mark_span_direction(cells, found_row.cells, starts)
        if not any(c.text for c in cells):
            continue
        rows.append(Row(cells, page.page_number))
        boxes.append(found_row.bbox)
    return Table(rows), (_union(*boxes) if boxes else found.bbox)


def _in_band(by_middle: list[Placed], middles: list[float], bbox: BBox) -> list[Placed]:
    """The chars whose middle lies within the row's height, in content-stream order
    (the order cell text is built from): only those can be inside one of its cells."""
    band = by_middle[bisect.bisect_left(middles, bbox[1]):bisect.bisect_right(middles, bbox[3])]
    return Band(sorted(band, key=itemgetter(2)))


def _column_starts(found: FoundTable) -> list[float]:
    """The left edge of each grid column, from the rows where it has a cell of its own."""
    width = max((len(row.cells) for row in found.rows), default=0)
    starts = []
    for j in range(width):
        edges = [row.cells[j][0] for row in found.rows if j < len(row.cells) and row.cells[j]]
        starts.append(min(edges) if edges else float("inf"))
    return starts


def _mark_span_direction(cells: list[Cell], boxes: list, starts: list[float]) -> None:
    """A covered grid position is covered from the left when the cell before it
    in the row reaches into its column; otherwise by a cell above."""
    reach = None
    for j, (cell, box) in enumerate(zip(cells, boxes)):
        if box:
            reach = box[2]
        elif cell.spanned:
            cell.span_from = "left" if reach is not None and reach > starts[j] + 1 else "above"


def _union(*boxes: BBox) -> BBox:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))


def to_cell(band: list[Placed], bbox: Optional[BBox], page_number: int) -> Cell:
    if bbox is None:  # covered by a merged cell above or to the left
        return Cell("", page_number, None, spanned=True)
    inside = [p[3] for p in _within(band, bbox)]
    text = join_lines(_mark_full_lines(group_lines(inside), bbox))
    return Cell(text, page_number, tuple(round(v, 2) for v in bbox), spanned=False)


def _mark_full_lines(lines: list[list[dict]], bbox: BBox) -> list[str]:
    """Lines of a cell; one that is a single word (or email or URL piece) filling the cell's
    inner width (the cell less its smallest left margin on both sides) so that the next
    line's first character would not have fitted ends in ``FULL_LINE``: the layout may have
    cut a word there ("Immedi" / "ately", "sumaiya.sa" / "vingsbirol@yahoo.com");
    ``join_lines`` and ``WordCuts`` decide."""
    boxes = [line_bbox(line) for line in lines]
    margin = min((box[0] - bbox[0] for box in boxes), default=0.0)
    right = bbox[2] - margin
    texts = [line_text(line) for line in lines]
    for i, (text, box) in enumerate(zip(texts[:-1], boxes)):
        first = min(lines[i + 1], key=itemgetter("x0"))
        if ONE_TOKEN.fullmatch(text.strip()) and right - box[2] < first["x1"] - first["x0"]:
            texts[i] = text.strip() + FULL_LINE
    return texts


# --------------------------------------------------------------------------
# Debugging
# --------------------------------------------------------------------------

def debug_image(path: Path, page_number: int, out_png: Path) -> Path:
    """Save the table finder's view of one page as a PNG: the ruled grid with its
    edges and cells, or else the cells of the tables read from word alignment."""
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[page_number - 1]
        parse_page(page)
        settings = table_settings(page)
        image = page.to_image(resolution=100)
        if page.find_tables(settings):
            image.debug_tablefinder(settings)
        else:
            boxes = [c.bbox for table, _ in unruled_tables(page.chars, page_number)
                     for row in table.rows for c in row.cells if c.bbox]
            image.draw_rects(boxes)
        image.save(out_png)
    return Path(out_png)

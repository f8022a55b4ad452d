"""OCR for PDF pages whose text cannot be read: scans and wrongly mapped glyphs.

The page is rendered by pdfplumber (pypdfium2) and read by the ``tesseract``
binary with its Bengali and English models. The table grid comes from the
PDF's own ruling lines when it has them, else from the long dark runs seen in
the image; pdfplumber's table finder turns either set of rules into cells, so
merged cells come out as in the text reader. Each cell is recognised on its
own (a whole-page pass runs words across column rules); text outside the
tables is recognised on the page with the tables blanked.

OCR is optional: ``available()`` says whether it can run here.
"""
from __future__ import annotations

import csv
import functools
import io
import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from statistics import fmean
from typing import Iterable, Optional

import numpy as np
from PIL import Image, ImageDraw
from pdfplumber.page import Page
from pdfplumber.table import Table as FoundTable

from .lexicon import BENGALI_DIGITS
from .model import BBox, Block, Cell, Line, Table
from .readers.pdftext import join_lines

LANGUAGES = "ben+eng"
INSTALL_HINT = "install tesseract-ocr and tesseract-ocr-ben to read it"
RESOLUTION = 300
SCALE = RESOLUTION / 72                  # image pixels per PDF point
INK = 128                                # gray level under which a pixel is ink
# Rules are longer than any glyph stroke or Bengali headline (matra) of body text.
MIN_RULE = RESOLUTION // 2
CELL_INSET = 0.5                         # points trimmed off each cell side before its rules
RULE_SHARE = 0.85                        # an edge row of a crop with more ink than this is a rule
RULE_BAND = round(3 * SCALE)             # pixels from a crop's side where its rules may lie
FAINT_INK = 200                          # gray level under which a pixel may be a rule's blurred edge
MIN_INK = 20                             # ink pixels under which a crop is empty (a dash has more)
NUMERALS = BENGALI_DIGITS
NUMERAL_DPI = 100                        # lone numerals read best small (measured, 10 of 10)
NUMERAL_HEIGHT = RESOLUTION // 4         # pixels: taller ink is more than one line
NUMERAL_ASPECT = 2.5                     # up to three digits
OCR_MAX_DPI = 150                        # see ocr_resolution
OCR_MIN_DPI = 100
PAD = 12                                 # white pixels around a crop: tesseract wants a margin
TIMEOUT = 120
WORKERS = os.cpu_count() or 1


@dataclass
class Word:
    text: str
    confidence: float
    box: tuple[int, int, int, int]       # pixels: left, top, right, bottom
    line: tuple[int, int, int]           # tesseract's block, paragraph, line numbers


@functools.lru_cache(maxsize=1)
def available() -> bool:
    """True when the tesseract binary and its Bengali model are installed."""
    binary = shutil.which("tesseract")
    if not binary:
        return False
    try:
        listed = subprocess.run([binary, "--list-langs"], capture_output=True, text=True,
                                timeout=TIMEOUT).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return "ben" in listed.split()


@dataclass
class PageImage:
    """A rendered page and what is needed to map its pixels back to the PDF."""
    image: Image.Image                   # gray, at RESOLUTION
    number: int
    bbox: BBox                           # the page's box in PDF points
    ocr_scale: float                     # resize factor of crops handed to tesseract

    def pixels(self, box: BBox) -> tuple[int, int, int, int]:
        x0, y0 = self.bbox[0], self.bbox[1]
        return (round((box[0] - x0) * SCALE), round((box[1] - y0) * SCALE),
                round((box[2] - x0) * SCALE), round((box[3] - y0) * SCALE))

    def points(self, box: tuple[int, int, int, int]) -> BBox:
        x0, y0 = self.bbox[0], self.bbox[1]
        return (round(x0 + box[0] / SCALE, 2), round(y0 + box[1] / SCALE, 2),
                round(x0 + box[2] / SCALE, 2), round(y0 + box[3] / SCALE, 2))


def render(page: Page) -> PageImage:
    image = page.to_image(resolution=RESOLUTION).original.convert("L")
    return PageImage(image, page.page_number, page.bbox, ocr_resolution(page) / RESOLUTION)


def ocr_resolution(page: Page) -> float:
    """The resolution at which tesseract reads this page best (measured).

    Its Bengali model reads 9-12 pt text best near 150 dpi (cell CER 3.7%
    against 5.0% at 300 dpi, 200 dpi scan); a coarser scan blown up to that is
    blurred and reads better nearer its own resolution (60 dpi scan: CER 24%
    at 100 dpi, 51% at 150 dpi). A scan's resolution is that of the page's
    largest image.
    """
    if not page.images:
        return OCR_MAX_DPI
    scan = max(page.images, key=lambda image: image["width"] * image["height"])
    native = scan["srcsize"][0] / (scan["width"] / 72) if scan["width"] else OCR_MAX_DPI
    return min(OCR_MAX_DPI, max(OCR_MIN_DPI, native))


def page_confidence(blocks: list[Block]) -> Optional[float]:
    """Mean of the cell and line confidences (each itself a mean over words)."""
    cells = [c for b in blocks if isinstance(b, Table) for r in b.rows for c in r.cells]
    scores = [c.confidence for c in cells if c.confidence is not None]
    scores += [b.confidence for b in blocks if isinstance(b, Line) and b.confidence is not None]
    return round(fmean(scores), 1) if scores else None


# --------------------------------------------------------------------------
# Table grid
# --------------------------------------------------------------------------

def image_tables(page: Page, scan: PageImage) -> list[FoundTable]:
    """Tables whose rules are seen in the page image (pdfplumber's finder on explicit lines)."""
    horizontal, vertical = image_rules(np.asarray(scan.image) < INK, page.bbox)
    if len(horizontal) < 2 or len(vertical) < 2:
        return []
    return page.find_tables({"vertical_strategy": "explicit", "horizontal_strategy": "explicit",
                             "explicit_vertical_lines": vertical,
                             "explicit_horizontal_lines": horizontal})


def image_rules(ink: np.ndarray, page_bbox: BBox) -> tuple[list[dict], list[dict]]:
    """Horizontal and vertical rules of an ink mask, as pdfplumber line objects in points."""
    x_off, y_off = page_bbox[0], page_bbox[1]
    horizontal = [_line(x_off + x0 / SCALE, y_off + y / SCALE, x_off + x1 / SCALE, y_off + y / SCALE)
                  for y, x0, x1 in rule_segments(ink)]
    vertical = [_line(x_off + x / SCALE, y_off + y0 / SCALE, x_off + x / SCALE, y_off + y1 / SCALE)
                for x, y0, y1 in rule_segments(ink.T)]
    return horizontal, vertical


def rule_segments(ink: np.ndarray) -> list[tuple[float, int, int]]:
    """Rows of long ink runs (a rule and its thickness), as (centre row, start, end)."""
    rows, starts, ends = runs(ink)
    long = ends - starts >= MIN_RULE
    on_rule = np.zeros_like(ink)
    for row, start, end in zip(rows[long], starts[long], ends[long]):
        on_rule[row, start:end] = True
    segments = []
    for top, bottom in spans(on_rule.any(axis=1)):
        _, x0s, x1s = runs(on_rule[top:bottom].any(axis=0)[np.newaxis, :])
        segments += [((top + bottom - 1) / 2, int(x0), int(x1)) for x0, x1 in zip(x0s, x1s)]
    return segments


def runs(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every run of True along each row: row index, start, end (exclusive)."""
    step = np.diff(np.pad(mask, ((0, 0), (1, 1))).astype(np.int8), axis=1)
    rows, starts = np.nonzero(step == 1)
    _, ends = np.nonzero(step == -1)
    return rows, starts, ends


def spans(flags: np.ndarray) -> list[tuple[int, int]]:
    _, starts, ends = runs(flags[np.newaxis, :])
    return list(zip(starts.tolist(), ends.tolist()))


def _line(x0: float, top: float, x1: float, bottom: float) -> dict:
    return {"object_type": "line", "x0": x0, "x1": x1, "top": top, "bottom": bottom,
            "width": x1 - x0, "height": bottom - top}


# --------------------------------------------------------------------------
# Cells and lines
# --------------------------------------------------------------------------

def read_cells(scan: PageImage, found: FoundTable) -> list[list[Cell]]:
    """Every cell of a grid recognised on its own, row by row."""
    boxes = [bbox for row in found.rows for bbox in row.cells]
    with ThreadPoolExecutor(WORKERS) as pool:
        cells = iter(pool.map(lambda bbox: read_cell(scan, bbox), boxes))
    return [[next(cells) for _ in row.cells] for row in found.rows]


def read_cell(scan: PageImage, bbox: Optional[BBox]) -> Cell:
    if bbox is None:  # covered by a merged cell above or to the left
        return Cell("", scan.number, None, spanned=True)
    inner = (bbox[0] + CELL_INSET, bbox[1] + CELL_INSET, bbox[2] - CELL_INSET, bbox[3] - CELL_INSET)
    crop = ink_only(strip_rules(scan.image.crop(scan.pixels(inner))))
    words = recognise(crop, 6, scan.ocr_scale) if crop else []
    if crop and numeral_sized(crop):
        numeral = recognise(crop, 7, NUMERAL_DPI / RESOLUTION, "ben", NUMERALS)
        if numeral and (not bengali(text_of(words))
                        or confidence_of(numeral) >= (confidence_of(words) or 0)):
            words = numeral
    box = tuple(round(v, 2) for v in bbox)
    return Cell(text_of(words), scan.number, box, spanned=False, confidence=confidence_of(words))


def numeral_sized(crop: Image.Image) -> bool:
    """Ink of one line no wider than a few glyphs: a serial or a column number.

    Alone in a cell, such numerals are what tesseract reads worst (২ as 2 or
    চে, ৫ as G, ৭ as q); a second pass that may only answer Bengali digits
    is kept when the first read no Bengali or was no more confident.
    """
    return crop.height <= NUMERAL_HEIGHT and crop.width <= NUMERAL_ASPECT * crop.height


def read_lines(scan: PageImage) -> list[Line]:
    """Running text: tesseract's lines of the page (tables blanked out beforehand)."""
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for word in recognise(scan.image, 4, scan.ocr_scale):
        lines.setdefault(word.line, []).append(word)
    out = []
    for words in lines.values():
        text = text_of(words)
        if text:
            out.append(Line(text, scan.number, scan.points(_union(w.box for w in words)),
                            confidence_of(words)))
    return out


def blank(scan: PageImage, boxes: list[BBox]) -> PageImage:
    """A copy of the page with the given areas (and their rules) painted white."""
    image = scan.image.copy()
    draw = ImageDraw.Draw(image)
    for bbox in boxes:
        grown = (bbox[0] - CELL_INSET, bbox[1] - CELL_INSET, bbox[2] + CELL_INSET, bbox[3] + CELL_INSET)
        draw.rectangle(scan.pixels(grown), fill=255)
    return replace(scan, image=image)


def strip_rules(crop: Image.Image) -> Image.Image:
    """The crop less the rules (of whatever thickness) along its four sides.

    A fixed inset wide enough for a thick scanned rule would clip the vowel
    signs that rise above the headline of a cell's first line; a rule found
    in the image may also sit a few pixels inside the cell box.
    """
    ink = np.asarray(crop) < FAINT_INK
    top, bottom = _rule_margins(ink.mean(axis=1))
    left, right = _rule_margins(ink[top:bottom].mean(axis=0))
    return crop.crop((left, top, right, bottom))


def _rule_margins(share: np.ndarray) -> tuple[int, int]:
    """Start and end of a profile once rule lines near either end are cut off."""
    band = min(RULE_BAND, len(share) // 2)
    head = np.flatnonzero(share[:band] > RULE_SHARE)
    tail = np.flatnonzero(share[::-1][:band] > RULE_SHARE)
    return (int(head[-1]) + 1 if head.size else 0,
            len(share) - (int(tail[-1]) + 1 if tail.size else 0))


def bengali(text: str) -> bool:
    return any("\u0980" <= ch <= "\u09ff" for ch in text)


def ink_only(crop: Image.Image) -> Optional[Image.Image]:
    """The crop cut to its ink, or None when it holds too little ink to be text."""
    ink = np.asarray(crop) < INK
    if ink.sum() < MIN_INK:
        return None
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    return crop.crop((int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1))


def text_of(words: list[Word]) -> str:
    """Words joined line by line: NFC, single spaces, wrapped words rejoined."""
    lines: dict[tuple[int, int, int], list[str]] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word.text)
    return join_lines(" ".join(texts) for texts in lines.values())


def confidence_of(words: list[Word]) -> Optional[float]:
    return round(fmean(w.confidence for w in words), 1) if words else None


def _union(boxes: Iterable[tuple[int, int, int, int]]) -> tuple[int, int, int, int]:
    boxes = list(boxes)
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))


# --------------------------------------------------------------------------
# Tesseract
# --------------------------------------------------------------------------

def recognise(image: Image.Image, psm: int, scale: float, languages: str = LANGUAGES,
              only: str = "") -> list[Word]:
    """Tesseract's words on an image resized by ``scale`` (boxes in the image's pixels).

    ``only``: the characters tesseract may answer, when not all.
    """
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    resized = image.resize(size, Image.LANCZOS)
    framed = Image.new("L", (size[0] + 2 * PAD, size[1] + 2 * PAD), 255)
    framed.paste(resized, (PAD, PAD))
    png = io.BytesIO()
    framed.save(png, "PNG")
    # One thread per process: cells are recognised in parallel already.
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    options = ["-c", f"tessedit_char_whitelist={only}"] if only else []
    result = subprocess.run(["tesseract", "stdin", "stdout", "-l", languages, "--psm", str(psm),
                             *options, "tsv"],
                            input=png.getvalue(), capture_output=True, env=env, timeout=TIMEOUT,
                            check=True)
    return parse_tsv(result.stdout.decode("utf-8"), scale)


def parse_tsv(tsv: str, scale: float) -> list[Word]:
    words = []
    for record in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (record.get("text") or "").strip()
        if record["level"] != "5" or not text:
            continue
        left, top = int(record["left"]) - PAD, int(record["top"]) - PAD
        right, bottom = left + int(record["width"]), top + int(record["height"])
        box = (round(left / scale), round(top / scale), round(right / scale), round(bottom / scale))
        line = (int(record["block_num"]), int(record["par_num"]), int(record["line_num"]))
        words.append(Word(text, float(record["conf"]), box, line))
    return words

"""The fast backend: PDFium (pypdfium2) parses the page in C++; this module only reads its objects.

Characters, as the reference backend makes them: the objects of the page in
content-stream order (PDFium's text page sorts each line by x and drops a text
object drawn twice, so it only supplies each glyph's text and position); the
glyphs of one ``/ActualText`` span (PDFium shares one mark between the objects
of a sequence) become one char carrying that text; boxes as pdfminer draws them,
the advance wide and one font size high from the font's descent. PDFium reads
ActualText itself only when the font can encode one of its characters, and then
boxes the whole span by its first object: both are why the span is taken from
the marks here. The mark's string value comes back UTF-8-decoded from a UTF-16
PDF string, so its raw bytes are decoded (pdfminer's ``decode_text``).

Rules: each path object's segments, in the shape pdfminer gives them (a closing
segment back to the start is its ``h``), classified by pdfminer's own rules
into lines, rects and curves and turned into edges by pdfplumber's.

A page this module does not model (rotated, or a media box not at the origin,
or a crop box other than the media box) and a document PDFium cannot open are
read by the reference backend, page or document.
"""
from __future__ import annotations

import ctypes
import functools
import gc
import math
import re
from collections import Counter
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Iterable, Iterator, Optional

import pypdfium2 as pdfium
import pypdfium2.raw as raw
from pdfminer.utils import decode_text
from pdfplumber.utils import obj_to_edges

from .base import PageContent, PdfBackend, PdfDocument
from .plumber import PlumberDocument, open_pdf, page_content

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
# PDFium's own threshold for a text object too narrow to read (kSizeEpsilon).
INKLESS = 0.01
# A space glyph advances a fifth to a third of the font size; an empty string not at all.
SPACE_ADVANCE = 0.1
# Font metrics are read at this size and scaled (PDFium's are linear in it).
METRIC_SIZE = 1000.0


def _multiply(m: Matrix, n: Matrix) -> Matrix:
    """m then n (PDF row-vector convention)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2,
            e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _by_address(function: Any, outputs: bool = False) -> Any:
    """A PDFium function that takes and returns its handles as plain addresses (ints), and
    with ``outputs`` its out-parameters too (an address into an array: see ``_bulk_floats``).

    pypdfium2's bindings wrap each handle in a ctypes pointer object, both ways; a page
    makes thousands of calls, and the wrapping cost more than many of the calls did.
    An address is also the handle's identity (PDFium keeps one object per font or mark).
    """
    def plain(kind: Any) -> Any:
        name = getattr(kind, "__name__", "")
        return ctypes.c_void_p if name.startswith("LP_struct_fpdf_" if not outputs else "LP_") else kind
    prototype = ctypes.CFUNCTYPE(plain(function.restype), *map(plain, function.argtypes))
    return prototype(ctypes.cast(function, ctypes.c_void_p).value)


def _handle(pointer: Any) -> int:
    return ctypes.cast(pointer, ctypes.c_void_p).value


C = SimpleNamespace(**{name: _by_address(getattr(raw, name)) for name in (
    "FPDFPage_CountObjects", "FPDFPage_GetObject", "FPDFPageObj_GetType", "FPDFFormObj_CountObjects",
    "FPDFFormObj_GetObject", "FPDFPageObj_GetMatrix", "FPDFPageObj_GetBounds", "FPDFPageObj_CountMarks",
    "FPDFPageObj_GetMark", "FPDFPageObjMark_GetParamBlobValue", "FPDFPath_CountSegments",
    "FPDFPath_GetPathSegment", "FPDFPathSegment_GetPoint", "FPDFPathSegment_GetType", "FPDFPathSegment_GetClose",
    "FPDFTextObj_GetFontSize", "FPDFTextObj_GetFont", "FPDFFont_GetBaseFontName", "FPDFFont_GetDescent",
    "FPDFFont_GetGlyphWidth", "FPDFText_CountChars", "FPDFText_GetTextObject", "FPDFText_IsGenerated",
    "FPDFText_GetLooseCharBox", "FPDFText_GetUnicode", "FPDFText_HasUnicodeMapError")})
# The same, out-parameters by address: mapped over all of a page's objects or chars at once.
B = SimpleNamespace(**{name: _by_address(getattr(raw, name), outputs=True) for name in (
    "FPDFPageObj_GetMatrix", "FPDFTextObj_GetFontSize", "FPDFText_GetLooseCharBox")})


# Out-parameters, reused: a page makes thousands of calls, and a process reads one page at a time.
_MATRIX = raw.FS_MATRIX()
_BOUNDS = tuple(ctypes.c_float() for _ in range(4))


def _matrix(obj: Any) -> Matrix:
    C.FPDFPageObj_GetMatrix(obj, _MATRIX)
    m = _MATRIX
    return (m.a, m.b, m.c, m.d, m.e, m.f)


# --------------------------------------------------------------------------
# Objects in content-stream order
# --------------------------------------------------------------------------

class PageObjects:
    """A page's text objects (with their matrix to page space), rule objects and images."""

    def __init__(self, page: Any):
        self.texts: list[tuple[Any, Matrix]] = []
        self.edges: list[dict] = []
        self.has_images = False
        self.height = 0.0
        self.page = page

    def walk(self, height: float) -> "PageObjects":
        self.height = height
        count = C.FPDFPage_CountObjects(self.page)
        self._walk(list(map(C.FPDFPage_GetObject, [self.page] * count, range(count))), IDENTITY)
        return self

    def _walk(self, objects: list[int], outer: Matrix) -> None:
        text, path, image, form = (raw.FPDF_PAGEOBJ_TEXT, raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_IMAGE,
                                   raw.FPDF_PAGEOBJ_FORM)
        texts = self.texts
        for obj, kind in zip(objects, map(C.FPDFPageObj_GetType, objects)):
            if kind == text:
                texts.append((obj, outer))
            elif kind == path:
                self.edges += path_edges(obj, _multiply(_matrix(obj), outer), self.height)
            elif kind == image:
                self.has_images = True
            elif kind == form:
                count = C.FPDFFormObj_CountObjects(obj)
                self._walk(list(map(C.FPDFFormObj_GetObject, [obj] * count, range(count))),
                           _multiply(_matrix(obj), outer))


# --------------------------------------------------------------------------
# Rules
# --------------------------------------------------------------------------

def path_ops(obj: Any, matrix: Matrix) -> list[tuple[str, tuple[float, float]]]:
    """The path as pdfminer's (operator, end point) list, in page space (y up)."""
    ops: list[tuple[str, tuple[float, float]]] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    start = None
    bezier = 0
    for i in range(C.FPDFPath_CountSegments(obj)):
        segment = C.FPDFPath_GetPathSegment(obj, i)
        C.FPDFPathSegment_GetPoint(segment, x, y)
        point = _apply(matrix, x.value, y.value)
        kind = C.FPDFPathSegment_GetType(segment)
        if kind == raw.FPDF_SEGMENT_MOVETO:
            start = point
            ops.append(("m", point))
        elif kind == raw.FPDF_SEGMENT_BEZIERTO:
            bezier += 1     # PDFium stores a curve as its three points; pdfminer keeps the end one
            if bezier % 3 == 0:
                ops.append(("c", point))
        elif C.FPDFPathSegment_GetClose(segment) and point == start:
            ops.append(("h", point))
            continue
        else:
            ops.append(("l", point))
        if C.FPDFPathSegment_GetClose(segment):
            ops.append(("h", start))
    return ops


def path_edges(obj: Any, matrix: Matrix, height: float) -> list[dict]:
    ops = path_ops(obj, matrix)
    shape = "".join(op for op, _ in ops)
    if shape.count("m") > 1:
        return [e for m in re.finditer(r"m[^m]+", shape)
                for e in shape_edges(shape[m.start():m.end()], [p for _, p in ops[m.start():m.end()]], height)]
    if shape[:1] != "m":
        return []
    return shape_edges(shape, [p for _, p in ops], height)


def shape_edges(shape: str, pts: list[tuple[float, float]], height: float) -> list[dict]:
    """pdfminer's ``paint_path`` classification, then pdfplumber's objects and edges."""
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts = pts[:-1]
    if shape in ("mlh", "ml"):
        return obj_to_edges(_plumber_object("line", pts[:2], height))
    if shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        if pts[0] == pts[4] and square:
            return obj_to_edges(_plumber_object("rect", [pts[0], pts[2]], height))
    return obj_to_edges(_plumber_object("curve", pts, height))


def _plumber_object(kind: str, pts: list[tuple[float, float]], height: float) -> dict:
    x0, x1 = min(p[0] for p in pts), max(p[0] for p in pts)
    y0, y1 = min(p[1] for p in pts), max(p[1] for p in pts)
    obj = {"object_type": kind, "x0": x0, "x1": x1, "y0": y0, "y1": y1, "width": x1 - x0, "height": y1 - y0,
           "top": height - y1, "bottom": height - y0, "doctop": height - y1}
    if kind == "curve":
        obj["pts"] = [(x, height - y) for x, y in pts]
    return obj


# --------------------------------------------------------------------------
# Characters
# --------------------------------------------------------------------------

_BLOB = (ctypes.c_ubyte * 1024)()     # an ActualText is a cluster or a word: one call reads it
_BLOB_SIZE = ctypes.c_ulong()


def actual_text(mark: int) -> Optional[str]:
    """The mark's /ActualText, or None."""
    if not C.FPDFPageObjMark_GetParamBlobValue(mark, b"ActualText", _BLOB, len(_BLOB), _BLOB_SIZE):
        return None
    size = _BLOB_SIZE.value
    if size <= len(_BLOB):      # PDFium copies the value only into a buffer that holds it
        return decode_text(ctypes.string_at(_BLOB, size))
    buffer = (ctypes.c_ubyte * size)()
    C.FPDFPageObjMark_GetParamBlobValue(mark, b"ActualText", buffer, size, _BLOB_SIZE)
    return decode_text(bytes(buffer))


@functools.lru_cache(maxsize=256)
def font_metrics(font: int) -> tuple[str, float, float]:
    """A font's name, and its descent and space width per point of size.

    Keyed by address: PDFium loads each font of a document once, so its text
    objects share the handle, and a document's fonts live until it is closed
    (the cache is cleared then, see ``PdfiumDocument.close``).
    """
    length = C.FPDFFont_GetBaseFontName(font, None, 0)
    name = ctypes.create_string_buffer(length)
    C.FPDFFont_GetBaseFontName(font, name, length)
    descent, width = ctypes.c_float(), ctypes.c_float()
    C.FPDFFont_GetDescent(font, ctypes.c_float(METRIC_SIZE), descent)
    C.FPDFFont_GetGlyphWidth(font, ord(" "), ctypes.c_float(METRIC_SIZE), width)
    return name.value.decode("utf-8", "replace"), descent.value / METRIC_SIZE, width.value / METRIC_SIZE


def _bulk_floats(function: Any, width: int, *args: Any) -> list[float]:
    """``function(*args_k, out_k)`` for every k, each filling ``width`` floats of one array: the
    calls are mapped in C (no Python frame per call), the floats read back in one slice."""
    count = len(args[-1])
    out = (ctypes.c_float * (width * count))()
    base, step = ctypes.addressof(out), 4 * width
    for _ in map(function, *args, range(base, base + step * count, step)):
        pass
    return out[:]


def object_bounds(obj: Any, outer: Matrix, origin: float) -> tuple[float, float]:
    """The object's left end (its origin, where pdfminer starts its first glyph) and right end."""
    left, bottom, right, top = _BOUNDS
    C.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
    if outer == IDENTITY:      # not inside a form: the bounds are in page space already
        return origin, max(right.value, origin)
    xs = [_apply(outer, x, y)[0] for x in (left.value, right.value) for y in (bottom.value, top.value)]
    return origin, max(xs + [origin])


def chars_by_object(textpage: int) -> "CharIndex":
    count = C.FPDFText_CountChars(textpage)
    return CharIndex(list(map(C.FPDFText_GetTextObject, [textpage] * count, range(count))))


class CharIndex:
    """Each text object's char indices, in order, from the text object of every char.

    A page's text page has two to three chars per char this backend makes (the glyphs of an
    ActualText span are all there), so the index is built by passes that run in C: the
    first and last index of each object and its count; an object whose chars follow one
    another (nearly all) is that range, any other is looked for between its ends.
    """

    def __init__(self, objects: list[Optional[int]]):
        self.objects = objects
        self.last = dict(zip(objects, range(len(objects))))
        self.first = dict(zip(reversed(objects), range(len(objects) - 1, -1, -1)))
        self.counts = Counter(objects)

    def get(self, address: int) -> Optional[range | list[int]]:
        """The object's char indices (None when the text page has none: generated spaces and
        line breaks have no object, so None is never one)."""
        first = None if address is None else self.first.get(address)
        if first is None:
            return None
        last = self.last[address]
        if last - first + 1 == self.counts[address]:
            return range(first, last + 1)
        objects = self.objects
        return [i for i in range(first, last + 1) if objects[i] == address]


# PDFium hands a hyphen that ends a line back as this control code.
LINE_END_HYPHEN = 0x02
# The characters PDFium generates (a word gap, a line end) are these: only they are asked about.
GENERATED = {ord(" "), ord("\r"), ord("\n")}


class Chars:
    """The page's chars, built object by object in content-stream order.

    Where this differs from pdfminer (measured on every committed PDF): a space
    glyph that a string draws after a wide gap is replaced in PDFium's text page
    by a gap space of its own, which is skipped, so the space is lost (the words
    still part when the gap is wider than the reader's space rule); and a web
    font's space glyph that pdfminer reads as nothing comes out here as a space.

    Each object's matrix, font size, font and mark count are read for all of the
    page's text objects at once (``_bulk_floats``); what a char shares with its
    object (size, font name, top, bottom) is worked out once an object.
    """

    def __init__(self, textpage: int, height: float):
        self.textpage = textpage
        self.by_object = chars_by_object(textpage)
        self.height = height
        self.chars: list[dict] = []
        self.span_mark: Optional[int] = None
        self.space: Optional[tuple[dict, float]] = None
        self.marks: dict[int, Optional[str]] = {}      # mark address -> its ActualText

    def add_all(self, texts: list[tuple[int, Matrix]]) -> None:
        objs = [obj for obj, _ in texts]
        matrices = _bulk_floats(B.FPDFPageObj_GetMatrix, 6, objs)
        sizes = _bulk_floats(B.FPDFTextObj_GetFontSize, 1, objs)
        fonts = list(map(C.FPDFTextObj_GetFont, objs))
        spans = [self._span(obj, count) if count else None
                 for obj, count in zip(objs, map(C.FPDFPageObj_CountMarks, objs))]
        # The glyphs of the objects outside spans, read for all of them at once.
        glyphs = [None if span else self.by_object.get(obj) for obj, span in zip(objs, spans)]
        self._read_glyphs([i for indices in glyphs if indices for i in indices])
        height = self.height
        for k, (obj, outer) in enumerate(texts):
            placed = _multiply(tuple(matrices[6 * k:6 * k + 6]), outer)
            # pdfminer's char size: the font size through the matrix's vertical scale
            size = sizes[k] * math.hypot(placed[2], placed[3])
            baseline = placed[5]
            fontname, descent, space = font_metrics(fonts[k])
            bottom = baseline + descent * size
            top_y, bottom_y = height - (bottom + size), height - bottom
            span = spans[k]
            if span:
                self._add_span(object_bounds(obj, outer, placed[4]), span, top_y, bottom_y, size, fontname,
                               baseline)
                continue
            self.span_mark = None
            indices = glyphs[k]
            if indices:
                self._add_glyphs(len(indices), top_y, bottom_y, size, fontname, baseline)
            else:
                x0, x1 = object_bounds(obj, outer, placed[4])
                # The text page leaves out a text object without ink (its box has no width): a
                # space glyph drawn on its own, as Chromium draws each glyph, or an empty string.
                # Which one only the next glyph tells. (The other object it leaves out is one drawn
                # again over the previous, a fake bold, which pdfminer keeps and this does not.)
                space_width = space * size
                if x1 - x0 < INKLESS and space_width > 0:
                    self.space = ({"text": " ", "x0": x0, "x1": x0 + space_width, "top": top_y,
                                   "bottom": bottom_y, "size": size, "fontname": fontname}, baseline)

    def _read_glyphs(self, indices: list[int]) -> None:
        """Code, loose box (left, right) and text of each of these chars, in their order; the
        characters PDFium generated among them are left out (``None``)."""
        textpage, count = self.textpage, len(indices)
        pages = [textpage] * count
        codes = list(map(C.FPDFText_GetUnicode, pages, indices))
        unmapped = list(map(C.FPDFText_HasUnicodeMapError, pages, indices))
        boxes = _bulk_floats(B.FPDFText_GetLooseCharBox, 4, pages, indices)    # left, top, right, bottom
        self.glyphs: list[Optional[tuple[str, float, float]]] = [
            None if code in GENERATED and C.FPDFText_IsGenerated(textpage, i) == 1     # PDFium's word gap
            else (f"(cid:{code})" if error else "-" if code == LINE_END_HYPHEN else chr(code),   # as pdfminer
                  boxes[4 * n], boxes[4 * n + 2])
            for n, (i, code, error) in enumerate(zip(indices, codes, unmapped))]
        self.next_glyph = 0

    def _span(self, obj: int, count: int) -> Optional[tuple[int, str]]:
        """(mark identity, text) of the innermost marked-content span with /ActualText."""
        for k in range(count - 1, -1, -1):
            address = C.FPDFPageObj_GetMark(obj, k)
            if address not in self.marks:      # the objects of a sequence share its mark
                self.marks[address] = actual_text(address)
            if self.marks[address] is not None:
                return address, self.marks[address]
        return None

    def _flush_space(self, x0: float, baseline: float) -> None:
        """The held space glyph goes in before a char that starts at ``x0`` on ``baseline``."""
        (space, space_baseline), self.space = self.space, None
        gap = x0 - space["x0"]
        # An object drawn at the very place where the next glyph of its line
        # starts advanced by nothing: no space. A space's box is its advance.
        if abs(space_baseline - baseline) >= 0.5 or gap < 0:
            self.chars.append(space)
        elif gap > SPACE_ADVANCE * space["size"]:
            self.chars.append({**space, "x1": x0})

    def _add_span(self, bounds: tuple[float, float], span: tuple[int, str], top: float, bottom: float,
                  size: float, fontname: str, baseline: float) -> None:
        x0, x1 = bounds
        if span[0] == self.span_mark and self.chars:     # the span goes on: its char grows
            last = self.chars[-1]
            last["x0"], last["x1"] = min(last["x0"], x0), max(last["x1"], x1)
            last["top"] = min(last["top"], top)
            last["bottom"] = max(last["bottom"], bottom)
        else:
            if self.space:
                self._flush_space(x0, baseline)
            self.chars.append({"text": span[1], "x0": x0, "x1": x1, "top": top, "bottom": bottom, "size": size,
                               "fontname": fontname})
        self.span_mark = span[0]

    def _add_glyphs(self, count: int, top: float, bottom: float, size: float, fontname: str,
                    baseline: float) -> None:
        """The object's ``count`` glyphs, the next ones read."""
        boxes: list[list] = []
        start = self.next_glyph
        self.next_glyph += count
        for glyph in self.glyphs[start:start + count]:
            if glyph is None:
                continue
            text, left, right = glyph
            if boxes and boxes[-1][1] == left and boxes[-1][2] == right:   # one glyph, several characters (প্র)
                boxes[-1][0] += text
            else:
                boxes.append([text, left, right])
        if self.space and boxes:
            self._flush_space(boxes[0][1], baseline)
        append = self.chars.append
        for k, (text, left, right) in enumerate(boxes, 1):
            # pdfminer's box is the glyph's advance, which ends where the next glyph
            # starts unless the string moved it on; PDFium's width is the ink's for a
            # mark drawn with no advance.
            following = boxes[k][1] if k < len(boxes) else None
            end = min(right, following) if following is not None and following >= left else right
            append({"text": text, "x0": left, "x1": end, "top": top, "bottom": bottom, "size": size,
                    "fontname": fontname})


def page_chars(objects: PageObjects, textpage: Any) -> list[dict]:
    chars = Chars(textpage, objects.height)
    chars.add_all(objects.texts)
    if chars.space:     # the page ends with it
        chars.chars.append(chars.space[0])
    return chars.chars


# --------------------------------------------------------------------------
# Documents
# --------------------------------------------------------------------------

def modelled(page: pdfium.PdfPage) -> bool:
    media = page.get_mediabox()
    return page.get_rotation() == 0 and media[:2] == (0, 0) and page.get_cropbox() == media


class PdfiumDocument(PdfDocument):
    def __init__(self, path: Path):
        self.path = path
        self.pdf = pdfium.PdfDocument(str(path))
        self.page_count = len(self.pdf)
        self._reference = None

    def reference_page(self, number: int):
        if self._reference is None:
            self._reference = open_pdf(self.path)
        return self._reference.pages[number - 1]

    def pages(self) -> Iterator[PageContent]:
        for index in range(self.page_count):
            page = self.pdf[index]
            try:
                if not modelled(page):
                    yield page_content(self.reference_page(index + 1))
                    continue
                yield self.content(page, index + 1)
            finally:
                page.close()

    def content(self, page: pdfium.PdfPage, number: int) -> PageContent:
        width, height = page.get_size()
        textpage = page.get_textpage()
        # A page makes a dict per char and edge, none of them in a cycle: the collector's
        # passes over them while they are made found nothing and cost a tenth of the page.
        collecting = gc.isenabled()
        gc.disable()
        try:
            objects = PageObjects(_handle(page.raw)).walk(height)
            chars = page_chars(objects, _handle(textpage.raw))
        finally:
            if collecting:
                gc.enable()
            textpage.close()
        return PageContent(number, (0, 0, width, height), chars, objects.edges, objects.has_images,
                           lambda: self.reference_page(number))

    def close(self) -> None:
        font_metrics.cache_clear()     # its keys are addresses of this document's fonts
        self.pdf.close()
        if self._reference is not None:
            self._reference.close()


class PdfiumBackend(PdfBackend):
    name = "pdfium"

    def open(self, path: Path) -> PdfDocument:
        try:
            return PdfiumDocument(path)
        except pdfium.PdfiumError:
            # The reference opens what it can and names the reason for what it cannot.
            return PlumberDocument(path)

"""Word files (.docx): paragraphs and tables of the document body, in order.

Merged cells come out as a full grid: a horizontal merge (``gridSpan``) keeps
its text at the first position, a vertical merge (``vMerge``) at the restart
row, and every covered position is ``spanned``. A table around a table at
least its own size only arranges the page: its paragraphs become lines and its
inner tables are read as tables; a smaller table inside a cell is read as part
of that cell's text.

Word files have pages only where a break was saved: an explicit page break
(``w:br w:type="page"``) or the break Word rendered on the last save
(``w:lastRenderedPageBreak``). Word writes the rendered break again right after
an explicit one, and once per cell of a row pushed to a new page, so a
rendered break only counts when text came after the previous break.
"""
from __future__ import annotations

import dataclasses
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import docx
import docx.opc.exceptions
import lxml.etree

from ..lexicon import clean, clean_lines
from ..model import Block, Cell, Line, RawDocument, Row, Table
from .base import Reader, ReadError, file_sha256

ZIP_MAGIC = b"PK\x03\x04"
DOCUMENT_PART = "word/document.xml"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Subtrees whose text is not in the document as shown: the fallback copy of a
# text box (it repeats the choice) and tracked moves away.
SKIPPED = {"{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback",
           _W + "moveFrom", _W + "del"}
P, TBL, TR, TC, SDT, SDT_CONTENT = (_W + t for t in ("p", "tbl", "tr", "tc", "sdt", "sdtContent"))
VAL, TYPE = _W + "val", _W + "type"
# Word allows 63 columns; more than this is a damaged or hostile file.
MAX_GRID_COLUMNS = 1000
# The parts of the corpus's Word files inflate to 1 MiB at most; the cap is the PDF reader's per stream.
MAX_INFLATED_BYTES = 256 * 1024 * 1024

TEXT, LINE_BREAK, PAGE_BREAK, RENDERED_BREAK = "text", "line", "page", "rendered"


@dataclass
class PageCounter:
    page: int = 1
    fresh: bool = True      # a break with no text after it yet
    pending: bool = False   # a break no table row has started after yet

    def feed(self, kind: str, text: str) -> None:
        if kind == PAGE_BREAK or (kind == RENDERED_BREAK and not self.fresh):
            self.page += 1
            self.fresh = self.pending = True
        elif kind == TEXT and text.strip():
            self.fresh = False


class DocxReader(Reader):
    name = "docx"

    def sniff(self, head: bytes, path: Path) -> float:
        if not head.startswith(ZIP_MAGIC):
            return 0.0
        try:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError):
            # A broken Word file still belongs here, so that the error says so.
            return 0.5 if Path(path).suffix.lower() == ".docx" else 0.0
        return 1.0 if DOCUMENT_PART in names else 0.0

    def read(self, path: Path) -> RawDocument:
        path = Path(path)
        body = _open_body(path)
        pages = PageCounter()
        blocks = _blocks(body, pages)
        return RawDocument(source=str(path), sha256=file_sha256(path), format=self.name,
                           pages=pages.page, blocks=blocks)


def _open_body(path: Path) -> lxml.etree._Element:
    if not zipfile.is_zipfile(path):
        raise ReadError("not a readable Word file: corrupt or not a zip archive")
    inflated = _inflated_size(path)
    if inflated > MAX_INFLATED_BYTES:
        raise ReadError(f"not a readable Word file: its parts inflate to {inflated >> 20} MiB, past the "
                        f"decompression cap of {MAX_INFLATED_BYTES >> 20} MiB")
    try:
        return docx.Document(str(path)).element.body
    except (zipfile.BadZipFile, KeyError, ValueError, lxml.etree.XMLSyntaxError,
            docx.opc.exceptions.PackageNotFoundError) as exc:
        reason = exc.args[0] if exc.args else type(exc).__name__
        raise ReadError(f"not a readable Word file: {reason}") from None


def _inflated_size(path: Path) -> int:
    """What the parts declare they inflate to; zipfile stops at the declared size, so a part cannot
    inflate further. 0 when the directory cannot be read (the Word reader then says why)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        return 0


# ------------------------------------------------------------------ text

def _tokens(el: lxml.etree._Element) -> Iterator[tuple[str, str]]:
    """Text pieces, line breaks and page breaks under ``el``, in document order.

    A paragraph ends with a line break, so the paragraphs of a cell come out
    separated.
    """
    for child in el:
        tag = child.tag
        if tag == _W + "t":
            yield TEXT, child.text or ""
        elif tag == _W + "tab":
            yield TEXT, " "
        elif tag == _W + "noBreakHyphen":
            yield TEXT, "-"
        elif tag == _W + "br":
            yield (PAGE_BREAK if child.get(TYPE) == "page" else LINE_BREAK), ""
        elif tag == _W + "cr":
            yield LINE_BREAK, ""
        elif tag == _W + "lastRenderedPageBreak":
            yield RENDERED_BREAK, ""
        elif tag not in SKIPPED:
            yield from _tokens(child)
            if tag == P:
                yield LINE_BREAK, ""


def _paragraph_lines(p: lxml.etree._Element, pages: PageCounter) -> list[Line]:
    """One line per line of the paragraph; a line's page is where its text starts."""
    lines: list[Line] = []
    parts: list[str] = []
    start = None

    def flush() -> None:
        nonlocal start
        text = clean("".join(parts))
        if text:
            lines.append(Line(text=text, page=start or pages.page))
        parts.clear()
        start = None

    for kind, text in _tokens(p):
        pages.feed(kind, text)
        if kind == TEXT:
            if start is None and text.strip():
                start = pages.page
            parts.append(text)
        elif kind in (LINE_BREAK, PAGE_BREAK):
            flush()
    flush()
    return lines


def _cell_text(tc: lxml.etree._Element, pages: PageCounter) -> tuple[str, int]:
    """The cell's text, its paragraphs and line breaks kept as lines (an officer cell is read
    by its lines), and the page its text starts on."""
    parts: list[str] = []
    start = None
    for kind, text in _tokens(tc):
        pages.feed(kind, text)
        if kind == TEXT and start is None and text.strip():
            start = pages.page
        parts.append(text if kind == TEXT else "" if kind == RENDERED_BREAK else "\n")
    return clean_lines("".join(parts)), start or pages.page


# ------------------------------------------------------------------ structure

def _children(el: lxml.etree._Element, tag: str) -> list[lxml.etree._Element]:
    """Direct children with ``tag``, looking through content controls (w:sdt)."""
    found = []
    for child in el:
        if child.tag == tag:
            found.append(child)
        elif child.tag == SDT:
            content = child.find(SDT_CONTENT)
            found.extend(_children(content, tag) if content is not None else [])
    return found


def _blocks(parent: lxml.etree._Element, pages: PageCounter) -> list[Block]:
    blocks: list[Block] = []
    for child in parent:
        if child.tag == P:
            blocks.extend(_paragraph_lines(child, pages))
        elif child.tag == TBL:
            blocks.extend(_table_blocks(child, pages))
        elif child.tag == SDT:
            content = child.find(SDT_CONTENT)
            blocks.extend(_blocks(content, pages) if content is not None else [])
    return blocks


def _is_layout_table(tbl: lxml.etree._Element) -> bool:
    """A table around a table at least its own size arranges the page (its inner
    tables hold the data); a smaller table inside a cell is part of that cell."""
    nested = tbl.findall(f".//{TBL}")
    own = sum(len(_children(tr, TC)) for tr in _children(tbl, TR))
    return bool(nested) and max(len(t.findall(f".//{TC}")) for t in nested) >= own


def _table_blocks(tbl: lxml.etree._Element, pages: PageCounter) -> list[Block]:
    if not _is_layout_table(tbl):
        return [_read_table(tbl, pages)]
    # A layout table: read its cells' content as if it stood in the body.
    return [block for tr in _children(tbl, TR) for tc in _children(tr, TC)
            for block in _blocks(tc, pages)]


def _property(el: lxml.etree._Element, path: str) -> lxml.etree._Element | None:
    return el.find(path.replace("w:", _W))


def _int_property(el: lxml.etree._Element, path: str, default: int) -> int:
    """A count property (gridSpan, gridBefore), clamped to what a grid can hold."""
    prop = _property(el, path)
    try:
        return min(max(int(prop.get(VAL)), 0), MAX_GRID_COLUMNS) if prop is not None else default
    except (TypeError, ValueError):
        return default


def _covered_from(tc: lxml.etree._Element) -> str | None:
    """"above" for a position covered by a vertical merge (vMerge), "left" for a
    legacy horizontal one (hMerge), None for a cell of its own."""
    for path, side in (("w:tcPr/w:vMerge", "above"), ("w:tcPr/w:hMerge", "left")):
        prop = _property(tc, path)
        if prop is not None and prop.get(VAL, "continue") == "continue":
            return side
    return None


def _read_row(tr: lxml.etree._Element, pages: PageCounter) -> Row:
    """One row; each cell is read from the row's starting page, since Word marks a
    row pushed to a new page once in every cell."""
    start = dataclasses.replace(pages)
    slots: list[tuple[str, str | None]] = [("", None)] * _int_property(tr, "w:trPr/w:gridBefore", 0)
    ends, starts = [start], [start.page]
    for tc in _children(tr, TC):
        counter = dataclasses.replace(start)
        text, page = _cell_text(tc, counter)
        ends.append(counter)
        starts.append(page)
        span_from = _covered_from(tc)
        slots.append(("" if span_from else text, span_from))
        slots.extend([("", "left")] * (_int_property(tc, "w:tcPr/w:gridSpan", 1) - 1))
    row_page = max(starts)
    end = max(ends, key=lambda c: c.page)
    after_break = start.pending or row_page > start.page
    pages.page, pages.fresh = end.page, end.fresh
    # A break inside the row, after its text began, is for the next row to report.
    pages.pending = end.page > row_page
    cells = [Cell(text=text, page=row_page, spanned=bool(span_from), span_from=span_from)
             for text, span_from in slots]
    return Row(cells=cells, page=row_page, after_page_break=after_break)


def _read_table(tbl: lxml.etree._Element, pages: PageCounter) -> Table:
    rows = [_read_row(tr, pages) for tr in _children(tbl, TR)]
    width = max((len(r.cells) for r in rows), default=0)
    for row in rows:
        row.cells.extend(Cell(text="", page=row.page) for _ in range(width - len(row.cells)))
    return Table(rows=rows)

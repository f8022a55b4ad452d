"""Text copies of charters: cells separated by tabs, one table row per line.

This is what copying a charter out of a PDF or Word viewer gives. The page
layout survives only as blank lines: inside a table, a blank line is where a
page ended (the row after it, with an empty serial cell, is the rest of the
row that the page break cut). A form feed is also a page break.
"""
from __future__ import annotations

from pathlib import Path

from ..model import Cell, Line, RawDocument, Row, Table
from .base import Reader, ReadError, file_sha256
from .textview import read_text_view

ENCODINGS = ("utf-8-sig", "utf-16")


def decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig").replace("\x00", "")
    except UnicodeDecodeError as exc:
        raise ReadError(f"not UTF-8 text (byte {exc.start}: {data[exc.start:exc.start + 4]!r})") from None


def _decode_head(head: bytes) -> str | None:
    """The first bytes as text; a character cut by the end of ``head`` is no error."""
    try:
        return decode(head)
    except ReadError:
        try:
            return head.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            return head[:exc.start].decode("utf-8-sig") if exc.start >= len(head) - 3 else None


class TextReader(Reader):
    name = "text"

    def sniff(self, head: bytes, path: Path) -> float:
        # Binary files are full of NULs; a stray one in a text copy is damage, not a format.
        if head.count(b"\x00") > 2 and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
            return 0.0
        sample = _decode_head(head)
        if sample is None:
            return 0.0
        if sample.lstrip().lower().startswith(("<!doctype", "<html", "<?xml")):
            return 0.1
        return 0.6 if "\t" in sample else 0.4

    def read(self, path: Path) -> RawDocument:
        text = decode(Path(path).read_bytes())
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        blocks, pages = parse_lines(lines)
        if not any(isinstance(b, Table) for b in blocks):
            # No tab-separated table: a page copied out of a browser keeps its tables otherwise.
            blocks = read_text_view(lines) or blocks
        if not any(isinstance(b, Table) for b in blocks) and not any(b.text.strip() for b in blocks):
            raise ReadError("empty document: no text")
        return RawDocument(source=str(path), sha256=file_sha256(Path(path)), format=self.name,
                           pages=pages, blocks=blocks)


def parse_lines(lines: list[str]) -> tuple[list, int]:
    """Blocks and the page count from the lines of a text copy."""
    blocks: list = []
    page = 1
    table: Table | None = None
    blank_in_table = False
    for raw in lines:
        feeds = raw.count("\f")
        page += feeds
        raw = raw.replace("\f", "")
        if "\t" in raw:
            if table is None:
                table = Table(rows=[], knows_spans=False)
                blocks.append(table)
            elif blank_in_table and not feeds and table.rows[-1].page == page:
                page += 1   # only a following row proves the blank line was a page break
            cells = [Cell(text=t.strip(), page=page) for t in raw.split("\t")]
            table.rows.append(Row(cells=cells, page=page,
                                  after_page_break=table.rows[-1].page < page if table.rows else False))
            blank_in_table = False
        elif raw.strip():
            table, blank_in_table = None, False
            blocks.append(Line(text=raw.strip(), page=page))
        elif table is not None:
            blank_in_table = True
    return blocks, page

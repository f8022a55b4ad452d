"""Text copies of charters: cells separated by tabs, one table row per line.

This is what copying a charter out of a PDF or Word viewer gives. The page
layout survives only as blank lines: inside a table, a blank line is where a
page ended (the row after it, with an empty serial cell, is the rest of the
row that the page break cut). A form feed is also a page break.
"""
from __future__ import annotations

import re
from pathlib import Path

import ftfy

from ..model import Cell, Finding, Line, RawDocument, Row, Table
from .base import Reader, ReadError, file_sha256
from .textview import read_text_view

ENCODINGS = ("utf-8-sig", "utf-16")
SAMPLE_BYTES = 4096
# UTF-8 Bangla read as windows-1252 and saved again: E0 A6 / E0 A7 lead every letter (সেবা is à¦¸à§‡à¦¬à¦¾).
_MOJIBAKE = re.compile("à[¦§]")
MOJIBAKE_MIN = 3
# The longest line of the real and corpus text copies is 1,535 characters. A line past this cap is
# no charter, and the table and text-view patterns would spend minutes on it.
MAX_LINE_CHARS = 1 << 20


def _utf16_without_bom(data: bytes) -> str | None:
    """The UTF-16 byte order of text saved without a BOM: every other byte is the high byte of a
    code point, and in Bangla or English text those few values (00, 09 for Bengali) recur."""
    sample = data[:SAMPLE_BYTES - SAMPLE_BYTES % 2]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    for codec, high in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        counts = sorted((high.count(bytes([b])) for b in set(high)), reverse=True)
        if sum(counts[:3]) >= 0.95 * len(high) and high.count(b"\x00") >= 0.1 * len(high) \
                and _text_like(sample.decode(codec, errors="replace")):
            return codec
    return None


def _text_like(text: str) -> bool:
    """Hardly a control character: binary data decoded as text is full of them (NUL first)."""
    controls = sum(1 for c in text if ord(c) < 0x20 and c not in "\t\n\r\f")
    return controls <= 0.01 * len(text)


def _eight_bit_text(data: bytes) -> bool:
    """Bytes that are no UTF-8 but read as text in an 8-bit code page: no NUL, hardly a control byte."""
    return _text_like(data[:SAMPLE_BYTES].decode("latin-1"))


def decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    bare = _utf16_without_bom(data)
    if bare:
        return data.decode(bare, errors="replace")
    try:
        return data.decode("utf-8-sig").replace("\x00", "")
    except UnicodeDecodeError as exc:
        # Legacy 8-bit files: Bijoy typed in SutonnyMJ saved as ANSI, English with curly quotes.
        # Bijoy is decoded to Bangla after reading, as in every format.
        if _eight_bit_text(data):
            return data.decode("cp1252", errors="replace")
        raise ReadError(f"not UTF-8 text (byte {exc.start}: {data[exc.start:exc.start + 4]!r})") from None


def unmangle(text: str) -> tuple[str, list[Finding]]:
    """Text whose UTF-8 was read as windows-1252 and saved again, repaired (ftfy) or refused."""
    if len(_MOJIBAKE.findall(text[:SAMPLE_BYTES])) < MOJIBAKE_MIN:
        return text, []
    fixed = ftfy.fix_encoding(text)
    if len(_MOJIBAKE.findall(fixed)) >= MOJIBAKE_MIN:
        raise ReadError("UTF-8 text that was read as windows-1252 and saved again (mojibake like 'à¦¸à§‡' for "
                        "'সে'), with bytes lost on the way: save it again from the original")
    return fixed, [Finding("text_encoding_repaired", "warning", "the text was UTF-8 read as windows-1252 and "
                           "saved again (mojibake); repaired to the original Bangla")]


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
        if head.count(b"\x00") > 2 and not head.startswith((b"\xff\xfe", b"\xfe\xff")) \
                and not _utf16_without_bom(head):
            return 0.0
        sample = _decode_head(head)
        if sample is None:
            return 0.0
        if sample.lstrip().lower().startswith(("<!doctype", "<html", "<?xml")):
            return 0.1
        return 0.6 if "\t" in sample else 0.4

    def read(self, path: Path) -> RawDocument:
        text, findings = unmangle(decode(Path(path).read_bytes()))
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        longest = max(map(len, lines))
        if longest > MAX_LINE_CHARS:
            raise ReadError(f"a line of {longest:,} characters, past the cap of {MAX_LINE_CHARS:,} "
                            "for a line of a text copy")
        blocks, pages = parse_lines(lines)
        if not any(isinstance(b, Table) for b in blocks):
            # No tab-separated table: a page copied out of a browser keeps its tables otherwise.
            blocks = read_text_view(lines) or blocks
        if not any(isinstance(b, Table) for b in blocks) and not any(b.text.strip() for b in blocks):
            raise ReadError("empty document: no text")
        return RawDocument(source=str(path), sha256=file_sha256(Path(path)), format=self.name,
                           pages=pages, blocks=blocks, findings=findings)


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

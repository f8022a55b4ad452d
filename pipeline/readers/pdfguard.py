"""PDF limits: what a PDF may not do to a batch, checked before any PDF library parses it.

A broken or hostile PDF can make a parser loop for ever (a ``/Length`` that
refers to itself: pdfminer follows references without end), inflate a stream
to gigabytes, loop or deeply nest its page tree, claim a page of 200,000 pt
that OCR would render, or carry JavaScript and launch actions. ``inspect``
reads the file once with qpdf (pikepdf), whose parser detects reference and
page-tree loops, and either refuses it (``ReadError``, one line naming the
limit) or says how many pages to read and what to record (findings). Nothing
in the file is ever run: actions are only reported.
"""
from __future__ import annotations

import mmap
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import pikepdf

from ..model import Finding
from .base import ReadError

MAX_PAGES = 200                         # a charter is 2 to 40 pages; more is a compilation or junk
MAX_STREAM_BYTES = 256 * 1024 * 1024    # decompressed size of one stream (a 300 dpi A4 scan is 26 MB)
MAX_PAGE_POINTS = 14_400                # the largest page the PDF format allows (200 inches)
CHUNK = 1 << 20
_FLATE = {"/FlateDecode", "/Fl"}
_ACTIONS = {"/JavaScript": "JavaScript", "/Launch": "a launch action (runs a program)"}
# An object that is nothing but a reference to another ("5 0 obj 6 0 R endobj").
_BARE_REFERENCE = re.compile(rb"(?<!\d)(\d+)\s+(\d+)\s+obj\s*(\d+)\s+(\d+)\s+R\s*endobj")


@dataclass
class Verdict:
    pages: int                          # how many pages to read
    findings: list[Finding] = field(default_factory=list)


def inspect(path: Path) -> Verdict:
    """The pages to read and the findings of a PDF that may be read; ReadError for one that may not."""
    _refuse_reference_loops(path)
    pdf = _open(path)
    with pdf:
        count = len(pdf.pages)
        if not count:
            raise ReadError("not a readable PDF: it has no pages")
        pages = min(count, MAX_PAGES)
        _refuse_huge_pages(pdf, pages)
        _refuse_bombs(pdf.objects)
        findings = [*_encryption(pdf), *_active_content(pdf.objects)]
    if count > MAX_PAGES:
        findings.append(Finding("pdf_page_cap", "warning", f"the PDF has {count} pages; only the first "
                                f"{MAX_PAGES} were read (the page cap: a charter is far shorter)"))
    return Verdict(pages, findings)


def _open(path: Path) -> pikepdf.Pdf:
    try:
        return pikepdf.open(path)       # the empty user password: an owner password alone does not stop reading
    except pikepdf.PasswordError:
        raise ReadError("not a readable PDF: encrypted with a user password (it opens only with that "
                        "password)") from None
    except (pikepdf.PdfError, ValueError, OSError) as error:
        reason = str(error).split("): ")[-1].split(": ", 1)[-1] if str(error) else type(error).__name__
        raise ReadError(f"not a readable PDF: {_qpdf_reason(reason)}") from None


def _qpdf_reason(reason: str) -> str:
    if "Loop detected in /Pages" in reason:
        return "its page tree is a loop"
    if "too deeply nested" in reason:
        return "its page tree is nested too deeply"
    return reason


def _refuse_reference_loops(path: Path) -> None:
    """Objects that only refer to each other (5 0 R is 6 0 R is 5 0 R): pdfminer resolves them for ever."""
    if not Path(path).stat().st_size:
        return
    with open(path, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        refers = {(int(m[1]), int(m[2])): (int(m[3]), int(m[4])) for m in _BARE_REFERENCE.finditer(data)}
    for start in refers:
        seen, current = {start}, refers[start]
        while current in refers:
            if current in seen:
                raise ReadError(f"not a readable PDF: object {start[0]} is a reference cycle "
                                f"({' -> '.join(f'{n} {g} R' for n, g in sorted(seen))}); a parser would "
                                "follow it for ever")
            seen.add(current)
            current = refers[current]


def _refuse_huge_pages(pdf: pikepdf.Pdf, pages: int) -> None:
    for number, page in enumerate(pdf.pages[:pages], 1):
        box = [float(v) for v in page.mediabox]
        width, height = abs(box[2] - box[0]), abs(box[3] - box[1])
        if max(width, height) > MAX_PAGE_POINTS:
            raise ReadError(f"not a readable PDF: page {number} is {width:g} x {height:g} pt, larger than the "
                            f"{MAX_PAGE_POINTS} pt a PDF page may be (it is never rendered)")


def _filters(stream: pikepdf.Stream) -> list[str]:
    value = stream.stream_dict.get("/Filter")
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, pikepdf.Array) else [str(value)]


def _inflate(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """One FlateDecode pass, CHUNK bytes of output at a time (never the whole stream in memory)."""
    inflater = zlib.decompressobj()
    for chunk in chunks:
        while chunk and not inflater.eof:
            out = inflater.decompress(chunk, CHUNK)
            chunk = inflater.unconsumed_tail
            if out:
                yield out


def inflated_size(data: bytes, passes: int, cap: int = MAX_STREAM_BYTES) -> int:
    """The size of ``data`` after ``passes`` FlateDecode passes, counted up to just past ``cap``."""
    chunks: Iterable[bytes] = [data]
    for _ in range(passes):
        chunks = _inflate(chunks)
    total = 0
    try:
        for out in chunks:
            total += len(out)
            if total > cap:
                break
    except zlib.error:                  # damaged data: the parser reports it, it is no bomb
        pass
    return total


def _refuse_bombs(objects: Iterable) -> None:
    for obj in objects:
        if not isinstance(obj, pikepdf.Stream):
            continue
        filters = _filters(obj)
        if filters and all(f in _FLATE for f in filters) \
                and inflated_size(obj.read_raw_bytes(), len(filters)) > MAX_STREAM_BYTES:
            raise ReadError(f"not a readable PDF: object {obj.objgen[0]} inflates past the decompression cap "
                            f"of {MAX_STREAM_BYTES >> 20} MiB per stream")


def _encryption(pdf: pikepdf.Pdf) -> list[Finding]:
    if not pdf.is_encrypted:
        return []
    return [Finding("pdf_owner_password", "info", "the PDF is encrypted with an owner password only; it opens "
                    "with the empty user password and was read (its permissions restrict editing, not reading)")]


def _active_content(objects: Iterable) -> list[Finding]:
    """JavaScript and launch actions anywhere in the file: reported, never run."""
    kinds = set()
    for obj in objects:
        if isinstance(obj, pikepdf.Dictionary):
            kind = str(obj.get("/S", ""))
            if kind in _ACTIONS:
                kinds.add(_ACTIONS[kind])
            elif "/JS" in obj:
                kinds.add(_ACTIONS["/JavaScript"])
    if not kinds:
        return []
    return [Finding("pdf_active_content", "warning", f"the PDF carries {' and '.join(sorted(kinds))}; "
                    "never run, the text was read as usual")]

"""What a PDF backend gives the reader, page by page.

Everything above this line is the reader's (``readers/pdf.py``, ``pdftext.py``,
``pdfunruled.py``), one implementation for every backend: lines, clusters, cell
text, closing rules, ruled and unruled tables, the OCR fallback. A backend only
parses, and only what the table finder needs:

* ``chars``: pdfplumber-style dicts in content-stream order, keys ``text``,
  ``x0``, ``x1``, ``top``, ``bottom`` (points from the page's top left),
  ``size`` and ``fontname``. A ``/ActualText`` span is one char carrying that
  text, boxed by the union of its glyphs (see ``pdftext.py``).
* ``edges``: pdfplumber edge dicts (``pdfplumber.utils.obj_to_edges`` of the
  page's lines, rects and curves), so pdfplumber's table finder runs on them.
* whether the page has images, and its box.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Optional

from pdfplumber.page import Page
from pdfplumber.table import Table as FoundTable
from pdfplumber.table import TableFinder, TableSettings

BBox = tuple[float, float, float, float]


@dataclass
class PageContent:
    page_number: int
    bbox: BBox
    chars: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    has_images: bool
    # The same page opened by pdfplumber: the OCR fallback renders and reads it.
    plumber_page: Callable[[], Page]
    # Why the page's content could not be parsed, when it could not.
    error: Optional[Exception] = None

    def find_tables(self, settings: dict) -> list[FoundTable]:
        """pdfplumber's table finder (it reads only ``edges`` and ``bbox``)."""
        return TableFinder(self, TableSettings.resolve(settings)).tables


class PdfDocument:
    """An open PDF: ``pages()`` yields each page's content once, in order."""

    page_count: int

    def pages(self) -> Iterator[PageContent]:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> "PdfDocument":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class PdfBackend:
    name = "base"

    def open(self, path: Path) -> PdfDocument:
        """The document, or ``ReadError`` saying in one line why it cannot be read."""
        raise NotImplementedError

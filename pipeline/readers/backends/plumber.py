"""The reference backend: pdfplumber over pdfminer, with the ActualText device of ``pdftext.py``.

One pdfminer parse per page (``pdftext.parse_page``) fills pdfplumber's layout
cache, so its chars and edges come from that single parse.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pdfplumber
from pdfplumber.page import Page

from ..base import ReadError
from ..pdftext import parse_page
from .base import PageContent, PdfBackend, PdfDocument


def open_pdf(path: Path) -> pdfplumber.PDF:
    pdf = None
    try:
        pdf = pdfplumber.open(path)
        pdf.pages  # the page tree is parsed lazily; a broken one fails here
        return pdf
    except Exception as error:  # pdfminer raises many unrelated types
        if pdf is not None:
            pdf.close()
        reason = "encrypted (password-protected)" if "Password" in type(error).__name__ \
            else str(error) or type(error).__name__
        raise ReadError(f"not a readable PDF: {reason}") from error


def page_content(page: Page) -> PageContent:
    """The page parsed once; a parse that fails leaves the page to OCR."""
    try:
        parse_page(page)
    except Exception as error:
        return PageContent(page.page_number, page.bbox, [], [], False, lambda: page, error)
    return PageContent(page.page_number, page.bbox, page.chars, page.edges, bool(page.images), lambda: page)


class PlumberDocument(PdfDocument):
    def __init__(self, path: Path):
        self.pdf = open_pdf(path)
        self.page_count = len(self.pdf.pages)

    def pages(self) -> Iterator[PageContent]:
        for page in self.pdf.pages:
            yield page_content(page)
            page.close()

    def close(self) -> None:
        self.pdf.close()


class PlumberBackend(PdfBackend):
    name = "pdfplumber"

    def open(self, path: Path) -> PlumberDocument:
        return PlumberDocument(path)

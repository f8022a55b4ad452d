"""The three systems the PDF benchmarks compare, each as PDF -> ``Charter``.

* ``pipeline``: our PDF reader, then repair and normalize (what ``pipeline.process`` does).
* ``camelot-lattice``: Camelot's lattice tables (``camelot.read_pdf(flavor="lattice")``).
* ``pdfplumber-default``: pdfplumber's ``page.find_tables()`` with default settings
  (the tables ``page.extract_tables()`` returns, plus their boxes for ordering).

A peer only replaces the tables: it gets the same ``Line`` blocks (titles, section
headings) our reader produced, placed by their top edge, and its ``RawDocument``
then goes through the same Bijoy decoding, repair and normalize as ours. So the
comparison is of table extraction given the same header mapping and row repair.
Peer cell text is taken as the peer returns it (its own text extraction); our
reader's line joining (wrapped phone numbers and emails) is part of our reader.
"""
from __future__ import annotations

import copy
import pathlib
from typing import Callable

from common import ROOT  # noqa: F401  (puts the project on sys.path)

from pipeline.api import charter_id
from pipeline.extract import decode_legacy_text
from pipeline.model import Cell, Charter, Line, RawDocument, Row, Table
from pipeline.normalize import normalize
from pipeline.readers.pdf import PdfReader, _mark_page_break
from pipeline.repair import repair

# page number -> [(top edge in points from the page top, table)]
PlacedTables = dict[int, list[tuple[float, Table]]]


def to_charter(raw: RawDocument, path: pathlib.Path) -> Charter:
    """The stages after the reader, exactly as ``pipeline.process`` runs them."""
    raw = decode_legacy_text(raw)
    return normalize(repair(raw), charter_id(path.name), path.name)


def table_of(rows: list[list[str | None]], page: int) -> Table | None:
    """Rows of cell strings as a ``Table``; None when no cell has text."""
    built = [Row([Cell(text or "", page) for text in row], page) for row in rows]
    return Table(built) if any(c.text.strip() for r in built for c in r.cells) else None


def camelot_tables(path: pathlib.Path) -> PlacedTables:
    import camelot
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        heights = {p.page_number: p.height for p in pdf.pages}
    placed: PlacedTables = {}
    for found in camelot.read_pdf(str(path), pages="all", flavor="lattice"):
        page = int(found.page)
        built = table_of(found.df.values.tolist(), page)
        if built:
            # Camelot's box is in PDF space (origin bottom left): y2 is the table's top.
            placed.setdefault(page, []).append((heights[page] - found._bbox[3], built))
    return placed


def pdfplumber_tables(path: pathlib.Path) -> PlacedTables:
    import pdfplumber

    placed: PlacedTables = {}
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for found in page.find_tables():
                built = table_of(found.extract(), page.page_number)
                if built:
                    placed.setdefault(page.page_number, []).append((found.bbox[1], built))
            page.close()
    return placed


def with_tables(ours: RawDocument, tables: PlacedTables, name: str) -> RawDocument:
    """Our reader's lines (copied) interleaved with another system's tables, page by page."""
    lines: dict[int, list[tuple[float, Line]]] = {}
    for block in ours.blocks:
        if isinstance(block, Line):
            top = block.bbox[1] if block.bbox else 0.0
            lines.setdefault(block.page, []).append((top, copy.copy(block)))
    blocks: list = []
    for page in range(1, ours.pages + 1):
        placed = sorted(lines.get(page, []) + tables.get(page, []), key=lambda tb: tb[0])
        page_blocks = [block for _, block in placed]
        _mark_page_break(page_blocks, page)
        blocks += page_blocks
    return RawDocument(source=ours.source, sha256=ours.sha256, format=name, pages=ours.pages, blocks=blocks)


TABLE_FINDERS: dict[str, Callable[[pathlib.Path], PlacedTables]] = {
    "camelot-lattice": camelot_tables,
    "pdfplumber-default": pdfplumber_tables,
}
SYSTEMS = ["pipeline", *TABLE_FINDERS]


def charters(path: pathlib.Path, systems: list[str] = SYSTEMS) -> dict[str, Charter | Exception]:
    """Each system's charter for one PDF (or the exception it raised); our reader runs once."""
    ours = PdfReader().read(path)
    results: dict[str, Charter | Exception] = {}
    for system in systems:
        try:
            if system == "pipeline":
                raw = copy.deepcopy(ours)
            else:
                raw = with_tables(ours, TABLE_FINDERS[system](path), system)
            results[system] = to_charter(raw, path)
        except Exception as error:  # one failing system must not stop the benchmark
            results[system] = error
    return results

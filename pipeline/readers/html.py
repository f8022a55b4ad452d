"""HTML pages: a charter published as a page of an office's portal site.

The national portal (``…gov.bd/bn/site/page/…``) wraps the charter table in
page furniture: top bar, menus, breadcrumb, share buttons, a sidebar and
footer credits. The reader drops that furniture, keeps the element that holds
the charter, and turns it into ``Line`` blocks (one per block element, split
at ``<br>``) and ``Table`` blocks whose rowspans and colspans are expanded
into a full grid. HTML has no pages: everything is page 1.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

import lxml.etree
import lxml.html

from ..lexicon import clean, clean_lines, is_chrome_text
from ..model import Block, Cell, Line, RawDocument, Row, Table
from .base import Reader, ReadError, file_sha256

SNIFF_MARKERS = ("<html", "<!doctype html", "<table", "<body")
SNIFF_CHARS = 1024

# Never text of the page: code, invisible parts, controls and page furniture.
SKIP_TAGS = {"head", "script", "style", "noscript", "template", "nav", "header", "footer",
             "iframe", "object", "embed", "svg", "button", "select", "textarea", "input"}
# Words of id/class values that mark furniture (matched as whole words of the value).
CHROME_WORDS = {"menu", "menubar", "navbar", "nav", "breadcrumb", "breadcrumbs", "share",
                "sharethis", "addthis", "social", "footer", "skip"}
# Substrings of id/class values that mark the main-content container.
CONTENT_HINTS = ("content", "main", "printable", "article")
TABLE_PARTS = {"table", "thead", "tbody", "tfoot", "tr", "td", "th"}
BLOCK_TAGS = {"address", "article", "aside", "blockquote", "caption", "center", "dd", "details",
              "div", "dl", "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4",
              "h5", "h6", "hr", "li", "main", "ol", "p", "pre", "section", "summary", "table",
              "tbody", "td", "tfoot", "th", "thead", "tr", "ul"}
# Spans beyond these are broken markup (the HTML spec clamps at the same values).
MAX_COLSPAN, MAX_ROWSPAN = 1000, 65534

# Single-byte Western charsets cannot hold Bangla; pages that declare one
# while serving UTF-8 are common on old servers.
WESTERN_CHARSETS = {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii", "windows-1252", "cp1252"}
BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:-]+)"""
                      rb"""|<\?xml[^>]*?encoding\s*=\s*["']([a-z0-9_.:-]+)""", re.I)

TEXT, BREAK, TABLE = "text", "break", "table"


class HtmlReader(Reader):
    name = "html"

    def sniff(self, head: bytes, path: Path) -> float:
        sample = _head_text(head).lstrip().lower()
        if sample.startswith(("<!doctype html", "<html")):
            return 0.95
        if sample.startswith("<") and any(m in sample[:SNIFF_CHARS] for m in SNIFF_MARKERS):
            return 0.8
        return 0.0

    def read(self, path: Path) -> RawDocument:
        path = Path(path)
        root = parse(decode(path.read_bytes()))
        _prune(root)
        return RawDocument(source=str(path), sha256=file_sha256(path), format=self.name,
                           pages=1, blocks=read_blocks(_main_container(root)))


# ------------------------------------------------------------------ decoding and parsing

def _head_text(head: bytes) -> str:
    """The first bytes as text, good enough to look for ASCII markers."""
    for bom, codec in BOMS:
        if head.startswith(bom):
            return head[len(bom):].decode(codec, errors="ignore")
    return head.decode("latin-1")


def _declared_charset(data: bytes) -> str | None:
    match = _CHARSET.search(data[:4096])
    if not match:
        return None
    return (match.group(1) or match.group(2)).decode("ascii").lower()


def decode(data: bytes) -> str:
    """The page as text: BOM, else the declared charset, else UTF-8, else cp1252."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace")
    declared = _declared_charset(data)
    codecs = ["utf-8", declared] if declared in WESTERN_CHARSETS else [declared, "utf-8"]
    for codec in filter(None, codecs):
        try:
            return data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("cp1252", errors="replace")


def parse(text: str) -> lxml.html.HtmlElement:
    # Fed as UTF-8 bytes with the encoding fixed, so a <meta charset> in the
    # page cannot make libxml2 decode it a second time. The HTML parser never
    # loads DTDs or external entities; no_network forbids any fetch.
    parser = lxml.html.HTMLParser(encoding="utf-8", no_network=True, remove_comments=True,
                                  remove_pis=True, huge_tree=False)
    try:
        return lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise ReadError(f"not a readable HTML page: {exc}") from None


# ------------------------------------------------------------------ page furniture

def _has_table(el: lxml.html.HtmlElement) -> bool:
    return el.find(".//table") is not None


def _attribute_words(el: lxml.html.HtmlElement) -> set[str]:
    value = f"{el.get('id', '')} {el.get('class', '')}".lower()
    return set(re.split(r"[\s_-]+", value)) - {""}


def _is_skipped(el: lxml.html.HtmlElement) -> bool:
    return not isinstance(el.tag, str) or el.tag in SKIP_TAGS


def _is_chrome(el: lxml.html.HtmlElement) -> bool:
    if el.tag in TABLE_PARTS or _has_table(el):
        # ASP.NET pages wrap the whole page, charter included, in one <form>.
        return False
    return (el.tag == "form" or bool(_attribute_words(el) & CHROME_WORDS)
            or is_chrome_text(el.text_content()))


def _prune(el: lxml.html.HtmlElement, in_data_table: bool = False) -> None:
    """Drop furniture under ``el``, outermost first (tails are kept).

    Inside a data table only code and controls go: a cell that reads 'প্রিন্ট'
    is charter text, and dropping it would shift the columns.
    """
    for child in list(el):
        if _is_skipped(child) or (not in_data_table and _is_chrome(child)):
            child.drop_tree()
        else:
            _prune(child, in_data_table or (child.tag == "table" and not is_layout_table(child)))


# ------------------------------------------------------------------ main content

def _cell_count(table: lxml.html.HtmlElement, own: bool) -> int:
    path = "./tr/td | ./tr/th | ./*/tr/td | ./*/tr/th" if own else ".//td | .//th"
    return len(table.xpath(path))


def is_layout_table(table: lxml.html.HtmlElement) -> bool:
    """A table around a table at least its own size arranges the page (its inner
    tables hold the data); a smaller table inside a cell is part of that cell."""
    nested = table.findall(".//table")
    return bool(nested) and max(_cell_count(t, False) for t in nested) >= _cell_count(table, True)


def _loose_text(el: lxml.html.HtmlElement) -> str:
    """The text of ``el`` outside any table."""
    parts = [el.text or ""]
    for child in el:
        if child.tag != "table":
            parts.append(_loose_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _is_content_hint(el: lxml.html.HtmlElement) -> bool:
    value = f"{el.get('id', '')} {el.get('class', '')}".lower()
    return el.tag in ("main", "article") or any(h in value for h in CONTENT_HINTS)


def _main_container(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The deepest content-like element that holds the largest table and some text.

    Content-like is a named container (main, article, id/class like content),
    else a layout-table cell (the content cell of a table-layout page), else
    the body. Requiring text outside tables skips wrappers around the table
    alone, so the headings and title block next to it stay in; requiring the
    largest table skips sidebars and menus that happen to be called '…main…'.
    """
    body = root.find("body")
    body = root if body is None else body
    tables = [t for t in body.iter("table") if not is_layout_table(t)]
    if not tables:
        return body
    largest = max(tables, key=lambda t: len(t.xpath(".//td | .//th")))
    holders = [el for el in largest.iterancestors() if _loose_text(el).strip()]
    holders = holders[:holders.index(body)] if body in holders else holders
    for wanted in (_is_content_hint, lambda el: el.tag == "td"):
        found = next((el for el in holders if wanted(el)), None)
        if found is not None:
            return found
    return body


# ------------------------------------------------------------------ blocks

def _tokens(el: lxml.html.HtmlElement, flatten: bool = False) -> Iterator[tuple[str, object]]:
    """Text, block boundaries and data tables under ``el``, in document order.

    With ``flatten`` tables are not yielded: their cells are blocks of text.
    """
    if el.text:
        yield TEXT, el.text
    for child in el:
        if child.tag == "table" and not flatten and not is_layout_table(child):
            yield TABLE, child
        elif child.tag == "br":
            yield BREAK, None
        elif child.tag in BLOCK_TAGS:
            yield BREAK, None
            yield from _tokens(child, flatten)
            yield BREAK, None
        else:
            yield from _tokens(child, flatten)
        if child.tail:
            yield TEXT, child.tail


def read_blocks(container: lxml.html.HtmlElement) -> list[Block]:
    blocks: list[Block] = []
    parts: list[str] = []

    def flush() -> None:
        text = clean("".join(parts))
        parts.clear()
        if text and not is_chrome_text(text):
            blocks.append(Line(text=text, page=1))

    for kind, value in _tokens(container):
        if kind == TEXT:
            parts.append(value)
            continue
        flush()
        if kind == TABLE:
            caption = value.find("caption")
            # A caption often is the table's section heading ("প্রাতিষ্ঠানিক সেবা").
            if caption is not None and clean(caption.text_content()):
                blocks.append(Line(text=clean(caption.text_content()), page=1))
            blocks.append(read_table(value))
    flush()
    return blocks


_FOOTNOTE_MARK = re.compile(r"[\s*†‡০-৯0-9]*")


def _cell_text(cell: lxml.html.HtmlElement) -> str:
    """A cell's text with <br>, <p>, <li> and inner-table cell boundaries as line breaks (an
    officer cell is read by its lines); a superscript footnote mark (<sup>১</sup>,
    <sup>*</sup>) is not part of it."""
    for sup in cell.iter("sup"):
        if _FOOTNOTE_MARK.fullmatch(sup.text_content() or ""):
            sup.drop_tree()
    return clean_lines("".join(v if k == TEXT else "\n" for k, v in _tokens(cell, flatten=True)))


def _span(cell: lxml.html.HtmlElement, name: str, limit: int) -> int:
    """A span attribute read as browsers do: leading digits, clamped; rowspan="0"
    reaches the end of the table."""
    match = re.match(r"\s*(\d+)", cell.get(name, "1"))
    value = int(match.group(1)) if match else 1
    if value == 0 and name == "rowspan":
        return limit
    return min(max(value, 1), limit)


def read_table(table: lxml.html.HtmlElement) -> Table:
    """The table as a full grid: a merged cell's text at its origin, covered positions spanned."""
    trs = table.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr")
    grid: list[dict[int, Cell]] = [{} for _ in trs]
    for r, tr in enumerate(trs):
        col = 0
        for td in tr.xpath("./td | ./th"):
            while col in grid[r]:
                col += 1
            rowspan = min(_span(td, "rowspan", MAX_ROWSPAN), len(trs) - r)
            colspan = _span(td, "colspan", MAX_COLSPAN)
            for dr in range(rowspan):
                for dc in range(colspan):
                    grid[r + dr][col + dc] = Cell(text="", page=1, spanned=True,
                                                  span_from="left" if dc else "above")
            grid[r][col] = Cell(text=_cell_text(td), page=1)
            col += colspan
    width = max((max(row) + 1 for row in grid if row), default=0)
    rows = [Row(cells=[row.get(c) or Cell(text="", page=1) for c in range(width)], page=1)
            for row in grid]
    return Table(rows=rows)

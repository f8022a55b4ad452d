"""DOCX, HTML and text renderings of a charter spec."""
from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from .layout import Block, TableBlock, blocks
from .specs import CharterSpec

A4 = (Cm(21.0), Cm(29.7))
MARGIN_CM = 1.27
# Share of the text width per column; the officer and documents columns are the wide ones.
SERVICE_WIDTHS = [0.06, 0.15, 0.18, 0.20, 0.12, 0.11, 0.18]
GRIEVANCE_WIDTHS = [0.08, 0.25, 0.27, 0.25, 0.15]
SIZES = {"title": 14, "heading": 12, "body": 10, "item": 10, "cell": 9}


@dataclass(frozen=True)
class Look:
    """How a charter is drawn: the defaults are the synthetic corpus's."""
    font: str
    orientation: str
    margin_cm: float = MARGIN_CM
    cell_pt: float = SIZES["cell"]
    table_style: str = "grid"         # grid (every rule) | rules (horizontal only) | none
    # Columns keep their widths in Chromium too (a narrow column wraps inside words, as Word does),
    # instead of growing to fit the longest word.
    fixed_columns: bool = False


def table_widths(block: TableBlock) -> list[float]:
    if block.widths:
        return block.widths
    return SERVICE_WIDTHS if block.kind == "service" else GRIEVANCE_WIDTHS


# --------------------------------------------------------------------------
# DOCX
# --------------------------------------------------------------------------

def set_run_font(run, font: str, size_pt: float) -> None:
    """Bangla is a complex script: Word and LibreOffice take its font from w:cs and its size from w:szCs."""
    run.font.name = font
    run.font.size = Pt(size_pt)
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), font)
    size_cs = OxmlElement("w:szCs")
    size_cs.set(qn("w:val"), str(int(size_pt * 2)))
    rpr.find(qn("w:sz")).addnext(size_cs)


def add_text(paragraph, text: str, font: str, size_pt: float, bold: bool = False) -> None:
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.cs_bold = bold
    set_run_font(run, font, size_pt)
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.space_before = Pt(0)


def fill_cell(cell, lines: list[str], font: str, size_pt: float, bold: bool = False) -> None:
    first = cell.paragraphs[0]
    for i, line in enumerate(lines):
        paragraph = first if i == 0 else cell.add_paragraph()
        add_text(paragraph, line, font, size_pt, bold)


def mark_header(row) -> None:
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)


def rule_borders(table, style: str) -> None:
    """Horizontal rules only (top, bottom, between rows), as tables drawn without a grid style are."""
    if style != "rules":
        return
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        drawn = side in ("top", "bottom", "insideH")
        edge.set(qn("w:val"), "single" if drawn else "nil")
        if drawn:
            edge.set(qn("w:sz"), "4")
            edge.set(qn("w:color"), "000000")
        borders.append(edge)
    table._tbl.tblPr.insert_element_before(borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook")


def docx_table(doc, block: TableBlock, look: Look, text_width) -> None:
    widths = table_widths(block)
    table = doc.add_table(rows=0, cols=len(widths))
    if look.table_style == "grid":
        table.style = "Table Grid"
    rule_borders(table, look.table_style)
    heads = block.head_rows()
    for head in heads:
        row = table.add_row()
        mark_header(row)
        for cell, spec_cell in zip(row.cells, head):
            if not spec_cell.covered:
                fill_cell(cell, spec_cell.lines, look.font, look.cell_pt, bold=True)
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for spec_row in block.rows:
        row = table.add_row()
        for cell, spec_cell in zip(row.cells, spec_row.cells):
            if not spec_cell.covered:
                fill_cell(cell, spec_cell.lines, look.font, look.cell_pt)
    for r, spec_row in enumerate(heads + [row.cells for row in block.rows]):
        for c, spec_cell in enumerate(spec_row):
            if spec_cell.rowspan > 1 or spec_cell.colspan > 1:
                top = table.cell(r, c)
                top.merge(table.cell(r + spec_cell.rowspan - 1, c + spec_cell.colspan - 1))
    # LibreOffice lays out by the table grid (w:gridCol), Word by the cell widths: set both.
    table.autofit = False
    for column, share in zip(table.columns, widths):
        column.width = int(text_width * share)
    for row in table.rows:
        for cell, share in zip(row.cells, widths):
            cell.width = int(text_width * share)


def setup_page(doc, orientation: str, margin_cm: float = MARGIN_CM):
    section = doc.sections[0]
    width, height = A4 if orientation == "portrait" else (A4[1], A4[0])
    section.orientation = WD_ORIENT.PORTRAIT if orientation == "portrait" else WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = width, height
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(margin_cm))
    return width - Cm(2 * margin_cm)


def write_docx_blocks(charter_blocks: list[Block], look: Look, path: Path) -> None:
    doc = Document()
    text_width = setup_page(doc, look.orientation, look.margin_cm)
    for block in charter_blocks:
        if isinstance(block, TableBlock):
            docx_table(doc, block, look, text_width)
            continue
        paragraph = doc.add_paragraph()
        add_text(paragraph, block.text, look.font, SIZES[block.kind], bold=block.kind in ("title", "heading"))
        if block.kind == "title":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(4)
    doc.save(path)


def write_docx(spec: CharterSpec, font: str, orientation: str, path: Path) -> None:
    write_docx_blocks(blocks(spec), Look(font, orientation), path)


# --------------------------------------------------------------------------
# HTML (a portal-like page)
# --------------------------------------------------------------------------

CSS = """
@page {{ size: A4 {orientation}; margin: {margin}cm; }}
body {{ font-family: '{font}'; font-size: 10pt; }}
.title {{ text-align: center; font-weight: bold; font-size: 14pt; margin: 2pt 0; }}
h2 {{ font-size: 12pt; margin: 8pt 0 4pt 0; }}
table {{ border-collapse: collapse; width: 100%; font-size: 9pt; }}
th, td {{ border: 1px solid #000; padding: 2pt; vertical-align: top; }}
th {{ text-align: center; }}
"""


# Rules added after CSS for a look other than the corpus's own.
TABLE_STYLE_CSS = {
    "grid": "",
    "rules": "th, td { border: none; border-top: 1px solid #000; border-bottom: 1px solid #000; }\n",
    "none": "th, td { border: none; }\n",
}
# Word's default cell margins (0.19 cm a side), so a column holds as much text as in the LibreOffice PDF.
FIXED_COLUMNS_CSS = "table { table-layout: fixed; }\nth, td { overflow-wrap: anywhere; padding: 1pt 0.19cm; }\n"


def look_css(look: Look) -> str:
    size = f"table {{ font-size: {look.cell_pt}pt; }}\n" if look.cell_pt != SIZES["cell"] else ""
    return size + (FIXED_COLUMNS_CSS if look.fixed_columns else "") + TABLE_STYLE_CSS[look.table_style]


def html_cell(tag: str, cell, width: float = 0) -> str:
    attrs = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + \
            (f' colspan="{cell.colspan}"' if cell.colspan > 1 else "") + \
            (f' style="width:{width:.0%}"' if width else "")
    return f"<{tag}{attrs}>" + "<br>".join(html.escape(line) for line in cell.lines) + f"</{tag}>"


def html_table(block: TableBlock, look: Look) -> str:
    widths = table_widths(block)
    heads = block.head_rows()
    cols = "<colgroup>" + "".join(f'<col style="width:{w:.1%}">' for w in widths) + "</colgroup>\n" \
        if look.fixed_columns else ""
    head = "".join("<tr>" + "".join(html_cell("th", c, width=w if n == 0 and c.colspan == 1 else 0)
                                    for c, w in zip(row, widths) if not c.covered) + "</tr>"
                   for n, row in enumerate(heads))
    body = ["<tr>" + "".join(html_cell("td", c) for c in row.cells if not c.covered) + "</tr>"
            for row in block.rows]
    return f"<table>\n{cols}<thead>{head}</thead>\n<tbody>\n" + "\n".join(body) + "\n</tbody>\n</table>"


def html_block(block, look: Look) -> str:
    if isinstance(block, TableBlock):
        return html_table(block, look)
    tag = {"title": 'p class="title"', "heading": "h2", "body": "p", "item": "p"}[block.kind]
    return f"<{tag}>{html.escape(block.text)}</{tag.split()[0]}>"


def write_html_blocks(charter_blocks: list[Block], look: Look, language: str, title: str, path: Path) -> None:
    css = CSS.format(orientation=look.orientation, margin=look.margin_cm, font=look.font) + look_css(look)
    body = "\n".join(html_block(b, look) for b in charter_blocks)
    page = (f'<!DOCTYPE html>\n<html lang="{language}">\n<head><meta charset="utf-8">'
            f"<title>{html.escape(title)}</title>\n<style>{css}</style></head>\n"
            f"<body>\n{body}\n</body>\n</html>\n")
    path.write_text(page, encoding="utf-8")


def write_html(spec: CharterSpec, font: str, orientation: str, path: Path) -> None:
    write_html_blocks(blocks(spec), Look(font, orientation), spec.language, spec.title_lines[-1], path)


# --------------------------------------------------------------------------
# Text copy in the sample's format
# --------------------------------------------------------------------------

def halves(lines: list[str]) -> tuple[list[str], list[str]]:
    """Where a row splits, a multi-line cell keeps its first half of lines on the first page."""
    if len(lines) < 2:
        return lines, []
    cut = (len(lines) + 1) // 2
    return lines[:cut], lines[cut:]


def text_rows(block: TableBlock, split_rows: set) -> list[str]:
    out = ["\t".join(" ".join(c.lines) for c in row) for row in block.head_rows()]
    for row in block.rows:
        cells = [" ".join(c.lines) for c in row.cells]
        if row.key not in split_rows:
            out.append("\t".join(cells))
            continue
        # The serial and the officer stay on the first page, as in the sample.
        parts = [halves(c.lines) if 0 < i < len(row.cells) - 1 else (c.lines, []) for i, c in enumerate(row.cells)]
        out.append("\t".join(" ".join(first) for first, _ in parts))
        out.append("")
        out.append("\t".join(" ".join(rest) for _, rest in parts))
    return out


def write_text_blocks(charter_blocks: list[Block], split_rows: set, path: Path) -> None:
    lines = ["", ""]
    for block in charter_blocks:
        if isinstance(block, TableBlock):
            lines += text_rows(block, split_rows) + [""]
        else:
            lines += [block.text, ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def write_text(spec: CharterSpec, split_rows: set, path: Path) -> None:
    write_text_blocks(blocks(spec), split_rows, path)

"""DOCX, HTML and text renderings of a charter spec."""
from __future__ import annotations

import html
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from .layout import TableBlock, blocks
from .specs import CharterSpec

A4 = (Cm(21.0), Cm(29.7))
MARGIN_CM = 1.27
# Share of the text width per column; the officer and documents columns are the wide ones.
SERVICE_WIDTHS = [0.06, 0.15, 0.18, 0.20, 0.12, 0.11, 0.18]
GRIEVANCE_WIDTHS = [0.08, 0.25, 0.27, 0.25, 0.15]
SIZES = {"title": 14, "heading": 12, "body": 10, "item": 10, "cell": 9}


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


def fill_cell(cell, lines: list[str], font: str, bold: bool = False) -> None:
    first = cell.paragraphs[0]
    for i, line in enumerate(lines):
        paragraph = first if i == 0 else cell.add_paragraph()
        add_text(paragraph, line, font, SIZES["cell"], bold)


def mark_header(row) -> None:
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)


def docx_table(doc, block: TableBlock, font: str, text_width) -> None:
    widths = SERVICE_WIDTHS if block.kind == "service" else GRIEVANCE_WIDTHS
    table = doc.add_table(rows=0, cols=len(widths))
    table.style = "Table Grid"
    heads = [block.header] + ([block.numbers] if block.numbers else [])
    for head in heads:
        row = table.add_row()
        mark_header(row)
        for cell, text in zip(row.cells, head):
            fill_cell(cell, [text], font, bold=True)
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    first_body = len(table.rows)
    for spec_row in block.rows:
        row = table.add_row()
        for cell, spec_cell in zip(row.cells, spec_row.cells):
            if not spec_cell.covered:
                fill_cell(cell, spec_cell.lines, font)
    for r, spec_row in enumerate(block.rows):
        for c, spec_cell in enumerate(spec_row.cells):
            if spec_cell.rowspan > 1:
                top = table.cell(first_body + r, c)
                top.merge(table.cell(first_body + r + spec_cell.rowspan - 1, c))
    # LibreOffice lays out by the table grid (w:gridCol), Word by the cell widths: set both.
    table.autofit = False
    for column, share in zip(table.columns, widths):
        column.width = int(text_width * share)
    for row in table.rows:
        for cell, share in zip(row.cells, widths):
            cell.width = int(text_width * share)


def setup_page(doc, orientation: str):
    section = doc.sections[0]
    width, height = A4 if orientation == "portrait" else (A4[1], A4[0])
    section.orientation = WD_ORIENT.PORTRAIT if orientation == "portrait" else WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = width, height
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(MARGIN_CM))
    return width - Cm(2 * MARGIN_CM)


def write_docx(spec: CharterSpec, font: str, orientation: str, path: Path) -> None:
    doc = Document()
    text_width = setup_page(doc, orientation)
    for block in blocks(spec):
        if isinstance(block, TableBlock):
            docx_table(doc, block, font, text_width)
            continue
        paragraph = doc.add_paragraph()
        add_text(paragraph, block.text, font, SIZES[block.kind], bold=block.kind in ("title", "heading"))
        if block.kind == "title":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(4)
    doc.save(path)


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


def html_cell(tag: str, lines: list[str], rowspan: int = 1, width: float = 0) -> str:
    attrs = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (f' style="width:{width:.0%}"' if width else "")
    return f"<{tag}{attrs}>" + "<br>".join(html.escape(line) for line in lines) + f"</{tag}>"


def html_table(block: TableBlock) -> str:
    widths = SERVICE_WIDTHS if block.kind == "service" else GRIEVANCE_WIDTHS
    head = "<tr>" + "".join(html_cell("th", [h], width=w) for h, w in zip(block.header, widths)) + "</tr>"
    if block.numbers:
        head += "<tr>" + "".join(html_cell("th", [n]) for n in block.numbers) + "</tr>"
    body = ["<tr>" + "".join(html_cell("td", c.lines, c.rowspan) for c in row.cells if not c.covered) + "</tr>"
            for row in block.rows]
    return f"<table>\n<thead>{head}</thead>\n<tbody>\n" + "\n".join(body) + "\n</tbody>\n</table>"


def html_block(block) -> str:
    if isinstance(block, TableBlock):
        return html_table(block)
    tag = {"title": 'p class="title"', "heading": "h2", "body": "p", "item": "p"}[block.kind]
    return f"<{tag}>{html.escape(block.text)}</{tag.split()[0]}>"


def write_html(spec: CharterSpec, font: str, orientation: str, path: Path) -> None:
    css = CSS.format(orientation=orientation, margin=MARGIN_CM, font=font)
    body = "\n".join(html_block(b) for b in blocks(spec))
    page = (f'<!DOCTYPE html>\n<html lang="{spec.language}">\n<head><meta charset="utf-8">'
            f"<title>{html.escape(spec.title_lines[-1])}</title>\n<style>{css}</style></head>\n"
            f"<body>\n{body}\n</body>\n</html>\n")
    path.write_text(page, encoding="utf-8")


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
    out = ["\t".join(block.header)] + (["\t".join(block.numbers)] if block.numbers else [])
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


def write_text(spec: CharterSpec, split_rows: set, path: Path) -> None:
    lines = ["", ""]
    for block in blocks(spec):
        if isinstance(block, TableBlock):
            lines += text_rows(block, split_rows) + [""]
        else:
            lines += [block.text, ""]
    path.write_text("\n".join(lines), encoding="utf-8")

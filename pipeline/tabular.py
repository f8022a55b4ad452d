"""Parquet and Excel copies of the finished CSVs, and ``load`` for analysts.

Every writer streams the CSVs (``emit.csv_rows``) with the column types of the
Table Schemas, so a phone stays the text ``+8801739973015`` and ``0173972015``
keeps its leading zero in pandas and Excel alike. The bytes depend on the CSVs
only (no clock): Parquet carries no time, and the workbook gets no creation date
and fixed zip entry times.
"""
from __future__ import annotations

import os
import tempfile
import zipfile
from datetime import datetime
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Iterator

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.writer.excel import ExcelWriter

from . import emit, package
from .validate import table_schema

ARROW_TYPES = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_()}
PANDAS_TYPES = {pa.string(): pd.StringDtype(), pa.int64(): pd.Int64Dtype(), pa.float64(): pd.Float64Dtype(),
                pa.bool_(): pd.BooleanDtype()}
BATCH_ROWS = 10_000
CHUNK_ROWS = 500           # rows held as Python objects at a time while a batch is built
# Excel's limits: longer cells are cut (the CSV keeps the whole text), longer tables go on in a second sheet.
EXCEL_CELL_CHARS = 32_767
EXCEL_SHEET_ROWS = 1_048_576
# Integers that name rather than count (serial numbers) are text cells in the workbook, as written.
TEXT_INTEGERS = {"serial", "sub_serial"}


# ------------------------------------------------------------------ typed values

def value(field: dict, text: str):
    """A CSV cell as the Python value its Table Schema field means ('' is None)."""
    if text == "":
        return None
    kind = field["type"]
    try:
        if kind == "integer":
            return int(text)
        if kind == "number":
            return float(text)
    except ValueError:
        return None    # the table check has already put this cell into errors.csv
    if kind == "boolean":
        return text in field.get("trueValues", ["true"])
    return text


def typed_rows(out: Path, name: str) -> Iterator[dict]:
    """The rows of ``out/<name>.csv`` with typed values, one at a time."""
    schema = {f["name"]: f for f in table_schema(name)["fields"]}
    for row in emit.csv_rows(out, name):
        yield {column: value(schema[column], text) for column, text in row.items() if column in schema}


def arrow_schema(name: str) -> pa.Schema:
    descriptor = table_schema(name)
    return pa.schema([pa.field(f["name"], ARROW_TYPES[f["type"]], metadata={"description": f["description"]})
                      for f in descriptor["fields"]],
                     metadata={"title": descriptor["title"], "description": descriptor["description"]})


def arrow_batches(out: Path, name: str) -> Iterator[pa.RecordBatch]:
    """The table in batches of BATCH_ROWS rows (a Parquet row group each). A batch is built column by
    column from CHUNK_ROWS rows at a time, so only that many rows are ever Python objects: the batch
    itself is Arrow's compact UTF-8, and the same values as one built from all its rows at once."""
    schema = arrow_schema(name)
    rows = typed_rows(out, name)
    while True:
        chunks: list[list[pa.Array]] = []
        for _ in range(BATCH_ROWS // CHUNK_ROWS):
            chunk = list(islice(rows, CHUNK_ROWS))
            if not chunk:
                break
            chunks.append([pa.array([row.get(f.name) for row in chunk], type=f.type) for f in schema])
            if len(chunk) < CHUNK_ROWS:
                break
        if not chunks:
            return
        columns = [chunks[0][i] if len(chunks) == 1 else pa.concat_arrays([c[i] for c in chunks])
                   for i in range(len(schema))]
        del chunks
        yield pa.RecordBatch.from_arrays(columns, schema=schema)


# ------------------------------------------------------------------ Parquet

def write_parquet(out: Path, name: str) -> Path:
    path = Path(out) / f"{name}.parquet"
    with emit.replacing(path) as tmp, pq.ParquetWriter(tmp, arrow_schema(name), compression="zstd") as writer:
        for batch in arrow_batches(out, name):
            writer.write_batch(batch)
    return path


def load(folder: str | Path, tables: list[str] | None = None) -> dict[str, pd.DataFrame]:
    """The tables of a processed folder as typed DataFrames (phones and ids as strings,
    nullable Int64/Float64/boolean numbers): from the Parquet copies, or from the CSVs
    when a copy is missing or older."""
    folder = Path(folder)
    frames = {}
    for name in tables or package.table_names(folder):
        parquet, csv = folder / f"{name}.parquet", folder / f"{name}.csv"
        if parquet.exists() and parquet.stat().st_mtime >= csv.stat().st_mtime:
            table = pq.read_table(parquet)
        else:
            table = pa.Table.from_batches(list(arrow_batches(folder, name)), schema=arrow_schema(name))
        frames[name] = table.to_pandas(types_mapper=PANDAS_TYPES.get)
    return frames


# ------------------------------------------------------------------ Excel

def _text(text: str) -> str:
    text = ILLEGAL_CHARACTERS_RE.sub("", emit.neutralise(text))
    return text if len(text) <= EXCEL_CELL_CHARS else text[:EXCEL_CELL_CHARS - 1] + "…"


def _cell(field: dict, text: str):
    if field["type"] == "string" or field["name"] in TEXT_INTEGERS:
        return _text(text) if text else None
    return value(field, text)


def _sheet(book: Workbook, title: str, header: list[str]):
    sheet = book.create_sheet(title=title)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    cells = []
    for column in header:
        cell = WriteOnlyCell(sheet, value=column)
        cell.font = bold
        cells.append(cell)
    sheet.append(cells)
    return sheet


def _write_sheets(book: Workbook, out: Path, name: str) -> None:
    fields = table_schema(name)["fields"]
    header = [f["name"] for f in fields]
    part, sheet, rows = 1, _sheet(book, name, header), 1
    for row in emit.csv_rows(out, name):
        if rows == EXCEL_SHEET_ROWS:
            part += 1
            sheet, rows = _sheet(book, f"{name} ({part})", header), 1
        sheet.append([_cell(f, row[f["name"]]) for f in fields])
        rows += 1


def write_xlsx(out: Path) -> Path:
    """``charters.xlsx``: one sheet per table, the header row frozen, phones and serials as text."""
    out = Path(out)
    book = Workbook(write_only=True)
    # The workbook must carry a date; the release's, or the zip epoch, never the clock.
    date = package.release_date(package.load_options(out)) or datetime(1980, 1, 1)
    book.properties.created = book.properties.modified = date
    for name in package.table_names(out):
        _write_sheets(book, out, name)
    # openpyxl's zip goes to a temporary file (the workbook is as large as the tables), then its
    # members are copied into the published zip with fixed times.
    # (A name a killed run's next start removes: emit.remove_stale_temp_files.)
    fd, built_path = tempfile.mkstemp(dir=out, prefix=".charters.xlsx.", suffix=".tmp")
    os.close(fd)
    try:
        # Workbook.save would stamp the clock as the modification time; its writer alone does not.
        ExcelWriter(book, zipfile.ZipFile(built_path, "w", zipfile.ZIP_DEFLATED, allowZip64=True)).save()
        with zipfile.ZipFile(built_path) as built:
            members = [(info.filename, partial(built.open, info)) for info in built.infolist()]
            return package.write_zip(out / "charters.xlsx", members)
    finally:
        Path(built_path).unlink(missing_ok=True)


def write(out: str | Path) -> list[Path]:
    """Parquet per table and the workbook, from the finished CSVs in ``out``."""
    out = Path(out)
    return [write_parquet(out, name) for name in package.table_names(out)] + [write_xlsx(out)]

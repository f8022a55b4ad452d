"""Parquet, the workbook and pipeline.load: the CSV rows with their types, phones intact."""
from __future__ import annotations

import pandas as pd
import pyarrow.parquet as pq
from openpyxl import load_workbook

from pipeline import emit, load, package, tabular
from pipeline.validate import table_schema

INVALID_10_DIGITS = "0173972015"       # institutional 8 of the Lakhai charter: kept, never "fixed"


def csv_values(folder, name) -> list[dict]:
    """The CSV rows as the Table Schema reads them."""
    return list(tabular.typed_rows(folder, name))


def test_parquet_round_trips_every_table(outputs_run):
    for name in package.table_names(outputs_run):
        assert pq.read_table(outputs_run / f"{name}.parquet").to_pylist() == csv_values(outputs_run, name), name


def test_parquet_types_follow_the_table_schema(outputs_run):
    schema = pq.read_schema(outputs_run / "services.parquet")
    assert [str(schema.field(c).type) for c in ("serial", "fee_bdt", "is_free", "officer_phones")] == [
        "int64", "double", "bool", "string"]
    assert schema.field("fee_bdt").metadata[b"description"].startswith(b"Fee in Bangladeshi taka")


def test_load_gives_typed_frames_with_phones_as_text(outputs_run):
    services = load(outputs_run)["services"]
    assert str(services.officer_phones.dtype) == "string" and str(services.serial.dtype) == "Int64"
    assert str(services.is_free.dtype) == "boolean" and str(services.fee_bdt.dtype) == "Float64"
    lakhai8 = services[services.service_id == "lakhai-ict-citizen-charter-0136d454:institutional:8"].iloc[0]
    assert lakhai8.officer_invalid_phones == INVALID_10_DIGITS
    assert "+8801739973015" in set(services.officer_phones.dropna())
    # What pandas makes of the CSV with its defaults, the complaint:
    naive = pd.read_csv(outputs_run / "contacts.csv")
    assert 173972015.0 in naive.invalid_phones.tolist()


def test_load_reads_the_csv_when_the_parquet_is_missing(outputs_run, tmp_path):
    (tmp_path / "services.csv").write_bytes((outputs_run / "services.csv").read_bytes())
    from_csv = load(tmp_path, ["services"])["services"]
    pd.testing.assert_frame_equal(from_csv, load(outputs_run, ["services"])["services"])


def test_workbook_round_trips_rows_with_text_phones_and_serials(outputs_run):
    book = load_workbook(outputs_run / "charters.xlsx", read_only=False)
    assert book.sheetnames == package.table_names(outputs_run)
    for name in book.sheetnames:
        sheet = book[name]
        assert sheet.freeze_panes == "A2"
        header, *rows = [[c.value for c in row] for row in sheet.iter_rows()]
        fields = table_schema(name)["fields"]
        assert header == [f["name"] for f in fields]
        expected = [[_excel(f, text) for f, text in zip(fields, row.values())]
                    for row in emit.csv_rows(outputs_run, name)]
        assert rows == expected, name
    services = book["services"]
    columns = [c.value for c in services[1]]
    lakhai8 = next(r for r in services.iter_rows(min_row=2) if r[0].value.endswith(":institutional:8"))
    invalid = lakhai8[columns.index("officer_invalid_phones")]
    serial = lakhai8[columns.index("serial")]
    assert (invalid.value, invalid.data_type) == (INVALID_10_DIGITS, "s")
    assert (serial.value, serial.data_type) == ("8", "s")
    assert lakhai8[columns.index("officer_name")].value == "আব্দুর রহিম"
    assert lakhai8[columns.index("is_free")].value is True


def _excel(field: dict, text: str):
    if text == "":
        return None
    return text if field["type"] == "string" or field["name"] == "serial" else tabular.value(field, text)


def test_a_formula_in_a_cell_stays_text_in_the_workbook(tmp_path):
    writer = emit.TableWriter(tmp_path, ["errors"])
    writer.add("errors", {"file": "=HYPERLINK(\"http://x\")", "stage": "extract", "reason": "-not a number"})
    writer.commit()
    tabular.write_xlsx(tmp_path)
    cells = [c for c in load_workbook(tmp_path / "charters.xlsx")["errors"][2]]
    assert [(c.value, c.data_type) for c in cells] == [
        ("'=HYPERLINK(\"http://x\")", "s"), ("extract", "s"), ("'-not a number", "s")]


def test_outputs_are_byte_identical_when_written_again(outputs_run, tmp_path):
    for name in package.table_names(outputs_run):
        (tmp_path / f"{name}.csv").write_bytes((outputs_run / f"{name}.csv").read_bytes())
    (tmp_path / package.OPTIONS_FILE).write_bytes((outputs_run / package.OPTIONS_FILE).read_bytes())
    tabular.write(tmp_path)
    for produced in ["charters.xlsx"] + [f"{n}.parquet" for n in package.table_names(outputs_run)]:
        assert (tmp_path / produced).read_bytes() == (outputs_run / produced).read_bytes(), produced

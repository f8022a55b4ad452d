"""The validate stage: check records and tables against the published contract.

The contract is data in ``schemas/``: ``charter.schema.json`` (JSON Schema
2020-12 for ``Charter.to_dict()``) and one Frictionless Table Schema per CSV
table. The pandera schemas used for DataFrames are derived from the Table
Schemas, so there is a single definition of every column. A batch checks each
record's rows with ``table_problems``: a compiled pass over the cells that
answers for rows that surely pass, and hands any other rows to pandera, so a
bad row gets pandera's messages.
"""
from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

import jsonschema
import pandas as pd
import pandera.errors
import pandera.pandas as pa
from pandera.io.pandas_io import from_frictionless_schema

TABLES = ["charters", "services", "contacts", "grievance", "expectations", "audit", "service_catalogue",
          "cross_charter", "errors"]

# pandera maps Table Schema types to numpy dtypes that cannot hold a missing
# value (and astype(bool) turns any string into True); these hold NA instead.
NULLABLE_DTYPES = {"integer": "Int64", "number": "Float64", "boolean": "boolean"}
# The Table Schema number syntax (no thousands separators, ASCII digits only).
ASCII_NUMBER = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?")


# ------------------------------------------------------------------ loading

def _schema_dir() -> Any:
    try:
        return resources.files("pipeline.schemas")
    except ModuleNotFoundError:
        # Source checkout without install: schemas/ sits next to pipeline/.
        return Path(__file__).resolve().parent.parent / "schemas"


@cache
def _load(filename: str) -> str:
    return (_schema_dir() / filename).read_text(encoding="utf-8")


def table_schema(name: str) -> dict:
    """The Frictionless Table Schema descriptor of table ``name``."""
    if name not in TABLES:
        raise KeyError(f"unknown table {name!r}; known: {', '.join(TABLES)}")
    return json.loads(_load(f"{name}.table.json"))


def charter_schema() -> dict:
    """The JSON Schema of one charter record."""
    return json.loads(_load("charter.schema.json"))


# ------------------------------------------------------------------ charter records

@cache
def _charter_validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(charter_schema())


def _json_path(path: Iterable[Any]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text.lstrip(".") or "$"


def _leaf_errors(error: jsonschema.ValidationError) -> list[jsonschema.ValidationError]:
    """Errors inside an anyOf (Officer or null) rather than 'not valid under any'."""
    if error.validator != "anyOf" or not error.context:
        return [error]
    # Drop the branch that only failed on its type (the null branch of a non-null value).
    branches: dict[int, list[jsonschema.ValidationError]] = {}
    for sub in error.context:
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)
    relevant = [subs for subs in branches.values()
                if not (len(subs) == 1 and subs[0].validator == "type" and not subs[0].relative_path)]
    return [leaf for subs in relevant or branches.values() for sub in subs for leaf in _leaf_errors(sub)]


def validate_charter(record: dict) -> list[str]:
    """One message per contract violation, each starting with the failing field's path."""
    return [f"{_json_path(leaf.absolute_path)}: {leaf.message}"
            for error in _charter_validator().iter_errors(record) for leaf in _leaf_errors(error)]


# ------------------------------------------------------------------ tables

@cache
def dataframe_schema(name: str) -> pa.DataFrameSchema:
    """The pandera schema of table ``name``, derived from its Table Schema."""
    descriptor = table_schema(name)
    schema = from_frictionless_schema(descriptor)
    schema = schema.update_columns({
        field["name"]: {"dtype": NULLABLE_DTYPES[field["type"]]}
        for field in descriptor["fields"]
        if field["type"] in NULLABLE_DTYPES and not field.get("constraints", {}).get("enum")
    })
    schema.ordered = True
    return schema


def _cell_lookup(field: dict, missing_values: list[str]) -> dict[str, Any]:
    lookup: dict[str, Any] = {v: pd.NA for v in missing_values}
    lookup.update({v: True for v in field.get("trueValues", [])})
    lookup.update({v: False for v in field.get("falseValues", [])})
    return lookup


def _foreign_numbers(values: pd.Series) -> pd.Series:
    """String cells that are not ASCII numbers (int("১") == 1, so pandas would accept them)."""
    return values.map(lambda v: isinstance(v, str) and not ASCII_NUMBER.fullmatch(v)).astype(bool)


def _apply_csv_conventions(name: str, df: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """Read string cells the Table Schema way: missing values to NA, true/false to booleans.

    Numeric strings are left for the schema's own coercion; those that are
    not ASCII numbers are reported here and blanked, so each is reported once.
    """
    descriptor = table_schema(name)
    missing = descriptor.get("missingValues", [""])
    out = df.astype(object)
    messages = []
    for field in descriptor["fields"]:
        column = field["name"]
        if column not in out.columns:
            continue
        lookup = _cell_lookup(field, missing)
        out[column] = out[column].map(lambda v: lookup.get(v, v) if isinstance(v, str) else v)
        if field["type"] in ("integer", "number"):
            foreign = _foreign_numbers(out[column])
            messages += [f"{column} row {index}: ascii_{field['type']}: {value!r}"
                         for index, value in out.loc[foreign, column].items()]
            out.loc[foreign, column] = pd.NA
    return out, messages


def _failure_messages(cases: pd.DataFrame) -> list[str]:
    """One message per failing cell and check, without pandera's echoes of a failed coercion."""
    messages = []
    coerce_failed = cases[cases["check"].astype(str).str.startswith("coerce_dtype")]
    failed_cells = set(zip(coerce_failed["column"], coerce_failed["index"]))
    failed_columns = set(coerce_failed["column"])
    for case in cases.itertuples(index=False):
        check = str(case.check)
        if check.startswith("dtype(") and (case.column, case.index) in failed_cells:
            continue   # the same cell already reported as not convertible
        if case.column in failed_columns and str(case.failure_case).startswith("TypeError("):
            continue   # a check that could not run on the unconverted column
        if pd.isna(case.column):
            messages.append(f"{check}: {case.failure_case}")
        elif case.index is None or pd.isna(case.index):
            messages.append(f"{case.column}: {check}: {case.failure_case}")
        else:
            messages.append(f"{case.column} row {case.index}: {check}: {case.failure_case!r}")
    return messages


def validate_table(name: str, df: pd.DataFrame) -> list[str]:
    """One message per failing cell ('column row i: check: value'), all checks run."""
    cells, messages = _apply_csv_conventions(name, df)
    try:
        dataframe_schema(name).validate(cells, lazy=True)
    except pandera.errors.SchemaErrors as exc:
        messages += _failure_messages(exc.failure_cases)
    return messages


# ------------------------------------------------------------------ rows of one record (a batch's hot path)

# What a compiled check accepts without asking pandera: ASCII digits (an Int64 cell), an ASCII decimal
# (a Float64 cell). Narrower than the schema allows; anything else goes to pandera, which says what is wrong.
_PLAIN_INTEGER = re.compile(r"0|[1-9][0-9]{0,17}")
_PLAIN_NUMBER = re.compile(r"[0-9]{1,15}(\.[0-9]{1,15})?(e[+-]?[0-9]{1,2})?")


def _cell_check(field: dict, missing: frozenset, primary: list[str]) -> Any:
    """A function telling whether one string cell surely passes ``field``'s checks in pandera
    (False: it may not, and pandera is asked)."""
    constraints = field.get("constraints", {})
    required = constraints.get("required", False) or field["name"] in primary
    kind, minimum = field["type"], constraints.get("minimum")
    enum = frozenset(constraints["enum"]) if "enum" in constraints else None
    # pandera anchors the pattern (^…$) and runs it on pyarrow strings (RE2, where $ is the end of the
    # text): Python's match must also end at the end of the text, not before a final newline.
    pattern = re.compile(f"(?:{constraints['pattern']})") if "pattern" in constraints else None
    booleans = frozenset(field.get("trueValues", []) + field.get("falseValues", []))

    def check(value: str) -> bool:
        if value in missing:
            return not required
        if kind == "string":
            if enum is not None and value not in enum:
                return False
            return pattern is None or pattern.fullmatch(value) is not None
        if kind == "boolean":
            return value in booleans
        if kind == "integer":
            return _PLAIN_INTEGER.fullmatch(value) is not None and (minimum is None or int(value) >= minimum)
        if kind == "number":
            return _PLAIN_NUMBER.fullmatch(value) is not None and (minimum is None or float(value) >= minimum) \
                and float(value) < 1e300
        return False
    return check


@cache
def _row_checks(name: str) -> tuple[list[tuple[str, Any]], list[list[str]]]:
    """(column, cell check) of every field, and the column groups whose values must be unique."""
    descriptor = table_schema(name)
    missing = frozenset(descriptor.get("missingValues", [""]))
    primary = descriptor.get("primaryKey", [])
    checks = [(f["name"], _cell_check(f, missing, primary)) for f in descriptor["fields"]]
    unique = [[f["name"]] for f in descriptor["fields"] if f.get("constraints", {}).get("unique")]
    if primary:
        unique.append(list(primary))
    return checks, unique


def surely_valid(name: str, rows: list[dict]) -> bool:
    """True when ``rows`` (dicts of string cells, the emitter's rows of table ``name``) surely pass
    ``validate_table``: every cell plainly of its type and within its constraints, unique columns
    unique. One pass over the cells, no DataFrame; False sends the rows to pandera."""
    checks, unique = _row_checks(name)
    columns = len(checks)
    for row in rows:
        if len(row) != columns:
            return False
        for column, check in checks:
            value = row.get(column)
            if type(value) is not str or not check(value):
                return False
    for group in unique:
        if len({tuple(row[c] for c in group) for row in rows}) != len(rows):
            return False
    try:        # a lone surrogate (a name the OS could not decode) is no Arrow string
        "".join(v for row in rows for v in row.values()).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def table_problems(name: str, rows: list[dict]) -> list[str]:
    """``validate_table``'s messages for one record's rows of table ``name`` (dicts of string cells):
    [] from the compiled check when the rows surely pass, else pandera's own messages."""
    if surely_valid(name, rows):
        return []
    frame = pd.DataFrame(rows, columns=[f["name"] for f in table_schema(name)["fields"]], dtype=str)
    return validate_table(name, frame)


def read_table_csv(path: Path) -> pd.DataFrame:
    """A table CSV as strings, exactly as written (the emitter's dialect)."""
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


# ------------------------------------------------------------------ processed folder

def _validate_charter_file(path: Path) -> list[str]:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [f"not readable JSON: {exc}"]
    return validate_charter(record)


def _validate_csv_file(table: str, path: Path) -> list[str]:
    try:
        frame = read_table_csv(path)
    except (OSError, ValueError) as exc:   # ParserError and UnicodeDecodeError are ValueErrors
        return [f"not readable CSV: {exc}"]
    return validate_table(table, frame)


def validate_folder(path: str | Path) -> list[str]:
    """Validate every charters/*.json and every <table>.csv in a processed folder."""
    root = Path(path)
    if not root.is_dir():
        return [f"{root}: no such folder"]
    missing = [name for name in ("datapackage.json", "services.csv") if not (root / name).exists()]
    messages = [f"{name}: missing (the run that wrote this folder did not finish)" for name in missing]
    for charter_file in sorted(root.glob("charters/*.json")):
        name = charter_file.relative_to(root).as_posix()
        messages += [f"{name}: {m}" for m in _validate_charter_file(charter_file)]
    for table in TABLES:
        csv = root / f"{table}.csv"
        if csv.exists():
            messages += [f"{csv.name}: {m}" for m in _validate_csv_file(table, csv)]
    return messages

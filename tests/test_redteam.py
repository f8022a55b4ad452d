"""Layouts written to break the pipeline (tests/fixtures/redteam*): each file is one
variation the rendered corpus lacks, with a truth a careful person would enter."""
from __future__ import annotations

import json
import re
import unicodedata

import pytest

from pipeline import process
from tests.conftest import FIXTURES

FIELDS = ["service_name", "fee_bdt", "is_free", "time_limit_days", "officer_name", "officer_designation",
          "officer_phones", "officer_emails"]


def inputs():
    for truth in sorted(FIXTURES.glob("redteam*/*.truth.json")):
        for source in sorted(truth.parent.glob(truth.name.replace(".truth.json", ".*"))):
            if source.suffix not in (".pdf", ".html", ".htm", ".txt", ".docx"):
                continue
            yield pytest.param(source, truth, id=source.name)


def norm(value):
    """The comparison every red-team checker makes (tests/fixtures/redteam*/ import it)."""
    if isinstance(value, str):
        return re.sub(r"\s+", " ", unicodedata.normalize("NFC", value)).strip()
    if isinstance(value, list):
        return sorted(norm(v) for v in value)
    return None if value is None else float(value) if not isinstance(value, bool) else value


def got_fields(service) -> dict:
    return {"service_name": service.name, "fee_bdt": service.fee_bdt, "is_free": service.is_free,
            "time_limit_days": service.time_limit_days, "officer_name": service.officer.name,
            "officer_designation": service.officer.designation, "officer_phones": service.officer.valid_phones,
            "officer_emails": service.officer.emails}


@pytest.mark.parametrize("source,truth", list(inputs()))
def test_services_as_a_person_reads_them(source, truth):
    expected = json.loads(truth.read_text(encoding="utf-8"))["services"]
    charter = process(source)
    got = [(s.section, s.serial, got_fields(s)) for s in charter.services]
    assert [(s.section, s.serial, s.sub_serial) for s in charter.services] == \
        [(e["section"], e["serial"], e.get("sub_serial")) for e in expected]
    for (section, serial, fields), want in zip(got, expected):
        for field in FIELDS:
            assert norm(fields[field]) == norm(want[field]), f"{section} {serial} {field}"

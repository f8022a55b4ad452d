"""Audit: consistency rules over charter records, one charter and many.

Works on ``Charter`` records only (as emitted to ``processed/charters``), so
``charter audit processed/`` can re-run it without the source documents.

* ``charter_findings(charter)``: audit.csv rows of one charter (the findings the
  earlier stages recorded, then the one-charter rules); a batch stores them with
  the record, so an unchanged record costs nothing on a re-run.
* ``cross_findings(rows)``: the rules across charters of one office type over
  the joined services/charters rows (``cross_rows``), with the tables
  ``service_catalogue`` and ``cross_charter``; ``service_keys(rows)`` fills
  services.csv's ``service_key``.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from .. import emit
from ..model import Charter, Finding
from . import charter as one
from . import text
from .base import finding_row
from .cross import cross_findings, service_keys

CHARTER_RULES = [one.invalid_phones, one.conflicting_contacts, one.contacts_in_wrong_column,
                 one.officers_without_contact, one.missing_values, one.fees_policy_only, one.serial_problems,
                 one.serials_not_from_one, one.duplicate_services, one.documents_only_place,
                 one.ditto_to_empty, text.invalid_emails, text.odd_code_points,
                 text.malformed_websites, text.escaped_markup, text.foreign_places, one.structure]

__all__ = ["audit", "audit_charter", "charter_findings", "cross_findings", "cross_rows", "service_keys",
           "tables"]


def audit_charter(charter: Charter) -> list[Finding]:
    return [f for rule in CHARTER_RULES for f in rule(charter)]


def charter_findings(charter: Charter) -> list[dict]:
    """audit.csv rows of one charter: its stage findings, then the one-charter rules."""
    return [finding_row(charter.charter_id, charter.source_file, f)
            for f in charter.findings + audit_charter(charter)]


def _contacts(charter: Charter) -> tuple[str, str]:
    phones = dict.fromkeys(p for g in charter.grievance for p in g.officer.valid_phones)
    emails = dict.fromkeys(e for g in charter.grievance for e in g.officer.emails)
    return ";".join(phones), ";".join(emails)


def cross_rows(charters: Iterable[Charter]) -> Iterator[dict]:
    """services.csv rows joined with their charters.csv row and the charter's GRS contacts."""
    for c in charters:
        head = emit.charter_row(c)
        head["grievance_phones"], head["grievance_emails"] = _contacts(c)
        for row in emit.service_rows(c):
            yield {**head, **row}


def audit(charters: list[Charter]) -> list[dict]:
    """Audit rows for every charter: stage findings, charter rules, then rules across charters."""
    rows = [row for c in charters for row in charter_findings(c)]
    return rows + cross_findings(cross_rows(charters))[0]


def tables(charters: list[Charter], services: list[dict]) -> dict[str, list[dict]]:
    """audit, service_catalogue and cross_charter for a run, and services.csv's service_key filled in."""
    keys = service_keys(cross_rows(charters))
    for row in services:
        row["service_key"] = keys.get((row["charter_id"], row["section"], row["serial"], row.get("sub_serial", "")), "")
    cross, extra = cross_findings(cross_rows(charters))
    return {"audit": [row for c in charters for row in charter_findings(c)] + cross, **extra}

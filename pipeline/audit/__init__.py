"""Audit: consistency rules over charter records, one charter and many.

Works on ``Charter`` records only (as emitted to ``processed/charters``), so
``charter audit processed/`` can re-run it without the source documents.

* ``charter_findings(charter)``: audit.csv rows of one charter (the findings the
  earlier stages recorded, then the one-charter rules); a batch stores them with
  the record, so an unchanged record costs nothing on a re-run.
* ``cross_findings(rows)``: the rules across charters of one office type over
  services.csv rows joined with their charters.csv row and GRS contacts
  (``emit.joined_service_rows``), with the tables ``service_catalogue`` and
  ``cross_charter``; ``service_keys(rows)`` fills services.csv's ``service_key``.
"""
from __future__ import annotations

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

__all__ = ["audit_charter", "charter_findings", "cross_findings", "service_keys"]


def audit_charter(charter: Charter) -> list[Finding]:
    return [f for rule in CHARTER_RULES for f in rule(charter)]


def charter_findings(charter: Charter) -> list[dict]:
    """audit.csv rows of one charter: its stage findings, then the one-charter rules."""
    return [finding_row(charter.charter_id, charter.source_file, f)
            for f in charter.findings + audit_charter(charter)]

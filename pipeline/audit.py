"""Audit: consistency rules over charter records, one charter and many.

Works on ``Charter`` records only (as emitted to ``processed/charters``), so
``charter audit processed/`` can re-run it without the source documents. The
findings the earlier stages recorded in a charter are reported with it.
"""
from __future__ import annotations

import statistics
from collections import defaultdict
from typing import Iterable

from .emit import charter_row, service_rows
from .lexicon import fold
from .model import Charter, Finding, Phone, Service
from .normalize import officer_key, parse_emails, parse_phones

# A service costing or taking this many times the median of the same service
# elsewhere is worth a look; fewer peers than this make no median.
PEER_RATIO = 1.5
MIN_PEERS = 3


def _where(services: list[Service]) -> str:
    by_section: dict[str, list[str]] = defaultdict(list)
    for s in services:
        by_section[s.section].append(str(s.serial) if s.serial is not None else "?")
    return "; ".join(f"{section} {', '.join(serials)}" for section, serials in by_section.items())


def _finding(rule: str, severity: str, message: str, service: Service | None = None, field: str | None = None):
    return Finding(rule=rule, severity=severity, message=message, field=field,
                   section=service.section if service else None, serial=service.serial if service else None)


# ------------------------------------------------------------------ phones and officers

def invalid_phones(charter: Charter) -> list[Finding]:
    """One finding per number that is not valid; a plausible landline is only noted."""
    seen: dict[str, list[Service]] = defaultdict(list)
    phones: dict[str, Phone] = {}
    for s in charter.services:
        for phone in s.officer.phones:
            if not phone.valid:
                seen[phone.digits].append(s)
                phones[phone.digits] = phone
    findings = []
    for digits, services in seen.items():
        possible = phones[digits].kind == "possible_fixed_line"
        rule, severity = ("unverified_landline", "info") if possible else ("invalid_phone", "error")
        findings.append(_finding(rule, severity, f"{'unverified' if possible else 'invalid'} phone number {digits} "
                                 f"({phones[digits].reason}) in the officer of {_where(services)}",
                                 services[0], "officer_phones"))
    return findings


def _officer_groups(services: list[Service]) -> list[list[Service]]:
    """Services grouped by officer: the same folded name or the same email is the same person."""
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        while parent.setdefault(key, key) != key:
            key = parent[key]
        return key

    for s in services:
        keys = [f"name:{fold(s.officer.name)}"] if s.officer.name else []
        keys += [f"email:{e}" for e in s.officer.emails]
        for other in keys[1:]:
            parent[find(other)] = find(keys[0])
    groups: dict[str, list[Service]] = defaultdict(list)
    for s in services:
        keys = [f"name:{fold(s.officer.name)}"] if s.officer.name else [f"email:{e}" for e in s.officer.emails]
        if keys:
            groups[find(keys[0])].append(s)
    return list(groups.values())


def conflicting_contacts(charter: Charter) -> list[Finding]:
    findings = []
    for services in _officer_groups(charter.services):
        for field, values_of in (("officer_phones", lambda s: s.officer.valid_phones),
                                 ("officer_emails", lambda s: s.officer.emails)):
            by_value: dict[str, list[Service]] = defaultdict(list)
            for s in services:
                for value in values_of(s):
                    by_value[value].append(s)
            if len(by_value) < 2:
                continue
            who = services[0].officer.name or services[0].officer.designation or officer_key(services[0].officer)
            listed = " and ".join(f"{value} ({_where(svcs)})" for value, svcs in by_value.items())
            second = list(by_value.values())[1][0]
            findings.append(_finding("officer_conflicting_contacts", "warning",
                                     f"{who} is listed with {len(by_value)} different "
                                     f"{field.split('_')[1]}: {listed}", second, field))
    return findings


def contacts_in_wrong_column(charter: Charter) -> list[Finding]:
    """A phone number or email in a column other than the officer's."""
    findings = []
    for s in charter.services:
        for field, text in (("service_name", s.name), ("fee_text", s.fee_text), ("time_limit_text", s.time_limit_text)):
            if parse_emails(text)[0] or any(p.valid for p in parse_phones(text)):
                findings.append(_finding("text_in_wrong_column", "warning",
                                         f"{field} holds contact details: '{text}'", s, field))
    return findings


# ------------------------------------------------------------------ values and serials

def missing_values(charter: Charter) -> list[Finding]:
    findings = []
    for s in charter.services:
        if not s.fee_text:
            findings.append(_finding("missing_fee", "warning", "no fee given", s, "fee_text"))
        elif s.fee_kind == "unspecified":
            findings.append(_finding("fee_not_understood", "info", f"fee '{s.fee_text}' has no amount or "
                                     "free/policy wording", s, "fee_bdt"))
        if not s.time_limit_text:
            findings.append(_finding("missing_time_limit", "warning", "no time limit given", s, "time_limit_text"))
        elif s.time_limit_days is None:
            findings.append(_finding("time_limit_not_understood", "info",
                                     f"time limit '{s.time_limit_text}' has no duration", s, "time_limit_days"))
        if not s.officer.raw:
            findings.append(_finding("missing_officer", "warning", "no responsible officer", s, "officer"))
    return findings


def serial_problems(charter: Charter) -> list[Finding]:
    findings = []
    for section in charter.sections:
        serials = [s.serial for s in section.services if s.serial is not None]
        if section.services and not serials:
            findings.append(Finding(rule="serial_missing", severity="info", section=section.kind, field="serial",
                                    message=f"the {section.kind} table has no serial numbers"))
            continue
        counts = defaultdict(int)
        for s in section.services:
            if s.serial is None:
                findings.append(_finding("serial_missing", "warning", f"service '{s.name[:60]}' has no serial",
                                         s, "serial"))
                continue
            counts[s.serial] += 1
            if counts[s.serial] == 2:
                findings.append(_finding("serial_duplicate", "warning", f"serial {s.serial} appears twice", s,
                                         "serial"))
        missing = sorted(set(range(min(serials, default=1), max(serials, default=0) + 1)) - set(serials))
        if missing:
            findings.append(Finding(rule="serial_gap", severity="warning", section=section.kind, field="serial",
                                    message=f"serials {', '.join(map(str, missing))} missing between "
                                            f"{min(serials)} and {max(serials)}"))
    return findings


def structure(charter: Charter) -> list[Finding]:
    findings = []
    if not charter.services:
        findings.append(Finding(rule="no_services", severity="warning",
                                message="no service rows: a blank template or an unrecognised layout"))
    if not charter.grievance:
        findings.append(Finding(rule="missing_grievance_section", severity="warning",
                                message="no grievance redress (GRS) table"))
    if not charter.vision and not charter.mission:
        findings.append(Finding(rule="missing_vision_mission", severity="info", message="no vision or mission"))
    return findings


CHARTER_RULES = [invalid_phones, conflicting_contacts, contacts_in_wrong_column, missing_values,
                 serial_problems, structure]


def audit_charter(charter: Charter) -> list[Finding]:
    return [f for rule in CHARTER_RULES for f in rule(charter)]


# ------------------------------------------------------------------ across charters

def _number(text: str) -> float | None:
    return float(text) if text else None


def peer_outliers(rows: Iterable[dict]) -> list[dict]:
    """A service that costs or takes much more than the same service in other offices.

    ``rows`` are services.csv rows (with their charter's columns); only small
    tuples of them are kept.
    """
    by_name: dict[str, list[tuple]] = defaultdict(list)
    for row in rows:
        if row["service_name"]:
            by_name[fold(row["service_name"])].append(
                (row["charter_id"], row["source_file"], row["section"], row["serial"],
                 _number(row["fee_bdt"]), _number(row["time_limit_days"])))
    out = []
    for entries in by_name.values():
        for field, index, unit in (("fee_bdt", 4, "taka"), ("time_limit_days", 5, "days")):
            values = [entry for entry in entries if entry[index] is not None]
            if len({entry[0] for entry in values}) < MIN_PEERS:
                continue
            median = statistics.median(entry[index] for entry in values)
            for charter_id, source_file, section, serial, *numbers in values:
                value = numbers[index - 4]
                if value > PEER_RATIO * median and value > median:
                    against = "where most give it free" if field == "fee_bdt" and median == 0 \
                        else f"against a median of {median:g}"
                    out.append({"charter_id": charter_id, "source_file": source_file, "rule": "above_peers",
                                "severity": "info", "section": section, "serial": serial, "field": field,
                                "message": f"{field} {value:g} {unit} {against} over {len(values)} charters "
                                           "with the same service"})
    return out


def finding_row(charter: Charter, finding: Finding) -> dict:
    return {"charter_id": charter.charter_id, "source_file": charter.source_file, "rule": finding.rule,
            "severity": finding.severity, "section": finding.section or "",
            "serial": "" if finding.serial is None else str(finding.serial), "field": finding.field or "",
            "message": finding.message}


def charter_findings(charter: Charter) -> list[dict]:
    """audit.csv rows of one charter: its stage findings, then the one-charter rules."""
    return [finding_row(charter, f) for f in charter.findings + audit_charter(charter)]


def cross_findings(rows: Iterable[dict]) -> tuple[list[dict], dict[str, list[dict]]]:
    """audit.csv rows across charters from the joined services rows, and the extra tables (none yet)."""
    return peer_outliers(rows), {}


def audit(charters: list[Charter]) -> list[dict]:
    """Audit rows for every charter: stage findings, charter rules, then rules across charters."""
    rows = [row for c in charters for row in charter_findings(c)]
    joined = ({**charter_row(c), **row} for c in charters for row in service_rows(c))
    return rows + cross_findings(joined)[0]

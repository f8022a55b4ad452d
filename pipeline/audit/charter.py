"""Rules over one charter: contacts, values, serials, repairs and structure."""
from __future__ import annotations

from collections import defaultdict

from .. import keywords as kw
from ..catalogue import name_form, similarity
from ..lexicon import contains_any, fold
from ..model import Charter, Finding, Phone, Service
from ..values.email import parse_emails
from ..values.officer import officer_key
from ..values.phone import parse_phones
from .base import finding, where

# Readers that know a merged cell from an empty one (rowspan, vMerge, missing
# rules); a text copy cannot tell them apart.
# Two names of one section this similar (after catalogue folding) are one service listed twice.
DUPLICATE_SIMILARITY = 95


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
        findings.append(finding(rule, severity, f"{'unverified' if possible else 'invalid'} phone number {digits} "
                                f"({phones[digits].reason}) in the officer of {where(services)}",
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


def _who(s: Service) -> str:
    return s.officer.name or s.officer.designation or officer_key(s.officer) or s.officer.raw[:40]


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
            listed = " and ".join(f"{value} ({where(svcs)})" for value, svcs in by_value.items())
            second = list(by_value.values())[1][0]
            findings.append(finding("officer_conflicting_contacts", "warning",
                                    f"{_who(services[0])} is listed with {len(by_value)} different "
                                    f"{field.split('_')[1]}: {listed}", second, field))
    return findings


def contacts_in_wrong_column(charter: Charter) -> list[Finding]:
    """A phone number or email in a column other than the officer's."""
    findings = []
    for s in charter.services:
        for field, text in (("service_name", s.name), ("fee_text", s.fee_text), ("time_limit_text", s.time_limit_text)):
            if parse_emails(text)[0] or any(p.valid for p in parse_phones(text)):
                findings.append(finding("text_in_wrong_column", "warning",
                                        f"{field} holds contact details: '{text}'", s, field))
    return findings


def _no_contact(officer) -> bool:
    return bool(officer.raw) and not (officer.phones or officer.emails or officer.invalid_emails)


def officers_without_contact(charter: Charter) -> list[Finding]:
    """An officer or GRS contact with no phone and no email: a citizen cannot reach them."""
    by_officer: dict[str, list[Service]] = defaultdict(list)
    for s in charter.services:
        if _no_contact(s.officer):
            by_officer[officer_key(s.officer) or fold(s.officer.raw)].append(s)
    findings = [finding("officer_no_contact", "warning", f"officer '{_who(services[0])}' of {where(services)} "
                        "has no phone and no email", services[0], "officer")
                for services in by_officer.values()]
    for g in charter.grievance:
        if _no_contact(g.officer):
            who = g.officer.name or g.officer.designation or g.officer.raw[:40]
            findings.append(Finding(rule="officer_no_contact", severity="warning", section="grievance",
                                    serial=g.serial, field="officer",
                                    message=f"grievance contact '{who}' (grievance {g.serial}) has no phone and no "
                                            "email"))
    return findings


# ------------------------------------------------------------------ values and serials

def fees_policy_only(charter: Charter) -> list[Finding]:
    """A fee that names a rule (বিধি মোতাবেক) and no amount: the citizen cannot know the price."""
    by_text: dict[str, list[Service]] = defaultdict(list)
    for s in charter.services:
        if s.fee_text and s.fee_kind == "policy":
            by_text[s.fee_text].append(s)
    return [finding("fee_policy_only", "warning", f"fee '{text}' in {where(services)} names a rule, not an amount",
                    services[0], "fee_bdt") for text, services in by_text.items()]


def missing_values(charter: Charter) -> list[Finding]:
    findings = []
    for s in charter.services:
        if not s.fee_text:
            findings.append(finding("missing_fee", "warning", f"no fee given in {where([s])}", s, "fee_text"))
        elif s.fee_kind == "unspecified":
            findings.append(finding("fee_not_understood", "info", f"fee '{s.fee_text}' in {where([s])} has no "
                                    "amount or free/policy wording", s, "fee_bdt"))
        if not s.time_limit_text:
            findings.append(finding("missing_time_limit", "warning", f"no time limit given in {where([s])}", s,
                                    "time_limit_text"))
        elif s.time_limit_days is None:
            findings.append(finding("time_limit_not_understood", "info",
                                    f"time limit '{s.time_limit_text}' in {where([s])} has no duration", s,
                                    "time_limit_days"))
        if not s.officer.raw:
            # An empty cell under an officer that is not merged with it stays empty (repair).
            empty = any(r.action == "officer_empty" for r in s.provenance.repairs)
            findings.append(finding("missing_officer", "warning", f"no responsible officer in {where([s])}"
                                    + (": the officer cell is empty, not merged with the one above" if empty else ""),
                                    s, "officer"))
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
                findings.append(finding("serial_missing", "warning", f"service '{s.name[:60]}' has no serial",
                                        s, "serial"))
                continue
            counts[s.serial] += 1
            if counts[s.serial] == 2:
                findings.append(finding("serial_duplicate", "warning", f"serial {s.serial} appears twice", s,
                                        "serial"))
        missing = sorted(set(range(min(serials, default=1), max(serials, default=0) + 1)) - set(serials))
        if missing:
            findings.append(Finding(rule="serial_gap", severity="warning", section=section.kind, field="serial",
                                    message=f"serials {', '.join(map(str, missing))} missing between "
                                            f"{min(serials)} and {max(serials)}"))
    return findings


def serials_not_from_one(charter: Charter) -> list[Finding]:
    """A section whose serials start neither at 1 nor where the previous section's ended."""
    findings = []
    last = 0
    for section in charter.sections:
        serials = [s.serial for s in section.services if s.serial is not None]
        if not serials:
            continue
        if serials[0] not in (1, last + 1):
            first = next(s for s in section.services if s.serial is not None)
            findings.append(finding("serial_not_from_one", "warning", f"the {section.kind} serials start at "
                                    f"{serials[0]}, not at 1" + (f" or {last + 1}" if last else ""), first, "serial"))
        last = max(serials)
    return findings


def duplicate_services(charter: Charter) -> list[Finding]:
    """The same service listed twice in one section."""
    findings = []
    for section in charter.sections:
        seen: list[tuple[str, Service]] = []
        for s in section.services:
            form = name_form(s.name)
            if not form:
                continue
            twin = next((t for f, t in seen if similarity(form, f) >= DUPLICATE_SIMILARITY), None)
            if twin is not None:
                findings.append(finding("duplicate_service", "warning", f"service '{s.name[:60]}' is listed twice "
                                        f"in {section.kind}: {where([twin, s])}", s, "service_name"))
            else:
                seen.append((form, s))
    return findings


def documents_only_place(charter: Charter) -> list[Finding]:
    """A documents column naming only an office (where the form is had), no paper to bring."""
    by_text: dict[str, list[Service]] = defaultdict(list)
    for s in charter.services:
        text = s.required_documents
        if text and contains_any(text, kw.PLACE_ONLY_WORDS) and not contains_any(text, kw.DOCUMENT_WORDS):
            by_text[text].append(s)
    return [finding("documents_only_place", "warning", f"the documents column of {where(services)} names only a "
                    f"place: '{text[:80]}'", services[0], "required_documents")
            for text, services in by_text.items()]


# ------------------------------------------------------------------ what the reader and repair did

# A column role as the record's field (a repair names the column, a finding the field).
ROLE_FIELDS = {"documents": "required_documents", "method": "delivery_method", "fee": "fee_text",
               "time_limit": "time_limit_text"}


def ditto_to_empty(charter: Charter) -> list[Finding]:
    """A ditto mark under an empty cell: repair gave it the nearest value above (or none
    was there), which the charter's author may not have meant."""
    findings = []
    for s in charter.services:
        for r in s.provenance.repairs:
            if r.action in ("ditto_over_empty", "ditto_unresolved"):
                role = r.detail.split(" ", 1)[0]
                field = ROLE_FIELDS.get(role, role)
                findings.append(finding("ditto_to_empty", "warning", f"ditto mark in {where([s])} {field} points at "
                                        f"an empty cell: {r.detail.split(': ', 1)[-1]}", s, field))
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

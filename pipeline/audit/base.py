"""What every audit rule shares: findings, where they point, the texts they read."""
from __future__ import annotations

from collections import defaultdict
from typing import Iterator

from ..model import Charter, Finding, Service


def where(services: list[Service]) -> str:
    """'citizen 1, 2; institutional 4': the services a finding concerns."""
    by_section: dict[str, list[str]] = defaultdict(list)
    for s in services:
        by_section[s.section].append(str(s.serial) if s.serial is not None else "?")
    return "; ".join(f"{section} {', '.join(serials)}" for section, serials in by_section.items())


def finding(rule: str, severity: str, message: str, service: Service | None = None,
            field: str | None = None) -> Finding:
    return Finding(rule=rule, severity=severity, message=message, field=field,
                   section=service.section if service else None, serial=service.serial if service else None)


def finding_row(charter_id: str, source_file: str, f: Finding) -> dict:
    """One audit.csv row."""
    return {"charter_id": charter_id, "source_file": source_file, "rule": f.rule, "severity": f.severity,
            "section": f.section or "", "serial": "" if f.serial is None else str(f.serial),
            "field": f.field or "", "message": f.message}


def service_texts(s: Service) -> Iterator[tuple[str, str]]:
    """(services.csv column, text) of every cell of a service, as written."""
    yield "service_name", s.name
    yield "delivery_method", s.delivery_method_text
    yield "required_documents", s.required_documents
    yield "fee_text", s.fee_text
    yield "time_limit_text", s.time_limit_text
    yield "officer", s.officer.raw
    if s.superior_officer:
        yield "superior_officer", s.superior_officer.raw
    for column, text in s.extra.items():
        yield column, text


def charter_texts(charter: Charter) -> Iterator[tuple[Service | None, str, str]]:
    """(service or None, field, text) of every text a charter holds."""
    for field in ("office_name", "department", "vision", "mission"):
        yield None, field, getattr(charter, field)
    for s in charter.services:
        for field, text in service_texts(s):
            yield s, field, text
    for g in charter.grievance:
        yield None, f"grievance {g.serial if g.serial is not None else '?'} officer", g.officer.raw
        yield None, f"grievance {g.serial if g.serial is not None else '?'} address", g.address
    for i, text in enumerate(charter.expectations, 1):
        yield None, f"expectation {i}", text


def place(service: Service | None, field: str) -> str:
    """Where a text sits, for a message: 'citizen 4 fee_text', 'office_name'."""
    return f"{where([service])} {field}" if service else field

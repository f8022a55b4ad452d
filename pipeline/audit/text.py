"""Rules over the text a charter holds: addresses, code points, markup, places."""
from __future__ import annotations

import functools
import unicodedata
from collections import defaultdict

import regex

from .. import gazetteer
from .. import keywords as kw
from ..gazetteer import loose
from ..lexicon import clean
from ..model import Charter, Finding, Officer, Service
from ..values.email import parse_emails
from .base import charter_texts, finding, place, service_texts, where


def _finding_at(rule: str, severity: str, message: str, service: Service | None, field: str) -> Finding:
    if service is not None:
        return finding(rule, severity, message, service, field)
    return Finding(rule=rule, severity=severity, message=message, field=field.split(" ")[0])


# ------------------------------------------------------------------ emails

@functools.lru_cache(maxsize=1)
def _after_email_label() -> regex.Pattern:
    labels = "|".join(regex.escape(w) for w in sorted(kw.EMAIL_LABELS, key=len, reverse=True))
    # A label is a whole word (ঃ may follow it); the token after it is what the office typed as its address.
    return regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?:{labels})(?![\p{{L}}\p{{M}}--[ঃ]])\s*[ঃ:.\-–]*\s*"
                         r"(?P<token>[^\s,;।]+)",
                         regex.IGNORECASE | regex.V1)


def _bad_addresses(officer: Officer) -> list[str]:
    """Addresses an officer cell gives that are none: no '@' after the label, or bad syntax."""
    bad = list(officer.invalid_emails)
    for m in _after_email_label().finditer(officer.raw):
        token = m.group("token")
        if "@" not in token and regex.search(r"[A-Za-z]", token) and not parse_emails(token)[0]:
            bad.append(token)
    return list(dict.fromkeys(bad))


def invalid_emails(charter: Charter) -> list[Finding]:
    by_token: dict[str, list[Service]] = defaultdict(list)
    for s in charter.services:
        for token in _bad_addresses(s.officer):
            by_token[token].append(s)
    findings = [finding("invalid_email", "error", f"invalid email '{token}' in {where(services)}", services[0],
                        "officer_emails") for token, services in by_token.items()]
    for g in charter.grievance:
        findings += [Finding(rule="invalid_email", severity="error", section="grievance", serial=g.serial,
                             field="officer_emails", message=f"invalid email '{token}' in grievance {g.serial}")
                     for token in _bad_addresses(g.officer)]
    return findings


# ------------------------------------------------------------------ code points

_CONSONANT = "\u0995-\u09b9\u09dc-\u09df\u09f0\u09f1"
# A dependent vowel sign, hasanta or nukta stands only after a consonant (a vowel
# sign also after a nukta or hasanta-less cluster end); alone it stands for a lost letter.
_LONE_SIGN = regex.compile(rf"(?:(?<![{_CONSONANT}\u09bc])[\u09be-\u09cc\u09d7\u09cd])|(?<![{_CONSONANT}])\u09bc")


def _word_at(text: str, index: int) -> str:
    start = text.rfind(" ", 0, index) + 1
    end = text.find(" ", index)
    return text[start:end if end >= 0 else len(text)]


def _odd_code_points(text: str) -> list[str]:
    """'Assamese ra U+09F0 for র in 'ৰেজিস্ট্রি'' for every look-alike or lone sign."""
    found = []
    for sequence, meant, what in kw.LOOKALIKE_CHARACTERS:
        for m in regex.finditer(regex.escape(sequence), text):
            found.append(f"{what} for {meant} in '{_word_at(text, m.start())}'")
    for m in _LONE_SIGN.finditer(text):
        sign = m.group(0)
        found.append(f"lone sign U+{ord(sign):04X} ({unicodedata.name(sign, '?').lower()}) in "
                     f"'{_word_at(text, m.start())}'")
    return found


def odd_code_points(charter: Charter) -> list[Finding]:
    return [_finding_at("lookalike_code_point", "warning", f"{what} ({place(s, field)})", s, field)
            for s, field, text in charter_texts(charter) if text for what in _odd_code_points(text)]


# ------------------------------------------------------------------ websites

_URL_LIKE = regex.compile(r"[^\s<>\"'()]*(?:https?|www|\.gov[.,]bd|\.com\b|\.org\b)[^\s<>\"'()]*", regex.IGNORECASE)
_GOOD_URL = regex.compile(r"(?:https?://)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?::[0-9]+)?(?:[/?#]\S*)?",
                          regex.IGNORECASE)


def _malformed(text: str) -> list[str]:
    bad = []
    for m in _URL_LIKE.finditer(text):
        token = m.group(0).rstrip(".,;।")
        if "@" in token or not token:
            continue
        if not _GOOD_URL.fullmatch(token) or regex.match(r"(?i)w{4,}\.|ww\.", token):
            bad.append(token)
    return bad


def malformed_websites(charter: Charter) -> list[Finding]:
    """A website that no browser opens: http//:, www,, a host without a dot, stray commas."""
    # The website as written in the title block (website_text) is what shows a
    # malformed address; ``website`` keeps only what the URL pattern could take,
    # and office_name what it left ('http' of 'http//:…').
    written = [(None, "website", getattr(charter, "website_text", "") or charter.website)]
    findings = []
    for s, field, text in written + list(charter_texts(charter)):
        for token in _malformed(text or ""):
            findings.append(_finding_at("malformed_website", "warning",
                                        f"malformed website '{token}' ({place(s, field)})", s, field))
    return findings


# ------------------------------------------------------------------ markup

# Entities, tags and JSON escapes that a portal's CMS let through as text.
_MARKUP = regex.compile(r"&(?:#[0-9]{2,5}|#x[0-9a-f]{2,4}|[a-z]{2,8});|<\\?/?[a-z][a-z0-9]{0,9}(?:\s[^<>]{0,60})?/?>"
                        r"|\\u[0-9a-f]{4}|\\[rnt](?![a-z])|\\/", regex.IGNORECASE)


def escaped_markup(charter: Charter) -> list[Finding]:
    findings = []
    for s, field, text in charter_texts(charter):
        fragments = list(dict.fromkeys(m.group(0) for m in _MARKUP.finditer(text or "")))
        if fragments:
            shown = ", ".join(f"'{f}'" for f in fragments[:4])
            findings.append(_finding_at("escaped_markup", "warning", f"escaped markup {shown} in text "
                                        f"({place(s, field)})", s, field))
    return findings


# ------------------------------------------------------------------ other offices' places

def _key(text: str) -> str:
    return loose(clean(text).lower())


@functools.lru_cache(maxsize=1)
def _place_names() -> tuple[regex.Pattern, dict[str, list[gazetteer.Place]]]:
    by_name: dict[str, list[gazetteer.Place]] = defaultdict(list)
    for level in ("upazila", "district"):
        for p in gazetteer.places()[level]:
            for name in (p.name_bn, p.name_en):
                if len(_key(name)) >= 3:
                    by_name[_key(name)].append(p)
    names = "|".join(regex.escape(n) for n in sorted(by_name, key=len, reverse=True))
    context = "|".join(regex.escape(_key(w)) for w in kw.PLACE_CONTEXT_WORDS)
    local = "|".join(regex.escape(_key(w)) for w in kw.LOCAL_BODY_WORDS)
    # A place counts where an address puts it: after a comma, or beside উপজেলা/জেলা/থানা;
    # not before ইউনিয়ন/পৌরসভা (a union may bear another upazila's name).
    pattern = regex.compile(rf"(?:(?<=,\s*)|(?<=(?:{context})\s+))(?P<name>{names})(?![\p{{L}}\p{{M}}])"
                            rf"(?!\s*(?:{local}))"
                            rf"|(?<![\p{{L}}\p{{M}}])(?P<name2>{names})(?=\s*,|\s+(?:{context})(?![\p{{L}}\p{{M}}]))")
    return pattern, by_name


def _own_names(charter: Charter) -> set[str]:
    """Names a charter may hold: its own places and the capital; a district office's own upazilas too."""
    loc = charter.location
    own = {_key(n) for n in (loc.upazila, loc.upazila_en, loc.district, loc.district_en, loc.division,
                             loc.division_en) + tuple(kw.CAPITAL_NAMES) if n}
    if not loc.upazila:
        districts = {d.id for d in gazetteer.places()["district"] if d.name_bn == loc.district}
        own |= {_key(u.name_bn) for u in gazetteer.places()["upazila"] if u.parent in districts}
        own |= {_key(u.name_en) for u in gazetteer.places()["upazila"] if u.parent in districts}
    return own


def _foreign(text: str, own: set[str]) -> list[tuple[str, str]]:
    """(name, what it is) of every other upazila or district named in ``text``."""
    pattern, by_name = _place_names()
    found = []
    for m in pattern.finditer(_key(text)):
        name = m.group("name") or m.group("name2")
        # 'হবিগঞ্জ সদর' is the own district's seat; a name of the own place is no finding.
        if name in own or any(o in name.split() for o in own):
            continue
        places = by_name[name]
        what = ", ".join(sorted({f"{p.level} in {_district_of(p)}" if p.level == "upazila" else "district"
                                 for p in places}))
        found.append((places[0].name_bn if _key(places[0].name_bn) == name else places[0].name_en, what))
    return found


def _district_of(p: gazetteer.Place) -> str:
    return next((d.name_en for d in gazetteer.places()["district"] if d.id == p.parent), "?")


def foreign_places(charter: Charter) -> list[Finding]:
    """Another upazila's or district's name in a service cell: text copied from another office."""
    if not (charter.location.upazila or charter.location.district):
        return []
    own = _own_names(charter)
    findings = []
    for s in charter.services:
        for field, text in service_texts(s):
            for name, what in dict.fromkeys(_foreign(text or "", own)):
                findings.append(finding("foreign_place_name", "warning", f"'{name}' ({what}) in {where([s])} {field}, "
                                        f"a charter of {charter.location.upazila or charter.location.district}: "
                                        "copied from another office?", s, field))
    return findings

"""Normalize: from repaired rows to a typed ``Charter``.

Value parsers (fees, time limits, phones, emails, officers) are plain
functions of a string so they can be tested on their own; ``normalize``
walks the repaired document and builds the record.
"""
from __future__ import annotations

import math

import phonenumbers
import regex
from email_validator import EmailNotValidError, validate_email

from . import __version__, gazetteer
from . import keywords as kw
from .lexicon import (ascii_digits, clean, contains_any, find_designation, find_designations, fold,
                      has_numbering, heading_kind, is_charter_title, is_government_line, numbers, parse_int,
                      strip_numbering)
from .model import (Charter, Finding, GrievanceContact, Line, LogicalRow, Officer, Phone, Provenance,
                    RepairedDocument, RepairedTable, Section, Service)

class NotACharterError(ValueError):
    """The document reads, but holds nothing of a charter."""


# ------------------------------------------------------------------ fees

_AFTER_AMOUNT = regex.compile(r"^\s*(?:\([^)]{1,25}\)\s*)?(?:/\s*[-=]|" + "|".join(
    regex.escape(w) for w in kw.CURRENCY_WORDS) + r")", regex.IGNORECASE)
_BEFORE_AMOUNT = regex.compile("(?:" + "|".join(regex.escape(w) for w in kw.CURRENCY_PREFIXES) + r")\s*$",
                               regex.IGNORECASE)
_CURRENCY = "|".join(regex.escape(w) for w in kw.CURRENCY_WORDS)
_VAT_NOTE = regex.compile(r"[0-9০-৯.]+\s*%\s*(?:" + "|".join(regex.escape(w) for w in kw.VAT_WORDS) + ")",
                          regex.IGNORECASE)
# (ক) … (খ) … labels alternatives within one cell.
_SUB_LABELS = regex.compile(rf"(?:^|\s)\(?[{kw.LIST_MARKER_LETTERS}]\)")


def _amounts(text: str) -> list[float]:
    """Numbers that the text marks as money: '২০ টাকা', '২০/-', '৳ ২০', '১০০ (একশত) টাকা'."""
    found = []
    for value, start, end in numbers(text):
        if _AFTER_AMOUNT.match(text[end:]) or _BEFORE_AMOUNT.search(text[:start]):
            found.append(value)
    return found


def parse_fee(text: str, alternatives: bool = False) -> tuple[float | None, bool | None, str]:
    """(fee_bdt, is_free, fee_kind) from a fee cell.

    Free is 0 taka; itemised amounts are added up; tiers and alternatives
    (জরুরি/সাধারণ, অথবা, '/') give their upper bound, like time limits do; a
    rate (প্রতি …, সর্বনিম্ন …) or a policy reference has no single amount.
    ``alternatives``: the amounts come from sub-rows (ক, খ) of one service, so
    they are tiers whatever the wording.
    """
    text = clean(text)
    if not text:
        return None, None, "unspecified"
    amounts = _amounts(text)
    if not amounts and (bare := parse_int(text)) is not None:
        amounts = [float(bare)]
    free = contains_any(text, kw.FREE_WORDS)
    rate = contains_any(_VAT_NOTE.sub(" ", text), kw.FEE_RATE_WORDS)
    if not amounts:
        if free:
            return 0.0, True, "free"
        if rate:
            return None, False, "rate"
        return None, False if contains_any(text, kw.POLICY_WORDS) else None, \
            "policy" if contains_any(text, kw.POLICY_WORDS) else "unspecified"
    if rate:
        return None, False, "rate"
    if len(amounts) == 1:
        return amounts[0], amounts[0] == 0, "amount" if amounts[0] else "free"
    if alternatives or contains_any(text, kw.FEE_TIER_WORDS) or _SUB_LABELS.search(text) \
            or regex.search(rf"\d\s*(?:{_CURRENCY})?\s*/\s*[^-=\s]", ascii_digits(text)):
        return max(amounts), False, "tiered"
    return sum(amounts), False, "itemised"


# ------------------------------------------------------------------ time limits

def _unit_pattern() -> regex.Pattern:
    words = sorted(((w, unit, days) for unit, ws, days in kw.TIME_UNITS for w in ws), key=lambda t: -len(t[0]))
    return regex.compile("|".join(f"(?P<w{i}>{regex.escape(w)})" for i, (w, _, _) in enumerate(words)),
                         regex.IGNORECASE), words


_UNITS, _UNIT_WORDS = _unit_pattern()
_RANGE = "|".join(regex.escape(w) for w in sorted(kw.RANGE_WORDS, key=len, reverse=True))
_NUMBER_WORD = regex.compile("|".join(regex.escape(w) for w in sorted(kw.NUMBER_WORDS, key=len, reverse=True)))
_QUANTITY = regex.compile(
    rf"(?P<low>[0-9০-৯]+|{_NUMBER_WORD.pattern})(?:\s*(?:{_RANGE})\s*(?P<high>[0-9০-৯]+))?"
    rf"\s*(?:\([^)]{{1,20}}\)\s*)?(?P<unit>{_UNITS.pattern})", regex.IGNORECASE)


def _quantity(text: str) -> float:
    return float(parse_int(text)) if parse_int(text) is not None else float(kw.NUMBER_WORDS[text.lower()])


def _unit_of(match: regex.Match) -> tuple[str, float]:
    i = next(int(k[1:]) for k, v in match.groupdict().items() if v and k[0] == "w" and k[1:].isdigit())
    _, unit, days = _UNIT_WORDS[i]
    return unit, days


def parse_time_limit(text: str) -> tuple[float | None, str | None]:
    """(days, unit): the upper bound of the time limit, in days.

    'তাৎক্ষণিক' is 0; 'তাৎক্ষণিক/ ৩ কার্যদিবস' is 3; a range gives its upper end;
    months count 30 days, weeks 7, years 365; hours and minutes round up to 1 day.
    """
    text = clean(text)
    terms: list[tuple[float, str]] = []
    previous: tuple[int, float] | None = None          # (end, days per unit) of the last term
    for m in _QUANTITY.finditer(text):
        unit, per_day = _unit_of(m)
        amount = _quantity(m.group("high") or m.group("low"))
        days = amount * per_day
        # '৩ মাস ১৫ দিন' is one duration: a smaller unit right after a larger one adds to it.
        if previous and not text[previous[0]:m.start()].strip() and per_day < previous[1]:
            terms[-1] = (terms[-1][0] + days, terms[-1][1])
        else:
            terms.append((days, unit))
        previous = (m.end(), per_day)
    # Hours and minutes count as whole days begun.
    terms = [(float(math.ceil(days)) if days % 1 else days, unit) for days, unit in terms]
    if contains_any(text, kw.SAME_DAY_WORDS):
        terms.append((1.0, "same_day"))
    if contains_any(text, kw.IMMEDIATE_WORDS):
        terms.append((0.0, "immediate"))
    if not terms and (bare := parse_int(text)) is not None:
        terms.append((float(bare), "day"))
    if not terms:
        return None, None
    return max(terms, key=lambda t: t[0])


# ------------------------------------------------------------------ phones and emails

_PHONE = regex.compile(r"(?<![0-9০-৯])\+?\(?[0-9০-৯]+\)?(?:[ \-–‐.]{1,2}\(?[0-9০-৯]+\)?)*")
_EMAIL = regex.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
MIN_PHONE_DIGITS = 6


def _phone_candidates(text: str) -> list[str]:
    """Digit runs long enough to be phone numbers; a run of whole numbers is split."""
    out = []
    for m in _PHONE.finditer(_EMAIL.sub(" ", text)):
        raw = m.group(0).strip(" -–‐.")
        if ")" in raw and "(" not in raw:        # '(কক্ষ-১২) ০১৭১১-…': the room number is no part of it
            raw = raw.rsplit(")", 1)[1].strip(" -–‐.")
        digits = regex.sub(r"\D", "", ascii_digits(raw))
        if len(digits) > 13 and " " in raw:
            out += [p for p in raw.split() if len(regex.sub(r"\D", "", ascii_digits(p))) >= MIN_PHONE_DIGITS]
        elif len(digits) >= MIN_PHONE_DIGITS:
            out.append(raw)
    return out


def parse_phone(raw: str) -> Phone:
    digits = regex.sub(r"\D", "", ascii_digits(raw))
    phone = Phone(raw=raw, digits=digits)
    try:
        number = phonenumbers.parse(ascii_digits(raw), "BD")
    except phonenumbers.NumberParseException as exc:
        phone.reason = f"not a phone number ({exc})"
        return phone
    if phonenumbers.is_valid_number(number):
        phone.valid = True
        phone.e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        phone.kind = _NUMBER_TYPES.get(phonenumbers.number_type(number), "other")
        return phone
    if phonenumbers.is_possible_number(number) and regex.match(r"0[2-9]", digits):
        # libphonenumber's plan misses many upazila exchanges (e.g. 08723-56012).
        phone.kind = "possible_fixed_line"
        phone.reason = "possible landline, not in libphonenumber's numbering plan"
        return phone
    national = str(number.national_number)
    if national.startswith("1") and digits.lstrip("0").startswith("1") and len(national) != 10:
        phone.reason = f"{len(digits)} digits: a Bangladesh mobile number has 11 (01XXXXXXXXX)"
    else:
        phone.reason = "not a valid Bangladesh number"
    return phone


_NUMBER_TYPES = {
    phonenumbers.PhoneNumberType.MOBILE: "mobile",
    phonenumbers.PhoneNumberType.FIXED_LINE: "fixed_line",
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE: "fixed_line_or_mobile",
}


# A number after a fax label is no phone to call.
_FAX_NUMBER = regex.compile(r"(?:" + "|".join(regex.escape(w) for w in kw.FAX_LABELS)
                            + r")\s*(?:" + "|".join(regex.escape(w) for w in kw.NUMBER_LABELS)
                            + r")?\s*[ঃ:.\-]*\s*\+?[0-9০-৯][0-9০-৯\s\-–‐.()]*[0-9০-৯]",
                            regex.IGNORECASE)


def parse_phones(text: str) -> list[Phone]:
    seen: dict[str, Phone] = {}
    for raw in _phone_candidates(_FAX_NUMBER.sub(" ", clean(text))):
        phone = parse_phone(raw)
        seen.setdefault(phone.e164 or phone.digits, phone)
    return list(seen.values())


# Addresses written against harvesters: name[at]gmail[dot]com, name (at) gmail.com.
_AT = regex.compile(r"\s*[\[(]\s*at\s*[\])]\s*", regex.IGNORECASE)
_DOT = regex.compile(r"\s*[\[(]\s*dot\s*[\])]\s*", regex.IGNORECASE)


def _deobfuscate(text: str) -> str:
    return _DOT.sub(".", _AT.sub("@", text))


def parse_emails(text: str) -> tuple[list[str], list[str]]:
    """(valid, invalid) addresses, lower-cased, in order of appearance."""
    text = _deobfuscate(text)
    valid, invalid = [], []
    for address in dict.fromkeys(m.group(0).lower().strip(".") for m in _EMAIL.finditer(text)):
        try:
            valid.append(validate_email(address, check_deliverability=False).normalized)
        except EmailNotValidError:
            invalid.append(address)
    return valid, invalid


# ------------------------------------------------------------------ officers

def _label_pattern() -> regex.Pattern:
    labels = sorted(kw.PHONE_LABELS + kw.EMAIL_LABELS + kw.FAX_LABELS, key=len, reverse=True)
    fields = "|".join(regex.escape(w) for w in kw.FIELD_LABELS)
    # A label is a whole word (মোবারক is a name), ঃ excepted; a field name needs its colon.
    return regex.compile(r"(?<!\p{L})(?:(?:" + "|".join(regex.escape(w) for w in labels)
                         + rf")(?![\p{{L}}\p{{M}}--[ঃ]])|(?:{fields})\s*[ঃ:])\s*[ঃ:.\-]*",
                         regex.IGNORECASE | regex.V1)


_LABELS = _label_pattern()
# A name written after the designation: a name prefix, then words up to a comma or line end.
_NAME_FIRST = regex.compile(r"((?:" + "|".join(regex.escape(p) for p in kw.NAME_PREFIXES)
                            + r")\s*[^,;।\n]*?)(?:[,;।]\s*(.*)|$)", regex.IGNORECASE)
_HONORIFIC = regex.compile(r"^(?:" + "|".join(regex.escape(h) for h in kw.HONORIFICS) + r")\s+", regex.IGNORECASE)


def _tidy(text: str) -> str:
    return clean(regex.sub(r"^[\s,;:।\-–/]+|[\s,;:।.\-–/]+$", "", text))


_PHONE_QUALIFIER = regex.compile(r"\(\s*(?:" + "|".join(regex.escape(w) for w in kw.PHONE_QUALIFIERS) + r")\s*\)",
                              regex.IGNORECASE)
_ITEM_START = regex.compile(r"(?:^|\s)[0-9০-৯]{1,2}\s*[।.)]\s+")


def first_officer(text: str) -> str:
    """The first of several officers listed in one cell ('১। … সহকারী কমিশনার (ভূমি)
    ২। … কানুনগো'): a service record has one responsible officer, and the others'
    phones must not be taken for theirs."""
    items = [item for item in _ITEM_START.split(text) if item.strip()]
    if len(items) >= 2 and sum(1 for item in items if find_designation(item)) >= 2:
        return items[0]
    return _ITEM_START.sub(" ", text, count=1) if _ITEM_START.match(text) else text


def _designation_of(text: str) -> regex.Match | None:
    """The person's designation: the first one, unless it is a title before a name
    ('প্রকৌশলী মোঃ আবুল কালাম আজাদ, উপজেলা প্রকৌশলী') and another one follows."""
    found = find_designations(text)
    if len(found) >= 2 and found[0].start() == 0 and _NAME_FIRST.match(text[found[0].end():].strip()):
        return found[1]
    return found[0] if found else None


def _split_at_place(name: str, rest: str) -> tuple[str, str]:
    """A name runs on into the address when the cell's line breaks are gone
    ('মোঃ রফিকুল ইসলাম লাখাই, হবিগঞ্জ'): it ends before the first place name."""
    words = name.split()
    cut = next((i for i in range(1, len(words)) if gazetteer.starts_with_place(" ".join(words[i:]))), len(words))
    return " ".join(words[:cut]), ", ".join(p for p in (" ".join(words[cut:]), rest) if p)


def parse_officer(text: str) -> Officer:
    """Name, designation, office, phones and emails out of one officer cell."""
    raw = _deobfuscate(clean(text))
    text = clean(first_officer(raw))
    emails, invalid_emails = parse_emails(text)
    phones = parse_phones(text)
    rest = _FAX_NUMBER.sub(" ", _EMAIL.sub(" ", text))
    rest = _PHONE_QUALIFIER.sub(" ", rest) if phones else rest
    for phone in phones:
        rest = rest.replace(phone.raw, " ")
    rest = clean(_LABELS.sub(" ", rest))
    found = _designation_of(rest)
    if found:
        name, designation, office = rest[:found.start()], found.group(0), rest[found.end():]
        if not _tidy(name) and (after := _NAME_FIRST.match(_tidy(office))):
            name, office = _split_at_place(after.group(1), after.group(2) or "")
    elif len(rest.split()) <= 4:
        name, designation, office = rest, "", ""
    else:
        name, designation, office = "", "", rest
    return Officer(raw=raw, name=_HONORIFIC.sub("", _tidy(name)), designation=_tidy(designation),
                   office=_tidy(office), phones=phones, emails=emails, invalid_emails=invalid_emails)


# ------------------------------------------------------------------ delivery methods

_LIST_ITEM = regex.compile(rf"(?:(?<=^)|(?<=\s))(?:[0-9০-৯]{{1,2}}\s*[।.)]|\(?[{kw.LIST_MARKER_LETTERS}]\)|[{kw.LIST_MARKER_LETTERS}][.)])\s*")


def split_items(text: str) -> list[str]:
    """'১। দাপ্তরিক ওয়েব সাইট ২। টেলিফোন' -> ['দাপ্তরিক ওয়েব সাইট', 'টেলিফোন']."""
    text = clean(text)
    parts = [_tidy(p) for p in _LIST_ITEM.split(text)]
    parts = [p for p in parts if p]
    if len(parts) <= 1:
        parts = [_tidy(p) for p in regex.split(r"\s*[;,]\s*", text) if _tidy(p)] if ";" in text else parts
    return parts


# ------------------------------------------------------------------ the charter

def normalize(doc: RepairedDocument, charter_id: str, source_file: str) -> Charter:
    charter = Charter(charter_id=charter_id, source_file=source_file, source_sha256=doc.sha256,
                      source_format=doc.format, pages=doc.pages, pipeline_version=__version__,
                      findings=list(doc.findings))
    _read_title_block(charter, doc.blocks)
    _read_texts(charter, doc.blocks)
    for table in (b for b in doc.blocks if isinstance(b, RepairedTable)):
        if table.kind == "services":
            _section_for(charter, table).services += [build_service(table, row) for row in table.rows]
        elif table.kind == "grievance":
            charter.grievance += [build_grievance(row) for row in table.rows]
        elif table.kind == "expectations":
            charter.expectations += [clean(" ".join(v for k, v in row.values.items() if k != "serial"))
                                     for row in table.rows]
        else:
            charter.findings.append(Finding(rule="unrecognised_table", severity="info",
                                            message=f"table {table.index + 1} (pages {table.pages}) under "
                                                    f"'{table.heading}' was not recognised and not emitted"))
    charter.findings += _truncation(charter, doc.blocks)
    if not _has_charter_content(charter, doc.blocks):
        raise NotACharterError("no charter content: no service table, charter heading or title found")
    return charter


def _has_charter_content(charter: Charter, blocks: list) -> bool:
    """A blank template still has its headings; a stray file has none of it."""
    lines = [b.text for b in blocks if isinstance(b, Line)]
    return bool(charter.sections or charter.grievance or charter.expectations or charter.vision
                or charter.mission or any(heading_kind(t) or is_charter_title(t) for t in lines))


def _truncation(charter: Charter, blocks: list) -> list[Finding]:
    """A charter whose text stops inside a service table, with nothing after it, was cut off."""
    last = blocks[-1] if blocks else None
    if not isinstance(last, RepairedTable) or last.kind != "services" or not last.rows \
            or charter.grievance or charter.expectations:
        return []
    final = last.rows[-1] if last.rows else None
    where = f"after serial {parse_int(final.values.get('serial', '')) or '?'} on page {final.pages[-1]}" if final else "at its header"
    return [Finding(rule="ends_mid_table", severity="warning", section=last.section_kind,
                    message=f"the document ends inside the {last.section_kind} service table {where}, "
                            "with no grievance or expectations section after it: it may be cut off")]


def _section_for(charter: Charter, table: RepairedTable) -> Section:
    for section in charter.sections:
        if section.kind == table.section_kind and section.title == table.heading:
            return section
    section = Section(kind=table.section_kind, title=table.heading, header=table.roles,
                      header_text=table.header_text)
    charter.sections.append(section)
    return section


def _extra_values(row: LogicalRow) -> dict[str, str]:
    main = {"serial", "service_name", "method", "documents", "fee", "time_limit", "officer", "superior_officer"}
    return {k: v for k, v in row.values.items() if k not in main and v}


# '*' or '†' after a service's name points to a footnote under the table.
_FOOTNOTE = regex.compile(r"\s*[*†‡]+$")


def build_service(table: RepairedTable, row: LogicalRow) -> Service:
    values = row.values
    sub_rows = any(r.action == "joined_subrow" for r in row.repairs)
    fee_bdt, is_free, fee_kind = parse_fee(values.get("fee", ""), alternatives=sub_rows)
    days, unit = parse_time_limit(values.get("time_limit", ""))
    officer = parse_officer(values.get("officer", ""))
    officer.inferred_from_merged_cell = row.officer_inferred
    superior = values.get("superior_officer")
    return Service(
        section=table.section_kind, serial=parse_int(values.get("serial", "")), serial_text=values.get("serial", ""),
        name=_FOOTNOTE.sub("", values.get("service_name", "")), delivery_method=split_items(values.get("method", "")),
        delivery_method_text=values.get("method", ""), required_documents=values.get("documents", ""),
        fee_text=values.get("fee", ""), fee_bdt=fee_bdt, fee_kind=fee_kind, is_free=is_free,
        time_limit_text=values.get("time_limit", ""), time_limit_days=days, time_limit_unit=unit,
        officer=officer, superior_officer=parse_officer(superior) if superior else None,
        extra=_extra_values(row),
        provenance=Provenance(pages=row.pages, table=table.index, rows=row.rows, cells=row.cells,
                              repairs=row.repairs))


_GRS_ROLE = regex.compile("|".join(regex.escape(r) for r in sorted(kw.GRS_ROLES, key=len, reverse=True)),
                          regex.IGNORECASE)


def build_grievance(row: LogicalRow) -> GrievanceContact:
    days, _ = parse_time_limit(row.values.get("resolution", ""))
    # "অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)" names the role, not the person; the person
    # and their contacts are as often in the address column as in the officer one.
    # A cell spanning both columns arrives in each: read it once.
    person = " ".join(dict.fromkeys(row.values.get(role, "") for role in ("officer", "address", "contact")))
    officer = parse_officer(_GRS_ROLE.sub(" ", person))
    return GrievanceContact(serial=parse_int(row.values.get("serial", "")), when=row.values.get("when", ""),
                            officer=officer, address=row.values.get("address", ""),
                            resolution_text=row.values.get("resolution", ""), resolution_days=days,
                            pages=row.pages)


# ------------------------------------------------------------------ title block and texts

_URL = regex.compile(r"(?:https?://|www\.)[^\s<>()\"']+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.gov\.bd\b[^\s<>()\"']*",
                     regex.IGNORECASE)


def _title_lines(blocks: list) -> list[str]:
    """Lines before the first heading, numbered line or table: the charter's title block."""
    lines = []
    for block in blocks:
        if not isinstance(block, Line) or heading_kind(block.text) or has_numbering(block.text):
            break
        lines.append(clean(block.text))
    return lines


def _read_title_block(charter: Charter, blocks: list) -> None:
    lines = _title_lines(blocks)
    urls = [m.group(0).rstrip("/.,") + ("/" if m.group(0).endswith("/") else "") for line in lines
            for m in _URL.finditer(line)]
    charter.website = urls[0] if urls else ""
    office = [_tidy(_URL.sub("", line).strip("<>")) for line in lines
              if not is_government_line(line) and not is_charter_title(line)]
    office = [line for line in office if line]
    charter.department = next((line for line in office if contains_any(line, kw.DEPARTMENT_WORDS)), "")
    charter.office_name = ", ".join(office)
    charter.location = gazetteer.resolve(" ".join(office), charter.website)


def _read_texts(charter: Charter, blocks: list) -> None:
    """Vision, mission and a list of expectations written as lines under their headings."""
    current = None
    texts: dict[str, list[str]] = {"vision": [], "mission": [], "expectations": []}
    for block in blocks:
        if not isinstance(block, Line):
            current = None
            continue
        kind = heading_kind(block.text)
        if kind:
            current = kind[1] if kind[1] in texts else None
            continue
        inline = _inline_heading(block.text)
        if inline:
            current, text = inline
            texts[current].append(text)
        elif current:
            texts[current].append(strip_numbering(block.text) if current == "expectations" else clean(block.text))
    charter.vision = " ".join(texts["vision"])
    charter.mission = " ".join(texts["mission"])
    charter.expectations += [t for t in texts["expectations"] if t]


def _inline_heading(text: str) -> tuple[str, str] | None:
    """'ভিশন: …' / 'রূপকল্প - …' on one line."""
    head, sep, rest = clean(text).partition(":") if ":" in text else clean(text).partition("ঃ")
    if not sep or not rest.strip():
        return None
    kind = heading_kind(head)
    if kind and kind[1] in ("vision", "mission"):
        return kind[1], clean(rest)
    return None


def officer_key(officer: Officer) -> str:
    """Who an officer is, for grouping: the folded name, else the first email, else the designation."""
    return fold(officer.name) or (officer.emails[0] if officer.emails else "") or fold(officer.designation)


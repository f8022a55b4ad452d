"""Phone numbers in a cell: Bangladesh mobiles and fixed lines, to E.164.

libphonenumber (region BD) decides first. Its metadata lacks many upazila
exchanges, so a number it rejects that has the national plan's fixed-line shape
(0 + an area code of ``pipeline/data/bd_area_codes.csv`` + a subscriber number
of that area's length) is valid too; the phone keeps a note that libphonenumber
did not know it. Invalid mobiles (a digit missing) stay invalid and are never
"fixed".
"""
from __future__ import annotations

import csv
import functools
from importlib import resources
from typing import Optional

import phonenumbers
import regex

from .. import keywords as kw
from ..lexicon import ascii_digits, clean
from ..model import Phone
from .email import EMAIL

# A one- or two-digit group followed by a list mark ('… ০১৭১১-২২৩৩৪৪ ২। …', '১. ০১৭…', as
# the officer's items and split_items read them) is an item's number: no part of a phone.
_LIST_MARK = r"(?:[।)]|\.(?![0-9০-৯]))"
_PHONE = regex.compile(
    rf"(?<![0-9০-৯])(?![0-9০-৯]{{1,2}}\s*{_LIST_MARK})\+?\(?[0-9০-৯]+\)?"
    rf"(?:[ \-–‐.]{{1,2}}(?:\(?[0-9০-৯]{{3,}}\)?|\(?[0-9০-৯]{{1,2}}\)?(?!\s*{_LIST_MARK})))*")
MIN_PHONE_DIGITS = 6
_NUMBER_TYPES = {
    phonenumbers.PhoneNumberType.MOBILE: "mobile",
    phonenumbers.PhoneNumberType.FIXED_LINE: "fixed_line",
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE: "fixed_line_or_mobile",
}
NOT_IN_LIBPHONENUMBER = "fixed line of the national numbering plan, not in libphonenumber's metadata"


# A national number (area code and subscriber, no trunk 0) has 8 to 10 digits; an area code
# whose subscriber lengths the table does not know may take any that fits.
NATIONAL_DIGITS = (8, 10)


@functools.lru_cache(maxsize=1)
def area_codes() -> dict[str, tuple[int, int]]:
    """Area code (no trunk 0) -> (fewest, most) subscriber digits, from the shipped table."""
    table = resources.files("pipeline") / "data" / "bd_area_codes.csv"
    codes: dict[str, tuple[int, int]] = {}
    with table.open(encoding="utf-8") as handle:
        for row in csv.DictReader(line for line in handle if not line.startswith("#")):
            code = row["code"].lstrip("0")
            low, _, high = row["subscriber_digits"].partition("-")
            codes[code] = (int(low), int(high or low)) if low else \
                (NATIONAL_DIGITS[0] - len(code), NATIONAL_DIGITS[1] - len(code))
    return codes


def national_fixed_line(digits: str) -> Optional[str]:
    """The E.164 form of a fixed line of the national plan (trunk 0, area code, subscriber), else None."""
    national = digits[3:] if digits.startswith("880") else digits[1:] if digits.startswith("0") else ""
    if not national or national.startswith("1"):
        return None
    for length in (5, 4, 3, 2, 1):
        limits = area_codes().get(national[:length])
        if limits and limits[0] <= len(national) - length <= limits[1]:
            return f"+880{national}"
    return None


def _fixed_line_without_trunk(digits: str, number) -> bool:
    """A landline written without its trunk 0 and area code ('৫৮১৫৪০২১' in a Dhaka office) would
    read as another district's number: it is not taken as valid."""
    return not digits.startswith(("0", "880")) and phonenumbers.number_type(number) in (
        phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE) \
        and not str(number.national_number).startswith("1")


def _candidates(text: str) -> list[str]:
    """Digit runs long enough to be phone numbers; a run of whole numbers is split."""
    out = []
    for m in _PHONE.finditer(EMAIL.sub(" ", text)):
        raw = m.group(0).strip(" -–‐.")
        if ")" in raw and "(" not in raw:        # '(কক্ষ-১২) ০১৭১১-…': the room number is no part of it;
            before, after = raw.rsplit(")", 1)     # '(মোবাইল: ০১৭১১-…)' closes after the number
            raw = (after or before).strip(" -–‐.")
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
    if phonenumbers.is_valid_number(number) and not _fixed_line_without_trunk(digits, number):
        phone.valid = True
        phone.e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        phone.kind = _NUMBER_TYPES.get(phonenumbers.number_type(number), "other")
        return phone
    if fixed := national_fixed_line(digits):
        phone.valid, phone.e164, phone.kind, phone.reason = True, fixed, "fixed_line", NOT_IN_LIBPHONENUMBER
        return phone
    national = str(number.national_number)
    if national.startswith("1") and digits.lstrip("0").startswith("1") and len(national) != 10:
        phone.reason = f"{len(digits)} digits: a Bangladesh mobile number has 11 (01XXXXXXXXX)"
    elif phonenumbers.is_possible_number(number) and regex.match(r"0[2-9]", digits):
        phone.kind = "possible_fixed_line"
        phone.reason = "possible landline, but its area code or length is not in the national numbering plan"
    else:
        phone.reason = "not a valid Bangladesh number"
    return phone


# A number after a fax label is no phone to call.
@functools.lru_cache(maxsize=1)
def _fax_number() -> regex.Pattern:
    return regex.compile(r"(?:" + "|".join(regex.escape(w) for w in kw.FAX_LABELS)
                         + r")\s*(?:" + "|".join(regex.escape(w) for w in kw.NUMBER_LABELS)
                         + r")?\s*[ঃ:.\-]*\s*\+?[0-9০-৯][0-9০-৯\s\-–‐.()]*[0-9০-৯]", regex.IGNORECASE)


def without_fax(text: str) -> str:
    return _fax_number().sub(" ", text)


def phone_texts(text: str) -> list[str]:
    """Every phone number as written in ``text``, a number written twice twice (to take them out)."""
    return _candidates(without_fax(text))


def parse_phones(text: str) -> list[Phone]:
    seen: dict[str, Phone] = {}
    for raw in phone_texts(clean(text)):
        phone = parse_phone(raw)
        seen.setdefault(phone.e164 or phone.digits, phone)
    return list(seen.values())

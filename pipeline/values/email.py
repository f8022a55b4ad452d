"""Email addresses in a cell, also when written against harvesters (name[at]gmail[dot]com)."""
from __future__ import annotations

import regex
from email_validator import EmailNotValidError, validate_email

EMAIL = regex.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
URL = regex.compile(r"(?:https?://|www\.)[^\s<>()\"']+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.gov\.bd\b[^\s<>()\"']*",
                    regex.IGNORECASE)
_AT = regex.compile(r"\s*[\[(]\s*at\s*[\])]\s*", regex.IGNORECASE)
_DOT = regex.compile(r"\s*[\[(]\s*dot\s*[\])]\s*", regex.IGNORECASE)


def deobfuscate(text: str) -> str:
    return _DOT.sub(".", _AT.sub("@", text))


def mask_addresses(text: str) -> str:
    """Emails and URLs blanked out, so that no word inside one ('supervisor@…') is read as text."""
    return URL.sub(" ", EMAIL.sub(" ", text))


def parse_emails(text: str) -> tuple[list[str], list[str]]:
    """(valid, invalid) addresses, lower-cased, in order of appearance."""
    text = deobfuscate(text)
    valid, invalid = [], []
    for address in dict.fromkeys(m.group(0).lower().strip(".") for m in EMAIL.finditer(text)):
        try:
            valid.append(validate_email(address, check_deliverability=False).normalized)
        except EmailNotValidError:
            invalid.append(address)
    return valid, invalid

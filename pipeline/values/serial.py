"""Serial numbers: in their own cell, or fused to the start of a service's name."""
from __future__ import annotations

from typing import Optional

import regex

from ..lexicon import ascii_digits, clean

# The marks a serial may end in ('১.', '১।', '১)', '১:').
SERIAL_MARKS = (".", "।", ")", ":")
# ১  ১.  ১।  ০১  (১)  ১)  0১।  1|  — an ASCII '|' stands for the danda on some portals.
_SERIAL = regex.compile(r"[(\[]?\s*([0-9০-৯]{1,3})\s*[.।)\]|:৷]?\s*")
# A number and a list mark before a name: '১.ওয়ারিশ সনদ', '2. Trade licence', '(৩) …';
# not a decimal ('২.৩০'), a count ('১নং ওয়ার্ড') or a year.
_FUSED = regex.compile(r"^\s*[(\[]?\s*([0-9০-৯]{1,3})\s*[.।)\]|:৷](?![0-9০-৯])\s*")


def parse_serial(text: str) -> Optional[int]:
    """The number a serial cell holds, or None when the cell holds anything else."""
    m = _SERIAL.fullmatch(clean(text))
    return int(ascii_digits(m.group(1))) if m else None


def is_serial(text: str) -> bool:
    return parse_serial(text) is not None


def split_fused_serial(text: str) -> tuple[Optional[int], str]:
    """(serial, name) when a name cell starts with its serial, else (None, text)."""
    cleaned = clean(text)
    m = _FUSED.match(cleaned)
    if not m or not regex.match(r"[\p{L}(\"'‘“]", cleaned[m.end():]):
        return None, text
    return int(ascii_digits(m.group(1))), cleaned[m.end():]

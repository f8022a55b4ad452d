"""Lists written inside one cell: '১। দাপ্তরিক ওয়েব সাইট ২। টেলিফোন'."""
from __future__ import annotations

import regex

from .. import keywords as kw
from ..lexicon import ascii_digits, clean, tidy

# An item marker opens the cell or follows a space or line break: ১। 1. ২) (ক) ক) i. ii.
# A digit after the mark makes it a decimal (২.৩০) or a date, not a marker.
_MARKER = regex.compile(
    rf"(?:(?<=^)|(?<=\s))(?:[0-9০-৯]{{1,2}}\s*[।.)](?![0-9০-৯])|\(?[{kw.LIST_MARKER_LETTERS}]\)"
    rf"|[{kw.LIST_MARKER_LETTERS}][.)]|\(?(?:i{{1,3}}|iv|v|vi{{1,3}}|ix|x)[.)])\s*")



_LEAD = regex.compile(rf"\(?([0-9০-৯]{{1,2}}|[{kw.LIST_MARKER_LETTERS}])\s*[।.)](?![0-9০-৯])")


def list_ordinal(text: str) -> int | None:
    """The position a text's opening list marker gives it: '২)' 2, '(খ)' 2; None without one."""
    m = _LEAD.match(clean(text))
    if not m:
        return None
    mark = m.group(1)
    return int(ascii_digits(mark)) if mark[0] not in kw.LIST_MARKER_LETTERS else kw.LIST_MARKER_LETTERS.index(mark) + 1


def split_items(text: str) -> list[str]:
    """The items of a cell split at explicit markers only, never at commas or line ends."""
    return [p for p in map(tidy, _MARKER.split(clean(text))) if p]

"""Cells that say nothing: a dash or N/A stands for an empty cell."""
from __future__ import annotations

import regex

_BLANK = regex.compile(r"[\s\-–—_.।/]*|n\s*/?\s*a|none|nil", regex.IGNORECASE)


def is_blank(text: str) -> bool:
    """'', '-', '–', '—', 'N/A', '---': no value was written."""
    return bool(_BLANK.fullmatch(text or ""))

"""Value parsers: one cell string in, one typed value out.

A layer of its own under both column typing (``pipeline.columns``, which asks
whether a column's cells read as fees, durations, officers …) and normalize
(which builds the record from them). Each parser is a pure function of a
string and never raises on text.
"""
from __future__ import annotations

import copy
import functools
from typing import Any, Callable


def cached(maxsize: int = 1 << 12, copied: Callable[[Any], Any] = copy.deepcopy) -> Callable:
    """``functools.lru_cache`` for a parser whose result its callers may change (a record, a
    list): each call gets its own copy of the cached value. A charter repeats its cells (one
    officer for many services), and column typing asks about each cell several times."""
    def decorate(function: Callable) -> Callable:
        inner = functools.lru_cache(maxsize)(function)

        @functools.wraps(function)
        def parse(*args: Any, **kwargs: Any) -> Any:
            return copied(inner(*args, **kwargs))
        parse.cache_clear = inner.cache_clear       # type: ignore[attr-defined]
        return parse
    return decorate

"""Time-limit cells: the longest time a service may take, in days."""
from __future__ import annotations

import functools
import math
from typing import Optional

import regex

from .. import keywords as kw
from ..lexicon import ascii_digits, clean, contains_any, find_words, fold, parse_int
from .blank import is_blank


@functools.lru_cache(maxsize=1)
def _units() -> tuple[regex.Pattern, list[tuple[str, str, float]]]:
    words = sorted(((w, unit, days) for unit, ws, days in kw.TIME_UNITS for w in ws), key=lambda t: -len(t[0]))
    pattern = "|".join(f"(?P<w{i}>{regex.escape(w)})" for i, (w, _, _) in enumerate(words))
    return regex.compile(pattern, regex.IGNORECASE), words


@functools.lru_cache(maxsize=1)
def _quantity() -> regex.Pattern:
    units, _ = _units()
    ranges = "|".join(regex.escape(w) for w in sorted(kw.RANGE_WORDS, key=len, reverse=True))
    names = "|".join(regex.escape(w) for w in sorted(kw.NUMBER_WORDS, key=len, reverse=True))
    # A unit may be glued to its number (৪৫কার্যদিবস); '২/৩ দিন' is a range, not a fraction;
    # '২.৩০ ঘণ্টা' is one amount (two and a half hours), not 30 hours.
    return regex.compile(
        rf"(?P<low>[0-9০-৯]+(?:[.:][0-9০-৯]+)?|(?<![\p{{L}}\p{{M}}])(?:{names}))"
        rf"(?:\s*(?:{ranges}|/)\s*(?P<high>[0-9০-৯]+))?\s*(?:\([^)]{{1,20}}\)\s*)?(?P<unit>{units.pattern})", regex.IGNORECASE)


def _amount(text: str) -> float:
    if regex.fullmatch(r"[0-9০-৯]+[.:][0-9০-৯]+", text):
        whole, part = regex.split(r"[.:]", ascii_digits(text))
        # Two digits after the point are minutes ('২.৩০' two and a half hours), one a tenth.
        return int(whole) + (int(part) / 60 if len(part) == 2 else int(part) / 10 ** len(part))
    value = parse_int(text)
    return float(value) if value is not None else float(kw.NUMBER_WORDS[text.lower()])


def _unit_of(match: regex.Match) -> tuple[str, float]:
    _, words = _units()
    i = next(int(k[1:]) for k, v in match.groupdict().items() if v and k[0] == "w" and k[1:].isdigit())
    _, unit, days = words[i]
    return unit, days


def _durations(text: str) -> list[tuple[float, str]]:
    """Every duration written in ``text`` as (days, unit); '৩ মাস ১৫ দিন' is one."""
    terms: list[tuple[float, str]] = []
    previous: Optional[tuple[int, float]] = None          # (end, days per unit) of the last term
    for m in _quantity().finditer(text):
        unit, per_day = _unit_of(m)
        days = _amount(m.group("high") or m.group("low")) * per_day
        # A smaller unit right after a larger one adds to it.
        if previous and not text[previous[0]:m.start()].strip() and per_day < previous[1]:
            terms[-1] = (terms[-1][0] + days, terms[-1][1])
        else:
            terms.append((days, unit))
        previous = (m.end(), per_day)
    # Hours and minutes count as whole days begun.
    return [(float(math.ceil(days)) if days % 1 else days, unit) for days, unit in terms]


@functools.lru_cache(maxsize=4096)     # every word of the text against every period word
def _period(text: str) -> Optional[tuple[float, str]]:
    """A periodicity word standing alone ('মাসিক', 'বার্ষিক ভিত্তিতে'), not qualifying a noun."""
    words = fold(text).split()
    for word, days in kw.PERIOD_WORDS:
        if find_words(text, (), [word]) and all(
                w in kw.PERIOD_FILLERS or find_words(w, (), [word]) for w in words):
            return float(days), "period"
    return None


@functools.lru_cache(maxsize=1 << 14)
def parse_time_limit(text: str) -> tuple[Optional[float], Optional[str]]:
    """(days, unit): the upper bound of the time limit, in days.

    'তাৎক্ষণিক' is 0; 'তাৎক্ষণিক/ ৩ কার্যদিবস' is 3; a range gives its upper end;
    months count 30 days, weeks 7, years 365; hours and minutes round up to 1 day.
    """
    text = clean(text)
    if is_blank(text):
        return None, None
    terms = _durations(text)
    if contains_any(text, kw.SAME_DAY_WORDS):
        terms.append((1.0, "same_day"))
    if not terms and contains_any(text, kw.NEXT_DAY_WORDS):
        terms.append((1.0, "working_day"))
    if contains_any(text, kw.IMMEDIATE_WORDS):
        terms.append((0.0, "immediate"))
    if not terms and (period := _period(text)):
        terms.append(period)
    if not terms and (bare := parse_int(text)) is not None:
        terms.append((float(bare), "day"))
    if not terms:
        return None, None
    # On a tie the later term wins: the upper end of a range is written last.
    return max(reversed(terms), key=lambda t: t[0])


@functools.lru_cache(maxsize=1 << 14)
def looks_like_time(text: str) -> bool:
    """Whether a cell reads as a time limit: a duration or an 'immediately' word."""
    text = clean(text)
    return bool(_durations(text)) or contains_any(text, kw.IMMEDIATE_WORDS + kw.SAME_DAY_WORDS) \
        or _period(text) is not None

"""Fee cells: what a service costs, read the way the cell means it.

A cell lists amounts for three reasons, and each is read differently:

* parts of one payment, marked as such (ও, এবং, +, a list of labelled charges) are added;
* a stated total (মোট, সর্বমোট, total, ``=``) is the fee, never added to its parts;
* amounts for different cases (জরুরি / সাধারণ, first or second time, a range, a free
  tier beside paid ones, অথবা) are alternatives: no single fee, only the bounds.

A price per unit of the service itself (প্রতি আবেদন ৫০ টাকা) is the fee; a price per
page, per square foot or a percentage is a rate with no single amount.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Optional

import regex

from .. import keywords as kw
from ..lexicon import ascii_digits, clean, find_words, numbers
from . import cached
from .blank import is_blank


@dataclass(frozen=True)
class Fee:
    bdt: Optional[float] = None          # the one amount to pay, when there is one
    min_bdt: Optional[float] = None      # the bounds: equal to bdt, or those of the alternatives
    max_bdt: Optional[float] = None
    kind: str = "unspecified"            # free | amount | itemised | total | tiered | rate | policy | unspecified
    is_free: Optional[bool] = None


UNSPECIFIED = Fee()
MAX_CLASS_WORDS = 3     # a fee class's name ('অতি জরুরি', 'super express'), not a sentence


@dataclass(frozen=True)
class _Amount:
    value: float
    start: int
    end: int


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, regex.Pattern]:
    # টাকার (of taka) is still money; a Latin 'tk' must be a word of its own.
    currency = "|".join(regex.escape(w) + ("(?![a-z])" if w.isascii() else "")
                        for w in sorted(kw.CURRENCY_WORDS, key=len, reverse=True))
    prefixes = "|".join(regex.escape(w) for w in sorted(kw.CURRENCY_PREFIXES, key=len, reverse=True))
    vat = "|".join(regex.escape(w) for w in kw.VAT_WORDS)
    return {
        # '২০ টাকা', '২০/-', '২০/=', '১০০ (একশত) টাকা', '২০০/-টাকা'
        "after": regex.compile(rf"^\s*(?:\([^)]{{1,25}}\)\s*)?(?:/\s*[-=]|(?:{currency}))",
                               regex.IGNORECASE),
        "before": regex.compile(rf"(?:{prefixes})\.?\s*[:ঃ]?\s*$", regex.IGNORECASE),
        # '১০০ থেকে ৫০০ টাকা', '১০০-৫০০ টাকা': the lower end carries no currency of its own.
        "range": regex.compile(r"^\s*(?:থেকে|হতে|to|-|–)\s*$", regex.IGNORECASE),
        "vat": regex.compile(rf"[0-9০-৯.]+\s*%\s*(?:{vat})", regex.IGNORECASE),
        # '/' between two amounts: ২০০/৩০০ টাকা, ৫০০ টাকা/ ২০০ টাকা
        "slash": regex.compile(r"^\s*(?:[^\s/]{0,12}\s*)?/\s*[^-=\s]"),
        "total": regex.compile(r"(?:^|[^/])=\s*$"),
        "sub_label": regex.compile(rf"(?:^|\s)\(?[{kw.LIST_MARKER_LETTERS}]\)"),
        "percent": regex.compile(r"[0-9০-৯]\s*%"),
        "per_slash": regex.compile(r"/\s*(?:পৃষ্ঠা|পাতা|কপি|page|copy)", regex.IGNORECASE),
        "class": regex.compile(r"([^\d০-৯:ঃ\-–]+?)\s*[:ঃ\-–]\s*"),
    }


def _money(text: str) -> list[_Amount]:
    """Numbers the text marks as money, and the lower ends of money ranges."""
    p = _patterns()
    found = [_Amount(v, s, e) for v, s, e in numbers(text)
             if p["after"].match(text[e:]) or p["before"].search(text[:s])]
    lows = []
    for amount in found:
        before = [(v, s, e) for v, s, e in numbers(text[:amount.start])]
        if before and p["range"].match(text[before[-1][2]:amount.start]):
            v, s, e = before[-1]
            if not any(a.start == s for a in found):
                lows.append(_Amount(v, s, e))
    return sorted(found + lows, key=lambda a: a.start)


def _words_amount(text: str) -> list[_Amount]:
    """An amount written only in words: 'পঞ্চাশ টাকা'."""
    currency = "|".join(regex.escape(w) for w in kw.CURRENCY_WORDS)
    names = "|".join(regex.escape(w) for w in sorted(kw.NUMBER_WORDS, key=len, reverse=True))
    return [_Amount(float(kw.NUMBER_WORDS[m.group(1).lower()]), m.start(), m.end())
            for m in regex.finditer(rf"(?<![\p{{L}}\p{{M}}])({names})\s+(?:{currency})", text, regex.IGNORECASE)]


def _between(text: str, amounts: list[_Amount]) -> list[str]:
    return [text[a.end:b.start] for a, b in zip(amounts, amounts[1:])]


def _is_rate(text: str) -> bool:
    """A per-unit price of something other than the service, a share or a bound; fixed rates
    ('সরকার নির্ধারিত হারে': a land tax by the area) are rates too."""
    p = _patterns()
    if p["percent"].search(text) or p["per_slash"].search(text):
        return True
    for match in find_words(text, kw.FEE_RATE_WORDS, kw.FEE_RATE_WORDS_WHOLE):
        unit = text[match.end():].split(maxsplit=1)
        if not unit or not find_words(unit[0], kw.FEE_SERVICE_UNITS):
            return True
    return False


def _total(text: str, amounts: list[_Amount]) -> Optional[_Amount]:
    """The amount a total word or '=' stands right before."""
    p = _patterns()
    for amount in amounts:
        lead = text[max(0, amount.start - 16):amount.start]
        if p["total"].search(lead) or find_words(lead, kw.FEE_TOTAL_WORDS):
            return amount
    return None


def _alternatives(text: str, amounts: list[_Amount], free: bool) -> bool:
    p = _patterns()
    return (free or bool(find_words(text, kw.FEE_CASE_WORDS, kw.FEE_CASE_WORDS_WHOLE))
            or bool(p["sub_label"].search(text))
            or any(p["slash"].match(gap) or p["range"].match(gap) for gap in _between(text, amounts)))


def _parts(text: str, amounts: list[_Amount]) -> bool:
    """Every gap between amounts marks them as parts of one payment: a part word or '+', or a
    list separator in a list of charges (its items named as fees, not as cases)."""
    charges = bool(find_words(text, kw.FEE_CHARGE_WORDS, kw.FEE_CHARGE_WORDS_WHOLE))

    def marked(gap: str) -> bool:
        return "+" in gap or bool(find_words(gap, (), kw.FEE_PART_WORDS_WHOLE)) \
            or (charges and bool(regex.search(r"[,;।\n]", gap)))
    return all(marked(gap) for gap in _between(text, amounts))


def _free(text: str) -> bool:
    return bool(find_words(text, kw.FREE_WORDS, kw.FREE_WORDS_WHOLE))


def _fixed(value: float, kind: str) -> Fee:
    return Fee(value, value, value, "free" if value == 0 else kind, value == 0)


@cached()
def parse_fee(text: str) -> Fee:
    """The fee a cell states (see the module's docstring for the reading)."""
    text = clean(text)
    if is_blank(text):
        return UNSPECIFIED
    text = _patterns()["vat"].sub(" ", text)
    amounts = _money(text) or _words_amount(text)
    if not amounts and (bare := regex.fullmatch(r"[0-9০-৯]+(?:[.,][0-9০-৯]+)?\s*/?\s*[-=]?", text)):
        amounts = [_Amount(float(ascii_digits(bare.group(0)).strip("/-= ").replace(",", "")), 0, len(text))]
    free = _free(text)
    if _is_rate(text):
        return Fee(kind="rate", is_free=False)
    if not amounts:
        return _without_amount(text, free)
    values = [a.value for a in amounts]
    if len(amounts) == 1:
        if free and values[0] > 0:
            return Fee(None, 0.0, values[0], "tiered", None)
        return _fixed(values[0], "amount")
    total = _total(text, amounts)
    if total is not None:
        return Fee(total.value, total.value, total.value, "total", total.value == 0)
    if _alternatives(text, amounts, free) or not _parts(text, amounts):
        low = 0.0 if free else min(values)
        return Fee(None, low, max(values), "tiered", None if free or low == 0 else False)
    return _fixed(sum(values), "itemised")


def _without_amount(text: str, free: bool) -> Fee:
    if free:
        return Fee(0.0, 0.0, 0.0, "free", True)
    if find_words(text, kw.POLICY_WORDS):
        return Fee(kind="policy", is_free=False)
    if find_words(text, kw.FEE_PAYMENT_WORDS, kw.FEE_PAYMENT_WORDS_WHOLE):
        return Fee(kind="policy", is_free=False)
    return UNSPECIFIED


def _class(text: str) -> Optional[regex.Match]:
    """A few words without digits before a colon or dash at the start of ``text`` (cleaned)."""
    found = _patterns()["class"].match(text)
    return found if found and len(found.group(1).split()) <= MAX_CLASS_WORDS else None


def class_name(text: str) -> str:
    """The case a fee cell's text opens with ('ইংরেজী:', 'Express -'); else ''."""
    found = _class(clean(text))
    return found.group(1).strip() if found else ""


def class_label(text: str) -> str:
    """The case a fee cell names before its one amount ('ইংরেজী: ৫০ টাকা', 'Express - Tk. 500');
    else ''."""
    text = clean(text)
    found = _class(text)
    return found.group(1).strip() if found and len(_money(text[found.end():])) == 1 else ""


@functools.lru_cache(maxsize=1 << 14)
def looks_like_fee(text: str) -> bool:
    """Whether a cell reads as a fee: an amount of money or a free word. (Policy
    wording such as অনুযায়ী is as common in method cells, so it is no evidence.)"""
    text = clean(text)
    return bool(_money(text)) or _free(text)

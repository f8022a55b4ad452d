"""Properties of every value parser (pipeline/values/) over generated Bangla cells.

The cells are drawn from Bangla letters and vowel signs, both kinds of digits, the
danda and other punctuation, line breaks, emails, phone-like digit runs and the
phrases of the keyword tables each parser reads (found in its source as ``kw.NAME``,
so a table added to a parser is drawn from without touching this file).

For each parser: it never raises; it reads its own output back to the same value
where that is defined; and a cell written with Bengali digits reads as the same
cell written with Latin ones.
"""
from __future__ import annotations

import inspect
import math
import unicodedata
from decimal import Decimal

import pytest
import regex
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from pipeline import keywords as kw
from pipeline.lexicon import BENGALI_DIGITS, ascii_digits, clean
from pipeline.values import blank, email, fee, items, officer, phone, serial, time
from pipeline.values.blank import is_blank
from pipeline.values.email import EMAIL, deobfuscate, mask_addresses, parse_emails
from pipeline.values.fee import UNSPECIFIED, parse_fee
from pipeline.values.items import split_items
from pipeline.values.officer import find_designation, official_posts, parse_officer
from pipeline.values.phone import area_codes, parse_phone, parse_phones
from pipeline.values.serial import parse_serial, split_fused_serial
from pipeline.values.time import parse_time_limit

# Modest counts: the whole file runs in well under 30 s.
PROPERTY = settings(deadline=None, max_examples=50, suppress_health_check=[HealthCheck.too_slow])
# For a property of the cells a parser reads a value from (most generated cells hold none).
READ_BACK = settings(PROPERTY, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])

_TO_BENGALI = str.maketrans("0123456789", BENGALI_DIGITS)


def bengali_digits(text: str) -> str:
    return text.translate(_TO_BENGALI)


# ---------------------------------------------------------------- the vocabulary

def _phrases(value) -> list[str]:
    """Every string of a keyword table: lists, tuples, dicts' keys, nested."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [p for key in value for p in _phrases(key)]
    if isinstance(value, (list, tuple)):
        return [p for item in value for p in _phrases(item)]
    return []


def vocabulary(*modules) -> list[str]:
    """The phrases of every keyword table the modules read."""
    names = {n for m in modules for n in regex.findall(r"\bkw\.([A-Z_]+)", inspect.getsource(m))}
    return sorted({p for n in names for p in _phrases(getattr(kw, n)) if p.strip()})


FEE_WORDS = vocabulary(fee, blank)
TIME_WORDS = vocabulary(time, blank)
OFFICER_WORDS = vocabulary(officer, phone, email) + official_posts()
ITEM_WORDS = vocabulary(items, serial)


# ---------------------------------------------------------------- the cells

_BENGALI_BLOCK = [chr(c) for c in range(0x0980, 0x0A00) if unicodedata.category(chr(c)) != "Cn"]
LETTERS = [c for c in _BENGALI_BLOCK if unicodedata.category(c) == "Lo"]
SIGNS = [c for c in _BENGALI_BLOCK if unicodedata.category(c) in ("Mn", "Mc")]
PUNCTUATION = list(",;:।()[]/-–—.+=%৳'\"") + ["\n", " ", "  ", "/-", "/=", "N/A"]


@st.composite
def bangla_words(draw) -> str:
    """A pronounceable-looking run: letters, each maybe with a vowel sign or hasanta."""
    syllables = draw(st.lists(st.tuples(st.sampled_from(LETTERS), st.sampled_from([""] + SIGNS)),
                              min_size=1, max_size=5))
    return "".join(a + b for a, b in syllables)


@st.composite
def numbers(draw) -> str:
    """An amount as charters write one: either digits, thousands commas, decimals, '/-'."""
    value = draw(st.integers(0, 250_000))
    text = f"{value:,}" if draw(st.booleans()) else str(value)
    text += draw(st.sampled_from(["", ".00", ".৫০", "/-", "/="]))
    return bengali_digits(text) if draw(st.booleans()) else text


@st.composite
def phone_runs(draw) -> str:
    """Mobiles (some a digit short or long), landlines of the area-code table, +880 forms."""
    kind = draw(st.sampled_from(["mobile", "landline", "short", "long", "international"]))
    if kind == "landline":
        code = draw(st.sampled_from(sorted(area_codes())))
        low, high = area_codes()[code]
        digits = "0" + code + draw(st.text("0123456789", min_size=max(low, 1), max_size=max(high, 1)))
    else:
        size = {"mobile": 9, "short": 8, "long": 10, "international": 9}[kind]
        digits = "01" + draw(st.sampled_from("3456789")) + draw(st.text("0123456789", min_size=size - 1,
                                                                         max_size=size - 1))
        digits = "+88" + digits if kind == "international" else digits
    cut = draw(st.integers(2, len(digits) - 2))
    digits = digits[:cut] + draw(st.sampled_from(["", "-", " "])) + digits[cut:]
    return bengali_digits(digits) if draw(st.booleans()) else digits


@st.composite
def addresses(draw) -> str:
    user = draw(st.from_regex(r"[a-z][a-z0-9._]{0,10}[a-z0-9]", fullmatch=True))
    host = draw(st.sampled_from(["gmail.com", "mopa.gov.bd", "lakhai.habiganj.gov.bd", "yahoo.com"]))
    return draw(st.sampled_from([f"{user}@{host}", f"{user}[at]{host.replace('.', '[dot]')}",
                                 f"www.{host}", f"{user} @ {host}"]))


def cells(vocabulary_: list[str], with_addresses: bool = True) -> st.SearchStrategy[str]:
    parts = [bangla_words(), st.sampled_from(vocabulary_), numbers(), phone_runs(),
             st.sampled_from(PUNCTUATION), st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=6)]
    if with_addresses:
        parts.append(addresses())
    part = st.one_of(*parts)
    return st.lists(st.tuples(part, st.sampled_from([" ", "", "\n", ", "])), max_size=12).map(
        lambda pairs: "".join(a + b for a, b in pairs))


def latin_and_bengali(vocabulary_: list[str]) -> st.SearchStrategy[tuple[str, str]]:
    """A cell with no addresses (their digits are ASCII by nature) as (Latin digits, Bengali digits).
    A Latin o beside a digit is left out: next to a Bengali digit it is read as ০, by design."""
    return cells(vocabulary_, with_addresses=False).filter(
        lambda t: not regex.search(r"[0-9০-৯][oO]|[oO][0-9০-৯]", t)).map(
        lambda t: (ascii_digits(t), bengali_digits(t)))


# ---------------------------------------------------------------- fee

FEE_KINDS = {"free", "amount", "itemised", "total", "tiered", "rate", "policy", "unspecified"}


def canonical_fee(amount: float) -> str:
    return f"{Decimal(repr(amount)):f}".removesuffix(".0") + " টাকা"


@PROPERTY
@given(cells(FEE_WORDS))
def test_fee_is_consistent(text):
    got = parse_fee(text)
    assert got.kind in FEE_KINDS
    if got.bdt is not None:
        assert got.min_bdt == got.max_bdt == got.bdt and got.is_free is (got.bdt == 0)
    if got.min_bdt is not None:
        assert got.max_bdt is not None and got.min_bdt <= got.max_bdt
    if got.kind == "tiered":
        assert got.bdt is None and got.min_bdt is not None
    if got.kind in ("rate", "policy"):
        assert got.bdt is None and got.is_free is False


@READ_BACK
@given(cells(FEE_WORDS))
def test_fee_reads_its_canonical_text_back(text):
    got = parse_fee(text)
    assume(got.bdt is not None)
    again = parse_fee(canonical_fee(got.bdt))
    assert (again.bdt, again.is_free) == (got.bdt, got.is_free)


@PROPERTY
@given(st.integers(0, 10**7), st.booleans(), st.sampled_from(["", "/-", "/="]))
def test_an_amount_reads_as_itself(value, commas, tail):
    written = (f"{value:,}" if commas else str(value)) + tail + " টাকা"
    for text in (written, bengali_digits(written)):
        assert parse_fee(text).bdt == value


@PROPERTY
@given(st.integers(1, 5000), st.integers(1, 5000))
def test_a_range_reads_as_its_bounds(low, span):
    text = bengali_digits(f"{low} থেকে {low + span} টাকা")
    got = parse_fee(text)
    assert (got.bdt, got.min_bdt, got.max_bdt, got.kind) == (None, low, low + span, "tiered")


# ---------------------------------------------------------------- time

@PROPERTY
@given(cells(TIME_WORDS))
def test_time_is_consistent(text):
    days, unit = parse_time_limit(text)
    assert (days is None) == (unit is None)
    if days is not None:
        assert days >= 0 and days == int(days)


@READ_BACK
@given(cells(TIME_WORDS))
def test_time_reads_its_days_back(text):
    days, _ = parse_time_limit(text)
    assume(days is not None)
    for written in (f"{days:.0f} দিন", bengali_digits(f"{days:.0f} দিন")):
        assert parse_time_limit(written) == (days, "day")


@PROPERTY
@given(st.integers(0, 999), st.sampled_from([(unit, word, per) for unit, words, per in kw.TIME_UNITS
                                             for word in words]),
       st.sampled_from([" ", "", "  "]), st.booleans())
def test_every_unit_of_the_table(n, unit_word, gap, bengali):
    unit, word, per_day = unit_word
    text = f"{n}{gap}{word}"
    text = bengali_digits(text) if bengali else text
    assert parse_time_limit(text) == (float(math.ceil(n * per_day)), unit)


# ---------------------------------------------------------------- phones

@PROPERTY
@given(cells(OFFICER_WORDS))
def test_phones_are_consistent(text):
    for p in parse_phones(text):
        assert p.digits.isascii() and p.digits.isdigit()
        assert p.valid == (p.e164 is not None)
        if p.valid:
            assert regex.fullmatch(r"\+880[1-9][0-9]{6,9}", p.e164)


@PROPERTY
@given(phone_runs())
def test_a_phone_reads_its_e164_back(raw):
    got = parse_phone(raw)
    assume(got.valid)
    for written in (got.e164, "0" + got.e164[4:], bengali_digits(got.e164)):
        again = parse_phone(written)
        assert (again.valid, again.e164) == (True, got.e164)


@PROPERTY
@given(st.sampled_from(sorted(area_codes())), st.data())
def test_every_landline_of_the_table_is_valid(code, data):
    low, high = area_codes()[code]
    subscriber = data.draw(st.text("0123456789", min_size=low, max_size=high))
    got = parse_phone(bengali_digits(f"0{code}-{subscriber}"))
    assert (got.valid, got.e164) == (True, f"+880{code}{subscriber}")


@PROPERTY
@given(cells(OFFICER_WORDS))
def test_phones_of_a_cell_read_back(text):
    found = [p.e164 for p in parse_phones(text) if p.valid]
    assert [p.e164 for p in parse_phones(", ".join(found))] == found


# ---------------------------------------------------------------- emails

@PROPERTY
@given(cells(OFFICER_WORDS))
def test_emails_read_back_and_are_masked(text):
    valid, invalid = parse_emails(text)
    assert all(a == a.lower() for a in valid + invalid)
    assert parse_emails(", ".join(valid)) == (valid, [])
    assert not EMAIL.search(mask_addresses(text))


# ---------------------------------------------------------------- officers

@PROPERTY
@given(cells(OFFICER_WORDS))
def test_officer_is_consistent(text):
    got = parse_officer(text)
    for field in (got.name, got.designation, got.office):
        assert not EMAIL.search(field)
    assert not regex.search(r"[0-9০-৯]", got.name)
    # the digits of an address written against harvesters (name[at]gmail[dot]com) are no phone
    assert [p.e164 for p in got.phones] == [p.e164 for p in parse_phones(deobfuscate(text).replace("\n", " "))]


def _balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth < 0:
            return False
    return depth == 0


@READ_BACK
@given(cells(OFFICER_WORDS))
def test_officer_designation_reads_back(text):
    """A post of the tables or the official list, read from a cell, reads as itself in a
    designation column. (Not a part taken whole for its slash, whose digit runs read as
    phones or not by what stands around them; nor with a lone bracket: a comma before a
    ')' is inside brackets, so a cut-off pair changes the parts.)"""
    got = parse_officer(text)
    assume(got.designation and ";" not in got.designation and _balanced(text) and find_designation(got.designation))
    assert parse_officer(got.designation, names_expected=False).designation == got.designation


# ---------------------------------------------------------------- lists, serials, blanks

@PROPERTY
@given(cells(ITEM_WORDS))
def test_items_are_split_once(text):
    found = split_items(text)
    assert all(found)
    for item in found:
        assert split_items(item) == [item]


@PROPERTY
@given(st.lists(bangla_words(), min_size=1, max_size=6), st.booleans())
def test_items_read_back_from_markers(words, bengali):
    marked = " ".join(f"{i}। {w}" for i, w in enumerate(words, 1))
    assert split_items(bengali_digits(marked) if bengali else marked) == [clean(w) for w in words]


@PROPERTY
@given(st.integers(0, 999), st.sampled_from(["{}", "{}.", "{}।", "({})", "{})", "{}|", "{} :"]), st.booleans(),
       st.booleans())
def test_serial_reads_as_itself(n, form, padded, bengali):
    text = form.format(f"{n:02d}" if padded else n)
    assert parse_serial(bengali_digits(text) if bengali else text) == n


@PROPERTY
@given(st.lists(st.sampled_from(["-", "–", "—", "_", ".", " ", "\n", "N/A", "n/a", "।"]), max_size=5))
def test_blank_cells_give_no_value(parts):
    text = "".join(parts)
    assume(is_blank(text))
    assert parse_fee(text) == UNSPECIFIED
    assert parse_time_limit(text) == (None, None)
    got = parse_officer(text)
    assert (got.name, got.designation, got.office, got.phones) == ("", "", "", [])


# ---------------------------------------------------------------- either digit script

def _officer_reading(text: str):
    got = parse_officer(text)
    return [ascii_digits(x) for x in (got.name, got.designation, got.office)], [p.e164 for p in got.phones]


def _serial_reading(text: str):
    number, rest = split_fused_serial(text)
    return parse_serial(text), number, ascii_digits(rest)


# What each parser reads from a cell, with the digits of any text it keeps made Latin.
READINGS = {
    "fee": (parse_fee, FEE_WORDS),
    "time": (parse_time_limit, TIME_WORDS),
    "phones": (lambda text: [(p.digits, p.e164, p.reason) for p in parse_phones(text)], OFFICER_WORDS),
    "officer": (_officer_reading, OFFICER_WORDS),
    "items": (lambda text: [ascii_digits(i) for i in split_items(text)], ITEM_WORDS),
    "serial": (_serial_reading, ITEM_WORDS),
}


@pytest.mark.parametrize("parser", sorted(READINGS))
@PROPERTY
@given(data=st.data())
def test_bengali_and_latin_digits_read_alike(parser, data):
    read, words = READINGS[parser]
    latin, bengali = data.draw(latin_and_bengali(words))
    assert read(latin) == read(bengali)

"""Text helpers and keyword matching shared by every stage.

Holds no keywords itself (they are data in ``keywords.py``); it knows how to
clean Bangla text and how to look a phrase up in those tables.
"""
from __future__ import annotations

import functools
import unicodedata
from typing import Iterable

import regex

from . import keywords as kw

BENGALI_DIGITS = "০১২৩৪৫৬৭৮৯"
_TO_ASCII_DIGITS = str.maketrans(BENGALI_DIGITS, "0123456789")
# Characters that carry no text: BOM, soft hyphen, zero-width space and joiners
# (ZWJ/ZWNJ only steer glyph shaping, never meaning, in charter text). A class
# pattern: str.translate with a dict costs twenty times as much on Bangla text.
_INVISIBLE = regex.compile("[\ufeff\u00ad\u200b\u200c\u200d\u2060]")
# Old encoders write khanda ta as ta + hasanta + ZWJ; Unicode 4.1 gave it U+09CE.
_KHANDA_TA = ("\u09a4\u09cd\u200d", "\u09ce")
_SPACE = regex.compile(r"\s+")
_GARBLE = regex.compile("|".join(map(regex.escape, sorted(kw.GARBLES, key=len, reverse=True))))


# Typists' look-alikes: ৷ (U+09F7, a currency numerator) for the danda, and a
# Latin o/O for the digit ০ inside a Bengali number (১oo টাকা).
_LOOKALIKE_DANDA = ("\u09f7", "\u0964")
_LATIN_O_ZERO = regex.compile(r"(?<=[০-৯])[oO]+|[oO]+(?=[০-৯])")


# Every stage cleans the same cell texts again and again (a cell is matched against
# every keyword table): clean and fold are pure, so each text is worked out once.
@functools.lru_cache(maxsize=1 << 16)
def clean(text: str | None) -> str:
    """NFC, invisible characters removed, look-alikes and known garbles fixed,
    whitespace collapsed.

    NFC decomposes the precomposed nukta letters (U+09DC/09DD/09DF) into base +
    nukta, so NFC is the one form used for ড় ঢ় য় everywhere.
    """
    if not text:
        return ""
    text = _INVISIBLE.sub("", text.replace(*_KHANDA_TA)).replace(*_LOOKALIKE_DANDA)
    text = _LATIN_O_ZERO.sub(lambda m: "০" * len(m.group(0)), text)
    text = unicodedata.normalize("NFC", text)
    text = _GARBLE.sub(lambda m: kw.GARBLES[m.group(0)], text)
    return _SPACE.sub(" ", text).strip()


_EDGE_PUNCTUATION = regex.compile(r"^[\s,;:।\-–/]+|[\s,;:।.\-–/]+$")


def tidy(text: str) -> str:
    """``clean`` without the separators a fragment was cut at: ', মোঃ রহিম ।' -> 'মোঃ রহিম'."""
    return clean(_EDGE_PUNCTUATION.sub("", text or ""))


def ascii_digits(text: str) -> str:
    return text.translate(_TO_ASCII_DIGITS)


def clean_lines(text: str | None) -> str:
    """``clean`` on each line, the lines kept ("\n"-joined, empty ones dropped).

    A cell's line breaks tell a name from a designation in an officer cell, so
    readers keep them and repair passes them on; ``clean`` (and so every
    keyword match) still reads the cell as one line.
    """
    if not text:
        return ""
    return "\n".join(line for line in map(clean, text.splitlines()) if line)


# Set difference needs regex's V1 syntax (without it '&&' is two literal ampersands).
_PUNCTUATION = regex.compile(r"[[\p{P}\p{S}]--[%৳/]]+", regex.V1)


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """A matching key: cleaned, lower-cased, punctuation to spaces."""
    text = clean(text).lower()
    text = _PUNCTUATION.sub(" ", text)
    return _SPACE.sub(" ", text).strip()


# Spelling variants that real charters mix (উর্ধ্বতন/ঊর্দ্ধতন/উধ্বর্তন, পদবী/পদবি, সময়/সময,
# নং/নংঃ): folded to one letter each, so that a typo costs a fuzzy match nothing.
_SKELETON_FOLDS = [("\u09b0\u09cd\u09a7", "\u09a7"), ("\u09a6\u09cd\u09a7", "\u09a7"),
                   ("\u09a7\u09cd\u09ac", "\u09a7"), ("\u09a7\u09cd\u09b0", "\u09a7"),
                   ("\u098a", "\u0989"), ("\u0988", "\u0987"), ("\u09c0", "\u09bf"), ("\u09c2", "\u09c1"),
                   ("\u0983", ":"), ("\u09af\u09bc", "\u09af"), ("\u09a3", "\u09a8"), ("\u09b6", "\u09b8"),
                   ("\u09b7", "\u09b8"), ("\u09a1\u09bc", "\u09b0"), ("\u09a2\u09bc", "\u09b0"),
                   ("\u09b0\u09cd", ""), ("\u09cd", "")]


_GEMINATE = regex.compile(r"([\u0995-\u09b9])\u09cd\1")
_SPACE_OR_PUNCTUATION = regex.compile(r"[\s\p{P}\p{S}]+")


def skeleton(text: str) -> str:
    """A spelling-tolerant key: folded, spelling variants merged, reph and hasanta
    dropped, no spaces or punctuation (a header wrapped by syllable, ক্র / মি / ক,
    reads as one word)."""
    text = _GEMINATE.sub(r"\1", fold(text))            # পদ্ধত্তি: a doubled letter typed for one
    for variant, base in _SKELETON_FOLDS:
        text = text.replace(variant, base)
    return _SPACE_OR_PUNCTUATION.sub("", text)


_EITHER_DIGIT = {c: f"[{a}{b}]" for a, b in zip("0123456789", BENGALI_DIGITS) for c in (a, b)}


def escape(phrase: str) -> str:
    """``regex.escape``, but a digit matches in either script: a table's '১ম বার' or
    'কনসালটেন্ট (৩৩৩)' is also typed with Latin digits, as any number is."""
    return "".join(_EITHER_DIGIT.get(ch) or regex.escape(ch) for ch in phrase)


def _is_ascii(phrase: str) -> bool:
    return all(ord(ch) < 128 for ch in phrase)


@functools.lru_cache(maxsize=4096)
def _phrase_pattern(phrase: str) -> regex.Pattern:
    """A folded phrase as a pattern that matches whole words only.

    Whole-word matching keeps short keywords honest: ফি (fee) must not match
    inside অফিস, "no" must not match inside "name".
    """
    words = fold(phrase).split()
    body = r"\s*".join(escape(w) for w in words)
    if _is_ascii(phrase):
        return regex.compile(rf"(?<![a-z0-9০-৯]){body}(?![a-z0-9০-৯])")
    # Bangla words take suffixes (সেবার, সেবাসমূহ) and join into compounds
    # (সেবামূল্য): a phrase of four or more letters may sit anywhere in a word,
    # one of three only at a word's start; shorter ones (ফি) must stand alone.
    head = "" if len(body) >= 4 else r"(?<!\p{L}|\p{M})"
    tail = "" if len(body) >= 3 else r"(?!\p{L}|\p{M})"
    return regex.compile(rf"{head}{body}{tail}")


@functools.lru_cache(maxsize=4096)
def _word_pattern(phrase: str, whole: bool) -> regex.Pattern:
    """A phrase at the start of a word: a stem that takes suffixes (বিনা মূল্য
    matches বিনামূল্যে), or with ``whole`` a word on its own (প্রতি, never প্রতিবন্ধী).
    Spaces in the phrase may be missing or doubled in the text; a visarga used as a colon
    (ভিশনঃ) ends a word."""
    body = r"\s*".join(escape(w) for w in clean(phrase).split())
    tail = r"(?!(?!ঃ)[\p{L}\p{M}])" if whole else ""      # visarga ends a word as a colon does
    return regex.compile(rf"(?<![\p{{L}}\p{{M}}]){body}{tail}", regex.IGNORECASE)


def find_words(text: str, stems: Iterable[str] = (), words: Iterable[str] = ()) -> list[regex.Match]:
    """Every match in ``text`` (already ``clean``) of the stems and whole words, left to right."""
    found = [m for p in stems for m in _word_pattern(p, False).finditer(text)]
    found += [m for p in words for m in _word_pattern(p, True).finditer(text)]
    return sorted(found, key=lambda m: (m.start(), -m.end()))


def contains_any(text: str, phrases: list[str]) -> bool:
    folded = fold(text)
    return any(_phrase_pattern(p).search(folded) for p in phrases)


# A sub-row's marker at the start of its name: (ক) ক) ক। — or, in English, a bracketed Latin
# letter: (a) (b).
SUB_ROW_MARK = rf"(?|\(?\s*([{kw.LIST_MARKER_LETTERS}])\s*[).।:]|\(\s*([{kw.LATIN_MARKER_LETTERS}])\s*\))"
SUB_ROW_MARKER = regex.compile(rf"^\s*{SUB_ROW_MARK}\s*")


_DITTO_FOLDED = {fold(mark) for mark in kw.DITTO_MARKS} - {""}


def is_ditto(text: str) -> bool:
    """A cell holding only a ditto mark (ঐ, -ঐ-, 〃): the same as the value above it."""
    text = clean(text)
    return bool(text) and (text in kw.DITTO_MARKS or fold(text) in _DITTO_FOLDED)


def sub_row_marker(text: str) -> str:
    """The letter of the sub-row marker ``text`` opens with, else ''."""
    m = SUB_ROW_MARKER.match(clean(text))
    return m.group(1) if m else ""


def starts_with_any(text: str, words: list[str]) -> bool:
    """The first word of ``text`` is (or holds) one of ``words``."""
    return contains_any(fold(text).split(" ", 1)[0], words)


def names_variant_only(text: str) -> bool:
    """Every word names a variant of a service (সাধারণ, জরুরি ফি, নতুন, renewal)."""
    words = fold(text).split()
    return bool(words) and all(contains_any(w, kw.VARIANT_WORDS) for w in words)


def match_role(text: str, table: list[tuple[str, list[str]]]) -> str | None:
    """The first role of a priority-ordered keyword table that ``text`` mentions."""
    folded = fold(text)
    if not folded:
        return None
    for role, phrases in table:
        if any(_phrase_pattern(p).search(folded) for p in phrases):
            return role
    return None


@functools.lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    """Every word of the keyword tables (English ones in lower case): the words a narrow
    column's wrap may cut (কার্যদি / বস, তাৎক্ষ / নিক) and that tell a cut word from two words."""
    phrases: list[str] = []
    for value in vars(kw).values():
        if isinstance(value, dict):
            phrases += [k for k in value if isinstance(k, str)]
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, str):
                    phrases.append(item)
                elif isinstance(item, tuple):
                    phrases += [x for x in item if isinstance(x, str)]
                    phrases += [w for x in item if isinstance(x, list) for w in x if isinstance(w, str)]
    words = {w for p in phrases for w in BENGALI_RUN.findall(clean(p)) + _LATIN_WORD.findall(p.lower())}
    return frozenset(w for w in words if len(w) > 2)


_LATIN_WORD = regex.compile(r"[a-z]+")


# -------------------------------------------------------------- numbers

_NUMBER = regex.compile(r"[0-9০-৯]+(?:[,][0-9০-৯]{2,3})*(?:\.[0-9০-৯]+)?")


def parse_int(text: str) -> int | None:
    """An integer written in Bangla or Latin digits (or both mixed), else None."""
    digits = ascii_digits(clean(text)).strip(" .।)(:-")
    return int(digits) if digits.isdigit() else None


def numbers(text: str) -> list[tuple[float, int, int]]:
    """Every number in ``text`` as (value, start, end); thousands commas allowed."""
    out = []
    for m in _NUMBER.finditer(text):
        value = ascii_digits(m.group(0)).replace(",", "")
        out.append((float(value), m.start(), m.end()))
    return out


# -------------------------------------------------------------- rows and headings

# '২.১)', '১.', '(৩)', '2.1 ' — but not '১নং' (part of a name like ১নং শিবপুর ইউনিয়ন).
_NUMBERING = regex.compile(r"^\s*[(\[]?[0-9০-৯]+(?:\s*[.)।:\-]\s*[0-9০-৯]+)*(?:\s*[.)।:\]]|(?=\s))\s*")


def strip_numbering(text: str) -> str:
    """'২.১) নাগরিক সেবা' -> 'নাগরিক সেবা'."""
    return _NUMBERING.sub("", clean(text), count=1)


def has_numbering(text: str) -> bool:
    m = _NUMBERING.match(clean(text))
    return bool(m and m.group(0).strip())


def is_column_number_row(texts: list[str]) -> bool:
    """The row '১ ২ ৩ … n' (or '(1) (2) …') printed under a header.

    OCR misreads a digit or two (৩ as ও, ৭ as য়): a row of tokens no longer
    than the numbers (one longer, in a row of five or more), most of them equal to their
    column's position, is it too.
    """
    filled = [clean(t) for t in texts if clean(t)]
    values = [parse_int(t) for t in filled]
    if len(values) < 3:
        return False
    in_place = sum(1 for i, v in enumerate(values, 1) if v == i)
    # one cell may hold more than its number: a header label's last line printed on the row
    # ('থাকে)' beside '(৪)': 'থা(কে৪))')
    return in_place == len(values) or (sum(len(t) > 4 for t in filled) <= (len(values) >= 5)
                                       and in_place >= 0.7 * len(values))


@functools.lru_cache(maxsize=1 << 14)     # every line and cell is asked, by several stages
def heading_kind(text: str) -> tuple[str, str] | None:
    """('section', kind) or ('structure', kind) when a line is a heading.

    A heading is short and either numbered or little more than its keyword, so
    a sentence that merely mentions নাগরিক সেবা is not taken for one.
    """
    body = strip_numbering(text)
    folded = fold(body)
    if not folded or len(folded.split()) > 8:
        return None
    numbered = has_numbering(text)
    for group, table in (("section", kw.SERVICE_SECTIONS), ("structure", kw.STRUCTURE_HEADINGS)):
        for kind, phrases in table:
            for phrase in phrases:
                # Whole words: মিশন opens a heading, not কমিশনার; নাগরিক, not নাগরিকত্ব সনদ.
                m = _word_pattern(fold(phrase), True).search(folded)
                if m and (numbered or len(folded) - len(m.group(0)) <= 12):
                    return group, kind
    return None


@functools.cache
def _chrome_phrases() -> tuple[list[regex.Pattern], list[str]]:
    phrases = [clean(p).casefold() for p in kw.PORTAL_CHROME]
    return [regex.compile(regex.escape(p) + r"\s*(?:[:：|]|$)") for p in phrases], phrases


def is_chrome_text(text: str) -> bool:
    """A portal phrase on its own ('প্রিন্ট'), as a label ('পরিকল্পনা ও বাস্তবায়নে: …') or
    a run of them ('কনটেন্টটি শেয়ার করতে ক্লিক করুন প্রিন্ট').

    Anchored at the start so that a charter sentence that merely mentions
    a phrase ('ফরম ডাউনলোড করে …') is kept.
    """
    labels, phrases = _chrome_phrases()
    folded = clean(text).casefold()
    if any(p.match(folded) for p in labels):
        return True
    rest = folded
    while lead := next((p for p in phrases if rest.startswith(p)), None):
        rest = rest[len(lead):].lstrip()
    return rest != folded and not regex.search(r"[\p{L}\p{N}]", rest)


def is_charter_title(text: str) -> bool:
    return contains_any(text, kw.CHARTER_TITLES)


def is_government_line(text: str) -> bool:
    return contains_any(text, kw.GOVERNMENT_LINES)


# -------------------------------------------------------------- officers

def alternation(phrases) -> str:
    """The phrases (cleaned, lower-cased: match with IGNORECASE) as one regex alternation,
    longest first, so that the longest match wins."""
    keys = dict.fromkeys(k for k in (clean(p).lower() for p in phrases) if k)
    return "|".join(escape(k) for k in sorted(keys, key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _contact_label_pattern() -> regex.Pattern:
    labels = alternation(kw.PHONE_LABELS + kw.EMAIL_LABELS + kw.FAX_LABELS)
    # Not the start of a word: মোবারক is a name, not মোবা + রক (ঃ may follow: মোবাঃ).
    return regex.compile(rf"^(?:{labels})(?![\p{{L}}\p{{M}}--[ঃ]])", regex.IGNORECASE | regex.V1)


_CONTACT_START = regex.compile(r"^[+0-9০-৯(]")
_EMAIL_START = regex.compile(r"^[\w.+-]+@", flags=regex.ASCII)


def starts_with_contact(text: str) -> bool:
    """A contact line: a label (মোবাইলঃ, ইমেইল, Phone), a number or an address."""
    text = clean(text)
    return bool(_contact_label_pattern().match(text.lower())
                or _CONTACT_START.match(text)
                or _EMAIL_START.match(text))


@functools.lru_cache(maxsize=1)
def _time_phrase_pattern() -> regex.Pattern:
    units = alternation([w for _, words, _ in kw.TIME_UNITS for w in words])
    instant = alternation(kw.IMMEDIATE_WORDS + kw.SAME_DAY_WORDS)
    term = rf"(?:{instant}|[0-9০-৯]+(?:\s*[-–]\s*[0-9০-৯]+)?\s*(?:\([^)]{{1,20}}\)\s*)?(?:{units}))"
    return regex.compile(rf"^{term}(?:\s*[/,]?\s*{term})*(?:\s*\([^)]{{1,40}}\))?", regex.IGNORECASE)


def leading_time_phrase(text: str) -> str:
    """A time limit at the start of ``text`` ('তাৎক্ষণিক/ ৩ কার্যদিবস (প্রযোজ্য ক্ষেত্রে) …')."""
    m = _time_phrase_pattern().match(clean(text))
    return m.group(0) if m else ""


# -------------------------------------------------------------- wrapped addresses

_WORD_SEPARATOR = regex.compile(r"( |\n)")
# Every wrap _is_wrapped_address undoes has one of these on its left (most text has none).
_ADDRESS_HINT = regex.compile(r"[@_]|www\.|http", regex.IGNORECASE)
# One piece of an email or URL, as a line wrap leaves it.
ADDRESS_PIECE = regex.compile(r"[A-Za-z0-9._%+@/:~#=?&-]+")
# The start of an email's local part: lowercase letters with a dot, underscore or digit
# (a phone number on the line before an email is no part of it).
_LOCAL_PART = regex.compile(r"(?=.*[a-z])(?=.*[._0-9])[a-z0-9._+-]+")
_KNOWN_TLDS = {"com", "org", "net", "edu", "gov", "info", "bd", "int", "io"}


def rejoin_addresses(text: str) -> str:
    """Undo a line wrap inside an email or URL (``gmail.co m``, ``x@ gmail.com``, or a
    line break where the space is); other spaces and line breaks stay as they are."""
    if not _ADDRESS_HINT.search(text):
        return text
    pieces = _WORD_SEPARATOR.split(text)
    out = pieces[:1]
    for separator, word in zip(pieces[1::2], pieces[2::2]):
        if _is_wrapped_address(out[-1], word):
            out[-1] += word
        else:
            out += [separator, word]
    return "".join(out)


def _is_wrapped_address(left: str, right: str) -> bool:
    if not (ADDRESS_PIECE.fullmatch(left) and ADDRESS_PIECE.fullmatch(right)):
        return False
    if left[-1] in "@_" or right[0] == "@":
        return True
    if _LOCAL_PART.fullmatch(left) and "@" in right:  # wrapped before the @
        return True
    if not ("@" in left or left.lower().startswith(("www.", "http"))):
        return False
    if left[-1] in "./-" or right[0] == ".":
        return True
    # An address whose domain has no known ending yet continues on the next line.
    host = left.rsplit("@", 1)[-1].split("/")[0].lower()
    joined_host = (left + right).rsplit("@", 1)[-1].split("/")[0].lower()
    return (host.rsplit(".", 1)[-1] not in _KNOWN_TLDS or "." not in host) \
        and joined_host.rsplit(".", 1)[-1] in _KNOWN_TLDS


# -------------------------------------------------------------- visual order

# A consonant (with nukta) and a conjunct cluster of them (a ZWJ may sit before hasanta).
CONSONANT = "[\u0995-\u09b9\u09dc-\u09df]\u09bc?"
CLUSTER = f"{CONSONANT}(?:\u200d?\u09cd{CONSONANT})*"
_PRE_BASE = "[\u09bf\u09c7\u09c8]"
_WORD_INITIAL_SIGN = regex.compile(rf"(?<![\u0980-\u09ff]){_PRE_BASE}")
_SIGN_BEFORE_CLUSTER = regex.compile(rf"({_PRE_BASE})({CLUSTER})")
_REPH = "\u09b0\u09cd"
# After the vowel-sign move, a ি may stand between the cluster and its reph (টির্).
_REPH_AFTER_CLUSTER = regex.compile(rf"({CLUSTER}\u09bf?)({_REPH})(?!\u09cd)")
BENGALI_RUN = regex.compile(r"[\u0980-\u09ff]+")


def is_visual_order(text: str) -> bool:
    """Text extracted in glyph order: ি ে ৈ stand before their consonants (িক for কি).

    In sound text no word starts with a vowel sign; when many do, the whole
    page was extracted in visual order.
    """
    words = len(BENGALI_RUN.findall(text))
    initial = len(_WORD_INITIAL_SIGN.findall(text))
    return initial >= 5 and initial > 0.1 * words


def visual_to_logical(text: str) -> str:
    """Every pre-base vowel sign moved after the consonant cluster it was drawn
    before, and every reph (র্, drawn over a cluster and so extracted after it)
    moved before that cluster; NFC then joins ে + া into ো. Only for text known to
    be in visual order: 'নিবর্াহী কমর্কতর্া' becomes 'নির্বাহী কর্মকর্তা'."""
    text = _SIGN_BEFORE_CLUSTER.sub(r"\2\1", unicodedata.normalize("NFD", text))
    return unicodedata.normalize("NFC", _REPH_AFTER_CLUSTER.sub(r"\2\1", text))

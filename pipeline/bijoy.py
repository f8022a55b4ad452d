"""Legacy Bijoy / SutonnyMJ text: detection and conversion to Unicode Bangla.

Many charters were typed in SutonnyMJ, a font that draws Latin-1 codes as Bangla glyphs
(``‡mev`` is সেবা). A PDF made from them carries those Latin codes as text. This module
decides whether a font, a line or a token is Bijoy and converts it; the glyph table is data
in :mod:`pipeline.bijoy_table`.
"""
from __future__ import annotations

import math
import re
import unicodedata

from pipeline import bijoy_table as T
from pipeline.lexicon import CLUSTER

# Threshold for looks_bijoy, calibrated on the Bijoy sides of tests/data/bijoy_pairs.tsv (195 of
# 205 score >= 0.5; the rest are digit-only lines, bare list labels and three short words such as
# ``Ges``), 40 English charter lines (highest: ``Overview`` 0.32, the rest <= 0.18) and the
# Unicode sample charter (0.0 on every line).
BIJOY_THRESHOLD = 0.5

# Font families that use the Bijoy encoding without the usual MJ suffix.
_BIJOY_FAMILIES = ("sutonny", "bijoy", "nikoshmj", "adorsholipi")
_MJ_SUFFIX = re.compile(r"MJ(?:[-_ ,](?:Bold|Italic|BoldItalic|Regular))*$", re.IGNORECASE)

# '@' has no Bijoy glyph: any token holding one is an email, whole or cut by a wrap.
# Each pattern starts only where its run starts and its runs are possessive, so a
# long unbroken line is scanned once rather than once per position.
_EMAIL = r"(?<![\w.+-])[\w.+-]*+@[\w.-]*+"
_URL = (r"(?<![a-z0-9+.-])(?:[a-z][a-z0-9+.-]*+://|www\.)[^\s<>\"]++"
        r"|(?<![\w.-])(?>[\w-]+(?:\.[\w-]+)*?)\.(?:gov|com|org|net|edu)(?:\.bd)?\b[^\s<>\"]*+")
# Dotted lower-case runs are the pieces of an address cut by a wrap (shafiq.uss.ga).
_DOTTED = r"(?<![\w.])(?=[\w.]*+(?<=[a-z]))[a-z0-9_]++(?:\.[a-z0-9_]++)++\.?"
_PROTECTED = re.compile(rf"(?i:{_EMAIL}|{_URL})|{_DOTTED}")

# Common English words of charters. A Latin token is kept as English only when it is one of
# these: Bijoy words are made of the same ASCII letters, so shape alone cannot tell them apart.
_ENGLISH_WORDS = frozenset("""
a an and are at by for from in is of on or the to with
name service services office officer email e-mail mobile phone fax tel telephone no sl serial
citizen citizen's citizens charter government people's republic bangladesh ministry division
directorate department district upazila union website web portal online
ict nid tin bin vat pdf sms otp pin id ngo atm brta gd dc uno ac land nothi grs
form fee fees taka tk payment days day working hour hours
""".split())

_BENGALI = re.compile(r"[\u0980-\u09FF]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_EDGE_PUNCT = "()[]{},.;:!?\"|"
# া (v) is followed by a consonant or ends the word; ি (w) precedes a consonant; য় (q) needs no u;
# দ (`), থ (_), ূ (~) and ্ব (^) sit inside words, where English never puts those symbols.
_BIJOY_SIGN_SHAPE = re.compile(
    r"v(?=[b-df-hj-np-tv-zA-Z`_])|v$|w(?=[bcdfgjkmpqtvxzA-Z`_])|q(?!u)|[A-Za-z][`_~^]|[`_~^][A-Za-z]"
)


def is_bijoy_font(fontname: str) -> bool:
    """True for SutonnyMJ-style fonts (``ABCD+SutonnyMJ-Bold``, ``NikoshMJ``, ...)."""
    name = (fontname or "").split("+", 1)[-1].strip()
    if _MJ_SUFFIX.search(name):
        return True
    compact = re.sub(r"[^a-z]", "", name.lower())
    return any(family in compact for family in _BIJOY_FAMILIES)


# A spreadsheet formula typed into a cell (=HYPERLINK(…), @SUM(…), a DDE call +cmd|' /C calc'!A0) is
# ASCII meant as ASCII: converting it would hide what it is from the CSV writer that neutralises it.
_FORMULA = re.compile(r"[=+\-@]\s*(?:[A-Z][A-Z0-9.]+\(|.*?\w\|'[^']*'!)")


def bijoy_score(text: str) -> float:
    """Likelihood in [0, 1] that ``text`` is Bijoy-encoded (emails and URLs are ignored)."""
    if not may_look_bijoy(text) or _FORMULA.match(text.strip()):
        return 0.0
    body = _PROTECTED.sub(" ", text)
    letters = [c for c in body if c.isalpha() or c in T.BIJOY_ONLY]
    if not letters:
        return 0.0
    bengali = sum(1 for c in letters if _BENGALI.match(c))
    if bengali * 2 >= len(letters):
        return 0.0
    return 1 / (1 + math.exp(-_evidence(body, letters, bengali)))


def _evidence(body: str, letters: list[str], bengali: int) -> float:
    """Log-odds for Bijoy from Bijoy-only glyphs, v/w vowel signs and word shapes English lacks."""
    ascii_letters = [c for c in letters if c.isascii()]
    words = [w for w in (t.strip(_EDGE_PUNCT) for t in body.split()) if _ASCII_LETTER.search(w)]
    bijoy_only = sum(1 for c in letters if c in T.BIJOY_ONLY)
    vw_share = sum(1 for c in ascii_letters if c in "vw") / max(len(ascii_letters), 1)
    english = sum(1 for w in words if _is_english_word(w))
    shaped = sum(1 for w in words if _bijoy_shaped(w))
    vowelless = sum(1 for w in words if len(w) >= 2 and not re.search(r"[aeiouyAEIOUY]", w))
    n_words = max(len(words), 1)
    return (
        -3.0
        + 3.5 * min(bijoy_only, 3)
        + 6.0 * vw_share
        + 5.0 * shaped / n_words
        + 2.0 * vowelless / n_words
        - 5.0 * english / n_words
        - 8.0 * bengali / len(letters)
    )


def _bijoy_shaped(word: str) -> bool:
    """A Latin word no English spelling has: a capital inside it, or a v/w/q used as a Bijoy sign."""
    inner_cap = any(c.isupper() for c in word[1:]) and any(c.islower() for c in word)
    return inner_cap or bool(_BIJOY_SIGN_SHAPE.search(word))


def looks_bijoy(text: str) -> bool:
    return bijoy_score(text) >= BIJOY_THRESHOLD


# bijoy_score weighs Bengali letters against the rest: a text with no other letter
# (nor a glyph only Bijoy uses) scores 0, and so does every part of it.
_OTHER_LETTER = re.compile("[^\\W\\d_\u0980-\u09ff]|[" + re.escape("".join(sorted(T.BIJOY_ONLY))) + "]")


def may_look_bijoy(text: str) -> bool:
    """False when no part of ``text`` can look Bijoy: a cheap test before splitting it up."""
    return bool(_OTHER_LETTER.search(text))


def _is_english_word(token: str) -> bool:
    return token.lower().replace("’", "'") in _ENGLISH_WORDS


def bijoy_to_unicode(text: str) -> str:
    """Convert a Bijoy line to NFC Unicode, keeping emails, URLs and known English words."""
    out = []
    for chunk, protected in _split_protected(text):
        out.append(chunk if protected else _convert_keeping_english(chunk))
    return "".join(out)


def _split_protected(text: str) -> list[tuple[str, bool]]:
    parts, pos = [], 0
    for m in _PROTECTED.finditer(text):
        parts.append((text[pos:m.start()], False))
        parts.append((m.group(0), True))
        pos = m.end()
    parts.append((text[pos:], False))
    return [p for p in parts if p[0]]


def _convert_keeping_english(chunk: str) -> str:
    # Whitespace-separated tokens; a token that is a known English word stays as typed.
    pieces = re.split(r"(\s+)", chunk)
    return "".join(p if p.isspace() or _is_english_token(p) else _convert(p) for p in pieces)


def _is_english_token(token: str) -> bool:
    core = token.strip(_EDGE_PUNCT)
    return bool(core) and _is_english_word(core)


# -- conversion ------------------------------------------------------------------------------

_PRE_MARK = {"\u09bf": "\ue001", "\u09c7": "\ue002", "\u09c8": "\ue003"}
_MARK_KAR = {v: k for k, v in _PRE_MARK.items()}
_REPH_MARK = "\ue004"


def _glyph_map() -> dict[str, str]:
    glyphs: dict[str, str] = {}
    for table in (T.CONSONANTS, T.LIGATURES, T.HALF_FORMS, T.POST_FORMS, T.POST_KARS,
                  T.STANDALONE, T.DIGITS):
        glyphs.update(table)
    glyphs.update({k: _PRE_MARK[v] for k, v in T.PRE_KARS.items()})
    glyphs[T.REPH] = _REPH_MARK
    return glyphs


_GLYPHS = _glyph_map()
_GLYPH_RE = re.compile("|".join(re.escape(k) for k in sorted(_GLYPHS, key=len, reverse=True)))

_KAR = "[\u09be-\u09cc\u09d7]"
_PRE_RE = re.compile(f"([\ue001-\ue003])(\u0981?)({CLUSTER})")
_REPH_RE = re.compile(f"({CLUSTER})({_KAR}*)\ue004")
# Typists put u-kar before ya-/ra-phala (``Zy¨``); Unicode wants the phala first.
_KAR_PHALA_RE = re.compile(f"({_KAR})(\u09cd[\u09af\u09b0])")
_CANDRA_KAR_RE = re.compile(f"(\u0981)({_KAR})")


def _convert(token: str) -> str:
    text = _GLYPH_RE.sub(lambda m: _GLYPHS[m.group(0)], token)
    text = re.sub("\u09cd+", "\u09cd", text)
    text = _PRE_RE.sub(lambda m: m.group(3) + _MARK_KAR[m.group(1)] + m.group(2), text)
    text = _REPH_RE.sub(lambda m: "র\u09cd" + m.group(1) + m.group(2), text)
    text = _KAR_PHALA_RE.sub(r"\2\1", text)
    text = _CANDRA_KAR_RE.sub(r"\2\1", text)
    text = text.replace("অ\u09be", "আ")
    # A mark with nothing to attach to (a stray sign at a token edge) falls back to its kar.
    text = "".join(_MARK_KAR.get(c, c) for c in text).replace(_REPH_MARK, "র\u09cd")
    return unicodedata.normalize("NFC", text)


# List labels typed in Bijoy: (K) (L) (M) ... are (ক) (খ) (গ); single capitals alone are too
# ambiguous to convert, in brackets they are not.
_LABEL = re.compile(r"(?:\([K-Y]\))+")


def convert_fragments(text: str) -> str:
    """Convert only the Bijoy-looking tokens of a mostly-Unicode line."""
    if not may_look_bijoy(text) or _FORMULA.match(text.strip()):
        return text
    pieces = re.split(r"(\s+)", text)
    return "".join(_convert_fragment(p) for p in pieces)


def _convert_fragment(token: str) -> str:
    if token.isspace() or not token or _PROTECTED.fullmatch(token.strip("()[],;")):
        return token
    if _LABEL.fullmatch(token):
        return _convert(token)
    if _BENGALI.search(token) or not looks_bijoy(token):
        return token
    return _convert(token)


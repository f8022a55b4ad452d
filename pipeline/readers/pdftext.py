"""The PDF text layer: ActualText-aware characters, text lines, text repairs.

LibreOffice wraps each reordered Bengali cluster in a ``/Span <</ActualText
(...)>> BDC ... EMC`` span whose glyphs map to the wrong Unicode. pdfminer
hands the span's properties to the device's ``begin_tag`` but ignores
ActualText; the device below replaces each such span's glyphs by one unit
carrying the ActualText and the union of their boxes. Everything else here
works on pdfplumber char dicts (``text``, ``x0``, ``x1``, ``top``,
``bottom``, ``size``) in content-stream order.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from operator import itemgetter
from typing import Any, Iterable, Optional

import regex

from pdfminer.layout import LTChar, LTContainer
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.utils import decode_text
from pdfplumber.page import Page, PDFPageAggregatorWithMarkedContent

from ..lexicon import ADDRESS_PIECE, rejoin_addresses
from ..values.serial import SERIAL_MARKS

Char = dict[str, Any]

# Bengali dependent vowel signs and marks: they never start a syllable.
DEPENDENT_SIGNS = "\u09be-\u09cc\u09d7\u0981-\u0983\u09bc\u09cd"
PRE_BASE_SIGNS = "\u09bf\u09c7\u09c8"
# Not before ি ে ৈ: in a glyph-order text layer a space there is a word boundary.
_SPACE_BEFORE_SIGN = re.compile(f" +((?![{PRE_BASE_SIGNS}])[{DEPENDENT_SIGNS}])")
# A hyphen ending a line after a letter or digit (not the "/-" of an amount: ২০/-).
_HYPHEN_WRAP = re.compile(r"[^\s/=]-$")
_TRAILING_DIGITS = re.compile(r"(?<!\d)\d+$")
_LEADING_DIGITS = re.compile(r"\d+(?![\d।.)])")
_MOBILE = re.compile(r"[0০][1১]\d{9}")
_SERIAL_PIECE = re.compile(r"[0-9০-৯]{1,2}")
# a serial's rest, with its mark and the name fused to it: '২.আইসিটি …' after '০'
_MARKS = re.escape("".join(SERIAL_MARKS))
_SERIAL_REST = re.compile(rf"[0-9০-৯]{{1,2}}(?:[{_MARKS}]|$)")
# Ends a cell line that fills its column with one word (a soft hyphen: "a break may be here").
FULL_LINE = "\u00ad"
# A line that may end in a cut word: one word (after the serial fused to it, '০৬.প্রকল্পে'), or
# an email or URL piece.
ONE_TOKEN = regex.compile(rf"(?:[0-9০-৯]{{1,3}}[{_MARKS}])?[\p{{L}}\p{{M}}]+|{ADDRESS_PIECE.pattern}")


class ActualTextAggregator(PDFPageAggregatorWithMarkedContent):
    """pdfplumber's marked-content device, also honouring ActualText spans."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # One entry per open marked-content sequence, nested spans included:
        # (ActualText or None, container being filled, index of its first object).
        self._spans: list[tuple[Optional[str], LTContainer, int]] = []

    def begin_tag(self, tag: Any, props: Any = None) -> None:
        super().begin_tag(tag, props)
        actual = props.get("ActualText") if isinstance(props, dict) else None
        if isinstance(actual, bytes):
            actual = decode_text(actual)
        self._spans.append((actual if isinstance(actual, str) else None,
                            self.cur_item, len(self.cur_item._objs)))

    def end_tag(self) -> None:
        super().end_tag()
        if not self._spans:
            return
        actual, container, start = self._spans.pop()
        # A span that straddles a form XObject boundary is left as drawn.
        if actual is not None and container is self.cur_item:
            _merge_span(container._objs, start, actual)


def _merge_span(objs: list, start: int, actual: str) -> None:
    """Replace the span's glyphs objs[start:] by one char with the ActualText."""
    chars = [o for o in objs[start:] if isinstance(o, LTChar)]
    if not chars:
        return
    unit = chars[0]
    unit._text = actual
    unit.set_bbox((min(c.x0 for c in chars), min(c.y0 for c in chars),
                   max(c.x1 for c in chars), max(c.y1 for c in chars)))
    dropped = {id(c) for c in chars[1:]}
    objs[start:] = [o for o in objs[start:] if id(o) not in dropped]


def parse_page(page: Page) -> None:
    """Run pdfminer once on the page with the ActualText device.

    pdfplumber computes ``page.layout`` lazily and caches it in ``_layout``;
    filling that cache makes chars, lines, rects and the table finder all
    reuse this single parse.
    """
    device = ActualTextAggregator(page.pdf.rsrcmgr, pageno=page.page_number,
                                  laparams=page.pdf.laparams)
    PDFPageInterpreter(page.pdf.rsrcmgr, device).process_page(page.page_obj)
    page._layout = device.get_result()


# --------------------------------------------------------------------------
# Characters to lines
# --------------------------------------------------------------------------

def group_lines(chars: Iterable[Char]) -> list[list[Char]]:
    """Chars (stream order) to visual lines, top to bottom, each in stream order.

    A line is the chars whose middle lies within the height of its first (highest) char."""
    chars = chars if isinstance(chars, list) else list(chars)
    middles = [(c["top"] + c["bottom"]) / 2 for c in chars]
    lines: list[list[int]] = []
    top = bottom = 0.0
    # Stream indices by middle (a stable sort: equal middles keep stream order).
    for i in sorted(range(len(chars)), key=middles.__getitem__):
        if lines and top <= middles[i] <= bottom:
            lines[-1].append(i)
        else:
            lines.append([i])
            top, bottom = chars[i]["top"], chars[i]["bottom"]
    for line in lines:
        line.sort()
    return [[chars[i] for i in line] for line in lines]


@functools.lru_cache(maxsize=4096)
def _combining(first: str) -> bool:
    # ি ে ৈ are drawn before their consonant with an advance of their own: in a
    # glyph-order text layer they open a cluster (geometry decides, see below).
    return first not in PRE_BASE_SIGNS and unicodedata.category(first) in ("Mn", "Mc")


def line_text(line: list[Char]) -> str:
    """Stream order within clusters, x order between them (see notes file)."""
    # A cluster: [left, right, size, its texts]; each extreme kept as the cluster grows.
    # A char joins the cluster before it when it is a combining mark, or a glyph drawn
    # mostly over the previous one.
    clusters: list[list[Any]] = []
    cluster: list[Any] = []
    previous_x0 = previous_x1 = 0.0
    for char in line:
        text, x0, x1 = char["text"], char["x0"], char["x1"]
        if cluster:
            first = text[:1]
            if first and _combining(first):
                joins = True
            else:
                width = x1 - x0
                overlap = min(x1, previous_x1) - max(x0, previous_x0)
                joins = width > 0 and overlap > width / 2
            if joins:
                cluster[0] = min(cluster[0], x0)
                cluster[1] = max(cluster[1], x1)
                cluster[2] = max(cluster[2], char.get("size", 0))
                cluster[3].append(text)
                previous_x0, previous_x1 = x0, x1
                continue
        cluster = [x0, x1, char.get("size", 0), [text]]
        clusters.append(cluster)
        previous_x0, previous_x1 = x0, x1
    clusters.sort(key=itemgetter(0))
    parts: list[str] = []
    right = None
    for left, end, size, texts in clusters:
        # PDFs without space glyphs still separate words by a visible gap.
        if right is not None and left - right > 0.3 * size:
            parts.append(" ")
        parts.append("".join(texts))
        right = end
    return "".join(parts)


def line_bbox(line: list[Char]) -> tuple[float, float, float, float]:
    return (min([c["x0"] for c in line]), min([c["top"] for c in line]),
            max([c["x1"] for c in line]), max([c["bottom"] for c in line]))


# --------------------------------------------------------------------------
# Text repairs
# --------------------------------------------------------------------------

def join_lines(texts: Iterable[str]) -> str:
    """A cell's lines, repaired, one per line ("\n" between them: an officer cell's lines
    tell its name from its designation); a line that a wrap cut inside a word is glued
    back onto the one before."""
    joined = ""
    for text in map(clean_text, texts):
        if not text:
            continue
        if _cut_address(joined, text):
            joined = joined.removesuffix(FULL_LINE) + text
            continue
        glue = "" if joined and _wrapped_word(joined, text) else "\n"
        joined = joined + glue + text if joined else text
    return rejoin_addresses(joined)


# What an email or URL has and words of prose lack.
_ADDRESS_MARK = regex.compile(r"[@_]|\.(?=[A-Za-z])|^(?:www\.|https?:)", regex.IGNORECASE)


def _cut_address(before: str, after: str) -> bool:
    """An email or URL the column cut: a line that fills its column with ASCII address
    characters, and the next goes on with them (sumaiya.sa / vingsbiro / l@yahoo.com)."""
    if not before.endswith(FULL_LINE):
        return False
    last, first = before[:-1].split()[-1:], after.removesuffix(FULL_LINE).split()[:1]
    return bool(last and first and ADDRESS_PIECE.fullmatch(last[0]) and ADDRESS_PIECE.fullmatch(first[0])
                and _ADDRESS_MARK.search(last[0] + first[0]))


_BROKEN_AFTER = re.compile("\u09cd$")                            # a hasanta ends no word
_BROKEN_BEFORE = re.compile(f"^(?![{PRE_BASE_SIGNS}])[{DEPENDENT_SIGNS}]")   # a sign starts none


def _wrapped_word(before: str, after: str) -> bool:
    """A line wrapped after a hyphen (০১৭১১-/২২৩৩৪৪, ই-/নথি, e-/Nothi), inside a phone's digits,
    inside a serial too wide for its column (০ / ২, ০ / ২.আইসিটি: the cell so far is a digit or two), or inside
    a Bangla word (the line ends with a hasanta, or the next opens with a vowel sign)."""
    if _HYPHEN_WRAP.search(before) and after[:1].isalnum():
        return True
    if _SERIAL_PIECE.fullmatch(before) and _SERIAL_REST.match(after):
        return True
    if _BROKEN_AFTER.search(before) or _BROKEN_BEFORE.match(after):
        return True
    tail, head = _TRAILING_DIGITS.search(before), _LEADING_DIGITS.match(after)
    return bool(tail and head and _MOBILE.fullmatch(tail.group() + head.group()))


# A word's core: a token without the punctuation around it.
_LETTERS = "[\u0980-\u09e5\u09f0-\u09fe]+"       # Bangla letters and signs, digits excluded
_TAIL_LETTERS = regex.compile(f"{_LETTERS}$")
_HEAD_LETTERS = regex.compile(f"^{_LETTERS}")
_EDGE_PUNCTUATION = regex.compile(r"^[^\p{L}\p{M}\p{N}]+|[^\p{L}\p{M}\p{N}]+$")
_ENDS_IN_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]$")
MAX_CUT_REST = 4
_MID_WORD = regex.compile(r"[\p{Ll}\p{Lo}\p{M}]")
# a number's rest: a few digits, with its decimals (৫০ / ০.০০ টাকা), never a list's '2.'
_NUMBER_REST = regex.compile(rf"[0-9০-৯]{{1,{MAX_CUT_REST}}}(?:\.[0-9০-৯]{{1,2}})?")


def _cut_number(last: str, first: str) -> bool:
    """Digits on both sides of the break, the next line's first token a few digits alone, its
    decimals included (not a list's '2.', not a phone of its own): one number (৩০০ / ০ টাকা) that a column too narrow for
    it cut, when neither piece stands alone elsewhere (amounts vary too much for the whole to be
    written elsewhere)."""
    return last[-1:].isdigit() and bool(_NUMBER_REST.fullmatch(first))


def _core(token: str) -> str:
    return _EDGE_PUNCTUATION.sub("", token)


class WordCuts:
    """Words a narrow column cut at a line break (কার্যদিব / স, তাৎক্ষ / নিক, Immedi / ately),
    told from two words by the document's own vocabulary.

    A break is a cut when the two pieces make a word that the document writes whole
    somewhere (or a keyword table knows), and neither piece ever stands as a word of
    its own away from a line break. Word processors cut a word only where it is wider
    than its column, so the same word written whole elsewhere, and pieces that occur
    nowhere else, are the evidence; no list of words is needed. A value cut the same way
    in every row is written whole nowhere: there a line that fills its column with one word
    (``FULL_LINE``) is the evidence, for a rest of up to ``MAX_CUT_REST`` letters that is no
    known word and opens as a word's middle does. A number cut so (৩০০ / ০ টাকা) needs only
    pieces that stand nowhere else.
    """

    def __init__(self, texts: Iterable[str], known: frozenset[str]) -> None:
        self.words: Counter[str] = Counter()
        self.before_break: Counter[str] = Counter()   # a line's last word
        self.after_break: Counter[str] = Counter()    # a line's first word
        self.known = known
        for text in texts:
            for line in text.split("\n"):
                self._count(line.split())

    def _count(self, tokens: list[str]) -> None:
        # Each token as a core and, when punctuation edges it, as written too (তাৎক্ষণিক/).
        for i, token in enumerate(tokens):
            core = _core(token)
            for form in {core, token}:
                self.words[form] += 1
                if i == len(tokens) - 1:
                    self.before_break[form] += 1
                if i == 0:
                    self.after_break[form] += 1

    def is_cut(self, before: str, after: str, full: bool = False) -> bool:
        last, first = before.split()[-1:], after.split()[:1]
        if not last or not first:
            return False
        if not _ENDS_IN_WORD.search(last[0]):
            # A break after punctuation (তাৎক্ষণিক/ / ১দিন, ০৭ ( / সাত)): the token written whole elsewhere tells.
            return self.words[last[0] + first[0]] > 0 and not self._alone(last[0], first[0])
        if _cut_number(last[0], first[0]):
            return not self._alone(_core(last[0]), first[0])
        pieces = [(_core(last[0]), _core(first[0]))]
        # Bangla letters on both sides of a break inside a token with digits (সর্বো / চ্চ0৫দিন)
        tail, head = _TAIL_LETTERS.search(last[0]), _HEAD_LETTERS.match(first[0])
        if tail and head:
            pieces.append((tail.group(), head.group()))
        return any(self._cut(tail, head, full) for tail, head in pieces if tail and head)

    def _alone(self, tail: str, head: str) -> bool:
        """Either piece stands as a word of its own away from a line break."""
        return self.words[tail] > self.before_break[tail] or self.words[head] > self.after_break[head]

    def _cut(self, tail: str, head: str, full: bool) -> bool:
        whole = tail + head
        if self.words[whole] > 0:
            # a piece may be a word too (সুলতা / না): a line the one word fills tells it was cut
            return full or not self._alone(tail, head)
        # A word the keyword tables know, unless its first piece is one too (সেবা / সমূহ).
        alone = self._alone(tail, head) or tail.lower() in self.known
        if whole.lower() in self.known:
            return not alone
        # Written whole nowhere: the full line is the evidence for a short rest ('entreprene' /
        # 'urs'; 'Recreation' / 'leave' fills its line as well), unless that is a word we know
        # or opens as no word's middle does (a digit, a capital: 'verification' / '2.').
        return full and not alone and len(head) <= MAX_CUT_REST and head.lower() not in self.known \
            and _MID_WORD.match(head) is not None

    def rejoin(self, text: str) -> str:
        """``text`` with every cut line break removed."""
        lines = text.split("\n")
        out = [lines[0]]
        for line in lines[1:]:
            full = out[-1].endswith(FULL_LINE)
            out[-1] = out[-1].removesuffix(FULL_LINE)
            if self.is_cut(out[-1], line, full):
                out[-1] += line
            else:
                out.append(line)
        return "\n".join(out).replace(FULL_LINE, "")


def clean_text(text: str) -> str:
    """One line: NFC, single spaces, no space before a vowel sign, wrapped addresses rejoined."""
    text = " ".join(unicodedata.normalize("NFC", text).split())
    text = _SPACE_BEFORE_SIGN.sub(r"\1", text)
    return rejoin_addresses(text)

"""Officer cells: who is responsible, by name, designation, office, phone and email.

A cell is read by its parts: its lines (readers keep a cell's line breaks) and,
within a line, the pieces between commas, semicolons and dandas. A part that holds
a designation is the designation (the words before it in the same part, when
they read as a person's name, are the name); a part naming an office or a place
is the office; the first remaining part that reads as a person's name is the
name. Contacts are taken out first, and emails and URLs are masked before any
designation is looked for (``supervisor`` inside an address is no post).

Designations are known from the keyword tables (a start word, up to five domain
words and a head word: উপজেলা প্রাণিসম্পদ অফিসার) and from the official list of
posts in ``pipeline/data/designations.csv``.
"""
from __future__ import annotations

import csv
import functools
import itertools
from dataclasses import dataclass
from importlib import resources
from typing import Callable

import regex

from .. import gazetteer
from .. import keywords as kw
from ..lexicon import alternation, clean, clean_lines, fold, starts_with_any, tidy
from ..model import Officer
from . import cached
from .blank import is_blank
from .email import deobfuscate, mask_addresses, parse_emails
from .phone import parse_phones, phone_texts, without_fax

# Cuts tried when a cell's lines are lost: words of a few officers' names or posts, not a paragraph.
MAX_SPLIT_WORDS = 16
_SEPARATORS = regex.compile(r"(\n|[,;।](?![^()]*\)))")


@functools.lru_cache(maxsize=1)
def official_posts() -> list[str]:
    """Post names of the official list shipped in ``pipeline/data/designations.csv`` (may be empty)."""
    table = resources.files("pipeline") / "data" / "designations.csv"
    if not table.is_file():
        return []
    with table.open(encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        # Two-letter abbreviations (CA, DC) would match inside other words' initials: kept out.
        return [clean(row[key]) for row in rows for key in ("bn", "en") if len(clean(row.get(key) or "")) > 2]


@functools.lru_cache(maxsize=1)
def _designation_pattern() -> regex.Pattern:
    opener = alternation(kw.DESIGNATION_STARTS + kw.DESIGNATION_QUALIFIERS)
    head = alternation(kw.DESIGNATION_HEADS + official_posts())
    names = alternation(kw.NAME_PREFIXES)
    # The words between cannot open a person's name (মোঃ, জনাব): a title never runs over one.
    word = rf"(?!(?:{names})(?:\s|$))[^\s,;:।()/]+"
    title = (rf"(?:(?:{opener})\s+(?:{word}\s+){{0,5}})?[\p{{L}}\p{{M}}]*?(?:{head})"
             rf"(?![\p{{L}}\p{{M}}])(?:\s*\([^)]{{1,30}}\))?")
    # Compound posts are one designation: নাজির-কাম-ক্যাশিয়ার, X ও Y, X/Y/Z.
    joiner = r"\s*(?:-?\s*কাম\s*-?|\bcum\b|/|\s(?:ও|এবং|and)\s)\s*"
    # After a joiner a post may open with words of its own ('চেয়ারম্যান/সংশ্লিষ্ট ওয়ার্ড সদস্য').
    other = rf"(?:(?:{word}\s+){{0,3}}{title}|[^\s,;:।()/]+(?=\s*(?:/|$|,)))"
    return regex.compile(rf"(?<![\p{{L}}\p{{M}}]){title}(?:{joiner}{other})*", regex.IGNORECASE)


@functools.lru_cache(maxsize=1 << 14)    # the pattern is slow and most cells are asked about several times
def find_designation(text: str) -> regex.Match | None:
    """The first designation in ``clean(text)`` (so spans index the cleaned text)."""
    return _designation_pattern().search(clean(text))


@cached(copied=list)
def find_designations(text: str) -> list[regex.Match]:
    return list(_designation_pattern().finditer(clean(text)))


def post_across(head: str, tail: str) -> bool:
    """A post that starts in ``head`` and ends in ``tail`` (অতিরিক্ত কৃষি / অফিসার): ``tail`` is the
    rest of the cell a page break cut, not a cell of its own."""
    last, first = clean(head.split("\n")[-1]), clean(tail.split("\n")[0])
    if not last or regex.search(r"[0-9০-৯@]", last) or any(m.end() == len(last) for m in find_designations(last)):
        return False        # the cell above ends with a contact or a whole post: the tail is a cell of its own
    return any(m.start() < len(last) < m.end() for m in find_designations(f"{last} {first}"))


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, regex.Pattern]:
    labels = alternation(kw.PHONE_LABELS + kw.EMAIL_LABELS + kw.FAX_LABELS)
    fields = alternation(kw.FIELD_LABELS)
    return {
        # A label is a whole word (মোবারক is a name), ঃ excepted; a field name needs its colon.
        "label": regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?:(?:{labels})(?![\p{{L}}\p{{M}}--[ঃ]])|(?:{fields})"
                               rf"(?:\s*(?:ও|,|/)\s*(?:{fields}))*\s*[ঃ:])\s*[ঃ:.\-]*", regex.IGNORECASE | regex.V1),
        "qualifier": regex.compile(r"\(\s*(?:" + alternation(kw.PHONE_QUALIFIERS) + r")\s*\)", regex.IGNORECASE),
        # A post that opens with its own start word (উপজেলা, Assistant) owns no word before it.
        "opener": regex.compile(rf"(?:{alternation(kw.DESIGNATION_STARTS + kw.DESIGNATION_QUALIFIERS)})(?!\p{{L}})",
                                regex.IGNORECASE),
        "name_prefix": regex.compile(rf"^(?:{alternation(kw.NAME_PREFIXES)})(?:\s|(?=\p{{L}}))", regex.IGNORECASE),
        "honorific": regex.compile(rf"^(?:{alternation(kw.HONORIFICS)})\s+", regex.IGNORECASE),
        "office": regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?:{alternation(kw.OFFICE_WORDS)})", regex.IGNORECASE),
        "item": regex.compile(r"(?:^|(?<=\s))[0-9০-৯]{1,2}\s*[।.)](?![0-9০-৯])\s*"),
        "grs_role": regex.compile(alternation(kw.GRS_ROLES), regex.IGNORECASE),
    }


@dataclass
class _Reading:
    name: str = ""
    designation: str = ""
    office: str = ""



def _named(text: str) -> bool:
    """Evidence of a person's name: a prefix (মোঃ, জনাব) or a common word of names (আক্তার, ইসলাম)."""
    return bool(_patterns()["name_prefix"].match(tidy(text))) or \
        any(word in _name_words() for word in fold(text).split())


@functools.lru_cache(maxsize=1)
def _name_words() -> frozenset[str]:
    return frozenset(fold(w) for w in kw.NAME_WORDS)


def _is_name(text: str) -> bool:
    """A person's name: it opens with মোঃ/জনাব/ডাঃ …, or it is a few words of letters that
    name no office, place or post (and, holding no slash, no list of posts)."""
    p = _patterns()
    text = tidy(text)
    if not text or regex.search(r"[0-9০-৯@/]", text):
        return False
    title = find_designation(text)
    if p["name_prefix"].match(text) or (title and title.start() == 0 and p["name_prefix"].match(text[title.end():].strip())):
        return True     # 'প্রকৌশলী মোঃ আবুল কালাম আজাদ': a title before a name
    return (len(text.split()) <= 5 and not p["office"].search(text) and not find_designation(text)
            and not gazetteer.starts_with_place(text))


@dataclass
class _Part:
    text: str
    line_start: bool      # the part opens a line of the cell
    separator: str        # what parted it from the part before ('', ',', '।', '\n' …)


def _parts(text: str) -> list[_Part]:
    """The cell's parts; a designation wrapped over two lines (উপজেলা আইসিটি / অফিসার) is one,
    and so is an office (উপজেলা ভূমি / অফিস, উপজেলা / প্রাণিসম্পদ দপ্তর)."""
    flat = text.replace("\n", " ")
    for found in _designation_pattern().finditer(flat):
        text = text[:found.start()] + found.group(0) + text[found.end():]
    pieces = _SEPARATORS.split(_unwrap_offices(text))
    parts, separator = [], "\n"
    for piece, after in zip(pieces[::2], pieces[1::2] + [""]):
        if not is_blank(tidy(piece)):
            parts.append(_Part(tidy(piece), separator == "\n", separator))
            separator = after
        elif after == "\n" or not separator:
            separator = after or separator
    return parts


def _unwrap_offices(text: str) -> str:
    """A line that names no person, post or contact, before a line whose first part names an
    office, is the start of that office's name: a narrow column wrapped it."""
    # From the last line up, so that a name wrapped word by word (উপজেলা / কৃষি / অফিস,) is one.
    lines = text.split("\n")
    out = lines[-1:]
    for i in range(len(lines) - 2, -1, -1):
        line = lines[i]
        # Right under a person's name is where the post is written ('শাহানা পারভীন' / 'কর নির্ধারক'),
        # unless the line opens as offices do (উপজেলা, জেলা …).
        post_place = i > 0 and _named(lines[i - 1]) and _is_name(lines[i - 1]) \
            and not starts_with_any(line, kw.OFFICE_FRAGMENT_WORDS)
        if _office_head(line) and _opens_office(out[0]) and not post_place:
            out[0] = f"{line} {out[0]}"
        else:
            out.insert(0, line)
    return "\n".join(out)


def _office_head(line: str) -> bool:
    text = tidy(line)
    return bool(text) and len(text.split()) <= 4 and not regex.search(r"[0-9০-৯@,;।:]", text) \
        and not _named(text) and not find_designation(text)


def _opens_office(line: str) -> bool:
    first = tidy(_SEPARATORS.split(line)[0])
    found = find_designation(first)
    return bool(_patterns()["office"].search(first)) and not (found and found.start() == 0)


def _cut_at_place(name: str) -> tuple[str, str]:
    """A name runs on into the address when the cell's separators are gone
    ('মোঃ রফিকুল ইসলাম লাখাই'): it ends before the first place name."""
    words = name.split()
    cut = next((i for i in range(1, len(words)) if gazetteer.starts_with_place(" ".join(words[i:]))), len(words))
    return " ".join(words[:cut]), " ".join(words[cut:])


def _joined(parts: list[tuple[str, str]]) -> str:
    """Office parts with the separators they were written with (', ' or '। ')."""
    text = ""
    for piece, separator in parts:
        glue = "। " if separator == "।" else "; " if separator == ";" else ", "
        text = f"{text}{glue}{piece}" if text else piece
    return text


def _read_parts(parts: list[_Part], names_expected: bool) -> _Reading:
    """Designation: the part holding one. Name: a part before it that reads as a name, or
    one that opens a line of its own, or opens with মোঃ/জনাব …; the rest is the office."""
    reading = _Reading()
    offices: list[tuple[str, str]] = []
    prefix = _patterns()["name_prefix"]

    def take_name(text: str, separator: str) -> bool:
        if not names_expected or reading.name or not _is_name(text):
            return False
        reading.name, rest = _cut_at_place(tidy(text))
        offices.extend([(rest, separator)] if rest else [])
        return True

    posts = sum(1 for part in parts if find_designation(part.text))
    wrapped, named_last = "", False
    for part in parts:
        found = _designation_in(part.text, later_posts=posts > 1)
        if not found:
            # A name wrapped onto the next line, right after it (under its post, or with no post yet).
            if reading.name and part.line_start and _is_name(part.text) \
                    and (named_last or not (reading.designation or offices)):
                reading.name = f"{reading.name} {part.text}"
                wrapped = part.text
                continue
            may_name = not reading.designation or part.line_start or prefix.match(part.text)
            named_last = bool(may_name and take_name(part.text, part.separator))
            if not named_last:
                offices.append((part.text, part.separator))
            continue
        named_last = False
        before, after = tidy(part.text[:found.start()]), tidy(part.text[found.end():])
        post = tidy(found.group(0))
        if before and _post_words(before) and not _patterns()["opener"].match(post):
            post, before = tidy(part.text[:found.end()]), ""    # 'কর নির্ধারণ' + 'কর্মকর্তা', as written
        if before and not take_name(before, part.separator):
            offices.append((before, part.separator))
        if reading.designation:
            offices.append((post, part.separator))
        else:
            reading.designation = post
        # 'উপজেলা কৃষি অফিসার মোঃ মাহমুদুল হাসান': the name after the post.
        if after and not (prefix.match(after) and take_name(after, " ")):
            offices.append((after, " " if before or reading.designation else part.separator))
    if not reading.designation and len(wrapped.split()) >= 2 and not _named(wrapped):
        # A cell names its officer's post: a line of words after the name that holds no word of
        # names ('মোঃ নূরুল আমিন' / 'কর নির্ধারক') is that post, though no list knows it; one
        # word alone is more often the rest of a name a narrow column wrapped.
        reading.name, reading.designation = tidy(reading.name[:-len(wrapped)]), wrapped
    if not reading.designation and offices and (not names_expected or "/" in offices[0][0]):
        # A column asking only for posts, or a list of posts ('কর আদায়কারী/গ্রাম পুলিশ'): its first
        # part that is no person's name (one is written above the post all the same).
        post = next((part for part in offices if not (_named(part[0]) and _is_name(part[0]))), offices[0])
        offices.remove(post)
        reading.designation = post[0]
    reading.office = _joined(list(dict.fromkeys(offices)))
    return reading


def _post_words(before: str) -> bool:
    """Words written right before a post in one part that belong to it: a few words that are
    no name, office or place ('নিম্নমান' সহকারী, 'পরিবার কল্যাণ' পরিদর্শিকা, 'লাইসেন্স' সুপারভাইজার)."""
    return len(before.split()) <= 3 and not _named(before) and not _patterns()["office"].search(before) \
        and not gazetteer.starts_with_place(before) and not regex.search(r"[0-9০-৯@]", before)


def _designation_in(part: str, later_posts: bool = False) -> regex.Match | None:
    """The part's designation: the first one, unless it is a title before a name
    ('প্রকৌশলী মোঃ আবুল কালাম আজাদ') and another post follows, in this part or another."""
    found = find_designations(part)
    if found and found[0].start() == 0 and _patterns()["name_prefix"].match(part[found[0].end():].strip()):
        if len(found) >= 2:
            return found[1]
        if later_posts:
            return None
    return found[0] if found else None


def _officers(text: str) -> list[str]:
    """One cell may list several officers, numbered ('১। … ২। …'): each one's text."""
    items = [item for item in _patterns()["item"].split(text) if tidy(item)]
    if len(items) >= 2 and sum(1 for item in items if find_designation(item) or _is_name(item)) >= 2:
        return items
    return [_patterns()["item"].sub(" ", text, count=1) if _patterns()["item"].match(text) else text]


def _strip_contacts(text: str, phones) -> str:
    p = _patterns()
    rest = without_fax(mask_addresses(text))
    rest = p["qualifier"].sub(" ", rest) if phones else rest
    # parse_phones keeps one of each number: a repeat ('০১৭১১-…, হোয়াটসঅ্যাপ 01711…') goes too.
    for raw in [phone.raw for phone in phones] + phone_texts(rest):
        rest = rest.replace(raw, " ")
    rest = p["grs_role"].sub(" ", rest)
    return "\n".join(clean(p["label"].sub(" ", line)) for line in rest.split("\n"))


@cached()
def parse_officer(text: str, names_expected: bool = True) -> Officer:
    """Name, designation, office, phones and emails of one officer cell (several officers:
    names and designations joined by '; '). ``names_expected`` is False for a column whose
    header asks only for the designation: then no part is taken for a name, unless the cell
    labels one ('নাম: …')."""
    raw = deobfuscate(clean_lines(text))
    emails, invalid = parse_emails(raw)
    phones = parse_phones(raw.replace("\n", " "))
    # A name the cell itself labels ('নাম: …') is a name, whatever the header asked for.
    readings = [_read_parts(_parts(_strip_contacts(item, phones)), names_expected or _labels_name(item))
                for item in _officers(raw)]
    readings = [r for r in readings if r.name or r.designation or r.office] or [_Reading()]
    return Officer(raw=clean(raw), name=_without_honorifics("; ".join(r.name for r in readings if r.name)),
                   designation="; ".join(r.designation for r in readings if r.designation),
                   office="; ".join(r.office for r in readings if r.office),
                   phones=phones, emails=emails, invalid_emails=invalid)


@functools.lru_cache(maxsize=1)
def _name_label() -> regex.Pattern:
    words = alternation(dict(kw.OFFICER_PARTS)["name"])
    return regex.compile(rf"(?:^|\n)\s*(?:{words})\s*[:ঃ]", regex.IGNORECASE)


def _labels_name(text: str) -> bool:
    return bool(_name_label().search(text))


def officer_from_columns(parts: dict[str, str], names_expected: bool = True) -> Officer:
    """An officer from its column(s): the whole cell ('officer'), or sub-columns of one grouped
    header ('officer.name', 'officer.designation', 'officer.contact'), whose own texts are
    the name and the designation."""
    whole = "officer" in parts
    officer = parse_officer("\n".join(t for t in parts.values() if t), names_expected and whole)
    if "officer.name" in parts:
        name = tidy(mask_addresses(parts["officer.name"]))
        officer.name = "" if is_blank(name) else _without_honorifics(name)
    if "officer.designation" in parts:
        post = parse_officer(parts["officer.designation"], names_expected=False)
        officer.designation, officer.office = post.designation, post.office or officer.office
    _one_per_line(officer, parts)
    return officer


def _one_per_line(officer: Officer, parts: dict[str, str]) -> None:
    """Two officers in sub-columns: as many names as posts are that many officers, joined with
    '; '. A narrow column wraps both: a post runs over lines until its head word, and a word
    alone on its line ends the name above it (নাসরিন / আক্তার). Where the contact column lists a
    phone for each officer, that many: two lines that make one post are one (উপসহকারী / কৃষি অফিসার)."""
    posts = _posts_by_lines(parts.get("officer.designation", ""))
    count = len(parse_phones(parts.get("officer.contact", "").replace("\n", " "))) or len(posts)
    posts = _joined_posts(posts, count)
    names = _names_by_lines(parts.get("officer.name", ""), count)
    if count >= 2 and len(posts) < count:
        posts = _split_words(parts.get("officer.designation", ""), count, _whole_post)
    if count >= 2 and len(names) < count:
        names = _split_words(parts.get("officer.name", ""), count, _one_name)
    if count >= 2 and len(posts) == count == len(names):
        officer.name = "; ".join(_without_honorifics(name) for name in names)
        officer.designation = "; ".join(posts)


def _posts_by_lines(text: str) -> list[str]:
    """The column's posts, each its lines up to one that ends a designation; none when a line is
    left over (an office under the post: one officer)."""
    posts, pending = [], ""
    for line in (tidy(line) for line in text.split("\n") if tidy(line)):
        pending = f"{pending} {line}".strip()
        if _whole_post(pending):
            posts.append(pending)
            pending = ""
    return [] if pending else posts


def _joined_posts(posts: list[str], count: int) -> list[str]:
    """Neighbouring posts joined, first to last, while there are more than ``count`` and two of
    them make one post."""
    posts = list(posts)
    while len(posts) > count:
        pair = next((i for i in range(len(posts) - 1) if _whole_post(f"{posts[i]} {posts[i + 1]}")), None)
        if pair is None:
            break
        posts[pair:pair + 2] = [f"{posts[pair]} {posts[pair + 1]}"]
    return posts


def _whole_post(text: str) -> bool:
    found = find_designation(text)
    return bool(found) and found.start() == 0 and not tidy(clean(text)[found.end():])


def _names_by_lines(text: str, count: int) -> list[str]:
    """``count`` names from the column's lines, a word alone on its line (no মোঃ/জনাব before it)
    joining the line above; none unless every name is then a name of two words or more."""
    names = [tidy(line) for line in text.split("\n") if tidy(line)]
    while len(names) > count:
        rest = next((i for i in range(1, len(names)) if len(names[i].split()) == 1
                     and not _patterns()["name_prefix"].match(names[i])), None)
        if rest is None:
            return []
        names[rest - 1:rest + 1] = [f"{names[rest - 1]} {names[rest]}"]
    return names if all(_is_name(name) and len(name.split()) >= 2 for name in names) else []


def _opens(word: str) -> bool:
    """A word that opens a name (মোঃ, ডাঃ) or a post (উপজেলা, সহকারী)."""
    return bool(_patterns()["name_prefix"].match(word + " ") or _patterns()["opener"].fullmatch(word))


def _one_name(text: str) -> bool:
    """A name of two words or more that no honorific ends (মোঃ opens the next name)."""
    words = text.split()
    return len(words) >= 2 and _is_name(text) and not _patterns()["name_prefix"].match(words[-1] + " ")


def _split_words(text: str, count: int, whole: Callable[[str], bool]) -> list[str]:
    """A cell whose line breaks were lost (a text copy joins them with spaces) cut into ``count``
    runs of words each ``whole`` by itself (posts by the list of posts, names by their words).
    Of several such cuts, the one whose runs open with an opening word (মোঃ, উপজেলা, সহকারী), then
    the one whose shortest run (its opening word not counted) is longest; none when that leaves a tie."""
    words = tidy(text.replace("\n", " ")).split()
    if len(words) > MAX_SPLIT_WORDS:
        return []
    runs = [[" ".join(words[a:b]) for a, b in zip((0, *c), (*c, len(words)))]
            for c in itertools.combinations(range(1, len(words)), count - 1)]
    ranked = sorted((((sum(_opens(run.split()[0]) for run in cut[1:]),
                       min(len(run.split()) - _opens(run.split()[0]) for run in cut)), cut)
                     for cut in runs if all(whole(run) for run in cut)), key=lambda scored: scored[0], reverse=True)
    if not ranked or len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
        return []
    return ranked[0][1]


def _without_honorifics(names: str) -> str:
    return "; ".join(_patterns()["honorific"].sub("", n) for n in names.split("; ")) if names else ""


def officer_key(officer: Officer) -> str:
    """Who an officer is, for grouping: the folded name, else the first email, else the designation."""
    return fold(officer.name) or (officer.emails[0] if officer.emails else "") or fold(officer.designation)

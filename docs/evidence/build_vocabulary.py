"""Count on how many real charter pages each wording of wordings.json appears, and whether
the pipeline's keyword tables know it; write vocabulary.json and vocabulary.md.

    .venv/bin/python docs/evidence/build_vocabulary.py PAGES_DIR ../shared/realdata

PAGES_DIR holds one text file per page of the search tool's `pages` corpus, its first line
`url: <address>`, the rest the page text as the corpus returned it (not committed: third-party
text). The realdata excerpts are read where they are.
"""
from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path
from urllib.parse import unquote, urlparse

import regex

from pipeline import keywords as kw
from pipeline import lexicon

HERE = Path(__file__).parent
# A header label or a chrome line counts only as a whole cell, exactly as written; a heading as a
# whole cell once its numbering and end colons are gone, or as the start of one ('ভিশন: …');
# a charter title or a department row anywhere in a line ('সেবা প্রদান প্রতিশ্রুতি (সিটিজেন্স চার্টার)').
EXACT_CELL = {"header_labels", "grs_headers", ("chrome", "line")}
HEADING_CELL = {"headings"}
_NUMBERING = regex.compile(r"^[(\[]?[0-9০-৯]+(?:[.,][0-9০-৯]+)*[)\].।:]?\s*|^[কখগ][,.)]\s*")
_ENDS = " |:ঃ-–;"


def norm(text: str) -> str:
    return regex.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def cell_key(text: str) -> str:
    return _NUMBERING.sub("", norm(text).strip(_ENDS)).strip(_ENDS)


def read_pages(pages_dir: str, realdata_dir: str) -> dict[str, dict]:
    pages = {}
    for path in sorted(Path(pages_dir).glob("*.txt")):
        first, _, body = path.read_text(encoding="utf-8").partition("\n")
        pages.setdefault(first.removeprefix("url:").strip(), {"source": "pages corpus", "text": body})
    for path in sorted(Path(realdata_dir).glob("*.txt")):
        head, _, body = path.read_text(encoding="utf-8").partition("---- page text")
        url = regex.search(r"^# source: (https?://\S+)", head, regex.M)
        key = url.group(1) if url else f"realdata/{path.name}"
        pages[key] = {"source": f"realdata/{path.name}", "text": body.partition("\n")[2]}
    return pages


def cells(text: str) -> list[str]:
    return [norm(c).strip(" |") for line in text.split("\n") for c in line.split("|") if norm(c).strip(" |")]


def word_pattern(wording: str) -> regex.Pattern:
    """Whole word on the left; a Bangla word may go on with a suffix, an ASCII one may not."""
    body = regex.escape(norm(wording))
    if wording.isascii():
        return regex.compile(rf"(?<![A-Za-z0-9]){body}(?![A-Za-z0-9])", regex.I)
    return regex.compile(rf"(?<![\p{{L}}\p{{M}}]){body}")


def seen_on(wording: str, category: str, role: str, pages: dict) -> list[str]:
    if category in EXACT_CELL or (category, role) in EXACT_CELL:
        return [u for u, p in pages.items() if norm(wording) in p["cells"]]
    if category in HEADING_CELL and role not in ("charter_title", "department_row"):
        key = cell_key(wording)
        return [u for u, p in pages.items() if key in p["heading_keys"] or any(
            k.startswith(key + sep) for k in p["heading_keys"] for sep in (":", "ঃ", " :", " ঃ", " (", "("))]
    pattern = unit_pattern(wording) if (category, role) == ("time", "unit") else word_pattern(wording)
    return [u for u, p in pages.items() if pattern.search(p["norm"])]


def unit_pattern(wording: str) -> regex.Pattern:
    """A time unit after a number ('৪৫ কার্যদিবস', '০৭ (সাত) দিন'), so দিন is not read inside দিনাজপুর."""
    return regex.compile(rf"[0-9০-৯][^0-9০-৯\n]{{0,12}}?(?<![\p{{L}}\p{{M}}]){regex.escape(norm(wording))}")


def host_matches(url: str, pattern: str) -> bool:
    return bool(regex.search(pattern, (urlparse(url).hostname or "").removeprefix("www.")))


# ---------------------------------------------------------------- what the pipeline does with a wording

COLUMN_ROLE_OF = {"serial": "serial", "service_name": "service_name", "method": "method", "documents": "documents",
                  "forms_location": "forms_location", "fee": "fee", "time_limit": "time_limit",
                  "officer": "officer", "superior_or_remedy": "superior_officer", "recipient": "recipient",
                  "place": "place", "remarks": "remarks"}
HEADING_KIND_OF = {"citizen": ("section", "citizen"), "institutional": ("section", "institutional"),
                   "internal": ("section", "internal"), "subordinate_office": ("section", "subordinate_office"),
                   "vision_mission": ("structure", "vision_mission"), "vision": ("structure", "vision"),
                   "mission": ("structure", "mission"), "services": ("structure", "services"),
                   "grievance": ("structure", "grievance"), "expectations": ("structure", "expectations")}
TABLE_OF = {("contact_labels", "phone"): kw.PHONE_LABELS, ("contact_labels", "mobile"): kw.PHONE_LABELS,
            ("contact_labels", "email"): kw.EMAIL_LABELS, ("fee", "free"): kw.FREE_WORDS,
            ("fee", "policy"): kw.POLICY_WORDS, ("fee", "rate"): kw.FEE_RATE_WORDS,
            ("fee", "tier"): kw.FEE_TIER_WORDS, ("fee", "amount_form"): kw.CURRENCY_WORDS,
            ("time", "unit"): [w for _, words, _ in kw.TIME_UNITS for w in words],
            ("time", "immediate"): kw.IMMEDIATE_WORDS + kw.SAME_DAY_WORDS, ("time", "range"): kw.RANGE_WORDS,
            ("time", "number_word"): list(kw.NUMBER_WORDS), ("chrome", "line"): kw.PORTAL_CHROME,
            ("chrome", "text"): kw.PORTAL_CHROME}
TABLE_NAME = {("header_labels", ""): "COLUMN_ROLES", ("header_words", ""): "COLUMN_ROLES (words)", ("grs_headers", ""): "GRIEVANCE_ROLES",
              ("grs_cells", "role"): "GRS_ROLES", ("headings", "charter_title"): "CHARTER_TITLES",
              ("headings", ""): "SERVICE_SECTIONS / STRUCTURE_HEADINGS", ("designations", ""): "DESIGNATION_*",
              ("contact_labels", "phone"): "PHONE_LABELS", ("contact_labels", "mobile"): "PHONE_LABELS",
              ("contact_labels", "email"): "EMAIL_LABELS", ("fee", "free"): "FREE_WORDS",
              ("fee", "policy"): "POLICY_WORDS", ("fee", "rate"): "FEE_RATE_WORDS", ("fee", "tier"): "FEE_TIER_WORDS",
              ("fee", "amount_form"): "CURRENCY_WORDS", ("time", "unit"): "TIME_UNITS",
              ("time", "immediate"): "IMMEDIATE_WORDS / SAME_DAY_WORDS", ("time", "range"): "RANGE_WORDS",
              ("time", "number_word"): "NUMBER_WORDS", ("chrome", ""): "PORTAL_CHROME"}


def table_name(category: str, role: str) -> str:
    return TABLE_NAME.get((category, role)) or TABLE_NAME.get((category, ""), "")


def verdict(wording: str, category: str, role: str) -> str:
    """'known', or what the pipeline does instead ('read as fee', 'none'), or '' when no table applies."""
    if category in ("header_labels", "header_words"):
        return _expect(lexicon.match_role(wording, kw.COLUMN_ROLES), COLUMN_ROLE_OF.get(role))
    if category == "grs_headers":
        return _expect(lexicon.match_role(wording, kw.GRIEVANCE_ROLES), role)
    if category == "grs_cells" and role == "role":
        return "known" if lexicon.contains_any(wording, kw.GRS_ROLES) else "none"
    if category == "headings":
        return _heading_verdict(wording, role)
    if category == "designations":
        return _designation_verdict(wording)
    if table := TABLE_OF.get((category, role)) or TABLE_OF.get((category, "")):
        return "known" if lexicon.contains_any(_number_word(wording, role), table) else "none"
    return ""


def _expect(got: str | None, wanted: str | None) -> str:
    if wanted is None:
        return f"no such role; read as {got}" if got else "no such role"
    return "known" if got == wanted else f"read as {got}" if got else "none"


def _heading_verdict(wording: str, role: str) -> str:
    if role == "charter_title":
        return "known" if lexicon.is_charter_title(wording) else "none"
    got = lexicon.heading_kind(wording)
    wanted = HEADING_KIND_OF.get(role)
    if wanted is None:
        return f"no such heading; read as {got[1]}" if got else "no such heading"
    return "known" if got == wanted else f"read as {got[1]}" if got else "none"


def _designation_verdict(wording: str) -> str:
    found = lexicon.find_designation(wording)
    if not found:
        return "none"
    return "known" if found.group(0) == lexicon.clean(wording) else f"part: {found.group(0)}"


def _number_word(wording: str, role: str) -> str:
    return wording.strip("()") if role == "number_word" else wording


# ---------------------------------------------------------------- building and writing

def entries(wordings: dict, pages: dict):
    for category, roles in wordings.items():
        if category == "office_types":
            continue
        groups = roles.items() if isinstance(roles, dict) else [("", roles)]
        for role, words in groups:
            for wording in words:
                urls = seen_on(wording, category, role, pages)
                yield {"category": category, "role": role, "wording": wording, "pages": len(urls),
                       "urls": urls[:3], "table": table_name(category, role),
                       "pipeline": verdict(wording, category, role)}


def office_types(types: dict, pages: dict):
    for kind, spec in types.items():
        by_host = [u for u in pages if any(host_matches(u, h) for h in spec["hosts"])]
        words = []
        for word in spec["words"]:
            urls = seen_on(word, "office_types", "", pages)
            words.append({"wording": word, "pages": len(urls), "urls": urls[:3]})
        yield {"type": kind, "hosts": spec["hosts"], "pages_by_host": len(by_host), "host_urls": by_host[:3],
               "words": words}


def short(url: str, numbers: dict[str, int]) -> str:
    host = urlparse(url).hostname
    return f"P{numbers[url]} {host.removeprefix('www.') if host else url}"


def md_cell(text: str) -> str:
    return text.replace("|", "\\|")


def summary_lines(rows: list[dict]) -> list[str]:
    lines = []
    for table in dict.fromkeys(r["table"] for r in rows if r["table"]):
        mine = [r for r in rows if r["table"] == table]
        missing = [r for r in mine if r["pipeline"] not in ("known", "") and r["pages"] >= 2]
        known = sum(1 for r in mine if r["pipeline"] == "known" and r["pages"])
        lines.append(f"- **{table}**: {known} of {sum(1 for r in mine if r['pages'])} seen wordings known. "
                     + ("Work list (≥ 2 pages): " + "; ".join(
                         f"`{md_cell(r['wording'])}` ({r['pages']}, {r['role'] or r['category']}: {r['pipeline']})"
                         for r in sorted(missing, key=lambda r: -r["pages"])) if missing else "Nothing on ≥ 2 pages is missing."))
    no_table = [r for r in rows if not r["table"] and r["pages"] >= 2]
    groups = dict.fromkeys((r["category"], r["role"]) for r in no_table)
    for category, role in groups:
        words = [r for r in no_table if (r["category"], r["role"]) == (category, role)]
        lines.append(f"- **no table** ({category}/{role}): " + "; ".join(
            f"`{md_cell(r['wording'])}` ({r['pages']})" for r in sorted(words, key=lambda r: -r["pages"])))
    return lines


def detail_lines(rows: list[dict], numbers: dict[str, int]) -> list[str]:
    lines = []
    for category in dict.fromkeys(r["category"] for r in rows):
        lines += ["", f"## {category}", "", "| role | wording | pages | pipeline | seen on |", "|---|---|---|---|---|"]
        for r in (r for r in rows if r["category"] == category):
            seen = ", ".join(short(u, numbers) for u in r["urls"])
            lines.append(f"| {r['role']} | `{md_cell(r['wording'])}` | {r['pages']} | {r['pipeline']} | {seen} |")
    return lines


def office_lines(types: list[dict]) -> list[str]:
    lines = ["", "## office types", "", "Pipeline table: none (only `DEPARTMENT_WORDS`, which names authorities, not "
             "office types).", "", "| type | pages by portal host | host prefixes | words in the office name (pages) |",
             "|---|---|---|---|"]
    for t in types:
        words = "; ".join(f"`{w['wording']}` ({w['pages']})" for w in t["words"])
        lines.append(f"| {t['type']} | {t['pages_by_host']} | {', '.join(f'`{h}`' for h in t['hosts'])} | {words} |")
    return lines


def page_lines(pages: dict) -> list[str]:
    lines = ["", "## pages", "", f"{len(pages)} distinct addresses (`P` numbers of the tables above).", ""]
    return lines + [f"- P{n} {p['source']}: {unquote(u)}" for n, (u, p) in enumerate(pages.items(), 1)]


def main(pages_dir: str, realdata_dir: str) -> None:
    wordings = json.loads((HERE / "wordings.json").read_text(encoding="utf-8"))
    pages = read_pages(pages_dir, realdata_dir)
    for page in pages.values():
        page["cells"] = set(cells(page["text"]))
        page["heading_keys"] = {cell_key(c) for c in page["cells"]}
        page["norm"] = norm(page["text"])
    rows = list(entries(wordings, pages))
    types = list(office_types(wordings["office_types"], pages))
    out = {"pages": [{"url": u, "source": p["source"]} for u, p in pages.items()], "wordings": rows,
           "office_types": types}
    (HERE / "vocabulary.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    head = (HERE / "vocabulary_head.md").read_text(encoding="utf-8").replace("{pages}", str(len(pages)))
    body = ["", "## Summary: what the keyword tables lack", ""] + summary_lines(rows)
    numbers = {u: n for n, u in enumerate(pages, 1)}
    text = "\n".join([head.rstrip("\n")] + body + detail_lines(rows, numbers) + office_lines(types)
                     + page_lines(pages))
    (HERE / "vocabulary.md").write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:3])

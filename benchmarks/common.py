"""What the PDF benchmarks share: the corpus, text comparison, and table printing."""
from __future__ import annotations

import collections
import dataclasses
import json
import pathlib
import sys
import unicodedata
from dataclasses import dataclass

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_CORPUS = ROOT / "tests" / "corpus" / "rendered"


@dataclass
class Sample:
    pdf: pathlib.Path
    truth: dict

    @property
    def font(self) -> str:
        return self.truth.get("font") or "?"

    @property
    def renderer(self) -> str:
        return self.truth.get("renderer") or "?"


def corpus(directory: pathlib.Path) -> list[Sample]:
    """Every PDF in the folder that has a truth file beside it."""
    samples = []
    for pdf in sorted(directory.glob("*.pdf")):
        truth = pdf.with_name(pdf.stem + ".truth.json")
        if truth.exists():
            samples.append(Sample(pdf, json.loads(truth.read_text(encoding="utf-8"))))
    return samples


class Counts:
    """A dataclass of counts that add up: numbers are summed, Counters updated."""

    def add(self, other: "Counts") -> None:
        for f in dataclasses.fields(self):
            mine = getattr(self, f.name)
            if isinstance(mine, collections.Counter):
                mine.update(getattr(other, f.name))
            else:
                setattr(self, f.name, mine + getattr(other, f.name))


# truth key -> how to read it off a pipeline Service: the fields every scorer compares
SERVICE_READERS = {
    "service_name": lambda s: s.name,
    "delivery_method": lambda s: s.delivery_method_text,
    "required_documents": lambda s: s.required_documents,
    "fee_text": lambda s: s.fee_text,
    "fee_bdt": lambda s: s.fee_bdt,
    "time_limit_text": lambda s: s.time_limit_text,
    "time_limit_days": lambda s: s.time_limit_days,
    "officer_name": lambda s: s.officer.name,
    "officer_designation": lambda s: s.officer.designation,
    "officer_phones": lambda s: s.officer.valid_phones,
    "officer_emails": lambda s: s.officer.emails,
}


@dataclass
class ServiceCounts(Counts):
    """Services a system returned against the truth's, over any set of documents."""
    files: int = 0
    failed: int = 0
    truth: int = 0
    found: int = 0
    matched: int = 0
    right: collections.Counter = dataclasses.field(default_factory=collections.Counter)   # field -> right

    def counts(self) -> dict:
        return {"files": self.files, "failed": self.failed, "truth_services": self.truth,
                "found_services": self.found, "matched": self.matched,
                "recall": self.matched / self.truth if self.truth else None,
                "precision": self.matched / self.found if self.found else None}


def squash(text: str | None) -> str:
    """NFC with whitespace collapsed: the form fields are compared in."""
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def bare(text: str | None) -> str:
    """NFC with all whitespace removed: the form CER is measured on."""
    return "".join(unicodedata.normalize("NFC", text or "").split())


def levenshtein(a: str, b: str) -> int:
    """Edit distance (insert, delete, substitute; each costs 1), two rows of the table."""
    if a == b:
        return 0
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def table(headers: list[str], rows: list[list], title: str = "", left: int = 1) -> str:
    """A plain aligned text table: the first ``left`` columns flush left, the others right."""
    cells = [[str(h) for h in headers]] + [[str(v) for v in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = [title] if title else []
    for n, row in enumerate(cells):
        lines.append("  ".join(v.ljust(w) if i < left else v.rjust(w)
                               for i, (v, w) in enumerate(zip(row, widths))).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def percent(part: float, whole: float) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"

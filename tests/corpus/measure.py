"""What a rendered PDF actually came out as: pages, rows split by page breaks, fonts.

Split rows are found from poppler's words (exact for Bangla, see
/work/shared/notes/bangla-pdf-text.md) and the table geometry: every page a
service table reaches starts with its column-number row ``১ ২ … ৭``; words
between that row and the page's first serial number belong to the row left
unfinished on an earlier page.
"""
from __future__ import annotations

import re
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .specs import SECTIONS

LINE_TOLERANCE = 2.0   # points: words of one printed line share their top within this


@dataclass
class Word:
    page: int
    left: float
    top: float
    width: float
    height: float
    text: str
    line: tuple[int, int, int] = (0, 0, 0)   # poppler's (block, paragraph, line) on the page

    @property
    def center(self) -> float:
        return self.left + self.width / 2


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def embedded_fonts(pdf: Path) -> list[str]:
    """Embedded font names without the subset tag (ABCDEF+)."""
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    names = []
    for line in out.splitlines()[2:]:
        fields = line.split()
        # columns end with: emb sub uni object-number generation
        if len(fields) >= 7 and fields[-5] == "yes":
            names.append(fields[0].split("+", 1)[-1])
    return names


def words(pdf: Path) -> list[Word]:
    tsv = subprocess.run(["pdftotext", "-tsv", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    out = []
    for line in tsv.splitlines()[1:]:
        f = line.split("\t")
        if f[0] == "5" and f[11].strip():
            out.append(Word(int(f[1]), float(f[6]), float(f[7]), float(f[8]), float(f[9]), f[11],
                            (int(f[2]), int(f[3]), int(f[4]))))
    return out


def number_value(text: str):
    if text and all(unicodedata.category(ch) == "Nd" for ch in text):
        return int("".join(str(unicodedata.digit(ch)) for ch in text))
    return None


def column_number_rows(page_words: list[Word]) -> list[list[Word]]:
    """Printed lines that read exactly 1 2 3 4 5 6 7 (in any script's digits)."""
    lines: dict[float, list[Word]] = {}
    for w in page_words:
        key = next((k for k in lines if abs(k - w.top) <= LINE_TOLERANCE), w.top)
        lines.setdefault(key, []).append(w)
    found = []
    for line in lines.values():
        line.sort(key=lambda w: w.left)
        if [number_value(w.text) for w in line] == list(range(1, 8)):
            found.append(line)
    return sorted(found, key=lambda line: line[0].top)


def split_rows(pdf: Path) -> list[tuple[str, int]]:
    by_page: dict[int, list[Word]] = {}
    for w in words(pdf):
        by_page.setdefault(w.page, []).append(w)
    section, last, splits = -1, None, []
    for page in sorted(by_page):
        numbers = column_number_rows(by_page[page])
        if not numbers:
            continue
        header = numbers[0]
        header_ids = {id(w) for line in numbers for w in line}
        serial_right = (header[0].center + header[1].center) / 2
        below = [w for w in by_page[page] if w.top > header[0].top + LINE_TOLERANCE and id(w) not in header_ids]
        serials = sorted((w for w in below if w.center < serial_right and number_value(w.text) is not None),
                         key=lambda w: w.top)
        first_top = serials[0].top if serials else float("inf")
        if last and any(w.top < first_top - LINE_TOLERANCE for w in below) and last[0] < len(SECTIONS):
            splits.append((SECTIONS[last[0]], last[1]))
        for w in serials:
            value = number_value(w.text)
            section += value == 1
            last = (section, value)
    return sorted(set(splits), key=lambda k: (SECTIONS.index(k[0]), k[1]))

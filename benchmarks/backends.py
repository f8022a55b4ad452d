"""PDF text sources side by side: extraction pages/s, and field accuracy and CER with the same tables.

    python benchmarks/backends.py [--corpus DIR] [--sources pdfplumber,pdfium,...]

Each source gives a page's characters (or words) with boxes; the rules always come
from the pdfium backend (its edges equal the reference's on the corpus), so every
source runs through the same reader (lines, clusters, cells, closing rules), repair
and normalize, and is scored by ``accuracy.score``: CER and field accuracy differ
only by the text layer. Timed: the source's extraction of every page, in this
process, after one warm-up file (one core: run it pinned, ``taskset -c 0``).

* ``pdfplumber``: the reference backend (pdfminer with the ActualText device).
* ``pdfium``: the pdfium backend (ActualText from the marks, stream order, pdfminer boxes).
* ``pdfium-textpage``: PDFium's text page as it comes (its own ActualText rule, its order).
* ``playa``: playa-pdf glyphs, one char per ActualText span (its marked-content stack).
* ``pdftotext``: poppler's ``pdftotext -bbox`` words, one unit per word (a subprocess per file).
"""
from __future__ import annotations

import argparse
import collections
import pathlib
import subprocess
import sys
import time
import xml.etree.ElementTree as ElementTree

from common import DEFAULT_CORPUS, corpus, table
from accuracy import Score, score
from peers import to_charter

from pipeline.model import Block, Finding, RawDocument
from pipeline.readers.backends import backend
from pipeline.readers.backends.base import PageContent
from pipeline.readers.base import file_sha256
from pipeline.readers.pdf import read_page

Pages = list[list[dict]]


def _char(text: str, x0: float, x1: float, top: float, bottom: float, size: float, font: str = "") -> dict:
    return {"text": text, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "size": size, "fontname": font}


def backend_chars(name: str):
    def chars(path: pathlib.Path) -> Pages:
        with backend(name).open(path) as pdf:
            return [page.chars for page in pdf.pages()]
    return chars


def pdfium_textpage(path: pathlib.Path) -> Pages:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pages = []
    pdf = pdfium.PdfDocument(str(path))
    box = raw.FS_RECTF()
    for page in pdf:
        height = page.get_height()
        textpage = page.get_textpage()
        chars = []
        for i in range(textpage.count_chars()):
            if raw.FPDFText_IsGenerated(textpage.raw, i) == 1:
                continue
            raw.FPDFText_GetLooseCharBox(textpage.raw, i, box)
            chars.append(_char(chr(raw.FPDFText_GetUnicode(textpage.raw, i)), box.left, box.right,
                               height - box.top, height - box.bottom, box.top - box.bottom))
        pages.append(chars)
    pdf.close()
    return pages


def playa_chars(path: pathlib.Path) -> Pages:
    import playa
    from playa.utils import decode_text

    pages = []
    with playa.open(path) as pdf:
        for page in pdf.pages:
            height = page.height
            chars: list[dict] = []
            open_span = None
            for obj in page.texts:
                for glyph in obj:
                    span = next((m for m in reversed(glyph.mcstack) if "ActualText" in m.props), None)
                    x0, y0, x1, y1 = glyph.bbox
                    if span is not None and span is open_span:
                        last = chars[-1]
                        last.update(x0=min(last["x0"], x0), x1=max(last["x1"], x1))
                        continue
                    text = decode_text(span.props["ActualText"]) if span is not None else glyph.text or ""
                    chars.append(_char(text, x0, x1, height - y1, height - y0, glyph.size, glyph.fontname))
                    open_span = span
            pages.append(chars)
    return pages


def pdftotext_words(path: pathlib.Path) -> Pages:
    xhtml = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, check=True).stdout
    pages = []
    for page in ElementTree.fromstring(xhtml).iter("{http://www.w3.org/1999/xhtml}page"):
        words = []
        for word in page.iter("{http://www.w3.org/1999/xhtml}word"):
            box = [float(word.get(k)) for k in ("xMin", "xMax", "yMin", "yMax")]
            words.append(_char(word.text or "", *box, box[3] - box[2]))
        pages.append(words)
    return pages


SOURCES = {
    "pdfplumber": backend_chars("pdfplumber"),
    "pdfium": backend_chars("pdfium"),
    "pdfium-textpage": pdfium_textpage,
    "playa": playa_chars,
    "pdftotext": pdftotext_words,
}


def read_with(path: pathlib.Path, pages: Pages) -> RawDocument:
    """Our reader over the pdfium backend's rules and these characters."""
    blocks: list[Block] = []
    findings: list[Finding] = []
    with backend("pdfium").open(path) as pdf:
        for content, chars in zip(pdf.pages(), pages):
            page_blocks, finding = read_page(PageContent(content.page_number, content.bbox, chars, content.edges,
                                                         content.has_images, content.plumber_page, content.error))
            blocks += page_blocks
            findings += [finding] if finding else []
        count = pdf.page_count
    return RawDocument(source=str(path), sha256=file_sha256(path), format="pdf", pages=count, blocks=blocks,
                       findings=findings)


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=pathlib.Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sources", default=",".join(SOURCES))
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv if argv is not None else sys.argv[1:])
    samples = corpus(args.corpus)
    sources = args.sources.split(",")
    seconds = collections.Counter()
    pages = 0
    scores: dict[tuple[str, str], Score] = collections.defaultdict(Score)
    for source in sources:
        SOURCES[source](samples[0].pdf)     # warm-up: imports, caches
    for sample in samples:
        for source in sources:
            started = time.perf_counter()
            chars = SOURCES[source](sample.pdf)
            seconds[source] += time.perf_counter() - started
            charter = to_charter(read_with(sample.pdf, chars), sample.pdf)
            scores[(source, f"{sample.font} / {sample.renderer}")].add(score(sample, charter, None))
        pages += len(chars)
        print(f"  {sample.pdf.name}", file=sys.stderr, flush=True)
    print(f"{len(samples)} PDFs, {pages} pages in {args.corpus}\n")
    groups = sorted({group for _, group in scores})
    rows = [[group] + [_cer(scores[(s, group)]) for s in sources] for group in groups]
    totals = {s: _total(scores, s) for s in sources}
    rows.append(["all: CER"] + [_cer(totals[s]) for s in sources])
    rows.append(["all: field accuracy"] + [f"{100 * totals[s].field_accuracy():.1f}%" for s in sources])
    rows.append(["extraction pages/s"] + [f"{pages / seconds[s]:.1f}" for s in sources])
    print(table(["CER by font / renderer", *sources], rows))
    return 0


def _total(scores, source: str) -> Score:
    result = Score()
    for (name, _), counted in scores.items():
        if name == source:
            result.add(counted)
    return result


def _cer(s: Score) -> str:
    return f"{s.edits / s.chars:.4f}" if s.chars else "-"


if __name__ == "__main__":
    sys.exit(main())

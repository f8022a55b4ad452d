"""Extract: one file in, one ``RawDocument`` out.

The reader is chosen by the file's content, not its name: portals serve
charters as ``.php`` pages, PDFs saved without an extension, Word files
renamed ``.doc``. Each reader scores the first bytes; the best score wins.
"""
from __future__ import annotations

import importlib
from pathlib import Path

import regex

from .bijoy import bijoy_to_unicode, convert_fragments, looks_bijoy
from .model import Finding, Line, RawDocument, Table
from .readers.base import Reader, ReadError

# module:class, most specific first (ties go to the earlier reader).
READERS = [
    "pipeline.readers.pdf:PdfReader",
    "pipeline.readers.docx:DocxReader",
    "pipeline.readers.html:HtmlReader",
    "pipeline.readers.text:TextReader",
]
SNIFF_BYTES = 8192


def _load(spec: str) -> Reader:
    module, cls = spec.split(":")
    return getattr(importlib.import_module(module), cls)()


def readers() -> list[Reader]:
    return [_load(spec) for spec in READERS]


def choose_reader(path: Path) -> Reader:
    with open(path, "rb") as handle:
        head = handle.read(SNIFF_BYTES)
    if not head:
        raise ReadError("empty file")
    scored = [(reader.sniff(head, path), -i, reader) for i, reader in enumerate(readers())]
    score, _, reader = max(scored, key=lambda t: t[:2])
    if score <= 0:
        raise ReadError(_unreadable_format(head))
    return reader


# Formats people save charters in that no reader takes: say what to convert them to.
KNOWN_UNSUPPORTED = [
    (b"\xd0\xcf\x11\xe0", "a legacy Word/Excel (.doc/.xls) file: save it as .docx or PDF"),
    (b"PK\x03\x04", "a zip archive that is not a Word document (.odt, .xlsx?): save it as .docx or PDF"),
    (b"\x89PNG", "an image: scan it into a PDF for OCR"),
    (b"\xff\xd8\xff", "an image: scan it into a PDF for OCR"),
]


def _unreadable_format(head: bytes) -> str:
    known = next((what for magic, what in KNOWN_UNSUPPORTED if head.startswith(magic)), None)
    return f"unsupported format: {known}" if known else f"unrecognised format (starts with {head[:8]!r})"


def extract(path: str | Path, pdf_backend: str | None = None) -> RawDocument:
    """``pdf_backend`` names the PDF parser (readers/backends); None takes the configured one."""
    path = Path(path)
    reader = choose_reader(path)
    reader.pdf_backend = pdf_backend
    doc = decode_legacy_text(reader.read(path))
    doc.findings += missing_word_spaces(doc)
    return doc


def _legacy_to_unicode(text: str) -> str:
    if not text or text.isascii() and not looks_bijoy(text):
        return text
    return bijoy_to_unicode(text) if looks_bijoy(text) else convert_fragments(text)


# JSON/JS string escapes a portal's CMS printed as text: '\u09a8', '\r\n\t', '<\/td>'.
_ESCAPE = regex.compile(r"\\u([0-9a-fA-F]{4})|\\([rnt/\"])")
_ESCAPED = {"r": "", "n": "\n", "t": " ", "/": "/", '"': '"'}


def decode_escapes(text: str) -> str:
    if "\\" not in text:
        return text
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)) if m.group(1) else _ESCAPED[m.group(2)], text)


def decode_legacy_text(doc: RawDocument) -> RawDocument:
    """Text typed in the legacy Bijoy (SutonnyMJ) encoding, whole lines or fragments, to Unicode.

    Every format can carry it (a PDF or Word file set in SutonnyMJ, a portal page
    pasted from one), so it is decoded here once, after any reader.
    """
    converted = unescaped = 0
    items = [b for b in doc.blocks if isinstance(b, Line)]
    items += [c for b in doc.blocks if isinstance(b, Table) for r in b.rows for c in r.cells]
    for item in items:
        if item.confidence is not None:     # OCR reads glyphs into Unicode; it never yields Bijoy codes
            continue
        text = decode_escapes(item.text)
        unescaped += text != item.text
        new = _legacy_to_unicode(text)
        converted += new != text
        item.text = new
    if unescaped:
        doc.findings.append(Finding(rule="escapes_decoded", severity="warning",
                                    message=f"{unescaped} lines or cells held JSON/JS string escapes (\\u09a8, "
                                            "\\r\\n, <\\/td>) that the portal printed as text; they were decoded"))
    if converted:
        doc.findings.append(Finding(rule="legacy_encoding_converted", severity="info",
                                    message=f"{converted} lines or cells were in the Bijoy/SutonnyMJ encoding "
                                            "and were converted to Unicode"))
    return doc


# No Bangla word runs past about 18 code points (প্রতিষ্ঠানসমূহের is 16); text that
# does, again and again on one page, lost its spaces in conversion.
RUN_ON_LETTERS = 25
RUN_ON_PER_PAGE = 3
_RUN_ON = regex.compile(rf"\p{{Bengali}}{{{RUN_ON_LETTERS},}}")


def missing_word_spaces(doc: RawDocument) -> list[Finding]:
    """Pages whose inter-word spaces were lost: reported, never guessed back."""
    runs: dict[int, int] = {}
    items = [(b.page, b.text) for b in doc.blocks if isinstance(b, Line)]
    items += [(c.page, c.text) for b in doc.blocks if isinstance(b, Table) for r in b.rows for c in r.cells]
    for page, text in items:
        runs[page] = runs.get(page, 0) + len(_RUN_ON.findall(text))
    pages = [p for p, n in sorted(runs.items()) if n >= RUN_ON_PER_PAGE]
    if not pages:
        return []
    return [Finding(rule="missing_word_spaces", severity="warning",
                    message=f"pages {', '.join(map(str, pages))}: words run together (Bangla runs of "
                            f"{RUN_ON_LETTERS}+ letters with no space); the text lost its spaces in conversion, "
                            "so words and fields may be merged")]

"""Extract: one file in, one ``RawDocument`` out.

The reader is chosen by the file's content, not its name: portals serve
charters as ``.php`` pages, PDFs saved without an extension, Word files
renamed ``.doc``. Each reader scores the first bytes; the best score wins.
"""
from __future__ import annotations

import importlib
from pathlib import Path

from .model import RawDocument
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
        raise ReadError(f"unrecognised format (starts with {head[:8]!r})")
    return reader


def extract(path: str | Path) -> RawDocument:
    path = Path(path)
    return choose_reader(path).read(path)

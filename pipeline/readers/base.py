"""The reader interface.

A reader turns one file into a ``RawDocument``: running text as ``Line``
blocks and tables as ``Table`` blocks of cell strings, each cell keeping its
page (and its box when the format has geometry). Readers do not interpret
the charter: no header mapping, no joining of rows; that is repair's job, so
every format gets the same repairs.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from ..model import RawDocument


class ReadError(Exception):
    """The file cannot be read as a charter; the message says why, in one line."""


class Reader:
    name = "base"
    # The PDF parser a reader of PDFs runs on (readers/backends); None: the configured default.
    pdf_backend: str | None = None

    def sniff(self, head: bytes, path: Path) -> float:
        """Confidence in [0, 1] that this reader handles a file starting with ``head``."""
        raise NotImplementedError

    def read(self, path: Path) -> RawDocument:
        raise NotImplementedError


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()

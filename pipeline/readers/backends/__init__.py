"""PDF backends: the parsers the PDF reader can run on, one module each over ``base.py``.

``pdfplumber`` (pdfminer with an ActualText device) is the reference; ``pdfium``
(PDFium through pypdfium2) gives the same characters and rules at a fraction of
the cost. A backend is chosen by name: the ``pdf_backend`` argument of
``pipeline.process``, else the ``CHARTER_PDF_BACKEND`` environment variable (how
``charter run --pdf-backend`` reaches its worker processes), else ``DEFAULT``.
"""
from __future__ import annotations

import importlib
import os

from .base import PdfBackend

BACKENDS = {
    "pdfplumber": "pipeline.readers.backends.plumber:PlumberBackend",
    "pdfium": "pipeline.readers.backends.pdfium:PdfiumBackend",
}
DEFAULT = "pdfium"
ENVIRONMENT = "CHARTER_PDF_BACKEND"


def backend(name: str | None = None) -> PdfBackend:
    name = name or os.environ.get(ENVIRONMENT) or DEFAULT
    if name not in BACKENDS:
        raise ValueError(f"unknown PDF backend {name!r}: one of {', '.join(BACKENDS)}")
    module, cls = BACKENDS[name].split(":")
    return getattr(importlib.import_module(module), cls)()

#!/usr/bin/env bash
# Set up (once) and run the test suite. System tools the tests use are
# installed when running as root, or named when missing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$here/scripts/setup.sh" test
need_system pdftotext poppler-utils      # the independent text reference in the PDF tests
need_system tesseract "tesseract-ocr tesseract-ocr-ben tesseract-ocr-eng"   # the OCR fallback's tests
tesseract --list-langs 2>/dev/null | grep -qx ben || need_system tesseract-ben-model tesseract-ocr-ben
cd "$here"
exec .venv/bin/python -m pytest -q "$@"

#!/usr/bin/env bash
# Set up (once) and run the test suite. The system tools some tests use are installed
# when running as root with apt; otherwise those tests are skipped with the install hint.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$here/scripts/setup.sh" test
want_system pdftotext poppler-utils      # the independent text reference in the PDF tests
want_system tesseract "tesseract-ocr tesseract-ocr-ben tesseract-ocr-eng"   # the OCR fallback's tests
if command -v tesseract >/dev/null 2>&1 && ! tesseract --list-langs 2>/dev/null | grep -qx ben; then
  want_system tesseract-ben-model tesseract-ocr-ben
fi
want_system chromium chromium            # the review page rendered headless
want_system fc-list fontconfig           # ... with and without the Bangla fonts
fc-list :lang=bn 2>/dev/null | grep -q "Noto Sans Bengali" || want_system fc-noto-bengali fonts-noto-core
cd "$here"
exec .venv/bin/python -m pytest -q "$@"

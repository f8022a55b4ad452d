from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "raw" / "lakhai-ict-citizen-charter.txt"
FIXTURES = ROOT / "tests" / "fixtures"

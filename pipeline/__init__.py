"""Bangladesh Citizen's Charters to clean, validated open data.

>>> from pipeline import process, run
>>> charter = process("raw/lakhai-ict-citizen-charter.txt")
>>> summary = run(["raw/"], "processed/")
"""
__version__ = "0.1.0"

from .api import process, run  # noqa: E402  (the version must exist before the stages import it)

__all__ = ["process", "run", "__version__"]

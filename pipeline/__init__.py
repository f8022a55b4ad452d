"""Bangladesh Citizen's Charters to clean, validated open data.

>>> from pipeline import load, process, run
>>> charter = process("raw/lakhai-ict-citizen-charter.txt")
>>> summary = run(["raw/"], "processed/")
>>> tables = load("processed/")          # typed DataFrames; phones stay text
"""
__version__ = "0.1.0"

from .api import process, run  # noqa: E402  (the version must exist before the stages import it)
from .tabular import load  # noqa: E402

__all__ = ["process", "run", "load", "__version__"]

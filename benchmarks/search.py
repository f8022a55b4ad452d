"""Which FTS5 tokenizer finds Bangla words in service texts: trigram or unicode61.

    python benchmarks/search.py PROCESSED_FOLDER

Builds charters.db's tables in memory once per tokenizer and runs each query the way
Datasette's search box does (the word in double quotes). "wanted" is the number of
services whose searched columns contain the query as a substring, the answer a person
expects; a vowel sign alone should find nothing.
"""
from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path

import sqlite_utils
from common import table

from pipeline import database, package

TOKENIZERS = ["trigram", "unicode61 remove_diacritics 0",
              "unicode61 remove_diacritics 0 categories 'L* N* Co M*'"]
QUERIES = ["নামজারি", "প্রশিক্ষণ", "প্রশিক্ষণের", "কৃষক", "ি", "া", "্"]
VOWEL_SIGNS = {"ি", "া", "্"}


def wanted(db: sqlite_utils.Database, query: str) -> int:
    if query in VOWEL_SIGNS:
        return 0
    columns = database.SEARCH["services"]
    return sum(any(query in (row[c] or "") for c in columns) for row in db["services"].rows)


def found(db: sqlite_utils.Database, query: str) -> str:
    try:
        return str(len(db.execute("SELECT rowid FROM services_fts WHERE services_fts MATCH ?",
                                  [f'"{query}"']).fetchall()))
    except sqlite3.OperationalError as exc:
        return f"error: {exc}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    folder = parser.parse_args().folder
    dbs = {}
    for tokenize in TOKENIZERS:
        dbs[tokenize] = sqlite_utils.Database(memory=True)
        database.build(dbs[tokenize], folder, package.table_names(folder), tokenize=tokenize)
    first = dbs[TOKENIZERS[0]]
    rows = [[q, wanted(first, q)] + [found(dbs[t], q) for t in TOKENIZERS] for q in QUERIES]
    print(table(["query", "wanted"] + TOKENIZERS, rows,
                title=f"{first['services'].count} services in {folder}: services found per query"))


if __name__ == "__main__":
    main()

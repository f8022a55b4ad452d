"""The data package a portal ingests: ``datapackage.json`` and a zip of it with its CSVs.

The metadata is built from the finished CSVs (read as files, never as records) and
the run's release options, so the same CSV bytes and options give the same bytes
here: no clock is read. The options of the runs that wrote a folder are kept in
``run.json`` beside the tables, so a later ``charter audit --write`` or ``charter
package`` describes the data the same way.
"""
from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
import zipfile
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import BinaryIO, Callable, Iterable

import regex

from . import __version__, emit
from .validate import TABLES, table_schema

NAME = "bd-citizen-charters"
TITLE = "Bangladesh government Citizen's Charters (সিটিজেনস চার্টার)"
DESCRIPTION = ("Services, fees, time limits, responsible officers, grievance contacts and audit findings "
               "extracted from the Citizen's Charters (সেবা প্রদান প্রতিশ্রুতি) of Bangladesh government offices.")
KEYWORDS = ["Bangladesh", "Citizen's Charter", "সিটিজেনস চার্টার", "সেবা প্রদান প্রতিশ্রুতি", "public services",
            "service delivery", "fees", "grievance redress", "government offices", "open data"]
AUTHOR = "Government of Bangladesh offices that publish the Citizen's Charters"
DEFAULT_LICENSE = "CC-BY-4.0"
# Open Definition ids (what the Data Package spec names a licence by), their titles and texts.
LICENSES = {
    "CC-BY-4.0": ("Creative Commons Attribution 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    "CC-BY-SA-4.0": ("Creative Commons Attribution Share-Alike 4.0",
                     "https://creativecommons.org/licenses/by-sa/4.0/"),
    "CC0-1.0": ("Creative Commons CCZero 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
    "ODC-BY-1.0": ("Open Data Commons Attribution License 1.0", "https://opendatacommons.org/licenses/by/1-0/"),
    "ODbL-1.0": ("Open Data Commons Open Database License 1.0", "https://opendatacommons.org/licenses/odbl/1-0/"),
    "PDDL-1.0": ("Open Data Commons Public Domain Dedication and License 1.0",
                 "https://opendatacommons.org/licenses/pddl/1-0/"),
}
OPTIONS_FILE = "run.json"
DATE = regex.compile(r"\d{4}-\d{2}-\d{2}")
PERSON = regex.compile(r"\s*(?P<title>[^<>]*?)\s*(?:<(?P<email>[^<>@\s]+@[^<>\s]+)>)?\s*")
# A zip entry's time is part of its bytes; a fixed one keeps the zip reproducible.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass
class Options:
    """What describes a release of the data, as given to ``charter run`` (and kept in run.json)."""
    license: str = DEFAULT_LICENSE
    release: str | None = None          # a release id or a date (YYYY-MM-DD)
    maintainer: str | None = None       # "Name <email>"
    sources: dict[str, str] = field(default_factory=dict)   # source_file -> the URL it was published at
    inputs: list[str] = field(default_factory=list)         # input folders, absolute

    def merged(self, **given) -> "Options":
        """These options with those ``given`` (not None) in their place."""
        values = asdict(self) | {k: v for k, v in given.items() if v is not None}
        return Options(**values)


class OptionsError(ValueError):
    """A release option that cannot be used; ``str()`` is the one-line reason."""


def license_id(text: str) -> str:
    """The Open Definition id of a licence named in any case (cc-by-4.0 -> CC-BY-4.0)."""
    known = {k.lower(): k for k in LICENSES}
    if text.lower() not in known:
        raise OptionsError(f"unknown licence {text!r}; one of: {', '.join(LICENSES)}")
    return known[text.lower()]


def read_sources(path: str | Path) -> dict[str, str]:
    """``sources.csv`` (columns file, url): each input file's path relative to its input folder -> URL."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or not {"file", "url"} <= set(reader.fieldnames):
            raise OptionsError(f"{path}: needs the columns file and url (it has {', '.join(reader.fieldnames or [])})")
        sources = {}
        for number, row in enumerate(reader, 2):
            file, url = (row["file"] or "").strip(), (row["url"] or "").strip()
            if not regex.match(r"https?://\S+$", url):
                raise OptionsError(f"{path} line {number}: {url!r} is not an http(s) URL")
            sources[Path(file).as_posix()] = url
    return sources


def load_options(out: str | Path) -> Options:
    """The options kept in ``out/run.json``, or the defaults."""
    path = Path(out) / OPTIONS_FILE
    if not path.exists():
        return Options()
    stored = json.loads(path.read_text(encoding="utf-8"))
    known = {f.name for f in fields(Options)}
    return Options(**{k: v for k, v in stored.items() if k in known})


def with_inputs(options: Options, inputs: Iterable[str | Path], out: str | Path) -> Options:
    """The options with the folders of ``inputs`` added (a file's folder for a file), as absolute
    paths: the same inputs give the same options wherever the output folder is."""
    return options.merged(inputs=sorted(set(options.inputs) | {_folder(str(item)) for item in inputs}))


def _folder(item: str) -> str:
    """An input's folder: a local one (a file:// URL is one) absolute, a remote URL as it is."""
    item = item.removeprefix("file://")
    if "://" in item:
        return item
    path = Path(item)
    return (path if path.is_dir() else path.parent).resolve().as_posix()


def release_date(options: Options) -> datetime | None:
    """The release's date when its id is one (``--release 2026-12-01``): the only date the outputs carry."""
    if options.release and DATE.fullmatch(options.release):
        return datetime.strptime(options.release, "%Y-%m-%d")
    return None


# ------------------------------------------------------------------ datapackage.json

def _file_stats(path: Path) -> tuple[int, str]:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return path.stat().st_size, f"sha256:{digest.hexdigest()}"


def data_version(out: Path) -> str:
    """``sha-`` and 12 hex digits of a hash over every record's source_sha256: the data, not the code."""
    hashes = sorted(row["source_sha256"] for row in emit.csv_rows(out, "charters"))
    return "sha-" + hashlib.sha256("\n".join(hashes).encode("ascii")).hexdigest()[:12]


def _person(text: str, role: str) -> dict:
    match = PERSON.fullmatch(text)
    person = {"title": match["title"] or match["email"], "role": role} if match else {"title": text, "role": role}
    if match and match["email"]:
        person["email"] = match["email"]
    return person


def contributors(options: Options) -> list[dict]:
    people = [{"title": AUTHOR, "role": "author"},
              {"title": f"charter-pipeline {__version__} (extraction, repair, validation)", "role": "wrangler"}]
    if options.maintainer:
        people.append(_person(options.maintainer, "maintainer"))
    return people


def sources(out: Path, options: Options) -> list[dict]:
    """The published URL of every charter that has one; else the input folders."""
    if options.sources:
        files = sorted({row["source_file"] for row in emit.csv_rows(out, "charters")} & set(options.sources))
        return [{"title": file, "path": options.sources[file]} for file in files]
    folders = ", ".join(f"{Path(f).name}/" for f in options.inputs) or "the input folder"
    return [{"title": f"Citizen's Charter documents (PDF, Word, HTML, text copies) read from {folders}"}]


def resource(out: Path, name: str) -> dict:
    schema = table_schema(name)
    size, digest = _file_stats(Path(out) / f"{name}.csv")
    return {
        "name": name, "path": f"{name}.csv", "title": schema["title"], "description": schema["description"],
        "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv",
        "encoding": emit.CSV_ENCODING, "bytes": size, "hash": digest,
        "dialect": {"delimiter": ",", "quoteChar": '"', "header": True},
        "schema": schema,
    }


def table_names(out: Path) -> list[str]:
    return [name for name in TABLES if (Path(out) / f"{name}.csv").exists()]


def datapackage(out: str | Path, options: Options) -> dict:
    """The descriptor of the CSVs in ``out``, with the release's licence, version and sources."""
    out = Path(out)
    title, path = LICENSES[license_id(options.license)]
    descriptor = {
        "profile": "tabular-data-package", "name": NAME, "title": TITLE, "description": DESCRIPTION,
        "version": options.release or data_version(out),
    }
    if release_date(options):
        descriptor["created"] = release_date(options).strftime("%Y-%m-%dT%H:%M:%SZ")
    descriptor |= {
        "licenses": [{"name": license_id(options.license), "title": title, "path": path}],
        "sources": sources(out, options), "contributors": contributors(options), "keywords": KEYWORDS,
        "resources": [resource(out, name) for name in table_names(out)],
    }
    return descriptor


def write(out: str | Path, options: Options | None = None) -> Path:
    """``datapackage.json`` (and ``run.json``, the options) for the finished CSVs in ``out``."""
    out = Path(out)
    options = options or load_options(out)
    emit.write_atomic(out / OPTIONS_FILE, json.dumps(asdict(options), ensure_ascii=False, indent=1) + "\n")
    path = out / "datapackage.json"
    emit.write_atomic(path, json.dumps(datapackage(out, options), ensure_ascii=False, indent=1) + "\n")
    return path


# ------------------------------------------------------------------ the zip

def write_zip(path: Path, members: Iterable[tuple[str, Callable[[], BinaryIO]]]) -> Path:
    """A zip of ``members`` (name in the zip, a function opening its content) whose bytes
    depend on the content only: every entry gets the same time and mode."""
    with emit.replacing(Path(path)) as tmp, zipfile.ZipFile(tmp, "w") as archive:
        for name, opener in members:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            with opener() as data, archive.open(info, "w", force_zip64=True) as entry:
                shutil.copyfileobj(data, entry, 1 << 20)
    return Path(path)


def zip_package(out: str | Path, target: str | Path) -> Path:
    """``target``: datapackage.json and every CSV it lists, as a portal uploads them."""
    out = Path(out)
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    names = ["datapackage.json"] + [r["path"] for r in descriptor["resources"]]
    return write_zip(Path(target), [(name, partial(open, out / name, "rb")) for name in names])

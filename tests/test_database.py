"""charters.db: every table with keys and indexes, Bangla full-text search, Datasette."""
from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest
import sqlite_utils

from pipeline import database, emit, package
from pipeline.cli import main
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def db(outputs_run):
    return sqlite_utils.Database(outputs_run / database.DATABASE)


def search(db, table: str, query: str) -> list[str]:
    """What Datasette's search box sends: the words quoted, FTS5 MATCH."""
    quoted = " ".join(f'"{word}"' for word in query.split())
    return [row[0] for row in db.execute(
        f"SELECT t.rowid FROM [{table}] t JOIN [{table}_fts] f ON f.rowid = t.rowid "
        f"WHERE [{table}_fts] MATCH ? ORDER BY t.rowid", [quoted])]


def names(db, rowids: list[int]) -> list[str]:
    return [db.execute("SELECT service_name FROM services WHERE rowid = ?", [r]).fetchone()[0] for r in rowids]


def test_every_table_with_its_rows(db, outputs_run):
    for name in package.table_names(outputs_run):
        assert db[name].count == sum(1 for _ in emit.csv_rows(outputs_run, name)), name
    assert db["services"].pks == ["service_id"]
    assert db["expectations"].pks == ["charter_id", "serial"]


def test_foreign_keys_hold_and_are_indexed(db):
    for name in ("services", "contacts", "grievance", "expectations", "audit"):
        (key,) = db[name].foreign_keys
        assert (key.column, key.other_table, key.other_column) == ("charter_id", "charters", "charter_id")
        assert ["charter_id"] in [index.columns for index in db[name].indexes], name
    assert list(db.execute("PRAGMA foreign_key_check")) == []
    assert ["district"] in [index.columns for index in db["charters"].indexes]


def test_typed_columns(db):
    row = db.execute("SELECT serial, fee_bdt, is_free, officer_phones FROM services "
                     "WHERE service_id = 'charter-noto-ce548190:citizen:3'").fetchone()
    assert row == (3, 500.0, 0, "+8801711223344")


def test_bangla_search_finds_namjari_and_training(db):
    assert names(db, search(db, "services", "নামজারি")) == ["নামজারি ও জমাভাগ"]
    training = names(db, search(db, "services", "প্রশিক্ষণ"))
    assert "প্রশিক্ষণ সনদ প্রদান" in training
    assert "সুশাসন, সচ্ছতা ও জবাবদিহিতা নিশ্চিতকরণের ই-নথি বাস্তবায়ন বিষয়ক প্রশিক্ষণ প্রদান" in training
    assert all("প্রশিক্ষণ" in name for name in training)


@pytest.mark.parametrize("sign", ["ি", "া", "্", "্র"])
def test_a_vowel_sign_alone_matches_nothing(db, sign):
    assert search(db, "services", sign) == []


def test_officers_and_offices_are_searchable(db):
    assert len(search(db, "services", "আব্দুর রহিম")) == 17     # 13 Lakhai services and 4 of the PDF
    assert len(search(db, "contacts", "প্রোগ্রামার")) == 2
    assert len(search(db, "charters", "হবিগঞ্জ")) == 2


def test_views_put_the_office_beside_each_service(db):
    districts = dict(db.execute("SELECT district, count(*) FROM services_by_office GROUP BY district").fetchall())
    assert districts["হবিগঞ্জ"] == 17


def test_written_again_byte_for_byte(outputs_run, tmp_path):
    for name in package.table_names(outputs_run) + ["datapackage"]:
        suffix = ".json" if name == "datapackage" else ".csv"
        (tmp_path / f"{name}{suffix}").write_bytes((outputs_run / f"{name}{suffix}").read_bytes())
    database.write(tmp_path)
    for produced in (database.DATABASE, database.METADATA):
        assert (tmp_path / produced).read_bytes() == (outputs_run / produced).read_bytes(), produced
    assert not list(tmp_path.glob(".*.tmp"))


def test_datasette_metadata(outputs_run):
    meta = json.loads((outputs_run / database.METADATA).read_text(encoding="utf-8"))
    assert (meta["license"], meta["license_url"]) == ("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/")
    tables = meta["databases"]["charters"]["tables"]
    assert tables["services"]["columns"]["service_id"].startswith("Service identifier")
    assert tables["services"]["fts_table"] == "services_fts"
    assert tables["charters"]["facets"][:2] == ["district", "division"]
    assert tables["audit"]["facets"][:2] == ["rule", "severity"]
    assert tables["services_by_office"]["facets"][0] == "district"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get_json(url: str, deadline: float) -> dict:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return json.load(response)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def test_serve_answers_a_bangla_search_on_localhost(outputs_run):
    pytest.importorskip("datasette", reason="pip install 'charter-pipeline[serve]'")
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "pipeline", "serve", str(outputs_run), "--port", str(port)],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        query = urllib.parse.urlencode({"_search": "নামজারি", "_shape": "array"})
        rows = get_json(f"http://127.0.0.1:{port}/charters/services.json?{query}", time.monotonic() + 60)
        assert [row["service_name"] for row in rows] == ["নামজারি ও জমাভাগ"]
        facets = get_json(f"http://127.0.0.1:{port}/charters/audit.json?_facet=rule&_size=0", time.monotonic() + 10)
        assert "invalid_phone" in [v["value"] for v in facets["facet_results"]["rule"]["results"]]
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_serve_without_datasette_names_the_extra(outputs_run, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "datasette.cli", None)      # import fails as if not installed
    assert main(["serve", str(outputs_run)]) == 2
    assert capsys.readouterr().err.strip() == (
        "error: charter serve needs Datasette: pip install 'charter-pipeline[serve]'")


def test_serve_rejects_a_bad_port_and_a_folder_without_a_run(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["serve", str(tmp_path), "--port", "70000"])
    assert main(["serve", str(tmp_path)]) == 2
    assert "holds no run" in capsys.readouterr().err


TEXTS = ["প্রশিক্ষণ রেজিস্টার হালনাগাদ", "কৃষকদের প্রশিক্ষণের আবেদন", "নামজারি/জমাভাগ"]


def fts_matches(tokenize: str, query: str) -> list[int]:
    db = sqlite3.connect(":memory:")
    db.execute(f"CREATE VIRTUAL TABLE t USING fts5(text, tokenize={sqlite_utils.Database(db).quote(tokenize)})")
    db.executemany("INSERT INTO t(rowid, text) VALUES (?, ?)", enumerate(TEXTS, 1))
    return [r[0] for r in db.execute("SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid", [f'"{query}"'])]


@pytest.mark.parametrize("query,unicode61,trigram", [
    ("প্রশিক্ষণের", [1, 2], [2]),      # unicode61 cuts at vowel signs: প্রশ ক্ষণ র also begins row 1
    ("প্রশিক্ষণ", [1, 2], [1, 2]),
    ("কৃষক", [], [2]),                # unicode61: ক ষক is not ক ষকদ (কৃষকদের)
    ("নামজারি", [3], [3]),
    ("ি", [], []),
])
def test_trigram_against_unicode61(query, unicode61, trigram):
    assert fts_matches("unicode61 remove_diacritics 0", query) == unicode61
    assert fts_matches(database.TOKENIZE, query) == trigram

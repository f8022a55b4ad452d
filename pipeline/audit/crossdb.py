"""Where the rules across charters keep a run's services: a temporary SQLite file, not memory.

``Store.load`` reads the joined service rows (``emit.joined_service_rows``) once and writes the few
columns the rules need into three tables: the offices (one row a charter, indexed by charter_id and
by office type), the services (one row a service, indexed by its name) and the contacts (one row a
phone or email seen, indexed by the value with the charter and with the place). Python keeps only
the distinct (office type, service name as written) pairs with their counts, which the catalogue
clusters: names repeat from charter to charter, so they are far fewer than the services. The rules
then read one group at a time in SQL order: the services of one service key (``group``), how far
each contact value went (``spreads``), then where the shared ones were seen, streamed by place and
by charter (``seen``).

A file store lives under the output folder with a name ``emit.remove_stale_temp_files`` removes
(``.cross_audit.db.XXXXXX.tmp``), so a run killed while it exists leaves nothing the next run keeps;
``temporary`` removes it when the block ends, however it ends. The file is a scratch pad: no journal,
no fsync, temporary b-trees in memory (the queries are shaped to need none larger than a group).
"""
from __future__ import annotations

import contextlib
import heapq
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

from .. import catalogue
from ..lexicon import fold

# The page cache SQLite may keep in memory (KiB): a constant, whatever the run's size.
CACHE_KIB = 2048
PREFIX, SUFFIX = ".cross_audit.db.", ".tmp"

_SCHEMA = """
CREATE TABLE offices (idx INTEGER PRIMARY KEY, charter_id TEXT, source_file TEXT, kind TEXT, place TEXT,
                      district TEXT);
CREATE INDEX offices_charter ON offices (charter_id);
CREATE INDEX offices_kind ON offices (kind, idx);
CREATE TABLE services (seq INTEGER PRIMARY KEY, name_id INTEGER, charter INTEGER, section TEXT, serial TEXT,
                       fee TEXT, days TEXT);
CREATE INDEX services_name ON services (name_id, seq);
CREATE TABLE names (name_id INTEGER PRIMARY KEY, key_rank INTEGER);
CREATE INDEX names_key ON names (key_rank);
CREATE TABLE contacts (seq INTEGER PRIMARY KEY, value TEXT, charter INTEGER, at TEXT, grs INTEGER, officer TEXT,
                       place TEXT, district TEXT);
CREATE INDEX contacts_charter ON contacts (value, charter, seq);
CREATE INDEX contacts_place ON contacts (value, place, seq);
CREATE TABLE missing (seq INTEGER PRIMARY KEY, charter_id TEXT, source_file TEXT, message TEXT);
CREATE TABLE officers (seq INTEGER PRIMARY KEY, officer TEXT, charters TEXT, value TEXT);
CREATE INDEX officers_order ON officers (officer, charters, seq);
CREATE TABLE loose (seq INTEGER PRIMARY KEY, value TEXT);
"""


class Service(NamedTuple):
    """One service of a group, with what the rules say of its office."""
    charter: int            # the office's index: the order charters first came in
    charter_id: str
    source_file: str
    kind: str               # the office type
    place: str              # upazila, else district, else charter_id
    section: str
    serial: str
    name_id: int
    fee: str | None         # as in services.csv: fee_bdt, else fee_max_bdt
    days: str | None


class Seen(NamedTuple):
    """Where a contact value was seen: a service's officer, or a charter's GRS table."""
    charter: int
    at: str                 # 'citizen 3', 'grievance'
    place: str
    charter_id: str
    source_file: str


class Spread(NamedTuple):
    """How far one contact value went: the distinct places, charters and officers' names it was seen with."""
    places: set[str]
    officer_places: set[str]    # where it is a service officer's
    districts: set[str]         # district, else place, of every charter listing it
    officers: set[str]          # the service officers' folded names
    charters: set[int]


def _split(text: str | None) -> list[str]:
    return [v for v in (text or "").split(";") if v]


class Store:
    """The services, offices and contacts of a run in one SQLite database (a path, or in memory)."""

    def __init__(self, path: str | Path = ":memory:"):
        self.db = sqlite3.connect(str(path), isolation_level=None)
        for pragma in ("journal_mode=OFF", "synchronous=OFF", "temp_store=MEMORY", "locking_mode=EXCLUSIVE",
                       f"cache_size=-{CACHE_KIB}"):
            self.db.execute(f"PRAGMA {pragma}")
        self.db.executescript(_SCHEMA)
        self.names: dict[tuple[str, str], int] = {}     # (office type, name as written) -> name_id
        self.counts: list[int] = []                     # name_id -> services of that name
        self._last: tuple | None = None                 # (charter_id, index, office type, place, district)

    @classmethod
    @contextlib.contextmanager
    def temporary(cls, folder: str | Path) -> Iterator["Store"]:
        """A store in a file of ``folder``, removed when the block ends."""
        fd, path = tempfile.mkstemp(dir=folder, prefix=PREFIX, suffix=SUFFIX)
        os.close(fd)
        store = None
        try:
            store = cls(path)
            yield store
        finally:
            if store is not None:
                store.db.close()
            Path(path).unlink(missing_ok=True)

    # ------------------------------------------------------------------ loading

    def load(self, rows: Iterable[dict]) -> None:
        """Every joined service row, in order (a charter's rows need not be together)."""
        db = self.db
        db.execute("BEGIN")
        for row in rows:
            charter, kind, place, district = self._office(row)
            serial = row.get("serial", "")
            pair = (kind, row.get("service_name", ""))
            name_id = self.names.get(pair)
            if name_id is None:
                name_id = self.names[pair] = len(self.counts)
                self.counts.append(0)
            self.counts[name_id] += 1
            db.execute("INSERT INTO services (name_id, charter, section, serial, fee, days) VALUES (?, ?, ?, ?, ?, ?)",
                       (name_id, charter, row.get("section", ""), serial,
                        row.get("fee_bdt") or row.get("fee_max_bdt", ""), row.get("time_limit_days", "")))
            values = _split(row.get("officer_phones", "")) + _split(row.get("officer_emails", ""))
            if values:
                at, officer = f"{row.get('section', '')} {serial or '?'}", fold(row.get("officer_name", ""))
                db.executemany("INSERT INTO contacts (value, charter, at, grs, officer, place, district) "
                               "VALUES (?, ?, ?, 0, ?, ?, ?)",
                               [(value, charter, at, officer, place, district) for value in values])
        db.executemany("INSERT INTO names (name_id) VALUES (?)", ((i,) for i in range(len(self.counts))))
        db.execute("COMMIT")

    def _office(self, row: dict) -> tuple[int, str, str, str]:
        """(index, office type, place, district) of the row's charter; a charter seen for the first time
        is added, with the contacts of its GRS table."""
        cid = row["charter_id"]
        if self._last is not None and self._last[0] == cid:
            return self._last[1:]
        found = self.db.execute("SELECT idx, kind, place, district FROM offices WHERE charter_id = ?",
                                (cid,)).fetchone()
        if found is None:
            kind = row.get("office_type") or catalogue.OTHER
            place = row.get("upazila", "") or row.get("district", "") or cid
            district = row.get("district", "") or place
            index = self.db.execute("INSERT INTO offices (charter_id, source_file, kind, place, district) "
                                    "VALUES (?, ?, ?, ?, ?)",
                                    (cid, row.get("source_file", ""), kind, place, district)).lastrowid
            values = _split(row.get("grievance_phones", "")) + _split(row.get("grievance_emails", ""))
            self.db.executemany("INSERT INTO contacts (value, charter, at, grs, officer, place, district) "
                                "VALUES (?, ?, 'grievance', 1, '', ?, ?)",
                                [(value, index, place, district) for value in values])
            found = (index, kind, place, district)
        self._last = (cid, *found)
        return found

    def kind_of(self, charter_id: str) -> str:
        """The office type a charter's services were read under (that of its first row)."""
        if self._last is None or self._last[0] != charter_id:
            self._last = (charter_id, *self.db.execute("SELECT idx, kind, place, district FROM offices "
                                                       "WHERE charter_id = ?", (charter_id,)).fetchone())
        return self._last[2]

    def name_counts(self) -> dict[tuple[str, str], int]:
        """(office type, name as written) -> how many services carry it: what the catalogue clusters."""
        return {pair: self.counts[i] for pair, i in self.names.items()}

    def rank_names(self, rank_of: dict[tuple[str, str], int]) -> None:
        """Give each name the rank of its service key in key order, so that a group is one lookup."""
        with self.transaction():
            self.db.executemany("UPDATE names SET key_rank = ? WHERE name_id = ?",
                                ((rank_of[pair], i) for pair, i in self.names.items()))

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction for many writes (a scratch file: no rollback is needed)."""
        self.db.execute("BEGIN")
        yield
        self.db.execute("COMMIT")

    # ------------------------------------------------------------------ reading, a group at a time

    def group(self, rank: int) -> list[Service]:
        """The services of the key of rank ``rank``, in the order they came."""
        return [Service(*row) for row in self.db.execute(
            "SELECT s.charter, o.charter_id, o.source_file, o.kind, o.place, s.section, s.serial, s.name_id, "
            "s.fee, s.days FROM names n CROSS JOIN services s ON s.name_id = n.name_id "
            "CROSS JOIN offices o ON o.idx = s.charter "
            "WHERE n.key_rank = ? ORDER BY s.seq", (rank,))]

    def kind_sizes(self) -> dict[str, int]:
        """Office type -> how many charters of that type list a service."""
        return dict(self.db.execute("SELECT kind, COUNT(*) FROM offices GROUP BY kind"))

    def offices_of(self, kind: str) -> Iterator[tuple[int, str, str]]:
        """(index, charter_id, source_file) of the charters of an office type, in index order."""
        return self.db.execute("SELECT idx, charter_id, source_file FROM offices WHERE kind = ? ORDER BY idx",
                               (kind,))

    def spreads(self) -> Iterator[tuple[str, Spread]]:
        """(value, how far it went) of every contact value, values in order."""
        value, spread = None, None
        for v, charter, grs, officer, place, district in self.db.execute(
                "SELECT value, charter, grs, officer, place, district FROM contacts ORDER BY value, charter, seq"):
            if v != value:
                if spread:
                    yield value, spread
                value, spread = v, Spread(set(), set(), set(), set(), set())
            spread.places.add(place)
            spread.districts.add(district)
            spread.charters.add(charter)
            if not grs:
                spread.officer_places.add(place)
                if officer:
                    spread.officers.add(officer)
        if spread:
            yield value, spread

    def seen(self, values: list[str], by: str) -> Iterator[Seen]:
        """Where ``values`` were seen, ordered ``by`` place or by charter, then as ``values`` are listed,
        then as they came: streamed, however many charters list them."""
        column = {"place": "c.place", "charter": "c.charter"}[by]

        def stream(i: int, value: str) -> Iterator[tuple[tuple, Seen]]:
            for row in self.db.execute(
                    f"SELECT {column}, c.seq, c.charter, c.at, c.place, o.charter_id, o.source_file FROM contacts c "
                    f"CROSS JOIN offices o ON o.idx = c.charter WHERE c.value = ? ORDER BY {column}, c.seq", (value,)):
                yield (row[0], i, row[1]), Seen(*row[2:])

        return (seen for _, seen in heapq.merge(*(stream(i, v) for i, v in enumerate(values)),
                                                key=lambda item: item[0]))

    # ------------------------------------------------------------------ lists kept for later

    def keep_missing(self, charter_id: str, source_file: str, message: str) -> None:
        self.db.execute("INSERT INTO missing (charter_id, source_file, message) VALUES (?, ?, ?)",
                        (charter_id, source_file, message))

    def missing(self) -> Iterator[tuple[str, str, str]]:
        """(charter_id, source_file, message) as kept."""
        return self.db.execute("SELECT charter_id, source_file, message FROM missing ORDER BY seq")

    def keep_officer(self, officer: str, charters: tuple[int, ...], value: str) -> None:
        self.db.execute("INSERT INTO officers (officer, charters, value) VALUES (?, ?, ?)",
                        (officer, ",".join(f"{c:010d}" for c in charters), value))

    def officers(self) -> Iterator[tuple[str, list[str]]]:
        """(officer, values) of the kept officers, one item a (officer, charters) in the order Python gives
        those pairs (the charters are written with a fixed width, so the text's order is the tuple's),
        the values of one in the order they were kept."""
        key, values = None, []
        for officer, charters, value in self.db.execute(
                "SELECT officer, charters, value FROM officers ORDER BY officer, charters, seq"):
            if (officer, charters) != key:
                if values:
                    yield key[0], values
                key, values = (officer, charters), []
            values.append(value)
        if values:
            yield key[0], values

    def keep_loose(self, value: str) -> None:
        self.db.execute("INSERT INTO loose (value) VALUES (?)", (value,))

    def loose(self) -> Iterator[str]:
        return (value for (value,) in self.db.execute("SELECT value FROM loose ORDER BY seq"))

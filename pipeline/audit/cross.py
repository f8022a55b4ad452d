"""Rules across charters of one office type, and the catalogue tables.

Input is a stream of services.csv rows joined with their charter's charters.csv
row (``emit.joined_service_rows``). ``CrossAudit`` reads it once into a
``crossdb.Store`` (a temporary SQLite file in a batch), clusters the distinct
service names into service keys, then runs each rule over one group at a time:
the services of one key, the entries of one phone or email. Nothing of the run
is held per service; each charter's comparison with its peers costs O(1) once
its group is sorted, so a rule's time is near-linear in the services.
"""
from __future__ import annotations

import bisect
import math
import statistics
from collections import defaultdict
from itertools import groupby
from operator import attrgetter
from typing import Callable, Iterable, NamedTuple

from .. import catalogue
from ..model import Finding
from .base import finding_row
from .crossdb import Service, Store

# A service costing or taking this many times the median of the same service
# elsewhere is worth a look; fewer peers than this make no median.
PEER_RATIO = 1.5
MIN_PEERS = 3
# A time limit must also exceed the peers' median by this many days (তাৎক্ষণিক
# against একই দিন is no deviation).
MIN_EXTRA_DAYS = 1
# A service that this share of at least COMMON_MIN_PEERS other charters of the
# type list is one a charter should not lack.
COMMON_SHARE = 0.8
COMMON_MIN_PEERS = 5
SHOWN_PEERS = 3

Add = Callable[[str, dict], None]       # (table, row): where the audit's rows go


def _number(text: str | None) -> float | None:
    try:
        return float(text) if text not in ("", None) else None
    except ValueError:
        return None


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


# ------------------------------------------------------------------ the public calls

def service_keys(rows: Iterable[dict]) -> dict[str, str]:
    """service_id -> service_key, for services.csv."""
    rows = list(rows)
    audit = CrossAudit(Store())
    audit.load(rows)
    return {row.get("service_id", ""): audit.key(row["charter_id"], row.get("service_name", "")) for row in rows}


def cross_findings(rows: Iterable[dict]) -> tuple[list[dict], dict[str, list[dict]]]:
    """Audit rows of the rules across charters, and the tables service_catalogue and cross_charter
    (in memory: a batch writes them as they come, ``CrossAudit.write``)."""
    audit_rows: list[dict] = []
    tables: dict[str, list[dict]] = {"service_catalogue": [], "cross_charter": []}
    audit = CrossAudit(Store())
    audit.load(rows)
    audit.write(lambda name, row: (audit_rows if name == "audit" else tables[name]).append(row))
    return audit_rows, tables


class CrossAudit:
    """The rules across charters over a store: ``load`` the joined rows once, then ``key`` gives each
    service its catalogue key and ``write`` gives the audit rows and the two tables in their order."""

    def __init__(self, store: Store):
        self.store = store
        self.clusters: dict[tuple[str, str], catalogue.Cluster] = {}
        self.ordered: list[catalogue.Cluster] = []      # one a key, in key order

    def load(self, rows: Iterable[dict]) -> None:
        self.store.load(rows)
        self.clusters = catalogue.cluster(self.store.name_counts())
        self.ordered = sorted({c.key: c for c in self.clusters.values()}.values(), key=lambda c: c.key)
        rank = {c.key: i for i, c in enumerate(self.ordered)}
        self.store.rank_names({pair: rank[c.key] for pair, c in self.clusters.items()})
        self._names = [""] * len(self.store.names)     # name_id -> name as written
        for (_, name), i in self.store.names.items():
            self._names[i] = name

    def key(self, charter_id: str, name: str) -> str:
        """The service key of a service of that charter and name."""
        return self.clusters[(self.store.kind_of(charter_id), name)].key

    def write(self, add: Add) -> None:
        """Audit rows (fees and time limits against peers, then services a charter lacks, then contacts in
        several places) and the tables service_catalogue and cross_charter, each in key order."""
        kinds = self.store.kind_sizes()
        with self.store.transaction():
            for rank, cluster in enumerate(self.ordered):
                self._group(cluster, self.store.group(rank), kinds, add)
            for charter_id, source_file, message in self.store.missing():
                add("audit", finding_row(charter_id, source_file, Finding(
                    rule="missing_common_service", severity="warning", field="service_key", message=message)))
            _shared_contacts(self.store, add)

    def _group(self, cluster: catalogue.Cluster, group: list[Service], kinds: dict[str, int], add: Add) -> None:
        key, kind = cluster.key, group[0].kind
        first, seen = [], set()         # each charter's first service of the key, in the order they came
        for s in group:
            if s.charter not in seen:
                seen.add(s.charter)
                first.append(s)
        fees = [(s, v) for s in first if (v := _number(s.fee)) is not None]
        days = [(s, v) for s in first if (v := _number(s.days)) is not None]
        fee_peers, day_peers = _Peers(fees), _Peers(days)
        for s in sorted(first, key=lambda s: s.charter):
            for f in _fee_findings(kind, key, s, self._names[s.name_id], fee_peers) + \
                    _time_findings(kind, key, s, day_peers):
                add("audit", finding_row(s.charter_id, s.source_file, f))
        add("service_catalogue", _catalogue_row(cluster, group))
        members = kinds[kind]
        lacking = []
        if _common(len(first), members):
            lacking = [(cid, source) for c, cid, source in self.store.offices_of(kind) if c not in seen]
            for cid, source in lacking:
                self.store.keep_missing(cid, source, f"no '{cluster.canonical}' ({key}), which {len(first)} of "
                                                     f"{members - 1} other {kind} charters list")
        fee_spread, fee_high = _outliers(fees)
        time_spread, time_high = _outliers(days)
        add("cross_charter", {
            "office_type": kind, "service_key": key, "canonical_name": cluster.canonical,
            "charters": str(len(first)), "charters_of_type": str(members),
            "fee_median_bdt": _stats([v for _, v in fees])[0], "fee_spread_bdt": fee_spread,
            "fee_outliers": fee_high, "time_median_days": _stats([v for _, v in days])[0],
            "time_spread_days": time_spread, "time_outliers": time_high,
            "missing_from": ";".join(sorted(cid for cid, _ in lacking))})


# ------------------------------------------------------------------ fees and time limits

def _odd(v: float) -> bool:
    """NaN, or a zero with its sign: values whose place in a sort depends on the order they came in."""
    return v != v or (v == 0 and math.copysign(1.0, v) < 0)


class _Peers:
    """One value a charter of a service key; for each charter, its peers (the others): how many, their
    median, min and max and the first places by name, each in O(1) once the values are sorted."""

    def __init__(self, values: list[tuple[Service, float]]):
        self.values = values
        self.sorted = sorted(v for _, v in values)
        self.ranked = sorted((s.place, v, s.charter) for s, v in values)
        self.zeros = sum(1 for v in self.sorted if v == 0)
        # Where a sort would be decided by arrival order, the peers are taken as the rule states them.
        self.exact = any(_odd(v) for v in self.sorted)

    def of(self, me: Service, mine: float) -> tuple[int, float, float, float, int, str]:
        """(peers, median, min, max, peers at zero, 'place value, …' of the first SHOWN_PEERS by place)."""
        if self.exact:
            peers = [v for s, v in self.values if s.charter != me.charter]
            shown = sorted((s.place, v) for s, v in self.values if s.charter != me.charter)[:SHOWN_PEERS]
            return (len(peers), statistics.median(peers) if peers else 0.0, min(peers, default=0.0),
                    max(peers, default=0.0), sum(1 for v in peers if v == 0), _shown(shown))
        values, n = self.sorted, len(self.sorted) - 1
        if n < 1:
            return 0, 0.0, 0.0, 0.0, 0, ""
        cut = bisect.bisect_left(values, mine)      # one of my value's equals leaves

        def at(i: int) -> float:        # the i-th smallest of the others
            return values[i] if i < cut else values[i + 1]

        median = at(n // 2) if n % 2 else (at(n // 2 - 1) + at(n // 2)) / 2
        shown = [(place, v) for place, v, c in self.ranked[:SHOWN_PEERS + 1] if c != me.charter][:SHOWN_PEERS]
        return n, median, at(0), at(n - 1), self.zeros - (mine == 0), _shown(shown)


def _shown(places: list[tuple[str, float]]) -> str:
    return ", ".join(f"{place} {v:g}" for place, v in places)


def _service_finding(rule: str, severity: str, s: Service, field: str, message: str) -> Finding:
    return Finding(rule=rule, severity=severity, section=s.section or None, field=field, message=message,
                   serial=int(s.serial) if s.serial.isdigit() else None)


def _fee_findings(kind: str, key: str, s: Service, name: str, fees: _Peers) -> list[Finding]:
    fee = _number(s.fee)
    if fee is None:
        return []
    count, median, low, high, free, shown = fees.of(s, fee)
    if count < MIN_PEERS:
        return []
    evidence = f"{count} other {kind} charters with {key} (min {low:g}, max {high:g}; {shown})"
    if median == 0 and fee > 0:
        return [_service_finding("paid_where_peers_free", "warning", s, "fee_bdt",
                                 f"'{name[:50]}' costs {fee:g} taka where {free} of {evidence} give it free")]
    if median > 0 and fee > PEER_RATIO * median:
        return [_service_finding("above_peers", "info", s, "fee_bdt",
                                 f"fee_bdt {fee:g} taka against a median of {median:g} over {evidence}")]
    return []


def _time_findings(kind: str, key: str, s: Service, days: _Peers) -> list[Finding]:
    mine = _number(s.days)
    if mine is None:
        return []
    count, median, low, high, _, shown = days.of(s, mine)
    if count < MIN_PEERS:
        return []
    if mine > max(PEER_RATIO * median, median + MIN_EXTRA_DAYS):
        return [_service_finding("above_peers", "info", s, "time_limit_days",
                                 f"time_limit_days {mine:g} days against a median of {median:g} over "
                                 f"{count} other {kind} charters with {key} (min {low:g}, max "
                                 f"{high:g}; {shown})")]
    return []


# ------------------------------------------------------------------ services a charter lacks

def _common(listed: int, members: int) -> bool:
    """Whether a service listed by ``listed`` of ``members`` charters is one each should have."""
    peers = members - 1
    return peers >= COMMON_MIN_PEERS and listed >= COMMON_SHARE * peers


# ------------------------------------------------------------------ contacts in several upazilas

def _compact(where: Iterable[str]) -> str:
    """['citizen 1', 'citizen 3', 'grievance 2'] -> 'citizen 1, 3; grievance 2'."""
    by_section: dict[str, list[str]] = defaultdict(list)
    for w in dict.fromkeys(where):
        section, _, serial = w.rpartition(" ")
        by_section[section].append(serial)
    return "; ".join(f"{section} {', '.join(serials)}" for section, serials in by_section.items())


def _contact_findings(store: Store, values: list[str], rule: str, what: str, field: str, add: Add) -> None:
    """The finding of each charter listing ``values`` (one contact, or one officer's contacts) that other
    places list too: where they are seen is streamed twice, by place, then charter by charter."""
    shown = {}          # place -> 'মধুখালী (citizen 1, 2)'
    for place, seen in groupby(store.seen(values, "place"), key=attrgetter("place")):
        shown[place] = f"{place} ({_compact(e.at for e in seen)})"
    places = sorted(shown)
    others = len(places) - 1
    if not others:
        return
    for _, seen in groupby(store.seen(values, "charter"), key=attrgetter("charter")):
        mine = list(seen)
        office = mine[0]
        listed = []
        for place in places:
            if place != office.place:
                listed.append(shown[place])
                if len(listed) == SHOWN_PEERS + 2:
                    break
        section, _, serial = office.at.rpartition(" ")
        add("audit", finding_row(office.charter_id, office.source_file, Finding(
            rule=rule, severity="warning", section=section, field=field,
            serial=int(serial) if serial.isdigit() else None,
            message=f"{what} ({_compact(e.at for e in mine)}) is also listed by {others} "
                    f"{'office' if others == 1 else 'offices'} of other places: {', '.join(listed)}")))


def _shared_contacts(store: Store, add: Add) -> None:
    """One phone or email in offices of different upazilas; the same officer (name
    with a phone or email) in several upazilas. A district officer repeated in the
    GRS tables of one district's offices is no finding."""
    for value, spread in store.spreads():
        if len(spread.places) < 2 or (len(spread.officer_places) < 2 and len(spread.districts) < 2):
            continue
        if len(spread.officers) == 1 and len(spread.officer_places) >= 2:
            store.keep_officer(spread.officers.pop(), tuple(sorted(spread.charters)), value)
        else:
            store.keep_loose(value)
    for name, values in store.officers():
        _contact_findings(store, values, "officer_in_other_upazila", f"officer '{name}' with {', '.join(values)}",
                          "officer", add)
    for value in store.loose():
        field = "officer_emails" if "@" in value else "officer_phones"
        _contact_findings(store, [value], "contact_in_other_upazila", f"{field.split('_')[1][:-1]} {value}", field,
                          add)


# ------------------------------------------------------------------ tables

def _stats(values: list[float]) -> tuple[str, str, str]:
    if not values:
        return "", "", ""
    return _num(statistics.median(values)), _num(min(values)), _num(max(values))


def _catalogue_row(cluster: catalogue.Cluster, services: list[Service]) -> dict:
    fee_median, fee_min, fee_max = _stats([v for s in services if (v := _number(s.fee)) is not None])
    time_median, time_min, time_max = _stats([v for s in services if (v := _number(s.days)) is not None])
    return {"service_key": cluster.key, "office_type": cluster.kind, "canonical_name": cluster.canonical,
            "match": cluster.reason, "names_seen": " | ".join(sorted(cluster.names)),
            "charters": str(len({s.charter for s in services})), "services": str(len(services)),
            "fee_median_bdt": fee_median, "fee_min_bdt": fee_min, "fee_max_bdt": fee_max,
            "time_median_days": time_median, "time_min_days": time_min, "time_max_days": time_max}


def _outliers(values: list[tuple[Service, float]]) -> tuple[str, str]:
    """(spread, charters far above the median) of one service's values."""
    if len(values) <= MIN_PEERS:
        return "", ""
    median = statistics.median(v for _, v in values)
    spread = max(v for _, v in values) - min(v for _, v in values)
    high = sorted(s.charter_id for s, v in values if v > max(PEER_RATIO * median, median))
    return _num(spread), ";".join(high)

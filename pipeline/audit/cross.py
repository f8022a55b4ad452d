"""Rules across charters of one office type, and the catalogue tables.

Input is a stream of services.csv rows joined with their charter's charters.csv
row (``rows``: see ``cross_rows``). Each service is kept as one small tuple, so
memory grows with the number of services, never with whole records.
"""
from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, NamedTuple

from .. import catalogue
from ..lexicon import fold
from ..model import Finding
from .base import finding_row

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


class _Service(NamedTuple):
    charter: int
    id: str
    section: str
    serial: str
    sub_serial: str
    name: str
    fee: float | None
    free: bool | None
    days: float | None


class _Office(NamedTuple):
    charter_id: str
    source_file: str
    kind: str
    upazila: str
    district: str

    @property
    def place(self) -> str:
        return self.upazila or self.district or self.charter_id


@dataclass
class _Contact:
    # (charter index, where, in a GRS table, officer's folded name)
    seen: list[tuple[int, str, bool, str]] = field(default_factory=list)


def _number(text: str) -> float | None:
    try:
        return float(text) if text not in ("", None) else None
    except ValueError:
        return None


def _split(text: str) -> list[str]:
    return [v for v in (text or "").split(";") if v]


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


@dataclass
class Corpus:
    """What the cross rules need of a run, read once from the joined rows."""
    offices: list[_Office] = field(default_factory=list)
    services: list[_Service] = field(default_factory=list)
    contacts: dict[str, _Contact] = field(default_factory=dict)

    @classmethod
    def read(cls, rows: Iterable[dict]) -> "Corpus":
        corpus, index = cls(), {}
        for row in rows:
            cid = row["charter_id"]
            if cid not in index:
                index[cid] = len(corpus.offices)
                corpus.offices.append(_Office(cid, row.get("source_file", ""), row.get("office_type") or
                                              catalogue.OTHER, row.get("upazila", ""), row.get("district", "")))
                for value in _split(row.get("grievance_phones", "")) + _split(row.get("grievance_emails", "")):
                    corpus._contact(value, index[cid], "grievance", True, "")
            i = index[cid]
            serial = row.get("serial", "")
            corpus.services.append(_Service(i, row.get("service_id", ""), row.get("section", ""), serial,
                                            row.get("sub_serial", "") or "",
                                            row.get("service_name", ""),
                                            _number(row.get("fee_bdt") or row.get("fee_max_bdt", "")),
                                            {"true": True, "false": False}.get(row.get("is_free", "")),
                                            _number(row.get("time_limit_days", ""))))
            where = f"{row.get('section', '')} {serial or '?'}"
            for value in _split(row.get("officer_phones", "")) + _split(row.get("officer_emails", "")):
                corpus._contact(value, i, where, False, fold(row.get("officer_name", "")))
        return corpus

    def _contact(self, value: str, charter: int, where: str, grs: bool, name: str) -> None:
        self.contacts.setdefault(value, _Contact()).seen.append((charter, where, grs, name))

    def clusters(self) -> dict[tuple[str, str], catalogue.Cluster]:
        """(office type, name) -> its catalogue cluster."""
        return catalogue.cluster((self.offices[s.charter].kind, s.name) for s in self.services)

    def keys(self, clusters: dict[tuple[str, str], catalogue.Cluster]) -> list[str]:
        """The service key of every service, in order."""
        return [clusters[(self.offices[s.charter].kind, s.name)].key for s in self.services]


# ------------------------------------------------------------------ the public calls

def service_keys(rows: Iterable[dict]) -> dict[str, str]:
    """service_id -> service_key, for services.csv."""
    corpus = Corpus.read(rows)
    return {s.id: key for s, key in zip(corpus.services, corpus.keys(corpus.clusters()))}


def cross_findings(rows: Iterable[dict]) -> tuple[list[dict], dict[str, list[dict]]]:
    """Audit rows of the rules across charters, and the tables service_catalogue and cross_charter."""
    corpus = Corpus.read(rows)
    clusters = corpus.clusters()
    keys = corpus.keys(clusters)
    names = {c.key: c.canonical for c in clusters.values()}
    findings = peer_values(corpus, keys) + missing_common(corpus, keys, names) + shared_contacts(corpus)
    audit_rows = [finding_row(corpus.offices[i].charter_id, corpus.offices[i].source_file, f) for i, f in findings]
    return audit_rows, {"service_catalogue": catalogue_rows(corpus, keys, clusters),
                        "cross_charter": cross_rows_table(corpus, keys, names)}


# ------------------------------------------------------------------ fees and time limits

def _by_key(corpus: Corpus, keys: list[str]) -> dict[str, dict[int, _Service]]:
    """key -> charter -> its (first) service of that key."""
    out: dict[str, dict[int, _Service]] = defaultdict(dict)
    for s, key in zip(corpus.services, keys):
        out[key].setdefault(s.charter, s)
    return out


def _others(corpus: Corpus, values: list[tuple[int, float]], me: int) -> str:
    shown = sorted(((corpus.offices[c].place, v) for c, v in values if c != me))[:SHOWN_PEERS]
    return ", ".join(f"{place} {v:g}" for place, v in shown)


def peer_values(corpus: Corpus, keys: list[str]) -> list[tuple[int, Finding]]:
    """above_peers (fee, time limit) and paid_where_peers_free, among charters of one type."""
    out = []
    for key, by_charter in sorted(_by_key(corpus, keys).items()):
        kind = corpus.offices[next(iter(by_charter))].kind
        fees = [(c, s.fee) for c, s in by_charter.items() if s.fee is not None]
        days = [(c, s.days) for c, s in by_charter.items() if s.days is not None]
        for c, s in sorted(by_charter.items()):
            out += [(c, f) for f in _fee_findings(corpus, kind, key, s, fees) + _time_findings(corpus, kind, key, s, days)]
    return out


def _service_finding(rule: str, severity: str, s: _Service, field: str, message: str) -> Finding:
    return Finding(rule=rule, severity=severity, section=s.section or None, field=field, message=message,
                   serial=int(s.serial) if s.serial.isdigit() else None)


def _fee_findings(corpus: Corpus, kind: str, key: str, s: _Service, fees: list[tuple[int, float]]) -> list[Finding]:
    peers = [v for c, v in fees if c != s.charter]
    if s.fee is None or len(peers) < MIN_PEERS:
        return []
    median = statistics.median(peers)
    evidence = (f"{len(peers)} other {kind} charters with {key} (min {min(peers):g}, max {max(peers):g}; "
                f"{_others(corpus, fees, s.charter)})")
    if median == 0 and s.fee > 0:
        free = sum(1 for v in peers if v == 0)
        return [_service_finding("paid_where_peers_free", "warning", s, "fee_bdt",
                                 f"'{s.name[:50]}' costs {s.fee:g} taka where {free} of {evidence} give it free")]
    if median > 0 and s.fee > PEER_RATIO * median:
        return [_service_finding("above_peers", "info", s, "fee_bdt",
                                 f"fee_bdt {s.fee:g} taka against a median of {median:g} over {evidence}")]
    return []


def _time_findings(corpus: Corpus, kind: str, key: str, s: _Service, days: list[tuple[int, float]]) -> list[Finding]:
    peers = [v for c, v in days if c != s.charter]
    if s.days is None or len(peers) < MIN_PEERS:
        return []
    median = statistics.median(peers)
    if s.days > max(PEER_RATIO * median, median + MIN_EXTRA_DAYS):
        return [_service_finding("above_peers", "info", s, "time_limit_days",
                                 f"time_limit_days {s.days:g} days against a median of {median:g} over "
                                 f"{len(peers)} other {kind} charters with {key} (min {min(peers):g}, max "
                                 f"{max(peers):g}; {_others(corpus, days, s.charter)})")]
    return []


# ------------------------------------------------------------------ services a charter lacks

def _charters_of(corpus: Corpus) -> dict[str, set[int]]:
    kinds: dict[str, set[int]] = defaultdict(set)
    for s in corpus.services:
        kinds[corpus.offices[s.charter].kind].add(s.charter)
    return kinds


def _common(listed: int, members: int) -> bool:
    """Whether a service listed by ``listed`` of ``members`` charters is one each should have."""
    peers = members - 1
    return peers >= COMMON_MIN_PEERS and listed >= COMMON_SHARE * peers


def missing_common(corpus: Corpus, keys: list[str], names: dict[str, str]) -> list[tuple[int, Finding]]:
    """A service that most other charters of the type list, and this one lacks."""
    kinds = _charters_of(corpus)
    out = []
    for key, by_charter in sorted(_by_key(corpus, keys).items()):
        kind = corpus.offices[next(iter(by_charter))].kind
        members = kinds[kind]
        peers = len(members) - 1
        if not _common(len(by_charter), len(members)):
            continue
        for c in sorted(members - set(by_charter)):
            out.append((c, Finding(rule="missing_common_service", severity="warning", field="service_key",
                                   message=f"no '{names[key]}' ({key}), which {len(by_charter)} of {peers} other "
                                           f"{kind} charters list")))
    return out


# ------------------------------------------------------------------ contacts in several upazilas

def _spread(corpus: Corpus, seen: list[tuple[int, str, bool, str]]) -> tuple[set[str], set[str]]:
    """(places where it is a service officer's, districts where it appears at all)."""
    officer_places = {corpus.offices[c].place for c, _, grs, _ in seen if not grs}
    districts = {corpus.offices[c].district or corpus.offices[c].place for c, _, _, _ in seen}
    return officer_places, districts


def _compact(where: list[str]) -> str:
    """['citizen 1', 'citizen 3', 'grievance 2'] -> 'citizen 1, 3; grievance 2'."""
    by_section: dict[str, list[str]] = defaultdict(list)
    for w in dict.fromkeys(where):
        section, _, serial = w.rpartition(" ")
        by_section[section].append(serial)
    return "; ".join(f"{section} {', '.join(serials)}" for section, serials in by_section.items())


def _elsewhere(corpus: Corpus, seen: list[tuple[int, str, bool, str]], me: int) -> list[str]:
    """'মধুখালী (citizen 1, 2)' for every other place that lists a contact."""
    mine = corpus.offices[me].place
    by_place: dict[str, list[str]] = defaultdict(list)
    for c, w, _, _ in seen:
        if corpus.offices[c].place != mine:
            by_place[corpus.offices[c].place].append(w)
    return [f"{place} ({_compact(where)})" for place, where in sorted(by_place.items())]


def _shared(corpus: Corpus) -> tuple[dict[tuple[str, tuple[int, ...]], list[str]], list[str]]:
    """Contacts listed in several places: (officer name, charters) -> the officer's
    contacts, when one named officer carries them; and the other contacts."""
    officers: dict[tuple[str, tuple[int, ...]], list[str]] = defaultdict(list)
    loose_contacts = []
    for value, contact in sorted(corpus.contacts.items()):
        officer_places, districts = _spread(corpus, contact.seen)
        places = {corpus.offices[c].place for c, _, _, _ in contact.seen}
        if len(places) < 2 or (len(officer_places) < 2 and len(districts) < 2):
            continue
        names = {name for _, _, grs, name in contact.seen if name and not grs}
        if len(names) == 1 and len(officer_places) >= 2:
            officers[(names.pop(), tuple(sorted({c for c, _, _, _ in contact.seen})))].append(value)
        else:
            loose_contacts.append(value)
    return officers, loose_contacts


def _contact_finding(rule: str, what: str, seen: list[tuple[int, str, bool, str]], corpus: Corpus,
                     me: int, field: str) -> Finding | None:
    others = _elsewhere(corpus, seen, me)
    if not others:
        return None
    mine = [w for c, w, _, _ in seen if c == me]
    section, _, serial = mine[0].rpartition(" ")
    return Finding(rule=rule, severity="warning", section=section, field=field,
                   serial=int(serial) if serial.isdigit() else None,
                   message=f"{what} ({_compact(mine)}) is also listed by {len(others)} "
                           f"{'office' if len(others) == 1 else 'offices'} of other places: "
                           f"{', '.join(others[:SHOWN_PEERS + 2])}")


def shared_contacts(corpus: Corpus) -> list[tuple[int, Finding]]:
    """One phone or email in offices of different upazilas; the same officer (name
    with a phone or email) in several upazilas. A district officer repeated in the
    GRS tables of one district's offices is no finding."""
    officers, loose_contacts = _shared(corpus)
    out = []
    for (name, charters), values in sorted(officers.items()):
        seen = [entry for v in values for entry in corpus.contacts[v].seen]
        for c in charters:
            f = _contact_finding("officer_in_other_upazila", f"officer '{name}' with {', '.join(values)}", seen,
                                 corpus, c, "officer")
            out += [(c, f)] if f else []
    for value in loose_contacts:
        field = "officer_emails" if "@" in value else "officer_phones"
        seen = corpus.contacts[value].seen
        for c in sorted({c for c, _, _, _ in seen}):
            f = _contact_finding("contact_in_other_upazila", f"{field.split('_')[1][:-1]} {value}", seen, corpus, c,
                                 field)
            out += [(c, f)] if f else []
    return out


# ------------------------------------------------------------------ tables

def _stats(values: list[float]) -> tuple[str, str, str]:
    if not values:
        return "", "", ""
    return _num(statistics.median(values)), _num(min(values)), _num(max(values))


def catalogue_rows(corpus: Corpus, keys: list[str], clusters: dict[tuple[str, str], catalogue.Cluster]) -> list[dict]:
    by_key: dict[str, list[_Service]] = defaultdict(list)
    for s, key in zip(corpus.services, keys):
        by_key[key].append(s)
    rows = []
    for cluster in sorted({c.key: c for c in clusters.values()}.values(), key=lambda c: c.key):
        services = by_key[cluster.key]
        fee_median, fee_min, fee_max = _stats([s.fee for s in services if s.fee is not None])
        time_median, time_min, time_max = _stats([s.days for s in services if s.days is not None])
        rows.append({"service_key": cluster.key, "office_type": cluster.kind, "canonical_name": cluster.canonical,
                     "match": cluster.reason, "names_seen": " | ".join(sorted(cluster.names)),
                     "charters": str(len({s.charter for s in services})), "services": str(len(services)),
                     "fee_median_bdt": fee_median, "fee_min_bdt": fee_min, "fee_max_bdt": fee_max,
                     "time_median_days": time_median, "time_min_days": time_min, "time_max_days": time_max})
    return rows


def _outliers(corpus: Corpus, values: list[tuple[int, float]]) -> tuple[str, str]:
    """(spread, charters far above the median) of one service's values."""
    if len(values) <= MIN_PEERS:
        return "", ""
    median = statistics.median(v for _, v in values)
    spread = max(v for _, v in values) - min(v for _, v in values)
    high = sorted(corpus.offices[c].charter_id for c, v in values if v > max(PEER_RATIO * median, median))
    return _num(spread), ";".join(high)


def cross_rows_table(corpus: Corpus, keys: list[str], names: dict[str, str]) -> list[dict]:
    kinds = _charters_of(corpus)
    rows = []
    for key, by_charter in sorted(_by_key(corpus, keys).items()):
        kind = corpus.offices[next(iter(by_charter))].kind
        fees = [(c, s.fee) for c, s in by_charter.items() if s.fee is not None]
        days = [(c, s.days) for c, s in by_charter.items() if s.days is not None]
        fee_spread, fee_high = _outliers(corpus, fees)
        time_spread, time_high = _outliers(corpus, days)
        lacking = sorted(corpus.offices[c].charter_id for c in kinds[kind] - set(by_charter))
        rows.append({"office_type": kind, "service_key": key, "canonical_name": names[key],
                     "charters": str(len(by_charter)), "charters_of_type": str(len(kinds[kind])),
                     "fee_median_bdt": _stats([v for _, v in fees])[0], "fee_spread_bdt": fee_spread,
                     "fee_outliers": fee_high, "time_median_days": _stats([v for _, v in days])[0],
                     "time_spread_days": time_spread, "time_outliers": time_high,
                     "missing_from": ";".join(lacking) if _common(len(by_charter), len(kinds[kind])) else ""})
    return rows

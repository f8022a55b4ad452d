"""Service catalogue: office types, and service names clustered into service keys.

The same service is written differently from office to office (নামজারি ও জমাভাগ,
নামজারী ও জমা ভাগ, জমাখারিজ/নামজারি …). Names are compared after folding the
spellings that vary (ী/ি ূ/ু য়/য ড়/র ণ/ন শ/ষ/স, ঁ), dropping words that name no
service (প্রদান, সংক্রান্ত …) and reading words of one meaning as one (মোকদ্দমা,
কেস: মামলা), with rapidfuzz similarity; the common services of
each office type have curated synonyms (keywords.SERVICE_SYNONYMS). Every key
can be explained: ``explain_pair`` says why two names share one or not.

Clustering depends only on the multiset of (office type, name): the same rows
give the same keys whatever their order.
"""
from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Mapping

import regex
from rapidfuzz import fuzz

from . import keywords as kw
from .gazetteer import loose
from .lexicon import contains_any, fold

# Two names at or above this similarity (0-100) are one service.
SIMILAR = 85
# Token-set similarity scores a name whose words are a subset of another's 100:
# it counts only when the shared words are most of both names (ট্রেড লাইসেন্স is
# not ট্রেড লাইসেন্স নবায়ন).
MIN_SHARED_WORDS = 0.75
OTHER = "other"


def office_type(office_name: str, department: str = "") -> str:
    """The office type of a charter from its title block (keywords.OFFICE_TYPES)."""
    text = f"{office_name} {department}"
    return next((kind for kind, words in kw.OFFICE_TYPES if contains_any(text, words)), OTHER)


# ------------------------------------------------------------------ names

_NUKTA = "\u09bc"
_MARKERS = regex.compile(rf"[0-9০-৯]+|\(?[{kw.LIST_MARKER_LETTERS}]\)|[/]")


@functools.lru_cache(maxsize=1)
def _noise() -> frozenset[str]:
    return frozenset(_spelling(w) for w in kw.SERVICE_NAME_NOISE)


@functools.lru_cache(maxsize=1)
def _same_words() -> dict[str, str]:
    return {_spelling(word): _spelling(meant) for word, meant in kw.SERVICE_WORD_SYNONYMS.items()}


# lexicon.fold means to turn punctuation into spaces but keeps it (its class uses
# '&&', which the regex module reads only in V1); names compare without it.
_PUNCTUATION = regex.compile(r"[\p{P}\p{S}]+")


def _spelling(text: str) -> str:
    """Folded text with the spellings that vary between offices made one, punctuation gone."""
    return " ".join(_PUNCTUATION.sub(" ", loose(fold(text)).replace(_NUKTA, "")).split())


@functools.lru_cache(maxsize=65536)
def name_form(name: str) -> str:
    """The comparable form of a service name: spellings folded, numbers and noise words dropped."""
    words = [_same_words().get(w, w) for w in _spelling(_MARKERS.sub(" ", fold(name))).split()]
    kept = [w for w in words if w not in _noise()]
    return " ".join(kept or words)


def similarity(a: str, b: str) -> float:
    """Similarity (0-100) of two name forms: the best of word order ignored, word
    spaces ignored (জমাভাগ / জমা ভাগ), and token-set when the shared words are most of both."""
    if not a or not b:
        return 0.0
    score = max(fuzz.token_sort_ratio(a, b), fuzz.ratio(a.replace(" ", ""), b.replace(" ", "")))
    left, right = set(a.split()), set(b.split())
    if len(left & right) >= MIN_SHARED_WORDS * max(len(left), len(right)):
        score = max(score, fuzz.token_set_ratio(a, b))
    return float(score)


# ------------------------------------------------------------------ curated synonyms

@dataclass(frozen=True)
class Match:
    key: str
    canonical: str
    variant: str          # the synonym (or cluster name) the name was matched to
    score: float


@functools.lru_cache(maxsize=None)
def _synonyms(kind: str) -> list[tuple[str, str, str]]:
    """(key, canonical name, variant form) of one office type, in table order."""
    return [(f"{kind}/{key}", canonical, name_form(v)) for key, canonical, variants in kw.SERVICE_SYNONYMS.get(kind, [])
            for v in [canonical] + variants]


@functools.lru_cache(maxsize=65536)
def synonym(kind: str, form: str) -> Match | None:
    """The curated service a name form reads like, the best-scoring (table order on a tie)."""
    best = None
    for key, canonical, variant in _synonyms(kind):
        score = similarity(form, variant)
        if score >= SIMILAR and (best is None or score > best.score):
            best = Match(key, canonical, variant, score)
    return best


# ------------------------------------------------------------------ clustering

@dataclass
class Cluster:
    key: str
    kind: str
    form: str                       # the representative name form
    names: Counter                  # names as written -> services
    reason: str = ""

    @property
    def canonical(self) -> str:
        return min(self.names.items(), key=lambda item: (-item[1], item[0]))[0]


def _slug(form: str) -> str:
    return regex.sub(r"\s+", "-", form.strip()) or "unnamed"


def cluster(names: Iterable[tuple[str, str]] | Mapping[tuple[str, str], int]) -> dict[tuple[str, str], Cluster]:
    """(office type, name) -> its cluster, for every distinct pair given: the pair of every service, or
    each distinct pair with its count (what a run's audit holds, ``audit.crossdb``: the same clusters).

    Curated synonyms first; the other forms of each office type join, most
    frequent first (ties by text), the first cluster whose representative form
    they resemble, else found their own.
    """
    counts = Counter(names)
    forms: dict[tuple[str, str], Counter] = {}
    for (kind, name), n in counts.items():
        forms.setdefault((kind, name_form(name)), Counter())[name] += n
    clusters: dict[str, Cluster] = {}
    of_form: dict[tuple[str, str], Cluster] = {}
    for (kind, form), written in sorted(forms.items(), key=lambda item: (-sum(item[1].values()), item[0])):
        target = _curated(kind, form, clusters) or _nearest(kind, form, clusters)
        if target is None:
            target = clusters.setdefault(f"{kind}/{_slug(form)}", Cluster(f"{kind}/{_slug(form)}", kind, form,
                                                                          Counter(), "own cluster"))
        target.names.update(written)
        of_form[(kind, form)] = target
    return {(kind, name): of_form[(kind, name_form(name))] for kind, name in counts}


def _curated(kind: str, form: str, clusters: dict[str, Cluster]) -> Cluster | None:
    match = synonym(kind, form)
    if match is None:
        return None
    return clusters.setdefault(match.key, Cluster(match.key, kind, name_form(match.canonical), Counter(),
                                                  "curated synonym"))


def _nearest(kind: str, form: str, clusters: dict[str, Cluster]) -> Cluster | None:
    best, best_score = None, 0.0
    for c in clusters.values():
        if c.kind != kind or c.reason == "curated synonym":
            continue
        score = similarity(form, c.form)
        if score >= SIMILAR and score > best_score:
            best, best_score = c, score
    return best


# ------------------------------------------------------------------ explanation

def explain_name(name: str, kind: str) -> str:
    """How one name is read: its form and the curated service it matches, if any."""
    form = name_form(name)
    match = synonym(kind, form)
    said = f"'{name}' reads as '{form}'"
    if match:
        return f"{said}: curated {match.key} ('{match.canonical}'), like '{match.variant}' ({match.score:.0f})"
    return f"{said}: no curated {kind} service; clustered by similarity ≥ {SIMILAR}"


def explain_pair(a: str, b: str, kind: str) -> str:
    """Why two names share a service key, or why not."""
    fa, fb = name_form(a), name_form(b)
    ma, mb = synonym(kind, fa), synonym(kind, fb)
    lines = [explain_name(a, kind), explain_name(b, kind)]
    if ma or mb:
        same = bool(ma and mb and ma.key == mb.key)
        verdict = f"same key {ma.key}" if same else "different keys: " + " vs ".join(
            m.key if m else "uncurated" for m in (ma, mb))
    else:
        score = similarity(fa, fb)
        verdict = (f"similarity {score:.0f} {'≥' if score >= SIMILAR else '<'} {SIMILAR}: "
                   f"{'one cluster' if score >= SIMILAR else 'different clusters'}")
    return "\n".join(lines + [verdict])

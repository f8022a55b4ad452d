"""Word accuracy of Bijoy -> Unicode converters on tests/data/bijoy_pairs.tsv.

    python benchmarks/bijoy_accuracy.py                  # accuracy table, errors per category
    python benchmarks/bijoy_accuracy.py --disagreements  # pairs where the peers disagree with the set

A pair counts as right when the output equals the Unicode side exactly after NFC. Peers are
measured only when installed: bijoytounicode (MPL-2.0), with and without the four-code pre-map,
and unicodeconverter (no licence: measured here, never imported by the pipeline).
"""
from __future__ import annotations

import argparse
import collections
import pathlib
import sys
import unicodedata
from typing import Callable, Optional

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

from pipeline.bijoy import bijoy_to_unicode  # noqa: E402

PAIRS = pathlib.Path(__file__).resolve().parents[1] / "tests" / "data" / "bijoy_pairs.tsv"

# Codes bijoytounicode lacks or reads otherwise than SutonnyMJ draws them.
PRE_MAP = {"ÿ": "¶", "ø": "¬", "æ": "y", "‚": "~"}


def load_pairs(path: pathlib.Path = PAIRS) -> list[tuple[str, str, str]]:
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            bijoy, unicode_text, category = line.split("\t")
            pairs.append((bijoy, unicode_text, category))
    return pairs


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def peer_converters() -> dict[str, Callable[[str], str]]:
    peers: dict[str, Callable[[str], str]] = {}
    try:
        from bijoytounicode import bijoy2unicode
    except ImportError:
        bijoy2unicode = None
    if bijoy2unicode:
        peers["bijoytounicode"] = bijoy2unicode
        peers["bijoytounicode+premap"] = lambda s: bijoy2unicode("".join(PRE_MAP.get(c, c) for c in s))
    try:
        from unicodeconverter import convert_bijoy_to_unicode
    except ImportError:
        convert_bijoy_to_unicode = None
    if convert_bijoy_to_unicode:
        peers["unicodeconverter (peer only)"] = convert_bijoy_to_unicode
    return peers


def converters() -> dict[str, Callable[[str], str]]:
    return {"pipeline.bijoy": bijoy_to_unicode, **peer_converters()}


def errors(convert: Callable[[str], str], pairs) -> list[tuple[str, str, str, str]]:
    wrong = []
    for bijoy, expected, category in pairs:
        got = nfc(convert(bijoy))
        if got != nfc(expected):
            wrong.append((category, bijoy, got, expected))
    return wrong


def report(pairs) -> None:
    categories = collections.Counter(c for _, _, c in pairs)
    names = list(categories)
    print(f"{len(pairs)} pairs; categories: " + ", ".join(f"{c} {n}" for c, n in categories.items()))
    print(f"{'converter':32} {'right':>9} {'accuracy':>9}  errors by category")
    for name, convert in converters().items():
        wrong = errors(convert, pairs)
        by_cat = collections.Counter(c for c, *_ in wrong)
        right = len(pairs) - len(wrong)
        detail = " ".join(f"{c}:{by_cat[c]}" for c in names if by_cat[c])
        print(f"{name:32} {right:>4}/{len(pairs):<4} {100 * right / len(pairs):8.1f}%  {detail}")
    for category, bijoy, got, expected in errors(bijoy_to_unicode, pairs):
        print(f"  pipeline.bijoy wrong [{category}] {bijoy!r}: {got} (expected {expected})")


def disagreements(pairs) -> None:
    """Cross-check of the set: pairs that independent converters read otherwise."""
    peers = peer_converters()
    for bijoy, expected, category in pairs:
        readings = {name: nfc(conv(bijoy)) for name, conv in peers.items()}
        off = {name: r for name, r in readings.items() if r != nfc(expected)}
        if len(off) == len(peers) and peers:
            print(f"[{category}] {bijoy!r} set: {expected} | " + " | ".join(f"{n}: {r}" for n, r in off.items()))
    agreed = sum(1 for b, e, _ in pairs if any(nfc(c(b)) == nfc(e) for c in peers.values()))
    print(f"{agreed}/{len(pairs)} pairs confirmed by at least one independent converter")


def main(argv: Optional[list[str]] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--disagreements", action="store_true")
    args = parser.parse_args(argv)
    pairs = load_pairs()
    disagreements(pairs) if args.disagreements else report(pairs)


if __name__ == "__main__":
    main()

"""Pages per second and peak memory of the pipeline (per PDF backend), Camelot lattice, pdfplumber tables and pdftotext.

    python benchmarks/speed.py [--corpus DIR] [--repeat N] [--rounds R] [--long-specs K] [--systems ...] [--jobs 2]

Every system reads the same PDFs: the corpus, plus one long charter rendered into a
temporary folder (all services of the first K Bangla corpus specs in one LibreOffice
PDF) when no corpus PDF has 30 pages. Each system runs in a subprocess of its own,
pinned to one core with single-threaded math libraries, so its peak RSS is its own.
Timed: ``pipeline.process(path, pdf_backend=B)`` (read, repair, normalize) for each backend B,
``camelot.read_pdf(pages="all", flavor="lattice")``, pdfplumber ``page.extract_tables()`` on
every page, and ``pdftotext FILE -`` (poppler, a subprocess per file: the text-extraction
floor); imports and one untimed warm-up file are excluded; each file's time is the median of
N runs. The systems run R rounds, interleaved (every system once per round), and each figure is
the median over the rounds, a ratio the median of the ratios within each round: on a shared
machine a load change then moves neighbours alike. Beside wall-clock pages/s, pages per second
of CPU time (the process's and its children's), which other processes on the machine move less.
``pipeline-BACKEND@DIR`` times the pipeline of another checkout DIR (say, the revision before a
change) in the same rounds. Then the scaling of the pipeline (default backend) over worker processes: every file
N times mapped over a pool of 1 and of ``--jobs`` workers (each warmed up first), wall time.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import pathlib
import resource
import statistics
import subprocess
import sys
import tempfile
import time

from common import DEFAULT_CORPUS, ROOT, corpus, table

SYSTEMS = ["pipeline-pdfium", "pipeline-pdfplumber", "camelot-lattice", "pdfplumber-default", "pdftotext"]
LONG_PAGES = 30
SINGLE_THREAD = {name: "1" for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}


# --------------------------------------------------------------------------
# Worker: one system, in its own process
# --------------------------------------------------------------------------

def import_from(checkout: str) -> None:
    """Make ``import pipeline`` take the package of another checkout (over an editable install)."""
    sys.meta_path[:] = [finder for finder in sys.meta_path if "editable" not in repr(finder).lower()]
    sys.path.insert(0, checkout)


def runner(system: str):
    if system.startswith("pipeline-"):
        system, _, checkout = system.partition("@")
        if checkout:
            import_from(checkout)
        from pipeline import process
        return lambda path: process(path, pdf_backend=system.removeprefix("pipeline-"))
    if system == "pdftotext":
        return lambda path: subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    if system == "camelot-lattice":
        import camelot
        import cv2
        cv2.setNumThreads(1)
        return lambda path: camelot.read_pdf(str(path), pages="all", flavor="lattice")
    import pdfplumber

    def extract_tables(path):
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_tables()
                page.close()
    return extract_tables


def work(system: str, files: list[str], repeat: int) -> dict:
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    run = runner(system)
    run(files[0])  # warm-up: lazy imports, font and cmap caches
    seconds, cpu = {}, {}
    for path in files:
        times, cpu_times = [], []
        for _ in range(repeat):
            started, cpu_started = time.perf_counter(), cpu_seconds()
            run(path)
            times.append(time.perf_counter() - started)
            cpu_times.append(cpu_seconds() - cpu_started)
        seconds[path] = statistics.median(times)
        cpu[path] = statistics.median(cpu_times)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"seconds": seconds, "cpu": cpu, "peak_rss_mib": peak_kib / 1024}


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (pdftotext runs as one)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def measure(system: str, files: list[str], repeat: int) -> dict:
    command = [sys.executable, __file__, "--worker", system, "--repeat", str(repeat), *files]
    done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, **SINGLE_THREAD},
                          cwd=ROOT)
    if done.returncode:
        raise RuntimeError(f"{system} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------
# The long charter
# --------------------------------------------------------------------------

def render_long(out: pathlib.Path, spec_count: int) -> pathlib.Path:
    """All services of the first Bangla specs as one charter, rendered by LibreOffice (Noto)."""
    from tests.corpus.render import FONTS, render_variant
    from tests.corpus.specs import SECTIONS, build_specs

    specs = [s for s in build_specs() if s.language == "bn"][:spec_count]
    services = []
    for section in SECTIONS:
        pooled = [(n, s) for n, spec in enumerate(specs) for s in spec.section_services(section)]
        # Officer groups (merged officer cells) must stay apart across the pooled specs.
        services += [dataclasses.replace(s, serial=i, officer_group=s.officer_group + 1000 * n)
                     for i, (n, s) in enumerate(pooled, 1)]
    long_spec = dataclasses.replace(specs[0], id=f"{specs[0].id}-long", services=services)
    render_variant(long_spec, "noto", FONTS["noto"], "portrait", ["pdf-lo"], out)
    return next(out.glob("*.pdf"))


# --------------------------------------------------------------------------
# Parent
# --------------------------------------------------------------------------

def page_counts(files: list[pathlib.Path]) -> dict[str, int]:
    import pdfplumber
    counts = {}
    for path in files:
        with pdfplumber.open(path) as pdf:
            counts[str(path)] = len(pdf.pages)
    return counts


def rates(result: dict, pages: dict[str, int], longest: str) -> dict[str, float]:
    """One round of one system: pages/s over all files, on the longest, and per CPU second."""
    return {"all": sum(pages.values()) / sum(result["seconds"].values()),
            "long": pages[longest] / result["seconds"][longest],
            "cpu": sum(pages.values()) / sum(result["cpu"].values())}


def report(rounds: list[dict[str, dict]], pages: dict[str, int], longest: str) -> str:
    """Medians over the rounds; a ratio is the median of its ratios within each round."""
    per_round = [{s: rates(r, pages, longest) for s, r in results.items()} for results in rounds]

    def median(system: str, key: str, against: str | None = None) -> float | None:
        if against and against not in per_round[0]:
            return None
        return statistics.median(r[system][key] / (r[against][key] if against else 1) for r in per_round)

    rows = []
    for s in per_round[0]:
        camelot, floor, cpu_camelot = (median(s, "all", "camelot-lattice"), median(s, "all", "pdftotext"),
                                       median(s, "cpu", "camelot-lattice"))
        rows.append([s, f"{median(s, 'all'):.2f}", f"{median(s, 'long'):.2f}",
                     f"{camelot:.2f}x" if camelot else "-", f"{floor:.3f}x" if floor else "-",
                     f"{median(s, 'cpu'):.2f}", f"{cpu_camelot:.2f}x" if cpu_camelot else "-",
                     f"{max(results[s]['peak_rss_mib'] for results in rounds):.0f}"])
    return table(["system", "pages/s (all)", f"pages/s ({pages[longest]}-page PDF)", "vs Camelot", "vs pdftotext",
                  "pages/CPU-s", "CPU vs Camelot", "peak RSS MiB"], rows)


# --------------------------------------------------------------------------
# Scaling over worker processes
# --------------------------------------------------------------------------

def _warm(path: str) -> None:
    from pipeline import process
    process(path)


def _process(path: str) -> int:
    from pipeline import process
    return len(process(path).services)


def pool_seconds(files: list[str], repeat: int, workers: int) -> float:
    """Wall time of every file ``repeat`` times over a pool of warmed-up workers."""
    import concurrent.futures
    os.environ.update(SINGLE_THREAD)    # the workers inherit it
    with concurrent.futures.ProcessPoolExecutor(workers, initializer=_warm, initargs=(files[0],)) as pool:
        list(pool.map(_process, files[:workers]))    # every worker has started and warmed up
        started = time.perf_counter()
        list(pool.map(_process, files * repeat))
        return time.perf_counter() - started


def scaling_report(files: list[str], pages: int, repeat: int, jobs: int) -> str:
    one, many = pool_seconds(files, repeat, 1), pool_seconds(files, repeat, jobs)
    rows = [[f"-j {n}", f"{pages * repeat / s:.2f}", f"{one / s:.2f}x"] for n, s in ((1, one), (jobs, many))]
    return table(["pipeline (default backend)", "pages/s", "speed-up"], rows)


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=pathlib.Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds of all systems (medians)")
    parser.add_argument("--long-specs", type=int, default=9,
                        help="Bangla specs pooled into the long charter (9 give about 50 pages)")
    parser.add_argument("--systems", default=",".join(SYSTEMS))
    parser.add_argument("--jobs", type=int, default=2, help="workers for the scaling run (0: skip it)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("files", nargs="*", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv if argv is not None else sys.argv[1:])
    if args.worker:
        print(json.dumps(work(args.worker, args.files, args.repeat)))
        return 0
    files = [s.pdf for s in corpus(args.corpus)] or sorted(args.corpus.glob("*.pdf"))
    with tempfile.TemporaryDirectory(prefix="speed_long_") as scratch:
        pages = page_counts(files)
        if max(pages.values(), default=0) < LONG_PAGES:
            long_pdf = render_long(pathlib.Path(scratch), args.long_specs)
            files.append(long_pdf)
            pages.update(page_counts([long_pdf]))
        longest = max(pages, key=pages.get)
        print(f"{len(files)} PDFs, {sum(pages.values())} pages (longest {pages[longest]}), "
              f"repeat {args.repeat}, {args.rounds} interleaved rounds, one core each", flush=True)
        rounds = []
        for n in range(args.rounds):
            results = {}
            for system in args.systems.split(","):
                results[system] = measure(system, [str(f) for f in files], args.repeat)
                print(f"  round {n + 1} {system}: {sum(results[system]['seconds'].values()):.1f} s, "
                      f"CPU {sum(results[system]['cpu'].values()):.1f} s", file=sys.stderr, flush=True)
            rounds.append(results)
        print(report(rounds, pages, longest), flush=True)
        if args.jobs:
            print()
            print(scaling_report([str(f) for f in files], sum(pages.values()), args.repeat, args.jobs))
    return 0


if __name__ == "__main__":
    sys.exit(main())

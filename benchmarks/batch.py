"""Batch benchmarks: documents/s by executor, peak memory by batch size, the unchanged incremental re-run.

    python benchmarks/batch.py [--corpus DIR] [--sizes 100,1000,10000] [--speed-docs N] [--formats txt,html,docx]
                               [--parts speed,memory] [--sample SECONDS]
    python benchmarks/batch.py --rebuild-from OUT [--rebuild-records 10000]
    python benchmarks/batch.py ... --checkout OTHER     # also time another checkout's pipeline, in the same run

Batches are made by repeating the corpus's documents under distinct names, each copy with a marker
of its own appended (an HTML comment, a trailing line) so that no two share their bytes and all are
processed. Every run is ``charter run`` in its own process; "main RSS" is that process's peak (the
workers are apart: they are bounded by --memory-limit), "worker RSS" the largest worker's peak.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import DEFAULT_CORPUS, ROOT, table

SUFFIXES = {"txt": ".txt", "html": ".html", "docx": ".docx", "pdf": ".pdf"}
RUNNER = """
import json, resource, sys, time
import pipeline
from pipeline import run
started = time.monotonic()
summary = run(sys.argv[1:2], sys.argv[2], jobs=int(sys.argv[3]), executor=sys.argv[4],
              incremental=sys.argv[5] == "1", report=lambda line: None)
print(json.dumps({"seconds": time.monotonic() - started, "processed": summary.processed,
                  "unchanged": summary.unchanged, "failed": summary.failed,
                  "main_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "worker_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
                  "pipeline": pipeline.__file__}))
"""


def sources(corpus: Path, formats: list[str]) -> list[Path]:
    wanted = {SUFFIXES[f] for f in formats}
    return sorted(p for p in corpus.iterdir() if p.suffix in wanted and not p.name.endswith(".truth.json"))


def _marked(source: Path, n: int) -> bytes:
    """The document's bytes with a marker of its own that no reader shows as charter text."""
    data = source.read_bytes()
    if source.suffix == ".html":
        return data + f"\n<!-- copy {n} -->\n".encode()
    if source.suffix == ".txt":
        return data + b"\n" * (1 + n % 7) + b" " * (n // 7 + 1)
    return data + f"\n%copy {n}\n".encode()          # after %%EOF (PDF) or the zip's end (docx)


def make_batch(folder: Path, documents: list[Path], size: int) -> Path:
    folder.mkdir(parents=True)
    for n in range(size):
        source = documents[n % len(documents)]
        (folder / f"{n:05d}-{source.name}").write_bytes(_marked(source, n))
    return folder


def charter_run(inputs: Path, out: Path, jobs: int, executor: str = "local", incremental: bool = False,
                sample: float = 0, root: Path = ROOT) -> dict:
    """One run in its own process; every ``sample`` seconds (0: never) a line with the records written
    so far and the run process's resident memory, so that a run stopped early still says something."""
    started = time.monotonic()
    with subprocess.Popen([sys.executable, "-c", RUNNER, str(inputs), str(out), str(jobs), executor,
                           "1" if incremental else "0"], cwd=root, stdout=subprocess.PIPE, text=True) as child:
        while sample:
            try:
                child.wait(sample)
                break
            except subprocess.TimeoutExpired:
                records = sum(1 for _ in os.scandir(out / "charters")) if (out / "charters").is_dir() else 0
                print(f"  {time.monotonic() - started:7.0f} s  {records:6d} records  main RSS "
                      f"{_rss_mib(child.pid):.0f} MiB", flush=True)
        output = child.stdout.read()
    if child.returncode:
        raise subprocess.CalledProcessError(child.returncode, "charter run")
    return json.loads(output.strip().splitlines()[-1])


def _rss_mib(pid: int) -> float:
    """The process's resident memory now (VmRSS), MiB; 0 once it is gone."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:")) / 1024
    except (OSError, StopIteration):
        return 0.0


def speed(documents: list[Path], count: int, work: Path, roots: list[Path] = [ROOT]) -> list[list]:
    """Each executor of each checkout's pipeline over one batch, the checkouts taking turns per executor
    (so a change in the machine's load falls on both); "vs -j 1" is against the same checkout's -j 1."""
    batch = make_batch(work / "speed", documents, count)
    rows, base = [], {}
    for label, jobs, executor in (("-j 1", 1, "local"), ("-j 2", 2, "local"), ("dask LocalCluster, 2 workers", 2,
                                                                            "dask")):
        for n, root in enumerate(roots):
            result = charter_run(batch, work / f"out-{n}-{jobs}-{executor}", jobs, executor, root=root)
            assert result["pipeline"].startswith(str(root)), (result["pipeline"], root)   # the checkout's own
            rate = result["processed"] / result["seconds"]
            base.setdefault(root, rate)
            name = f"{label} ({root.name})" if len(roots) > 1 else label
            rows.append([name, result["processed"], f"{result['seconds']:.1f}", f"{rate:.2f}",
                         f"{rate / base[root]:.2f}x", f"{os.getloadavg()[0]:.1f}"])
    return rows


def memory(documents: list[Path], sizes: list[int], work: Path, sample: float = 0) -> list[list]:
    rows = []
    for size in sizes:
        batch = make_batch(work / f"mem-{size}", documents, size)
        out = work / f"mem-out-{size}"
        full = charter_run(batch, out, 2, sample=sample)
        again = charter_run(batch, out, 2, incremental=True)
        rows.append([size, full["processed"], f"{full['seconds']:.1f}", f"{full['main_mib']:.0f}",
                     f"{full['worker_mib']:.0f}", f"{again['seconds']:.1f}", f"{again['main_mib']:.0f}",
                     f"{100 * again['seconds'] / full['seconds']:.1f}%"])
        shutil.rmtree(batch)
        shutil.rmtree(out)
    return rows


FINISHER = """
import json, resource, sys, time
from pipeline.api import Summary, finish
started = time.monotonic()
summary = Summary(out=sys.argv[1])
finish(sys.argv[1], summary)
print(json.dumps({"seconds": time.monotonic() - started, "services": summary.services,
                  "main_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def repeated_records(source: Path, out: Path, count: int) -> int:
    """``count`` records (and their shards) made from those of a run in ``source``, each copy under a name,
    id and source hash of its own, so that the tables' rebuild can be timed at a size a full run would take
    hours to reach. Returns how many distinct records were repeated."""
    from pipeline.api import charter_id
    records = sorted(p for p in (source / "charters").glob("*.json")
                     if (source / ".shards" / f"{p.stem}.jsonl").exists())     # a run stopped early
    (out / "charters").mkdir(parents=True)
    (out / ".shards").mkdir()
    for n in range(count):
        record = records[n % len(records)]
        shard = (source / ".shards" / f"{record.stem}.jsonl").read_text(encoding="utf-8")
        meta = json.loads(shard.split("\n", 1)[0])
        name = f"r{n:05d}-{meta['source_file']}"
        new_id, new_hash = charter_id(name), hashlib.sha256(name.encode()).hexdigest()
        text = record.read_text(encoding="utf-8")
        renamed = {meta["charter_id"]: new_id, meta["source_file"]: name, meta["source_sha256"]: new_hash}
        for old, new in renamed.items():
            text, shard = text.replace(old, new), shard.replace(old, new)
        shard = shard.replace(meta["record_sha256"], hashlib.sha256(text.encode("utf-8")).hexdigest(), 1)
        (out / "charters" / f"{new_id}.json").write_text(text, encoding="utf-8")
        (out / ".shards" / f"{new_id}.jsonl").write_text(shard, encoding="utf-8")
    return min(count, len(records))


def rebuild(source: Path, count: int, work: Path) -> list:
    out = work / "rebuild"
    distinct = repeated_records(source, out, count)
    done = subprocess.run([sys.executable, "-c", FINISHER, str(out)], cwd=ROOT, capture_output=True, text=True,
                          check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return [count, distinct, result["services"], f"{result['seconds']:.1f}", f"{result['main_mib']:.0f}"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--formats", default="txt,html,docx", help="of the corpus: txt, html, docx, pdf")
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--speed-docs", type=int, default=100)
    parser.add_argument("--parts", default="speed,memory", help="which tables: speed, memory or both")
    parser.add_argument("--rebuild-from", type=Path, metavar="OUT",
                        help="only time the tables' rebuild over --rebuild-records records repeated from "
                             "the records of the run in OUT")
    parser.add_argument("--rebuild-records", type=int, default=10000)
    parser.add_argument("--checkout", type=Path, action="append", default=[], metavar="DIR",
                        help="also run the pipeline of this checkout (speed table), e.g. main's, beside this one")
    parser.add_argument("--sample", type=float, default=0, metavar="SECONDS",
                        help="during each full run of the memory table, a progress and memory line this often")
    args = parser.parse_args()
    documents = sources(args.corpus, args.formats.split(","))
    parts = args.parts.split(",")
    # The machine may be shared: the load beside the figures says how far to trust them.
    print(f"load average at start {os.getloadavg()[0]:.1f}, {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory(prefix="charter-bench-") as tmp:
        work = Path(tmp)
        if args.rebuild_from:
            print(table(["records", "distinct", "services", "rebuild s", "RSS MiB"],
                        [rebuild(args.rebuild_from, args.rebuild_records, work)],
                        "the tables, audit, package, database, Parquet and workbook rebuilt from shards"))
            return
        if "speed" in parts:
            print(table(["executor", "documents", "seconds", "documents/s", "vs -j 1", "load after"],
                        speed(documents, args.speed_docs, work, [ROOT, *map(Path.resolve, args.checkout)]),
                        f"documents/s, {args.speed_docs} documents ({args.formats}) from {len(documents)} sources"))
            print(f"load average {os.getloadavg()[0]:.1f}\n")
        if "memory" not in parts:
            return
        started = time.monotonic()
        print(table(["documents", "processed", "full s", "main RSS MiB", "worker RSS MiB", "unchanged re-run s",
                     "re-run RSS MiB", "re-run share"],
                    memory(documents, [int(s) for s in args.sizes.split(",")], work, args.sample),
                    "peak memory and the unchanged --incremental re-run, -j 2"))
        print(f"\n(total {time.monotonic() - started:.0f} s, load average {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()

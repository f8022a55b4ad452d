"""Executors: map the per-document function over documents, each in a worker process under limits.

A worker is a forked process that serves documents one at a time over its own
pipe. Its limits are per document: the parent kills the worker's process group
when a document runs past the time limit, and the worker's address space is
capped (RLIMIT_AS) so an allocation beyond the memory limit fails inside the
document's own call. A worker that dies, hangs or runs out of memory costs only
its document: the executor answers ``Failure(reason)`` for it, starts a fresh
worker and goes on. Workers die with the parent (PR_SET_PDEATHSIG), so a
``kill -9`` of the batch leaves none running.

The same workers run inside each Dask worker (``dask_map``), so a cluster run
has the same limits and gives the same outputs.
"""
from __future__ import annotations

import ctypes
import faulthandler
import multiprocessing
import multiprocessing.connection
import os
import resource
import signal
import time
from collections import deque
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator, Optional

DEFAULT_TIMEOUT = 300.0        # seconds: a 40-page scan read by OCR takes about 120
DEFAULT_MEMORY_MB = 2048       # address space: a worker starts near 300 MB, the largest charter PDF needs ~400
# A worker is replaced after this many documents, so that one document's
# high-water mark does not eat into the next ones' memory limit for long.
TASKS_PER_WORKER = 50
_PR_SET_PDEATHSIG = 1
CLUSTER_HINT = "the dask executor needs the cluster extra: pip install 'charter-pipeline[cluster]'"


@dataclass(frozen=True)
class Limits:
    timeout: float = DEFAULT_TIMEOUT
    memory_mb: int = DEFAULT_MEMORY_MB

    def memory_reason(self) -> str:
        return f"memory limit exceeded ({self.memory_mb} MB per document)"


@dataclass(frozen=True)
class Failure:
    """No result for a document: its worker ran out of time, out of memory, or died."""
    reason: str


# ------------------------------------------------------------------ the worker side

def _die_with_parent(parent: int) -> None:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):   # not Linux: the parent's kill of the group is all there is
        return
    if os.getppid() != parent:          # the parent died before the signal was armed
        os._exit(1)


def _confine(limits: Limits, parent: int) -> None:
    os.setpgid(0, 0)                    # its own group: a kill reaches what it spawned (tesseract)
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl-C is the parent's to handle
    faulthandler.disable()              # a crash is one errors.csv row, not a C traceback in the log
    _die_with_parent(parent)
    # On top of what the fork inherits: a library caller's process may already map gigabytes.
    size = _mapped_bytes() + limits.memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (size, size))


def _mapped_bytes() -> int:
    """The address space this process maps now (VmSize), 0 where /proc does not tell."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            return next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmSize:"))
    except (OSError, StopIteration, ValueError):
        return 0


def _serve(conn: multiprocessing.connection.Connection, fn: Callable, limits: Limits, parent: int) -> None:
    _confine(limits, parent)
    for _ in range(TASKS_PER_WORKER):
        try:
            arg = conn.recv()
        except (EOFError, OSError):
            return
        try:
            result = fn(arg)
        except MemoryError:
            result = Failure(limits.memory_reason())
        except Exception as exc:     # fn should answer for its document; this is the last guard
            result = Failure(f"{type(exc).__name__}: {exc}")
        try:
            conn.send(result)
        except MemoryError:
            conn.send(Failure(limits.memory_reason()))
        if isinstance(result, Failure):
            return                    # the heap may be in any state after a failure


# ------------------------------------------------------------------ the parent side

class Worker:
    """A forked child serving documents over a pipe (os.fork, not multiprocessing.Process:
    a Dask worker is a daemonic process, and those may not start Process children)."""

    def __init__(self, fn: Callable, limits: Limits):
        self.conn, child = multiprocessing.Pipe()
        parent = os.getpid()
        self.pid = os.fork()
        if self.pid == 0:
            code = 0
            try:
                self.conn.close()
                _serve(child, fn, limits, parent)
            except BaseException:
                code = 1
            finally:
                os._exit(code)
        child.close()
        try:
            os.setpgid(self.pid, self.pid)   # also here: no race with an early kill
        except OSError:
            pass
        self.tasks = 0
        self.deadline = 0.0
        self.status: Optional[int] = None

    def send(self, arg: Any, timeout: float) -> None:
        self.tasks += 1
        self.deadline = time.monotonic() + timeout
        self.conn.send(arg)

    def reap(self) -> int:
        """The worker's exit code (negative: killed by that signal), waiting for it to end."""
        if self.status is None:
            self.status = os.waitstatus_to_exitcode(os.waitpid(self.pid, 0)[1])
        return self.status

    def kill(self) -> None:
        try:
            os.killpg(self.pid, signal.SIGKILL)
        except OSError:
            pass
        self.reap()
        self.conn.close()

    def reusable(self) -> bool:
        return self.tasks < TASKS_PER_WORKER


def _death(worker: Worker, limits: Limits) -> Failure:
    code = worker.reap()
    how = f"killed by {signal.Signals(-code).name}" if code < 0 else f"exit status {code}"
    return Failure(f"worker process died ({how}); limits {limits.timeout:g} s and {limits.memory_mb} MB "
                   "per document")


def _collect(worker: Worker, limits: Limits) -> Optional[Any]:
    """The worker's answer, a Failure when it died or ran out of time, None while it is still working.

    A dead worker's end of the pipe closes, so its death reads as EOF.
    """
    if worker.conn.poll():
        try:
            return worker.conn.recv()
        except (EOFError, OSError):
            return _death(worker, limits)
        except Exception as exc:         # a result cut off or garbled by the worker's death
            return Failure(f"unreadable result from the worker ({type(exc).__name__})")
    if time.monotonic() >= worker.deadline:
        return Failure(f"time limit exceeded ({limits.timeout:g} s per document)")
    return None


def local_map(fn: Callable, args: Iterable, workers: int, limits: Limits) -> Iterator[tuple[Any, Any]]:
    """(arg, fn(arg) or Failure) for every arg, in the order they finish."""
    pending = deque(args)
    running: dict[Worker, Any] = {}
    idle: list[Worker] = []

    def dispatch() -> None:
        while pending and len(running) < max(1, workers):
            worker = idle.pop() if idle else Worker(fn, limits)
            arg = pending.popleft()
            worker.send(arg, limits.timeout)
            running[worker] = arg

    try:
        while pending or running:
            dispatch()
            wait = max(0.0, min(w.deadline for w in running) - time.monotonic())
            multiprocessing.connection.wait([w.conn for w in running], timeout=wait)
            done = []
            for worker in list(running):
                result = _collect(worker, limits)
                if result is None:
                    continue
                done.append((running.pop(worker), result))
                if isinstance(result, Failure) or not worker.reusable():
                    worker.kill()
                else:
                    idle.append(worker)
            # The freed workers get their next documents before the caller writes these results:
            # a worker never waits for the main process's writing.
            dispatch()
            yield from done
    finally:
        for worker in [*running, *idle]:
            worker.kill()


# ------------------------------------------------------------------ in-process and on a cluster

def inline_map(fn: Callable, args: Iterable) -> Iterator[tuple[Any, Any]]:
    """In this process, without limits: for debugging and for tests that watch the process itself."""
    for arg in args:
        yield arg, fn(arg)


_cluster_workers: dict[tuple, Worker] = {}


def run_limited(arg: Any, fn: Callable, limits: Limits) -> Any:
    """fn(arg) in a worker process of this process, under ``limits``: what a Dask task runs."""
    key = (fn, limits)
    worker = _cluster_workers.pop(key, None) or Worker(fn, limits)
    worker.send(arg, limits.timeout)
    result = None
    while result is None:
        multiprocessing.connection.wait([worker.conn], timeout=max(0.0, worker.deadline - time.monotonic()))
        result = _collect(worker, limits)
    if isinstance(result, Failure) or not worker.reusable():
        worker.kill()
    else:
        _cluster_workers[key] = worker
    return result


def dask_map(fn: Callable, args: Iterable, workers: int, limits: Limits,
             scheduler: Optional[str] = None) -> Iterator[tuple[Any, Any]]:
    """(arg, result) over a Dask cluster: the scheduler at ``scheduler``, else a local cluster of ``workers``."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise RuntimeError(CLUSTER_HINT) from None
    cluster = None if scheduler else LocalCluster(n_workers=max(1, workers), threads_per_worker=1,
                                                  processes=True, dashboard_address=None)
    try:
        with Client(scheduler or cluster) as client:
            args = list(args)
            futures = client.map(run_limited, args, fn=fn, limits=limits, pure=False)
            which = {future.key: arg for future, arg in zip(futures, args)}
            for future in as_completed(futures):
                try:
                    yield which[future.key], future.result()
                except Exception as exc:     # a Dask worker lost with the task (KilledWorker, ...)
                    yield which[future.key], Failure(f"cluster task failed: {type(exc).__name__}: {exc}")
                future.release()
    finally:
        if cluster is not None:
            cluster.close()

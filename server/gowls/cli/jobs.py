"""``--check --jobs N``: check the files of a large run in forked worker processes.

The files are cut into contiguous runs of the sorted list, at directory boundaries as high in
the tree as the sizes allow (a chart, a module or a repository stays together, so the indexes a
run builds once serve all its files). Each worker checks whole runs in one snapshot of its own
and sends back their findings and the line index of every file they name; the parent joins the
runs in file order, so the report is the one a single process writes. Workers are forked after
the scan: they start with its parsed documents and pay no import or start-up.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

from gowls.analysis.findings import Finding
from gowls.analysis.snapshot import Snapshot
from gowls.analysis.workspace import Workspace
from gowls.syntax.positions import LineIndex

MIN_FILES_PER_JOB = 100
"""A run of fewer files per worker ends before forked workers would pay off."""
RUNS_PER_JOB = 8
"""Runs per worker: enough that a slow run does not leave the other workers idle at the end,
and that the progress bar moves."""
FORKS = sys.platform != "darwin" and "fork" in multiprocessing.get_all_start_methods()
"""Whether workers can be forked: not on Windows, nor on macOS, where a forked process may
crash in system libraries (Python's own default there is to spawn)."""
FILE_WEIGHT = 8192
"""What a file costs beyond its bytes (reading, parsing, the rules), in bytes: in
../shared/corpus a file costs ~3 ms and a KiB from 0.03 ms (CRDs) to 1.7 ms."""


def default_jobs() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not Linux
        return os.cpu_count() or 1


def effective_jobs(jobs: int, files: int) -> int:
    """How many processes check ``files`` files when ``jobs`` were asked for (1: this one)."""
    if not FORKS:
        return 1
    return max(1, min(jobs, files // MIN_FILES_PER_JOB))


def split_runs(files: Sequence[Path], jobs: int, weight: Callable[[Path], int]) -> list[list[Path]]:
    """``files`` cut into contiguous runs for ``jobs`` workers, about ``RUNS_PER_JOB`` each.

    A directory weighing less than half a worker's share stays in one run: what its files
    share (a chart's values and schema, a workspace's modules) is then built by one worker.
    Heavier ones are cut between their entries, recursively. These units are packed in
    order, a run closing once it reaches its target weight. The runs joined are ``files``.
    """
    weights = {path: weight(path) for path in files}
    share = sum(weights.values()) / max(1, jobs)
    whole, target = share / 2, share / RUNS_PER_JOB
    units: list[tuple[list[Path], int]] = []
    pending: list[tuple[list[Path], int]] = [(list(files), 0)]
    while pending:  # depth-first, in order (a stack of groups, the next one on top)
        group, depth = pending.pop()
        total = sum(weights[p] for p in group)
        if len(group) == 1 or total <= whole:
            units.append((group, total))
            continue
        subgroups = [list(g) for _, g in groupby(group, key=lambda p: p.parts[: depth + 1])]
        pending.extend((sub, depth + 1) for sub in reversed(subgroups))
    runs: list[list[Path]] = []
    current: list[Path] = []
    filled = 0
    for group, total in units:
        if current and filled + total > target:
            runs.append(current)
            current, filled = [], 0
        current.extend(group)
        filled += total
    if current:
        runs.append(current)
    return runs


def file_weight(path: Path) -> int:
    """The cost of checking ``path``, roughly: its size plus a fixed part."""
    try:
        return os.stat(path).st_size + FILE_WEIGHT
    except OSError:
        return FILE_WEIGHT


def line_index(snapshot: Snapshot, path: Path) -> LineIndex:
    """The line index the report places ``path``'s findings with."""
    doc = snapshot.document(path)
    if doc is not None:
        return doc.index
    return LineIndex(snapshot.source.read_bytes(path) or b"")


def named_paths(findings: Sequence[Finding]) -> set[Path]:
    """Every file a report of ``findings`` places a range in."""
    paths: set[Path] = set()
    for finding in findings:
        paths.add(finding.path)
        paths.update(r.path for r in finding.related)
        paths.update(e.path for fix in finding.fixes for e in fix.edits)
    return paths


@dataclass(frozen=True, slots=True)
class RunResult:
    """What a worker sends back for one run: its findings and the line index of each file
    they name, or the exception that stopped it."""

    findings: list[Finding]
    indexes: dict[Path, LineIndex]
    error: BaseException | None = None


# Set in the parent before forking; a worker reads them (fork shares them, nothing is sent).
_workspace: Workspace | None = None
_runs: list[list[Path]] = []
_snapshot: Snapshot | None = None


def _check_run(number: int) -> tuple[int, RunResult]:
    """In a worker: check run ``number`` (in the worker's one snapshot, as a single process
    checks every file in one)."""
    global _snapshot
    assert _workspace is not None
    try:
        if _snapshot is None:
            _snapshot = _workspace.snapshot()
        results = _workspace.compute(_snapshot, _runs[number])
        assert results is not None  # never cancelled
        findings = [f for r in results for f in r.findings]
        indexes = {p: line_index(_snapshot, p) for p in named_paths(findings)}
        return number, RunResult(findings, indexes)
    except Exception as exc:  # raised in the parent, where a single process would raise it
        try:
            pickle.dumps(exc)
        except Exception:
            exc = RuntimeError(f"{type(exc).__name__}: {exc}")
        return number, RunResult([], {}, exc)


def check_parallel(
    workspace: Workspace,
    files: Sequence[Path],
    jobs: int,
    advance: Callable[[int], None],
) -> tuple[list[Finding], dict[Path, LineIndex]]:
    """Findings of ``files`` checked by ``jobs`` forked workers, in file order, and the line
    index of every file they name; ``advance(n)`` counts files as runs finish. The first
    exception in file order is raised, as a single process would raise it."""
    global _workspace, _runs, _snapshot
    weights = {path: file_weight(path) for path in files}
    runs = split_runs(files, jobs, weights.__getitem__)
    # The heaviest runs first, so that no worker starts a long one when the others are done.
    order = sorted(range(len(runs)), key=lambda n: -sum(map(weights.__getitem__, runs[n])))
    results: list[RunResult | None] = [None] * len(runs)
    for stream in (sys.stdout, sys.stderr):
        stream.flush()  # a worker flushes what it inherited when it exits
    _workspace, _runs, _snapshot = workspace, runs, None
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            for number, result in pool.imap_unordered(_check_run, order):
                results[number] = result
                advance(len(runs[number]))
    finally:
        _workspace, _runs = None, []
    findings: list[Finding] = []
    indexes: dict[Path, LineIndex] = {}
    for done in results:
        assert done is not None
        if done.error is not None:
            raise done.error
        findings.extend(done.findings)
        indexes.update(done.indexes)
    return findings, indexes

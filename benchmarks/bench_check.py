"""How ``gowls --check`` grows with the repository (not part of the test run).

Usage: python benchmarks/bench_check.py [--large] [--corpus] [--repeat N] [--write-docs]

Generates synthetic monorepos of 10, 100 and 1,000 modules (``--large`` adds 5,000) with
benchmarks/generate.py, runs ``python -m gowls --check`` on each as a subprocess and reports
the best wall time of ``--repeat`` runs with that run's CPU time and peak RSS (from
``os.wait4``, so each figure is that one process's), then the cost per module. ``--corpus``
adds ../shared/corpus. ``--write-docs`` rewrites the ``check`` section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import itertools
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import generate
import report

CORPUS = report.CORPUS
SIZES = (10, 100, 1000)
LARGE = 5000
COMMAND = "python benchmarks/bench_check.py --large --corpus --write-docs"


@dataclass(frozen=True, slots=True)
class Run:
    """One ``gowls --check`` process: wall and CPU seconds, peak RSS in MiB, exit code, and
    the number of files it checked (from its summary line)."""

    wall: float
    cpu: float
    rss_mib: float
    code: int
    files: int = 0


SUMMARY = re.compile(r" in ([\d,]+) files?\.")


@dataclass(frozen=True, slots=True)
class Row:
    """The best run for one target."""

    label: str
    modules: int | None
    files: int
    run: Run


def run_check(target: Path, server: Path | None = None) -> Run:
    """One ``gowls --check`` of ``target`` (text output, read for its file count); ``server``:
    another checkout's ``server`` directory to measure instead of the installed gowls."""
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    if server is not None:
        env["PYTHONPATH"] = str(server)
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "gowls", "--check", "."],
        cwd=target,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert proc.stdout is not None
    output = proc.stdout.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    found = SUMMARY.findall(output)
    files = int(found[-1].replace(",", "")) if found else 0
    return Run(wall, cpu, usage.ru_maxrss / 1024, proc.returncode, files)


def best_of(target: Path, repeat: int, server: Path | None = None) -> Run:
    """The run with the least wall time of ``repeat``."""
    return min((run_check(target, server) for _ in range(repeat)), key=lambda r: r.wall)


def measure(sizes: list[int], corpus: bool, repeat: int, server: Path | None) -> list[Row]:
    """Generate and check each size (and the corpus), printing progress to stderr."""
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="gowls-bench-") as tmp:
        for size in sizes:
            root = generate.generate(Path(tmp) / f"mono{size}", size, extras=True)
            times = repeat if size <= 1000 else 1
            run = best_of(root, times, server)
            print(f"{size} modules: {run.wall:.2f} s", file=sys.stderr)
            rows.append(Row(f"synthetic, {size:,} modules", size, run.files, run))
    if corpus and CORPUS.is_dir():
        run = best_of(CORPUS, repeat, server)
        rows.append(Row("../shared/corpus", None, run.files, run))
    return rows


def table(rows: list[Row]) -> str:
    """The Markdown table of the runs."""
    lines = [
        "| target | files | wall s | CPU s | peak RSS MiB | CPU ms per file | exit |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        run = row.run
        per = 1000 * run.cpu / row.files if row.files else 0.0
        lines.append(
            f"| {row.label} | {row.files:,} | {run.wall:.2f} | {run.cpu:.2f} | "
            f"{run.rss_mib:.0f} | {per:.2f} | {run.code} |"
        )
    return "\n".join(lines)


def growth(rows: list[Row]) -> str:
    """Marginal CPU per module between consecutive sizes (flat means linear growth)."""
    sized = [r for r in rows if r.modules is not None]
    lines = [
        "| from → to modules | marginal CPU ms per module | marginal RSS KiB per module |",
        "|---|---:|---:|",
    ]
    for small, big in itertools.pairwise(sized):
        assert small.modules is not None and big.modules is not None
        extra = big.modules - small.modules
        cpu = 1000 * (big.run.cpu - small.run.cpu) / extra
        rss = 1024 * (big.run.rss_mib - small.run.rss_mib) / extra
        lines.append(f"| {small.modules:,} → {big.modules:,} | {cpu:.2f} | {rss:.1f} |")
    return "\n".join(lines)


def section(rows: list[Row], machine: report.Machine, repeat: int) -> str:
    """The ``check`` section of docs/benchmarks.md."""
    return f"""## `gowls --check` and repository size

Command: `{COMMAND}` (or `python benchmarks/run_all.py`; `benchmarks/generate.py DIR --modules N`
writes one of the repositories alone). Each synthetic repository is a go.work using N modules
in groups of 50, each go.mod requiring two siblings and a third-party module, every seventh
with a local replace, plus a GoReleaser config and a Helm chart; files are those `--check`
reports it checked (every kind). Best wall time of {repeat} runs (one run at
5,000 modules), with that process's CPU time and peak RSS.

{machine.markdown()}

{table(rows)}

Growth (flat marginal cost = linear):

{growth(rows)}
"""


def main() -> None:
    """Measure, print the tables, and optionally write them into docs/benchmarks.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", action="store_true", help=f"add {LARGE:,} modules")
    parser.add_argument("--corpus", action="store_true", help="add ../shared/corpus")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--write-docs", action="store_true")
    parser.add_argument(
        "--server", type=Path, help="measure another checkout's server/ directory (PYTHONPATH)"
    )
    args = parser.parse_args()
    machine = report.machine()
    sizes = [*SIZES, *([LARGE] if args.large else [])]
    rows = measure(sizes, args.corpus, args.repeat, args.server)
    text = section(rows, machine, args.repeat)
    print(text)
    if args.write_docs:
        report.write_section("check", text)


if __name__ == "__main__":
    main()

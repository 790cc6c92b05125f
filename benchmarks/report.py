"""Shared by the benchmark scripts: the machine's description and docs/benchmarks.md sections.

Each script owns one section of docs/benchmarks.md, between ``<!-- NAME:begin -->`` and
``<!-- NAME:end -->`` markers, and rewrites only that section, so the scripts can be re-run
one at a time.
"""

from __future__ import annotations

import os
import platform
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "benchmarks.md"
PLOTS = ROOT / "docs" / "benchmarks"
"""Where the plots go (PNG files referenced from docs/benchmarks.md)."""


def _shared() -> Path:
    """../shared beside the repository (or beside its worktrees' folder)."""
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared").is_dir():
            return base / "shared"
    return ROOT.parent / "shared"


SHARED = _shared()
CORPUS = SHARED / "corpus"


def percentile(values: list[float], fraction: float) -> float:
    """The ``fraction`` quantile (nearest rank) of ``values``."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[rank]


@dataclass(frozen=True, slots=True)
class Machine:
    """Where and when a benchmark ran."""

    cpus: int
    cpu_model: str
    load: tuple[float, float, float]
    python: str
    gowls: str
    commit: str
    when: str

    def markdown(self) -> str:
        """One line describing the machine, for a section of the report."""
        load = ", ".join(f"{x:.2f}" for x in self.load)
        return (
            f"Machine: {self.cpus} CPUs ({self.cpu_model}), load average {load} at the start; "
            f"Python {self.python}; gowls {self.gowls} at {self.commit}; {self.when}."
        )


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _git(*args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=False
    )
    return done.stdout.strip()


def _commit() -> str:
    """The commit measured; ``-dirty`` when the server's code differs from it."""
    commit = _git("rev-parse", "--short", "HEAD") or "unknown"
    return commit + ("-dirty" if _git("status", "--porcelain", "--", "server") else "")


def _gowls_version() -> str:
    done = subprocess.run(
        [sys.executable, "-m", "gowls", "--version"], capture_output=True, text=True, check=False
    )
    return done.stdout.strip().removeprefix("gowls ") or "unknown"


def machine() -> Machine:
    """The machine now (call before measuring: the load average is part of the record)."""
    load = os.getloadavg()
    return Machine(
        cpus=os.cpu_count() or 1,
        cpu_model=_cpu_model(),
        load=(load[0], load[1], load[2]),
        python=platform.python_version(),
        gowls=_gowls_version(),
        commit=_commit(),
        when=time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    )


def write_section(name: str, body: str, doc: Path = DOC) -> None:
    """Replace the section ``name`` of ``doc`` with ``body`` (appended if it is not there)."""
    begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
    block = f"{begin}\n{body.rstrip()}\n{end}"
    text = doc.read_text(encoding="utf-8") if doc.exists() else "# Benchmarks\n"
    pattern = re.compile(re.escape(begin) + r".*?" + re.escape(end), re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _: block, text)
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    doc.write_text(text, encoding="utf-8")

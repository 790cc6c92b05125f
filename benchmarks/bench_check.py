"""Time and memory of ``gowls --check`` over ../shared/corpus (not part of the test run).

Usage: python benchmarks/bench_check.py [PATH ...]
(default: ../shared/corpus/gowork, then all of ../shared/corpus)
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def measure(path: Path, repeat: int = 3) -> tuple[float, int]:
    """Best wall time over ``repeat`` runs, and the children's peak RSS in KiB."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "gowls", "--check", "--output-format", "json", str(path)],
            capture_output=True,
            check=False,
        )
        best = min(best, time.perf_counter() - start)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return best, peak


def main() -> None:
    """Print one line per measured path."""
    targets = [Path(p) for p in sys.argv[1:]] or [CORPUS / "gowork", CORPUS]
    for target in targets:
        seconds, peak_kib = measure(target)
        print(f"{target}: best of 3 {seconds:.2f} s, peak RSS {peak_kib / 1024:.0f} MiB")


if __name__ == "__main__":
    main()

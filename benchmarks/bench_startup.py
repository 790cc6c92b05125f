"""Start-up of the language server: spawn → ``initialize`` result → first diagnostics.

Usage: python benchmarks/bench_startup.py [--runs N] [--baseline DIR] [--write-docs]

Each run spawns ``python -m gowls`` (stdio), sends ``initialize`` as an editor does and times
the answer; then ``initialized`` and ``didOpen`` of a go.mod with one error in an otherwise
empty folder, and times its ``publishDiagnostics``. ``--baseline DIR`` also measures another
checkout's ``server`` directory, runs interleaved (for before/after figures).
``--write-docs`` rewrites the ``startup`` section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import report
from lspclient import Client, is_publish

COMMAND = "python benchmarks/bench_startup.py --write-docs"
GOMOD = "module example.com/m\n\ngo 1.22\n\nrequire example.com/x 1.2.3\n"
"""A go.mod with one finding (GM001: the version is not canonical)."""


@dataclass(frozen=True, slots=True)
class Startup:
    """Seconds from spawn to the ``initialize`` result and to the first diagnostics."""

    initialize: float
    diagnostics: float
    cpu: float
    """CPU seconds the server had used when its ``initialize`` result arrived."""


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a live process (Linux ``/proc``; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def one_run(root: Path, server: Path | None) -> Startup:
    """Spawn a server, initialize, open a go.mod, wait for its diagnostics, shut down."""
    start = time.perf_counter()
    client = Client(server, cwd=root)
    try:
        client.initialize(root)
        initialized = time.perf_counter() - start
        cpu = cpu_seconds(client.proc.pid)
        client.notify("initialized", {})
        uri = (root / "go.mod").as_uri()
        client.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "go.mod", "version": 1, "text": GOMOD}},
        )
        client.wait(is_publish(uri, 1))
        diagnosed = time.perf_counter() - start
    finally:
        client.close()
    return Startup(initialized, diagnosed, cpu)


def percentile(values: list[float], fraction: float) -> float:
    """The ``fraction`` quantile (nearest rank) of ``values``."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[rank]


def measure(runs: int, servers: list[Path | None]) -> list[list[Startup]]:
    """``runs`` start-ups of each server in a folder holding one go.mod, interleaved so that
    the machine's load falls on every server alike."""
    with tempfile.TemporaryDirectory(prefix="gowls-startup-") as tmp:
        root = Path(tmp)
        (root / "go.mod").write_text(GOMOD, encoding="utf-8")
        for server in servers:
            one_run(root, server)  # warm the file-system cache and the .pyc files
        out: list[list[Startup]] = [[] for _ in servers]
        for _ in range(runs):
            for slot, server in zip(out, servers, strict=True):
                slot.append(one_run(root, server))
        return out


def table(label: str, runs: list[Startup]) -> str:
    """One Markdown row per measured stage."""
    lines = []
    for stage, values in (
        ("spawn → initialize result", [r.initialize for r in runs]),
        ("server CPU until initialize result", [r.cpu for r in runs]),
        ("spawn → first diagnostics", [r.diagnostics for r in runs]),
    ):
        ms = [1000 * v for v in values]
        lines.append(
            f"| {label} | {stage} | {statistics.median(ms):.0f} | {min(ms):.0f} | "
            f"{percentile(ms, 0.9):.0f} |"
        )
    return "\n".join(lines)


def main() -> None:
    """Measure and print (and optionally write) the start-up table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument(
        "--baseline",
        metavar="[LABEL=]DIR",
        help="also measure another checkout's server/ directory",
    )
    parser.add_argument("--write-docs", action="store_true")
    args = parser.parse_args()
    machine = report.machine()
    servers: list[Path | None] = [None]
    labels = [f"this commit ({machine.commit})"]
    if args.baseline is not None:
        label, _, where = args.baseline.rpartition("=")
        servers.append(Path(where))
        labels.append(label or f"baseline ({where})")
    results = measure(args.runs, servers)
    rows = "\n".join(table(label, runs) for label, runs in zip(labels, results, strict=True))
    header = "| server | stage | median ms | min ms | p90 ms |\n|---|---|---:|---:|---:|"
    print(header + "\n" + rows)
    if args.write_docs:
        report.write_section(
            "startup",
            f"""## Start-up

Command: `{COMMAND}`. {args.runs} runs after one warm-up: spawn `python -m gowls`, send
`initialize` over stdio, then `initialized` and `didOpen` of a go.mod with one error.

{machine.markdown()}

{header}
{rows}
""",
        )


if __name__ == "__main__":
    main()

"""Start-up of the language server: spawn → ``initialize`` result → first diagnostics.

Usage: python benchmarks/bench_startup.py [--runs N] [--workspace-runs N] [--modules N]
                                          [--baseline DIR] [--write-docs]

Each run spawns ``python -m gowls`` (stdio), sends ``initialize`` as an editor does and times
the answer; then ``initialized`` and ``didOpen`` of a go.mod with one error in an otherwise
empty folder, and times its ``publishDiagnostics``. Then, in a synthetic workspace of
``--modules`` modules (1,000) with a GoReleaser config and a chart: spawn, ``initialize`` with
that root, ``initialized``, and at once ``didOpen`` of a go.mod inside it: the time from
``didOpen`` to its first diagnostics, and the server's resident memory (RSS) once the workspace
is analysed (``gowls.awaitAnalysis``). ``--baseline DIR`` also measures another checkout's
``server`` directory, runs interleaved (for before/after figures).
``--write-docs`` rewrites the ``startup`` section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import generate
import report
from lspclient import Client, cpu_seconds, is_publish, rss_mib

COMMAND = "python benchmarks/bench_startup.py --write-docs"
GOMOD = "module example.com/m\n\ngo 1.22\n\nrequire example.com/x 1.2.3\n"
"""A go.mod with one finding (GM001: the version is not canonical)."""
WARM_PYC = {"PYTHONDONTWRITEBYTECODE": ""}
"""The servers write and read their .pyc files (as an installed server does) even where the
environment sets PYTHONDONTWRITEBYTECODE: otherwise every spawn compiles gowls' sources
(~50-100 ms of CPU more, and more for a server that imports more of them)."""


@dataclass(frozen=True, slots=True)
class Startup:
    """Seconds from spawn to the ``initialize`` result and to the first diagnostics."""

    initialize: float
    diagnostics: float
    cpu: float
    """CPU seconds the server had used when its ``initialize`` result arrived."""
    cpu_diagnostics: float
    """CPU seconds the server had used when the first diagnostics arrived."""


def one_run(root: Path, server: Path | None) -> Startup:
    """Spawn a server, initialize, open a go.mod, wait for its diagnostics, shut down."""
    start = time.perf_counter()
    client = Client(server, cwd=root, env=WARM_PYC)
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
        cpu_diagnostics = cpu_seconds(client.proc.pid)
    finally:
        client.close()
    return Startup(initialized, diagnosed, cpu, cpu_diagnostics)


@dataclass(frozen=True, slots=True)
class WorkspaceStartup:
    """In a large workspace: seconds from ``didOpen`` to the opened file's first diagnostics,
    from spawn to them, and the server's RSS (MiB) once the workspace is analysed."""

    open_to_diagnostics: float
    spawn_to_diagnostics: float
    rss_mib: float


def workspace_run(root: Path, server: Path | None) -> WorkspaceStartup:
    """Spawn a server on ``root``, open a go.mod inside at once, time its first diagnostics,
    wait for the whole workspace, read the RSS, shut down."""
    start = time.perf_counter()
    client = Client(server, cwd=root, env=WARM_PYC)
    try:
        client.initialize(root)
        client.notify("initialized", {})
        path = root / generate.Module(2).rel_dir / "go.mod"
        opened = time.perf_counter()
        uri = client.open(path, path.read_text(encoding="utf-8"), "go.mod")
        client.wait(is_publish(uri, 1))
        done = time.perf_counter()
        client.call("workspace/executeCommand", {"command": "gowls.awaitAnalysis", "arguments": []})
        rss = rss_mib(client.proc.pid)
    finally:
        client.close()
    return WorkspaceStartup(done - opened, done - start, rss)


def measure_workspace(
    runs: int, modules: int, servers: list[Path | None]
) -> list[list[WorkspaceStartup]]:
    """``runs`` workspace start-ups of each server, interleaved."""
    with tempfile.TemporaryDirectory(prefix="gowls-startup-ws-") as tmp:
        root = generate.generate(Path(tmp) / "mono", modules, extras=True)
        out: list[list[WorkspaceStartup]] = [[] for _ in servers]
        for _ in range(runs):
            for slot, server in zip(out, servers, strict=True):
                slot.append(workspace_run(root, server))
        return out


def workspace_table(label: str, runs: list[WorkspaceStartup], modules: int) -> str:
    """Markdown rows of the workspace start-up."""
    lines = []
    for stage, values in (
        (
            f"didOpen → first diagnostics, {modules:,}-module workspace (ms)",
            [1000 * r.open_to_diagnostics for r in runs],
        ),
        (
            f"spawn → first diagnostics, {modules:,}-module workspace (ms)",
            [1000 * r.spawn_to_diagnostics for r in runs],
        ),
        (f"RSS once the {modules:,}-module workspace is analysed (MiB)", [r.rss_mib for r in runs]),
    ):
        lines.append(
            f"| {label} | {stage} | {statistics.median(values):.0f} | {min(values):.0f} | "
            f"{report.percentile(values, 0.9):.0f} |"
        )
    return "\n".join(lines)


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
        ("server CPU until first diagnostics", [r.cpu_diagnostics for r in runs]),
    ):
        ms = [1000 * v for v in values]
        lines.append(
            f"| {label} | {stage} | {statistics.median(ms):.0f} | {min(ms):.0f} | "
            f"{report.percentile(ms, 0.9):.0f} |"
        )
    return "\n".join(lines)


HEADER = "| server | stage | median | min | p90 |\n|---|---|---:|---:|---:|"


@dataclass(frozen=True, slots=True)
class Measured:
    """Every start-up figure of one run of this script."""

    labels: list[str]
    small: list[list[Startup]]
    workspace: list[list[WorkspaceStartup]]
    runs: int
    workspace_runs: int
    modules: int

    def rows(self) -> str:
        """The Markdown rows, server by server."""
        out = []
        for index, label in enumerate(self.labels):
            out.append(table(label, self.small[index]))
            if self.workspace:
                out.append(workspace_table(label, self.workspace[index], self.modules))
        return "\n".join(out)

    def section(self, machine: report.Machine) -> str:
        """The ``startup`` section of docs/benchmarks.md."""
        return f"""## Start-up

Command: `{COMMAND}` (or `python benchmarks/run_all.py`). {self.runs} runs after one warm-up:
spawn `python -m gowls`, send `initialize` over stdio, then `initialized` and `didOpen` of a
go.mod with one error in an empty folder. Then {self.workspace_runs} runs in a synthetic
workspace of {self.modules:,} modules (with a GoReleaser config and a chart): `initialize` with
that root, `initialized` and at once `didOpen` of a go.mod inside it, timed to its first
`publishDiagnostics`; the resident memory (VmRSS) is read once `gowls.awaitAnalysis` says the
whole workspace is analysed. Times in ms, memory in MiB.

{machine.markdown()}

{HEADER}
{self.rows()}
"""


def run(
    runs: int, workspace_runs: int, modules: int, servers: list[tuple[str, Path | None]]
) -> Measured:
    """Measure the lone-file and the workspace start-ups of every server."""
    paths = [server for _, server in servers]
    small = measure(runs, paths)
    workspace = measure_workspace(workspace_runs, modules, paths) if workspace_runs else []
    return Measured(
        [label for label, _ in servers], small, workspace, runs, workspace_runs, modules
    )


def main() -> None:
    """Measure and print (and optionally write) the start-up table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--workspace-runs", type=int, default=5)
    parser.add_argument("--modules", type=int, default=1000)
    parser.add_argument(
        "--baseline",
        metavar="[LABEL=]DIR",
        help="also measure another checkout's server/ directory",
    )
    parser.add_argument("--write-docs", action="store_true")
    args = parser.parse_args()
    machine = report.machine()
    servers: list[tuple[str, Path | None]] = [(f"this commit ({machine.commit})", None)]
    if args.baseline is not None:
        label, _, where = args.baseline.rpartition("=")
        servers.append((label or f"baseline ({where})", Path(where)))
    measured = run(args.runs, args.workspace_runs, args.modules, servers)
    print(HEADER + "\n" + measured.rows())
    if args.write_docs:
        report.write_section("startup", measured.section(machine))


if __name__ == "__main__":
    main()

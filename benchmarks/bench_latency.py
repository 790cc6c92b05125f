"""Keystroke latency of the language server: ``didChange`` → ``publishDiagnostics``.

Usage: python benchmarks/bench_latency.py [--edits N] [--max-seconds S] [--only NAME ...]
                                          [--baseline DIR] [--write-docs]

The real server over stdio, driven like an editor with push diagnostics. For each scenario a
document is opened, then edited ``--edits`` times; every edit replaces one line so that the
diagnostics change (a requirement's version alternates between valid and invalid; a ``use``
alternates between an existing and a missing directory). The latency of an edit is the time
from sending ``didChange`` to receiving ``publishDiagnostics`` for that document version; after
each, ``gowls.awaitAnalysis`` (not timed) lets the pass finish, so edits do not overlap.
A scenario stops early after ``--max-seconds`` (the count is reported). ``--baseline DIR``
runs every scenario against another checkout's ``server`` directory too, the two servers
taking turns edit by edit so that the machine's load falls on both alike.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import generate
import report
from lspclient import Client, is_publish

COMMAND = "python benchmarks/bench_latency.py --write-docs"


@dataclass(frozen=True, slots=True)
class Scenario:
    """A workspace to write, the document to edit, and the two texts its edited line takes."""

    name: str
    write: Callable[[Path], Path]
    """Writes the workspace into a folder; returns the document to edit."""
    line: int
    good: str
    bad: str


def _gomod(requires: int) -> str:
    lines = "".join(f"\texample.com/dep{i:05d} v1.{i % 10}.0\n" for i in range(requires))
    return f"module example.com/m\n\ngo 1.22\n\nrequire (\n{lines})\n"


def gomod_scenario(requires: int) -> Scenario:
    """A standalone go.mod with ``requires`` requirements; the last one's version toggles."""

    def write(root: Path) -> Path:
        path = root / "go.mod"
        path.write_text(_gomod(requires), encoding="utf-8")
        return path

    last = requires - 1
    return Scenario(
        f"go.mod, {requires:,} requires",
        write,
        5 + last,
        f"\texample.com/dep{last:05d} v1.{last % 10}.0",
        f"\texample.com/dep{last:05d} 1.{last % 10}.0",
    )


def gowork_scenario(modules: int) -> Scenario:
    """A go.work using ``modules`` modules; its first ``use`` toggles to a missing directory."""

    def write(root: Path) -> Path:
        generate.generate(root / "mono", modules)
        return root / "mono" / "go.work"

    first = generate.Module(0).rel_dir
    return Scenario(
        f"go.work using {modules:,} modules", write, 3, f"\t./{first}", f"\t./{first}-missing"
    )


def member_scenario(modules: int) -> Scenario:
    """A go.mod inside a workspace of ``modules`` modules; a requirement's version toggles."""

    def write(root: Path) -> Path:
        generate.generate(root / "mono", modules)
        return root / "mono" / generate.Module(2).rel_dir / "go.mod"

    return Scenario(
        f"go.mod in a {modules:,}-module workspace",
        write,
        5,
        "\texample.com/mono/m0001 v1.1.0",
        "\texample.com/mono/m0001 1.1.0",
    )


SCENARIOS: tuple[Scenario, ...] = (
    gomod_scenario(50),
    gomod_scenario(400),
    gomod_scenario(2000),
    gowork_scenario(100),
    gowork_scenario(1000),
    member_scenario(1000),
)


@dataclass(frozen=True, slots=True)
class Result:
    """Latencies of one scenario on one server, in milliseconds."""

    scenario: str
    server: str
    latencies: list[float]
    cpu: float
    """The server's CPU milliseconds per edit (the analysis and everything else it did)."""

    def row(self) -> str:
        """A Markdown table row."""
        ms = self.latencies
        return (
            f"| {self.scenario} | {self.server} | {len(ms)} | {statistics.median(ms):.1f} | "
            f"{percentile(ms, 0.99):.1f} | {max(ms):.1f} | {self.cpu:.1f} |"
        )


def percentile(values: list[float], fraction: float) -> float:
    """The ``fraction`` quantile (nearest rank) of ``values``."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[rank]


class Session:
    """One server with the scenario's document open, ready to be edited."""

    def __init__(self, scenario: Scenario, server: Path | None, root: Path, path: Path) -> None:
        self.scenario = scenario
        self.uri = path.as_uri()
        text = path.read_text(encoding="utf-8")
        self.current = text.split("\n")[scenario.line]
        assert self.current == scenario.good, (self.current, scenario.good)
        self.client = Client(server, cwd=root)
        self.client.initialize(root)
        self.client.notify("initialized", {})
        self.client.notify(
            "textDocument/didOpen",
            {
                "textDocument": {
                    "uri": self.uri,
                    "languageId": path.name,
                    "version": 1,
                    "text": text,
                }
            },
        )
        self.client.wait(is_publish(self.uri, 1))
        settle(self.client)
        self.latencies: list[float] = []
        self.cpu_start = cpu_seconds(self.client.proc.pid)

    def edit(self, version: int) -> None:
        """Replace the line, time the publish of ``version``, then let the pass finish."""
        new = self.scenario.bad if version % 2 == 0 else self.scenario.good
        change = {
            "range": {
                "start": {"line": self.scenario.line, "character": 0},
                "end": {"line": self.scenario.line, "character": len(self.current)},
            },
            "text": new,
        }
        begin = time.perf_counter()
        self.client.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": self.uri, "version": version}, "contentChanges": [change]},
        )
        self.client.wait(is_publish(self.uri, version))
        self.latencies.append(1000 * (time.perf_counter() - begin))
        self.current = new
        settle(self.client)

    def cpu_per_edit(self) -> float:
        """The server's CPU milliseconds per edit so far."""
        used = cpu_seconds(self.client.proc.pid) - self.cpu_start
        return 1000 * used / max(1, len(self.latencies))


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a live process (Linux ``/proc``; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_scenario(
    scenario: Scenario, servers: list[Path | None], edits: int, max_seconds: float
) -> list[tuple[list[float], float]]:
    """Edit the document ``edits`` times in each server, the servers taking turns edit by edit
    (so the machine's load falls on all alike); latencies in ms and CPU ms per edit."""
    with tempfile.TemporaryDirectory(prefix="gowls-latency-") as tmp:
        root = Path(tmp)
        path = scenario.write(root)
        sessions: list[Session] = []
        try:
            for server in servers:
                sessions.append(Session(scenario, server, root, path))
            started = time.perf_counter()
            for version in range(2, edits + 2):
                for session in sessions:
                    session.edit(version)
                if time.perf_counter() - started > max_seconds * len(servers):
                    break
            return [(s.latencies, s.cpu_per_edit()) for s in sessions]
        finally:
            for session in sessions:
                session.client.close()


def settle(client: Client) -> None:
    """Wait until the server has analysed and delivered everything (``gowls.awaitAnalysis``)."""
    client.call("workspace/executeCommand", {"command": "gowls.awaitAnalysis", "arguments": []})


def main() -> None:
    """Run the scenarios, print the table, optionally write it into docs/benchmarks.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--max-seconds", type=float, default=120.0)
    parser.add_argument("--only", nargs="*", help="scenario names containing these words")
    parser.add_argument(
        "--baseline",
        action="append",
        metavar="[LABEL=]DIR",
        help="also measure another checkout's server/ directory (repeatable)",
    )
    parser.add_argument("--write-docs", action="store_true")
    args = parser.parse_args()
    machine = report.machine()
    servers: list[tuple[str, Path | None]] = [(machine.commit, None)]
    for spec in args.baseline or ():
        label, _, where = spec.rpartition("=")
        servers.append((label or f"baseline {where}", Path(where)))
    chosen = [s for s in SCENARIOS if not args.only or any(word in s.name for word in args.only)]
    header = (
        "| scenario | server | edits | median ms | p99 ms | max ms | server CPU ms per edit |\n"
        "|---|---|---:|---:|---:|---:|---:|"
    )
    rows: list[str] = []
    for scenario in chosen:
        measured = run_scenario(scenario, [s for _, s in servers], args.edits, args.max_seconds)
        for (label, _), (latencies, cpu) in zip(servers, measured, strict=True):
            result = Result(scenario.name, label, latencies, cpu)
            rows.append(result.row())
            print(result.row(), file=sys.stderr)
    table = header + "\n" + "\n".join(rows)
    print(table)
    if args.write_docs:
        report.write_section(
            "latency",
            f"""## didChange → publishDiagnostics

Command: `{COMMAND}`. The real server over stdio with push diagnostics; each edit replaces
one line so that the diagnostics change (a requirement's version alternates between valid and
invalid; a `use` between an existing and a missing directory); latency is from sending
`didChange` to the `publishDiagnostics` of that document version, then `gowls.awaitAnalysis`
(untimed) lets the pass finish before the next edit. Up to {args.edits} edits per scenario,
fewer when a scenario exceeds {args.max_seconds:.0f} s.

{machine.markdown()}

{table}
""",
        )


if __name__ == "__main__":
    main()

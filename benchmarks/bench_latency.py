"""Keystroke latency of the language server: ``didChange`` → ``publishDiagnostics``.

Usage: python benchmarks/bench_latency.py [--edits N] [--max-seconds S] [--only WORD ...]
                                          [--baseline [LABEL=]DIR] [--write-docs]
                                          [--mode replace|lines]

The real server over stdio, driven like an editor with push diagnostics. For each scenario
(benchmarks/scenarios.py: go.mod, go.work, GoReleaser, values.yaml and Helm templates, from
../shared/corpus up to synthetic 5,000-line files and 1,000-module workspaces) a document is
opened, then edited ``--edits`` times; every edit replaces one appended line so that the
diagnostics change (the table counts edits whose diagnostics did not). The latency of an edit
is the time from sending ``didChange`` to receiving ``publishDiagnostics`` for that document
version; after each, ``gowls.awaitAnalysis`` (not timed) lets the pass finish, so edits do not
overlap. A scenario stops early after ``--max-seconds`` (the count is reported).
``--baseline DIR`` runs every scenario against another checkout's ``server`` directory too, the
servers taking turns edit by edit so that the machine's load falls on all alike.
``--mode lines`` makes the edits move lines instead: the line with a finding is inserted in the
middle of the document (Enter and a pasted line), then deleted again.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import report
import scenarios
from lspclient import Client, cpu_seconds, is_publish
from scenarios import Scenario

COMMAND = "python benchmarks/bench_latency.py --write-docs"
TIMEOUT = 120.0
"""Seconds one publish may take before the server is killed and the scenario skipped."""


@dataclass(frozen=True, slots=True)
class Result:
    """Latencies of one scenario on one server, in milliseconds."""

    scenario: str
    kind: str
    lines: int
    modules: int
    server: str
    latencies: list[float]
    cpu: float
    """The server's CPU milliseconds per edit (the analysis and everything else it did)."""
    unchanged: int
    """Edits after which the published diagnostics were the same as before (should be 0)."""

    @property
    def median(self) -> float:
        """Median latency, ms."""
        return statistics.median(self.latencies)

    @property
    def p99(self) -> float:
        """99th percentile latency, ms."""
        return report.percentile(self.latencies, 0.99)

    def row(self) -> str:
        """A Markdown table row."""
        ms = self.latencies
        return (
            f"| {self.scenario} | {self.lines:,} | {self.server} | {len(ms)} | "
            f"{self.median:.1f} | {self.p99:.1f} | {max(ms):.1f} | {self.cpu:.1f} | "
            f"{self.unchanged} |"
        )


HEADER = (
    "| scenario | lines | server | edits | median ms | p99 ms | max ms | "
    "server CPU ms per edit | edits not changing diagnostics |\n"
    "|---|---:|---|---:|---:|---:|---:|---:|---:|"
)


def diagnostics_key(message: dict[str, Any]) -> frozenset[tuple[object, ...]]:
    """The published diagnostics of a ``publishDiagnostics`` as a comparable set."""
    return frozenset(
        (
            str(d.get("code")),
            d.get("message"),
            d["range"]["start"]["line"],
            d["range"]["start"]["character"],
        )
        for d in message["params"]["diagnostics"]
    )


class Session:
    """One server with the scenario's document open, ready to be edited."""

    def __init__(
        self,
        scenario: Scenario,
        server: Path | None,
        root: Path,
        path: Path,
        mode: str = "replace",
    ) -> None:
        self.scenario = scenario
        self.mode = mode
        text = path.read_text(encoding="utf-8")
        self.middle = text.count("\n") // 2
        self.line = scenarios.edited_line(text, scenario.toggle)
        self.current = scenario.toggle.good
        self.client = Client(server, cwd=root)
        self.client.initialize(root)
        self.client.notify("initialized", {})
        language = scenarios.LANGUAGE_IDS[scenario.kind]
        self.uri = self.client.open(path, text, language)
        self.diagnostics = diagnostics_key(self.client.wait(is_publish(self.uri, 1), TIMEOUT))
        settle(self.client)
        self.latencies: list[float] = []
        self.unchanged = 0
        self.cpu_start = cpu_seconds(self.client.proc.pid)

    def edit(self, version: int) -> None:
        """Replace the line, time the publish of ``version``, then let the pass finish."""
        toggle = self.scenario.toggle
        new = toggle.bad if version % 2 == 0 else toggle.good
        begin = time.perf_counter()
        if self.mode == "lines":  # insert the bad line mid-document, then delete it
            inserted = version % 2 == 0
            self.client.change(
                self.uri,
                version,
                (self.middle, 0),
                (self.middle + (0 if inserted else 1), 0),
                toggle.bad + "\n" if inserted else "",
            )
            new = self.current
        else:
            self.client.replace_line(self.uri, version, self.line, self.current, new)
        published = self.client.wait(is_publish(self.uri, version), TIMEOUT)
        self.latencies.append(1000 * (time.perf_counter() - begin))
        self.current = new
        diagnostics = diagnostics_key(published)
        self.unchanged += diagnostics == self.diagnostics
        self.diagnostics = diagnostics
        settle(self.client)

    def cpu_per_edit(self) -> float:
        """The server's CPU milliseconds per edit so far."""
        used = cpu_seconds(self.client.proc.pid) - self.cpu_start
        return 1000 * used / max(1, len(self.latencies))


def run_scenario(
    scenario: Scenario,
    servers: list[tuple[str, Path | None]],
    edits: int,
    max_seconds: float,
    mode: str = "replace",
) -> list[Result]:
    """Edit the document ``edits`` times in each server, the servers taking turns edit by edit
    (so the machine's load falls on all alike)."""
    with tempfile.TemporaryDirectory(prefix="gowls-latency-") as tmp:
        root = Path(tmp)
        path = scenario.write(root)
        lines = len(path.read_text(encoding="utf-8").splitlines())
        sessions: list[Session] = []
        try:
            for _, server in servers:
                sessions.append(Session(scenario, server, root, path, mode))
            started = time.perf_counter()
            for version in range(2, edits + 2):
                for session in sessions:
                    session.edit(version)
                if time.perf_counter() - started > max_seconds * len(servers):
                    break
            return [
                Result(
                    scenario.name,
                    scenario.kind,
                    lines,
                    scenario.modules,
                    label,
                    s.latencies,
                    s.cpu_per_edit(),
                    s.unchanged,
                )
                for (label, _), s in zip(servers, sessions, strict=True)
            ]
        finally:
            for session in sessions:
                session.client.close()


def measure(
    servers: list[tuple[str, Path | None]],
    edits: int,
    max_seconds: float,
    only: list[str] | None = None,
    mode: str = "replace",
) -> list[Result]:
    """Every chosen scenario on every server (progress rows on stderr)."""
    chosen = [
        s for s in scenarios.all_scenarios() if not only or any(word in s.name for word in only)
    ]
    results: list[Result] = []
    for scenario in chosen:
        try:
            measured = run_scenario(scenario, servers, edits, max_seconds, mode)
        except EOFError:
            print(
                f"{scenario.name}: a server died or hung ({TIMEOUT:.0f} s), skipped",
                file=sys.stderr,
            )
            continue
        for result in measured:
            results.append(result)
            print(result.row(), file=sys.stderr)
    return results


def section(results: list[Result], machine: report.Machine, edits: int, max_seconds: float) -> str:
    """The ``latency`` section of docs/benchmarks.md."""
    how = "\n".join(
        f"| {kind} | `{t.good}` | `{t.bad}` | {t.finding} |"
        for kind, t in scenarios.TOGGLES.items()
    )
    rows = "\n".join(r.row() for r in results)
    return f"""## didChange → publishDiagnostics

Command: `{COMMAND}` (or `python benchmarks/run_all.py`). The real server over stdio with push
diagnostics. Each scenario's document gets one extra line, and each edit replaces that line,
alternating between a neutral form and one with a finding, so that every edit changes the
diagnostics (the last column counts the edits after which they did not):

| kind | neutral line | line with a finding | finding |
|---|---|---|---|
{how}

Latency is from sending `didChange` to the `publishDiagnostics` of that document version, then
`gowls.awaitAnalysis` (untimed) lets the pass finish before the next edit. Up to {edits} edits
per scenario, fewer when a scenario exceeds {max_seconds:.0f} s. Corpus files are those of
../shared/corpus named in the scenario (copied with their chart or workspace to a temporary
folder); synthetic ones come from `benchmarks/generate.py`.

{machine.markdown()}

{HEADER}
{rows}
"""


def settle(client: Client) -> None:
    """Wait until the server has analysed and delivered everything (``gowls.awaitAnalysis``)."""
    client.call("workspace/executeCommand", {"command": "gowls.awaitAnalysis", "arguments": []})


def servers_from(baselines: list[str] | None, commit: str) -> list[tuple[str, Path | None]]:
    """This tree's server and each ``[LABEL=]DIR`` baseline."""
    servers: list[tuple[str, Path | None]] = [(commit, None)]
    for spec in baselines or ():
        label, _, where = spec.rpartition("=")
        servers.append((label or f"baseline {where}", Path(where)))
    return servers


def main() -> None:
    """Run the scenarios, print the table, optionally write it into docs/benchmarks.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--max-seconds", type=float, default=60.0)
    parser.add_argument("--only", nargs="*", help="scenario names containing these words")
    parser.add_argument(
        "--baseline",
        action="append",
        metavar="[LABEL=]DIR",
        help="also measure another checkout's server/ directory (repeatable)",
    )
    parser.add_argument("--write-docs", action="store_true")
    parser.add_argument(
        "--mode",
        choices=("replace", "lines"),
        default="replace",
        help="replace the appended line, or insert and delete a line mid-document",
    )
    args = parser.parse_args()
    if args.write_docs and args.mode != "replace":
        parser.error("--write-docs documents the default --mode replace")
    machine = report.machine()
    servers = servers_from(args.baseline, machine.commit)
    results = measure(servers, args.edits, args.max_seconds, args.only, args.mode)
    print(HEADER + "\n" + "\n".join(r.row() for r in results))
    if args.write_docs:
        report.write_section("latency", section(results, machine, args.edits, args.max_seconds))


if __name__ == "__main__":
    main()

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
runs every scenario against another checkout's ``server`` directory too.
"""

from __future__ import annotations

import argparse
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

    def row(self) -> str:
        """A Markdown table row."""
        ms = self.latencies
        return (
            f"| {self.scenario} | {self.server} | {len(ms)} | {statistics.median(ms):.1f} | "
            f"{percentile(ms, 0.99):.1f} | {max(ms):.1f} |"
        )


def percentile(values: list[float], fraction: float) -> float:
    """The ``fraction`` quantile (nearest rank) of ``values``."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[rank]


def run_scenario(
    scenario: Scenario, server: Path | None, edits: int, max_seconds: float
) -> list[float]:
    """Open the document, edit it ``edits`` times, return the latencies in milliseconds."""
    with tempfile.TemporaryDirectory(prefix="gowls-latency-") as tmp:
        root = Path(tmp)
        path = scenario.write(root)
        folder = root
        text = path.read_text(encoding="utf-8")
        uri = path.as_uri()
        client = Client(server, cwd=folder)
        try:
            client.initialize(folder)
            client.notify("initialized", {})
            client.notify(
                "textDocument/didOpen",
                {
                    "textDocument": {
                        "uri": uri,
                        "languageId": path.name,
                        "version": 1,
                        "text": text,
                    }
                },
            )
            client.wait(is_publish(uri, 1))
            settle(client)
            current = text.split("\n")[scenario.line]
            assert current == scenario.good, (current, scenario.good)
            out: list[float] = []
            started = time.perf_counter()
            for version in range(2, edits + 2):
                new = scenario.bad if version % 2 == 0 else scenario.good
                change = {
                    "range": {
                        "start": {"line": scenario.line, "character": 0},
                        "end": {"line": scenario.line, "character": len(current)},
                    },
                    "text": new,
                }
                begin = time.perf_counter()
                client.notify(
                    "textDocument/didChange",
                    {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]},
                )
                client.wait(is_publish(uri, version))
                out.append(1000 * (time.perf_counter() - begin))
                current = new
                settle(client)
                if time.perf_counter() - started > max_seconds:
                    break
            return out
        finally:
            client.close()


def settle(client: Client) -> None:
    """Wait until the server has analysed and delivered everything (``gowls.awaitAnalysis``)."""
    client.call("workspace/executeCommand", {"command": "gowls.awaitAnalysis", "arguments": []})


def main() -> None:
    """Run the scenarios, print the table, optionally write it into docs/benchmarks.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--max-seconds", type=float, default=120.0)
    parser.add_argument("--only", nargs="*", help="scenario names containing these words")
    parser.add_argument("--baseline", type=Path, help="another checkout's server/ directory")
    parser.add_argument("--write-docs", action="store_true")
    args = parser.parse_args()
    machine = report.machine()
    servers: list[tuple[str, Path | None]] = [(machine.commit, None)]
    if args.baseline is not None:
        servers.append((f"baseline {args.baseline}", args.baseline))
    chosen = [s for s in SCENARIOS if not args.only or any(word in s.name for word in args.only)]
    header = (
        "| scenario | server | edits | median ms | p99 ms | max ms |\n|---|---|---:|---:|---:|---:|"
    )
    rows: list[str] = []
    for scenario in chosen:
        for label, server in servers:
            latencies = run_scenario(scenario, server, args.edits, args.max_seconds)
            result = Result(scenario.name, label, latencies)
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

"""Completion and hover latency of the language server (request → response).

Usage: python benchmarks/bench_features.py [--requests N] [--only WORD ...]
                                           [--baseline [LABEL=]DIR] [--write-docs]

For each kind, a corpus document and a synthetic 5,000-line one (the latency scenarios'
documents, benchmarks/scenarios.py) are opened in the real server over stdio and analysed
(``gowls.awaitAnalysis``); then ``textDocument/hover`` and ``textDocument/completion`` are
sent ``--requests`` times each at a fixed position (:data:`PROBES`), one at a time, timing each
answer. The table gives how many items (completion) or whether there was content (hover), so
that a position that answers nothing shows.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import report
import scenarios
from bench_latency import servers_from, settle
from lspclient import Client, is_publish

COMMAND = "python benchmarks/bench_features.py --write-docs"


@dataclass(frozen=True, slots=True)
class Where:
    """A position: the first line matching ``pattern``, at match start + ``offset`` (or at the
    match's end when ``offset`` is None)."""

    pattern: str
    offset: int | None

    def find(self, text: str) -> tuple[int, int]:
        """(line, UTF-16 character) of the position in ``text``."""
        for number, line in enumerate(text.split("\n")):
            match = re.search(self.pattern, line)
            if match:
                column = match.end() if self.offset is None else match.start() + self.offset
                return number, len(line[:column].encode("utf-16-le")) // 2
        raise LookupError(f"no line matches {self.pattern!r}")


@dataclass(frozen=True, slots=True)
class Probe:
    """Where to hover and where to complete in a kind's document, and what that shows."""

    hover: Where
    completion: Where
    what: str


PROBES: dict[str, Probe] = {
    "go.mod": Probe(
        Where(r"require example\.com/gowlsbench", 12),
        Where(r"require example\.com/gowlsbench", 3),
        "hover a module path; complete a directive keyword",
    ),
    "go.work": Probe(
        Where(r"^\s*(use\s+)?\./", 4),
        Where(r"^go ", 1),
        "hover a used directory; complete a directive keyword",
    ),
    "GoReleaser": Probe(
        Where(r"^dist: dist", 1), Where(r"^dist: dist", 2), "hover a key; complete a top-level key"
    ),
    "values.yaml": Probe(
        Where(r"^gowlsBenchOther", 3),
        Where(r"^gowlsBenchOther", 3),
        "hover a value; complete a top-level key",
    ),
    "Helm template": Probe(
        Where(r"\.Values\.\w", 9), Where(r"\.Values\.", None), "hover and complete `.Values.`"
    ),
}

DOCUMENTS = (
    "go.mod, corpus cert-manager acmesolver",
    "go.mod, synthetic 5,000 lines",
    "go.work, corpus opentelemetry-go-contrib",
    "go.work using 1,000 modules",
    "GoReleaser, corpus goreleaser",
    "GoReleaser, synthetic 5,000 lines",
    "values.yaml, corpus podinfo",
    "values.yaml, synthetic 5,000 lines",
    "Helm template, corpus podinfo deployment",
    "Helm template, synthetic 5,000 lines",
)
"""The latency scenarios whose documents are probed."""


@dataclass(frozen=True, slots=True)
class Result:
    """Latencies of one request kind on one document and server, in milliseconds."""

    document: str
    kind: str
    request: str
    server: str
    latencies: list[float]
    answer: str
    """What the last answer held (items, or whether hover had content)."""

    @property
    def p99(self) -> float:
        """99th percentile, ms."""
        return report.percentile(self.latencies, 0.99)

    def row(self) -> str:
        """A Markdown table row."""
        ms = self.latencies
        return (
            f"| {self.document} | {self.request} | {self.server} | {len(ms)} | "
            f"{statistics.median(ms):.1f} | {self.p99:.1f} | {max(ms):.1f} | {self.answer} |"
        )


HEADER = (
    "| document | request | server | requests | median ms | p99 ms | max ms | answer |\n"
    "|---|---|---|---:|---:|---:|---:|---|"
)


def describe(method: str, result: Any) -> str:
    """A short account of an answer (so that an empty one shows in the table)."""
    if method.endswith("completion"):
        items = result.get("items", []) if isinstance(result, dict) else result or []
        return f"{len(items)} items"
    return "content" if result and result.get("contents") else "empty"


def measure_document(
    scenario: scenarios.Scenario, servers: list[tuple[str, Path | None]], requests: int
) -> list[Result]:
    """Open the scenario's document in each server, then time hover and completion requests,
    the servers taking turns request by request."""
    probe = PROBES[scenario.kind]
    with tempfile.TemporaryDirectory(prefix="gowls-features-") as tmp:
        root = Path(tmp)
        path = scenario.write(root)
        text = path.read_text(encoding="utf-8")
        clients: list[Client] = []
        try:
            uris = []
            for _, server in servers:
                client = Client(server, cwd=root)
                clients.append(client)
                client.initialize(root)
                client.notify("initialized", {})
                uri = client.open(path, text, scenarios.LANGUAGE_IDS[scenario.kind])
                client.wait(is_publish(uri, 1))
                settle(client)
                uris.append(uri)
            results: list[Result] = []
            for method, where in (
                ("textDocument/hover", probe.hover),
                ("textDocument/completion", probe.completion),
            ):
                line, character = where.find(text)
                timings: list[list[float]] = [[] for _ in servers]
                answers = ["" for _ in servers]
                for _ in range(requests):
                    for slot, (client, uri) in enumerate(zip(clients, uris, strict=True)):
                        params = {
                            "textDocument": {"uri": uri},
                            "position": {"line": line, "character": character},
                        }
                        begin = time.perf_counter()
                        answer = client.call(method, params)
                        timings[slot].append(1000 * (time.perf_counter() - begin))
                        answers[slot] = describe(method, answer)
                for (label, _), ms, answer in zip(servers, timings, answers, strict=True):
                    request = method.split("/")[1]
                    results.append(Result(scenario.name, scenario.kind, request, label, ms, answer))
            return results
        finally:
            for client in clients:
                client.close()


def measure(
    servers: list[tuple[str, Path | None]], requests: int, only: list[str] | None = None
) -> list[Result]:
    """Every probed document on every server (progress rows on stderr)."""
    by_name = {s.name: s for s in scenarios.all_scenarios()}
    results: list[Result] = []
    for name in DOCUMENTS:
        if only and not any(word in name for word in only):
            continue
        for result in measure_document(by_name[name], servers, requests):
            results.append(result)
            print(result.row(), file=sys.stderr)
    return results


def section(results: list[Result], machine: report.Machine, requests: int) -> str:
    """The ``features`` section of docs/benchmarks.md."""
    probes = "\n".join(f"| {kind} | {p.what} |" for kind, p in PROBES.items())
    rows = "\n".join(r.row() for r in results)
    return f"""## Completion and hover

Command: `{COMMAND}` (or `python benchmarks/run_all.py`). The document of a latency scenario is
opened and analysed, then `textDocument/hover` and `textDocument/completion` are sent
{requests} times each at a fixed position, one at a time; latency is from the request to its
answer.

| kind | position |
|---|---|
{probes}

{machine.markdown()}

{HEADER}
{rows}
"""


def main() -> None:
    """Measure, print the table, optionally write it into docs/benchmarks.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--only", nargs="*", help="document names containing these words")
    parser.add_argument("--baseline", action="append", metavar="[LABEL=]DIR")
    parser.add_argument("--write-docs", action="store_true")
    args = parser.parse_args()
    machine = report.machine()
    results = measure(servers_from(args.baseline, machine.commit), args.requests, args.only)
    print(HEADER + "\n" + "\n".join(r.row() for r in results))
    if args.write_docs:
        report.write_section("features", section(results, machine, args.requests))


if __name__ == "__main__":
    main()

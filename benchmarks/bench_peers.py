"""gowls beside its peers, in the same run: yaml-language-server on GoReleaser configs, gopls
on go.mod and go.work (benchmarks/peers.py finds them; a missing peer is skipped with a note).

Usage: python benchmarks/bench_peers.py [--opens N] [--edits N] [--max-seconds S]
                                        [--write-docs]

yaml-language-server validates the same GoReleaser configs as gowls against
../shared/reference/goreleaser-v2.18.schema.json (its ``yaml.schemas`` setting, answered through
``workspace/configuration``). For each config both servers run side by side, taking turns:
``--opens`` copies of the config (each in its own folder) are opened one after the other, each
timed from ``didOpen`` to its first ``publishDiagnostics`` (the first open of a fresh server is
reported apart); then the first copy is edited ``--edits`` times with the latency benchmark's
edit (an unknown top-level key toggles; both servers report it), timed from ``didChange`` to
the first ``publishDiagnostics`` that shows the change. gopls (with ``diagnosticsDelay: 0s``)
gets the go.mod and go.work edits of the latency scenarios. gowls is timed to the publish of
the edited version and then settled with ``gowls.awaitAnalysis`` (untimed); a peer is timed
to the first publish whose diagnostics differ from the previous ones, then left to finish
(untimed) until its processes have used no CPU for 0.2 s, so that neither server's
background work lands in the other's next timed edit. Ratios are the peer's median over
gowls's (above 1: gowls is faster).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import peers
import report
import scenarios
from bench_latency import diagnostics_key, settle
from lspclient import Client, Message, is_publish, quiesce
from scenarios import Scenario

COMMAND = "python benchmarks/bench_peers.py --write-docs"
TIMEOUT = 60.0
"""Seconds a server may take for one publish before it is killed (the row then says so)."""

GORELEASER = (
    "GoReleaser, corpus temporal",
    "GoReleaser, corpus goreleaser",
    "GoReleaser, synthetic 500 lines",
    "GoReleaser, synthetic 5,000 lines",
)
GOPLS = (
    "go.mod, corpus external-secrets",
    "go.mod, synthetic 500 lines",
    "go.mod, synthetic 5,000 lines",
    "go.work using 100 modules",
    "go.work using 1,000 modules",
    "go.mod in a 1,000-module workspace",
)


class Side:
    """One server's session in a comparison: its client, open documents and timings."""

    def __init__(self, label: str, client: Client, gowls: bool) -> None:
        self.label = label
        self.client = client
        self.gowls = gowls
        self.opens: list[float] = []
        self.changes: list[float] = []
        self.diagnostics: frozenset[tuple[object, ...]] = frozenset()
        self.failed = ""

    def _published(self, uri: str, version: int, changed: bool) -> Message:
        if self.gowls:
            return self.client.wait(is_publish(uri, version), TIMEOUT)

        def matches(message: Message) -> bool:
            if not is_publish(uri)(message):
                return False
            got = message["params"].get("version")
            if got is not None and got < version:
                return False
            return not changed or diagnostics_key(message) != self.diagnostics

        return self.client.wait(matches, TIMEOUT)

    def _settle(self) -> None:
        """Let the server finish what the last edit started, untimed: gowls until
        ``gowls.awaitAnalysis`` answers, a peer until its processes stop using the CPU."""
        if self.gowls:
            settle(self.client)
        else:
            quiesce(self.client.proc.pid)

    def open(self, path: Path, language: str) -> str:
        """Open ``path``, time its first diagnostics; returns its URI."""
        begin = time.perf_counter()
        uri = self.client.open(path, path.read_text(encoding="utf-8"), language)
        message = self._published(uri, 1, changed=False)
        self.opens.append(1000 * (time.perf_counter() - begin))
        self.diagnostics = diagnostics_key(message)
        self._settle()
        return uri

    def change(self, uri: str, version: int, line: int, old: str, new: str) -> None:
        """Replace ``line``, time the diagnostics that show it."""
        begin = time.perf_counter()
        self.client.replace_line(uri, version, line, old, new)
        message = self._published(uri, version, changed=True)
        self.changes.append(1000 * (time.perf_counter() - begin))
        self.diagnostics = diagnostics_key(message)
        self._settle()


@dataclass(slots=True)
class Comparison:
    """gowls and one peer on one document."""

    document: str
    lines: int
    peer: str
    delay_ms: float
    """The peer's fixed validation delay (ms), part of its figures."""
    gowls_opens: list[float] = field(default_factory=list)
    peer_opens: list[float] = field(default_factory=list)
    gowls_changes: list[float] = field(default_factory=list)
    peer_changes: list[float] = field(default_factory=list)
    note: str = ""

    @staticmethod
    def _median(values: list[float]) -> float | None:
        return statistics.median(values) if values else None

    def ratio(self, what: str, without_delay: bool = False) -> float | None:
        """Peer median over gowls median for ``open`` (warm opens) or ``change``;
        ``without_delay``: the peer's fixed validation delay taken off its median."""
        if what == "open":
            mine, theirs = self.gowls_opens[1:], self.peer_opens[1:]
        else:
            mine, theirs = self.gowls_changes, self.peer_changes
        a, b = self._median(mine), self._median(theirs)
        if not a or b is None:
            return None
        return (b - (self.delay_ms if without_delay else 0.0)) / a

    def rows(self) -> list[str]:
        """Markdown rows: first open, warm opens, changes."""

        def cell(values: list[float]) -> str:
            if not values:
                return "—"
            return f"{statistics.median(values):.1f} / {report.percentile(values, 0.99):.1f}"

        out = []

        def times(ratio: float | None) -> str:
            return f"{ratio:.1f}x" if ratio is not None else "—"

        for stage, mine, theirs, what in (
            ("first didOpen", self.gowls_opens[:1], self.peer_opens[:1], ""),
            ("didOpen", self.gowls_opens[1:], self.peer_opens[1:], "open"),
            ("didChange", self.gowls_changes, self.peer_changes, "change"),
        ):
            if not mine and not theirs:
                continue
            raw = times(self.ratio(what)) if what else "—"
            net = times(self.ratio(what, True)) if what and self.delay_ms else "—"
            out.append(
                f"| {self.document} | {self.lines:,} | {self.peer} | {stage} | "
                f"{max(len(mine), len(theirs))} | {cell(mine)} | {cell(theirs)} | {raw} | "
                f"{net} |" + (f" {self.note}" if self.note else "")
            )
        return out


HEADER = (
    "| document | lines | peer | stage | runs | gowls median / p99 ms | "
    "peer median / p99 ms | peer / gowls | without the peer's fixed delay |\n"
    "|---|---:|---|---|---:|---:|---:|---:|---:|"
)


MODELINE = "# yaml-language-server:"


def drop_modeline(path: Path) -> None:
    """Blank a ``# yaml-language-server: $schema=URL`` comment (the line stays, as a plain
    comment): it would send yaml-language-server to the network for a schema instead of the
    one of ../shared both servers are to check against."""
    text = path.read_text(encoding="utf-8")
    if MODELINE in text:
        path.write_text(text.replace(MODELINE, "# schema modeline dropped:"), encoding="utf-8")


def compare(
    scenario: Scenario, peer: peers.Peer, opens: int, edits: int, max_seconds: float
) -> Comparison:
    """Run gowls and ``peer`` side by side on ``scenario``'s document."""
    language = scenarios.LANGUAGE_IDS[scenario.kind]
    with tempfile.TemporaryDirectory(prefix="gowls-peers-") as tmp:
        root = Path(tmp)
        paths = []
        for n in range(max(1, opens)):
            (root / f"copy{n:02d}").mkdir()
            paths.append(scenario.write(root / f"copy{n:02d}"))
            drop_modeline(paths[-1])
        text = paths[0].read_text(encoding="utf-8")
        result = Comparison(
            scenario.name, len(text.splitlines()), f"{peer.name} {peer.version}", peer.delay_ms
        )
        # gopls wants the module (or workspace) as its root; gowls finds it from any root.
        peer_root = paths[0].parent if peer.name == "gopls" else root
        sides = [
            Side("gowls", Client(cwd=root), gowls=True),
            Side(
                peer.name,
                Client(cwd=peer_root, argv=peer.argv, env=peer.env, settings=peer.settings),
                gowls=False,
            ),
        ]
        try:
            for side, where in zip(sides, (root, peer_root), strict=True):
                side.client.initialize(where)
                side.client.notify("initialized", {})
            uris = ["", ""]
            for n, path in enumerate(paths):
                for index, side in enumerate(sides):
                    uri = side.open(path, language)
                    if n == 0:
                        uris[index] = uri
            line = scenarios.edited_line(text, scenario.toggle)
            current = scenario.toggle.good
            started = time.perf_counter()
            for version in range(2, edits + 2):
                new = scenario.toggle.bad if version % 2 == 0 else scenario.toggle.good
                for side, uri in zip(sides, uris, strict=True):
                    side.change(uri, version, line, current, new)
                current = new
                if time.perf_counter() - started > 2 * max_seconds:
                    break
        except EOFError:
            result.note = f"(a server gave no diagnostics within {TIMEOUT:.0f} s)"
        finally:
            for side in sides:
                side.client.close()
        mine, theirs = sides
        result.gowls_opens, result.peer_opens = mine.opens, theirs.opens
        result.gowls_changes, result.peer_changes = mine.changes, theirs.changes
        if peer.name == "gopls":  # copies of one workspace are not separate opens for gopls
            result.gowls_opens, result.peer_opens = mine.opens[:1], theirs.opens[:1]
        return result


@dataclass(frozen=True, slots=True)
class Measured:
    """Every comparison of a run, and the peers that were missing."""

    comparisons: list[Comparison]
    missing: list[str]


def measure(opens: int, edits: int, max_seconds: float) -> Measured:
    """Compare gowls with every peer that is there (progress rows on stderr)."""
    by_name = {s.name: s for s in scenarios.all_scenarios()}
    comparisons: list[Comparison] = []
    missing: list[str] = []
    plan: list[tuple[tuple[str, ...], peers.Peer | None, str]] = [
        (GORELEASER, peers.yaml_language_server(), "yaml-language-server"),
        (GOPLS, peers.gopls(), "gopls"),
    ]
    for names, peer, label in plan:
        if peer is None:
            missing.append(label)
            print(f"{label}: not found, skipped (see benchmarks/peers.py)", file=sys.stderr)
            continue
        for name in names:
            copies = opens if peer.name != "gopls" else 1
            comparison = compare(by_name[name], peer, copies, edits, max_seconds)
            comparisons.append(comparison)
            for row in comparison.rows():
                print(row, file=sys.stderr)
    return Measured(comparisons, missing)


def section(measured: Measured, machine: report.Machine, opens: int, edits: int) -> str:
    """The ``peers`` section of docs/benchmarks.md."""
    rows = "\n".join(row for c in measured.comparisons for row in c.rows())
    missing = (
        "\n\nNot measured (not installed): "
        + ", ".join(measured.missing)
        + "; `python benchmarks/peers.py --install` (yaml-language-server, npm) and "
        "`--install-gopls` (Debian's gopls, unpacked) put them in ~/.cache/gowls-bench."
        if measured.missing
        else ""
    )
    return f"""## Beside yaml-language-server and gopls

Command: `{COMMAND}` (or `python benchmarks/run_all.py`; `python benchmarks/peers.py --install`
installs yaml-language-server into ~/.cache/gowls-bench, outside the repository).
yaml-language-server validates the GoReleaser configs against
../shared/reference/goreleaser-v2.18.schema.json; gopls runs with `diagnosticsDelay: 0s`, `go`
from the virtual environment, offline (its version in the table: the binary
`GOWLS_BENCH_GOPLS` names, else Debian's package, an old release; benchmarks/peers.py). Both
servers run side by side, taking turns; after each timed step gowls is settled with
`gowls.awaitAnalysis` and a peer left until its processes use no CPU for 0.2 s (untimed).
didOpen:
{opens} copies of the config, each in its own folder, opened one after the other (the first
open of the fresh server is its own row); didChange: up to {edits} edits toggling the latency
benchmark's line (GoReleaser: `dist:` ↔ `dizt:`, which both servers report). gowls is timed to
the publish of the edited version; a peer to the first publish whose diagnostics differ from
its previous ones. Peer / gowls compares medians (above 1: gowls is faster). Each server
sits idle while the other works, as between keystrokes, so both answer from a cold CPU:
on this VM the same gowls edit takes about twice its figure in the latency table above,
where edits follow each other at once. A config's
`# yaml-language-server: $schema=URL` comment is neutralised in the copies both servers read.
yaml-language-server waits {peers.YLS_DELAY_MS:.0f} ms before it validates an opened or changed
document (`validationDelayMs`, fixed in its source, not a setting); the last column takes that
wait off its median to compare the work alone.

{machine.markdown()}

{HEADER}
{rows}{missing}
"""


def main() -> None:
    """Measure, print, optionally write the ``peers`` section."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--opens", type=int, default=20)
    parser.add_argument("--edits", type=int, default=100)
    parser.add_argument("--max-seconds", type=float, default=15.0)
    parser.add_argument("--write-docs", action="store_true")
    args = parser.parse_args()
    machine = report.machine()
    measured = measure(args.opens, args.edits, args.max_seconds)
    print(HEADER + "\n" + "\n".join(row for c in measured.comparisons for row in c.rows()))
    for peer in peers.describe():
        print(peer)
    if args.write_docs:
        report.write_section("peers", section(measured, machine, args.opens, args.edits))


if __name__ == "__main__":
    main()

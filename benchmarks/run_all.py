"""Every benchmark of docs/benchmarks.md in one run, the issue's targets judged PASS / FAIL.

Usage: python benchmarks/run_all.py [--quick] [--write-docs] [--baseline [LABEL=]DIR ...]
                                    [--install-peers] [--skip PART ...]

Parts, in order (``--skip`` names them): ``check`` (``gowls --check`` on ../shared/corpus and
synthetic monorepos of 10 to 5,000 modules), ``startup`` (spawn → initialize → diagnostics;
a 1,000-module workspace: first diagnostics of an opened file, RSS), ``latency``
(didChange → publishDiagnostics per kind and size), ``features`` (completion, hover) and
``peers`` (yaml-language-server, gopls; skipped with a note when not installed;
``--install-peers`` installs yaml-language-server into ~/.cache/gowls-bench first).
``--baseline`` measures another checkout's ``server`` directory beside this tree in the
server parts, the two taking turns. ``--quick`` takes fewer runs and edits and leaves out
5,000 modules (for trying changes; its verdicts are indicative only). ``--write-docs``
rewrites every generated section of docs/benchmarks.md (the prose, such as "Changes and their
effect", stays) and the plots in docs/benchmarks/. The targets table is printed at the end
with the load average at the start and the end of the run.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import bench_check
import bench_features
import bench_latency
import bench_peers
import bench_startup
import peers
import plots
import report
import targets

PARTS = ("check", "startup", "latency", "features", "peers")


@dataclass(frozen=True, slots=True)
class Settings:
    """How much of everything one run measures."""

    check_sizes: tuple[int, ...]
    check_repeat: int
    startup_runs: int
    workspace_runs: int
    edits: int
    max_seconds: float
    requests: int
    opens: int
    peer_edits: int
    peer_seconds: float


FULL = Settings((10, 100, 1000, 5000), 3, 15, 5, 200, 60.0, 200, 20, 100, 15.0)
QUICK = Settings((10, 100, 1000), 1, 3, 1, 20, 5.0, 20, 3, 10, 5.0)


def main() -> None:
    """Run the parts, print each table and the targets, optionally write the docs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--write-docs", action="store_true")
    parser.add_argument("--baseline", action="append", metavar="[LABEL=]DIR")
    parser.add_argument("--install-peers", action="store_true")
    parser.add_argument("--skip", nargs="*", choices=PARTS, default=[])
    args = parser.parse_args()
    settings = QUICK if args.quick else FULL
    if args.install_peers:
        peers.install_yls()
    machine = report.machine()
    began = time.perf_counter()
    servers = bench_latency.servers_from(args.baseline, machine.commit)
    this = servers[0][0]
    sections: dict[str, str] = {}
    print(machine.markdown(), file=sys.stderr)

    check_rows: list[bench_check.Row] | None = None
    if "check" not in args.skip:
        check_rows = bench_check.measure(
            list(settings.check_sizes), True, settings.check_repeat, None
        )
        sections["check"] = bench_check.section(check_rows, machine, settings.check_repeat)
        print(bench_check.table(check_rows), file=sys.stderr)

    started: bench_startup.Measured | None = None
    if "startup" not in args.skip:
        labelled = [(f"this commit ({this})", None), *servers[1:]]
        started = bench_startup.run(settings.startup_runs, settings.workspace_runs, 1000, labelled)
        sections["startup"] = started.section(machine)
        print(bench_startup.HEADER + "\n" + started.rows(), file=sys.stderr)

    latencies: list[bench_latency.Result] = []
    if "latency" not in args.skip:
        latencies = bench_latency.measure(servers, settings.edits, settings.max_seconds)
        sections["latency"] = bench_latency.section(
            latencies, machine, settings.edits, settings.max_seconds
        )

    answered: list[bench_features.Result] = []
    if "features" not in args.skip:
        answered = bench_features.measure(servers, settings.requests)
        sections["features"] = bench_features.section(answered, machine, settings.requests)

    compared: bench_peers.Measured | None = None
    if "peers" not in args.skip:
        compared = bench_peers.measure(settings.opens, settings.peer_edits, settings.peer_seconds)
        sections["peers"] = bench_peers.section(
            compared, machine, settings.opens, settings.peer_edits
        )

    verdicts = [
        *targets.latency(latencies, this),
        *targets.features(answered, this),
        *targets.startup(started),
        *targets.check(check_rows),
        *targets.peers(compared),
    ]
    end_load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    minutes = (time.perf_counter() - began) / 60
    table = targets.HEADER + "\n" + "\n".join(v.row() for v in verdicts)
    summary = (
        f"{machine.markdown()} Load average at the end: {end_load}; "
        f"the run took {minutes:.1f} min{' (--quick)' if args.quick else ''}."
    )
    print("\n" + summary + "\n\n" + table)

    if args.write_docs:
        written: list[Path] = []
        if plots.available():
            report.PLOTS.mkdir(parents=True, exist_ok=True)
            if latencies:
                written.append(plots.latency_plot(latencies, this, report.PLOTS))
            if check_rows:
                written.append(plots.check_plot(check_rows, report.PLOTS))
        else:
            print("matplotlib missing: no plots (pip install -e '.[bench]')", file=sys.stderr)
        sections["targets"] = f"""## Targets

Command: `python benchmarks/run_all.py --write-docs` (this whole page's generated sections;
about 15 minutes; `--quick` for a rough pass). The issue's targets, each judged on the worst
case of this run, this tree's server only.

{summary}

{table}
"""
        sections["plots"] = plots.section(written)
        for name, body in sections.items():
            report.write_section(name, body)


if __name__ == "__main__":
    main()

"""The benchmark plots (PNG, matplotlib from the ``bench`` extra): latency against file size per
kind, and ``gowls --check`` time against module count. Written to docs/benchmarks/."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import bench_check
import bench_latency
import report

LATENCY_PNG = "latency-by-size.png"
CHECK_PNG = "check-by-modules.png"


def _pyplot() -> Any:
    """matplotlib.pyplot on the file-only Agg backend (imported late: an optional extra)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def available() -> bool:
    """Whether matplotlib is installed (``pip install -e '.[bench]'``)."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True


def latency_plot(results: list[bench_latency.Result], server: str, out: Path) -> Path:
    """didChange → publishDiagnostics p99 (and median) against document lines, one line per
    kind; workspace scenarios are marked apart (their cost is the workspace, not the file)."""
    plt = _pyplot()
    by_kind: dict[str, list[bench_latency.Result]] = defaultdict(list)
    for result in results:
        if result.server == server:
            by_kind[result.kind].append(result)
    fig, ax = plt.subplots(figsize=(8, 5))
    for kind, rows in by_kind.items():
        files = sorted((r for r in rows if not r.modules), key=lambda r: r.lines)
        line = ax.plot(
            [r.lines for r in files], [r.p99 for r in files], marker="o", label=f"{kind} p99"
        )[0]
        ax.plot(
            [r.lines for r in files],
            [r.median for r in files],
            marker=".",
            linestyle=":",
            color=line.get_color(),
            label=f"{kind} median",
        )
        for r in rows:
            if r.modules:
                ax.scatter([r.lines], [r.p99], marker="s", color=line.get_color())
                ax.annotate(f"{r.modules:,}-module workspace", (r.lines, r.p99), fontsize=7)
    for limit, label in ((10, "10 ms (≤ 500 lines)"), (15, "15 ms (≤ 5,000 lines)")):
        ax.axhline(limit, color="grey", linestyle="--", linewidth=0.8)
        ax.annotate(
            label,
            (1, limit),
            fontsize=7,
            color="grey",
            xycoords=("axes fraction", "data"),
            ha="right",
            va="bottom",
        )
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("lines of the edited document")
    ax.set_ylabel("didChange → publishDiagnostics, ms")
    ax.set_title(f"Latency by document size (gowls {server})")
    ax.legend(fontsize=7, ncol=2)
    ax.grid(True, which="both", linewidth=0.3)
    fig.tight_layout()
    target = out / LATENCY_PNG
    fig.savefig(target, dpi=110)
    plt.close(fig)
    return target


def check_plot(rows: list[bench_check.Row], out: Path) -> Path:
    """``gowls --check`` wall and CPU seconds and peak RSS against module count."""
    plt = _pyplot()
    sized = sorted((r for r in rows if r.modules), key=lambda r: r.modules or 0)
    modules = [r.modules or 0 for r in sized]
    fig, ax = plt.subplots(figsize=(8, 5))
    ax.plot(modules, [r.run.wall for r in sized], marker="o", label="wall s")
    ax.plot(modules, [r.run.cpu for r in sized], marker="o", label="CPU s")
    ax.scatter([1000, 5000], [3, 15], marker="x", color="red", label="targets (3 s, 15 s)")
    rss = ax.twinx()
    rss.plot(modules, [r.run.rss_mib for r in sized], marker=".", linestyle=":", color="grey")
    rss.set_ylabel("peak RSS MiB (dotted)")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("modules in the synthetic monorepo")
    ax.set_ylabel("seconds")
    ax.set_title("gowls --check by repository size")
    ax.legend(fontsize=8, loc="upper left")
    ax.grid(True, which="both", linewidth=0.3)
    fig.tight_layout()
    target = out / CHECK_PNG
    fig.savefig(target, dpi=110)
    plt.close(fig)
    return target


def section(written: list[Path]) -> str:
    """The ``plots`` section of docs/benchmarks.md."""
    if not written:
        return (
            "## Plots\n\nNot drawn: matplotlib is missing (`pip install -e '.[bench]'`), or the "
            "run measured neither latency nor `--check`.\n"
        )
    images = "\n\n".join(
        f"![{p.stem}]({p.relative_to(report.DOC.parent).as_posix()})" for p in written
    )
    return f"""## Plots

Drawn by `python benchmarks/run_all.py --write-docs` from the tables on this page (this tree's
server): didChange p99 (solid) and median (dotted) against the edited document's length per
kind, squares for workspace scenarios; `gowls --check` time and memory against module count.

{images}
"""

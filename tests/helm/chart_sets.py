"""The charts the Helm comparison runs over: tests/helm/charts and the shared corpus."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

TEST_CHARTS = Path(__file__).resolve().parent / "charts"
CORPUS = Path("/work/shared/corpus/helm")


def chart_dirs() -> Iterator[tuple[str, Path]]:
    """(key, directory) of every test chart (``test:NAME``) and corpus chart (``corpus:NAME``)."""
    for d in sorted(TEST_CHARTS.iterdir()):
        if (d / "Chart.yaml").is_file():
            yield f"test:{d.name}", d
    if CORPUS.is_dir():
        for d in sorted(CORPUS.iterdir()):
            if (d / "Chart.yaml").is_file():
                yield f"corpus:{d.name}", d


def chart_dir(key: str) -> Path:
    """The directory of a chart key."""
    kind, name = key.split(":", 1)
    return (TEST_CHARTS if kind == "test" else CORPUS) / name


def extra_values_files(chart: Path) -> list[str]:
    """Values files besides values.yaml that Helm is run with (``-f``), relative to the chart."""
    found = [*chart.glob("values-*.yaml"), *chart.glob("values-*.yml"), *chart.glob("ci/*.yaml")]
    return sorted(str(p.relative_to(chart)) for p in found if p.is_file())

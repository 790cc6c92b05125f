"""The unused-value walk's read index answers what a scan of every read answers."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gowls.analysis.helm.usage import ChartReads, _read_state

PATHS = st.lists(st.sampled_from("abc"), max_size=4).map(tuple)


def _scanned(reads: ChartReads, path: tuple[str, ...]) -> str:
    state = "none"
    n = len(path)
    for read, _ in reads.paths:
        if read == path or (len(read) < n and path[: len(read)] == read):
            return "all"
        if read[:n] == path:
            state = "some"
    return state


@given(st.lists(PATHS, max_size=8), st.lists(PATHS, max_size=20))
def test_indexed_state_equals_scan(
    reads: list[tuple[str, ...]], asked: list[tuple[str, ...]]
) -> None:
    chart = ChartReads([(r, True) for r in reads])
    for path in asked:
        assert _read_state(chart, path) == _scanned(chart, path)

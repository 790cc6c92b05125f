"""The unused-value walk's read index answers what a scan of every read answers."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gowls.analysis.helm.usage import ChartReads, _read_state, unused_paths

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


def _unused_by_scan(
    node: object, prefix: tuple[str, ...], reads: ChartReads
) -> list[tuple[str, ...]]:
    """The unused walk as first written: every key's state from a scan of every read."""
    out: list[tuple[str, ...]] = []
    if not isinstance(node, dict):
        return out
    for key, value in node.items():
        path = (*prefix, key)
        state = _scanned(reads, path)
        if state == "none":
            out.append(path)
        elif state == "some" and isinstance(value, dict) and value:
            out.extend(_unused_by_scan(value, path, reads))
    return out


VALUES = st.recursive(
    st.none() | st.integers(0, 1),
    lambda inner: st.dictionaries(st.sampled_from("abc"), inner, max_size=3),
    max_leaves=12,
)


@given(st.lists(PATHS, max_size=8), VALUES)
def test_unused_walk_equals_a_scan_of_every_read(
    reads: list[tuple[str, ...]], data: object
) -> None:
    chart = ChartReads([(r, True) for r in reads])
    assert unused_paths(data, chart) == _unused_by_scan(data, (), chart)

"""Where two versions of a text differ: the edit an incremental re-parse hands tree-sitter."""

from __future__ import annotations

BLOCK = 4096
"""Bytes compared at a time while the texts agree: the work grows with the common part,
one ``memcmp`` per block, not with a slice of the whole text per step."""


def common_affixes(old: bytes, new: bytes) -> tuple[int, int]:
    """Lengths of the longest common prefix and suffix of two texts (not overlapping)."""
    limit = min(len(old), len(new))
    prefix = _common_length(old, new, 0, 0, limit, 1)
    suffix = _common_length(old, new, len(old), len(new), limit - prefix, -1)
    return prefix, suffix


def _common_length(old: bytes, new: bytes, at: int, new_at: int, limit: int, way: int) -> int:
    """How many bytes agree going from ``at`` in ``old`` and ``new_at`` in ``new`` forwards
    (``way`` 1) or backwards (-1, from the ends), at most ``limit``."""

    def same(start: int, stop: int) -> bool:
        """Whether bytes ``start``..``stop`` (counted from the starting points) agree."""
        if way > 0:
            return old[at + start : at + stop] == new[new_at + start : new_at + stop]
        return old[at - stop : at - start] == new[new_at - stop : new_at - start]

    start = 0
    while start < limit:
        stop = min(limit, start + BLOCK)
        if not same(start, stop):
            break
        start = stop
    else:
        return limit
    # The first difference is in this block: binary search, slices of at most a block.
    low, high = start, stop - 1
    while low < high:
        mid = (low + high + 1) // 2
        if same(start, mid):
            low = mid
        else:
            high = mid - 1
    return low

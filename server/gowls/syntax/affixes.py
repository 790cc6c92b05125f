"""Where two versions of a text differ: the edit an incremental re-parse hands tree-sitter."""

from __future__ import annotations


def common_affixes(old: bytes, new: bytes) -> tuple[int, int]:
    """Lengths of the longest common prefix and suffix of two texts (not overlapping)."""
    limit = min(len(old), len(new))
    low, high = 0, limit
    while low < high:  # binary search: slice comparisons run in C
        mid = (low + high + 1) // 2
        if old[:mid] == new[:mid]:
            low = mid
        else:
            high = mid - 1
    prefix = low
    low, high = 0, limit - prefix
    while low < high:
        mid = (low + high + 1) // 2
        if old[len(old) - mid :] == new[len(new) - mid :]:
            low = mid
        else:
            high = mid - 1
    return prefix, low

"""Which stored results read which keys: the index behind ``Workspace.affected``.

After an edit the workspace asks which results read one of a handful of keys. Walking every
stored result's :class:`Dependencies` costs in proportion to the workspace (1,000 go.mod
results after each go.work keystroke); this index answers from the keys instead. It maps a
key to the dependency nodes holding it and a node to the paths whose results reach it, so a
node shared by many results (a workspace index) is indexed once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from gowls.analysis.source import Dependencies, Key

if TYPE_CHECKING:
    from gowls.analysis.engine import FileResult

BIG_NODE = 64
"""A node with more keys is tested whole at look-up (few such nodes exist: a go.work's use
table), not indexed key by key: it is often replaced, and re-indexing its keys would cost in
proportion to the workspace again."""


def _nodes(deps: Dependencies) -> Iterator[Dependencies]:
    """Every node ``deps`` reaches, once (as ``Dependencies.touches`` walks them)."""
    seen: set[int] = set()
    stack = [deps]
    while stack:
        node = stack.pop()
        if id(node) not in seen:
            seen.add(id(node))
            yield node
            stack.extend(node.shared)


class ReadIndex:
    """Stored results by the keys their dependencies read (kept in step by the workspace)."""

    def __init__(self) -> None:
        self._indexed: dict[Path, tuple[FileResult, tuple[int, ...]]] = {}
        self._results: dict[Path, FileResult] = {}
        """The indexed results (what :meth:`holds` compares)."""
        self._nodes: dict[int, tuple[Dependencies, set[Path]]] = {}
        """Node id → the node (held: its id is not reused while indexed) and its readers."""
        self._by_key: dict[Key, set[int]] = {}
        self._big: dict[int, Dependencies] = {}

    def holds(self, results: Iterable[tuple[Path, FileResult]]) -> bool:
        """Whether ``results`` are the indexed ones (compared in one go: a copy of them taken
        before the pass is the usual question)."""
        return self._results == dict(results)

    def result(self, path: Path) -> FileResult | None:
        """The result of ``path`` the index holds."""
        found = self._indexed.get(path)
        return found[0] if found is not None else None

    def add(self, result: FileResult) -> None:
        """Index ``result`` (replacing the one of its path)."""
        path = result.path
        self.remove(path)
        ids: list[int] = []
        for node in _nodes(result.depends_on):
            nid = id(node)
            entry = self._nodes.get(nid)
            if entry is not None:
                entry[1].add(path)
            else:
                self._nodes[nid] = (node, {path})
                if len(node.own) > BIG_NODE:
                    self._big[nid] = node
                else:
                    for key in node.own:
                        self._by_key.setdefault(key, set()).add(nid)
            ids.append(nid)
        self._indexed[path] = (result, tuple(ids))
        self._results[path] = result

    def remove(self, path: Path) -> None:
        """Forget the result of ``path``."""
        old = self._indexed.pop(path, None)
        if old is None:
            return
        del self._results[path]
        for nid in old[1]:
            node, paths = self._nodes[nid]
            paths.discard(path)
            if paths:
                continue
            del self._nodes[nid]
            if self._big.pop(nid, None) is None:
                for key in node.own:
                    ids = self._by_key[key]
                    ids.discard(nid)
                    if not ids:
                        del self._by_key[key]

    def clear(self) -> None:
        """Forget every result."""
        self._indexed.clear()
        self._results.clear()
        self._nodes.clear()
        self._by_key.clear()
        self._big.clear()

    def readers(self, keys: Iterable[Key]) -> set[Path]:
        """The paths whose indexed results read any of ``keys`` (a small set: its size, not
        the workspace's, sets the cost)."""
        keys = keys if isinstance(keys, set | frozenset) else set(keys)
        ids: set[int] = set()
        for key in keys:
            found = self._by_key.get(key)
            if found:
                ids |= found
        for nid, node in tuple(self._big.items()):
            if not node.own.isdisjoint(keys):
                ids.add(nid)
        out: set[Path] = set()
        for nid in ids:
            out |= self._nodes[nid][1]
        return out

"""Look keys up in the GoReleaser model: by path, by type name, and by near spelling."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import cache

from gowls.analysis.goreleaser.model import Field, ListOf, MapOf, Node, Obj, OneOf
from gowls.analysis.goreleaser.spec import PROJECT

PathPart = str | int
"""A mapping key (``str``) or a sequence index (``int``)."""

LIST_ITEM = "[]"
MAP_VALUE = "*"


def step(node: Node, part: PathPart) -> Node | None:
    """The node one step below ``node`` along ``part``, or ``None`` when there is none.

    A union steps into its first option that has the step, as GoReleaser's decoder takes
    the first shape that fits.
    """
    if isinstance(node, OneOf):
        for option in node.options:
            found = step(option, part)
            if found is not None:
                return found
        return None
    if isinstance(node, ListOf):
        return node.item if isinstance(part, int) else None
    if isinstance(part, int):
        return None
    if isinstance(node, MapOf):
        return node.value
    if isinstance(node, Obj):
        f = node.get(part)
        return f.node if f is not None else None
    return None


def lookup(path: Sequence[PathPart], root: Node = PROJECT) -> Node | None:
    """The node at ``path`` (keys and list indices, ``("builds", 0, "goos")``), or ``None``."""
    node: Node | None = root
    for part in path:
        if node is None:
            return None
        node = step(node, part)
    return node


def needs_pro(path: Sequence[PathPart], root: Node = PROJECT) -> bool:
    """Whether reaching ``path`` takes a key or a value shape only GoReleaser Pro accepts.

    False also when the path does not exist at all; check ``lookup`` for that.
    """
    node: Node | None = root
    for part in path:
        if node is None:
            return False
        if isinstance(node, OneOf):
            for index, option in enumerate(node.options):
                if step(option, part) is not None:
                    if index in node.pro_options:
                        return True
                    node = option
                    break
        obj = owner_object(node) if not isinstance(part, int) else None
        if obj is not None and isinstance(part, str):
            f = obj.get(part)
            if f is not None and f.pro:
                return True
        node = step(node, part)
    return False


def owner_object(node: Node) -> Obj | None:
    """The object a mapping at ``node`` decodes into (unwrapping unions), if any."""
    if isinstance(node, Obj):
        return node
    if isinstance(node, OneOf):
        for option in node.options:
            if isinstance(option, Obj):
                return option
    return None


def lookup_field(path: Sequence[PathPart], root: Node = PROJECT) -> Field | None:
    """The ``Field`` whose key ends ``path``, or ``None`` (indices and map keys have none)."""
    if not path or not isinstance(path[-1], str):
        return None
    parent = lookup(path[:-1], root)
    obj = owner_object(parent) if parent is not None else None
    return obj.get(path[-1]) if obj is not None else None


def children(node: Node) -> tuple[Field, ...]:
    """The keys a mapping at ``node`` may hold (empty for scalars, lists and free maps)."""
    obj = owner_object(node)
    return obj.fields if obj is not None else ()


def iter_objects(root: Node = PROJECT) -> Iterator[Obj]:
    """Every object reachable from ``root``, each once."""
    seen: set[str] = set()

    def visit(node: Node) -> Iterator[Obj]:
        if isinstance(node, Obj):
            if node.name in seen:
                return
            seen.add(node.name)
            yield node
            for f in node.fields:
                yield from visit(f.node)
        elif isinstance(node, ListOf):
            yield from visit(node.item)
        elif isinstance(node, MapOf):
            yield from visit(node.value)
        elif isinstance(node, OneOf):
            for option in node.options:
                yield from visit(option)

    yield from visit(root)


@cache
def object_named(name: str) -> Obj | None:
    """The object whose GoReleaser type name is ``name`` (``Build``), or ``None``."""
    return next((o for o in iter_objects() if o.name == name), None)


def iter_paths(
    root: Node = PROJECT, prefix: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], Field]]:
    """Every key path below ``root`` with its field; list items are ``[]``, map values ``*``.

    A path stops at an object already on the path, so recursive shapes stay finite.
    """

    def visit(
        node: Node, path: tuple[str, ...], active: frozenset[str]
    ) -> Iterator[tuple[tuple[str, ...], Field]]:
        if isinstance(node, Obj):
            if node.name in active:
                return
            inner = active | {node.name}
            for f in node.fields:
                sub = (*path, f.key)
                yield sub, f
                yield from visit(f.node, sub, inner)
        elif isinstance(node, ListOf):
            yield from visit(node.item, (*path, LIST_ITEM), active)
        elif isinstance(node, MapOf):
            yield from visit(node.value, (*path, MAP_VALUE), active)
        elif isinstance(node, OneOf):
            for option in node.options:
                yield from visit(option, path, active)

    yield from visit(root, prefix, frozenset())


def edit_distance(a: str, b: str) -> int:
    """Optimal-string-alignment distance: insertions, deletions, substitutions, swaps."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[len(b)]


def closest_key(name: str, candidates: Iterable[str]) -> str | None:
    """The candidate nearest to ``name`` when it is near enough to be a likely typo.

    Near enough: at most a third of the name's length in edits (at least one), or the
    same words in another case or separator (``disableSSL`` → ``disable_ssl``).
    """
    folded = name.replace("_", "").replace("-", "").lower()
    lowered = name.lower()
    limit = max(1, len(name) // 3)
    best: tuple[int, str] | None = None
    for candidate in candidates:
        if candidate.replace("_", "").lower() == folded:
            return candidate
        # the lengths' difference is a lower bound of the distance: a candidate that cannot
        # be near enough, nor nearer than the best so far, changes nothing
        gap = abs(len(candidate) - len(lowered))
        if gap > limit or (best is not None and gap >= best[0]):
            continue
        distance = edit_distance(lowered, candidate)
        if best is None or distance < best[0]:
            best = (distance, candidate)
    if best is None:
        return None
    return best[1] if best[0] <= limit else None

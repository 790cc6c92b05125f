"""Minimal version selection as ``go`` performs it, from files on this machine only.

The module graph is read from the go.mod files on disk (main modules, directory
replacements) and from the module cache (``cache/download/…/@v/VERSION.mod``), never from
the network. Loading follows go's module-graph pruning (Go 1.17+): a pruned main module's
requirements are the roots; the go.mod of a pruned dependency contributes its own
requirements but is not followed further, while a dependency below go 1.17 is followed
transitively. In a workspace the workspace modules are the roots, each followed as its own
go line allows, and the selected version of any requirement that a loaded workspace-root
edge undershoots is loaded as a root as well, until nothing changes (go's ``workspace``
pruning). The selected version of each module is the highest version any loaded go.mod
requires. When a go.mod the walk needs is not on this machine the selection is marked
incomplete, and callers claim nothing.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from gowls.analysis.go.documents import gomod as read_gomod
from gowls.analysis.go.modcache import ModuleCache, module_cache
from gowls.analysis.go.modules import (
    ReplaceSource,
    governing_workspace,
    resolve_dir,
    same_version,
)
from gowls.analysis.snapshot import Snapshot
from gowls.analysis.source import FileSource, Key
from gowls.syntax.gomod import GoMod, parse_gomod
from gowls.syntax.versions import compare_go, compare_semver

PRUNING_GO = "1.17"
"""The first go version whose go.mod files support module graph pruning."""

MAX_LOADS = 20_000
"""Give up (incomplete) past this many go.mod loads."""


@dataclass(frozen=True, slots=True)
class Summary:
    """What the graph needs of one module version's go.mod."""

    pruned: bool
    requires: tuple[tuple[str, str], ...]


@dataclass(slots=True)
class Selection:
    """The build list: the selected version of every module, and why."""

    main: frozenset[str]
    selected: dict[str, str] = field(default_factory=dict)
    raised_by: dict[str, str] = field(default_factory=dict)
    """For each module, ``module@version`` (or the main module path) requiring the selection."""
    missing: list[str] = field(default_factory=list)
    """``module@version`` whose go.mod is not on this machine."""

    @property
    def complete(self) -> bool:
        """Whether every go.mod the walk needed was found."""
        return not self.missing


def _pruned(mod: GoMod) -> bool:
    version = mod.go.version if mod.go else ""
    return bool(version) and compare_go(version, PRUNING_GO) >= 0


def _summary(mod: GoMod) -> Summary:
    return Summary(_pruned(mod), tuple((r.path, r.version) for r in mod.requires))


class _Loader:
    """Reads the go.mod of a module version: a main module's, a replacement's, or the cache's."""

    def __init__(
        self,
        snapshot: Snapshot,
        mains: dict[str, GoMod],
        replaces: list[ReplaceSource],
        cache: ModuleCache | None,
    ):
        self.snapshot = snapshot
        self.mains = mains
        # Per module, in file order: go.work's first, then the go.mod files'.
        self.groups: dict[str, tuple[list[ReplaceSource], list[ReplaceSource]]] = {}
        for rep in replaces:
            work, mod = self.groups.setdefault(rep.module, ([], []))
            (work if rep.in_gowork else mod).append(rep)
        self.cache = cache

    def replacement(self, module: str, version: str) -> ReplaceSource | None:
        for group in self.groups.get(module, ()):
            exact = [
                r
                for r in group
                if r.replace.old_version and same_version(r.replace.old_version, version)
            ]
            if exact:
                return exact[-1]
            wildcard = [r for r in group if not r.replace.old_version]
            if wildcard:
                return wildcard[-1]
        return None

    def load(self, module: str, version: str) -> Summary | None:
        rep = self.replacement(module, version)
        if rep is not None and rep.target_dir is not None:
            target = resolve_dir(rep.file.parent, rep.replace.new_path)
            mod = read_gomod(self.snapshot, target / "go.mod")
            return _summary(mod) if mod is not None else None
        if rep is not None:
            module, version = rep.replace.new_path, rep.replace.new_version
        cached = self.cache.get(module) if self.cache else None
        data = cached.gomod(version) if cached else None
        return _summary(parse_gomod(data)) if data is not None else None


PRUNED, UNPRUNED, WORKSPACE = "pruned", "unpruned", "workspace"
"""How a module version's requirements are followed (go's ``modPruning``)."""


def build_list(snapshot: Snapshot, gomod_path: Path, mod: GoMod) -> Selection:
    """The versions ``go`` selects for the build of this go.mod (its workspace's, if any)."""
    return _build_list(snapshot, gomod_path, mod, module_cache())


def _build_list(
    snapshot: Snapshot, gomod_path: Path, mod: GoMod, cache: ModuleCache | None
) -> Selection:
    view = governing_workspace(snapshot, gomod_path)
    mains: dict[str, GoMod] = {}
    replaces: list[ReplaceSource] = []
    excluded: set[tuple[str, str]] = set()
    if view is None:
        mains[mod.module_path or ""] = mod
        replaces += [ReplaceSource(gomod_path, r, in_gowork=False) for r in mod.replaces]
        excluded |= {(e.path, e.version) for e in mod.excludes}
    else:
        for member in view.modules:
            if member.mod is not None and member.module_path:
                mains.setdefault(member.module_path, member.mod)
                replaces += [
                    ReplaceSource(member.gomod_path, r, in_gowork=False)
                    for r in member.mod.replaces
                ]
                excluded |= {(e.path, e.version) for e in member.mod.excludes}
        replaces += [ReplaceSource(view.path, r, in_gowork=True) for r in view.work.replaces]
    walk = _Walk(Selection(frozenset(mains)), _Loader(snapshot, mains, replaces, cache), excluded)
    if view is None:
        walk.roots(next(iter(mains)), mod)
    else:
        walk.workspace()
    return walk.selection


class _Walk:
    """Loads go.mod files the way go's ``readModGraph`` does and records the selection."""

    def __init__(self, selection: Selection, loader: _Loader, excluded: set[tuple[str, str]]):
        self.selection = selection
        self.loader = loader
        self.excluded = excluded
        self.edges: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {}
        """The requirements of each loaded module version (main modules at version "")."""
        self.queue: deque[tuple[str, str, str]] = deque()
        self.seen: set[tuple[str, str, str]] = set()
        self.loads = 0

    def require(self, requirer: str, module: str, version: str) -> bool:
        """Record an edge; whether go loads that module version's go.mod: any version not
        excluded, even an older version of a main module (which is never selected)."""
        if (module, version) in self.excluded:
            return False
        if module in self.selection.main:
            return bool(version)
        have = self.selection.selected.get(module)
        if have is None or compare_semver(version, have) > 0:
            self.selection.selected[module] = version
            self.selection.raised_by[module] = requirer
        return True

    def roots(self, path: str, main: GoMod) -> None:
        """Module mode: the main module's requirements are the roots."""
        pruning = PRUNED if _pruned(main) else UNPRUNED
        self.edges[(path, "")] = _summary(main).requires
        for req in main.requires:
            if self.require(path, req.path, req.version):
                self.queue.append((req.path, req.version, pruning))
        self.drain()

    def workspace(self) -> None:
        """Workspace mode: the workspace modules are the roots; then, until nothing changes,
        the selected version of every requirement a loaded module's edge undershoots is loaded
        as a root too (its dependencies may provide packages)."""
        for path in self.selection.main:
            self.queue.append((path, "", WORKSPACE))
        self.drain()
        deps_in_all = set(self.selection.main)
        done: set[tuple[str, str]] = set()
        while True:
            needed: set[tuple[str, str]] = set()
            for path in deps_in_all:
                current = (path, self._selected(path))
                if current not in done:
                    needed.add(current)
                    continue
                for req_path, req_version in self.edges.get(current, ()):
                    if req_path in self.selection.main:
                        continue
                    chosen = (req_path, self._selected(req_path))
                    if compare_semver(chosen[1], req_version) > 0 and chosen not in done:
                        needed.add(chosen)
            if not needed or self.selection.missing:
                return
            for module, version in sorted(needed):
                self.queue.append((module, version, WORKSPACE))
                done.add((module, version))
                deps_in_all.add(module)
            self.drain()

    def _selected(self, path: str) -> str:
        return "" if path in self.selection.main else self.selection.selected.get(path, "")

    def drain(self) -> None:
        """Load queued module versions, following requirements as ``pruning`` allows."""
        while self.queue:
            module, version, pruning = key = self.queue.popleft()
            if key in self.seen:
                continue
            self.seen.add(key)
            self.loads += 1
            if self.loads > MAX_LOADS:
                self.selection.missing.append("(too many modules)")
                self.queue.clear()
                return
            main = self.loader.mains.get(module) if not version else None
            summary = _summary(main) if main else self.loader.load(module, version)
            if summary is None:
                self.selection.missing.append(f"{module}@{version}")
                continue
            self.edges[(module, version)] = summary.requires
            requirer = module if main else f"{module}@{version}"
            follow = pruning != PRUNED or not summary.pruned
            after = UNPRUNED if pruning == UNPRUNED or not summary.pruned else PRUNED
            for path, req_version in summary.requires:
                if self.require(requirer, path, req_version) and follow:
                    self.queue.append((path, req_version, after))


def selection_for(snapshot: Snapshot, gomod_path: Path, mod: GoMod) -> Selection:
    """:func:`build_list`, once per snapshot and go.mod; for the snapshot's own document of
    ``gomod_path``, also kept across snapshots while nothing it read changed (so hovers and
    hints between two edits do not walk the graph again)."""

    def compute() -> Selection:
        if read_gomod(snapshot, gomod_path) is mod:
            return _kept_selection(snapshot, gomod_path)
        return build_list(snapshot, gomod_path, mod)

    return snapshot.memo(("mvs", gomod_path), compute)


@dataclass(frozen=True, slots=True)
class _KeptSelection:
    cache: ModuleCache | None
    """The module cache index the walk read (a rescan makes a new one)."""
    probes: tuple[tuple[Key, object], ...]
    """Reads no event reports (a go.work looked for above the workspace roots) and what
    they answered: asked again before reuse."""
    selection: Selection


def _probe(source: FileSource, key: Key) -> object:
    """What a read of ``key`` answers now; ``_UNPROBED`` when it cannot be asked again
    cheaply (a directory listing, or file bytes, whose key looks the same)."""
    if isinstance(key, Path):
        return _UNPROBED
    if key[0] == "stat":
        return (source.is_file(key[1]), source.is_dir(key[1]))
    if len(key) == 3:
        return source.document_bytes(key[1], key[2])
    return _UNPROBED


_UNPROBED = object()


def _kept_selection(snapshot: Snapshot, gomod_path: Path) -> Selection:
    """The selection of the snapshot's go.mod at ``gomod_path``, reused from an earlier
    snapshot while none of the files it read changed (the go.mod itself, go.work, the
    replacements' go.mod files: logged changes, or probed again when no event reports
    them) and the module cache index is the same one (its ``.mod`` files are written once;
    a rescan, every ``RESCAN_SECONDS``, starts over)."""
    key = ("mvs-kept", gomod_path)
    cache = module_cache()
    source = snapshot.source
    kept = snapshot.kept(key)
    if kept is not None:
        old, deps, touched = kept
        if (
            isinstance(old, _KeptSelection)
            and old.cache is cache
            and (not touched or not deps.intersects(touched))
            and all(_probe(source, k) == answer for k, answer in old.probes)
        ):
            source.replay(deps)
            snapshot.keep(key, old, deps, ())  # valid now: later checks scan a shorter log
            return old.selection
    reads = source.start_recording()
    try:
        mod = read_gomod(snapshot, gomod_path)  # recorded: an edit of it makes this stale
        assert mod is not None  # the caller read the same document
        selection = _build_list(snapshot, gomod_path, mod, cache)
    finally:
        source.stop_recording(reads)
    deps = reads.freeze()
    source.replay(deps)
    probes = [(k, _probe(source, k)) for k in deps.reads() if not snapshot.covered(k)]
    if all(answer is not _UNPROBED for _, answer in probes):
        snapshot.keep(key, _KeptSelection(cache, tuple(probes), selection), deps, ())
    return selection


def selected_hints(snapshot: Snapshot, gomod_path: Path, mod: GoMod) -> list[tuple[int, str, str]]:
    """(require index, selected version, who raised it) where the build uses another version.

    Empty when the selection is incomplete: a missing go.mod could raise any version.
    """
    selection = selection_for(snapshot, gomod_path, mod)
    if not selection.complete:
        return []
    out = []
    for number, req in enumerate(mod.requires):
        chosen = selection.selected.get(req.path)
        if chosen and not same_version(chosen, req.version):
            out.append((number, chosen, selection.raised_by.get(req.path, "")))
    return out

"""The module graph as far as the files on disk show it: workspaces, requirements, replaces.

Pure functions of a :class:`Snapshot`: every file is read through it, so a rule built on these
helpers is re-run when any go.work or go.mod it looked at changes.

``go`` decides which go.work governs a command by walking up from the current directory to the
nearest go.work (``GOWORK`` unset). For a go.mod that means: the nearest go.work above its
directory governs it when that go.work ``use``s the directory; otherwise the module is built in
module mode (as it is with ``GOWORK=off``).
"""

from __future__ import annotations

import os
from bisect import bisect_left
from collections import deque
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, compress, count, repeat
from operator import attrgetter, is_not
from pathlib import Path
from typing import Any, TypeVar

from gowls.analysis.go.documents import (
    fact,
    facts_without_uses,
    gomod,
    gowork,
    module_dir_gomod,
)
from gowls.analysis.snapshot import Snapshot, normalize
from gowls.analysis.source import Dependencies, Key
from gowls.syntax.directives import Replace
from gowls.syntax.gomod import GoMod, Require
from gowls.syntax.gowork import GoWork, Use
from gowls.syntax.versions import canonical_version, compare_go

_RESOLVED: dict[tuple[Path, str], Path] = {}
_RESOLVED_LIMIT = 100_000


def resolve_dir(base: Path, written: str) -> Path:
    """A directory written in a file of ``base`` (``use`` path, replace target), made absolute
    and cleaned the way ``go`` cleans it (remembered: a pure function of its arguments, asked
    for every module of a workspace by several rules of every pass)."""
    known = _RESOLVED.get((base, written))
    if known is not None:
        return known
    target = Path(written)
    resolved = normalize(target if target.is_absolute() else base / target)
    if base.is_absolute():
        if len(_RESOLVED) >= _RESOLVED_LIMIT:
            _RESOLVED.clear()
        _RESOLVED[(base, written)] = resolved
    return resolved


def module_dir_texts(snapshot: Snapshot, root: Path) -> frozenset[str]:
    """:func:`module_dirs` as text (a go.work's check asks whether its uses name them all)."""
    return snapshot.memo(
        ("module-dir-texts", root),
        lambda: frozenset(map(str, module_dirs(snapshot, root))),
        shared=True,
    )


def module_dirs(snapshot: Snapshot, root: Path) -> list[Path]:
    """Directories below ``root`` that hold a go.mod (vendor, testdata, hidden dirs skipped)."""

    def find() -> list[Path]:
        found = snapshot.source.walk(root, lambda name: name == "go.mod")
        return sorted(normalize(p.parent) for p in found)

    return list(snapshot.memo(("module-dirs", root), find, shared=True))


@dataclass(frozen=True, slots=True)
class UsedDir:
    """One ``use`` entry resolved against the go.work directory."""

    use: Use
    directory: Path
    shown: str
    """The directory as ``go`` names it in messages (cleaned, relative when written so)."""

    @property
    def shown_gomod(self) -> str:
        """The go.mod path as ``go`` names it."""
        return os.path.normpath(os.path.join(self.shown, "go.mod"))


def used_dirs(snapshot: Snapshot, path: Path, work: GoWork) -> tuple[UsedDir, ...]:
    """Every ``use`` of ``work`` (at ``path``) with its absolute directory (once per pass:
    every rule of the go.work and every go.mod of the workspace asks)."""

    def build() -> tuple[UsedDir, ...]:
        table = use_table(snapshot, path, work)
        pairs = zip(work.uses, table.entries, strict=True)
        return tuple(UsedDir(use, e.directory, e.shown) for use, e in pairs)

    return snapshot.memo(("used-dirs", path, id(work)), build)


@dataclass(frozen=True, slots=True, eq=False)
class UseEntry:
    """What one ``use`` path names: its directory and the go.mod there, with the reads that
    tell (kept across passes while none of them changes).

    Only the go.mod's existence and document are read: a directory without one is
    :attr:`has_gomod` false, and whether it exists at all is asked per pass (the editor
    reports go.mod files, not directories)."""

    written: str
    directory: Path
    directory_text: str
    """``str(directory)``: a cheap key (a ``Path`` hashes its parts on every look-up)."""
    shown: str
    gomod_path: Path
    has_gomod: bool
    mod: GoMod | None
    """The go.mod there (None: none, or unreadable)."""
    reads: frozenset[Key]
    module: str | None
    go_floor: str | None
    """The go.mod's go line if ``go`` makes go.work honour it (1.21 or later)."""
    replace_targets: tuple[str, ...]
    """Each replace of the go.mod, in order: the target directory (absolute) or
    ``path@version``, as a key for comparing replaces across modules."""
    replace_dirs: tuple[Path, ...]
    """The target directories of the go.mod's directory replaces, in order."""
    conflicted: frozenset[tuple[str, str]]
    """(module, version) keys the go.mod replaces more than one way (its own conflict)."""
    volatile: bool
    """Some read is of a file the editor does not report (a go.mod under ``testdata/``,
    outside the roots): redone in every pass, never kept."""


def _use_entry(snapshot: Snapshot, base: Path, written: str) -> UseEntry:
    directory = resolve_dir(base, written)
    gomod_path = directory / "go.mod"
    reads = snapshot.source.start_recording()
    try:
        has_gomod = snapshot.source.is_file(gomod_path)
        mod = module_dir_gomod(snapshot, directory) if has_gomod else None
    finally:
        snapshot.source.stop_recording(reads)
    module = mod.module.path if mod is not None and mod.module is not None else None
    floor = mod.go.version if mod is not None and mod.go is not None else None
    if floor is not None and compare_go(floor, "1.21") < 0:
        floor = None
    replaces = mod.replaces if mod is not None else ()
    dirs = tuple(resolve_dir(directory, r.new_path) for r in replaces if r.is_local)
    local = iter(dirs)
    targets = tuple(
        str(next(local)) if r.is_local else f"{r.new_path}@{r.new_version}" for r in replaces
    )
    read = reads.freeze().reads()
    return UseEntry(
        written,
        directory,
        str(directory),
        os.path.normpath(written),
        gomod_path,
        has_gomod,
        mod,
        read,
        module,
        floor,
        targets,
        dirs,
        frozenset(conflicted_modules(mod)) if mod is not None else frozenset(),
        not all(map(snapshot.covered, read)),
    )


def own_conflicts(mod: GoMod) -> Iterator[tuple[Replace, Replace]]:
    """(first, later) pairs of replaces of one module version with different replacements."""
    first: dict[tuple[str, str], Replace] = {}
    for rep in mod.replaces:
        earlier = first.setdefault((rep.old_path, rep.old_version), rep)
        if earlier is not rep and (earlier.new_path, earlier.new_version) != (
            rep.new_path,
            rep.new_version,
        ):
            yield earlier, rep


def conflicted_modules(mod: GoMod) -> set[tuple[str, str]]:
    """(module, version) keys this go.mod replaces more than one way."""
    return {(rep.old_path, rep.old_version) for _, rep in own_conflicts(mod)}


@dataclass(frozen=True, slots=True, eq=False)
class UseTable:
    """The ``use`` entries of a go.work, in order, with the indexes its rules ask for.

    Built incrementally across passes: an entry is reused while its own reads are unchanged
    and the go.work still writes its path, so an edit of the go.work costs in proportion to
    the uses it changes (plus one cheap pass over the list)."""

    written: tuple[str, ...]
    entries: tuple[UseEntry, ...]
    deps: Dependencies
    no_gomod: tuple[int, ...]
    """Uses whose directory holds no go.mod file (missing, a file, or not a module)."""
    repeated_dirs: tuple[tuple[int, int], ...]
    """(use, first use of the same directory)."""
    repeated_modules: tuple[tuple[int, int], ...]
    """(use, first use declaring the same module path), repeated directories left out."""
    no_module_line: tuple[int, ...]
    """Uses whose go.mod parses but declares no module."""
    floors: dict[str, tuple[int, ...]]
    """go.mod go lines of 1.21 or later → the uses with that line."""
    with_replaces: tuple[int, ...]
    """Uses whose go.mod has replace directives."""
    provided: frozenset[str]
    """Module paths the used go.mod files declare."""
    directories: frozenset[str]
    """The used directories (as :attr:`UseEntry.directory_text`)."""
    by_written: dict[str, UseEntry]
    volatile: bool
    """Some entry is :attr:`UseEntry.volatile`."""
    first_dir: dict[str, int]
    """Each used directory → its first use (what a table extending this one resumes from)."""
    first_module: dict[str, int]
    """Each declared module path → its first use (repeated directories left out)."""


ALONE_USES = 200
"""Up to this many uses, a go.work checked before the start-up scan ends reads every used
go.mod for its first diagnostics; beyond, the rules that need them wait for the pass after
the scan (each go.mod costs ~0.5 ms to read: a 1,000-use go.work opened at start-up would
get its first diagnostics after more than half a second, while the scan reads them too)."""


def use_table(snapshot: Snapshot, path: Path, work: GoWork) -> UseTable:
    """The :class:`UseTable` of ``work`` (at ``path``): once per pass, and across passes
    only its changed entries are redone. An index over the whole workspace in an alone
    snapshot when the go.work uses more than :data:`ALONE_USES` directories."""
    if len(work.uses) > ALONE_USES:
        snapshot.whole()
    return snapshot.memo(("use-table", path, id(work)), lambda: _use_table(snapshot, path, work))


def _use_table(snapshot: Snapshot, path: Path, work: GoWork) -> UseTable:
    written = tuple(use.path for use in work.uses)
    key = ("use-table", path)
    reuse: dict[str, UseEntry] = {}
    kept = snapshot.kept(key)
    old = kept[0] if kept is not None else None
    start = 0
    if kept is not None and isinstance(old, UseTable):
        deps, touched = kept[1], kept[2]
        fresh = touched.isdisjoint(deps.own) if not deps.shared else not deps.intersects(touched)
        if fresh and not old.volatile:
            if old.written == written:
                snapshot.source.replay(deps)
                return old
            # Every entry is still good: the uses before the first changed one keep their
            # entries and the indexes built over them (an edit at the end costs its lines).
            reuse = old.by_written
            start = _common_prefix(old.written, written)
        else:
            reuse = {
                w: e
                for w, e in old.by_written.items()
                if not e.volatile and (fresh or e.reads.isdisjoint(touched))
            }
    base = path.parent
    entries: list[UseEntry] = []
    by_written: dict[str, UseEntry] = {}
    if start:
        assert isinstance(old, UseTable)
        entries = list(old.entries[:start])
        by_written = dict(zip(written[:start], entries, strict=True))
    new_reads: set[Key] = set()
    for text in written[start:]:
        entry = by_written.get(text) or reuse.get(text)
        if entry is None:
            entry = _use_entry(snapshot, base, text)
            if not entry.volatile:
                new_reads.update(entry.reads)
        by_written[text] = entry
        entries.append(entry)
    if start:
        assert isinstance(old, UseTable)
        table = _index(written, tuple(entries), by_written, old, start)
    else:
        table = _index(written, tuple(entries), by_written)
    snapshot.source.replay(table.deps)
    # A reused entry's reads were found covered when its table was kept; a volatile one's
    # are not covered, and it is redone in every pass.
    snapshot.keep(key, table, table.deps, new_reads)
    return table


def reader_facts(snapshot: Snapshot, path: Path, work: GoWork) -> Hashable:
    """A go.work's facts as the go.mod files reading it see them: its facts without the uses
    of directories that hold no go.mod.

    Such a use adds no module: no graph, module path or directory look-up of a go.mod's
    check finds it (the go.mod it would be found for does not exist), and a use added or
    removed below the others moves none of their spans (an edit above them does, which is a
    fact). So typing ``use ./newdir`` before the directory exists re-checks no go.mod."""
    table = use_table(snapshot, path, work)
    uses: Iterable[Use] = work.uses
    if table.no_gomod:
        skip = set(table.no_gomod)
        uses = (use for i, use in enumerate(uses) if i not in skip)
    return (tuple(map(fact, uses)), facts_without_uses(work))


def _common_prefix(old: tuple[str, ...], new: tuple[str, ...]) -> int:
    """How many leading uses ``old`` and ``new`` write alike."""
    shorter = min(len(old), len(new))
    if old[:shorter] == new[:shorter]:  # an edit at the end: compared without a loop
        return shorter
    return next(i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b)


def _below(indexes: tuple[int, ...], start: int) -> list[int]:
    return list(indexes[: bisect_left(indexes, start)])


def _pairs_below(pairs: tuple[tuple[int, int], ...], start: int) -> list[tuple[int, int]]:
    return list(pairs[: bisect_left(pairs, (start,))])


@dataclass(slots=True)
class _Indexes:
    """The indexes of a use table while it is built (lists in use order)."""

    no_gomod: list[int] = field(default_factory=list)
    dirs: list[tuple[int, int]] = field(default_factory=list)
    modules: list[tuple[int, int]] = field(default_factory=list)
    no_module_line: list[int] = field(default_factory=list)
    floors: dict[str, list[int]] = field(default_factory=dict)
    replaces: list[int] = field(default_factory=list)
    first_dir: dict[str, int] = field(default_factory=dict)
    first_module: dict[str, int] = field(default_factory=dict)

    @classmethod
    def below(cls, table: UseTable, start: int) -> _Indexes:
        """``table``'s indexes over its first ``start`` uses (as indexing them gives)."""
        floors = {v: _below(uses, start) for v, uses in table.floors.items()}
        whole = start == len(table.entries)
        return cls(
            _below(table.no_gomod, start),
            _pairs_below(table.repeated_dirs, start),
            _pairs_below(table.repeated_modules, start),
            _below(table.no_module_line, start),
            {v: uses for v, uses in floors.items() if uses},
            _below(table.with_replaces, start),
            dict(table.first_dir) if whole else _firsts_below(table.first_dir, start),
            dict(table.first_module) if whole else _firsts_below(table.first_module, start),
        )


def _firsts_below(firsts: dict[str, int], start: int) -> dict[str, int]:
    # Built in use order: the names first used at or after ``start`` are the last ones.
    out = dict(firsts)
    for name in reversed(firsts):
        if firsts[name] < start:
            break
        del out[name]
    return out


def _index(
    written: tuple[str, ...],
    entries: tuple[UseEntry, ...],
    by_written: dict[str, UseEntry],
    base: UseTable | None = None,
    start: int = 0,
) -> UseTable:
    """The table of ``entries``; with a ``base`` table whose first ``start`` entries are
    those of ``entries``, its indexes over them are kept and only the rest are indexed."""
    state = _Indexes() if base is None or not start else _Indexes.below(base, start)
    no_gomod, repeated_dirs, repeated_modules = state.no_gomod, state.dirs, state.modules
    no_module_line, floors, with_replaces = state.no_module_line, state.floors, state.replaces
    first_dir, first_module = state.first_dir, state.first_module
    for i, entry in enumerate(entries[start:], start):
        earlier = first_dir.setdefault(entry.directory_text, i)
        if earlier != i:
            repeated_dirs.append((i, earlier))
        if not entry.has_gomod:
            no_gomod.append(i)
        mod = entry.mod
        if mod is None:
            continue
        if entry.module is not None:
            if earlier == i:
                first = first_module.setdefault(entry.module, i)
                if first != i:
                    repeated_modules.append((i, first))
        elif not mod.problems:
            no_module_line.append(i)
        if entry.go_floor is not None:
            floors.setdefault(entry.go_floor, []).append(i)
        if mod.replaces:
            with_replaces.append(i)
    added = entries[start:]
    if base is not None and start == len(base.entries):  # uses appended: no read dropped
        reads = base.deps.own.union(*(e.reads for e in added))
    else:
        reads = frozenset().union(*(e.reads for e in by_written.values()))
    # the entries before ``start`` are the base's, and a volatile base is never resumed
    volatile = any(e.volatile for e in (by_written.values() if base is None else added))
    return UseTable(
        written,
        entries,
        Dependencies(reads),
        tuple(no_gomod),
        tuple(repeated_dirs),
        tuple(repeated_modules),
        tuple(no_module_line),
        {v: tuple(uses) for v, uses in floors.items()},
        tuple(with_replaces),
        frozenset(first_module),
        frozenset(first_dir),
        by_written,
        volatile,
        first_dir,
        first_module,
    )


def _find_gowork(snapshot: Snapshot, directory: Path) -> Path | None:
    candidate = directory / "go.work"
    if snapshot.source.is_file(candidate):
        return candidate
    if directory.parent == directory:
        return None
    return find_gowork(snapshot, directory.parent)


@dataclass(frozen=True, slots=True)
class WorkspaceModule:
    """One ``use``d directory of a workspace and the go.mod it holds (if any)."""

    used: UsedDir
    gomod_path: Path
    mod: GoMod | None

    @property
    def directory(self) -> Path:
        """The absolute, cleaned module directory."""
        return self.used.directory

    @property
    def module_path(self) -> str | None:
        """The module path its go.mod declares."""
        return self.mod.module_path if self.mod is not None else None


@dataclass(frozen=True, slots=True)
class WorkspaceView:
    """A go.work and the modules it uses."""

    path: Path
    work: GoWork
    modules: tuple[WorkspaceModule, ...]
    _by_module: dict[str, WorkspaceModule] = field(init=False, repr=False, compare=False)
    _by_dir: dict[Path, WorkspaceModule] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Indexes keep the first module of each path and directory, as a scan would find.
        by_module: dict[str, WorkspaceModule] = {}
        by_dir: dict[Path, WorkspaceModule] = {}
        for module in self.modules:
            if module.module_path is not None:
                by_module.setdefault(module.module_path, module)
            by_dir.setdefault(module.directory, module)
        object.__setattr__(self, "_by_module", by_module)
        object.__setattr__(self, "_by_dir", by_dir)

    @property
    def directory(self) -> Path:
        """The go.work directory (where ``go`` resolves go.work replace targets)."""
        return self.path.parent

    def by_module(self, module_path: str) -> WorkspaceModule | None:
        """The first used module declaring ``module_path``."""
        return self._by_module.get(module_path)

    def by_dir(self, directory: Path) -> WorkspaceModule | None:
        """The first ``use`` of ``directory``."""
        return self._by_dir.get(directory)


def find_gowork(snapshot: Snapshot, directory: Path) -> Path | None:
    """The nearest go.work in ``directory`` or above it, as ``go`` finds it.

    Memoised per directory, so sibling modules share the look-up of their common parents.
    """
    current = normalize(directory)
    return snapshot.memo(
        ("find-gowork", current), lambda: _find_gowork(snapshot, current), shared=True
    )


def workspace_view(snapshot: Snapshot, path: Path) -> WorkspaceView | None:
    """The go.work at ``path`` with its used modules, or None if it cannot be read."""
    return snapshot.memo(
        ("workspace_view", path), lambda: _workspace_view(snapshot, path), shared=True
    )


def _workspace_view(snapshot: Snapshot, path: Path) -> WorkspaceView | None:
    snapshot.whole()  # every used module's go.mod: not while a go.mod is checked alone
    work = gowork(snapshot, path)
    if work is None:
        return None
    table = use_table(snapshot, path, work)
    modules = tuple(
        WorkspaceModule(used, entry.gomod_path, entry.mod)
        for used, entry in zip(used_dirs(snapshot, path, work), table.entries, strict=True)
    )
    return WorkspaceView(path, work, modules)


def unused_by_workspace(snapshot: Snapshot, gomod_path: Path) -> Path | None:
    """The go.work above a go.mod that does not use its module, or None.

    In that module's directory go still finds the go.work (and fails: the module is not in
    it), so go reads this go.mod only with ``GOWORK=off``.
    """
    found = find_gowork(snapshot, gomod_path.parent)
    if found is None:
        return None
    view = workspace_view(snapshot, found)
    if view is not None and view.by_dir(normalize(gomod_path.parent)) is not None:
        return None
    return found


def governing_workspace(snapshot: Snapshot, gomod_path: Path) -> WorkspaceView | None:
    """The workspace a go.mod's module is built in, or None (module mode).

    The nearest go.work above the go.mod governs it if it uses the go.mod's directory.
    """
    found = find_gowork(snapshot, gomod_path.parent)
    if found is None:
        return None
    view = workspace_view(snapshot, found)
    if view is None or view.by_dir(normalize(gomod_path.parent)) is None:
        return None
    return view


def shown_relative(target: Path, base: Path) -> str:
    """``target`` as a replace or use path written in a file in ``base`` (``./x``, ``../x``)."""
    rel = os.path.relpath(target, base).replace(os.sep, "/")
    if rel == ".":
        return "."
    return rel if rel.startswith("../") or rel == ".." else f"./{rel}"


@dataclass(frozen=True, slots=True)
class ReplaceSource:
    """A replace directive and the file that declares it."""

    file: Path
    replace: Replace
    in_gowork: bool
    target_dir: Path | None = field(init=False, repr=False, compare=False)
    """The absolute directory of a directory replacement, else None."""
    target_gomod: Path | None = field(init=False, repr=False, compare=False)
    """The go.mod in :attr:`target_dir` (which go reads), else None."""

    def __post_init__(self) -> None:
        # Resolved once: a graph's replace sources live as long as their replace line, and
        # the rules of every keystroke ask for these several times per replace.
        target = None
        if self.replace.is_local:
            target = resolve_dir(self.file.parent, self.replace.new_path)
        object.__setattr__(self, "target_dir", target)
        object.__setattr__(self, "target_gomod", target / "go.mod" if target else None)

    @property
    def module(self) -> str:
        """The replaced module path."""
        return self.replace.old_path

    @property
    def target_text(self) -> str:
        """The replacement as written: ``../dir`` or ``other/mod v1.2.3``."""
        rep = self.replace
        return rep.new_path if rep.is_local else f"{rep.new_path} {rep.new_version}"

    def serves(self, version: str) -> bool:
        """Whether the replace applies to ``version`` of its module."""
        return not self.replace.old_version or same_version(self.replace.old_version, version)

    def same_target(self, other: ReplaceSource) -> bool:
        """Whether two replaces point at the same directory or module version."""
        if self.replace.is_local != other.replace.is_local:
            return False
        if self.replace.is_local:
            return self.target_dir == other.target_dir
        return (self.replace.new_path, self.replace.new_version) == (
            other.replace.new_path,
            other.replace.new_version,
        )


@dataclass(frozen=True, slots=True)
class Requirement:
    """A ``require`` line and the go.mod that declares it."""

    file: Path
    require: Require
    read: bool = True
    """Whether go reads the required module's go.mod: false beyond the first level of a pruned
    graph (go 1.17+), where go keeps the requirement but never opens that go.mod."""

    @property
    def module(self) -> str:
        """The required module path."""
        return self.require.path

    @property
    def version(self) -> str:
        """The required version."""
        return self.require.version


def same_version(a: str, b: str) -> bool:
    """Whether two module versions are equal (compared canonically, as ``go`` does)."""
    return a == b or (canonical_version(a) or a) == (canonical_version(b) or b)


class ModuleGraph:
    """What ``go`` would see of the module graph, limited to files on disk.

    ``workspace`` is None in module mode (one main module). ``requirements`` are the
    ``require`` lines of the main modules and of every go.mod a directory replacement brings in
    (followed transitively); requirements of downloaded modules are out of sight.
    """

    def __init__(
        self,
        main: tuple[Path, ...],
        workspace: WorkspaceView | None,
        work_replaces: tuple[ReplaceSource, ...],
        mod_replaces: tuple[ReplaceSource, ...],
    ) -> None:
        self.main = main
        """go.mod paths of the main modules."""
        self.workspace = workspace
        self.discriminator = workspace.path if workspace is not None else main[0]
        """What tells this graph from another graph reading the same go.mod files: its go.work,
        or its one main module's go.mod."""
        self.work_replaces = work_replaces
        self.mod_replaces = mod_replaces
        """Replaces of the main modules' go.mods (all of them, including overridden ones)."""
        self.requirements: tuple[Requirement, ...] = ()
        self.target_gomods: dict[Path, GoMod | None] = {}
        """The go.mod (None: none) of each replacement directory the graph's requirements
        led to, as ``module_dir_gomod`` found it while building the graph."""
        self.malformed: tuple[Path, ...] = ()
        """go.mod files of the graph with syntax problems: requirements may be missing."""
        self._work_by_module = _by_module(work_replaces)
        self._active_by_module = _by_module(
            tuple(r for r in mod_replaces if not self.overridden_by_gowork(r))
            if work_replaces
            else mod_replaces  # nothing in go.work to override them
        )
        self.replaced = frozenset(self._work_by_module).union(self._active_by_module)
        """Modules some replace in force serves (at some version)."""
        self._reqs_by_module: dict[str, list[Requirement]] | None = None
        self._replaces_by_file: dict[Path, list[ReplaceSource]] = {}
        for rep in mod_replaces:
            self._replaces_by_file.setdefault(rep.file, []).append(rep)

    def replaces_of(self, gomod_path: Path) -> list[ReplaceSource]:
        """The replaces ``gomod_path`` itself declares, in file order."""
        return list(self._replaces_by_file.get(gomod_path, ()))

    def set_requirements(self, requirements: tuple[Requirement, ...]) -> None:
        """Record the visible requirements (done once, while building the graph)."""
        self.requirements = requirements
        self._reqs_by_module = None  # indexed on first use: only replaces ask (a keystroke's
        # check of a 5,000-line go.mod without replaces would index it for nothing)

    def replacement(self, module: str, version: str) -> ReplaceSource | None:
        """The replace ``go`` applies to ``module@version``: go.work first, exact versions first."""
        if module not in self.replaced:
            return None
        for index in (self._work_by_module, self._active_by_module):
            group = index.get(module, ())
            for rep in group:
                if rep.replace.old_version and same_version(rep.replace.old_version, version):
                    return rep
            for rep in group:
                if not rep.replace.old_version:
                    return rep
        return None

    def overridden_by_gowork(self, rep: ReplaceSource) -> bool:
        """Whether a go.mod replace is ignored because go.work replaces the same thing."""
        if rep.in_gowork:
            return False
        for own in self._work_by_module.get(rep.module, ()):
            if not own.replace.old_version or (
                rep.replace.old_version
                and same_version(own.replace.old_version, rep.replace.old_version)
            ):
                return True
        return False

    def requirements_of(self, module: str) -> list[Requirement]:
        """Every visible requirement of ``module``."""
        index = self._reqs_by_module
        if index is None:
            # Only replaced modules are asked for (by the rules about replaces): their
            # requirements are picked out in C, the rest of a big go.mod is not walked.
            index = {rep.module: [] for rep in (*self.work_replaces, *self.mod_replaces)}
            reqs = self.requirements
            asked = map(index.__contains__, map(_REQUIRED_PATH, reqs))
            for req in compress(reqs, asked):
                index[req.module].append(req)
            self._reqs_by_module = index
        found = index.get(module)
        if found is None:
            return [req for req in self.requirements if req.module == module]
        return list(found)

    def uses(self, rep: ReplaceSource, read_only: bool = False) -> list[Requirement]:
        """The visible requirements ``go`` serves with ``rep`` (``read_only``: only those
        whose go.mod go reads, so a missing target breaks the load)."""
        out = []
        for req in self.requirements_of(rep.module):
            if read_only and not req.read:
                continue
            chosen = self.replacement(req.module, req.version)
            if chosen is None:
                continue
            if chosen is rep or (
                not chosen.in_gowork
                and not rep.in_gowork
                and chosen.replace.old_version == rep.replace.old_version
                and chosen.same_target(rep)
            ):
                out.append(req)
        return out


_PATH = attrgetter("path")
_REQUIRED_PATH = attrgetter("require.path")


def _by_module(replaces: tuple[ReplaceSource, ...]) -> dict[str, list[ReplaceSource]]:
    out: dict[str, list[ReplaceSource]] = {}
    for rep in replaces:
        out.setdefault(rep.module, []).append(rep)
    return out


def _replace_sources(file: Path, replaces: list[Replace], in_gowork: bool) -> list[ReplaceSource]:
    return _reused(
        _LAST_SOURCES,
        (file, in_gowork),
        replaces,
        lambda rep: ReplaceSource(file, rep, in_gowork),
        "replace",
    )


def _collect_requirements(
    snapshot: Snapshot,
    mains: list[tuple[Path, GoMod]],
    graph: ModuleGraph,
) -> tuple[Requirement, ...]:
    """Requirements of the main modules plus those of directory replacements, transitively.

    Each says whether go reads the required module's go.mod (graph pruning: go reads the
    go.mod of every module a main module requires, and goes further only through modules,
    or a module-mode main module, whose go line is below 1.17).
    """
    visits: list[tuple[Path, list[Requirement]]] = []
    # path -> (its requirements' go.mod files are read, inside an unpruned closure)
    best: dict[Path, tuple[bool, bool]] = {}
    queue: deque[tuple[Path, GoMod, bool, bool]] = deque()
    for path, mod in mains:
        unpruned = graph.workspace is None and compare_go(_go_of(mod), "1.17") < 0
        queue.append((path, mod, True, unpruned))
    replaced = graph.replaced  # only requirements of these lead to another go.mod
    while queue:
        path, mod, reads, unpruned = queue.popleft()
        previous = best.get(path)
        if previous is not None and previous >= (reads, unpruned):
            continue
        best[path] = (reads, unpruned)
        if mod.problems and path not in graph.malformed:
            graph.malformed = (*graph.malformed, path)
        made = _requirements_of(path, mod, reads)
        visits.append((path, made))
        if not replaced or replaced.isdisjoint(map(_PATH, mod.requires)):
            continue
        targets: list[Path] = []
        for req in compress(mod.requires, map(replaced.__contains__, map(_PATH, mod.requires))):
            rep = graph.replacement(req.path, req.version)
            if rep is not None and rep.target_dir is not None:
                targets.append(rep.target_dir)
        found = _target_gomods(snapshot, (graph.discriminator, path), targets)
        graph.target_gomods.update(found)
        for target in targets:
            target_mod = found[target]
            if target_mod is not None:
                closure = unpruned or compare_go(_go_of(target_mod), "1.17") < 0
                queue.append((target / "go.mod", target_mod, reads and closure, closure))
    if len(visits) == len(best):  # each go.mod read once (the rule): no requirement twice
        return tuple(chain.from_iterable(made for _, made in visits))
    # A go.mod read again (from a closure that reads more) keeps its first place.
    requirements: dict[tuple[Path, int], Requirement] = {}
    for path, made in visits:
        for one in made:
            requirements[(path, id(one.require))] = one
    return tuple(requirements.values())


@dataclass(frozen=True, slots=True)
class _TargetGomods:
    """The go.mod of each replacement directory one go.mod's requirements lead to."""

    targets: tuple[Path, ...]
    found: dict[Path, GoMod | None]


def _target_gomods(
    snapshot: Snapshot, owner: tuple[Path, Path], targets: list[Path]
) -> dict[Path, GoMod | None]:
    """``module_dir_gomod`` of each of ``targets`` (directories one go.mod's requirements are
    replaced by, in ``owner``'s graph: its discriminator and that go.mod).

    Kept across passes as one value, revalidated as a whole: a keystroke elsewhere in a go.mod
    with 60 directory replacements checks one kept value's reads instead of 60 (each look-up
    of a kept go.mod costs as much as the check of them all)."""
    key = ("replace-target-gomods", owner)
    wanted = tuple(dict.fromkeys(targets))
    kept = snapshot.kept(key)
    if kept is not None:
        old, deps, touched = kept
        if (
            isinstance(old, _TargetGomods)
            and old.targets == wanted
            and (not touched or not deps.intersects(touched))
        ):
            snapshot.source.replay(deps)
            snapshot.keep(key, old, deps, ())  # valid now: later checks scan a shorter log
            return old.found
    source = snapshot.source
    reads = source.start_recording()
    try:
        found = {target: module_dir_gomod(snapshot, target) for target in wanted}
    finally:
        source.stop_recording(reads)
    deps = reads.freeze()
    source.replay(deps)
    snapshot.keep(key, _TargetGomods(wanted, found), deps)
    return found


_LAST: dict[tuple[Path, bool], dict[int, Requirement]] = {}
"""Per go.mod and ``read``, the requirements last made, by their require's identity: a
re-parse keeps the unchanged lines' ``Require`` objects, so a keystroke's check of a big
go.mod reuses their ``Requirement`` instead of building thousands again."""
_LAST_SOURCES: dict[tuple[Path, bool], dict[int, ReplaceSource]] = {}
"""The same for the replaces of a go.mod or go.work (keyed by file and ``in_gowork``)."""
_LAST_LIMIT = 64
S = TypeVar("S")
T = TypeVar("T")


def _requirements_of(path: Path, mod: GoMod, reads: bool) -> list[Requirement]:
    return _reused(
        _LAST, (path, reads), mod.requires, lambda req: Requirement(path, req, reads), "require"
    )


class _Miss:
    """What the look-up of an item made nothing last time finds: built from no item."""

    __slots__ = ()
    require = None
    replace = None


_MISS = _Miss()


def _reused(
    cache: dict[tuple[Path, bool], dict[int, T]],
    key: tuple[Path, bool],
    items: list[S],
    build: Callable[[S], T],
    source: str,
) -> list[T]:
    """``build(item)`` for each item, taking the value made last time under ``key`` for the
    very same item object (its attribute ``source``) instead (remembered for the next call;
    at most ``_LAST_LIMIT`` keys). The look-ups run as iterators in C: a keystroke in a
    5,000-line go.mod builds one value and walks the rest without a Python step each."""
    last = cache.get(key)
    ids = list(map(id, items))
    out: list[Any]
    if last:
        out = list(map(last.get, ids, repeat(_MISS)))
        fresh: Iterable[bool] = map(is_not, map(attrgetter(source), out), items)
    else:
        out = [_MISS] * len(items)
        fresh = repeat(True, len(items))
    for at in compress(count(), fresh):
        out[at] = build(items[at])
    if len(cache) >= _LAST_LIMIT and key not in cache:
        cache.clear()
    cache[key] = dict(zip(ids, out, strict=True))
    return out


def _go_of(mod: GoMod) -> str:
    """A go.mod's go version; go reads a missing go line as 1.16."""
    return mod.go.version if mod.go is not None else "1.16"


def module_graph(snapshot: Snapshot, gomod_path: Path, mod: GoMod) -> ModuleGraph:
    """The graph ``go`` builds for this go.mod: its workspace's if one governs it."""
    view = governing_workspace(snapshot, gomod_path)
    if view is None:
        return module_mode_graph(snapshot, gomod_path, mod)
    if gomod(snapshot, gomod_path) is mod:
        # Every module of one workspace shares its graph: build it once per snapshot.
        return snapshot.memo(
            ("workspace_graph", view.path),
            lambda: _workspace_graph(snapshot, view, gomod_path, mod),
            shared=True,
        )
    return _workspace_graph(snapshot, view, gomod_path, mod)


def workspace_graph(snapshot: Snapshot, view: WorkspaceView) -> ModuleGraph:
    """The module graph of a workspace, shared by the rules of its go.work and modules."""
    return snapshot.memo(
        ("workspace_graph", view.path),
        lambda: _workspace_graph(snapshot, view, None, None),
        shared=True,
    )


def _workspace_graph(
    snapshot: Snapshot, view: WorkspaceView, gomod_path: Path | None, mod: GoMod | None
) -> ModuleGraph:
    mains: list[tuple[Path, GoMod]] = []
    mod_replaces: list[ReplaceSource] = []
    seen: set[Path] = set()
    for module in view.modules:
        if module.mod is None or module.gomod_path in seen:
            continue
        seen.add(module.gomod_path)
        current = mod if mod is not None and module.gomod_path == gomod_path else module.mod
        mains.append((module.gomod_path, current))
        mod_replaces.extend(_replace_sources(module.gomod_path, current.replaces, False))
    work_replaces = _replace_sources(view.path, view.work.replaces, True)
    graph = ModuleGraph(tuple(p for p, _ in mains), view, tuple(work_replaces), tuple(mod_replaces))
    graph.set_requirements(_collect_requirements(snapshot, mains, graph))
    return graph


def module_mode_graph(snapshot: Snapshot, gomod_path: Path, mod: GoMod) -> ModuleGraph:
    """The graph ``go`` builds for this go.mod alone (module mode, ``GOWORK=off``)."""
    if gomod(snapshot, gomod_path) is mod:  # the snapshot's own document: build it once
        return snapshot.memo(
            ("module_mode_graph", gomod_path),
            lambda: _module_mode_graph(snapshot, gomod_path, mod),
        )
    return _module_mode_graph(snapshot, gomod_path, mod)


def _module_mode_graph(snapshot: Snapshot, gomod_path: Path, mod: GoMod) -> ModuleGraph:
    replaces = _replace_sources(gomod_path, mod.replaces, False)
    graph = ModuleGraph((gomod_path,), None, (), tuple(replaces))
    graph.set_requirements(_collect_requirements(snapshot, [(gomod_path, mod)], graph))
    return graph


def own_replaces(graph: ModuleGraph, gomod_path: Path) -> Iterator[ReplaceSource]:
    """The replaces ``gomod_path`` itself declares."""
    return iter(graph.replaces_of(gomod_path))


def fully_visible(snapshot: Snapshot, graph: ModuleGraph) -> bool:
    """Whether every module in the graph has its go.mod on disk (nothing is downloaded).

    Only then can a rule tell that no module in the graph requires something: a downloaded
    module's go.mod may require any module at any version, and so may a malformed line.
    Memoised per graph: every go.mod of a workspace asks about the same graph.
    """
    return snapshot.memo(("fully-visible", graph), lambda: _fully_visible(snapshot, graph))


def _fully_visible(snapshot: Snapshot, graph: ModuleGraph) -> bool:
    if graph.malformed:
        return False  # a require go cannot parse may name anything
    for req in graph.requirements:
        if graph.workspace is not None and graph.workspace.by_module(req.module) is not None:
            continue
        rep = graph.replacement(req.module, req.version)
        if rep is None or rep.target_dir is None:
            return False
        if not snapshot.source.is_file(rep.target_dir / "go.mod"):
            return False
    return True

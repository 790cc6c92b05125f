"""The live workspace model: roots, open documents, known files and the latest results.

Both front ends drive this one object.  ``--check`` builds it once and checks every file in
one pass; the language server keeps it for the session, feeding it buffer edits and
file-system events, and asks which files need their findings recomputed (those whose recorded
reads touch a change).  Every pass runs in a single :class:`Snapshot`, so workspace-wide
indexes are built once per pass however many files it checks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from gowls.analysis.engine import FileResult, check_file, discover, related_files
from gowls.analysis.language import Languages
from gowls.analysis.limits import Limits
from gowls.analysis.snapshot import ParseCache, Snapshot, normalize
from gowls.analysis.source import FileSource, OpenDocument, exists, is_dir, is_file, is_skipped_dir
from gowls.syntax.alloc import gc_paused

if TYPE_CHECKING:
    from gowls.analysis.config import Policy


class Workspace:
    """Roots, overlay, discovered files and per-file results with their dependencies."""

    def __init__(
        self,
        roots: Sequence[Path] = (),
        policy: Policy | None = None,
        *,
        languages: Languages,
    ) -> None:
        self.roots: list[Path] = [normalize(r) for r in roots]
        self.policy = policy
        """Configuration and suppressions applied to every result (None: report everything)."""
        self.languages = languages
        self.overlay: dict[Path, OpenDocument] = {}
        self.cache = ParseCache()
        self.files: set[Path] = set()
        """Supported files known to exist (discovered, opened, or brought in by another file)."""
        self.results: dict[Path, FileResult] = {}
        self.passes = 0
        self.unreadable_dirs: dict[Path, str] = {}
        """Directories the last discovery could not list or search: path → reason."""
        """How many analysis passes have run to completion (each pass is one snapshot)."""

    # -- snapshots ------------------------------------------------------------------------
    def snapshot(self) -> Snapshot:
        """A view of the current state (the overlay is copied: later edits do not leak in)."""
        source = FileSource(dict(self.overlay), self.limits().max_file_size)
        return Snapshot(source, self.languages, self.cache, tuple(self.roots), self.policy)

    def limits(self) -> Limits:
        """The limits configured at the first root (the defaults without one)."""
        if self.policy is None or not self.roots:
            return Limits()
        try:
            return self.policy.config_for(self.roots[0]).limits
        except ValueError:  # a broken configuration is reported where it is applied
            return Limits()

    # -- discovery ------------------------------------------------------------------------
    def discover_files(self, roots: Sequence[Path] | None = None) -> list[Path]:
        """Supported files under ``roots`` (default: all roots) and the files they bring in.

        Changes no state but :attr:`unreadable_dirs` (replaced whole): safe to run in a worker
        thread while the server handles requests.
        """
        snapshot = self.snapshot()
        wanted = self.roots if roots is None else [normalize(r) for r in roots]
        found = discover(snapshot.source, self.languages, wanted)
        named = set(wanted)  # a file named explicitly is checked alone
        # a named file only a configuration's `files` claims (discover knows no settings)
        found += [
            w
            for w in wanted
            if w not in found and snapshot.source.is_file(w) and snapshot.language_of(w)
        ]
        self.unreadable_dirs = dict(snapshot.source.refused_dirs)
        walked = [f for f in found if f not in named]
        configured = self._configured_files(snapshot, [w for w in wanted if is_dir(w)])
        return sorted({*found, *configured, *related_files(snapshot, [*walked, *configured])})

    def _configured_files(self, snapshot: Snapshot, roots: Sequence[Path]) -> list[Path]:
        """Files the configurations at ``roots`` name for a kind (its section's ``files``)."""
        if self.policy is None:
            return []
        out: list[Path] = []
        for root in roots:
            config = self.policy.config_for(root)
            if config.root is None:
                continue
            for lang in self.languages.all:
                section = lang.settings_section
                patterns = config.section(section).get("files", ()) if section else ()
                for pattern in patterns:
                    for hit in sorted(config.root.glob(str(pattern).strip().lstrip("/"))):
                        hit = normalize(hit)
                        inside = hit == root or root in hit.parents
                        if inside and is_file(hit) and snapshot.language_of(hit) is not None:
                            out.append(hit)
        return out

    def add_files(self, found: Sequence[Path]) -> None:
        """Record discovered files."""
        self.files.update(found)

    def scan(self) -> list[Path]:
        """Find and record every supported file under the roots."""
        found = self.discover_files()
        self.add_files(found)
        return found

    def remove_root(self, root: Path) -> list[Path]:
        """Forget a root and the files (not open in the editor) only it covered."""
        root = normalize(root)
        if root in self.roots:
            self.roots.remove(root)
        gone = [
            p
            for p in self.files
            if (p == root or root in p.parents) and not self.in_scope(p) and p not in self.overlay
        ]
        for path in gone:
            self.files.discard(path)
            self.results.pop(path, None)
        return gone

    def in_scope(self, path: Path) -> bool:
        """Whether ``path`` lies under a root and outside skipped directories."""
        for root in self.roots:
            if path == root or root in path.parents:
                rel = path.relative_to(root).parts[:-1]
                return not any(is_skipped_dir(part, self.languages.enter_dirs) for part in rel)
        return False

    def is_supported(self, path: Path) -> bool:
        """Whether some kind claims ``path`` (reads its neighbours when a kind needs them)."""
        return self.snapshot().language_of(normalize(path)) is not None

    # -- buffers --------------------------------------------------------------------------
    def open(self, path: Path, text: str, version: int | None) -> None:
        """A document was opened (or its whole text replaced)."""
        path = normalize(path)
        self.overlay[path] = OpenDocument(text, version)
        if self.is_supported(path):
            self.files.add(path)

    def close(self, path: Path) -> None:
        """A document was closed: its text comes from disk again."""
        path = normalize(path)
        self.overlay.pop(path, None)
        if not exists(path):
            self.files.discard(path)
            self.cache.forget(path)

    # -- changes --------------------------------------------------------------------------
    def file_event(self, path: Path, deleted: bool) -> None:
        """A file was created, changed or deleted on disk."""
        path = normalize(path)
        if deleted:
            self.cache.forget(path)
            if path not in self.overlay:
                self.files.discard(path)
                self.results.pop(path, None)
        elif (self.in_scope(path) or path in self.overlay) and self.is_supported(path):
            self.files.add(path)

    def affected(self, changed: Iterable[Path]) -> list[Path]:
        """Known files whose findings may differ after ``changed`` paths changed."""
        keys: set[Path] = set()
        for raw in changed:
            path = normalize(raw)
            keys.add(path)
            keys.update(path.parents)
        out = {normalize(p) for p in changed}
        for path, result in self.results.items():
            if result.depends_on.intersects(keys):
                out.add(path)
        return sorted(p for p in out if p in self.files)

    def compute(
        self,
        snapshot: Snapshot,
        paths: Iterable[Path],
        progress: Callable[[Path], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> list[FileResult] | None:
        """Results of ``paths`` in one snapshot, without storing them (safe in a worker thread).

        None when ``cancelled()`` turns true between two files (a newer edit made the pass
        stale: the rest of its work would be thrown away anyway). The cyclic collector waits
        until the pass ends: a pass keeps what it builds, and collections over a big
        workspace's documents would only slow it down.
        """
        out = []
        with gc_paused():
            for path in paths:
                if cancelled is not None and cancelled():
                    return None
                out.append(check_file(snapshot, path, self.policy))
                if progress is not None:
                    progress(path)
        return out

    def store(self, results: Iterable[FileResult]) -> None:
        """Keep results computed by :meth:`compute` (for files still known)."""
        for result in results:
            self.results[result.path] = result

    def check(
        self, paths: Iterable[Path], progress: Callable[[Path], None] | None = None
    ) -> list[FileResult]:
        """Recompute and store the results of ``paths``: one analysis pass, one snapshot."""
        self.passes += 1
        results = self.compute(self.snapshot(), paths, progress)
        assert results is not None  # never cancelled
        self.store(results)
        return results

    def check_all(self) -> list[FileResult]:
        """Recompute every known file."""
        return self.check(sorted(self.files))

"""What the language server keeps between passes: disk contents and workspace-wide indexes.

A pass normally reads every file it needs and rebuilds every index in its own snapshot. In a
session the workspace changes a little at a time, so two things are kept across snapshots,
both invalidated by the changes the server is told about (buffer edits, file events):

- :class:`DiskCache`: the bytes and existence of files of the supported kinds, so an index
  over 1,000 go.mod files does not re-read 1,000 files per keystroke;
- :class:`SharedMemo`: memoised indexes (``Snapshot.memo(..., shared=True)``) with the reads
  they made; an entry serves a later snapshot when no change logged since it was computed
  touches those reads.

Both trust the events: the server turns them on only when the client watches the files
(``workspace/didChangeWatchedFiles`` registered), and only for files the watchers cover.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterable
from pathlib import Path

from gowls.analysis.source import Dependencies, Key

LOG_LIMIT = 4096
"""Changes remembered; an entry older than the oldest is recomputed."""


class ChangeLog:
    """Numbered changes: generation ``n`` is the state after the ``n``-th change."""

    def __init__(self) -> None:
        self.generation = 0
        self._first = 1
        """The generation of ``_entries[0]``."""
        self._entries: list[frozenset[Key]] = []
        self._lock = threading.Lock()

    def record(self, keys: Iterable[Key]) -> None:
        """Log one change touching ``keys``."""
        with self._lock:
            self._entries.append(frozenset(keys))
            self.generation += 1
            if len(self._entries) > LOG_LIMIT:
                drop = len(self._entries) - LOG_LIMIT
                del self._entries[:drop]
                self._first += drop

    def touched(self, since: int, until: int) -> frozenset[Key] | None:
        """Every key changed in generations ``(since, until]``; None when the log no longer
        reaches back that far (or ``since`` is later than ``until``)."""
        if since >= until:
            return frozenset() if since == until else None
        with self._lock:
            if since + 1 < self._first:
                return None
            changes = self._entries[since + 1 - self._first : until + 1 - self._first]
        return frozenset().union(*changes)

    def untouched(self, deps: Dependencies, since: int, until: int) -> bool:
        """Whether no change in generations ``(since, until]`` touched ``deps``."""
        touched = self.touched(since, until)
        if touched is None:
            return False
        return not touched or not deps.intersects(touched)


class SharedMemo:
    """Memoised values with their reads and the generation they were valid at."""

    def __init__(self, log: ChangeLog, covered: Callable[[Key], bool]) -> None:
        self.log = log
        self.covered = covered
        """Whether a change of a read would be reported; values with other reads are not
        kept (they serve their own snapshot only)."""
        self._entries: dict[Hashable, tuple[object, Dependencies, int]] = {}
        self._lock = threading.Lock()

    def get(self, key: Hashable, generation: int) -> tuple[object, Dependencies] | None:
        """The value of ``key`` valid at ``generation``, if one is kept."""
        with self._lock:
            hit = self._entries.get(key)
        if hit is None:
            return None
        value, deps, valid_at = hit
        if valid_at > generation:
            return None
        if not self.log.untouched(deps, valid_at, generation):
            with self._lock:  # stale for good: a later snapshot sees the same change
                if self._entries.get(key) is hit:
                    del self._entries[key]
            return None
        if valid_at < generation:
            with self._lock:  # valid now too: later look-ups scan a shorter log
                if self._entries.get(key) is hit:
                    self._entries[key] = (value, deps, generation)
        return value, deps

    def latest(
        self, key: Hashable, generation: int
    ) -> tuple[object, Dependencies, frozenset[Key]] | None:
        """The value kept under ``key``, fresh or not, with its reads and the keys changed
        since it was computed (up to ``generation``): for a computation that revalidates its
        parts itself and redoes only the stale ones. None when nothing usable is kept."""
        with self._lock:
            hit = self._entries.get(key)
        if hit is None:
            return None
        value, deps, valid_at = hit
        touched = self.log.touched(valid_at, generation)
        if touched is None:
            return None
        return value, deps, touched

    def put(
        self,
        key: Hashable,
        value: object,
        deps: Dependencies,
        generation: int,
        unchecked: Iterable[Key] | None = None,
    ) -> None:
        """Keep ``value`` (computed at ``generation``) unless a newer one is kept.

        ``unchecked``: the reads whose coverage is to be checked, when the caller knows the
        others are covered (default: all of ``deps``)."""
        reads = deps.reads() if unchecked is None else unchecked
        if not all(self.covered(read) for read in reads):
            return
        with self._lock:
            hit = self._entries.get(key)
            if hit is None or hit[2] <= generation:
                self._entries[key] = (value, deps, generation)

    def clear(self) -> None:
        """Forget everything (the configuration or the roots changed)."""
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)


class DiskCache:
    """File bytes and existence read from disk, kept until an event says the file changed.

    ``covered`` tells which files are watched (only those are kept); anything else is read
    afresh by every pass.
    """

    def __init__(self, covered: Callable[[Path], bool]) -> None:
        self.covered = covered
        self._bytes: dict[Path, tuple[bytes | None, int | None]] = {}
        self._is_file: dict[Path, bool] = {}
        self._lock = threading.Lock()
        self._epoch = 0
        """Bumped by every invalidation: a value loaded across one is not kept (it may be
        the content from before the event)."""

    def read(
        self, path: Path, load: Callable[[Path], tuple[bytes | None, int | None]]
    ) -> tuple[bytes | None, int | None]:
        """``load(path)`` (bytes and the size if over the limit), once until invalidated."""
        hit = self._bytes.get(path)
        if hit is not None:
            return hit
        epoch = self._epoch
        value = load(path)
        if self.covered(path):
            with self._lock:
                if epoch == self._epoch:
                    self._bytes[path] = value
        return value

    def is_file(self, path: Path, probe: Callable[[Path], bool]) -> bool:
        """``probe(path)``, once until invalidated."""
        hit = self._is_file.get(path)
        if hit is not None:
            return hit
        epoch = self._epoch
        found = probe(path)
        if self.covered(path):
            with self._lock:
                if epoch == self._epoch:
                    self._is_file[path] = found
        return found

    def invalidate(self, path: Path) -> None:
        """``path`` changed, appeared or disappeared on disk."""
        with self._lock:
            self._epoch += 1
            self._bytes.pop(path, None)
            self._is_file.pop(path, None)

    def known_under(self, directory: Path) -> list[Path]:
        """Kept files below ``directory`` (a directory's deletion may be one event)."""
        with self._lock:
            kept = [*self._bytes, *self._is_file]
        return [p for p in kept if directory in p.parents]

    def clear(self) -> None:
        """Forget everything."""
        with self._lock:
            self._epoch += 1
            self._bytes.clear()
            self._is_file.clear()

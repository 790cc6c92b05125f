"""An immutable view of the workspace: file source, the kinds it knows, memoised documents."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Collection, Hashable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from gowls.analysis.language import Document, Language, Languages, Reparse
from gowls.analysis.source import Dependencies, FileSource, Key

if TYPE_CHECKING:
    from gowls.analysis.reuse import SharedMemo

T = TypeVar("T")

log = logging.getLogger(__name__)


class ParseCache:
    """Parsed documents keyed by path and kind, reused while the bytes are unchanged.

    Shared across snapshots so that a keystroke in one file re-parses that file only; with a
    kind's ``reparse``, from the document of the file's previous bytes (the edit is found by
    comparing the bytes), so that the re-parse costs in proportion to the edit.
    """

    def __init__(self) -> None:
        self._entries: dict[tuple[Path, str], tuple[bytes, Document]] = {}
        self._lock = threading.Lock()

    def get(
        self,
        path: Path,
        name: str,
        parse: Callable[[bytes, Path], Document],
        data: bytes,
        reparse: Reparse | None = None,
    ) -> Document:
        """The document of kind ``name`` for ``data``, parsing only if the bytes changed."""
        key = (path, name)
        with self._lock:
            hit = self._entries.get(key)
        if hit is not None and hit[0] == data:
            return hit[1]
        doc: Document | None = None
        if hit is not None and reparse is not None:
            try:
                doc = reparse(data, path, hit[1])
            except Exception:  # a bug in the incremental path must not cost the file
                log.exception("incremental re-parse of %s failed; parsing in full", path)
        if doc is None:
            doc = parse(data, path)
        with self._lock:
            self._entries[key] = (data, doc)
        return doc

    def forget(self, path: Path) -> None:
        """Drop every entry for ``path`` (a deleted file)."""
        with self._lock:
            for key in [k for k in self._entries if k[0] == path]:
                del self._entries[key]


class Settings(Protocol):
    """Where kinds' ``.gowls.toml`` sections come from (the workspace's policy)."""

    def section(self, name: str, path: Path) -> Mapping[str, Any]:
        """Section ``name`` of the configuration governing ``path``."""
        ...

    def names_file(self, name: str, path: Path) -> bool:
        """Whether that configuration's ``files`` globs of section ``name`` match ``path``."""
        ...


_NORMALIZED: dict[Path, Path] = {}
_NORMALIZED_LIMIT = 200_000


def normalize(path: Path) -> Path:
    """An absolute, lexically cleaned path (no symlink resolution, like Go's filepath.Clean).

    Absolute paths are remembered (a pass normalises each module path several times and
    building a ``Path`` is most of the cost); a relative one depends on the working directory.
    """
    known = _NORMALIZED.get(path)
    if known is not None:
        return known
    clean = Path(os.path.normpath(os.path.abspath(path)))
    if path.is_absolute():
        if len(_NORMALIZED) >= _NORMALIZED_LIMIT:
            _NORMALIZED.clear()
        _NORMALIZED[path] = clean
    return clean


class Deferred(Exception):
    """Raised by an index over the whole workspace in a :attr:`Snapshot.alone` pass: the
    rule asking for it is left out of this pass (a later, complete pass runs it)."""


class Snapshot:
    """What one analysis pass sees: text through ``source``, documents through ``cache``.

    One snapshot serves a whole pass (``--check``, the start-up scan, one refresh in the
    server), so an index memoised for one file serves every other file of the pass.
    """

    def __init__(
        self,
        source: FileSource,
        languages: Languages,
        cache: ParseCache | None = None,
        roots: tuple[Path, ...] = (),
        settings: Settings | None = None,
        shared: SharedMemo | None = None,
        generation: int = 0,
        alone: bool = False,
    ) -> None:
        self.source = source
        self.alone = alone
        """Files are checked alone (the language server before its start-up scan ends):
        rules that need an index over the whole workspace are left out (:meth:`whole`)."""
        self.languages = languages
        self.roots = roots
        self._settings = settings
        """The workspace roots (where a kind's actions look for a default folder)."""
        self.cache = cache or ParseCache()
        self._memo: dict[Hashable, tuple[object, Dependencies]] = {}
        self._lock = threading.RLock()
        self._shared = shared
        self.generation = generation
        """The workspace's change count when the snapshot was taken (for ``shared``)."""

    def memo(self, key: Hashable, compute: Callable[[], T], shared: bool = False) -> T:
        """``compute()``, once per snapshot and key.

        A snapshot never changes, so a derived index (a workspace's module graph) computed
        for one file serves every other file of the same pass; the paths it read are
        recorded again for each analysis that reuses it, so dependencies stay exact.

        ``shared``: the value may also serve later snapshots while nothing it read changed
        (the language server's :class:`SharedMemo`). Only for keys that name every input
        that is not a recorded read (never an ``id()``), and computations that read only
        files of the supported kinds (the ones the editor reports changes of).
        """
        hit = self._memo.get(key)  # the common case, without the lock (dict reads are atomic)
        if hit is not None:
            self.source.replay(hit[1])
            return hit[0]  # type: ignore[return-value]
        with self._lock:
            hit = self._memo.get(key)
            if hit is None and shared and self._shared is not None:
                hit = self._shared.get(key, self.generation)
                if hit is not None:
                    self._memo[key] = hit
            if hit is not None:
                self.source.replay(hit[1])
                return hit[0]  # type: ignore[return-value]
            reads = self.source.start_recording()
            try:
                value = compute()
            finally:
                self.source.stop_recording(reads)
            deps = reads.freeze()
            self._memo[key] = (value, deps)
            if shared and self._shared is not None:
                self._shared.put(key, value, deps, self.generation)
            return value

    def whole(self) -> None:
        """Called by an index over the whole workspace before building it: raises
        :class:`Deferred` in an :attr:`alone` snapshot."""
        if self.alone:
            raise Deferred

    def kept(self, key: Hashable) -> tuple[object, Dependencies, frozenset[Key]] | None:
        """What an earlier snapshot :meth:`keep` s under ``key``, however stale, with its
        reads and the keys changed since (None without one, or without a :class:`SharedMemo`).

        For an index over many parts that revalidates each part against the changed keys
        and rebuilds only the stale ones; the caller records the reads it reuses
        (``source.replay``)."""
        if self._shared is None:
            return None
        return self._shared.latest(key, self.generation)

    def keep(
        self,
        key: Hashable,
        value: object,
        deps: Dependencies,
        unchecked: Collection[Key] | None = None,
    ) -> None:
        """Offer ``value`` (computed from ``deps`` in this snapshot) to later :meth:`kept`;
        ``unchecked``: the only reads not already found covered (those of a kept value, and
        those of parts the caller redoes in every pass since they are not :meth:`covered`)."""
        if self._shared is not None:
            self._shared.put(key, value, deps, self.generation, unchecked)

    def covered(self, key: Key) -> bool:
        """Whether a change of what ``key`` read is reported to the workspace (a value kept
        across snapshots stays valid while no logged change touches such reads); False
        without a :class:`SharedMemo`."""
        return self._shared is not None and self._shared.covered(key)

    def language_of(self, path: Path) -> Language | None:
        """The kind of ``path`` (recognition may read neighbours; the reads are recorded);
        a file the configuration names for a kind (its section's ``files``) is of that kind."""

        def find() -> Language | None:
            found = self.languages.of(self.source, path)
            if found is not None or self._settings is None:
                return found
            for lang in self.languages.all:
                section = lang.settings_section
                if section and self._settings.names_file(section, path):
                    return lang
            return None

        return self.memo(("language-of", path), find)

    def settings(self, section: str, path: Path) -> Mapping[str, Any]:
        """A kind's ``.gowls.toml`` section governing ``path`` (empty without one)."""
        if self._settings is None:
            return {}
        return self._settings.section(section, path)

    def document(self, path: Path, language: Language | None = None) -> Document | None:
        """The typed document at ``path``, or None if it cannot be read or is unsupported."""
        language = language or self.language_of(path)
        if language is None:
            return None
        return self.parsed(path, language.name, language.parse, language.reparse)

    def parsed(
        self,
        path: Path,
        name: str,
        parse: Callable[[bytes, Path], Document],
        reparse: Reparse | None = None,
        facets: bool = False,
    ) -> Document | None:
        """``path`` parsed as kind ``name`` whatever its name (a kind reading its own files).

        For a kind with ``facts`` this is recorded as a read of the document, not of its
        bytes: a reader is re-checked after an edit only when the facts changed. ``facets``
        (for a kind with ``facet_changes``): only when a facet the reader records with
        ``source.read_facets`` changed.
        """
        if name in self.languages.fact_kinds:
            facets = facets and name in self.languages.facet_kinds
            data = self.source.document_bytes(path, name, facets)
        else:
            data = self.source.read_bytes(path)
        if data is None:
            return None
        return self.cache.get(path, name, parse, data, reparse)

"""An immutable view of the workspace: file source plus memoised parsed documents."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import TypeVar

from gowls.analysis.filekinds import GOMOD, GOWORK, Document, FileKind, kind_of
from gowls.analysis.source import FileSource
from gowls.syntax.gomod import GoMod
from gowls.syntax.gowork import GoWork

T = TypeVar("T")


class ParseCache:
    """Parsed documents keyed by path and kind, reused while the bytes are unchanged.

    Shared across snapshots so that a keystroke in one file re-parses that file only.
    """

    def __init__(self) -> None:
        self._entries: dict[tuple[Path, str], tuple[bytes, Document]] = {}
        self._lock = threading.Lock()

    def get(self, path: Path, kind: FileKind, data: bytes) -> Document:
        """The document for ``data``, parsing only if the bytes differ from last time."""
        key = (path, kind.name)
        with self._lock:
            hit = self._entries.get(key)
        if hit is not None and hit[0] == data:
            return hit[1]
        doc = kind.parse(data, path.name)
        with self._lock:
            self._entries[key] = (data, doc)
        return doc

    def forget(self, path: Path) -> None:
        """Drop every entry for ``path`` (a deleted file)."""
        with self._lock:
            for key in [k for k in self._entries if k[0] == path]:
                del self._entries[key]


def normalize(path: Path) -> Path:
    """An absolute, lexically cleaned path (no symlink resolution, like Go's filepath.Clean)."""
    return Path(os.path.normpath(os.path.abspath(path)))


class Snapshot:
    """What one analysis pass sees: text through ``source``, documents through ``cache``."""

    def __init__(self, source: FileSource, cache: ParseCache | None = None) -> None:
        self.source = source
        self.cache = cache or ParseCache()
        self._memo: dict[Hashable, tuple[object, frozenset[Path]]] = {}

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, once per snapshot and key.

        A snapshot never changes, so a derived index (a workspace's module graph) computed
        for one file serves every other file of the same pass; the paths it read are
        recorded again for each analysis that reuses it, so dependencies stay exact.
        """
        hit = self._memo.get(key)
        if hit is not None:
            self.source.replay(hit[1])
            return hit[0]  # type: ignore[return-value]
        reads = self.source.start_recording()
        try:
            value = compute()
        finally:
            self.source.stop_recording(reads)
        self._memo[key] = (value, frozenset(reads))
        return value

    def document(self, path: Path, kind: FileKind | None = None) -> Document | None:
        """The typed document at ``path``, or None if it cannot be read or is unsupported."""
        kind = kind or kind_of(path)
        if kind is None:
            return None
        data = self.source.read_bytes(path)
        if data is None:
            return None
        return self.cache.get(path, kind, data)

    def gowork(self, path: Path) -> GoWork | None:
        """The go.work document at ``path``."""
        doc = self.document(path, GOWORK)
        return doc if isinstance(doc, GoWork) else None

    def gomod(self, path: Path) -> GoMod | None:
        """The go.mod document at ``path``."""
        doc = self.document(path, GOMOD)
        return doc if isinstance(doc, GoMod) else None

    def module_dir_gomod(self, directory: Path) -> GoMod | None:
        """The go.mod of a module directory, if the directory holds one."""
        gomod = directory / "go.mod"
        return self.gomod(gomod) if self.source.is_file(gomod) else None

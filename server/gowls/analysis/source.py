"""Where text comes from: the disk, overlaid by the editor's open documents.

Every read an analysis makes goes through a :class:`FileSource`, so a rule never knows whether
text came from disk or from a buffer, and the reads can be recorded to know what a result
depends on.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from gowls.analysis.limits import DEFAULT_MAX_FILE_SIZE

if TYPE_CHECKING:
    from gowls.analysis.reuse import DiskCache

_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)

SKIPPED_DIRS = frozenset({"vendor", "testdata", "node_modules"})
"""Directory names never searched for files (as ``go`` never reads them for modules)."""


def is_skipped_dir(name: str, enter: frozenset[str] = frozenset()) -> bool:
    """Whether discovery skips a directory of this name.

    Hidden directories are skipped unless a kind asks to ``enter`` them by name (GoReleaser's
    ``.config``); files a kind references from elsewhere (a go.work's used modules) are added
    by the kind itself, wherever they are.
    """
    if name in enter:
        return False
    return name in SKIPPED_DIRS or name.startswith(".")


def refusal(exc: OSError) -> str | None:
    """Why the system refused a read, when it is worth a note (permissions, I/O errors).

    A path that is missing, dangles or loops is simply absent (it may vanish mid-scan).
    """
    if isinstance(exc, PermissionError) or exc.errno == errno.EIO:
        return exc.strerror or str(exc)
    return None


def _stat_is(path: Path, test: Callable[[int], bool]) -> bool:
    try:
        return test(path.stat().st_mode)
    except (OSError, ValueError):  # unsearchable parent, too long, NUL byte: not there
        return False


def is_file(path: Path) -> bool:
    """``Path.is_file`` that is False, never an error, when the system refuses to look."""
    return _stat_is(path, stat.S_ISREG)


def is_dir(path: Path) -> bool:
    """``Path.is_dir`` that is False, never an error, when the system refuses to look."""
    return _stat_is(path, stat.S_ISDIR)


def exists(path: Path) -> bool:
    """``Path.exists`` that is False, never an error, when the system refuses to look."""
    return _stat_is(path, lambda _: True)


@dataclass(frozen=True, slots=True)
class OpenDocument:
    """An editor buffer: its text and the client's version number."""

    text: str
    version: int | None


Key = Path | tuple[str, Path] | tuple[str, Path, str] | tuple[str, Path, str, Hashable]
"""What a read depends on: a bare path is its bytes (or a directory's listing); ``stat_key``
is whether it exists; ``doc_key`` is a kind's document of it (its facts, for early cutoff);
``facets_key`` a read of some facets of that document, each read as a ``facet_key``."""


def stat_key(path: Path) -> tuple[str, Path]:
    """The key of an existence check (``is_file``/``is_dir``): a content edit leaves it."""
    return ("stat", path)


def doc_key(path: Path, kind: str) -> tuple[str, Path, str]:
    """The key of a read of ``path``'s document of ``kind`` (through the parse cache)."""
    return ("doc", path, kind)


def facets_key(path: Path, kind: str) -> tuple[str, Path, str]:
    """The key of a reader that read only some facets of ``path``'s document of ``kind``
    (each recorded as a :func:`facet_key`): after an edit of the document, it is re-checked
    only when one of those facets changed (``Language.facet_changes``)."""
    return ("facets", path, kind)


def facet_key(path: Path, kind: str, facet: Hashable) -> tuple[str, Path, str, Hashable]:
    """The key of a read of one facet of ``path``'s document of ``kind``."""
    return ("facet", path, kind, facet)


def key_path(key: Key) -> Path:
    """The path a key is about."""
    return key if isinstance(key, Path) else key[1]


@dataclass(frozen=True, slots=True, eq=False)
class Dependencies:
    """The reads of one analysis: its own reads plus shared sets it reused by reference.

    A workspace index read by every file of a pass is held once and referenced by each
    file's dependencies instead of copied into them (N files x N paths otherwise). Reads are
    :data:`Key` s: a file's bytes, its existence, or a kind's document of it.
    """

    own: frozenset[Key]
    shared: tuple[Dependencies, ...] = ()

    def _nodes(self) -> Iterator[Dependencies]:
        seen: set[int] = set()
        stack: list[Dependencies] = [self]
        while stack:
            node = stack.pop()
            if id(node) in seen:
                continue
            seen.add(id(node))
            yield node
            stack.extend(node.shared)

    def __contains__(self, path: object) -> bool:
        """Whether ``path`` was read in any way (its bytes, its existence or a document)."""
        return isinstance(path, Path) and path in self.paths()

    def intersects(self, keys: AbstractSet[Key]) -> bool:
        """Whether any of ``keys`` was read."""
        return any(not node.own.isdisjoint(keys) for node in self._nodes())

    def reads(self) -> frozenset[Key]:
        """Every read (flattened; not for the hot path)."""
        out: set[Key] = set()
        for node in self._nodes():
            out.update(node.own)
        return frozenset(out)

    def touches(self, keys: AbstractSet[Key], weak: AbstractSet[Key]) -> int:
        """2 if any of ``keys`` was read, else 1 if any of ``weak`` was, else 0 (one walk).

        Inlined walk (no generator): every stored result is asked after each edit."""
        found = 0
        seen: set[int] = set()
        stack: list[Dependencies] = [self]
        while stack:
            node = stack.pop()
            own = node.own
            if not own.isdisjoint(keys):
                return 2
            if not found and weak and not own.isdisjoint(weak):
                found = 1
            for child in node.shared:
                if id(child) not in seen:
                    seen.add(id(child))
                    stack.append(child)
        return found

    def paths(self) -> frozenset[Path]:
        """Every path read (flattened; for inspection, not for the hot path)."""
        out: set[Path] = set()
        for node in self._nodes():
            out.update(key_path(k) for k in node.own)
        return frozenset(out)


SMALL_NODE = 8
"""Reused dependencies of at most this many keys are copied, not referenced."""


class Recording(set[Key]):
    """An open recording: the paths read so far, and shared dependencies reused meanwhile."""

    def __init__(self) -> None:
        super().__init__()
        self.shared: dict[int, Dependencies] = {}

    def freeze(self, extra: Iterable[Key] = ()) -> Dependencies:
        """What was recorded, as :class:`Dependencies` (``extra`` paths added to its own).

        A small reused node (one module's go.mod: two keys) is merged into the own keys
        instead of referenced: a workspace view reusing 1,000 of them stays one node, so
        checking a reader's dependencies walks a handful of nodes, not a thousand.
        """
        own = set(self)
        own.update(extra)
        shared: list[Dependencies] = []
        for node in self.shared.values():
            if not node.shared and len(node.own) <= SMALL_NODE:
                own.update(node.own)
            else:
                shared.append(node)
        return Dependencies(frozenset(own), tuple(shared))


class FileSource:
    """Disk reads with an overlay of open documents; records the paths it is asked about."""

    def __init__(
        self,
        overlay: Mapping[Path, OpenDocument] | None = None,
        max_bytes: int = DEFAULT_MAX_FILE_SIZE,
        disk: DiskCache | None = None,
    ) -> None:
        self._overlay: Mapping[Path, OpenDocument] = overlay or {}
        self._disk = disk
        """Disk contents kept across passes (the language server), or None: read afresh."""
        self._recorders: list[Recording] = []
        # A source serves one pass (one snapshot): each file is read, and each path stat-ed,
        # once however many rules ask; the answers stay consistent for the whole pass.
        self._bytes: dict[Path, bytes | None] = {}
        self._is_file: dict[Path, bool] = {}
        self._is_dir: dict[Path, bool] = {}
        self.max_bytes = max_bytes
        """Files (and buffers) larger than this are not read: ``read_bytes`` gives None."""
        self._oversized: dict[Path, int] = {}
        self.refused: dict[Path, str] = {}
        """Files the system refused to read: path → reason (they are reported, not parsed)."""
        self.refused_dirs: dict[Path, str] = {}
        """Directories a walk could not list or search: path → reason."""

    # -- dependency recording -------------------------------------------------------------
    def with_text(self, path: Path, text: str) -> FileSource:
        """A source that reads ``text`` at ``path`` and everything else as this one does."""
        return FileSource({**self._overlay, path: OpenDocument(text, None)})

    def start_recording(self) -> Recording:
        """Begin collecting the paths read; returns the set that will be filled.

        Recordings nest (a memoised index computed inside a file's check): each read goes to
        every open recording.
        """
        reads = Recording()
        self._recorders.append(reads)
        return reads

    def stop_recording(self, reads: Recording) -> None:
        """Stop filling ``reads`` (found by identity: two recordings may hold equal sets)."""
        for position in range(len(self._recorders) - 1, -1, -1):
            if self._recorders[position] is reads:
                del self._recorders[position]
                return
        raise RuntimeError("stop_recording of a recording that is not open")

    def _touch(self, key: Key) -> None:
        for rec in self._recorders:
            rec.add(key)

    def replay(self, reads: Dependencies) -> None:
        """Record ``reads`` as read, by reference (a memoised result is being reused)."""
        for rec in self._recorders:
            rec.shared.setdefault(id(reads), reads)

    # -- reads ----------------------------------------------------------------------------
    def open_document(self, path: Path) -> OpenDocument | None:
        """The open buffer for ``path``, if any."""
        return self._overlay.get(path)

    def read_bytes(self, path: Path) -> bytes | None:
        """The file's content (the open buffer if there is one), or None if unreadable."""
        self._touch(path)
        return self._content(path)

    def document_bytes(self, path: Path, kind: str, facets: bool = False) -> bytes | None:
        """``read_bytes`` for parsing as ``kind``: recorded as a read of that document, so a
        reader is re-checked only when the document's facts change (not on every byte);
        ``facets``: as a read of the facets the reader records with :meth:`read_facets`."""
        self._touch(facets_key(path, kind) if facets else doc_key(path, kind))
        return self._content(path)

    def read_facets(self, path: Path, kind: str, facets: Iterable[Hashable]) -> None:
        """Record reads of these facets of ``path``'s document of ``kind`` (read with
        ``document_bytes(..., facets=True)``, here or in a memoised index the reader reused)."""
        for facet in facets:
            self._touch(facet_key(path, kind, facet))

    def _content(self, path: Path) -> bytes | None:
        try:
            return self._bytes[path]
        except KeyError:
            pass
        data: bytes | None
        doc = self._overlay.get(path)
        if doc is not None:
            data = doc.text.encode("utf-8")
            data = self._bounded(path, len(data), data)
        else:
            data, size = (
                self._disk.read(path, self._read_disk) if self._disk else self._read_disk(path)
            )
            if self._disk is not None and path in self.refused:
                self._disk.invalidate(path)  # refusals are reported by every pass, not kept
            if size is not None:
                self._oversized[path] = size
        self._bytes[path] = data
        return data

    def _read_disk(self, path: Path) -> tuple[bytes | None, int | None]:
        """The file's bytes, or None and (when it is over ``max_bytes``) its size."""
        try:
            # Non-blocking, so opening a named pipe cannot hang; then only regular files.
            fd = os.open(path, _READ_FLAGS)
        except OSError as exc:
            if (reason := refusal(exc)) is not None:
                self.refused[path] = reason
            return None, None
        except ValueError:
            return None, None
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                return None, None
            if info.st_size > self.max_bytes:
                return None, info.st_size
            with os.fdopen(fd, "rb", closefd=False) as handle:
                data = handle.read(self.max_bytes + 1)  # the file may grow meanwhile
        except OSError as exc:
            if (reason := refusal(exc)) is not None:
                self.refused[path] = reason
            return None, None
        finally:
            os.close(fd)
        return (None, len(data)) if len(data) > self.max_bytes else (data, None)

    def _bounded(self, path: Path, size: int, data: bytes | None) -> bytes | None:
        if size > self.max_bytes:
            self._oversized[path] = size
            return None
        return data

    def oversized(self, path: Path) -> int | None:
        """The size of ``path`` if a read refused it for being over ``max_bytes``."""
        return self._oversized.get(path)

    def is_file(self, path: Path) -> bool:
        """Whether ``path`` is a regular file (or an open buffer)."""
        self._touch(stat_key(path))
        found = self._is_file.get(path)
        if found is None:
            if path in self._overlay:
                found = True
            elif self._disk is not None:
                found = self._disk.is_file(path, is_file)
            else:
                found = is_file(path)
            self._is_file[path] = found
        return found

    def is_dir(self, path: Path) -> bool:
        """Whether ``path`` is a directory."""
        self._touch(stat_key(path))
        found = self._is_dir.get(path)
        if found is None:
            found = self._probe_dir(path)
        return found

    def _probe_dir(self, path: Path) -> bool:
        """Stat ``path`` once for :meth:`is_dir` and, when a fresh stat is also what
        :meth:`is_file` would ask (no buffer, no kept answer), for it too: a missing
        replacement directory is asked both.

        Nothing can be found below a path that is not a directory (its stat fails the same
        way), so a path whose parent this pass found to be none is not stat-ed, and a path
        found missing has its parent probed too when unknown: 60 replacement directories in
        a few missing ``providers/v1``-like directories cost a few stats, not 60."""
        parent = path.parent
        if parent != path and self._is_dir.get(parent) is False:
            return self._store_stat(path, None)
        try:
            mode = path.stat().st_mode
        except FileNotFoundError:
            if parent != path and parent not in self._is_dir:
                try:
                    self._store_stat(parent, parent.stat().st_mode)
                except (OSError, ValueError):
                    self._store_stat(parent, None)
            return self._store_stat(path, None)
        except (OSError, ValueError):  # as _stat_is: not there
            return self._store_stat(path, None)
        return self._store_stat(path, mode)

    def _store_stat(self, path: Path, mode: int | None) -> bool:
        """Keep what a stat of ``path`` said (``mode``; None: it failed) as its :meth:`is_dir`,
        and as its :meth:`is_file` unless that comes from a buffer or a kept answer."""
        found = self._is_dir[path] = mode is not None and stat.S_ISDIR(mode)
        if (
            path not in self._is_file
            and path not in self._overlay
            and (self._disk is None or not self._disk.covered(path))
        ):
            self._is_file[path] = mode is not None and stat.S_ISREG(mode)
        return found

    def is_listed_dir(self, path: Path) -> bool:
        """:meth:`is_dir` for a caller about to list the directory: recorded as a read of its
        listing, or where there is none, of its parent's (which says it is not there), not of
        its existence: a file created or deleted below changes both, as it changes its
        existence, and an index over listings of the editor's folders can be kept between
        passes."""
        found = self._is_dir.get(path)
        if found is None:
            found = self._probe_dir(path)
        self._touch(path if found else path.parent)
        return found

    def files_in(self, directory: Path, wanted: Callable[[str], bool]) -> list[Path]:
        """The files directly in ``directory`` whose base name is ``wanted``, sorted."""
        self._touch(directory)
        try:
            entries = list(os.scandir(directory))
        except OSError as exc:
            self._refuse_dir(directory, exc)
            return []
        out: list[Path] = []
        for entry in entries:
            try:
                if wanted(entry.name) and entry.is_file():
                    out.append(Path(entry.path))
            except OSError as exc:
                self._refuse_dir(directory, exc)
                continue
        return sorted(out)

    def _refuse_dir(self, directory: Path, exc: OSError) -> None:
        if (reason := refusal(exc)) is not None:
            self.refused_dirs.setdefault(directory, reason)

    def walk(
        self, root: Path, wanted: Callable[[str], bool], enter: frozenset[str] = frozenset()
    ) -> Iterator[Path]:
        """Files below ``root`` whose base name is ``wanted``.

        Skips vendor, testdata, node_modules and hidden directories (except those in ``enter``);
        never follows a symbolic link to a directory, so a link loop cannot trap the walk.
        """
        self._touch(root)
        if is_file(root):
            if wanted(root.name):
                yield root
            return
        stack = [root]
        while stack:
            current = stack.pop()
            try:
                entries = sorted(os.scandir(current), key=lambda e: e.name)
            except OSError as exc:
                self._refuse_dir(current, exc)
                continue
            subdirs: list[Path] = []
            for entry in entries:
                try:
                    if entry.is_dir(follow_symlinks=False):
                        if not is_skipped_dir(entry.name, enter):
                            subdirs.append(Path(entry.path))
                    elif wanted(entry.name) and entry.is_file():
                        yield Path(entry.path)
                except OSError as exc:  # listed but not searchable (read without execute)
                    self._refuse_dir(current, exc)
                    continue
            stack.extend(reversed(subdirs))
        for path in self._overlay:
            if wanted(path.name) and not exists(path) and root in path.parents:
                yield path

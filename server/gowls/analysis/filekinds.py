"""The kinds of file gowls understands, and how each is recognised and parsed.

A new kind (GoReleaser configs, Helm values) plugs in by adding a :class:`FileKind` to
:data:`FILE_KINDS` and registering rules for its name; discovery, the snapshot, the server
and ``--check`` pick it up from here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from gowls.syntax.gomod import GoMod, parse_gomod
from gowls.syntax.gowork import GoWork, parse_gowork

Document = GoMod | GoWork
"""Any typed document a file kind produces."""


@dataclass(frozen=True, slots=True)
class FileKind:
    """A supported kind of file."""

    name: str
    """Stable identifier, also the LSP language id where one exists (``go.work``)."""
    file_names: frozenset[str]
    """Exact base names that discovery matches."""
    parse: Callable[[bytes, str], Document]
    """Text and a display file name to a typed document."""

    def matches(self, path: Path) -> bool:
        """Whether ``path`` is a file of this kind."""
        return path.name in self.file_names


GOWORK = FileKind("go.work", frozenset({"go.work"}), lambda data, name: parse_gowork(data, name))
GOMOD = FileKind("go.mod", frozenset({"go.mod"}), lambda data, name: parse_gomod(data, name))

FILE_KINDS: tuple[FileKind, ...] = (GOWORK, GOMOD)


def kind_of(path: Path) -> FileKind | None:
    """The kind of ``path``, or None for an unsupported file."""
    for kind in FILE_KINDS:
        if kind.matches(path):
            return kind
    return None


def all_file_names() -> frozenset[str]:
    """Every base name any kind matches."""
    names: set[str] = set()
    for kind in FILE_KINDS:
        names |= kind.file_names
    return frozenset(names)

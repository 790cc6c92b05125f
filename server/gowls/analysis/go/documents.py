"""The go kinds' documents read through a snapshot: go.work and go.mod files by path."""

from __future__ import annotations

from pathlib import Path

from gowls.analysis.go.language import GOMOD_NAME, GOWORK_NAME
from gowls.analysis.snapshot import Snapshot
from gowls.syntax.gomod import GoMod, parse_gomod, reparse_gomod
from gowls.syntax.gowork import GoWork, parse_gowork, reparse_gowork


def parse_gowork_file(data: bytes, path: Path) -> GoWork:
    """Parse a go.work file (messages name the file as ``go`` does)."""
    return parse_gowork(data, path.name)


def parse_gomod_file(data: bytes, path: Path) -> GoMod:
    """Parse a go.mod file (messages name the file as ``go`` does)."""
    return parse_gomod(data, path.name)


def reparse_gowork_file(data: bytes, path: Path, previous: GoWork) -> GoWork:
    """A go.work file's new text parsed from its previous document (unchanged lines reused)."""
    return reparse_gowork(previous, data, path.name)


def reparse_gomod_file(data: bytes, path: Path, previous: GoMod) -> GoMod:
    """A go.mod file's new text parsed from its previous document (unchanged lines reused)."""
    return reparse_gomod(previous, data, path.name)


def gowork(snapshot: Snapshot, path: Path) -> GoWork | None:
    """The go.work document at ``path``."""
    doc = snapshot.parsed(path, GOWORK_NAME, parse_gowork_file, reparse_gowork_file)
    return doc if isinstance(doc, GoWork) else None


def gomod(snapshot: Snapshot, path: Path) -> GoMod | None:
    """The go.mod document at ``path``."""
    doc = snapshot.parsed(path, GOMOD_NAME, parse_gomod_file, reparse_gomod_file)
    return doc if isinstance(doc, GoMod) else None


def module_dir_gomod(snapshot: Snapshot, directory: Path) -> GoMod | None:
    """The go.mod of a module directory, if the directory holds one."""
    path = directory / "go.mod"
    return gomod(snapshot, path) if snapshot.source.is_file(path) else None

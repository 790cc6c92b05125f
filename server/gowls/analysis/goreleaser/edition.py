"""What a repository's CI tells about its release: GoReleaser edition and pinned version.

``goreleaser/goreleaser-action`` takes ``distribution: goreleaser-pro`` for Pro; without it
(or with ``distribution: goreleaser``) the action installs GoReleaser OSS. Its ``version:``
input pins a release (``v2.5.1``, ``~> v2.5``) or follows one (``latest``, ``~> v2``). A
repository whose workflows run the action only with OSS visibly releases with OSS.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from gowls.analysis.goreleaser.check import Edition
from gowls.analysis.snapshot import Snapshot

_ACTION = re.compile(rb"goreleaser/goreleaser-action")
_PRO = re.compile(rb"distribution:\s*['\"]?goreleaser-pro\b")
_VERSION = re.compile(rb"^\s*version:\s*['\"]?(?:~>\s*)?v?(\d+)\.(\d+)(?:\.(\d+))?['\"]?\s*$", re.M)
_MARKERS = (".git", ".github")
_WINDOW = 20
"""Lines after the action's ``uses:`` searched for its ``version:`` input."""


@dataclass(frozen=True, slots=True)
class CiFacts:
    """The edition and the pinned GoReleaser version (``(2, 5)`` or ``(2, 5, 1)``), if shown."""

    edition: Edition = Edition.UNKNOWN
    version: tuple[int, ...] | None = None
    source: Path | None = None
    """The workflow the version was read from."""


def repository_root(snapshot: Snapshot, path: Path) -> Path | None:
    """The nearest directory above ``path`` holding ``.git`` or ``.github``."""
    for directory in path.parents:
        source = snapshot.source
        if any(source.is_dir(directory / m) for m in _MARKERS) or source.is_file(
            directory / ".git"
        ):
            return directory
    return None


def _pinned(data: bytes) -> tuple[int, ...] | None:
    for action in _ACTION.finditer(data):
        window = b"\n".join(data[action.end() :].split(b"\n")[1:_WINDOW])
        found = _VERSION.search(window)
        if found is not None:
            return tuple(int(g) for g in found.groups() if g is not None)
    return None


def _scan(snapshot: Snapshot, root: Path) -> CiFacts:
    workflows = root / ".github" / "workflows"
    if not snapshot.source.is_dir(workflows):
        return CiFacts()
    uses_action = False
    pro = False
    version: tuple[int, ...] | None = None
    source: Path | None = None
    for path in snapshot.source.walk(workflows, lambda n: n.endswith((".yml", ".yaml"))):
        data = snapshot.source.read_bytes(path) or b""
        if not _ACTION.search(data):
            continue
        uses_action = True
        pro = pro or bool(_PRO.search(data))
        pinned = _pinned(data)
        if pinned is not None and (version is None or pinned < version):
            version, source = pinned, path
    edition = Edition.PRO if pro else Edition.OSS if uses_action else Edition.UNKNOWN
    return CiFacts(edition, version, source)


def ci_facts(snapshot: Snapshot, path: Path) -> CiFacts:
    """What the CI workflows of the repository around ``path`` show."""
    root = repository_root(snapshot, path)
    if root is None:
        return CiFacts()
    return snapshot.memo(("goreleaser-ci", root), lambda: _scan(snapshot, root))

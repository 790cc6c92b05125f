"""Which GoReleaser edition releases a project, from its CI workflows.

``goreleaser/goreleaser-action`` takes ``distribution: goreleaser-pro`` for Pro; without it
(or with ``distribution: goreleaser``) the action installs GoReleaser OSS. A repository whose
workflows run the action only with OSS visibly releases with OSS; one that uses the Pro
distribution releases with Pro; otherwise it cannot be told.
"""

from __future__ import annotations

import re
from pathlib import Path

from gowls.analysis.goreleaser.check import Edition
from gowls.analysis.snapshot import Snapshot

_ACTION = re.compile(rb"goreleaser/goreleaser-action")
_PRO = re.compile(rb"distribution:\s*['\"]?goreleaser-pro\b")
_MARKERS = (".git", ".github")


def repository_root(snapshot: Snapshot, path: Path) -> Path | None:
    """The nearest directory above ``path`` holding ``.git`` or ``.github``."""
    for directory in path.parents:
        if any(snapshot.source.is_dir(directory / m) for m in _MARKERS) or snapshot.source.is_file(
            directory / ".git"
        ):
            return directory
    return None


def _scan(snapshot: Snapshot, root: Path) -> Edition:
    workflows = root / ".github" / "workflows"
    if not snapshot.source.is_dir(workflows):
        return Edition.UNKNOWN
    uses_action = False
    for path in snapshot.source.walk(workflows, lambda n: n.endswith((".yml", ".yaml"))):
        data = snapshot.source.read_bytes(path) or b""
        if _PRO.search(data):
            return Edition.PRO
        uses_action = uses_action or bool(_ACTION.search(data))
    return Edition.OSS if uses_action else Edition.UNKNOWN


def edition_of(snapshot: Snapshot, path: Path) -> Edition:
    """The edition the repository around ``path`` releases with, as far as its CI shows."""
    root = repository_root(snapshot, path)
    if root is None:
        return Edition.UNKNOWN
    return snapshot.memo(("goreleaser-edition", root), lambda: _scan(snapshot, root))

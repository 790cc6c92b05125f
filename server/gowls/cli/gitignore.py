"""Dropping files that git ignores, when the checked paths lie in a git work tree."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

from gowls.atomic import inside

_SAFE = ("-c", "core.fsmonitor=false", "-c", "core.hooksPath=/dev/null")
"""Options that keep a checked repository's own configuration from running programs: git
runs ``core.fsmonitor`` from ``.git/config`` even for ``check-ignore``, and the repository is
code nobody has read."""


def find_git(roots: Sequence[Path]) -> str | None:
    """git from the absolute PATH entries outside the checked paths (never one they ship)."""
    entries = [
        entry
        for entry in os.environ.get("PATH", "").split(os.pathsep)
        if entry and os.path.isabs(entry) and not inside(Path(entry), roots)
    ]
    return shutil.which("git", path=os.pathsep.join(entries)) if entries else None


def _toplevel(git: str, directory: Path) -> Path | None:
    try:
        done = subprocess.run(
            [
                git,
                *_SAFE,
                "-C",
                str(directory),
                "rev-parse",
                "--is-inside-work-tree",
                "--show-toplevel",
            ],
            capture_output=True,
            check=False,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    lines = done.stdout.decode("utf-8", "surrogateescape").splitlines()
    if done.returncode != 0 or len(lines) < 2 or lines[0].strip() != "true":
        return None
    return Path(os.path.realpath(lines[1].strip()))


def _ignored(git: str, top: Path, files: Sequence[Path]) -> set[Path]:
    real = {Path(os.path.realpath(f)): f for f in files}
    payload = b"".join(os.fsencode(f) + b"\0" for f in real)
    try:
        done = subprocess.run(
            [git, *_SAFE, "-C", str(top), "check-ignore", "--stdin", "-z"],
            input=payload,
            capture_output=True,
            check=False,
            timeout=120,
        )
    except (OSError, subprocess.SubprocessError):
        return set()
    if done.returncode not in (0, 1):  # 128: an error (e.g. a path inside a submodule)
        return set()
    out: set[Path] = set()
    for raw in done.stdout.split(b"\0"):
        if raw:
            hit = Path(os.path.normpath(os.path.join(top, os.fsdecode(raw))))
            out.add(real.get(hit, hit))
    return out


def drop_git_ignored(
    files: Sequence[Path], roots: Sequence[Path], keep: frozenset[Path] = frozenset()
) -> list[Path]:
    """``files`` (found under ``roots``) without those git ignores; ``keep`` always stay.

    Files under a root outside a git work tree, or everything when git is missing, are kept.
    """
    candidates = [f for f in files if f not in keep]
    if not candidates:
        return list(files)
    git = find_git(roots)
    if git is None:
        return list(files)
    tops: list[Path] = []
    for root in roots:
        top = _toplevel(git, root if root.is_dir() else root.parent)
        if top is not None and top not in tops:
            tops.append(top)
    if not tops:
        return list(files)
    # Deepest work tree first, so a file in a nested checkout is asked of that checkout.
    tops.sort(key=lambda t: len(t.parts), reverse=True)
    groups: dict[Path, list[Path]] = {}
    for path in candidates:
        real = Path(os.path.realpath(path))
        for top in tops:
            if top in real.parents:
                groups.setdefault(top, []).append(path)
                break
    ignored: set[Path] = set()
    for top, members in groups.items():
        ignored |= _ignored(git, top, members)
    return [f for f in files if f not in ignored]

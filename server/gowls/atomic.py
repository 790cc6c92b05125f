"""Atomic file writes: a temporary file in the same directory, then ``os.replace``.

Every write gowls makes to a workspace (``--fix``, the migration, server commands) goes
through :func:`write_inside`, which also refuses targets outside the workspace roots or
reached through a symbolic link.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Sequence
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so readers see the old or the new file, never a mix.

    An existing file keeps its permission bits; a new one gets the usual ones (0666 & ~umask).
    """
    import tempfile  # with shutil, bz2, lzma and random: ~2.5 ms the server's start-up skips

    directory = path.parent
    try:
        mode: int | None = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        mode = None
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is None:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


class UnsafeWrite(OSError):
    """A write refused: the target lies outside the workspace or is a symbolic link."""


def inside(path: Path, roots: Sequence[Path]) -> bool:
    """Whether ``path``, every symbolic link resolved, lies in one of ``roots`` (resolved)."""
    real = os.path.realpath(path)
    for root in roots:
        top = os.path.realpath(root)
        if real == top or real.startswith(top.rstrip(os.sep) + os.sep):
            return True
    return False


def write_inside(path: Path, data: bytes, roots: Sequence[Path]) -> None:
    """:func:`write_atomic`, refused (:class:`UnsafeWrite`) unless ``path`` is in ``roots``.

    A target that is itself a symbolic link is refused even when it points inside: replacing
    it would turn the link into a file, and writing through it is what an attacker wants.
    """
    if os.path.islink(path):
        raise UnsafeWrite(f"{path}: a symbolic link; gowls does not write through links")
    if not inside(path, roots):
        shown = ", ".join(str(r) for r in roots) or "no workspace folder"
        raise UnsafeWrite(f"{path}: outside the workspace ({shown}); not written")
    write_atomic(path, data)

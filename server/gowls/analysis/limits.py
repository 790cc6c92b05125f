"""Resource limits: what gowls refuses to read, and the note it leaves instead.

A file over ``max-file-size`` bytes (``[limits]`` in ``.gowls.toml``) is not parsed: its
check reports one ``too-large`` finding naming the limit.  The default is far above any real
go.mod (a 500,000-requirement go.mod is about 23 MB and is parsed); the limit exists so that
a stray multi-gigabyte file cannot exhaust memory.  Files that are not regular files (FIFOs,
devices, sockets) are never read at all, so a ``go.mod`` that is a link to ``/dev/zero`` or a
named pipe cannot hang a scan.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gowls.analysis.findings import Finding, Severity
from gowls.syntax.positions import Point, Span

DEFAULT_MAX_FILE_SIZE = 64 * 1024 * 1024
"""Bytes: three times the biggest go.mod seen in the wild (about 20 MB)."""

LIMITS_TABLE = "limits"
MAX_FILE_SIZE_KEY = "max-file-size"

TOO_LARGE = "too-large"
"""The code of the note left on a file that was skipped (not a rule: it is never filtered)."""

UNREADABLE = "unreadable"
"""The code of the note left on a file or directory the system refused to read (not a rule)."""


@dataclass(frozen=True, slots=True)
class Limits:
    """The limits in force."""

    max_file_size: int = DEFAULT_MAX_FILE_SIZE


def too_large(path: Path, size: int, limit: int) -> Finding:
    """The note on a file that was not parsed because of its size."""
    message = (
        f"skipped: too large ({size:,} bytes; the limit is {limit:,} bytes, "
        f"`{MAX_FILE_SIZE_KEY}` under [{LIMITS_TABLE}] in .gowls.toml)"
    )
    return Finding(path, Span(Point(0, 0), Point(0, 0)), Severity.WARNING, TOO_LARGE, message)


def unreadable(path: Path, reason: str, *, directory: bool = False) -> Finding:
    """The note on a file (or a directory) that was skipped because it cannot be read."""
    what = "directory: the files below it are not checked" if directory else "file"
    message = f"skipped: cannot read this {what} ({reason})"
    return Finding(path, Span(Point(0, 0), Point(0, 0)), Severity.WARNING, UNREADABLE, message)

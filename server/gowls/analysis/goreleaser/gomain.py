"""Whether a build's ``main`` names a Go main package, as GoReleaser checks before building.

GoReleaser parses the file ``main`` names, or every Go file of the directory, and stops
with ``build for <binary> does not contain a main function`` when none declares
``func main()``; for ``./...`` (v2.15 and later) it loads the packages below and stops with
``directory does not contain any main function`` when no main package has one. Here only
the package clause and a top-level ``func main(`` are read, enough for both verdicts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from gowls.analysis.source import FileSource
from gowls.syntax.goimports import package_name

_FUNC_MAIN = re.compile(rb"^func\s+main\s*\(", re.M)
WALK_LIMIT = 5000
"""Go files read below a ``./...`` before giving up (no verdict) in a huge tree."""


def _is_go(name: str) -> bool:
    return name.endswith(".go") and not name.endswith("_test.go")


def _verdict(source: FileSource, files: Sequence[Path]) -> str | None:
    """None when the files make a main package with ``func main``; else what they are."""
    packages: list[str] = []
    main_file = False
    for path in files:
        data = source.read_bytes(path) or b""
        name = package_name(data)
        if name is None:
            continue
        packages.append(name)
        if name == "main" and _FUNC_MAIN.search(data):
            return None
        main_file = main_file or name == "main"
    if main_file:
        return "declares `package main` but no `func main()`"
    if packages:
        return f"is `package {sorted(set(packages))[0]}`, not `package main`"
    return "holds no Go files"


def main_problem(source: FileSource, target: Path) -> str | None:
    """What is wrong with ``target`` (a file or directory) as a build's ``main``, or None."""
    if source.is_file(target):
        if not target.name.endswith(".go"):
            return "is not a Go file"
        return _verdict(source, [target])
    return _verdict(source, source.files_in(target, _is_go))


def mains_below_problem(source: FileSource, directory: Path) -> str | None:
    """For ``main: <dir>/...``: None when some package below is a main package."""
    by_dir: dict[Path, list[Path]] = {}
    for count, path in enumerate(source.walk(directory, _is_go), 1):
        by_dir.setdefault(path.parent, []).append(path)
        if count >= WALK_LIMIT:
            return None
    for files in by_dir.values():
        if _verdict(source, files) is None:
            return None
    return "holds no main package below it" if by_dir else "holds no Go files below it"

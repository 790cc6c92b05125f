"""The ``[goreleaser]`` table of ``.gowls.toml``: the GoReleaser the project releases with.

::

    [goreleaser]
    version = "2.16"              # the GoReleaser release the project targets (GR111)
    pro = true                    # edition: check against GoReleaser Pro (false: OSS)
    files = ["release/*.yaml"]    # more GoReleaser configs (read by the core)

The table wins over what the CI workflows show. A value gowls cannot use is reported as a
``GR118`` finding on the first line of each GoReleaser file it governs (a finding cannot
point into the TOML file, which is not a GoReleaser document) and is otherwise ignored.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gowls.analysis.goreleaser.check import Edition
from gowls.analysis.goreleaser.language import SECTION
from gowls.analysis.snapshot import Snapshot

KEYS: tuple[str, ...] = ("files", "pro", "version")
_VERSION = re.compile(r"v?(2)\.(\d+)(?:\.(\d+))?")
_CONFIG_NAMES = (".gowls.toml", "pyproject.toml")


@dataclass(frozen=True, slots=True)
class ReleaseSettings:
    """What the table says; ``None`` where it says nothing usable."""

    edition: Edition | None = None
    version: tuple[int, ...] | None = None
    source: str = ""
    """The configuration file, relative to the GoReleaser file's directory, for messages."""
    problems: tuple[str, ...] = ()
    """One sentence per value that could not be used."""


def config_file(snapshot: Snapshot, path: Path) -> str:
    """The nearest ``.gowls.toml`` (or ``pyproject.toml``) above ``path``, relative to its
    directory (``.gowls.toml`` when none is found)."""
    for directory in path.parents:
        for name in _CONFIG_NAMES:
            if snapshot.source.is_file(directory / name):
                return Path(os.path.relpath(directory / name, path.parent)).as_posix()
    return ".gowls.toml"


def parse_settings(table: Mapping[str, Any], source: str) -> ReleaseSettings:
    """Read a ``[goreleaser]`` table (as TOML decoded it)."""
    problems: list[str] = []
    where = f"{source} [{SECTION}]"
    for key in sorted(set(table) - set(KEYS)):
        problems.append(f"{where}: unknown setting `{key}` (known: {', '.join(KEYS)}).")
    edition: Edition | None = None
    if "pro" in table:
        pro = table["pro"]
        if isinstance(pro, bool):
            edition = Edition.PRO if pro else Edition.OSS
        else:
            problems.append(f"{where}: `pro` must be true or false, not {pro!r}.")
    version: tuple[int, ...] | None = None
    if "version" in table:
        raw = table["version"]
        found = _VERSION.fullmatch(raw.strip()) if isinstance(raw, str) else None
        if found is not None:
            version = tuple(int(g) for g in found.groups() if g is not None)
        else:
            quoted = "; quote it, as 2.10 would read as 2.1" if isinstance(raw, float) else ""
            problems.append(
                f'{where}: `version` must be a GoReleaser v2 release such as "2.16" or '
                f'"2.16.1", not {raw!r}{quoted}.'
            )
    return ReleaseSettings(edition, version, source, tuple(problems))


def release_settings(snapshot: Snapshot, path: Path) -> ReleaseSettings:
    """The ``[goreleaser]`` settings governing the GoReleaser file at ``path``."""
    table = snapshot.settings(SECTION, path)
    if not table:
        return ReleaseSettings()
    return parse_settings(table, config_file(snapshot, path))

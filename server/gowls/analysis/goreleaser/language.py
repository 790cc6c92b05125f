"""GoReleaser configurations as a :class:`~gowls.analysis.language.Language`: what recognises
them and what they offer; the model, rules and features (:mod:`gowls.analysis.goreleaser.parts`)
load when the first configuration is analysed."""

from __future__ import annotations

from pathlib import Path

from gowls.analysis.language import Discovery, Language, Offers, Parts
from gowls.analysis.source import FileSource

KIND = "goreleaser"

SECTION = "goreleaser"
"""The ``.gowls.toml`` table of GoReleaser settings."""

CONFIG_NAMES = frozenset(
    {".goreleaser.yaml", ".goreleaser.yml", "goreleaser.yaml", "goreleaser.yml"}
)
"""File names GoReleaser looks for (``.config/goreleaser.yaml`` first, then the others)."""

TRIGGERS = (" ", ".", ":")
"""Completion triggers."""


def is_config_path(path: Path) -> bool:
    """Whether ``path`` is named like a GoReleaser configuration, in any directory
    (monorepos keep one per project and pass it with ``-f``)."""
    return path.name in CONFIG_NAMES


def _recognize(source: FileSource, path: Path) -> bool:
    return is_config_path(path)


def _parts() -> Parts:
    from gowls.analysis.goreleaser import parts

    return parts.PARTS


GORELEASER = Language(
    name=KIND,
    code_prefixes=("GR",),
    discovery=Discovery(names=CONFIG_NAMES, enter_dirs=frozenset({".config"})),
    parts=_parts,
    recognize=_recognize,
    watch_globs=tuple(f"**/{name}" for name in sorted(CONFIG_NAMES)),
    settings_section=SECTION,
    offers=Offers(frozenset({"completion", "hover", "definition", "symbols"}), TRIGGERS),
)
"""``.goreleaser.yaml`` and friends."""

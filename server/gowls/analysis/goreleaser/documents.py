"""A GoReleaser configuration as the core sees it: the YAML document plus its comments."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from gowls.analysis.goreleaser.check import CheckMemo
from gowls.analysis.goreleaser.workspace import BuildMemo
from gowls.syntax.comments import CommentToken
from gowls.syntax.positions import LineIndex
from gowls.syntax.yaml import YamlDocument, YamlProblem, parse_yaml, reparse_yaml


@dataclass(frozen=True, slots=True)
class ConfigDocument:
    """A parsed ``.goreleaser.yaml``."""

    yaml: YamlDocument
    checks: CheckMemo = field(default_factory=CheckMemo, compare=False, repr=False)
    """Per-subtree check results, handed on to the document re-parsed from this one."""
    builds: BuildMemo = field(default_factory=BuildMemo, compare=False, repr=False)
    """The Go builds read for the workspace checks, handed on likewise."""

    @property
    def index(self) -> LineIndex:
        """Line index of the file's bytes."""
        return self.yaml.index

    @property
    def problems(self) -> Sequence[YamlProblem]:
        """YAML syntax problems (duplicate keys included)."""
        return self.yaml.problems

    def comments(self) -> Iterable[CommentToken]:
        """The ``#`` comments of the file."""
        return (CommentToken(c.span, c.text) for c in self.yaml.comments)


def parse_config_file(data: bytes, path: Path) -> ConfigDocument:
    """Parse a GoReleaser configuration; never raises."""
    return ConfigDocument(parse_yaml(data))


def reparse_config_file(data: bytes, path: Path, previous: ConfigDocument) -> ConfigDocument:
    """A configuration's new text parsed from its previous document (unchanged parts reused)."""
    return ConfigDocument(
        reparse_yaml(previous.yaml, data),
        previous.checks.successor(),
        previous.builds.successor(),
    )

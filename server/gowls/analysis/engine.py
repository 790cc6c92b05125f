"""Runs the registered rules over files of a snapshot; the one path both front ends use."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import gowls.analysis.rules  # noqa: F401  (registers every rule)
from gowls.analysis.filekinds import all_file_names, kind_of
from gowls.analysis.findings import Finding
from gowls.analysis.registry import RuleContext, rules_for
from gowls.analysis.snapshot import Snapshot, normalize
from gowls.analysis.source import FileSource

if TYPE_CHECKING:
    from gowls.analysis.config import Policy


@dataclass(frozen=True, slots=True)
class FileResult:
    """The findings for one file and every path the analysis read to produce them."""

    path: Path
    findings: tuple[Finding, ...]
    depends_on: frozenset[Path]


def check_file(snapshot: Snapshot, path: Path, policy: Policy | None = None) -> FileResult:
    """Run every rule of ``path``'s kind; record what was read.

    With a ``policy`` (configuration, ``--select``/``--ignore``, suppression comments) the
    findings are filtered and re-graded by it; without one every rule's findings are kept.
    """
    path = normalize(path)
    kind = kind_of(path)
    if kind is None:
        return FileResult(path, (), frozenset({path}))
    reads = snapshot.source.start_recording()
    try:
        doc = snapshot.document(path, kind)
        findings: list[Finding] = []
        if doc is not None:
            ctx = RuleContext(snapshot, path, doc)
            for registered in rules_for(kind.name):
                findings.extend(registered.check(ctx, registered.info))
    finally:
        snapshot.source.stop_recording(reads)
    if policy is not None:
        findings = policy.apply(path, findings, snapshot.source.read_bytes(path))
        config = policy.config_for(path).path
        if config is not None:
            reads.add(config)
    findings.sort(key=Finding.sort_key)
    return FileResult(path, tuple(findings), frozenset(reads | {path}))


def discover(source: FileSource, paths: Iterable[Path]) -> list[Path]:
    """Supported files under ``paths``: a named file is taken as is, a directory is searched."""
    names = all_file_names()
    found: dict[Path, None] = {}
    for raw in paths:
        path = normalize(raw)
        if source.is_file(path):
            if kind_of(path) is not None:
                found[path] = None
            continue
        for hit in source.walk(path, names):
            found[normalize(hit)] = None
    return sorted(found)


def check_files(
    snapshot: Snapshot, files: Sequence[Path], policy: Policy | None = None
) -> list[FileResult]:
    """Check each file in turn."""
    return [check_file(snapshot, f, policy) for f in files]

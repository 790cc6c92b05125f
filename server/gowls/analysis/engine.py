"""Runs each kind's rules over files of a snapshot; the one path both front ends use."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from gowls.analysis.findings import Finding
from gowls.analysis.limits import too_large, unreadable
from gowls.analysis.registry import RuleContext
from gowls.analysis.snapshot import Deferred, Snapshot, normalize
from gowls.analysis.source import Dependencies, FileSource
from gowls.analysis.suppress import Suppressions, suppressions_of

if TYPE_CHECKING:
    from gowls.analysis.config import Policy
    from gowls.analysis.language import Languages

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class FileResult:
    """The findings for one file and every path the analysis read to produce them."""

    path: Path
    findings: tuple[Finding, ...]
    depends_on: Dependencies


def check_file(snapshot: Snapshot, path: Path, policy: Policy | None = None) -> FileResult:
    """Run every rule of ``path``'s kind; record what was read.

    With a ``policy`` (configuration, ``--select``/``--ignore``, suppression comments) the
    findings are filtered and re-graded by it; without one every rule's findings are kept.
    A rule that raises is logged with the file and its code, and only its findings are lost.
    """
    path = normalize(path)
    reads = snapshot.source.start_recording()
    findings: list[Finding] = []
    suppressions: Suppressions | None = None
    skipped: Finding | None = None
    try:
        language = snapshot.language_of(path)
        doc = snapshot.document(path, language) if language is not None else None
        if language is not None and doc is not None:
            ctx = RuleContext(snapshot, path, doc)
            for registered in language.rules:
                try:
                    findings.extend(list(registered.check(ctx, registered.info)))
                except Deferred:
                    continue  # needs the whole workspace: the complete pass runs it
                except Exception:
                    log.exception("rule %s failed on %s", registered.info.code, path)
            suppressions = suppressions_of(doc)
        elif language is not None:
            size = snapshot.source.oversized(path)
            refused = snapshot.source.refused.get(path)
            if size is not None:  # not parsed: one note naming the limit, never filtered
                skipped = too_large(path, size, snapshot.source.max_bytes)
            elif refused is not None:
                skipped = unreadable(path, refused)
    finally:
        snapshot.source.stop_recording(reads)
    if skipped is not None:
        excluded = policy is not None and policy.excludes(path)
        return FileResult(path, () if excluded else (skipped,), reads.freeze((path,)))
    if policy is not None:
        findings = policy.apply(path, findings, suppressions)
        config = policy.config_for(path).path
        if config is not None:
            reads.add(config)
    findings.sort(key=Finding.sort_key)
    return FileResult(path, tuple(findings), reads.freeze((path,)))


def discover(source: FileSource, languages: Languages, paths: Iterable[Path]) -> list[Path]:
    """Supported files under ``paths``: a named file is taken as is, a directory is searched."""
    found: dict[Path, None] = {}
    for raw in paths:
        path = normalize(raw)
        if source.is_file(path):
            if languages.of(source, path) is not None:
                found[path] = None
            continue
        for hit in source.walk(path, languages.candidate, languages.enter_dirs):
            hit = normalize(hit)
            if languages.of(source, hit) is not None:
                found[hit] = None
    return sorted(found)


def related_files(snapshot: Snapshot, files: Sequence[Path]) -> list[Path]:
    """Files the given files bring into the analysis (a go.work's used go.mod files), new ones."""
    known = set(files)
    out: list[Path] = []
    queue = list(files)
    while queue:
        path = queue.pop()
        language = snapshot.language_of(path)
        if language is None or language.related is None:
            continue
        for extra in language.related(snapshot, path):
            extra = normalize(extra)
            if extra in known or not snapshot.source.is_file(extra):
                continue
            if snapshot.language_of(extra) is not None:
                known.add(extra)
                out.append(extra)
                queue.append(extra)
    return sorted(out)


def check_files(
    snapshot: Snapshot, files: Sequence[Path], policy: Policy | None = None
) -> list[FileResult]:
    """Check each file in turn, all in the one snapshot."""
    return [check_file(snapshot, f, policy) for f in files]

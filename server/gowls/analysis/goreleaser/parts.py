"""The GoReleaser configuration's parser, rules and editor features: the :class:`Parts` its
``Language`` (:mod:`gowls.analysis.goreleaser.language`) loads on first use."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from gowls.analysis.findings import Finding
from gowls.analysis.goreleaser import rules as R
from gowls.analysis.goreleaser.assist import complete, hover
from gowls.analysis.goreleaser.check import Options, check_config
from gowls.analysis.goreleaser.documents import (
    ConfigDocument,
    parse_config_file,
    reparse_config_file,
)
from gowls.analysis.goreleaser.edition import ci_facts
from gowls.analysis.goreleaser.language import TRIGGERS
from gowls.analysis.goreleaser.outline import definition, symbols
from gowls.analysis.goreleaser.settings import ReleaseSettings, release_settings
from gowls.analysis.goreleaser.workspace import Target, check_workspace
from gowls.analysis.language import Features, Parts
from gowls.analysis.registry import Rule, RuleContext, RuleInfo
from gowls.syntax.positions import Point, Span


def _all_findings(ctx: RuleContext[Any]) -> list[Finding]:
    doc = ctx.doc
    if not isinstance(doc, ConfigDocument):
        return []

    def compute() -> list[Finding]:
        facts = ci_facts(ctx.snapshot, ctx.path)
        source = f".github/workflows/{facts.source.name}" if facts.source else ""
        settings = release_settings(ctx.snapshot, ctx.path)
        edition = settings.edition or facts.edition
        version = facts.version
        if settings.version is not None:
            version, source = settings.version, settings.source
        options = Options(edition, version, source)
        found = check_config(ctx.path, doc.yaml, options, doc.checks)
        found += settings_findings(ctx.path, doc, settings)
        target = Target(version, source) if version is not None else None
        found += check_workspace(ctx.snapshot.source, ctx.path, doc.yaml, target, doc.builds)
        return sorted(found, key=lambda f: (f.span.start, f.code))

    return ctx.snapshot.memo(("goreleaser-findings", ctx.path), compute)


def settings_findings(path: Path, doc: ConfigDocument, settings: ReleaseSettings) -> list[Finding]:
    """``GR118`` for each unusable ``[goreleaser]`` value, on the file's first line."""
    first = doc.index.line_bytes(0).rstrip(b"\r\n") if settings.problems else b""
    span = Span(Point(0, 0), Point(0, len(first)))
    info = R.SETTINGS_INVALID
    return [Finding(path, span, info.severity, info.code, p) for p in settings.problems]


def _by_code(ctx: RuleContext[Any]) -> dict[str, list[Finding]]:
    """The findings of the file grouped by rule (each rule takes its own: one pass over
    them, not one per rule)."""

    def compute() -> dict[str, list[Finding]]:
        out: dict[str, list[Finding]] = {}
        for f in _all_findings(ctx):
            out.setdefault(f.code, []).append(f)
        return out

    return ctx.snapshot.memo(("goreleaser-findings-by-code", ctx.path), compute)


def _check(ctx: RuleContext[Any], info: RuleInfo) -> Iterable[Finding]:
    return list(_by_code(ctx).get(info.code, ()))


RULES: tuple[Rule[Any], ...] = tuple(Rule(info, _check) for info in R.ALL)


PARTS = Parts(
    parse=parse_config_file,
    reparse=reparse_config_file,
    rules=RULES,
    features=Features(
        completion=complete,
        trigger_characters=TRIGGERS,
        hover=hover,
        definition=definition,
        symbols=symbols,
    ),
)
"""``.goreleaser.yaml`` and friends."""

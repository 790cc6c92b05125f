"""gowls with a rule and a feature that always raise: run as ``python faulty_gowls.py ARGS``
(the same arguments as ``gowls``). The rule is registered the way every rule is, in a kind's
``rules``; nothing else changes."""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Iterable

from gowls import languages
from gowls.analysis.findings import Finding, Severity
from gowls.analysis.language import Languages
from gowls.analysis.registry import Rule, RuleContext, RuleInfo
from gowls.main import main
from gowls.syntax.positions import Point

FAILING_CODE = "GM999"


def _fails(ctx: RuleContext[object], info: RuleInfo) -> Iterable[Finding]:
    raise RuntimeError(f"{info.code} always fails")


def _hover_fails(ctx: object, at: Point) -> None:
    raise RuntimeError("hover always fails")


def install() -> None:
    """Add the failing rule and hover to the go.mod kind."""
    failing = Rule(
        RuleInfo(FAILING_CODE, "always-fails", "go.mod", Severity.ERROR, "fails", "fails"), _fails
    )
    kinds = []
    for lang in languages.LANGUAGES.all:
        if lang.name == "go.mod":
            features = dataclasses.replace(lang.features, hover=_hover_fails)
            lang = lang.with_parts(rules=(failing, *lang.rules), features=features)
        kinds.append(lang)
    languages.LANGUAGES = Languages(tuple(kinds))


if __name__ == "__main__":
    install()
    sys.exit(main(sys.argv[1:]))

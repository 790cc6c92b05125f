"""Rules for go.mod files."""

from __future__ import annotations

from collections.abc import Iterator

from gowls.analysis.findings import Finding, Severity
from gowls.analysis.registry import RuleContext, RuleInfo, rule
from gowls.analysis.rules.common import syntax_findings
from gowls.syntax.gomod import GoMod

KIND = "go.mod"


@rule(
    RuleInfo(
        code="GM001",
        name="syntax-error",
        kind=KIND,
        severity=Severity.ERROR,
        summary="go.mod syntax or directive error that makes `go` reject the file",
        explanation=(
            "`go` refuses to build with a go.mod it cannot parse (`go: errors parsing go.mod`). "
            "The message is go's own, followed by how to fix it."
        ),
        fix="Correct the line as the message says.",
        example="module example.com/m\n\ngo 1.22\n\nrequire example.com/x 1.2.3\n",
    )
)
def syntax_error(ctx: RuleContext[GoMod], info: RuleInfo) -> Iterator[Finding]:
    """Syntax and directive problems ``go`` reports while parsing the file."""
    return syntax_findings(info, ctx.path, ctx.doc.index, ctx.doc.problems, KIND)

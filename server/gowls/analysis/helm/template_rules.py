"""Rules on chart templates and on what they read: syntax, undefined and unused values."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from pathlib import Path

from gowls.analysis.edits import delete_lines
from gowls.analysis.findings import Finding, Fix, Severity, TextEdit
from gowls.analysis.helm.documents import (
    TemplateFile,
    ValuesFile,
    chart_model,
    values_file,
    values_root,
)
from gowls.analysis.helm.edits import insert_value
from gowls.analysis.helm.functions import TEMPLATE_FUNCTIONS
from gowls.analysis.helm.language import TEMPLATE_KIND, VALUES_KIND, template_chart_root
from gowls.analysis.helm.model import DefinedValues, chart_reads, defined_values, unpacked_all
from gowls.analysis.helm.rules import chart_example
from gowls.analysis.helm.usage import declared, defined, unused_paths
from gowls.analysis.registry import RuleContext, RuleInfo, finding, rule


@rule(
    RuleInfo(
        code="HL105",
        name="template-syntax",
        kind=TEMPLATE_KIND,
        severity=Severity.ERROR,
        summary="A template Helm cannot parse: unclosed action, stray `end`, unknown function",
        explanation=(
            "Helm parses every template of a chart before rendering any, so one syntax error "
            "fails `helm install`, `helm template` and `helm lint` for the whole chart. The "
            "message is Go's `text/template` wording (`unexpected {{end}}`, "
            "`function \"x\" not defined`). Functions are Go's built-ins, Sprig's (without "
            "`env` and `expandenv`) and Helm's (`include`, `tpl`, `required`, `toYaml`, …)."
        ),
        fix="Close the action or block, remove the stray keyword, or correct the function name.",
        example=chart_example(
            "templates/cm.yaml", "enabled: true\n", "{{- if .Values.enabled }}\nkind: ConfigMap\n"
        ),
    )
)
def template_syntax(ctx: RuleContext[TemplateFile], info: RuleInfo) -> Iterator[Finding]:
    """Scanner problems and calls to functions Helm does not define (once per document)."""
    return iter(ctx.doc.derive((info.code, ctx.path), lambda: list(_syntax(ctx, info))))


def _syntax(ctx: RuleContext[TemplateFile], info: RuleInfo) -> Iterator[Finding]:
    for problem in ctx.doc.problems:
        yield finding(info, ctx.path, problem.span, problem.message)
    for token in ctx.doc.scan.functions(TEMPLATE_FUNCTIONS):
        span = ctx.doc.span(token.start, token.end)
        message = f'function "{token.text}" not defined'
        close = difflib.get_close_matches(token.text, sorted(TEMPLATE_FUNCTIONS), n=1, cutoff=0.8)
        if not close:
            yield finding(info, ctx.path, span, message)
            continue
        fix = Fix(f"Change to {close[0]}", (TextEdit(ctx.path, span, close[0]),))
        yield finding(info, ctx.path, span, f"{message}; did you mean {close[0]}?", fixes=(fix,))


@rule(
    RuleInfo(
        code="HL106",
        name="undefined-value",
        kind=TEMPLATE_KIND,
        severity=Severity.WARNING,
        summary="A `.Values` path no values file sets and the schema does not declare",
        explanation=(
            "Helm renders templates with `missingkey=zero`, so a misspelt or forgotten value "
            "silently renders as empty (or `<no value>`) and `helm lint` says nothing. A read "
            "is not reported when it is guarded (`default`, `hasKey`, `required`, `empty`, "
            "`coalesce`, `ternary`, an `if`/`with`/`range` on it or a parent, `index`), when it "
            "lies under a null or empty map in values.yaml, or when a template `set`s it."
        ),
        fix="Add the value to values.yaml (documented), fix the spelling, or guard the read "
        "with `default`.",
        example=chart_example(
            "templates/cm.yaml",
            "replicaCount: 1\n",
            "replicas: {{ .Values.replicas }}\ncount: {{ .Values.replicaCount }}\n",
        ),
    )
)
def undefined_value(ctx: RuleContext[TemplateFile], info: RuleInfo) -> Iterator[Finding]:
    """Unguarded reads of values nothing defines."""
    root = template_chart_root(ctx.snapshot.source, ctx.path)
    if root is None:
        return
    view = defined_values(ctx.snapshot, root)
    view.record(ctx.snapshot, ctx.doc.reads)
    verdicts: dict[tuple[tuple[str, ...], bool], bool] = {}
    for ref in ctx.doc.reads.refs:
        if ref.guarded or not ref.path:
            continue
        # a template reads the same few paths many times: judge each path once
        key = (ref.path, ref.in_define)
        undefined = verdicts.get(key)
        if undefined is None:
            undefined = verdicts[key] = _undefined(view, ref.path, ref.in_define)
        if not undefined:
            continue
        dotted = ".".join(ref.path)
        message = (
            f"`.Values.{dotted}` is not set in any values file nor declared in "
            f"values.schema.json; Helm renders it empty. Add it to values.yaml, or guard it "
            f"with `default`"
        )
        fixes = _add_value_fix(ctx, root, ref.path)
        yield finding(info, ctx.path, ctx.doc.span(ref.start, ref.end), message, fixes=fixes)


def _undefined(view: DefinedValues, path: tuple[str, ...], in_define: bool) -> bool:
    """Whether an unguarded read of ``path`` is undefined for the chart ``view`` describes."""
    if view.writes and any(path[: len(w)] == w for w in view.writes):
        return False
    merged = view.merged
    if in_define and not (isinstance(merged, dict) and path[0] in merged):
        return False  # a helper whose caller may not pass the root context
    if any(defined(d, path) for d in view.datas if isinstance(d, dict | None)):
        return False
    return not declared(view.schema, path)


def _add_value_fix(
    ctx: RuleContext[TemplateFile], root: Path, path: tuple[str, ...]
) -> tuple[Fix, ...]:
    """Add ``path: null`` to the chart's values.yaml, nested under what already exists."""
    target = root / "values.yaml"
    doc = values_file(ctx.snapshot, target)
    if doc is None or doc.yaml.problems:
        return ()
    edit = insert_value(target, doc, path)
    if edit is None:
        return ()
    return (Fix(f"Add '{'.'.join(path)}' to values.yaml", (edit,)),)


@rule(
    RuleInfo(
        code="HL107",
        name="unused-value",
        kind=VALUES_KIND,
        severity=Severity.HINT,
        summary="A value in values.yaml that no template of the chart or its subcharts reads",
        explanation=(
            "A value nothing reads does nothing: often a leftover, or a typo on either side. "
            "Reads through `toYaml`, `tpl`, `with`/`range`, `index`, variables and helpers "
            "count (a whole map read counts for its keys), as do subchart templates for the "
            "values a parent sets for them, dependency conditions and tags, and template "
            "strings inside values.yaml (for `tpl`). Nothing is reported for a chart whose "
            "templates pass `.Values` whole or index it with a variable, or that has a "
            "dependency not unpacked under charts/."
        ),
        fix="Remove the value (quick fix), or use it in a template.",
        example=chart_example(
            "values.yaml", "replicaCount: 1\nleftover: true\n", "n: {{ .Values.replicaCount }}\n"
        ),
    )
)
def unused_value(ctx: RuleContext[ValuesFile], info: RuleInfo) -> Iterator[Finding]:
    """Keys of values.yaml nothing reads."""
    root = values_root(ctx.snapshot, ctx.path)
    if root is None or ctx.path != root / "values.yaml":
        return
    chart = chart_model(ctx.snapshot, root)
    if not unpacked_all(chart):
        return
    reads = chart_reads(ctx.snapshot, root)
    values = ctx.doc.values
    for path in unused_paths(values.data, reads):
        site = values.sites.get(path)
        if site is None or site.key is None:
            continue
        end = site.value.end if site.value is not None else site.key.end
        dotted = ".".join(path)
        message = f"unused value '{dotted}': no template of this chart or its subcharts reads it"
        last = end.line if end.column > 0 or end.line == site.key.start.line else end.line - 1
        fix = Fix(
            f"Remove '{dotted}'",
            (delete_lines(ctx.path, ctx.doc.index, site.key.start.line, last),),
        )
        yield finding(info, ctx.path, site.key, message, fixes=(fix,))


TEMPLATE_RULES = (template_syntax, undefined_value)
VALUES_USAGE_RULES = (unused_value,)

"""Rules for Helm values files and values.schema.json (codes ``HL``)."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from gowls.analysis.findings import Finding, Fix, Related, Severity, TextEdit
from gowls.analysis.helm.documents import (
    SchemaFile,
    SnapshotReader,
    ValuesFile,
    chart_model,
    chart_schema,
    top_chart_root,
    values_file,
    values_root,
)
from gowls.analysis.helm.language import SCHEMA_KIND, VALUES_KIND
from gowls.analysis.helm.schema import (
    InstancePath,
    SchemaFinding,
    additional_message,
    pointer,
)
from gowls.analysis.helm.values import Chart, has_path, validate_chart, validate_values_file
from gowls.analysis.registry import Example, RuleContext, RuleInfo, finding, rule
from gowls.analysis.snapshot import Snapshot
from gowls.syntax.positions import Point, Span
from gowls.syntax.yaml import YamlMapping

_CHART = "apiVersion: v2\nname: demo\nversion: 0.1.0\n"


def chart_example(
    finding_in: str,
    values: str,
    template: str,
    schema: str | None = None,
    extra: dict[str, str] | None = None,
) -> Example:
    """A one-chart example: Chart.yaml, values.yaml, one template, optionally a schema."""
    files = {"Chart.yaml": _CHART, "values.yaml": values, "templates/cm.yaml": template}
    if schema is not None:
        files["values.schema.json"] = schema
    files.update(extra or {})
    return Example(files, finding_in)


_SCHEMA_EXAMPLE = chart_example(
    "values.yaml",
    'replicaCount: "3"\n',
    "replicas: {{ .Values.replicaCount }}\n",
    '{"properties": {"replicaCount": {"type": "integer"}}}\n',
)


@rule(
    RuleInfo(
        code="HL001",
        name="values-yaml-syntax",
        kind=VALUES_KIND,
        severity=Severity.ERROR,
        summary="YAML syntax error or duplicate key in a Helm values file",
        explanation=(
            "Helm refuses a values file it cannot parse (`helm lint`: `unable to parse YAML`). "
            "A key written twice in one mapping is accepted, but Helm silently keeps the last "
            "value (reported as a warning); YAML 1.1 makes `on`, `yes` and `y` the key "
            "`true`, so they can collide too."
        ),
        fix="Correct the YAML; remove or merge the duplicate key.",
        example=chart_example(
            "values.yaml", "image:\n  tag: 1.0\n  tag: 1.1\n", "tag: {{ .Values.image.tag }}\n"
        ),
    )
)
def values_syntax(ctx: RuleContext[ValuesFile], info: RuleInfo) -> Iterator[Finding]:
    """YAML problems and duplicate keys."""
    for problem in ctx.doc.problems:
        if not problem.message.startswith('duplicate key "'):  # reported below, as Helm sees keys
            yield finding(info, ctx.path, problem.span, problem.message)
    for dup in ctx.doc.values.duplicates:
        where = f"line {dup.first.start.line + 1}"
        message = (
            f"duplicate key '{pointer(dup.path)[1:]}': Helm keeps this value and ignores the "
            f"one on {where}; remove one of them"
        )
        related = Related(ctx.path, dup.first, "first written here")
        yield finding(
            info, ctx.path, dup.again, message, related=(related,), severity=Severity.WARNING
        )


@rule(
    RuleInfo(
        code="HL101",
        name="schema-violation",
        kind=VALUES_KIND,
        severity=Severity.ERROR,
        summary="A value breaks the chart's values.schema.json",
        explanation=(
            "`helm install`, `helm upgrade`, `helm template` and `helm lint` validate the "
            "values against values.schema.json and refuse to render when they break it. "
            "The message is Helm 4's (`got string, want integer`, `missing property 'x'`), "
            "reported on the key or value, followed by how to fix it. Subchart values "
            "(under the subchart's name or alias, and `global`) are checked against the "
            "subchart's schema, where they are written."
        ),
        fix="Change the value as the message says (quick fixes: unquote a number, rename a "
        "misspelt key).",
        example=_SCHEMA_EXAMPLE,
    )
)
def schema_violation(ctx: RuleContext[ValuesFile], info: RuleInfo) -> Iterator[Finding]:
    """Schema findings attributed to this values file."""
    root = values_root(ctx.snapshot, ctx.path)
    if root is None:
        return
    seen: set[tuple[Span, str]] = set()
    for span, message, fixes in _violations(ctx, root):
        if (span, message) not in seen:
            seen.add((span, message))
            yield finding(info, ctx.path, span, message, fixes=fixes)


@dataclass(frozen=True)
class _Hit:
    """A schema finding and the path at which this file defines the offending value."""

    finding: SchemaFinding
    path: InstancePath


def _violations(
    ctx: RuleContext[ValuesFile], root: Path
) -> Iterator[tuple[Span, str, tuple[Fix, ...]]]:
    for hit in _hits(ctx.snapshot, ctx.path, root, ctx.doc):
        yield from _report(ctx, hit)


def _hits(snapshot: Snapshot, path: Path, root: Path, doc: ValuesFile) -> Iterator[_Hit]:
    reader = SnapshotReader(snapshot)
    chart = chart_model(snapshot, root)
    data = doc.values.data
    if chart.schema is not None and chart.schema.usable:
        own = path == chart.values_yaml
        for f in validate_values_file(chart, path, reader):
            if own or _defines(data, f):
                yield _Hit(f, f.path)
    # Subchart values, as the render step of the outermost chart validates them.
    top_root = top_chart_root(snapshot, root)
    top = chart_model(snapshot, top_root)
    if not top.subcharts or path.parent != root:
        return
    rendered = snapshot.memo(
        ("helm render findings", top_root), lambda: validate_chart(top, reader)
    )
    for cf in rendered:
        if not cf.chart:
            continue
        where = _source_of(snapshot, top, cf.chart, cf.finding)
        if where is not None and where[0] == path:
            yield _Hit(cf.finding, where[1])


def _defines(data: object, f: SchemaFinding) -> bool:
    """Whether an override file itself writes the value a finding is about."""
    if f.names:
        return any(has_path(data, (*f.path, n)) for n in f.names)
    return bool(f.path) and has_path(data, f.path)


def _source_of(
    snapshot: Snapshot, top: Chart, keys: tuple[str, ...], f: SchemaFinding
) -> tuple[Path, InstancePath] | None:
    """Which values.yaml writes the value a subchart finding is about, and at which path.

    Parents win over subcharts (Helm's coalescing), and a parent's ``global`` over a
    subchart's.
    """
    chain: list[Chart] = [top]
    for key in keys:
        sub = chain[-1].subcharts.get(key)
        if sub is None:
            return None
        chain.append(sub)
    probe = (*f.path, f.names[0]) if f.names else f.path
    for level, chart in enumerate(chain):
        doc = values_file(snapshot, chart.values_yaml)
        if doc is None:
            continue
        nested = (*keys[level:], *probe)
        if has_path(doc.values.data, nested):
            return chart.values_yaml, (*keys[level:], *f.path)
        if probe[:1] == ("global",) and has_path(doc.values.data, probe):
            return chart.values_yaml, f.path
    return None


_ON_KEY = {"required", "minProperties", "maxProperties", "dependencies", "dependentRequired"}


def _report(ctx: RuleContext[ValuesFile], hit: _Hit) -> Iterator[tuple[Span, str, tuple[Fix, ...]]]:
    f, values = hit.finding, ctx.doc.values
    if f.keyword == "additionalProperties" and f.names:
        for name in f.names:
            span = values.span((*hit.path, name))
            if span is not None:
                text, fixes = _misspelt(ctx, name, f.allowed, span)
                yield span, f"{additional_message([name])}; {text}", fixes
        return
    if f.keyword == "propertyNames" and f.names:
        span = values.span((*hit.path, f.names[0]))
        if span is not None:
            yield span, _with_hint(f), ()
        return
    if f.keyword in _ON_KEY:
        span = values.span(hit.path) if hit.path else _first_key(ctx.doc)
        if span is not None:
            yield span, _with_hint(f), ()
        return
    span = values.span(hit.path, prefer_key=False)
    if span is None:
        return
    fixes = _unquote_fix(ctx, f, span)
    yield span, _with_hint(f, bool(fixes)), fixes


def _first_key(doc: ValuesFile) -> Span | None:
    root = doc.yaml.root
    if isinstance(root, YamlMapping) and root.pairs and root.pairs[0].key is not None:
        return root.pairs[0].key.span
    return Span(Point(0, 0), Point(0, 0))


def _with_hint(f: SchemaFinding, unquote: bool = False) -> str:
    hint = _HINTS.get(f.keyword, "")
    if f.keyword == "required" and f.message.startswith("missing properties"):
        hint = "add them (see values.schema.json for what they expect)"
    if f.keyword == "type" and "want " in f.message:
        want = f.message.split("want ", 1)[1]
        hint = "remove the quotes" if unquote else f"write a value of type {want}"
    return f"{f.message}; {hint}" if hint else f.message


_HINTS = {
    "required": "add it (see values.schema.json for what it expects)",
    "enum": "use one of the allowed values",
    "const": "use the required value",
    "pattern": "change the value to match the pattern",
    "format": "change the value to the expected format",
    "false": "remove this key: the schema allows no value here",
    "propertyNames": "rename the key",
}


def _misspelt(
    ctx: RuleContext[ValuesFile], name: str, allowed: tuple[str, ...], span: Span
) -> tuple[str, tuple[Fix, ...]]:
    close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.75)
    if not close:
        listed = ", ".join(allowed[:8]) + (", ..." if len(allowed) > 8 else "")
        text = f"remove it, or use a declared key ({listed})" if allowed else "remove it"
        return text, ()
    fix = Fix(f"Rename to '{close[0]}'", (TextEdit(ctx.path, span, close[0]),))
    return f"did you mean '{close[0]}'?", (fix,)


def _unquote_fix(ctx: RuleContext[ValuesFile], f: SchemaFinding, span: Span) -> tuple[Fix, ...]:
    """For ``got string, want integer|number|boolean`` on a quoted scalar that is one."""
    if f.keyword != "type" or not f.message.startswith("got string"):
        return ()
    index = ctx.doc.index
    raw = index.data[index.offset(span.start) : index.offset(span.end)].decode("utf-8", "replace")
    if len(raw) < 2 or raw[0] not in "'\"" or raw[-1] != raw[0]:
        return ()
    inner = raw[1:-1]
    want = f.message.split("want ", 1)[-1]
    ok = (
        ("integer" in want and inner.lstrip("-").isdigit())
        or ("number" in want and _is_number(inner))
        or ("boolean" in want and inner in ("true", "false"))
    )
    if not ok:
        return ()
    return (Fix(f"Remove the quotes: {inner}", (TextEdit(ctx.path, span, inner),), safe=False),)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return text.strip() == text and text.lower() not in ("nan", "inf", "-inf", "infinity")


@rule(
    RuleInfo(
        code="HL102",
        name="invalid-schema",
        kind=SCHEMA_KIND,
        severity=Severity.ERROR,
        summary="values.schema.json is not valid JSON or not a valid JSON Schema",
        explanation=(
            "Helm refuses to install or lint a chart whose values.schema.json does not parse "
            "(`invalid character '}' looking for beginning of object key string`) or does not "
            "validate against its draft's meta-schema (`is not valid against metaschema`). "
            "A `$schema` Helm does not know would be fetched over the network."
        ),
        fix="Correct the JSON or the schema keyword named in the message.",
        example=chart_example(
            "values.schema.json",
            "replicaCount: 1\n",
            "replicas: {{ .Values.replicaCount }}\n",
            '{"type": "object", "properties": {"replicaCount": {"type": "int"}}}\n',
        ),
    )
)
def invalid_schema(ctx: RuleContext[SchemaFile], info: RuleInfo) -> Iterator[Finding]:
    """JSON syntax errors and meta-schema violations."""
    for problem in ctx.doc.problems:
        yield finding(info, ctx.path, problem.span, f"invalid JSON: {problem.message}")
    if ctx.doc.problems:
        return
    schema = chart_schema(ctx.snapshot, ctx.path)
    if schema is None:
        return
    for p in schema.problems:
        if p.message.startswith("Helm resolves $ref"):
            continue
        span = p.span or Span(Point(0, 0), Point(0, 0))
        yield finding(info, ctx.path, span, p.message)


@rule(
    RuleInfo(
        code="HL103",
        name="schema-ref-not-loadable",
        kind=SCHEMA_KIND,
        severity=Severity.ERROR,
        summary="A relative `$ref` to a file, which Helm resolves against file:///",
        explanation=(
            "Helm 4 compiles values.schema.json as `file:///values.schema.json`, so "
            '`"$ref": "other.json"` means `/other.json` at the root of the file system and '
            'fails (`failing loading "file:///other.json"`); Helm 3 rejects it '
            "(`Reference /other.json must be canonical`). gowls still follows the file beside "
            "the schema to check values."
        ),
        fix="Move the referenced schema into `$defs` (or `definitions`) and refer to it with "
        '`"#/$defs/name"`.',
        example=chart_example(
            "values.schema.json",
            "image:\n  tag: v1\n",
            "tag: {{ .Values.image.tag }}\n",
            '{"properties": {"image": {"$ref": "image.schema.json"}}}\n',
            {"image.schema.json": '{"type": "object"}\n'},
        ),
    )
)
def ref_not_loadable(ctx: RuleContext[SchemaFile], info: RuleInfo) -> Iterator[Finding]:
    """Relative file references."""
    if ctx.doc.problems:
        return
    schema = chart_schema(ctx.snapshot, ctx.path)
    if schema is None:
        return
    for p in schema.problems:
        if p.message.startswith("Helm resolves $ref") and p.span is not None:
            yield finding(info, ctx.path, p.span, p.message)


@rule(
    RuleInfo(
        code="HL104",
        name="schema-ref-remote",
        kind=SCHEMA_KIND,
        severity=Severity.INFORMATION,
        summary="A `$ref` to a network URL, which gowls does not follow",
        explanation=(
            "Helm fetches http(s) `$ref`s when it validates (and fails without network "
            "access); gowls never fetches, so values under such a reference are not checked."
        ),
        fix="Nothing to do; vendor the referenced schema into `$defs` to have it checked offline.",
        example=chart_example(
            "values.schema.json",
            "pod:\n  name: web\n",
            "name: {{ .Values.pod.name }}\n",
            '{"properties": {"pod": {"$ref": "https://example.com/pod.json"}}}\n',
        ),
    )
)
def ref_remote(ctx: RuleContext[SchemaFile], info: RuleInfo) -> Iterator[Finding]:
    """Network references, once each."""
    if ctx.doc.problems:
        return
    schema = chart_schema(ctx.snapshot, ctx.path)
    if schema is None:
        return
    spans = {ref: span for ref, span in _ref_spans(ctx.doc)}
    for uri in schema.unfollowed:
        span = next((s for ref, s in spans.items() if uri.endswith(ref.split("#")[0])), None)
        if span is not None:
            yield finding(info, ctx.path, span, f"$ref {uri} is not followed (no network)")


def _ref_spans(doc: SchemaFile) -> Iterator[tuple[str, Span]]:
    for path, span in doc.json.values.items():
        if path and path[-1] == "$ref":
            value = _at(doc.json.data, path)
            if isinstance(value, str) and value.split("#")[0]:
                yield value, span


def _at(data: object, path: tuple[str | int, ...]) -> object:
    for part in path:
        if isinstance(data, dict) and isinstance(part, str):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return data


VALUES_RULES = (values_syntax, schema_violation)
SCHEMA_RULES = (invalid_schema, ref_not_loadable, ref_remote)

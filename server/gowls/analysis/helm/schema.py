"""values.schema.json: load it like Helm 4 does, validate values, say what Helm 4 says.

Validation uses the ``jsonschema`` package (drafts 4, 6, 7, 2019-09 and 2020-12, the same set
Helm 4's validator accepts) rather than a validator of our own: keyword semantics, ``$ref``/
``$dynamicRef`` resolution and format checks are large and subtle, and the package is the
reference implementation in Python. What is ours is the Helm behaviour around it:

- the draft comes from ``$schema``; without one Helm 4 uses 2020-12;
- format assertions are on (Helm 4 reports ``'x' is not valid email``);
- ``$ref`` never goes to the network: ``http(s)`` references other than the JSON Schema
  meta-schemas are not followed (they accept anything) and listed in ``Schema.unfollowed``;
- a relative ``$ref`` to a file is followed to that file beside values.schema.json. Helm 4 itself
  resolves it against ``file:///values.schema.json`` (so ``other.json`` means ``/other.json``)
  and fails to load it; that is reported as a :class:`SchemaProblem` on the ``$ref``;
- a ``$ref`` cycle that does not consume the instance (``#/definitions/x`` → ``#/definitions/y``
  → ``#/definitions/x``) is found when the schema is loaded and reported on the ``$ref`` that
  closes it; a value that reaches it fails there, as in Helm 4 (``causing reference cycle``;
  Helm 3 overflows its stack). A recursive schema that consumes the value on the way (a tree
  node whose ``children`` items refer to the node) is an ordinary schema;
- messages are Helm 4's (``got string, want integer``, ``missing property 'x'``, ...), with the
  instance path as a tuple of keys and indexes.
"""

from __future__ import annotations

import ast
import json
import math
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import unquote, urljoin, urlsplit

from gowls.analysis.helm.formats import format_checker
from gowls.analysis.helm.jsontext import JsonText, parse_json
from gowls.analysis.helm.metaschema import meta_validator
from gowls.syntax.positions import Span

if TYPE_CHECKING:
    # jsonschema (and referencing, datetime…) costs ~45 ms to import: it is imported when a
    # schema is first loaded, not when the server or the checker starts.
    import referencing
    from jsonschema.exceptions import ValidationError
    from jsonschema.protocols import Validator

InstancePath = tuple[str | int, ...]

HELM_BASE_URI = "file:///values.schema.json"
DEFAULT_DRAFT = "https://json-schema.org/draft/2020-12/schema"


@dataclass(frozen=True)
class SchemaFinding:
    """One violation: where in the values, which keyword, and Helm 4's message."""

    path: InstancePath
    keyword: str
    message: str
    names: tuple[str, ...] = ()
    """For ``additionalProperties``: the properties not allowed."""
    allowed: tuple[str, ...] = ()
    """For ``additionalProperties``: the properties the schema declares."""


@dataclass(frozen=True)
class SchemaProblem:
    """values.schema.json (or a file it references) is not usable as Helm needs it."""

    message: str
    file: str
    span: Span | None
    schema_path: InstancePath = ()


@dataclass
class Schema:
    """A loaded values.schema.json, ready to validate values."""

    document: JsonText
    validator: Validator | None
    problems: list[SchemaProblem] = field(default_factory=list)
    unfollowed: list[str] = field(default_factory=list)

    @property
    def usable(self) -> bool:
        """Whether values can be validated against it."""
        return self.validator is not None


def load_schema(path: Path) -> Schema:
    """Load ``path`` (a values.schema.json); never raises, problems are collected."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        doc = JsonText(error=str(exc))
        return Schema(doc, None, [SchemaProblem(f"cannot read schema: {exc}", path.name, None)])
    return load_schema_text(text, path.parent, path.name)


def load_schema_text(
    text: str,
    chart_dir: Path | None,
    name: str = "values.schema.json",
    read: Callable[[Path], bytes | None] | None = None,
) -> Schema:
    """Load a schema from its text; files it references are looked up in ``chart_dir`` and
    read with ``read`` (default: from disk)."""
    import jsonschema
    import referencing

    doc = parse_json(text)
    if doc.error is not None:
        span = Span(doc.error_at, doc.error_at) if doc.error_at else None
        return Schema(doc, None, [SchemaProblem(f"invalid JSON: {doc.error}", name, span)])
    schema = doc.data
    if not isinstance(schema, dict | bool):
        msg = f"a schema must be an object or a boolean, got {json_type(schema)}"
        return Schema(doc, None, [SchemaProblem(msg, name, doc.values.get(()))])
    cls = _validator_class(schema)
    if cls is None:
        assert isinstance(schema, dict)
        where = doc.values.get(("$schema",))
        msg = (
            f"unknown $schema {schema.get('$schema')!r}: Helm 4 would fetch it over the network;"
            " use http://json-schema.org/draft-07/schema# or"
            " https://json-schema.org/draft/2020-12/schema"
        )
        return Schema(doc, None, [SchemaProblem(msg, name, where, ("$schema",))])
    problems = _meta_problems(cls, schema, doc, name)
    if problems:
        return Schema(doc, None, problems)
    loader = _Loader(chart_dir, read or _read_disk)
    base = _base_uri(cls, schema)
    # attrs aliases (retrieve=, ref=) are not visible to mypy.
    registry: referencing.Registry[Any] = referencing.Registry(
        retrieve=loader.retrieve  # type: ignore[call-arg]
    )
    helm_cls = cast(
        "type[Validator]",
        jsonschema.validators.extend(  # type: ignore[no-untyped-call]
            cls, {FALSE_KEYWORD: _false_schema, CYCLE_KEYWORD: _cycle_schema}
        ),
    )
    cycles = ref_cycles(schema)
    validator = helm_cls(
        _with_base(cls, _mark_false(_without_remote_refs(_mark_cycles(schema, cycles), base))),
        registry=registry,
        format_checker=format_checker(cls.FORMAT_CHECKER) if _asserts_format(cls) else None,
    )
    remote = [urljoin(base, ref) for _, ref in _refs(schema, ()) if _is_remote(urljoin(base, ref))]
    loader.unfollowed.extend(dict.fromkeys(ref.split("#", 1)[0] for ref in remote))
    result = Schema(doc, validator, unfollowed=loader.unfollowed)
    first: dict[str, InstancePath] = {}
    for at, chain in sorted(cycles.items(), key=lambda item: tuple(map(str, item[0]))):
        first.setdefault(chain, at)
    for chain, at in first.items():  # one problem per cycle, on its first $ref
        ref_at = (*at, "$ref")
        message = (
            f"$ref cycle: {chain}: the schema refers back to itself without reaching a value;"
            " Helm 4 fails on any value that reaches it (causing reference cycle), Helm 3 crashes"
        )
        result.problems.append(SchemaProblem(message, name, doc.values.get(ref_at), ref_at))
    if base == HELM_BASE_URI:
        result.problems.extend(_ref_problems(schema, doc, name, chart_dir))
    return result


FALSE_KEYWORD = "$gowlsFalseSchema"
CYCLE_KEYWORD = "$gowlsRefCycle"
"""Replaces a ``$ref`` on a cycle: fails whatever value reaches it, with the cycle's message."""
_IN_PLACE_LISTS = ("allOf", "anyOf", "oneOf")
_IN_PLACE_ONE = ("not", "if", "then", "else")
"""Applicators that apply a subschema to the same value (a cycle through them never ends)."""
_SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
_SCHEMA_ONE = ("not", "if", "then", "else", "contains", "propertyNames")


def _mark_false(node: Any) -> Any:
    """The schema with ``false`` subschemas replaced by a keyword of ours.

    jsonschema reports a ``false`` subschema's error without its instance path; the marker
    keyword reports it where it belongs, as Helm 4 does ("false schema").
    """
    if node is False:
        return {FALSE_KEYWORD: True}
    if not isinstance(node, dict):
        return node
    out = dict(node)
    for key in _SCHEMA_MAPS:
        if isinstance(out.get(key), dict):
            out[key] = {k: _mark_false(v) for k, v in out[key].items()}
    for key in _SCHEMA_LISTS:
        if isinstance(out.get(key), list):
            out[key] = [_mark_false(v) for v in out[key]]
    for key in _SCHEMA_ONE:
        if key in out:
            out[key] = _mark_false(out[key])
    return out


_DATA_KEYWORDS = ("enum", "const", "default", "examples")


def _local_target(schema: object, ref: object) -> InstancePath | None:
    """The location a same-document ``$ref`` (``#`` or ``#/a/b``) points at, if it exists."""
    if not isinstance(ref, str) or not ref.startswith("#") or (len(ref) > 1 and ref[1] != "/"):
        return None
    node: object = schema
    out: list[str | int] = []
    for raw in unquote(ref[1:]).split("/")[1:]:
        part = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and part in node:
            node = node[part]
            out.append(part)
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
            out.append(int(part))
        else:
            return None
    return tuple(out)


def _node_at(root: object, where: InstancePath) -> object:
    node = root
    for part in where:
        if isinstance(node, dict) and isinstance(part, str):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        else:
            return None
    return node


def _in_place(schema: object, node: dict[str, Any], where: InstancePath) -> Iterator[InstancePath]:
    """The subschemas applied to the same value as ``node`` (its ``$ref`` target included)."""
    target = _local_target(schema, node.get("$ref"))
    if target is not None:
        yield target
    for key in _IN_PLACE_LISTS:
        if isinstance(node.get(key), list):
            yield from ((*where, key, i) for i in range(len(node[key])))
    for key in _IN_PLACE_ONE:
        if isinstance(node.get(key), dict):
            yield (*where, key)


def ref_cycles(schema: object) -> dict[InstancePath, str]:
    """Schemas whose ``$ref`` leads back to themselves without consuming the value.

    Maps the location of each such ``$ref``'s schema to the cycle (``#/a → #/b → #/a``). Bounded:
    each location is visited once (an iterative depth-first search over ``$ref`` and the
    in-place applicators).
    """
    found: dict[InstancePath, str] = {}
    done: set[InstancePath] = set()
    for where, _ in _refs(schema, ()):
        if where[:-1] not in done:
            _search(schema, where[:-1], done, found)
    return found


def _search(
    schema: object, start: InstancePath, done: set[InstancePath], found: dict[InstancePath, str]
) -> None:
    """One depth-first search from ``start``; ``path`` is the chain being followed."""
    path: list[InstancePath] = []
    stack: list[Iterator[InstancePath]] = []
    nxt: InstancePath | None = start
    while True:
        if nxt is not None:
            node = _node_at(schema, nxt)
            path.append(nxt)
            stack.append(_in_place(schema, node, nxt) if isinstance(node, dict) else iter(()))
        if not stack:
            return
        nxt = next(stack[-1], None)
        if nxt is None:
            stack.pop()
            done.add(path.pop())
        elif nxt in path:
            loop = path[path.index(nxt) :]
            for where in loop:
                node = _node_at(schema, where)
                if isinstance(node, dict) and _local_target(schema, node.get("$ref")) is not None:
                    found.setdefault(where, _cycle_message(loop))
            nxt = None
        elif nxt in done:
            nxt = None


def _cycle_message(loop: list[InstancePath]) -> str:
    """The cycle as JSON pointers, from its first location: ``#/a → #/b → #/a``."""
    first = loop.index(min(loop, key=lambda w: tuple(map(str, w))))
    ordered = [*loop[first:], *loop[:first]]
    return " → ".join("#" + pointer(w) for w in [*ordered, ordered[0]])


def _mark_cycles(node: Any, cycles: Mapping[InstancePath, str], where: InstancePath = ()) -> Any:
    """The schema with each ``$ref`` on a cycle replaced by :data:`CYCLE_KEYWORD`."""
    if not cycles:
        return node
    if isinstance(node, list):
        return [_mark_cycles(v, cycles, (*where, i)) for i, v in enumerate(node)]
    if not isinstance(node, dict):
        return node
    out = {
        k: v if k in _DATA_KEYWORDS else _mark_cycles(v, cycles, (*where, k))
        for k, v in node.items()
    }
    if where in cycles:
        del out["$ref"]
        out[CYCLE_KEYWORD] = cycles[where]
    return out


def _cycle_schema(
    validator: Validator, message: Any, instance: Any, schema: Mapping[str, Any]
) -> Iterator[ValidationError]:
    from jsonschema.exceptions import ValidationError

    yield ValidationError(str(message))


def _base_uri(cls: type[Validator], schema: object) -> str:
    """The URI relative ``$ref``s resolve against: the root's id, else Helm's file URI."""
    key = "id" if _is_draft4(cls) else "$id"
    if isinstance(schema, dict) and isinstance(schema.get(key), str):
        return str(schema[key])
    return HELM_BASE_URI


def _without_remote_refs(node: Any, base: str) -> Any:
    """The schema with network ``$ref``s removed: gowls never fetches, so they accept anything."""
    if isinstance(node, list):
        return [_without_remote_refs(v, base) for v in node]
    if not isinstance(node, dict):
        return node
    return {
        k: v if k in _DATA_KEYWORDS else _without_remote_refs(v, base)
        for k, v in node.items()
        if not (k == "$ref" and isinstance(v, str) and _is_remote(urljoin(base, v)))
    }


def _false_schema(
    validator: Validator, value: object, instance: object, schema: object
) -> Iterator[ValidationError]:
    from jsonschema.exceptions import ValidationError

    yield ValidationError("false schema")


def _with_base(cls: type[Validator], schema: dict[str, Any] | bool) -> dict[str, Any] | bool:
    """The schema with Helm's base URI as its id, so relative ``$ref``s resolve like Helm's."""
    if not isinstance(schema, dict):
        return schema
    key = "id" if _is_draft4(cls) else "$id"
    if key in schema:
        return schema
    return {key: HELM_BASE_URI, **schema}


# $schema URIs as Helm 4's validator recognises them (http or https, with or without "#");
# the unversioned "schema" URI means the newest draft.
# (Validator classes by their name in the jsonschema package, which is imported lazily.)
_DRAFTS: dict[str, str] = {
    "json-schema.org/draft-04/schema": "Draft4Validator",
    "json-schema.org/draft-06/schema": "Draft6Validator",
    "json-schema.org/draft-07/schema": "Draft7Validator",
    "json-schema.org/draft/2019-09/schema": "Draft201909Validator",
    "json-schema.org/draft/2020-12/schema": "Draft202012Validator",
    "json-schema.org/schema": "Draft202012Validator",
}
_ASSERT_FORMAT = ("Draft4Validator", "Draft6Validator", "Draft7Validator")


def _draft(name: str) -> type[Validator]:
    import jsonschema

    return cast("type[Validator]", getattr(jsonschema, name))


def _is_draft4(cls: type[Validator]) -> bool:
    return cls is _draft("Draft4Validator")


def _asserts_format(cls: type[Validator]) -> bool:
    return any(cls is _draft(name) for name in _ASSERT_FORMAT)


def _validator_class(schema: object) -> type[Validator] | None:
    """The draft of ``schema``; None when its ``$schema`` is not a draft Helm knows."""
    if not isinstance(schema, dict) or "$schema" not in schema:
        return _draft("Draft202012Validator")
    uri = schema["$schema"]
    if not isinstance(uri, str):
        return None
    key = uri.split("#", 1)[0].removeprefix("https://").removeprefix("http://")
    name = _DRAFTS.get(key)
    return _draft(name) if name is not None else None


def _meta_problems(
    cls: type[Validator],
    schema: object,
    doc: JsonText,
    name: str,
    meta: Validator | None = None,
) -> list[SchemaProblem]:
    """What makes ``schema`` invalid against its draft's meta-schema (checked by ``meta``;
    default: :func:`meta_validator`, the draft's own but faster)."""
    if meta is None:
        meta = meta_validator(cls)
    problems = []
    for err in sorted(meta.iter_errors(cast(Any, schema)), key=lambda e: list(map(str, e.path))):
        where: InstancePath = tuple(err.path)
        problems.append(
            SchemaProblem(
                f"not a valid schema: at '{pointer(where)}': {helm_message(err)}",
                name,
                doc.values.get(where) or doc.span(where),
                where,
            )
        )
    return problems


def _ref_problems(
    schema: object, doc: JsonText, name: str, chart_dir: Path | None
) -> Iterator[SchemaProblem]:
    """Relative file ``$ref``s: Helm 4 resolves them against file:/// and cannot load them."""
    for where, ref in _refs(schema, ()):
        target = ref.split("#", 1)[0]
        if not target or urlsplit(target).scheme:
            continue
        absolute = "/" + target.lstrip("./")
        msg = (
            f'Helm resolves $ref "{ref}" against {HELM_BASE_URI} and fails loading '
            f'"file://{absolute}"; inline the schema or use "#/$defs/..." instead'
        )
        yield SchemaProblem(msg, name, doc.values.get(where), where)


def _refs(node: object, path: InstancePath) -> Iterator[tuple[InstancePath, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield (*path, key), value
            elif key not in ("enum", "const", "default", "examples"):
                yield from _refs(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _refs(value, (*path, i))


def _is_remote(ref: str) -> bool:
    """A network ``$ref`` other than the JSON Schema meta-schemas (those are built in)."""
    scheme = urlsplit(ref).scheme
    return scheme in ("http", "https") and urlsplit(ref).netloc != "json-schema.org"


def _read_disk(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


class _Loader:
    """Retrieves referenced schemas: local files from the chart, nothing from the network."""

    def __init__(self, chart_dir: Path | None, read: Callable[[Path], bytes | None]) -> None:
        self.chart_dir = chart_dir
        self.read = read
        self.unfollowed: list[str] = []

    def retrieve(self, uri: str) -> referencing.Resource[Any]:
        import referencing.exceptions
        import referencing.jsonschema

        parts = urlsplit(uri)
        if parts.scheme == "file" and self.chart_dir is not None:
            rel = unquote(parts.path).lstrip("/")
            target = (self.chart_dir / rel).resolve()
            data = self.read(target) if target.is_relative_to(self.chart_dir.resolve()) else None
            if data is not None:
                doc = parse_json(data.decode("utf-8", "replace"))
                if doc.error is None:
                    return referencing.jsonschema.specification_with(DEFAULT_DRAFT).create_resource(
                        doc.data
                    )
            raise referencing.exceptions.NoSuchResource(ref=uri)  # type: ignore[call-arg]
        if uri not in self.unfollowed:
            self.unfollowed.append(uri)
        return referencing.Resource.from_contents(True, referencing.jsonschema.DRAFT202012)


def validate(schema: Schema, values: object) -> list[SchemaFinding]:
    """Validate ``values`` (plain data as Helm sees it) against ``schema``; Helm 4's findings."""
    if schema.validator is None:
        return []
    import referencing.exceptions

    findings: list[SchemaFinding] = []
    problem: str | None = None
    try:
        errors = _without_masked(list(schema.validator.iter_errors(cast(Any, values))))
        for err in errors:
            findings.extend(_findings(err, schema.validator))
    except referencing.exceptions.Unresolvable as exc:
        problem = f"cannot resolve $ref: {exc}"
    except RecursionError:
        problem = "$ref cycle: the schema refers to itself without consuming the value"
    except (re.error, ValueError, TypeError) as exc:  # e.g. a pattern Python cannot compile
        problem = f"the schema cannot be applied: {exc}"
    if problem is not None and all(p.message != problem for p in schema.problems):
        schema.problems.append(SchemaProblem(problem, schema_name(schema), None))
    return sorted(set(findings), key=lambda f: (tuple(map(str, f.path)), f.keyword, f.message))


def _without_masked(errors: list[ValidationError]) -> list[ValidationError]:
    """Drop errors of a subschema whose ``type`` already failed: Helm 4 stops there."""
    typed = {(id(e.schema), tuple(e.absolute_path)) for e in errors if e.validator == "type"}
    return [
        e
        for e in errors
        if e.validator == "type" or (id(e.schema), tuple(e.absolute_path)) not in typed
    ]


def schema_name(schema: Schema) -> str:
    """The file name problems of ``schema`` are reported on."""
    return schema.problems[0].file if schema.problems else "values.schema.json"


def _findings(err: ValidationError, validator: Validator) -> Iterator[SchemaFinding]:
    path: InstancePath = tuple(err.absolute_path)
    keyword = str(err.validator)
    if "propertyNames" in err.relative_schema_path:
        msg = f"invalid propertyName {quote(err.instance)}"
        yield SchemaFinding(path, "propertyNames", msg, (str(err.instance),))
        return
    if keyword == FALSE_KEYWORD:
        yield SchemaFinding(path, "false", "false schema")
        return
    if keyword == CYCLE_KEYWORD:
        msg = (
            f"this value reaches the $ref cycle {err.validator_value} of the schema: Helm 4 "
            "fails here (causing reference cycle), Helm 3 crashes"
        )
        yield SchemaFinding(path, "$ref", msg)
        return
    if keyword == "unevaluatedProperties" and err.validator_value is False:
        # Helm 4 reports each unevaluated property as a false schema at its own path.
        for unexpected in _unexpected(err.message):
            yield SchemaFinding((*path, unexpected), "false", "false schema")
        return
    if keyword in ("minimum", "maximum") and isinstance(err.schema, dict):
        exclusive = "exclusiveMinimum" if keyword == "minimum" else "exclusiveMaximum"
        if err.schema.get(exclusive) is True:  # draft-04's boolean form
            got, want = number(err.instance), number(err.validator_value)
            yield SchemaFinding(path, exclusive, f"{exclusive}: got {got}, want {want}")
            return
    if keyword == "required":
        # jsonschema reports one error per missing property; Helm one per schema.
        missing = _missing(err)
        if missing and err.message != _first_missing_message(err, missing):
            return
        yield SchemaFinding(
            path, keyword, _plural("missing property", "missing properties", missing)
        )
        return
    names: tuple[str, ...] = ()
    allowed: tuple[str, ...] = ()
    if keyword == "additionalProperties":
        names = tuple(_extra_properties(err))
        props = err.schema.get("properties") if isinstance(err.schema, Mapping) else None
        allowed = tuple(props) if isinstance(props, dict) else ()
    yield SchemaFinding(path, keyword, helm_message(err, validator), names, allowed)


def _unexpected(message: str) -> list[str]:
    """Property names in jsonschema's "(... was/were unexpected)" message."""
    m = re.search(r"\((.*) (?:was|were) unexpected\)", message)
    if m is None:
        return []
    try:
        names = ast.literal_eval("(" + m.group(1) + ",)")
    except (ValueError, SyntaxError):
        return []
    return [n for n in names if isinstance(n, str)]


def _missing(err: ValidationError) -> list[str]:
    inst, req = err.instance, err.validator_value
    if not isinstance(inst, dict) or not isinstance(req, list):
        return []
    return [r for r in req if isinstance(r, str) and r not in inst]


def _first_missing_message(err: ValidationError, missing: list[str]) -> str:
    return f"{missing[0]!r} is a required property"


def _plural(one: str, many: str, items: Sequence[object]) -> str:
    listed = ", ".join(quote(i) for i in items)
    return f"{one if len(items) == 1 else many} {listed}"


def helm_message(err: ValidationError, validator: Validator | None = None) -> str:
    """Helm 4's wording for one jsonschema error (``validator`` resolves oneOf matches)."""
    kw, want, inst = str(err.validator), cast(Any, err.validator_value), cast(Any, err.instance)
    if kw == "oneOf" and validator is not None and not err.context:
        matched = [i for i, sub in enumerate(want) if validator.evolve(schema=sub).is_valid(inst)]
        return f"'oneOf' failed, subschemas {', '.join(map(str, matched))} matched"
    formatter = _MESSAGES.get(kw)
    if formatter is not None:
        return str(formatter(want, inst, err))
    return err.message


def _type(want: Any, inst: Any, err: ValidationError) -> str:
    wants = [want] if isinstance(want, str) else list(want)
    return f"got {json_type(inst)}, want {' or '.join(sorted(map(str, wants)))}"


def _enum(want: Any, inst: Any, err: ValidationError) -> str:
    if isinstance(want, list) and len(want) == 1:
        return f"value must be {quote(want[0])}"
    return "value must be one of " + ", ".join(quote(v) for v in want)


def _extra_properties(err: ValidationError) -> list[str]:
    schema = err.schema if isinstance(err.schema, Mapping) else {}
    declared = schema.get("properties", {}) if isinstance(schema, Mapping) else {}
    patterns = schema.get("patternProperties", {}) if isinstance(schema, Mapping) else {}
    inst = err.instance if isinstance(err.instance, dict) else {}
    return [k for k in inst if k not in declared and not any(re.search(p, k) for p in patterns)]


def additional_message(names: Sequence[str]) -> str:
    """Helm 4's message for properties an ``additionalProperties: false`` forbids."""
    return f"additional properties {', '.join(quote(k) for k in names)} not allowed"


def _additional(want: Any, inst: Any, err: ValidationError) -> str:
    return additional_message(_extra_properties(err))


def _limit(name: str, size: bool) -> Any:
    def fmt(want: Any, inst: Any, err: ValidationError) -> str:
        got = len(inst) if size and hasattr(inst, "__len__") else inst
        return f"{name}: got {number(got)}, want {number(want)}"

    return fmt


def _unique(want: Any, inst: Any, err: ValidationError) -> str:
    if isinstance(inst, list):
        for j, b in enumerate(inst):
            for i in range(j):
                if _equal(inst[i], b):
                    return f"items at {i} and {j} are equal"
    return "items are not unique"


def _equal(a: object, b: object) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    return a == b


def _dependent(want: Any, inst: Any, err: ValidationError) -> str:
    for prop, needed in (want or {}).items():
        if isinstance(needed, list) and isinstance(inst, dict) and prop in inst:
            missing = [n for n in needed if n not in inst]
            if missing:
                listed = ", ".join(quote(m) for m in missing)
                return f"properties {listed} required, if {quote(prop)} exists"
    return err.message


_MESSAGES: dict[str, Any] = {
    "type": _type,
    "enum": _enum,
    "const": lambda want, inst, err: f"value must be {quote(want)}",
    "additionalProperties": _additional,
    "unevaluatedProperties": lambda want, inst, err: "unevaluated properties not allowed",
    "pattern": lambda want, inst, err: f"{quote(inst)} does not match pattern {quote(want)}",
    "format": lambda want, inst, err: f"{quote(inst)} is not valid {want}",
    "minLength": _limit("minLength", True),
    "maxLength": _limit("maxLength", True),
    "minItems": _limit("minItems", True),
    "maxItems": _limit("maxItems", True),
    "minProperties": _limit("minProperties", True),
    "maxProperties": _limit("maxProperties", True),
    "minimum": _limit("minimum", False),
    "maximum": _limit("maximum", False),
    "exclusiveMinimum": _limit("exclusiveMinimum", False),
    "exclusiveMaximum": _limit("exclusiveMaximum", False),
    "multipleOf": _limit("multipleOf", False),
    "uniqueItems": _unique,
    "dependencies": _dependent,
    "dependentRequired": _dependent,
    "contains": lambda want, inst, err: "no items match contains schema",
    "propertyNames": lambda want, inst, err: f"invalid propertyName {quote(err.instance)}",
    "anyOf": lambda want, inst, err: "'anyOf' failed",
    "oneOf": lambda want, inst, err: "'oneOf' failed, none matched",
    "allOf": lambda want, inst, err: "'allOf' failed",
    "not": lambda want, inst, err: "'not' failed",
    "false": lambda want, inst, err: "false schema",
}


def json_type(value: object) -> str:
    """The JSON type name Helm 4 uses for a value (all numbers are ``number``)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def number(value: object) -> str:
    """A number as Helm 4 prints it: ``2`` for 2.0, thousands grouped (``70,000``)."""
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    if isinstance(value, float) and math.isfinite(value) and "e" not in repr(value):
        whole, _, frac = repr(abs(value)).partition(".")
        return f"{'-' if value < 0 else ''}{int(whole):,}.{frac}"
    return str(value)


def quote(value: object) -> str:
    """A value as Helm 4 quotes it in messages: strings in single quotes, the rest as JSON."""
    if isinstance(value, str):
        inner = json.dumps(value, ensure_ascii=False)[1:-1].replace('\\"', '"')
        return "'" + inner.replace("'", "\\'") + "'"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return number(value)
    return json.dumps(value, separators=(",", ":"))


def pointer(path: InstancePath) -> str:
    """A JSON pointer (RFC 6901) for an instance path."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)

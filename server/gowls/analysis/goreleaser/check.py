"""Check a GoReleaser configuration against our model: the findings ``GR001``-``GR110``.

``check_config`` walks the parsed YAML alongside the model the way GoReleaser's strict
decoder does, and reports what would stop GoReleaser from loading the file (unknown keys,
wrong types, Pro keys in OSS, removed keys) and what it would warn about or fail on later
(versions, deprecations, enum values, template fields).
"""

from __future__ import annotations

import difflib
import enum
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from gowls.analysis.findings import Finding, Fix, Severity, TextEdit
from gowls.analysis.goreleaser import rules as R
from gowls.analysis.goreleaser.decode import choose, go_type, is_null, yaml_kind
from gowls.analysis.goreleaser.deprecations import (
    DEPRECATIONS,
    Deprecation,
    Removal,
    RewriteKind,
    deprecation_at,
    removal_at,
)
from gowls.analysis.goreleaser.edits import (
    delete_pair,
    hoist_pair,
    insert_version,
    move_to_root,
    rename_key,
    replace_node,
    wrap_in_list,
)
from gowls.analysis.goreleaser.model import Enum, Field, ListOf, MapOf, Node, Obj, OneOf, Scalar
from gowls.analysis.goreleaser.query import closest_key, lookup_field
from gowls.analysis.goreleaser.spec import PROJECT
from gowls.analysis.goreleaser.templates import (
    FIELDS_BY_NAME,
    KNOWN_FUNCTIONS,
    PIPE_FIELDS,
    WORKSPACE_DIR_NOTE,
    Scope,
    available,
    place_scopes,
    root_fields,
    syntax_issues,
)
from gowls.analysis.registry import RuleInfo
from gowls.syntax.positions import Span
from gowls.syntax.yaml import (
    YamlDocument,
    YamlMapping,
    YamlNode,
    YamlPair,
    YamlScalar,
    YamlSequence,
    deref,
    iter_keys,
)

Step = str | int


class Edition(enum.Enum):
    """Which GoReleaser releases the project."""

    OSS = "oss"
    PRO = "pro"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Options:
    """What the repository around the file tells about the release."""

    edition: Edition = Edition.UNKNOWN
    """OSS or Pro when the repository shows it (CI workflow, .gowls.toml); ``pro: true`` in
    the file itself always means Pro."""
    target: tuple[int, ...] | None = None
    """The GoReleaser version the project releases with (``(2, 5)``), when pinned."""
    target_source: str = ""
    """Where the version is pinned (a workflow file), for messages."""


_Added = tuple[RuleInfo, Span, str, tuple[Fix, ...], "Severity | None"]
"""One ``_Walk.add`` call, as recorded for replay."""


@dataclass(slots=True)
class _Visited:
    """What visiting one subtree in one context added (replayed when both are unchanged)."""

    node: YamlNode
    """Held so that the ``id`` keying the entry stays this node's."""
    context: tuple[object, ...]
    added: tuple[_Added, ...]


@dataclass(slots=True)
class CheckMemo:
    """Per-subtree results of ``check_config`` for one document, and those of the document it
    was re-parsed from: a mapping or sequence that the YAML re-parse reused (the same object,
    so the same bytes at the same place) and is visited in the same context (path, model,
    edition, target, Pro depth, the document-wide facts the walk reads) adds the same
    findings, so they are replayed instead of walked. Subtrees whose checks read the document
    outside themselves (fixes that edit around a node, ``metadata.maintainers``) are not kept.
    """

    current: dict[int, _Visited] = field(default_factory=dict)
    previous: dict[int, _Visited] = field(default_factory=dict)

    def successor(self) -> CheckMemo:
        """The memo for the document re-parsed from this one."""
        return CheckMemo(previous=self.current or self.previous)


_MEMO_MIN_ITEMS = 2
"""Mappings and sequences with fewer entries are walked, not looked up."""


@dataclass
class _Walk:
    path: Path
    doc: YamlDocument
    edition: Edition
    target: tuple[int, ...] | None = None
    target_source: str = ""
    findings: list[Finding] = field(default_factory=list)
    seen: set[tuple[str, Span, str]] = field(default_factory=set)
    moves: dict[str, int] = field(default_factory=dict)
    inside_pro: int = 0
    """Depth of Pro-only keys being walked: keys below one are not reported again."""
    added: list[_Added] = field(default_factory=list)
    """Every ``add`` call in order (a subtree's slice is what its memo entry replays)."""
    global_reads: int = 0
    """Bumped whenever a check reads the document outside the node it is at."""
    memo: CheckMemo | None = None
    facts: tuple[object, ...] = ()
    """The document-wide state a subtree's findings may depend on (part of memo keys)."""

    @property
    def whole(self) -> YamlDocument:
        """The document, for a check that reads it around or outside the current node."""
        self.global_reads += 1
        return self.doc

    def add(
        self,
        info: RuleInfo,
        span: Span,
        message: str,
        fixes: tuple[Fix, ...] = (),
        severity: Severity | None = None,
    ) -> None:
        self.added.append((info, span, message, fixes, severity))
        key = (info.code, span, message)
        if key in self.seen:
            return
        self.seen.add(key)
        self.findings.append(
            Finding(self.path, span, severity or info.severity, info.code, message, fixes)
        )

    @property
    def pro(self) -> bool:
        return self.edition is Edition.PRO


def check_config(
    path: Path, doc: YamlDocument, options: Options | None = None, memo: CheckMemo | None = None
) -> list[Finding]:
    """The findings of a parsed GoReleaser configuration, in source order.

    With a ``memo`` (kept with the document, see ``CheckMemo``) unchanged subtrees of a
    re-parsed document are not walked again; the findings are the same either way."""
    options = options or Options()
    walk = _Walk(path, doc, options.edition, options.target, options.target_source, memo=memo)
    for problem in doc.problems:
        walk.add(R.YAML_SYNTAX, problem.span, _syntax_message(problem.message))
    root = deref(doc.root)
    if isinstance(root, YamlMapping):
        if _pro_flag(root):
            walk.edition = Edition.PRO
        _count_moves(walk, root)
        _check_version(walk, root)
        if memo is not None:
            maintainers = not is_null(doc.find(["metadata", "maintainers"]))
            moves = tuple(sorted(walk.moves.items()))
            walk.facts = (path, walk.edition, walk.target, walk.target_source, maintainers, moves)
        _visit_object(walk, root, PROJECT, ())
    elif root is not None and not is_null(root):
        walk.add(
            R.WRONG_TYPE,
            root.span,
            f"The configuration must be a mapping of sections, not {yaml_kind(root)}: "
            "GoReleaser cannot decode it. Start the file with `version: 2`.",
        )
    elif not doc.problems:
        _check_version(walk, None)
    if memo is not None:
        memo.previous = {}
    walk.findings.sort(key=lambda f: (f.span.start, f.code))
    return walk.findings


def _syntax_message(text: str) -> str:
    if text.startswith("duplicate key"):
        return (
            f"{text[0].upper()}{text[1:]}: GoReleaser fails to load a mapping with a repeated "
            "key (`mapping key already defined`). Keep one of them."
        )
    return f"{text}. GoReleaser cannot read the file until the YAML is fixed."


def _pro_flag(root: YamlMapping) -> bool:
    pair = root.get("pro")
    value = deref(pair.value) if pair is not None else None
    return isinstance(value, YamlScalar) and value.resolve() is True


# --- version ---------------------------------------------------------------------------


def _check_version(walk: _Walk, root: YamlMapping | None) -> None:
    pair = root.get("version") if root is not None else None
    if pair is None or is_null(pair.value):
        span = pair.span if pair is not None else Span.of(0, 0, 0, 0)
        fix = Fix("Add `version: 2`", (insert_version(walk.path, walk.whole),), safe=False)
        walk.add(
            R.VERSION_MISSING,
            span,
            "The configuration has no `version: 2`: GoReleaser v2 reads it as version 0, warns, "
            "and refuses it as soon as anything else is wrong. Add `version: 2` at the top.",
            (fix,) if pair is None else (),
        )
        return
    value = deref(pair.value)
    if not isinstance(value, YamlScalar):
        return  # reported as a wrong type by the walk
    resolved = value.resolve()
    if isinstance(resolved, int) and not isinstance(resolved, bool) and resolved != 2:
        walk.add(
            R.VERSION_WRONG,
            value.span,
            f"`version: {value.text}` is not supported: GoReleaser v2 only reads `version: 2` "
            "files (it warns, and refuses the file when anything else is wrong). Migrate the "
            "configuration to v2 and set `version: 2`.",
        )


# --- the walk ----------------------------------------------------------------------------


def _norm(path: tuple[Step, ...]) -> tuple[str, ...]:
    return tuple("[]" if isinstance(p, int) else p for p in path)


def _dotted(path: tuple[Step, ...]) -> str:
    return ".".join(p for p in _norm(path) if p != "[]") or "the top level"


def _visit(
    walk: _Walk, value: YamlNode | None, model: Node, path: tuple[Step, ...], fld: Field | None
) -> None:
    node = deref(value)
    if is_null(node) or node is None:
        return
    memo = walk.memo
    if memo is not None and (
        (isinstance(node, YamlMapping) and len(node.pairs) >= _MEMO_MIN_ITEMS)
        or (isinstance(node, YamlSequence) and len(node.items) >= _MEMO_MIN_ITEMS)
    ):
        _visit_memoised(walk, memo, node, model, path, fld)
        return
    _visit_node(walk, node, model, path, fld)


def _visit_memoised(
    walk: _Walk,
    memo: CheckMemo,
    node: YamlNode,
    model: Node,
    path: tuple[Step, ...],
    fld: Field | None,
) -> None:
    context = (id(model), id(fld), path, walk.inside_pro, walk.facts)
    key = id(node)
    entry = memo.current.get(key) or memo.previous.get(key)
    if entry is not None and entry.node is node and entry.context == context:
        for added in entry.added:
            walk.add(*added)
        memo.current[key] = entry
        return
    start, reads = len(walk.added), walk.global_reads
    _visit_node(walk, node, model, path, fld)
    if walk.global_reads == reads:
        memo.current[key] = _Visited(node, context, tuple(walk.added[start:]))


def _visit_node(
    walk: _Walk, node: YamlNode, model: Node, path: tuple[Step, ...], fld: Field | None
) -> None:
    choice = choose(model, node)
    if choice is None:
        _wrong_type(walk, node, model, path)
        return
    if choice.pro_only:
        _pro_finding(
            walk,
            node.span,
            f"This form of `{_dotted(path)}` ({yaml_kind(node).removeprefix('!!')}) is only "
            "accepted by GoReleaser Pro",
        )
        walk.inside_pro += 1
    try:
        _visit_shape(walk, node, choice.node, path, fld)
    finally:
        if choice.pro_only:
            walk.inside_pro -= 1


def _visit_shape(
    walk: _Walk, node: YamlNode, shape: Node, path: tuple[Step, ...], fld: Field | None
) -> None:
    if isinstance(shape, Obj) and isinstance(node, YamlMapping):
        _visit_object(walk, node, shape, path)
    elif isinstance(shape, MapOf) and isinstance(node, YamlMapping):
        for key, pair in iter_keys(node):
            _visit(walk, pair.value, shape.value, (*path, key), fld)
    elif isinstance(shape, ListOf) and isinstance(node, YamlSequence):
        for index, item in enumerate(node.items):
            _visit(walk, item, shape.item, (*path, index), fld)
    elif isinstance(node, YamlScalar):
        _check_scalar(walk, node, shape, path, fld)


def _visit_object(walk: _Walk, node: YamlMapping, obj: Obj, path: tuple[Step, ...]) -> None:
    present = set(node.keys())
    for key, pair in iter_keys(node):
        sub = (*path, key)
        fld = obj.get(key)
        if fld is None:
            _unknown_key(walk, pair, obj, sub, present)
            continue
        if fld.pro and not walk.pro:
            _pro_finding(walk, _key_span(pair), f"`{_dotted(sub)}` is a GoReleaser Pro key")
        if fld.since and walk.target and _newer(fld.since, walk.target):
            _too_new(walk, pair, fld, sub)
        dep = deprecation_at(sub)
        if dep is not None and dep.kind is not RewriteKind.REQUIRE:
            _deprecated(walk, pair, dep, sub, present)
        if obj.name == "GoMod" and key == "mod":
            _gomod_mod(walk, pair)
        walk.inside_pro += fld.pro
        try:
            _visit(walk, pair.value, fld.node, sub, fld)
        finally:
            walk.inside_pro -= fld.pro
    if obj.name == "NFPM" and "maintainer" not in present and not _metadata_maintainers(walk):
        for dep in DEPRECATIONS:
            if dep.kind is RewriteKind.REQUIRE and _norm(path) == dep.path[:-1]:
                walk.add(
                    R.DEPRECATED,
                    _first_key_span(node),
                    "This nfpm package sets no `maintainer`: GoReleaser logs a deprecation "
                    "notice as nFPM will require it. Add `maintainer: Name <email>` "
                    f"({dep.url}).",
                )


def _newer(since: str, target: tuple[int, ...]) -> bool:
    """Whether a key added in ``since`` is missing from ``target`` (compared at the target's
    precision: ``~> v2.15`` may be any 2.15 patch release)."""
    wanted = tuple(int(p) for p in since.split("."))
    return wanted[: len(target)] > target


def _too_new(walk: _Walk, pair: YamlPair, fld: Field, path: tuple[Step, ...]) -> None:
    pinned = "v" + ".".join(map(str, walk.target or ()))
    where = f" (pinned in {walk.target_source})" if walk.target_source else ""
    walk.add(
        R.TOO_NEW,
        _key_span(pair),
        f"`{_dotted(path)}` was added in GoReleaser v{fld.since}, but this project releases "
        f"with {pinned}{where}, which fails to load it (unknown key). Upgrade GoReleaser to "
        f"v{fld.since} or later, or remove the key.",
    )


def _metadata_maintainers(walk: _Walk) -> bool:
    """Whether ``metadata.maintainers`` is set (Pro fills nfpm's maintainer from it)."""
    return not is_null(walk.doc.find(["metadata", "maintainers"]))  # in walk.facts


def _key_span(pair: YamlPair) -> Span:
    return pair.key.span if pair.key is not None else pair.span


def _first_key_span(node: YamlMapping) -> Span:
    return _key_span(node.pairs[0]) if node.pairs else node.span


def _wrong_type(walk: _Walk, node: YamlNode, model: Node, path: tuple[Step, ...]) -> None:
    kind = yaml_kind(node)
    shown = node.text if isinstance(node, YamlScalar) else ""
    fixes: tuple[Fix, ...] = ()
    accepted = model.accepted(pro=True) if isinstance(model, OneOf) else (model,)
    wants_list = any(isinstance(m, ListOf) for m in accepted)
    if isinstance(node, YamlScalar) and wants_list:
        hint = f"Write it as a list: `[{shown}]`."
        fixes = (Fix("Wrap the value in a list", (wrap_in_list(walk.path, walk.whole, node),)),)
    elif isinstance(node, YamlScalar) and any(
        isinstance(m, Scalar) and m.kind == "bool" for m in accepted
    ):
        hint = "Write `true` or `false`, unquoted."
    elif isinstance(node, YamlScalar) and any(
        isinstance(m, Scalar) and m.kind in ("int", "float") for m in accepted
    ):
        hint = "Write a number, unquoted."
    elif any(isinstance(m, Obj | MapOf) for m in accepted):
        hint = "Write a mapping of keys (`key: value` lines) here."
    elif wants_list:
        hint = "Write a list (`- item` lines or `[a, b]`) here."
    else:
        hint = "Write a single value here."
    value = f" `{shown}`" if shown and len(shown) < 40 else ""
    walk.add(
        R.WRONG_TYPE,
        node.span,
        f"`{_dotted(path)}` expects {model.label}, not {kind}{value}: GoReleaser cannot decode "
        f"it (`cannot unmarshal {kind} into {go_type(model)}`). {hint}",
        fixes,
    )


def _unknown_key(
    walk: _Walk, pair: YamlPair, obj: Obj, path: tuple[Step, ...], present: set[str]
) -> None:
    key = str(path[-1])
    span = _key_span(pair)
    removal = removal_at(path)
    if removal is not None:
        _removed(walk, pair, removal, path, present)
        return
    if obj.name == "Build" and key == "mod":
        fix = Fix("Remove `mod`", (delete_pair(walk.path, walk.whole, pair),))
        walk.add(
            R.MOD_WORKSPACE,
            span,
            "GoReleaser builds have no `mod` key, so the configuration fails to load (`field mod "
            "not found in type config.Build`). Workspace mode needs no setting: go uses the "
            "go.work it finds from the build's `dir` (or GOWORK). Remove `mod`.",
            (fix,),
        )
        return
    candidates = obj.keys(pro=walk.edition is not Edition.OSS)
    near = closest_key(key, [c for c in candidates if c not in present])
    where = "the top level" if not path[:-1] else f"`{_dotted(path[:-1])}`"
    if near is not None:
        fix = Fix(f"Rename to `{near}`", (rename_key(walk.path, pair, near),))
        walk.add(
            R.UNKNOWN_KEY,
            span,
            f"`{key}` is not a key of {where} (config.{obj.name}); GoReleaser fails to load the "
            f"file. Did you mean `{near}`?",
            (fix,),
        )
        return
    walk.add(
        R.UNKNOWN_KEY,
        span,
        f"`{key}` is not a key of {where} (config.{obj.name}); GoReleaser fails to load the "
        "file. Remove it or use a key from the documentation "
        f"({obj.docs}).",
    )


def _removed(
    walk: _Walk, pair: YamlPair, removal: Removal, path: tuple[Step, ...], present: set[str]
) -> None:
    when = "v2.0" if removal.removed_in == "2.0" else f"v{removal.removed_in}"
    if removal.replacement:
        advice = f"Use `{removal.replacement}` instead"
    else:
        advice = "It has no replacement (the behaviour is now the default): remove it"
    fixes: tuple[Fix, ...] = ()
    simple_rename = (
        removal.new_key
        and removal.new_key not in present
        and len(removal.path) > 1
        and removal.replacement.endswith(removal.new_key)
    )
    if simple_rename:
        fixes = (
            Fix(f"Rename to `{removal.new_key}`", (rename_key(walk.path, pair, removal.new_key),)),
        )
    elif not removal.replacement:
        fixes = (Fix(f"Remove `{path[-1]}`", (delete_pair(walk.path, walk.whole, pair),)),)
    walk.add(
        R.REMOVED,
        _key_span(pair),
        f"`{removal.dotted}` was removed in GoReleaser {when}; the configuration no longer "
        f"loads with it. {advice} ({removal.url}).",
        fixes,
    )


def _deprecated(
    walk: _Walk, pair: YamlPair, dep: Deprecation, path: tuple[Step, ...], present: set[str]
) -> None:
    value = deref(pair.value)
    span = _key_span(pair)
    if dep.kind is RewriteKind.REPLACE_VALUE:
        if not isinstance(value, YamlScalar) or value.text not in dep.values:
            return
        fix = Fix(
            f"Use `{dep.new_value}`",
            (replace_node(walk.path, value, dep.new_value),),
        )
        walk.add(
            R.DEPRECATED,
            value.span,
            f"`{dep.dotted}: {value.text}` is deprecated since GoReleaser v{dep.since} (ko "
            f"dropped it; GoReleaser uses `none`). Use `{dep.new_value}` ({dep.url}).",
            (fix,),
        )
        return
    if is_null(value) and dep.kind is not RewriteKind.MANUAL:
        return
    fixes: tuple[Fix, ...] = ()
    target = dep.new_key
    if dep.kind is RewriteKind.RENAME and target not in present:
        fixes = (Fix(f"Rename to `{target}`", (rename_key(walk.path, pair, target),), safe=True),)
    elif dep.kind is RewriteKind.RENAME_TO_LIST and target not in present:
        if isinstance(value, YamlScalar):
            edits = (
                rename_key(walk.path, pair, target),
                wrap_in_list(walk.path, walk.whole, value),
            )
            fixes = (Fix(f"Rewrite as `{target}: [...]`", edits, safe=True),)
        elif isinstance(value, YamlSequence):
            fixes = (Fix(f"Rename to `{target}`", (rename_key(walk.path, pair, target),)),)
    elif dep.kind is RewriteKind.REMOVE:
        fixes = (Fix(f"Remove `{path[-1]}`", (delete_pair(walk.path, walk.whole, pair),)),)
    elif dep.kind is RewriteKind.MOVE_TO_ROOT:
        root = deref(walk.whole.root)
        if (
            isinstance(root, YamlMapping)
            and root.get(target) is None
            and walk.moves.get(target, 0) == 1
        ):
            moved = move_to_root(walk.path, walk.whole, pair, target)
            if moved:
                fixes = (Fix(f"Move to the top-level `{target}`", moved),)
    elif dep.kind is RewriteKind.HOIST:
        edit = hoist_pair(walk.path, walk.whole, pair, present)
        if edit is not None:
            fixes = (Fix(f"Move the keys of `{path[-1]}` up", (edit,)),)
    blocked = _replacement_too_new(walk, path, dep)
    if blocked:
        fixes = ()
    replacement = f"`{dep.replacement}`" if dep.replacement else "nothing (remove it)"
    if dep.kind is RewriteKind.MANUAL:
        how = f"Move to {replacement}, which works differently: see {dep.url}."
    elif dep.kind is RewriteKind.HOIST:
        how = f"Move its keys up into `{dep.replacement}` ({dep.url})."
    elif dep.kind is RewriteKind.MOVE_TO_ROOT:
        how = f"Set the top-level {replacement} instead ({dep.url})."
    else:
        how = f"Use {replacement} ({dep.url})."
    severity = None if dep.notice else Severity.INFORMATION
    notice = "GoReleaser logs a deprecation notice" if dep.notice else "GoReleaser plans to drop it"
    walk.add(
        R.DEPRECATED,
        span,
        f"`{dep.dotted}` is deprecated since GoReleaser v{dep.since}; {notice}. {how}{blocked}",
        fixes,
        severity,
    )


def _replacement_too_new(walk: _Walk, path: tuple[Step, ...], dep: Deprecation) -> str:
    """A note when the pinned GoReleaser predates the replacement key (then no fix)."""
    if not walk.target or not dep.new_key:
        return ""
    where = (dep.new_key,) if dep.kind is RewriteKind.MOVE_TO_ROOT else (*path[:-1], dep.new_key)
    replacement = lookup_field(where)
    if replacement is None or not replacement.since or not _newer(replacement.since, walk.target):
        return ""
    pinned = "v" + ".".join(map(str, walk.target))
    return (
        f" The pinned {pinned} predates `{dep.new_key}` (v{replacement.since}): upgrade "
        "GoReleaser first."
    )


def _count_moves(walk: _Walk, root: YamlMapping) -> None:
    for dep in DEPRECATIONS:
        if dep.kind is RewriteKind.MOVE_TO_ROOT:
            for _ in _pairs_at(root, dep.path):
                walk.moves[dep.new_key] = walk.moves.get(dep.new_key, 0) + 1


def _pairs_at(node: YamlNode | None, path: tuple[str, ...]) -> Iterator[YamlPair]:
    node = deref(node)
    if not path:
        return
    head, rest = path[0], path[1:]
    if head == "[]":
        if isinstance(node, YamlSequence):
            for item in node.items:
                yield from _pairs_at(item, rest)
        return
    if isinstance(node, YamlMapping):
        pair = node.get(head)
        if pair is None:
            return
        if not rest:
            if not is_null(pair.value):
                yield pair
        else:
            yield from _pairs_at(pair.value, rest)


def _gomod_mod(walk: _Walk, pair: YamlPair) -> None:
    value = deref(pair.value)
    if isinstance(value, YamlScalar) and value.text.strip() == "workspace":
        fix = Fix("Remove `mod`", (delete_pair(walk.path, walk.whole, pair),))
        walk.add(
            R.MOD_WORKSPACE,
            value.span,
            "`gomod.mod: workspace` passes `-mod=workspace` to go, which only accepts `mod`, "
            "`readonly` or `vendor`. Workspace mode comes from the go.work file itself (found "
            "from `gomod.dir`, or GOWORK). Remove `mod`.",
            (fix,),
        )


def _pro_finding(walk: _Walk, span: Span, what: str) -> None:
    if walk.edition is Edition.PRO or walk.inside_pro:
        return
    if walk.edition is Edition.OSS:
        walk.add(
            R.PRO_ONLY,
            span,
            f"{what}, and this project releases with GoReleaser OSS, which fails to load it. "
            "Remove it, or release with GoReleaser Pro.",
            severity=Severity.ERROR,
        )
        return
    walk.add(
        R.PRO_ONLY,
        span,
        f"{what}: GoReleaser OSS fails to load the file. If the project releases with Pro, "
        "set `pro: true` at the top level; otherwise remove it.",
    )


# --- scalars ------------------------------------------------------------------------------


def _check_scalar(
    walk: _Walk, node: YamlScalar, model: Node, path: tuple[Step, ...], fld: Field | None
) -> None:
    text = node.text
    dep = deprecation_at(path)
    replaced = dep is not None and text in dep.values
    if isinstance(model, Enum) and text and "{{" not in text and not replaced:
        if not model.allows(text, pro=walk.edition is not Edition.OSS):
            allowed = ", ".join(f"`{v}`" for v in model.values if v)
            near = closest_key(text, [v for v in model.values if v])
            hint = f" Did you mean `{near}`?" if near else ""
            fixes: tuple[Fix, ...] = ()
            if near:
                fixes = (Fix(f"Use `{near}`", (replace_node(walk.path, node, near),)),)
            walk.add(
                R.INVALID_VALUE,
                node.span,
                f"`{text}` is not a valid {model.name} for `{_dotted(path)}`: GoReleaser loads "
                f"it but fails when it uses it. Use one of {allowed}.{hint}",
                fixes,
            )
        elif not model.allows(text, pro=False) and walk.edition is not Edition.PRO:
            _pro_finding(walk, node.span, f"`{text}` for `{_dotted(path)}` is a Pro value")
    if fld is not None and fld.templated and "{{" in text:
        _check_template(walk, node, path)


def _check_template_syntax(walk: _Walk, node: YamlScalar, path: tuple[Step, ...]) -> None:
    for issue in syntax_issues(node.text):
        span = walk.doc.value_span(node, issue.start, issue.end)
        message = (
            f"GoReleaser cannot parse this template: {issue.message}. The configuration loads, "
            f"but the release fails when it renders `{_dotted(path)}`."
        )
        fixes: tuple[Fix, ...] = ()
        if issue.function:
            near = difflib.get_close_matches(
                issue.function, sorted(KNOWN_FUNCTIONS), n=1, cutoff=0.75
            )
            if near:
                message += f" Did you mean `{near[0]}`?"
                fixes = (Fix(f"Change to {near[0]}", (TextEdit(walk.path, span, near[0]),)),)
        walk.add(R.TEMPLATE_SYNTAX, span, message, fixes)


def _scopes(path: tuple[Step, ...]) -> frozenset[Scope] | None:
    """The scopes of a templated key, or None when not known (then any scope is allowed)."""
    section = path[0] if path and isinstance(path[0], str) else ""
    return place_scopes(section)


def _renders_with(scopes: frozenset[Scope]) -> str:
    if Scope.BUILD in scopes:
        return "with the common, artifact and build fields only"
    if Scope.ARTIFACT in scopes:
        return "with the common and artifact fields (no build fields)"
    return "without artifact or build fields"


def _check_template(walk: _Walk, node: YamlScalar, path: tuple[Step, ...]) -> None:
    _check_template_syntax(walk, node, path)
    refs = root_fields(node.text)
    scopes = _scopes(path)
    every = frozenset(Scope)
    section = path[0] if path and isinstance(path[0], str) else ""
    extras = PIPE_FIELDS.get(section, ())
    for ref in refs:
        name = ref.names[0]
        if name in extras:
            continue
        span = walk.doc.value_span(node, ref.start, ref.end)
        known = FIELDS_BY_NAME.get(name)
        if known is not None and known.pro and walk.edition is Edition.PRO:
            continue
        if known is not None and not known.pro:
            if scopes is not None and not available(name, scopes):
                walk.add(
                    R.TEMPLATE_FIELD,
                    span,
                    f"`.{name}` is not available in `{_dotted(path)}`: GoReleaser renders it "
                    f"{_renders_with(scopes)} and fails (`map has no entry for key "
                    f'"{name}"`). {known.description}',
                )
            elif known.sub and len(ref.names) > 1 and ref.names[1] not in known.sub:
                walk.add(
                    R.TEMPLATE_FIELD,
                    span,
                    f"`.{name}` has no field `{ref.names[1]}` (it has "
                    f"{', '.join(known.sub)}): the template fails.",
                )
            continue
        if known is not None and known.pro:
            if walk.edition is Edition.OSS:
                walk.add(
                    R.TEMPLATE_FIELD,
                    span,
                    f"`.{name}` exists only in GoReleaser Pro; GoReleaser OSS fails to render "
                    "the template.",
                )
            continue
        if name == "WorkspaceDir":
            walk.add(R.TEMPLATE_FIELD, span, f"{WORKSPACE_DIR_NOTE}.")
            continue
        candidates = [f.name for f in FIELDS_BY_NAME.values() if available(f.name, scopes or every)]
        near = closest_key(name, candidates)
        hint = f" Did you mean `.{near}`?" if near else ""
        walk.add(
            R.TEMPLATE_FIELD,
            span,
            f"`.{name}` is not a GoReleaser template field: rendering fails (`map has no entry "
            f'for key "{name}"`).{hint}',
        )

"""The release against the repository around it: directories, go.mod, go.work (GR112-GR115).

GoReleaser runs in the directory above ``.config/`` for ``.config/goreleaser.yaml``, else in
the config's own directory; paths in the config are relative to it.

- A build's ``dir`` and ``main`` and ``gomod.dir`` must exist; ``main`` must hold a main
  package with ``func main()`` (``./...``: some main package below, GoReleaser v2.15+).
- ``gomod.proxy: true`` builds each module from the Go module proxy, where the go.mod's
  ``replace`` directives do not apply; GoReleaser refuses a single-line ``replace`` outright.
- ``go list -m`` (which sets ``.ModulePath``) runs with the top-level ``env`` and
  ``gomod.env`` only, so ``GOWORK=off`` in a build's ``env`` does not reach it.
- In workspace mode ``go`` accepts ``-mod`` only as ``readonly`` or ``vendor``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from gowls.analysis.findings import Finding, Fix, TextEdit
from gowls.analysis.goreleaser import rules as R
from gowls.analysis.goreleaser.edits import delete_pair
from gowls.analysis.goreleaser.gomain import main_problem, mains_below_problem
from gowls.analysis.registry import RuleInfo, finding
from gowls.analysis.source import FileSource
from gowls.syntax.positions import Point, Span
from gowls.syntax.yaml import (
    YamlDocument,
    YamlMapping,
    YamlNode,
    YamlScalar,
    YamlSequence,
    deref,
)

if TYPE_CHECKING:
    from gowls.syntax.gowork import GoWork, Use


def base_dir(config: Path) -> Path:
    """The directory GoReleaser runs in for this config."""
    parent = config.parent
    return parent.parent if parent.name == ".config" else parent


def _scalar(node: YamlNode | None) -> YamlScalar | None:
    node = deref(node)
    return node if isinstance(node, YamlScalar) and not node.is_null else None


def _mapping(node: YamlNode | None) -> YamlMapping | None:
    node = deref(node)
    return node if isinstance(node, YamlMapping) else None


def _items(node: YamlNode | None) -> list[YamlNode]:
    node = deref(node)
    return list(node.items) if isinstance(node, YamlSequence) else []


def _value(mapping: YamlMapping | None, key: str) -> YamlNode | None:
    pair = mapping.get(key) if mapping is not None else None
    return pair.value if pair is not None else None


@functools.lru_cache(maxsize=4096)
def _join(directory: Path, relative: str) -> Path:
    """``directory / relative``, remembered: the checks of every edit join the same builds'
    paths, and pathlib's parsing costs more than the stat that follows."""
    return directory / relative


def _templated(node: YamlScalar) -> bool:
    return "{{" in node.text


@dataclass(frozen=True, slots=True)
class GoBuild:
    """What the checks read of one Go build (``builder`` unset or ``go``)."""

    node: YamlMapping
    dir: YamlScalar | None
    """A plain (non-null) ``dir``; ``dir_templated`` when it holds a template."""
    main: YamlScalar | None
    main_check_off: bool
    """``no_main_check`` or ``skip`` is true: GoReleaser does not look at ``main``."""
    gowork: YamlScalar | None
    """The ``env`` item setting ``GOWORK``, when it sets it to ``off``."""

    @property
    def dir_templated(self) -> bool:
        """Whether ``dir`` holds a template (its directory is unknown)."""
        return self.dir is not None and _templated(self.dir)

    def directory(self, base: Path) -> Path:
        """The directory the build runs in (``base`` without a ``dir``)."""
        return base / self.dir.text if self.dir is not None else base


def _go_build(node: YamlNode) -> GoBuild | None:
    build = _mapping(node)
    if build is None:
        return None
    builder = _scalar(_value(build, "builder"))
    if builder is not None and builder.text not in ("", "go"):
        return None
    off = False
    for switch in ("no_main_check", "skip"):
        value = _scalar(_value(build, switch))
        off = off or (value is not None and value.resolve() is True)
    env = _value(build, "env")
    gowork = _env_sets(env, "GOWORK") if _gowork_off(env) else None
    return GoBuild(
        build, _scalar(_value(build, "dir")), _scalar(_value(build, "main")), off, gowork
    )


def _env_sets(node: YamlNode | None, name: str) -> YamlScalar | None:
    for item in _items(node):
        scalar = _scalar(item)
        if scalar is not None and scalar.text.split("=", 1)[0].strip() == name:
            return scalar
    return None


def _gowork_off(node: YamlNode | None) -> bool:
    scalar = _env_sets(node, "GOWORK")
    if scalar is None:
        return False
    _, equals, value = scalar.text.partition("=")
    return bool(equals) and value.strip() == "off"  # a bare GOWORK sets nothing


@dataclass(frozen=True, slots=True)
class Place:
    """Go builds with the same ``dir`` and ``main`` texts and main check switch: the path
    checks look at them once (builds often share them), and report on each build."""

    dir: str | None
    main: str | None
    main_check_off: bool
    builds: tuple[tuple[int, GoBuild], ...]
    """The builds, with their positions among the Go builds."""

    @property
    def dir_templated(self) -> bool:
        """Whether ``dir`` holds a template (its directory is unknown)."""
        return self.dir is not None and "{{" in self.dir

    def directory(self, base: Path) -> Path:
        """The directory the builds run in (``base`` without a ``dir``)."""
        return _join(base, self.dir) if self.dir is not None else base


@dataclass(frozen=True, slots=True)
class Builds:
    """A configuration's Go builds, in order, grouped by the :class:`Place` they build."""

    all: tuple[GoBuild, ...]
    places: tuple[Place, ...]
    """In the order of their first build."""


def _grouped(builds: tuple[GoBuild, ...]) -> Builds:
    places: dict[tuple[str | None, str | None, bool], list[tuple[int, GoBuild]]] = {}
    for index, build in enumerate(builds):
        dir_text = build.dir.text if build.dir is not None else None
        main_text = build.main.text if build.main is not None else None
        places.setdefault((dir_text, main_text, build.main_check_off), []).append((index, build))
    return Builds(builds, tuple(Place(*key, tuple(group)) for key, group in places.items()))


_Read = tuple[YamlNode, GoBuild | None]
"""A ``builds`` item with what was read of it (holding the node keeps the ``id`` keying it
its own)."""
_Builds = tuple[YamlSequence, Builds, dict[int, _Read]]
"""A ``builds`` sequence with its Go builds and the reads of its items."""

_NO_BUILDS = Builds((), ())


@dataclass(slots=True)
class BuildMemo:
    """The Go builds read from a document, and from the document it was re-parsed from.

    A build depends on its own subtree only (the YAML re-parse never reuses a subtree that
    holds an alias), so a build node (or a whole ``builds`` sequence) the re-parse reused,
    the same object, reads the same: it is looked up by identity instead of read again."""

    items: dict[int, _Read] = field(default_factory=dict)
    previous: dict[int, _Read] = field(default_factory=dict)
    sequence: _Builds | None = None
    previous_sequence: _Builds | None = None

    def successor(self) -> BuildMemo:
        """The memo for the document re-parsed from this one."""
        if self.sequence is None and not self.items:
            return BuildMemo(previous=self.previous, previous_sequence=self.previous_sequence)
        return BuildMemo(previous=self.items, previous_sequence=self.sequence)

    def builds(self, root: YamlMapping) -> Builds:
        """The Go builds of ``root``'s ``builds`` list."""
        node = deref(_value(root, "builds"))
        if not isinstance(node, YamlSequence):
            return _NO_BUILDS
        found = self._read(node)
        self.sequence, self.items = found, found[2]
        self.previous, self.previous_sequence = {}, None  # let the older document go
        return found[1]

    def _read(self, node: YamlSequence) -> _Builds:
        for known in (self.sequence, self.previous_sequence):
            if known is not None and known[0] is node:
                return known
        items: dict[int, _Read] = {}
        out = []
        for item in node.items:
            read = self.items.get(id(item)) or self.previous.get(id(item))
            if read is None or read[0] is not item:
                read = (item, _go_build(item))
            items[id(item)] = read
            if read[1] is not None:
                out.append(read[1])
        return node, _grouped(tuple(out)), items


@dataclass(frozen=True, slots=True)
class Target:
    """The GoReleaser release the project targets and where that is said."""

    version: tuple[int, ...]
    source: str = ""


def check_workspace(
    source: FileSource,
    path: Path,
    doc: YamlDocument,
    target: Target | None = None,
    memo: BuildMemo | None = None,
) -> list[Finding]:
    """The GR112-GR117 findings of the config at ``path`` (``target``: the pinned release;
    ``memo``: the builds read from the document this one was re-parsed from)."""
    root = _mapping(doc.root)
    if root is None:
        return []
    base = base_dir(path)
    builds = (memo or BuildMemo()).builds(root)
    out: list[Finding] = []
    out += _paths(source, path, base, root, builds, target)
    out += _proxy_replace(source, path, base, root, builds)
    out += _gowork_env(path, doc, root, builds)
    out += _mod_in_workspace(source, path, doc, base, root)
    out += _workspace_modules(source, path, base, root, builds)
    return out


def _paths(
    source: FileSource,
    path: Path,
    base: Path,
    root: YamlMapping,
    builds: Builds,
    target: Target | None,
) -> list[Finding]:
    out = []
    gomod = _mapping(_value(root, "gomod"))
    gomod_dir = _scalar(_value(gomod, "dir"))
    if (
        gomod_dir is not None
        and not _templated(gomod_dir)
        and not source.is_dir(base / gomod_dir.text)
    ):
        out.append(
            finding(
                R.PATH_MISSING,
                path,
                gomod_dir.span,
                f"`gomod.dir` names `{gomod_dir.text}`, which is not a directory under "
                f"{base}: GoReleaser runs `go list -m` there and fails. Point it at the "
                "directory holding the released go.mod.",
            )
        )
    found: list[tuple[int, Finding]] = []  # (build, finding): reported in build order
    for place in builds.places:
        build_dir = base
        if place.dir is not None and not place.dir_templated:
            build_dir = _join(base, place.dir)
            if not source.is_dir(build_dir):
                message = (
                    f"The build `dir` `{place.dir}` is not a directory under {base}: "
                    "`go build` cannot run there. Fix the path (it is relative to where "
                    "GoReleaser runs)."
                )
                for i, build in place.builds:
                    assert build.dir is not None
                    found.append((i, finding(R.PATH_MISSING, path, build.dir.span, message)))
                continue
        if place.main is None or "{{" in place.main or place.dir_templated:
            continue
        problem = _main(source, build_dir, place.main, place.main_check_off, target)
        if problem is not None:
            for i, build in place.builds:
                assert build.main is not None
                found.append((i, finding(problem[0], path, build.main.span, problem[1])))
    found.sort(key=lambda pair: pair[0])
    return out + [f for _, f in found]


def _main(
    source: FileSource, build_dir: Path, main: str, check_off: bool, target: Target | None
) -> tuple[RuleInfo, str] | None:
    """``main`` must name a file or package directory with ``package main``/``func main``:
    the rule and message of what is wrong with it, or None."""
    ellipsis = main == "..." or main.endswith("/...")
    resolved = _join(build_dir, main.removesuffix("...").removesuffix("/"))
    if not (source.is_dir(resolved) or (not ellipsis and source.is_file(resolved))):
        return (
            R.PATH_MISSING,
            f"The build `main` `{main}` does not exist under {build_dir}: "
            "GoReleaser builds that package (or file) and fails. Use the path of the "
            "directory holding `package main`, relative to the build's `dir`.",
        )
    if ellipsis and target is not None and target.version < (2, 15):
        shown = "v" + ".".join(map(str, target.version))
        where = f" (pinned in {target.source})" if target.source else ""
        return (
            R.TOO_NEW,
            f"`main: {main}` (every main package below) came with GoReleaser v2.15, "
            f"but this project releases with {shown}{where}, which builds it as one "
            "package and fails. Upgrade GoReleaser or name one package directory.",
        )
    if check_off:  # GoReleaser does not look at `main` then
        return None
    if ellipsis:
        problem = mains_below_problem(source, resolved)
        why = "`directory does not contain any main function`"
    else:
        problem = main_problem(source, resolved)
        why = "`build for <binary> does not contain a main function`"
    if problem is None:
        return None
    return (
        R.PATH_MISSING,
        f"The build `main` `{main}` {problem}: GoReleaser checks it before building "
        f"and stops ({why}). Point `main` at the directory (or file) of the command's "
        "`package main`.",
    )


def _proxy_replace(
    source: FileSource, path: Path, base: Path, root: YamlMapping, builds: Builds
) -> list[Finding]:
    gomod = _mapping(_value(root, "gomod"))
    proxy = _scalar(_value(gomod, "proxy"))
    if proxy is None or proxy.resolve() is not True:
        return []
    dirs: dict[Path, None] = {}
    for place in builds.places:
        if not place.dir_templated:
            dirs[place.directory(base)] = None
    out = []
    for directory in dirs:
        gomod_path = directory / "go.mod"
        data = source.read_bytes(gomod_path) if source.is_file(gomod_path) else None
        if data is None:
            continue
        from gowls.syntax.gomod import parse_gomod  # the go.mod grammar: only when one is read

        mod = parse_gomod(data)
        if not mod.replaces:
            continue
        first = mod.replaces[0]
        line = first.statement.span.start.line + 1
        single = data.split(b"\n")[line - 1].lstrip().startswith(b"replace ")
        shown = f"replace {first.old_path} => {first.new_path}"
        where = f"{gomod_path.relative_to(base) if base in gomod_path.parents else gomod_path}"
        if single:
            why = (
                "GoReleaser stops the release (`cannot use the go.mod replace directive with "
                "go mod proxy enabled`)"
            )
        else:
            why = (
                "the proxied build uses the module as published, where its replace "
                "directives do not apply (GoReleaser's own check only sees single-line ones)"
            )
        out.append(
            finding(
                R.PROXY_REPLACE,
                path,
                proxy.span,
                f"`gomod.proxy: true`, but {where} has `{shown}` (line {line}): {why}. Remove "
                "the replace directives from the released module, or turn the proxy off.",
            )
        )
    return out


def _gowork_env(path: Path, doc: YamlDocument, root: YamlMapping, builds: Builds) -> list[Finding]:
    gomod = _mapping(_value(root, "gomod"))
    if _gowork_off(_value(root, "env")) or _gowork_off(_value(gomod, "env")):
        return []
    out = []
    for build in builds.all:
        item = build.gowork
        if item is None:
            continue
        fix = _move_env_fix(path, doc, root, item)
        out.append(
            finding(
                R.GOWORK_ENV,
                path,
                item.span,
                "`GOWORK=off` in a build's `env` reaches `go build` but not the `go list -m` "
                "that sets the module path (GoReleaser runs it with the top-level `env` and "
                "`gomod.env` only), so `.ModulePath` still comes from the go.work. Set it in "
                "the top-level `env` instead.",
                (fix,) if fix is not None else (),
            )
        )
    return out


def _move_env_fix(path: Path, doc: YamlDocument, root: YamlMapping, item: YamlScalar) -> Fix | None:
    """Delete the build's env item line and add ``GOWORK=off`` to the top-level env."""
    index = doc.index
    line_text = index.line_bytes(item.span.start.line)
    if (
        line_text.strip()
        != b"- " + index.data[index.offset(item.span.start) : index.offset(item.span.end)]
    ):
        return None
    remove = TextEdit(
        path,
        Span(Point(item.span.start.line, 0), Point(item.span.start.line + 1, 0)),
        "",
    )
    env_pair = root.get("env")
    if env_pair is None:
        end = index.point(len(index.data))
        sep = "" if index.data.endswith(b"\n") else "\n"
        add = TextEdit(path, Span(end, end), f"{sep}env:\n  - GOWORK=off\n")
        return Fix("Move GOWORK=off to the top-level env", (remove, add))
    env = deref(env_pair.value)
    if not isinstance(env, YamlSequence) or env.flow or not env.items:
        return None
    first = env.items[0].span.start
    at = Point(first.line, 0)
    indent = " " * (first.column - 2)
    add = TextEdit(path, Span(at, at), f"{indent}- GOWORK=off\n")
    return Fix("Move GOWORK=off to the top-level env", (add, remove))


def find_gowork(source: FileSource, start: Path) -> Path | None:
    """The go.work go would use from ``start`` (the nearest one above), if any."""
    for directory in (start, *start.parents):
        candidate = directory / "go.work"
        if source.is_file(candidate):
            return candidate
    return None


def _mod_in_workspace(
    source: FileSource, path: Path, doc: YamlDocument, base: Path, root: YamlMapping
) -> list[Finding]:
    gomod = _mapping(_value(root, "gomod"))
    mod = _scalar(_value(gomod, "mod"))
    if mod is None or mod.text.strip() != "mod":
        return []
    if _gowork_off(_value(root, "env")) or _gowork_off(_value(gomod, "env")):
        return []
    directory = _scalar(_value(gomod, "dir"))
    start = base / directory.text if directory is not None and not _templated(directory) else base
    work = find_gowork(source, start)
    if work is None:
        return []
    pair = gomod.get("mod") if gomod is not None else None
    fixes = (Fix("Remove `mod`", (delete_pair(path, doc, pair),)),) if pair is not None else ()
    return [
        finding(
            R.MOD_IN_WORKSPACE,
            path,
            mod.span,
            f"`gomod.mod: mod` runs `go list -m -mod=mod`, but {work} puts go in workspace "
            "mode, where `-mod` may only be `readonly` or `vendor`: the release fails. Remove "
            "`mod`, or set `GOWORK=off` in the top-level `env`.",
            fixes,
        )
    ]


def _module_dir(source: FileSource, directory: Path, stop: Path) -> Path | None:
    """The directory of the go.mod that owns ``directory`` (not above ``stop``)."""
    for candidate in (directory, *directory.parents):
        if source.is_file(candidate / "go.mod"):
            return candidate
        if candidate == stop:
            break
    return None


def _resolve_use(work_path: Path, use: Use) -> Path:
    target = Path(use.path)
    resolved = target if target.is_absolute() else work_path.parent / target
    return Path(*_normal_parts(resolved))


def _normal_parts(path: Path) -> list[str]:
    parts: list[str] = []
    for part in path.parts:
        if part == "..":
            if len(parts) > 1:
                parts.pop()
        elif part != ".":
            parts.append(part)
    return parts


def _anchor(root: YamlMapping) -> Span:
    """Where to report a finding about the release as a whole: gomod.dir, else gomod, else
    the first key."""
    gomod_pair = root.get("gomod")
    gomod = _mapping(gomod_pair.value) if gomod_pair is not None else None
    directory = _scalar(_value(gomod, "dir"))
    if directory is not None:
        return directory.span
    if gomod_pair is not None and gomod_pair.key is not None:
        return gomod_pair.key.span
    first = root.pairs[0] if root.pairs else None
    return first.key.span if first is not None and first.key is not None else root.span


def _workspace_modules(
    source: FileSource, path: Path, base: Path, root: YamlMapping, builds: Builds
) -> list[Finding]:
    gomod = _mapping(_value(root, "gomod"))
    if _gowork_off(_value(root, "env")) or _gowork_off(_value(gomod, "env")):
        return []
    directory = _scalar(_value(gomod, "dir"))
    if directory is not None and _templated(directory):
        return []
    start = base / directory.text if directory is not None else base
    work_path = find_gowork(source, start)
    data = source.read_bytes(work_path) if work_path is not None else None
    if work_path is None or data is None:
        return []
    from gowls.syntax.gowork import parse_gowork  # the grammar: only when a go.work is read

    work = parse_gowork(data)
    if work.syntax.problems or not work.uses:
        return []
    used = [_resolve_use(work_path, use) for use in work.uses]
    out: list[Finding] = []
    released = _module_dir(source, start, work_path.parent)
    if released is not None and released in used and used[0] != released:
        out.append(_first_use_finding(path, root, work_path, work, used, released))
    found: list[tuple[int, Finding]] = []  # (build, finding): reported in build order
    owners: dict[Path, Path | None] = {}
    for place in builds.places:
        if place.dir_templated:
            continue
        build_dir = place.directory(base)
        if build_dir not in owners:
            in_module = source.is_dir(build_dir)  # else GR112
            owners[build_dir] = (
                _module_dir(source, build_dir, work_path.parent) if in_module else None
            )
        owner = owners[build_dir]
        if owner is None or owner in used:
            continue
        rel = owner.relative_to(work_path.parent) if work_path.parent in owner.parents else owner
        message = (
            f"The build runs in the module at {rel}, which {work_path} does not `use`: go "
            "refuses to build there in workspace mode (`current directory is contained in "
            "a module that is not one of the workspace modules listed in go.work`). Add "
            f"`use ./{rel}` to go.work, or set `GOWORK=off` in the top-level `env`."
        )
        for i, build in place.builds:
            span = build.dir.span if build.dir is not None else build.node.span
            found.append((i, finding(R.BUILD_OUTSIDE_WORKSPACE, path, span, message)))
    found.sort(key=lambda pair: pair[0])
    return out + [f for _, f in found]


def _first_use_finding(
    path: Path, root: YamlMapping, work_path: Path, work: GoWork, used: list[Path], released: Path
) -> Finding:
    first = work.uses[0]
    mine = work.uses[used.index(released)]
    fixes: tuple[Fix, ...] = ()
    index = work.syntax.index
    same_block = first.statement.block is not None and first.statement.block is mine.statement.block
    if same_block:
        line = mine.statement.span.start.line
        text = index.line_bytes(line).decode("utf-8") + "\n"
        at = Point(first.statement.span.start.line, 0)
        fixes = (
            Fix(
                f"Move `use {mine.path}` first in go.work",
                (
                    TextEdit(work_path, Span(at, at), text),
                    TextEdit(work_path, Span(Point(line, 0), Point(line + 1, 0)), ""),
                ),
            ),
        )
    return finding(
        R.FIRST_USE,
        path,
        _anchor(root),
        f"{work_path} lists `use {first.path}` before `use {mine.path}`: GoReleaser takes the "
        "first line of `go list -m` as the module path, so `.ModulePath` and the verifiable "
        f"build module are {first.path}'s, not the released module's. Put `use {mine.path}` "
        "first in go.work.",
        fixes,
    )

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

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from gowls.analysis.findings import Finding, Fix, TextEdit
from gowls.analysis.goreleaser import rules as R
from gowls.analysis.goreleaser.edits import delete_pair
from gowls.analysis.goreleaser.gomain import main_problem, mains_below_problem
from gowls.analysis.registry import finding
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


def _go_builds(root: YamlMapping) -> Iterator[YamlMapping]:
    for item in _items(_value(root, "builds")):
        build = _mapping(item)
        if build is None:
            continue
        builder = _scalar(_value(build, "builder"))
        if builder is None or builder.text in ("", "go"):
            yield build


def _templated(node: YamlScalar) -> bool:
    return "{{" in node.text


def _env_sets(node: YamlNode | None, name: str) -> YamlScalar | None:
    for item in _items(node):
        scalar = _scalar(item)
        if scalar is not None and scalar.text.split("=", 1)[0].strip() == name:
            return scalar
    return None


def _gowork_off(node: YamlNode | None) -> bool:
    scalar = _env_sets(node, "GOWORK")
    return scalar is not None and scalar.text.split("=", 1)[1].strip() == "off"


@dataclass(frozen=True, slots=True)
class Target:
    """The GoReleaser release the project targets and where that is said."""

    version: tuple[int, ...]
    source: str = ""


def check_workspace(
    source: FileSource, path: Path, doc: YamlDocument, target: Target | None = None
) -> list[Finding]:
    """The GR112-GR117 findings of the config at ``path`` (``target``: the pinned release)."""
    root = _mapping(doc.root)
    if root is None:
        return []
    base = base_dir(path)
    out: list[Finding] = []
    out += _paths(source, path, base, root, target)
    out += _proxy_replace(source, path, base, root)
    out += _gowork_env(path, doc, root)
    out += _mod_in_workspace(source, path, doc, base, root)
    out += _workspace_modules(source, path, base, root)
    return out


def _paths(
    source: FileSource, path: Path, base: Path, root: YamlMapping, target: Target | None
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
    for build in _go_builds(root):
        dir_node = _scalar(_value(build, "dir"))
        build_dir = base
        if dir_node is not None and not _templated(dir_node):
            build_dir = base / dir_node.text
            if not source.is_dir(build_dir):
                out.append(
                    finding(
                        R.PATH_MISSING,
                        path,
                        dir_node.span,
                        f"The build `dir` `{dir_node.text}` is not a directory under {base}: "
                        "`go build` cannot run there. Fix the path (it is relative to where "
                        "GoReleaser runs).",
                    )
                )
                continue
        main = _scalar(_value(build, "main"))
        if main is None or _templated(main) or (dir_node is not None and _templated(dir_node)):
            continue
        out += _main(source, path, build, build_dir, main, target)
    return out


def _main(
    source: FileSource,
    path: Path,
    build: YamlMapping,
    build_dir: Path,
    main: YamlScalar,
    target: Target | None,
) -> list[Finding]:
    """``main`` must name a file or package directory with ``package main``/``func main``."""
    ellipsis = main.text == "..." or main.text.endswith("/...")
    resolved = build_dir / main.text.removesuffix("...").removesuffix("/")
    if not (source.is_dir(resolved) or (not ellipsis and source.is_file(resolved))):
        return [
            finding(
                R.PATH_MISSING,
                path,
                main.span,
                f"The build `main` `{main.text}` does not exist under {build_dir}: "
                "GoReleaser builds that package (or file) and fails. Use the path of the "
                "directory holding `package main`, relative to the build's `dir`.",
            )
        ]
    if ellipsis and target is not None and target.version < (2, 15):
        shown = "v" + ".".join(map(str, target.version))
        where = f" (pinned in {target.source})" if target.source else ""
        return [
            finding(
                R.TOO_NEW,
                path,
                main.span,
                f"`main: {main.text}` (every main package below) came with GoReleaser v2.15, "
                f"but this project releases with {shown}{where}, which builds it as one "
                "package and fails. Upgrade GoReleaser or name one package directory.",
            )
        ]
    for switch in ("no_main_check", "skip"):  # GoReleaser does not look at `main` then
        value = _scalar(_value(build, switch))
        if value is not None and value.resolve() is True:
            return []
    if ellipsis:
        problem = mains_below_problem(source, resolved)
        why = "`directory does not contain any main function`"
    else:
        problem = main_problem(source, resolved)
        why = "`build for <binary> does not contain a main function`"
    if problem is None:
        return []
    return [
        finding(
            R.PATH_MISSING,
            path,
            main.span,
            f"The build `main` `{main.text}` {problem}: GoReleaser checks it before building "
            f"and stops ({why}). Point `main` at the directory (or file) of the command's "
            "`package main`.",
        )
    ]


def _proxy_replace(source: FileSource, path: Path, base: Path, root: YamlMapping) -> list[Finding]:
    gomod = _mapping(_value(root, "gomod"))
    proxy = _scalar(_value(gomod, "proxy"))
    if proxy is None or proxy.resolve() is not True:
        return []
    dirs: dict[Path, None] = {}
    for build in _go_builds(root):
        dir_node = _scalar(_value(build, "dir"))
        if dir_node is None or not _templated(dir_node):
            dirs[base / dir_node.text if dir_node is not None else base] = None
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


def _gowork_env(path: Path, doc: YamlDocument, root: YamlMapping) -> list[Finding]:
    gomod = _mapping(_value(root, "gomod"))
    if _gowork_off(_value(root, "env")) or _gowork_off(_value(gomod, "env")):
        return []
    out = []
    for build in _go_builds(root):
        item = _env_sets(_value(build, "env"), "GOWORK")
        if item is None or not _gowork_off(_value(build, "env")):
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
    source: FileSource, path: Path, base: Path, root: YamlMapping
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
    for build in _go_builds(root):
        dir_node = _scalar(_value(build, "dir"))
        if dir_node is not None and _templated(dir_node):
            continue
        build_dir = base / dir_node.text if dir_node is not None else base
        if not source.is_dir(build_dir):
            continue  # GR112
        owner = _module_dir(source, build_dir, work_path.parent)
        if owner is None or owner in used:
            continue
        span = dir_node.span if dir_node is not None else build.span
        rel = owner.relative_to(work_path.parent) if work_path.parent in owner.parents else owner
        out.append(
            finding(
                R.BUILD_OUTSIDE_WORKSPACE,
                path,
                span,
                f"The build runs in the module at {rel}, which {work_path} does not `use`: go "
                "refuses to build there in workspace mode (`current directory is contained in "
                "a module that is not one of the workspace modules listed in go.work`). Add "
                f"`use ./{rel}` to go.work, or set `GOWORK=off` in the top-level `env`.",
            )
        )
    return out


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

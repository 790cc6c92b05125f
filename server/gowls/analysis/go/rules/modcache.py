"""Requirements measured against the local module cache (offline; silent when it lacks them).

``go`` reads a module's retractions and its ``// Deprecated:`` notice from the go.mod of its
latest version (``go list -m -u -retracted all`` shows both, ``go get`` warns). gowls reads the
same go.mod from ``$GOMODCACHE/cache/download`` when the cache holds that version, and says
nothing when it does not: the cache is a local, possibly stale view, and gowls never asks
the network.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from gowls.analysis.findings import Finding, Fix, Severity, TextEdit
from gowls.analysis.go.modcache import CachedModule, ModuleCache, module_cache
from gowls.analysis.registry import Example, RuleContext, RuleInfo, finding, rule
from gowls.syntax.gomod import GoMod, Require, parse_gomod
from gowls.syntax.versions import compare_semver, is_pseudo_version, major

KIND = "go.mod"

_CACHE = "modcache/cache/download/example.com/x/@v/"
_APP = "module example.com/app\n\ngo 1.22\n\nrequire example.com/x v1.0.0\n"


def _example(versions: dict[str, str]) -> Example:
    """A go.mod requiring example.com/x v1.0.0 and a module cache holding these versions."""
    files = {"go.mod": _APP}
    for version, text in versions.items():
        files[f"{_CACHE}{version}.mod"] = text
        files[f"{_CACHE}{version}.info"] = f'{{"Version":"{version}"}}\n'
    return Example(files, "go.mod", env={"GOMODCACHE": "modcache"})


_CACHE_NOTE = (
    "Only modules present in the local module cache (`GOMODCACHE`, default "
    "`$(go env GOPATH)/pkg/mod`) are checked, offline; the cache may be older than the proxy."
)


@dataclass(frozen=True, slots=True)
class LatestFacts:
    """What the go.mod of a module's latest cached version says about the module."""

    version: str
    retracted: tuple[tuple[str, str, str], ...]
    """(low, high, rationale) intervals."""
    deprecated: str


@lru_cache(maxsize=4096)
def _facts(directory: Path, version: str) -> LatestFacts | None:
    """Retractions and deprecation in the cached go.mod of ``version`` (files never change)."""
    try:
        data = (directory / f"{version}.mod").read_bytes()
    except OSError:
        return None
    mod = parse_gomod(data)
    retracted = tuple((r.low, r.high, r.rationale) for r in mod.retracts)
    deprecated = mod.module.deprecated if mod.module else ""
    return LatestFacts(version, retracted, deprecated)


def _cached(req: Require, cache: ModuleCache) -> tuple[CachedModule, LatestFacts] | None:
    cached = cache.get(req.path)
    latest = cached.latest if cached else None
    if cached is None or latest is None:
        return None
    facts = _facts(cached.directory, latest)
    return (cached, facts) if facts is not None else None


def _is_retracted(version: str, facts: LatestFacts) -> str | None:
    """The rationale (possibly empty) if ``version`` falls in a retracted interval, else None."""
    for low, high, rationale in facts.retracted:
        if compare_semver(low, version) <= 0 <= compare_semver(high, version):
            return rationale
    return None


def _upgrade_target(cached: CachedModule, version: str, facts: LatestFacts) -> str | None:
    """The newest cached release above ``version`` that is not retracted (same major)."""
    for candidate in cached.versions:
        if is_pseudo_version(candidate) or major(candidate) != major(version):
            continue
        if compare_semver(candidate, version) <= 0:
            return None
        if "-" in candidate.split("+")[0] and "-" not in version.split("+")[0]:
            continue  # a pre-release is no upgrade from a release
        if _is_retracted(candidate, facts) is None:
            return candidate
    return None


def _set_version_fix(ctx: RuleContext[GoMod], req: Require, version: str) -> Fix:
    return Fix(
        f"Require {req.path} {version}",
        (TextEdit(ctx.path, req.version_span, version),),
        safe=False,
    )


def _requirements(ctx: RuleContext[GoMod]) -> Iterator[Require]:
    replaced = {rep.old_path for rep in ctx.doc.replaces if not rep.old_version}
    for req in ctx.doc.requires:
        if req.path not in replaced and req.version_span.start != req.version_span.end:
            yield req


@rule(
    RuleInfo(
        code="GM201",
        name="require-retracted-version",
        kind=KIND,
        severity=Severity.WARNING,
        summary="A required version is retracted by its module's author",
        explanation=(
            "A module's author retracts versions with `retract` in the go.mod of a later "
            "version; `go list -m -u -retracted` marks them `(retracted)` and `go get` warns "
            "and moves off them. gowls reads the latest cached version's go.mod. " + _CACHE_NOTE
        ),
        fix="Require the newest version that is not retracted (offered as a quick fix).",
        example=_example(
            {
                "v1.0.0": "module example.com/x\n",
                "v1.1.0": "module example.com/x\n\nretract v1.0.0 // corrupt archive\n",
            }
        ),
    )
)
def require_retracted_version(ctx: RuleContext[GoMod], info: RuleInfo) -> Iterator[Finding]:
    """Requirements whose version the latest cached go.mod of the module retracts."""
    cache = module_cache()  # once per file: a go.mod may hold 500,000 requirements
    if cache is None:
        return
    for req in _requirements(ctx):
        found = _cached(req, cache)
        if found is None:
            continue
        cached, facts = found
        rationale = _is_retracted(req.version, facts)
        if rationale is None:
            continue
        target = _upgrade_target(cached, req.version, facts)
        why = f": {rationale}" if rationale else ""
        advice = f"Require {target}, the newest version not retracted." if target else ""
        yield finding(
            info,
            ctx.path,
            req.version_span,
            f"{req.path} {req.version} is retracted by its author{why} (go.mod of "
            f"{facts.version} in the module cache). {advice}".rstrip(),
            fixes=(_set_version_fix(ctx, req, target),) if target else (),
        )


@rule(
    RuleInfo(
        code="GM202",
        name="require-deprecated-module",
        kind=KIND,
        severity=Severity.WARNING,
        summary="A required module is deprecated by its author",
        explanation=(
            "A `// Deprecated:` comment on the `module` line of a module's latest go.mod marks "
            "the whole module deprecated; `go list -m -u` shows `(deprecated)` and `go get` "
            "prints the notice. " + _CACHE_NOTE
        ),
        fix="Follow the notice (usually: move to the module it names).",
        example=_example(
            {"v1.0.0": "// Deprecated: use example.com/y instead.\nmodule example.com/x\n"}
        ),
    )
)
def require_deprecated_module(ctx: RuleContext[GoMod], info: RuleInfo) -> Iterator[Finding]:
    """Requirements of modules whose latest cached go.mod is marked deprecated."""
    cache = module_cache()  # once per file: a go.mod may hold 500,000 requirements
    if cache is None:
        return
    for req in _requirements(ctx):
        found = _cached(req, cache)
        if found is None or not found[1].deprecated:
            continue
        facts = found[1]
        yield finding(
            info,
            ctx.path,
            req.path_span,
            f"{req.path} is deprecated: {facts.deprecated} (go.mod of {facts.version} in the "
            "module cache)",
        )


@rule(
    RuleInfo(
        code="GM203",
        name="require-newer-version-cached",
        kind=KIND,
        severity=Severity.INFORMATION,
        summary="A newer release of a required module is in the module cache",
        explanation=(
            "`go list -m -u` reports available upgrades from the proxy; gowls reports, offline, "
            "a newer release of the same major version already in the local cache. Upgrading is "
            "a decision, never automatic. " + _CACHE_NOTE
        ),
        fix="Upgrade with `go get MODULE@VERSION` (or the quick fix, then `go mod tidy`).",
        example=_example({"v1.0.0": "module example.com/x\n", "v1.2.0": "module example.com/x\n"}),
    )
)
def require_newer_version_cached(ctx: RuleContext[GoMod], info: RuleInfo) -> Iterator[Finding]:
    """Requirements with a newer, not retracted release of the same major in the cache."""
    cache = module_cache()  # once per file: a go.mod may hold 500,000 requirements
    if cache is None:
        return
    for req in _requirements(ctx):
        found = _cached(req, cache)
        if found is None:
            continue
        cached, facts = found
        if _is_retracted(req.version, facts) is not None:
            continue  # GM201 says it, with the same upgrade
        target = _upgrade_target(cached, req.version, facts)
        if target is None:
            continue
        yield finding(
            info,
            ctx.path,
            req.version_span,
            f"{req.path} {target} is in the module cache (this go.mod requires "
            f"{req.version}); `go get {req.path}@{target}` upgrades.",
            fixes=(_set_version_fix(ctx, req, target),),
        )


MODCACHE_RULES = (
    require_retracted_version,
    require_deprecated_module,
    require_newer_version_cached,
)
"""The module-cache rules, in code order."""

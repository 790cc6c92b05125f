"""Our table of template fields and functions agrees with GoReleaser's own engine.

The loader's ``templates`` mode renders with ``tmpl.New`` (common fields), plus
``WithArtifact`` (``-artifact``) or ``WithBuildOptions`` (``-build``). Pipe-specific
fields (nFPM, release body) and Pro fields are unknown in all three modes.
"""

from __future__ import annotations

import pytest
from goreleaser_oracle import LOADER, templates

from gowls.analysis.goreleaser.templates import (
    FIELDS,
    FUNCTIONS,
    GO_BUILTINS,
    PLACES,
    Scope,
    available,
    is_function,
)

pytestmark = pytest.mark.skipif(
    not LOADER.is_file(), reason=f"goreleaser-config not found at {LOADER}"
)

MODES: dict[str, tuple[list[str], frozenset[Scope]]] = {
    "top": ([], frozenset({Scope.COMMON})),
    "artifact": (["-artifact"], frozenset({Scope.COMMON, Scope.ARTIFACT})),
    "build": (["-build"], frozenset({Scope.COMMON, Scope.BUILD})),
}

NOT_FIELDS = ("WorkspaceDir", "Workspace", "GoWork", "Module", "Project", "Git", "Arm7", "OS")


def _field_templates() -> list[str]:
    out = []
    for f in FIELDS:
        out.append(f"{{{{ .{f.name} }}}}")
        out.extend(f"{{{{ .{f.name}.{sub} }}}}" for sub in f.sub)
    out.extend(f"{{{{ .{name} }}}}" for name in NOT_FIELDS)
    return out


@pytest.mark.parametrize("mode", sorted(MODES))
def test_field_availability_matches_the_engine(mode: str) -> None:
    flags, scopes = MODES[mode]
    texts = _field_templates()
    results = {r["template"]: r for r in templates([*flags, "-env", "FOO=bar", *texts])}
    disagreements = []
    for f in FIELDS:
        ours = available(f.name, scopes)
        theirs = results[f"{{{{ .{f.name} }}}}"]["ok"]
        if ours != theirs:
            disagreements.append(f".{f.name}: ours {ours}, engine {theirs}")
        for sub in f.sub:
            if not f.pro and not results[f"{{{{ .{f.name}.{sub} }}}}"]["ok"]:
                disagreements.append(f".{f.name}.{sub}: engine rejects it")
    for name in NOT_FIELDS:
        result = results[f"{{{{ .{name} }}}}"]
        assert not result["ok"] and result["unknown_field"] == name
    assert disagreements == []


def test_workspace_dir_is_unknown_with_the_engines_message() -> None:
    (result,) = templates(["-artifact", "-build", "{{ .WorkspaceDir }}"])
    assert result["error"].endswith('map has no entry for key "WorkspaceDir"')


def test_env_holds_the_configs_env_only() -> None:
    ok, missing = templates(["-env", "FOO=bar", "{{ .Env.FOO }}", "{{ .Env.NOPE }}"])
    assert ok["ok"] and ok["output"] == "bar"
    assert missing["unknown_field"] == "NOPE" and missing["field_path"] == ".Env.NOPE"


def test_functions_match_the_engine() -> None:
    names = [f.name for f in FUNCTIONS] + list(GO_BUILTINS) + ["nosuchfunc", "upper"]
    texts = [f"{{{{ if false }}}}{{{{ {name} }}}}{{{{ end }}}}" for name in names]
    results = templates(texts)
    disagreements = [
        f"{name}: ours {is_function(name)}, engine {r['ok']}"
        for name, r in zip(names, results, strict=True)
        if is_function(name) != r["ok"]
    ]
    assert disagreements == []
    assert all(is_function(f.name, pro=True) for f in FUNCTIONS)


def _mode(scopes: frozenset[Scope]) -> list[str]:
    """The loader flags that render with ``scopes``."""
    return [flag for scope, flag in MODE_FLAGS if scope in scopes]


MODE_FLAGS = ((Scope.ARTIFACT, "-artifact"), (Scope.BUILD, "-build"))


@pytest.mark.parametrize(
    "scopes",
    sorted(set(PLACES.values()), key=len),
    ids=lambda s: "+".join(sorted(x.value for x in s)),
)
def test_each_places_fields_match_the_engine(scopes: frozenset[Scope]) -> None:
    """Every field ours allows (or refuses) in a place's scopes, the engine does too."""
    fields = [f for f in FIELDS if not f.pro]
    texts = [f"{{{{ .{f.name} }}}}" for f in fields]
    results = templates([*_mode(scopes), *texts])
    disagreements = [
        f".{f.name}: ours {available(f.name, scopes)}, engine {r['ok']}"
        for f, r in zip(fields, results, strict=True)
        if available(f.name, scopes) != r["ok"]
    ]
    assert disagreements == []

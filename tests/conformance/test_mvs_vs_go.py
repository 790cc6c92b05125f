"""Minimal version selection against the real `go list -m all`, on generated module graphs.

Each graph is served from a ``file://`` GOPROXY; `go list -m all` (offline but for that proxy)
fills a private module cache, and gowls, reading that cache and the go.mod files on disk,
must select exactly the versions go lists. Graphs mix pruned (go >= 1.17) and unpruned
modules, cycles, local directory replacements, module replacements and excludes; a second
set puts each graph's main module in a go.work beside another module (workspace mode: the
build list of all workspace modules, always pruned).
"""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

import pytest

from go_oracle import GO, SKIP_REASON, offline_env
from gowls.analysis.go.documents import gomod
from gowls.analysis.go.mvs import build_list
from gowls.analysis.snapshot import Snapshot
from gowls.analysis.source import FileSource
from gowls.languages import LANGUAGES
from modcache_files import write_proxy
from workspace_files import write_tree

pytestmark = pytest.mark.skipif(GO is None, reason=SKIP_REASON)

VERSIONS = ("v1.0.0", "v1.1.0", "v1.2.0", "v1.3.0")
GRAPHS = 24


def _gomod(path: str, go: str, requires: list[tuple[str, str]], extra: str = "") -> str:
    lines = "".join(f"\t{p} {v}\n" for p, v in requires)
    body = f"\nrequire (\n{lines})\n" if requires else ""
    return f"module {path}\n\ngo {go}\n{body}{extra}"


def _graph(seed: int) -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    """(proxy modules, files of the main module's tree) for one seed."""
    rng = random.Random(seed)
    names = [f"example.com/m{i}" for i in range(rng.randint(3, 7))]
    modules: dict[str, dict[str, str]] = {}
    for name in names:
        modules[name] = {}
        for version in VERSIONS:
            others = [n for n in names if n != name]
            deps = rng.sample(others, k=rng.randint(0, min(3, len(others))))
            go = rng.choice(("1.16", "1.21"))
            reqs = [(d, rng.choice(VERSIONS)) for d in deps]
            modules[name][version] = _gomod(name, go, reqs)
    main_go = rng.choice(("1.16", "1.22", "1.22"))
    roots = rng.sample(names, k=rng.randint(1, len(names)))
    requires = [(r, rng.choice(VERSIONS)) for r in roots]
    extra = ""
    files: dict[str, str] = {}
    kind = seed % 4
    if kind == 1:  # a directory replacement with its own requirements
        target = roots[0]
        local_deps = [(n, rng.choice(VERSIONS)) for n in names if n != target][:2]
        files["app/local/go.mod"] = _gomod(target, "1.21", local_deps)
        extra = f"\nreplace {target} => ./local\n"
    elif kind == 2 and len(names) > 1:  # a module replacement of one version
        old, new = roots[0], next(n for n in names if n != roots[0])
        extra = f"\nreplace {old} {requires[0][1]} => {new} v1.3.0\n"
    elif kind == 3:  # an exclude of a version nobody requires directly
        excluded = rng.choice(names)
        listed = {v for r, v in requires if r == excluded}
        free = [v for v in VERSIONS if v not in listed]
        extra = f"\nexclude {excluded} {free[0]}\n" if free else ""
    files["app/go.mod"] = _gomod("example.com/app", main_go, requires, extra)
    return modules, files


def _go_list(app: Path, env: dict[str, str]) -> dict[str, str] | None:
    proc = subprocess.run(
        [str(GO), "list", "-m", "all"],
        cwd=app,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        return None
    out: dict[str, str] = {}
    for line in proc.stdout.splitlines():
        parts = line.split()
        if len(parts) >= 2:  # main modules are listed without a version
            out[parts[0]] = parts[1]
    return out


@pytest.mark.parametrize("seed", range(GRAPHS))
def test_selection_agrees_with_go_list(
    seed: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    modules, files = _graph(seed)
    proxy = write_proxy(tmp_path / "proxy", modules)
    root = write_tree(tmp_path / "repo", files)
    env = offline_env(tmp_path / "home", GOPROXY=proxy.as_uri(), GOFLAGS="-mod=mod")
    # With -mod=mod go may first bring go.mod up to date (raise the go line or a requirement
    # to what the graph needs); the second run sees the settled file, which gowls reads too.
    if _go_list(root / "app", env) is None:
        pytest.skip("go rejects this generated graph")  # counted below, never silently
    expected = _go_list(root / "app", env)
    assert expected is not None
    monkeypatch.setenv("GOMODCACHE", env["GOMODCACHE"])
    snapshot = Snapshot(FileSource(), LANGUAGES)
    path = root / "app" / "go.mod"  # as go left it (-mod=mod may have updated it)
    mod = gomod(snapshot, path)
    assert mod is not None
    selection = build_list(snapshot, path, mod)
    assert selection.complete, selection.missing
    assert selection.selected == expected


def test_most_generated_graphs_are_accepted_by_go(tmp_path: Path) -> None:
    """The generator must exercise the comparison, not produce graphs go rejects."""
    accepted = 0
    for seed in range(GRAPHS):
        modules, files = _graph(seed)
        base = tmp_path / str(seed)
        proxy = write_proxy(base / "proxy", modules)
        root = write_tree(base / "repo", files)
        env = offline_env(base / "home", GOPROXY=proxy.as_uri(), GOFLAGS="-mod=mod")
        accepted += _go_list(root / "app", env) is not None
    assert accepted >= 20, accepted


WORKSPACE_GRAPHS = 12


@pytest.mark.parametrize("seed", range(WORKSPACE_GRAPHS))
def test_workspace_selection_agrees_with_go_list(
    seed: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The graph's app joins a go.work with a second module requiring some of the modules."""
    modules, files = _graph(seed)
    rng = random.Random(seed + 1000)
    names = sorted(modules)
    lib_requires = [(n, rng.choice(VERSIONS)) for n in rng.sample(names, k=min(2, len(names)))]
    files["lib/go.mod"] = _gomod("example.com/lib", "1.22", lib_requires)
    files["go.work"] = "go 1.22\n\nuse (\n\t./app\n\t./lib\n)\n"
    proxy = write_proxy(tmp_path / "proxy", modules)
    root = write_tree(tmp_path / "repo", files)
    env = offline_env(tmp_path / "home", GOPROXY=proxy.as_uri())
    download = subprocess.run(
        [str(GO), "mod", "download"], cwd=root, env=env, capture_output=True, check=False
    )
    expected = _go_list(root / "app", env) if download.returncode == 0 else None
    if expected is None:
        pytest.skip("go rejects this generated workspace")
    monkeypatch.setenv("GOMODCACHE", env["GOMODCACHE"])
    snapshot = Snapshot(FileSource(), LANGUAGES)
    for module in ("app", "lib"):  # one build list for every module of the workspace
        path = root / module / "go.mod"
        mod = gomod(snapshot, path)
        assert mod is not None
        selection = build_list(snapshot, path, mod)
        assert selection.complete, selection.missing
        assert selection.selected == expected


@pytest.mark.parametrize("main_go", ["1.16", "1.22"])
def test_pruning_hides_requirements_of_pruned_dependencies(
    main_go: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """a (go 1.21) requires b; b requires c: a pruned main module never reads b's go.mod."""
    go = "1.21" if main_go == "1.22" else "1.16"
    modules = {
        "example.com/a": {"v1.0.0": _gomod("example.com/a", go, [("example.com/b", "v1.0.0")])},
        "example.com/b": {"v1.0.0": _gomod("example.com/b", go, [("example.com/c", "v1.5.0")])},
        "example.com/c": {"v1.5.0": _gomod("example.com/c", go, [])},
    }
    proxy = write_proxy(tmp_path / "proxy", modules)
    files = {"app/go.mod": _gomod("example.com/app", main_go, [("example.com/a", "v1.0.0")])}
    root = write_tree(tmp_path / "repo", files)
    env = offline_env(tmp_path / "home", GOPROXY=proxy.as_uri(), GOFLAGS="-mod=mod")
    assert _go_list(root / "app", env) is not None
    expected = _go_list(root / "app", env)
    assert expected is not None
    assert ("example.com/c" in expected) == (main_go == "1.16")
    monkeypatch.setenv("GOMODCACHE", env["GOMODCACHE"])
    snapshot = Snapshot(FileSource(), LANGUAGES)
    path = root / "app" / "go.mod"
    mod = gomod(snapshot, path)
    assert mod is not None
    assert build_list(snapshot, path, mod).selected == expected


def _agree(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    modules: dict[str, dict[str, str]],
    files: dict[str, str],
    env_extra: dict[str, str],
    download: bool,
) -> dict[str, str]:
    proxy = write_proxy(tmp_path / "proxy", modules)
    root = write_tree(tmp_path / "repo", files)
    env = offline_env(tmp_path / "home", GOPROXY=proxy.as_uri(), **env_extra)
    if download:
        subprocess.run([str(GO), "mod", "download"], cwd=root, env=env, check=True)
    _go_list(root / "app", env)  # -mod=mod may settle go.mod first
    expected = _go_list(root / "app", env)
    assert expected is not None
    monkeypatch.setenv("GOMODCACHE", env["GOMODCACHE"])
    snapshot = Snapshot(FileSource(), LANGUAGES)
    path = root / "app" / "go.mod"
    mod = gomod(snapshot, path)
    assert mod is not None
    selection = build_list(snapshot, path, mod)
    assert selection.complete, selection.missing
    assert selection.selected == expected
    return expected


def test_an_older_version_of_the_main_module_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """m0 requires app v1.0.0 (and m1 v1.0.0); app v1.0.0's go.mod requires m1 v1.3.0: go
    loads it, so m1 is selected at v1.3.0 although app, the main module, never is. The main
    module is unpruned (go 1.16), so go.mod need not list m1 and -mod=mod leaves it alone."""
    modules = {
        "example.com/app": {
            "v1.0.0": _gomod("example.com/app", "1.16", [("example.com/m1", "v1.3.0")])
        },
        "example.com/m0": {
            "v1.0.0": _gomod(
                "example.com/m0",
                "1.16",
                [("example.com/app", "v1.0.0"), ("example.com/m1", "v1.0.0")],
            )
        },
        "example.com/m1": {v: _gomod("example.com/m1", "1.16", []) for v in ("v1.0.0", "v1.3.0")},
    }
    files = {"app/go.mod": _gomod("example.com/app", "1.16", [("example.com/m0", "v1.0.0")])}
    expected = _agree(tmp_path, monkeypatch, modules, files, {"GOFLAGS": "-mod=mod"}, False)
    assert expected["example.com/m1"] == "v1.3.0"
    assert "example.com/m1" not in (tmp_path / "repo/app/go.mod").read_text(encoding="utf-8")


def test_a_workspace_module_required_at_a_version_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """app requires lib v1.5.0 while lib is in the workspace: go still loads lib@v1.5.0's
    go.mod, whose requirement raises m0."""
    modules = {
        "example.com/lib": {
            "v1.5.0": _gomod("example.com/lib", "1.22", [("example.com/m0", "v1.3.0")])
        },
        "example.com/m0": {v: _gomod("example.com/m0", "1.22", []) for v in ("v1.0.0", "v1.3.0")},
    }
    files = {
        "go.work": "go 1.22\n\nuse (\n\t./app\n\t./lib\n)\n",
        "app/go.mod": _gomod("example.com/app", "1.22", [("example.com/lib", "v1.5.0")]),
        "lib/go.mod": _gomod("example.com/lib", "1.22", [("example.com/m0", "v1.0.0")]),
    }
    expected = _agree(tmp_path, monkeypatch, modules, files, {}, True)
    assert expected == {"example.com/m0": "v1.3.0"}

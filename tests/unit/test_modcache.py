"""The module cache: index, completion from it, and the GM201-GM203 rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from gowls.analysis.engine import check_file
from gowls.analysis.go.language import GOMOD
from gowls.analysis.go.modcache import ModuleCache, cache_root, escape, unescape
from gowls.analysis.registry import RuleContext
from gowls.analysis.snapshot import Snapshot
from gowls.analysis.source import FileSource
from gowls.languages import LANGUAGES
from gowls.syntax.positions import Point
from modcache_files import write_cache
from workspace_files import write_tree

X_LATEST = (
    "// Deprecated: use example.com/y instead.\nmodule example.com/x\n\ngo 1.21\n\n"
    'retract v1.1.0 // "leaks file handles"\nretract [v1.2.0, v1.2.1]\n'
)
MODULES = {
    "example.com/x": {
        "v1.0.0": "module example.com/x\n",
        "v1.1.0": "module example.com/x\n",
        "v1.2.1": "module example.com/x\n",
        "v1.3.0": X_LATEST,
        "v1.4.0-rc.1": "module example.com/x\n",
        "v0.0.0-20240101000000-abcdefabcdef": "module example.com/x\n",
    },
    "github.com/Upper/Case": {"v0.1.0": "module github.com/Upper/Case\n"},
}


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = write_cache(tmp_path / "modcache", MODULES)
    monkeypatch.setenv("GOMODCACHE", str(root))
    return root


def test_escaping_round_trips() -> None:
    assert escape("github.com/Upper/Case") == "github.com/!upper/!case"
    assert unescape("github.com/!upper/!case") == "github.com/Upper/Case"


def test_index_versions_newest_first_pseudo_last(cache: Path) -> None:
    assert cache_root() == cache
    index = ModuleCache(cache)
    x = index.get("example.com/x")
    assert x is not None
    assert x.versions == (
        "v1.4.0-rc.1",
        "v1.3.0",
        "v1.2.1",
        "v1.1.0",
        "v1.0.0",
        "v0.0.0-20240101000000-abcdefabcdef",
    )
    assert x.latest == "v1.3.0"
    assert index.get("github.com/Upper/Case") is not None


def _check(root: Path, gomod: str) -> list[tuple[int, str, str]]:
    write_tree(root, {"go.mod": gomod})
    result = check_file(Snapshot(FileSource(), LANGUAGES), root / "go.mod")
    return [(f.span.start.line + 1, f.code, f.message) for f in result.findings]


def test_retracted_deprecated_and_newer(cache: Path, tmp_path: Path) -> None:
    gomod = (
        "module example.com/app\n\ngo 1.22\n\nrequire (\n"
        "\texample.com/x v1.1.0\n"
        "\tgithub.com/Upper/Case v0.1.0\n"
        "\texample.com/absent v1.0.0\n)\n"
    )
    found = _check(tmp_path / "app", gomod)
    codes = [(line, code) for line, code, _ in found]
    assert codes == [(6, "GM202"), (6, "GM201")], found
    retracted = found[1][2]
    assert 'author: "leaks file handles"' in retracted and "Require v1.3.0" in retracted
    assert "use example.com/y instead." in found[0][2]


def test_newer_version_in_the_cache(cache: Path, tmp_path: Path) -> None:
    found = _check(
        tmp_path / "app",
        "module example.com/app\n\ngo 1.22\n\nrequire example.com/x v1.0.0\n",
    )
    assert [(line, code) for line, code, _ in found] == [(5, "GM202"), (5, "GM203")]
    assert "example.com/x v1.3.0 is in the module cache" in found[1][2]


def test_a_replaced_requirement_is_not_checked(cache: Path, tmp_path: Path) -> None:
    found = _check(
        tmp_path / "app",
        "module example.com/app\n\ngo 1.22\n\nrequire example.com/x v1.1.0\n\n"
        "replace example.com/x => example.com/y v1.0.0\n",
    )
    assert found == []


def test_without_a_cache_nothing_is_said(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOMODCACHE", str(tmp_path / "none"))
    assert _check(tmp_path / "app", "module a\n\ngo 1.22\n\nrequire example.com/x v1.1.0\n") == []


def _complete(root: Path, files: dict[str, str], target: str, line: int, col: int) -> list[str]:
    write_tree(root, files)
    snapshot = Snapshot(FileSource(), LANGUAGES, roots=(root,))
    path = root / target
    doc = snapshot.document(path, GOMOD)
    assert doc is not None
    assert GOMOD.features.completion is not None
    items = GOMOD.features.completion(RuleContext(snapshot, path, doc), Point(line, col))
    return [c.label for c in items]


def test_require_completion_offers_workspace_then_cache_modules(
    cache: Path, tmp_path: Path
) -> None:
    files = {
        "go.work": "go 1.22\n\nuse (\n\t./app\n\t./lib\n)\n",
        "app/go.mod": "module example.com/app\n\ngo 1.22\n\nrequire \n",
        "lib/go.mod": "module example.com/lib\n\ngo 1.22\n",
    }
    labels = _complete(tmp_path, files, "app/go.mod", 4, 8)
    assert labels == ["example.com/lib", "example.com/x", "github.com/Upper/Case"]


def test_version_completion_newest_first(cache: Path, tmp_path: Path) -> None:
    files = {"go.mod": "module example.com/app\n\ngo 1.22\n\nrequire example.com/x \n"}
    labels = _complete(tmp_path, files, "go.mod", 4, 22)
    assert labels[0] == "v1.4.0-rc.1" and labels[-1].startswith("v0.0.0-2024")


def test_gowork_replace_completion_leaves_out_workspace_modules(tmp_path: Path) -> None:
    files = {
        "go.work": "go 1.22\n\nuse (\n\t./app\n\t./lib\n)\n\nreplace \n",
        "app/go.mod": (
            "module example.com/app\n\ngo 1.22\n\n"
            "require (\n\texample.com/lib v0.0.0\n\texample.com/dep v1.0.0\n)\n"
        ),
        "lib/go.mod": "module example.com/lib\n\ngo 1.22\n",
    }
    write_tree(tmp_path, files)
    snapshot = Snapshot(FileSource(), LANGUAGES, roots=(tmp_path,))
    path = tmp_path / "go.work"
    doc = snapshot.document(path)
    assert doc is not None
    from gowls.analysis.go.language import GOWORK

    assert GOWORK.features.completion is not None
    items = GOWORK.features.completion(RuleContext(snapshot, path, doc), Point(7, 8))
    assert [c.label for c in items] == ["example.com/dep"]


def test_tool_completion_offers_commands_of_this_and_replaced_modules(tmp_path: Path) -> None:
    files = {
        "m/go.mod": (
            "module example.com/m\n\ngo 1.24\n\ntool \n\nrequire example.com/gen v1.0.0\n\n"
            "replace example.com/gen => ../gen\n"
        ),
        "m/cmd/a/main.go": "package main\n\nfunc main() {}\n",
        "m/lib/lib.go": "package lib\n",
        "gen/go.mod": "module example.com/gen\n\ngo 1.24\n",
        "gen/cmd/gen/main.go": "// generator\npackage main\n\nfunc main() {}\n",
    }
    assert _complete(tmp_path, files, "m/go.mod", 4, 5) == [
        "example.com/m/cmd/a",
        "example.com/gen/cmd/gen",
    ]


def test_ignore_completion_offers_directories_go_would_match(tmp_path: Path) -> None:
    files = {
        "go.mod": "module example.com/m\n\ngo 1.25\n\nignore \n",
        "gen/x.go": "package gen\n",
        "testdata/t.txt": "",
        "_skip/y.go": "package y\n",
        "nested/go.mod": "module example.com/nested\n",
        "web/node.txt": "",
    }
    assert _complete(tmp_path, files, "go.mod", 4, 7) == ["./gen", "./web"]


@pytest.mark.parametrize(
    ("line", "column"),
    [
        ("exclude example.com/x ", 22),
        ("replace example.com/x ", 22),
        ("replace example.com/old => example.com/x ", 41),
        ("replace example.com/old v1.0.0 => example.com/x ", 48),
    ],
)
def test_exclude_and_replace_complete_cached_versions(
    cache: Path, tmp_path: Path, line: str, column: int
) -> None:
    """Newest first, pseudo-versions last, after exclude and after either side of replace."""
    files = {"go.mod": f"module example.com/app\n\ngo 1.22\n\n{line}\n"}
    labels = _complete(tmp_path, files, "go.mod", 4, column)
    assert labels[:2] == ["v1.4.0-rc.1", "v1.3.0"]
    assert labels[-1].startswith("v0.0.0-2024")


def test_replace_by_a_directory_completes_no_version(cache: Path, tmp_path: Path) -> None:
    files = {"go.mod": "module example.com/app\n\ngo 1.22\n\nreplace example.com/x => ../x \n"}
    assert _complete(tmp_path, files, "go.mod", 4, 30) == []


def test_retract_completes_versions_of_this_module(cache: Path, tmp_path: Path) -> None:
    files = {"go.mod": "module example.com/x\n\ngo 1.22\n\nretract \n"}
    labels = _complete(tmp_path, files, "go.mod", 4, 8)
    assert labels[0] == "v1.4.0-rc.1" and labels[-1].startswith("v0.0.0-2024")


def test_half_an_arrow_completes_nothing(cache: Path, tmp_path: Path) -> None:
    """`=` triggers completion (for GODEBUG values); in `replace x =` it must offer nothing."""
    files = {"go.mod": "module example.com/app\n\ngo 1.22\n\nreplace example.com/x =\n"}
    assert _complete(tmp_path, files, "go.mod", 4, 23) == []

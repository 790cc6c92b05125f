"""The go.mod module-graph rules (GM101-GM107) and the go.work toolchain rule (GW109)."""

from __future__ import annotations

from pathlib import Path

import pytest
from unit_helpers import CheckTree, apply_edits, cols

from gowls.analysis.engine import check_file
from gowls.analysis.findings import Finding, Severity
from gowls.analysis.go.documents import gomod
from gowls.analysis.go.modules import find_gowork, governing_workspace, module_graph
from gowls.analysis.go.rules.toolchain import toolchain_version
from gowls.analysis.snapshot import Snapshot
from gowls.analysis.source import FileSource
from gowls.languages import LANGUAGES
from workspace_files import write_tree

Z = "v0.0.0-00010101000000-000000000000"


def mod(path: str, body: str = "", go: str = "1.22") -> str:
    return f"module {path}\n\ngo {go}\n" + (f"\n{body}" if body else "")


def work(*uses: str, extra: str = "") -> str:
    lines = "".join(f"\t{u}\n" for u in uses)
    return f"go 1.22\n\nuse (\n{lines})\n" + (f"\n{extra}" if extra else "")


def only(findings: list[Finding], code: str) -> list[Finding]:
    return [f for f in findings if f.code == code]


def one(findings: list[Finding], code: str) -> Finding:
    hits = only(findings, code)
    assert len(hits) == 1, hits
    return hits[0]


@pytest.mark.parametrize(
    ("code", "severity"),
    [
        ("GM101", Severity.ERROR),
        ("GM102", Severity.WARNING),
        ("GM103", Severity.ERROR),
        ("GM104", Severity.WARNING),
        ("GM105", Severity.WARNING),
        ("GM106", Severity.WARNING),
        ("GM107", Severity.ERROR),
        ("GW109", Severity.WARNING),
    ],
)
def test_registered(code: str, severity: Severity) -> None:
    info = LANGUAGES.rule(code).info
    assert info.severity is severity
    assert info.summary and info.explanation and info.fix and info.example is not None
    assert info.kind == ("go.work" if code.startswith("GW") else "go.mod")


# -- GM101 ----------------------------------------------------------------------------------

GM101_MOD = mod("example.com/m", "require example.com/x v1.0.0\n\nreplace example.com/x => ../x\n")


def test_gm101_missing_directory(check_tree: CheckTree) -> None:
    f = one(check_tree({"m/go.mod": GM101_MOD}, "m/go.mod"), "GM101")
    assert f.severity is Severity.ERROR
    assert cols(f) == (7, 25, 29)
    assert f.message.startswith("replacement directory ../x does not exist: go fails to load ")
    assert "(replaced by ../x): reading ../x/go.mod: no such file or directory" in f.message
    assert f.related[0].message == "requires example.com/x@v1.0.0"


def test_gm101_directory_without_gomod(check_tree: CheckTree) -> None:
    f = one(check_tree({"m/go.mod": GM101_MOD, "x/": ""}, "m/go.mod"), "GM101")
    assert f.message.startswith("../x has no go.mod")
    assert "Run `go mod init example.com/x` in ../x" in f.message


def test_gm101_other_module_path_is_accepted(check_tree: CheckTree) -> None:
    files = {"m/go.mod": GM101_MOD, "x/go.mod": mod("example.com/other")}
    assert check_tree(files, "m/go.mod") == []


def test_gm101_workspace_wide_replace_names_go_work_relative_paths(
    check_tree: CheckTree,
) -> None:
    files = {
        "go.work": work("./a", "./b"),
        "a/go.mod": mod("example.com/a", "replace example.com/x => ../x\n"),
        "b/go.mod": mod("example.com/b", "require example.com/x v1.0.0\n"),
    }
    f = one(check_tree(files, "a/go.mod"), "GM101")
    assert f.severity is Severity.ERROR
    assert "(replaced by ./x): reading x/go.mod" in f.message
    # b's requirement is served by a's replace, but GM101 already reports the failure.
    assert only(check_tree(files, "b/go.mod"), "GM106") == []


def test_gm101_overridden_by_gowork_is_a_warning(check_tree: CheckTree) -> None:
    files = {
        "go.work": work("./a", extra="replace example.com/x => ./x\n"),
        "a/go.mod": mod(
            "example.com/a", "require example.com/x v1.0.0\n\nreplace example.com/x => ../gone\n"
        ),
        "x/go.mod": mod("example.com/x"),
    }
    f = one(check_tree(files, "a/go.mod"), "GM101")
    assert f.severity is Severity.WARNING
    assert "with GOWORK=off" in f.message and "hides it" in f.message


def test_gm101_not_reported_for_unrequired_replace(check_tree: CheckTree) -> None:
    files = {"m/go.mod": mod("example.com/m", "replace example.com/x => ../x\n")}
    findings = check_tree(files, "m/go.mod")
    assert only(findings, "GM101") == []
    assert "does not exist either" in one(findings, "GM104").message


# -- GM102 ----------------------------------------------------------------------------------


def gm102_files(target: str) -> dict[str, str]:
    return {
        "go.work": work("./a", "./b"),
        "a/go.mod": mod(
            "example.com/a", f"require example.com/b {Z}\n\nreplace example.com/b => {target}\n"
        ),
        "b/go.mod": mod("example.com/b"),
        "b2/go.mod": mod("example.com/b"),
    }


def test_gm102_replace_shadowed_by_workspace(check_tree: CheckTree) -> None:
    files = gm102_files("../b2")
    f = one(check_tree(files, "a/go.mod"), "GM102")
    assert cols(f) == (7, 25, 30)
    assert f.message == (
        "example.com/b is a workspace module: workspace builds compile ../b (../go.work line 5), "
        "but GOWORK=off builds compile ../b2 from this replace. Point the replace at ../b, or "
        "remove b from the workspace."
    )
    (fix,) = f.fixes
    assert not fix.safe
    fixed = apply_edits(files["a/go.mod"], fix.edits)
    assert fixed.endswith("replace example.com/b => ../b\n")


def test_gm102_same_directory_is_silent(check_tree: CheckTree) -> None:
    assert check_tree(gm102_files("../b"), "a/go.mod") == []


def test_gm102_outside_a_workspace_is_silent(check_tree: CheckTree) -> None:
    files = gm102_files("../b2")
    del files["go.work"]
    assert only(check_tree(files, "a/go.mod"), "GM102") == []


# -- GM103 ----------------------------------------------------------------------------------


def test_gm103_workspace_module_without_replace(check_tree: CheckTree) -> None:
    files = {
        "go.work": work("./a", "./b"),
        "a/go.mod": mod("example.com/a", f"require example.com/b {Z}\n"),
        "b/go.mod": mod("example.com/b"),
    }
    f = one(check_tree(files, "a/go.mod"), "GM103")
    assert f.severity is Severity.ERROR
    assert cols(f) == (5, 22, 22 + len(Z))
    assert "`go list -m all`, `go mod download` and `go work sync` fail" in f.message
    (fix,) = f.fixes
    fixed = apply_edits(files["a/go.mod"], fix.edits)
    assert fixed == files["a/go.mod"] + "\nreplace example.com/b => ../b\n"


def test_gm103_module_mode(check_tree: CheckTree) -> None:
    files = {"m/go.mod": mod("example.com/m", f"require example.com/x {Z}\n")}
    f = one(check_tree(files, "m/go.mod"), "GM103")
    assert "go must look it up and fails" in f.message
    assert f.fixes == ()


def test_gm103_placeholder_spelled_with_an_escape(check_tree: CheckTree) -> None:
    # The text never holds the placeholder's digits, its quoted token decodes to them.
    spelled = '"' + Z.replace("-0001", "-\\x30001") + '"'
    files = {"m/go.mod": mod("example.com/m", f"require example.com/x {spelled}\n")}
    assert Z.encode()[6:] not in files["m/go.mod"].encode()
    f = one(check_tree(files, "m/go.mod"), "GM103")
    assert Z in f.message


def test_gm103_served_by_own_replace(check_tree: CheckTree) -> None:
    files = {
        "m/go.mod": mod(
            "example.com/m", f"require example.com/x {Z}\n\nreplace example.com/x => ../x\n"
        ),
        "x/go.mod": mod("example.com/x"),
    }
    assert check_tree(files, "m/go.mod") == []


# -- GM104 / GM105 --------------------------------------------------------------------------


def test_gm104_dead_replace(check_tree: CheckTree) -> None:
    files = {
        "m/go.mod": mod("example.com/m", "replace example.com/x => ../x\n"),
        "x/go.mod": mod("example.com/x"),
    }
    f = one(check_tree(files, "m/go.mod"), "GM104")
    assert cols(f) == (5, 8, 21)
    assert f.message.startswith("this module does not require example.com/x")
    (fix,) = f.fixes
    assert not fix.safe
    assert apply_edits(files["m/go.mod"], fix.edits) == "module example.com/m\n\ngo 1.22\n"


def test_gm104_sibling_requirement_keeps_it_alive(check_tree: CheckTree) -> None:
    files = {
        "go.work": work("./a", "./b"),
        "a/go.mod": mod("example.com/a", "replace example.com/x => ../x\n"),
        "b/go.mod": mod("example.com/b", f"require example.com/x {Z}\n"),
        "x/go.mod": mod("example.com/x"),
    }
    assert only(check_tree(files, "a/go.mod"), "GM104") == []


def test_gm104_silent_when_a_download_could_require_it(check_tree: CheckTree) -> None:
    body = "require example.com/dep v1.0.0\n\nreplace example.com/x => ../x\n"
    files = {"m/go.mod": mod("example.com/m", body), "x/go.mod": mod("example.com/x")}
    assert only(check_tree(files, "m/go.mod"), "GM104") == []


def test_gm105_version_never_matches(check_tree: CheckTree) -> None:
    body = (
        "require example.com/x v1.0.0\n\nreplace (\n\texample.com/x v1.0.0 => ../x\n"
        "\texample.com/x v1.1.0 => ../x\n)\n"
    )
    files = {"m/go.mod": mod("example.com/m", body), "x/go.mod": mod("example.com/x")}
    f = one(check_tree(files, "m/go.mod"), "GM105")
    assert cols(f) == (9, 15, 21)
    assert "requires example.com/x v1.1.0 (required: v1.0.0)" in f.message
    fixed = apply_edits(files["m/go.mod"], f.fixes[0].edits)
    assert "v1.1.0" not in fixed and "example.com/x v1.0.0 => ../x" in fixed


# -- GM106 ----------------------------------------------------------------------------------


def test_gm106_sibling_replace(check_tree: CheckTree) -> None:
    files = {
        "go.work": work("./a", "./b"),
        "a/go.mod": mod("example.com/a", "replace example.com/x => ../x\n"),
        "b/go.mod": mod("example.com/b", f"require example.com/x {Z}\n"),
        "x/go.mod": mod("example.com/x"),
    }
    f = one(check_tree(files, "b/go.mod"), "GM106")
    assert cols(f) == (5, 8, 21)
    assert "served only by the replace in ../a/go.mod line 5" in f.message
    assert "or move the replace to go.work" in f.message
    fixed = apply_edits(files["b/go.mod"], f.fixes[0].edits)
    assert fixed.endswith(f"require example.com/x {Z}\n\nreplace example.com/x => ../x\n")


def test_gm106_published_module_replaced_by_itself_is_silent(check_tree: CheckTree) -> None:
    files = {
        "go.work": work("./a", "./b"),
        "a/go.mod": mod("example.com/a", "replace example.com/x => example.com/x v1.2.3\n"),
        "b/go.mod": mod("example.com/b", "require example.com/x v1.2.3\n"),
    }
    assert only(check_tree(files, "b/go.mod"), "GM106") == []


def test_gm106_workspace_module_at_published_version_is_silent(check_tree: CheckTree) -> None:
    files = {
        "go.work": work("./a", "./b", "./c"),
        "a/go.mod": mod("example.com/a", "require example.com/b v1.0.0\n"),
        "b/go.mod": mod("example.com/b"),
        "c/go.mod": mod("example.com/c", "replace example.com/b => ../b\n"),
    }
    assert only(check_tree(files, "a/go.mod"), "GM106") == []


# -- GM107 / GW109 --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("go", "toolchain", "text"),
    [
        ("1.22.0", "go1.21.0", "is older than the go line"),
        ("1.22.0", "go1.22", "is older than the go line"),
        ("1.22.0", "go1.22.0", "only repeats the go line"),
        ("1.22.0", "default", "names no release of go1.21 or later"),
        ("1.21.0", "go1.20", "names no release of go1.21 or later"),
    ],
)
def test_gm107(check_tree: CheckTree, go: str, toolchain: str, text: str) -> None:
    text_mod = f"module example.com/m\n\ngo {go}\n\ntoolchain {toolchain}\n"
    f = one(check_tree({"m/go.mod": text_mod}, "m/go.mod"), "GM107")
    assert f.severity is Severity.ERROR
    assert cols(f) == (5, 10, 10 + len(toolchain))
    assert text in f.message
    assert "go: updates to go.mod needed; to update it: go mod tidy" in f.message
    (fix,) = f.fixes
    assert fix.safe
    assert apply_edits(text_mod, fix.edits) == f"module example.com/m\n\ngo {go}\n"


@pytest.mark.parametrize(("go", "toolchain"), [("1.22.0", "go1.23.0"), ("1.21", "go1.21.0")])
def test_gm107_newer_toolchain_is_fine(check_tree: CheckTree, go: str, toolchain: str) -> None:
    text_mod = f"module example.com/m\n\ngo {go}\n\ntoolchain {toolchain}\n"
    assert check_tree({"m/go.mod": text_mod}, "m/go.mod") == []


def test_gm107_in_a_workspace_is_a_warning(check_tree: CheckTree) -> None:
    files = {
        "go.work": "go 1.22.0\n\nuse ./a\n",
        "a/go.mod": "module example.com/a\n\ngo 1.22.0\n\ntoolchain go1.21.0\n",
    }
    f = one(check_tree(files, "a/go.mod"), "GM107")
    assert f.severity is Severity.WARNING
    assert f.message.startswith("with GOWORK=off, toolchain go1.21.0")


def test_gw109(check_tree: CheckTree) -> None:
    files = {
        "go.work": "go 1.22.0\n\ntoolchain go1.21.0\n\nuse ./a\n",
        "a/go.mod": mod("example.com/a", go="1.22.0"),
    }
    f = one(check_tree(files, "go.work"), "GW109")
    assert cols(f) == (3, 10, 18)
    assert "has no effect" in f.message
    (fix,) = f.fixes
    assert fix.safe
    assert apply_edits(files["go.work"], fix.edits) == "go 1.22.0\n\nuse ./a\n"
    files["go.work"] = "go 1.22.0\n\ntoolchain go1.22.0\n\nuse ./a\n"
    assert only(check_tree(files, "go.work"), "GW109") == []


def test_toolchain_version() -> None:
    assert toolchain_version("go1.21.3") == "1.21.3"
    assert toolchain_version("go1.21.3-bigcorp") == "1.21.3"
    assert toolchain_version("default") == ""
    assert toolchain_version("go1.x") == ""


# -- modules.py -----------------------------------------------------------------------------


def test_governing_workspace_and_dependencies(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "go.work": work("./a"),
            "a/go.mod": mod("example.com/a", "require example.com/x v1.0.0\n"),
            "x/go.mod": mod("example.com/x"),
            "other/go.mod": mod("example.com/other"),
        },
    )
    snapshot = Snapshot(FileSource(), LANGUAGES)
    assert find_gowork(snapshot, tmp_path / "a") == tmp_path / "go.work"
    view = governing_workspace(snapshot, tmp_path / "a" / "go.mod")
    assert view is not None and view.by_module("example.com/a") is not None
    # the nearest go.work does not use other/: module mode.
    assert governing_workspace(snapshot, tmp_path / "other" / "go.mod") is None
    a_mod = gomod(snapshot, tmp_path / "a" / "go.mod")
    assert a_mod is not None
    graph = module_graph(snapshot, tmp_path / "a" / "go.mod", a_mod)
    assert [r.version for r in graph.requirements_of("example.com/x")] == ["v1.0.0"]
    # reads are recorded: the go.work, so that editing it re-checks the go.mod.
    result = check_file(snapshot, tmp_path / "a" / "go.mod")
    assert tmp_path / "go.work" in result.depends_on


def test_gm101_same_broken_directory_as_gowork_is_not_hidden(check_tree: CheckTree) -> None:
    files = {
        "go.work": "go 1.22\n\nuse ./m\n\nreplace example.com/x => ./x\n",
        "m/go.mod": mod(
            "example.com/m", "require example.com/x v1.0.0\n\nreplace example.com/x => ../x\n"
        ),
    }
    f = one(check_tree(files, "m/go.mod"), "GM101")
    assert f.severity is Severity.WARNING
    assert "which hides it" not in f.message
    assert "go.work replaces it with the same directory, so workspace builds fail too" in f.message
    gw = one(check_tree(files, "go.work"), "GW111")
    assert gw.severity is Severity.ERROR

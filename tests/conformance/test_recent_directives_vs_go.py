"""GM301-GM304 against the real `go`: `tool`, `ignore` and `godebug` lines in go.mod, tools.go."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from go_oracle import GO, SKIP_REASON, offline_env
from gowls.analysis.fixes import apply_edits
from gowls.analysis.workspace import Workspace
from gowls.languages import LANGUAGES
from workspace_files import write_tree

pytestmark = pytest.mark.skipif(GO is None, reason=SKIP_REASON)

MAIN = "package main\n\nfunc main() {}\n"

TOOL_CASES: dict[str, tuple[dict[str, str], bool]] = {
    # name: (files, whether go rejects `go list tool` in ./m)
    "own-package": (
        {
            "m/go.mod": "module example.com/m\n\ngo 1.24\n\ntool example.com/m/cmd/gen\n",
            "m/cmd/gen/main.go": MAIN,
        },
        False,
    ),
    "own-package-missing": (
        {
            "m/go.mod": "module example.com/m\n\ngo 1.24\n\ntool example.com/m/cmd/gone\n",
            "m/main.go": MAIN,
        },
        True,
    ),
    "unrequired-module": (
        {
            "m/go.mod": "module example.com/m\n\ngo 1.24\n\ntool example.com/other/cmd\n",
            "m/main.go": MAIN,
        },
        True,
    ),
    "required-module": (
        {
            "m/go.mod": (
                "module example.com/m\n\ngo 1.24\n\ntool example.com/other/cmd\n\n"
                "require example.com/other v1.0.0\n\nreplace example.com/other => ../other\n"
            ),
            "m/main.go": MAIN,
            "other/go.mod": "module example.com/other\n\ngo 1.24\n",
            "other/cmd/main.go": MAIN,
        },
        False,
    ),
    "workspace-module": (
        {
            "go.work": "go 1.24\n\nuse (\n\t./m\n\t./other\n)\n",
            "m/go.mod": "module example.com/m\n\ngo 1.24\n\ntool example.com/other/cmd\n",
            "m/main.go": MAIN,
            "other/go.mod": "module example.com/other\n\ngo 1.24\n",
            "other/cmd/main.go": MAIN,
        },
        False,
    ),
}


def _codes(root: Path, rel: str) -> list[str]:
    workspace = Workspace([root], languages=LANGUAGES)
    results = {r.path: r for r in workspace.check(workspace.scan())}
    return [f.code for f in results[root / rel].findings]


@pytest.mark.parametrize("name", sorted(TOOL_CASES))
def test_tool_lines_agree_with_go(name: str, tmp_path: Path) -> None:
    files, rejected = TOOL_CASES[name]
    root = write_tree(tmp_path / "repo", files)
    proc = subprocess.run(
        [str(GO), "list", "tool"],
        cwd=root / "m",
        env=offline_env(tmp_path / "home"),
        capture_output=True,
        text=True,
        check=False,
    )
    assert (proc.returncode != 0) == rejected, proc.stderr
    if rejected:
        assert "no required module provides package" in proc.stderr
    assert ("GM301" in _codes(root, "m/go.mod")) == rejected


@pytest.mark.parametrize(
    ("directive", "go_line"),
    [
        ("tool example.com/m/cmd/gen", "1.23"),
        ("ignore ./gen", "1.24"),
        ("godebug panicnil=1", "1.22"),
    ],
)
def test_current_go_accepts_directives_older_go_lines_admit(
    directive: str, go_line: str, tmp_path: Path
) -> None:
    """go 1.27 loads such a module; the warning is about older releases the go line admits."""
    files = {
        "m/go.mod": f"module example.com/m\n\ngo {go_line}\n\n{directive}\n",
        "m/main.go": MAIN,
        "m/cmd/gen/main.go": MAIN,
        "m/gen/gen.go": "package gen\n",
    }
    root = write_tree(tmp_path / "repo", files)
    proc = subprocess.run(
        [str(GO), "list", "-deps", "./..."],
        cwd=root / "m",
        env=offline_env(tmp_path / "home"),
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert _codes(root, "m/go.mod") == ["GM302"]


@pytest.mark.parametrize(
    ("entry", "has_effect"),
    [("./gen", True), ("./testdata", False), ("./_tmp", False), ("./missing", False)],
)
def test_ignore_entries_with_and_without_effect(
    entry: str, has_effect: bool, tmp_path: Path
) -> None:
    files = {
        "m/go.mod": f"module example.com/m\n\ngo 1.25\n\nignore {entry}\n",
        "m/main.go": MAIN,
        "m/gen/gen.go": "package gen\n",
        "m/testdata/x/x.go": "package x\n",
        "m/_tmp/y/y.go": "package y\n",
    }
    root = write_tree(tmp_path / "repo", files)
    env = offline_env(tmp_path / "home")
    with_entry = subprocess.run(
        [str(GO), "list", "./..."],
        cwd=root / "m",
        env=env,
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    (root / "m" / "go.mod").write_text("module example.com/m\n\ngo 1.25\n", encoding="utf-8")
    without = subprocess.run(
        [str(GO), "list", "./..."],
        cwd=root / "m",
        env=env,
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    assert (with_entry != without) == has_effect
    (root / "m" / "go.mod").write_text(files["m/go.mod"], encoding="utf-8")
    # A missing path has no effect either, but it may be generated later: its own hint.
    codes = _codes(root, "m/go.mod")
    assert ("GM303" in codes) == (not has_effect and entry != "./missing")
    assert ("GM306" in codes) == (entry == "./missing")


TOOLS_GO = '//go:build tools\n\npackage tools\n\nimport _ "example.com/gen/cmd/gen"\n'


def _tidy(root: Path, home: Path) -> str:
    proc = subprocess.run(
        [str(GO), "mod", "tidy"],
        cwd=root / "m",
        env=offline_env(home),
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    return (root / "m" / "go.mod").read_text(encoding="utf-8")


@pytest.mark.parametrize("with_tool", [True, False])
def test_tools_go_import_beside_a_tool_line_is_redundant(with_tool: bool, tmp_path: Path) -> None:
    """GM304: with a `tool` line, removing the tools.go import (the fix) keeps the requirement
    (tidy marks it `// indirect`, as for any tool-only module) and `go list tool` still lists
    the tool; without one, the import is what keeps the requirement, and gowls says nothing."""
    tool = "tool example.com/gen/cmd/gen\n\n" if with_tool else ""
    files = {
        "m/go.mod": (
            f"module example.com/m\n\ngo 1.24\n\n{tool}require example.com/gen v1.0.0\n\n"
            "replace example.com/gen => ../gen\n"
        ),
        "m/main.go": MAIN,
        "m/tools.go": TOOLS_GO,
        "gen/go.mod": "module example.com/gen\n\ngo 1.24\n",
        "gen/cmd/gen/main.go": MAIN,
    }
    root = write_tree(tmp_path / "repo", files)
    home = tmp_path / "home"
    before = _tidy(root, home)
    assert "example.com/gen v1.0.0" in before
    workspace = Workspace([root], languages=LANGUAGES)
    results = {r.path: r for r in workspace.check(workspace.scan())}
    hints = [f for f in results[root / "m/go.mod"].findings if f.code == "GM304"]
    assert len(hints) == (1 if with_tool else 0)
    if not with_tool:
        (root / "m/tools.go").write_text("//go:build tools\n\npackage tools\n", encoding="utf-8")
        assert "example.com/gen v1.0.0" not in _tidy(root, home), "the import kept it"
        return
    ((edit,),) = [fix.edits for fix in hints[0].fixes]
    tools = root / "m/tools.go"
    tools.write_bytes(apply_edits(tools.read_bytes(), [edit]))
    assert "example.com/gen" not in tools.read_text(encoding="utf-8")
    after = _tidy(root, home)
    assert after == before.replace("gen v1.0.0\n", "gen v1.0.0 // indirect\n")
    listed = subprocess.run(
        [str(GO), "list", "tool"],
        cwd=root / "m",
        env=offline_env(home),
        capture_output=True,
        text=True,
        check=False,
    )
    assert listed.stdout.split() == ["example.com/gen/cmd/gen"], listed.stderr

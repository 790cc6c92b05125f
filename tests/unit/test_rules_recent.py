"""GM304: the tools.go leftover beside a `tool` directive (GM301-GM303 are proved against go)."""

from __future__ import annotations

from pathlib import Path

from unit_helpers import apply_edits

from gowls.analysis.engine import check_file
from gowls.analysis.snapshot import Snapshot
from gowls.analysis.source import FileSource
from gowls.languages import LANGUAGES
from workspace_files import write_tree

TOOLS_GO = (
    "//go:build tools\n\npackage tools\n\nimport (\n"
    '\t_ "example.com/m/cmd/gen"\n\t_ "example.com/m/cmd/other"\n)\n'
)


def _files(go: str) -> dict[str, str]:
    return {
        "go.mod": f"module example.com/m\n\ngo {go}\n\ntool example.com/m/cmd/gen\n",
        "tools.go": TOOLS_GO,
        "cmd/gen/main.go": "package main\n\nfunc main() {}\n",
        "cmd/other/main.go": "package main\n\nfunc main() {}\n",
        "main.go": 'package main\n\nimport _ "example.com/m/cmd/gen"\n\nfunc main() {}\n',
    }


def test_tools_go_import_of_a_tool_is_a_leftover(tmp_path: Path) -> None:
    write_tree(tmp_path, _files("1.24"))
    result = check_file(Snapshot(FileSource(), LANGUAGES), tmp_path / "go.mod")
    (hint,) = [f for f in result.findings if f.code == "GM304"]
    assert hint.span.start.line == 4
    assert "tools.go line 6 still imports example.com/m/cmd/gen" in hint.message
    (fix,) = hint.fixes
    (edit,) = fix.edits
    assert edit.path == tmp_path / "tools.go"
    assert apply_edits(TOOLS_GO, [edit]) == TOOLS_GO.replace('\t_ "example.com/m/cmd/gen"\n', "")


def test_before_go_1_24_tools_go_is_the_way(tmp_path: Path) -> None:
    write_tree(tmp_path, _files("1.23"))
    result = check_file(Snapshot(FileSource(), LANGUAGES), tmp_path / "go.mod")
    assert "GM304" not in [f.code for f in result.findings]

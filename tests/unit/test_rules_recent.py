"""GM304: the tools.go leftover beside a `tool` directive; GM305's silent cases and its minimal
edit (GM301-GM303 and GM305's merges are proved against go in tests/conformance)."""

from __future__ import annotations

from pathlib import Path

from unit_helpers import apply_edits

from gowls.analysis.edits import replace_changed_lines
from gowls.analysis.engine import check_file
from gowls.analysis.go.tidylayout import already_settled, merged_by_tidy
from gowls.analysis.snapshot import Snapshot
from gowls.analysis.source import FileSource
from gowls.languages import LANGUAGES
from gowls.syntax.gomod import parse_gomod
from gowls.syntax.positions import LineIndex
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


THREE = (
    "require example.com/a v1.0.0\n\nrequire example.com/b v1.0.0\n\n"
    "require example.com/c v1.0.0 // indirect\n"
)


def _gm305(tmp_path: Path, gomod: str) -> list[str]:
    write_tree(tmp_path, {"go.mod": gomod})
    result = check_file(Snapshot(FileSource(), LANGUAGES), tmp_path / "go.mod")
    return [f.message for f in result.findings if f.code == "GM305"]


def test_require_merge_hint_needs_go_1_27(tmp_path: Path) -> None:
    head = "module example.com/m\n\n"
    assert len(_gm305(tmp_path, f"{head}go 1.27\n\n{THREE}")) == 1
    assert len(_gm305(tmp_path, f"{head}go 1.28rc1\n\n{THREE}")) == 1
    assert _gm305(tmp_path, f"{head}go 1.26\n\n{THREE}") == []
    assert _gm305(tmp_path, f"{head}{THREE}") == []  # no go line: go 1.16 semantics


def test_require_merge_hint_is_silent_where_tidy_would_choose_versions(tmp_path: Path) -> None:
    """A path required twice (tidy keeps one version) or a file go rejects: no merge hint."""
    head = "module example.com/m\n\ngo 1.27\n\n"
    assert _gm305(tmp_path, f"{head}{THREE}\nrequire example.com/a v1.2.0\n") == []
    assert _gm305(tmp_path, f"{head}{THREE}\nrequire example.com/d v1\n") == []
    assert _gm305(tmp_path, f"{head}{THREE}\nrequire (\n") == []


def test_replace_changed_lines_spans_only_the_differing_lines() -> None:
    old = b"a\nb\nc\nd\n"
    edit = replace_changed_lines(Path("f"), LineIndex(old), b"a\nB\nC\nd\n")
    assert edit is not None
    assert (edit.span.start.line, edit.span.end.line, edit.new_text) == (1, 3, "B\nC\n")
    assert replace_changed_lines(Path("f"), LineIndex(old), old) is None
    # the last line gains its newline
    edit = replace_changed_lines(Path("f"), LineIndex(b"a\nb"), b"a\nb\n")
    assert edit is not None
    assert apply_edits("a\nb", [edit]) == "a\nb\n"


_D, _I = "example.com/d v1.0.0", "example.com/i v1.0.0 // indirect"
SETTLED_CASES = {
    "direct-then-indirect": (f"require (\n\t{_D}\n\tx.org/d2 v1.0.0\n)\n\nrequire {_I}\n", True),
    "indirect-then-direct": (f"require {_I}\n\nrequire {_D}\n", True),
    "comment-above-block": (f"// pinned\nrequire (\n\t{_D}\n)\n\nrequire {_I}\n", False),
    "blank-line-in-block": (
        f"require (\n\t{_D}\n\n\tx.org/d2 v1.0.0\n)\n\nrequire {_I}\n",
        False,
    ),
    "note-on-indirect": (f"require {_D}\n\nrequire {_I}; why\n", False),
    "mixed-block": (f"require (\n\t{_D}\n\t{_I}\n)\n\nrequire x.org/d2 v1.0.0\n", False),
    "two-direct": (f"require {_D}\n\nrequire x.org/d2 v1.0.0\n", False),
}


def test_already_settled_never_skips_a_change() -> None:
    """The cheap test GM305 runs first: when it says settled, the merge changes nothing."""
    for name, (body, settled) in SETTLED_CASES.items():
        data = f"module example.com/m\n\ngo 1.27\n\n{body}".encode()
        assert already_settled(parse_gomod(data)) is settled, name
        if settled:
            assert merged_by_tidy(data) is None, name

"""The foundation rules (GW001, GW101-GW104, GM001) on small workspaces written to disk."""

from __future__ import annotations

from pathlib import Path

import pytest
from unit_helpers import CheckTree, apply_edits, cols

from gowls.analysis.findings import Finding, Severity
from gowls.languages import LANGUAGES

MOD_A = "module example.com/a\n\ngo 1.22\n"
MOD_B = "module example.com/b\n\ngo 1.22\n"


def only(findings: list[Finding], code: str) -> list[Finding]:
    return [f for f in findings if f.code == code]


def test_rules_are_registered() -> None:
    for code in ("GW001", "GW101", "GW102", "GW103", "GW104", "GM001"):
        assert LANGUAGES.rule(code) is not None
        info = LANGUAGES.rule(code).info
        assert info.severity is Severity.ERROR
        assert info.summary and info.explanation
        assert info.url.endswith(f"#{code.lower()}-{info.name}")


def test_clean_workspace(check_tree: CheckTree) -> None:
    files = {
        "go.work": 'go 1.22\n\nuse (\n\t./a\n\t"./b" // quoted\n)\n',
        "a/go.mod": MOD_A,
        "b/go.mod": MOD_B,
    }
    assert check_tree(files, "go.work") == []
    assert check_tree(files, "a/go.mod") == []


# -- GW001 ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("work", "line", "start", "end", "message"),
    [
        ("go 1.22\nuse ./a ./b\n", 2, 0, 11, "usage: use local/dir. Write one directory per use"),
        ("go 1.22\nuse ./a\nfrob x\n", 3, 0, 4, "unknown directive: frob. A go.work file accepts"),
        ("go 1.2.3.4\nuse ./a\n", 1, 3, 10, "invalid go version '1.2.3.4': must match format"),
        (
            "go 1.22\nuse ./a\nreplace example.com/x 1.2.3 => ./x\n",
            3,
            22,
            27,
            'version "1.2.3" invalid: must be of the form v1.2.3',
        ),
        (
            "go 1.22\nuse ./a\nreplace example.com/x\n",
            3,
            0,
            21,
            "usage: replace module/path [v1.2.3] => other/module v1.4 or replace",
        ),
        ("go 1.22\nuse ./a\nfrob (\n\tx\n)\n", 3, 0, 4, "unknown block type: frob"),
        ("go 1.22\nuse ./a\ngo 1.23\n", 3, 0, 7, "repeated go statement"),
        ("go 1.22\nmodule x\nuse ./a\n", 2, 0, 6, "module belongs in a go.mod file"),
    ],
)
def test_gw001(
    check_tree: CheckTree, work: str, line: int, start: int, end: int, message: str
) -> None:
    findings = only(check_tree({"go.work": work, "a/go.mod": MOD_A}), "GW001")
    assert len(findings) == 1
    (f,) = findings
    assert f.severity is Severity.ERROR
    assert cols(f) == (line, start, end)
    assert message in f.message
    assert "\n" not in f.message


def test_gw001_unterminated_block_is_reported_at_the_end(check_tree: CheckTree) -> None:
    work = "go 1.22\nuse (\n\t./a\n"
    (f,) = only(check_tree({"go.work": work, "a/go.mod": MOD_A}), "GW001")
    assert "syntax error (unterminated block started at go.work:2:1)" in f.message
    assert (f.span.start.line, f.span.start.column) == (3, 0)  # go: go.work:4
    assert f.related and f.related[0].span.start.line == 1


# -- GW101 ----------------------------------------------------------------------------------


def test_gw101_missing_dir_and_fix(check_tree: CheckTree) -> None:
    work = "go 1.22\n\nuse (\n\t./a\n\t./missing // gone\n)\n"
    findings = check_tree({"go.work": work, "a/go.mod": MOD_A})
    (f,) = findings
    assert f.code == "GW101"
    assert cols(f) == (5, 1, 10)
    assert "cannot load module missing listed in go.work file" in f.message
    assert "open missing/go.mod: no such file or directory" in f.message
    assert f.fixable
    (fix,) = f.fixes
    assert apply_edits(work, fix.edits) == "go 1.22\n\nuse (\n\t./a\n)\n"


def test_gw101_single_line_use_last_line_without_newline(check_tree: CheckTree) -> None:
    work = "go 1.22\nuse ./a\nuse ./nope"
    (f,) = check_tree({"go.work": work, "a/go.mod": MOD_A})
    assert f.code == "GW101" and cols(f) == (3, 4, 10)
    assert apply_edits(work, f.fixes[0].edits) == "go 1.22\nuse ./a"


def test_gw101_absolute_and_non_ascii(check_tree: CheckTree, tmp_path: Path) -> None:
    work = "go 1.22\nuse ./ä/é\nuse /nonexistent/gowls-test\n"
    findings = check_tree({"go.work": work})
    assert [(f.code, cols(f)) for f in findings] == [
        ("GW101", (2, 4, 11)),  # byte columns: ä and é are two bytes each
        ("GW101", (3, 4, 27)),
    ]
    assert "cannot load module ä/é listed in go.work file" in findings[0].message
    assert "open /nonexistent/gowls-test/go.mod" in findings[1].message


def test_gw101_crlf_fix(check_tree: CheckTree) -> None:
    work = "go 1.22\r\nuse ./gone\r\nuse ./a\r\n"
    (f,) = check_tree({"go.work": work, "a/go.mod": MOD_A})
    assert f.code == "GW101"
    assert apply_edits(work, f.fixes[0].edits) == "go 1.22\r\nuse ./a\r\n"


# -- GW102 ----------------------------------------------------------------------------------


def test_gw102_dir_without_gomod(check_tree: CheckTree) -> None:
    work = "go 1.22\nuse ./a\nuse ./docs\n"
    (f,) = check_tree({"go.work": work, "a/go.mod": MOD_A, "docs/README.md": "hi\n"})
    assert f.code == "GW102" and cols(f) == (3, 4, 10)
    assert "cannot load module docs listed in go.work file: open docs/go.mod" in f.message
    assert not f.fixable  # the removal is offered, not applied blindly
    assert apply_edits(work, f.fixes[0].edits) == "go 1.22\nuse ./a\n"


def test_gw102_dot_without_gomod(check_tree: CheckTree) -> None:
    (f,) = check_tree({"go.work": "go 1.22\nuse .\n"})
    assert f.code == "GW102" and cols(f) == (2, 4, 5)
    assert "cannot load module . listed in go.work file: open go.mod" in f.message


# -- GW103 ----------------------------------------------------------------------------------


def test_gw103_same_dir_spelled_differently(check_tree: CheckTree) -> None:
    work = "go 1.22\nuse (\n\t./a\n\ta\n\t./a/\n)\n"
    findings = check_tree({"go.work": work, "a/go.mod": MOD_A})
    assert [(f.code, cols(f)) for f in findings] == [("GW103", (4, 1, 2)), ("GW103", (5, 1, 5))]
    first = findings[0]
    assert "path a appears multiple times in workspace" in first.message
    assert "line 3" in first.message
    assert first.related[0].span.start.line == 2
    assert first.fixable
    assert apply_edits(work, first.fixes[0].edits) == "go 1.22\nuse (\n\t./a\n\t./a/\n)\n"
    both = [e for f in findings for e in f.fixes[0].edits]
    assert apply_edits(work, both) == "go 1.22\nuse (\n\t./a\n)\n"


def test_gw103_no_gw104_for_the_same_dir(check_tree: CheckTree) -> None:
    findings = check_tree({"go.work": "go 1.22\nuse ./a\nuse ./a/\n", "a/go.mod": MOD_A})
    assert [f.code for f in findings] == ["GW103"]


def test_gw103_missing_dir_twice(check_tree: CheckTree) -> None:
    findings = check_tree({"go.work": "go 1.22\nuse ./x\nuse x\n"})
    assert sorted(f.code for f in findings) == ["GW101", "GW101", "GW103"]


# -- GW104 ----------------------------------------------------------------------------------


def test_gw104_module_path_twice(check_tree: CheckTree, tmp_path: Path) -> None:
    work = "go 1.22\nuse (\n\t./a\n\t./b\n\t./c\n)\n"
    files = {"go.work": work, "a/go.mod": MOD_A, "b/go.mod": MOD_B, "c/go.mod": MOD_A}
    (f,) = check_tree(files)
    assert f.code == "GW104" and cols(f) == (5, 1, 4)
    assert "module example.com/a appears multiple times in workspace" in f.message
    assert not f.fixes
    related = {r.path: r for r in f.related}
    assert related[tmp_path / "c" / "go.mod"].span.start.line == 0
    assert tmp_path / "go.work" in related


# -- GM001 ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mod", "line", "message"),
    [
        (
            MOD_A + "require example.com/x 1.2.3\n",
            4,
            'require example.com/x: version "1.2.3" invalid: must be of the form v1.2.3',
        ),
        (MOD_A + "frob x\n", 4, "unknown directive: frob. A go.mod file accepts module"),
        (MOD_A + "use ./b\n", 4, "use belongs in a go.work file"),
        (MOD_A + "retract [v1.0.0 v1.1.0]\n", 4, "expected ',' after version"),
        (MOD_A + "go 1.23\n", 4, "repeated go statement"),
        (MOD_A + "godebug x\n", 4, "usage: godebug key=value"),
    ],
)
def test_gm001(check_tree: CheckTree, mod: str, line: int, message: str) -> None:
    files = {"go.work": "go 1.22\nuse ./a\n", "a/go.mod": mod}
    (f,) = check_tree(files, "a/go.mod")
    assert f.code == "GM001" and f.severity is Severity.ERROR
    assert f.span.start.line + 1 == line
    assert message in f.message
    # the go.work itself is fine: go.mod syntax is reported where it is
    assert check_tree(files, "go.work") == []


def test_gm001_unterminated_block(check_tree: CheckTree) -> None:
    mod = MOD_A + "require (\n\texample.com/x v1.0.0\n"
    (f,) = check_tree({"a/go.mod": mod}, "a/go.mod")
    assert f.span.start.line + 1 == 6  # go: a/go.mod:6 (end of file)
    assert "unterminated block started at go.mod:4:1" in f.message


def test_findings_record_dependencies(tmp_path: Path, check_tree: CheckTree) -> None:
    from gowls.analysis.engine import check_file
    from gowls.analysis.snapshot import Snapshot
    from gowls.analysis.source import FileSource

    check_tree({"go.work": "go 1.22\nuse ./a\nuse ./b\n", "a/go.mod": MOD_A, "b/go.mod": MOD_B})
    result = check_file(Snapshot(FileSource(), LANGUAGES), tmp_path / "go.work")
    assert result.findings == ()
    assert tmp_path / "a" / "go.mod" in result.depends_on
    assert tmp_path / "b" / "go.mod" in result.depends_on

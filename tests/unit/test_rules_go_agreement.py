"""Fixes and wording of the rules that make gowls agree with go (GM108-GM113, GW101, GW111)."""

from __future__ import annotations

from unit_helpers import CheckTree, apply_edits

from gowls.analysis.findings import Finding, Severity
from gowls.syntax.modpath import check_import_path

A = "module example.com/a\n\ngo 1.22\n"


def one(findings: list[Finding], code: str) -> Finding:
    hits = [f for f in findings if f.code == code]
    assert len(hits) == 1, findings
    return hits[0]


def test_gm112_raise_is_safe_and_raises_to_the_selected_version(check_tree: CheckTree) -> None:
    text = A + "\nrequire (\n\texample.com/x v1.0.0\n\texample.com/y v1.0.0\n)\n\nreplace (\n"
    text += "\texample.com/x => ./x\n\texample.com/y => ./y\n)\n"
    files = {
        "go.mod": text,
        "x/go.mod": "module example.com/x\n\ngo 1.23\n\nrequire example.com/y v1.2.0\n",
        "y/go.mod": "module example.com/y\n\ngo 1.22\n",
    }
    findings = [f for f in check_tree(files, "go.mod") if f.code == "GM112"]
    (raise_y,) = [f for f in findings if f.span.start.line == 6]
    (fix,) = raise_y.fixes
    assert fix.safe and fix.title == "Raise example.com/y to v1.2.0"
    assert "\texample.com/y v1.2.0\n" in apply_edits(text, fix.edits)
    (go_line,) = [f for f in findings if f.span.start.line == 2]
    assert not go_line.fixes[0].safe
    assert apply_edits(text, go_line.fixes[0].edits).startswith(A.replace("1.22", "1.23"))


def test_gm111_fix_writes_the_version_go_reads(check_tree: CheckTree) -> None:
    text = "module example.com/a\n\ngo 1.21rc01\n"
    f = one(check_tree({"go.mod": text}, "go.mod"), "GM111")
    assert apply_edits(text, f.fixes[0].edits) == "module example.com/a\n\ngo 1.21rc1\n"


def test_gm108_offers_removing_the_later_replace(check_tree: CheckTree) -> None:
    text = A + "\nreplace example.com/x => ./x1\n\nreplace example.com/x => ./x2\n"
    f = one(check_tree({"go.mod": text}, "go.mod"), "GM108")
    assert f.span.start.line == 6 and f.related[0].span.start.line == 4
    assert apply_edits(text, f.fixes[0].edits) == A + "\nreplace example.com/x => ./x1\n"


def test_gm110_in_a_workspace_is_a_warning(check_tree: CheckTree) -> None:
    mod = A + "\nrequire example.com/x v1.0.0\n\nexclude example.com/x v1.0.0\n"
    files = {"go.work": "go 1.22\n\nuse ./a\n", "a/go.mod": mod}
    f = one(check_tree(files, "a/go.mod"), "GM110")
    assert f.severity is Severity.WARNING and f.message.startswith("with GOWORK=off, ")


def test_gw101_use_of_a_gomod_file_is_fixed_to_its_directory(check_tree: CheckTree) -> None:
    text = "go 1.22\n\nuse ./a/go.mod\n"
    f = one(check_tree({"go.work": text, "a/go.mod": A}, "go.work"), "GW101")
    assert "not a directory" in f.message
    assert apply_edits(text, f.fixes[0].edits) == "go 1.22\n\nuse ./a\n"


def test_gw111_names_the_requirement_it_breaks(check_tree: CheckTree) -> None:
    files = {
        "go.work": "go 1.22\n\nuse ./a\n\nreplace example.com/x => ./x\n",
        "a/go.mod": A + "\nrequire example.com/x v1.0.0\n",
    }
    f = one(check_tree(files, "go.work"), "GW111")
    assert f.related[0].message == "requires example.com/x@v1.0.0"


def test_module_path_rules() -> None:
    assert check_import_path("example.com/a") is None
    assert check_import_path("Mymod/a+b/x~y") is None
    assert check_import_path("example.com//a") == "double slash"
    assert check_import_path("example.com/LPT1.txt") == (
        '"LPT1" disallowed as path element component on Windows'
    )
    assert check_import_path("example.com/a~1") == "trailing tilde and digits in path element"
    assert check_import_path("example.com/é") == "invalid char 'é'"

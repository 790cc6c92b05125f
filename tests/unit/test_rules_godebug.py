"""The godebug rules (GW002, GM002): fixes, and the GODEBUG table against the installed go."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from unit_helpers import CheckTree, apply_edits

from go_oracle import GO, SKIP_REASON
from gowls.analysis.findings import Finding, Severity
from gowls.analysis.go.data.godebugs import GODEBUG_GO, GODEBUGS, REMOVED_GODEBUGS

A = "module example.com/a\n\ngo 1.22\n"


def work(line: str) -> str:
    return f"go 1.22\n\n{line}\n\nuse ./a\n"


def gw002(check_tree: CheckTree, line: str) -> list[Finding]:
    return [
        f
        for f in check_tree({"go.work": work(line), "a/go.mod": A}, "go.work")
        if f.code == "GW002"
    ]


def fixed(finding: Finding, text: str) -> str:
    (fix,) = finding.fixes
    return apply_edits(text, fix.edits)


def test_default_without_go_prefix_is_fixed_safely(check_tree: CheckTree) -> None:
    (f,) = gw002(check_tree, "godebug default=1.21")
    assert f.message.startswith("value for default= must be goVERSION: go rejects the go.work")
    assert f.fixes[0].safe
    assert fixed(f, work("godebug default=1.21")) == work("godebug default=go1.21")


def test_unknown_key_close_to_a_known_one(check_tree: CheckTree) -> None:
    (f,) = gw002(check_tree, "godebug paniknil=1")
    assert 'unknown godebug "paniknil"' in f.message and "did you mean panicnil?" in f.message
    assert not f.fixes[0].safe
    assert fixed(f, work("godebug paniknil=1")) == work("godebug panicnil=1")


def test_removed_setting_fix_removes_the_line(check_tree: CheckTree) -> None:
    (f,) = gw002(check_tree, "godebug tls3des=1")
    assert f.message.startswith('removed GODEBUG "tls3des" set to old value "1"')
    assert fixed(f, work("godebug tls3des=1")) == "go 1.22\n\nuse ./a\n"


@pytest.mark.parametrize(
    "line", ["godebug tls3des=0", "godebug default=go1.20", "godebug default=go1.27.3"]
)
def test_accepted(check_tree: CheckTree, line: str) -> None:
    assert gw002(check_tree, line) == []


def test_gomod_in_workspace_is_a_warning(check_tree: CheckTree) -> None:
    files = {"go.work": "go 1.22\n\nuse ./a\n", "a/go.mod": A + "\ngodebug foo=1\n"}
    (f,) = [f for f in check_tree(files, "a/go.mod") if f.code == "GM002"]
    assert f.severity is Severity.WARNING
    assert f.message.startswith('with GOWORK=off, go rejects this line (unknown godebug "foo")')


def test_table_matches_the_installed_go() -> None:
    """GODEBUGS and REMOVED_GODEBUGS are Go's internal/godebugs tables (refreshed by hand)."""
    if GO is None:
        pytest.skip(SKIP_REASON)
    root = subprocess.run([GO, "env", "GOROOT"], capture_output=True, text=True, check=True)
    table = Path(root.stdout.strip()) / "src" / "internal" / "godebugs" / "table.go"
    if not table.is_file():
        pytest.skip(f"{table} is not shipped with this go")
    version = subprocess.run([GO, "env", "GOVERSION"], capture_output=True, text=True, check=True)
    assert version.stdout.strip().startswith(f"go{GODEBUG_GO}"), "refresh the GODEBUG tables"
    text = table.read_text(encoding="utf-8")
    known = {
        (m[1], m[2], int(m[4] or 0), m[6] or "")
        for m in re.finditer(
            r'^\t\{Name: "(\w+)", Package: "([\w/]+)"(.*?Changed: (\d+))?(.*?Old: "(\w*)")?',
            text,
            re.M,
        )
    }
    assert {(g.key, g.package, g.changed, g.old) for g in GODEBUGS} == known
    removed = {(m[1], int(m[2])) for m in re.finditer(r'\{Name: "(\w+)", Removed: (\d+)', text)}
    assert {(g.key, g.removed) for g in REMOVED_GODEBUGS} == removed

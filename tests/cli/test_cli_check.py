"""`gowls --check` through the real entry point (`python -m gowls`) in a subprocess."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from workspace_files import run_gowls as gowls
from workspace_files import write_tree as write

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
MOD_A = "module example.com/a\n\ngo 1.22\n"
KEYS = {
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "severity",
    "code",
    "message",
    "fixable",
}
TEXT_ROW = re.compile(
    r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<sev>\w+): .+ \[(?P<code>\w+)\]$"
)


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """Two workspaces: one with a missing use dir and a go.mod syntax error, one clean."""
    return write(
        tmp_path,
        {
            "ws/go.work": "go 1.22\n\nuse (\n\t./a\n\t./ä/😀\n)\n",
            "ws/a/go.mod": MOD_A + "require example.com/x 1.2.3\n",
            "clean/go.work": "go 1.22\nuse ./a\n",
            "clean/a/go.mod": MOD_A,
        },
    )


def test_version() -> None:
    proc = gowls(["--version"], Path.cwd())
    assert proc.returncode == 0
    assert re.fullmatch(r"gowls \d+\.\d+\.\d+\S*\n", proc.stdout)


def test_clean_tree_exits_0(broken: Path) -> None:
    proc = gowls(["--check", "clean"], broken)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "No problems found in 2 files.\n"
    assert proc.stderr == ""


def test_text_format(broken: Path) -> None:
    proc = gowls(["--check", "ws"], broken)
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    rows = [TEXT_ROW.match(line) for line in lines[:-1]]
    assert all(rows), lines
    got = [(m["path"], int(m["line"]), int(m["col"]), m["sev"], m["code"]) for m in rows if m]
    assert got == [
        ("ws/a/go.mod", 4, 23, "error", "GM001"),
        ("ws/go.work", 5, 2, "error", "GW101"),
    ]
    assert re.fullmatch(r"Found 2 problems \(2 errors\b.*\) in 2 files\.", lines[-1]), lines[-1]


def test_json_contract(broken: Path) -> None:
    proc = gowls(["--check", "ws", "clean", "--output-format", "json"], broken)
    assert proc.returncode == 1
    rows = json.loads(proc.stdout)
    assert isinstance(rows, list) and len(rows) == 2
    for row in rows:
        assert set(row) == KEYS
        assert "\\" not in row["path"] and not row["path"].startswith("/")
        assert row["severity"] in ("error", "warning", "information", "hint")
        assert isinstance(row["fixable"], bool)
    keys = [(r["path"], r["line"], r["column"]) for r in rows]
    assert keys == sorted(keys)
    gm, gw = rows
    assert gm == {
        "path": "ws/a/go.mod",
        "line": 4,
        "column": 23,
        "end_line": 4,
        "end_column": 28,
        "severity": "error",
        "code": "GM001",
        "message": gm["message"],
        "fixable": False,
    }
    assert 'version "1.2.3" invalid: must be of the form v1.2.3' in gm["message"]
    # "./ä/😀" is 5 characters (but 9 bytes, 6 UTF-16 units): columns count characters.
    assert (gw["path"], gw["line"], gw["column"], gw["end_line"], gw["end_column"]) == (
        "ws/go.work",
        5,
        2,
        5,
        7,
    )
    assert gw["code"] == "GW101" and gw["fixable"] is True
    assert "cannot load module ä/😀 listed in go.work file" in gw["message"]


def test_paths_relative_to_cwd(broken: Path) -> None:
    proc = gowls(
        ["--check", str(broken / "ws" / "go.work"), "--output-format", "json"], broken / "ws" / "a"
    )
    (row,) = json.loads(proc.stdout)
    assert row["path"] == "../go.work"


def test_json_empty_array_when_clean(broken: Path) -> None:
    proc = gowls(["--check", "clean", "--output-format", "json"], broken)
    assert proc.returncode == 0
    assert json.loads(proc.stdout) == []


def test_default_path_is_cwd(broken: Path) -> None:
    assert gowls(["--check"], broken / "clean").returncode == 0
    assert gowls(["--check"], broken / "ws").returncode == 1


@pytest.mark.parametrize(("fail_on", "code"), [("error", 1), ("warning", 1), ("information", 1)])
def test_fail_on_with_errors(broken: Path, fail_on: str, code: int) -> None:
    assert gowls(["--check", "ws", "--fail-on", fail_on], broken).returncode == code


WARNING_RULE = """
import dataclasses
import sys
from gowls import languages
from gowls.analysis.findings import Severity
from gowls.analysis.go.language import GOMOD, GOWORK
from gowls.analysis.language import Languages
from gowls.analysis.registry import RuleInfo, finding, rule
from gowls.main import main
from gowls.syntax.positions import Span

@rule(RuleInfo("GW901", "test-warning", "go.work", Severity.WARNING, "test", "test"))
def _warn(ctx, info):
    yield finding(info, ctx.path, Span.of(0, 0, 0, 2), "a warning for the test")

extended = GOWORK.with_parts(rules=(*GOWORK.rules, _warn))
languages.LANGUAGES = Languages([extended, GOMOD])
raise SystemExit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize(("fail_on", "code"), [(None, 1), ("warning", 1), ("error", 0)])
def test_fail_on_threshold_with_a_warning(broken: Path, fail_on: str | None, code: int) -> None:
    args = ["--check", "clean"] + (["--fail-on", fail_on] if fail_on else [])
    proc = subprocess.run(
        [sys.executable, "-c", WARNING_RULE, *args],
        cwd=broken,
        env={k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert "clean/go.work:1:1: warning: a warning for the test [GW901]" in proc.stdout
    assert proc.returncode == code, proc.stdout + proc.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["--check", "does-not-exist"],
        ["--check", ".", "--output-format", "xml"],
        ["--check", ".", "--fail-on", "bogus"],
        ["--check", ".", "--no-such-flag"],
        ["--check", "--tcp", "127.0.0.1:1"],
    ],
)
def test_usage_errors_exit_2_with_one_line(broken: Path, args: list[str]) -> None:
    proc = gowls(args, broken)
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("gowls: error:")
    assert "Traceback" not in proc.stderr


def test_nonexistent_path_message(broken: Path) -> None:
    proc = gowls(["--check", "clean", "nope"], broken)
    assert proc.returncode == 2
    assert proc.stderr == "gowls: error: nope: no such file or directory\n"


# -- the shared corpus --------------------------------------------------------------------

needs_corpus = pytest.mark.skipif(
    not (CORPUS / "gowork").is_dir(), reason=f"shared corpus not found at {CORPUS}"
)
CLOUD_WORK = CORPUS / "gowork" / "moby__moby" / "vendor" / "cloud.google.com" / "go" / "go.work"


@needs_corpus
def test_corpus_is_clean() -> None:
    repo = Path(__file__).resolve().parents[2]
    # go loads every workspace there: no error. (Warnings name GOWORK=off hazards; they are
    # listed one by one in tests/conformance/test_corpus_warnings.py.)
    proc = gowls(["--check", "--fail-on", "error", "../shared/corpus/gowork"], repo)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr
    assert proc.stderr == ""
    assert ": error: " not in proc.stdout


def _use_entries(text: str) -> list[str]:
    """The use paths of a go.work written in block form, one directory per line."""
    inside, found = False, []
    for raw in text.splitlines():
        line = raw.split("//", 1)[0].strip()
        if line.startswith("use ("):
            inside = True
        elif inside and line == ")":
            inside = False
        elif inside and line:
            found.append(line.strip('"'))
        elif line.startswith("use "):
            found.append(line[4:].strip().strip('"'))
    return found


@needs_corpus
@pytest.mark.skipif(not CLOUD_WORK.is_file(), reason=f"{CLOUD_WORK} not in the corpus")
def test_vendored_gowork_reports_its_missing_use_dirs() -> None:
    base = CLOUD_WORK.parent
    uses = _use_entries(CLOUD_WORK.read_text(encoding="utf-8"))
    assert uses, "expected use entries"
    missing = [u for u in uses if not (base / u).is_dir()]
    without_gomod = [u for u in uses if (base / u).is_dir() and not (base / u / "go.mod").is_file()]
    assert missing, "the vendored copy is expected to lack its module directories"
    proc = gowls(["--check", str(CLOUD_WORK), "--output-format", "json"], Path.cwd())
    assert proc.returncode == 1
    rows = json.loads(proc.stdout)
    gw101 = [r for r in rows if r["code"] == "GW101"]
    gw102 = [r for r in rows if r["code"] == "GW102"]
    assert len(gw101) == len(missing)
    assert len(gw102) == len(without_gomod)
    assert all(r["severity"] == "error" and r["fixable"] for r in gw101)
    named = {
        r["message"].split(" listed in go.work", 1)[0].removeprefix("cannot load module ")
        for r in gw101
    }
    assert named == {os.path.normpath(u) for u in missing}

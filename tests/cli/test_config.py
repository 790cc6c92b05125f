"""Configuration (.gowls.toml, [tool.gowls]), --select/--ignore, suppression comments and
git-ignored files, through the analysis layer and through ``gowls --check``."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest

from gowls.analysis.config import (
    Config,
    ConfigError,
    ConfigResolver,
    Policy,
    Selection,
    is_enabled,
    load_config,
    split_codes,
)
from gowls.analysis.engine import check_file
from gowls.analysis.findings import Severity
from gowls.analysis.snapshot import Snapshot
from gowls.analysis.source import FileSource
from gowls.analysis.suppress import suppressions_of
from gowls.analysis.workspace import Workspace
from gowls.languages import LANGUAGES
from gowls.main import main
from gowls.syntax.gowork import parse_gowork
from workspace_files import write_tree as write

MOD = "module example.com/{name}\n\ngo 1.22\n"

# GW101 on line 4 (./gone), GW102 on line 5 (./docs), GW103 on line 6 (a again).
WORK = "go 1.22\n\nuse (\n\t./gone\n\t./docs\n\ta\n\t./a\n)\n"
TREE = {"go.work": WORK, "a/go.mod": MOD.format(name="a"), "docs/README.md": "docs\n"}


def codes_of(
    root: Path,
    args: Sequence[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    cwd: Path | None = None,
) -> list[tuple[str, str, int, str]]:
    """(path, code, line, severity) of every finding ``gowls --check ARGS`` reports as JSON."""
    monkeypatch.chdir(cwd or root)
    capsys.readouterr()
    code = main(["--check", *args, "--output-format", "json"])
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    return [(r["path"], r["code"], r["line"], r["severity"]) for r in json.loads(out)]


# -- selection ----------------------------------------------------------------------------
def test_split_codes() -> None:
    assert split_codes(["gw1, GM", "GW102", " ", "all"]) == ("GW1", "GM", "GW102", "ALL")


@pytest.mark.parametrize(
    ("layers", "code", "enabled"),
    [
        ([], "GW101", True),
        ([Selection(("GW",), ())], "GM001", False),
        ([Selection(("GW",), ("GW102",))], "GW102", False),
        ([Selection(("GW",), ("GW102",))], "GW101", True),
        ([Selection(("GW102",), ("GW",))], "GW102", True),  # the more specific wins
        ([Selection(("GW1",), ("GW1",))], "GW101", False),  # a tie: ignored
        ([Selection(("ALL",), ("GM",))], "GW001", True),
        ([Selection(None, ("GW1",)), Selection(("GW101",), ())], "GW101", True),
        ([Selection(("GM",), ()), Selection(None, ("GM001",))], "GM001", False),
        ([Selection(("GM",), ()), Selection(("GW",), ())], "GW101", True),  # select replaces
    ],
)
def test_is_enabled(layers: list[Selection], code: str, enabled: bool) -> None:
    assert is_enabled(code, layers) is enabled


def test_cli_select_and_ignore(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, TREE)
    every = {c for _, c, _, _ in codes_of(tmp_path, ["."], monkeypatch, capsys)}
    assert every == {"GW101", "GW102", "GW103"}
    picked = codes_of(tmp_path, [".", "--select", "GW", "--ignore", "GW102"], monkeypatch, capsys)
    assert {c for _, c, _, _ in picked} == {"GW101", "GW103"}
    picked = codes_of(
        tmp_path, [".", "--select", "GW101", "--select", "gw103"], monkeypatch, capsys
    )
    assert {c for _, c, _, _ in picked} == {"GW101", "GW103"}
    picked = codes_of(tmp_path, [".", "--ignore", "GW101,GW103"], monkeypatch, capsys)
    assert {c for _, c, _, _ in picked} == {"GW102"}


# -- configuration files ------------------------------------------------------------------
def test_config_file_severity_select_ignore(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, TREE)
    write(
        tmp_path,
        {
            ".gowls.toml": 'select = ["GW"]\nignore = ["GW103"]\n'
            '[severity]\nGW102 = "warning"\nGW1 = "information"\n'
        },
    )
    rows = codes_of(tmp_path, ["."], monkeypatch, capsys)
    assert rows == [("go.work", "GW101", 4, "information"), ("go.work", "GW102", 5, "warning")]
    # The command line's --select replaces the file's, its --ignore adds to it.
    rows = codes_of(tmp_path, [".", "--select", "GW10"], monkeypatch, capsys)
    assert [c for _, c, _, _ in rows] == ["GW101", "GW102", "GW103"]
    rows = codes_of(tmp_path, [".", "--ignore", "GW101"], monkeypatch, capsys)
    assert [c for _, c, _, _ in rows] == ["GW102"]


def test_severity_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, {**TREE, ".gowls.toml": '[severity]\nGW102 = "off"\nGW103 = "OFF"\n'})
    assert codes_of(tmp_path, ["."], monkeypatch, capsys) == [("go.work", "GW101", 4, "error")]


def test_pyproject_tool_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        tmp_path,
        {**TREE, "pyproject.toml": '[project]\nname = "x"\n\n[tool.gowls]\nignore = ["GW10"]\n'},
    )
    assert codes_of(tmp_path, ["."], monkeypatch, capsys) == []


def test_pyproject_without_table_is_skipped(tmp_path: Path) -> None:
    write(tmp_path, {".gowls.toml": 'ignore = ["GW101"]\n', "sub/pyproject.toml": "[project]\n"})
    config = ConfigResolver(LANGUAGES.codes()).for_path(tmp_path / "sub" / "go.work")
    assert config.path == tmp_path / ".gowls.toml"
    assert config.ignore == ("GW101",)


def test_gowls_toml_wins_over_pyproject(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            ".gowls.toml": 'ignore = ["GW101"]\n',
            "pyproject.toml": '[tool.gowls]\nignore = ["GM"]\n',
        },
    )
    assert ConfigResolver(LANGUAGES.codes()).for_path(tmp_path / "go.work").ignore == ("GW101",)


def test_nearest_config_then_cwd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, {f"repo/one/{k}": v for k, v in TREE.items()})
    write(tmp_path, {f"repo/two/{k}": v for k, v in TREE.items()})
    write(tmp_path, {f"other/{k}": v for k, v in TREE.items()})
    write(tmp_path, {"repo/.gowls.toml": 'select = ["GW101"]\n'})
    write(tmp_path, {"repo/two/.gowls.toml": 'select = ["GW103"]\n'})
    rows = codes_of(tmp_path / "repo", ["."], monkeypatch, capsys)
    assert [(p, c) for p, c, _, _ in rows] == [("one/go.work", "GW101"), ("two/go.work", "GW103")]
    # A file with no configuration above it falls back to the working directory's.
    rows = codes_of(tmp_path, [str(tmp_path / "other")], monkeypatch, capsys, cwd=tmp_path / "repo")
    assert [c for _, c, _, _ in rows] == ["GW101"]


def test_explicit_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, {**TREE, ".gowls.toml": 'select = ["GW101"]\n', "alt.toml": ""})
    rows = codes_of(tmp_path, [".", "--config", "alt.toml"], monkeypatch, capsys)
    assert [c for _, c, _, _ in rows] == ["GW101", "GW102", "GW103"]


def test_exclude_globs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for sub in ("keep", "legacy/old", "gen/x", "deep/a/generated"):
        write(tmp_path, {f"{sub}/go.work": "go 1.22\nuse ./gone\n"})
    write(
        tmp_path,
        {".gowls.toml": 'exclude = ["legacy/**", "gen/*/go.work", "generated"]\n'},
    )
    monkeypatch.chdir(tmp_path)
    capsys.readouterr()
    assert main(["--check", "."]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("keep/go.work:2:5: error:")
    assert out.endswith("in 1 file.\n")  # excluded files are not checked at all
    # ... even when named directly (as pre-commit does).
    assert main(["--check", "legacy/old/go.work"]) == 0


@pytest.mark.parametrize(
    ("pattern", "rel", "hit"),
    [
        ("legacy/**", "legacy/a/go.work", True),
        ("legacy/**", "x/legacy/go.work", False),
        ("legacy", "x/legacy/go.work", True),
        ("go.work", "a/b/go.work", True),
        ("a/*/go.mod", "a/b/go.mod", True),
        ("a/*/go.mod", "a/b/c/go.mod", False),
        ("a/**/go.mod", "a/go.mod", True),
        ("./a/", "a/go.mod", True),
        ("mod[0-9]", "mod7/go.mod", True),
        ("mod?", "modules/go.mod", False),
    ],
)
def test_glob_semantics(tmp_path: Path, pattern: str, rel: str, hit: bool) -> None:
    config = Config(tmp_path / ".gowls.toml", tmp_path, exclude=(pattern,))
    assert config.excludes(tmp_path / rel) is hit


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("select = [\n", "invalid TOML"),
        ("frob = 1\n", "unknown setting 'frob'"),
        ("select = [1]\n", "`select` must be a list of strings"),
        ('ignore = ["XX"]\n', "unknown rule code or prefix 'XX'"),
        ('[severity]\nGW101 = "fatal"\n', "must be error, warning, information, hint or off"),
        ("severity = 3\n", "`severity` must be a table"),
    ],
)
def test_bad_config(tmp_path: Path, text: str, needle: str) -> None:
    write(tmp_path, {".gowls.toml": text})
    with pytest.raises(ConfigError, match=needle.replace("[", r"\[").replace("(", r"\(")):
        load_config(tmp_path / ".gowls.toml", ["GW101", "GM001"])


def test_lenient_resolver_records_errors(tmp_path: Path) -> None:
    """The language server's mode: a broken file means defaults, and the error is kept."""
    write(tmp_path, {**TREE, ".gowls.toml": "frob = 1\n"})
    resolver = ConfigResolver(LANGUAGES.codes(), strict=False)
    result = check_file(Snapshot(FileSource(), LANGUAGES), tmp_path / "go.work", Policy(resolver))
    assert [f.code for f in result.findings] == ["GW101", "GW102", "GW103"]
    assert list(resolver.errors) == [tmp_path / ".gowls.toml"]
    assert "frob" in str(resolver.errors[tmp_path / ".gowls.toml"])
    with pytest.raises(ConfigError):
        ConfigResolver(LANGUAGES.codes()).for_path(tmp_path / "go.work")


def test_bad_config_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, {**TREE, ".gowls.toml": "frob = 1\n"})
    monkeypatch.chdir(tmp_path)
    assert main(["--check", ".", "--exit-zero"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("gowls: error: ") and "frob" in err and len(err.splitlines()) == 1


# -- suppression comments -----------------------------------------------------------------
def test_parse_suppressions() -> None:
    text = (
        b"go 1.22 // gowls:ignore GW001\n"
        b"// gowls:ignore GW101, gw103\n"
        b"use ./x\n"
        b"use ./y // something else\n"
        b"  // gowls:ignore\n"
        b"use ./w\n"
        b"use ./z // gowls:ignored GW101\n"
        b"  # gowls:ignore\n"
        b"use ./v\n"
        b'use "./a // gowls:ignore"\n'
    )
    s = suppressions_of(parse_gowork(text))
    assert s.covers(0, "GW001") and not s.covers(0, "GW101")
    assert s.covers(2, "GW101") and s.covers(2, "GW103") and not s.covers(2, "GW102")
    assert not s.covers(3, "GW101")
    assert s.covers(5, "ANY01")  # no codes: every code
    assert not s.covers(6, "GW101")  # not the directive
    assert not s.covers(8, "GW101")  # `#` is not a comment in go.work
    assert not s.covers(9, "GW101")  # inside a string, not a comment


def test_suppression_comments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    work = (
        "go 1.22\n\nuse (\n"
        "\t./gone // gowls:ignore GW101\n"
        "\t// gowls:ignore GW102\n"
        "\t./docs\n"
        "\t./gone2 // gowls:ignore GW102\n"  # the wrong code: still reported
        "\t./gone3 // gowls:ignore GW1\n"  # a prefix
        ")\n"
    )
    write(tmp_path, {**TREE, "go.work": work})
    rows = codes_of(tmp_path, ["."], monkeypatch, capsys)
    # ./a is on disk but not used (GW110); only GW101 on ./gone2 escapes the comments.
    assert rows == [("go.work", "GW110", 4, "information"), ("go.work", "GW101", 7, "error")]


def test_suppression_does_not_reach_past_a_statement(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    work = "go 1.22\nuse ./a // gowls:ignore GW101\nuse ./gone\n"
    write(tmp_path, {"go.work": work, "a/go.mod": MOD.format(name="a")})
    assert codes_of(tmp_path, ["."], monkeypatch, capsys) == [("go.work", "GW101", 3, "error")]


# -- the analysis layer is what both front ends use ---------------------------------------
def test_check_file_policy_parameter(tmp_path: Path) -> None:
    write(tmp_path, {**TREE, ".gowls.toml": '[severity]\nGW101 = "hint"\nGW103 = "off"\n'})
    snapshot = Snapshot(FileSource(), LANGUAGES)
    raw = check_file(snapshot, tmp_path / "go.work")
    assert [f.code for f in raw.findings] == ["GW101", "GW102", "GW103"]
    result = check_file(snapshot, tmp_path / "go.work", Policy(ConfigResolver(LANGUAGES.codes())))
    assert [(f.code, f.severity) for f in result.findings] == [
        ("GW101", Severity.HINT),
        ("GW102", Severity.ERROR),
    ]
    assert tmp_path / ".gowls.toml" in result.depends_on


def test_workspace_with_policy(tmp_path: Path) -> None:
    write(tmp_path, {**TREE, ".gowls.toml": 'ignore = ["GW102"]\n'})
    workspace = Workspace(
        [tmp_path],
        Policy(ConfigResolver(LANGUAGES.codes()), Selection(None, ("GW103",))),
        languages=LANGUAGES,
    )
    workspace.scan()
    (result,) = workspace.check([tmp_path / "go.work"])
    assert [f.code for f in result.findings] == ["GW101"]
    # The editor changes the config: invalidate, and the next check sees it.
    write(tmp_path, {".gowls.toml": 'ignore = ["GW101"]\n'})
    assert workspace.policy is not None
    workspace.policy.resolver.invalidate()
    (result,) = workspace.check([tmp_path / "go.work"])
    assert [f.code for f in result.findings] == ["GW102"]


# -- git-ignored files --------------------------------------------------------------------
@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_ignored_files_are_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = "go 1.22\nuse ./gone\n"
    write(tmp_path, {"keep/go.work": bad, "build/go.work": bad, ".gitignore": "build/\n"})
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    rows = codes_of(tmp_path, ["."], monkeypatch, capsys)
    assert [p for p, _, _, _ in rows] == ["keep/go.work"]
    rows = codes_of(tmp_path / "keep", [".."], monkeypatch, capsys)
    assert [p for p, _, _, _ in rows] == ["go.work"]
    # Named directly, an ignored file is checked.
    rows = codes_of(tmp_path, ["build/go.work"], monkeypatch, capsys)
    assert [p for p, _, _, _ in rows] == ["build/go.work"]


def test_no_git_no_filtering(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = "go 1.22\nuse ./gone\n"
    write(tmp_path, {"keep/go.work": bad, "build/go.work": bad, ".gitignore": "build/\n"})
    if shutil.which("git"):
        subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    monkeypatch.setenv("PATH", str(tmp_path / "no-such-bin"))
    rows = codes_of(tmp_path, ["."], monkeypatch, capsys)
    assert [p for p, _, _, _ in rows] == ["build/go.work", "keep/go.work"]

"""Output formats of ``gowls --check`` (golden files), SARIF structure, GitHub annotations,
exit codes and the report file.

Goldens live in tests/cli/golden/; after an intended change to messages or formats,
regenerate them with ``GOWLS_UPDATE_GOLDEN=1 pytest tests/cli/test_formats.py`` and review
the diff.
"""

from __future__ import annotations

import io
import json
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

from gowls.cli.github import escape_data, escape_property
from gowls.cli.progress import Progress
from gowls.languages import LANGUAGES
from gowls.main import main
from workspace_files import run_gowls as gowls
from workspace_files import write_tree as write

GOLDEN = Path(__file__).parent / "golden"
CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
UPDATE = os.environ.get("GOWLS_UPDATE_GOLDEN") == "1"

MOD = "module example.com/{name}\n\ngo 1.22\n"

BROKEN: dict[str, str] = {
    # GW101 x2 (one with non-ASCII letters), GW103, GW102, GW104 and two go.mod syntax errors.
    "ws/go.work": (
        "go 1.22\n\nuse (\n\t./a\n\t./missing\n\ta\n\t./docs\n\t./b\n\t./b-copy\n"
        '\t./ünï\n\t"./we,ird"\n\t./ø/😀\n)\n'
    ),
    "ws/a/go.mod": MOD.format(name="a"),
    "ws/docs/README.md": "not a module\n",
    "ws/b/go.mod": MOD.format(name="b"),
    "ws/b-copy/go.mod": MOD.format(name="b"),
    "ws/ünï/go.mod": "module example.com/ü\n\ngo 1.22\n\nrequire example.com/x 1.2.3 // ünï\n",
    "ws/we,ird/go.mod": "module example.com/weird\n\ngo 1.2.3.4\n",
    # Severities other than error, so every format shows its warning and note forms.
    ".gowls.toml": '[severity]\nGW104 = "warning"\nGW102 = "information"\n',
}


def run(
    args: Sequence[str],
    cwd: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> tuple[int, str, str]:
    """``gowls ARGS`` in-process in ``cwd``: (exit code, stdout, stderr)."""
    monkeypatch.chdir(cwd)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    return write(tmp_path, BROKEN)


def _normalized_sarif(text: str) -> str:
    """SARIF with the version blanked and only the rules the results use (stable goldens)."""
    log = json.loads(text)
    run_ = log["runs"][0]
    driver = run_["tool"]["driver"]
    driver["version"] = driver["semanticVersion"] = "VERSION"
    used = sorted({r["ruleId"] for r in run_["results"]})
    driver["rules"] = [rule for rule in driver["rules"] if rule["id"] in used]
    for result in run_["results"]:
        result["ruleIndex"] = used.index(result["ruleId"])
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{name} differs (GOWLS_UPDATE_GOLDEN=1 to regenerate)"


# -- goldens ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("fmt", "golden"),
    [
        ("text", "text.txt"),
        ("json", "json.json"),
        ("sarif", "sarif.json"),
        ("github", "github.txt"),
    ],
)
def test_golden(
    broken: Path,
    fmt: str,
    golden: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(["--check", "ws", "--output-format", fmt], broken, monkeypatch, capsys)
    assert code == 1, err
    assert err == ""
    _golden(golden, _normalized_sarif(out) if fmt == "sarif" else out)


def test_formats_agree_on_positions(
    broken: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """JSON rows, SARIF regions and GitHub annotations name the same places."""
    _, out, _ = run(["--check", "ws", "--output-format", "json"], broken, monkeypatch, capsys)
    rows = json.loads(out)
    _, out, _ = run(["--check", "ws", "--output-format", "sarif"], broken, monkeypatch, capsys)
    results = json.loads(out)["runs"][0]["results"]
    _, out, _ = run(["--check", "ws", "--output-format", "github"], broken, monkeypatch, capsys)
    annotations = out.splitlines()[:-1]
    assert len(rows) == len(results) == len(annotations) > 0
    for row, result, line in zip(rows, results, annotations, strict=True):
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (row["line"], row["column"], row["end_line"], row["end_column"]) == (
            region["startLine"],
            region["startColumn"],
            region["endLine"],
            region["endColumn"],
        )
        assert row["code"] == result["ruleId"]
        assert f",line={row['line']},col={row['column']}," in line
        assert f"title=gowls ({row['code']})::" in line
    # Columns count characters: "./ø/😀" is 5 characters (6 UTF-16 units, 9 bytes).
    emoji = next(r for r in rows if "😀" in r["message"])
    assert emoji["end_column"] - emoji["column"] == 5


# -- SARIF structure ----------------------------------------------------------------------
def validate_sarif(log: Any) -> None:
    """The required structure of a SARIF 2.1.0 log, as far as gowls produces it."""
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    assert isinstance(log["runs"], list) and log["runs"]
    for run_ in log["runs"]:
        driver = run_["tool"]["driver"]
        assert isinstance(driver["name"], str) and driver["name"]
        assert driver["informationUri"].startswith("https://")
        assert isinstance(driver["version"], str)
        assert run_["columnKind"] in ("unicodeCodePoints", "utf16CodeUnits")
        rules = driver["rules"]
        ids = [r["id"] for r in rules]
        assert len(ids) == len(set(ids)), "rule ids are unique"
        for rule in rules:
            assert rule["shortDescription"]["text"]
            assert rule["fullDescription"]["text"]
            assert rule["helpUri"].startswith("https://")
            assert rule["defaultConfiguration"]["level"] in ("none", "note", "warning", "error")
        for result in run_["results"]:
            assert isinstance(result["message"]["text"], str) and result["message"]["text"]
            assert result["ruleId"] in ids
            assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
            assert result["level"] in ("none", "note", "warning", "error")
            places = list(result["locations"]) + list(result.get("relatedLocations", []))
            assert result["locations"]
            for place in places:
                physical = place["physicalLocation"]
                _check_uri(physical["artifactLocation"]["uri"])
                _check_region(physical["region"])
            for fix in result.get("fixes", []):
                assert fix["description"]["text"]
                for change in fix["artifactChanges"]:
                    _check_uri(change["artifactLocation"]["uri"])
                    for replacement in change["replacements"]:
                        _check_region(replacement["deletedRegion"])
                        assert isinstance(replacement["insertedContent"]["text"], str)


def _check_uri(uri: str) -> None:
    assert uri and "\\" not in uri and not uri.startswith("/"), uri
    assert not re.search(r"[\s\x00-\x1f]", uri), uri


def _check_region(region: Mapping[str, int]) -> None:
    assert region["startLine"] >= 1 and region["startColumn"] >= 1
    assert region["endLine"] >= region["startLine"]
    if region["endLine"] == region["startLine"]:
        assert region["endColumn"] >= region["startColumn"]


def test_sarif_structure(
    broken: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["--check", "ws", "--output-format", "sarif"], broken, monkeypatch, capsys)
    assert code == 1
    log = json.loads(out)
    validate_sarif(log)
    run_ = log["runs"][0]
    assert run_["columnKind"] == "unicodeCodePoints"
    driver = run_["tool"]["driver"]
    assert driver["name"] == "gowls"
    assert [r["id"] for r in driver["rules"]] == LANGUAGES.codes()
    for rule in driver["rules"]:
        info = LANGUAGES.rule(rule["id"]).info
        assert rule["name"] == info.name
        assert rule["helpUri"] == info.url
        assert rule["shortDescription"]["text"] == info.summary
    levels = {r["ruleId"]: r["level"] for r in run_["results"]}
    assert levels == {
        "GW101": "error",
        "GW102": "note",
        "GW103": "error",
        "GW104": "warning",
        "GM001": "error",
    }
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run_["results"]
    }
    assert "ws/we,ird/go.mod" in uris
    assert "ws/%C3%BCn%C3%AF/go.mod" in uris
    fixed = [r for r in run_["results"] if r["ruleId"] == "GW101"]
    assert all(r["fixes"][0]["properties"]["safe"] for r in fixed)
    # The fix removes the whole use line: columns 1 to 1 of the next line.
    region = fixed[0]["fixes"][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"]
    assert region == {"startLine": 5, "startColumn": 1, "endLine": 6, "endColumn": 1}


def test_sarif_when_clean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    write(tmp_path, {"go.work": "go 1.22\nuse ./a\n", "a/go.mod": MOD.format(name="a")})
    code, out, _ = run(["--check", ".", "--output-format", "sarif"], tmp_path, monkeypatch, capsys)
    assert code == 0
    log = json.loads(out)
    validate_sarif(log)
    assert log["runs"][0]["results"] == []


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"shared corpus not found at {CORPUS}")
def test_corpus_runs_without_a_traceback(tmp_path: Path) -> None:
    report = tmp_path / "corpus.sarif"
    proc = gowls(
        ["--check", str(CORPUS), "--output-format", "sarif", "--output-file", str(report)],
        tmp_path,
    )
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""
    validate_sarif(json.loads(report.read_text(encoding="utf-8")))
    proc = gowls(["--check", str(CORPUS)], tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr


# -- GitHub annotations -------------------------------------------------------------------
ANNOTATION = re.compile(
    r"^::(?P<cmd>error|warning|notice) file=(?P<file>[^,:]+),line=(?P<line>\d+),"
    r"col=(?P<col>\d+),endLine=(?P<end_line>\d+),endColumn=(?P<end_col>\d+),"
    r"title=gowls \((?P<code>[A-Z]{2}\d{3})\)::(?P<message>[^\r\n]+)$"
)


def test_github_lines(
    broken: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(["--check", "ws", "--output-format", "json"], broken, monkeypatch, capsys)
    rows = json.loads(out)
    code, out, _ = run(["--check", "ws", "--output-format", "github"], broken, monkeypatch, capsys)
    assert code == 1
    lines = out.splitlines()
    assert lines[-1].startswith("Found ") and not lines[-1].startswith("::")
    commands = {"error": "error", "warning": "warning", "information": "notice", "hint": "notice"}
    assert len(lines) - 1 == len(rows)
    for line, row in zip(lines, rows, strict=False):
        match = ANNOTATION.match(line)
        assert match, line
        assert match["cmd"] == commands[row["severity"]]
        assert match["file"] == escape_property(row["path"])
        assert int(match["line"]) == row["line"] and int(match["col"]) == row["column"]
        assert int(match["end_line"]) == row["end_line"]
        assert int(match["end_col"]) == row["end_column"]
        assert match["code"] == row["code"]
        assert match["message"] == escape_data(row["message"])
    assert any("file=ws/we%2Cird/go.mod," in line for line in lines)


def test_github_escaping() -> None:
    assert escape_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b"
    assert escape_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"


def test_github_is_the_default_on_actions(broken: Path) -> None:
    proc = gowls(["--check", "ws"], broken, env={"GITHUB_ACTIONS": "true"})
    assert proc.returncode == 1
    assert proc.stdout.startswith("::error file=ws/go.work,line=5,col=2,")
    proc = gowls(["--check", "ws", "--output-format", "text"], broken, {"GITHUB_ACTIONS": "true"})
    assert proc.stdout.startswith("ws/go.work:5:2: error: ")


# -- progress -----------------------------------------------------------------------------
class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal() -> None:
    terminal = _Terminal()
    with Progress(terminal, 60) as progress:
        for _ in range(60):
            progress.advance()
    shown = terminal.getvalue()
    assert "\r[" in shown and "60/60 files" in shown
    assert shown.endswith("\r\x1b[K")  # erased at the end
    pipe = io.StringIO()
    with Progress(pipe, 60) as progress:
        for _ in range(60):
            progress.advance()
    assert pipe.getvalue() == ""
    small = _Terminal()
    with Progress(small, 3) as progress:
        progress.advance(3)
    assert small.getvalue() == ""


# -- report file --------------------------------------------------------------------------
def test_output_file(
    broken: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--check", "ws", "--output-format", "json", "--output-file", "reports/out.json"]
    code, out, err = run(args, broken, monkeypatch, capsys)
    assert (code, out, err) == (1, "", "")
    written = json.loads((broken / "reports" / "out.json").read_text(encoding="utf-8"))
    _, out, _ = run(["--check", "ws", "--output-format", "json"], broken, monkeypatch, capsys)
    assert written == json.loads(out)
    assert [p.name for p in (broken / "reports").iterdir()] == ["out.json"]  # no temp left


def test_output_file_unwritable(
    broken: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (broken / "blocker").write_text("a file, not a directory\n")
    code, _, err = run(
        ["--check", "ws", "--output-file", "blocker/out.txt"], broken, monkeypatch, capsys
    )
    assert code == 2
    assert err.startswith("gowls: error: blocker/out.txt: cannot write")


# -- exit codes ---------------------------------------------------------------------------
LEVELS = {
    "errors.gowls.toml": "",
    "warnings.gowls.toml": '[severity]\nGW = "warning"\n',
    "infos.gowls.toml": '[severity]\nGW = "information"\n',
}


@pytest.fixture
def graded(tmp_path: Path) -> Path:
    """Three copies of one workspace with a GW101, reported as error, warning, information."""
    for name, config in LEVELS.items():
        kind = name.split(".")[0]
        files = {f"{kind}/go.work": "go 1.22\nuse ./gone\n"}
        if config:
            files[f"{kind}/.gowls.toml"] = config
        write(tmp_path, files)
    write(tmp_path, {"clean/go.work": "go 1.22\nuse ./a\n", "clean/a/go.mod": MOD.format(name="a")})
    return tmp_path


@pytest.mark.parametrize(
    ("target", "extra", "code"),
    [
        ("clean", [], 0),
        ("errors", [], 1),
        ("warnings", [], 1),
        ("infos", [], 0),
        ("errors", ["--fail-on", "error"], 1),
        ("warnings", ["--fail-on", "error"], 0),
        ("infos", ["--fail-on", "warning"], 0),
        ("infos", ["--fail-on", "information"], 1),
        ("infos", ["--fail-on", "hint"], 1),
        ("errors", ["--exit-zero"], 0),
        ("clean", ["--exit-zero"], 0),
        ("errors", ["--ignore", "GW101"], 0),
        ("errors", ["--select", "GM"], 0),
    ],
)
def test_exit_codes(
    graded: Path,
    target: str,
    extra: list[str],
    code: int,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    got, out, err = run(["--check", target, *extra], graded, monkeypatch, capsys)
    assert got == code, out + err
    assert err == ""


@pytest.mark.parametrize(
    "args",
    [
        ["--check", "clean", "--output-format", "xml"],
        ["--check", "clean", "--fail-on", "bogus"],
        ["--check", "clean", "--no-such-flag"],
        ["--check", "nope", "--exit-zero"],
        ["--check", "clean", "--select", "XX9", "--exit-zero"],
        ["--check", "errors", "--exit-zero", "--output-format", "yaml"],
        ["--fix", "clean"],
        ["--output-format", "json"],
    ],
)
def test_usage_errors_exit_2(graded: Path, args: list[str]) -> None:
    proc = gowls(args, graded)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert proc.stdout == ""
    assert len(proc.stderr.splitlines()) == 1 and proc.stderr.startswith("gowls: error:")


def test_bad_config_exits_2_even_with_exit_zero(graded: Path) -> None:
    write(graded, {"errors/.gowls.toml": "select = [\n"})
    proc = gowls(["--check", "errors", "--exit-zero"], graded)
    assert proc.returncode == 2
    assert "invalid TOML" in proc.stderr and "Traceback" not in proc.stderr

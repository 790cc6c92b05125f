"""The ``[goreleaser]`` table of .gowls.toml: target version, edition, more files, GR118."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gowls.analysis.goreleaser.check import Edition
from gowls.analysis.goreleaser.settings import parse_settings
from gowls.main import main
from workspace_files import write_tree

# `archives.ids` came with v2.8 (GR111 when the target is older); `nightly` is a Pro key.
CONFIG = "version: 2\narchives:\n  - ids: [a]\nnightly:\n  version_template: x\n"
PINNED = (
    "jobs:\n  release:\n    steps:\n      - uses: goreleaser/goreleaser-action@v6\n"
    "        with:\n          version: '~> v2.20'\n"
)


def _check(
    root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str
) -> list[tuple[str, str, int, str, str]]:
    monkeypatch.chdir(root)
    capsys.readouterr()
    code = main(["--check", *(args or (".",)), "--output-format", "json"])
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    return [(r["path"], r["code"], r["line"], r["severity"], r["message"]) for r in json.loads(out)]


def _codes(rows: list[tuple[str, str, int, str, str]]) -> list[tuple[str, int, str]]:
    return [(code, line, severity) for _, code, line, severity, _ in rows]


def test_version_and_edition_come_from_the_table_before_the_workflow(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    tree = {".goreleaser.yaml": CONFIG, ".github/workflows/release.yml": PINNED}
    write_tree(tmp_path, tree)
    # the workflow pins v2.20 and installs OSS: `nightly` is an error, `ids` fine
    assert _codes(_check(tmp_path, monkeypatch, capsys)) == [("GR108", 4, "error")]
    write_tree(tmp_path, {".gowls.toml": '[goreleaser]\nversion = "2.7"\npro = true\n'})
    rows = _check(tmp_path, monkeypatch, capsys)
    assert _codes(rows) == [("GR111", 3, "warning")]
    assert "v2.8" in rows[0][4] and "v2.7 (pinned in .gowls.toml)" in rows[0][4]
    write_tree(tmp_path, {".gowls.toml": "[goreleaser]\npro = false\n"})
    assert _codes(_check(tmp_path, monkeypatch, capsys)) == [("GR108", 4, "error")]


def test_pro_without_a_workflow(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_tree(tmp_path, {".goreleaser.yaml": CONFIG})
    assert _codes(_check(tmp_path, monkeypatch, capsys)) == [("GR108", 4, "warning")]
    write_tree(tmp_path, {".gowls.toml": "[goreleaser]\npro = true\n"})
    assert _check(tmp_path, monkeypatch, capsys) == []


def test_files_name_more_configs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    tree = {
        ".gowls.toml": '[goreleaser]\nfiles = ["release/*.yml"]\n',
        "release/cli.yml": "version: 2\nbuilds:\n  - binry: x\n",
        "release/notes.txt": "version: 2\n",
    }
    write_tree(tmp_path, tree)
    rows = _check(tmp_path, monkeypatch, capsys)
    assert [(p, c, n) for p, c, n, _, _ in rows] == [("release/cli.yml", "GR101", 3)]
    # a named file is checked too (as pre-commit passes files)
    rows = _check(tmp_path, monkeypatch, capsys, "release/cli.yml")
    assert [c for _, c, _, _, _ in rows] == ["GR101"]
    # one glob as a plain string, which loading accepts, names files the same
    write_tree(tmp_path, {".gowls.toml": '[goreleaser]\nfiles = "release/*.yml"\n'})
    rows = _check(tmp_path, monkeypatch, capsys)
    assert [(p, c, n) for p, c, n, _, _ in rows] == [("release/cli.yml", "GR101", 3)]
    # a glob without "/" names files at any depth, a directory what is in it: the scan
    # finds what the server would take for a GoReleaser config when it is opened
    for files in ('"cli.yml"', '"release"', '["release/"]'):
        write_tree(tmp_path, {".gowls.toml": f"[goreleaser]\nfiles = {files}\n"})
        rows = _check(tmp_path, monkeypatch, capsys)
        assert [(p, c) for p, c, _, _, _ in rows] == [("release/cli.yml", "GR101")], files


def test_an_unusable_value_is_reported_on_the_first_line_and_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    tree = {
        ".gowls.toml": '[goreleaser]\nversion = "abc"\npro = "yes"\nverison = "2.5"\n',
        "sub/.goreleaser.yaml": "version: 2\n",
    }
    write_tree(tmp_path, tree)
    rows = _check(tmp_path, monkeypatch, capsys)
    assert _codes(rows) == [("GR118", 1, "error")] * 3
    messages = sorted(r[4] for r in rows)
    assert messages == [
        "../.gowls.toml [goreleaser]: `pro` must be true or false, not 'yes'.",
        "../.gowls.toml [goreleaser]: `version` must be a GoReleaser v2 release such as "
        '"2.16" or "2.16.1", not \'abc\'.',
        "../.gowls.toml [goreleaser]: unknown setting `verison` (known: files, pro, version).",
    ]


def test_a_section_that_is_not_a_table_is_a_configuration_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_tree(tmp_path, {".gowls.toml": 'goreleaser = "2.16"\n', ".goreleaser.yaml": CONFIG})
    monkeypatch.chdir(tmp_path)
    assert main(["--check", "."]) == 2
    err = capsys.readouterr().err
    assert "[goreleaser] must be a table" in err and len(err.splitlines()) == 1


@pytest.mark.parametrize(
    ("table", "edition", "version"),
    [
        ({"version": "2.16"}, None, (2, 16)),
        ({"version": "v2.16.1", "pro": False}, Edition.OSS, (2, 16, 1)),
        ({"pro": True}, Edition.PRO, None),
    ],
)
def test_parse_settings(
    table: dict[str, object], edition: Edition | None, version: tuple[int, ...] | None
) -> None:
    settings = parse_settings(table, ".gowls.toml")
    assert (settings.edition, settings.version, settings.problems) == (edition, version, ())


def test_a_float_version_is_refused_with_the_reason() -> None:
    (problem,) = parse_settings({"version": 2.10}, ".gowls.toml").problems
    assert "quote it, as 2.10 would read as 2.1" in problem

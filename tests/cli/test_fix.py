"""``gowls --check --fix`` and ``--diff`` on copies of broken workspaces.

After a fix run nothing fixable is left, the real ``go`` loads the workspace (offline, skipped
when go is missing), files outside the given paths are untouched and a second run changes
nothing.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from go_oracle import GO, SKIP_REASON, offline_env
from gowls.syntax.gowork import parse_gowork
from workspace_files import run_gowls as gowls
from workspace_files import write_tree as write

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
MOD = "module example.com/{name}\n\ngo 1.22\n"


needs_go = pytest.mark.skipif(GO is None, reason=SKIP_REASON)


def go_list(directory: Path, scratch: Path) -> subprocess.CompletedProcess[str]:
    """``go list -m`` in ``directory``, offline and with private caches."""
    assert GO is not None
    env = offline_env(scratch)
    return subprocess.run(
        [GO, "list", "-m"], cwd=directory, env=env, capture_output=True, text=True, check=False
    )


def remaining(root: Path, target: str) -> list[dict[str, object]]:
    proc = gowls(["--check", target, "--output-format", "json"], root)
    assert proc.returncode in (0, 1), proc.stderr
    rows: list[dict[str, object]] = json.loads(proc.stdout)
    return rows


def snapshot_bytes(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "gocache" not in p.parts and "gomodcache" not in p.parts
    }


BROKEN_WORK = (
    "go 1.22\n\nuse (\n\t./a\n\t./missing\n\ta\n\t./b\n\t./a/\n\t./gone/deeper\n)\n\n"
    "use ./also-missing // a comment\n"
)
BROKEN = {
    "ws/go.work": BROKEN_WORK,
    "ws/a/go.mod": MOD.format(name="a"),
    "ws/b/go.mod": MOD.format(name="b"),
}
FIXED_WORK = "go 1.22\n\nuse (\n\t./a\n\t./b\n)\n\n"


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    write(tmp_path, BROKEN)
    # Outside the path given to --fix: must not change.
    write(tmp_path, {"outside/go.work": BROKEN_WORK, "outside/a/go.mod": MOD.format(name="a")})
    return tmp_path


def test_fix_removes_fixable_problems_and_nothing_else(broken: Path) -> None:
    before_outside = snapshot_bytes(broken / "outside")
    proc = gowls(["--check", "ws", "--fix"], broken)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stderr == "Fixed 5 problems in 1 file.\n"
    assert proc.stdout == "No problems found in 3 files.\n"
    assert (broken / "ws" / "go.work").read_text(encoding="utf-8") == FIXED_WORK
    assert snapshot_bytes(broken / "outside") == before_outside
    assert not [r for r in remaining(broken, "ws") if r["fixable"]]
    # No temporary files are left behind.
    assert sorted(p.name for p in (broken / "ws").iterdir()) == ["a", "b", "go.work"]


def test_fix_is_idempotent(broken: Path) -> None:
    assert gowls(["--check", "ws", "--fix"], broken).returncode == 0
    after_first = snapshot_bytes(broken)
    proc = gowls(["--check", "ws", "--fix"], broken)
    assert proc.returncode == 0
    assert proc.stderr == "Nothing to fix.\n"
    assert snapshot_bytes(broken) == after_first


@needs_go
def test_go_loads_the_fixed_workspace(
    broken: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    scratch = tmp_path_factory.mktemp("go")
    assert go_list(broken / "ws", scratch).returncode != 0  # go rejects the broken one
    assert gowls(["--check", "ws", "--fix"], broken).returncode == 0
    proc = go_list(broken / "ws", scratch)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["example.com/a", "example.com/b"]


def test_fix_named_file_leaves_its_neighbours(broken: Path) -> None:
    write(broken, {"ws/sub/go.work": "go 1.22\nuse ./gone\n"})
    neighbour = (broken / "ws" / "sub" / "go.work").read_bytes()
    proc = gowls(["--check", "ws/go.work", "--fix"], broken)
    assert proc.returncode == 0, proc.stderr
    assert (broken / "ws" / "sub" / "go.work").read_bytes() == neighbour


def test_fix_leaves_excluded_and_unsafe_and_suppressed_alone(tmp_path: Path) -> None:
    work = "go 1.22\nuse ./docs\nuse ./gone // gowls:ignore GW101\nuse ./gone2\n"
    write(
        tmp_path,
        {
            "ws/go.work": work,
            "ws/docs/README.md": "no module here\n",
            "ws/legacy/go.work": "go 1.22\nuse ./gone\n",
            "ws/.gowls.toml": 'exclude = ["legacy"]\n',
        },
    )
    legacy = (tmp_path / "ws" / "legacy" / "go.work").read_bytes()
    proc = gowls(["--check", "ws", "--fix"], tmp_path)
    assert proc.returncode == 1  # GW102 (its fix is not safe) remains
    assert proc.stderr == "Fixed 1 problem in 1 file.\n"
    assert proc.stdout.startswith("ws/go.work:2:5: error: ") and "[GW102]" in proc.stdout
    assert (tmp_path / "ws" / "go.work").read_text() == (
        "go 1.22\nuse ./docs\nuse ./gone // gowls:ignore GW101\n"
    )
    assert (tmp_path / "ws" / "legacy" / "go.work").read_bytes() == legacy


def test_fix_needs_more_than_one_round(tmp_path: Path) -> None:
    # Removing the last line takes the newline before it, which the removal of the line
    # above also takes: the edits overlap, so the second waits for a re-analysis.
    write(
        tmp_path,
        {"go.work": "go 1.22\nuse ./a\nuse ./gone1\nuse ./gone2", "a/go.mod": MOD.format(name="a")},
    )
    proc = gowls(["--check", ".", "--fix"], tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stderr == "Fixed 2 problems in 1 file.\n"
    assert (tmp_path / "go.work").read_bytes() == b"go 1.22\nuse ./a"


def test_fix_keeps_crlf_and_permissions(tmp_path: Path) -> None:
    work = b"go 1.22\r\n\r\nuse (\r\n\t./a\r\n\t./gone\r\n)\r\n"
    write(tmp_path, {"go.work": work, "a/go.mod": MOD.format(name="a")})
    (tmp_path / "go.work").chmod(0o640)
    assert gowls(["--check", ".", "--fix"], tmp_path).returncode == 0
    assert (tmp_path / "go.work").read_bytes() == b"go 1.22\r\n\r\nuse (\r\n\t./a\r\n)\r\n"
    assert (tmp_path / "go.work").stat().st_mode & 0o777 == 0o640


def test_fix_then_report_in_another_format(broken: Path) -> None:
    write(broken, {"ws/docs/x.txt": "not a module\n"})
    (broken / "ws" / "go.work").write_text(BROKEN_WORK + "use ./docs\n", encoding="utf-8")
    proc = gowls(["--check", "ws", "--fix", "--output-format", "json"], broken)
    assert proc.returncode == 1
    rows = json.loads(proc.stdout)
    assert [(r["code"], r["fixable"]) for r in rows] == [("GW102", False)]
    assert proc.stderr == "Fixed 5 problems in 1 file.\n"


# -- --diff -------------------------------------------------------------------------------
def test_diff_shows_and_does_not_write(broken: Path) -> None:
    before = snapshot_bytes(broken)
    proc = gowls(["--check", "ws", "--diff"], broken)
    assert proc.returncode == 1
    assert proc.stderr == "Would fix 5 problems in 1 file.\n"
    assert snapshot_bytes(broken) == before
    lines = proc.stdout.splitlines()
    assert lines[:2] == ["--- a/ws/go.work", "+++ b/ws/go.work"]
    removed = sorted(line for line in lines[2:] if line.startswith("-"))
    assert removed == [
        "-\t./a/",
        "-\t./gone/deeper",
        "-\t./missing",
        "-\ta",
        "-use ./also-missing // a comment",
    ]
    assert not [line for line in lines[2:] if line.startswith("+")]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_diff_applies_to_the_fixed_result(
    broken: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    other = tmp_path_factory.mktemp("other")
    shutil.copytree(broken / "ws", other / "ws")
    diff = gowls(["--check", "ws", "--diff"], broken).stdout
    assert gowls(["--check", "ws", "--fix"], broken).returncode == 0
    subprocess.run(["git", "apply", "-"], input=diff, text=True, cwd=other, check=True)
    assert snapshot_bytes(other / "ws") == snapshot_bytes(broken / "ws")


def test_diff_without_changes_exits_0(broken: Path) -> None:
    assert gowls(["--check", "ws", "--fix"], broken).returncode == 0
    proc = gowls(["--check", "ws", "--diff"], broken)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "No fixes available.\n")
    assert gowls(["--check", "outside", "--diff", "--exit-zero"], broken).returncode == 0


def test_diff_marks_a_missing_final_newline(tmp_path: Path) -> None:
    write(tmp_path, {"go.work": "go 1.22\nuse ./a\nuse ./gone", "a/go.mod": MOD.format(name="a")})
    out = gowls(["--check", ".", "--diff"], tmp_path).stdout
    assert out.endswith(
        " go 1.22\n-use ./a\n-use ./gone\n\\ No newline at end of file\n"
        "+use ./a\n\\ No newline at end of file\n"
    )


# -- copies of real workspaces, broken on purpose -----------------------------------------
REAL = ["go-openapi__swag", "knadh__koanf", "charmbracelet__x@6aa93cd2", "uptrace__bun@4b712d2f"]


@needs_go
@pytest.mark.parametrize("name", REAL)
def test_fix_real_workspace_copy(
    name: str, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    source = CORPUS / "gowork" / name
    if not (source / "go.work").is_file():
        pytest.skip(f"{source} not in the corpus")
    scratch = tmp_path_factory.mktemp("go")
    copy = tmp_path / "ws"
    shutil.copytree(source, copy)
    expected = go_list(copy, scratch)
    assert expected.returncode == 0, expected.stderr
    # Safe fixes the real workspace already has (e.g. GM112) must not change what go loads.
    gowls(["--check", "ws", "--fix"], tmp_path)
    unchanged = go_list(copy, scratch)
    assert (unchanged.returncode, unchanged.stdout) == (0, expected.stdout), unchanged.stderr
    work = (copy / "go.work").read_bytes()
    first = parse_gowork(work, "go.work").uses[0].path
    broken = work.rstrip(b"\n") + (
        f"\n\nuse ./definitely-missing\n\nuse (\n\t{first}\n\t./also/missing\n)\n".encode()
    )
    (copy / "go.work").write_bytes(broken)
    assert go_list(copy, scratch).returncode != 0

    proc = gowls(["--check", "ws", "--fix"], tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    assert proc.stderr.startswith("Fixed 3 problems in 1 file."), proc.stderr
    assert not [r for r in remaining(tmp_path, "ws") if r["fixable"]]
    loaded = go_list(copy, scratch)
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout == expected.stdout
    again = gowls(["--check", "ws", "--fix"], tmp_path)
    assert again.stderr.startswith("Nothing to fix.")

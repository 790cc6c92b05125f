"""`gowls migrate` turns local-replace repositories into workspaces that the real go loads."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from go_oracle import GO, SKIP_REASON, offline_env
from workspace_files import run_gowls, write_tree

GATEWAY = {
    "gateway/go.mod": (
        "module example.com/gateway\n\ngo 1.23\n\nrequire (\n"
        "\texample.com/plugins/auth v0.0.0-00010101000000-000000000000\n"
        "\texample.com/plugins/log v0.0.0-00010101000000-000000000000\n)\n\n"
        "replace example.com/plugins/auth => ../plugins/auth\n\n"
        "replace example.com/plugins/log => ../plugins/log\n"
    ),
    "gateway/main.go": (
        'package main\n\nimport (\n\t"example.com/plugins/auth"\n\t"example.com/plugins/log"\n)\n\n'
        "func main() { log.Print(auth.Name()) }\n"
    ),
    "plugins/auth/go.mod": "module example.com/plugins/auth\n\ngo 1.23\n",
    "plugins/auth/auth.go": 'package auth\n\nfunc Name() string { return "auth" }\n',
    "plugins/log/go.mod": "module example.com/plugins/log\n\ngo 1.21\n",
    "plugins/log/log.go": "package log\n\nfunc Print(s string) { _ = s }\n",
    "vendor/ignored/go.mod": "module example.com/ignored\n",
}


def _go() -> str:
    if GO is None:
        pytest.skip(SKIP_REASON)
    return GO


def _env(tmp: Path) -> dict[str, str]:
    return offline_env(tmp / ".gohome")


def test_migrate_creates_a_workspace_go_loads(tmp_path: Path) -> None:
    go = _go()
    repo = tmp_path / "repo"
    write_tree(repo, GATEWAY)
    dry = run_gowls(["migrate", "--dry-run", "."], cwd=repo)
    assert dry.returncode == 0, dry.stderr
    assert not (repo / "go.work").exists(), "--dry-run must not write"
    assert "+\t./plugins/auth" in dry.stdout

    done = run_gowls(["migrate", "."], cwd=repo)
    assert done.returncode == 0, done.stderr
    text = (repo / "go.work").read_text()
    assert text == "go 1.23\n\nuse (\n\t./gateway\n\t./plugins/auth\n\t./plugins/log\n)\n"
    assert "keep for GOWORK=off" in done.stdout

    listed = subprocess.run(
        [go, "list", "-m"], cwd=repo, env=_env(tmp_path), capture_output=True, text=True
    )
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.split() == [
        "example.com/gateway",
        "example.com/plugins/auth",
        "example.com/plugins/log",
    ]
    built = subprocess.run(
        [go, "build", "-o", os.devnull, "./gateway"],
        cwd=repo,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr

    check = run_gowls(["--check", "."], cwd=repo)
    assert check.returncode == 0, check.stdout

    again = run_gowls(["migrate", "."], cwd=repo)
    assert "nothing to change" in again.stdout
    assert (repo / "go.work").read_text() == text


def test_migrate_extends_an_existing_go_work(tmp_path: Path) -> None:
    go = _go()
    repo = tmp_path / "repo"
    write_tree(repo, GATEWAY)
    (repo / "go.work").write_text("go 1.22\n\nuse (\n\t./gateway\n)\n")
    done = run_gowls(["migrate", "."], cwd=repo)
    assert done.returncode == 0, done.stderr
    assert (repo / "go.work").read_text() == (
        "go 1.23\n\nuse (\n\t./gateway\n\t./plugins/auth\n\t./plugins/log\n)\n"
    )
    listed = subprocess.run(
        [go, "list", "-m"], cwd=repo, env=_env(tmp_path), capture_output=True, text=True
    )
    assert listed.returncode == 0, listed.stderr


def test_migrate_rejects_a_missing_directory(tmp_path: Path) -> None:
    result = run_gowls(["migrate", str(tmp_path / "nope")], cwd=tmp_path)
    assert result.returncode == 2
    assert "not a directory" in result.stderr
    assert "Traceback" not in result.stderr

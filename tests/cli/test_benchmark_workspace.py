"""The benchmark's synthetic monorepo is a valid workspace (the generator runs as a script;
the benchmarks themselves are never part of the test run)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from workspace_files import run_gowls

GENERATOR = Path(__file__).resolve().parents[2] / "benchmarks" / "generate.py"


def _generate(root: Path, modules: int) -> None:
    subprocess.run(
        [sys.executable, str(GENERATOR), str(root), "--modules", str(modules), "--extras"],
        check=True,
        capture_output=True,
    )


def test_generated_monorepo_checks_clean_and_is_deterministic(tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    _generate(first, 60)
    _generate(second, 60)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)
    gomods = [f for f in files if f.name == "go.mod"]
    assert len(gomods) == 60
    replaced = [f for f in gomods if b"\nreplace " in (first / f).read_bytes()]
    assert replaced, "some modules must carry local replaces"

    done = run_gowls(["--check", "--output-format", "json", "."], cwd=first)
    assert done.returncode == 0, done.stdout + done.stderr
    assert json.loads(done.stdout) == []
    text = run_gowls(["--check", "."], cwd=first)
    assert "in 64 files" in text.stdout  # go.work, every go.mod, the GoReleaser config, the chart

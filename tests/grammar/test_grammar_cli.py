"""The tree-sitter CLI's corpus tests pass and the committed parser matches grammar.js."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
GRAMMAR = REPO / "grammars" / "tree-sitter-gomod"
TREE_SITTER = REPO.parent / "shared" / "tools" / "tree-sitter"


def _cli() -> Path:
    if not (TREE_SITTER.is_file() and os.access(TREE_SITTER, os.X_OK)):
        pytest.skip(f"tree-sitter CLI not found at {TREE_SITTER}")
    return TREE_SITTER


def test_tree_sitter_corpus(tmp_path: Path) -> None:
    cli = _cli()
    env = {**os.environ, "TREE_SITTER_LIBDIR": str(tmp_path), "NO_COLOR": "1"}
    result = subprocess.run(
        [str(cli), "test"], cwd=GRAMMAR, env=env, capture_output=True, text=True, check=False
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "✓" in output, output
    assert "✗" not in output, output


def test_generated_parser_is_up_to_date(tmp_path: Path) -> None:
    cli = _cli()
    if shutil.which("node") is None:
        pytest.skip("node (needed by tree-sitter generate) not found")
    work = tmp_path / "tree-sitter-gomod"
    (work / "src").mkdir(parents=True)
    shutil.copy(GRAMMAR / "grammar.js", work)
    shutil.copy(GRAMMAR / "package.json", work)
    result = subprocess.run(
        [str(cli), "generate", "--no-bindings"],
        cwd=work,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for name in ("parser.c", "grammar.json", "node-types.json"):
        fresh = (work / "src" / name).read_bytes()
        assert fresh == (GRAMMAR / "src" / name).read_bytes(), (
            f"src/{name} is stale: run `tree-sitter generate --no-bindings` in {GRAMMAR}"
        )

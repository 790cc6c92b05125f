"""Helpers shared by the test suites: lay out a workspace on disk, run the gowls CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path


def write_tree(root: Path, files: Mapping[str, str | bytes]) -> Path:
    """Write ``{"relative/path": text}`` below ``root`` and return ``root``.

    Text is written as UTF-8 without newline translation, bytes as they are; a path ending
    in ``/`` makes an empty directory.
    """
    for rel, content in files.items():
        target = root / rel
        if rel.endswith("/"):
            target.mkdir(parents=True, exist_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return root


def run_gowls(
    args: Sequence[str], cwd: Path, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m gowls ARGS`` in a subprocess, as a user would run it outside GitHub Actions
    (``GITHUB_ACTIONS`` would change the default output format)."""
    full = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    full.update({"PYTHONIOENCODING": "utf-8", **(env or {})})
    return subprocess.run(
        [sys.executable, "-m", "gowls", *args],
        cwd=cwd,
        env=full,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )

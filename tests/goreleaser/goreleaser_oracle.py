"""Where the shared GoReleaser reference data lives, and how to run its config loader.

The reference data (schema, corpus, the ``goreleaser-config`` loader built from
GoReleaser's source) is read from ``../shared`` beside the project (or beside the
worktree's parent), never copied into the repository.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
VERDICTS = HERE / "data" / "loader_verdicts.json"


def _shared() -> Path:
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared").is_dir():
            return base / "shared"
    return ROOT.parent / "shared"


SHARED = _shared()
SCHEMA_OSS = SHARED / "reference" / "goreleaser-v2.18.schema.json"
SCHEMA_PRO = SHARED / "reference" / "goreleaser-pro-v2.18.schema.json"
CORPUS = SHARED / "corpus" / "goreleaser"
LOADER = SHARED / "tools" / "goreleaser-config" / "goreleaser-config"

VERDICT_KEYS = ("ok", "error_plain", "warnings", "strict_error", "version", "pro_config")


def corpus_configs() -> list[Path]:
    """The corpus's GoReleaser configs, sorted."""
    return sorted(CORPUS.glob("*.yaml")) if CORPUS.is_dir() else []


def case_configs() -> list[Path]:
    """Our own small configs, sorted."""
    return sorted(CASES.glob("*.yaml"))


def verdict_name(path: Path) -> str:
    """The key a config's verdict is recorded under (``corpus/x.yaml``, ``cases/y.yaml``)."""
    return f"{'cases' if path.parent == CASES else 'corpus'}/{path.name}"


def load(paths: Sequence[Path]) -> dict[str, dict[str, Any]]:
    """Run the loader over ``paths``; its verdicts (the fields we record) by verdict name."""
    out = subprocess.run(
        [str(LOADER), *map(str, paths)], capture_output=True, text=True, check=False
    ).stdout
    verdicts: dict[str, dict[str, Any]] = {}
    for path, line in zip(paths, out.splitlines(), strict=True):
        record = json.loads(line)
        verdicts[verdict_name(path)] = {k: record[k] for k in VERDICT_KEYS}
    return verdicts


def templates(args: Sequence[str]) -> list[dict[str, Any]]:
    """Run the loader's ``templates`` mode; one result per template."""
    out = subprocess.run(
        [str(LOADER), "templates", *args], capture_output=True, text=True, check=False
    ).stdout
    return [json.loads(line) for line in out.splitlines()]

"""The formatter against the real ``go`` command, on every go.mod and go.work of the corpus.

For each file, ``go mod edit -fmt -print`` (or ``go work edit -fmt -print``) gives the expected
bytes; files that ``go`` itself rejects (semantic errors) are left out of the comparison.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from go_oracle import find_go, offline_env
from gowls.syntax.format import FormatError, format_modfile

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
FIXTURES = CORPUS / "fixtures" / "golang__mod" / "modfile" / "testdata"


def _corpus_files() -> list[tuple[Path, str]]:
    """(file, "mod" or "work") for every go.mod, go.work and modfile fixture input."""
    files: list[tuple[Path, str]] = []
    for sub in ("gomod", "gowork"):
        for path in sorted((CORPUS / sub).rglob("go.mod")):
            files.append((path, "mod"))
        for path in sorted((CORPUS / sub).rglob("go.work")):
            files.append((path, "work"))
    for path in sorted(FIXTURES.rglob("*.in")):
        files.append((path, "work" if path.parent.name == "work" else "mod"))
    return files


def _go_fmt(go: str, path: Path, kind: str) -> bytes | None:
    """What go prints for ``path`` formatted, or None when go rejects the file."""
    with tempfile.TemporaryDirectory() as tmp:
        # HOME stays: go may create telemetry files there after it exits, racing the cleanup.
        env = offline_env(Path(tmp), GOWORK="off", HOME=os.environ.get("HOME", tmp))
        result = subprocess.run(
            [go, kind, "edit", "-fmt", "-print", str(path)],
            cwd=tmp,
            env=env,
            capture_output=True,
            check=False,
        )
    return result.stdout if result.returncode == 0 else None


def test_format_matches_go_on_corpus() -> None:
    go = find_go()
    if go is None:
        pytest.skip("no go command found")
    if not CORPUS.is_dir():
        pytest.skip(f"corpus not found at {CORPUS}")
    files = _corpus_files()
    with ThreadPoolExecutor(2) as pool:
        expected = list(pool.map(lambda item: _go_fmt(go, *item), files))

    mismatches: list[str] = []
    rejected: list[str] = []
    compared = 0
    for (path, _), want in zip(files, expected, strict=True):
        name = str(path.relative_to(CORPUS))
        if want is None:
            rejected.append(name)
            continue
        compared += 1
        try:
            got = format_modfile(path.read_bytes())
        except FormatError as err:
            mismatches.append(f"{name}: FormatError: {err}")
            continue
        if got != want:
            mismatches.append(f"{name}: differs\n--- go\n{want!r}\n--- gowls\n{got!r}")

    assert compared > 0, f"go rejected every file: {rejected}"
    assert not mismatches, (
        f"{len(mismatches)} of {compared} files differ from go "
        f"(go rejected {len(rejected)}: {rejected}):\n" + "\n\n".join(mismatches)
    )

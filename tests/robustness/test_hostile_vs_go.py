"""The hostile go.mod texts that gowls now rejects are rejected by the real ``go`` with the
same words (offline; skipped when go is missing)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from go_oracle import GO, SKIP_REASON, offline_env
from gowls.syntax.gomod import parse_gomod

CASES = (
    ("bom", b"\xef\xbb\xbfmodule example.com/bom\n\ngo 1.22\n"),
    ("invalid-utf8", b"module example.com/\xff\xfe/bad\n\ngo 1.22\n"),
    ("nul", b"module example.com/n\x00ul\n\ngo 1.22\n"),
)


@pytest.mark.skipif(GO is None, reason=SKIP_REASON)
@pytest.mark.parametrize(("name", "text"), CASES, ids=[n for n, _ in CASES])
def test_go_rejects_it_in_the_same_words(name: str, text: bytes, tmp_path: Path) -> None:
    assert GO is not None
    module = tmp_path / "m"
    module.mkdir()
    (module / "go.mod").write_bytes(text)
    done = subprocess.run(
        [GO, "list", "-m"],
        cwd=module,
        env=offline_env(tmp_path / "home"),
        capture_output=True,
        check=False,
    )
    assert done.returncode != 0
    said = done.stderr.decode("utf-8", errors="replace")
    problems = parse_gomod(text).problems
    assert problems, f"gowls accepts {name}"
    assert problems[0].message in said, (problems[0].message, said)

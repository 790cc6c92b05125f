"""Every rule's documented example agrees with the real `go`: an error rule's example makes
``go list -m all`` fail, a warning's or information's example is one go accepts."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_conformance import run_go

from go_oracle import GO, SKIP_REASON, offline_env
from gowls.analysis.findings import Severity
from gowls.analysis.registry import Rule
from gowls.languages import LANGUAGES
from workspace_files import write_tree

RULES = sorted(
    (r for r in LANGUAGES.rules() if r.info.kind in ("go.mod", "go.work")),
    key=lambda r: r.info.code,
)
"""The go kinds' rules (the other kinds' examples are checked against their own tools)."""
NEWER_THAN_GO = {"GM113", "GW112"}
"""Warnings about a go line newer than any known release: the go running here rejects them."""


@pytest.fixture(scope="module")
def go_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    if GO is None:
        pytest.skip(SKIP_REASON)
    return offline_env(tmp_path_factory.mktemp("gohome"))


@pytest.mark.parametrize("registered", RULES, ids=[r.info.code for r in RULES])
def test_example_agrees_with_go(
    registered: Rule[object], tmp_path: Path, go_env: dict[str, str]
) -> None:
    info = registered.info
    assert info.example is not None
    write_tree(tmp_path, info.example.files)
    # In the workspace when the example has a go.work, else in the reported module.
    workdir = tmp_path
    if "go.work" not in info.example.files:
        workdir = tmp_path / os.path.dirname(info.example.finding_in)
    env = dict(go_env)
    for name, rel in info.example.env.items():
        env[name] = str(tmp_path / rel)
    if "GOMODCACHE" in info.example.env:  # a cache without go.sum: let go record the sums
        env["GOFLAGS"] = "-mod=mod"
    go = run_go(workdir, env, ["list", "-m", "all"])
    if info.code in NEWER_THAN_GO:
        assert go.code != 0 and "requires go >= " in go.stderr, go.stderr
    elif info.severity is Severity.ERROR:
        assert go.code != 0, f"go accepts the example of error rule {info.code}"
    else:
        assert go.code == 0, f"go rejects the example of {info.code}:\n{go.stderr}"

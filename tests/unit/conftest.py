"""Fixtures for the unit tests."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest
from unit_helpers import CheckTree

from gowls.analysis.engine import check_file
from gowls.analysis.findings import Finding
from gowls.analysis.snapshot import Snapshot
from gowls.analysis.source import FileSource
from gowls.languages import LANGUAGES
from workspace_files import write_tree


@pytest.fixture
def check_tree(tmp_path: Path) -> CheckTree:
    """Write a tree into tmp_path and return the findings of one of its files."""

    def run(files: Mapping[str, str], target: str = "go.work") -> list[Finding]:
        write_tree(tmp_path, files)
        snapshot = Snapshot(FileSource(), LANGUAGES)
        return list(check_file(snapshot, tmp_path / target).findings)

    return run

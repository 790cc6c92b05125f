"""Half-typed configurations: checks, completion and hover never fail.

Every case cut at every line and in the middle of every line is checked, and completion
and hover are asked at the cut.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from goreleaser_oracle import CASES

from gowls.analysis.goreleaser.assist import complete, hover
from gowls.analysis.goreleaser.check import check_config
from gowls.analysis.goreleaser.documents import parse_config_file
from gowls.analysis.goreleaser.outline import definition, symbols
from gowls.analysis.registry import RuleContext
from gowls.analysis.snapshot import Snapshot
from gowls.analysis.source import FileSource
from gowls.languages import LANGUAGES


@pytest.mark.parametrize("path", sorted(CASES.glob("*.yaml")), ids=lambda p: p.name)
def test_prefixes_never_fail(path: Path) -> None:
    data = path.read_bytes()
    snapshot = Snapshot(FileSource(), LANGUAGES)
    cuts = {len(data)}
    start = 0
    for line in data.split(b"\n"):
        cuts.update({start, start + len(line) // 2, start + len(line)})
        start += len(line) + 1
    for cut in sorted(c for c in cuts if c <= len(data)):
        doc = parse_config_file(data[:cut], path)
        check_config(path, doc.yaml)
        ctx = RuleContext(snapshot, path, doc)
        end = doc.index.point(cut)
        complete(ctx, end)
        hover(ctx, end)
        definition(ctx, end)
        symbols(ctx)

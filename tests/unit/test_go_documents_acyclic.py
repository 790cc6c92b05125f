"""go.mod and go.work documents hold no reference cycles: reference counting frees them
(the server freezes long-lived objects and relies on that; a cycle per document made the
cyclic collector run every few keystrokes)."""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path

import pytest

from gowls.analysis.go.outline import symbols
from gowls.analysis.registry import RuleContext
from gowls.analysis.snapshot import Snapshot
from gowls.analysis.source import FileSource
from gowls.languages import LANGUAGES
from gowls.syntax.gomod import GoMod, parse_gomod
from gowls.syntax.gowork import GoWork, parse_gowork

GOMOD = (
    "module example.com/m\n\ngo 1.22\n\nrequire (\n\texample.com/a v1.0.0 // why\n"
    "\texample.com/b v1.0.0\n)\n\nreplace example.com/a => ../a\n\nrequire bad\nexclude (\n"
)
GOWORK = "go 1.22\n\nuse (\n\t./a\n\t./b\n)\n\nreplace example.com/x => ../x\n"


@pytest.mark.parametrize(("parse", "text"), [(parse_gomod, GOMOD), (parse_gowork, GOWORK)])
def test_parsed_document_leaves_nothing_for_the_cyclic_collector(
    parse: Callable[[bytes], GoMod | GoWork], text: str
) -> None:
    gc.collect()
    gc.disable()
    try:
        doc = parse(text.encode())
        assert doc.syntax.blocks
        del doc
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_outline_still_lists_each_block_with_its_lines(tmp_path: Path) -> None:
    path = tmp_path / "go.mod"
    doc = parse_gomod(GOMOD.encode())
    ctx = RuleContext(Snapshot(FileSource(), LANGUAGES), path, doc)
    blocks = [s for s in symbols(ctx) if s.children]
    assert [(s.name, [c.name for c in s.children]) for s in blocks] == [
        ("require", ["example.com/a", "example.com/b"])
    ]

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
from gowls.syntax.gomod import GoMod, parse_gomod, reparse_gomod
from gowls.syntax.gowork import GoWork, parse_gowork
from gowls.syntax.yaml import parse_yaml, reparse_yaml

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


def _requires(count: int) -> bytes:
    lines = "".join(f"\texample.com/d{i} v1.0.0 // c\n" for i in range(count))
    return f"module example.com/m\n\ngo 1.22\n\nrequire (\n{lines})\n".encode()


def test_reparsed_documents_leave_nothing_for_the_cyclic_collector() -> None:
    """Incremental re-parses (go.mod and YAML) share objects with the previous document and
    keep memo tables; dropping both documents must still free everything by refcounting."""
    yaml = "".join(f"k{i}:\n  a: [1, 2]\n  b: {{c: d}}\n  e: '{'x' * 120}'\n" for i in range(20))
    gc.collect()
    gc.disable()
    try:
        old = parse_gomod(_requires(50))
        new = reparse_gomod(old, _requires(50).replace(b"d7 v1.0.0", b"d7 v1.0.1"))
        assert new.syntax.statements[0] is old.syntax.statements[0]
        old_yaml = parse_yaml(yaml.encode())
        new_yaml = reparse_yaml(old_yaml, yaml.replace("k3:", "k3x:").encode())
        assert new_yaml.memo
        del old, new, old_yaml, new_yaml
        assert gc.collect() == 0
    finally:
        gc.enable()

"""Every go.mod/go.work the go command accepts parses without ERROR or MISSING nodes.

The files come from the shared real-world corpus (go.work trees and standalone go.mod
files) and from golang.org/x/mod's modfile parser fixtures (``*.in``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tree_sitter import Node

from gowls.syntax.grammar import new_parser

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
FIXTURES = CORPUS / "fixtures" / "golang__mod" / "modfile" / "testdata"


def _walk(node: Node) -> Iterator[Node]:
    yield node
    for child in node.children:
        yield from _walk(child)


def _problems(data: bytes) -> list[str]:
    """Describe each ERROR or MISSING node of the parse of ``data``."""
    tree = new_parser().parse(data)
    problems: list[str] = []
    for node in _walk(tree.root_node):
        if node.is_error or node.is_missing:
            row, col = node.start_point
            kind = f"MISSING {node.type!r}" if node.is_missing else "ERROR"
            problems.append(f"{kind} at {row + 1}:{col + 1}")
    return problems


def _check(files: list[Path]) -> None:
    assert files, "no files found"
    offenders = []
    for path in files:
        problems = _problems(path.read_bytes())
        if problems:
            offenders.append(f"{path.relative_to(CORPUS)}: {', '.join(problems[:5])}")
    assert not offenders, f"{len(offenders)} of {len(files)} files do not parse cleanly:\n" + (
        "\n".join(offenders)
    )


def _require_corpus() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS}")


def test_real_world_gomod_and_gowork_files_parse_cleanly() -> None:
    _require_corpus()
    files = sorted(
        path
        for top in ("gowork", "gomod")
        for path in (CORPUS / top).rglob("*")
        if path.is_file() and path.name in ("go.mod", "go.work")
    )
    _check(files)


def test_modfile_fixtures_parse_cleanly() -> None:
    _require_corpus()
    if not FIXTURES.is_dir():
        pytest.skip(f"x/mod fixtures not found at {FIXTURES}")
    _check(sorted(FIXTURES.rglob("*.in")))


@pytest.mark.parametrize(
    "source",
    [
        b"module m\n\nrequire (\n\ta v1.0.0\n",
        b"module m\nrequire (\n\ta v1.0.0",
        b'module m\nreplace x => "abc\ngo 1.21\n',
        b"module m\nrequire (\n\ta v1\n) x\ngo 1.21\n",
        b"module m\nrequire a\x0cb v1\ngo 1.21\n",
        b"module m\n/* x */\ngo 1.21\n",
    ],
    ids=[
        "unterminated-block",
        "unterminated-block-no-newline",
        "unterminated-string",
        "token-after-close",
        "bad-char",
        "block-comment",
    ],
)
def test_broken_input_stays_local(source: bytes) -> None:
    tree = new_parser().parse(source)
    root = tree.root_node
    assert root.has_error
    assert root.type == "source_file"
    # The first line still parses as a directive and the problem is reported after it.
    first = root.named_children[0]
    assert first.type == "directive"
    assert not first.has_error
    for node in _walk(root):
        if node.is_error or node.is_missing:
            assert node.start_point[0] >= 1
            assert node.end_point[0] - node.start_point[0] <= 1

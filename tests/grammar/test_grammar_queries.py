"""The grammar's query files compile against LANGUAGE and capture what they promise."""

from __future__ import annotations

from pathlib import Path

import pytest
from tree_sitter import Query, QueryCursor

from gowls.syntax.grammar import LANGUAGE, new_parser

QUERIES = Path(__file__).resolve().parents[2] / "grammars" / "tree-sitter-gomod" / "queries"


@pytest.mark.parametrize("name", sorted(p.name for p in QUERIES.glob("*.scm")))
def test_query_compiles(name: str) -> None:
    query = Query(LANGUAGE, (QUERIES / name).read_text())
    assert query.pattern_count > 0


def test_highlights() -> None:
    query = Query(LANGUAGE, (QUERIES / "highlights.scm").read_text())
    source = (
        b"go 1.23.0\n"
        b"toolchain go1.23.4\n"
        b"require (\n"
        b'\t"example.com/a" v0.0.0-20240101000000-abcdef123456 // indirect\n'
        b")\n"
        b"replace b v1.0.0 => ../b\n"
        b"retract [v1.0.0, v1.9.9]\n"
    )
    tree = new_parser().parse(source)
    captures = QueryCursor(query).captures(tree.root_node)

    def texts(name: str) -> set[str]:
        return {(n.text or b"").decode() for n in captures.get(name, [])}

    assert texts("keyword") == {"go", "toolchain", "require", "replace", "retract"}
    assert texts("operator") == {"=>"}
    assert texts("number") == {
        "1.23.0",
        "go1.23.4",
        "v0.0.0-20240101000000-abcdef123456",
        "v1.0.0",
        "v1.9.9",
    }
    assert texts("string") == {'"example.com/a"'}
    assert texts("comment") == {"// indirect"}
    assert texts("punctuation.bracket") == {"(", ")", "[", "]"}
    assert texts("punctuation.delimiter") == {","}


def test_folds() -> None:
    query = Query(LANGUAGE, (QUERIES / "folds.scm").read_text())
    tree = new_parser().parse(b"module m\nrequire (\n\ta v1\n)\n")
    folds = QueryCursor(query).captures(tree.root_node)["fold"]
    assert [(n.start_point[0], n.end_point[0]) for n in folds] == [(1, 3)]

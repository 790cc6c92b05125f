"""The grammar splits lines into the tokens golang.org/x/mod's lexer produces."""

from __future__ import annotations

import pytest
from tree_sitter import Node

from gowls.syntax.grammar import LANGUAGE, new_parser


def _leaves(node: Node, out: list[tuple[str, str]]) -> list[tuple[str, str]]:
    if node.type in ("identifier", "interpreted_string", "raw_string", "comment") or (
        node.child_count == 0
    ):
        out.append((node.type, (node.text or b"").decode()))
        return out
    for child in node.children:
        _leaves(child, out)
    return out


def _tokens(source: str) -> list[tuple[str, str]]:
    tree = new_parser().parse(source.encode())
    assert not tree.root_node.has_error, str(tree.root_node)
    return _leaves(tree.root_node, [])


I, S, R, C = "identifier", "interpreted_string", "raw_string", "comment"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("require foo//x", [(I, "require"), (I, "foo"), (C, "//x")]),
        ("a//b//c\n", [(I, "a"), (C, "//b//c")]),
        ("a///b", [(I, "a"), (C, "///b")]),
        ("use ./a/ / a/b", [(I, "use"), (I, "./a/"), (I, "/"), (I, "a/b")]),
        ("x a/ /b", [(I, "x"), (I, "a/"), (I, "/b")]),
        ("replace x=>y => z", [(I, "replace"), (I, "x=>y"), (I, "=>"), (I, "z")]),
        ('x"y" "z"', [(I, 'x"y"'), (S, '"z"')]),
        ('"a\\"b"//c', [(S, '"a\\"b"'), (C, "//c")]),
        ("`raw`x", [(R, "`raw`"), (I, "x")]),
        ("a\tb\rc", [(I, "a"), (I, "b"), (I, "c")]),
        ("block1()", [(I, "block1"), ("(", "("), (")", ")")]),
        ("retract [v1,v2]", [(I, "retract"), ("[", "["), (I, "v1"), (",", ","), (I, "v2"), ("]", "]")]),
        ("a {b}", [(I, "a"), ("{", "{"), (I, "b"), ("}", "}")]),
        ("module héllo/世界", [(I, "module"), (I, "héllo/世界")]),
        ("go 1.21 // c\r\n", [(I, "go"), (I, "1.21"), (C, "// c")]),
        (
            "x ( ( )\n",
            [(I, "x"), ("(", "("), ("(", "("), (")", ")")],
        ),
    ],
)
def test_tokens_match_go_lexer(source: str, expected: list[tuple[str, str]]) -> None:
    assert _tokens(source) == expected


@pytest.mark.parametrize(
    ("source", "shape"),
    [
        # `(` ending a line opens a block; `( )` ending a line is an empty block.
        ("block1()\n", ["block"]),
        ('block3 "w" ( ) // empty\n', ["block", "comment"]),
        # `(` or `( )` followed by more tokens on the line is just a token.
        ('block4 "x" ( ) "y"\n', ["directive"]),
        ("block2 (x y z)\n", ["directive"]),
        ('block5 ( "z"\n', ["directive"]),
        # A leading `(` or `)` at top level is an ordinary first token.
        (")\n( x\n", ["directive", "directive"]),
        ("require (\n\ta v1\n\t( b )\n)\n", ["block"]),
    ],
)
def test_statement_kinds(source: str, shape: list[str]) -> None:
    tree = new_parser().parse(source.encode())
    assert not tree.root_node.has_error, str(tree.root_node)
    assert [n.type for n in tree.root_node.named_children] == shape


def test_fields_and_ranges() -> None:
    source = b'require (\n\ta v1 // c\n)\nreplace x => "y" // z\n'
    root = new_parser().parse(source).root_node
    block, directive = (n for n in root.named_children if n.type != "comment")
    verb = block.child_by_field_name("verb")
    assert verb is not None and verb.text == b"require"
    assert block.start_byte == 0
    assert source[block.start_byte : block.end_byte].endswith(b"\n)")
    (line,) = (n for n in block.named_children if n.type == "block_line")
    assert line.text == b"a v1"
    assert directive.text == b'replace x => "y"'
    dverb = directive.child_by_field_name("verb")
    assert dverb is not None and dverb.text == b"replace"
    assert LANGUAGE.field_id_for_name("verb") is not None

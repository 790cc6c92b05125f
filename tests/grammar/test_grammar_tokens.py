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


ID, STR, RAW, COM = "identifier", "interpreted_string", "raw_string", "comment"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("require foo//x", [(ID, "require"), (ID, "foo"), (COM, "//x")]),
        ("a//b//c\n", [(ID, "a"), (COM, "//b//c")]),
        ("a///b", [(ID, "a"), (COM, "///b")]),
        ("use ./a/ / a/b", [(ID, "use"), (ID, "./a/"), (ID, "/"), (ID, "a/b")]),
        ("x a/ /b", [(ID, "x"), (ID, "a/"), (ID, "/b")]),
        ("replace x=>y => z", [(ID, "replace"), (ID, "x=>y"), (ID, "=>"), (ID, "z")]),
        ('x"y" "z"', [(ID, 'x"y"'), (STR, '"z"')]),
        ('"a\\"b"//c', [(STR, '"a\\"b"'), (COM, "//c")]),
        ("`raw`x", [(RAW, "`raw`"), (ID, "x")]),
        ("a\tb\rc", [(ID, "a"), (ID, "b"), (ID, "c")]),
        ("block1()", [(ID, "block1"), ("(", "("), (")", ")")]),
        (
            "retract [v1,v2]",
            [(ID, "retract"), ("[", "["), (ID, "v1"), (",", ","), (ID, "v2"), ("]", "]")],
        ),
        ("a {b}", [(ID, "a"), ("{", "{"), (ID, "b"), ("}", "}")]),
        # Comments and strings may hold any character but a newline, NUL included.
        ("x // a\x00b", [(ID, "x"), (COM, "// a\x00b")]),
        ('x "a\x00" `b\x00`', [(ID, "x"), (STR, '"a\x00"'), (RAW, "`b\x00`")]),
        ("module héllo/世界", [(ID, "module"), (ID, "héllo/世界")]),
        ("go 1.21 // c\r\n", [(ID, "go"), (ID, "1.21"), (COM, "// c")]),
        (
            "x ( ( )\n",
            [(ID, "x"), ("(", "("), ("(", "("), (")", ")")],
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

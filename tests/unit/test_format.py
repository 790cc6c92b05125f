"""Unit tests for the go.mod / go.work formatter.

Every expected output below was produced once by ``go mod edit -fmt`` / ``go work edit -fmt``
(Go 1.27) from the input next to it.
"""

from __future__ import annotations

import pytest

from gowls.syntax.format import FormatError, format_modfile

CASES = [
    pytest.param(
        (
            b"// lead\n"
            b"\n"
            b"// before module\n"
            b"module x // suffix\n"
            b"// before go\n"
            b"go 1.21\n"
            b"\n"
            b"// lone\n"
            b"\n"
            b"// trailing\n"
        ),
        (
            b"// lead\n"
            b"\n"
            b"// before module\n"
            b"module x // suffix\n"
            b"\n"
            b"// before go\n"
            b"go 1.21\n"
            b"\n"
            b"// lone\n"
            b"\n"
            b"// trailing\n"
        ),
        id="comments_before_suffix_after",
    ),
    pytest.param(
        (b"\n\nmodule x   \n\n\n\ngo 1.21\t\n\n\n"),
        (b"module x\n\ngo 1.21\n"),
        id="blank_lines_collapse",
    ),
    pytest.param(
        (b"module x\ngo 1.21\ntoolchain go1.21.3\n"),
        (b"module x\n\ngo 1.21\n\ntoolchain go1.21.3\n"),
        id="adjacent_directives_get_blank_line",
    ),
    pytest.param(
        (b"module x\nrequire (\n    b.b    v1.0.0\n  a.a v1.0.0 // indirect\n  )\n"),
        (b"module x\n\nrequire (\n\ta.a v1.0.0 // indirect\n\tb.b v1.0.0\n)\n"),
        id="block_indentation",
    ),
    pytest.param(
        (
            b"module x\n"
            b"// before block\n"
            b"require ( // after paren\n"
            b"\t// before line\n"
            b"\ta.a v1.0.0 // on line\n"
            b"\tb.b v1.0.0\n"
            b"\t// before close\n"
            b") // after close\n"
        ),
        (
            b"module x\n"
            b"\n"
            b"// before block\n"
            b"require ( // after paren\n"
            b"\t// before line\n"
            b"\ta.a v1.0.0 // on line\n"
            b"\tb.b v1.0.0\n"
            b"// before close\n"
            b") // after close\n"
        ),
        id="block_comments",
    ),
    pytest.param(
        (b"module x\nrequire (\n\n\n\ta.a v1.0.0\n\n\n\tb.b v1.0.0\n\t// end\n\n)\n"),
        (b"module x\n\nrequire (\n\ta.a v1.0.0\n\n\tb.b v1.0.0\n// end\n\n)\n"),
        id="blank_lines_inside_block",
    ),
    pytest.param(
        (b"module x\nrequire (\n\ta.a v1.0.0\n\tb.b v1.0.0\n\n)\n"),
        (b"module x\n\nrequire (\n\ta.a v1.0.0\n\tb.b v1.0.0\n)\n"),
        id="trailing_blank_line_in_block_dropped",
    ),
    pytest.param(
        (b"module x\n// gone\nrequire ()\nexclude (\n)\nreplace ( // gone too\n\t// inside\n)\n"),
        b"module x\n",
        id="empty_blocks_dropped",
    ),
    pytest.param(
        (
            b"module x\n"
            b"// kept\n"
            b"require ( // dropped\n"
            b"\t// kept too\n"
            b"\ta.a v1.0.0 // kept\n"
            b") // dropped\n"
        ),
        (b"module x\n\n// kept\n// kept too\nrequire a.a v1.0.0 // kept\n"),
        id="single_line_block_collapses",
    ),
    pytest.param(
        (b"module x\r\n\r\n// c\r\nrequire (\r\n\ta.a v1.0.0 // s\r\n\tb.b v1.0.0\r\n)\r\n"),
        (b"module x\n\n// c\nrequire (\n\ta.a v1.0.0 // s\n\tb.b v1.0.0\n)\n"),
        id="crlf_input",
    ),
    pytest.param(
        (b"module x\ngo 1.21 // last"),
        (b"module x\n\ngo 1.21 // last\n"),
        id="no_trailing_newline",
    ),
    pytest.param(
        (b"// one\n// two"),
        (b"// one\n// two\n"),
        id="only_comments",
    ),
    pytest.param(
        b"",
        b"",
        id="empty_file",
    ),
    pytest.param(
        (
            b"module x\n"
            b"require (\n"
            b"\tz.z v1.0.0\n"
            b"\ta.a v1.0.0\n"
            b")\n"
            b"\n"
            b"require (\n"
            b"\ty.y v1.0.0 // indirect\n"
            b"\tb.b v1.0.0 // indirect\n"
            b")\n"
            b"require c.c v1.0.0\n"
        ),
        (
            b"module x\n"
            b"\n"
            b"require (\n"
            b"\ta.a v1.0.0\n"
            b"\tz.z v1.0.0\n"
            b")\n"
            b"\n"
            b"require (\n"
            b"\tb.b v1.0.0 // indirect\n"
            b"\ty.y v1.0.0 // indirect\n"
            b")\n"
            b"\n"
            b"require c.c v1.0.0\n"
        ),
        id="multiple_blocks_same_verb",
    ),
    pytest.param(
        (
            b'module "example.com/x"\n'
            b'require "a.b/\\x63" "v1.2"\n'
            b'replace "a.b/c" => "./with space"\n'
        ),
        (b'module example.com/x\n\nrequire a.b/c v1.2.0\n\nreplace a.b/c => "./with space"\n'),
        id="quoted_tokens",
    ),
    pytest.param(
        (b"module x\nrequire (\n\ta.a v1\n\tb.b v1.2.3+meta\n\tc.c v2.0.0+incompatible\n)\n"),
        (b"module x\n\nrequire (\n\ta.a v1.0.0\n\tb.b v1.2.3\n\tc.c v2.0.0+incompatible\n)\n"),
        id="versions_canonical",
    ),
    pytest.param(
        (
            b"module x\n"
            b"exclude (\n"
            b"\ta.a v1.0.0\n"
            b"\ta.a v1.0.0\n"
            b")\n"
            b"replace a.a => ./one\n"
            b"replace a.a => ./two\n"
            b"tool (\n"
            b"\tb.b/cmd\n"
            b"\tb.b/cmd\n"
            b")\n"
        ),
        (b"module x\n\nexclude a.a v1.0.0\n\nreplace a.a => ./two\n\ntool b.b/cmd\n"),
        id="duplicates_removed",
    ),
    pytest.param(
        (b"module x\ngo 1.21\nexclude (\n\ta.a v1.10.0\n\ta.a v1.9.0\n)\n"),
        (b"module x\n\ngo 1.21\n\nexclude (\n\ta.a v1.9.0\n\ta.a v1.10.0\n)\n"),
        id="exclude_semantic_sort",
    ),
    pytest.param(
        (b"module x\ngo 1.20\nexclude (\n\ta.a v1.10.0\n\ta.a v1.9.0\n)\n"),
        (b"module x\n\ngo 1.20\n\nexclude (\n\ta.a v1.10.0\n\ta.a v1.9.0\n)\n"),
        id="exclude_lexical_sort_before_go121",
    ),
    pytest.param(
        (b"module x\nretract (\n\tv1.0.0 // broken\n\t[v1.1.0,v1.2.0]\n\tv2.0.0\n)\n"),
        (b"module x\n\nretract (\n\tv2.0.0\n\t[v1.1.0, v1.2.0]\n\tv1.0.0 // broken\n)\n"),
        id="retract_sort_and_rationale",
    ),
    pytest.param(
        (b'go 1.22\nuse (\n\t./b\n\t"./a"\n)\nuse ./c // c\nreplace x.x v1 => ./y\n'),
        (b"go 1.22\n\nuse (\n\t./a\n\t./b\n)\n\nuse ./c // c\n\nreplace x.x v1.0.0 => ./y\n"),
        id="work_file",
    ),
    pytest.param(
        (b"// head\r\ngo 1.22\r\nuse ./a"),
        (b"// head\ngo 1.22\n\nuse ./a\n"),
        id="work_crlf_no_newline",
    ),
]


@pytest.mark.parametrize(("source", "expected"), CASES)
def test_matches_go(source: bytes, expected: bytes) -> None:
    assert format_modfile(source) == expected


@pytest.mark.parametrize(("source", "expected"), CASES)
def test_idempotent(source: bytes, expected: bytes) -> None:
    assert format_modfile(expected) == expected


@pytest.mark.parametrize(
    "source",
    [b"module x\nrequire (\n\ta.a v1.0.0\n", b"module /* no */ x\n", b'module "x\n'],
)
def test_syntax_error_raises(source: bytes) -> None:
    with pytest.raises(FormatError):
        format_modfile(source)

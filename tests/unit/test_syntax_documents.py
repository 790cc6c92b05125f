"""go.mod and go.work documents: every directive, and problems worded exactly as go words them.

The expected messages were taken from `go work edit -json` / `go mod edit -json` (go 1.27)
run on the same text; the line is the one go prints after ``file:``.
"""

from __future__ import annotations

import pytest

from gowls.syntax.gomod import parse_gomod
from gowls.syntax.gowork import parse_gowork

REPLACE_USAGE = (
    "usage: replace module/path [v1.2.3] => other/module v1.4\n"
    "\t or replace module/path [v1.2.3] => ../local/directory"
)

# -- go.work --------------------------------------------------------------------------------

WORK_PROBLEMS = [
    ("go 1.22\nuse\n", 2, "usage: use local/dir"),
    ("go 1.22\nuse ./a ./b\n", 2, "usage: use local/dir"),
    ("go 1.22\nuse (\n\t./a ./b\n)\n", 3, "usage: use local/dir"),
    ("go 1.22\nfrob x\n", 2, "unknown directive: frob"),
    ("go 1.22\nmodule x\n", 2, "unknown directive: module"),
    ("go 1.22\nrequire example.com/x v1.0.0\n", 2, "unknown directive: require"),
    ("go 1.22\nfrob (\n\tx\n)\n", 2, "unknown block type: frob"),
    ("go 1.22\nuse x y (\n)\n", 2, "unknown block type: use x y"),
    ("go 1.2.3.4\n", 1, "invalid go version '1.2.3.4': must match format 1.23.0"),
    ("go 1.22\ngo 1.23\n", 2, "repeated go statement"),
    ("go 1.22\ntoolchain go1.22.0\ntoolchain go1.23.0\n", 3, "repeated toolchain statement"),
    (
        "go 1.22\ntoolchain 1.22\n",
        2,
        "invalid toolchain version '1.22': must match format go1.23.0 or default",
    ),
    (
        "go 1.22\nreplace example.com/x 1.2.3 => ./x\n",
        2,
        'replace example.com/x: version "1.2.3" invalid: must be of the form v1.2.3',
    ),
    (
        "go 1.22\nreplace example.com/x v1.0.0 => example.com/y 1.2.3\n",
        2,
        'replace example.com/y: version "1.2.3" invalid: must be of the form v1.2.3',
    ),
    ("go 1.22\nreplace example.com/x\n", 2, REPLACE_USAGE),
    (
        "go 1.22\nreplace example.com/x => example.com/y\n",
        2,
        "replacement module without version must be directory path "
        "(rooted or starting with . or ..)",
    ),
    (
        "go 1.22\nreplace example.com/x => ./x v1.0.0\n",
        2,
        'replacement module directory path "./x" cannot have version',
    ),
    (
        "go 1.22\nreplace example.com/x/v2 v1.0.0 => ./x\n",
        2,
        'replace example.com/x/v2: version "v1.0.0" invalid: should be v2, not v1',
    ),
    (
        "go 1.22\nuse (\n\t./a\n",
        2,  # the problem's span is the block start; go names the end of the file
        "syntax error (unterminated block started at go.work:2:1)",
    ),
    ("go 1.22\ngodebug foo\n", 2, "usage: godebug key=value"),
    ("go 1.22\ngodebug a=1 b=2\n", 2, "usage: godebug key=value"),
    ('go 1.22\nuse "./a\n', 2, "unexpected newline in string"),
    ('go 1.22\nuse ./a"b\n', 2, "invalid quoted string: unquoted string cannot contain quote"),
    ('go 1.22\nuse "\\q"\n', 2, "invalid quoted string: invalid syntax"),
    ("go 1.22\nuse (\n\t./a\n) ./b\n", 4, "syntax error (expected newline after closing paren)"),
    ("go 1.22\n/* c */\n", 2, "mod files must use // comments (not /* */ comments)"),
    ("go 1.22\n(\n", 2, "unknown directive: ("),
]


@pytest.mark.parametrize(("text", "line", "message"), WORK_PROBLEMS)
def test_gowork_problems(text: str, line: int, message: str) -> None:
    work = parse_gowork(text.encode(), "go.work")
    assert work.problems, "expected a problem"
    first = work.problems[0]
    assert (first.span.start.line + 1, first.message) == (line, message)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "// only a comment\n",
        "go 1.22\n",
        "go 1.22\nuse ./a",
        "go 1.22\r\nuse (\r\n\t./a\r\n)\r\n",
        "go 1.21rc1\ntoolchain default\n",
        'go 1.22\nuse "./a b"\nuse "./c" // comment\n',
        "go 1.22\ngodebug (\n\tdefault=go1.21\n\tpanicnil=1\n)\n",
        "go 1.22\nreplace example.com/x v1.0.0 => ./x\n"
        "replace example.com/y => example.com/z v1.2.0\n",
    ],
)
def test_gowork_accepted(text: str) -> None:
    assert parse_gowork(text.encode(), "go.work").problems == []


def test_gowork_directives() -> None:
    text = (
        "// The workspace.\n"
        "go 1.23.1\n"
        "\n"
        "toolchain go1.23.4\n"
        "\n"
        "godebug default=go1.21\n"
        "godebug (\n"
        "\tpanicnil=1\n"
        ")\n"
        "\n"
        "use ./tools // suffix\n"
        "use (\n"
        "\t.\n"
        '\t"./with space"\n'
        "\t../sibling/\n"
        "\t/abs/path\n"
        ")\n"
        "\n"
        "replace example.com/x v1.0.0 => ./x\n"
        "replace (\n"
        "\texample.com/y => example.com/z v1.2\n"
        ")\n"
    )
    work = parse_gowork(text.encode(), "go.work")
    assert work.problems == []
    assert work.go is not None and work.go.version == "1.23.1"
    assert work.toolchain is not None and work.toolchain.name == "go1.23.4"
    assert [(g.key, g.value) for g in work.godebugs] == [("default", "go1.21"), ("panicnil", "1")]
    assert [u.path for u in work.uses] == [
        "./tools",
        ".",
        "./with space",
        "../sibling/",
        "/abs/path",
    ]
    tools = work.uses[0]
    assert tools.statement.suffix is not None and tools.statement.suffix.text == "// suffix"
    assert (tools.span.start.line, tools.span.start.column, tools.span.end.column) == (10, 4, 11)
    quoted = work.uses[2]
    assert (quoted.span.start.line, quoted.span.start.column) == (13, 1)
    assert quoted.statement.block is not None and quoted.statement.block.verb == "use"
    first, second = work.replaces
    assert (first.old_path, first.old_version, first.new_path, first.new_version) == (
        "example.com/x",
        "v1.0.0",
        "./x",
        "",
    )
    assert first.is_local
    assert (second.old_path, second.old_version, second.new_path, second.new_version) == (
        "example.com/y",
        "",
        "example.com/z",
        "v1.2.0",  # canonicalised as go does
    )
    assert not second.is_local
    assert work.index.line_count == text.count("\n") + 1


def test_gowork_several_problems_are_sorted() -> None:
    work = parse_gowork(b"go 1.22\nfrob\nuse\ngo 1.23\n", "go.work")
    assert [(p.span.start.line + 1, p.message) for p in work.problems] == [
        (2, "unknown directive: frob"),
        (3, "usage: use local/dir"),
        (4, "repeated go statement"),
    ]


def test_statement_comments() -> None:
    work = parse_gowork(b"go 1.22\n\n// one\n// two\nuse ./a // mine\n", "go.work")
    stmt = work.uses[0].statement
    assert [c.text for c in stmt.before] == ["// one", "// two"]
    assert stmt.suffix is not None and stmt.suffix.suffix
    assert [c.suffix for c in work.syntax.comments] == [False, False, True]


# -- go.mod ---------------------------------------------------------------------------------

M = "module example.com/m\n"

MOD_PROBLEMS = [
    (
        M + "go 1.22\nrequire example.com/x 1.2.3\n",
        3,
        'require example.com/x: version "1.2.3" invalid: must be of the form v1.2.3',
    ),
    (
        M + "require example.com/x v1.0.0-01\n",
        2,
        'require example.com/x: version "v1.0.0-01" invalid: must be of the form v1.2.3',
    ),
    (M + "require example.com/x\n", 2, "usage: require module/path v1.2.3"),
    (M + "require (\n\texample.com/x v1.0.0 v2\n)\n", 3, "usage: require module/path v1.2.3"),
    (M + "exclude example.com/x\n", 2, "usage: exclude module/path v1.2.3"),
    ("module\n", 1, "usage: module module/path"),
    ("module a b\n", 1, "usage: module module/path"),
    (M + "module example.com/n\n", 2, "repeated module statement"),
    (M + "go 1.21\ngo 1.22\n", 3, "repeated go statement"),
    (M + "go\n", 2, "go directive expects exactly one argument"),
    (M + "go 1.22.x\n", 2, "invalid go version '1.22.x': must match format 1.23.0"),
    (M + "toolchain go1.21\ntoolchain go1.22\n", 3, "repeated toolchain statement"),
    (
        M + "require example.com/x/v2 v1.0.0\n",
        2,
        'require example.com/x/v2: version "v1.0.0" invalid: should be v2, not v1',
    ),
    (
        M + "require example.com/x v2.0.0\n",
        2,
        'require example.com/x: version "v2.0.0" invalid: should be v0 or v1, not v2',
    ),
    (
        M + "replace example.com/x v1.0.0 => ./x v1.0.0\n",
        2,
        'replacement module directory path "./x" cannot have version',
    ),
    (
        M + "replace example.com/x => example.com/y@v1.0.0\n",
        2,
        "replacement module must match format 'path version', not 'path@version'",
    ),
    (M + "replace example.com/x v1.0.0 =>\n", 2, REPLACE_USAGE),
    (M + "retract [v1.0.0 v1.1.0]\n", 2, "expected ',' after version"),
    (M + "retract [v1.0.0,\n", 2, "expected version after ','"),
    (M + "retract [\n", 2, "expected version after '['"),
    (M + "retract [v1.0.0, v1.1.0\n", 2, "expected ']' after version"),
    (M + "retract [v1.0.0, v1.1.0] x\n", 2, 'unexpected token after version: "x"'),
    (M + "retract 1.0.0\n", 2, 'retract: version "1.0.0" invalid: must be of the form v1.2.3'),
    ("retract v1.0.0\n", 1, "no module directive found, so retract cannot be used"),
    (M + "godebug foo\n", 2, "usage: godebug key=value"),
    (M + "godebug (\n\tfoo=1\n\tbar\n)\n", 4, "usage: godebug key=value"),
    (
        M + "require (\n\texample.com/x v1.0.0\n",
        2,
        "syntax error (unterminated block started at go.mod:2:1)",
    ),
    (M + "frob x\n", 2, "unknown directive: frob"),
    (M + "use ./a\n", 2, "unknown directive: use"),
    (M + "frob (\n\tx\n)\n", 2, "unknown block type: frob"),
    (M + "require x y (\n)\n", 2, "unknown block type: require x y"),
    (M + "tool\n", 2, "tool directive expects exactly one argument"),
    (M + "ignore a b\n", 2, "ignore directive expects exactly one argument"),
    ('module "example.com/m\n', 1, "unexpected newline in string"),
    (M + "go 1.22 // c\n)\n", 3, "unknown directive: )"),
    (
        M + "require (\n\texample.com/x v1.0.0\n) x\n",
        4,
        "syntax error (expected newline after closing paren)",
    ),
    (M + "go 1.22\x01\n", 2, "unexpected input character '\\x01'"),
]


@pytest.mark.parametrize(("text", "line", "message"), MOD_PROBLEMS)
def test_gomod_problems(text: str, line: int, message: str) -> None:
    mod = parse_gomod(text.encode(), "go.mod")
    assert mod.problems, "expected a problem"
    first = mod.problems[0]
    assert (first.span.start.line + 1, first.message) == (line, message)


def test_problem_spans_point_at_the_token() -> None:
    mod = parse_gomod((M + "require example.com/x 1.2.3\n").encode(), "go.mod")
    span = mod.problems[0].span
    assert (span.start.line, span.start.column, span.end.column) == (1, 22, 27)
    work = parse_gowork(b"go 1.2.3.4\n", "go.work")
    span = work.problems[0].span
    assert (span.start.line, span.start.column, span.end.column) == (0, 3, 10)


def test_unterminated_block_names_the_given_file() -> None:
    mod = parse_gomod(b"module m\nrequire (\n", "sub/go.mod")
    assert mod.problems[0].message == "syntax error (unterminated block started at sub/go.mod:2:1)"


def test_gomod_directives() -> None:
    text = (
        "// Deprecated: use example.com/other instead.\n"
        "module example.com/m\n"
        "\n"
        "go 1.22\n"
        "toolchain go1.22.3\n"
        "godebug default=go1.21\n"
        "\n"
        "require example.com/a v1.0.0\n"
        "require (\n"
        '\t"example.com/b" "v1.2.0"\n'
        "\texample.com/c v0.0.0-20230101000000-abcdefabcdef // indirect\n"
        "\texample.com/d/v2 v2.0.0+incompatible // indirect; via a\n"
        ")\n"
        "exclude example.com/a v0.9.0\n"
        "replace example.com/a => ../a\n"
        "replace example.com/b v1.2.0 => example.com/bb v1.3.0\n"
        "retract v1.0.1 // broken build\n"
        "retract (\n"
        "\t[v1.1.0, v1.1.9]\n"
        ")\n"
        "tool example.com/m/cmd/gen\n"
        "ignore ./node_modules\n"
    )
    mod = parse_gomod(text.encode(), "go.mod")
    assert mod.problems == []
    assert mod.module is not None and mod.module_path == "example.com/m"
    assert mod.module.deprecated == "use example.com/other instead."
    assert mod.go is not None and mod.go.version == "1.22"
    assert mod.toolchain is not None and mod.toolchain.name == "go1.22.3"
    assert [(g.key, g.value) for g in mod.godebugs] == [("default", "go1.21")]
    assert [(r.path, r.version, r.indirect) for r in mod.requires] == [
        ("example.com/a", "v1.0.0", False),
        ("example.com/b", "v1.2.0", False),
        ("example.com/c", "v0.0.0-20230101000000-abcdefabcdef", True),
        ("example.com/d/v2", "v2.0.0+incompatible", True),
    ]
    assert [(e.path, e.version) for e in mod.excludes] == [("example.com/a", "v0.9.0")]
    assert [(r.old_path, r.old_version, r.new_path, r.new_version) for r in mod.replaces] == [
        ("example.com/a", "", "../a", ""),
        ("example.com/b", "v1.2.0", "example.com/bb", "v1.3.0"),
    ]
    assert [(r.low, r.high, r.rationale) for r in mod.retracts] == [
        ("v1.0.1", "v1.0.1", "broken build"),
        ("v1.1.0", "v1.1.9", ""),
    ]
    assert [t.path for t in mod.tools] == ["example.com/m/cmd/gen"]
    assert [i.path for i in mod.ignores] == ["./node_modules"]


@pytest.mark.parametrize(
    ("line", "where"),
    [
        ("require example.com/b v1.2", "require example.com/b"),
        ("require example.com/b v1.2.0+meta", "require example.com/b"),
        ("exclude example.com/b v1.2", "exclude example.com/b"),
        ("replace example.com/b v1.2 => ../b", "replace example.com/b"),
        ("replace example.com/b => example.com/c v1.2", "replace example.com/c"),
        ("retract v1.2", "retract"),
    ],
)
def test_gomod_versions_must_be_canonical(line: str, where: str) -> None:
    """The go command reads a main module's go.mod with a version fixer: it would look up
    any version that is not canonical (modfile alone would canonicalize it)."""
    mod = parse_gomod(f"module m\n\n{line}\n".encode(), "go.mod")
    (problem,) = mod.problems
    assert problem.message.startswith(f"{where}: version ")
    assert "is not canonical: go must look it up" in problem.message


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "replace example.com/x => example.com/y/v2 v1.0.0",
            'replace example.com/y/v2: version "v1.0.0" invalid: should be v2, not v1',
        ),
        (
            "replace example.com/x => example.com/y v2.0.0",
            'replace example.com/y: version "v2.0.0" invalid: should be v0 or v1, not v2',
        ),
    ],
)
def test_gomod_replacement_major_must_match(line: str, message: str) -> None:
    (problem,) = parse_gomod(f"module m\n\n{line}\n".encode(), "go.mod").problems
    assert problem.message == message
    # go.work is read without the fixer: go accepts both there.
    assert parse_gowork(f"go 1.22\n\n{line}\n".encode(), "go.work").problems == []


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (b"\xef\xbb\xbfmodule m\n", 0, "unexpected input character '\\ufeff'"),
        (
            "module m\n\nrequire x\u200b v1.0.0\n".encode(),
            2,
            "unexpected input character '\\u200b'",
        ),
        (
            b"module m\n\nrequire (\n\tx v1.0.0\n) require y v1.0.0\n",
            4,
            "syntax error (expected newline after closing paren)",
        ),
    ],
)
def test_gomod_lexer_fidelity(text: bytes, line: int, message: str) -> None:
    mod = parse_gomod(text, "go.mod")
    assert [(p.span.start.line, p.message) for p in mod.problems] == [(line, message)]


def test_gomod_without_module_has_no_path() -> None:
    mod = parse_gomod(b"go 1.22\n", "go.mod")
    assert mod.problems == []
    assert mod.module_path is None


@pytest.mark.parametrize(
    "text",
    [
        M,
        "module x\n",
        M + 'require "example.com/x" "v1.0.0"\n',
        M + "require (\n\texample.com/x v1.0.0\n) // ok\n",
        M + "retract v1.0.0\nretract [v1.0.0, v1.1.0]\n",
        M + "replace example.com/x => ../y\n",
        M + "go 1.22\r\nrequire example.com/x v1.0.0",
    ],
)
def test_gomod_accepted(text: str) -> None:
    assert parse_gomod(text.encode(), "go.mod").problems == []

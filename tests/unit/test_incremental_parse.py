"""Incremental re-parsing of go.mod/go.work: random edit sequences (in-line edits, line
insertions and deletions, Enter, joined lines, CRLF) give what a fresh parse gives, both the
typed document and a full check's findings, and an edit really reuses the rest of the document
(moved when lines were inserted or removed)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gowls.analysis.engine import check_file
from gowls.analysis.findings import Finding
from gowls.analysis.go.documents import gomod
from gowls.analysis.go.modules import ModuleGraph, module_mode_graph
from gowls.analysis.snapshot import ParseCache, Snapshot
from gowls.analysis.source import FileSource, OpenDocument
from gowls.languages import LANGUAGES
from gowls.syntax.affixes import common_affixes
from gowls.syntax.gomod import GoMod, parse_gomod, reparse_gomod
from gowls.syntax.gowork import GoWork, parse_gowork, reparse_gowork
from gowls.syntax.statements import FileSyntax

GOMOD = """// The module.
// Deprecated: use other.
module example.com/m // trailing

go 1.22
toolchain go1.23.1

// leading of the block
require (
\t// lead a
\t// lead a, 2
\texample.com/a v1.0.0 // indirect
\texample.com/b v1.2.3

\texample.com/c/v2 v2.0.0
\t"example.com/d" v0.1.0 // indirect; why
)

require example.com/e v1.5.0 // single

exclude example.com/a v0.9.0
replace example.com/b => ../b
replace (
\texample.com/c/v2 v2.0.0 => example.com/fork/v2 v2.0.1
)

// why
retract [v1.0.0, v1.0.5]
retract v0.0.1 // oops
godebug default=go1.21
tool example.com/tool
ignore ./node_modules
"""

GOWORK = """go 1.22

// uses
use (
\t./a // first
\t./b

\t// c next
\t./c
)
use ./d
replace example.com/x v1.0.0 => ./x
replace (
\texample.com/y => example.com/z v1.2.3
)
godebug (
\tpanicnil=1
)
"""

PIECES = (
    "v1.2.3",
    "v2.0.0",
    "1.0.0",
    " ",
    "\t",
    "\n",
    "// c",
    "//",
    "(",
    ")",
    '"',
    "`",
    "=>",
    "require",
    "replace",
    "example.com/q",
    "indirect",
    "[",
    ",",
    "x",
    "",
)


def _same_syntax(a: FileSyntax, b: FileSyntax) -> None:
    assert a.index.data == b.index.data
    assert a.statements == b.statements
    assert a.blocks == b.blocks
    assert a.comments == b.comments
    assert a.problems == b.problems


def _same(a: GoMod | GoWork, b: GoMod | GoWork) -> None:
    _same_syntax(a.syntax, b.syntax)
    for field in dataclasses.fields(a):
        if field.name not in ("syntax", "readings"):
            assert getattr(a, field.name) == getattr(b, field.name), field.name


@st.composite
def _edits(draw: st.DrawFn, base: str) -> list[tuple[int, int, str]]:
    out = []
    for _ in range(draw(st.integers(1, 8))):
        inline = draw(st.booleans())
        pieces = [p for p in PIECES if not (inline and "\n" in p)]
        text = "".join(draw(st.lists(st.sampled_from(pieces), max_size=3)))
        start = draw(st.integers(0, 10_000))
        length = draw(st.integers(0, 3 if inline else 40))
        out.append((start, length, text))
    return out


def _run(
    base: str,
    edits: list[tuple[int, int, str]],
    parse: Callable[[bytes], GoMod | GoWork],
    reparse: Callable[[GoMod | GoWork, bytes], GoMod | GoWork],
) -> None:
    text = base
    doc = parse(text.encode())
    for start, length, insert in edits:
        start %= len(text) + 1
        if "\n" not in insert:  # an in-line edit stays inside its line
            end_of_line = text.find("\n", start)
            length = min(length, (end_of_line if end_of_line >= 0 else len(text)) - start)
        text = text[:start] + insert + text[start + length :]
        doc = reparse(doc, text.encode())
        _same(doc, parse(text.encode()))


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_gomod_edits_equal_fresh_parse(data: st.DataObject) -> None:
    edits = data.draw(_edits(GOMOD))
    _run(GOMOD, edits, parse_gomod, reparse_gomod)  # type: ignore[arg-type]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_gowork_edits_equal_fresh_parse(data: st.DataObject) -> None:
    edits = data.draw(_edits(GOWORK))
    _run(GOWORK, edits, parse_gowork, reparse_gowork)  # type: ignore[arg-type]


def _big(requires: int) -> str:
    lines = "".join(f"\texample.com/dep{i:05d} v1.{i % 10}.0\n" for i in range(requires))
    return f"module example.com/m\n\ngo 1.22\n\nrequire (\n{lines})\n"


def test_inline_edit_reuses_unchanged_statements() -> None:
    old = parse_gomod(_big(300).encode())
    text = _big(300).replace("dep00150 v1.0.0", "dep00150 1.0.0")
    new = reparse_gomod(old, text.encode())
    _same(new, parse_gomod(text.encode()))
    assert new.syntax.statements[0] is old.syntax.statements[0]
    assert new.syntax.statements[-1] is old.syntax.statements[-1]
    assert new.requires[10] is old.requires[10]
    assert new.syntax.statements[152] is not old.syntax.statements[152]  # the edited line
    assert [p.message for p in new.problems] == [
        'require example.com/dep00150: version "1.0.0" invalid: must be of the form v1.2.3'
    ]


def test_editing_a_block_s_last_line_reuses_the_rest() -> None:
    old = parse_gomod(_big(300).encode())
    text = _big(300).replace("dep00299 v1.9.0", "dep00299 1.9.0")
    new = reparse_gomod(old, text.encode())
    _same(new, parse_gomod(text.encode()))
    assert new.syntax.statements[0] is old.syntax.statements[0]
    assert new.syntax.statements[-1] is not old.syntax.statements[-1]


def test_line_insertion_moves_the_statements_below() -> None:
    old = parse_gomod(_big(50).encode())
    line = "\texample.com/dep00020"
    text = _big(50).replace(line, "\texample.com/new v1.0.0\n" + line)
    new = reparse_gomod(old, text.encode())
    _same(new, parse_gomod(text.encode()))
    assert new.syntax.statements[0] is old.syntax.statements[0]  # above the block
    assert new.syntax.statements[-1] is not old.syntax.statements[-1]  # moved one row down
    assert new.requires[-1].version_span.start.line == old.requires[-1].version_span.start.line + 1
    assert old.syntax.statements[-1].span.start.line == 54  # the old document is untouched


def test_deleting_lines_moves_the_statements_below() -> None:
    base = _big(50) + "\n// tail\nrequire example.com/z v1.0.0 // indirect\n"
    old = parse_gomod(base.encode())
    text = base.replace("\texample.com/dep00010 v1.0.0\n\texample.com/dep00011 v1.1.0\n", "")
    new = reparse_gomod(old, text.encode())
    _same(new, parse_gomod(text.encode()))
    assert new.requires[-1].statement.before[0].text == "// tail"
    assert new.requires[-1].indirect


def test_common_affixes() -> None:
    assert common_affixes(b"abcXdef", b"abcYYdef") == (3, 3)
    assert common_affixes(b"aaa", b"aaaa") == (3, 0)
    assert common_affixes(b"", b"x") == (0, 0)
    assert common_affixes(b"same", b"same") == (4, 0)


def test_parse_cache_reparses_from_the_previous_document() -> None:
    cache = ParseCache()
    path = Path("/ws/go.mod")
    calls: list[str] = []

    def parse(data: bytes, p: Path) -> GoMod:
        calls.append("parse")
        return parse_gomod(data)

    def reparse(data: bytes, p: Path, previous: GoMod) -> GoMod:
        calls.append("reparse")
        return reparse_gomod(previous, data)

    first = cache.get(path, "go.mod", parse, GOMOD.encode(), reparse)
    assert cache.get(path, "go.mod", parse, GOMOD.encode(), reparse) is first
    edited = GOMOD.replace("v1.2.3", "v1.2.4").encode()
    second = cache.get(path, "go.mod", parse, edited, reparse)
    assert calls == ["parse", "reparse"]
    _same(second, parse_gomod(edited))  # type: ignore[arg-type]


def test_facts_of_a_reparsed_document_equal_a_fresh_parse() -> None:
    """Early cutoff compares facts of documents the parse cache re-parsed incrementally: the
    incremental parse's caches are not facts, and the facts match a fresh parse."""
    from gowls.analysis.go.documents import facts

    old = b"module example.com/m\n\ngo 1.22\n\nrequire (\n\texample.com/a v1.0.0\n)\n"
    new = old.replace(b"v1.0.0", b"v1.0.1")
    mod = reparse_gomod(parse_gomod(old), new)
    assert mod.readings, "the incremental parse kept its readings"
    assert hash(facts(mod)) == hash(facts(parse_gomod(new)))
    assert facts(mod) == facts(parse_gomod(new)) != facts(parse_gomod(old))
    work_old = b"go 1.22\n\nuse (\n\t./a\n\t./b\n)\n"
    work = reparse_gowork(parse_gowork(work_old), work_old.replace(b"./b", b"./c"))
    assert facts(work) == facts(parse_gowork(work_old.replace(b"./b", b"./c")))


LINES = (
    "",
    "\texample.com/n v1.0.0",
    "\texample.com/n v1.0.0 // indirect",
    "require example.com/t v1.0.0",
    "// note",
    "\t// inner",
    "require (",
    ")",
    "replace example.com/r => ../r",
    "\texample.com/r v1.0.0 => ./r",
    "go 1.21",
    "retract v0.0.2",
    "use ./e",
    '\t"example.com/q" v1.2.3',
)


@st.composite
def _line_edits(draw: st.DrawFn) -> list[tuple[str, int, int, str]]:
    """Edits of whole lines: (operation, line, column, text), lines and columns taken modulo
    the text's when applied."""
    out = []
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(("insert", "delete", "enter", "join", "replace", "inline")))
        line = draw(st.integers(0, 200))
        column = draw(st.integers(0, 60))
        text = draw(st.sampled_from(LINES)) if op != "inline" else draw(st.sampled_from(PIECES))
        out.append((op, line, column, text.replace("\n", "")))
    return out


def _apply(text: str, op: str, line: int, column: int, insert: str, eol: str) -> str:
    lines = text.split(eol)
    line %= len(lines)
    current = lines[line]
    column %= len(current) + 1
    if op == "insert":
        lines.insert(line, insert)
    elif op == "delete" and len(lines) > 1:
        del lines[line]
    elif op == "enter":
        lines[line : line + 1] = [current[:column], current[column:]]
    elif op == "join" and line + 1 < len(lines):
        lines[line : line + 2] = [current + lines[line + 1]]
    elif op == "replace":
        lines[line] = insert
    elif op == "inline":
        lines[line] = current[:column] + insert + current[column:]
    return eol.join(lines)


def _run_lines(
    base: str,
    edits: list[tuple[str, int, int, str]],
    eol: str,
    parse: Callable[[bytes], GoMod | GoWork],
    reparse: Callable[[GoMod | GoWork, bytes], GoMod | GoWork],
) -> None:
    text = base.replace("\n", eol)
    doc = parse(text.encode())
    for op, line, column, insert in edits:
        text = _apply(text, op, line, column, insert, eol)
        doc = reparse(doc, text.encode())
        _same(doc, parse(text.encode()))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_line_edits(), st.sampled_from(("\n", "\r\n")))
def test_gomod_line_edits_equal_fresh_parse(
    edits: list[tuple[str, int, int, str]], eol: str
) -> None:
    _run_lines(GOMOD, edits, eol, parse_gomod, reparse_gomod)  # type: ignore[arg-type]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_line_edits(), st.sampled_from(("\n", "\r\n")))
def test_gowork_line_edits_equal_fresh_parse(
    edits: list[tuple[str, int, int, str]], eol: str
) -> None:
    _run_lines(GOWORK, edits, eol, parse_gowork, reparse_gowork)  # type: ignore[arg-type]


def _findings(cache: ParseCache, path: Path, text: str) -> list[Finding]:
    source = FileSource({path: OpenDocument(text, 1)})
    return list(check_file(Snapshot(source, LANGUAGES, cache), path).findings)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_line_edits(), st.sampled_from(("go.mod", "go.work")), st.sampled_from(("\n", "\r\n")))
def test_line_edits_give_a_fresh_check_s_findings(
    edits: list[tuple[str, int, int, str]], name: str, eol: str
) -> None:
    path = Path("/nonexistent-gowls-incremental") / name
    cache = ParseCache()
    text = (GOMOD if name == "go.mod" else GOWORK).replace("\n", eol)
    _findings(cache, path, text)
    for op, line, column, insert in edits:
        text = _apply(text, op, line, column, insert, eol)
        assert _findings(cache, path, text) == _findings(ParseCache(), path, text)


def test_module_graph_reuses_the_requirements_of_unchanged_requires() -> None:
    path = Path("/nonexistent-gowls-incremental/go.mod")
    cache = ParseCache()

    def graph(text: str) -> tuple[ModuleGraph, GoMod]:
        snapshot = Snapshot(FileSource({path: OpenDocument(text, 1)}), LANGUAGES, cache)
        mod = gomod(snapshot, path)
        assert mod is not None
        return module_mode_graph(snapshot, path, mod), mod

    first, _ = graph(_big(20))
    second, mod = graph(_big(20).replace("dep00005 v1.5.0", "dep00005 v1.5.1"))
    assert second.requirements[0] is first.requirements[0]
    assert second.requirements[5] is not first.requirements[5]
    assert [r.require for r in second.requirements] == mod.requires
    assert second.requirements[5].version == "v1.5.1"


def test_an_inline_require_edit_splices_the_previous_lists() -> None:
    base = _big(300) + "\nreplace example.com/dep00007 => ./seven\n"
    old = parse_gomod(base.encode())
    broken = base.replace("dep00150 v1.0.0", "dep00150 1.0.0")
    new = reparse_gomod(old, broken.encode())
    _same(new, parse_gomod(broken.encode()))
    assert new.replaces is old.replaces  # a list the edit left is shared, not rebuilt
    assert new.requires is not old.requires
    assert len(new.requires) == 299 and len(new.problems) == 1
    # Fixing it again removes the edited line's problem and puts its require back in place.
    fixed = reparse_gomod(new, base.encode())
    _same(fixed, parse_gomod(base.encode()))
    assert fixed.problems == [] and fixed.requires[150].path == "example.com/dep00150"
    assert fixed.requires[149] is old.requires[149]
    # An edit of the go line is read in full (its reading depends on the lines before it).
    go_edit = base.replace("go 1.22", "go 1.23")
    full = reparse_gomod(old, go_edit.encode())
    _same(full, parse_gomod(go_edit.encode()))
    assert full.replaces is not old.replaces


def test_an_inline_use_edit_splices_the_previous_lists() -> None:
    uses = "".join(f"\t./m{i:03d}\n" for i in range(100))
    base = f"go 1.22\n\nuse (\n{uses})\n\nreplace example.com/x => ./x\n\n// last\n"
    old = parse_gowork(base.encode())
    for text in (
        base.replace("// last", "use ./added"),  # a comment became a use (the benchmark's edit)
        base.replace("./m050", "./m05"),  # a use changed in the block
        base.replace("./m050", "./m050 ./extra"),  # a use go rejects (two paths)
        base.replace("=> ./x", "=> ./y"),  # a replace
    ):
        new = reparse_gowork(old, text.encode())
        _same(new, parse_gowork(text.encode()))
        assert new.godebugs is old.godebugs  # a list the edit left is shared, not rebuilt
        assert (new.uses is old.uses) != (new.replaces is old.replaces), "one list changed"
        assert len(new.problems) == (text.count("./extra")), new.problems
        back = reparse_gowork(new, base.encode())
        _same(back, parse_gowork(base.encode()))
    # The go line is read in full (a repeated one is an error).
    go_edit = base.replace("// last", "go 1.23")
    full = reparse_gowork(old, go_edit.encode())
    _same(full, parse_gowork(go_edit.encode()))
    assert [p.message for p in full.problems] == ["repeated go statement"]
    assert full.uses is not old.uses


def _affixes_one_byte_at_a_time(old: bytes, new: bytes) -> tuple[int, int]:
    limit = min(len(old), len(new))
    prefix = 0
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return prefix, suffix


def test_common_affixes_across_blocks() -> None:
    base = bytes(range(256)) * 100  # 25,600 bytes: several comparison blocks
    for at in (0, 1, 4095, 4096, 4097, 12_345, len(base) - 1):
        for edited in (base[:at] + b"\xff\x00" + base[at + 1 :], base[:at] + base[at + 3 :]):
            assert common_affixes(base, edited) == _affixes_one_byte_at_a_time(base, edited)
            assert common_affixes(edited, base) == _affixes_one_byte_at_a_time(edited, base)
    assert common_affixes(base, base + b"x") == (len(base), 0)


def test_module_graph_reuses_requirements_when_replaces_lead_elsewhere() -> None:
    path = Path("/nonexistent-gowls-incremental/go.mod")
    cache = ParseCache()

    def graph(text: str) -> ModuleGraph:
        snapshot = Snapshot(FileSource({path: OpenDocument(text, 1)}), LANGUAGES, cache)
        mod = gomod(snapshot, path)
        assert mod is not None
        return module_mode_graph(snapshot, path, mod)

    base = _big(20) + "\nreplace example.com/dep00003 => ./three\n"
    first = graph(base)
    second = graph(base.replace("dep00005 v1.5.0", "dep00005 v1.5.1"))
    assert second.requirements[0] is first.requirements[0]
    assert second.requirements[5].version == "v1.5.1"
    assert second.replaces_of(path)[0] is first.replaces_of(path)[0]
    assert second.replaces_of(path)[0].target_dir == path.parent / "three"

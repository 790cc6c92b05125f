"""Quick fixes: offered on the diagnostic's range, and their edits produce the fixed text."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsp_harness import GowlsTestClient, Session, apply_edits, start
from lsprotocol import types as lsp

GOWORK = "go 1.22\n\nuse (\n\t./a\n\t./missing\n)\n"
MOD_A = "module example.com/a\n\ngo 1.22\n"


async def actions(
    session: Session,
    uri: str,
    rng: lsp.Range,
    diagnostics: list[lsp.Diagnostic],
    only: list[lsp.CodeActionKind | str] | None = None,
) -> list[lsp.CodeAction]:
    result = await session.client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri),
            range=rng,
            context=lsp.CodeActionContext(diagnostics=diagnostics, only=only),
        )
    )
    out = []
    for item in result or []:
        assert isinstance(item, lsp.CodeAction), item
        out.append(item)
    return out


@pytest.mark.parametrize("pull", [False, True], ids=["native", "pull"])
async def test_quick_fix_removes_the_missing_use(
    client: GowlsTestClient, tmp_path: Path, pull: bool
) -> None:
    session = await start(client, tmp_path, {"go.work": GOWORK, "a/go.mod": MOD_A}, pull=pull)
    uri = session.open("go.work")
    (diag,) = (await session.diagnostics(uri)).items
    assert diag.code == "GW101"

    offered = await actions(session, uri, diag.range, [diag])
    assert len(offered) == 1, offered
    (action,) = offered
    assert action.kind == lsp.CodeActionKind.QuickFix
    assert "./missing" in action.title
    assert action.is_preferred is True
    assert action.diagnostics is not None
    assert [(d.code, d.range) for d in action.diagnostics] == [("GW101", diag.range)]
    assert action.edit is not None
    assert action.edit.changes is not None
    assert set(action.edit.changes) == {uri}
    edits = list(action.edit.changes[uri])
    fixed = apply_edits(session.texts[uri], edits, session.encoding)
    assert fixed == "go 1.22\n\nuse (\n\t./a\n)\n"

    # The editor applies the edit; the diagnostic goes away.
    session.change(uri, [(e.range, e.new_text) for e in edits])
    assert session.texts[uri] == fixed
    assert (await session.diagnostics(uri)).items == []
    assert await actions(session, uri, diag.range, []) == []


async def test_quick_fix_is_offered_for_a_cursor_inside_the_range_only(
    client: GowlsTestClient, tmp_path: Path
) -> None:
    session = await start(client, tmp_path, {"go.work": GOWORK, "a/go.mod": MOD_A})
    uri = session.open("go.work")
    (diag,) = (await session.diagnostics(uri)).items
    cursor = lsp.Position(4, 5)
    assert len(await actions(session, uri, lsp.Range(cursor, cursor), [])) == 1
    elsewhere = lsp.Position(0, 2)
    assert await actions(session, uri, lsp.Range(elsewhere, elsewhere), []) == []
    # A client asking for other kinds only gets none of our quick fixes.
    only_refactor: list[lsp.CodeActionKind | str] = [lsp.CodeActionKind.Refactor]
    assert await actions(session, uri, diag.range, [diag], only=only_refactor) == []
    only_quickfix: list[lsp.CodeActionKind | str] = [lsp.CodeActionKind.QuickFix]
    assert len(await actions(session, uri, diag.range, [diag], only=only_quickfix)) == 1


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-32"])
async def test_quick_fix_edit_columns_use_the_negotiated_encoding(
    client: GowlsTestClient, tmp_path: Path, encoding: str
) -> None:
    """The last line has no newline, so the edit ends at a column after non-ASCII text."""
    text = "go 1.22\n\nuse ./a\nuse ./ä/🙂 // ñ"
    session = await start(client, tmp_path, {"a/go.mod": MOD_A}, encodings=[encoding])
    uri = session.open("go.work", text)
    (diag,) = (await session.diagnostics(uri)).items
    (action,) = await actions(session, uri, diag.range, [diag])
    assert action.edit is not None
    assert action.edit.changes is not None
    edits = list(action.edit.changes[uri])
    assert apply_edits(text, edits, encoding) == "go 1.22\n\nuse ./a"


async def test_duplicate_use_fix_keeps_the_first(client: GowlsTestClient, tmp_path: Path) -> None:
    text = "go 1.22\n\nuse (\n\t./a\n\ta/\n)\n"
    session = await start(client, tmp_path, {"a/go.mod": MOD_A})
    uri = session.open("go.work", text)
    (diag,) = (await session.diagnostics(uri)).items
    assert diag.code == "GW103"
    assert diag.related_information, "VS Code and Neovim both show related information"
    assert diag.related_information[0].location.range.start.line == 3
    (action,) = await actions(session, uri, diag.range, [diag])
    assert action.edit is not None
    assert action.edit.changes is not None
    assert apply_edits(text, action.edit.changes[uri], session.encoding) == (
        "go 1.22\n\nuse (\n\t./a\n)\n"
    )


async def test_quick_fix_is_offered_for_a_cursor_at_the_start_of_the_broken_line(
    client: GowlsTestClient, tmp_path: Path
) -> None:
    """The finding covers the path; a cursor on ``use`` (or before the tab in a block) is on
    the line the fix removes, so the fix is offered there too, with a plain-text title."""
    text = "go 1.22\n\nuse ./a\nuse ./missing\n\nuse (\n\t./gone\n)\n"
    session = await start(client, tmp_path, {"a/go.mod": MOD_A})
    uri = session.open("go.work", text)
    diags = (await session.diagnostics(uri)).items
    assert sorted((d.code, d.range.start.line) for d in diags) == [("GW101", 3), ("GW101", 6)]
    for line, removed in [(3, "use ./missing\n"), (6, "\t./gone\n")]:
        for column in (0, 2):
            cursor = lsp.Position(line, column)
            (action,) = await actions(session, uri, lsp.Range(cursor, cursor), [])
            assert action.kind == lsp.CodeActionKind.QuickFix
            assert action.title == f"Remove use {removed.strip().removeprefix('use ')}"
            assert action.edit is not None and action.edit.changes is not None
            fixed = apply_edits(text, action.edit.changes[uri], session.encoding)
            assert fixed == text.replace(removed, "", 1)
    # A whole-line selection (ending at the start of the next line) is still that one line.
    whole = lsp.Range(lsp.Position(3, 0), lsp.Position(4, 0))
    assert [a.title for a in await actions(session, uri, whole, [])] == ["Remove use ./missing"]
    # Other lines offer nothing.
    for line in (0, 2, 4, 5, 7):
        cursor = lsp.Position(line, 0)
        assert await actions(session, uri, lsp.Range(cursor, cursor), []) == []


async def test_code_action_titles_are_plain_text(client: GowlsTestClient, tmp_path: Path) -> None:
    """Editors show titles verbatim: no Markdown backticks (the GW110 and GW101 fixes)."""
    files = {"go.work": GOWORK, "a/go.mod": MOD_A, "b/go.mod": "module example.com/b\n\ngo 1.22\n"}
    session = await start(client, tmp_path, files)
    uri = session.open("go.work")
    diags = (await session.diagnostics(uri)).items
    whole = lsp.Range(lsp.Position(0, 0), lsp.Position(len(GOWORK.splitlines()), 0))
    titles = [a.title for a in await actions(session, uri, whole, diags)]
    assert "Remove use ./missing" in titles, titles
    assert "Add use ./b" in titles, titles
    assert not [t for t in titles if "`" in t], titles


async def test_require_blocks_merge_quick_fix(client: GowlsTestClient, tmp_path: Path) -> None:
    """GM305: a go 1.27 module with three require statements; the fix merges them as Go 1.27's
    ``go mod tidy`` does (tests/conformance/test_tidy_layout_vs_go.py compares with go)."""
    deps = {f"deps/{n}/go.mod": f"module example.com/{n}\n\ngo 1.21\n" for n in "abc"}
    replaces = "replace (\n" + "".join(f"\texample.com/{n} => ./deps/{n}\n" for n in "abc")
    text = (
        "module example.com/m\n\ngo 1.27\n\n"
        "// Pinned.\nrequire example.com/b v1.0.0\n\n"
        "require example.com/c v1.0.0 // indirect\n\n"
        "require example.com/a v1.0.0\n\n" + replaces + ")\n"
    )
    session = await start(client, tmp_path, {**deps, "go.mod": text})
    uri = session.open("go.mod")
    (diag,) = (await session.diagnostics(uri)).items
    assert diag.code == "GM305"
    assert diag.severity == lsp.DiagnosticSeverity.Hint
    assert diag.range.start.line == 5
    (action,) = await actions(session, uri, diag.range, [diag])
    assert action.title == "Merge the require blocks as go mod tidy does"
    assert action.edit is not None and action.edit.changes is not None
    edits = list(action.edit.changes[uri])
    fixed = apply_edits(session.texts[uri], edits, session.encoding)
    # The comment moves with its line, so tidy's direct block has a commented line and the
    # next tidy puts a new direct block before the indirect line: the fix gives that text.
    assert fixed == (
        "module example.com/m\n\ngo 1.27\n\n"
        "require (\n\texample.com/a v1.0.0\n\t// Pinned.\n\texample.com/b v1.0.0\n)\n\n"
        "require example.com/c v1.0.0 // indirect\n\n" + replaces + ")\n"
    )
    session.change(uri, [(e.range, e.new_text) for e in edits])
    assert (await session.diagnostics(uri)).items == []

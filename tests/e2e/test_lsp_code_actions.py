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

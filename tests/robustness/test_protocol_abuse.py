"""Protocol abuse through the real server: JSON-RPC errors where LSP says so, and the server
keeps answering.  (tests/e2e/test_lsp_robustness.py covers garbage text, odd edit ranges,
changes to never-opened documents and pulls for unknown documents; this adds the rest.)"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from lsp_harness import TIMEOUT, GowlsTestClient, Session, start
from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcException

MOD_A = "module example.com/a\n\ngo 1.22\n"
WORK = "go 1.22\n\nuse ./a\n"
FILES: dict[str, str | bytes] = {"go.work": WORK, "a/go.mod": MOD_A}

METHOD_NOT_FOUND = -32601
INVALID_REQUEST = -32600
REQUEST_CANCELLED = -32800

BAD_URIS = (
    "not a uri",
    "file://",
    "file:///%zz/go.mod",
    "file://server/share/go.mod",
    "http://example.com/go.mod",
    "file:///dev/null",
    "file:///proc/self/go.mod",
    "untitled:go.mod",
    "file:///" + "a/" * 2000 + "go.mod",
)
"""URIs an editor or a broken client may send: malformed, remote, special, absurdly long."""


def no_error_messages(client: GowlsTestClient) -> None:
    """pygls reports a handler's exception with an error showMessage or logMessage."""
    errors = [m.message for m in client.messages if m.type == lsp.MessageType.Error]
    errors += [m.message for m in client.log_messages if m.type == lsp.MessageType.Error]
    assert errors == []


async def request(client: GowlsTestClient, method: str, params: object) -> object:
    """Send a request by method name (any name) and wait for its answer."""
    return await asyncio.wait_for(client.protocol.send_request_async(method, params), TIMEOUT)


async def still_answers(session: Session) -> None:
    """The server is up: the barrier returns and hover on a real document answers."""
    await session.barrier()
    uri = session.uri("go.work")
    result = await session.client.text_document_hover_async(
        lsp.HoverParams(lsp.TextDocumentIdentifier(uri), lsp.Position(2, 5))
    )
    assert result is None or isinstance(result, lsp.Hover)


def requests_for(uri: str, at: lsp.Position) -> list[tuple[str, object]]:
    """Every position- or document-based request the server offers, aimed at ``uri``."""
    doc = lsp.TextDocumentIdentifier(uri)
    everywhere = lsp.Range(lsp.Position(0, 0), at)
    return [
        (lsp.TEXT_DOCUMENT_HOVER, lsp.HoverParams(doc, at)),
        (lsp.TEXT_DOCUMENT_COMPLETION, lsp.CompletionParams(doc, at)),
        (lsp.TEXT_DOCUMENT_DEFINITION, lsp.DefinitionParams(doc, at)),
        (lsp.TEXT_DOCUMENT_DOCUMENT_LINK, lsp.DocumentLinkParams(doc)),
        (lsp.TEXT_DOCUMENT_DOCUMENT_SYMBOL, lsp.DocumentSymbolParams(doc)),
        (lsp.TEXT_DOCUMENT_FOLDING_RANGE, lsp.FoldingRangeParams(doc)),
        (
            lsp.TEXT_DOCUMENT_FORMATTING,
            lsp.DocumentFormattingParams(doc, lsp.FormattingOptions(4, False)),
        ),
        (
            lsp.TEXT_DOCUMENT_CODE_ACTION,
            lsp.CodeActionParams(doc, everywhere, lsp.CodeActionContext(diagnostics=[])),
        ),
    ]


async def test_invalid_uris_and_positions_past_the_end(
    client: GowlsTestClient, tmp_path: Path
) -> None:
    session = await start(client, tmp_path, FILES)
    offered = {
        name
        for name, value in (
            (lsp.TEXT_DOCUMENT_HOVER, session.result.capabilities.hover_provider),
            (lsp.TEXT_DOCUMENT_COMPLETION, session.result.capabilities.completion_provider),
        )
        if value
    }
    assert offered, "hover and completion are offered"
    far = lsp.Position(10_000, 10_000)
    for uri in BAD_URIS:
        client.text_document_did_open(
            lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri, "go.mod", 1, "module x\n"))
        )
        for method, params in requests_for(uri, far):
            await request(client, method, params)  # an answer (empty), never an error
        client.text_document_did_close(
            lsp.DidCloseTextDocumentParams(lsp.TextDocumentIdentifier(uri))
        )
    # Positions past the end of real documents, open and not open.
    session.open("a/go.mod")
    for uri in (session.uri("a/go.mod"), session.uri("go.work")):
        for position in (far, lsp.Position(0, 10_000), lsp.Position(10_000, 0)):
            for method, params in requests_for(uri, position):
                await request(client, method, params)
    await still_answers(session)
    no_error_messages(client)


async def test_unknown_methods_and_cancellation(client: GowlsTestClient, tmp_path: Path) -> None:
    session = await start(client, tmp_path, FILES)
    with pytest.raises(JsonRpcException) as raised:
        await request(client, "gowls/noSuchMethod", {"x": 1})
    assert raised.value.code == METHOD_NOT_FOUND
    # Unknown notifications, with and without the `$/` prefix, are ignored.
    client.protocol.notify("gowls/noSuchNotification", {"x": 1})
    client.protocol.notify("$/noSuchNotification", None)
    # Cancelling an id the server never saw, then cancelling requests in flight.
    client.protocol.notify(lsp.CANCEL_REQUEST, lsp.CancelParams(id="never-sent"))
    uri = session.uri("go.work")
    pending = []
    for n in range(20):
        future = client.protocol.send_request_async(
            lsp.TEXT_DOCUMENT_HOVER,
            lsp.HoverParams(lsp.TextDocumentIdentifier(uri), lsp.Position(2, 5)),
            msg_id=f"hover-{n}",
        )
        client.protocol.notify(lsp.CANCEL_REQUEST, lsp.CancelParams(id=f"hover-{n}"))
        pending.append(future)
    for future in pending:  # each is answered: a result, or RequestCancelled
        try:
            await asyncio.wait_for(future, TIMEOUT)
        except JsonRpcException as exc:
            assert exc.code == REQUEST_CANCELLED, exc
    await still_answers(session)
    no_error_messages(client)


async def test_open_change_close_out_of_order(client: GowlsTestClient, tmp_path: Path) -> None:
    session = await start(client, tmp_path, FILES)
    uri = session.uri("a/go.mod")
    # Closing documents that were never opened (known on disk, unknown, nonsense).
    for target in (uri, session.uri("nowhere/go.mod"), "not a uri"):
        client.text_document_did_close(
            lsp.DidCloseTextDocumentParams(lsp.TextDocumentIdentifier(target))
        )
    # A change before the open is ignored; the open then wins.
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            lsp.VersionedTextDocumentIdentifier(uri=uri, version=5),
            [lsp.TextDocumentContentChangeWholeDocument(text="garbage (\n")],
        )
    )
    session.open("a/go.mod", "module example.com/a\n\ngo 1.22\n\nrequire (\n")
    first = await session.diagnostics(uri)
    assert [d.code for d in first.items] == ["GM001"], "the unterminated block"
    # A duplicate open replaces the text (an editor that reopened without closing).
    session.open("a/go.mod", MOD_A)
    again = await session.diagnostics(uri)
    assert again.items == []
    # Two closes in a row, then an edit to the closed document (ignored).
    session.close(uri)
    session.close(uri)
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            lsp.VersionedTextDocumentIdentifier(uri=uri, version=9),
            [lsp.TextDocumentContentChangeWholeDocument(text="garbage (\n")],
        )
    )
    await still_answers(session)
    assert (tmp_path / "a/go.mod").read_text() == MOD_A, "nothing was written"
    # pygls itself reports a change to a document it does not hold as an error message;
    # anything else would be a gowls handler failing.
    errors = [m.message for m in client.messages if m.type == lsp.MessageType.Error]
    assert all("a/go.mod" in e or "go.mod" in e for e in errors), errors


async def test_requests_after_shutdown_are_refused(client: GowlsTestClient, tmp_path: Path) -> None:
    session = await start(client, tmp_path, FILES)
    uri = session.uri("go.work")
    await asyncio.wait_for(client.shutdown_async(None), TIMEOUT)
    for method, params in requests_for(uri, lsp.Position(2, 5))[:3]:
        with pytest.raises(JsonRpcException) as raised:
            await request(client, method, params)
        assert raised.value.code == INVALID_REQUEST
    with pytest.raises(JsonRpcException) as raised:
        await request(client, lsp.SHUTDOWN, None)  # a second shutdown is a request too
    assert raised.value.code == INVALID_REQUEST
    client.closed = True
    client.exit(None)
    server = client._server
    assert server is not None
    assert await asyncio.wait_for(server.wait(), TIMEOUT) == 0

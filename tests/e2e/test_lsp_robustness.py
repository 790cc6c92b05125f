"""Hostile input yields diagnostics (or nothing), never a crash; shutdown is clean."""

from __future__ import annotations

from pathlib import Path

from lsp_harness import GowlsTestClient, start
from lsprotocol import types as lsp

MOD_A = "module example.com/a\n\ngo 1.22\n"
GARBAGE = b"go 1.22\n\x00\xff\xfe\x80garbage \x1b[31m\xc3(\n\nuse (\n\t./a\n\t\xe2\x82\n"


def no_error_messages(client: GowlsTestClient) -> None:
    """pygls reports an exception in a notification handler with window/showMessage."""
    errors = [m for m in client.messages if m.type == lsp.MessageType.Error]
    assert errors == []
    logged = [m for m in client.log_messages if m.type == lsp.MessageType.Error]
    assert logged == []


async def test_binary_garbage_on_disk_and_in_a_buffer(
    client: GowlsTestClient, tmp_path: Path
) -> None:
    session = await start(client, tmp_path, {"go.work": GARBAGE, "a/go.mod": MOD_A})
    uri = session.uri("go.work")
    from_disk = await session.diagnostics(uri)
    assert from_disk.items, "garbage is reported"
    assert {d.code for d in from_disk.items} == {"GW001"}
    for diag in from_disk.items:
        assert 0 <= diag.range.start.line <= diag.range.end.line <= 7

    # The editor shows invalid bytes as U+FFFD and sends that.
    session.open("go.work", GARBAGE.decode("utf-8", errors="replace"))
    in_buffer = await session.diagnostics(uri)
    assert in_buffer.items
    assert {d.code for d in in_buffer.items} == {"GW001"}
    no_error_messages(client)
    assert await session.shutdown() == 0


async def test_unterminated_block_and_odd_edits(client: GowlsTestClient, tmp_path: Path) -> None:
    session = await start(client, tmp_path, {"a/go.mod": MOD_A})
    uri = session.open("go.work", "go 1.22\n\nuse (\n\t./a\n")
    report = await session.diagnostics(uri)
    assert [d.code for d in report.items] == ["GW001"]
    assert "unterminated block" in report.items[0].message
    assert report.items[0].range.start == lsp.Position(4, 0)

    # Ranges past the end of the document are clamped, not fatal.
    far = lsp.Position(99, 99)
    session.change(uri, [(lsp.Range(far, far), ")\n")])
    session.texts[uri] = "go 1.22\n\nuse (\n\t./a\n)\n"  # where the client's text ends up
    assert (await session.diagnostics(uri)).items == []

    # A reversed range, a NUL byte and a lone surrogate (valid JSON, invalid UTF-8).
    session.change(
        uri,
        [
            (lsp.Range(lsp.Position(3, 4), lsp.Position(3, 1)), "\x00"),
            (lsp.Range(far, far), "use ./\ud800x\n"),
        ],
    )
    report = await session.diagnostics(uri)
    assert report.items, "the NUL and the bad use line are reported"
    no_error_messages(client)
    assert await session.shutdown() == 0


async def test_requests_about_unknown_documents(client: GowlsTestClient, tmp_path: Path) -> None:
    session = await start(client, tmp_path, {"go.work": "go 1.22\n"}, pull=True)
    everywhere = lsp.Range(lsp.Position(0, 0), lsp.Position(9, 0))
    for uri in (
        "untitled:Untitled-1",
        session.uri("README.md"),
        session.uri("nowhere/go.work"),
    ):
        report = await session.pull_report(uri)
        assert isinstance(report, lsp.RelatedFullDocumentDiagnosticReport)
        assert list(report.items) == []
        result = await client.text_document_code_action_async(
            lsp.CodeActionParams(
                text_document=lsp.TextDocumentIdentifier(uri),
                range=everywhere,
                context=lsp.CodeActionContext(diagnostics=[]),
            )
        )
        assert not result

    (tmp_path / "x").mkdir()
    work = session.uri("go.work")
    session.open("go.work", "go 1.22\nuse ./x\n")
    assert [d.code for d in (await session.diagnostics(work)).items] == ["GW102"]
    no_error_messages(client)

    # A change to a document that was never opened (pygls itself reports it as an error
    # message), and a non-file URI being opened: neither is applied or fatal.
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(
                uri=session.uri("x/go.mod"), version=2
            ),
            content_changes=[lsp.TextDocumentContentChangeWholeDocument(text="module x\n")],
        )
    )
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(
            lsp.TextDocumentItem(
                uri="untitled:Untitled-2", language_id="go.work", version=1, text="use ("
            )
        )
    )
    session.replace(work, "go 1.22", "go 1.23")
    assert [d.code for d in (await session.diagnostics(work)).items] == ["GW102"], (
        "x/go.mod must not exist for the server"
    )
    assert await session.shutdown() == 0

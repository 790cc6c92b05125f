"""A test client and session helpers for driving the real gowls server over stdio.

Synchronisation never sleeps: a test waits for a notification or request from the server
(``textDocument/publishDiagnostics``, ``workspace/diagnostic/refresh``,
``client/registerCapability``) or for the response to a request of its own.  The server
analyses in the background and publishes only diagnostics that changed (plus every open
document whose version moved), so the harness's barrier is the server's
``gowls.awaitAnalysis`` command: it answers once every change received before it has been
analysed and delivered, so its response arrives after every push those changes caused.
"""

from __future__ import annotations

import asyncio
import os
import sys
import typing
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse
from urllib.request import url2pathname

from lsprotocol import types as lsp
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

SKIPPED = frozenset({"vendor", "testdata", "node_modules"})
"""Directories the server does not scan."""

TIMEOUT = 120.0
"""Seconds to wait for the server before a test fails: only catches hangs, never a delay."""

EDITORS = ["visual-studio-code", "neovim"]

ENCODING_UNITS = {"utf-8": "utf-8", "utf-16": "utf-16-le", "utf-32": "utf-32-le"}
UNIT_SIZE = {"utf-8": 1, "utf-16": 2, "utf-32": 4}


class GowlsTestClient(LanguageClient):
    """pytest-lsp's client that also records registrations, refreshes and every push."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.editor = ""
        self.published: list[lsp.PublishDiagnosticsParams] = []
        self.registrations: list[lsp.Registration] = []
        self.refreshes = 0
        self.refuse_registrations = False
        self.hold_registrations: asyncio.Event | None = None
        """While set and not fired, registrations are answered only when it fires."""
        self.applied: list[lsp.WorkspaceEdit] = []
        self.closed = False
        self._waiters: list[tuple[Callable[[], bool], asyncio.Future[None]]] = []

    def poke(self) -> None:
        """Something arrived: wake the waiters whose condition now holds."""
        for condition, future in list(self._waiters):
            if not future.done() and condition():
                future.set_result(None)

    async def wait_until(self, condition: Callable[[], bool], what: str) -> None:
        """Wait until ``condition`` holds (it is re-checked whenever the server sends)."""
        if condition():
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        entry = (condition, future)
        self._waiters.append(entry)
        try:
            await asyncio.wait_for(future, TIMEOUT)
        except TimeoutError:
            raise AssertionError(f"timed out waiting for {what}") from None
        finally:
            self._waiters.remove(entry)


def _on_publish(client: GowlsTestClient, params: lsp.PublishDiagnosticsParams) -> None:
    client.diagnostics[params.uri] = params.diagnostics
    client.published.append(params)
    client.poke()


def _on_refresh(client: GowlsTestClient, params: None) -> None:
    client.diagnostic_refresh_count += 1
    client.refreshes += 1
    client.poke()


async def _on_register(client: GowlsTestClient, params: lsp.RegistrationParams) -> None:
    if client.hold_registrations is not None:
        await client.hold_registrations.wait()
    if client.refuse_registrations:
        raise RuntimeError("this client refuses registrations")
    client.registrations.extend(params.registrations)
    client.poke()


def _on_unregister(client: GowlsTestClient, params: lsp.UnregistrationParams) -> None:
    ids = {u.id for u in params.unregisterations}
    client.registrations = [r for r in client.registrations if r.id not in ids]
    client.poke()


def _on_apply_edit(
    client: GowlsTestClient, params: lsp.ApplyWorkspaceEditParams
) -> lsp.ApplyWorkspaceEditResult:
    """Apply file creations and whole-file edits to disk, as an editor saving them would."""
    client.applied.append(params.edit)
    for change in params.edit.document_changes or []:
        if isinstance(change, lsp.CreateFile):
            path = Path(url2pathname(urlparse(change.uri).path))
            path.parent.mkdir(parents=True, exist_ok=True)
            path.touch()
        elif isinstance(change, lsp.TextDocumentEdit):
            path = Path(url2pathname(urlparse(change.text_document.uri).path))
            text = path.read_text(encoding="utf-8") if path.exists() else ""
            edits = [e for e in change.edits if isinstance(e, lsp.TextEdit)]
            path.write_text(apply_edits(text, edits, "utf-16"), encoding="utf-8")
    client.poke()
    return lsp.ApplyWorkspaceEditResult(applied=True)


def _converter() -> Any:
    """lsprotocol's converter, with code actions told apart from commands correctly.

    lsprotocol structures any ``Command | CodeAction`` that has a ``command`` key as a
    ``Command``, so a CodeAction carrying a command would arrive mangled; LSP says a
    Command's ``command`` is a string, a CodeAction's an object.
    """
    converter = default_converter()

    def code_action_or_command(obj: Any, _: type) -> lsp.Command | lsp.CodeAction:
        if isinstance(obj.get("command"), str):
            return converter.structure(obj, lsp.Command)  # type: ignore[no-any-return]
        return converter.structure(obj, lsp.CodeAction)  # type: ignore[no-any-return]

    union: Any = typing.Union[lsp.Command, lsp.CodeAction]  # noqa: UP007 (lsprotocol's key)
    converter.register_structure_hook(union, code_action_or_command)
    return converter


def make_client() -> GowlsTestClient:
    """A client with pytest-lsp's default handlers plus ours."""
    client = GowlsTestClient(converter_factory=_converter)
    features = dict(DEFAULT_CLIENT_FEATURES)
    features[lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = _on_publish
    features[lsp.WORKSPACE_DIAGNOSTIC_REFRESH] = _on_refresh
    features[lsp.CLIENT_REGISTER_CAPABILITY] = _on_register
    features[lsp.CLIENT_UNREGISTER_CAPABILITY] = _on_unregister
    features[lsp.WORKSPACE_APPLY_EDIT] = _on_apply_edit
    register_lsp_features(client, features)
    return client


SERVER = ClientServerConfig(
    server_command=[sys.executable, "-m", "gowls"],
    client_factory=make_client,
    server_env={**os.environ, "PYTHONUNBUFFERED": "1"},
)


# -- capabilities --------------------------------------------------------------------------
def capabilities(
    editor: str, *, pull: bool = False, encodings: Sequence[str] | None = None
) -> lsp.ClientCapabilities:
    """The capabilities ``editor`` sends, optionally with pull diagnostics or encodings."""
    caps = client_capabilities(editor)
    if pull:
        td = caps.text_document or lsp.TextDocumentClientCapabilities()
        td.diagnostic = lsp.DiagnosticClientCapabilities(
            dynamic_registration=False, related_document_support=True
        )
        caps.text_document = td
        ws = caps.workspace or lsp.WorkspaceClientCapabilities()
        ws.diagnostics = lsp.DiagnosticWorkspaceClientCapabilities(refresh_support=True)
        caps.workspace = ws
    if encodings is not None:
        general = caps.general or lsp.GeneralClientCapabilities()
        general.position_encodings = list(encodings)
        caps.general = general
    return caps


def expects_pull(caps: lsp.ClientCapabilities) -> bool:
    """Whether the server should wait for pulls (rather than push) with these capabilities."""
    td = caps.text_document
    ws = caps.workspace
    return bool(td and td.diagnostic and ws and ws.diagnostics and ws.diagnostics.refresh_support)


# -- text helpers --------------------------------------------------------------------------
def units(text: str, encoding: str) -> int:
    """Length of ``text`` in ``encoding`` code units."""
    return len(text.encode(ENCODING_UNITS[encoding])) // UNIT_SIZE[encoding]


def position_of(text: str, needle: str, encoding: str, *, end: bool = False) -> lsp.Position:
    """The LSP position of the first ``needle`` in ``text`` (its end if ``end``)."""
    offset = text.index(needle) + (len(needle) if end else 0)
    before = text[:offset]
    line = before.count("\n")
    column = before[before.rfind("\n") + 1 :]
    return lsp.Position(line, units(column, encoding))


def range_of(text: str, needle: str, encoding: str) -> lsp.Range:
    """The LSP range of the first ``needle`` in ``text``."""
    return lsp.Range(
        position_of(text, needle, encoding), position_of(text, needle, encoding, end=True)
    )


def offset_at(text: str, position: lsp.Position, encoding: str) -> int:
    """The string index of an LSP position (the client-side conversion, written separately)."""
    lines = text.split("\n")
    start = sum(len(line) + 1 for line in lines[: position.line])
    line = lines[position.line] if position.line < len(lines) else ""
    count = 0
    for index, char in enumerate(line):
        if count >= position.character:
            return start + index
        count += units(char, encoding)
    return start + len(line)


def apply_edits(text: str, edits: Sequence[lsp.TextEdit], encoding: str) -> str:
    """Apply non-overlapping text edits the way an editor does (all against the old text)."""
    spans = sorted(
        (
            (offset_at(text, e.range.start, encoding), offset_at(text, e.range.end, encoding), e)
            for e in edits
        ),
        key=lambda item: item[0],
        reverse=True,
    )
    for start, end, edit in spans:
        text = text[:start] + edit.new_text + text[end:]
    return text


# -- sessions ------------------------------------------------------------------------------
@dataclass
class Report:
    """The current diagnostics of one document, however they were obtained."""

    items: list[lsp.Diagnostic]
    version: int | None = None
    result_id: str | None = None


@dataclass
class Session:
    """An initialized client with a workspace on disk."""

    client: GowlsTestClient
    root: Path
    result: lsp.InitializeResult
    pull: bool
    encoding: str
    texts: dict[str, str] = field(default_factory=dict)
    versions: dict[str, int] = field(default_factory=dict)
    _published_mark: int = 0
    _refresh_mark: int = 0

    # -- files --------------------------------------------------------------------------
    def uri(self, rel: str) -> str:
        """The URI of a workspace-relative path (as the editor spells it)."""
        return (self.root / rel).as_uri()

    def write(self, rel: str, content: str | bytes) -> str:
        """Write a file on disk; returns its URI."""
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
        return self.uri(rel)

    def mark(self) -> None:
        """Remember what has arrived so far: later waits look only at what comes after."""
        self._published_mark = len(self.client.published)
        self._refresh_mark = self.client.refreshes

    # -- document sync ------------------------------------------------------------------
    def open(self, rel: str, text: str | None = None, language_id: str | None = None) -> str:
        """Send didOpen (with the disk text unless ``text`` is given); returns the URI."""
        uri = self.uri(rel)
        if text is None:
            text = (self.root / rel).read_text(encoding="utf-8")
        self.mark()
        self.texts[uri] = text
        self.versions[uri] = 1
        self.client.text_document_did_open(
            lsp.DidOpenTextDocumentParams(
                lsp.TextDocumentItem(
                    uri=uri,
                    language_id=language_id or Path(rel).name,
                    version=1,
                    text=text,
                )
            )
        )
        return uri

    def change(self, uri: str, edits: Sequence[tuple[lsp.Range, str]]) -> int:
        """Send one didChange with incremental edits, applied in order; returns the version."""
        self.mark()
        text = self.texts[uri]
        for rng, new_text in edits:
            text = apply_edits(text, [lsp.TextEdit(rng, new_text)], self.encoding)
        self.texts[uri] = text
        version = self.versions[uri] + 1
        self.versions[uri] = version
        self.client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[
                    lsp.TextDocumentContentChangePartial(range=rng, text=new_text)
                    for rng, new_text in edits
                ],
            )
        )
        return version

    def replace(self, uri: str, old: str, new: str) -> int:
        """Replace the first ``old`` in the open document by ``new`` with one edit."""
        return self.change(uri, [(range_of(self.texts[uri], old, self.encoding), new)])

    def close(self, uri: str) -> None:
        """Send didClose."""
        self.mark()
        self.texts.pop(uri, None)
        self.versions.pop(uri, None)
        self.client.text_document_did_close(
            lsp.DidCloseTextDocumentParams(lsp.TextDocumentIdentifier(uri))
        )

    def files_changed(self, *changes: tuple[str, lsp.FileChangeType]) -> None:
        """Send workspace/didChangeWatchedFiles for (uri, type) pairs."""
        self.mark()
        self.client.workspace_did_change_watched_files(
            lsp.DidChangeWatchedFilesParams(
                changes=[lsp.FileEvent(uri=uri, type=kind) for uri, kind in changes]
            )
        )

    # -- diagnostics --------------------------------------------------------------------
    async def pull_report(
        self, uri: str, previous: str | None = None
    ) -> lsp.RelatedFullDocumentDiagnosticReport | lsp.RelatedUnchangedDocumentDiagnosticReport:
        """Send textDocument/diagnostic."""
        report = await asyncio.wait_for(
            self.client.text_document_diagnostic_async(
                lsp.DocumentDiagnosticParams(
                    text_document=lsp.TextDocumentIdentifier(uri),
                    identifier="gowls",
                    previous_result_id=previous,
                )
            ),
            TIMEOUT,
        )
        assert isinstance(
            report,
            lsp.RelatedFullDocumentDiagnosticReport | lsp.RelatedUnchangedDocumentDiagnosticReport,
        ), report
        return report

    async def diagnostics(self, uri: str) -> Report:
        """The diagnostics of ``uri`` after the last action, in the mode the server chose.

        Push: after the barrier, the last publish for ``uri`` (the server publishes only
        what changed, so it may predate the action; an open document's new version is always
        published). Pull: wait for the server's ``workspace/diagnostic/refresh``, then pull.
        """
        if self.pull:
            mark = self._refresh_mark
            await self.client.wait_until(
                lambda: self.client.refreshes > mark, "workspace/diagnostic/refresh"
            )
            report = await self.pull_report(uri)
            assert isinstance(report, lsp.RelatedFullDocumentDiagnosticReport)
            return Report(list(report.items), None, report.result_id)
        await self.barrier(uri)
        pushes = [p for p in self.client.published if p.uri == uri]
        if not pushes:
            return Report([], None, None)
        last = pushes[-1]
        return Report(list(last.diagnostics), last.version, None)

    async def barrier(self, uri: str = "") -> int:
        """Wait until the server has analysed and delivered every earlier change; returns
        the number of analysis passes it has run."""
        return await settle(self.client)

    async def no_push_for(self, uri: str) -> None:
        """Assert that the last action published nothing for ``uri`` (push mode only)."""
        await self.barrier(uri)
        pushes = [p for p in self.client.published[self._published_mark :] if p.uri == uri]
        assert not pushes, pushes

    async def shutdown(self) -> int | None:
        """shutdown + exit; returns the server's exit code."""
        self.client.closed = True
        await asyncio.wait_for(self.client.shutdown_session(), TIMEOUT)
        server = self.client._server
        return server.returncode if server is not None else None


async def start(
    client: GowlsTestClient,
    root: Path,
    files: dict[str, str | bytes] | None = None,
    *,
    pull: bool = False,
    encodings: Sequence[str] | None = None,
    caps: lsp.ClientCapabilities | None = None,
) -> Session:
    """Write ``files`` under ``root``, initialize with the client's editor capabilities
    (``pull`` / ``encodings`` adjust them) and wait until the start-up scan is reported."""
    for rel, content in (files or {}).items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
    if caps is None:
        caps = capabilities(client.editor, pull=pull, encodings=encodings)
    result = await asyncio.wait_for(
        client.initialize_session(
            lsp.InitializeParams(
                capabilities=caps,
                root_uri=root.as_uri(),
                workspace_folders=[lsp.WorkspaceFolder(uri=root.as_uri(), name=root.name)],
                client_info=lsp.ClientInfo(name=f"gowls-e2e ({client.editor})"),
            )
        ),
        TIMEOUT,
    )
    encoding = str(result.capabilities.position_encoding or "utf-16")
    session = Session(client, root, result, expects_pull(caps), encoding)
    if session.pull:
        # workspace/diagnostic waits for the start-up scan, so its response comes after the
        # scan's refresh, and every later refresh is caused by the test.
        await asyncio.wait_for(
            client.workspace_diagnostic_async(
                lsp.WorkspaceDiagnosticParams(previous_result_ids=[])
            ),
            TIMEOUT,
        )
    else:
        await settle(client)
    return session


async def settle(client: GowlsTestClient) -> int:
    """``gowls.awaitAnalysis``: returns once the server's analysis queue is empty."""
    result = await asyncio.wait_for(
        client.workspace_execute_command_async(
            lsp.ExecuteCommandParams(command="gowls.awaitAnalysis", arguments=[])
        ),
        TIMEOUT,
    )
    return int(result["passes"])

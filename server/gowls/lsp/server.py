"""The pygls language server: session state, the analysis queue and diagnostics publishing.

Edits never wait for analysis. A change updates the workspace overlay and marks paths dirty;
one background task takes every dirty path at once (a burst of keystrokes costs one analysis
of the latest text), runs the pass in a worker thread on a snapshot of that moment, drops the
result if newer edits arrived meanwhile (they are analysed next), and publishes only the
diagnostics that changed, plus every open document whose version moved.  Requests (hover,
completion, code actions) are answered on the event loop from their own snapshot and never
wait for the queue.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import logging
import os
import sys
import time
from collections.abc import Callable, Generator, Iterable, Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import Any, ClassVar

from lsprotocol import types as lsp
from pygls.exceptions import (
    FeatureNotificationError,
    JsonRpcInternalError,
    JsonRpcInvalidRequest,
)
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol, json_rpc
from pygls.protocol.language_server import lsp_method

from gowls import __version__
from gowls.analysis.engine import FileResult
from gowls.analysis.findings import Finding
from gowls.analysis.language import Document, Language, Languages
from gowls.analysis.registry import RuleContext
from gowls.analysis.snapshot import Snapshot, normalize
from gowls.analysis.workspace import Workspace
from gowls.lsp import fastchange
from gowls.lsp.convert import Converter, encoding_of, path_to_uri, uri_to_path
from gowls.lsp.publish import DiagnosticTexts, notification_text
from gowls.syntax.positions import LineIndex

log = logging.getLogger(__name__)

CONFIG_NAMES = frozenset({".gowls.toml", "pyproject.toml"})
"""Configuration files: a change re-checks every file."""

CONFIG_GLOBS = ("**/.gowls.toml", "**/pyproject.toml")

SMALL_WORKSPACE = 40
"""Up to this many known results, a pass finds the affected files right after checking the
edited documents, in the same thread hop (larger workspaces publish those first)."""

INLINE_SECONDS = 0.002
"""Edited documents whose last check took less than this are checked on the event loop: the
two thread hops (waking an idle worker, then the loop) cost more than such a check, and a
request waits for it at most this long."""


class GowlsProtocol(LanguageServerProtocol):
    """pygls's protocol, answering requests that arrive after ``shutdown``.

    pygls drops them; LSP says they fail with InvalidRequest, and a client waiting for the
    answer would otherwise wait forever.
    """

    def structure_message(self, data: dict[str, Any]) -> Any:
        """pygls's decoding hook, keeping a ``didChange`` raw for :mod:`gowls.lsp.fastchange`."""
        return fastchange.mark(data) or super().structure_message(data)

    def handle_message(self, message: Any) -> None:
        """Refuse requests after shutdown; a well-formed ``didChange`` directly; everything
        else as pygls handles it."""
        if type(message) is fastchange.RawChange:
            params = None if self._shutdown else fastchange.change_params(message.data)
            if params is not None:
                self._did_change(params)
                return
            message = super().structure_message(message.data)
        method = getattr(message, "method", None)
        msg_id = getattr(message, "id", None)
        if self._shutdown and method not in (None, lsp.EXIT) and msg_id is not None:
            error = JsonRpcInvalidRequest(f"the server is shut down; {method} refused")
            self._send_response(msg_id, None, error.to_response_error())
            return
        if method == lsp.SHUTDOWN:
            self._shutdown_id = msg_id
        super().handle_message(message)

    def _did_change(self, params: lsp.DidChangeTextDocumentParams) -> None:
        """What pygls's built-in ``didChange`` handler does, then ours, without the generic
        dispatch (an error is reported as pygls reports a notification handler's)."""
        try:
            for change in params.content_changes:
                self.workspace.update_text_document(params.text_document, change)
            handler = self.fm.features.get(lsp.TEXT_DOCUMENT_DID_CHANGE)
            if handler is not None:
                handler(params)
        except Exception:
            error = JsonRpcInternalError.of(sys.exc_info())  # type: ignore[no-untyped-call]
            self._server._report_server_error(error, FeatureNotificationError)

    _sending: ClassVar[set[asyncio.Future[Any]]] = set()
    """Writes of an asynchronous writer still under way, held so that they are not collected
    before they finish (one protocol a process: a class attribute will do)."""

    def send_text(self, body: str) -> None:
        """Send a message given as JSON text, as pygls's ``_send_data`` sends the text
        ``json.dumps`` writes of one (the same log line, headers, encoding and errors)."""
        if self.writer is None:
            json_rpc.logger.error("Unable to send data, no available transport!")
            return
        try:
            json_rpc.logger.info("Sending data: %s", body)
            if self._include_headers:
                header = (
                    f"Content-Length: {len(body)}\r\n"
                    f"Content-Type: {self.CONTENT_TYPE}; charset={self.CHARSET}\r\n\r\n"
                )
                body = header + body
            written = self.writer.write(body.encode(self.CHARSET))
            if inspect.isawaitable(written):  # an asynchronous writer (pygls's WebSocket one)
                sending = asyncio.ensure_future(written)
                self._sending.add(sending)
                sending.add_done_callback(self._sending.discard)
        except BrokenPipeError:
            json_rpc.logger.exception("Error sending data. BrokenPipeError", exc_info=True)
            raise
        except Exception as error:
            json_rpc.logger.exception("Error sending data", exc_info=True)
            self._server._report_server_error(error, JsonRpcInternalError)

    _shutdown_id: int | str | None = None
    """The id of the ``shutdown`` request (pygls's ``msg_id`` is not set in its handler)."""
    _ending: Future[Any] | None = None
    """The pending ``shutdown`` request's future while it lets earlier requests finish."""

    @lsp_method(lsp.SHUTDOWN)
    def lsp_shutdown(self, *args: Any) -> Generator[Any, Any, None]:
        """pygls's shutdown, letting the client's earlier requests finish first.

        Requests read before ``shutdown`` are answered (for up to :data:`SHUTDOWN_GRACE`
        seconds), as their order asks: a client that writes a request, ``shutdown`` and
        ``exit`` at once gets every answer. Later requests are refused (``handle_message``).
        What is still pending after the grace is cancelled, with the server's own requests
        to the client, from a copy of the table: pygls iterates the live one, and a future
        settled meanwhile removes itself from it (``RuntimeError: dictionary changed size
        during iteration``). The table also holds the futures of handlers a generator
        handler yields to (``exit``'s wait below): those are left alone.
        """
        current_id = self._shutdown_id
        self._shutdown = True
        if current_id is not None:
            self._ending = self._request_futures.get(current_id)
        if (user_handler := self.fm.features.get(lsp.SHUTDOWN)) is not None:
            yield user_handler, args, None
        table = list(self._request_futures.items())
        pending = [f for i, f in table if i != current_id and i not in self._result_types]
        if any(not future.done() for future in pending):
            yield _settle, (pending,), None
        # and the server's own requests to the client, which will not answer them now
        pending += (f for i, f in list(self._request_futures.items()) if i in self._result_types)
        for future in pending:
            if not future.done():
                future.cancel()

    @lsp_method(lsp.EXIT)
    def lsp_exit(self, *args: Any) -> Generator[Any, Any, None]:
        """pygls's exit, after the answer to a ``shutdown`` still letting requests finish
        (a client that does not wait for that answer before ``exit``)."""
        if self._ending is None or self._ending.done():
            yield from super().lsp_exit(*args)
            return
        yield _settle, ([self._ending],), None
        # The reader thread went on to read the next message meanwhile, which a client
        # holding its end open never sends: the ordinary exit would wait for it for ever.
        if self.writer is not None:
            self.writer.close()  # writes what is queued first
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.flush()
        os._exit(0)  # after shutdown


SHUTDOWN_GRACE = 10.0
"""How long ``shutdown`` waits for the requests read before it (seconds)."""


async def _settle(futures: list[Future[Any] | asyncio.Future[Any]]) -> None:
    """Wait for ``futures`` (asyncio's or a thread pool's) to be done, at most
    :data:`SHUTDOWN_GRACE` seconds. Their own done-callbacks (sending an answer) were added
    first, so they have run when this returns."""
    waited = [f if isinstance(f, asyncio.Future) else asyncio.wrap_future(f) for f in futures]
    await asyncio.wait(waited, timeout=SHUTDOWN_GRACE)


class GowlsServer(LanguageServer):
    """The gowls language server and its session state."""

    def __init__(self, languages: Languages) -> None:
        super().__init__(
            "gowls",
            __version__,
            text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental,
            protocol_cls=GowlsProtocol,
        )
        self.languages = languages
        self.model = Workspace(languages=languages)
        self.converter = Converter(encoding_of(None), self.uri_of, self.rule_url)
        self.pull = False
        """Whether the client pulls diagnostics (and can be told to refresh)."""
        self.related_info = False
        self.uris: dict[Path, str] = {}
        """The URIs the client spelled for the paths it opened (echoed back in pushes)."""
        self.scanned = asyncio.Event()
        self._published: dict[Path, tuple[tuple[Finding, ...], int | None]] = {}
        self._texts = DiagnosticTexts(self.converter)
        """The JSON text of the diagnostics last published per file."""
        self._dirty: set[Path] = set()
        self._moved: set[Path] = set()
        """Dirty paths changed by more than a buffer edit (opened, closed, on disk)."""
        self._generation = 0
        self._wake: asyncio.Event | None = None
        self._idle: asyncio.Event | None = None
        self._worker: asyncio.Task[None] | None = None
        self._check_seconds: dict[Path, float] = {}
        """How long the last check of each edited open document took (first in its pass)."""
        self._alone: asyncio.Future[Any] | None = None
        """The check of documents opened before the scan, while it runs."""

    # -- lookups ---------------------------------------------------------------------------
    def rule_url(self, code: str) -> str | None:
        """The documentation link of a rule code."""
        found = self.languages.rule(code)
        return found.info.url if found else None

    def uri_of(self, path: Path) -> str:
        """The URI for ``path``: the client's own spelling if it opened the file."""
        return self.uris.get(path) or path_to_uri(path)

    def index_of(self, path: Path, snapshot: Snapshot | None = None) -> LineIndex:
        """The line index of a file as the analysis sees it (in ``snapshot``: the one its
        findings came from; by default the current state)."""
        snapshot = snapshot or self.model.snapshot()
        doc = snapshot.document(path)
        if doc is not None:
            return doc.index
        return LineIndex(snapshot.source.read_bytes(path) or b"")

    def context(self, uri: str) -> tuple[RuleContext[Document], Language] | None:
        """The analysis context of a supported document (None for files of no kind)."""
        path = uri_to_path(uri)
        if path is None:
            return None
        path = normalize(path)
        snapshot = self.model.snapshot()
        language = snapshot.language_of(path)
        if language is None:
            return None
        doc = snapshot.document(path, language)
        if doc is None:
            return None
        return RuleContext(snapshot, path, doc), language

    def snapshot(self) -> Snapshot:
        """A snapshot of the current state (for a request)."""
        return self.model.snapshot()

    # -- diagnostics -----------------------------------------------------------------------
    def _indexes(self, snapshot: Snapshot | None) -> Callable[[Path], LineIndex]:
        """:meth:`index_of` in ``snapshot``, once per path."""
        indexes: dict[Path, LineIndex] = {}

        def index_of(path: Path) -> LineIndex:
            if path not in indexes:
                indexes[path] = self.index_of(path, snapshot)
            return indexes[path]

        return index_of

    def diagnostics(self, findings: Iterable[Finding]) -> list[lsp.Diagnostic]:
        """LSP diagnostics for findings of one file (pulled; pushes send
        :meth:`Converter.diagnostic_text`, the same items written as JSON text directly)."""
        index_of = self._indexes(None)
        return [self.converter.diagnostic(f, index_of, self.related_info) for f in findings]

    def result_for(self, path: Path) -> FileResult:
        """The current result of a file, computed if missing.

        Results of files the workspace does not track (outside the roots and not open) are
        never refreshed by changes, so they are recomputed on every request.
        """
        result = self.model.results.get(path) if path in self.model.files else None
        if result is None:
            (result,) = self.model.check([path])
        return result

    def publish(
        self, result: FileResult, force: bool = False, snapshot: Snapshot | None = None
    ) -> None:
        """Push the diagnostics of one file if they (or its open version) changed;
        ``snapshot``: the one the result was computed in (positions are converted there)."""
        doc = self.model.overlay.get(result.path)
        version = doc.version if doc else None
        last = self._published.get(result.path)
        # The version first: equal findings are compared field by field.
        if not force and last is not None and last[1] == version and last[0] == result.findings:
            return
        if not force and last is None and not result.findings and doc is None:
            return  # the client shows nothing for it already
        self._published[result.path] = (result.findings, version)
        if self._texts.converter is not self.converter:
            self._texts = DiagnosticTexts(self.converter)
        texts = self._texts.texts(
            result.path, result.findings, self._indexes(snapshot), self.related_info
        )
        self._push(self.uri_of(result.path), texts, version)

    def _push(self, uri: str, texts: list[str], version: int | None) -> None:
        """Send ``textDocument/publishDiagnostics`` with the JSON text of each diagnostic, as
        pygls's ``notify`` writes it: no lsprotocol objects to build and unstructure, nor JSON
        values to encode again, for a message that is only sent."""
        protocol = self.protocol
        assert isinstance(protocol, GowlsProtocol)
        protocol.send_text(notification_text(uri, texts, version))

    def clear(self, path: Path) -> None:
        """Remove the diagnostics of a file that is gone or no longer supported."""
        self._texts.forget(path)
        if self._published.pop(path, None) is not None:
            self._push(self.uri_of(path), [], None)

    def deliver(
        self,
        results: Sequence[FileResult],
        gone: Sequence[Path] = (),
        snapshot: Snapshot | None = None,
    ) -> None:
        """Tell the client about new results: pushes, or one refresh for pulling clients;
        ``snapshot``: the one the results were computed in."""
        if self.pull:
            if results or gone:
                self.workspace_diagnostic_refresh(None)
            return
        for result in results:
            self.publish(result, snapshot=snapshot)
        for path in gone:
            self.clear(path)

    # -- the analysis queue ----------------------------------------------------------------
    def schedule(self, changed: Iterable[Path], edit: bool = False) -> None:
        """Mark paths changed; the background task analyses what they affect.

        ``edit``: a buffer edit (the content changed, the file still exists as before), which
        allows early cutoff; anything else (open, close, disk events) may change what exists.
        """
        for path in changed:
            path = normalize(path)
            if not edit:
                self._moved.add(path)
            self._dirty.add(path)
        self._generation += 1
        if self._wake is None or self._idle is None:
            self._wake, self._idle = asyncio.Event(), asyncio.Event()
        self._idle.clear()
        self._wake.set()
        if self._worker is None or self._worker.done():
            self._worker = asyncio.get_running_loop().create_task(self._analyse())

    @property
    def dirty(self) -> frozenset[Path]:
        """Paths changed since the pass that is running or last ran."""
        return frozenset(self._dirty)

    def scan_finished(self) -> None:
        """The start-up scan is stored: analyse what changed meanwhile."""
        self.scanned.set()
        if self._wake is not None and self._dirty:
            self._wake.set()

    def _stale_since(self, generation: int) -> Callable[[], bool]:
        def stale() -> bool:
            return generation != self._generation

        return stale

    async def _analyse(self) -> None:
        assert self._wake is not None and self._idle is not None
        while True:
            await self._wake.wait()
            self._wake.clear()
            if not self.scanned.is_set():
                await self._before_scan()
                continue  # the end of the scan (or a newer change) wakes the task again
            await self._pass()
            if not self._dirty:
                self._idle.set()

    async def _before_scan(self) -> None:
        """Open documents get their diagnostics while the start-up scan still runs: each is
        checked alone (dependents wait for the scan) and stays queued for the pass after it."""
        opened = sorted(p for p in self._dirty if p in self.model.overlay)
        if not opened:
            return
        stale = self._stale_since(self._generation)
        # Alone: what needs every module of a workspace waits for the pass after the scan.
        snapshot = self.model.snapshot(alone=True)
        work = asyncio.ensure_future(
            asyncio.to_thread(self.model.compute, snapshot, opened, None, stale)
        )
        self._alone = work
        try:
            results = await work
        except Exception:
            log.exception("analysis of %d open files failed", len(opened))
            return
        finally:
            self._alone = None
        if results is None or stale() or self.scanned.is_set():
            return  # a newer change (or the scan's end) brings a newer analysis
        self.deliver(results, snapshot=snapshot)

    async def opened_first(self) -> None:
        """Wait for the check of the documents opened so far, if one runs: the start-up scan
        would share the interpreter with it, each at half speed, and the opened documents'
        first diagnostics are what the user waits for."""
        await asyncio.sleep(0)  # a didOpen read with ``initialized`` schedules its check
        alone = self._alone
        if alone is not None:
            await asyncio.wait([alone])

    async def _pass(self) -> None:
        """One pass in one snapshot: the edited open documents are checked and published
        first, then the files they affect; a newer change abandons the pass (re-queued)."""
        changed, self._dirty = self._dirty, set()
        moved, self._moved = self._moved & changed, self._moved - changed
        edited = changed - moved
        stale = self._stale_since(self._generation)
        snapshot = self.model.snapshot()
        first = sorted(p for p in changed if p in self.model.overlay and p in self.model.files)
        results: list[FileResult] = []
        done = False
        stored = list(self.model.results.items())
        skip = set(first)
        # In a small workspace finding the affected files costs next to nothing: done in the
        # first thread hop, a pass with nothing more to check needs no second hop.
        early = len(stored) <= SMALL_WORKSPACE

        def affected() -> list[Path]:
            found = self.model.affected(changed, snapshot, edited, stored)
            return [p for p in found if p not in skip]

        def ahead_of_rest() -> tuple[list[FileResult] | None, list[Path] | None]:
            began = time.perf_counter()
            checked = self.model.compute(snapshot, first, None, stale)
            took = time.perf_counter() - began
            for path in first:
                self._check_seconds[path] = took
            return checked, affected() if early and checked is not None else None

        def rest(todo: list[Path] | None) -> list[FileResult] | None:
            return self.model.compute(snapshot, affected() if todo is None else todo, None, stale)

        try:
            todo: list[Path] | None = None
            if first:
                if self._cheap(first):
                    ahead, todo = ahead_of_rest()
                else:
                    ahead, todo = await asyncio.to_thread(ahead_of_rest)
                if ahead is not None and not stale():
                    self.model.store(ahead)
                    if not self.pull:  # a pulling client is refreshed once, after the pass
                        self.deliver(ahead, snapshot=snapshot)
                    results = ahead
            if not first or results:
                after: list[FileResult] | None = []
                if todo is None or todo:
                    after = await asyncio.to_thread(rest, todo)
                if after is not None and not stale():
                    self.model.store(after)
                    results = [*results, *after]
                    gone = [p for p in changed if p not in self.model.files]
                    self.deliver(results if self.pull else after, gone, snapshot)
                    done = True
        except Exception:
            log.exception("analysis of %d changed files failed", len(changed))
            self.model.commit(None, changed)  # no early cutoff against a failed pass
            self.model.passes += 1
            return  # not retried: the same input would fail again
        if not done:
            self._dirty |= changed  # stale: analysed again with the newer text
            self._moved |= moved
            return
        self.model.commit(snapshot, changed)
        self.model.passes += 1
        self.model.last_checked = len(results)

    def _cheap(self, paths: list[Path]) -> bool:
        """Whether checking ``paths`` took under :data:`INLINE_SECONDS` last time."""
        spent = 0.0
        for path in paths:
            took = self._check_seconds.get(path)
            if took is None:
                return False
            spent += took
        return spent < INLINE_SECONDS

    async def settled(self) -> int:
        """Wait until every change received so far is analysed and delivered; passes so far."""
        await self.scanned.wait()
        if self._idle is not None:
            await self._idle.wait()
        return self.model.passes

    def reconfigure(self) -> None:
        """Configuration changed: forget it, re-check everything, tell the client."""
        if self.model.policy is not None:
            self.model.policy.resolver.invalidate()
        self.model.forget_kept()
        self.schedule(self.model.files)

"""A real gowls server driven from synchronous code (for hypothesis), and fuzz budgets.

pytest-lsp's fixture is function-scoped and async; property tests want one server for many
examples and a synchronous test body.  :class:`LiveServer` starts the server with the e2e
harness's client and configuration on a private event loop and runs each step to completion
on it, so every example talks to the same process, as an editor does all day.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Coroutine, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from lsp_harness import SERVER, TIMEOUT, GowlsTestClient, Session, start
from lsprotocol import types as lsp

T = TypeVar("T")

FUZZ_MINUTES = float(os.environ.get("GOWLS_FUZZ_MINUTES", "0") or 0)
"""0 in CI (bounded example counts); the long run sets it (see tests/robustness/README.md)."""


def examples(ci: int) -> int:
    """Examples per hypothesis run: ``ci`` normally, many more in a long run."""
    return ci if FUZZ_MINUTES <= 0 else max(ci, 200)


def deadline() -> float:
    """When a long run stops (``time.monotonic()``); now for CI (one round only)."""
    return time.monotonic() + FUZZ_MINUTES * 60


@dataclass
class Stats:
    """What a fuzz run did (printed at the end of a long run)."""

    cases: int = 0
    edits: int = 0
    crashes: int = 0
    mismatches: int = 0
    kinds: dict[str, int] = field(default_factory=dict)

    def line(self) -> str:
        """One summary line."""
        return (
            f"cases={self.cases} edits={self.edits} crashes={self.crashes} "
            f"mismatches={self.mismatches} by kind={self.kinds}"
        )


class LiveServer:
    """One gowls process and an initialized session, driven step by step."""

    def __init__(
        self, root: Path, files: dict[str, str | bytes], editor: str = "visual-studio-code"
    ) -> None:
        self.loop = asyncio.new_event_loop()
        client = self.run(SERVER.start())
        assert isinstance(client, GowlsTestClient)
        client.editor = editor
        self.client = client
        self.session: Session = self.run(start(client, root, files))

    def run(self, coro: Coroutine[Any, Any, T]) -> T:
        """Run one step on the server's loop (never longer than the harness's timeout)."""
        return self.loop.run_until_complete(asyncio.wait_for(coro, TIMEOUT))

    @property
    def alive(self) -> bool:
        """Whether the server process is still running."""
        server = self.client._server
        return server is not None and server.returncode is None

    def errors(self) -> list[str]:
        """Error messages the server showed or logged (pygls reports handler exceptions so)."""
        shown = [m.message for m in self.client.messages if m.type == lsp.MessageType.Error]
        logged = [m.message for m in self.client.log_messages if m.type == lsp.MessageType.Error]
        return shown + logged

    def close(self) -> int | None:
        """shutdown + exit; returns the exit code."""
        try:
            code = self.run(self.session.shutdown())
        finally:
            server = self.client._server
            if server is not None and server.returncode is None:
                server.kill()
                self.loop.run_until_complete(server.wait())
            self.loop.run_until_complete(self.client.stop())
            self.loop.close()
        return code


def diagnostic_key(diagnostics: Sequence[lsp.Diagnostic]) -> list[tuple[Any, ...]]:
    """Diagnostics as comparable tuples (range, severity, code, message), in order."""
    return sorted(
        (
            d.range.start.line,
            d.range.start.character,
            d.range.end.line,
            d.range.end.character,
            d.severity,
            d.code,
            d.message,
        )
        for d in diagnostics
    )

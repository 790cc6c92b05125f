"""Shared fixtures: the e2e harness is importable from here, and fuzz budgets come from the
environment (``GOWLS_FUZZ_MINUTES`` turns the bounded CI runs into long runs)."""

from __future__ import annotations

import asyncio
import contextlib
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest_lsp

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from lsp_harness import SERVER, TIMEOUT, GowlsTestClient


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: GowlsTestClient) -> AsyncIterator[None]:
    """A connected, not yet initialized client (one editor: these tests are about the
    protocol, not about editor differences, which tests/e2e covers)."""
    lsp_client.editor = "visual-studio-code"
    yield
    server = lsp_client._server
    if not lsp_client.closed and lsp_client.capabilities is not None:
        lsp_client.closed = True
        with contextlib.suppress(TimeoutError, RuntimeError):
            await asyncio.wait_for(lsp_client.shutdown_session(), TIMEOUT)
    if server is not None and server.returncode is None:
        try:
            await asyncio.wait_for(server.wait(), 10)
        except TimeoutError:
            server.kill()

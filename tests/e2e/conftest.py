"""The pytest-lsp fixture: a gowls server process per test, once per emulated editor."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import pytest
import pytest_lsp
from lsp_harness import EDITORS, SERVER, TIMEOUT, GowlsTestClient


@pytest_lsp.fixture(config=SERVER, params=EDITORS)
async def client(
    lsp_client: GowlsTestClient, request: pytest.FixtureRequest
) -> AsyncIterator[None]:
    """A connected, not yet initialized client; tests call ``lsp_harness.start``."""
    lsp_client.editor = request.param
    yield
    server = lsp_client._server
    if not lsp_client.closed and lsp_client.capabilities is not None:
        lsp_client.closed = True
        with contextlib.suppress(TimeoutError, RuntimeError):
            await asyncio.wait_for(lsp_client.shutdown_session(), TIMEOUT)
    # Never initialized, or it did not exit: stop our own server process so teardown ends.
    if server is not None and server.returncode is None and lsp_client.capabilities is None:
        server.terminate()
    elif server is not None and server.returncode is None:
        try:
            await asyncio.wait_for(server.wait(), TIMEOUT)
        except TimeoutError:
            server.kill()

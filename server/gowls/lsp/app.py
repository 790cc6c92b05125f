"""The assembled language server: the session class plus every feature module."""

from __future__ import annotations

from gowls.lsp import commands, diagnostics, editing, sync
from gowls.lsp.server import GowlsServer

FEATURES = (sync, diagnostics, editing, commands)
"""Feature modules; each exposes ``register(server)``."""


def create_server() -> GowlsServer:
    """A server with every feature module registered."""
    server = GowlsServer()
    for feature in FEATURES:
        feature.register(server)
    return server

"""The assembled language server: the session class plus every feature module."""

from __future__ import annotations

from gowls import languages
from gowls.lsp import commands, editing, sync
from gowls.lsp.server import GowlsServer

FEATURES = (sync, editing, commands)
"""Feature modules; each exposes ``register(server)`` (pulled diagnostics register during
``initialize``, for the clients that can use them)."""


def create_server() -> GowlsServer:
    """A server for every kind in :data:`gowls.languages.LANGUAGES`."""
    server = GowlsServer(languages.LANGUAGES)
    for feature in FEATURES:
        feature.register(server)
    return server

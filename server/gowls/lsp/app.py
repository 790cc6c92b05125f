"""The assembled language server: the session class plus every feature module, and the
hand-over from the start-up front (:mod:`gowls.lsp.early`)."""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Iterator
from typing import Any, BinaryIO

from pygls.exceptions import JsonRpcException

from gowls import languages
from gowls.lsp import commands, editing, sync
from gowls.lsp.early import Initialize
from gowls.lsp.server import GowlsServer

log = logging.getLogger(__name__)

FEATURES = (sync, editing, commands)
"""Feature modules; each exposes ``register(server)`` (pulled diagnostics register during
``initialize``, for the clients that can use them)."""


def create_server() -> GowlsServer:
    """A server for every kind in :data:`gowls.languages.LANGUAGES`."""
    server = GowlsServer(languages.LANGUAGES)
    for feature in FEATURES:
        feature.register(server)
    return server


class _Withheld:
    """A pygls writer that keeps the answer to one request and passes everything else on."""

    def __init__(self, msg_id: int | str, stdout: BinaryIO) -> None:
        self.msg_id = msg_id
        self.stdout = stdout
        self.answer: dict[str, Any] | None = None

    def write(self, data: bytes) -> None:
        _, _, body = data.partition(b"\r\n\r\n")
        message = json.loads(body)
        if message.get("id") == self.msg_id and "method" not in message:
            self.answer = message
            return
        self.stdout.write(data)
        self.stdout.flush()

    def close(self) -> None:
        """Nothing to close: the real writer replaces this one."""


@contextlib.contextmanager
def _quiet(name: str) -> Iterator[None]:
    """Silence a logger (pygls logs a traceback for params it cannot decode)."""
    logger = logging.getLogger(name)
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        logger.setLevel(level)


def _decode(server: GowlsServer, start: Initialize) -> Any:
    """The request as pygls decodes it; with the fallback params if pygls rejects the client's."""
    protocol = server.protocol
    for params in (start.params, start.fallback):
        text = json.dumps(
            {"jsonrpc": "2.0", "id": start.id, "method": "initialize", "params": params}
        )
        try:
            with _quiet("pygls.protocol.json_rpc"):
                return json.loads(text, object_hook=protocol.structure_message)
        except JsonRpcException:
            log.warning("initialize params not understood; the server works with defaults")
    raise AssertionError("the fallback initialize params are always decodable")


def take_over(server: GowlsServer, start: Initialize, stdout: BinaryIO) -> dict[str, Any] | None:
    """Give pygls the ``initialize`` request the front answered, as if it had read it.

    pygls sets up its state (client capabilities, workspace folders, position encoding) and
    runs our handler; its answer is withheld (the client has one already) and returned.
    Anything else it writes meanwhile goes to ``stdout``. A warning is logged if its answer
    differs from the front's (tests keep them equal).
    """
    withheld = _Withheld(start.id, stdout)
    server.protocol.set_writer(withheld)
    server.protocol.handle_message(_decode(server, start))
    answer = withheld.answer
    if answer is None or answer.get("result") != start.result:
        log.warning("the early initialize answer differs from pygls's: %s", answer)
    return answer

"""``workspace/executeCommand`` arguments are decoded as pygls decodes them, with each
handler's signature and type hints resolved once."""

from __future__ import annotations

from typing import Any

import pytest
from lsprotocol import types as lsp
from pygls.protocol import language_server as pygls_protocol

from gowls.lsp import commands
from gowls.lsp.app import create_server


def test_arguments_decoded_as_pygls_does_resolving_each_handler_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server = create_server()
    assert pygls_protocol._get_handler_params_annotations is commands.resolved_once
    calls: list[Any] = []
    resolve = commands._resolve_handler

    def counted(handler: Any) -> Any:
        calls.append(handler)
        return resolve(handler)

    monkeypatch.setattr(commands, "_resolve_handler", counted)
    converter = server.protocol._converter
    migrate = server.protocol.fm.commands["gowls.migrate"]
    settle = server.protocol.fm.commands[commands.SETTLE_COMMAND]
    migrate_params = lsp.ExecuteCommandParams("gowls.migrate", ["file:///tmp/w", True])
    for _ in range(3):
        decoded = pygls_protocol._prepare_command_arguments(migrate, migrate_params, converter)
        assert decoded == (("file:///tmp/w", True), {})
        settle_params = lsp.ExecuteCommandParams(commands.SETTLE_COMMAND, [])
        assert pygls_protocol._prepare_command_arguments(settle, settle_params, converter) == (
            (),
            {},
        )
    assert calls == [migrate, settle]
    assert commands.resolved_once(migrate) == resolve(migrate)

"""A real server applies the changes gowls.lsp.fastchange reads and those it leaves to pygls
alike, in order; a malformed change is refused and the server goes on."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from rawclient import RawClient, settle


def test_the_server_applies_fast_and_generic_changes_alike(tmp_path: Path) -> None:
    """Changes the fast path reads and changes it leaves to pygls (an extra key) end in the
    text they describe, in order; a malformed one is refused and the server goes on."""
    text = "module example.com/a\n\ngo 1.22\n"
    (tmp_path / "go.mod").write_text(text)
    uri = (tmp_path / "go.mod").as_uri()

    def change(version: int, changes: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
        document = {"uri": uri, "version": version, **extra}
        return {
            "method": "textDocument/didChange",
            "params": {"textDocument": document, "contentChanges": changes},
        }

    def at(line: int, start: int, end: int, new: str) -> dict[str, Any]:
        where = {
            "start": {"line": line, "character": start},
            "end": {"line": line, "character": end},
        }
        return {"range": where, "text": new}

    def last_published(messages: list[dict[str, Any]]) -> dict[str, Any]:
        published = [
            m["params"]
            for m in messages
            if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
        ]
        return published[-1]

    required = "require example.com/b 1.0.0\n"
    with (tmp_path / "stderr").open("w+b") as log:
        client = RawClient(tmp_path, log, (sys.executable, "-m", "gowls"))
        try:
            client.start()
            document = {"uri": uri, "languageId": "go.mod", "version": 1, "text": text}
            client.write_all(
                [
                    {"method": "textDocument/didOpen", "params": {"textDocument": document}},
                    change(2, [at(2, 3, 7, "1.21")]),  # read by the fast path
                    change(3, [at(3, 0, 0, required)], extra=True),  # pygls's: an extra key
                    change(4, [{"range": "nonsense", "text": "x"}]),  # refused by both
                    settle(10),
                ]
            )
            first = last_published(client.read_until(10))
            assert first["version"] == 3, "the malformed change was not applied"
            assert [(d["code"], d["range"]["start"]["line"]) for d in first["diagnostics"]] == [
                ("GM001", 3)
            ], "both earlier changes were applied: the requirement is on line 4"
            whole = text.replace("1.22", "1.21") + required.replace("1.0.0", "1.0.2")
            client.write_all(
                [
                    change(5, [at(3, 22, 27, "1.0.1"), {"text": whole}]),
                    change(6, [at(3, 22, 27, "v1.0.2")]),
                    settle(11),
                ]
            )
            second = last_published(client.read_until(11))
            assert (second["version"], second["diagnostics"]) == (6, [])
            assert client.stop() == 0
        finally:
            client.kill()

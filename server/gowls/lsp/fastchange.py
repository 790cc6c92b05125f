"""``textDocument/didChange``, the message of every keystroke, read without pygls's generic
path.

pygls structures each message with cattrs, tells requests from notifications with
``isinstance`` against runtime-checkable protocols (slow in CPython 3.11), runs the built-in
handler as a generator with a fresh UUID and a ``Future`` per step, then runs ours the same
way: about a fifth of a millisecond per keystroke on a warm CPU, twice that after the pause
between two keystrokes. Here the notification's JSON is recognised while it is decoded
(:func:`mark`), its params are built directly from the dicts (:func:`change_params`, with
lsprotocol's own validators), and the protocol applies and hands them on as pygls's
built-in handler does. Anything not exactly as LSP has it goes the generic way, so errors
are reported as before.
"""

from __future__ import annotations

from typing import Any

from lsprotocol import types as lsp

METHOD = lsp.TEXT_DOCUMENT_DID_CHANGE


class RawChange:
    """A decoded ``didChange`` notification awaiting the fast path (its JSON object)."""

    __slots__ = ("data",)

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data


def mark(data: dict[str, Any]) -> RawChange | None:
    """The message, kept raw, when it is a ``didChange`` notification (``json.loads`` hands
    every object, innermost first, to pygls's hook: only a whole message has ``jsonrpc``)."""
    if data.get("method") == METHOD and "jsonrpc" in data and "id" not in data:
        return RawChange(data)
    return None


def change_params(data: dict[str, Any]) -> lsp.DidChangeTextDocumentParams | None:
    """The params of a raw ``didChange`` message; None when anything is missing, of another
    type or out of range (the generic path then refuses it as pygls would)."""
    try:
        if data["jsonrpc"] != "2.0" or data["method"] != METHOD or len(data) != 3:
            return None
        params = data["params"]
        document = params["textDocument"]
        version, uri = document["version"], document["uri"]
        if type(version) is not int or type(uri) is not str or len(document) != 2:
            return None
        raw_changes = params["contentChanges"]
        if type(raw_changes) is not list or len(params) != 2:
            return None
        changes: list[lsp.TextDocumentContentChangeEvent] = []
        for raw in raw_changes:
            change = _change(raw)
            if change is None:
                return None
            changes.append(change)
        return lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(version=version, uri=uri),
            content_changes=tuple(changes),  # as cattrs makes it
        )
    except (KeyError, TypeError, ValueError):  # a validator's refusal, a missing key
        return None


def _change(raw: Any) -> lsp.TextDocumentContentChangeEvent | None:
    text = raw["text"]
    if type(text) is not str:
        return None
    if "range" not in raw:
        return lsp.TextDocumentContentChangeWholeDocument(text=text) if len(raw) == 1 else None
    length = raw.get("rangeLength")
    if len(raw) != (3 if "rangeLength" in raw else 2) or not (
        length is None or type(length) is int
    ):
        return None
    return lsp.TextDocumentContentChangePartial(
        range=_range(raw["range"]), text=text, range_length=length
    )


def _range(raw: Any) -> lsp.Range:
    if len(raw) != 2:
        raise ValueError(raw)
    return lsp.Range(start=_position(raw["start"]), end=_position(raw["end"]))


def _position(raw: Any) -> lsp.Position:
    line, character = raw["line"], raw["character"]
    if type(line) is not int or type(character) is not int or len(raw) != 2:
        raise ValueError(raw)
    return lsp.Position(line=line, character=character)

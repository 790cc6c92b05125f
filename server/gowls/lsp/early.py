"""The stdio server's start-up front: answers ``initialize`` before pygls is imported.

pygls cannot decode a single message before ``lsprotocol.types`` (over a thousand classes) is
imported, which is most of the server's start-up. This module uses the standard library alone:
it reads the client's messages from stdin until ``initialize`` arrives, answers it at once from
:data:`CAPABILITIES` and the client's capabilities, and returns the request, so that
``gowls.main`` can import the server and hand it over (``gowls.lsp.app.take_over``): pygls is
given the same request (its own answer is compared with ours and dropped) and reads on from the
same buffered stdin; messages the client sends meanwhile wait in the pipe.

The invariant that makes this safe is a test (tests/unit/test_lsp_early.py): for a matrix of
client capabilities, the early answer equals, as JSON, what pygls and the gowls server answer.
Before ``initialize``, the front does what LSP asks of a server: requests fail with
ServerNotInitialized, notifications are dropped, ``exit`` ends the process with code 1, and a
message that is not JSON (or not a JSON-RPC message) gets its JSON-RPC error.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, BinaryIO

from gowls import __version__

JSON = dict[str, Any]

ENCODINGS = ("utf-8", "utf-16", "utf-32")
"""The position encodings the server speaks (pygls picks the client's first of these)."""
DEFAULT_ENCODING = "utf-16"
"""LSP's encoding, for clients that offer none of :data:`ENCODINGS`."""

CAPABILITIES: JSON = {
    "textDocumentSync": {"openClose": True, "change": 2, "save": True},
    "completionProvider": {"triggerCharacters": [" ", "/", ".", "=", ":", '"']},
    "hoverProvider": True,
    "definitionProvider": True,
    "referencesProvider": True,
    "documentSymbolProvider": True,
    "codeActionProvider": {"codeActionKinds": ["quickfix", "refactor.rewrite"]},
    "codeLensProvider": {"resolveProvider": False},
    "documentLinkProvider": {"resolveProvider": False},
    "documentFormattingProvider": True,
    "foldingRangeProvider": True,
    "executeCommandProvider": {
        "commands": ["gowls.migrate", "gowls.checkWorkspace", "gowls.awaitAnalysis"]
    },
    "inlayHintProvider": {"resolveProvider": False},
    "workspace": {
        "workspaceFolders": {"supported": True, "changeNotifications": True},
        "fileOperations": {},
    },
}
"""What the server offers every client, as pygls derives it from the registered features
(``gowls.lsp.app.create_server``); a test keeps the two equal."""

PULL_DIAGNOSTICS: JSON = {
    "identifier": "gowls",
    "interFileDependencies": True,
    "workspaceDiagnostics": True,
}
"""The ``diagnosticProvider`` offered to clients that pull (``gowls.lsp.diagnostics``)."""

WILL_SAVE = ("willSave", "willSaveWaitUntil")
"""Client capabilities of ``textDocument.synchronization`` that pygls echoes (as false)."""

PARSE_ERROR = -32700
INVALID_REQUEST = -32600
INVALID_PARAMS = -32602
SERVER_NOT_INITIALIZED = -32002


@dataclass(frozen=True, slots=True)
class Initialize:
    """The ``initialize`` request the front answered, for the server that takes over."""

    id: int | str
    params: JSON
    result: JSON
    """The result the client was sent."""
    fallback: JSON
    """Minimal params that lead to the same answer, for a server whose decoder rejects
    ``params`` (a field of a type the front does not check)."""


# -- framing -------------------------------------------------------------------------------
def read_message(stdin: BinaryIO) -> bytes | None:
    """The body of the next message (base protocol framing), or None at the end of input.

    A header block without a usable Content-Length cannot be framed; it is skipped, as pygls
    skips it.
    """
    while True:
        length: int | None = None
        while True:
            line = stdin.readline()
            if not line:
                return None
            if not line.strip():
                break
            name, sep, value = line.partition(b":")
            if sep and name.strip().lower() == b"content-length" and value.strip().isdigit():
                length = int(value.strip())
        if length is None:
            continue
        body = stdin.read(length)
        if len(body) < length:
            return None
        return body


def write_message(stdout: BinaryIO, payload: JSON) -> None:
    """Send one message with its Content-Length header."""
    body = json.dumps(payload, separators=(",", ":")).encode("utf-8")
    stdout.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    stdout.flush()


def _error(stdout: BinaryIO, msg_id: int | str | None, code: int, message: str) -> None:
    write_message(
        stdout, {"jsonrpc": "2.0", "id": msg_id, "error": {"code": code, "message": message}}
    )


# -- the answer ----------------------------------------------------------------------------
def _nullable(value: Any, *kinds: type) -> bool:
    """Whether ``value`` is null or of one of ``kinds`` (a bool is no int: JSON tells them
    apart)."""
    if isinstance(value, bool):
        return bool in kinds
    return value is None or isinstance(value, kinds)


def _object(parent: JSON, key: str) -> JSON:
    value = parent.get(key)
    return value if isinstance(value, dict) else {}


def problem(params: Any) -> str | None:
    """Why ``params`` is not an ``initialize`` request the front can answer (None if it is).

    Checks the fields the answer and the server's set-up read; the rest is left to pygls.
    """
    if not isinstance(params, dict):
        return "initialize params must be an object"
    caps = params.get("capabilities")
    if not isinstance(caps, dict):
        return "initialize params need a capabilities object"
    folders = params.get("workspaceFolders")
    checks: list[tuple[Any, tuple[type, ...], str]] = [
        (params.get("processId"), (int,), "processId"),
        (params.get("rootUri"), (str,), "rootUri"),
        (params.get("rootPath"), (str,), "rootPath"),
        (folders, (list,), "workspaceFolders"),
        (caps.get("general"), (dict,), "capabilities.general"),
        (caps.get("textDocument"), (dict,), "capabilities.textDocument"),
        (caps.get("workspace"), (dict,), "capabilities.workspace"),
    ]
    general = _object(caps, "general")
    encodings = general.get("positionEncodings")
    checks.append((encodings, (list,), "capabilities.general.positionEncodings"))
    for name in ("diagnostic", "publishDiagnostics", "synchronization"):
        value = _object(caps, "textDocument").get(name)
        checks.append((value, (dict,), f"capabilities.textDocument.{name}"))
    sync = _object(_object(caps, "textDocument"), "synchronization")
    for name in WILL_SAVE:
        checks.append(
            (sync.get(name), (bool,), f"capabilities.textDocument.synchronization.{name}")
        )
    diagnostics = _object(caps, "workspace").get("diagnostics")
    checks.append((diagnostics, (dict,), "capabilities.workspace.diagnostics"))
    if isinstance(diagnostics, dict):
        refresh = diagnostics.get("refreshSupport")
        checks.append((refresh, (bool,), "capabilities.workspace.diagnostics.refreshSupport"))
    for value, kinds, name in checks:
        if not _nullable(value, *kinds):
            return f"initialize params: {name} has the wrong type"
    if isinstance(encodings, list) and not all(isinstance(e, str) for e in encodings):
        return "initialize params: position encodings must be strings"
    if isinstance(folders, list) and not all(
        isinstance(f, dict) and isinstance(f.get("uri"), str) and isinstance(f.get("name"), str)
        for f in folders
    ):
        return "initialize params: each workspace folder needs a uri and a name"
    return None


def position_encoding(caps: JSON) -> str:
    """The client's first offered encoding the server speaks; UTF-16 if none (as pygls)."""
    for encoding in _object(caps, "general").get("positionEncodings") or ():
        if encoding in ENCODINGS:
            return str(encoding)
    return DEFAULT_ENCODING


def pulls(caps: JSON) -> bool:
    """Whether the client pulls diagnostics: only one that can be told to refresh does
    (``gowls.lsp.sync.initialize`` makes the same decision from the decoded capabilities)."""
    diagnostic = _object(caps, "textDocument").get("diagnostic")
    refresh = _object(_object(caps, "workspace"), "diagnostics").get("refreshSupport")
    return diagnostic is not None and bool(refresh)


def text_document_sync(caps: JSON) -> JSON:
    """The sync options: pygls states ``willSave`` and ``willSaveWaitUntil`` (false: gowls
    handles neither) exactly when the client states its own."""
    sync: JSON = dict(CAPABILITIES["textDocumentSync"])
    client = _object(_object(caps, "textDocument"), "synchronization")
    for key in WILL_SAVE:
        if client.get(key) is not None:
            sync[key] = False
    return sync


def result(params: JSON) -> JSON:
    """The ``initialize`` result for valid ``params`` (see :func:`problem`)."""
    caps = params["capabilities"]
    capabilities: JSON = {
        "positionEncoding": position_encoding(caps),
        **json.loads(json.dumps(CAPABILITIES)),  # a copy: the table stays as it is
        "textDocumentSync": text_document_sync(caps),
    }
    if pulls(caps):
        capabilities["diagnosticProvider"] = dict(PULL_DIAGNOSTICS)
    return {"capabilities": capabilities, "serverInfo": {"name": "gowls", "version": __version__}}


def fallback_params(params: JSON) -> JSON:
    """Params with only what the answer and the workspace set-up depend on."""
    caps = params["capabilities"]
    sync = _object(_object(caps, "textDocument"), "synchronization")
    minimal: JSON = {
        "general": {"positionEncodings": [position_encoding(caps)]},
        "textDocument": {
            "synchronization": {k: v for k, v in sync.items() if k in WILL_SAVE and v is not None}
        },
    }
    if pulls(caps):
        minimal["textDocument"]["diagnostic"] = {}
        minimal["workspace"] = {"diagnostics": {"refreshSupport": True}}
    kept = ("processId", "rootUri", "rootPath", "workspaceFolders")
    return {**{k: params[k] for k in kept if k in params}, "capabilities": minimal}


# -- the front -----------------------------------------------------------------------------
def await_initialize(stdin: BinaryIO, stdout: BinaryIO) -> Initialize | int:
    """Serve until ``initialize`` is answered; returns it, or the exit code if the client
    ended the session first (``exit``: 1, as LSP asks without a shutdown; end of input: 0)."""
    while True:
        body = read_message(stdin)
        if body is None:
            return 0
        try:
            message = json.loads(body)
        except ValueError:  # UnicodeDecodeError included
            _error(stdout, None, PARSE_ERROR, "the message is not valid JSON")
            continue
        if not isinstance(message, dict):
            _error(stdout, None, INVALID_REQUEST, "a message must be a JSON object")
            continue
        method = message.get("method")
        msg_id = message.get("id")
        has_id = "id" in message
        valid_id = has_id and not isinstance(msg_id, bool) and isinstance(msg_id, int | str)
        if method is None and has_id:
            continue  # a response: the server has asked nothing yet
        if not isinstance(method, str) or (has_id and not valid_id):
            _error(stdout, msg_id if valid_id else None, INVALID_REQUEST, "not a request")
            continue
        if not has_id:
            if method == "exit":
                return 1
            continue  # notifications before initialize are dropped
        assert isinstance(msg_id, int | str)
        if method != "initialize":
            _error(stdout, msg_id, SERVER_NOT_INITIALIZED, f"{method} before initialize")
            continue
        params: Any = message.get("params")
        why = problem(params)
        if why is not None:
            _error(stdout, msg_id, INVALID_PARAMS, why)
            continue
        answer = result(params)
        write_message(stdout, {"jsonrpc": "2.0", "id": msg_id, "result": answer})
        return Initialize(msg_id, params, answer, fallback_params(params))

"""The start-up front (gowls.lsp.early) answers ``initialize`` exactly as pygls and the gowls
server would, hands the session over without losing a byte, and behaves as LSP asks before
``initialize`` (errors, ``exit``, end of input) without a traceback."""

from __future__ import annotations

import io
import itertools
import json
import logging
import os
import subprocess
import sys
import tempfile
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from gowls.lsp import early
from gowls.lsp.app import create_server, take_over

JSON = dict[str, Any]
TIMEOUT = 60


def frame(message: JSON | bytes) -> bytes:
    """One message with its Content-Length header (bytes are sent as they are)."""
    body = message if isinstance(message, bytes) else json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def unframe(data: bytes) -> list[JSON]:
    """Every message in a server's output."""
    stream = io.BytesIO(data)
    out = []
    while (body := early.read_message(stream)) is not None:
        out.append(json.loads(body))
    return out


def request(msg_id: int | str, method: str, params: Any = None) -> JSON:
    return {"jsonrpc": "2.0", "id": msg_id, "method": method, "params": params}


def notification(method: str, params: Any = None) -> JSON:
    return {"jsonrpc": "2.0", "method": method, "params": params}


# -- the invariant: the early answer is pygls's answer ---------------------------------------
def _bundled_clients() -> dict[str, JSON]:
    """The capabilities real editors send (recorded by pytest-lsp), by file name."""
    folder = resources.files("pytest_lsp") / "clients"
    return {
        entry.name.removesuffix(".json"): json.loads(entry.read_text(encoding="utf-8"))[
            "capabilities"
        ]
        for entry in folder.iterdir()
        if entry.name.endswith(".json")
    }


CLIENTS = {**_bundled_clients(), "minimal": {}}
ENCODINGS: tuple[list[str] | None, ...] = (
    None,
    ["utf-8"],
    ["utf-32", "utf-16"],
    ["utf-16", "utf-8"],
    ["latin-1"],
    [],
)
FOLDERS: tuple[JSON, ...] = (
    {},
    {"rootUri": "file:///tmp/gowls-early/root"},
    {
        "rootUri": "file:///tmp/gowls-early/a",
        "workspaceFolders": [
            {"uri": "file:///tmp/gowls-early/a", "name": "a"},
            {"uri": "file:///tmp/gowls-early/b", "name": "b"},
        ],
    },
    {"rootPath": "/tmp/gowls-early/legacy", "workspaceFolders": None},
)


def _params(client: str, pull: bool, encodings: list[str] | None, folders: JSON) -> JSON:
    caps = json.loads(json.dumps(CLIENTS[client]))
    if pull:
        caps.setdefault("textDocument", {})["diagnostic"] = {"relatedDocumentSupport": True}
        caps.setdefault("workspace", {})["diagnostics"] = {"refreshSupport": True}
    if encodings is not None:
        caps.setdefault("general", {})["positionEncodings"] = encodings
    return {"processId": 4242, "capabilities": caps, **folders}


MATRIX = [
    (client, pull, encodings, FOLDERS[n % len(FOLDERS)])
    for n, (client, pull, encodings) in enumerate(
        itertools.product(sorted(CLIENTS), (False, True), ENCODINGS)
    )
]


def _hand_over(params: JSON, msg_id: int | str = 1) -> tuple[JSON, JSON | None, Any]:
    """The front's answer (as the client received it), pygls's withheld answer, the server."""
    stdin = io.BytesIO(frame(request(msg_id, "initialize", params)))
    stdout = io.BytesIO()
    start = early.await_initialize(stdin, stdout)
    assert isinstance(start, early.Initialize)
    (sent,) = unframe(stdout.getvalue())
    server = create_server()
    answer = take_over(server, start, stdout)
    assert unframe(stdout.getvalue()) == [sent], "the server wrote during the hand-over"
    return sent, answer, server


@pytest.mark.parametrize(("client", "pull", "encodings", "folders"), MATRIX)
def test_the_early_answer_is_the_answer_of_pygls_and_the_server(
    client: str, pull: bool, encodings: list[str] | None, folders: JSON
) -> None:
    params = _params(client, pull, encodings, folders)
    sent, answer, server = _hand_over(params)
    assert answer is not None
    assert sent == {"jsonrpc": "2.0", "id": 1, "result": answer["result"]}
    assert answer["id"] == 1

    # pygls's state is as if it had read the request itself.
    offered = params["capabilities"].get("general", {}).get("positionEncodings") or ()
    expected_encoding = next((e for e in offered if e in early.ENCODINGS), "utf-16")
    assert sent["result"]["capabilities"]["positionEncoding"] == expected_encoding
    assert server.workspace.position_encoding == expected_encoding
    assert server.pull is pull
    assert ("diagnosticProvider" in sent["result"]["capabilities"]) is pull
    assert server.process_id == 4242
    folder_uris = sorted(server.workspace.folders)
    assert folder_uris == sorted(f["uri"] for f in folders.get("workspaceFolders") or ())
    assert server.client_capabilities == server.protocol._converter.structure(
        params["capabilities"], type(server.client_capabilities)
    )


def test_a_string_request_id_is_answered_with_it() -> None:
    sent, answer, _ = _hand_over(_params("minimal", False, None, {}), msg_id="init-1")
    assert sent["id"] == "init-1"
    assert answer is not None and answer["id"] == "init-1"


def test_params_pygls_rejects_fall_back_to_what_the_answer_used(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A capability of the wrong type deep inside (not one the front reads): the client has
    its answer; pygls gets the params the answer depends on, and says so in one line."""
    params = _params("visual_studio_code_v1.65.2", True, ["utf-8"], FOLDERS[2])
    assert params["capabilities"]["textDocument"]["synchronization"]["willSave"] is True
    params["capabilities"]["textDocument"]["hover"] = 5
    with caplog.at_level(logging.WARNING):
        sent, answer, server = _hand_over(params)
    assert answer is not None and answer["result"] == sent["result"]
    assert server.workspace.position_encoding == "utf-8"
    assert server.pull
    assert sorted(server.workspace.folders) == [
        "file:///tmp/gowls-early/a",
        "file:///tmp/gowls-early/b",
    ]
    assert [r.getMessage() for r in caplog.records] == [
        "initialize params not understood; the server works with defaults"
    ]
    assert all(r.exc_info is None for r in caplog.records)


# -- before initialize, in-process -----------------------------------------------------------
def _front(*messages: JSON | bytes) -> tuple[early.Initialize | int, list[JSON]]:
    stdin = io.BytesIO(b"".join(frame(m) for m in messages))
    stdout = io.BytesIO()
    outcome = early.await_initialize(stdin, stdout)
    return outcome, unframe(stdout.getvalue())


INIT = request(7, "initialize", {"processId": None, "capabilities": {}})


@pytest.mark.parametrize(
    ("first", "code", "answered_id"),
    [
        (b"{not json", early.PARSE_ERROR, None),
        (b"\xff\xfe", early.PARSE_ERROR, None),
        (b"[1, 2]", early.INVALID_REQUEST, None),
        ({"jsonrpc": "2.0", "id": 3, "method": 5}, early.INVALID_REQUEST, 3),
        ({"jsonrpc": "2.0", "id": [1], "method": "initialize"}, early.INVALID_REQUEST, None),
        (request(3, "textDocument/hover", {}), early.SERVER_NOT_INITIALIZED, 3),
        (request("s", "shutdown"), early.SERVER_NOT_INITIALIZED, "s"),
        (request(3, "initialize", []), early.INVALID_PARAMS, 3),
        (request(3, "initialize", {}), early.INVALID_PARAMS, 3),
        (request(3, "initialize", {"capabilities": {}, "processId": "1"}), early.INVALID_PARAMS, 3),
        (
            request(3, "initialize", {"capabilities": {"general": {"positionEncodings": [8]}}}),
            early.INVALID_PARAMS,
            3,
        ),
        (
            request(3, "initialize", {"capabilities": {}, "workspaceFolders": [{"uri": "x"}]}),
            early.INVALID_PARAMS,
            3,
        ),
    ],
)
def test_errors_before_initialize_then_initialize_is_answered(
    first: JSON | bytes, code: int, answered_id: int | str | None
) -> None:
    outcome, sent = _front(first, INIT)
    assert isinstance(outcome, early.Initialize)
    error, answer = sent
    assert error["id"] == answered_id
    assert error["error"]["code"] == code
    assert answer == {"jsonrpc": "2.0", "id": 7, "result": outcome.result}


def test_notifications_and_responses_before_initialize_are_dropped() -> None:
    opened = {"textDocument": {"uri": "file:///x/go.mod", "languageId": "go.mod", "version": 1}}
    outcome, sent = _front(
        notification("textDocument/didOpen", opened),
        notification("initialize", {"capabilities": {}}),
        {"jsonrpc": "2.0", "id": 1, "result": None},
        INIT,
    )
    assert isinstance(outcome, early.Initialize)
    assert [m["id"] for m in sent] == [7]


def test_exit_before_initialize_ends_with_code_1() -> None:
    assert _front(notification("exit"), INIT) == (1, [])


@pytest.mark.parametrize(
    "data",
    [b"", b"Content-Length: 10\r\n", b"Content-Length: 10\r\n\r\n{}", b"X-Other: 1\r\n\r\n"],
)
def test_end_of_input_before_initialize_ends_with_code_0(data: bytes) -> None:
    stdout = io.BytesIO()
    assert early.await_initialize(io.BytesIO(data), stdout) == 0
    assert stdout.getvalue() == b""


def test_framing_accepts_any_header_case_and_a_content_type() -> None:
    body = json.dumps(INIT).encode()
    data = (
        b"content-length: %d\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n"
        % len(body)
        + body
    )
    outcome = early.await_initialize(io.BytesIO(data), io.BytesIO())
    assert isinstance(outcome, early.Initialize)


# -- the real process --------------------------------------------------------------------------
def _run(data: bytes, *flags: str, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, *flags, "-m", "gowls"],
        input=data,
        capture_output=True,
        timeout=TIMEOUT,
        cwd=cwd,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        check=False,
    )


def _run_held(data: bytes, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """Like ``_run``, but stdin stays open until the server exits: the session ends by its
    ``exit`` notification alone (an end of input would end it at once, answered or not)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "gowls"],
            stdin=subprocess.PIPE,
            stdout=out,
            stderr=err,
            cwd=cwd,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        assert proc.stdin is not None
        try:
            proc.stdin.write(data)
            proc.stdin.flush()
            code = proc.wait(timeout=TIMEOUT)
        finally:
            proc.kill()
            proc.stdin.close()
        out.seek(0)
        err.seek(0)
        return subprocess.CompletedProcess(proc.args, code, out.read(), err.read())


def test_the_front_imports_neither_pygls_nor_lsprotocol() -> None:
    done = _run(frame(notification("exit")), "-X", "importtime")
    assert done.returncode == 1
    imported = done.stderr.decode()
    assert "gowls.lsp.early" in imported
    assert "lsprotocol" not in imported and "pygls" not in imported
    assert done.stdout == b""


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", 0),
        (frame(b"{oops") + frame(notification("exit")), 1),
        (frame(request(1, "shutdown")) + b"Content-Length: 99\r\n\r\n{", 0),
    ],
)
def test_the_process_ends_cleanly_before_initialize(data: bytes, code: int) -> None:
    done = _run(data)
    assert (done.returncode, done.stderr) == (code, b"")


GOMOD = "module example.com/m\n\ngo 1.22\n\nrequire example.com/x 1.2.3\n"


def test_a_whole_session_in_one_write_loses_nothing(tmp_path: Path) -> None:
    """Everything the client sends after initialize is already in the front's buffer when
    pygls takes over: each message is still handled once, and initialize is answered once.
    (The client sends ``exit`` without waiting for the answer to ``shutdown``, which waits
    for the analysis ``gowls.awaitAnalysis`` waits for.)"""
    (tmp_path / "go.mod").write_text(GOMOD)
    uri = (tmp_path / "go.mod").as_uri()
    opened = {"uri": uri, "languageId": "go.mod", "version": 1, "text": GOMOD}
    session = [
        request(
            1, "initialize", {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}}
        ),
        notification("initialized", {}),
        notification("textDocument/didOpen", {"textDocument": opened}),
        request(2, "workspace/executeCommand", {"command": "gowls.awaitAnalysis"}),
        request(3, "shutdown"),
        notification("exit"),
    ]
    done = _run_held(b"".join(frame(m) for m in session), cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, b"")
    sent = unframe(done.stdout)
    answers = [m for m in sent if "id" in m]
    assert [m["id"] for m in answers] == [1, 2, 3]
    assert all("error" not in m for m in answers)
    published = [m for m in sent if m.get("method") == "textDocument/publishDiagnostics"]
    assert published and published[-1]["params"]["version"] == 1
    assert [d["code"] for d in published[-1]["params"]["diagnostics"]] == ["GM001"]


def test_shutdown_lets_the_requests_before_it_finish(tmp_path: Path) -> None:
    """A client that writes a slow request, ``shutdown`` and ``exit`` at once (not waiting for
    any answer) still gets every answer, in order: the workspace scan and analysis behind
    ``gowls.awaitAnalysis`` take far longer than reading the two messages after it, which
    cancelled it before shutdown waited for the requests read before it."""
    uses = []
    for n in range(150):
        (tmp_path / f"m{n}").mkdir()
        (tmp_path / f"m{n}" / "go.mod").write_text(f"module example.com/m{n}\n\ngo 1.22\n")
        uses.append(f"\t./m{n}\n")
    work = f"go 1.22\n\nuse (\n{''.join(uses)})\n"
    (tmp_path / "go.work").write_text(work)
    opened = {"uri": (tmp_path / "go.work").as_uri(), "languageId": "go.work", "version": 1}
    session = [
        request(
            1, "initialize", {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}}
        ),
        notification("initialized", {}),
        notification("textDocument/didOpen", {"textDocument": {**opened, "text": work}}),
        request(2, "workspace/executeCommand", {"command": "gowls.awaitAnalysis"}),
        request(3, "shutdown"),
        request(
            4,
            "textDocument/hover",
            {"textDocument": opened, "position": {"line": 0, "character": 0}},
        ),
        notification("exit"),
    ]
    done = _run_held(b"".join(frame(m) for m in session), cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, b"")
    order = [m["id"] for m in unframe(done.stdout) if "id" in m]
    answers = {m["id"]: m for m in unframe(done.stdout) if "id" in m}
    assert sorted(order) == [1, 2, 3, 4] and order.index(2) < order.index(3)
    assert answers[2]["result"]["passes"] >= 1
    assert "error" not in answers[3]
    assert answers[4]["error"]["code"] == -32600  # after shutdown: InvalidRequest, at once

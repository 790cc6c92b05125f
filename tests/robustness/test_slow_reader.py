"""A client that stops reading the server's output (issue 14's protocol abuse list).

A raw JSON-RPC client over pipes (pytest-lsp always reads): the server's stdout pipe is
shrunk to one page, so a few diagnostics fill it, and the client writes from a thread so that a
server that stopped reading shows as a write that never returns (caught by the hang guard).
The one wait that is not on a message is for the output pipe to be full: a pipe tells no one
when it fills, so the test polls its fill level (``FIONREAD``) until it reaches the capacity.
"""

from __future__ import annotations

import array
import fcntl
import json
import os
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path
from typing import IO, Any

import pytest
from lsp_harness import TIMEOUT

F_SETPIPE_SZ = 1031
"""Linux's fcntl to resize a pipe (fcntl.F_SETPIPE_SZ from Python 3.10 on Linux)."""

BAD_REQUIRES = 200
MOD = (
    "module example.com/m\n\ngo 1.22\n\nrequire (\n"
    + "".join(f"\texample.com/bad{i} not-a-version\n" for i in range(BAD_REQUIRES))
    + ")\n"
)
"""A go.mod with one diagnostic per requirement: each publish is tens of kilobytes."""

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="pipe sizes are Linux's")


class RawClient:
    """The real server on pipes, and just enough JSON-RPC to talk to it."""

    def __init__(self, root: Path, log: IO[bytes]) -> None:
        self.root = root
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gowls"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=log,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        self.stdin, self.stdout = self.process.stdin, self.process.stdout
        self.capacity = fcntl.fcntl(self.stdout.fileno(), F_SETPIPE_SZ, 4096)

    def encode(self, message: dict[str, Any]) -> bytes:
        """One framed message."""
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        return b"Content-Length: %d\r\n\r\n" % len(body) + body

    def write_all(self, messages: list[dict[str, Any]]) -> None:
        """Write ``messages`` from a thread; fail if the server stops taking them."""
        data = b"".join(self.encode(m) for m in messages)

        def write() -> None:
            self.stdin.write(data)
            self.stdin.flush()

        writer = threading.Thread(target=write, daemon=True)
        writer.start()
        writer.join(TIMEOUT)
        assert not writer.is_alive(), (
            f"the server stopped reading its input ({len(data):,} bytes sent) while its output "
            "was not read"
        )

    def read(self) -> dict[str, Any]:
        """The next message from the server."""
        length = 0
        while (line := self.stdout.readline()) not in (b"\r\n", b""):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        assert length, "the server closed its output"
        message: dict[str, Any] = json.loads(self.stdout.read(length))
        return message

    def read_until(self, msg_id: int) -> list[dict[str, Any]]:
        """Messages up to and including the response to ``msg_id``."""
        out = [self.read()]
        while out[-1].get("id") != msg_id or "method" in out[-1]:
            out.append(self.read())
        return out

    def unread(self) -> int:
        """Bytes the server wrote that the client has not read."""
        buf = array.array("i", [0])
        fcntl.ioctl(self.stdout.fileno(), termios.FIONREAD, buf)
        return buf[0]

    def wait_output_full(self) -> None:
        """Poll until the output pipe is full (the server now has output it cannot write)."""
        stop = time.monotonic() + TIMEOUT
        while self.unread() < self.capacity:
            assert self.process.poll() is None, "the server died"
            assert time.monotonic() < stop, f"the output pipe never filled ({self.unread()} B)"
            threading.Event().wait(0.01)

    def start(self) -> None:
        """initialize + initialized."""
        self.write_all(
            [
                {
                    "id": 1,
                    "method": "initialize",
                    "params": {
                        "processId": None,
                        "rootUri": self.root.as_uri(),
                        "capabilities": {},
                    },
                }
            ]
        )
        self.read_until(1)
        self.write_all([{"method": "initialized", "params": {}}])

    def uri(self, n: int) -> str:
        """The URI of the n-th document."""
        return (self.root / f"m{n}" / "go.mod").as_uri()

    def opens(self, numbers: range) -> list[dict[str, Any]]:
        """didOpen of a broken go.mod for each number."""
        return [
            {
                "method": "textDocument/didOpen",
                "params": {
                    "textDocument": {
                        "uri": self.uri(n),
                        "languageId": "go.mod",
                        "version": 1,
                        "text": MOD,
                    }
                },
            }
            for n in numbers
        ]

    def hover(self, msg_id: int, n: int) -> dict[str, Any]:
        """A hover request on the ``go`` version of document n."""
        return {
            "id": msg_id,
            "method": "textDocument/hover",
            "params": {
                "textDocument": {"uri": self.uri(n)},
                "position": {"line": 2, "character": 4},
            },
        }


def settle(msg_id: int) -> dict[str, Any]:
    """The server's barrier: answered once every earlier change is analysed and published."""
    return {
        "id": msg_id,
        "method": "workspace/executeCommand",
        "params": {"command": "gowls.awaitAnalysis", "arguments": []},
    }


def test_a_client_that_stops_reading_gets_everything_when_it_reads_again(
    tmp_path: Path,
) -> None:
    with (tmp_path / "stderr").open("w+b") as log:
        client = RawClient(tmp_path, log)
        try:
            client.start()
            client.write_all(client.opens(range(10)))
            client.wait_output_full()
            # The output is stuck; the server must still read (and analyse) all of this:
            # far more than its input pipe holds.
            later = client.opens(range(10, 60))
            client.write_all([*later, client.hover(2, 0), settle(3)])
            got = client.read_until(3)
            published: dict[str, int] = {}
            for message in got:
                if message.get("method") == "textDocument/publishDiagnostics":
                    params = message["params"]
                    published[params["uri"]] = len(params["diagnostics"])
            answers = [m["id"] for m in got if "id" in m and "method" not in m]
            assert answers == [2, 3], "each request answered once, in order"
            assert next(m for m in got if m.get("id") == 2)["result"] is not None, "hover"
            assert published == {client.uri(n): BAD_REQUIRES for n in range(60)}
            # Still answering, then the ordinary end.
            client.write_all([client.hover(4, 59)])
            assert client.read_until(4)[-1]["result"] is not None
            client.write_all([{"id": 5, "method": "shutdown"}])
            client.read_until(5)
            client.write_all([{"method": "exit"}])
            assert client.process.wait(TIMEOUT) == 0
        finally:
            if client.process.poll() is None:
                client.process.kill()
                client.process.wait()
        log.seek(0)
        assert b"Traceback" not in log.read()


def test_a_client_that_closes_its_end_ends_the_server(tmp_path: Path) -> None:
    with (tmp_path / "stderr").open("w+b") as log:
        client = RawClient(tmp_path, log)
        try:
            client.start()
            client.write_all(client.opens(range(10)))
            client.wait_output_full()
            client.stdout.close()  # with output still queued for it
            assert client.process.wait(TIMEOUT) == 1, "lost before shutdown: exit code 1"
        finally:
            if client.process.poll() is None:
                client.process.kill()
                client.process.wait()
        log.seek(0)
        stderr = log.read().decode()
    assert "the client closed the connection" in stderr
    assert "Traceback" not in stderr

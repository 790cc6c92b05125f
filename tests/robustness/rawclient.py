"""A raw JSON-RPC client of the real server over pipes, for what pytest-lsp cannot do: not
reading the server's output, watching its pipes, running another launcher, reading its stderr."""

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
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from lsp_harness import TIMEOUT

F_SETPIPE_SZ = 1031
F_GETPIPE_SZ = 1032
"""Linux's fcntls to resize a pipe and read its size."""


class RawClient:
    """The real server on pipes, and just enough JSON-RPC to talk to it."""

    def __init__(
        self, root: Path, log: IO[bytes], command: Sequence[str] = (sys.executable, "-m", "gowls")
    ) -> None:
        self.root = root
        self.process = subprocess.Popen(
            list(command),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=log,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        self.stdin, self.stdout = self.process.stdin, self.process.stdout
        self.capacity = fcntl.fcntl(self.stdout.fileno(), F_GETPIPE_SZ)

    def shrink_output(self) -> None:
        """Make the server's output pipe one page: a few messages fill it."""
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

    def uri(self, n: int | str) -> str:
        """The URI of the n-th document (or of a path relative to the root)."""
        rel = n if isinstance(n, str) else f"m{n}/go.mod"
        return (self.root / rel).as_uri()

    def stop(self) -> int:
        """shutdown + exit (request ids 9001, 9002); the exit code."""
        self.write_all([{"id": 9001, "method": "shutdown"}])
        self.read_until(9001)
        self.write_all([{"method": "exit"}])
        return self.process.wait(TIMEOUT)

    def kill(self) -> None:
        """End the process if it is still running."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def opens(self, numbers: range, text: str) -> list[dict[str, Any]]:
        """didOpen of a go.mod holding ``text`` for each number."""
        return [
            {
                "method": "textDocument/didOpen",
                "params": {
                    "textDocument": {
                        "uri": self.uri(n),
                        "languageId": "go.mod",
                        "version": 1,
                        "text": text,
                    }
                },
            }
            for n in numbers
        ]

    def hover(self, msg_id: int, n: int | str, line: int = 2, character: int = 4) -> dict[str, Any]:
        """A hover request (default: on the ``go`` version of document n)."""
        return {
            "id": msg_id,
            "method": "textDocument/hover",
            "params": {
                "textDocument": {"uri": self.uri(n)},
                "position": {"line": line, "character": character},
            },
        }


def settle(msg_id: int) -> dict[str, Any]:
    """The server's barrier: answered once every earlier change is analysed and published."""
    return {
        "id": msg_id,
        "method": "workspace/executeCommand",
        "params": {"command": "gowls.awaitAnalysis", "arguments": []},
    }

"""A minimal synchronous LSP client over a real language server's stdio.

Used by every server benchmark: it writes framed JSON-RPC, reads messages one at a time,
answers the server's own requests (registrations, progress tokens, configuration) the way an
editor would, and lets the caller wait for a notification that matches. By default the server
is ``python -m gowls``; a peer (yaml-language-server, gopls) is any other command line.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

Message = dict[str, Any]
Settings = Callable[[str | None], Any]
"""Answers a ``workspace/configuration`` item: its section → the value (None: no settings)."""


def no_settings(section: str | None) -> Any:
    """Every configuration section unset (what an editor without settings answers)."""
    return None


class Client:
    """One server process and the client side of its session.

    ``server``: another checkout's ``server`` directory to run gowls from (PYTHONPATH);
    ``argv``: run that command instead of gowls (a peer server); ``env``: extra variables.
    """

    def __init__(
        self,
        server: Path | None = None,
        cwd: Path | None = None,
        argv: list[str] | None = None,
        env: dict[str, str] | None = None,
        settings: Settings = no_settings,
    ) -> None:
        environ = dict(os.environ)
        if server is not None:
            environ["PYTHONPATH"] = str(server)
        environ.update(env or {})
        self.proc = subprocess.Popen(
            argv or [sys.executable, "-m", "gowls"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            cwd=cwd,
            env=environ,
        )
        self.settings = settings
        self._next_id = 0

    # -- wire ------------------------------------------------------------------------------
    def send(self, message: Message) -> None:
        """Write one JSON-RPC message."""
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def read(self) -> Message:
        """Read one message (blocking); raises EOFError if the server went away."""
        out = self.proc.stdout
        assert out is not None
        length = 0
        while True:
            line = out.readline()
            if not line:
                raise EOFError("the server closed its output")
            line = line.strip()
            if not line:
                break
            name, _, value = line.partition(b":")
            if name.lower() == b"content-length":
                length = int(value)
        message: Message = json.loads(out.read(length))
        return message

    # -- requests and notifications ---------------------------------------------------------
    def request(self, method: str, params: Any) -> int:
        """Send a request; returns its id (read the answer with :meth:`response`)."""
        self._next_id += 1
        self.send({"id": self._next_id, "method": method, "params": params})
        return self._next_id

    def notify(self, method: str, params: Any) -> None:
        """Send a notification."""
        self.send({"method": method, "params": params})

    def wait(self, matches: Callable[[Message], bool], timeout: float | None = None) -> Message:
        """Read until a message ``matches`` (answering server requests meanwhile). After
        ``timeout`` seconds the server is killed (so the read ends with EOFError): a server
        that never answers must not hang the benchmark."""
        watchdog = threading.Timer(timeout, self.proc.kill) if timeout else None
        if watchdog:
            watchdog.start()
        try:
            while True:
                message = self.read()
                if "method" in message and "id" in message:
                    self._answer(message)
                    continue
                if matches(message):
                    return message
        finally:
            if watchdog:
                watchdog.cancel()

    def response(self, request_id: int) -> Message:
        """The answer to request ``request_id``."""
        return self.wait(lambda m: m.get("id") == request_id and "method" not in m)

    def call(self, method: str, params: Any) -> Any:
        """A request and its result."""
        return self.response(self.request(method, params)).get("result")

    def _answer(self, message: Message) -> None:
        result: Any = None
        if message["method"] == "workspace/configuration":
            items = message["params"].get("items", ())
            result = [self.settings(item.get("section")) for item in items]
        self.send({"id": message["id"], "result": result})

    # -- session ---------------------------------------------------------------------------
    def initialize(self, root: Path | None) -> Message:
        """``initialize`` as VS Code sends it (push diagnostics, watched files, progress)."""
        params = {
            "processId": os.getpid(),
            "rootUri": root.as_uri() if root else None,
            "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}] if root else None,
            "capabilities": {
                "general": {"positionEncodings": ["utf-16"]},
                "window": {"workDoneProgress": True},
                "workspace": {
                    "workspaceFolders": True,
                    "didChangeWatchedFiles": {"dynamicRegistration": True},
                    "configuration": True,
                },
                "textDocument": {
                    "synchronization": {"didSave": True},
                    "publishDiagnostics": {"relatedInformation": True, "versionSupport": True},
                    "completion": {
                        "completionItem": {"snippetSupport": True},
                        "contextSupport": True,
                    },
                    "hover": {"contentFormat": ["markdown", "plaintext"]},
                },
            },
        }
        return self.response(self.request("initialize", params))

    def open(self, path: Path, text: str, language: str, version: int = 1) -> str:
        """``didOpen`` of ``path`` with ``text``; returns its URI."""
        uri = path.as_uri()
        document = {"uri": uri, "languageId": language, "version": version, "text": text}
        self.notify("textDocument/didOpen", {"textDocument": document})
        return uri

    def replace_line(self, uri: str, version: int, line: int, old: str, new: str) -> None:
        """``didChange`` replacing line ``line`` (currently ``old``) with ``new``."""
        change = {
            "range": {
                "start": {"line": line, "character": 0},
                "end": {"line": line, "character": utf16_length(old)},
            },
            "text": new,
        }
        self.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]},
        )

    def change(
        self, uri: str, version: int, start: tuple[int, int], end: tuple[int, int], text: str
    ) -> None:
        """``didChange`` replacing ``start``..``end`` (line, UTF-16 column) with ``text``."""
        change = {
            "range": {
                "start": {"line": start[0], "character": start[1]},
                "end": {"line": end[0], "character": end[1]},
            },
            "text": text,
        }
        self.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]},
        )

    def close(self) -> None:
        """shutdown, exit, and wait for the process."""
        try:
            self.call("shutdown", None)
            self.notify("exit", None)
        except (EOFError, BrokenPipeError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def utf16_length(text: str) -> int:
    """The length of ``text`` in UTF-16 code units (LSP's default position encoding)."""
    return len(text.encode("utf-16-le")) // 2


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a live process (Linux ``/proc``; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def tree_cpu_seconds(pid: int) -> float:
    """User + system CPU of a process, its reaped children and its live descendants (a server
    that runs ``go list`` does part of its work in child processes)."""
    total = 0.0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            tasks = list(Path(f"/proc/{current}/task").iterdir())
        except OSError:
            continue
        total += sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")
        for task in tasks:
            try:
                pending += [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                continue
    return total


def quiesce(pid: int, quiet: float = 0.2, limit: float = 30.0) -> None:
    """Return once the process tree of ``pid`` has used no CPU for ``quiet`` seconds (or after
    ``limit``): a peer without gowls's ``awaitAnalysis`` may go on working after it publishes,
    and that work must not land in the next timed edit of the other server."""
    started = changed = time.monotonic()
    last = tree_cpu_seconds(pid)
    while (now := time.monotonic()) - changed < quiet and now - started < limit:
        time.sleep(0.02)
        current = tree_cpu_seconds(pid)
        if current != last:
            last, changed = current, time.monotonic()


def rss_mib(pid: int) -> float:
    """The resident set size of a live process in MiB (Linux ``/proc``; 0 elsewhere)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def is_publish(uri: str, version: int | None = None) -> Callable[[Message], bool]:
    """A matcher for ``publishDiagnostics`` of ``uri`` (at ``version`` if given)."""

    def matches(message: Message) -> bool:
        if message.get("method") != "textDocument/publishDiagnostics":
            return False
        params = message["params"]
        return bool(params["uri"] == uri and (version is None or params.get("version") == version))

    return matches

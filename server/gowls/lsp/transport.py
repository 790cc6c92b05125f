"""Output to a stdio client on its own thread: the event loop never blocks on a full pipe.

pygls writes each message to stdout from the event loop.  A client that stops reading fills
the pipe (64 KiB) and that write blocks the loop: no request is read, no analysis runs, and a
client that is itself blocked writing to the server deadlocks with it for ever.  Here the loop
only queues a message; one thread writes the queue in order, so the server keeps reading and
analysing, and a client that reads again receives everything, in order.  A client that closed
its end is gone: the server exits (0 after ``shutdown``, 1 otherwise, as LSP's ``exit`` has it).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import BinaryIO

DRAIN_SECONDS = 5.0
"""How long ``close`` (the ``exit`` notification) waits for queued output to reach the client."""


class QueuedOutput:
    """A write-only binary stream whose writes are queued and written by a thread."""

    def __init__(self, raw: BinaryIO, on_lost: Callable[[], None]) -> None:
        self._raw = raw
        self._on_lost = on_lost
        self._queue: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._drain, name="gowls-output", daemon=True)
        self._thread.start()

    def write(self, data: bytes) -> int:
        """Queue one message (never blocks)."""
        self._queue.put(bytes(data))
        return len(data)

    def flush(self) -> None:
        """Nothing to do: the writer thread flushes every message."""

    def close(self) -> None:
        """Write what is queued (for at most :data:`DRAIN_SECONDS`), then stop the thread."""
        self._queue.put(None)
        self._thread.join(DRAIN_SECONDS)

    def _drain(self) -> None:
        while (data := self._queue.get()) is not None:
            try:
                self._raw.write(data)
                self._raw.flush()
            except (OSError, ValueError):  # EPIPE: the client closed its end
                self._on_lost()
                return

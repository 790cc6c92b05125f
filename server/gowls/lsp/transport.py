"""The stdio transport: input read a chunk at a time by the event loop, output written at once
or by a thread, so the loop neither hops threads per header line nor blocks on a full pipe.

Input: pygls reads stdin through its thread pool, one thread hop per header line and one per
body (three per message, each a wake-up of the loop and of a worker). Here the loop itself
reads the pipe when it is readable (``add_reader``; a thread where that is impossible: a
regular file, Windows) into an ``asyncio.StreamReader`` that pygls parses from. What
``gowls.lsp.early`` read ahead into ``sys.stdin.buffer`` is taken first.

Output: pygls writes each message to stdout from the event loop. A client that stops reading
fills the pipe (64 KiB) and that write blocks the loop: no request is read, no analysis runs,
and a client that is itself blocked writing to the server deadlocks with it for ever. Here a
message is written at once only when nothing is queued and the pipe has room for all of it
(so the write cannot block); otherwise it is queued and one thread writes the queue in order,
so the server keeps reading and analysing, and a client that reads again receives everything,
in order.  A client that closed
its end is gone: the server exits (0 after ``shutdown``, 1 otherwise, as LSP's ``exit`` has it).
"""

from __future__ import annotations

import asyncio
import os
import queue
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, BinaryIO

try:  # POSIX only: elsewhere every message goes through the thread
    import fcntl
    import termios
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]
    termios = None  # type: ignore[assignment]

if TYPE_CHECKING:
    from pygls.server import JsonRPCServer

CHUNK_BYTES = 1 << 16
"""The most the input thread reads at once."""
LINE_LIMIT = 1 << 20
"""A header line longer than this is skipped as garbage (pygls would read it whole)."""

DRAIN_SECONDS = 5.0
"""How long ``close`` (the ``exit`` notification) waits for queued output to reach the client."""


class QueuedOutput:
    """A write-only binary stream whose writes never block: written at once when nothing is
    queued and the pipe has room for the whole message, else queued for a thread.

    Writing at once spares the message a wait for the writer thread to get the interpreter
    (while the analysis thread computes the next files, up to the switch interval); the
    pipe's free room (Linux: its size less its unread bytes) says the write cannot block.
    """

    def __init__(self, raw: BinaryIO, on_lost: Callable[[], None]) -> None:
        self._raw = raw
        self._on_lost = on_lost
        self._queue: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._queued = 0
        """Messages given to the thread and not yet written (a direct write waits for 0)."""
        self._lost = False
        self._fd = _pipe_fd(raw)
        self._thread = threading.Thread(target=self._drain, name="gowls-output", daemon=True)
        self._thread.start()

    def write(self, data: bytes) -> int:
        """Write or queue one message (never blocks)."""
        with self._lock:
            if self._queued == 0 and not self._lost and _room(self._fd) >= len(data):
                try:
                    self._raw.write(data)
                    self._raw.flush()
                except (OSError, ValueError):  # EPIPE: the client closed its end
                    self._lost = True
                else:
                    return len(data)
            if self._lost:
                self._on_lost()
                return len(data)
            self._queued += 1
        self._queue.put(bytes(data))
        return len(data)

    def flush(self) -> None:
        """Nothing to do: every message is flushed when it is written."""

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
                with self._lock:
                    self._lost = True
                self._on_lost()
                return
            with self._lock:
                self._queued -= 1


def _pipe_fd(raw: BinaryIO) -> int | None:
    """The file descriptor of ``raw`` if it is a pipe whose free room can be asked (Linux)."""
    try:
        fd = raw.fileno()
    except (OSError, ValueError, AttributeError):
        return None
    return fd if _room(fd) >= 0 else None


def _room(fd: int | None) -> int:
    """Bytes a write to pipe ``fd`` can put without blocking; -1 when it cannot be known."""
    if fd is None or not hasattr(fcntl, "F_GETPIPE_SZ"):
        return -1
    try:
        size = fcntl.fcntl(fd, fcntl.F_GETPIPE_SZ)
        unread = fcntl.ioctl(fd, termios.FIONREAD, b"\0\0\0\0")
    except OSError:
        return -1
    return size - int.from_bytes(unread, sys.byteorder, signed=True)


class ChunkedInput:
    """pygls's asynchronous reader (``readline``, ``readexactly``) over a binary stream, fed
    a chunk at a time: by the event loop itself when the stream is a pipe or a terminal
    (``add_reader``: no thread at all), else by a thread. Starts with the first read."""

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self._stream: asyncio.StreamReader | None = None

    def _started(self) -> asyncio.StreamReader:
        if self._stream is None:
            loop = asyncio.get_running_loop()
            stream = self._stream = asyncio.StreamReader(limit=LINE_LIMIT)
            fd = _fileno(self._raw)
            if fd is not None:
                # What gowls.lsp.early read ahead into the buffered stream comes first; from
                # then on the descriptor is read directly.
                if left := _buffered(self._raw, fd):
                    stream.feed_data(left)
                try:
                    loop.add_reader(fd, self._readable, loop, stream, fd)
                    return stream
                except (OSError, ValueError, NotImplementedError):  # a regular file, Windows
                    pass
            thread = threading.Thread(
                target=self._pump, args=(loop, stream, fd), name="gowls-input", daemon=True
            )
            thread.start()
        return self._stream

    def _readable(
        self, loop: asyncio.AbstractEventLoop, stream: asyncio.StreamReader, fd: int
    ) -> None:
        try:
            data = os.read(fd, CHUNK_BYTES)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if data:
            stream.feed_data(data)
        else:
            loop.remove_reader(fd)
            stream.feed_eof()

    def _pump(
        self, loop: asyncio.AbstractEventLoop, stream: asyncio.StreamReader, fd: int | None
    ) -> None:
        # os.read holds no lock of the buffered stream: a daemon thread blocked in it does
        # not stop the interpreter's shutdown (a buffered read would abort it).
        read = (
            (lambda n: os.read(fd, n))
            if fd is not None
            else getattr(self._raw, "read1", self._raw.read)
        )
        while True:
            try:
                data = read(CHUNK_BYTES)
            except (OSError, ValueError):  # closed under us
                data = b""
            try:
                if data:
                    loop.call_soon_threadsafe(stream.feed_data, data)
                else:
                    loop.call_soon_threadsafe(stream.feed_eof)
                    return
            except RuntimeError:  # the loop is closed: the server is ending
                return

    async def readline(self) -> bytes:
        """The next line, with its end; b"" at the end of input."""
        try:
            return await self._started().readline()
        except ValueError:  # over LINE_LIMIT: consumed; not a header, so pygls reads on
            return b"\0"

    async def readexactly(self, n: int) -> bytes:
        """The next ``n`` bytes, or fewer at the end of input."""
        try:
            return await self._started().readexactly(n)
        except asyncio.IncompleteReadError as short:
            return short.partial


def _fileno(raw: BinaryIO) -> int | None:
    try:
        return raw.fileno()
    except (OSError, ValueError, AttributeError):
        return None


def _buffered(raw: BinaryIO, fd: int) -> bytes:
    """The bytes ``raw`` holds in its buffer (and whatever the descriptor has ready), read
    without blocking: the descriptor is non-blocking for the moment of the read."""
    if fcntl is None or not hasattr(raw, "read1"):
        return b""
    flags = fcntl.fcntl(fd, fcntl.F_GETFL)
    fcntl.fcntl(fd, fcntl.F_SETFL, flags | os.O_NONBLOCK)
    chunks: list[bytes] = []
    try:
        while True:
            try:
                data = raw.read1(LINE_LIMIT)
            except (BlockingIOError, ValueError):
                data = b""
            if not data:
                break
            chunks.append(data)
    finally:
        fcntl.fcntl(fd, fcntl.F_SETFL, flags)
    return b"".join(chunks)


def serve_stdio(server: JsonRPCServer, stdin: BinaryIO, stdout: BinaryIO) -> None:
    """pygls's ``start_io`` (asynchronous) with :class:`ChunkedInput` reading ``stdin``."""
    import logging

    from pygls.io_ import StdoutWriter, run_async

    log = logging.getLogger("pygls.server")
    server._stop_event = threading.Event()
    server.protocol.set_writer(StdoutWriter(stdout))
    try:
        asyncio.run(
            run_async(
                stop_event=server._stop_event,
                reader=ChunkedInput(stdin),
                protocol=server.protocol,
                logger=log,
                error_handler=server.report_server_error,
            )
        )
    except BrokenPipeError:
        log.error("Connection to the client is lost! Shutting down the server.")
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        server.shutdown()  # type: ignore[no-untyped-call]  # pygls leaves it unannotated

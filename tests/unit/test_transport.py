"""The stdio transport (``gowls.lsp.transport``) over real pipes and files."""

from __future__ import annotations

import asyncio
import os
import threading
from pathlib import Path

from gowls.lsp.transport import LINE_LIMIT, ChunkedInput, QueuedOutput

HELLO = b"Content-Length: 2\r\n\r\n{}"


async def _read_messages(reader: ChunkedInput, count: int) -> list[bytes]:
    """Read ``count`` framed bodies as pygls's loop does (a header line, a blank line, a body)."""
    bodies = []
    for _ in range(count):
        header = await reader.readline()
        blank = await reader.readline()
        assert header.startswith(b"Content-Length: ") and blank == b"\r\n", (header, blank)
        bodies.append(await reader.readexactly(int(header.split(b":")[1])))
    return bodies


def test_messages_split_and_joined_across_writes_arrive_whole() -> None:
    read_fd, write_fd = os.pipe()
    with open(read_fd, "rb") as raw:

        async def scenario() -> tuple[list[bytes], bytes]:
            reader = ChunkedInput(raw)
            whole = HELLO + b'Content-Length: 7\r\n\r\n{"a":1}'
            os.write(write_fd, whole[:5])  # a header cut in two
            first = asyncio.ensure_future(_read_messages(reader, 2))
            await asyncio.sleep(0)
            os.write(write_fd, whole[5:])
            bodies = await first
            os.close(write_fd)
            return bodies, await reader.readline()

        bodies, end = asyncio.run(scenario())
    assert bodies == [b"{}", b'{"a":1}']
    assert end == b"", "the end of input reads as b''"


def test_what_the_buffered_stream_read_ahead_comes_first() -> None:
    read_fd, write_fd = os.pipe()
    os.write(write_fd, b"initialize\n" + HELLO)
    with open(read_fd, "rb") as raw:
        assert raw.readline() == b"initialize\n"  # the early front read ahead into the buffer

        async def scenario() -> list[bytes]:
            reader = ChunkedInput(raw)
            bodies = await _read_messages(reader, 1)
            os.write(write_fd, HELLO)
            return bodies + await _read_messages(reader, 1)

        assert asyncio.run(scenario()) == [b"{}", b"{}"]
    os.close(write_fd)


def test_a_regular_file_is_read_by_a_thread(tmp_path: Path) -> None:
    messages = tmp_path / "in"
    messages.write_bytes(HELLO * 3)
    with messages.open("rb") as raw:

        async def scenario() -> tuple[list[bytes], bytes]:
            reader = ChunkedInput(raw)
            return await _read_messages(reader, 3), await reader.readexactly(5)

        bodies, tail = asyncio.run(scenario())
    assert bodies == [b"{}"] * 3
    assert tail == b"", "a body cut short by the end of input is what there was"


def test_an_overlong_header_line_is_skipped_not_fatal() -> None:
    read_fd, write_fd = os.pipe()
    junk = b"x" * (LINE_LIMIT + 10) + b"\n"

    def feed() -> None:
        with open(write_fd, "wb") as out:
            out.write(junk + HELLO)

    writer = threading.Thread(target=feed)
    writer.start()
    with open(read_fd, "rb") as raw:

        async def scenario() -> tuple[bytes, list[bytes]]:
            reader = ChunkedInput(raw)
            skipped = await reader.readline()
            rest = await reader.readline()
            while not rest.startswith(b"Content-Length"):  # the line's tail past the limit
                rest = await reader.readline()
            await reader.readline()
            return skipped, [await reader.readexactly(2)]

        skipped, bodies = asyncio.run(scenario())
    writer.join()
    assert skipped == b"\0"
    assert bodies == [b"{}"]


def test_output_with_room_is_in_the_pipe_when_write_returns() -> None:
    read_fd, write_fd = os.pipe()
    lost: list[bool] = []
    with open(write_fd, "wb") as raw:
        out = QueuedOutput(raw, lambda: lost.append(True))
        out.write(HELLO)
        os.set_blocking(read_fd, False)
        assert os.read(read_fd, 100) == HELLO, "written at once, not left to the thread"
        out.close()
    os.close(read_fd)
    assert not lost


def test_output_to_a_full_pipe_never_blocks_and_stays_in_order() -> None:
    read_fd, write_fd = os.pipe()
    messages = [b"%05d" % i + b"." * 4091 for i in range(64)]  # 256 KiB, 4 pipes full
    with open(write_fd, "wb") as raw:
        out = QueuedOutput(raw, lambda: None)
        for message in messages:  # nobody reads yet: a blocking write would hang the test
            out.write(message)
        received = bytearray()
        with open(read_fd, "rb", buffering=0) as reader:
            while len(received) < sum(map(len, messages)):
                received += reader.read(1 << 16)
        out.close()
    assert bytes(received) == b"".join(messages)


def test_a_closed_client_is_reported_lost() -> None:
    read_fd, write_fd = os.pipe()
    os.close(read_fd)
    lost = threading.Event()
    with open(write_fd, "wb", buffering=0) as raw:
        out = QueuedOutput(raw, lost.set)
        out.write(HELLO)
        assert lost.wait(30)

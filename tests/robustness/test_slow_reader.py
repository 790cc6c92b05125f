"""A client that stops reading the server's output (issue 14's protocol abuse list).

A raw JSON-RPC client over pipes (pytest-lsp always reads): the server's stdout pipe is
shrunk to one page, so a few diagnostics fill it, and the client writes from a thread so that a
server that stopped reading shows as a write that never returns (caught by the hang guard).
The one wait that is not on a message is for the output pipe to be full: a pipe tells no one
when it fills, so the test polls its fill level (``FIONREAD``) until it reaches the capacity.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from lsp_harness import TIMEOUT
from rawclient import RawClient, settle

BAD_REQUIRES = 200
MOD = (
    "module example.com/m\n\ngo 1.22\n\nrequire (\n"
    + "".join(f"\texample.com/bad{i} not-a-version\n" for i in range(BAD_REQUIRES))
    + ")\n"
)
"""A go.mod with one diagnostic per requirement: each publish is tens of kilobytes."""

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="pipe sizes are Linux's")


def test_a_client_that_stops_reading_gets_everything_when_it_reads_again(
    tmp_path: Path,
) -> None:
    with (tmp_path / "stderr").open("w+b") as log:
        client = RawClient(tmp_path, log)
        client.shrink_output()
        try:
            client.start()
            client.write_all(client.opens(range(10), MOD))
            client.wait_output_full()
            # The output is stuck; the server must still read (and analyse) all of this:
            # far more than its input pipe holds.
            later = client.opens(range(10, 60), MOD)
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
        client.shrink_output()
        try:
            client.start()
            client.write_all(client.opens(range(10), MOD))
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

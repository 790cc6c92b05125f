"""Unreadable files and directories, for real: the tests run as root, whom permissions do not
stop, so ``gowls --check`` and the server run with every capability dropped
(``setpriv --inh-caps=-all --bounding-set=-all``: still uid 0, the owner of the tree, but
without CAP_DAC_OVERRIDE / CAP_DAC_READ_SEARCH a mode of 000 now refuses).  As an ordinary
user nothing needs dropping.  Each unreadable path gets a note naming it; nothing crashes."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_lsp
from hostile import HOSTILE, UNREADABLE_PATHS, unlock, write_tree
from lsp_harness import TIMEOUT, GowlsTestClient, make_client, settle, start
from lsprotocol import types as lsp
from privileges import unprivileged
from pytest_lsp import ClientServerConfig

UNREADABLE = next(h for h in HOSTILE if h.name == "unreadable")


PREFIX, WHY_NOT = unprivileged()
pytestmark = pytest.mark.skipif(PREFIX is None, reason=WHY_NOT)


def expected_notes() -> dict[str, str]:
    """Path relative to the hazard's directory → the note it must get."""
    return {
        rel: "cannot read this directory" if directory else "cannot read this file"
        for rel, _, directory in UNREADABLE_PATHS
    }


@pytest.fixture
def tree(tmp_path: Path) -> AsyncIterator[Path]:
    """The unreadable hazard, given back its permissions afterwards."""
    write_tree(tmp_path, [UNREADABLE])
    yield tmp_path / UNREADABLE.name
    unlock(tmp_path)


def test_check_notes_each_unreadable_path(tree: Path) -> None:
    assert PREFIX is not None
    done = subprocess.run(
        [*PREFIX, sys.executable, "-m", "gowls", "--check", "--output-format", "json", "."],
        cwd=tree,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert done.returncode in (0, 1), done.stderr[-2000:]
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr, done.stderr
    notes = {
        Path(str(row["path"])).as_posix(): row["message"]
        for row in json.loads(done.stdout)
        if row["code"] == "unreadable"
    }
    for rel, note in expected_notes().items():
        if rel == "listonly":  # its names are listed: the note is on the go.mod it could not read
            rel, note = "listonly/go.mod", "cannot read this file"
        assert note in str(notes.get(rel)), (rel, notes)
    assert done.returncode == 1, "a skipped path is a warning: CI notices it"


def test_check_of_an_unreadable_root_names_it(tree: Path) -> None:
    assert PREFIX is not None
    done = subprocess.run(
        [*PREFIX, sys.executable, "-m", "gowls", "--check", "locked"],
        cwd=tree,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert (done.returncode, done.stderr) == (1, "")
    assert done.stdout.startswith("locked:1:1: warning: skipped: cannot read this directory")


UNPRIVILEGED_SERVER = ClientServerConfig(
    server_command=[*(PREFIX or []), sys.executable, "-m", "gowls"],
    client_factory=make_client,
    server_env={**os.environ, "PYTHONUNBUFFERED": "1"},
)


@pytest_lsp.fixture(config=UNPRIVILEGED_SERVER)
async def client(lsp_client: GowlsTestClient) -> AsyncIterator[None]:
    """A client of a server that runs without the capabilities that bypass permissions."""
    lsp_client.editor = "visual-studio-code"
    yield
    if not lsp_client.closed and lsp_client.capabilities is not None:
        lsp_client.closed = True
        await asyncio.wait_for(lsp_client.shutdown_session(), TIMEOUT)


async def test_the_server_scan_notes_each_unreadable_path(
    client: GowlsTestClient, tree: Path
) -> None:
    session = await start(client, tree)
    await settle(client)
    logged = [m.message for m in client.log_messages if m.type == lsp.MessageType.Warning]
    for rel, note in expected_notes().items():
        if rel == "listonly":  # its names are listed: the note is on the go.mod it could not read
            rel, note = "listonly/go.mod", "cannot read this file"
        path = tree / rel
        if note == "cannot read this directory":
            assert any(f"cannot read {path} " in m for m in logged), (rel, logged)
        else:
            found = client.diagnostics.get(path.as_uri(), [])
            assert [d.code for d in found] == ["unreadable"], (rel, found)
            assert "Permission denied" in found[0].message
    # Still answering about the readable files.
    hover = await client.text_document_hover_async(
        lsp.HoverParams(lsp.TextDocumentIdentifier(session.uri("go.work")), lsp.Position(0, 4))
    )
    assert hover is not None
    errors = [m.message for m in client.messages if m.type == lsp.MessageType.Error]
    errors += [m.message for m in client.log_messages if m.type == lsp.MessageType.Error]
    assert errors == []

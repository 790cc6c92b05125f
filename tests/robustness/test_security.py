"""Security: nothing in a checked workspace runs; writes stay inside the workspace, never go
through a symbolic link, and are atomic (a failed write leaves the old file and no debris)."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from lsp_harness import GowlsTestClient, start
from lsprotocol import types as lsp
from privileges import unprivileged

from gowls.atomic import UnsafeWrite, write_atomic, write_inside
from workspace_files import run_gowls, write_tree

MOD = "module example.com/{name}\n\ngo 1.22\n"
BROKEN_WORK = "go 1.22\n\nuse (\n\t./a\n\t./missing\n)\n"
"""A go.work with a safe fix (``use ./missing`` is removed by --fix)."""

TRAP = "#!/bin/sh\ntouch '{marker}'\n"
"""What every planted program does: leave a marker, so running it is seen."""

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def plant(root: Path, marker: Path) -> dict[str, str]:
    """Programs named like tools gowls could run, in the workspace and on a PATH that
    includes it (absolute and relative); returns that environment."""
    for directory in (root, root / "bin"):
        directory.mkdir(parents=True, exist_ok=True)
        for name in ("go", "git", "helm", "gofmt"):
            program = directory / name
            program.write_text(TRAP.format(marker=marker))
            program.chmod(0o755)
    path = os.pathsep.join([str(root / "bin"), ".", "bin", os.environ.get("PATH", "")])
    return {"PATH": path}


def git_repo_with_fsmonitor(root: Path, marker: Path) -> None:
    """A repository whose own configuration runs a program on most git commands."""
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    subprocess.run(
        ["git", "-C", str(root), "config", "core.fsmonitor", f"touch '{marker}'; false"],
        check=True,
    )
    subprocess.run(
        ["git", "-C", str(root), "config", "core.hooksPath", str(root / "hooks")], check=True
    )
    (root / ".gitignore").write_text("ignored/\n")


@needs_git
def test_nothing_in_the_workspace_runs(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    marker = tmp_path / "ran"
    write_tree(ws, {"go.work": BROKEN_WORK, "a/go.mod": MOD.format(name="a")})
    write_tree(ws, {"b/go.mod": MOD.format(name="b") + "\nreplace example.com/a => ../a\n"})
    git_repo_with_fsmonitor(ws, marker)
    env = plant(ws, marker)
    for args in (
        ["--check", "."],
        ["--check", ".", "--diff"],
        ["--check", ".", "--fix"],
        ["migrate", ".", "--dry-run"],
        ["migrate", "."],
    ):
        done = run_gowls(args, ws, env)
        assert done.returncode in (0, 1), (args, done.stderr)
        assert not marker.exists(), f"gowls {' '.join(args)} ran a program from the workspace"
    assert "./missing" not in (ws / "go.work").read_text(), "--fix did its work meanwhile"


def test_fix_never_writes_outside_or_through_a_link(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    write_tree(outside, {"go.work": BROKEN_WORK, "a/go.mod": MOD.format(name="a")})
    ws = tmp_path / "ws"
    write_tree(ws, {"a/go.mod": MOD.format(name="a"), "inner/a/go.mod": MOD.format(name="a")})
    os.symlink(outside / "go.work", ws / "go.work")  # a file link out of the workspace
    os.symlink(outside, ws / "linked")  # a directory link (never walked)
    (ws / "inner" / "go.work").write_text(BROKEN_WORK)  # the control: fixed
    before = (outside / "go.work").read_bytes()
    done = run_gowls(["--check", ".", "--fix"], ws)
    assert done.returncode == 1, done.stderr
    assert done.stderr == "Fixed 1 problem in 1 file.\n", "inner/go.work only"
    assert "go.work:5:2:" in done.stdout, "the linked go.work is still reported, not fixed"
    assert (outside / "go.work").read_bytes() == before
    assert (ws / "go.work").is_symlink()
    assert "./missing" not in (ws / "inner" / "go.work").read_text()
    assert sorted(p.name for p in outside.iterdir()) == ["a", "go.work"], "no debris outside"


def test_write_inside_refuses_outside_and_links(tmp_path: Path) -> None:
    ws, outside = tmp_path / "ws", tmp_path / "outside"
    ws.mkdir()
    outside.mkdir()
    (outside / "go.work").write_text("old\n")
    os.symlink(outside, ws / "dirlink")
    os.symlink(outside / "go.work", ws / "filelink")
    for target in (outside / "go.work", ws / "dirlink" / "go.work", ws / "filelink", ws / ".."):
        with pytest.raises(UnsafeWrite):
            write_inside(target, b"new\n", [ws])
    with pytest.raises(UnsafeWrite):
        write_inside(ws / "go.work", b"new\n", [])
    assert (outside / "go.work").read_text() == "old\n"
    write_inside(ws / "go.work", b"new\n", [ws])
    assert (ws / "go.work").read_text() == "new\n"


def test_migrate_refuses_a_go_work_link_out_of_the_root(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "go.work").write_text("go 1.22\n")
    ws = tmp_path / "ws"
    write_tree(
        ws,
        {
            "a/go.mod": MOD.format(name="a") + "\nrequire example.com/b v0.0.0\n"
            "\nreplace example.com/b => ../b\n",
            "b/go.mod": MOD.format(name="b"),
        },
    )
    os.symlink(outside / "go.work", ws / "go.work")
    done = run_gowls(["migrate", "."], ws)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "symbolic link" in done.stderr
    assert (outside / "go.work").read_text() == "go 1.22\n"


# -- atomic writes under injected failures ---------------------------------------------------
def _debris(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


def test_a_target_that_is_a_directory_fails_cleanly(tmp_path: Path) -> None:
    (tmp_path / "go.work").mkdir()
    with pytest.raises(OSError):
        write_atomic(tmp_path / "go.work", b"go 1.22\n")
    assert (tmp_path / "go.work").is_dir()
    assert _debris(tmp_path) == []


def test_a_full_disk_mid_write_leaves_the_old_file(tmp_path: Path) -> None:
    """The file-size limit of a child process makes the write fail after some bytes, as a
    full disk does (no tmpfs needed, and it works for root)."""
    target = tmp_path / "go.work"
    target.write_text("go 1.22\n")
    script = (
        "import resource, signal, sys\n"
        "from pathlib import Path\n"
        "from gowls.atomic import write_atomic\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))\n"
        "try:\n"
        "    write_atomic(Path(sys.argv[1]), b'x' * 100_000)\n"
        "except OSError as exc:\n"
        "    print(exc.errno)\n"
        "    sys.exit(3)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(target)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 3, done.stdout + done.stderr
    assert target.read_text() == "go 1.22\n"
    assert _debris(tmp_path) == []
    assert resource.RLIMIT_FSIZE and signal.SIGXFSZ  # the mechanism exists here


PREFIX, WHY_NOT = unprivileged()


@pytest.mark.skipif(PREFIX is None, reason=WHY_NOT)
def test_fix_in_a_read_only_directory_reports_and_leaves_no_debris(tmp_path: Path) -> None:
    """Run without the capabilities that let root write anywhere (see privileges.py)."""
    assert PREFIX is not None
    ws = tmp_path / "ws"
    write_tree(ws, {"go.work": BROKEN_WORK, "a/go.mod": MOD.format(name="a")})
    ws.chmod(0o555)
    try:
        done = subprocess.run(
            [*PREFIX, sys.executable, "-m", "gowls", "--check", ".", "--fix"],
            cwd=ws,
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        ws.chmod(0o755)
    assert done.returncode == 2
    assert "cannot write" in done.stderr and "Traceback" not in done.stderr
    assert (ws / "go.work").read_text() == BROKEN_WORK
    assert _debris(ws) == []


# -- the server ------------------------------------------------------------------------------
async def test_server_never_offers_or_makes_writes_outside(
    client: GowlsTestClient, tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    write_tree(
        outside,
        {
            "go.work": BROKEN_WORK,
            "a/go.mod": MOD.format(name="a") + "\nrequire example.com/b v0.0.0\n"
            "\nreplace example.com/b => ../b\n",
            "b/go.mod": MOD.format(name="b"),
        },
    )
    ws = tmp_path / "ws"
    write_tree(ws, {"a/go.mod": MOD.format(name="a"), "inner/go.work": BROKEN_WORK})
    write_tree(ws, {"inner/a/go.mod": MOD.format(name="a")})
    os.symlink(outside / "go.work", ws / "go.work")
    session = await start(client, ws, {})
    everywhere = lsp.Range(lsp.Position(0, 0), lsp.Position(9, 0))

    async def quick_fixes(rel: str) -> list[lsp.CodeAction]:
        uri = session.open(rel)
        await session.diagnostics(uri)
        actions = await client.text_document_code_action_async(
            lsp.CodeActionParams(
                lsp.TextDocumentIdentifier(uri), everywhere, lsp.CodeActionContext(diagnostics=[])
            )
        )
        return [a for a in actions or [] if isinstance(a, lsp.CodeAction) and a.edit]

    assert await quick_fixes("inner/go.work"), "the control: a real go.work gets its fix"
    assert await quick_fixes("go.work") == [], "no fix edits a file through a link out"
    # A client asking to migrate a folder outside the workspace: nothing is written.
    result = await client.workspace_execute_command_async(
        lsp.ExecuteCommandParams(command="gowls.migrate", arguments=[outside.as_uri()])
    )
    assert result["applied"] is False
    assert client.applied == []
    assert (outside / "go.work").read_text() == BROKEN_WORK

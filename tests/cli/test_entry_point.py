"""What a new user meets first on the command line: ``--help``, a run that checks nothing,
an unsupported file, a malformed ``--tcp`` (through the real entry point, ``python -m gowls``)."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from gowls import languages
from workspace_files import run_gowls as gowls
from workspace_files import write_tree as write

KINDS = [lang.name for lang in languages.LANGUAGES.all]


def test_help_names_every_command() -> None:
    proc = gowls(["--help"], Path.cwd())
    assert proc.returncode == 0
    lines = proc.stdout.splitlines()
    for command, does in [
        ("gowls [serve]", "language server"),
        ("gowls --check", "check"),
        ("gowls migrate", "go.work"),
    ]:
        # Each command is described on the line that names it, not only in the usage.
        described = [line for line in lines if line.strip().startswith(command) and does in line]
        assert described, f"{command!r} is not described in --help:\n{proc.stdout}"
    assert "serve" in lines[0] and any("migrate" in line for line in lines[:3])


@pytest.mark.parametrize("output_format", ["text", "github"])
def test_directory_without_supported_files_says_nothing_was_checked(
    tmp_path: Path, output_format: str
) -> None:
    write(tmp_path, {"docs/README.md": "hello\n", "docs/empty/": ""})
    proc = gowls(["--check", "docs", "--output-format", output_format], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "0 files" not in proc.stdout
    assert proc.stdout.startswith("Nothing checked")
    assert all(kind in proc.stdout for kind in KINDS), proc.stdout


@pytest.mark.parametrize("output_format", ["json", "sarif"])
def test_machine_formats_stay_parseable_when_nothing_is_checked(
    tmp_path: Path, output_format: str
) -> None:
    write(tmp_path, {"docs/README.md": "hello\n"})
    proc = gowls(["--check", "docs", "--output-format", output_format], tmp_path)
    assert proc.returncode == 0, proc.stderr
    json.loads(proc.stdout)
    assert proc.stderr.startswith("Nothing checked")


def test_named_unsupported_file_is_a_usage_error(tmp_path: Path) -> None:
    write(tmp_path, {"go.work": "go 1.22\n", "notes/go.sum": "x\n"})
    proc = gowls(["--check", "go.work", "notes/go.sum"], tmp_path)
    assert proc.returncode == 2
    assert proc.stdout == ""
    (line,) = proc.stderr.splitlines()
    assert line.startswith("gowls: error: notes/go.sum: ")
    assert all(kind in line for kind in KINDS), line


def test_named_supported_file_is_still_checked(tmp_path: Path) -> None:
    write(tmp_path, {"go.work": "go 1.22\n"})
    proc = gowls(["--check", "go.work"], tmp_path)
    assert (proc.returncode, proc.stdout) == (0, "No problems found in 1 file.\n"), proc.stderr


# Runs main() in-process in a fresh interpreter and reports whether the server was built.
TCP_PROBE = """
import sys
from gowls.main import main
try:
    code = main(sys.argv[1:])
finally:
    print("server module loaded:", "gowls.lsp.app" in sys.modules)
raise SystemExit(code)
"""


@pytest.mark.parametrize(
    "value", ["nonsense", "localhost:http", "127.0.0.1:70000", "a b:1", ":", "host:\u0661"]
)
def test_malformed_tcp_is_reported_before_the_server_is_built(value: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", TCP_PROBE, "--tcp", value],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert proc.stdout == "server module loaded: False\n", proc.stderr
    assert proc.returncode == 2
    (line,) = proc.stderr.splitlines()
    assert line.startswith("gowls: error: --tcp expects HOST:PORT"), line
    assert repr(value) in line


def test_tcp_port_in_use_is_one_line(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        proc = gowls(["--tcp", f"127.0.0.1:{port}"], tmp_path)
    assert proc.returncode == 2
    (line,) = proc.stderr.splitlines()
    assert line.startswith(f"gowls: error: --tcp 127.0.0.1:{port}: "), line
    assert "in use" in line

"""Entry point of the ``gowls`` console script: dispatches to the server (`gowls.lsp`) or the
checker (`gowls.cli`), the one module above both adapters."""

from __future__ import annotations

import argparse
import contextlib
import gc
import ipaddress
import os
import re
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, NoReturn, cast

from gowls import __version__

if TYPE_CHECKING:
    from gowls.lsp.early import Initialize
    from gowls.lsp.server import GowlsServer

FORMATS = ("text", "json", "sarif", "github")
CHECK_ONLY = (
    "output_format",
    "output_file",
    "exit_zero",
    "select",
    "ignore",
    "config",
    "fix",
    "diff",
    "jobs",
)
"""Options that only make sense with --check (rejected without it)."""

USAGE = """gowls [serve] [--stdio | --tcp HOST:PORT] [--debug]
       gowls --check [options] [PATH ...]
       gowls migrate [PATH] [--dry-run]"""

COMMANDS = """commands:
  gowls [serve]           run the language server for an editor (stdio by default,
                          --tcp HOST:PORT to listen on TCP); `serve` may be omitted
  gowls --check [PATH]    check the go.work/go.mod files under each PATH (default: .),
                          print the findings and exit 0 (clean), 1 (findings) or 2 (error)
  gowls migrate [PATH]    create or update go.work at PATH so that it uses every module
                          below it, and explain which local replace directives become
                          redundant (--dry-run: print the plan and diff; see
                          `gowls migrate --help`)
"""

HOSTNAME = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # One line, as the --check contract promises (the full usage is in --help).
        sys.stderr.write(f"gowls: error: {message} (see gowls --help)\n")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    """The command-line grammar."""
    parser = _Parser(
        prog="gowls",
        usage=USAGE,
        description="Language server and checker for go.work, go.mod and friends.",
        epilog=COMMANDS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"gowls {__version__}")
    parser.add_argument(
        "--check", action="store_true", help="check the files under PATH... and print findings"
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="with --check: files or dirs")
    parser.add_argument(
        "--output-format",
        choices=FORMATS,
        default=None,
        help="with --check: report format (default: github when GITHUB_ACTIONS=true, else text)",
    )
    parser.add_argument(
        "--output-file", metavar="FILE", help="with --check: write the report to FILE"
    )
    parser.add_argument(
        "--fail-on",
        choices=("error", "warning", "information", "hint"),
        default="warning",
        help="with --check: lowest severity that makes the exit code 1 (default: warning)",
    )
    parser.add_argument(
        "--exit-zero",
        action="store_true",
        help="with --check: exit 0 even with findings (2 still reports a usage/internal error)",
    )
    parser.add_argument(
        "--select",
        action="append",
        metavar="CODES",
        help="with --check: only these rule codes or prefixes (comma-separated, repeatable)",
    )
    parser.add_argument(
        "--ignore",
        action="append",
        metavar="CODES",
        help="with --check: skip these rule codes or prefixes (comma-separated, repeatable)",
    )
    parser.add_argument(
        "--config",
        metavar="FILE",
        help="with --check: use this .gowls.toml or pyproject.toml instead of searching",
    )
    parser.add_argument(
        "--fix", action="store_true", help="with --check: apply every safe fix, then report"
    )
    parser.add_argument(
        "--diff",
        action="store_true",
        help="with --check: print the safe fixes as a unified diff instead (exit 1 if any)",
    )
    parser.add_argument(
        "--jobs",
        type=_positive,
        metavar="N",
        help="with --check: check in N processes (default: one per CPU; 1: in this one)",
    )
    parser.add_argument("--tcp", metavar="HOST:PORT", help="serve over TCP instead of stdio")
    parser.add_argument("--stdio", action="store_true", help="serve over stdio (the default)")
    parser.add_argument("--debug", action="store_true", help="show tracebacks and debug logs")
    return parser


def _positive(text: str) -> int:
    """An argument that must be a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {text!r}")
    return value


def run() -> NoReturn:
    """The ``gowls`` command itself (``python -m gowls`` too): :func:`main`, then the exit.

    A one-shot run (``--check``, ``migrate``) keeps every document until it ends, so it runs
    without the cyclic collector and leaves with ``os._exit`` once its output is flushed:
    collecting and then freeing a 20 MB go.mod's millions of objects one by one took longer
    than checking it. The language server exits the ordinary way.
    """
    argv = sys.argv[1:]
    one_shot = "--check" in argv or argv[:1] == ["migrate"]
    if one_shot:
        gc.disable()
    code = main(argv)
    if not one_shot:
        sys.exit(code)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing left to say
            stream.flush()
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["migrate"]:
        from gowls.cli.migrate import main as migrate_main

        return migrate_main(args_list[1:])
    serve = False
    if args_list[:1] == ["serve"]:
        args_list = args_list[1:]
        serve = True
    parser = build_parser()
    args = parser.parse_args(args_list)
    if serve and args.check:
        parser.error("`serve` and --check cannot be combined")
    if not args.check:
        for name in CHECK_ONLY:
            if getattr(args, name):
                parser.error(f"--{name.replace('_', '-')} needs --check")
        if args.paths:
            parser.error(f"unexpected argument {args.paths[0]!r} (did you mean --check?)")
        address = None
        if args.tcp is not None:
            address = parse_tcp(args.tcp)
            if address is None:
                parser.error(f"--tcp expects HOST:PORT (e.g. 127.0.0.1:2087), not {args.tcp!r}")
        return _serve(address, args.debug)
    if args.tcp:
        parser.error("--tcp serves the language server; it cannot be combined with --check")
    from gowls.analysis.findings import Severity
    from gowls.cli.check import CheckOptions, UsageError, run_check

    output_format = args.output_format
    if output_format is None:
        output_format = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    options = CheckOptions(
        paths=[Path(p) for p in (args.paths or ["."])],
        output_format=output_format,
        fail_on=Severity.parse(args.fail_on),
        exit_zero=args.exit_zero,
        select=tuple(args.select) if args.select is not None else None,
        ignore=tuple(args.ignore or ()),
        config=Path(args.config) if args.config else None,
        fix=args.fix,
        diff=args.diff,
        output_file=Path(args.output_file) if args.output_file else None,
        jobs=args.jobs,
    )
    try:
        return run_check(options)
    except UsageError as exc:
        sys.stderr.write(f"gowls: error: {exc}\n")
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # an internal failure: one line, traceback only when asked
        if args.debug:
            traceback.print_exc()
        sys.stderr.write(f"gowls: internal error: {type(exc).__name__}: {exc}\n")
        return 2


def parse_tcp(value: str) -> tuple[str, int] | None:
    """``HOST:PORT`` (host optional, IPv6 in brackets) as a host and port, or None if malformed.

    Checked before the server is built so that a typo is reported at once.
    """
    host, sep, port = value.rpartition(":")
    if not sep or not (port.isascii() and port.isdigit()) or int(port) > 65535:
        return None
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
        try:
            ipaddress.IPv6Address(host)
        except ValueError:
            return None
    elif host and not HOSTNAME.fullmatch(host):
        return None
    return (host or "127.0.0.1", int(port))


YOUNG_COLLECTION_THRESHOLD = 10_000
"""The language server's first-generation threshold (Python's default is 700).

A keystroke in a 5,000-line values file or template allocates a few thousand container
objects on the way and keeps almost none: at 700 that is a young collection on nearly every
edit (~0.5 ms of CPU each, ~1 ms in a large values file, walking the new document's big
mappings and lists) and an older one every tenth, for no garbage (the documents are
acyclic: the collections found next to nothing). At 10,000 such edits trigger none, and the
few reference cycles that do occur are still collected, only in larger batches."""


SWITCH_INTERVAL = 0.001
"""Seconds a thread holding the interpreter runs before one that waits gets it (Python's
default is 0.005). While the analysis thread checks the files an edit affects, the event
loop that must read the next keystroke, or answer a hover, waits up to this long for the
interpreter: at 5 ms that wait alone was half of a 10 ms latency budget."""


def tune_runtime() -> None:
    """Interpreter settings for the language server's steady state: what start-up built is
    frozen (never walked again), young collections wait for
    :data:`YOUNG_COLLECTION_THRESHOLD` allocations, threads switch every
    :data:`SWITCH_INTERVAL` seconds."""
    sys.setswitchinterval(SWITCH_INTERVAL)
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_COLLECTION_THRESHOLD, middle, old)
    gc.enable()


def _serve(tcp: tuple[str, int] | None, debug: bool) -> int:
    import logging

    # Start-up allocates ~100k objects that live as long as the process (lsprotocol's classes,
    # pygls, the rules): collecting while they are created is wasted work, and freezing them
    # keeps every later collection from walking them again.
    gc.disable()
    start: Initialize | None = None
    if tcp is None:
        # Answer initialize before importing pygls (gowls.lsp.early explains the hand-over).
        from gowls.lsp.early import await_initialize

        try:
            begun = await_initialize(sys.stdin.buffer, sys.stdout.buffer)
        except OSError:  # the client closed the pipe before the session began
            return 1
        except KeyboardInterrupt:  # run by hand in a terminal
            return 130
        if isinstance(begun, int):
            return begun
        start = begun
    from gowls.lsp.app import create_server, take_over
    from gowls.lsp.transport import QueuedOutput, serve_stdio

    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING, stream=sys.stderr)
    if not debug:
        # pygls warns about every $/cancelRequest for a request already answered, which
        # clients send routinely; editors show stderr lines as errors.
        logging.getLogger("pygls.protocol.json_rpc").setLevel(logging.ERROR)
    server = create_server()
    if start is not None:
        take_over(server, start, sys.stdout.buffer)
    tune_runtime()
    if tcp is not None:
        try:
            server.start_tcp(*tcp)
        except OSError as exc:  # the port is taken, the host does not resolve, …
            sys.stderr.write(f"gowls: error: --tcp {tcp[0]}:{tcp[1]}: {exc.strerror or exc}\n")
            return 2
    else:
        output = QueuedOutput(sys.stdout.buffer, lambda: _lost(server))
        # pygls only calls write, flush and close on it.
        serve_stdio(server, sys.stdin.buffer, cast("BinaryIO", output))
    return 0


def _lost(server: GowlsServer) -> None:
    """The client closed the server's output: nobody can be answered any more, so exit."""
    code = 0 if server.protocol._shutdown else 1
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write("gowls: the client closed the connection; exiting\n")
        sys.stderr.flush()
    os._exit(code)

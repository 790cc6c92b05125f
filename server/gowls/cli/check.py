"""``gowls --check``: analyse files under paths and report findings."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from gowls.analysis.findings import Finding, Severity
from gowls.analysis.workspace import Workspace
from gowls.cli.output import format_json, format_text, to_rows
from gowls.syntax.positions import LineIndex


@dataclass(frozen=True, slots=True)
class CheckOptions:
    """What ``--check`` was asked to do."""

    paths: list[Path]
    output_format: str = "text"
    fail_on: Severity = Severity.WARNING


class UsageError(Exception):
    """Bad command-line input; exit code 2 with the message."""


def run_check(options: CheckOptions, out: TextIO = sys.stdout) -> int:
    """Check, print and return the exit code (0 clean, 1 findings at or above fail-on)."""
    cwd = Path.cwd()
    for path in options.paths:
        if not path.exists():
            raise UsageError(f"{path}: no such file or directory")
    workspace = Workspace(options.paths)
    snapshot = workspace.snapshot()
    files = workspace.scan()
    results = workspace.check(files)
    findings: list[Finding] = [f for r in results for f in r.findings]

    def index_of(path: Path) -> LineIndex:
        doc = snapshot.document(path)
        if doc is not None:
            return doc.index
        return LineIndex(snapshot.source.read_bytes(path) or b"")

    rows = to_rows(findings, index_of, cwd)
    if options.output_format == "json":
        out.write(format_json(rows))
    else:
        out.write(format_text(rows, len(files)))
    return 1 if any(r.severity <= options.fail_on for r in rows) else 0

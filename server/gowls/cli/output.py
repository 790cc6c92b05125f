"""Output formats for ``gowls --check``: rows of findings with 1-based character columns."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from gowls.analysis.findings import Finding, Severity
from gowls.syntax.positions import Encoding, LineIndex


@dataclass(frozen=True, slots=True)
class Row:
    """A finding placed for humans: relative path, 1-based lines and character columns."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    severity: Severity
    code: str
    message: str
    fixable: bool

    def as_json(self) -> dict[str, object]:
        """The JSON object of the output contract."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "severity": self.severity.label,
            "code": self.code,
            "message": self.message,
            "fixable": self.fixable,
        }


def display_path(path: Path, cwd: Path) -> str:
    """``path`` relative to ``cwd`` with ``/`` separators."""
    try:
        rel = os.path.relpath(path, cwd)
    except ValueError:  # another drive on Windows
        rel = str(path)
    return rel.replace(os.sep, "/")


def to_placed(
    findings: Sequence[Finding], index_of: Callable[[Path], LineIndex], cwd: Path
) -> list[tuple[Row, Finding]]:
    """Each finding with its row, sorted by path, line and column (then code)."""
    placed = []
    for f in findings:
        index = index_of(f.path)
        start, end = f.span.start, f.span.end
        row = Row(
            display_path(f.path, cwd),
            start.line + 1,
            index.to_units(start, Encoding.UTF32) + 1,
            end.line + 1,
            index.to_units(end, Encoding.UTF32) + 1,
            f.severity,
            f.code,
            f.message,
            f.fixable,
        )
        placed.append((row, f))
    placed.sort(key=lambda p: (p[0].path, p[0].line, p[0].column, p[0].code))
    return placed


def to_rows(
    findings: Sequence[Finding], index_of: Callable[[Path], LineIndex], cwd: Path
) -> list[Row]:
    """Convert findings to rows, sorted by path, line and column."""
    return [row for row, _ in to_placed(findings, index_of, cwd)]


def format_text(rows: Sequence[Row], files_checked: int) -> str:
    """``path:line:column: severity: message [code]`` lines, then a summary line."""
    lines = [
        f"{r.path}:{r.line}:{r.column}: {r.severity.label}: {r.message} [{r.code}]" for r in rows
    ]
    lines.append(summary(rows, files_checked))
    return "\n".join(lines) + "\n"


def summary(rows: Sequence[Row], files_checked: int) -> str:
    """One line counting findings by severity."""
    noun = "file" if files_checked == 1 else "files"
    if not rows:
        return f"No problems found in {files_checked} {noun}."
    counts: dict[Severity, int] = {}
    for r in rows:
        counts[r.severity] = counts.get(r.severity, 0) + 1
    parts = []
    for sev in Severity:
        n = counts.get(sev, 0)
        if n:
            label = sev.label if n == 1 or sev is Severity.INFORMATION else sev.label + "s"
            parts.append(f"{n} {label}")
    fixable = sum(1 for r in rows if r.fixable)
    tail = f", {fixable} with a safe fix" if fixable else ""
    total = len(rows)
    return (
        f"Found {total} problem{'s' if total != 1 else ''} ({', '.join(parts)}{tail}) "
        f"in {files_checked} {noun}."
    )


def format_json(rows: Sequence[Row]) -> str:
    """A JSON array of row objects."""
    return json.dumps([r.as_json() for r in rows], indent=2, ensure_ascii=False) + "\n"

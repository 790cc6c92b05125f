"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` per finding."""

from __future__ import annotations

from collections.abc import Sequence

from gowls.analysis.findings import Severity
from gowls.cli.output import Row, summary

COMMANDS = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFORMATION: "notice",
    Severity.HINT: "notice",
}


def escape_data(text: str) -> str:
    """Escape a command's message (``%``, CR, LF), as GitHub's runner unescapes it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a command property's value (the message escapes plus ``:`` and ``,``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(row: Row) -> str:
    """The workflow command for one row."""
    props = ",".join(
        f"{key}={escape_property(str(value))}"
        for key, value in (
            ("file", row.path),
            ("line", row.line),
            ("col", row.column),
            ("endLine", row.end_line),
            ("endColumn", row.end_column),
            ("title", f"gowls ({row.code})"),
        )
    )
    return f"::{COMMANDS[row.severity]} {props}::{escape_data(row.message)}"


def format_github(rows: Sequence[Row], files_checked: int) -> str:
    """One annotation per row, then the summary line as plain log text."""
    lines = [annotation(r) for r in rows]
    lines.append(summary(rows, files_checked))
    return "\n".join(lines) + "\n"

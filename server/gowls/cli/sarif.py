"""SARIF 2.1.0 output (GitHub code scanning and other SARIF viewers).

Columns are 1-based Unicode code points (``run.columnKind = "unicodeCodePoints"``), the same
numbers the text and JSON formats print; URIs are relative to the working directory.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from gowls import __version__, languages
from gowls.analysis.findings import Finding, Fix, Severity
from gowls.analysis.registry import RuleInfo
from gowls.cli.output import Row, display_path
from gowls.syntax.positions import Encoding, LineIndex, Span

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/gowls/gowls"
SRCROOT = "%SRCROOT%"

LEVELS = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFORMATION: "note",
    Severity.HINT: "note",
}


def uri(path: str) -> str:
    """A relative URI reference for a display path (``/`` separators, percent-encoded)."""
    return quote(path, safe="/!$&'()*+,;=:@-._~")


def region(index: LineIndex, span: Span) -> dict[str, int]:
    """A SARIF region: 1-based lines and code-point columns; the end column is exclusive."""
    return {
        "startLine": span.start.line + 1,
        "startColumn": index.to_units(span.start, Encoding.UTF32) + 1,
        "endLine": span.end.line + 1,
        "endColumn": index.to_units(span.end, Encoding.UTF32) + 1,
    }


def rule_descriptor(info: RuleInfo) -> dict[str, Any]:
    """``tool.driver.rules[]`` entry of a rule."""
    descriptor: dict[str, Any] = {
        "id": info.code,
        "name": info.name,
        "shortDescription": {"text": info.summary},
        "fullDescription": {"text": info.explanation},
        "helpUri": info.url,
        "defaultConfiguration": {"level": LEVELS[info.severity]},
        "properties": {"tags": [info.kind]},
    }
    if info.fix:
        descriptor["help"] = {"text": info.fix, "markdown": info.fix}
    return descriptor


def _location(
    path: Path, span: Span, index_of: Callable[[Path], LineIndex], cwd: Path
) -> dict[str, Any]:
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": uri(display_path(path, cwd)), "uriBaseId": SRCROOT},
            "region": region(index_of(path), span),
        }
    }


def _fix(fix: Fix, index_of: Callable[[Path], LineIndex], cwd: Path) -> dict[str, Any]:
    by_path: dict[Path, list[dict[str, Any]]] = {}
    for edit in fix.edits:
        by_path.setdefault(edit.path, []).append(
            {
                "deletedRegion": region(index_of(edit.path), edit.span),
                "insertedContent": {"text": edit.new_text},
            }
        )
    return {
        "description": {"text": fix.title},
        "artifactChanges": [
            {
                "artifactLocation": {"uri": uri(display_path(path, cwd)), "uriBaseId": SRCROOT},
                "replacements": replacements,
            }
            for path, replacements in by_path.items()
        ],
        "properties": {"safe": fix.safe},
    }


def sarif_log(
    placed: Sequence[tuple[Row, Finding]], index_of: Callable[[Path], LineIndex], cwd: Path
) -> dict[str, Any]:
    """The SARIF log object for sorted (row, finding) pairs."""
    infos = [r.info for r in languages.LANGUAGES.rules()]
    rule_index = {info.code: i for i, info in enumerate(infos)}
    results: list[dict[str, Any]] = []
    for row, finding in placed:
        result: dict[str, Any] = {
            "ruleId": row.code,
            "level": LEVELS[row.severity],
            "message": {"text": row.message},
            "locations": [_location(finding.path, finding.span, index_of, cwd)],
        }
        if row.code in rule_index:
            result["ruleIndex"] = rule_index[row.code]
        if finding.related:
            result["relatedLocations"] = [
                {
                    "id": i,
                    **_location(r.path, r.span, index_of, cwd),
                    "message": {"text": r.message},
                }
                for i, r in enumerate(finding.related)
            ]
        if finding.fixes:
            result["fixes"] = [_fix(fix, index_of, cwd) for fix in finding.fixes]
        results.append(result)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "gowls",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [rule_descriptor(info) for info in infos],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def format_sarif(
    placed: Sequence[tuple[Row, Finding]], index_of: Callable[[Path], LineIndex], cwd: Path
) -> str:
    """The SARIF log as indented JSON."""
    return json.dumps(sarif_log(placed, index_of, cwd), indent=2, ensure_ascii=False) + "\n"

"""``gowls --check``: analyse files under paths and report findings."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from gowls import languages
from gowls.analysis.config import (
    ConfigError,
    ConfigResolver,
    Policy,
    Selection,
    check_selectors,
    split_codes,
)
from gowls.analysis.findings import Finding, Severity
from gowls.analysis.limits import unreadable
from gowls.analysis.snapshot import normalize
from gowls.analysis.source import is_file
from gowls.analysis.workspace import Workspace
from gowls.atomic import write_atomic
from gowls.cli.fix import compute_fixes, fix_summary, unified_diff, write_fixes
from gowls.cli.github import format_github
from gowls.cli.gitignore import drop_git_ignored
from gowls.cli.jobs import check_parallel, default_jobs, effective_jobs, line_index
from gowls.cli.output import Row, format_json, format_text, to_placed
from gowls.cli.progress import Progress
from gowls.cli.sarif import format_sarif
from gowls.syntax.positions import LineIndex

FORMATS = ("text", "json", "sarif", "github")


@dataclass(frozen=True, slots=True)
class CheckOptions:
    """What ``--check`` was asked to do."""

    paths: list[Path]
    output_format: str = "text"
    fail_on: Severity = Severity.WARNING
    exit_zero: bool = False
    select: tuple[str, ...] | None = None
    """``--select`` codes or prefixes (None: as configured)."""
    ignore: tuple[str, ...] = ()
    config: Path | None = None
    """``--config FILE``: one configuration for every file instead of discovery."""
    fix: bool = False
    diff: bool = False
    output_file: Path | None = None
    jobs: int | None = None
    """``--jobs N``: processes that check the files (None: one per CPU; fewer for few files)."""


class UsageError(Exception):
    """Bad command-line input; exit code 2 with the message."""


def make_policy(options: CheckOptions, cwd: Path) -> Policy:
    """The configuration and selection the run applies (raises :class:`UsageError`)."""
    try:
        resolver = ConfigResolver(
            _known_codes,  # read only for selectors to check: loads every kind's rules
            options.config,
            fallback=cwd,
            sections=languages.LANGUAGES.sections(),
        )
        select = split_codes(options.select) if options.select is not None else None
        overrides = Selection(select, split_codes(options.ignore))
        if overrides.select or overrides.ignore:
            known = sorted(_known_codes())
            check_selectors(overrides.select or (), known, "--select")
            check_selectors(overrides.ignore, known, "--ignore")
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    return Policy(resolver, overrides)


def _known_codes() -> list[str]:
    return languages.LANGUAGES.codes()


def supported_kinds() -> str:
    """The kinds gowls checks, for messages: ``go.work, go.mod``."""
    return ", ".join(lang.name for lang in languages.LANGUAGES.all)


def check_named_files(workspace: Workspace, paths: list[Path]) -> None:
    """Raise :class:`UsageError` for a named file that no kind (nor the configuration) claims."""
    for path in paths:
        if is_file(path) and not workspace.is_supported(path):
            raise UsageError(f"{path}: not a file gowls checks (supported: {supported_kinds()})")


def nothing_checked() -> str:
    """The report line of a run that found no file to check."""
    return f"Nothing checked: no supported file found ({supported_kinds()})."


def collect_files(workspace: Workspace, paths: list[Path], policy: Policy) -> list[Path]:
    """Supported files under ``paths``: not git-ignored (unless named), not excluded."""
    files = workspace.scan()
    named = frozenset(normalize(p) for p in paths if is_file(p))
    files = drop_git_ignored(files, workspace.roots, keep=named)
    try:
        return [f for f in files if not policy.excludes(f)]
    except ConfigError as exc:
        raise UsageError(str(exc)) from None


def run_check(options: CheckOptions, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Check (and fix), print and return the exit code (0 clean, 1 findings, 2 usage error).

    ``out`` and ``err`` default to the *current* ``sys.stdout`` and ``sys.stderr``.
    """
    out = out if out is not None else sys.stdout
    err = err if err is not None else sys.stderr
    cwd = Path.cwd()
    for path in options.paths:
        if not path.exists():
            raise UsageError(f"{path}: no such file or directory")
    if options.output_format not in FORMATS:
        raise UsageError(f"unknown output format {options.output_format!r}")
    policy = make_policy(options, cwd)
    workspace = Workspace(options.paths, policy, languages=languages.LANGUAGES)
    try:
        check_named_files(workspace, options.paths)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    try:
        files = collect_files(workspace, options.paths, policy)
        if options.fix or options.diff:
            outcome = compute_fixes(workspace, files)
            if options.diff:
                _emit(options, out, unified_diff(outcome, cwd))
                err.write(fix_summary(outcome, would=True) + "\n")
                return 1 if outcome.changed and not options.exit_zero else 0
            failures = write_fixes(outcome, workspace.roots)
            for failure in failures:
                err.write(f"gowls: error: {failure}\n")
            if failures:
                return 2
            err.write(fix_summary(outcome, would=False) + "\n")
        snapshot = workspace.snapshot()
        findings, indexes = check_files(workspace, files, options.jobs, err)
        findings.extend(
            unreadable(directory, reason, directory=True)
            for directory, reason in sorted(workspace.unreadable_dirs.items())
            if not policy.excludes(directory)
        )
    except ConfigError as exc:  # a configuration file found below the starting point
        raise UsageError(str(exc)) from None

    def index_of(path: Path) -> LineIndex:
        # Once per file: a file of 10,000 findings is not read 10,000 times.
        if path not in indexes:
            indexes[path] = line_index(snapshot, path)
        return indexes[path]

    if not files and not findings:
        # Machine formats stay parseable (an empty report); people are told on stderr.
        if options.output_format in ("text", "github"):
            _emit(options, out, nothing_checked() + "\n")
        else:
            _emit(options, out, render(options.output_format, [], [], 0, index_of, cwd))
            err.write(nothing_checked() + "\n")
        return 0
    placed = to_placed(findings, index_of, cwd)
    rows = [row for row, _ in placed]
    _emit(options, out, render(options.output_format, placed, rows, len(files), index_of, cwd))
    failing = any(r.severity <= options.fail_on for r in rows)
    return 1 if failing and not options.exit_zero else 0


def check_files(
    workspace: Workspace, files: list[Path], jobs: int | None, err: TextIO
) -> tuple[list[Finding], dict[Path, LineIndex]]:
    """The findings of ``files`` in file order, with a progress bar on ``err``, and the line
    indexes of the files they name that are already known (the others are read on demand).

    ``jobs`` processes check them (:mod:`gowls.cli.jobs`) when there are enough files for
    each; otherwise this process does, in one pass.
    """
    workers = effective_jobs(default_jobs() if jobs is None else jobs, len(files))
    findings: list[Finding] = []
    with Progress(err, len(files)) as progress:
        if workers > 1:
            return check_parallel(workspace, files, workers, progress.advance)
        for result in workspace.check(files, lambda _: progress.advance()):
            findings.extend(result.findings)
    return findings, {}


def render(
    output_format: str,
    placed: list[tuple[Row, Finding]],
    rows: list[Row],
    files_checked: int,
    index_of: Callable[[Path], LineIndex],
    cwd: Path,
) -> str:
    """The report in ``output_format``."""
    if output_format == "json":
        return format_json(rows)
    if output_format == "sarif":
        return format_sarif(placed, index_of, cwd)
    if output_format == "github":
        return format_github(rows, files_checked)
    return format_text(rows, files_checked)


def _emit(options: CheckOptions, out: TextIO, text: str) -> None:
    if options.output_file is None:
        out.write(text)
        out.flush()
        return
    target = Path(os.path.abspath(options.output_file))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, text.encode("utf-8"))
    except OSError as exc:
        raise UsageError(f"{options.output_file}: cannot write: {exc.strerror or exc}") from None

"""``--fix`` and ``--diff``: apply safe fixes in memory until nothing changes; write or show."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from gowls.analysis.fixes import MAX_ROUNDS, plan_fixes, safe_fix
from gowls.analysis.workspace import Workspace
from gowls.atomic import UnsafeWrite, inside, write_inside
from gowls.cli.output import display_path


@dataclass(slots=True)
class FixOutcome:
    """What the fix rounds did: problems fixed and each changed file's old and new bytes."""

    fixed: int = 0
    original: dict[Path, bytes] = field(default_factory=dict)
    final: dict[Path, bytes] = field(default_factory=dict)

    @property
    def changed(self) -> list[Path]:
        """Files whose bytes differ at the end, sorted."""
        return sorted(p for p, data in self.final.items() if data != self.original[p])


def compute_fixes(workspace: Workspace, files: Sequence[Path]) -> FixOutcome:
    """Apply safe fixes to ``files`` (and no other file) in the workspace's overlay.

    Each round checks the files, applies the non-overlapping safe fixes and re-checks, up to
    ``MAX_ROUNDS`` rounds or until a round changes nothing. Files are not written here.
    """
    # Only files inside the checked paths: a go.work may bring in go.mod files from anywhere.
    allowed = {f for f in files if inside(f, workspace.roots)}
    outcome = FixOutcome()
    source = workspace.snapshot().source
    for _ in range(MAX_ROUNDS):
        results = workspace.check(files)
        findings = [f for r in results for f in r.findings if f.fixable]
        texts: dict[Path, bytes] = {}
        for finding in findings:
            fix = safe_fix(finding)
            for edit in fix.edits if fix else ():
                if edit.path in texts or edit.path not in allowed:
                    continue
                data = outcome.final.get(edit.path)
                if data is None:
                    data = source.read_bytes(edit.path)
                if data is None or not _is_utf8(data):
                    continue
                texts[edit.path] = data
        plan = plan_fixes(findings, texts)
        if not plan.texts:
            break
        outcome.fixed += len(plan.resolved)
        for path, data in plan.texts.items():
            outcome.original.setdefault(path, texts[path])
            outcome.final[path] = data
            workspace.open(path, data.decode("utf-8"), None)
    return outcome


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def write_fixes(outcome: FixOutcome, roots: Sequence[Path]) -> list[str]:
    """Write every changed file atomically, inside ``roots`` only; returns the failures."""
    failures = []
    for path in outcome.changed:
        try:
            write_inside(path, outcome.final[path], roots)
        except OSError as exc:
            reason = str(exc) if isinstance(exc, UnsafeWrite) else f"{path}: {exc.strerror or exc}"
            failures.append(f"cannot write {reason}")
    return failures


def unified_diff(outcome: FixOutcome, cwd: Path) -> str:
    """A unified diff of every changed file, paths relative to ``cwd``."""
    chunks: list[str] = []
    for path in outcome.changed:
        name = display_path(path, cwd)
        old = _lines(outcome.original[path].decode("utf-8"))
        new = _lines(outcome.final[path].decode("utf-8"))
        for line in difflib.unified_diff(old, new, f"a/{name}", f"b/{name}"):
            chunks.append(line)
            if not line.endswith("\n"):
                chunks.append("\n\\ No newline at end of file\n")
    return "".join(chunks)


def _lines(text: str) -> list[str]:
    parts = text.split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def fix_summary(outcome: FixOutcome, would: bool) -> str:
    """``Fixed N problems in M files.`` (``Would fix`` for --diff), or that nothing was fixable."""
    files = len(outcome.changed)
    if not files:
        return "No fixes available." if would else "Nothing to fix."
    verb = "Would fix" if would else "Fixed"
    problems = f"{outcome.fixed} problem{'s' if outcome.fixed != 1 else ''}"
    return f"{verb} {problems} in {files} file{'s' if files != 1 else ''}."

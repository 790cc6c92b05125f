"""Every quick fix, applied to the config it fires on, removes its finding and adds no error.

Where the loader is present, the fixed config also loads at least as well as before: the
lines GoReleaser complained about are gone from its errors.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pytest
from goreleaser_oracle import CASES, CORPUS, LOADER, VERDICTS, load

from gowls.analysis.findings import Finding, Fix, Severity
from gowls.analysis.goreleaser.check import check_config
from gowls.syntax.yaml import parse_yaml

VERDICT = json.loads(VERDICTS.read_text())


def _apply(data: bytes, fix: Fix) -> bytes:
    index = parse_yaml(data).index
    out = data
    for edit in sorted(fix.edits, key=lambda e: e.span.start, reverse=True):
        start, end = index.offset(edit.span.start), index.offset(edit.span.end)
        out = out[:start] + edit.new_text.encode() + out[end:]
    return out


def _check(path: Path, data: bytes) -> list[Finding]:
    return check_config(path, parse_yaml(data))


def _configs() -> list[Path]:
    corpus = sorted(CORPUS.glob("*.yaml")) if CORPUS.is_dir() else []
    return sorted(CASES.glob("*.yaml")) + corpus


def _fixed(path: Path) -> list[tuple[Finding, Fix, bytes]]:
    data = path.read_bytes()
    return [(f, fix, _apply(data, fix)) for f in _check(path, data) for fix in f.fixes]


@pytest.mark.parametrize("path", _configs(), ids=lambda p: p.name)
def test_fix_removes_its_finding_and_adds_no_error(path: Path) -> None:
    before = _check(path, path.read_bytes())
    errors_before = sum(f.severity is Severity.ERROR for f in before)
    for finding, fix, data in _fixed(path):
        after = _check(path, data)
        assert not parse_yaml(data).problems or parse_yaml(path.read_bytes()).problems, fix.title
        same = [f for f in after if f.code == finding.code and f.message == finding.message]
        assert len(same) < sum(
            f.code == finding.code and f.message == finding.message for f in before
        ), (fix.title, data.decode())
        errors_after = sum(f.severity is Severity.ERROR for f in after)
        assert errors_after <= errors_before - (finding.severity is Severity.ERROR), (
            fix.title,
            [f.message for f in after if f.severity is Severity.ERROR],
        )


def test_fixes_exist_for_the_mechanical_cases() -> None:
    titles = {fix.title for p in sorted(CASES.glob("*.yaml")) for _, fix, _ in _fixed(p)}
    for wanted in (
        "Add version: 2",
        "Remove mod",
        "Rewrite as formats: [...]",
        "Rename to version_template",
        "Move the keys of github up",
        "Move to the top-level retry",
        "Wrap the value in a list",
        "Rename to binary",
    ):
        assert wanted in titles


@pytest.mark.skipif(not LOADER.is_file(), reason=f"goreleaser-config not found at {LOADER}")
def test_fixed_cases_load_better_with_goreleaser() -> None:
    line = re.compile(r"line (\d+):")
    with tempfile.TemporaryDirectory() as tmp:
        jobs: list[tuple[str, Path, set[int]]] = []
        for path in sorted(CASES.glob("*.yaml")):
            verdict = VERDICT[f"cases/{path.name}"]
            bad = {int(n) for n in line.findall(verdict["strict_error"] or "")}
            for i, (finding, fix, data) in enumerate(_fixed(path)):
                if finding.span.start.line + 1 not in bad:
                    continue
                out = Path(tmp) / f"{i}-{path.name}"
                out.write_bytes(data)
                jobs.append((fix.title, out, bad))
        assert jobs
        results = load([out for _, out, _ in jobs])
        for (title, out, bad), result in zip(jobs, results.values(), strict=True):
            left = {int(n) for n in line.findall(result["strict_error"] or "")}
            assert len(left) < len(bad), (title, out.read_text(), result["strict_error"])

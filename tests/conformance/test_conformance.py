"""Conformance with the real `go` command for the go.work/go.mod rules.

Each case in ``cases/*.json`` is a small workspace (relative path -> file text). The test writes
it to a temporary directory, runs ``go list -m`` in the go.work directory (offline; a case may
name other arguments in ``go``, e.g. ``["list", "-m", "all"]``, and another directory in
``dir``, e.g. a module directory without a go.work) and gowls over the whole tree, then asserts:

* where go fails, gowls reports an error on the file and line go names (``file:line:`` in go's
  stderr); when go names no line (``module X appears multiple times in workspace``,
  ``cannot load module X listed in go.work file``) gowls must report an error on the go.work
  ``use`` line of that directory;
* where go succeeds, gowls reports no error;
* a broken case's ``expect`` entry (code, file, line, message) holds, documenting intent;
* a case go accepts may name a ``warn`` (code, file, line, message): gowls reports that warning
  (a hazard go does not report where it runs). ``gowork_off_fails`` / ``gowork_off_prints`` then
  run the same go command with ``GOWORK=off`` in the warned file's directory and assert that it
  fails with (or prints) the given text, proving the hazard. ``clean`` asserts no findings at all.

Cases in ``gaps.json`` are known disagreements (go fails, no foundation rule reports it); they
are expected to fail and say why.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from go_oracle import GO, SKIP_REASON, offline_env
from gowls.analysis.findings import Finding, Severity
from gowls.analysis.workspace import Workspace
from gowls.languages import LANGUAGES
from gowls.syntax.gomod import parse_gomod
from gowls.syntax.gowork import parse_gowork
from workspace_files import write_tree

CASES_DIR = Path(__file__).parent / "cases"
RULE_CODES = {
    "GW001",
    "GW101",
    "GW102",
    "GW103",
    "GW104",
    "GW105",
    "GW106",
    "GW107",
    "GW108",
    "GW109",
    "GM001",
    "GM101",
    "GM102",
    "GM103",
    "GM104",
    "GM105",
    "GM106",
    "GM107",
}


@dataclass(frozen=True)
class Case:
    name: str
    files: dict[str, str]
    expect: dict[str, Any] | None = None
    gap: str = ""
    note: str = ""
    go: list[str] = field(default_factory=lambda: ["list", "-m"])
    dir: str = ""
    """Where go runs, relative to the case root; default: the go.work directory."""
    warn: dict[str, Any] | None = None
    gowork_off_fails: str = ""
    gowork_off_prints: str = ""
    clean: bool = False
    source: str = field(default="", compare=False)

    @property
    def gowork(self) -> str:
        (work,) = [p for p in self.files if p == "go.work" or p.endswith("/go.work")]
        return work

    @property
    def workdir(self) -> str:
        """The directory go runs in, relative to the case root."""
        return self.dir or os.path.dirname(self.gowork)


def load_cases() -> list[Case]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.json")):
        for raw in json.loads(path.read_text(encoding="utf-8")):
            cases.append(Case(source=path.name, **raw))
    return cases


CASES = load_cases()


def _params() -> list[Any]:
    out = []
    for case in CASES:
        marks = [pytest.mark.xfail(reason=case.gap, strict=False)] if case.gap else []
        out.append(pytest.param(case, id=case.name, marks=marks))
    return out


@pytest.fixture(scope="session")
def go_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    if GO is None:
        pytest.skip(SKIP_REASON)
    return offline_env(tmp_path_factory.mktemp("gohome"))


@dataclass
class GoResult:
    code: int
    stderr: str
    located: list[tuple[Path, int]]
    """(file, 1-based line) pairs go's messages name."""
    stdout: str = ""


_LOCATED = re.compile(r"^(?P<file>\S*?go\.(?:work|mod)):(?P<line>\d+)(?::\d+)?: ", re.M)


def run_go(workdir: Path, env: dict[str, str], args: list[str] | None = None) -> GoResult:
    assert GO is not None
    proc = subprocess.run(
        [GO, *(args or ["list", "-m"])],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    located = []
    for m in _LOCATED.finditer(proc.stderr):
        file = Path(m["file"])
        located.append(
            (Path(os.path.normpath(file if file.is_absolute() else workdir / file)), int(m["line"]))
        )
    return GoResult(proc.returncode, proc.stderr, located, proc.stdout)


def run_gowls(root: Path) -> list[Finding]:
    workspace = Workspace([root], languages=LANGUAGES)
    results = workspace.check(workspace.scan())
    return [f for r in results for f in r.findings]


def describe(findings: list[Finding], root: Path) -> str:
    return "\n".join(
        f"  {f.path.relative_to(root)}:{f.span.start.line + 1}: {f.severity.label}: "
        f"{f.message} [{f.code}]"
        for f in findings
    )


def use_lines(workfile: Path, wanted: Any) -> set[int]:
    """1-based lines of the go.work ``use`` entries whose directory satisfies ``wanted``."""
    work = parse_gowork(workfile.read_bytes(), "go.work")
    lines = set()
    for use in work.uses:
        target = Path(use.path)
        directory = Path(
            os.path.normpath(target if target.is_absolute() else workfile.parent / target)
        )
        if wanted(directory):
            lines.add(use.statement.span.start.line + 1)
    return lines


def replace_lines(workfile: Path, module: str) -> set[int]:
    """1-based lines of the go.work replaces of ``module``."""
    work = parse_gowork(workfile.read_bytes(), "go.work")
    return {r.statement.span.start.line + 1 for r in work.replaces if r.old_path == module}


def module_path_of(directory: Path) -> str | None:
    gomod = directory / "go.mod"
    if not gomod.is_file():
        return None
    return parse_gomod(gomod.read_bytes(), "go.mod").module_path


def gomod_files(root: Path, files: dict[str, str]) -> list[Path]:
    return [root / rel for rel in files if rel == "go.mod" or rel.endswith("/go.mod")]


def module_places(
    root: Path, files: dict[str, str], stderr: str, workdir: Path
) -> set[tuple[Path, int]]:
    """go.mod lines behind a module-graph failure that names no line.

    ``M@V (replaced by DIR): reading DIR/go.mod`` -> the replaces with that target;
    ``M@V: module lookup disabled`` / ``missing go.sum entry`` -> the requirements of M@V;
    ``updates to go.mod needed`` -> the toolchain line of the module go runs in.
    """
    places: set[tuple[Path, int]] = set()
    for m in re.finditer(r"\(replaced by (\S+)\): reading", stderr):
        target = Path(os.path.normpath(workdir / m[1]))
        for gomod in gomod_files(root, files):
            mod = parse_gomod(gomod.read_bytes(), "go.mod")
            for rep in mod.replaces:
                if rep.is_local and Path(os.path.normpath(gomod.parent / rep.new_path)) == target:
                    places.add((gomod, rep.statement.span.start.line + 1))
    lookups = (
        r"^go: (\S+)@(\S+): (?:module lookup disabled|missing go\.sum entry|.*unknown revision)"
    )
    for m in re.finditer(lookups, stderr, re.M):
        for gomod in gomod_files(root, files):
            mod = parse_gomod(gomod.read_bytes(), "go.mod")
            for req in mod.requires:
                if (req.path, req.version) == (m[1], m[2]):
                    places.add((gomod, req.statement.span.start.line + 1))
    if "updates to go.mod needed" in stderr and (workdir / "go.mod").is_file():
        mod = parse_gomod((workdir / "go.mod").read_bytes(), "go.mod")
        if mod.toolchain is not None:
            places.add((workdir / "go.mod", mod.toolchain.statement.span.start.line + 1))
    return places


def errors_at(findings: list[Finding], file: Path, lines: set[int]) -> list[Finding]:
    return [
        f
        for f in findings
        if f.severity is Severity.ERROR and f.path == file and f.span.start.line + 1 in lines
    ]


def test_enough_cases() -> None:
    assert len(CASES) >= 25
    names = [c.name for c in CASES]
    assert len(names) == len(set(names)), "case names must be unique"
    for case in CASES:
        if case.expect is not None:
            assert case.expect["code"] in RULE_CODES, case.name
            assert case.expect["file"] in case.files or case.expect["file"] == case.gowork
        if case.warn is not None:
            assert case.warn["code"] in RULE_CODES, case.name
            assert case.warn["file"] in case.files, case.name
        assert case.dir or any(p == "go.work" or p.endswith("/go.work") for p in case.files)


@pytest.mark.parametrize("case", _params())
def test_conformance(case: Case, tmp_path: Path, go_env: dict[str, str]) -> None:
    write_tree(tmp_path, case.files)
    workdir = Path(os.path.normpath(tmp_path / case.workdir))
    go = run_go(workdir, go_env, case.go)
    findings = run_gowls(tmp_path)
    errors = [f for f in findings if f.severity is Severity.ERROR]
    context = f"go (exit {go.code}):\n{go.stderr}\ngowls:\n{describe(findings, tmp_path)}"

    if go.code == 0:
        assert not errors, "go accepts this workspace but gowls reports errors\n" + context
        assert case.expect is None, "case expects a finding but go accepts it\n" + context
        if case.clean:
            assert not findings, "case expects no findings at all\n" + context
        if case.warn is not None:
            check_warning(case, tmp_path, findings, go_env, context)
        return

    assert case.warn is None and not case.clean, (
        "go fails on a case marked clean or warn\n" + context
    )
    assert errors, "go fails but gowls reports no error\n" + context
    places = module_places(tmp_path, case.files, go.stderr, workdir)
    if places:
        assert any(errors_at(findings, file, {line}) for file, line in places), (
            f"gowls has no error on {sorted((str(f.relative_to(tmp_path)), n) for f, n in places)}"
            "\n" + context
        )
    elif go.located:
        for file, line in go.located:
            assert errors_at(findings, file, {line}), (
                f"go names {file.relative_to(tmp_path)}:{line}; gowls has no error there\n"
                + context
            )
    else:
        workfile = tmp_path / case.gowork
        dup = re.search(r"module (\S+) appears multiple times in workspace", go.stderr)
        missing = re.search(r"cannot load module (.+?) listed in go\.work file", go.stderr)
        needs_go = re.search(r"module (.+?) listed in go\.work file requires go", go.stderr)
        conflict = re.search(r"conflicting replacements for (\S+):", go.stderr)
        replaced = re.search(r"workspace module (\S+) is replaced at all versions", go.stderr)
        if needs_go:
            shown = needs_go[1]
            target = Path(os.path.normpath(workfile.parent / shown))
            lines = use_lines(workfile, lambda d: d == target)
        elif conflict or replaced:
            # go names no line: gowls reports on the go.work replace or the use of a module
            # whose go.mod holds one of the conflicting replaces.
            module = (conflict or replaced)[1]  # type: ignore[index]
            lines = replace_lines(workfile, module) | use_lines(workfile, lambda d: True)
        elif dup:
            module = dup[1]
            lines = use_lines(workfile, lambda d: module_path_of(d) == module)
        elif missing:
            shown = missing[1]
            base = Path(shown) if Path(shown).is_absolute() else workfile.parent / shown
            target = Path(os.path.normpath(base))
            lines = use_lines(workfile, lambda d: d == target)
        else:
            pytest.fail("go names neither a line nor a use entry\n" + context)
        assert lines, "could not map go's message to a use line\n" + context
        assert errors_at(findings, workfile, lines), (
            f"gowls has no error on go.work use line(s) {sorted(lines)}\n" + context
        )

    if case.expect is not None:
        expect = case.expect
        file = tmp_path / expect["file"]
        hits = [
            f
            for f in findings
            if f.code == expect["code"]
            and f.path == file
            and f.span.start.line + 1 == expect["line"]
            and expect.get("message", "") in f.message
        ]
        assert hits, f"expected {expect} from gowls\n" + context
    else:
        assert case.gap, "a case go rejects must say what gowls should report\n" + context


def check_warning(
    case: Case, root: Path, findings: list[Finding], env: dict[str, str], context: str
) -> None:
    """The case's warning is reported and, with GOWORK=off, go shows the hazard it names."""
    assert case.warn is not None
    warn = case.warn
    file = root / warn["file"]
    hits = [
        f
        for f in findings
        if f.code == warn["code"]
        and f.severity is Severity.WARNING
        and f.path == file
        and f.span.start.line + 1 == warn["line"]
        and warn.get("message", "") in f.message
    ]
    assert hits, f"expected warning {warn} from gowls\n" + context
    if not (case.gowork_off_fails or case.gowork_off_prints):
        return
    off = run_go(file.parent, {**env, "GOWORK": "off"}, case.go)
    off_context = f"GOWORK=off go (exit {off.code}):\n{off.stdout}{off.stderr}\n" + context
    if case.gowork_off_fails:
        assert off.code != 0, "GOWORK=off go was expected to fail\n" + off_context
        assert case.gowork_off_fails in off.stderr, off_context
    if case.gowork_off_prints:
        assert off.code == 0, "GOWORK=off go was expected to succeed\n" + off_context
        assert case.gowork_off_prints in off.stdout, off_context

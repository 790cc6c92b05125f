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
  fails with (or prints) the given text, proving the hazard. ``clean`` asserts no findings at all;
  ``absent`` lists codes gowls must not report (a false positive the case guards against).
  A ``warn`` may name its ``severity`` (default warning) and a ``hazard``: another go command
  (``go``, ``dir``) that ``fails`` with or ``prints`` a given text. ``newer_than_local_go``: go
  fails only because the file asks for a newer go than the one running (gowls warns).

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
RULE_CODES = {r.info.code for r in LANGUAGES.rules()}


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
    hazard: dict[str, Any] | None = None
    """With ``warn``: another go command (``go``, ``dir``) that ``fails`` with or ``prints`` a
    text, proving the hazard the warning names."""
    newer_than_local_go: bool = False
    """go fails only because its own version is older than the go line (gowls warns)."""
    absent: list[str] = field(default_factory=list)
    """Codes gowls must not report (false positives this case guards against)."""
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
        marks = [pytest.mark.xfail(reason=case.gap, strict=True)] if case.gap else []
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

    ``M@V (replaced by DIR): reading DIR/go.mod`` -> the replaces (go.mod or go.work) with that
    target;
    ``M@V: module lookup disabled`` / ``missing go.sum entry`` -> the requirements of M@V;
    ``updates to go.mod needed`` -> the toolchain, go or require lines of the module go runs
    in;
    ``ignoring requirement on excluded version M V`` -> the requirements of M V;
    ``missing module declaration`` -> line 1 of the go.mod go runs in;
    ``malformed module path "P"`` -> the module line declaring P.
    """
    places: set[tuple[Path, int]] = set()
    for m in re.finditer(r"\(replaced by (\S+)\): reading", stderr):
        target = Path(os.path.normpath(workdir / m[1]))
        for workfile in (
            root / rel for rel in files if rel == "go.work" or rel.endswith("/go.work")
        ):
            work = parse_gowork(workfile.read_bytes(), "go.work")
            for rep in work.replaces:
                if (
                    rep.is_local
                    and Path(os.path.normpath(workfile.parent / rep.new_path)) == target
                ):
                    places.add((workfile, rep.statement.span.start.line + 1))
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
    here = workdir / "go.mod"
    if "updates to go.mod needed" in stderr and here.is_file():
        mod = parse_gomod(here.read_bytes(), "go.mod")
        for line in (mod.toolchain, mod.go, *mod.requires):
            if line is not None:
                places.add((here, line.statement.span.start.line + 1))
    for m in re.finditer(r"ignoring requirement on excluded version (\S+) (\S+)", stderr):
        for gomod in gomod_files(root, files):
            mod = parse_gomod(gomod.read_bytes(), "go.mod")
            places |= {
                (gomod, r.statement.span.start.line + 1)
                for r in mod.requires
                if (r.path, r.version) == (m[1], m[2])
            }
    if "missing module declaration" in stderr and here.is_file():
        places.add((here, 1))
    for m in re.finditer(r'malformed module path "(.*?)": ', stderr):
        for gomod in gomod_files(root, files):
            mod = parse_gomod(gomod.read_bytes(), "go.mod")
            if mod.module is not None and mod.module.path == m[1]:
                places.add((gomod, mod.module.statement.span.start.line + 1))
    return places


def conflict_places(root: Path, files: dict[str, str], module: str) -> set[tuple[Path, int]]:
    """Lines of every replace of ``module`` (go.mod and go.work) and every go.work use line."""
    places: set[tuple[Path, int]] = set()
    for gomod in gomod_files(root, files):
        mod = parse_gomod(gomod.read_bytes(), "go.mod")
        places |= {
            (gomod, r.statement.span.start.line + 1) for r in mod.replaces if r.old_path == module
        }
    for rel in files:
        if rel == "go.work" or rel.endswith("/go.work"):
            workfile = root / rel
            lines = replace_lines(workfile, module) | use_lines(workfile, lambda d: True)
            places |= {(workfile, line) for line in lines}
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
        assert all(code in RULE_CODES for code in case.absent), case.name
        assert case.dir or any(p == "go.work" or p.endswith("/go.work") for p in case.files)


@pytest.mark.parametrize("case", _params())
def test_conformance(case: Case, tmp_path: Path, go_env: dict[str, str]) -> None:
    write_tree(tmp_path, case.files)
    workdir = Path(os.path.normpath(tmp_path / case.workdir))
    go = run_go(workdir, go_env, case.go)
    findings = run_gowls(tmp_path)
    errors = [f for f in findings if f.severity is Severity.ERROR]
    context = f"go (exit {go.code}):\n{go.stderr}\ngowls:\n{describe(findings, tmp_path)}"
    unwanted = [f for f in findings if f.code in case.absent]
    assert not unwanted, f"case forbids {case.absent}\n" + context

    if go.code == 0:
        assert not errors, "go accepts this workspace but gowls reports errors\n" + context
        assert case.expect is None, "case expects a finding but go accepts it\n" + context
        if case.clean:
            assert not findings, "case expects no findings at all\n" + context
        if case.warn is not None:
            check_warning(case, tmp_path, findings, go_env, context)
        return

    if case.newer_than_local_go:
        # go fails only because the go running here is older than the file asks for.
        assert "requires go >= " in go.stderr and "GOTOOLCHAIN=local" in go.stderr, context
        assert not errors, "a newer go line is a warning, not an error\n" + context
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
    elif conflict := re.search(r"conflicting replacements for ([^\s@]+)(?:@\S+)?:", go.stderr):
        # go names no line: gowls reports on a go.mod or go.work replace of the module, or on
        # the use of a module whose go.mod holds one of the conflicting replaces.
        places = conflict_places(tmp_path, case.files, conflict[1])
        assert any(errors_at(findings, file, {line}) for file, line in places), (
            f"gowls has no error on {sorted((str(f.relative_to(tmp_path)), n) for f, n in places)}"
            "\n" + context
        )
    else:
        workfile = tmp_path / case.gowork
        dup = re.search(r"module (\S+) appears multiple times in workspace", go.stderr)
        missing = re.search(r"cannot load module (.+?) listed in go\.work file", go.stderr)
        needs_go = re.search(r"module (.+?) listed in go\.work file requires go", go.stderr)
        replaced = re.search(r"workspace module (\S+) is replaced at all versions", go.stderr)
        if needs_go:
            shown = needs_go[1]
            target = Path(os.path.normpath(workfile.parent / shown))
            lines = use_lines(workfile, lambda d: d == target)
        elif replaced:
            # go names no line: gowls reports on the go.work replace or a use line.
            lines = replace_lines(workfile, replaced[1]) | use_lines(workfile, lambda d: True)
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
        and f.severity.label == warn.get("severity", "warning")
        and f.path == file
        and f.span.start.line + 1 == warn["line"]
        and warn.get("message", "") in f.message
    ]
    assert hits, f"expected warning {warn} from gowls\n" + context
    if case.hazard is not None:
        check_hazard(case.hazard, root, env, context)
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


def check_hazard(hazard: dict[str, Any], root: Path, env: dict[str, str], context: str) -> None:
    """Run the hazard's go command in its directory: it fails with (or prints) the given text."""
    out = run_go(root / hazard.get("dir", ""), env, hazard["go"])
    hazard_context = f"hazard go {hazard['go']} (exit {out.code}):\n{out.stdout}{out.stderr}\n"
    if "fails" in hazard:
        assert out.code != 0, "the hazard's go command was expected to fail\n" + hazard_context
        assert hazard["fails"] in out.stderr, hazard_context + context
    if "prints" in hazard:
        assert out.code == 0, "the hazard's go command was expected to succeed\n" + hazard_context
        assert hazard["prints"] in out.stdout, hazard_context + context

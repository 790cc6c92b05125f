"""What a go.mod check keeps between passes for its directory replacements: the replacement
go.mod files its graph reached (one kept value, revalidated as a whole), and the GM101
findings made from unchanged inputs; plus the one stat that answers is_dir and is_file."""

from __future__ import annotations

from pathlib import Path

import pytest

from gowls.analysis.config import ConfigResolver, Policy
from gowls.analysis.findings import Finding, Severity
from gowls.analysis.go.documents import gomod
from gowls.analysis.go.modules import module_graph
from gowls.analysis.registry import finding
from gowls.analysis.source import FileSource, OpenDocument
from gowls.analysis.suppress import suppressions_of
from gowls.analysis.workspace import Workspace
from gowls.languages import LANGUAGES
from gowls.syntax.gomod import parse_gomod
from gowls.syntax.positions import Point, Span
from gowls.syntax.versions import placeholder_positions
from workspace_files import write_tree

MAIN = (
    "module example.com/m\n\ngo 1.22\n\n"
    "require (\n\texample.com/x v1.0.0\n\texample.com/gone v1.0.0\n\texample.com/z v1.0.0\n)\n\n"
    "replace (\n\texample.com/x => ./x\n\texample.com/gone => ./gone\n)\n"
)
X = "module example.com/x\n\ngo 1.22\n\nrequire example.com/y v1.2.0\n"


@pytest.fixture(autouse=True)
def no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOMODCACHE", str(tmp_path / "no-cache"))


def _workspace(root: Path) -> Workspace:
    write_tree(root, {"go.mod": MAIN, "x/go.mod": X})
    workspace = Workspace([root], languages=LANGUAGES)
    workspace.keep_between_passes()
    workspace.scan()
    workspace.check_all()
    return workspace


def _edit(workspace: Workspace, path: Path, version: int) -> list[Finding]:
    """Toggle the version of the unreplaced requirement (an edit elsewhere) and check."""
    text = MAIN.replace("z v1.0.0", "z v1.1.0") if version % 2 else MAIN
    workspace.open(path, text, version)
    (result,) = workspace.check([path])
    return [f for f in result.findings if f.code == "GM101"]


def _required_y(workspace: Workspace, path: Path) -> list[str]:
    snapshot = workspace.snapshot()
    mod = gomod(snapshot, path)
    assert mod is not None
    graph = module_graph(snapshot, path, mod)
    return [r.version for r in graph.requirements_of("example.com/y")]


def test_replacement_gomods_are_kept_and_seen_when_they_change(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    workspace = _workspace(root)
    path = root / "go.mod"
    key = ("replace-target-gomods", (path, path))
    _edit(workspace, path, 1)
    kept = workspace.snapshot().kept(key)
    assert kept is not None
    assert _required_y(workspace, path) == ["v1.2.0"]
    _edit(workspace, path, 2)
    again = workspace.snapshot().kept(key)
    assert again is not None and again[0] is kept[0]  # an edit elsewhere reuses it
    # The replacement's go.mod changes on disk (an event): its new requirement is seen.
    (root / "x" / "go.mod").write_text(X.replace("v1.2.0", "v1.3.0"), encoding="utf-8")
    workspace.file_event(root / "x" / "go.mod", deleted=False)
    assert _required_y(workspace, path) == ["v1.3.0"]
    # A missing target's go.mod appears (an event): the graph now reads it too.
    write_tree(root, {"gone/go.mod": "module example.com/gone\n\nrequire example.com/y v1.4.0\n"})
    workspace.file_event(root / "gone" / "go.mod", deleted=False)
    assert _required_y(workspace, path) == ["v1.3.0", "v1.4.0"]
    assert _edit(workspace, path, 3) == []


def test_gm101_findings_are_reused_until_what_they_say_changes(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    workspace = _workspace(root)
    path = root / "go.mod"
    (first,) = _edit(workspace, path, 1)
    assert first.message.startswith("replacement directory ./gone does not exist")
    (second,) = _edit(workspace, path, 2)
    assert second is first
    # The directory appears without a go.mod: editors report no event, the next pass sees it.
    (root / "gone").mkdir()
    (third,) = _edit(workspace, path, 3)
    assert third.message.startswith("./gone has no go.mod")
    assert (third.span, third.related) == (first.span, first.related)
    (root / "gone").rmdir()
    (root / "gone").write_text("not a directory\n", encoding="utf-8")
    (fourth,) = _edit(workspace, path, 4)
    assert fourth.message.startswith("replacement ./gone is a file, not a directory")
    # A line inserted above moves the replace: a new finding at the new place.
    workspace.open(path, "// moved\n" + MAIN, 5)
    (result,) = workspace.check([path])
    (moved,) = [f for f in result.findings if f.code == "GM101"]
    assert moved.span.start.line == fourth.span.start.line + 1
    assert moved.message == fourth.message


@pytest.mark.parametrize("what", ["file", "dir", "missing", "buffer"])
def test_one_stat_answers_is_dir_and_is_file(tmp_path: Path, what: str) -> None:
    target = tmp_path / "t"
    overlay = {}
    if what == "file":
        target.write_text("x", encoding="utf-8")
    elif what == "dir":
        target.mkdir()
    elif what == "buffer":
        overlay[target] = OpenDocument("x", 1)
    source = FileSource(overlay)
    assert source.is_dir(target) is (what == "dir")
    assert source.is_file(target) is (what in ("file", "buffer"))


def test_policy_grades_each_code_and_default_severity(tmp_path: Path) -> None:
    write_tree(tmp_path, {".gowls.toml": 'ignore = ["GM103"]\n[severity]\nGM10 = "hint"\n'})
    path = tmp_path / "go.mod"
    doc = parse_gomod(b"module example.com/m\n\n// gowls:ignore GM104\nrequire a/b v1.0.0\n")

    def at(line: int, code: str, severity: Severity) -> Finding:
        point = Point(line, 0)
        f = finding(LANGUAGES.rule(code).info, path, Span(point, point), code, severity=severity)
        return f

    made = [
        at(0, "GM101", Severity.ERROR),
        at(1, "GM101", Severity.WARNING),
        at(0, "GM103", Severity.WARNING),
        at(3, "GM104", Severity.WARNING),
        at(0, "GM104", Severity.WARNING),
        at(0, "GM001", Severity.ERROR),
        at(1, "GM001", Severity.WARNING),
    ]
    policy = Policy(ConfigResolver(LANGUAGES.codes()))
    kept = policy.apply(path, made, suppressions_of(doc))
    assert [(f.code, f.span.start.line, f.severity) for f in kept] == [
        ("GM101", 0, Severity.HINT),
        ("GM101", 1, Severity.HINT),
        ("GM104", 0, Severity.HINT),
        ("GM001", 0, Severity.ERROR),
        ("GM001", 1, Severity.WARNING),
    ]


def test_placeholder_positions() -> None:
    versions = [
        "v1.2.3",
        "v0.0.0-00010101000000-000000000000",
        "v2.0.0-00010101000000-000000000000",
        "v01.0.0-00010101000000-000000000000",  # the tail, but not a placeholder
        "v1.0.0-00010101000000-000000000001",
        "v3.0.0-00010101000000-000000000000",
    ]
    assert placeholder_positions(versions) == [1, 2, 5]
    assert placeholder_positions(iter(versions)) == [1, 2, 5]
    assert placeholder_positions([]) == []


def test_requirements_of_any_module(tmp_path: Path) -> None:
    """The index holds replaced modules; another module's requirements are found too."""
    text = (
        "module example.com/m\n\ngo 1.22\n\nrequire (\n\texample.com/a v1.0.0\n"
        "\texample.com/x v1.0.0\n\texample.com/a/v2 v2.0.0\n)\n\nreplace example.com/x => ./x\n"
    )
    write_tree(tmp_path, {"go.mod": text, "x/go.mod": X.replace("y v1.2.0", "a v1.1.0")})
    workspace = Workspace([tmp_path], languages=LANGUAGES)
    snapshot = workspace.snapshot()
    path = tmp_path / "go.mod"
    mod = gomod(snapshot, path)
    assert mod is not None
    graph = module_graph(snapshot, path, mod)
    assert [(r.file.parent.name, r.version) for r in graph.requirements_of("example.com/a")] == [
        (tmp_path.name, "v1.0.0"),
        ("x", "v1.1.0"),
    ]
    assert [r.version for r in graph.requirements_of("example.com/x")] == ["v1.0.0"]
    assert [r.version for r in graph.requirements_of("example.com/a/v2")] == ["v2.0.0"]
    assert graph.requirements_of("example.com/none") == []
    # The lists handed out are copies: changing one leaves the graph as it was.
    graph.requirements_of("example.com/x").clear()
    assert len(graph.requirements_of("example.com/x")) == 1


def test_paths_below_a_missing_directory_are_not_stat_ed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tree(tmp_path, {"real/go.mod": "module example.com/real\n", "file": "x"})
    stats: list[Path] = []
    original = Path.stat

    def counting(self: Path, *, follow_symlinks: bool = True) -> object:
        stats.append(self)
        return original(self, follow_symlinks=follow_symlinks)

    monkeypatch.setattr(Path, "stat", counting)
    source = FileSource()
    gone = tmp_path / "providers" / "v1"
    for name in ("aws", "azure", "gcp"):
        assert not source.is_dir(gone / name)
        assert not source.is_file(gone / name)
    # The first one and its parent were stat-ed; the others are below a missing directory.
    assert stats == [gone / "aws", gone]
    assert not source.is_dir(gone) and not source.is_file(gone)
    assert not source.is_dir(tmp_path / "file" / "below")  # below a file
    assert not source.is_file(tmp_path / "file" / "below")
    assert source.is_file(tmp_path / "file") and not source.is_dir(tmp_path / "file")
    assert source.is_dir(tmp_path / "real") and not source.is_file(tmp_path / "real")
    assert source.is_file(tmp_path / "real" / "go.mod")
    # Every answer is recorded as a read of the path asked about, never of its parent.
    reads = source.start_recording()
    source.is_dir(gone / "azure")
    source.stop_recording(reads)
    assert set(reads) == {("stat", gone / "azure")}

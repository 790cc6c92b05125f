"""What the server keeps between passes: disk contents, shared indexes, early cutoff."""

from __future__ import annotations

from pathlib import Path

from gowls.analysis.go.modules import workspace_view
from gowls.analysis.reuse import LOG_LIMIT, DiskCache
from gowls.analysis.workspace import Workspace
from gowls.languages import LANGUAGES
from workspace_files import write_tree

MODULES = 4


def _workspace(root: Path, keep: bool = True) -> Workspace:
    write_tree(
        root,
        {
            "go.work": "go 1.22\n\nuse (\n"
            + "".join(f"\t./m{i}\n" for i in range(MODULES))
            + ")\n",
            **{
                f"m{i}/go.mod": (
                    f"module example.com/m{i}\n\ngo 1.22\n\n"
                    f"require example.com/m{(i + 1) % MODULES} v1.0.0\n"
                )
                for i in range(MODULES)
            },
        },
    )
    workspace = Workspace([root], languages=LANGUAGES)
    if keep:
        workspace.keep_between_passes()
    workspace.scan()
    workspace.check_all()
    workspace.commit(workspace.snapshot(), sorted(workspace.files))
    return workspace


def _codes(workspace: Workspace, path: Path) -> list[str]:
    (result,) = workspace.check([path])
    return [f.code for f in result.findings]


def test_a_kept_file_is_read_again_after_its_disk_event(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path)
    gomod = tmp_path / "m1" / "go.mod"
    assert _codes(workspace, gomod) == []
    gomod.write_text("module example.com/m1\n\ngo 1.22\n\nrequire example.com/m2 1.0.0\n")
    # Kept: the server trusts the editor's events for watched files (the trade-off)...
    assert _codes(workspace, gomod) == []
    workspace.file_event(gomod, deleted=False)
    # ...and the event brings the new content in.
    assert _codes(workspace, gomod) != []


def test_without_keeping_every_pass_reads_the_disk(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path, keep=False)
    gomod = tmp_path / "m1" / "go.mod"
    gomod.write_text("module example.com/m1\n\ngo 1.22\n\nrequire example.com/m2 1.0.0\n")
    assert _codes(workspace, gomod) != []


def test_a_deleted_directory_forgets_the_files_below_it(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path)
    work = tmp_path / "go.work"
    assert _codes(workspace, work) == []
    view = workspace_view(workspace.snapshot(), work)
    assert view is not None and view.modules[2].mod is not None
    (tmp_path / "m2" / "go.mod").unlink()
    (tmp_path / "m2").rmdir()
    workspace.file_event(tmp_path / "m2", deleted=True)  # one event for the directory
    assert "GW101" in _codes(workspace, work)
    view = workspace_view(workspace.snapshot(), work)
    assert view is not None and view.modules[2].mod is None


def test_a_shared_index_serves_later_snapshots_until_a_read_changes(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path)
    work = tmp_path / "go.work"
    first = workspace_view(workspace.snapshot(), work)
    assert first is not None and workspace_view(workspace.snapshot(), work) is first
    # An edit of a file the view did not read leaves it shared.
    workspace.open(tmp_path / "other" / "go.mod", "module example.com/other\n", 1)
    assert workspace_view(workspace.snapshot(), work) is first
    # An edit of a used module's go.mod (even one that changes no fact) does not.
    gomod = tmp_path / "m0" / "go.mod"
    workspace.open(gomod, gomod.read_text(), 1)
    workspace.open(gomod, gomod.read_text() + "// a comment\n", 2)
    second = workspace_view(workspace.snapshot(), work)
    assert second is not None and second is not first
    assert second.modules[0].mod is workspace.snapshot().document(gomod)
    # A snapshot taken before the edit never takes the newer value.
    old = workspace.snapshot()
    workspace.open(gomod, gomod.read_text(), 3)
    assert workspace_view(old, work) is second
    assert workspace_view(workspace.snapshot(), work) is not second


def test_a_value_older_than_the_change_log_is_recomputed(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path)
    work = tmp_path / "go.work"
    first = workspace_view(workspace.snapshot(), work)
    for n in range(LOG_LIMIT + 1):
        workspace.open(tmp_path / "other" / "go.mod", f"module example.com/o{n}\n", n)
    assert workspace_view(workspace.snapshot(), work) is not first


def test_a_load_racing_an_invalidation_is_not_kept(tmp_path: Path) -> None:
    path = tmp_path / "go.mod"
    cache = DiskCache(lambda _: True)

    def load(p: Path) -> tuple[bytes | None, int | None]:
        cache.invalidate(p)  # the event arrives while the old content is being read
        return b"old", None

    assert cache.read(path, load) == (b"old", None)
    assert cache.read(path, lambda _: (b"new", None)) == (b"new", None)
    assert cache.read(path, lambda _: (b"newer", None)) == (b"new", None)


def test_files_outside_the_roots_are_never_kept(tmp_path: Path) -> None:
    outside = tmp_path / "outside" / "go.mod"
    write_tree(tmp_path, {"outside/go.mod": "module example.com/x\n\ngo 1.22\n"})
    workspace = _workspace(tmp_path / "ws")
    assert _codes(workspace, outside) == []
    outside.write_text("module example.com/x\n\ngo 1.22\n\nrequire example.com/y 1.0.0\n")
    assert _codes(workspace, outside) != []  # no event will come: read afresh


def test_early_cutoff_rechecks_readers_only_when_facts_change(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path)
    gomod = tmp_path / "m1" / "go.mod"
    text = gomod.read_text()
    workspace.open(gomod, text, 1)
    workspace.commit(workspace.snapshot(), [gomod])
    workspace.open(gomod, text.replace("go 1.22\n", "go 1.22 // floor\n"), 2)
    snapshot = workspace.snapshot()
    assert workspace.affected([gomod], snapshot, [gomod]) == [gomod]
    # Not a mere edit (opened, closed, on disk): every reader, whatever the facts.
    assert len(workspace.affected([gomod], snapshot)) == MODULES + 1
    workspace.open(gomod, text.replace("go 1.22", "go 1.23"), 3)
    assert len(workspace.affected([gomod], workspace.snapshot(), [gomod])) == MODULES + 1


def _server_pass(workspace: Workspace, edited: Path) -> list[Path]:
    """One pass as the server runs it after a buffer edit: the edited file, then what it
    affects, in one snapshot; returns the files re-checked after the edited one."""
    snapshot = workspace.snapshot()
    stored = list(workspace.results.items())
    first = workspace.compute(snapshot, [edited])
    assert first is not None
    workspace.store(first)
    rest = [p for p in workspace.affected([edited], snapshot, [edited], stored) if p != edited]
    after = workspace.compute(snapshot, rest)
    assert after is not None
    workspace.store(after)
    workspace.commit(snapshot, [edited])
    return rest


def _findings(workspace: Workspace) -> dict[Path, list[tuple[str, str]]]:
    return {
        p: [(f.code, f.message) for f in r.findings] for p, r in sorted(workspace.results.items())
    }


def _fresh(root: Path, overlay: dict[Path, str]) -> dict[Path, list[tuple[str, str]]]:
    workspace = Workspace([root], languages=LANGUAGES)
    for path, text in overlay.items():
        workspace.open(path, text, 1)
    workspace.scan()
    workspace.check_all()
    return _findings(workspace)


def test_a_use_of_a_directory_without_go_mod_rechecks_no_reader(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path)
    gowork = tmp_path / "go.work"
    text = gowork.read_text()
    workspace.open(gowork, text, 1)
    assert _server_pass(workspace, gowork) == []
    typed = text + "\nuse ./missing\n"
    workspace.open(gowork, typed, 2)
    assert _server_pass(workspace, gowork) == []  # no go.mod sees a use without a module
    assert _findings(workspace) == _fresh(tmp_path, {gowork: typed})
    reader = tmp_path / "m0" / "go.mod"
    result = workspace.results[reader]
    workspace.open(gowork, text + "\nuse ./missing2\n", 3)
    assert _server_pass(workspace, gowork) == []
    workspace.open(gowork, typed, 4)
    assert _server_pass(workspace, gowork) == []
    assert workspace.results[reader] is result  # spared: not checked, nor copied
    # The directory gets its go.mod: now a module of the workspace, every reader re-checked.
    write_tree(tmp_path, {"missing/go.mod": "module example.com/m0\n\ngo 1.22\n"})
    workspace.file_event(tmp_path / "missing" / "go.mod", deleted=False)
    affected = workspace.affected([tmp_path / "missing" / "go.mod"], workspace.snapshot())
    assert {tmp_path / f"m{i}" / "go.mod" for i in range(MODULES)} <= set(affected)
    workspace.check(affected)
    assert _findings(workspace) == _fresh(tmp_path, {gowork: typed})
    # A go.mod appearing in a directory used only by a superseded text changes nothing.
    write_tree(tmp_path, {"missing2/go.mod": "module example.com/m0\n\ngo 1.22\n"})
    workspace.file_event(tmp_path / "missing2" / "go.mod", deleted=False)
    assert reader not in workspace.affected(
        [tmp_path / "missing2" / "go.mod"], workspace.snapshot()
    )


def test_reader_facts_keep_every_finding_as_a_fresh_check(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path)
    write_tree(tmp_path, {"empty/README": "no module here\n"})
    gowork = tmp_path / "go.work"
    base = gowork.read_text()
    edits = [
        base + "\nuse ./missing\n",  # no reader re-checked
        base + "\nuse ./empty\nuse ./missing\n",
        base.replace("use (\n", "use (\n\t./missing\n"),  # moves the uses below: a fact
        base.replace("use (\n", "use (\n\t./missing\n").replace("go 1.22", "go 1.23"),
        base.replace("\t./m2\n", ""),  # a module leaves the workspace
        base.replace("\t./m2\n", "\t./m2\n\t./m2\n"),  # a repeated use
        base + "\nreplace example.com/m3 => ./m0\n",
        base + "\nreplace example.com/m3 => ./m0\n\nuse ./missing\n",
        base,
    ]
    rechecked = []
    for version, text in enumerate(edits, start=2):
        workspace.open(gowork, text, version)
        rechecked.append(len(_server_pass(workspace, gowork)))
        assert _findings(workspace) == _fresh(tmp_path, {gowork: text}), text
    assert rechecked[0] == 0 and rechecked[1] == 0 and rechecked[7] == 0
    assert rechecked[2] == MODULES and rechecked[4] == MODULES

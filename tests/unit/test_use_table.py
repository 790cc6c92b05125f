"""A go.work's use table: per-use work is kept across passes and redone only where it changed."""

from __future__ import annotations

from pathlib import Path

from gowls.analysis.go.documents import gowork
from gowls.analysis.go.modules import ALONE_USES, UseTable, _index, use_table
from gowls.analysis.workspace import Workspace
from gowls.languages import LANGUAGES
from workspace_files import write_tree

MODULES = 6
WORK = "go 1.22\n\nuse (\n" + "".join(f"\t./m{i}\n" for i in range(MODULES)) + ")\n"


def _workspace(root: Path) -> Workspace:
    write_tree(
        root,
        {
            "go.work": WORK,
            **{f"m{i}/go.mod": f"module example.com/m{i}\n\ngo 1.22\n" for i in range(MODULES)},
        },
    )
    workspace = Workspace([root], languages=LANGUAGES)
    workspace.keep_between_passes()
    workspace.scan()
    workspace.check_all()
    workspace.commit(workspace.snapshot(), sorted(workspace.files))
    return workspace


def _table(workspace: Workspace, path: Path) -> UseTable:
    snapshot = workspace.snapshot()
    work = gowork(snapshot, path)
    assert work is not None
    return use_table(snapshot, path, work)


def _codes(workspace: Workspace, path: Path) -> list[str]:
    (result,) = workspace.check([path])
    return [f.code for f in result.findings]


def test_an_edit_of_the_gowork_redoes_only_the_uses_it_adds(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path)
    work = tmp_path / "go.work"
    before = _table(workspace, work)
    workspace.open(work, WORK + "\nuse ./missing\n", 1)
    assert _codes(workspace, work) == ["GW101"]
    after = _table(workspace, work)
    assert after is not before
    reused = [e for e in after.entries if any(e is old for old in before.entries)]
    assert len(reused) == MODULES  # every unchanged use's entry is the same object
    assert [e.written for e in after.entries if e not in reused] == ["./missing"]
    # Reverting the edit reuses all of them again; an unchanged go.work reuses the table.
    workspace.open(work, WORK, 2)
    assert _codes(workspace, work) == []
    again = _table(workspace, work)
    assert all(e is old for e, old in zip(again.entries, before.entries, strict=True))
    assert _table(workspace, work) is again


def test_a_changed_gomod_redoes_its_entry_only(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path)
    work = tmp_path / "go.work"
    before = _table(workspace, work)
    gomod = tmp_path / "m3" / "go.mod"
    gomod.write_text("module example.com/m3\n\ngo 1.23\n")
    workspace.file_event(gomod, deleted=False)
    assert _codes(workspace, work) == ["GW106"]
    after = _table(workspace, work)
    changed = [i for i, e in enumerate(after.entries) if e is not before.entries[i]]
    assert changed == [3]
    assert after.floors == {"1.22": (0, 1, 2, 4, 5), "1.23": (3,)}


def test_a_directory_appearing_without_an_event_is_seen(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path)
    work = tmp_path / "go.work"
    workspace.open(work, WORK + "\nuse ./docs\n", 1)
    assert _codes(workspace, work) == ["GW101"]
    # Editors watch go.mod files, not directories: whether a use's directory exists is
    # asked afresh by every pass.
    (tmp_path / "docs").mkdir()
    assert _codes(workspace, work) == ["GW102"]
    (tmp_path / "docs" / "go.mod").write_text("go 1.22\n")
    workspace.file_event(tmp_path / "docs" / "go.mod", deleted=False)
    assert _codes(workspace, work) == ["GW105"]


def test_early_cutoff_compares_facts_of_an_incrementally_reparsed_gowork(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path)
    work = tmp_path / "go.work"
    gomod = tmp_path / "m0" / "go.mod"
    workspace.open(work, WORK + "// a comment\n", 1)
    snapshot = workspace.snapshot()
    # A comment is no fact: the go.mod files that read the go.work are not re-checked.
    assert workspace.affected([work], snapshot, edited=[work]) == [work]
    workspace.commit(snapshot, [work])
    workspace.open(work, WORK + "use ./m0\n", 2)
    assert gomod in workspace.affected([work], workspace.snapshot(), edited=[work])


def test_a_gomod_checked_alone_leaves_the_workspace_rules_to_the_complete_pass(
    tmp_path: Path,
) -> None:
    write_tree(
        tmp_path,
        {
            "go.work": "go 1.22\n\nuse (\n\t./a\n\t./b\n)\n",
            "a/go.mod": "module example.com/a\n\ngo 1.22\n\nrequire example.com/x 1.2.3\n",
            "b/go.mod": "module example.com/b\n\ngo 1.22\n",
        },
    )
    workspace = Workspace([tmp_path], languages=LANGUAGES)
    workspace.keep_between_passes()
    gomod = tmp_path / "a" / "go.mod"
    workspace.open(gomod, gomod.read_text(), 1)
    alone = workspace.snapshot(alone=True)
    (result,) = workspace.compute(alone, [gomod]) or []
    # Only its own findings; the other module's go.mod is not even read.
    assert [f.code for f in result.findings] == ["GM001"]
    assert tmp_path / "b" / "go.mod" not in result.depends_on
    (complete,) = workspace.compute(workspace.snapshot(), [gomod]) or []
    # The complete pass runs the rules that read the workspace's module graph too.
    assert [f.code for f in complete.findings] == ["GM001"]
    assert tmp_path / "b" / "go.mod" in complete.depends_on


def test_a_large_go_work_checked_alone_leaves_its_modules_to_the_complete_pass(
    tmp_path: Path,
) -> None:
    """Before the start-up scan, a go.work using more than ALONE_USES directories reports
    what it says itself at once; the rules that read every used go.mod wait for the pass
    after the scan. A smaller one reads them at once."""
    for uses, first in ((ALONE_USES + 1, ["GW001"]), (ALONE_USES, ["GW001", "GW101"])):
        root = tmp_path / str(uses)
        lines = "".join(f"\t./m{i}\n" for i in range(uses - 1))
        text = f"go 1.22\n\nuse (\n{lines}\t./missing\n)\n\nfrob\n"
        write_tree(
            root,
            {
                "go.work": text,
                **{
                    f"m{i}/go.mod": f"module example.com/m{i}\n\ngo 1.22\n" for i in range(uses - 1)
                },
            },
        )
        workspace = Workspace([root], languages=LANGUAGES)
        work = root / "go.work"
        workspace.open(work, text, 1)
        (alone,) = workspace.compute(workspace.snapshot(alone=True), [work]) or []
        assert sorted({f.code for f in alone.findings}) == first, uses
        assert (root / "m0" / "go.mod" in alone.depends_on) == (uses <= ALONE_USES)
        (complete,) = workspace.compute(workspace.snapshot(), [work]) or []
        assert sorted({f.code for f in complete.findings}) == ["GW001", "GW101"]


def test_a_use_of_an_unwatched_gomod_is_redone_and_the_rest_kept(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path)
    # go.mod files under testdata/ are not discovered, so the editor reports no change of
    # them: that entry is read again in every pass, the table is still kept for the others.
    write_tree(tmp_path, {"testdata/t/go.mod": "module example.com/t\n\ngo 1.22\n"})
    work = tmp_path / "go.work"
    text = WORK + "\nuse ./testdata/t\n"
    workspace.open(work, text, 1)
    before = _table(workspace, work)
    assert [e.volatile for e in before.entries] == [False] * MODULES + [True]
    workspace.open(work, text + "// a comment\n", 2)
    after = _table(workspace, work)
    kept = zip(after.entries[:MODULES], before.entries[:MODULES], strict=True)
    assert all(e is old for e, old in kept)
    assert after.entries[MODULES] is not before.entries[MODULES]
    # Changed on disk without an event: seen by the next pass.
    write_tree(tmp_path, {"testdata/t/go.mod": "module example.com/m0\n\ngo 1.22\n"})
    workspace.open(work, text, 3)
    assert "GW" in "".join(_codes(workspace, work))  # the module path is now repeated
    assert _table(workspace, work).entries[MODULES].module == "example.com/m0"


_MIXED = {
    "a/go.mod": "module example.com/a\n\ngo 1.22\n",
    "b/go.mod": "module example.com/b\n\ngo 1.21\n\nreplace example.com/x => ../x\n",
    "c/go.mod": "module example.com/a\n\ngo 1.22\n",  # repeats a's module path
    "d/go.mod": "go 1.20\n",  # no module line
    "e/go.mod": (
        "module example.com/e\n\ngo 1.23\n\nreplace example.com/y => example.com/z v1.0.0\n"
    ),
    "notmod/README": "not a module\n",
}
_USES = ["./a", "./b", "a", "./c", "./d", "./missing", "./e", "./notmod", "./a/", "./b"]


def _rebuilt(table: UseTable) -> UseTable:
    """The table indexed whole from its entries (what resuming a kept one must equal)."""
    return _index(
        table.written, table.entries, dict(zip(table.written, table.entries, strict=True))
    )


def _fields(table: UseTable) -> list[object]:
    skip = {"deps", "by_written"}
    out: list[object] = [table.deps.own, list(table.by_written.items())]
    for name in UseTable.__slots__:  # type: ignore[attr-defined]
        if name not in skip:
            value = getattr(table, name)
            out.append(list(value.items()) if isinstance(value, dict) else value)
    return out


def test_a_resumed_table_equals_one_indexed_whole(tmp_path: Path) -> None:
    write_tree(tmp_path, {"go.work": "go 1.22\n", **_MIXED})
    workspace = Workspace([tmp_path], languages=LANGUAGES)
    workspace.keep_between_passes()
    workspace.scan()
    work = tmp_path / "go.work"
    lists = [
        _USES,
        [*_USES, "./e"],  # appended (a repeated directory)
        _USES[:4],  # truncated
        [*_USES[:4], "./e", "./c"],
        ["./b", *_USES[1:]],  # the first use changed: indexed whole
        [*_USES[:5], "./c", *_USES[5:]],  # inserted in the middle
        [*_USES[:5], *_USES[6:]],
        _USES,
    ]
    previous: UseTable | None = None
    for version, uses in enumerate(lists):
        text = "go 1.22\n\nuse (\n" + "".join(f"\t{u}\n" for u in uses) + ")\n"
        workspace.open(work, text, version)
        table = _table(workspace, work)
        assert _fields(table) == _fields(_rebuilt(table)), uses
        if previous is not None and uses[:1] == previous.written[:1]:
            assert table.entries[0] is previous.entries[0]  # resumed: the entries were kept
        previous = table
        workspace.check([work])


def test_module_not_in_workspace_follows_the_uses_and_new_modules(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path)
    work = tmp_path / "go.work"
    assert _codes(workspace, work) == []  # every module below is used
    workspace.open(work, WORK.replace("\t./m3\n", ""), 1)
    assert _codes(workspace, work) == ["GW110"]
    workspace.open(work, WORK, 2)
    assert _codes(workspace, work) == []
    write_tree(tmp_path, {"new/go.mod": "module example.com/new\n\ngo 1.22\n"})
    workspace.file_event(tmp_path / "new" / "go.mod", deleted=False)
    assert _codes(workspace, work) == ["GW110"]
    workspace.open(work, WORK + "use ./new\n", 3)
    assert _codes(workspace, work) == []

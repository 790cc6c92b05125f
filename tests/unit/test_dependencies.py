"""Recorded dependencies: shared by reference between the files of a pass, still exact."""

from __future__ import annotations

from pathlib import Path

from gowls.analysis.source import Dependencies
from gowls.analysis.workspace import Workspace
from gowls.languages import LANGUAGES
from workspace_files import write_tree


def _nodes(deps: Dependencies) -> set[int]:
    out: set[int] = set()
    stack = [deps]
    while stack:
        node = stack.pop()
        if id(node) not in out:
            out.add(id(node))
            stack.extend(node.shared)
    return out


def test_workspace_index_is_shared_not_copied_per_file(tmp_path: Path) -> None:
    mods = {
        f"m{i}/go.mod": (
            f"module example.com/m{i}\n\ngo 1.22\n\nrequire example.com/m{(i + 1) % 4} v1.0.0\n"
        )
        for i in range(4)
    }
    write_tree(
        tmp_path,
        {
            "go.work": "go 1.22\n\nuse (\n" + "".join(f"\t./m{i}\n" for i in range(4)) + ")\n",
            **mods,
        },
    )
    workspace = Workspace([tmp_path], languages=LANGUAGES)
    workspace.scan()
    results = {r.path: r for r in workspace.check_all()}
    first = results[tmp_path / "m1" / "go.mod"].depends_on
    second = results[tmp_path / "m2" / "go.mod"].depends_on
    # Both read every module of the workspace (through the shared graph)...
    for i in range(4):
        assert tmp_path / f"m{i}" / "go.mod" in first
        assert tmp_path / f"m{i}" / "go.mod" in second
    assert tmp_path / "go.work" in first.paths()
    # ...and the later file holds the workspace's reads by reference, not in a copy of its own.
    assert _nodes(first) & _nodes(second) - {id(first), id(second)}
    assert tmp_path / "m0" / "go.mod" not in second.own
    # A change to any module reaches every file that used the graph.
    assert workspace.affected([tmp_path / "m3" / "go.mod"]) == sorted(
        [tmp_path / "go.work", *(tmp_path / f"m{i}" / "go.mod" for i in range(4))]
    )


def test_dependencies_intersect_through_shared_nodes(tmp_path: Path) -> None:
    inner = Dependencies(frozenset({tmp_path / "x"}))
    outer = Dependencies(frozenset({tmp_path / "y"}), (inner, inner))
    assert outer.intersects({tmp_path / "x"}) and outer.intersects({tmp_path / "y"})
    assert not outer.intersects({tmp_path / "z"})
    assert outer.paths() == {tmp_path / "x", tmp_path / "y"}

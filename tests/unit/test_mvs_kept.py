"""Minimal version selection kept between requests: reused while nothing it read changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from gowls.analysis.go.documents import gomod
from gowls.analysis.go.mvs import Selection, build_list, selection_for
from gowls.analysis.workspace import Workspace
from gowls.languages import LANGUAGES
from modcache_files import write_cache
from workspace_files import write_tree

MAIN = (
    "module example.com/m\n\ngo 1.22\n\n"
    "require (\n\texample.com/x v1.0.0\n\texample.com/z v1.0.0\n)\n\n"
    "replace example.com/x => ./x\n"
)
X = "module example.com/x\n\ngo 1.22\n\nrequire example.com/y v1.2.0\n"


@pytest.fixture(autouse=True)
def no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOMODCACHE", str(tmp_path / "no-cache"))


def _workspace(root: Path, files: dict[str, str]) -> Workspace:
    write_tree(root, files)
    workspace = Workspace([root], languages=LANGUAGES)
    workspace.keep_between_passes()
    workspace.scan()
    workspace.check_all()
    return workspace


def _selection(workspace: Workspace, path: Path) -> Selection:
    """What a request (hover, hints) sees: a new snapshot each time, as the server takes."""
    snapshot = workspace.snapshot()
    mod = gomod(snapshot, path)
    assert mod is not None
    selection = selection_for(snapshot, path, mod)
    assert selection.selected == build_list(snapshot, path, mod).selected
    return selection


def test_requests_without_changes_reuse_the_selection(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    workspace = _workspace(root, {"go.mod": MAIN, "x/go.mod": X})
    path = root / "go.mod"
    first = _selection(workspace, path)
    assert first.selected["example.com/y"] == "v1.2.0"
    assert _selection(workspace, path) is first
    # Editing the go.mod makes it stale; the edit's own selection is then reused.
    workspace.open(path, MAIN.replace("z v1.0.0", "z v1.1.0"), 1)
    edited = _selection(workspace, path)
    assert edited is not first
    assert edited.selected["example.com/z"] == "v1.1.0"
    assert _selection(workspace, path) is edited


def test_a_replacement_gomod_changed_on_disk_is_seen(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    workspace = _workspace(root, {"go.mod": MAIN, "x/go.mod": X})
    path = root / "go.mod"
    first = _selection(workspace, path)
    target = root / "x" / "go.mod"
    target.write_text(X.replace("v1.2.0", "v1.3.0"), encoding="utf-8")
    workspace.file_event(target, deleted=False)
    after = _selection(workspace, path)
    assert after is not first
    assert after.selected["example.com/y"] == "v1.3.0"


def test_reads_no_event_reports_are_asked_again(tmp_path: Path) -> None:
    # The replacement lies outside the workspace root (no watcher sees it), and a go.work
    # appears above the root: neither change comes as an event.
    root = tmp_path / "ws"
    main = MAIN.replace("=> ./x", "=> ../outside")
    workspace = _workspace(root, {"go.mod": main})
    write_tree(tmp_path, {"outside/go.mod": X})
    path = root / "go.mod"
    first = _selection(workspace, path)
    assert _selection(workspace, path) is first
    (tmp_path / "outside" / "go.mod").write_text(X.replace("v1.2.0", "v1.4.0"), encoding="utf-8")
    changed = _selection(workspace, path)
    assert changed is not first
    assert changed.selected["example.com/y"] == "v1.4.0"
    assert _selection(workspace, path) is changed
    write_tree(tmp_path, {"go.work": "go 1.22\n\nuse ./ws\n"})
    in_workspace = _selection(workspace, path)
    assert in_workspace is not changed
    assert in_workspace.selected == changed.selected


def test_another_module_cache_starts_over(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "ws"
    workspace = _workspace(root, {"go.mod": MAIN, "x/go.mod": X})
    path = root / "go.mod"
    first = _selection(workspace, path)
    assert not first.complete  # example.com/y and z are nowhere on this machine
    cache = write_cache(
        tmp_path / "cache",
        {
            "example.com/y": {"v1.2.0": "module example.com/y\n\ngo 1.22\n"},
            "example.com/z": {"v1.0.0": "module example.com/z\n\ngo 1.22\n"},
        },
    )
    monkeypatch.setenv("GOMODCACHE", str(cache))
    after = _selection(workspace, path)
    assert after is not first
    assert after.complete

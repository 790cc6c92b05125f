"""The analysis core: recording, one snapshot per pass, discovery of referenced files."""

from __future__ import annotations

from pathlib import Path

from gowls.analysis.source import FileSource
from gowls.analysis.workspace import Workspace
from gowls.languages import LANGUAGES
from workspace_files import run_gowls, write_tree


def test_nested_recordings_with_equal_contents_stop_cleanly(tmp_path: Path) -> None:
    """Two open recordings holding equal sets are told apart by identity, not equality."""
    source = FileSource()
    outer = source.start_recording()
    source.read_bytes(tmp_path / "a")
    inner = source.start_recording()
    source.read_bytes(tmp_path / "a")
    assert inner == outer and inner is not outer
    source.stop_recording(inner)
    source.read_bytes(tmp_path / "b")  # after the inner stop: the outer recording only
    source.stop_recording(outer)
    assert outer == {tmp_path / "a", tmp_path / "b"} and inner == {tmp_path / "a"}


def test_replace_of_an_old_copy_of_a_used_module_does_not_crash(tmp_path: Path) -> None:
    """go.work uses ./lib; the root go.mod replaces the same module path by an old copy."""
    write_tree(
        tmp_path,
        {
            "go.work": "go 1.22\n\nuse (\n\t.\n\t./lib\n)\n",
            "lib/go.mod": "module example.com/lib\n\ngo 1.22\n",
            "vendored/lib/go.mod": "module example.com/lib\n\ngo 1.22\n",
            "go.mod": (
                "module example.com/app\n\ngo 1.22\n\nrequire example.com/lib v1.0.0\n\n"
                "replace example.com/lib => ./vendored/lib\n"
            ),
        },
    )
    proc = run_gowls(["--check", "."], tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert "internal error" not in proc.stderr
    assert "go.mod:7:28: warning:" in proc.stdout and "[GM102]" in proc.stdout


def test_a_used_module_under_a_hidden_directory_is_checked(tmp_path: Path) -> None:
    """go reads every used module's go.mod, hidden directories included; so do we."""
    write_tree(
        tmp_path,
        {
            "go.work": "go 1.22\n\nuse (\n\t.\n\t./.github/tools\n)\n",
            "go.mod": "module example.com/app\n\ngo 1.22\n",
            ".github/tools/go.mod": "module example.com/tools\n\ngo 1.22\n\nrequire x 1.2.3\n",
            ".git/go.mod": "this is never read\n",
        },
    )
    proc = run_gowls(["--check", "."], tmp_path)
    assert proc.returncode == 1
    assert ".github/tools/go.mod:5:11: error:" in proc.stdout, proc.stdout
    assert ".git/" not in proc.stdout


def test_check_runs_one_pass_for_the_whole_workspace(tmp_path: Path) -> None:
    files = {"go.work": "go 1.22\n\nuse (\n" + "".join(f"\t./m{i}\n" for i in range(30)) + ")\n"}
    for i in range(30):
        files[f"m{i}/go.mod"] = f"module example.com/m{i}\n\ngo 1.22\n"
    write_tree(tmp_path, files)
    workspace = Workspace([tmp_path], languages=LANGUAGES)
    found = workspace.scan()
    results = workspace.check(found)
    assert len(results) == 31 and workspace.passes == 1
    assert all(not r.findings for r in results)

"""`gowls migrate` refuses an empty folder, flags broken replaces, and lists new findings."""

from __future__ import annotations

from pathlib import Path

from workspace_files import run_gowls, write_tree


def test_refuses_a_folder_without_modules(tmp_path: Path) -> None:
    write_tree(tmp_path, {"docs/readme.md": "hello\n"})
    proc = run_gowls(["migrate", "."], cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.startswith("gowls: error: no go.mod in ")
    assert "there is no module to put in a workspace" in proc.stderr
    assert not (tmp_path / "go.work").exists()


def test_a_replace_to_a_missing_directory_is_not_a_module(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "a/go.mod": "module example.com/a\n\ngo 1.22\n\nreplace example.com/gone => ../gone\n",
            "docs/": "",
            "b/go.mod": "module example.com/b\n\ngo 1.22\n\nreplace example.com/d => ../docs\n",
        },
    )
    proc = run_gowls(["migrate", "--dry-run", "."], cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "use ./gone" not in proc.stdout and "use ./docs" not in proc.stdout
    assert (
        "replace example.com/gone => ../gone: target is not a module. ../gone does not exist"
        in (proc.stdout)
    )
    assert "replace example.com/d => ../docs: target is not a module. ../docs has no go.mod" in (
        proc.stdout
    )


def test_the_plan_lists_findings_the_workspace_brings(tmp_path: Path) -> None:
    z = "v0.0.0-00010101000000-000000000000"
    write_tree(
        tmp_path,
        {
            "zmod/go.mod": "module example.com/z\n\ngo 1.22\n",
            "repo/a/go.mod": (
                f"module example.com/a\n\ngo 1.22\n\nrequire example.com/z {z}\n\n"
                "replace example.com/z => ../../zmod\n"
            ),
            "repo/b/go.mod": "module example.com/b\n\ngo 1.22\n\nrequire example.com/z v1.0.0\n",
        },
    )
    proc = run_gowls(["migrate", "--dry-run", "."], cwd=tmp_path / "repo")
    assert proc.returncode == 0, proc.stderr
    _, _, rest = proc.stdout.partition(
        "The new workspace brings findings these files do not have today:\n"
    )
    assert rest, proc.stdout
    assert rest.startswith("  b/go.mod:5: warning: example.com/z v1.0.0 is served only by the ")
    assert "[GM106]" in rest.splitlines()[0]

"""GR112-GR115: the release against the files around the config."""

from __future__ import annotations

from pathlib import Path

from gowls.analysis.engine import check_file
from gowls.analysis.findings import Finding, Fix
from gowls.analysis.snapshot import Snapshot
from gowls.analysis.source import FileSource
from gowls.languages import LANGUAGES
from gowls.syntax.positions import LineIndex
from workspace_files import write_tree

GOMOD = "module example.com/app\n\ngo 1.22\n"
MAIN_GO = "// Command app.\npackage main\n\nfunc main() {}\n"


def _check(
    tmp_path: Path, files: dict[str, str], config: str = ".goreleaser.yaml"
) -> list[Finding]:
    write_tree(tmp_path, files)
    return list(check_file(Snapshot(FileSource(), LANGUAGES), tmp_path / config).findings)


def _apply(text: str, fix: Fix) -> str:
    index = LineIndex(text)
    data = text.encode()
    for edit in sorted(fix.edits, key=lambda e: e.span.start, reverse=True):
        start, end = index.offset(edit.span.start), index.offset(edit.span.end)
        data = data[:start] + edit.new_text.encode() + data[end:]
    return data.decode()


def _codes(found: list[Finding]) -> list[tuple[str, int]]:
    return [(f.code, f.span.start.line) for f in found]


def test_missing_dir_and_main(tmp_path: Path) -> None:
    config = (
        "version: 2\nbuilds:\n  - dir: app\n    main: ./cmd/app\n  - dir: gone\n"
        "  - main: ./cmd/missing\n  - main: ./...\n  - builder: rust\n    dir: nope\n"
        "gomod:\n  dir: nowhere\n"
    )
    found = _check(
        tmp_path,
        {".goreleaser.yaml": config, "app/go.mod": GOMOD, "app/cmd/app/main.go": MAIN_GO},
    )
    assert _codes(found) == [("GR112", 4), ("GR112", 5), ("GR112", 10)]


def test_paths_are_relative_to_the_directory_above_dot_config(tmp_path: Path) -> None:
    config = "version: 2\nbuilds:\n  - main: ./cmd/app\n"
    files = {".config/goreleaser.yaml": config, "cmd/app/main.go": MAIN_GO}
    assert _check(tmp_path, files, ".config/goreleaser.yaml") == []


def test_proxy_with_replace(tmp_path: Path) -> None:
    config = "version: 2\ngomod:\n  proxy: true\nbuilds:\n  - main: .\n"
    single = GOMOD + "\nreplace example.com/x => ../x\n"
    found = _check(
        tmp_path / "a", {".goreleaser.yaml": config, "go.mod": single, "main.go": MAIN_GO}
    )
    assert _codes(found) == [("GR113", 2)]
    assert "cannot use the go.mod replace directive" in found[0].message
    block = GOMOD + "\nreplace (\n\texample.com/x => ../x\n)\n"
    found = _check(
        tmp_path / "b", {".goreleaser.yaml": config, "go.mod": block, "main.go": MAIN_GO}
    )
    assert _codes(found) == [("GR113", 2)] and "do not apply" in found[0].message
    off = config.replace("proxy: true", "proxy: false")
    assert (
        _check(tmp_path / "c", {".goreleaser.yaml": off, "go.mod": single, "main.go": MAIN_GO})
        == []
    )


def test_gowork_off_only_in_a_build(tmp_path: Path) -> None:
    config = "version: 2\nenv:\n  - CGO_ENABLED=0\nbuilds:\n  - env:\n      - GOWORK=off\n"
    found = _check(tmp_path, {".goreleaser.yaml": config})
    assert _codes(found) == [("GR114", 5)]
    (fix,) = found[0].fixes
    assert fix.title == "Move GOWORK=off to the top-level env"
    fixed = _apply(config, fix)
    assert fixed == "version: 2\nenv:\n  - GOWORK=off\n  - CGO_ENABLED=0\nbuilds:\n  - env:\n"
    assert _check(tmp_path / "fixed", {".goreleaser.yaml": fixed}) == []
    fine = "version: 2\nenv:\n  - GOWORK=off\nbuilds:\n  - env:\n      - GOWORK=off\n"
    assert _check(tmp_path / "fine", {".goreleaser.yaml": fine}) == []


def test_a_bare_gowork_entry_turns_nothing_off(tmp_path: Path) -> None:
    # `- GOWORK` (no `=`) raised IndexError, and every workspace rule failed for the file.
    config = "version: 2\nenv:\n  - GOWORK\nbuilds:\n  - dir: missing\n    env:\n      - GOWORK\n"
    found = _check(tmp_path, {".goreleaser.yaml": config})
    assert _codes(found) == [("GR112", 4)]


def test_mod_mod_in_a_workspace(tmp_path: Path) -> None:
    config = "version: 2\ngomod:\n  mod: mod\n"
    files = {".goreleaser.yaml": config, "go.work": "go 1.22\n\nuse .\n", "go.mod": GOMOD}
    found = _check(tmp_path / "work", files)
    assert _codes(found) == [("GR115", 2)]
    assert found[0].fixes[0].title == "Remove mod"
    assert _check(tmp_path / "solo", {".goreleaser.yaml": config, "go.mod": GOMOD}) == []


TOOLS = "module example.com/tools\n\ngo 1.22\n"


def test_first_use_is_not_the_released_module(tmp_path: Path) -> None:
    work = "go 1.22\n\nuse (\n\t./tools\n\t.\n)\n"
    files = {".goreleaser.yaml": "version: 2\n", "go.work": work, "go.mod": GOMOD}
    files["tools/go.mod"] = TOOLS
    found = _check(tmp_path, files)
    assert _codes(found) == [("GR116", 0)]
    assert "use ./tools` before `use .`" in found[0].message
    (fix,) = found[0].fixes
    (edited,) = {e.path for e in fix.edits}
    assert edited == tmp_path / "go.work"
    assert _apply(work, fix) == "go 1.22\n\nuse (\n\t.\n\t./tools\n)\n"
    files["go.work"] = _apply(work, fix)
    assert _check(tmp_path / "fixed", files) == []


def test_build_in_a_module_the_workspace_does_not_use(tmp_path: Path) -> None:
    files = {
        ".goreleaser.yaml": "version: 2\nbuilds:\n  - dir: tools\n  - main: .\n",
        "go.work": "go 1.22\n\nuse .\n",
        "go.mod": GOMOD,
        "main.go": MAIN_GO,
        "tools/go.mod": TOOLS,
    }
    found = _check(tmp_path, files)
    assert _codes(found) == [("GR117", 2)]
    assert "use ./tools" in found[0].message
    files[".goreleaser.yaml"] = "version: 2\nenv: [GOWORK=off]\nbuilds:\n  - dir: tools\n"
    assert _check(tmp_path / "off", files) == []


def test_main_must_be_a_main_package(tmp_path: Path) -> None:
    config = (
        "version: 2\nbuilds:\n"
        "  - main: ./cmd/app\n"  # 3: fine (a directory)
        "  - main: ./cmd/app/main.go\n"  # 4: fine (a file)
        "  - main: ./lib\n"  # 5: package lib
        "  - main: ./cmd/nofunc\n"  # 6: package main without func main
        "  - main: ./docs\n"  # 7: no Go files
        "  - main: ./README.md\n"  # 8: not a Go file
        "  - main: ./lib\n    no_main_check: true\n"  # 9: the check is off
        "  - main: ./lib\n    skip: true\n"  # 11: the build is skipped
        "  - dir: '{{ .Env.D }}'\n    main: ./lib\n"  # 13: dir unknown
        "  - main: ./...\n"  # 15: a main package somewhere below
        "  - dir: lib\n    main: ./...\n"  # 17: none below lib
    )
    files = {
        ".goreleaser.yaml": config,
        "go.mod": GOMOD,
        "README.md": "app\n",
        "cmd/app/main.go": MAIN_GO,
        "cmd/app/main_test.go": "package main\n",
        "cmd/nofunc/x.go": "/* a\nblock */ package main\n\nfunc helper() {}\n",
        "lib/lib.go": "package lib\n\nfunc main() {}\n",
        "lib/sub/sub.go": "package sub\n",
        "docs/x.txt": "x\n",
    }
    found = _check(tmp_path, files)
    assert _codes(found) == [("GR112", n) for n in (4, 5, 6, 7, 16)]
    messages = [f.message.split(":")[0] for f in found]
    assert messages == [
        "The build `main` `./lib` is `package lib`, not `package main`",
        "The build `main` `./cmd/nofunc` declares `package main` but no `func main()`",
        "The build `main` `./docs` holds no Go files",
        "The build `main` `./README.md` is not a Go file",
        "The build `main` `./...` holds no main package below it",
    ]
    assert "does not contain a main function" in found[0].message


def test_ellipsis_main_needs_goreleaser_2_15(tmp_path: Path) -> None:
    workflow = (
        "jobs:\n  r:\n    steps:\n      - uses: goreleaser/goreleaser-action@v6\n"
        "        with:\n          version: v2.14.1\n"
    )
    files = {
        ".goreleaser.yaml": "version: 2\nbuilds:\n  - main: ./...\n",
        ".github/workflows/release.yml": workflow,
        "cmd/app/main.go": MAIN_GO,
    }
    (found,) = _check(tmp_path, files)
    assert (found.code, found.span.start.line) == ("GR111", 2)
    assert "v2.15" in found.message and "v2.14.1 (pinned in .github/workflows/release.yml)" in (
        found.message
    )


def test_builds_sharing_a_directory_or_main_are_each_reported(tmp_path: Path) -> None:
    config = (
        "version: 2\nbuilds:\n"
        "  - main: ./lib\n"  # 2
        "  - main: ./lib\n    goos: [linux]\n"  # 3
        "  - main: ./lib\n    no_main_check: true\n"  # 5: the check is off for this one only
        "  - dir: gone\n    main: .\n"  # 7
        "  - dir: gone\n"  # 9
        "  - dir: gone\n    builder: rust\n"  # 10: not a Go build
        "  - main: ./lib\n"  # 12
    )
    files = {".goreleaser.yaml": config, "go.mod": GOMOD, "lib/lib.go": "package lib\n"}
    found = _check(tmp_path, files)
    assert _codes(found) == [("GR112", n) for n in (2, 3, 7, 9, 12)]
    assert found[0].message == found[1].message == found[4].message
    assert found[2].message == found[3].message

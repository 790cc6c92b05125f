"""The GoReleaser kind through the core: recognition, findings, edition, completion, hover."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gowls.analysis.engine import check_file
from gowls.analysis.findings import Finding, Severity
from gowls.analysis.goreleaser.language import GORELEASER
from gowls.analysis.registry import RuleContext
from gowls.analysis.snapshot import Snapshot
from gowls.analysis.source import FileSource
from gowls.languages import LANGUAGES
from gowls.syntax.positions import Point
from workspace_files import write_tree

CURSOR = "|"


def _snapshot() -> Snapshot:
    return Snapshot(FileSource(), LANGUAGES)


def _findings(tmp_path: Path, files: dict[str, str], target: str) -> list[Finding]:
    write_tree(tmp_path, files)
    return list(check_file(_snapshot(), tmp_path / target).findings)


def _context(tmp_path: Path, text: str, name: str = ".goreleaser.yaml") -> tuple[Any, Point]:
    lines = text.split("\n")
    line = next(i for i, ln in enumerate(lines) if CURSOR in ln)
    point = Point(line, len(lines[line].split(CURSOR)[0].encode()))
    write_tree(tmp_path, {name: text.replace(CURSOR, "")})
    snapshot = _snapshot()
    path = tmp_path / name
    return RuleContext(snapshot, path, snapshot.document(path)), point


def _labels(tmp_path: Path, text: str) -> list[str]:
    ctx, point = _context(tmp_path, text)
    assert GORELEASER.features.completion is not None
    return [c.label for c in GORELEASER.features.completion(ctx, point)]


def test_recognised_names(tmp_path: Path) -> None:
    source = FileSource()
    for name in (
        ".config/goreleaser.yaml",
        ".goreleaser.yml",
        "goreleaser.yaml",
        "a/.goreleaser.yaml",
    ):
        assert LANGUAGES.of(source, tmp_path / name) is GORELEASER, name
    for name in ("values.yaml", "goreleaser.json", ".goreleaser.yaml.bak"):
        assert LANGUAGES.of(source, tmp_path / name) is not GORELEASER, name


def test_findings_through_the_engine(tmp_path: Path) -> None:
    found = _findings(
        tmp_path,
        {".config/goreleaser.yaml": "version: 2\nbuilds:\n  - binry: x\n    mod: workspace\n"},
        ".config/goreleaser.yaml",
    )
    assert [(f.code, f.span.start.line) for f in found] == [("GR101", 2), ("GR110", 3)]
    assert "Did you mean `binary`?" in found[0].message


PRO_CONFIG = "version: 2\nincludes:\n  - from_file:\n      path: x.yaml\n"
WORKFLOW = """on: push
jobs:
  release:
    runs-on: ubuntu-latest
    steps:
      - uses: goreleaser/goreleaser-action@v6
        with:
          {distribution}
          args: release --clean
"""


def test_pro_keys_by_edition(tmp_path: Path) -> None:
    unknown = _findings(
        tmp_path / "a", {".git/HEAD": "", ".goreleaser.yaml": PRO_CONFIG}, ".goreleaser.yaml"
    )
    assert [(f.code, f.severity) for f in unknown] == [("GR108", Severity.WARNING)]
    assert "pro: true" in unknown[0].message
    oss = _findings(
        tmp_path / "b",
        {
            ".github/workflows/release.yml": WORKFLOW.format(
                distribution="distribution: goreleaser"
            ),
            ".goreleaser.yaml": PRO_CONFIG,
        },
        ".goreleaser.yaml",
    )
    assert [(f.code, f.severity) for f in oss] == [("GR108", Severity.ERROR)]
    pro = _findings(
        tmp_path / "c",
        {
            ".github/workflows/release.yml": WORKFLOW.format(
                distribution="distribution: goreleaser-pro"
            ),
            ".goreleaser.yaml": PRO_CONFIG,
        },
        ".goreleaser.yaml",
    )
    assert pro == []
    flagged = _findings(
        tmp_path / "d", {".goreleaser.yaml": "pro: true\n" + PRO_CONFIG}, ".goreleaser.yaml"
    )
    assert flagged == []


def test_complete_top_level_keys(tmp_path: Path) -> None:
    labels = _labels(tmp_path, "version: 2\nbui|\n")
    assert "builds" in labels and "archives" in labels and "version" not in labels


def test_complete_keys_of_a_list_item(tmp_path: Path) -> None:
    labels = _labels(tmp_path, "version: 2\nbuilds:\n  - id: a\n    bi|\n")
    assert "binary" in labels and "goos" in labels and "id" not in labels
    labels = _labels(tmp_path, "version: 2\narchives:\n  - |\n")
    assert "formats" in labels and "name_template" in labels


def test_complete_nested_object_keys(tmp_path: Path) -> None:
    labels = _labels(tmp_path, "version: 2\nrelease:\n  github:\n    owner: me\n  |\n")
    assert "mode" in labels and "github" not in labels


def test_complete_enum_values(tmp_path: Path) -> None:
    assert "linux" in _labels(tmp_path, "version: 2\nbuilds:\n  - goos:\n      - li|\n")
    assert "keep-existing" in _labels(tmp_path, "version: 2\nrelease:\n  mode: |\n")
    assert "sha256" in _labels(tmp_path, "version: 2\nchecksum:\n  algorithm: sh|\n")


def test_complete_template_fields(tmp_path: Path) -> None:
    labels = _labels(tmp_path, 'version: 2\narchives:\n  - name_template: "{{ .Pro|')
    assert "ProjectName" in labels and "Os" in labels


def test_hover_on_keys_and_template_fields(tmp_path: Path) -> None:
    assert GORELEASER.features.hover is not None
    ctx, point = _context(tmp_path, "version: 2\narchives:\n  - for|mats: [zip]\n")
    info = GORELEASER.features.hover(ctx, point)
    assert info is not None and "Since GoReleaser v2.6" in info.markdown
    ctx, point = _context(tmp_path, "version: 2\narchives:\n  - for|mat: zip\n")
    info = GORELEASER.features.hover(ctx, point)
    assert info is not None and "Deprecated since v2.6" in info.markdown
    ctx, point = _context(
        tmp_path,
        'version: 2\nproject_name: a\nsnapshot:\n  version_template: "{{ .Ver|sion }}-next"\n',
    )
    info = GORELEASER.features.hover(ctx, point)
    assert info is not None and info.markdown.startswith("**.Version**")


def test_keys_newer_than_the_pinned_version(tmp_path: Path) -> None:
    workflow = WORKFLOW.format(distribution="version: v2.5.1")
    config = "version: 2\narchives:\n  - ids: [app]\n    formats: [zip]\nbuilds:\n  - tool: go\n"
    found = _findings(
        tmp_path,
        {".github/workflows/release.yml": workflow, ".goreleaser.yaml": config},
        ".goreleaser.yaml",
    )
    assert [(f.code, f.span.start.line) for f in found] == [("GR111", 2), ("GR111", 3)]
    assert "added in GoReleaser v2.8" in found[0].message
    assert "v2.5.1 (pinned in .github/workflows/release.yml)" in found[0].message
    loose = WORKFLOW.format(distribution="version: '~> v2'")
    assert (
        _findings(
            tmp_path / "loose",
            {".github/workflows/release.yml": loose, ".goreleaser.yaml": config},
            ".goreleaser.yaml",
        )
        == []
    )


def test_definition_from_ids_to_the_build(tmp_path: Path) -> None:
    text = (
        "version: 2\nbuilds:\n  - id: cli\n  - id: server\narchives:\n"
        "  - id: cli\n    ids: [cli, ser|ver]\n"
    )
    ctx, point = _context(tmp_path, text)
    assert GORELEASER.features.definition is not None
    (target,) = GORELEASER.features.definition(ctx, point)
    assert target.span is not None and target.span.start == Point(3, 8)
    ctx, point = _context(tmp_path, text.replace("ser|ver", "server").replace("[cli", "[c|li"))
    (target,) = GORELEASER.features.definition(ctx, point)
    assert target.span is not None and target.span.start == Point(2, 8), "builds win"


def test_outline_lists_sections_and_entries(tmp_path: Path) -> None:
    ctx, _ = _context(
        tmp_path, "version: 2|\nbuilds:\n  - id: cli\n  - main: .\nrelease:\n  draft: true\n"
    )
    assert GORELEASER.features.symbols is not None
    outline = GORELEASER.features.symbols(ctx)
    assert [s.name for s in outline] == ["version", "builds", "release"]
    assert [c.name for c in outline[1].children] == ["cli", "#2"]


def test_completion_walks_past_deeper_lines(tmp_path: Path) -> None:
    build = "  - id: b{n}\n    hooks:\n      pre:\n        - cmd: x\n    goarch: [amd64]\n"
    builds = "".join(build.format(n=n) for n in range(30))
    last = "  - id: last\n    goos: [linux]\n    # a comment\n    ldflags:\n      - -s\n"
    for newline in ("\n", "\r\n"):
        text = f"version: 2\nbuilds:\n{builds}{last}    bi|\nrelease:\n  draft: true\n"
        labels = _labels(tmp_path, text.replace("\n", newline))
        assert "binary" in labels and "goarch" in labels
        assert "goos" not in labels and "ldflags" not in labels and "id" not in labels
        text = f"version: 2\nbuilds:\n{builds}{last}di|\nrelease:\n  draft: true\n"
        labels = _labels(tmp_path, text.replace("\n", newline))
        assert "dist" in labels and "archives" in labels
        assert "builds" not in labels and "release" not in labels and "version" not in labels
    # a list at its key's own indentation: the key is the line at the dash's column
    labels = _labels(tmp_path, "version: 2\nbuilds:\n- id: a\n  hooks:\n    pre: x\n  bi|\n")
    assert "binary" in labels and "hooks" not in labels

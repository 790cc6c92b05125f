"""GoReleaser's per-subtree check memo: after random edit sequences, the findings of a
re-parsed document checked with its memo equal those of a fresh parse checked without one."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from unit_helpers import random_edit

from gowls.analysis.goreleaser import check as gr_check
from gowls.analysis.goreleaser.check import Edition, Options, check_config
from gowls.analysis.goreleaser.documents import (
    ConfigDocument,
    parse_config_file,
    reparse_config_file,
)
from gowls.analysis.goreleaser.workspace import GoBuild, Target, check_workspace
from gowls.analysis.source import FileSource
from gowls.syntax.yaml import YamlMapping, parse_yaml
from gowls.syntax.yaml import build as yaml_build
from workspace_files import write_tree

PATH = Path("/w/.goreleaser.yaml")

BASE = """version: 2
project_name: demo
builds:
  - id: one
    main: ./cmd/one
    goos: [linux, darwin]
    ldflags:
      - -s -w -X main.version={{ .Version }} {{ .Nope }}
    gobinary: go
    hooks: {pre: echo hi, post: [a, b]}
  - id: two
    main: ./cmd/two
    goarch: amd64
    buidl_flags: [-trimpath]
    mod: workspace
archives:
  - format: zip
    builds: [one]
    name_template: "{{ .ProjectName }}_{{ .Os }}"
    files: [README.md]
nfpms:
  - package_name: demo
    formats: [deb, rpm]
    vendor: me
  - package_name: other
    maintainer: me <me@example.com>
brews:
  - name: demo
    tap: {owner: me, name: tap}
snapshot:
  name_template: "{{ .Tag }}-next"
dockers:
  - image_templates: ["me/demo:{{ .Version }}"]
    use: buildx
    skip_push: auto
changelog:
  sort: sideways
  filters:
    exclude: ["^docs:", "^test:"]
kos:
  - repository: me/demo
    bare: true
    base_import_paths: true
metadata:
  mod_timestamp: "{{ .CommitTimestamp }}"
release:
  github: {owner: me, name: demo}
  extra_files:
    - glob: ./dist/*.sig
"""

PIECES = (
    " ",
    "  ",
    "\n",
    "\n  ",
    "\n    ",
    ":",
    ": ",
    "- ",
    "#",
    "x",
    "id",
    "maintainer: a",
    "pro: true\n",
    "{{ .Env.X }}",
    "{{ .Os",
    "tap",
    "'",
    "[",
    "]",
    "{",
    "}",
    ",",
    "&a ",
    "*a",
    "",
)


@pytest.fixture
def small_memos(monkeypatch: pytest.MonkeyPatch) -> None:
    """Remember every node and every subtree, however small, so that short texts exercise
    reuse and replay too."""
    monkeypatch.setattr(yaml_build, "MEMO_MIN_BYTES", 1)
    monkeypatch.setattr(gr_check, "_MEMO_MIN_ITEMS", 1)


OPTIONS = (
    Options(),
    Options(Edition.OSS, (2, 5), ".github/workflows/release.yml"),
    Options(Edition.PRO),
)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_memoised_checks_equal_fresh_checks(small_memos: None, data: st.DataObject) -> None:
    text = BASE
    doc = parse_config_file(text.encode(), PATH)
    check_config(PATH, doc.yaml, OPTIONS[0], doc.checks)
    for _ in range(data.draw(st.integers(1, 5))):
        text = random_edit(data, text, PIECES)
        doc = reparse_config_file(text.encode(), PATH, doc)
        options = data.draw(st.sampled_from(OPTIONS))
        fresh = check_config(PATH, parse_yaml(text.encode()), options)
        assert check_config(PATH, doc.yaml, options, doc.checks) == fresh
        # the same document checked again replays from its own memo
        assert check_config(PATH, doc.yaml, options, doc.checks) == fresh


def _config(builds: int) -> str:
    return "version: 2\nbuilds:\n" + "".join(
        f"  - id: b{i}\n    main: ./cmd/b{i}\n    goos: [linux, darwin, windows]\n"
        f"    goarch: [amd64, arm64]\n    ldflags: [-s, -w, '-X main.version={{{{.Version}}}}']\n"
        for i in range(builds)
    )


def test_an_edit_replays_the_untouched_subtrees() -> None:
    text = _config(50)
    doc = parse_config_file(text.encode(), PATH)
    check_config(PATH, doc.yaml, None, doc.checks)
    assert len(doc.checks.current) > 50
    edited = text.replace("main: ./cmd/b49\n", "mian: ./cmd/b49\n")
    new = reparse_config_file(edited.encode(), PATH, doc)
    found = check_config(PATH, new.yaml, None, new.checks)
    assert found == check_config(PATH, parse_yaml(edited.encode()), None)
    assert [f.code for f in found] == ["GR101"]
    replayed = [e for e in new.checks.current.values() if doc.checks.current.get(id(e.node)) is e]
    assert len(replayed) >= 40


WORKSPACE_BASE = """version: 2
env: [CGO_ENABLED=0]
gomod:
  proxy: true
  mod: mod
builds:
  - main: ./cmd/app
  - id: lib
    main: ./lib
    env: [GOWORK=off]
  - dir: sub
    main: .
  - dir: gone
  - main: ./lib
    no_main_check: true
  - builder: rust
    dir: nope
  - main: ./...
  - dir: other
    main: ./cmd/app
"""

WORKSPACE_PIECES = (
    " ",
    "\n",
    "\n  - ",
    "\n    ",
    "main: ",
    "dir: ",
    "./lib",
    "sub",
    "./cmd/app",
    "gone",
    "builder: go",
    "skip: true",
    "env: [GOWORK=off]",
    "{{ .Env.D }}",
    "&a ",
    "*a",
    "x",
    ":",
    "",
)


@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_workspace_checks_with_the_build_memo_equal_fresh_ones(
    tmp_path: Path, data: st.DataObject
) -> None:
    write_tree(
        tmp_path,
        {
            "go.mod": "module example.com/app\n\ngo 1.22\n\nreplace example.com/x => ../x\n",
            "go.work": "go 1.22\n\nuse ./sub\n",
            "cmd/app/main.go": "package main\n\nfunc main() {}\n",
            "lib/lib.go": "package lib\n",
            "sub/go.mod": "module example.com/sub\n\ngo 1.22\n",
            "sub/main.go": "package main\n\nfunc main() {}\n",
            "other/cmd/app/x.go": "package main\n",
        },
    )
    path = tmp_path / ".goreleaser.yaml"
    source = FileSource()
    text = WORKSPACE_BASE
    doc = parse_config_file(text.encode(), path)
    check_workspace(source, path, doc.yaml, None, doc.builds)
    for _ in range(data.draw(st.integers(1, 5))):
        text = random_edit(data, text, WORKSPACE_PIECES)
        doc = reparse_config_file(text.encode(), path, doc)
        target = data.draw(st.sampled_from((None, Target((2, 5)))))
        fresh = check_workspace(source, path, parse_yaml(text.encode()), target)
        assert check_workspace(source, path, doc.yaml, target, doc.builds) == fresh
        assert check_workspace(source, path, doc.yaml, target, doc.builds) == fresh


def _builds(doc: ConfigDocument) -> tuple[GoBuild, ...]:
    root = doc.yaml.root
    assert isinstance(root, YamlMapping)
    return doc.builds.builds(root).all


def test_an_edit_outside_the_builds_reads_no_build_again(tmp_path: Path) -> None:
    # builds long enough for the YAML re-parse to reuse their nodes (MEMO_MIN_BYTES)
    text = _config(50).replace("    goos:", "    env: [CGO_ENABLED=0]\n    goos:")
    text += "project_name: demo\ndist: dist\n"
    path = tmp_path / ".goreleaser.yaml"
    doc = parse_config_file(text.encode(), path)
    first = _builds(doc)
    assert len(first) == 50
    new = reparse_config_file(text.replace("dist:", "dizt:").encode(), path, doc)
    assert _builds(new) is first
    # an edit inside one build reads that build again, and the builds after it (moved)
    edited = text.replace("main: ./cmd/b40\n", "main: ./cmd/b4\n")
    builds = _builds(reparse_config_file(edited.encode(), path, new))
    assert all(a is b for a, b in zip(builds[:40], first[:40], strict=True))
    assert builds[40].main is not None and builds[40].main.text == "./cmd/b4"
    assert builds[40] is not first[40]

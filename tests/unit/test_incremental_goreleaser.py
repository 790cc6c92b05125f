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
from gowls.analysis.goreleaser.documents import parse_config_file, reparse_config_file
from gowls.syntax.yaml import build as yaml_build
from gowls.syntax.yaml import parse_yaml

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

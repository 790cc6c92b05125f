"""GR119 (template-syntax) agrees with GoReleaser's own template engine: a template it parses
gets no finding; one it cannot parse gets the engine's text/template message (ours may add
which block is unclosed), and a configuration with one still loads."""

from __future__ import annotations

from pathlib import Path

import pytest
from goreleaser_oracle import LOADER, load, templates

from gowls.analysis.goreleaser.templates import syntax_issues
from gowls.analysis.workspace import Workspace
from gowls.languages import LANGUAGES

pytestmark = pytest.mark.skipif(
    not LOADER.is_file(), reason=f"goreleaser-config not found at {LOADER}"
)

BROKEN = (
    "{{ .Version }",  # a lone "}": met before the action's missing end, as Go meets it
    "{{ .A }x",
    "{{ .A | }",
    "{{ ( .A }",
    "{{ $ }",
    "{{ .A -}",
    "{{ .A 'x",
    "{{ .Version",
    "{{ .Tag }} {{",
    "{{ if .IsSnapshot }}x",
    "{{ range .Env }}",
    "{{ end }}",
    "{{ .Version }}{{ else }}",
    "{{ with .Tag }}{{ end }}{{ end }}",
    "{{ if }}x{{ end }}",
    'a {{ "unterminated }}',
    "{{ ( .Version }}",
    "{{ .Version ) }}",
    "{{ $x := 1 }}{{ $y }}",
    "{{ 3x }}",
    "{{ 'ab' }}",
    "{{ /* c */ }}",
    "{{ foo .Version }}",
    "{{ .Version | lowerr }}",
)
PARSED = (
    "{{ .Version }}}}",
    '{{ printf "%s" .Tag }}',
    "{{- .Tag -}}",
    "{{/* c */}}",
    '{{ index .Env "A" }}',
    '{{ time "2006" }}',
    '{{ envOrDefault "A" "b" }}',
    "{{ if .IsSnapshot }}{{ else if .IsNightly }}{{ end }}",
    '{{ define "x" }}{{ end }}',
    "{{ '\\n' }}",
    '{{ .Tag | replace "v" "" | tolower }}',
)


def test_messages_are_the_engines() -> None:
    results = templates([*BROKEN, *PARSED])
    for text, result in zip([*BROKEN, *PARSED], results, strict=True):
        ours = [issue.message for issue in syntax_issues(text)]
        if text in PARSED:
            assert result["ok"] and ours == [], (text, result["error"], ours)
            continue
        assert not result["ok"], text
        theirs = result["error"].split('": ', 1)[1]
        assert ours and ours[0].startswith(theirs), (text, theirs, ours)


def test_a_config_with_a_broken_template_loads_and_gets_the_finding(tmp_path: Path) -> None:
    config = tmp_path / ".goreleaser.yaml"
    config.write_text(
        "version: 2\nbuilds:\n  - ldflags: ['-X main.v={{ .Version']\n"
        "    binary: '{{ lowerr .ProjectName }}'\n"
    )
    assert load([config])["corpus/.goreleaser.yaml"]["ok"], "goreleaser check accepts it"
    workspace = Workspace([tmp_path], languages=LANGUAGES)
    workspace.scan()
    (result,) = [r for r in workspace.check_all() if r.path == config]
    found = [(f.code, f.span.start.line, f.message) for f in result.findings]
    assert [(code, line) for code, line, _ in found] == [("GR119", 2), ("GR119", 3)]
    assert "unclosed action" in found[0][2] and "`builds.ldflags`" in found[0][2]
    assert 'function "lowerr" not defined' in found[1][2] and "`tolower`" in found[1][2]
    (fix,) = result.findings[1].fixes
    assert [edit.new_text for edit in fix.edits] == ["tolower"]

"""Targeted behaviours of the GoReleaser checks that the cases and the corpus do not pin."""

from __future__ import annotations

from pathlib import Path

from gowls.analysis.findings import Finding, Severity
from gowls.analysis.goreleaser.check import Edition, Options, check_config
from gowls.syntax.yaml import parse_yaml

PATH = Path("/repo/.goreleaser.yaml")


def _check(text: str, edition: Edition = Edition.UNKNOWN) -> list[Finding]:
    return check_config(PATH, parse_yaml(text.encode()), Options(edition))


def _codes(found: list[Finding]) -> list[tuple[str, int]]:
    return [(f.code, f.span.start.line) for f in found]


def test_no_rename_fix_when_the_replacement_is_already_set() -> None:
    (found,) = _check("version: 2\narchives:\n  - builds: [a]\n    ids: [b]\n")
    assert found.code == "GR106" and found.fixes == ()


def test_no_move_fix_when_two_images_carry_a_retry() -> None:
    text = (
        "version: 2\ndockers_v2:\n  - images: [a]\n    retry:\n      attempts: 2\n"
        "  - images: [b]\n    retry:\n      attempts: 3\n"
    )
    found = _check(text)
    assert _codes(found) == [("GR106", 3), ("GR106", 6)]
    assert all(f.fixes == () for f in found)


def test_pro_keys_by_edition() -> None:
    text = "version: 2\nnightly:\n  version_template: x\n"
    assert [f.severity for f in _check(text, Edition.OSS)] == [Severity.ERROR]
    assert [f.severity for f in _check(text)] == [Severity.WARNING]
    assert _check(text, Edition.PRO) == []


def test_templated_and_empty_enum_values_are_not_judged() -> None:
    text = 'version: 2\nbuilds:\n  - goos: ["{{ .Env.GOOS }}", ""]\n    goarch: [amd64]\n'
    assert _check(text) == []


def test_a_problem_inside_an_anchor_is_reported_once() -> None:
    text = "version: 2\nbuilds:\n  - &base\n    id: a\n    binry: x\n  - <<: *base\n    id: b\n"
    assert _codes(_check(text)) == [("GR101", 4)]


def test_scalar_fits_as_go_yaml_decodes() -> None:
    text = (
        "version: 2\nreport_sizes: yes\nrelease:\n  draft: 'on'\n  prerelease: auto\n"
        "retry:\n  attempts: 3\n  delay: 10s\nchangelog:\n  abbrev: -1\n"
    )
    assert _check(text) == []
    assert _codes(_check("version: 2\nrelease:\n  draft: 'true'\n")) == [("GR102", 2)]


def test_every_message_says_how_to_fix() -> None:
    text = (
        "version: 2\nbulds: []\nbuilds:\n  - goos: linux\n    mod: x\narchives:\n"
        "  - format: zip\n    formats: [rar]\nchangelog:\n  skip: true\n"
    )
    for f in _check(text):
        assert any(w in f.message for w in ("Use", "Remove", "Write", "Did you mean", "Set")), (
            f.message
        )


def test_no_deprecation_fix_the_pinned_version_cannot_load() -> None:
    text = "version: 2\narchives:\n  - format: zip\n"
    doc = parse_yaml(text.encode())
    (old,) = check_config(PATH, doc, Options(target=(2, 5, 0)))
    assert old.fixes == () and "predates `formats` (v2.6)" in old.message
    (new,) = check_config(PATH, doc, Options(target=(2, 6)))
    assert new.fixes and "predates" not in new.message


def _spans(found: list[Finding], text: str) -> list[str]:
    """The source text each finding covers (one-line spans)."""
    lines = text.encode().split(b"\n")
    return [
        lines[f.span.start.line][f.span.start.column : f.span.end.column].decode()
        for f in found
        if f.span.start.line == f.span.end.line
    ]


def test_template_fields_point_at_their_source_bytes_through_escapes() -> None:
    text = (
        'version: 2\nbuilds:\n  - binary: "\\u00e9{{ .Nme }}\\t{{ $.Vrsion }}"\n'
        "archives:\n  - name_template: >-\n      é_{{ .ProjectName }}\n      {{ .Oss }}\n"
    )
    found = [f for f in _check(text) if f.code == "GR109"]
    assert _spans(found, text) == [".Nme", ".Vrsion", ".Oss"]
    assert [f.span.start.line for f in found] == [2, 2, 6]


def test_template_fields_where_dot_is_not_the_root_are_not_judged() -> None:
    text = (
        "version: 2\narchives:\n  - name_template: "
        "'{{ with .Env.X }}{{ .Whatever }}{{ $.Nope }}{{ end }}"
        "{{ range $i, $v := list 1 }}{{ .Foo }}{{ end }}{{ (.Env).Bar }}'\n"
    )
    found = [f for f in _check(text) if f.code == "GR109"]
    assert [f.message.split("`")[1] for f in found] == [".Nope"]

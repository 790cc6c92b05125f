"""Semantic versions (golang.org/x/mod/semver) and Go versions (go/version)."""

from __future__ import annotations

import pytest

from gowls.syntax.versions import (
    GO_VERSION_RE,
    TOOLCHAIN_RE,
    GoVersion,
    canonical_version,
    compare_go,
    compare_semver,
    is_pseudo_version,
    major,
    parse_semver,
)


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("v1.2.3", "v1.2.3"),
        ("v1.2", "v1.2.0"),
        ("v1", "v1.0.0"),
        ("v0.0.0", "v0.0.0"),
        ("v1.2.3-pre", "v1.2.3-pre"),
        ("v1.2.3-pre.1+build.5", "v1.2.3-pre.1"),
        ("v1.2.3+meta", "v1.2.3"),
        ("v2.0.0+incompatible", "v2.0.0+incompatible"),
        ("v1.2.3--", "v1.2.3--"),
        ("v0.0.0-20230101000000-abcdefabcdef", "v0.0.0-20230101000000-abcdefabcdef"),
    ],
)
def test_canonical(text: str, canonical: str) -> None:
    assert canonical_version(text) == canonical
    assert parse_semver(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "",
        "1.2.3",
        "v",
        "v1.2.3.4",
        "v01.2.3",
        "v1.02.3",
        "v1.2.03",
        "v1.2-pre",
        "v1-pre",
        "v1.2+meta",
        "v1.2.3-01",
        "v1.2.3-",
        "v1.2.3+",
        "v1.2.3-a..b",
        "V1.2.3",
        " v1.2.3",
        "v1.2.3 ",
    ],
)
def test_invalid_semver(text: str) -> None:
    assert parse_semver(text) is None
    assert canonical_version(text) == ""
    assert major(text) == ""


def test_short_flag_and_major() -> None:
    parsed = parse_semver("v1.2")
    assert parsed is not None and parsed.short
    parsed = parse_semver("v1.2.3")
    assert parsed is not None and not parsed.short
    assert major("v2.3.4") == "v2"
    assert major("v0.1.0") == "v0"


@pytest.mark.parametrize(
    ("a", "b", "want"),
    [
        ("v1.2.3", "v1.2.3", 0),
        ("v1.2", "v1.2.0", 0),
        ("v1.2.3+a", "v1.2.3+b", 0),
        ("v1.2.3", "v1.2.4", -1),
        ("v1.10.0", "v1.9.0", 1),
        ("v2.0.0", "v1.99.99", 1),
        ("v1.0.0-alpha", "v1.0.0", -1),
        ("v1.0.0-alpha", "v1.0.0-alpha.1", -1),
        ("v1.0.0-alpha.1", "v1.0.0-alpha.beta", -1),
        ("v1.0.0-alpha.beta", "v1.0.0-beta", -1),
        ("v1.0.0-beta.2", "v1.0.0-beta.11", -1),
        ("v1.0.0-beta.11", "v1.0.0-rc.1", -1),
        ("v1.0.0-rc.1", "v1.0.0", -1),
        ("bad", "v0.0.0", -1),
        ("v0.0.0", "bad", 1),
        ("bad", "worse", 0),
    ],
)
def test_compare_semver(a: str, b: str, want: int) -> None:
    assert compare_semver(a, b) == want
    assert compare_semver(b, a) == -want


def test_pseudo_versions() -> None:
    assert is_pseudo_version("v0.0.0-20230101000000-abcdefabcdef")
    assert is_pseudo_version("v1.2.4-0.20230101000000-abcdefabcdef")
    assert is_pseudo_version("v1.2.4-pre.0.20230101000000-abcdefabcdef")
    assert not is_pseudo_version("v1.2.3")
    assert not is_pseudo_version("v1.2.3-pre")
    assert not is_pseudo_version("v0.0.0-2023-abc")


@pytest.mark.parametrize("text", ["1.21", "1.21.0", "1.21.3", "1.21rc1", "1.9", "1.0", "2.0"])
def test_go_version_format_accepts(text: str) -> None:
    assert GO_VERSION_RE.match(text)
    assert GoVersion.parse(text) is not None


@pytest.mark.parametrize(
    "text", ["1", "1.2.3.4", "01.2", "1.02", "1.21.x", "v1.21", "1.21-rc1", ""]
)
def test_go_version_format_rejects(text: str) -> None:
    assert not GO_VERSION_RE.match(text)
    assert GoVersion.parse(text) is None


def test_go_version_prefix_and_language() -> None:
    parsed = GoVersion.parse("go1.22.5")
    assert parsed is not None
    assert parsed.language() == "1.22"
    assert GoVersion.parse("go1.22") == GoVersion.parse("1.22")


@pytest.mark.parametrize(
    ("a", "b", "want"),
    [
        ("1.21", "1.21rc1", -1),
        ("1.21rc1", "1.21.0", -1),
        ("1.21", "1.21.0", -1),
        ("1.21.0", "1.21.1", -1),
        ("1.21beta1", "1.21rc1", -1),
        ("1.21rc1", "1.21rc2", -1),
        ("1.21rc2", "1.21rc10", -1),
        ("1.9", "1.10", -1),
        ("1.21.10", "1.21.9", 1),
        ("1.22", "1.21.99", 1),
        ("1.21.3", "1.21.3", 0),
        ("go1.21.3", "1.21.3", 0),
        ("bad", "1.0", -1),
        ("bad", "worse", 0),
    ],
)
def test_compare_go(a: str, b: str, want: int) -> None:
    assert compare_go(a, b) == want
    assert compare_go(b, a) == -want


def test_go_versions_sort() -> None:
    versions = ["1.21.1", "1.21", "1.21.0", "1.20.14", "1.21rc2", "1.21rc1", "1.22rc1"]
    ordered = sorted(versions, key=lambda v: GoVersion.parse(v))  # type: ignore[arg-type,return-value]
    assert ordered == ["1.20.14", "1.21", "1.21rc1", "1.21rc2", "1.21.0", "1.21.1", "1.22rc1"]


@pytest.mark.parametrize(
    "text", ["default", "go1.21", "go1.21.0", "go1.21rc1", "go1", "go1.21-custom"]
)
def test_toolchain_accepts(text: str) -> None:
    assert TOOLCHAIN_RE.match(text)


@pytest.mark.parametrize("text", ["1.21", "go2.0", "Default", "golang1.21", "go1x"])
def test_toolchain_rejects(text: str) -> None:
    assert not TOOLCHAIN_RE.match(text)

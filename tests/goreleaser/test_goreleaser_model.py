"""The GoReleaser model's own consistency: lookups, deprecations, removals, enums."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gowls.analysis.goreleaser.deprecations import (
    DEPRECATIONS,
    REMOVALS,
    RewriteKind,
    deprecation_at,
    removal_at,
)
from gowls.analysis.goreleaser.enums import GOARM, GOARM64, GOOS
from gowls.analysis.goreleaser.model import ListOf, Obj, OneOf
from gowls.analysis.goreleaser.query import (
    children,
    closest_key,
    edit_distance,
    iter_objects,
    iter_paths,
    lookup,
    lookup_field,
    needs_pro,
    object_named,
)
from gowls.analysis.goreleaser.spec import PROJECT


def _parts(path: tuple[str, ...]) -> tuple[str | int, ...]:
    return tuple(0 if p == "[]" else p for p in path)


def test_lookup_walks_keys_and_indices() -> None:
    goos = lookup(("builds", 3, "goos"))
    assert isinstance(goos, ListOf) and goos.item is GOOS
    assert lookup(("builds", "goos")) is None
    assert lookup(("builds", 0, "nope")) is None
    assert lookup_field(("archives", 0, "formats")) is not None
    field = lookup_field(("snapshot", "version_template"))
    assert field is not None and field.templated and field.docs.endswith("/publish/snapshots/")


def test_children_of_an_object_and_of_a_union() -> None:
    keys = {f.key for f in children(PROJECT)}
    assert {"version", "builds", "archives", "homebrew_casks", "nightly"} <= keys
    hook = lookup(("builds", 0, "hooks", "post", 0))
    assert isinstance(hook, OneOf)
    assert {f.key for f in children(hook)} == {"dir", "cmd", "env", "output", "if"}


def test_every_object_is_reachable_once_and_named_after_its_go_type() -> None:
    names = [o.name for o in iter_objects()]
    assert len(names) == len(set(names)) > 150
    build = object_named("Build")
    assert isinstance(build, Obj) and build.get("binary") is not None


def test_every_field_has_a_description_and_a_docs_link() -> None:
    for path, field in iter_paths():
        assert field.description.endswith("."), path
        assert " setting of the " not in field.description, path
        assert field.docs.startswith("https://goreleaser.com/customization/"), path
        assert field.since is None or re.fullmatch(r"2\.\d+(\.\d+)?", field.since), path


@pytest.mark.parametrize(
    ("typo", "keys", "expected"),
    [
        ("binry", ("binary", "main", "dir"), "binary"),
        ("bulds", ("builds", "archives"), "builds"),
        ("disableSSL", ("disable_ssl", "disable"), "disable_ssl"),
        ("Project_Name", ("project_name", "env"), "project_name"),
        ("xyz", ("builds", "archives"), None),
        ("nfpm", ("nfpms", "snapcrafts"), "nfpms"),
    ],
)
def test_closest_key(typo: str, keys: tuple[str, ...], expected: str | None) -> None:
    assert closest_key(typo, keys) == expected


def test_edit_distance_counts_swaps_as_one() -> None:
    assert edit_distance("goso", "goos") == 1
    assert edit_distance("", "abc") == 3
    assert edit_distance("kitten", "sitting") == 3


def test_deprecated_keys_and_their_replacements_exist_in_the_model() -> None:
    for d in DEPRECATIONS:
        assert lookup(_parts(d.path)) is not None, d.dotted
        if d.kind in (RewriteKind.RENAME, RewriteKind.RENAME_TO_LIST):
            assert lookup((*_parts(d.path)[:-1], d.new_key)) is not None, d.new_key
        if d.kind is RewriteKind.MOVE_TO_ROOT:
            assert lookup((d.new_key,)) is not None
        if d.kind is RewriteKind.RENAME_TO_LIST:
            new = lookup((*_parts(d.path)[:-1], d.new_key))
            assert isinstance(new, ListOf) or (
                isinstance(new, OneOf) and any(isinstance(o, ListOf) for o in new.options)
            ), d.dotted
        assert d.url.startswith("https://goreleaser.com/resources/deprecations/#")
        assert deprecation_at(_parts(d.path)) is d or d.path == ("docker_manifests",)


def test_removed_keys_are_gone_and_their_replacements_exist() -> None:
    for r in REMOVALS:
        assert lookup(_parts(r.path)) is None, r.dotted
        assert removal_at(_parts(r.path)) is r
        if r.new_key:
            assert lookup((*_parts(r.path)[:-1], r.new_key)) is not None, r.new_key


def test_pro_only_keys_and_shapes() -> None:
    assert needs_pro(("nightly",)) and needs_pro(("builds", 0, "prebuilt"))
    assert needs_pro(("before", "hooks", 0, "cmd"))  # OSS takes plain strings only
    assert not needs_pro(("builds", 0, "hooks", "pre", 0, "cmd"))
    assert needs_pro(("builds", 0, "hooks", "pre", 0, "if"))
    assert not needs_pro(("archives", 0, "formats"))
    extra = lookup(("release", "extra_files", 0))
    assert isinstance(extra, OneOf) and len(extra.accepted(pro=False)) == 1


def test_go_target_enums() -> None:
    assert GOOS.allows("linux") and not GOOS.allows("linuxx")
    assert GOARM.allows("7,hardfloat") and not GOARM.allows("5,hardfloat")
    assert GOARM64.allows("v8.2,lse,crypto") and not GOARM64.allows("v10.0")


def _closest_by_every_distance(name: str, candidates: tuple[str, ...]) -> str | None:
    """``closest_key`` without its pruning: every candidate's distance is computed."""
    folded = name.replace("_", "").replace("-", "").lower()
    best: tuple[int, str] | None = None
    for candidate in candidates:
        if candidate.replace("_", "").lower() == folded:
            return candidate
        distance = edit_distance(name.lower(), candidate)
        if best is None or distance < best[0]:
            best = (distance, candidate)
    if best is None:
        return None
    return best[1] if best[0] <= max(1, len(name) // 3) else None


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet="abcd_-İ", max_size=9),
    st.lists(st.text(alphabet="abcd_", min_size=1, max_size=9), max_size=12),
)
def test_closest_key_prunes_only_what_cannot_win(name: str, candidates: list[str]) -> None:
    keys = tuple(candidates)
    assert closest_key(name, keys) == _closest_by_every_distance(name, keys)

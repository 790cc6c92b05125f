"""Helm's view of values files: YAML 1.1 data from the YAML layer, merging, spans."""

from __future__ import annotations

import copy
import math
from pathlib import Path

import pytest
from chart_sets import CORPUS, TEST_CHARTS
from yamlload import load_yaml

from gowls.analysis.helm.values import (
    Dependency,
    DiskReader,
    coalesce_chart,
    coalesce_tables,
    enabled,
    helm_data,
    load_chart,
    validate_chart,
)
from gowls.analysis.helm.yamlvalues import resolve_yaml11, values_document
from gowls.syntax.positions import Span
from gowls.syntax.yaml import parse_yaml


def _same(a: object, b: object) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b


def _values_files() -> list[Path]:
    roots = [TEST_CHARTS, CORPUS] if CORPUS.is_dir() else [TEST_CHARTS]
    found = []
    for root in roots:
        for path in sorted(root.rglob("*.yaml")):
            if "templates" in path.parts:
                continue
            if path.name.startswith("values") or path.parent.name == "ci":
                found.append(path)
    return found


def test_yaml_layer_reads_values_like_yaml11_reader() -> None:
    """On every corpus and test values file, the YAML layer gives the data a YAML 1.1 reader
    (PyYAML, as go-yaml v2 reads it) gives."""
    files = _values_files()
    assert len(files) > 200 or not CORPUS.is_dir()
    differ = [
        str(f)
        for f in files
        # PyYAML reads y/n as strings, go-yaml v2 as booleans; that chart tests exactly this.
        if f.parent.name != "yaml11-scalars"
        and not _same(values_document(parse_yaml(f.read_bytes())).data, helm_data(load_yaml(f)))
    ]
    assert differ == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("yes", True),
        ("Off", False),
        ("n", False),
        ("Y", True),
        ("~", None),
        ("0777", 511),
        ("0x50", 80),
        ("1_000", 1000),
        ("1.10", 1.1),
        ("2020-01-01", "2020-01-01"),
        ("1.2.3", "1.2.3"),
        ("9223372036854775808", 9.223372036854776e18),
    ],
)
def test_resolve_yaml11(text: str, value: object) -> None:
    """Plain scalars resolve as go-yaml v2 resolves them."""
    assert _same(resolve_yaml11(text), value)


def test_sites_and_duplicates() -> None:
    """Keys and values have spans; a duplicate key keeps the last value and is recorded."""
    doc = values_document(parse_yaml(b"a: 1\nimage:\n  tag: x\n  list: [1, 2]\na: two\n"))
    assert doc.data == {"a": "two", "image": {"tag": "x", "list": [1, 2]}}
    assert doc.sites[("image", "tag")].key == Span.of(2, 2, 2, 5)
    assert doc.sites[("image", "tag")].value == Span.of(2, 7, 2, 8)
    assert doc.sites[("image", "list", 1)].value == Span.of(3, 12, 3, 13)
    assert [(d.path, d.first, d.again) for d in doc.duplicates] == [
        (("a",), Span.of(0, 0, 0, 1), Span.of(4, 0, 4, 1))
    ]
    assert doc.span(("image", "missing", "deeper")) == Span.of(1, 0, 1, 5)


def test_merge_keys_and_non_string_keys() -> None:
    """``<<`` merges apply (explicit keys win); boolean and number keys become strings."""
    text = b"base: &b {a: 1, b: 2}\nuse:\n  <<: *b\n  b: 3\non: 1\n5: f\ny: 2\n"
    doc = values_document(parse_yaml(text))
    # go-yaml v2 (unlike PyYAML) reads y/n as booleans too: Helm 4 reports '/true' for "y: 2".
    assert doc.data == {"base": {"a": 1, "b": 2}, "use": {"b": 3, "a": 1}, "true": 2, "5": "f"}
    # "on" and "y" both name the key "true": a duplicate, the last value wins.
    assert [(d.path, d.again) for d in doc.duplicates] == [(("true",), Span.of(6, 0, 6, 1))]


def test_coalesce_tables_null_deletes() -> None:
    """A null in the winning table deletes the key; missing keys are filled in."""
    dst = {"image": {"tag": None}, "keep": 1}
    src = {"image": {"tag": "1", "repo": "x"}, "other": 2}
    assert coalesce_tables(dst, src) == {"image": {"repo": "x"}, "keep": 1, "other": 2}


def test_dependency_conditions_and_tags() -> None:
    """``condition`` takes the first path that is a boolean; otherwise any true tag enables."""
    dep = Dependency("db", condition="db.enabled,global.db.enabled", tags=("backend",))
    assert not enabled(dep, {"db": {"enabled": False}})
    assert not enabled(dep, {"global": {"db": {"enabled": False}}, "tags": {"backend": True}})
    assert enabled(dep, {"db": {"enabled": "no"}, "tags": {"backend": True}})
    assert not enabled(dep, {"tags": {"backend": False}})
    assert enabled(Dependency("x"), {})


class _KeptReader(DiskReader):
    """A reader that keeps each file's Helm data, as the snapshot reader does per document."""

    def __init__(self) -> None:
        super().__init__(load_yaml)
        self.kept: dict[Path, object] = {}

    def load(self, path: Path) -> object:
        if path not in self.kept:
            self.kept[path] = super().load(path)
        return self.kept[path]


def test_coalescing_never_modifies_the_kept_helm_data(tmp_path: Path) -> None:
    """The coalesced values share subtrees with each file's kept data: globals pushed into a
    subchart, nulls deleted and tables merged must leave that data as it was."""
    files = {
        "Chart.yaml": "apiVersion: v2\nname: top\nversion: 0.1.0\n",
        "values.yaml": (
            "global:\n  image: {registry: r.io}\n  tag: '1'\n"
            "sub:\n  port: 80\n  global:\n    image: {pull: Always}\n  drop: null\n"
            "other: {a: 1}\n"
        ),
        "charts/sub/Chart.yaml": "apiVersion: v2\nname: sub\nversion: 0.1.0\n",
        "charts/sub/values.yaml": "port: 1\ndrop: 2\nglobal:\n  image: {registry: d.io}\n",
    }
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    reader = _KeptReader()
    chart = load_chart(tmp_path, reader)
    for rel in ("values.yaml", "charts/sub/values.yaml"):
        reader.load(tmp_path / rel)
    before = copy.deepcopy(reader.kept)
    first = coalesce_chart(chart, {}, reader)
    again = coalesce_chart(chart, {"sub": {"port": None}}, reader)
    validate_chart(chart, reader)
    assert reader.kept == before
    assert coalesce_chart(chart, {}, reader) == first
    fresh = DiskReader(load_yaml)
    assert coalesce_chart(load_chart(tmp_path, fresh), {"sub": {"port": None}}, fresh) == again
    assert first["sub"]["global"] == {"image": {"registry": "r.io", "pull": "Always"}, "tag": "1"}

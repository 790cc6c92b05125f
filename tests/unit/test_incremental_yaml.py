"""Incremental YAML re-parsing: random edit sequences give what a fresh parse gives (nodes,
spans, pieces, problems, comments), and an edit reuses the nodes it did not touch."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from unit_helpers import random_edit

from gowls.syntax.yaml import (
    YamlDocument,
    YamlMapping,
    YamlNode,
    YamlScalar,
    YamlSequence,
    parse_yaml,
    reparse_yaml,
)
from gowls.syntax.yaml import build as yaml_build

BASE = """# top comment
version: 2
project_name: demo
defaults: &defaults
  env: [CGO_ENABLED=0]
builds:
  - id: one
    <<: *defaults
    main: ./cmd/one
    goos: [linux, darwin]
    ldflags:
      - -s -w -X main.version={{ .Version }}
  - id: two
    main: "./cmd/two\\tx"
    binary: 'it''s'
    hooks: {pre: echo hi, post: [a, b]}
description: |
  A literal
  block.
folded: >-
  folded
  text
key: value
key: duplicate
list:
- a
- b: c
  d: e
---
second: document
"""

PIECES = (
    " ",
    "  ",
    "\n",
    "\n  ",
    ":",
    ": ",
    "- ",
    "#",
    "x",
    "key",
    "'",
    '"',
    "\\",
    "[",
    "]",
    "{",
    "}",
    ",",
    "&a ",
    "*a",
    "|",
    ">",
    "\t",
    "---\n",
    "",
)


def _walk(node: YamlNode | None) -> Iterator[YamlNode]:
    stack = [node]
    while stack:
        current = stack.pop()
        if current is None:
            continue
        yield current
        if isinstance(current, YamlMapping):
            for pair in current.pairs:
                stack.extend((pair.key, pair.value))
        elif isinstance(current, YamlSequence):
            stack.extend(current.items)


def _same(a: YamlDocument, b: YamlDocument) -> None:
    assert a.index.data == b.index.data
    assert a.documents == b.documents
    assert a.document_spans == b.document_spans
    assert a.problems == b.problems
    assert a.comments == b.comments
    pieces_a = [n.pieces for root in a.documents for n in _walk(root) if isinstance(n, YamlScalar)]
    pieces_b = [n.pieces for root in b.documents for n in _walk(root) if isinstance(n, YamlScalar)]
    assert pieces_a == pieces_b


@pytest.fixture
def small_memo(monkeypatch: pytest.MonkeyPatch) -> None:
    """Remember every node, however small, so that short texts exercise reuse too."""
    monkeypatch.setattr(yaml_build, "MEMO_MIN_BYTES", 1)


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_edits_equal_fresh_parse(small_memo: None, data: st.DataObject) -> None:
    text = BASE
    doc = parse_yaml(text.encode())
    for _ in range(data.draw(st.integers(1, 6))):
        text = random_edit(data, text, PIECES)
        doc = reparse_yaml(doc, text.encode())
        _same(doc, parse_yaml(text.encode()))


def _values(components: int) -> str:
    return "".join(
        f"component{i}:\n  enabled: true\n  image:\n    repository: example.com/c{i}\n"
        f'    tag: "v1"\n  resources:\n    limits: {{cpu: 100m, memory: 128Mi}}\n'
        "  nodeSelector: {}\n  tolerations: []\n"
        for i in range(components)
    )


@pytest.mark.parametrize(
    ("edited", "after_reused"),
    [("example.com/c2x\n", True), ("example.com/c20x\n", False)],
    ids=["same length", "longer"],
)
def test_edit_reuses_untouched_nodes(edited: str, after_reused: bool) -> None:
    """Nodes before the edit are reused; after it only when no byte moved (scalars hold byte
    offsets into the text)."""
    old = parse_yaml(_values(40).encode())
    text = _values(40).replace("example.com/c20\n", edited)
    new = reparse_yaml(old, text.encode())
    _same(new, parse_yaml(text.encode()))
    assert isinstance(old.root, YamlMapping) and isinstance(new.root, YamlMapping)
    assert new.root.pairs[5].value is old.root.pairs[5].value
    assert (new.root.pairs[39].value is old.root.pairs[39].value) is after_reused
    assert new.root.pairs[20].value is not old.root.pairs[20].value


def test_a_line_inserted_above_rebuilds_what_moved() -> None:
    old = parse_yaml(_values(10).encode())
    text = "first: 1\n" + _values(10)
    new = reparse_yaml(old, text.encode())
    _same(new, parse_yaml(text.encode()))


def test_anchors_are_never_reused_stale() -> None:
    base = "a: &x\n  long: " + "y" * 200 + "\nb: *x\nc:\n  d: " + "z" * 200 + "\n"
    old = parse_yaml(base.encode())
    text = base.replace("&x", "&w")
    new = reparse_yaml(old, text.encode())
    _same(new, parse_yaml(text.encode()))
    assert any("unknown anchor" in p.message for p in new.problems)


def test_after_a_too_deep_text_the_next_parse_starts_afresh() -> None:
    deep = "".join("  " * i + f"k{i}:\n" for i in range(260)) + "  " * 260 + "x: 1\n"
    old = parse_yaml(deep.encode())
    assert old.memo is None  # its tree is of the text with the deep lines blanked
    text = "a: 1\n"
    _same(reparse_yaml(old, text.encode()), parse_yaml(text.encode()))
    fixed = deep.replace("  " * 200, " ")
    _same(reparse_yaml(old, fixed.encode()), parse_yaml(fixed.encode()))


def test_a_reused_subtree_is_kept_whole_and_opened_when_an_edit_reaches_inside() -> None:
    item = (
        "  - name: item{n}\n    image: example.com/image{n}:v1\n    args: [--a, --b, --c]\n"
        "    env: {{A: one, B: two, C: three, D: four}}\n    command: [/bin/run, --flag]\n"
    )
    items = "".join(item.format(n=f"{n:03d}") for n in range(60))
    text = f"items:\n{items}spacer: true\nlast: 1\n"
    first = parse_yaml(text.encode())
    second_text = text.replace("last: 1", "last: 2")
    second = reparse_yaml(first, second_text.encode())
    _same(second, parse_yaml(second_text.encode()))
    # the items list was reused: its memo is kept whole, not one entry per item
    assert second.memo is not None and first.memo is not None
    assert len(second.memo) < 10 < len(first.memo)
    third_text = second_text.replace("image010:v1", "image010:v2")
    third = reparse_yaml(second, third_text.encode())
    _same(third, parse_yaml(third_text.encode()))
    old, new = first.root, third.root
    assert isinstance(old, YamlMapping) and isinstance(new, YamlMapping)
    old_items, new_items = old.pairs[0].value, new.pairs[0].value
    assert isinstance(old_items, YamlSequence) and isinstance(new_items, YamlSequence)
    reused = [a is b for a, b in zip(old_items.items, new_items.items, strict=True)]
    assert reused == [n != 10 for n in range(60)]

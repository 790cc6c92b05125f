"""Helm values conversion memo: after random edit sequences, the values of a re-parsed file
(converted from its previous values) equal those of a fresh parse: data, sites, duplicates."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from unit_helpers import random_edit

from gowls.analysis.helm import yamlvalues
from gowls.analysis.helm.documents import parse_values_file, reparse_values_file
from gowls.analysis.helm.yamlvalues import values_document
from gowls.syntax.yaml import build as yaml_build
from gowls.syntax.yaml import parse_yaml

PATH = Path("/w/chart/values.yaml")

BASE = """replicaCount: 1
image:
  repository: nginx
  tag: "1.25"
  pullPolicy: IfNotPresent
base: &base
  cpu: 100m
  memory: 128Mi
resources:
  limits:
    <<: *base
    cpu: 200m
  requests: {cpu: 50m, memory: 64Mi}
flags: [yes, no, on, 0777, 1_000, ~]
list:
  - name: a
    value: 1
  - name: b
    value: [x, y]
dup:
  k: 1
  k: [2, 3]
ingress:
  enabled: false
  hosts:
    - host: example.com
      paths: [/]
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
    "k",
    "'",
    "[",
    "]",
    "{",
    "}",
    ",",
    "&a ",
    "*a",
    "*base",
    "<<: ",
    "",
)


@pytest.fixture
def small_memos(monkeypatch: pytest.MonkeyPatch) -> None:
    """Remember every node and subtree, however small."""
    monkeypatch.setattr(yaml_build, "MEMO_MIN_BYTES", 1)
    monkeypatch.setattr(yamlvalues, "_MEMO_MIN_NODES", 1)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_memoised_values_equal_fresh_values(small_memos: None, data: st.DataObject) -> None:
    text = BASE
    doc = parse_values_file(text.encode(), PATH)
    for _ in range(data.draw(st.integers(1, 5))):
        text = random_edit(data, text, PIECES)
        doc = reparse_values_file(text.encode(), PATH, doc)
        assert doc.values == values_document(parse_yaml(text.encode()))


def test_an_edit_reuses_the_untouched_subtrees() -> None:
    text = "".join(
        f"c{i}:\n  image:\n    repository: example.com/a/long/enough/path/c{i}\n    tag: v1\n"
        f"  resources:\n    limits: {{cpu: 100m, memory: 128Mi}}\n  list: [a, b, c]\n"
        for i in range(40)
    )
    old = parse_values_file(text.encode(), PATH)
    edited = text[: -len("[a, b, c]\n")] + "[a, b, c, d]\n"
    new = reparse_values_file(edited.encode(), PATH, old)
    assert new.values == values_document(parse_yaml(edited.encode()))
    assert isinstance(old.values.data, dict) and isinstance(new.values.data, dict)
    assert new.values.data["c5"] is old.values.data["c5"]

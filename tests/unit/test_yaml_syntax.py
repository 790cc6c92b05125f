"""The YAML document layer: nodes, ranges, decoding, problems, recovery, lookups."""

from __future__ import annotations

import gc
import math
from pathlib import Path

import pytest

from gowls.syntax.positions import Point, Span
from gowls.syntax.yaml import (
    ScalarStyle,
    YamlAlias,
    YamlDocument,
    YamlMapping,
    YamlNode,
    YamlScalar,
    YamlSequence,
    deref,
    iter_keys,
    merged_pairs,
    parse_yaml,
)

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


def parse(text: str) -> YamlDocument:
    return parse_yaml(text.encode("utf-8"))


def scalar(doc: YamlDocument, *path: str | int) -> YamlScalar:
    node = doc.find(path)
    assert isinstance(node, YamlScalar), node
    return node


def source(doc: YamlDocument, span: Span) -> str:
    data = doc.index.data
    return data[doc.index.offset(span.start) : doc.index.offset(span.end)].decode()


def messages(doc: YamlDocument) -> list[str]:
    return [p.message for p in doc.problems]


def test_mapping_ranges_and_typed_values() -> None:
    doc = parse("name: demo\ncount: 3\nratio: 0.5\non: true\nnothing: ~\nempty:\n")
    assert doc.problems == ()
    root = doc.root
    assert isinstance(root, YamlMapping)
    assert list(root.keys()) == ["name", "count", "ratio", "on", "nothing", "empty"]
    name = root.pairs[0]
    assert name.span == Span.of(0, 0, 0, 10)
    assert name.key is not None and name.key.span == Span.of(0, 0, 0, 4)
    assert name.value is not None and name.value.span == Span.of(0, 6, 0, 10)
    assert doc.to_python(root) == (
        {"name": "demo", "count": 3, "ratio": 0.5, "on": True, "nothing": None, "empty": None},
        True,
    )
    assert root.pairs[5].value is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0x1F", 31),
        ("0o17", 15),
        ("-12", -12),
        ("1e3", 1000.0),
        (".inf", math.inf),
        ("-.Inf", -math.inf),
        ("yes", "yes"),
        ("NULL", None),
        ("FALSE", False),
        ("012", 12),
        ("1_000", "1_000"),
    ],
)
def test_core_schema(text: str, value: object) -> None:
    assert scalar(parse(f"v: {text}\n"), "v").resolve() == value


def test_nan_and_tags_and_quoted_scalars_stay_strings() -> None:
    doc = parse('a: .nan\nb: "1"\nc: !!str 2\nd: !!int "3"\ne: !custom 4\n')
    nan = scalar(doc, "a").resolve()
    assert isinstance(nan, float) and math.isnan(nan)
    assert scalar(doc, "b").resolve() == "1"
    assert scalar(doc, "c").resolve() == "2"
    assert scalar(doc, "c").tag == "!!str"
    assert scalar(doc, "d").resolve() == 3
    assert scalar(doc, "e").resolve() == "4"


def test_scalar_styles_and_decoding() -> None:
    doc = parse(
        "plain: a b\n"
        "multi: one\n  two\n\n  three\n"
        "single: 'it''s'\n"
        'double: "tab\\there \\u00e9 \\x41"\n'
        'folded_quote: "a\n  b\\\n  c"\n'
        "literal: |\n  line 1\n    indented\n\n"
        "folded: >-\n  one\n  two\n\n  para\n"
        "keep: |+\n  k\n\n"
        "strip: |-\n  s\n"
        "indicator: |2\n   x\n"
    )
    assert doc.problems == ()
    expected = {
        "plain": ("a b", ScalarStyle.PLAIN),
        "multi": ("one two\nthree", ScalarStyle.PLAIN),
        "single": ("it's", ScalarStyle.SINGLE),
        "double": ("tab\there é A", ScalarStyle.DOUBLE),
        "folded_quote": ("a bc", ScalarStyle.DOUBLE),
        "literal": ("line 1\n  indented\n", ScalarStyle.LITERAL),
        "folded": ("one two\npara", ScalarStyle.FOLDED),
        "keep": ("k\n\n", ScalarStyle.LITERAL),
        "strip": ("s", ScalarStyle.LITERAL),
        "indicator": (" x\n", ScalarStyle.LITERAL),
    }
    for key, (text, style) in expected.items():
        node = scalar(doc, key)
        assert (node.text, node.style) == (text, style), key


def test_value_offsets_map_back_to_source() -> None:
    text = (
        "plain: x {{ .A }} y\n"
        "single: 'it''s {{ .B }}'\n"
        'double: "{{ .C }}"\n'
        'escaped: "\\t{{ .D }}"\n'
        "block: |\n  first\n  {{ .E }}\n"
        "cjk: 日本 {{ .F }}\n"
    )
    doc = parse(text)
    for key, marker in [
        ("plain", "{{ .A }}"),
        ("single", "{{ .B }}"),
        ("double", "{{ .C }}"),
        ("escaped", "{{ .D }}"),
        ("block", "{{ .E }}"),
        ("cjk", "{{ .F }}"),
    ]:
        node = scalar(doc, key)
        value = node.text.encode()
        start = value.index(marker.encode())
        span = doc.value_span(node, start, start + len(marker))
        assert source(doc, span) == marker, key
    single = scalar(doc, "single")
    # the doubled quote maps onto both source quotes
    quote = single.text.index("'")
    a, b = single.source_range(quote, quote + 1)
    assert doc.index.data[a:b] == b"''"
    assert doc.index.point(scalar(doc, "cjk").source_offset(len("日本".encode()))) == Point(7, 11)


def test_cjk_and_emoji_columns_are_bytes() -> None:
    doc = parse("名前: 😀 ok\n")
    pair = doc.root.pairs[0] if isinstance(doc.root, YamlMapping) else None
    assert pair is not None and pair.key is not None and pair.value is not None
    assert pair.key.span == Span.of(0, 0, 0, 6)
    assert pair.value.span == Span.of(0, 8, 0, 15)
    assert scalar(doc, "名前").text == "😀 ok"


def test_sequences_flow_collections_and_empty_entries() -> None:
    doc = parse("list:\n  - a\n  -\n  - k: v\nflow: [1, {x: y}, z: w]\nmap: {a, b: 2}\n")
    assert doc.problems == ()
    items = doc.find(["list"])
    assert isinstance(items, YamlSequence) and not items.flow
    empty = items.items[1]
    assert isinstance(empty, YamlScalar) and empty.text == "" and empty.resolve() is None
    assert empty.span == Span.of(2, 3, 2, 3)
    assert doc.to_python(doc.root)[0] == {
        "list": ["a", None, {"k": "v"}],
        "flow": [1, {"x": "y"}, {"z": "w"}],
        "map": {"a": None, "b": 2},
    }
    flow = doc.find(["flow"])
    assert isinstance(flow, YamlSequence) and flow.flow
    assert doc.find_span(["flow", 1, "x"]) == Span.of(4, 14, 4, 15)


def test_multi_document_stream() -> None:
    doc = parse("a: 1\n---\nb: 2\n--- # c\n...\n---\n- x\n")
    assert doc.problems == ()
    assert len(doc.documents) == 4
    assert doc.to_python(doc.documents[1])[0] == {"b": 2}
    assert doc.documents[2] is None
    assert doc.find([0], document=3) is not None
    assert doc.node_at(Point(2, 3)) is not None
    found = doc.node_at(Point(6, 2))
    assert found is not None and found.document == 3 and found.path == (0,)


def test_comments_come_from_the_tree() -> None:
    doc = parse('# head\nurl: "http://x/#frag" # tail\nplain: a#b\nlit: |\n  # not a comment\n')
    assert [c.text for c in doc.comments] == [" head", " tail"]
    assert doc.comments[1].span == Span.of(1, 22, 1, 28)
    assert scalar(doc, "plain").text == "a#b"
    assert scalar(doc, "lit").text == "# not a comment\n"


def test_duplicate_keys() -> None:
    doc = parse("a: 1\nb:\n  x: 1\n  x: 2\na: 3\n'1': q\n1: r\n")
    assert messages(doc) == [
        'duplicate key "x" (first at line 3)',
        'duplicate key "a" (first at line 1)',
    ]
    assert doc.problems[0].span == Span.of(3, 2, 3, 3)


def test_node_at_paths() -> None:
    doc = parse("builds:\n  - id: x\n    env:\n      - A=1\n    goos:\n")
    at = doc.node_at(Point(3, 9))
    assert at is not None
    assert at.path == ("builds", 0, "env", 0)
    assert isinstance(at.node, YamlScalar) and at.node.text == "A=1"
    key = doc.node_at(Point(2, 5))
    assert key is not None and key.in_key and key.path == ("builds", 0, "env")
    assert key.pair is not None and key.pair.key_text == "env"
    after = doc.node_at(Point(4, 10))
    assert after is not None and after.path == ("builds", 0, "goos") and after.node is None
    assert after.pair is not None and after.pair.key_text == "goos"
    assert doc.find_span(["builds", 0, "goos"]) == Span.of(4, 4, 4, 9)
    assert doc.find(["builds", 1]) is None
    assert doc.find(["builds", "id"]) is None


def test_aliases_anchors_and_merges() -> None:
    doc = parse(
        "base: &base {a: 1, b: 2}\n"
        "more: &more {c: 3}\n"
        "one:\n  <<: *base\n  b: 9\n"
        "two:\n  <<: [*more, *base]\n"
        "ref: *base\n"
        "bad: *missing\n"
    )
    assert messages(doc) == ['unknown anchor "missing" referenced']
    raw = doc.find(["ref"])
    assert isinstance(raw, YamlAlias) and raw.name == "base"
    assert raw.span == Span.of(7, 5, 7, 10)
    ref = deref(raw)
    assert isinstance(ref, YamlMapping) and ref.anchor == "base" and ref is doc.find(["base"])
    assert scalar(doc, "ref", "a").resolve() == 1
    one = doc.find(["one"])
    assert isinstance(one, YamlMapping)
    assert [k for k, _ in iter_keys(one)] == ["b", "a"]
    assert [p.key_text for p in merged_pairs(one)] == ["b", "a"]
    assert scalar(doc, "one", "b").text == "9"
    assert doc.find_span(["one", "a"]) == Span.of(0, 16, 0, 17)
    assert doc.to_python(doc.find(["two"]))[0] == {"c": 3, "a": 1, "b": 2}


def test_recursive_anchor_is_reported_not_followed() -> None:
    doc = parse("a: &x [1, *x]\n")
    assert messages(doc) == ['anchor "x" value contains itself']
    assert doc.to_python(doc.root) == ({"a": [1, None]}, True)


def test_alias_bomb_is_bounded() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 10):
        prev, name = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]")
    doc = parse("\n".join(lines) + "\n")
    assert doc.problems == ()
    _, complete = doc.to_python(doc.root, limit=10_000)
    assert not complete
    value, complete = doc.to_python(doc.find(["b"]))
    assert complete and isinstance(value, list) and len(value) == 9


def test_unclosed_quote_keeps_the_siblings() -> None:
    doc = parse('a: "unclosed\nb: 2\n')
    assert messages(doc) == ["YAML syntax error: unclosed double-quoted string"]
    assert doc.problems[0].span.start == Point(0, 3)
    assert scalar(doc, "b").resolve() == 2


def test_bad_indentation_keeps_the_rest_of_the_file() -> None:
    doc = parse("a:\n  b: 1\n c: 2\nd: 3\n")
    assert messages(doc) == ['YAML syntax error: unexpected "c: 2" (wrong indentation?)']
    assert doc.problems[0].span == Span.of(2, 1, 2, 5)
    assert scalar(doc, "a", "b").resolve() == 1
    assert scalar(doc, "d").resolve() == 3


def test_unclosed_flow_sequence_at_end_of_file() -> None:
    doc = parse("x: 1\nkey: [1, 2")
    assert messages(doc) == ['YAML syntax error: unclosed "["']
    assert doc.problems[0].span == Span.of(1, 5, 1, 6)
    assert doc.to_python(doc.root)[0] == {"x": 1, "key": [1, 2]}
    at = doc.node_at(Point(1, 10))
    assert at is not None and at.path == ("key", 1)


def test_unclosed_flow_mapping_after_block_content() -> None:
    doc = parse("a: 1\nb:\n  - x\nc: {")
    assert messages(doc) == ['YAML syntax error: unclosed "{"']
    assert doc.to_python(doc.root)[0] == {"a": 1, "b": ["x"], "c": {}}


def test_half_typed_line_at_end_keeps_the_hierarchy() -> None:
    # tree-sitter makes the whole root one error node here; the line is blanked and re-read
    doc = parse("builds:\n  - id: x\n    go\n")
    assert messages(doc) == ['YAML syntax error: unexpected "go"']
    assert doc.problems[0].span == Span.of(2, 4, 2, 6)
    assert doc.to_python(doc.root)[0] == {"builds": [{"id": "x"}]}
    parent = doc.entry_parent(Point(2, 4))
    assert parent is not None and parent.path == ("builds", 0)
    assert isinstance(parent.node, YamlMapping)


def test_unclosed_flow_sequence_in_a_nested_entry() -> None:
    doc = parse("builds:\n  - id: x\n    goos: [linux, \n")
    assert messages(doc) == ['YAML syntax error: unclosed "["']
    assert doc.to_python(doc.root)[0] == {"builds": [{"id": "x", "goos": ["linux"]}]}
    at = doc.node_at(Point(2, 13))
    assert at is not None and at.path == ("builds", 0, "goos", 0)


def test_unclosed_flow_sequence_before_more_entries_is_cut_at_its_line() -> None:
    doc = parse("a: [1, 2\nb: 3\n")
    assert messages(doc) == ['YAML syntax error: unclosed "["']
    assert doc.to_python(doc.root)[0] == {"a": None, "b": 3}


def test_error_after_sound_pieces_points_at_what_follows() -> None:
    doc = parse("a: 1\n  b: 2\n")
    assert messages(doc) == ['YAML syntax error: unexpected ":"']
    assert doc.problems[0].span == Span.of(1, 3, 1, 4)


def test_entry_parent_for_completion_on_blank_lines() -> None:
    doc = parse("builds:\n  - id: x\n    \nrelease:\n  draft:\n    \n")
    assert doc.problems == ()
    inner = doc.entry_parent(Point(2, 4))
    assert inner is not None and inner.path == ("builds", 0)
    outer = doc.entry_parent(Point(2, 2))
    assert outer is not None and outer.path == ("builds",)
    assert isinstance(outer.node, YamlSequence)
    top = doc.entry_parent(Point(2, 0))
    assert top is not None and top.path == ()
    under = doc.entry_parent(Point(5, 4))
    assert under is not None and under.path == ("release", "draft") and under.node is None
    assert under.pair is not None and under.pair.key_text == "draft"
    assert doc.entry_parent(Point(2, 3)) is None


def test_half_typed_key_is_still_a_pair() -> None:
    doc = parse("builds:\n  - id: x\n    goo\nrelease:\n  draft: true\n")
    assert scalar(doc, "release", "draft").resolve() is True
    assert doc.find(["builds", 0, "id"]) is not None


def test_tabs_binary_and_invalid_utf8() -> None:
    tabs = parse("a:\n\tb: 1\nc: 2\n")
    assert messages(tabs) == ["YAML syntax error: tabs are not allowed for indentation"]
    assert tabs.problems[0].span == Span.of(1, 0, 1, 1)
    assert scalar(tabs, "c").resolve() == 2
    binary = parse_yaml(bytes(range(256)) * 8)
    assert binary.problems
    assert "control characters" in binary.problems[0].message
    bad = parse_yaml(b"a: caf\xe9\nb: 1\n")
    assert messages(bad) == ["YAML syntax error: invalid UTF-8"]
    assert bad.problems[0].span == Span.of(0, 6, 0, 7)
    assert scalar(bad, "a").text.startswith("caf")
    assert scalar(bad, "b").resolve() == 1


def test_bom_and_crlf() -> None:
    doc = parse_yaml(b"\xef\xbb\xbfa: 1\r\nb: two\r\n  lines\r\nc: |\r\n  x\r\n  y\r\n# c\r\n")
    assert doc.problems == ()
    assert doc.to_python(doc.root)[0] == {"a": 1, "b": "two lines", "c": "x\ny\n"}
    assert doc.find_span(["a"]) == Span.of(0, 6, 0, 7)
    assert [c.text for c in doc.comments] == [" c"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n",
        "# only a comment\n",
        "---\n",
        "...\n",
        "- ",
        ":",
        "? ",
        "&a",
        "*a",
        "!!str",
        "'",
        '"\\',
    ],
)
def test_degenerate_inputs_do_not_raise(text: str) -> None:
    doc = parse(text)
    assert isinstance(doc.documents, tuple)
    for root in doc.documents:
        doc.to_python(root)
    doc.node_at(Point(0, 0))


def test_deep_flow_nesting_is_capped() -> None:
    doc = parse_yaml(b"a: " + b"[" * 10_000 + b"]" * 10_000 + b"\n")
    assert any("too deep" in m for m in messages(doc))
    unclosed = parse_yaml(b"a: " + b"[" * 10_000)
    assert any("too deep" in m for m in messages(unclosed))


def test_deep_block_nesting_does_not_crash_the_scanner() -> None:
    # tree-sitter-yaml's scanner crashes the process past ~250 block levels unless guarded
    text = "".join("  " * i + "k:\n" for i in range(400)) + "end: 1\n"
    doc = parse(text)
    assert any("too deep" in m for m in messages(doc))
    assert scalar(doc, "end").resolve() == 1
    dashes = parse("- " * 10_000 + "x\n")
    assert any("too deep" in m for m in messages(dashes))


def test_nodes_form_no_reference_cycles() -> None:
    text = "a: &a {k: [1, 2]}\nb: *a\nc:\n  <<: *a\n  d: [x, {y: z}]\n"
    gc.collect()
    gc.disable()
    try:
        doc = parse(text)
        del doc
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_incremental_reparse_with_old_tree() -> None:
    first = parse("a: 1\n")
    assert first.tree is not None
    second = parse_yaml(b"a: 1\n", first.tree)
    assert scalar(second, "a").resolve() == 1


def _corpus_files(kind: str, pattern: str) -> list[Path]:
    root = CORPUS / kind
    if not root.is_dir():
        pytest.skip(f"{root} is absent (the shared corpus sits beside the project)")
    return sorted(p for p in root.rglob(pattern) if "templates" not in p.parts)


def _walk(node: YamlNode | None) -> int:
    count = 0
    stack = [node]
    while stack:
        current = stack.pop()
        count += 1
        if isinstance(current, YamlMapping):
            stack.extend(p.value for p in current.pairs)
            stack.extend(p.key for p in current.pairs)
        elif isinstance(current, YamlSequence):
            stack.extend(current.items)
    return count


def test_corpus_yaml_files_parse_and_configs_have_no_problems() -> None:
    """Every YAML file of the corpus parses; GoReleaser configs and chart values files (all
    valid YAML) show no problem at all."""
    goreleaser = _corpus_files("goreleaser", "*.y*ml")
    helm = _corpus_files("helm", "*.y*ml")
    assert goreleaser and helm
    found = []
    for path in goreleaser + helm:
        doc = parse_yaml(path.read_bytes())
        assert sum(_walk(root) for root in doc.documents) >= len(doc.documents)
        if path in goreleaser or path.name.startswith("values"):
            found.extend(
                f"{path.relative_to(CORPUS)}:{p.span.start.line + 1}: {p.message}"
                for p in doc.problems
            )
    assert found == []


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b" " * 18,
        b" " * 19,
        b"-" * 18 + b"x\n",
        b"?" * 19 + b"x\n",
        b"a\n" + b" " * 18 + b"b\n",
        b"a\n" + b" -?" * 6 + b" b\n",
        b"a\r\n" + b" " * 19 + b"\r\n",
        b"a\n" + b" " * 30,
        b"a: 1\n\n" + b" " * 10 + b"\n",
    ],
)
def test_the_depth_guard_is_the_indentation_bound(data: bytes) -> None:
    # The guard finds, without a loop in Python, whether the longest run of spaces, - and ?
    # starting a line gives a depth bound over the scanner's limit.
    from gowls.syntax.yaml.problems import SCANNER_DEPTH_LIMIT, _depth_bound, _may_be_deep

    longest = max(len(line) - len(line.lstrip(b" ?-")) for line in data.split(b"\n"))
    assert _may_be_deep(data) == (_depth_bound(longest) > SCANNER_DEPTH_LIMIT)

"""Turning a tree-sitter-yaml tree into typed nodes, recovering what it can from error nodes.

Error nodes are read as a flat run of fragments (pairs, nodes, ``key :`` tokens, unclosed
``[``/``{``) so the valid pieces around a mistake still form mappings and sequences.
Nesting deeper than :data:`MAX_DEPTH` is cut off with a problem instead of recursing further.
"""

from __future__ import annotations

import bisect
import threading
from dataclasses import dataclass

import tree_sitter_yaml
from tree_sitter import Language, Node, Parser

from gowls.syntax.positions import LineIndex, Point, Span
from gowls.syntax.yaml.nodes import (
    ScalarStyle,
    YamlAlias,
    YamlMapping,
    YamlNode,
    YamlPair,
    YamlProblem,
    YamlScalar,
    YamlSequence,
)
from gowls.syntax.yaml.scalars import decode_block, decode_flow

LANGUAGE: Language = Language(tree_sitter_yaml.language())
MAX_DEPTH = 100
"""Deepest nesting of collections that is built (goyaml's own limit is far larger, but no
configuration nests this deep, and the builder recurses)."""

_WRAPPERS = frozenset({"block_node", "flow_node"})
_CONTENT = frozenset(
    {
        "plain_scalar",
        "single_quote_scalar",
        "double_quote_scalar",
        "block_scalar",
        "alias",
        "block_mapping",
        "flow_mapping",
        "block_sequence",
        "flow_sequence",
    }
)
_NODES = _WRAPPERS | _CONTENT


def new_parser() -> Parser:
    """A new tree-sitter parser for YAML (parsers are not thread-safe)."""
    return Parser(LANGUAGE)


def node_span(node: Node) -> Span:
    """The span of a tree-sitter node."""
    return Span(Point(*node.start_point), Point(*node.end_point))


@dataclass(frozen=True, slots=True)
class _Item:
    """A sequence entry found loose in an error node."""

    node: YamlNode


_Fragment = YamlPair | YamlNode | _Item


MEMO_MIN_BYTES = 128
"""Nodes at least this long are remembered for the next re-parse (smaller ones are cheaper to
build again than to look up)."""

MemoKey = tuple[int, int, int, tuple[int, int], int]
"""A tree-sitter node's subtree id, start and end byte, start point, and the build depth."""


@dataclass(frozen=True, slots=True)
class Memo:
    """A node built from one tree-sitter subtree, for reuse by the next incremental parse.

    tree-sitter shares the subtrees an edit did not touch between the old and the new tree, so
    a subtree id at the same position means the same bytes at the same place: the same node.
    Built with no anchor, alias or depth cut inside (their meaning depends on the rest of the
    document); ``problems`` are those found while building it; ``inner`` the remembered nodes
    inside it (so that an edit inside it later still reuses its unchanged parts).
    """

    node: YamlNode | None
    problems: tuple[YamlProblem, ...]
    inner: tuple[tuple[MemoKey, Memo], ...]


class MemoTable:
    """The :class:`Memo` s of one parse by key, for the next.

    A memo taken from the previous parse (a reused subtree) is put in whole: the memos inside
    it are listed only when a later parse asks for one of them (an edit inside that subtree),
    so a re-parse does not copy every memo of the subtrees it reused (all of them, for an
    edit at the end of the file). Those folded memos are disjoint subtrees, found by their
    byte range.
    """

    __slots__ = ("_entries", "_folded", "_lock", "_sorted", "_starts")

    def __init__(self) -> None:
        self._entries: dict[MemoKey, Memo] = {}
        self._folded: list[tuple[int, int, Memo]] = []
        """(start byte, end byte, memo) of the memos whose inner memos are not listed."""
        self._starts: list[int] = []
        self._sorted = True
        self._lock = threading.Lock()
        """Unfolding changes the table (two re-parses may read one document's table)."""

    def __len__(self) -> int:
        return len(self._entries)

    def put(self, key: MemoKey, memo: Memo, folded: bool) -> None:
        """Remember ``memo``; ``folded``: the memos inside it are not listed yet."""
        self._entries[key] = memo
        if folded and memo.inner:
            if self._folded and key[1] < self._folded[-1][0]:
                self._sorted = False
            self._folded.append((key[1], key[2], memo))

    def get(self, key: MemoKey) -> Memo | None:
        """The memo of ``key``, listing the inner memos of the folded one holding it."""
        hit = self._entries.get(key)
        if hit is not None or not self._folded:
            return hit
        with self._lock:
            hit = self._entries.get(key)
            while hit is None and self._folded:
                holder = self._holder(key[1], key[2])
                if holder is None:
                    return None
                self._unfold(holder)
                hit = self._entries.get(key)
            return hit

    def _holder(self, start: int, end: int) -> int | None:
        if not self._sorted:
            self._folded.sort(key=lambda entry: entry[0])
            self._sorted = True
        if len(self._starts) != len(self._folded):
            self._starts = [entry[0] for entry in self._folded]
        at = bisect.bisect_right(self._starts, start) - 1
        if at >= 0 and self._folded[at][1] >= end:
            return at
        return None

    def _unfold(self, at: int) -> None:
        memo = self._folded.pop(at)[2]
        self._starts = []
        for key, inner in memo.inner:
            self.put(key, inner, True)


@dataclass(frozen=True, slots=True)
class Built:
    """One document of a stream: its root and where it lies."""

    root: YamlNode | None
    span: Span


class Builder:
    """Builds the documents of one tree; collects structure problems (duplicates, anchors)."""

    def __init__(self, data: bytes, index: LineIndex, reuse: MemoTable | None = None) -> None:
        self.data = data
        self.index = index
        self.problems: list[YamlProblem] = []
        self.anchors: dict[str, YamlNode] = {}
        self.open_anchors: set[str] = set()
        self.too_deep = False
        self.reuse = reuse
        """Nodes of the previous parse of this file (an incremental parse), by subtree."""
        self.memo = MemoTable()
        """Nodes of this parse worth remembering for the next."""
        self._contextual = 0
        """Anchors, aliases and depth cuts met so far (a subtree with one is not remembered)."""
        self._inner: list[list[tuple[MemoKey, Memo]]] = []

    # -- documents -------------------------------------------------------------------------

    def documents(self, root: Node | list[Node]) -> list[Built]:
        """The documents of the stream; an error root is read as one or more documents.

        A list is the top-level children of a stream parsed in pieces, read as one stream.
        """
        groups: list[list[Node]] = [[]]
        for child in root if isinstance(root, list) else root.children:
            if child.type == "document" and _starts_with_marker(child) and groups[-1]:
                groups.append([])
            groups[-1].append(child)
        out: list[Built] = []
        for group in groups:
            if not group:
                continue
            self.anchors = {}
            self.open_anchors = set()
            children: list[Node] = []
            for child in group:
                children.extend(child.children if child.type == "document" else [child])
            fragments = self._fragments(children, 0)
            span = Span(Point(*group[0].start_point), Point(*group[-1].end_point))
            out.append(Built(self._combine(fragments, span), span))
        return out

    # -- nodes -----------------------------------------------------------------------------

    def node(self, ts: Node, depth: int) -> YamlNode | None:
        """The typed node for a ``block_node``/``flow_node`` or a bare content node."""
        start, end = ts.start_byte, ts.end_byte
        if end - start < MEMO_MIN_BYTES:
            return self._node(ts, depth)
        key = (ts.id, start, end, ts.start_point, depth)
        hit = self.reuse.get(key) if self.reuse is not None else None
        if hit is not None:
            self.problems.extend(hit.problems)
            self._adopt(key, hit, True)
            return hit.node
        mark, contextual = len(self.problems), self._contextual
        self._inner.append([])
        result = self._node(ts, depth)
        inner = self._inner.pop()
        if self._contextual == contextual:
            self._adopt(key, Memo(result, tuple(self.problems[mark:]), tuple(inner)), False)
        elif self._inner:
            self._inner[-1].extend(inner)
        return result

    def _adopt(self, key: MemoKey, memo: Memo, reused: bool) -> None:
        """Remember ``memo`` for the next parse (the memos inside one built here were
        remembered as they were built; those inside a ``reused`` one are folded in it)."""
        if self._inner:
            self._inner[-1].append((key, memo))
        self.memo.put(key, memo, reused)

    def _node(self, ts: Node, depth: int) -> YamlNode | None:
        if depth > MAX_DEPTH:
            self._too_deep(ts)
            return None
        tag: str | None = None
        anchor: str | None = None
        content: Node | None = None
        if ts.type in _WRAPPERS:
            for child in ts.named_children:
                kind = child.type
                if kind == "tag":
                    tag = self._text(child)
                elif kind == "anchor":
                    anchor = self._text(child)[1:]
                elif kind != "comment" and content is None:
                    content = child
        else:
            content = ts
        if anchor:
            self._contextual += 1
            self.open_anchors.add(anchor)
        result = self._content(ts, content, tag, anchor, depth)
        if anchor:
            self.open_anchors.discard(anchor)
            if result is not None:
                self.anchors[anchor] = result
        return result

    def _content(
        self, ts: Node, content: Node | None, tag: str | None, anchor: str | None, depth: int
    ) -> YamlNode | None:
        if content is None:
            end = node_span(ts).end
            return YamlScalar("", Span(end, end), ScalarStyle.PLAIN, tag, anchor, ts.end_byte)
        kind = content.type
        span = node_span(content)
        if tag is not None or anchor is not None:
            span = Span(node_span(ts).start, span.end)
        s, e = content.start_byte, content.end_byte
        if kind == "plain_scalar":
            text, pieces = decode_flow(self.data, s, e, "")
            return YamlScalar(text, span, ScalarStyle.PLAIN, tag, anchor, s, pieces)
        if kind in ("single_quote_scalar", "double_quote_scalar"):
            quote = "'" if kind == "single_quote_scalar" else '"'
            inner_end = e - 1 if e - s >= 2 else e
            text, pieces = decode_flow(self.data, s + 1, inner_end, quote)
            style = ScalarStyle.SINGLE if quote == "'" else ScalarStyle.DOUBLE
            return YamlScalar(text, span, style, tag, anchor, s + 1, pieces)
        if kind == "block_scalar":
            header = content.children[0] if content.child_count else content
            literal = self.data[s : s + 1] == b"|"
            text, start, pieces = decode_block(self.data, s, header.end_byte, e, literal)
            style = ScalarStyle.LITERAL if literal else ScalarStyle.FOLDED
            return YamlScalar(text, span, style, tag, anchor, start, pieces)
        if kind == "alias":
            return self._alias(content)
        if kind in ("block_mapping", "flow_mapping"):
            return self._mapping(content, span, tag, anchor, depth)
        if kind in ("block_sequence", "flow_sequence"):
            return self._sequence(content, span, tag, anchor, depth)
        if kind == "ERROR":
            return self._combine(self._fragments(content.children, depth + 1), span)
        return None

    def _alias(self, ts: Node) -> YamlAlias:
        self._contextual += 1
        name = self._text(ts)[1:]
        span = node_span(ts)
        target = self.anchors.get(name)
        if name in self.open_anchors:
            self.problems.append(YamlProblem(span, f'anchor "{name}" value contains itself'))
            target = None
        elif target is None:
            self.problems.append(YamlProblem(span, f'unknown anchor "{name}" referenced'))
        return YamlAlias(name, span, target)

    def _pair(self, ts: Node, depth: int) -> YamlPair:
        key_ts = ts.child_by_field_name("key")
        value_ts = ts.child_by_field_name("value")
        key = self.node(key_ts, depth + 1) if key_ts is not None else None
        value = self.node(value_ts, depth + 1) if value_ts is not None else None
        return YamlPair(key, value, node_span(ts))

    def _mapping(
        self, ts: Node, span: Span, tag: str | None, anchor: str | None, depth: int
    ) -> YamlMapping:
        pairs: list[YamlPair] = []
        for child in ts.named_children:
            kind = child.type
            if kind in ("block_mapping_pair", "flow_pair"):
                pairs.append(self._pair(child, depth))
            elif kind in _WRAPPERS:
                key = self.node(child, depth + 1)
                pairs.append(YamlPair(key, None, node_span(child)))
            elif kind == "ERROR":
                for frag in self._fragments(child.children, depth + 1):
                    if isinstance(frag, YamlPair):
                        pairs.append(frag)
        return self._new_mapping(pairs, span, ts.type == "flow_mapping", tag, anchor)

    def _sequence(
        self, ts: Node, span: Span, tag: str | None, anchor: str | None, depth: int
    ) -> YamlSequence:
        items: list[YamlNode] = []
        for child in ts.named_children:
            kind = child.type
            if kind == "block_sequence_item":
                items.append(self._entry(child, depth))
            elif kind in _WRAPPERS:
                node = self.node(child, depth + 1)
                if node is not None:
                    items.append(node)
            elif kind == "flow_pair":
                pair = self._pair(child, depth + 1)
                items.append(self._new_mapping([pair], pair.span, True, None, None))
            elif kind == "ERROR":
                for frag in self._fragments(child.children, depth + 1):
                    if isinstance(frag, _Item):
                        items.append(frag.node)
                    elif not isinstance(frag, YamlPair):
                        items.append(frag)
        return YamlSequence(tuple(items), span, ts.type == "flow_sequence", tag, anchor)

    def _entry(self, ts: Node, depth: int) -> YamlNode:
        for child in ts.named_children:
            if child.type in _NODES:
                node = self.node(child, depth + 1)
                if node is not None:
                    return node
        end = node_span(ts.children[0] if ts.child_count else ts).end
        return YamlScalar("", Span(end, end), ScalarStyle.PLAIN, None, None, ts.end_byte)

    def _new_mapping(
        self, pairs: list[YamlPair], span: Span, flow: bool, tag: str | None, anchor: str | None
    ) -> YamlMapping:
        seen: dict[tuple[str, object], YamlPair] = {}
        for pair in pairs:
            key = pair.key
            if not isinstance(key, YamlScalar):
                continue
            value = key.resolve()
            ident = (type(value).__name__, value)
            first = seen.get(ident)
            if first is None:
                seen[ident] = pair
            elif first.key is not None:
                line = first.key.span.start.line + 1
                self.problems.append(
                    YamlProblem(key.span, f'duplicate key "{key.text}" (first at line {line})')
                )
        return YamlMapping(tuple(pairs), span, flow, tag, anchor)

    # -- recovery inside error nodes -------------------------------------------------------

    def _too_deep(self, ts: Node) -> None:
        self._contextual += 1
        if not self.too_deep:
            self.too_deep = True
            message = f"YAML nesting is too deep (more than {MAX_DEPTH} levels)"
            self.problems.append(YamlProblem(node_span(ts), message))

    def _fragments(self, children: list[Node], depth: int) -> list[_Fragment]:
        """Read a flat run of children (of an error node or a document) into fragments."""
        out: list[_Fragment] = []
        if depth > MAX_DEPTH:
            if children:
                self._too_deep(children[0])
            return out
        i = 0
        n = len(children)
        while i < n:
            child = children[i]
            kind = child.type
            if kind in ("block_mapping_pair", "flow_pair"):
                out.append(self._pair(child, depth))
                i += 1
            elif kind == "block_sequence_item":
                out.append(_Item(self._entry(child, depth)))
                i += 1
            elif kind == "ERROR" or kind == "document":
                out.extend(self._fragments(child.children, depth + 1))
                i += 1
            elif kind in _NODES or kind in ("[", "{"):
                value, j = self._loose_value(children, i, depth)
                if j < n and children[j].type == ":" and kind not in ("[", "{"):
                    i = self._loose_pair(children, i, value, out, depth)
                    continue
                if value is not None:
                    out.append(value)
                i = max(j, i + 1)
            elif kind == ":":
                i = self._loose_pair(children, i, None, out, depth)
            else:
                i += 1
        return out

    def _loose_pair(
        self, children: list[Node], i: int, key: YamlNode | None, out: list[_Fragment], depth: int
    ) -> int:
        """Read ``key : value`` from position ``i`` (the key, or the colon when keyless)."""
        start = Point(*children[i].start_point)
        colon = i if key is None else i + 1
        end = Point(*children[colon].end_point)
        j = colon + 1
        value: YamlNode | None = None
        if j < len(children) and _is_value_start(children[j]):
            nxt = self._next_index(children, j)
            is_key = nxt < len(children) and children[nxt].type == ":"
            if not is_key or children[j].type in ("[", "{"):
                value, j = self._loose_value(children, j, depth)
                if value is not None:
                    end = value.span.end
        out.append(YamlPair(key, value, Span(start, end)))
        return j

    def _next_index(self, children: list[Node], i: int) -> int:
        kind = children[i].type
        if kind in ("[", "{"):
            return len(children)
        return i + 1

    def _loose_value(self, children: list[Node], i: int, depth: int) -> tuple[YamlNode | None, int]:
        """A node starting at ``i`` (a node, or an unclosed ``[``/``{`` run) and the next index."""
        child = children[i]
        kind = child.type
        if kind not in ("[", "{"):
            return self.node(child, depth + 1), i + 1
        close = "]" if kind == "[" else "}"
        j = i + 1
        inner: list[Node] = []
        while j < len(children) and children[j].type != close:
            inner.append(children[j])
            j += 1
        end_node = children[j] if j < len(children) else children[j - 1]
        span = Span(Point(*child.start_point), Point(*end_node.end_point))
        frags = self._fragments(inner, depth + 1)
        nxt = j + 1 if j < len(children) else j
        if kind == "{":
            pairs: list[YamlPair] = []
            for frag in frags:
                if isinstance(frag, YamlPair):
                    pairs.append(frag)
                elif not isinstance(frag, _Item):
                    pairs.append(YamlPair(frag, None, frag.span))
            return self._new_mapping(pairs, span, True, None, None), nxt
        items: list[YamlNode] = []
        for frag in frags:
            if isinstance(frag, YamlPair):
                items.append(self._new_mapping([frag], frag.span, True, None, None))
            else:
                items.append(frag.node if isinstance(frag, _Item) else frag)
        return YamlSequence(tuple(items), span, True, None, None), nxt

    def _combine(self, frags: list[_Fragment], span: Span) -> YamlNode | None:
        """One root from the fragments of a document or error node."""
        if len(frags) == 1 and not isinstance(frags[0], (YamlPair, _Item)):
            return frags[0]
        pairs: list[YamlPair] = []
        items: list[YamlNode] = []
        loose: list[YamlNode] = []
        for frag in frags:
            if isinstance(frag, YamlPair):
                pairs.append(frag)
            elif isinstance(frag, _Item):
                items.append(frag.node)
            elif isinstance(frag, YamlMapping) and not frag.flow:
                pairs.extend(frag.pairs)
            elif isinstance(frag, YamlSequence) and not frag.flow:
                items.extend(frag.items)
            else:
                loose.append(frag)
        if pairs:
            whole = Span(pairs[0].span.start, pairs[-1].span.end)
            return self._new_mapping(pairs, whole, False, None, None)
        if items:
            return YamlSequence(tuple(items), Span(items[0].span.start, items[-1].span.end))
        return loose[0] if loose else None

    def _text(self, ts: Node) -> str:
        return self.data[ts.start_byte : ts.end_byte].decode("utf-8", errors="replace")


def _starts_with_marker(document: Node) -> bool:
    for child in document.children:
        if child.type == "---":
            return True
        if child.type not in ("comment", "yaml_directive", "tag_directive", "reserved_directive"):
            return False
    return False


def _is_value_start(node: Node) -> bool:
    return node.type in _NODES or node.type in ("[", "{")

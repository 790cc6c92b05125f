"""``parse_yaml``: YAML bytes to a :class:`YamlDocument` (typed roots, problems, comments).

Parsing never raises. When tree-sitter stops before the end of the text (bad indentation,
tabs, binary bytes), the offending line is blanked out — offsets unchanged — and the text parsed
again, a few times at most, so the rest of the file still yields nodes for completion and hover.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field

from tree_sitter import Node, Query, QueryCursor, Tree
from tree_sitter import Point as TsPoint
from tree_sitter import Range as TsRange

from gowls.syntax.affixes import common_affixes
from gowls.syntax.positions import LineIndex, Point, Span
from gowls.syntax.yaml.build import LANGUAGE, Builder, Built, MemoTable, new_parser, node_span
from gowls.syntax.yaml.nodes import (
    ScalarValue,
    YamlAlias,
    YamlComment,
    YamlMapping,
    YamlNode,
    YamlPair,
    YamlProblem,
    YamlScalar,
    YamlSequence,
)
from gowls.syntax.yaml.problems import (
    blank_deep_lines,
    first_leftover,
    leftover_problem,
    root_error_culprit,
    tree_problems,
    utf8_problem,
)

PathStep = str | int
"""A mapping key or a sequence index."""

MAX_REPARSES = 16
SCANNER_LINES = 32_768
BLOCK_LINES_LIMIT = 30_000
"""tree-sitter-yaml's scanner counts lines in a 16-bit integer: a block that crosses line 32,768
fails (a valid 100,000-line values file parses as errors from there on).  Longer texts that
fail are parsed in chunks of at most this many lines, cut where a top-level entry starts."""
EXPANSION_LIMIT = 100_000
"""Default cap on nodes produced by :meth:`YamlDocument.to_python` (alias bombs)."""
_MAX_ALIAS_HOPS = 64
_MAX_VALUE_DEPTH = 256

_COMMENTS = Query(LANGUAGE, "(comment) @comment")


@dataclass(frozen=True, slots=True)
class NodeAt:
    """What lies at a position: the path from the document root and the nodes along it."""

    document: int
    path: tuple[PathStep, ...]
    chain: tuple[YamlNode, ...]
    """The nodes from the root down; the last is the innermost node containing the position
    (a key when ``in_key``). ``len(chain) == len(path) + 1`` except after an empty value."""
    pair: YamlPair | None
    """The innermost pair whose key or value holds the position (or whose empty value follows
    it on the same line)."""
    in_key: bool
    """The position is on ``pair``'s key; the last path step is that key."""

    @property
    def node(self) -> YamlNode | None:
        """The innermost node, or None after ``key:`` with an empty value."""
        if len(self.chain) == len(self.path) + 1:
            return self.chain[-1]
        return None


@dataclass(frozen=True, slots=True)
class YamlDocument:
    """A parsed YAML stream."""

    index: LineIndex
    documents: tuple[YamlNode | None, ...]
    """The root of each document of the stream (None for an empty document)."""
    document_spans: tuple[Span, ...]
    problems: tuple[YamlProblem, ...]
    comments: tuple[YamlComment, ...]
    tree: Tree | None = field(default=None, repr=False, compare=False)
    """The tree of the text as given (for incremental re-parsing)."""
    memo: MemoTable | None = field(default=None, repr=False, compare=False)
    """Nodes built from subtrees of ``tree``, for :func:`reparse_yaml` (None when the text
    had to be patched to be read, deep lines blanked included: the tree and the nodes then
    are not those of the text, and an incremental parse from them would be wrong)."""

    @property
    def root(self) -> YamlNode | None:
        """The root of the first document."""
        return self.documents[0] if self.documents else None

    def document_at(self, point: Point) -> int:
        """The index of the document holding ``point`` (the nearest one before it)."""
        found = 0
        for i, span in enumerate(self.document_spans):
            if span.start <= point:
                found = i
        return found

    def node_at(self, point: Point) -> NodeAt | None:
        """The path and nodes from the root to the innermost node at ``point``."""
        if not self.documents:
            return None
        doc = self.document_at(point)
        root = self.documents[doc]
        if root is None:
            return None
        return _descend(doc, root, point)

    def entry_parent(self, point: Point) -> NodeAt | None:
        """Where a block entry starting at ``point`` (its column is the indentation) belongs,
        for completion on a blank or half-typed line.

        The result's node is the block mapping or sequence at that indentation on the path of
        last entries before ``point``; or, when ``point`` is indented under a ``key:`` whose
        value is empty, that pair (``node`` None, ``pair`` set, path ending with the key).
        """
        if not self.documents:
            return None
        doc = self.document_at(point)
        root = self.documents[doc]
        if root is None:
            return None
        return _entry_parent(doc, root, point)

    def find(
        self, path: tuple[PathStep, ...] | list[PathStep], document: int = 0
    ) -> YamlNode | None:
        """The node at ``path`` (keys and indices), following aliases and ``<<`` merges on the
        way; the node found is returned as written (an alias stays an alias: see ``deref``)."""
        found = self._locate(path, document)
        return found[0] if found else None

    def find_span(
        self, path: tuple[PathStep, ...] | list[PathStep], document: int = 0
    ) -> Span | None:
        """The span of the node at ``path``; for an empty value, the span of its pair."""
        found = self._locate(path, document)
        if found is None:
            return None
        node, pair = found
        if node is not None:
            return node.span
        return pair.span if pair is not None else None

    def _locate(
        self, path: tuple[PathStep, ...] | list[PathStep], document: int
    ) -> tuple[YamlNode | None, YamlPair | None] | None:
        if not 0 <= document < len(self.documents):
            return None
        node = self.documents[document]
        pair: YamlPair | None = None
        for step in path:
            node = deref(node)
            if isinstance(step, str):
                if not isinstance(node, YamlMapping):
                    return None
                pair = lookup(node, step)
                if pair is None:
                    return None
                node = pair.value
            else:
                if not isinstance(node, YamlSequence) or not -len(node.items) <= step < len(
                    node.items
                ):
                    return None
                node, pair = node.items[step], None
        return node, pair

    def value_span(self, scalar: YamlScalar, start: int, end: int) -> Span:
        """The source span of bytes ``[start, end)`` of ``scalar.text.encode()``."""
        a, b = scalar.source_range(start, end)
        return Span(self.index.point(a), self.index.point(b))

    def to_python(self, node: YamlNode | None, limit: int = EXPANSION_LIMIT) -> tuple[object, bool]:
        """Plain Python data for ``node`` (aliases expanded, merges applied) and whether it is
        complete: expansion stops after ``limit`` nodes, so alias bombs stay cheap."""
        budget = [limit]
        value = _to_python(node, budget, 0)
        return value, budget[0] >= 0


def deref(node: YamlNode | None) -> YamlNode | None:
    """``node``, or for an alias the node it names (through chains of aliases)."""
    for _ in range(_MAX_ALIAS_HOPS):
        if not isinstance(node, YamlAlias):
            return node
        node = node.target
    return None


def is_merge_key(pair: YamlPair) -> bool:
    """Whether ``pair`` is a ``<<`` merge key."""
    key = pair.key
    return (
        isinstance(key, YamlScalar)
        and key.text == "<<"
        and (key.tag is None or key.tag in ("!!merge", "tag:yaml.org,2002:merge"))
        and key.style.value == "plain"
    )


def merged_pairs(mapping: YamlMapping) -> tuple[YamlPair, ...]:
    """The pairs of ``mapping`` with ``<<`` merges applied, as goyaml reads them.

    Explicit keys win over merged ones; among merged mappings the first one naming a key wins.
    Merged pairs keep their own spans (where the anchored mapping wrote them).
    """
    return tuple(_merged(mapping, 0))


def _merged(mapping: YamlMapping, depth: int) -> list[YamlPair]:
    merges = [p for p in mapping.pairs if is_merge_key(p)]
    if not merges or depth > 16:
        return list(mapping.pairs) if not merges else [p for p in mapping.pairs if p not in merges]
    out = [p for p in mapping.pairs if not is_merge_key(p)]
    seen = {p.key_text for p in out}
    for merge in merges:
        source = deref(merge.value)
        sources = (
            [deref(item) for item in source.items] if isinstance(source, YamlSequence) else [source]
        )
        for src in sources:
            if isinstance(src, YamlMapping):
                for pair in _merged(src, depth + 1):
                    if pair.key_text not in seen:
                        seen.add(pair.key_text)
                        out.append(pair)
    return out


def lookup(mapping: YamlMapping, key: str) -> YamlPair | None:
    """The pair for ``key`` in ``mapping``, merges included."""
    pair = mapping.get(key)
    if pair is not None or not any(is_merge_key(p) for p in mapping.pairs):
        return pair
    for candidate in merged_pairs(mapping):
        if candidate.key_text == key:
            return candidate
    return None


def iter_keys(mapping: YamlMapping, merges: bool = True) -> Iterator[tuple[str, YamlPair]]:
    """``(key, pair)`` for each scalar key of ``mapping`` (with ``<<`` merges by default)."""
    pairs = merged_pairs(mapping) if merges else mapping.pairs
    for pair in pairs:
        text = pair.key_text
        if text is not None:
            yield text, pair


def _to_python(node: YamlNode | None, budget: list[int], depth: int) -> object:
    budget[0] -= 1
    if budget[0] < 0 or depth > _MAX_VALUE_DEPTH:
        budget[0] = -1
        return None
    node = deref(node)
    if node is None:
        return None
    if isinstance(node, YamlScalar):
        value: ScalarValue = node.resolve()
        return value
    if isinstance(node, YamlSequence):
        return [_to_python(item, budget, depth + 1) for item in node.items]
    if isinstance(node, YamlMapping):
        out: dict[object, object] = {}
        for pair in merged_pairs(node):
            key = _to_python(pair.key, budget, depth + 1)
            try:
                hash(key)
            except TypeError:
                key = repr(key)
            if key not in out:
                out[key] = _to_python(pair.value, budget, depth + 1)
        return out
    return None


def _entry_parent(doc: int, root: YamlNode, point: Point) -> NodeAt | None:
    path: list[PathStep] = []
    chain: list[YamlNode] = [root]
    best: NodeAt | None = None
    node: YamlNode = root
    while isinstance(node, (YamlMapping, YamlSequence)) and not node.flow:
        column = node.span.start.column
        if column > point.column:
            break
        if column == point.column:
            best = NodeAt(doc, tuple(path), tuple(chain), None, False)
        if isinstance(node, YamlMapping):
            pair = next((p for p in reversed(node.pairs) if p.span.start < point), None)
            if pair is None:
                break
            value = pair.value
            step: PathStep = pair.key_text or ""
            empty = value is None or (isinstance(value, YamlScalar) and value.text == "")
            if empty and point.column > column and point.line > pair.span.start.line:
                return NodeAt(doc, (*path, step), tuple(chain), pair, False)
            if value is None:
                break
            path.append(step)
            chain.append(value)
            node = value
        else:
            index = next(
                (i for i in range(len(node.items) - 1, -1, -1) if node.items[i].span.start < point),
                None,
            )
            if index is None:
                break
            path.append(index)
            chain.append(node.items[index])
            node = node.items[index]
    return best


def _descend(doc: int, root: YamlNode, point: Point) -> NodeAt:
    path: list[PathStep] = []
    chain: list[YamlNode] = [root]
    pair_at: YamlPair | None = None
    node: YamlNode = root
    while True:
        nxt: YamlNode | None = None
        if isinstance(node, YamlMapping):
            for pair in node.pairs:
                key, value = pair.key, pair.value
                step: PathStep = pair.key_text or ""
                if key is not None and key.span.contains(point):
                    path.append(step)
                    chain.append(key)
                    return NodeAt(doc, tuple(path), tuple(chain), pair, True)
                if value is not None and value.span.contains(point):
                    path.append(step)
                    pair_at, nxt = pair, value
                    break
                if value is None and point.line == pair.span.end.line and pair.span.start <= point:
                    path.append(step)
                    return NodeAt(doc, tuple(path), tuple(chain), pair, False)
        elif isinstance(node, YamlSequence):
            for i, item in enumerate(node.items):
                if item.span.contains(point):
                    path.append(i)
                    nxt = item
                    break
        if nxt is None:
            return NodeAt(doc, tuple(path), tuple(chain), pair_at, False)
        chain.append(nxt)
        node = nxt


def parse_yaml(data: bytes, old_tree: Tree | None = None) -> YamlDocument:
    """Parse a YAML stream; never raises (problems describe what is wrong)."""
    index = LineIndex(data)
    try:
        return _parse(data, index, old_tree)
    except Exception as exc:  # a safety net: a bug here must not take the server down
        span = Span(Point(0, 0), Point(0, 0))
        problem = YamlProblem(span, f"YAML could not be read (internal error: {exc!r})")
        return YamlDocument(index, (), (), (problem,), ())


def reparse_yaml(previous: YamlDocument, data: bytes) -> YamlDocument:
    """``parse_yaml(data)``, reusing what ``previous`` (the document of an older text) built.

    The edit is found by comparing the texts; tree-sitter re-parses from the edited old tree
    and shares the subtrees the edit did not touch, and nodes built from a shared subtree at
    the same position are taken from ``previous`` instead of built again.
    """
    if previous.tree is None or previous.memo is None:
        return parse_yaml(data)
    old = previous.index.data
    prefix, suffix = common_affixes(old, data)
    start, old_end, new_end = prefix, len(old) - suffix, len(data) - suffix
    index = LineIndex.after_edit(previous.index, data, start, new_end)
    at, old_at = previous.index.point(start), previous.index.point(old_end)
    new_at = index.point(new_end)
    edited = previous.tree.copy()
    edited.edit(
        start_byte=start,
        old_end_byte=old_end,
        new_end_byte=new_end,
        start_point=(at.line, at.column),
        old_end_point=(old_at.line, old_at.column),
        new_end_point=(new_at.line, new_at.column),
    )
    # comments on the lines before the one above the edit are the previous ones
    above = data.rfind(b"\n", 0, max(0, data.rfind(b"\n", 0, start))) + 1
    try:
        return _parse(data, index, edited, previous.memo, (previous.comments, above))
    except Exception:  # the same safety net as parse_yaml's, from scratch
        return parse_yaml(data)


def _comment_line(comment: YamlComment) -> int:
    return comment.span.start.line


def _parse(
    data: bytes,
    index: LineIndex,
    old_tree: Tree | None,
    reuse: MemoTable | None = None,
    kept: tuple[tuple[YamlComment, ...], int] | None = None,
) -> YamlDocument:
    parser = new_parser()
    data, deep = blank_deep_lines(data, index)
    if deep is not None:
        old_tree = None
        reuse = None
    tree = parser.parse(data, old_tree) if old_tree is not None else parser.parse(data)
    if tree.root_node.has_error and data.count(b"\n") > BLOCK_LINES_LIMIT:
        chunked = _parse_in_chunks(data, index)
        return chunked if chunked is not None else _too_long(data, index, tree)
    problems = tree_problems(tree.root_node, data, index)
    bad = utf8_problem(data, index)
    if bad is not None:
        problems.append(bad)
    final = tree
    patched: bytearray | None = None
    closed = False
    for _ in range(MAX_REPARSES):
        current = data if patched is None else bytes(patched)
        found = _culprit(final.root_node, current, index)
        if found is None:
            break
        start, problem, closers = found
        problems.append(problem)
        if patched is None:
            patched = bytearray(data)
        if closers and not closed:
            closed = True
            _close_at_end(patched, closers)
        else:
            line_end = patched.find(b"\n", start)
            line_end = len(patched) if line_end < 0 else line_end
            if not patched[start:line_end].strip():
                break
            patched[start:line_end] = b" " * (line_end - start)
        final = parser.parse(bytes(patched))
    text = data if patched is None else bytes(patched)
    builder = Builder(text, index, reuse if patched is None else None)
    built: list[Built] = builder.documents(final.root_node)
    problems.extend(builder.problems)
    if deep is not None and not builder.too_deep:
        problems.append(deep)
    cursor = QueryCursor(_COMMENTS)
    before: tuple[YamlComment, ...] = ()
    if kept is not None and patched is None and deep is None:
        old, lo = kept
        line = index.point(lo).line
        # Comments are in file order: the kept ones are a prefix (found without a loop).
        before = old[: bisect.bisect_left(old, line, key=_comment_line)]
        cursor.set_byte_range(lo, len(text))
    else:
        lo = 0
    comments = before + tuple(
        YamlComment(
            node_span(node),
            text[node.start_byte + 1 : node.end_byte]
            .decode("utf-8", errors="replace")
            .rstrip("\r"),
        )
        for node in sorted(
            cursor.captures(final.root_node).get("comment", []),
            key=lambda n: n.start_byte,
        )
        if node.start_byte >= lo
    )
    return YamlDocument(
        index,
        tuple(b.root for b in built),
        tuple(b.span for b in built),
        _first_per_line(problems),
        comments,
        tree,
        builder.memo if patched is None and deep is None else None,
    )


def _chunk_starts(data: bytes) -> list[int]:
    """Byte offsets where chunks of at most :data:`BLOCK_LINES_LIMIT` lines start: lines at
    column 0 that open a top-level entry (a key, an item or a document marker)."""
    starts = [0]
    line_start, lines, last_top = 0, 0, 0
    while line_start < len(data):
        end = data.find(b"\n", line_start)
        end = len(data) if end < 0 else end + 1
        first = data[line_start : line_start + 1]
        if line_start > starts[-1] and first not in (b" ", b"\t", b"#", b"\n", b"\r", b""):
            last_top = line_start
        lines += 1
        if lines >= BLOCK_LINES_LIMIT and last_top > starts[-1]:
            starts.append(last_top)
            lines = data.count(b"\n", last_top, end)
        line_start = end
    return starts


def _point(data: bytes, offset: int) -> TsPoint:
    line_start = data.rfind(b"\n", 0, offset) + 1
    return TsPoint(data.count(b"\n", 0, offset), offset - line_start)


def _parse_in_chunks(data: bytes, index: LineIndex) -> YamlDocument | None:
    """Parse each chunk alone and build one stream from their trees; None when the text
    cannot be cut (one huge entry).

    A chunk is parsed as an included range of the whole text: node positions stay those of
    the text, while the grammar's scanner, which counts lines in a 16-bit integer and fails a
    block that crosses line 32,768, counts from the chunk's start.
    """
    starts = _chunk_starts(data)
    if len(starts) < 2:
        return None
    roots: list[Node] = []
    problems: list[YamlProblem] = []
    comments: list[YamlComment] = []
    text = data
    for start, end in zip(starts, [*starts[1:], len(data)], strict=True):
        parser = new_parser()
        parser.included_ranges = [TsRange(_point(data, start), _point(data, end), start, end)]
        root = parser.parse(data).root_node
        problems.extend(tree_problems(root, text, index))
        roots.extend(root.children)
        comments.extend(
            YamlComment(
                node_span(node),
                text[node.start_byte + 1 : node.end_byte]
                .decode("utf-8", errors="replace")
                .rstrip("\r"),
            )
            for node in QueryCursor(_COMMENTS).captures(root).get("comment", [])
        )
    bad = utf8_problem(data, index)
    if bad is not None:
        problems.append(bad)
    builder = Builder(data, index)
    built = builder.documents(roots)
    problems.extend(builder.problems)
    comments.sort(key=lambda c: (c.span.start.line, c.span.start.column))
    return YamlDocument(
        index,
        tuple(b.root for b in built),
        tuple(b.span for b in built),
        _first_per_line(problems),
        tuple(comments),
    )


def _too_long(data: bytes, index: LineIndex, tree: Tree) -> YamlDocument:
    """One top-level entry longer than the scanner can count: what was read, and why not more."""
    line = min(SCANNER_LINES, index.line_count - 1)
    problem = YamlProblem(
        Span(Point(line, 0), Point(line, 0)),
        f"YAML read up to here only: a block longer than {SCANNER_LINES:,} lines is beyond the "
        "YAML parser (tree-sitter-yaml counts lines in 16 bits); split this entry",
    )
    builder = Builder(data, index)
    built = builder.documents(tree.root_node)
    return YamlDocument(
        index,
        tuple(b.root for b in built),
        tuple(b.span for b in built),
        (problem, *_first_per_line(builder.problems)),
        (),
    )


def _close_at_end(patched: bytearray, closers: bytes) -> None:
    """Write ``closers`` right after the last non-blank byte (over trailing blanks, so no
    offset before them moves)."""
    end = len(patched.rstrip())
    tail = len(patched) - end
    patched[end : end + min(tail, len(closers))] = closers[:tail]
    if tail < len(closers):
        patched.extend(closers[tail:])


def _culprit(root: Node, data: bytes, index: LineIndex) -> tuple[int, YamlProblem, bytes] | None:
    """Where to blank text so the next parse gets further, and the problem found there.

    Text after the end of the tree (the parser gave up) comes first; then a root that is one
    error node, which flattens the whole document into loose pieces.
    """
    offset = first_leftover(data, root.end_byte)
    if offset is not None:
        return offset, leftover_problem(data, offset, index), b""
    if root.type == "ERROR":
        return root_error_culprit(root, data, index)
    return None


def _first_per_line(problems: list[YamlProblem]) -> tuple[YamlProblem, ...]:
    """Problems in order, the first of each line only (one mistake often yields several)."""
    out: list[YamlProblem] = []
    lines: set[int] = set()
    for problem in sorted(problems, key=lambda p: (p.span.start, p.span.end)):
        if problem.span.start.line not in lines:
            lines.add(problem.span.start.line)
            out.append(problem)
    return tuple(out)

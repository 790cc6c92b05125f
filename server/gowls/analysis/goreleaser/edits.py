"""Text edits on a GoReleaser YAML file: rename a key, drop a pair, wrap a value in a list.

Edits keep the surrounding text as written (comments, quoting, indentation); each works on
the spans the YAML layer gives.
"""

from __future__ import annotations

from pathlib import Path

from gowls.analysis.findings import TextEdit
from gowls.syntax.positions import Point, Span
from gowls.syntax.yaml import YamlDocument, YamlMapping, YamlNode, YamlPair, YamlScalar, deref


def rename_key(path: Path, pair: YamlPair, new_key: str) -> TextEdit:
    """Replace the key of ``pair`` with ``new_key``."""
    span = pair.key.span if pair.key is not None else pair.span
    return TextEdit(path, span, new_key)


def replace_node(path: Path, node: YamlNode, text: str) -> TextEdit:
    """Replace the whole of ``node`` as written with ``text``."""
    return TextEdit(path, node.span, text)


def wrap_in_list(path: Path, doc: YamlDocument, node: YamlScalar) -> TextEdit:
    """Wrap a scalar in a flow sequence, keeping its text: ``linux`` → ``[linux]``."""
    data = doc.index.data
    start, end = doc.index.offset(node.span.start), doc.index.offset(node.span.end)
    return TextEdit(path, node.span, "[" + data[start:end].decode("utf-8") + "]")


def _last_line(span: Span) -> int:
    return (
        span.end.line
        if span.end.column > 0 or span.end.line == span.start.line
        else (span.end.line - 1)
    )


def delete_pair(path: Path, doc: YamlDocument, pair: YamlPair) -> TextEdit:
    """Remove ``pair`` with its lines; a pair on a ``- `` line hands the line to the next key."""
    index = doc.index
    start = pair.span.start
    prefix = index.line_bytes(start.line)[: start.column]
    last = _last_line(pair.span)
    if prefix.strip() == b"":
        end = (
            Point(last + 1, 0)
            if last + 1 < index.line_count
            else Point(last, len(index.line_bytes(last)))
        )
        first = Point(start.line, 0)
        if last + 1 >= index.line_count and start.line > 0:
            first = Point(start.line - 1, len(index.line_bytes(start.line - 1)))
        return TextEdit(path, Span(first, end), "")
    following = _next_pair(doc, pair)
    if following is not None and following.span.start.line > start.line:
        return TextEdit(path, Span(start, following.span.start), "")
    return TextEdit(path, pair.span, "{}")


def _next_pair(doc: YamlDocument, pair: YamlPair) -> YamlPair | None:
    """The pair after ``pair`` in its mapping (found from the pair's position)."""
    at = doc.node_at(pair.span.start)
    if at is None:
        return None
    for node in reversed(at.chain):
        if isinstance(node, YamlMapping) and pair in node.pairs:
            i = node.pairs.index(pair)
            return node.pairs[i + 1] if i + 1 < len(node.pairs) else None
    return None


def insert_version(path: Path, doc: YamlDocument) -> TextEdit:
    """Insert ``version: 2`` before the first line that is not a comment or blank."""
    index = doc.index
    line = 0
    while line < index.line_count:
        text = index.line_bytes(line).strip()
        if text and not text.startswith(b"#"):
            break
        line += 1
    if line >= index.line_count:
        end = index.point(len(index.data))
        sep = "" if not index.data or index.data.endswith(b"\n") else "\n"
        return TextEdit(path, Span(end, end), f"{sep}version: 2\n")
    if index.line_bytes(line).strip() == b"---":
        line += 1
    at = Point(line, 0)
    return TextEdit(path, Span(at, at), "version: 2\n")


def _block_lines(doc: YamlDocument, pair: YamlPair) -> list[bytes]:
    index = doc.index
    return [index.line_bytes(n) for n in range(pair.span.start.line, _last_line(pair.span) + 1)]


def _indent(line: bytes) -> int:
    return len(line) - len(line.lstrip(b" "))


def move_to_root(
    path: Path, doc: YamlDocument, pair: YamlPair, new_key: str
) -> tuple[TextEdit, ...]:
    """Move a block ``pair`` (e.g. ``retry:`` of a docker image) to the top-level ``new_key``."""
    value = deref(pair.value)
    if value is None or pair.key is None or value.span.start.line == pair.span.start.line:
        return ()
    lines = _block_lines(doc, pair)[1:]
    body = [line for line in lines if line.strip()]
    cut = min(_indent(line) for line in body) if body else 0
    text = "".join((line[cut:].decode("utf-8") if line.strip() else "") + "\n" for line in lines)
    block = f"{new_key}:\n" + "".join("  " + ln + "\n" if ln else "\n" for ln in text.splitlines())
    index = doc.index
    end = index.point(len(index.data))
    sep = "" if index.data.endswith(b"\n") else "\n"
    return (
        delete_pair(path, doc, pair),
        TextEdit(path, Span(end, end), f"{sep}{block}"),
    )


def hoist_pair(
    path: Path, doc: YamlDocument, pair: YamlPair, siblings: set[str]
) -> TextEdit | None:
    """Replace a block mapping ``pair`` by its own keys, one level up (``mcp.github``)."""
    value = deref(pair.value)
    if not isinstance(value, YamlMapping) or value.flow or pair.key is None:
        return None
    inner = set(value.keys())
    if inner & (siblings - {pair.key_text or ""}):
        return None
    if doc.index.line_bytes(pair.span.start.line)[: pair.span.start.column].strip():
        return None
    lines = _block_lines(doc, pair)[1:]
    body = [line for line in lines if line.strip()]
    if not body:
        return None
    cut = min(_indent(line) for line in body) - pair.span.start.column
    text = "".join((line[cut:].decode("utf-8") if line.strip() else "") + "\n" for line in lines)
    last = _last_line(pair.span)
    index = doc.index
    end = (
        Point(last + 1, 0)
        if last + 1 < index.line_count
        else Point(last, len(index.line_bytes(last)))
    )
    if last + 1 >= index.line_count:
        text = text.removesuffix("\n")
    return TextEdit(path, Span(Point(pair.span.start.line, 0), end), text)

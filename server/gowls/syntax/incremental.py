"""Re-reading a go.mod/go.work after an edit: work proportional to the edit, not the file.

The edit is found by diffing the old and new bytes (common prefix and suffix), so no editor
plumbing is needed; tree-sitter re-parses incrementally from the edited old tree. When the edit
keeps every line where it was (typing inside a line: the line count and every line outside the
edited ones unchanged), statements, blocks and comments outside the edited lines keep their
positions and are reused as they are; only the edited lines (widened to whole syntax nodes and
to the statement after them, whose leading comments may have changed) are read again from the
new tree. Every other case (lines inserted or removed, syntax errors before or after, a
block's head or parenthesis edited, a byte order mark) is read in full. Either way the result
equals a fresh parse of the new text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from tree_sitter import Node, Tree

from gowls.syntax.affixes import common_affixes
from gowls.syntax.directives import Readings
from gowls.syntax.grammar import new_parser
from gowls.syntax.positions import LineIndex, Point, Span
from gowls.syntax.shift import READING_MOVERS, Mover
from gowls.syntax.statements import (
    BOM,
    Block,
    Comment,
    FileSyntax,
    Statement,
    Token,
    comment_of,
    read_tree,
    tokens_of,
)

_NON_BLANK = re.compile(rb"[^ \t\r\n]")


def reparse_syntax(previous: FileSyntax, data: bytes, filename: str) -> FileSyntax:
    """``parse_syntax(data, filename)``, reusing what ``previous`` (an older text) read."""
    return reparse_moving(previous, data, filename)[0]


def reparse_moving(
    previous: FileSyntax, data: bytes, filename: str
) -> tuple[FileSyntax, Mover | None]:
    """:func:`reparse_syntax`, and the :class:`Mover` that copied ``previous``'s statements
    below the edit to their new rows (None when nothing moved), to move their readings."""
    syntax, mover, _ = reparse_region(previous, data, filename)
    return syntax, mover


def reparse_region(
    previous: FileSyntax, data: bytes, filename: str
) -> tuple[FileSyntax, Mover | None, tuple[int, int] | None]:
    """:func:`reparse_moving`, and which of ``previous``'s statements were replaced:
    ``(lo, hi)`` when the new statements are ``previous.statements[:lo]``, those read
    again, then ``previous.statements[hi:]`` (moved copies when the mover moved them);
    None when the text was read in full."""
    old = previous.index.data
    prefix, suffix = common_affixes(old, data)
    start, old_end, new_end = prefix, len(old) - suffix, len(data) - suffix
    index = LineIndex.after_edit(previous.index, data, start, new_end)
    at, old_at, new_at = (
        previous.index.point(start),
        previous.index.point(old_end),
        index.point(new_end),
    )
    edited = previous.tree.copy()
    edited.edit(
        start_byte=start,
        old_end_byte=old_end,
        new_end_byte=new_end,
        start_point=(at.line, at.column),
        old_end_point=(old_at.line, old_at.column),
        new_end_point=(new_at.line, new_at.column),
    )
    tree = new_parser().parse(data, edited)
    patched = _patch(previous, index, tree, at.line, old_at.line, new_at.line)
    if patched is not None:
        return patched
    return read_tree(index, filename, tree), None, None


def moved_readings(readings: Readings, mover: Mover | None) -> Readings:
    """A document's per-statement readings, plus those of its statements ``mover`` copied
    (keyed by the copies, the reading moved along)."""
    if mover is None or not mover.moved:
        return readings
    out = dict(readings)
    movers = READING_MOVERS
    for old, new in mover.moved:
        hit = readings.get(id(old))
        if hit is not None and hit[0] is old:
            move = movers.get(type(hit[1]))
            out[id(new)] = (new, move(hit[1], new) if move else mover.value(hit[1]))
    return out


def _patch(
    previous: FileSyntax, index: LineIndex, tree: Tree, first: int, old_last: int, last: int
) -> tuple[FileSyntax, Mover | None, tuple[int, int]] | None:
    """The new syntax when old lines ``first``..``old_last`` became new lines
    ``first``..``last``; None to read in full. Lines below the edit moved by
    ``last - old_last`` rows: their statements, blocks and comments are moved copies.

    Nothing outside those lines can have changed shape without showing here: in this grammar
    only a raw string or a block's parentheses span lines, so such a change either reaches into
    the region (a node across lines: read in full), moves the enclosing block's end (checked),
    or leaves an error in the tree (read in full). ``Tree.changed_ranges`` would say the same
    at the price of a walk over both trees (1.6 ms at 5,000 lines).
    """
    delta = last - old_last
    if previous.problems or tree.root_node.has_error or index.data.startswith(BOM):
        return None
    inside, block = _enclosing_block(previous.blocks, first, old_last)
    if not inside:
        return None
    root = tree.root_node
    parent = root
    offset = index.offset(Point(first, 0))
    if block is not None:
        ok, node = _child_at(root, root, index.data, offset)
        if (
            not ok
            or node is None
            or node.type != "block"
            or node.start_point != (block.span.start.line, block.span.start.column)
            or block.rparen is None
            or node.end_point != (block.rparen.end.line + delta, block.rparen.end.column)
        ):
            return None
        parent = node
    nodes = _region(root, parent, index.data, offset, last)
    if nodes is None:
        return None
    if nodes:
        first = min(first, nodes[0].start_point[0])
        last = max(last, max(n.end_point[0] for n in nodes))
    old_last = last - delta
    if _enclosing_block(previous.blocks, first, old_last) != (True, block):
        return None
    mover = Mover(old_last, delta) if delta else None
    new_block = block if mover is None or block is None else mover.block(block)
    allowed = ("block_line", "comment") if block is not None else ("directive", "comment")
    read: list[Statement] = []
    code_end: dict[int, int] = {}
    comment_nodes: list[Node] = []
    for node in nodes:
        kind = node.type
        if kind not in allowed:
            return None
        if kind == "comment":
            comment_nodes.append(node)
            continue
        toks = tokens_of(node)
        if not toks:
            continue
        if toks[0].span.start.line != toks[-1].span.end.line:
            return None  # a raw string across lines: rare, read in full
        code_end[toks[-1].span.end.line] = toks[-1].span.end.column
        if new_block is not None:
            read.append(Statement(new_block.tokens[0], toks, _span_of(toks), new_block))
        else:
            read.append(Statement(toks[0], toks[1:], _span_of(toks), None))
        comment_nodes.extend(_nested_comments(node))
    comment_nodes.sort(key=lambda n: n.start_byte)
    fresh = [comment_of(n, code_end) for n in comment_nodes]
    statements = previous.statements
    lo = bisect_left(statements, first, key=lambda s: s.span.end.line)
    hi = bisect_right(statements, old_last, key=lambda s: s.span.start.line)
    if lo < hi and (
        statements[lo].span.start.line < first or statements[hi - 1].span.end.line > old_last
    ):
        return None  # an old statement straddles the region
    comments = previous.comments
    clo = bisect_left(comments, first, key=lambda c: c.span.start.line)
    chi = bisect_right(comments, old_last, key=lambda c: c.span.start.line)
    if mover is None:
        above, below = statements[:lo], statements[hi:]
        blocks, comments_below = list(previous.blocks), comments[chi:]
    else:
        above = statements[:lo]
        if block is not None:  # the lines above the edit in its block: their `)` moved
            top = bisect_left(above, block.span.start.line, key=lambda s: s.span.start.line)
            above = [*above[:top], *mover.above(above[top:], block)]
        below = mover.below(statements[hi:])
        blocks = list(map(mover.block, previous.blocks))
        comments_below = list(map(mover.comment, comments[chi:]))
    all_comments = [*comments[:clo], *fresh, *comments_below]
    _attach(read, all_comments, clo, clo + len(fresh))
    syntax = FileSyntax(index, tree, [*above, *read, *below], blocks, all_comments, [])
    return syntax, mover, (lo, hi)


def _enclosing_block(blocks: list[Block], first: int, last: int) -> tuple[bool, Block | None]:
    """The block whose inner lines hold rows ``first``..``last`` (None when no block touches
    them); False first when one does but they are not strictly inside its parentheses."""
    found: Block | None = None
    for block in blocks:
        top = block.span.start.line
        bottom = block.rparen.end.line if block.rparen is not None else None
        if bottom is None:
            return False, None
        if last < top or first > bottom:
            continue
        if found is not None or not (block.lparen.end.line < first and last < bottom):
            return False, None
        found = block
    return True, found


def _child_at(root: Node, parent: Node, data: bytes, offset: int) -> tuple[bool, Node | None]:
    """The child of ``parent`` holding the first non-blank byte at or after ``offset`` (None
    past the end of ``parent``); False first when that is not a child of ``parent``.

    (``Node.first_child_for_byte`` would do, but crashes the interpreter in py-tree-sitter
    0.26 on some trees.)"""
    found = _NON_BLANK.search(data, offset)
    if found is None or found.start() >= parent.end_byte:
        return True, None
    node: Node | None = root.descendant_for_byte_range(found.start(), found.start() + 1)
    while node is not None:
        up = node.parent
        if up is None:
            return False, None
        if up == parent:
            return True, node
        node = up
    return False, None


def _region(root: Node, parent: Node, data: bytes, offset: int, last: int) -> list[Node] | None:
    """The children of ``parent`` from the one holding ``offset`` through row ``last``, then
    the lines right below while they are comments, and the first line after them."""
    ok, node = _child_at(root, parent, data, offset)
    if not ok:
        return None
    out: list[Node] = []
    while node is not None and node.start_point[0] <= last:
        out.append(node)
        last = max(last, node.end_point[0])
        node = node.next_sibling
    widen = True
    while node is not None and node.type != ")":  # (a block's end is not a statement)
        row = node.start_point[0]
        if row > last and node.type == "block":
            break  # nothing attaches to a block's head: the block needs no reading
        if row <= last:  # the rest of a line already taken (a suffix comment)
            out.append(node)
        elif row == last + 1 and widen:
            out.append(node)
            widen = node.type == "comment"
            last = node.end_point[0]
        else:
            break
        node = node.next_sibling
    return out


def _nested_comments(node: Node) -> list[Node]:
    found: list[Node] = []
    stack = list(node.children)
    while stack:
        child = stack.pop()
        if child.type == "comment":
            found.append(child)
        elif child.child_count:
            stack.extend(child.children)
    return found


def _span_of(tokens: list[Token]) -> Span:
    return Span(tokens[0].span.start, tokens[-1].span.end)


def _attach(read: list[Statement], comments: list[Comment], lo: int, hi: int) -> None:
    """Suffix and leading comments of the re-read statements (as ``attach_comments`` would
    set them on a fresh parse): ``comments[lo:hi]`` are the re-read lines' comments."""
    by_row = {c.span.start.line: i for i, c in enumerate(comments[lo:hi], lo)}
    for stmt in read:
        end_row = stmt.span.end.line
        at = by_row.get(end_row)
        if at is not None and comments[at].suffix:
            stmt.suffix = comments[at]
        row = stmt.span.start.line - 1
        at = _comment_index(comments, row, by_row, lo)
        run: list[Comment] = []
        while at is not None and not comments[at].suffix and comments[at].span.start.line == row:
            run.append(comments[at])
            at -= 1
            row -= 1
            at = at if at >= 0 and comments[at].span.start.line == row else None
        run.reverse()
        stmt.before = run


def _comment_index(
    comments: list[Comment], row: int, by_row: dict[int, int], lo: int
) -> int | None:
    at = by_row.get(row)
    if at is not None:
        return at
    i = bisect_left(comments, row, hi=lo, key=lambda c: c.span.start.line)
    if i < lo and comments[i].span.start.line == row:
        return i
    return None

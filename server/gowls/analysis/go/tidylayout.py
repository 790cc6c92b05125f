"""The layout Go 1.27's ``go mod tidy`` gives a go.mod's requirements: at most two blocks.

From the ``go 1.27`` line on, ``go`` writes go.mod with ``modfile``'s "at most two" layout
(``SetRequireAtMostTwo``): every requirement moves to the last uncommented block (or line) of
only direct requirements and the last uncommented block of only ``// indirect`` ones, new
blocks being made where there are none; the comments above the other blocks move above the
block that receives their lines (separated by an empty ``//``); emptied blocks disappear, with
any comment before their ``)``. This module redoes that on the formatter's statement model,
with the requirements as the file states them, so the result is what tidy prints for a file
whose requirements are already tidy.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gowls.syntax.format import FormatError, ModBlock, ModLine, ModStmt, format_modfile
from gowls.syntax.gomod import GoMod, Require

SIMPLIFY_SINCE = "1.27"
"""The go line from which ``go`` merges require blocks (``gover.SimplifyRequireVersion``)."""


def _is_indirect(line: ModLine) -> bool:
    if not line.suffix:
        return False
    words = line.suffix[0].removeprefix("//").split()
    return words == ["indirect"] or (len(words) > 1 and words[0] == "indirect;")


def _has_comments(line: ModLine) -> bool:
    """Comments other than a lone ``// indirect``."""
    if line.before or len(line.suffix) > 1:
        return True
    return bool(line.suffix) and line.suffix[0].removeprefix("//").strip() != "indirect"


def _is_require(stmt: ModStmt) -> bool:
    return isinstance(stmt, ModLine | ModBlock) and stmt.tokens[:1] == ["require"]


@dataclass(slots=True)
class _Scan:
    """What the walk over the statements finds (indices into the statement list)."""

    last_direct: int = -1
    last_indirect: int = -1
    last_require: int = -1
    direct_comments: list[str] = field(default_factory=list)
    indirect_comments: list[str] = field(default_factory=list)
    lines: list[ModLine] = field(default_factory=list)
    """Every requirement line, in file order."""


def _scan(stmts: list[ModStmt]) -> _Scan:
    scan = _Scan()
    for i, stmt in enumerate(stmts):
        if isinstance(stmt, ModLine) and _is_require(stmt):
            scan.last_require = i
            scan.lines.append(stmt)
            if not _has_comments(stmt):
                if _is_indirect(stmt):
                    scan.last_indirect = i
                else:
                    scan.last_direct = i
        elif isinstance(stmt, ModBlock) and _is_require(stmt):
            scan.last_require = i
            scan.lines.extend(stmt.lines)
            plain = bool(stmt.lines) and not stmt.before
            if plain and all(not _has_comments(x) and not _is_indirect(x) for x in stmt.lines):
                scan.last_direct = i
            if plain and all(not _has_comments(x) and _is_indirect(x) for x in stmt.lines):
                scan.last_indirect = i
            # The comments above the block go to the block its direct lines (if any) join.
            any_direct = any(not _is_indirect(x) for x in stmt.lines)
            target = scan.indirect_comments
            if any_direct or not stmt.lines:
                target = scan.direct_comments
            if target and stmt.before:
                target.append("//")
            target.extend(stmt.before)
            stmt.before = []
    return scan


def _ensure_block(stmts: list[ModStmt], i: int) -> ModBlock:
    """The block at ``i``, turning a ``require`` line there into a block of that line."""
    stmt = stmts[i]
    if isinstance(stmt, ModBlock):
        return stmt
    assert isinstance(stmt, ModLine)
    block = ModBlock(["require"], [stmt])
    stmt.tokens = stmt.tokens[1:]
    stmts[i] = block
    return block


def at_most_two(stmts: list[ModStmt]) -> list[ModStmt]:
    """Rewrite the require statements as ``SetRequireAtMostTwo`` does (a format rewrite)."""
    scan = _scan(stmts)

    def insert(i: int) -> ModBlock:
        block = ModBlock(["require"])
        stmts.insert(i, block)
        return block

    direct_at, indirect_at = scan.last_direct, scan.last_indirect
    if direct_at < 0:
        if indirect_at >= 0:
            direct_at, indirect_at = indirect_at, indirect_at + 1
        else:
            direct_at = scan.last_require + 1 if scan.last_require >= 0 else len(stmts)
        direct = insert(direct_at)
    else:
        direct = _ensure_block(stmts, direct_at)
    indirect = insert(direct_at + 1) if indirect_at < 0 else _ensure_block(stmts, indirect_at)
    direct.before.extend(scan.direct_comments)
    indirect.before.extend(scan.indirect_comments)

    # Every requirement moves (go copies the line to the end of its block, then sorts).
    moved = {id(line) for line in scan.lines}
    kept: list[ModStmt] = []
    for stmt in stmts:
        if isinstance(stmt, ModLine) and id(stmt) in moved:
            continue
        if isinstance(stmt, ModBlock) and _is_require(stmt):
            stmt.lines = []
        kept.append(stmt)
    for line in scan.lines:
        if line.tokens[:1] == ["require"]:
            line.tokens = line.tokens[1:]
        elif line.before == [""]:
            line.before = []  # as any tidy does (the scan above still saw a comment)
        (indirect if _is_indirect(line) else direct).lines.append(line)
    return kept


def _unmerged(stmts: list[ModStmt]) -> list[ModStmt]:
    """What tidy does to require blocks at any go line: setting a version drops a lone blank
    line above a line in a block (golang.org/issue/33779)."""
    for stmt in stmts:
        if isinstance(stmt, ModBlock) and _is_require(stmt):
            for line in stmt.lines:
                if line.before == [""]:
                    line.before = []
    return stmts


def merged_by_tidy(data: bytes) -> bytes | None:
    """The go.mod text ``data`` as Go 1.27's tidy leaves it, requirements unchanged, when its
    at-most-two layout changes the file; None when it does not, or on syntax errors.

    Tidy is not always idempotent: a comment on a line that joins the direct block makes
    that block ineligible next time, and a second run moves it again. The result is the text
    repeated runs settle on (the second run at the latest), which tidy then keeps.
    """
    try:
        merged = format_modfile(data, at_most_two)
        if merged == format_modfile(data, _unmerged):
            return None
        for _ in range(_MAX_RUNS):
            again = format_modfile(merged, at_most_two)
            if again == merged:
                break
            merged = again
    except FormatError:
        return None
    return merged


_MAX_RUNS = 4


def already_settled(mod: GoMod) -> bool:
    """A cheap sufficient test that tidy's merge changes nothing (so no formatting is needed):
    at most one block or line of direct and one of indirect requirements, no comment above
    them, none on their lines but ``// indirect``, no blank line between the lines."""
    groups: dict[int, list[Require]] = {}
    for req in mod.requires:
        groups.setdefault(id(req.statement.block or req.statement), []).append(req)
    kinds: set[bool] = set()
    index = mod.index
    for group in groups.values():
        marks = {req.indirect for req in group}
        if len(marks) != 1 or marks <= kinds:
            return False
        kinds |= marks
        block = group[0].statement.block
        head = block.span.start.line if block else group[0].statement.span.start.line
        if head > 0 and index.line_bytes(head - 1).strip().startswith(b"//"):
            return False
        previous = block.lparen.start.line if block else head - 1
        for req in group:
            stmt = req.statement
            if stmt.span.start.line != previous + 1 or stmt.before:
                return False
            previous = stmt.span.start.line
            if stmt.suffix is not None and stmt.suffix.text[2:].strip() != "indirect":
                return False
    return True

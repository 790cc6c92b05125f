"""Field references in Go templates (``{{ .Version }}``), as GoReleaser's values use them.

A small scanner, enough to find the fields a template reads from its root context: ``.Name``
and ``.Name.Sub`` where the dot is the root, and ``$.Name`` anywhere. Inside ``with`` and
``range`` the dot is something else, so fields there are not reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ACTION = re.compile(r"\{\{-?\s?")
_TOKEN = re.compile(
    r"""
    (?P<comment>/\*.*?\*/)
  | (?P<string>"(?:[^"\\]|\\.)*"|`[^`]*`|'(?:[^'\\]|\\.)*')
  | (?P<close>\s?-?\}\})
  | (?P<root>\$?\.(?P<chain>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*))
  | (?P<word>\$?[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_DOT_CHANGING = frozenset({"with", "range"})
_BLOCK_OPENERS = frozenset({"if", "block", "define"})


@dataclass(frozen=True, slots=True)
class FieldRef:
    """``.Name.Sub...`` read from the root context at byte range [start, end) of the text."""

    names: tuple[str, ...]
    start: int
    end: int
    """End of the first name (``.Name``), the part a finding points at."""


@dataclass(frozen=True, slots=True)
class FuncRef:
    """A function name called in an action, at byte range [start, end) of the text."""

    name: str
    start: int
    end: int


def scan(text: str) -> tuple[list[FieldRef], list[FuncRef]]:
    """The root field references and function calls of a template, in order.

    Offsets are in bytes of ``text.encode()``. Text with no ``{{`` yields nothing.
    """
    data = text
    fields: list[FieldRef] = []
    funcs: list[FuncRef] = []
    stack: list[bool] = []  # per open block: whether it changes the dot
    pos = 0
    while True:
        m = _ACTION.search(data, pos)
        if m is None:
            break
        i = m.end()
        first_word = True
        prev_other = ""
        while i < len(data):
            t = _TOKEN.match(data, i)
            if t is None:
                break
            i = t.end()
            kind = t.lastgroup
            if kind == "close":
                break
            if kind == "root":
                after_paren = prev_other == ")"
                token = t.group("root")
                names = tuple(t.group("chain").split("."))
                dot_is_root = not any(stack)
                if not after_paren and (token.startswith("$") or dot_is_root):
                    start = t.start() + (1 if token.startswith("$") else 0)
                    fields.append(
                        FieldRef(names, _b(data, start), _b(data, start + 1 + len(names[0])))
                    )
                first_word = False
                prev_other = ""
                continue
            if kind == "word":
                word = t.group("word")
                if first_word and word in _DOT_CHANGING:
                    stack.append(True)
                elif first_word and word in _BLOCK_OPENERS:
                    stack.append(word == "define")
                elif first_word and word == "end":
                    if stack:
                        stack.pop()
                elif first_word and word == "else":
                    pass
                elif not word.startswith("$") and "." not in word and word not in _KEYWORDS:
                    funcs.append(FuncRef(word, _b(data, t.start()), _b(data, t.end())))
                if word != "else":
                    first_word = False
                prev_other = ""
                continue
            if kind == "other" and not t.group().isspace():
                prev_other = t.group()
        pos = i
    return fields, funcs


_KEYWORDS = frozenset(
    {"if", "else", "end", "range", "with", "define", "block", "template", "break", "continue",
     "nil", "true", "false"}
)  # fmt: skip


def _b(text: str, index: int) -> int:
    """The UTF-8 byte offset of character ``index``."""
    return len(text[:index].encode())

"""The lexer: ``{{ }}`` actions, comments and the tokens inside actions, as Go's lexer reads them.

Go stops at its first error; this lexer reports it (in Go's words) and goes on: a string that
is never closed ends at the action's ``}}``, and an action that meets another ``{{`` before its
``}}`` is closed there, so one typo does not swallow the rest of a file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gowls.syntax.gotemplate.model import (
    KEYWORDS,
    TemplateComment,
    TemplateProblem,
    Token,
    TokenKind,
)

_SPACE = b" \t\r\n"
_WORD = rb"[A-Za-z0-9_\x80-\xff]"
_IDENT = re.compile(rb"[A-Za-z_\x80-\xff]" + _WORD + b"*")
_VAR = re.compile(rb"\$" + _WORD + b"*")
_FIELD = re.compile(rb"\.(?:[A-Za-z_\x80-\xff]" + _WORD + b"*)?")
_MORE_FIELDS = re.compile(rb"(?:\.[A-Za-z_\x80-\xff]" + _WORD + b"*)+")
_NUMBER = re.compile(
    rb"[+-]?(?:0[xX][0-9a-fA-F_]*(?:\.[0-9a-fA-F_]*)?(?:[pP][+-]?[0-9_]+)?"
    rb"|0[oObB][0-9_]*"
    rb"|[0-9_]*(?:\.[0-9_]*)?(?:[eE][+-]?[0-9_]+)?)i?"
)
_SPACES = re.compile(rb"[ \t\r\n]+")
_TERMINATORS = frozenset(b" \t\r\n.,|:()")
_PUNCT = {
    ord("|"): TokenKind.PIPE,
    ord(","): TokenKind.COMMA,
    ord("="): TokenKind.ASSIGN,
    ord("("): TokenKind.LPAREN,
    ord(")"): TokenKind.RPAREN,
}


@dataclass(slots=True)
class RawAction:
    """An action as lexed, before its pipeline is read."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    trim_left: bool
    trim_right: bool = False
    closed: bool = True
    tokens: list[Token] = field(default_factory=list)
    problems: list[tuple[int, TemplateProblem]] = field(default_factory=list)
    """Lexer errors inside this action, each with the offset where Go's lexer meets it."""


def _unicode_name(byte: int) -> str:
    """Go's ``%#U`` for a byte-sized rune."""
    if 0x20 <= byte < 0x7F:
        return f"U+{byte:04X} '{chr(byte)}'"
    return f"U+{byte:04X}"


class Lexer:
    """Lexes one text; offsets in results include ``base``."""

    def __init__(self, data: bytes, base: int) -> None:
        self.data = data
        self.base = base
        self.actions: list[RawAction] = []
        self.comments: list[TemplateComment] = []
        self.problems: list[TemplateProblem] = []
        self.met: list[int] = []
        self.texts: list[tuple[int, int]] = []

    def problem(self, start: int, end: int, message: str, met: int | None = None) -> None:
        """Record a problem; ``met`` is where Go meets it when that is before ``start``."""
        self.problems.append(TemplateProblem(start + self.base, end + self.base, message))
        self.met.append((start if met is None else met) + self.base)

    def run(self, start: int = 0) -> None:
        """Lex from ``start`` (0, or where an item the lexer already holds ends)."""
        data = self.data
        n = len(data)
        pos = start
        while pos < n:
            left = data.find(b"{{", pos)
            if left < 0:
                break
            if left > pos:
                self.texts.append((pos + self.base, left + self.base))
            after = left + 2
            trim = data[after : after + 1] == b"-" and data[after + 1 : after + 2] in (
                b" ",
                b"\t",
                b"\r",
                b"\n",
            )
            if trim:
                after += 2
            if data.startswith(b"/*", after):
                pos = self._comment(left, after, trim)
            else:
                pos = self._action(left, after, trim)
        if pos < n:
            self.texts.append((pos + self.base, n + self.base))

    def _right_delim(self, pos: int) -> tuple[int, bool] | None:
        """Where the text after ``}}`` starts and whether a trim marker precedes it."""
        data = self.data
        if data.startswith(b"}}", pos):
            return pos + 2, False
        if data[pos : pos + 1] in (b" ", b"\t", b"\r", b"\n") and data.startswith(b"-}}", pos + 1):
            return pos + 4, True
        return None

    def _comment(self, left: int, after: int, trim: bool) -> int:
        data = self.data
        close = data.find(b"*/", after + 2)
        if close < 0:
            self.problem(left, len(data), "unclosed comment")
            text = data[after + 2 :].decode("utf-8", errors="replace")
            self.comments.append(
                TemplateComment(left + self.base, len(data) + self.base, text, trim, False)
            )
            return len(data)
        text = data[after + 2 : close].decode("utf-8", errors="replace")
        delim = self._right_delim(close + 2)
        if delim is None:
            self.problem(left, close + 2, "comment ends before closing delimiter")
            stop = data.find(b"}}", close + 2)
            end = len(data) if stop < 0 else stop + 2
            trim_right = False
        else:
            end, trim_right = delim
        self.comments.append(
            TemplateComment(left + self.base, end + self.base, text, trim, trim_right)
        )
        return end

    def _action(self, left: int, after: int, trim: bool) -> int:
        data = self.data
        n = len(data)
        base = self.base
        action = RawAction(left + base, left + base, after + base, after + base, trim)
        tokens = action.tokens
        before = len(self.problems)
        parens: list[int] = []
        k = after
        while True:
            if k >= n:
                self.problem(left, n, "unclosed action", met=n)
                action.closed = False
                action.inner_end = action.end = n + base
                break
            c = data[k]
            if c in _SPACE:
                m = _SPACES.match(data, k)
                stop = m.end() if m else k + 1
                if not data.startswith(b"-}}", stop):
                    k = stop
                    continue
                k = stop - 1  # the space of " -}}"
            elif c == 0x7D and data.startswith(b"}}", k):
                pass
            elif c == 0x7B and data.startswith(b"{{", k):
                self.problem(left, k, "unclosed action")
                action.closed = False
                action.inner_end = action.end = k + base
                break
            else:
                k = self._token(k, c, tokens, parens)
                continue
            end, trim_right = self._right_delim(k) or (k + 2, False)
            action.inner_end = k + base
            action.end = end + base
            action.trim_right = trim_right
            if parens:
                self.problem(parens[-1], parens[-1] + 1, "unclosed left paren", met=k)
            break
        action.problems = list(zip(self.met[before:], self.problems[before:], strict=True))
        del self.problems[before:]
        del self.met[before:]
        self.actions.append(action)
        return action.end - base

    def _add(
        self, tokens: list[Token], kind: TokenKind, start: int, end: int, **extra: object
    ) -> None:
        text = self.data[start:end].decode("utf-8", errors="replace")
        tokens.append(Token(kind, start + self.base, end + self.base, text, **extra))  # type: ignore[arg-type]

    def _token(self, k: int, c: int, tokens: list[Token], parens: list[int]) -> int:
        """Lex one token at ``k``; return where lexing goes on."""
        data = self.data
        punct = _PUNCT.get(c)
        if punct is not None:
            if c == 0x28:
                parens.append(k)
            elif c == 0x29:
                if not parens:
                    self.problem(k, k + 1, "unexpected right paren")
                    return k + 1
                parens.pop()
            self._add(tokens, punct, k, k + 1)
            return k + 1
        if c == 0x3A:  # ':'
            if data[k + 1 : k + 2] == b"=":
                self._add(tokens, TokenKind.DECLARE, k, k + 2)
                return k + 2
            self.problem(k, k + 1, "expected :=")
            return k + 1
        if c == 0x22 or c == 0x27:  # '"' or "'"
            return self._quoted(k, tokens, c)
        if c == 0x60:  # '`'
            close = data.find(b"`", k + 1)
            if close < 0:
                stop = data.find(b"}}", k + 1)
                stop = len(data) if stop < 0 else stop
                while stop > k + 1 and data[stop - 1] in _SPACE:
                    stop -= 1
                self.problem(k, stop, "unterminated raw quoted string")
                self._add(tokens, TokenKind.RAW_STRING, k, stop)
                return stop
            self._add(tokens, TokenKind.RAW_STRING, k, close + 1)
            return close + 1
        if c == 0x24:  # '$'
            m = _VAR.match(data, k)
            assert m is not None
            return self._chain(k, m.end(), tokens, data[k : m.end()].decode("utf-8", "replace"))
        if c == 0x2E and not data[k + 1 : k + 2].isdigit():
            m = _FIELD.match(data, k)
            assert m is not None
            return self._chain(k, m.end(), tokens, None)
        if c in b"+-0123456789.":
            return self._number(k, tokens)
        m = _IDENT.match(data, k)
        if m is not None:
            word = data[k : m.end()].decode("utf-8", errors="replace")
            kind = TokenKind.KEYWORD if word in KEYWORDS else TokenKind.IDENT
            chained = False
            self._add(tokens, kind, k, m.end())
            end = m.end()
            more = _MORE_FIELDS.match(data, end)
            if more is not None:
                names = tuple(data[end + 1 : more.end()].decode("utf-8", "replace").split("."))
                chained = True
                self._add(tokens, TokenKind.FIELD, end, more.end(), fields=names, chained=chained)
                end = more.end()
            return self._terminated(end, k)
        if 0x20 < c < 0x7F:
            self._add(tokens, TokenKind.OTHER, k, k + 1)
            return k + 1
        self.problem(k, k + 1, f"unrecognized character in action: {_unicode_name(c)}")
        return k + 1

    def _terminated(self, pos: int, word: int) -> int:
        """Go's check that the word from ``word`` ends at a terminator (at ``pos``); skip the
        offending byte if not (Go meets the error while lexing the word)."""
        data = self.data
        if pos >= len(data) or data[pos] in _TERMINATORS or self._right_delim(pos) is not None:
            return pos
        if data.startswith(b"}}", pos):
            return pos
        self.problem(pos, pos + 1, f"bad character {_unicode_name(data[pos])}", met=word)
        return pos + 1

    def _chain(self, k: int, end: int, tokens: list[Token], variable: str | None) -> int:
        """A variable or a dot-rooted field, and the ``.name`` fields that follow it."""
        data = self.data
        more = _MORE_FIELDS.match(data, end)
        stop = more.end() if more is not None else end
        if variable is not None:
            names = data[end:stop].decode("utf-8", "replace").split(".")[1:]
        else:
            names = data[k + 1 : stop].decode("utf-8", "replace").split(".") if stop > k + 1 else []
        chained = variable is None and bool(tokens) and tokens[-1].kind is TokenKind.RPAREN
        chained = chained and tokens[-1].end == k + self.base
        if variable is not None and not names:
            self._add(tokens, TokenKind.VARIABLE, k, stop, variable=variable)
        else:
            self._add(
                tokens,
                TokenKind.FIELD,
                k,
                stop,
                variable=variable,
                fields=tuple(names),
                chained=chained,
            )
        return self._terminated(stop, k)

    def _quoted(self, k: int, tokens: list[Token], quote: int) -> int:
        """A ``"..."`` string or ``'.'`` char; unterminated ones end before the action's ``}}``."""
        data = self.data
        n = len(data)
        kind = TokenKind.STRING if quote == 0x22 else TokenKind.CHAR
        j = k + 1
        while j < n:
            ch = data[j]
            if ch == 0x5C and j + 1 < n and data[j + 1] != 0x0A:
                j += 2
                continue
            if ch == 0x0A or ch == 0x5C:
                break
            if ch == quote:
                self._add(tokens, kind, k, j + 1)
                value = tokens[-1].value() if kind is TokenKind.CHAR else None
                if value is not None and len(value) != 1:
                    text = tokens[-1].text
                    self.problem(k, j + 1, f"malformed character constant: {text}")
                return j + 1
            j += 1
        line_end = data.find(b"\n", k)
        line_end = n if line_end < 0 else line_end
        close = data.find(b"}}", k, line_end)
        stop = close if close >= 0 else min(j, n)
        if close >= 0 and data[close - 1 : close] == b"-" and data[close - 2 : close - 1] in b" \t":
            stop = close - 2
        while stop > k + 1 and data[stop - 1] in _SPACE:
            stop -= 1
        what = "quoted string" if kind is TokenKind.STRING else "character constant"
        self.problem(k, stop, f"unterminated {what}")
        self._add(tokens, kind, k, stop)
        return stop

    def _number(self, k: int, tokens: list[Token]) -> int:
        data = self.data
        m = _NUMBER.match(data, k)
        end = m.end() if m is not None else k + 1
        end = max(end, k + 1)
        word = _IDENT.match(data, end)
        if word is not None:
            # Go's message shows the number and the first character after it
            shown = data[k:end].decode("utf-8", errors="replace")
            shown += data[end : word.end()].decode("utf-8", errors="replace")[:1]
            self.problem(k, word.end(), f'bad number syntax: "{shown}"')
            end = word.end()
        elif not any(0x30 <= b <= 0x39 for b in data[k:end]):
            text = data[k:end].decode("utf-8", errors="replace")
            self.problem(k, end, f'illegal number syntax: "{text}"')
        self._add(tokens, TokenKind.NUMBER, k, end)
        return end


def is_keyword(token: Token, word: str) -> bool:
    """Whether ``token`` is the keyword ``word``."""
    return token.kind is TokenKind.KEYWORD and token.text == word

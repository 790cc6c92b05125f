"""Go string literals and the quoting rules of go.mod files."""

from __future__ import annotations

import unicodedata

_SIMPLE_ESCAPES = {
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "v": "\v",
    "\\": "\\",
    '"': '"',
}


class UnquoteError(ValueError):
    """Raised for a malformed Go string literal (Go says ``invalid syntax``)."""


def unquote(literal: str) -> str:
    """Decode a double-quoted or back-quoted Go string literal, like ``strconv.Unquote``."""
    if len(literal) < 2:
        raise UnquoteError("invalid syntax")
    quote = literal[0]
    if quote != literal[-1] or quote not in '"`':
        raise UnquoteError("invalid syntax")
    body = literal[1:-1]
    if quote == "`":
        if "`" in body:
            raise UnquoteError("invalid syntax")
        return body.replace("\r", "")
    if "\n" in body:
        raise UnquoteError("invalid syntax")
    out: list[str] = []
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == '"':
            raise UnquoteError("invalid syntax")
        if ch != "\\":
            out.append(ch)
            i += 1
            continue
        if i + 1 >= len(body):
            raise UnquoteError("invalid syntax")
        esc = body[i + 1]
        if esc in _SIMPLE_ESCAPES:
            out.append(_SIMPLE_ESCAPES[esc])
            i += 2
        elif esc in "xuU":
            width = {"x": 2, "u": 4, "U": 8}[esc]
            digits = body[i + 2 : i + 2 + width]
            if len(digits) != width or any(c not in "0123456789abcdefABCDEF" for c in digits):
                raise UnquoteError("invalid syntax")
            value = int(digits, 16)
            if esc != "x" and (value > 0x10FFFF or 0xD800 <= value < 0xE000):
                raise UnquoteError("invalid syntax")
            out.append(chr(value))
            i += 2 + width
        elif esc in "01234567":
            digits = body[i + 1 : i + 4]
            if len(digits) != 3 or any(c not in "01234567" for c in digits):
                raise UnquoteError("invalid syntax")
            value = int(digits, 8)
            if value > 255:
                raise UnquoteError("invalid syntax")
            out.append(chr(value))
            i += 4
        else:
            raise UnquoteError("invalid syntax")
    return "".join(out)


def _is_print(ch: str) -> bool:
    # Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and ASCII space.
    return ch == " " or unicodedata.category(ch)[0] in "LMNPS"


def must_quote(text: str) -> bool:
    """Whether a go.mod token must be written quoted (``modfile.MustQuote``)."""
    for ch in text:
        if ch in " \"'`":
            return True
        if ch in "()[]{},":
            if len(text) > 1:
                return True
        elif not _is_print(ch):
            return True
    return text == "" or "//" in text or "/*" in text


def auto_quote(text: str) -> str:
    """Quote ``text`` as Go would if it needs quoting (``modfile.AutoQuote``)."""
    return quote(text) if must_quote(text) else text


def quote(text: str) -> str:
    """A Go double-quoted literal for ``text`` (``strconv.Quote``, ASCII-safe escapes only)."""
    out = ['"']
    for ch in text:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif not _is_print(ch):
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x80 else f"\\u{code:04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)

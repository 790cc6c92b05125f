"""Import and module path validity as the go command checks a main module's path
(``module.CheckImportPath`` of golang.org/x/mod, written here from its documented rules)."""

from __future__ import annotations

_WINDOWS_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL"]
    + [f"COM{i}" for i in range(1, 10)]
    + [f"LPT{i}" for i in range(1, 10)]
)
_ASCII_OK = frozenset("-._~+0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _go_quote_rune(char: str) -> str:
    """``%q`` of a rune, for the characters an import path can hold after decoding."""
    if char == "'":
        return "'\\''"
    if char == "\\":
        return "'\\\\'"
    if char.isprintable():
        return f"'{char}'"
    code = ord(char)
    if code < 0x80:
        return f"'\\x{code:02x}'"
    return f"'\\u{code:04x}'" if code < 0x10000 else f"'\\U{code:08x}'"


def _check_element(elem: str) -> str | None:
    if elem == "":
        return "empty path element"
    if elem.count(".") == len(elem):
        return f'invalid path element "{elem}"'
    if elem.endswith("."):
        return "trailing dot in path element"
    for char in elem:
        if char not in _ASCII_OK:
            return f"invalid char {_go_quote_rune(char)}"
    short = elem.split(".", 1)[0]
    if short.upper() in _WINDOWS_RESERVED:
        return f'"{short}" disallowed as path element component on Windows'
    tilde = short.rfind("~")
    if 0 <= tilde < len(short) - 1 and short[tilde + 1 :].isdigit():
        return "trailing tilde and digits in path element"
    return None


def check_import_path(path: str) -> str | None:
    """None when go accepts ``path`` as a main module's path, else go's reason
    (``malformed module path "P": REASON``)."""
    if "\ufffd" in path:
        return "invalid UTF-8"
    if path == "":
        return "empty string"
    if path.startswith("-"):
        return "leading dash"
    if "//" in path:
        return "double slash"
    if path.endswith("/"):
        return "trailing slash"
    for elem in path.split("/"):
        problem = _check_element(elem)
        if problem is not None:
            return problem
    return None

"""The tree-sitter language for go.mod and go.work files.

The grammar lives in ``grammars/tree-sitter-gomod`` and is compiled into the extension
module ``gowls.syntax._gomod`` when the package is built. Node types: ``source_file``,
``directive`` and ``block`` (field ``verb``), ``block_line``, ``identifier``,
``interpreted_string``, ``raw_string`` and ``comment``.
"""

from __future__ import annotations

from tree_sitter import Language, Parser

from gowls.syntax._gomod import language as _language

__all__ = ["LANGUAGE", "new_parser"]

LANGUAGE: Language = Language(_language())


def new_parser() -> Parser:
    """Return a new parser for go.mod and go.work text (parsers are not thread-safe)."""
    return Parser(LANGUAGE)

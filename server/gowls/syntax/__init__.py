"""Syntax layer: tree-sitter trees to typed documents with byte-based ranges.

Nothing here reads files or knows about workspaces; it turns text into documents.
"""

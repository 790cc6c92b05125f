"""Helm charts: values.schema.json validation as Helm does it, and Helm's values merging.

Pure analysis on plain Python data (dicts, lists, scalars) and file text; no LSP types, and no
imports from the Go kind (``gowls.analysis.go``), ``gowls.lsp`` or ``gowls.cli``.
"""

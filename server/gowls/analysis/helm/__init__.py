"""Helm charts: values files, values.schema.json and templates as Helm reads them.

Schema validation as Helm 4 does it, Helm's values merging, what templates read from
``.Values``, and the rules and ``Language`` objects built on them (docs/helm.md).

Pure analysis on plain Python data (dicts, lists, scalars) and file text; no LSP types, and no
imports from the Go kind (``gowls.analysis.go``), ``gowls.lsp`` or ``gowls.cli``.
"""

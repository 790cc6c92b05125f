"""Every kind gowls understands: one line per kind.

The front ends (``gowls.lsp``, ``gowls.cli``) read :data:`LANGUAGES` at call time; the analysis
core never imports this module (it receives the set it works with).
"""

from __future__ import annotations

from gowls.analysis.go.language import GOMOD, GOWORK
from gowls.analysis.goreleaser.language import GORELEASER
from gowls.analysis.helm.language import HELM_SCHEMA, HELM_TEMPLATE, HELM_VALUES
from gowls.analysis.language import Languages

LANGUAGES = Languages(
    (
        GOWORK,
        GOMOD,
        GORELEASER,
        HELM_TEMPLATE,
        HELM_VALUES,
        HELM_SCHEMA,
    )
)
"""The kinds, in recognition order (the first that claims a file wins)."""

"""The go kinds: go.work and go.mod (syntax in ``gowls.syntax``; rules, features, migration here).

``GOWORK`` and ``GOMOD`` (in :mod:`gowls.analysis.go.language`) are the only names the rest of
gowls needs.
"""

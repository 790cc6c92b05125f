"""Typed data tables: Go releases, GODEBUG settings."""

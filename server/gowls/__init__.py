"""gowls: a language server and CI checker for multi-module Go workspaces."""

__version__ = "0.1.0"
"""The release; pyproject.toml reads it from here (no importlib.metadata at start-up)."""

__all__ = ["__version__"]

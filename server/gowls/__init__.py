"""gowls: a language server and CI checker for multi-module Go workspaces."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("gowls")
except PackageNotFoundError:  # running from a source tree without an install
    __version__ = "0.0.0+unknown"

__all__ = ["__version__"]

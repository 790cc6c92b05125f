"""Rule modules, one per file kind; importing this package registers them all."""

from gowls.analysis.rules import gomod, gowork, toolchain

__all__ = ["gomod", "gowork", "toolchain"]

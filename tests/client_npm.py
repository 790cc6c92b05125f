"""npm for the VS Code client's tests: the client's packages (``vscode-client/node_modules``,
from its committed lock) installed once per change of ``package.json`` / ``package-lock.json``."""

from __future__ import annotations

import hashlib
import os
import subprocess
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLIENT = ROOT / "vscode-client"
CACHE = ROOT / ".cache" / "vscode-e2e"


def run(
    args: list[str], cwd: Path, env: Mapping[str, str] | None = None, timeout: float = 1500
) -> str:
    """Run a command; its stdout, or RuntimeError with the tail of its output."""
    result = subprocess.run(
        args,
        cwd=cwd,
        env=None if env is None else dict(env),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"{' '.join(args)} failed ({result.returncode}) in {cwd}:\n"
            f"{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
        )
    return result.stdout


def digest(*paths: Path) -> str:
    """A digest of the files' bytes (what an install stamp records)."""
    h = hashlib.sha256()
    for p in paths:
        h.update(p.read_bytes())
    return h.hexdigest()


def npm_env(tmp: Path, *, allow_all_scripts: bool = False) -> dict[str, str]:
    """A quiet, non-interactive npm environment with its temporary files under ``tmp``."""
    env = {
        **os.environ,
        "TMPDIR": str(tmp),
        "npm_config_unsafe_perm": "true",
        "npm_config_yes": "true",
        "npm_config_audit": "false",
        "npm_config_fund": "false",
        "npm_config_update_notifier": "false",
    }
    if allow_all_scripts:
        # code-server's postinstall runs nested `npm install`s whose native modules
        # (node-pty, spdlog, ripgrep, ...) npm 11 would otherwise refuse to build.
        env["npm_config_dangerously_allow_all_scripts"] = "true"
    return env


def ensure_client_packages() -> None:
    """``npm ci`` in vscode-client unless its lock is already installed (raises RuntimeError)."""
    stamp = CLIENT / "node_modules" / ".gowls-installed"
    want = digest(CLIENT / "package.json", CLIENT / "package-lock.json")
    if stamp.exists() and stamp.read_text() == want:
        return
    tmp = CACHE / "tmp"
    tmp.mkdir(parents=True, exist_ok=True)
    run(["npm", "ci"], CLIENT, npm_env(tmp))
    stamp.write_text(want)

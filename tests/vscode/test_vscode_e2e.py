"""End-to-end test of the VS Code extension in a real VS Code (code-server in headless Chromium).

The test installs what it needs (Debian packages when run as root; code-server 4.100.3 and
playwright-core into ``.cache/vscode-e2e/tools``; the extension's npm packages), builds the
.vsix (``npm run package``, which bundles this checkout's server), writes a fixture workspace
and runs ``vscode-client/test/e2e/driver.mjs``, which plays the scenarios of
``vscode-client/test/e2e/scenarios.mjs`` in the editor's UI. Screenshots and logs land in
``test-artifacts/vscode/<run>/``. Each scenario is reported as its own test.

Set ``GOWLS_SKIP_VSCODE_E2E=1`` to skip it (e.g. on a machine without root or a network).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from client_npm import digest, ensure_client_packages, npm_env, run
from release_artifacts import DownloadFailed, pyenv_pythons, vsix

ROOT = Path(__file__).resolve().parents[2]
CLIENT = ROOT / "vscode-client"
DRIVER = CLIENT / "test" / "e2e" / "driver.mjs"
CACHE = ROOT / ".cache" / "vscode-e2e"
TOOLS = CACHE / "tools"
TOOLS_SPEC = Path(__file__).resolve().parent / "tools"
ARTIFACTS = ROOT / "test-artifacts" / "vscode"
CHROMIUM = Path("/usr/bin/chromium")

APT_PACKAGES = [
    "build-essential",
    "pkg-config",
    "libkrb5-dev",
    "libsecret-1-dev",
    "libx11-dev",
    "libxkbfile-dev",
    "chromium",
    "chromium-driver",
    "ripgrep",
]
RIPGREP_CACHE = "vscode-ripgrep-cache-1.15.11"
RIPGREP_TARBALL = "ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"

# The fixture workspace: a go.work using a missing directory, a module that requires another
# workspace module, a module directory the go.work does not use yet, a GoReleaser config, and a
# Helm chart whose template reads a value nothing defines.
FIXTURE = {
    "go.work": "go 1.22\n\nuse (\n\t./app\n\t./lib\n\t./missing\n)\n",
    "app/go.mod": "module example.com/app\n\ngo 1.22\n\nrequire example.com/lib v0.1.0\n",
    "lib/go.mod": "module example.com/lib\n\ngo 1.22\n",
    "tools/go.mod": "module example.com/tools\n\ngo 1.22\n",
    # GoReleaser, where its own search looks first: a misspelt build key (GR101, rename fix).
    ".config/goreleaser.yaml": "version: 2\nbuilds:\n  - dir: app\n    binry: app\n",
    "chart/Chart.yaml": "apiVersion: v2\nname: app\nversion: 0.1.0\n",
    "chart/values.yaml": "replicaCount: 1\n",
    "chart/templates/cm.yaml": "name: {{ .Values.nameOverride }}\nn: {{ .Values.replicaCount }}\n",
}

# The bundled-server run: the .vsix's own server under the first of these CPythons found in
# pyenv, as `python3` first on PATH (3.11 is what the test itself runs on; the others need
# the bundle's per-version tree-sitter).
BUNDLED_SCENARIOS = ["server-starts", "gowork-missing-use"]
BUNDLED_PYTHONS = ("3.12", "3.13")
# The unusable-Python run: only a CPython the bundle does not serve as `python3`.
UNUSABLE_PYTHONS = ("3.10", "3.9")


def _list_scenarios() -> list[str]:
    node = shutil.which("node")
    if node is None:
        return ["(node is not installed)"]
    result = subprocess.run(
        [node, str(DRIVER), "--list"], capture_output=True, text=True, timeout=60, check=False
    )
    if result.returncode != 0:
        return ["(the scenario list could not be read)"]
    names: list[str] = json.loads(result.stdout)
    return names


def _ensure_apt_packages() -> None:
    missing = [
        p
        for p in APT_PACKAGES
        if subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", p], capture_output=True, text=True, check=False
        ).stdout
        != "install ok installed"
    ]
    if not missing:
        return
    if shutil.which("apt-get") is None or os.geteuid() != 0:
        if CHROMIUM.exists() and shutil.which("rg"):
            return  # enough to try; native builds may still fail and say so
        pytest.skip(
            f"needs the Debian packages {' '.join(missing)} (not root, cannot install them)"
        )
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    try:
        run(["apt-get", "update", "-q"], ROOT, env)
        run(["apt-get", "install", "-y", "-q", "--no-install-recommends", *missing], ROOT, env)
    except (RuntimeError, subprocess.TimeoutExpired) as exc:
        pytest.skip(f"could not install the Debian packages {' '.join(missing)}: {exc}")


def _ensure_tools() -> None:
    """code-server and playwright-core in .cache/vscode-e2e/tools, from the committed lock."""
    lock = TOOLS_SPEC / "package-lock.json"
    stamp = TOOLS / ".installed"
    entry = TOOLS / "node_modules" / "code-server" / "out" / "node" / "entry.js"
    want = digest(TOOLS_SPEC / "package.json", lock)
    if entry.exists() and stamp.exists() and stamp.read_text() == want:
        return
    tmp = CACHE / "tmp"
    (tmp / RIPGREP_CACHE).mkdir(parents=True, exist_ok=True)
    rg = shutil.which("rg")
    tarball = tmp / RIPGREP_CACHE / RIPGREP_TARBALL
    if rg and not tarball.exists():
        # @vscode/ripgrep downloads rg from GitHub; hand it Debian's instead.
        run(["tar", "czf", str(tarball), "-C", str(Path(rg).parent), "rg"], ROOT)
    if TOOLS.exists():
        shutil.rmtree(TOOLS)
    TOOLS.mkdir(parents=True)
    shutil.copy(TOOLS_SPEC / "package.json", TOOLS / "package.json")
    shutil.copy(lock, TOOLS / "package-lock.json")
    run(["npm", "ci", "--foreground-scripts"], TOOLS, npm_env(tmp, allow_all_scripts=True))
    if not entry.exists():
        raise RuntimeError(f"npm ci did not install code-server ({entry} missing)")
    stamp.write_text(want)


def _python_first_on_path(bin_dir: Path, python: Path) -> dict[str, str]:
    """An environment whose PATH starts with `bin_dir`, holding `python3` -> `python`."""
    bin_dir.mkdir(parents=True, exist_ok=True)
    link = bin_dir / "python3"
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to(python)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    for name in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME"):
        env.pop(name, None)
    return env


def _write_fixture(root: Path) -> Path:
    ws = root / "ws"
    for rel, text in FIXTURE.items():
        path = ws / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return ws


def _run_driver(
    name: str, config: dict[str, Any], env: dict[str, str] | None = None
) -> dict[str, Any]:
    """Runs the driver; returns {scenario name: result} and the run's output."""
    artifacts = ARTIFACTS / name
    config = {
        "tools": str(TOOLS),
        "artifacts": str(artifacts),
        "chromium": str(CHROMIUM),
        "timeoutMs": 30000,
        **config,
    }
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(config, f)
    try:
        proc = subprocess.run(
            ["node", str(DRIVER), "--config", f.name],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    finally:
        os.unlink(f.name)
    output = proc.stdout + proc.stderr
    artifacts.mkdir(parents=True, exist_ok=True)
    (artifacts / "driver.log").write_text(output)
    results_file = artifacts / "results.json"
    if not results_file.exists():
        raise RuntimeError(f"the driver wrote no results (exit {proc.returncode}):\n{output}")
    results = {r["name"]: r for r in json.loads(results_file.read_text())}
    return {"results": results, "output": output, "artifacts": artifacts}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    if os.environ.get("GOWLS_SKIP_VSCODE_E2E"):
        pytest.skip("GOWLS_SKIP_VSCODE_E2E is set")
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.skip("needs Node.js 20 and npm (not installed)")
    if sys.platform != "linux":
        pytest.skip("the VS Code end-to-end test runs on Linux (Debian's chromium)")
    _ensure_apt_packages()
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing and could not be installed")
    _ensure_tools()
    ensure_client_packages()
    try:
        # npm run package with this checkout's wheel, offline (cached by content).
        built = vsix()
    except DownloadFailed as exc:
        pytest.skip(f"could not download the dependency wheels from the package index: {exc}")
    return {"vsix": built, "tmp": tmp_path_factory.mktemp("vscode-e2e")}


@pytest.fixture(scope="module")
def configured_run(built: dict[str, Any]) -> dict[str, Any]:
    """All scenarios, with gowls.server.command running this checkout's server."""
    ws = _write_fixture(built["tmp"] / "configured")
    settings = {
        "gowls.server.command": [sys.executable, "-m", "gowls"],
        "gowls.trace.server": "messages",
    }
    run = _run_driver(
        "configured-server",
        {"vsix": str(built["vsix"]), "workspace": str(ws), "settings": settings},
    )
    run["workspace"] = ws
    return run


@pytest.fixture(scope="module")
def bundled_run(built: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """No server command: the .vsix's bundled server under CPython 3.12 (or 3.13) as python3."""
    pythons = pyenv_pythons()
    minor = next((m for m in BUNDLED_PYTHONS if m in pythons), None)
    if minor is None:
        pytest.skip(f"needs CPython {' or '.join(BUNDLED_PYTHONS)} in pyenv")
    env = _python_first_on_path(built["tmp"] / "python-bin", pythons[minor])
    ws = _write_fixture(built["tmp"] / "bundled")
    run = _run_driver(
        "bundled-server",
        {
            "vsix": str(built["vsix"]),
            "workspace": str(ws),
            "settings": {"gowls.server.command": []},
            "scenarios": BUNDLED_SCENARIOS,
        },
        env,
    )
    run["minor"] = minor
    yield run


def _check(run: dict[str, Any], scenario: str) -> None:
    result = run["results"].get(scenario)
    if result is None:
        pytest.fail(f"scenario {scenario} did not run:\n{run['output'][-6000:]}")
    if not result["ok"]:
        pytest.fail(
            f"scenario {scenario} failed: {result.get('error')}\n"
            f"screenshots and logs: {run['artifacts']}\n{run['output'][-3000:]}"
        )


@pytest.mark.parametrize("scenario", _list_scenarios())
def test_vscode_scenario(configured_run: dict[str, Any], scenario: str) -> None:
    """One scenario of scenarios.mjs, against this checkout's server (gowls.server.command)."""
    _check(configured_run, scenario)


def test_vscode_quickfix_saved_to_disk(configured_run: dict[str, Any]) -> None:
    """The quick fix scenario saved go.work without the broken line and nothing else changed."""
    _check(configured_run, "gowork-quickfix-removes-use")
    saved = (configured_run["workspace"] / "go.work").read_text()
    assert saved == "go 1.22\n\nuse (\n\t./app\n\t./lib\n)\n"


def test_vscode_goreleaser_fix_saved_to_disk(configured_run: dict[str, Any]) -> None:
    """The GoReleaser quick fix scenario saved the config with the key renamed."""
    _check(configured_run, "goreleaser-quickfix-renames-key")
    saved = (configured_run["workspace"] / ".config" / "goreleaser.yaml").read_text()
    assert saved == "version: 2\nbuilds:\n  - dir: app\n    binary: app\n"


@pytest.mark.parametrize("scenario", BUNDLED_SCENARIOS)
def test_vscode_bundled_server(bundled_run: dict[str, Any], scenario: str) -> None:
    """The server bundled in the .vsix starts under a plain python3 and reports diagnostics."""
    _check(bundled_run, scenario)
    logs = list(bundled_run["artifacts"].glob("vscode-logs/*/exthost*/gowls.gowls/gowls.log"))
    assert logs, "no gowls log was written"
    text = "\n".join(p.read_text() for p in logs)
    assert f"starting the server: bundled server with Python {bundled_run['minor']}." in text, text


@pytest.fixture(scope="module")
def unusable_python_run(built: dict[str, Any]) -> dict[str, Any]:
    """No server command and only a CPython older than the bundle serves as python3."""
    pythons = pyenv_pythons()
    minor = next((m for m in UNUSABLE_PYTHONS if m in pythons), None)
    if minor is None:
        pytest.skip(f"needs CPython {' or '.join(UNUSABLE_PYTHONS)} in pyenv")
    env = _python_first_on_path(built["tmp"] / "old-python-bin", pythons[minor])
    ws = _write_fixture(built["tmp"] / "unusable-python")
    run = _run_driver(
        "unusable-python",
        {
            "vsix": str(built["vsix"]),
            "workspace": str(ws),
            "settings": {"gowls.server.command": []},
            "scenarios": ["unusable-python-notification"],
        },
        env,
    )
    run["minor"] = minor
    return run


def test_vscode_unusable_python_notification(unusable_python_run: dict[str, Any]) -> None:
    """One notification names the Python, its version and what to install; nothing else."""
    run = unusable_python_run
    _check(run, "unusable-python-notification")
    detail = run["results"]["unusable-python-notification"]["detail"]
    toast: str = detail["toast"]
    assert f"python3 (from PATH) is CPython {run['minor']}." in toast, toast
    assert "the bundled server runs on CPython 3.11, 3.12, 3.13" in toast, toast
    assert "Install one of them" in toast and "gowls.server.python" in toast, toast
    gowls_notes = [t for t in detail["centre"] if "gowls" in t or "Pending response" in t]
    assert len(gowls_notes) == 1, gowls_notes


@pytest.fixture(scope="module")
def broken_server_run(built: dict[str, Any]) -> dict[str, Any]:
    """gowls.server.command is a program that prints a cause on stderr and exits at once."""
    ws = _write_fixture(built["tmp"] / "broken-server")
    command = [sys.executable, "-c", "import sys; sys.exit('gowls-e2e: this server cannot start')"]
    return _run_driver(
        "broken-server",
        {
            "vsix": str(built["vsix"]),
            "workspace": str(ws),
            "settings": {"gowls.server.command": command},
            "scenarios": ["broken-server-command-notification"],
        },
    )


def test_vscode_broken_server_command_notification(broken_server_run: dict[str, Any]) -> None:
    """A server that exits at start: one notification with its last stderr line, and none of
    the language client's generic ones ("Pending response rejected", "couldn't create
    connection")."""
    run = broken_server_run
    _check(run, "broken-server-command-notification")
    detail = run["results"]["broken-server-command-notification"]["detail"]
    toast = detail["toast"]
    assert "gowls: the language server did not start (gowls.server.command: " in toast, detail
    notes = [t for t in detail["centre"] if "did not start" in t]
    assert len(notes) == 1 and notes[0].endswith("gowls-e2e: this server cannot start"), detail
    generic = ("Pending response", "couldn't create connection", "Connection to server")
    assert not [t for t in detail["centre"] if any(g in t for g in generic)], detail


def test_vscode_helm_quickfix_saved_to_disk(configured_run: dict[str, Any]) -> None:
    """The Helm scenario's quick fix added the undefined value to values.yaml, saved."""
    _check(configured_run, "helm-undefined-value-quickfix")
    saved = (configured_run["workspace"] / "chart/values.yaml").read_text()
    assert saved == "replicaCount: 1\nnameOverride: null\n"

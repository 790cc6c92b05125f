"""The platform .vsix (``npm run package`` = ``vsce package --target``): it bundles the server
for CPython 3.11-3.14 (``bundled/libs`` shared, ``bundled/py3.X`` per version), and the bundle
runs under each pyenv CPython exactly as the extension starts it (``PYTHONPATH`` set to the
version's folder and the shared one), while an older Python cannot import it."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest

from release_artifacts import SUPPORTED_PYTHONS, DownloadFailed, pyenv_pythons, vsix, vsix_target

# What the extension imports before it starts the server (vscode-client/src/bundle.ts).
PREFLIGHT = (
    "import gowls.syntax._gomod, tree_sitter, tree_sitter_yaml, pygls, lsprotocol, gowls.lsp.app"
)


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if os.environ.get("GOWLS_SKIP_VSCODE_E2E"):
        pytest.skip("GOWLS_SKIP_VSCODE_E2E is set (no npm)")
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.skip("needs Node.js and npm (not installed)")
    out = tmp_path_factory.mktemp("vsix")
    try:
        built = vsix()
    except DownloadFailed as exc:
        pytest.skip(f"could not download the dependency wheels from the package index: {exc}")
    with zipfile.ZipFile(built) as z:
        z.extractall(out)
    return out / "extension"


@pytest.fixture(scope="module")
def platform_json(unpacked: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((unpacked / "bundled" / "platform.json").read_text())
    return data


def test_vsix_is_tagged_with_this_platform(unpacked: Path) -> None:
    manifest = (unpacked.parent / "extension.vsixmanifest").read_text()
    assert f'TargetPlatform="{vsix_target()}"' in manifest
    package = json.loads((unpacked / "package.json").read_text())
    commands = {c["command"] for c in package["contributes"]["commands"]}
    assert "gowls.showServerLog" in commands
    assert "gowls.server.python" in package["contributes"]["configuration"]["properties"]


def test_vsix_bundles_each_supported_python(unpacked: Path, platform_json: dict[str, Any]) -> None:
    """3.11-3.13 always (3.14 where its wheels exist); only what differs is per version."""
    assert set(SUPPORTED_PYTHONS[:3]) <= set(platform_json["pythons"])
    bundled = unpacked / "bundled"
    assert (bundled / "libs" / "gowls" / "__main__.py").exists()
    assert not (bundled / "libs" / "tree_sitter").exists()
    for minor in platform_json["pythons"]:
        binding = list((bundled / f"py{minor}" / "tree_sitter").glob("_binding*"))
        assert binding, f"no tree-sitter binding for {minor}"
        tag = f"-{minor.replace('.', '')}"  # _binding.cpython-312-x86_64-linux-gnu.so
        assert all(tag in p.name or p.suffix == ".pyd" for p in binding), binding
        assert not (bundled / f"py{minor}" / "gowls").exists()
    assert not list(bundled.rglob("__pycache__"))


def _bundle_env(unpacked: Path, minor: str) -> dict[str, str]:
    bundled = unpacked / "bundled"
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    env["PYTHONPATH"] = os.pathsep.join([str(bundled / f"py{minor}"), str(bundled / "libs")])
    env["PYTHONNOUSERSITE"] = "1"
    return env


@pytest.mark.parametrize("minor", SUPPORTED_PYTHONS)
def test_bundled_server_runs(
    minor: str, unpacked: Path, platform_json: dict[str, Any], tmp_path: Path
) -> None:
    """The bundle under CPython 3.X: the extension's import check, then a real --check."""
    python = pyenv_pythons().get(minor)
    if python is None:
        pytest.skip(f"no CPython {minor} in pyenv on this machine")
    assert minor in platform_json["pythons"]
    env = _bundle_env(unpacked, minor)
    probe = subprocess.run(
        [str(python), "-c", PREFLIGHT], env=env, capture_output=True, text=True, timeout=120
    )
    assert probe.returncode == 0, probe.stderr
    (tmp_path / "go.work").write_text("go 1.22\n\nuse ./missing\n")
    check = subprocess.run(
        [str(python), "-m", "gowls", "--check", "."],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert check.returncode == 1, check
    assert re.search(r"go\.work:3:5: error: cannot load module missing .*\[GW101\]", check.stdout)


def test_older_python_cannot_import_the_bundle(unpacked: Path) -> None:
    """What the extension reports for a 3.10 pointed at the 3.11 bundle: an import error."""
    python = pyenv_pythons().get("3.10")
    if python is None:
        pytest.skip("no CPython 3.10 in pyenv on this machine")
    probe = subprocess.run(
        [str(python), "-c", PREFLIGHT],
        env=_bundle_env(unpacked, "3.11"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert probe.returncode != 0
    assert "Error" in probe.stderr.strip().splitlines()[-1]

"""The sdist and the wheel: built as the release builds them (sdist first, the wheel from it),
tagged for CPython's stable ABI (cp311-abi3), accepted by ``twine check``, and installed and run
on every CPython 3.11+ that pyenv has here (offline: ``--no-index`` with the dependency wheels
of ``release_artifacts.dependency_wheels()``)."""

from __future__ import annotations

import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from release_artifacts import (
    SUPPORTED_PYTHONS,
    DownloadFailed,
    dependency_wheels,
    dist,
    gowls_wheel,
    pyenv_pythons,
)

WORKSPACE = {
    "go.work": "go 1.22\n\nuse (\n\t./app\n\t./missing\n)\n",
    "app/go.mod": "module example.com/app\n\ngo 1.22\n",
}


def test_wheel_is_tagged_for_the_stable_abi() -> None:
    """One wheel serves every CPython 3.11+ of the platform: cp311-abi3."""
    name = gowls_wheel().name
    assert re.fullmatch(r"gowls-\d+\.\d+\.\d+-cp311-abi3-[a-z0-9_]+\.whl", name), name
    with zipfile.ZipFile(gowls_wheel()) as whl:
        names = whl.namelist()
        wheel_meta = next(n for n in names if n.endswith(".dist-info/WHEEL"))
        assert "Tag: cp311-abi3-" in whl.read(wheel_meta).decode()
    binding = [n for n in names if n.startswith("gowls/syntax/_gomod.")]
    assert binding and all(".abi3." in n or n.endswith(".pyd") for n in binding), binding
    assert "gowls/py.typed" in names


def test_sdist_carries_the_grammar_sources() -> None:
    """The wheel was built from the sdist; it holds what the C extension needs."""
    (sdist,) = dist().glob("gowls-*.tar.gz")
    with tarfile.open(sdist) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    for needed in (
        "setup.py",
        "pyproject.toml",
        "grammars/tree-sitter-gomod/src/parser.c",
        "grammars/tree-sitter-gomod/src/tree_sitter/parser.h",
        "server/gowls/syntax/_gomod_binding.c",
    ):
        assert needed in names, needed


def test_twine_check() -> None:
    """PyPI would accept the metadata and README of both files (the release job runs this too)."""
    files = sorted(str(p) for p in dist().glob("gowls-*") if p.suffix in {".whl", ".gz"})
    result = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *files],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("PASSED") == 2, result.stdout


@pytest.mark.parametrize("minor", SUPPORTED_PYTHONS)
def test_wheel_installs_and_runs(minor: str, tmp_path: Path) -> None:
    """`gowls --version` and `gowls --check` from the wheel installed into a fresh venv."""
    python = pyenv_pythons().get(minor)
    if python is None:
        pytest.skip(f"no CPython {minor} in pyenv on this machine")
    venv = tmp_path / "venv"
    subprocess.run([str(python), "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    bindir = venv / ("Scripts" if sys.platform == "win32" else "bin")
    install = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--python"]
    install += [str(bindir / "python"), "install", "--quiet", "--no-index", "--no-compile"]
    try:
        deps = dependency_wheels()
    except DownloadFailed as exc:
        pytest.skip(f"could not download the dependency wheels from the package index: {exc}")
    install += ["--find-links", str(deps), str(gowls_wheel())]
    done = subprocess.run(install, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr

    version = subprocess.run(
        [str(bindir / "gowls"), "--version"], capture_output=True, text=True, timeout=60
    )
    assert version.returncode == 0 and version.stdout.startswith("gowls "), version

    ws = tmp_path / "ws"
    for rel, text in WORKSPACE.items():
        (ws / rel).parent.mkdir(parents=True, exist_ok=True)
        (ws / rel).write_text(text)
    check = subprocess.run(
        [str(bindir / "gowls"), "--check", "."],
        cwd=ws,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert check.returncode == 1, check
    assert "go.work:5:2: error: cannot load module missing listed in go.work file" in check.stdout
    assert "[GW101]" in check.stdout

"""The release artifacts, built as the release workflow builds them and cached by content.

``dist()`` builds the sdist and, from it, the wheel (``python -m build --no-isolation``: the
build tools come from the test extra, so it works offline); ``dependency_wheels()`` downloads
the wheels of the runtime dependencies for every supported CPython once (pip's cache serves
repeats); ``vsix()`` runs the extension's ``npm run package`` with both, offline. Each lands
in ``.cache/packaging/`` under a digest of its inputs, so a warm run only reads files. The
packaging tests and the VS Code end-to-end test share them.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterable
from pathlib import Path

from client_npm import CLIENT, ensure_client_packages

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / ".cache" / "packaging"
SUPPORTED_PYTHONS = ("3.11", "3.12", "3.13", "3.14")
"""The CPython minors the wheel and the .vsix serve (scripts/bundle-server.mjs: 3.11-3.13
are required, 3.14 is bundled when its dependency wheels exist)."""

_SOURCE_FILES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md")
_SOURCE_TREES = ("server/gowls", "grammars/tree-sitter-gomod")
_CLIENT_SKIP = frozenset({"node_modules", "dist", "bundled", ".bundle-build", "test"})


def _files(base: Path, skip: frozenset[str] = frozenset()) -> Iterable[Path]:
    for path in sorted(base.rglob("*")):
        rel = path.relative_to(base).parts
        if any(p in skip or p == "__pycache__" or p.endswith(".egg-info") for p in rel):
            continue
        if path.is_file() and path.suffix not in {".so", ".pyd", ".pyc"}:
            yield path


def _digest(paths: Iterable[Path], *extra: str) -> str:
    h = hashlib.sha256()
    for text in extra:
        h.update(text.encode() + b"\0")
    for path in paths:
        h.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]


def source_digest() -> str:
    """A digest of everything the sdist and wheel are built from."""
    files = [ROOT / f for f in _SOURCE_FILES]
    for tree in _SOURCE_TREES:
        files.extend(_files(ROOT / tree, frozenset({"node_modules", "build"})))
    return _digest(files)


class DownloadFailed(RuntimeError):
    """pip could not download the dependency wheels (no network or no index): tests skip."""


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> None:
    result = subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=1200, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"{' '.join(args)} failed ({result.returncode}):\n"
            f"{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
        )


def _cached(kind: str, digest: str) -> tuple[Path, bool]:
    """The cache folder for `kind` at `digest` and whether it is complete; older ones go."""
    CACHE.mkdir(parents=True, exist_ok=True)
    folder = CACHE / f"{kind}-{digest}"
    for old in CACHE.glob(f"{kind}-*"):
        if old != folder:
            shutil.rmtree(old, ignore_errors=True)
    return folder, (folder / ".complete").exists()


def _publish(tmp: Path, folder: Path) -> Path:
    (tmp / ".complete").write_text("")
    shutil.rmtree(folder, ignore_errors=True)
    tmp.rename(folder)
    return folder


def dist() -> Path:
    """The folder holding ``gowls-*.tar.gz`` and the wheel built from it."""
    folder, complete = _cached("dist", source_digest())
    if complete:
        return folder
    tmp = CACHE / f"tmp-dist-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    _run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(tmp), str(ROOT)], ROOT)
    return _publish(tmp, folder)


def gowls_wheel() -> Path:
    """The gowls wheel of ``dist()``."""
    (wheel,) = dist().glob("gowls-*.whl")
    return wheel


def runtime_requirements() -> list[str]:
    """The ``dependencies`` of pyproject.toml."""
    with (ROOT / "pyproject.toml").open("rb") as f:
        deps: list[str] = tomllib.load(f)["project"]["dependencies"]
    return deps


def dependency_wheels() -> Path:
    """A folder of wheels of the runtime dependencies for every supported CPython."""
    reqs = runtime_requirements()
    digest = _digest([], sys.platform, os.uname().machine, *reqs, *SUPPORTED_PYTHONS)
    folder, complete = _cached("deps", digest)
    if complete:
        return folder
    tmp = CACHE / f"tmp-deps-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    for version in SUPPORTED_PYTHONS:
        args = [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check"]
        args += ["--only-binary=:all:", "--implementation", "cp", "--python-version", version]
        try:
            _run([*args, "--dest", str(tmp), *reqs], ROOT)
        except RuntimeError as exc:
            if version in SUPPORTED_PYTHONS[:3]:
                raise DownloadFailed(str(exc)) from exc
            # 3.14 may lack wheels on some platform; the bundle skips it then
    return _publish(tmp, folder)


def vsix_target() -> str:
    """The VS Code target of this machine, as ``npm run package`` tags the .vsix."""
    import platform

    machine = {"x86_64": "x64", "amd64": "x64", "aarch64": "arm64", "arm64": "arm64"}
    arch = machine.get(platform.machine().lower(), platform.machine().lower())
    return f"{'win32' if sys.platform == 'win32' else sys.platform}-{arch}"


def vsix() -> Path:
    """The platform .vsix with the bundled server (``npm run package``, offline)."""
    wheel = gowls_wheel()
    deps = dependency_wheels()
    client_files = list(_files(CLIENT, _CLIENT_SKIP))
    digest = _digest(client_files, wheel.name, source_digest(), deps.name)
    folder, complete = _cached("vsix", digest)
    out = folder / "gowls.vsix"
    if complete:
        return out
    ensure_client_packages()
    env = {
        **os.environ,
        "GOWLS_BUNDLE_PYTHON": sys.executable,
        "GOWLS_WHEEL": str(wheel),
        "GOWLS_WHEELHOUSE": str(deps),
    }
    _run(["npm", "run", "package"], CLIENT, env)
    tmp = CACHE / f"tmp-vsix-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    shutil.copy(CLIENT / "dist" / "gowls.vsix", tmp / "gowls.vsix")
    _publish(tmp, folder)
    return out


def pyenv_pythons() -> dict[str, Path]:
    """The newest pyenv CPython of each minor version on this machine: {"3.12": path}."""
    root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    found: dict[str, tuple[tuple[int, ...], Path]] = {}
    for version_dir in root.glob("3.*") if root.is_dir() else []:
        parts = version_dir.name.split(".")
        if len(parts) != 3 or not all(p.isdigit() for p in parts):
            continue  # e.g. 3.13t, 3.14-dev, virtualenvs
        exe = version_dir / "bin" / f"python{parts[0]}.{parts[1]}"
        key = tuple(int(p) for p in parts)
        minor = f"{parts[0]}.{parts[1]}"
        if exe.exists() and (minor not in found or found[minor][0] < key):
            found[minor] = (key, exe)
    return {minor: exe for minor, (_, exe) in sorted(found.items())}

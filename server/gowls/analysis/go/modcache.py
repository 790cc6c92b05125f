"""The local module cache (``GOMODCACHE``), read offline and never written.

``go`` keeps every downloaded module's files under ``$GOMODCACHE/cache/download/<escaped
path>/@v/``: ``<version>.mod`` (its go.mod), ``.info``, ``.zip`` and a ``list`` of versions.
gowls reads only that tree: which modules and versions are known locally, and the go.mod of
a version (for retractions and deprecations). When the cache lacks a module, callers say
nothing: the cache is a partial, possibly stale view, never the network.
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cmp_to_key
from pathlib import Path

from gowls.syntax.versions import compare_semver, is_pseudo_version, parse_semver

RESCAN_SECONDS = 30.0
"""How long an index of the cache is reused before the directory is walked again."""

MAX_MODULES = 200_000
"""Stop indexing past this many modules (a shared, enormous cache)."""


def cache_root(env: Mapping[str, str] | None = None) -> Path | None:
    """Where the module cache is (``GOMODCACHE``, else ``GOPATH[0]/pkg/mod``), if it exists."""
    env = os.environ if env is None else env
    explicit = env.get("GOMODCACHE")
    if explicit:
        root = Path(explicit)
    else:
        gopath = env.get("GOPATH", "").split(os.pathsep)[0]
        base = Path(gopath) if gopath else Path(env.get("HOME", "~")).expanduser() / "go"
        root = base / "pkg" / "mod"
    return root if (root / "cache" / "download").is_dir() else None


def unescape(escaped: str) -> str:
    """A module path from its cache spelling (``!x`` stands for ``X``)."""
    return re.sub(r"!([a-z])", lambda m: m.group(1).upper(), escaped)


def escape(path: str) -> str:
    """The cache spelling of a module path."""
    return re.sub(r"[A-Z]", lambda m: "!" + m.group(0).lower(), path)


def _newest_first(versions: set[str]) -> tuple[str, ...]:
    """Releases and pre-releases newest first, then pseudo-versions newest first."""

    def key(a: str, b: str) -> int:
        pa, pb = is_pseudo_version(a), is_pseudo_version(b)
        if pa != pb:
            return 1 if pa else -1
        return -compare_semver(a, b)

    valid = [v for v in versions if parse_semver(v) is not None]
    return tuple(sorted(valid, key=cmp_to_key(key)))


@dataclass(frozen=True, slots=True)
class CachedModule:
    """A module the cache holds: its path and versions (newest first, pseudo-versions last)."""

    path: str
    versions: tuple[str, ...]
    directory: Path

    @property
    def latest(self) -> str | None:
        """The version ``go`` calls latest: the newest release, else pre-release, else pseudo."""
        releases = [v for v in self.versions if not is_pseudo_version(v)]
        stable = [v for v in releases if "-" not in v.split("+")[0]]
        for group in (stable, releases, list(self.versions)):
            if group:
                return group[0]
        return None

    def gomod(self, version: str) -> bytes | None:
        """The go.mod of ``version`` as the cache holds it."""
        try:
            return (self.directory / f"{version}.mod").read_bytes()
        except OSError:
            return None


class ModuleCache:
    """An index of one module cache, built on first use."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._modules: dict[str, CachedModule] | None = None
        self._lock = threading.Lock()

    def modules(self) -> dict[str, CachedModule]:
        """Every module with at least one version, by path."""
        with self._lock:
            if self._modules is None:
                self._modules = self._scan()
            return self._modules

    def get(self, path: str) -> CachedModule | None:
        """The cached module ``path``, if any."""
        return self.modules().get(path)

    def _scan(self) -> dict[str, CachedModule]:
        download = self.root / "cache" / "download"
        out: dict[str, CachedModule] = {}
        stack = [download]
        while stack and len(out) < MAX_MODULES:
            current = stack.pop()
            try:
                entries = list(os.scandir(current))
            except OSError:
                continue
            for entry in entries:
                if not entry.is_dir(follow_symlinks=False):
                    continue
                if entry.name == "@v":
                    module = self._module(download, Path(entry.path))
                    if module is not None:
                        out[module.path] = module
                elif current != download or entry.name != "sumdb":
                    stack.append(Path(entry.path))
        return out

    @staticmethod
    def _module(download: Path, at_v: Path) -> CachedModule | None:
        versions: set[str] = set()
        try:
            for entry in os.scandir(at_v):
                stem, dot, ext = entry.name.rpartition(".")
                if dot and ext == "mod":
                    versions.add(stem)
        except OSError:
            return None
        if not versions:
            return None
        rel = at_v.parent.relative_to(download).as_posix()
        return CachedModule(unescape(rel), _newest_first(versions), at_v)


_CACHES: dict[Path, tuple[float, ModuleCache]] = {}
_CACHES_LOCK = threading.Lock()


_ROOTS: dict[tuple[str, str, str], tuple[float, Path | None]] = {}


def _cache_root(env: Mapping[str, str] | None) -> Path | None:
    """:func:`cache_root`, looked up again after ``RESCAN_SECONDS`` (every go.mod of a pass
    asks; the answer is a path construction and a ``stat``)."""
    values = os.environ if env is None else env
    key = (values.get("GOMODCACHE", ""), values.get("GOPATH", ""), values.get("HOME", ""))
    now = time.monotonic()
    hit = _ROOTS.get(key)
    if hit is not None and now - hit[0] < RESCAN_SECONDS:
        return hit[1]
    root = cache_root(env)
    _ROOTS[key] = (now, root)
    return root


def module_cache(env: Mapping[str, str] | None = None) -> ModuleCache | None:
    """The index of this environment's module cache (re-walked after ``RESCAN_SECONDS``)."""
    root = _cache_root(env)
    if root is None:
        return None
    now = time.monotonic()
    with _CACHES_LOCK:
        hit = _CACHES.get(root)
        if hit is not None and now - hit[0] < RESCAN_SECONDS:
            return hit[1]
        cache = ModuleCache(root)
        _CACHES[root] = (now, cache)
        return cache

"""Module versions (semantic versions as Go reads them) and Go release versions.

These follow the rules of Go's ``golang.org/x/mod/semver`` and ``go/version`` packages, written
here in Python from their documented behaviour.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count
from operator import methodcaller

GO_VERSION_RE = re.compile(r"^([1-9][0-9]*)\.(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))?([a-z]+[0-9]+)?$")
"""What a ``go`` directive accepts (``1.21``, ``1.21.3``, ``1.21rc1``)."""

TOOLCHAIN_RE = re.compile(r"^default$|^go1($|\.)")
"""What a ``toolchain`` directive accepts."""

_NUM = r"(0|[1-9][0-9]*)"
_GOVER_RE = re.compile(rf"^{_NUM}(?:\.{_NUM}(?:\.{_NUM}|([a-z]+){_NUM}?)?)?$")
_SEMVER_RE = re.compile(
    r"^v(?P<major>" + _NUM + r")"
    r"(?:\.(?P<minor>" + _NUM + r")(?:\.(?P<patch>" + _NUM + r"))?)?"
    r"(?P<pre>-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?"
    r"(?P<build>\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$"
)
_PSEUDO_RE = re.compile(
    r"^v[0-9]+\.(0\.0-|\d+\.\d+-([^+]*\.)?0\.)\d{14}-[A-Za-z0-9]+(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$"
)

ZERO_PSEUDO_VERSION = "v0.0.0-00010101000000-000000000000"
_PLACEHOLDER_TAIL = ".0.0-00010101000000-000000000000"
_PLACEHOLDER_RE = re.compile(r"^v(0|[1-9][0-9]*)\.0\.0-00010101000000-000000000000$")


def may_hold_placeholder(versions: Iterable[str]) -> bool:
    """Whether any of ``versions`` may be a placeholder version: False when none holds its
    tail (one search in C over thousands of requirements; :func:`is_placeholder_version`
    then tells each)."""
    return _PLACEHOLDER_TAIL in "\n".join(versions)


def placeholder_positions(versions: Iterable[str]) -> list[int]:
    """The positions of the placeholder versions among ``versions`` (the tail is looked for
    in C; :func:`is_placeholder_version` tells only the few that hold it)."""
    versions = list(versions)
    tails = map(methodcaller("endswith", _PLACEHOLDER_TAIL), versions)
    return [at for at in compress(count(), tails) if is_placeholder_version(versions[at])]


def is_placeholder_version(version: str) -> bool:
    """Whether ``version`` is the placeholder ``go mod edit`` writes for a module only a replace
    provides: ``v0.0.0-00010101000000-000000000000`` or, for a ``/vN`` module,
    ``vN.0.0-00010101000000-000000000000``. It names no commit and cannot be downloaded."""
    return version.endswith(_PLACEHOLDER_TAIL) and _PLACEHOLDER_RE.match(version) is not None


"""The placeholder version ``go mod edit`` writes for a module that only a replace provides."""


@dataclass(frozen=True, slots=True)
class Semver:
    """A parsed semantic version."""

    major: int
    minor: int
    patch: int
    prerelease: str
    build: str
    short: bool
    """True when minor or patch was omitted (``v1`` / ``v1.2``)."""

    def canonical(self) -> str:
        """The canonical form, as ``semver.Canonical`` gives it (build metadata dropped)."""
        text = f"v{self.major}.{self.minor}.{self.patch}{self.prerelease}"
        if self.build == "+incompatible":
            text += self.build
        return text


def _valid_prerelease(pre: str) -> bool:
    for ident in pre[1:].split("."):
        if ident.isdigit() and len(ident) > 1 and ident[0] == "0":
            return False
    return True


@lru_cache(maxsize=16384)  # pure; a go.mod repeats its versions on every re-parse
def parse_semver(text: str) -> Semver | None:
    """Parse a ``vMAJOR[.MINOR[.PATCH]][-pre][+build]`` version, or return None.

    Cached: a big go.mod asks about the same versions again and again (``Semver`` is frozen).
    """
    m = _SEMVER_RE.match(text)
    if m is None:
        return None
    pre = m.group("pre") or ""
    if pre and not _valid_prerelease(pre):
        return None
    minor, patch = m.group("minor"), m.group("patch")
    if (minor is None or patch is None) and (pre or m.group("build")):
        return None  # semver forbids a prerelease or build on a shorthand version
    return Semver(
        int(m.group("major")),
        int(minor or 0),
        int(patch or 0),
        pre,
        m.group("build") or "",
        minor is None or patch is None,
    )


def canonical_version(text: str) -> str:
    """``semver.Canonical``: the canonical version, or "" when ``text`` is not valid."""
    parsed = parse_semver(text)
    if parsed is None:
        return ""
    if parsed.build and parsed.build != "+incompatible":
        return f"v{parsed.major}.{parsed.minor}.{parsed.patch}{parsed.prerelease}"
    return parsed.canonical()


def major(text: str) -> str:
    """``semver.Major``: ``v2`` for ``v2.3.4``, "" when invalid."""
    parsed = parse_semver(text)
    return f"v{parsed.major}" if parsed else ""


def is_pseudo_version(text: str) -> bool:
    """Whether ``text`` has the form of a pseudo-version."""
    return text.count("-") >= 2 and bool(_PSEUDO_RE.match(text)) and parse_semver(text) is not None


def _cmp_prerelease(a: str, b: str) -> int:
    if a == b:
        return 0
    if not a:
        return 1
    if not b:
        return -1
    xs, ys = a[1:].split("."), b[1:].split(".")
    for x, y in zip(xs, ys, strict=False):
        if x == y:
            continue
        xn, yn = x.isdigit(), y.isdigit()
        if xn and yn:
            return -1 if int(x) < int(y) else 1
        if xn != yn:
            return -1 if xn else 1
        return -1 if x < y else 1
    return (len(xs) > len(ys)) - (len(xs) < len(ys))


def compare_semver(a: str, b: str) -> int:
    """``semver.Compare``: -1, 0 or 1; an invalid version sorts before every valid one."""
    pa, pb = parse_semver(a), parse_semver(b)
    if pa is None or pb is None:
        return (pb is None) - (pa is None) if (pa is None) != (pb is None) else 0
    ka, kb = (pa.major, pa.minor, pa.patch), (pb.major, pb.minor, pb.patch)
    if ka != kb:
        return -1 if ka < kb else 1
    return _cmp_prerelease(pa.prerelease, pb.prerelease)


@dataclass(frozen=True, slots=True, order=True)
class GoVersion:
    """A Go release or language version, ordered as ``go/version`` orders them.

    ``1.21`` (the language version) < ``1.21rc1`` < ``1.21.0`` < ``1.21.1``.
    """

    major: int
    minor: int
    patch: int
    kind: int
    """0 language version, 1 prerelease, 2 release."""
    pre_kind: str
    pre_num: int

    @staticmethod
    def parse(text: str) -> GoVersion | None:
        """Parse ``1.21``, ``1.21.3``, ``1.21rc1`` (an optional ``go`` prefix is accepted)."""
        if text.startswith("go"):
            text = text[2:]
        m = GO_VERSION_RE.match(text)
        if m is None:
            return None
        maj, minor = int(m.group(1)), int(m.group(2))
        patch_text, pre = m.group(4), m.group(5)
        if pre:
            pm = re.match(r"([a-z]+)([0-9]+)", pre)
            assert pm is not None
            return GoVersion(maj, minor, int(patch_text or 0), 1, pm.group(1), int(pm.group(2)))
        if patch_text is not None:
            return GoVersion(maj, minor, int(patch_text), 2, "", 0)
        return GoVersion(maj, minor, 0, 0, "", 0)

    @staticmethod
    def parse_lenient(text: str) -> GoVersion | None:
        """Parse any form ``go`` itself accepts after ``go`` (``gover.Parse``): besides the
        forms of a go line also ``1`` (1.0.0), ``1.21rc`` (no number) and majors above 1."""
        m = _GOVER_RE.match(text)
        if m is None:
            return None
        maj, minor, patch, kind, pre = m.group(1, 2, 3, 4, 5)
        if minor is None:
            return GoVersion(int(maj), 0, 0, 2, "", 0)
        if patch is not None:
            return GoVersion(int(maj), int(minor), int(patch), 2, "", 0)
        if kind is not None:
            return GoVersion(int(maj), int(minor), 0, 1, kind, int(pre or 0))
        # Before Go 1.21 a missing patch means .0; from 1.21 on it is the language version.
        released = (int(maj), int(minor)) < (1, 21)
        return GoVersion(int(maj), int(minor), 0, 2 if released else 0, "", 0)

    def language(self) -> str:
        """The language version, ``1.21`` for ``1.21.3``."""
        return f"{self.major}.{self.minor}"


def compare_go(a: str, b: str) -> int:
    """Compare two Go versions as ``go/version.Compare`` does (invalid sorts lowest)."""
    ga, gb = (
        GoVersion.parse_lenient(a.removeprefix("go")),
        GoVersion.parse_lenient(b.removeprefix("go")),
    )
    if ga is None or gb is None:
        return (gb is None) - (ga is None) if (ga is None) != (gb is None) else 0
    return (ga > gb) - (ga < gb)

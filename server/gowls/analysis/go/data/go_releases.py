"""Go releases: version, release date and headline changes (for completion and hover)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class GoRelease:
    """One major Go release (``1.N``); ``date`` is when ``1.N.0`` (or ``1.N``) shipped."""

    version: str
    date: str
    headline: str
    latest_patch: int
    """The newest ``1.N.x`` patch this table knows of."""

    @property
    def toolchain(self) -> str:
        """The newest known toolchain name, e.g. ``go1.23.12``."""
        return f"go{self.version}.{self.latest_patch}"


GO_RELEASES: tuple[GoRelease, ...] = (
    GoRelease("1.11", "2018-08-24", "module support (preview), WebAssembly port", 13),
    GoRelease("1.12", "2019-02-25", "TLS 1.3 opt-in, module-aware go command everywhere", 17),
    GoRelease("1.13", "2019-09-03", "0b/0o literal prefixes, error wrapping, GOPROXY", 15),
    GoRelease("1.14", "2020-02-25", "overlapping embedded interfaces, production modules", 15),
    GoRelease("1.15", "2020-08-11", "new linker, X.509 CommonName deprecation", 15),
    GoRelease("1.16", "2021-02-16", "embed package, module mode on by default", 15),
    GoRelease("1.17", "2021-08-16", "module graph pruning, slice-to-array-pointer conversion", 13),
    GoRelease("1.18", "2022-03-15", "generics, fuzzing, workspaces (go.work)", 10),
    GoRelease("1.19", "2022-08-02", "revised memory model, soft memory limit", 13),
    GoRelease("1.20", "2023-02-01", "slice-to-array conversion, PGO preview", 14),
    GoRelease("1.21", "2023-08-08", "min/max/clear builtins, toolchain line, log/slog", 13),
    GoRelease("1.22", "2024-02-06", "per-iteration loop variables, range over integers", 12),
    GoRelease("1.23", "2024-08-13", "range-over-func iterators, iter package", 12),
    GoRelease("1.24", "2025-02-11", "generic type aliases, tool directive in go.mod", 13),
    GoRelease("1.25", "2025-08-12", "container-aware GOMAXPROCS, testing/synctest", 14),
    GoRelease("1.26", "2026-02-10", "new(expr) with a value, Green Tea GC by default", 7),
    GoRelease("1.27", "2026-08-19", "Unicode 17, HTTP/2 server priority signals", 3),
)


def release(language_version: str) -> GoRelease | None:
    """The release of a ``1.N`` language version (or of ``1.N.x``)."""
    parts = language_version.removeprefix("go").split(".")
    key = ".".join(parts[:2])
    for entry in GO_RELEASES:
        if entry.version == key:
            return entry
    return None


def latest() -> GoRelease:
    """The newest release in the table."""
    return GO_RELEASES[-1]

"""What GoReleaser v2.18 deprecated, and what v2.0 removed, with how to rewrite each.

From GoReleaser's deprecation notices page and the ``deprecate.Notice`` calls in its
pipes. Paths use ``[]`` for "every item of this list" (``archives.[].format``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

DEPRECATIONS_PAGE = "https://goreleaser.com/resources/deprecations/"


class RewriteKind(Enum):
    """How a deprecated key becomes its replacement."""

    RENAME = "rename"
    """Same value under ``new_key`` (merged into it when both are set)."""
    RENAME_TO_LIST = "rename-to-list"
    """The scalar value becomes the single item of the list at ``new_key``."""
    MOVE_TO_ROOT = "move-to-root"
    """The value moves to the top-level key ``new_key`` (that one wins if already set)."""
    HOIST = "hoist"
    """The mapping's keys move up into its parent mapping; the key goes away."""
    REMOVE = "remove"
    """The key has no effect any more; delete it."""
    REPLACE_VALUE = "replace-value"
    """Some values (``values``) are no longer valid; use ``new_value``."""
    REQUIRE = "require"
    """The key should be set; GoReleaser warns when it is missing."""
    MANUAL = "manual"
    """No mechanical rewrite: the replacement works differently."""


@dataclass(frozen=True, slots=True)
class Deprecation:
    """One deprecated key (or value) and its replacement."""

    path: tuple[str, ...]
    replacement: str
    kind: RewriteKind
    since: str
    anchor: str
    new_key: str = ""
    values: tuple[str, ...] = ()
    new_value: str = ""
    pro: bool = False
    notice: bool = True
    """Whether GoReleaser logs a deprecation notice (soft deprecations do not)."""

    @property
    def dotted(self) -> str:
        """The path as GoReleaser's notices spell it (``archives.format``)."""
        return ".".join(p for p in self.path if p != "[]")

    @property
    def url(self) -> str:
        """The deprecation notice on GoReleaser's site."""
        return DEPRECATIONS_PAGE + "#" + self.anchor


@dataclass(frozen=True, slots=True)
class Removal:
    """A key GoReleaser v2.0 removed: configs using it no longer load."""

    path: tuple[str, ...]
    replacement: str
    """What to write instead (empty when the key simply goes away)."""
    new_key: str
    anchor: str
    deprecated_since: str
    removed_in: str = "2.0"

    @property
    def dotted(self) -> str:
        """The path as GoReleaser's docs spell it."""
        return ".".join(p for p in self.path if p != "[]")

    @property
    def url(self) -> str:
        """The removal notice on GoReleaser's site (v1-era ones are no longer listed)."""
        return DEPRECATIONS_PAGE + ("#" + self.anchor if self.anchor else "")


def _anchor(title: str) -> str:
    return "".join(c for c in title.lower() if c.isalnum() or c in "-_")


def _dep(
    dotted: str, path: str, replacement: str, kind: RewriteKind, since: str, **extra: object
) -> Deprecation:
    return Deprecation(
        tuple(path.split(".")),
        replacement,
        kind,
        since,
        _anchor(dotted),
        **extra,  # type: ignore[arg-type]
    )


DEPRECATIONS: tuple[Deprecation, ...] = (
    _dep("dockers_v2.retry", "dockers_v2.[].retry", "retry", RewriteKind.MOVE_TO_ROOT, "2.15.3",
         new_key="retry"),
    _dep("docker_manifests.retry", "docker_manifests.[].retry", "retry",
         RewriteKind.MOVE_TO_ROOT, "2.15.3", new_key="retry"),
    _dep("dockers.retry", "dockers.[].retry", "retry", RewriteKind.MOVE_TO_ROOT, "2.15.3",
         new_key="retry"),
    _dep("furies", "furies", "gemfury", RewriteKind.RENAME, "2.14", new_key="gemfury", pro=True),
    _dep("mcp.github", "mcp.github", "mcp", RewriteKind.HOIST, "2.13.1"),
    _dep("homebrew_casks.binary", "homebrew_casks.[].binary", "homebrew_casks.binaries",
         RewriteKind.RENAME_TO_LIST, "2.12.6", new_key="binaries"),
    _dep("homebrew_casks.conflicts.formula", "homebrew_casks.[].conflicts.[].formula", "",
         RewriteKind.REMOVE, "2.12"),
    _dep("homebrew_casks.manpage", "homebrew_casks.[].manpage", "homebrew_casks.manpages",
         RewriteKind.RENAME_TO_LIST, "2.11", new_key="manpages"),
    _dep("brews", "brews", "homebrew_casks", RewriteKind.MANUAL, "2.16", new_key="homebrew_casks"),
    _dep("dockers", "dockers", "dockers_v2", RewriteKind.MANUAL, "2.12", new_key="dockers_v2",
         notice=False),
    _dep("dockers", "docker_manifests", "dockers_v2", RewriteKind.MANUAL, "2.12",
         new_key="dockers_v2", notice=False),
    _dep("archives.builds", "archives.[].builds", "archives.ids", RewriteKind.RENAME, "2.8",
         new_key="ids"),
    _dep("snaps.builds", "snapcrafts.[].builds", "snapcrafts.ids", RewriteKind.RENAME, "2.8",
         new_key="ids"),
    _dep("nfpms.builds", "nfpms.[].builds", "nfpms.ids", RewriteKind.RENAME, "2.8",
         new_key="ids"),
    _dep("archives.format", "archives.[].format", "archives.formats",
         RewriteKind.RENAME_TO_LIST, "2.6", new_key="formats"),
    _dep("archives.format_overrides.format", "archives.[].format_overrides.[].format",
         "archives.format_overrides.formats", RewriteKind.RENAME_TO_LIST, "2.6",
         new_key="formats"),
    _dep("kos.repository", "kos.[].repository", "kos.repositories",
         RewriteKind.RENAME_TO_LIST, "2.5", new_key="repositories"),
    _dep("builds.gobinary", "builds.[].gobinary", "builds.tool", RewriteKind.RENAME, "2.5",
         new_key="tool"),
    _dep("kos.sbom", "kos.[].sbom", "kos.sbom: spdx", RewriteKind.REPLACE_VALUE, "2.2",
         values=("cyclonedx", "go.version-m"), new_value="spdx"),
    _dep("nightly.name_template", "nightly.name_template", "nightly.version_template",
         RewriteKind.RENAME, "2.2", new_key="version_template", pro=True),
    _dep("snapshot.name_template", "snapshot.name_template", "snapshot.version_template",
         RewriteKind.RENAME, "2.2", new_key="version_template"),
    _dep("nfpms.maintainer", "nfpms.[].maintainer", "nfpms.maintainer", RewriteKind.REQUIRE,
         "1.9"),
)  # fmt: skip


def _removed(
    dotted: str, path: str, replacement: str, new_key: str, since: str, removed_in: str = "2.0"
) -> Removal:
    anchor = _anchor(dotted) if removed_in == "2.0" else ""
    return Removal(tuple(path.split(".")), replacement, new_key, anchor, since, removed_in)


REMOVALS: tuple[Removal, ...] = (
    _removed("archives.strip_parent_binary_folder", "archives.[].strip_parent_binary_folder",
             "archives.strip_binary_directory", "strip_binary_directory", "1.25"),
    _removed("blobs.folder", "blobs.[].folder", "blobs.directory", "directory", "1.25"),
    _removed("brews.folder", "brews.[].folder", "brews.directory", "directory", "1.25"),
    _removed("scoops.folder", "scoops.[].folder", "scoops.directory", "directory", "1.25"),
    _removed("furies.skip", "furies.[].skip", "furies.disable", "disable", "1.25"),
    _removed("changelog.skip", "changelog.skip", "changelog.disable", "disable", "1.24"),
    _removed("blobs.kmskey", "blobs.[].kmskey", "blobs.kms_key", "kms_key", "1.24"),
    _removed("blobs.disableSSL", "blobs.[].disableSSL", "blobs.disable_ssl", "disable_ssl",
             "1.24"),
    _removed("scoops.bucket", "scoops.[].bucket", "scoops.repository", "repository", "1.19"),
    _removed("krews.index", "krews.[].index", "krews.repository", "repository", "1.19"),
    _removed("brews.tap", "brews.[].tap", "brews.repository", "repository", "1.19"),
    _removed("archives.rlcp", "archives.[].rlcp", "", "", "1.19"),
    _removed("source.rlcp", "source.rlcp", "", "", "1.19"),
    _removed("brews.plist", "brews.[].plist", "brews.service", "service", "1.19"),
    _removed("scoop", "scoop", "scoops (a list)", "scoops", "1.18"),
    _removed("build", "build", "builds (a list)", "builds", "1.16"),
    # Removed during v1 (a v1 config may still carry them):
    _removed("archives.replacements", "archives.[].replacements",
             "a name_template with conditions ({{ if eq .Arch \"amd64\" }}x86_64{{ end }})", "",
             "1.14", "1.19"),
    _removed("nfpms.replacements", "nfpms.[].replacements",
             "a file_name_template with conditions", "", "1.14", "1.19"),
    _removed("snapcrafts.replacements", "snapcrafts.[].replacements",
             "a name_template with conditions", "", "1.14", "1.19"),
    _removed("nfpms.empty_folders", "nfpms.[].empty_folders",
             "nfpms.contents entries with type: dir", "contents", "1.0", "1.10"),
    _removed("dockers.use_buildx", "dockers.[].use_buildx", "dockers.use: buildx", "use",
             "0.172", "1.7"),
    _removed("nfpms.files", "nfpms.[].files", "nfpms.contents", "contents", "0.149", "0.172"),
    _removed("nfpms.config_files", "nfpms.[].config_files", "nfpms.contents (type: config)",
             "contents", "0.149", "0.172"),
    _removed("nfpms.symlinks", "nfpms.[].symlinks", "nfpms.contents (type: symlink)",
             "contents", "0.149", "0.172"),
    _removed("dockers.builds", "dockers.[].builds", "dockers.ids", "ids", "0.154", "0.175"),
    _removed("dockers.binaries", "dockers.[].binaries", "dockers.ids", "ids", "0.154", "0.175"),
    _removed("puts", "puts", "uploads", "uploads", "0.123", "0.132"),
    _removed("blob", "blob", "blobs (a list)", "blobs", "0.115", "0.130"),
    _removed("sign", "sign", "signs (a list)", "signs", "0.114", "0.130"),
    _removed("brew", "brew", "brews (a list)", "brews", "0.110", "0.125"),
    _removed("s3", "s3", "blobs", "blobs", "0.110", "0.125"),
    _removed("archive", "archive", "archives (a list)", "archives", "0.107", "0.124"),
    _removed("snapcraft", "snapcraft", "snapcrafts (a list)", "snapcrafts", "0.108", "0.124"),
    _removed("nfpm", "nfpm", "nfpms (a list)", "nfpms", "0.107", "0.124"),
)  # fmt: skip


def _norm(path: tuple[str | int, ...]) -> tuple[str, ...]:
    return tuple("[]" if isinstance(p, int) else p for p in path)


def _tail(path: tuple[str | int, ...]) -> tuple[int, str]:
    last = path[-1] if path else ""
    return len(path), "[]" if isinstance(last, int) else last


_DEPRECATIONS_BY_TAIL: dict[tuple[int, str], list[Deprecation]] = {}
for _deprecation in DEPRECATIONS:
    _DEPRECATIONS_BY_TAIL.setdefault(_tail(_deprecation.path), []).append(_deprecation)
_REMOVALS_BY_TAIL: dict[tuple[int, str], list[Removal]] = {}
for _removal in REMOVALS:
    _REMOVALS_BY_TAIL.setdefault(_tail(_removal.path), []).append(_removal)


def deprecation_at(path: tuple[str | int, ...]) -> Deprecation | None:
    """The deprecation of the key at ``path`` (list indices as ``int``), if any."""
    candidates = _DEPRECATIONS_BY_TAIL.get(_tail(path))  # most keys have none: no _norm
    if not candidates:
        return None
    key = _norm(path)
    return next((d for d in candidates if d.path == key), None)


def removal_at(path: tuple[str | int, ...]) -> Removal | None:
    """The v2.0 removal of the key at ``path`` (list indices as ``int``), if any."""
    candidates = _REMOVALS_BY_TAIL.get(_tail(path))
    if not candidates:
        return None
    key = _norm(path)
    return next((r for r in candidates if r.path == key), None)

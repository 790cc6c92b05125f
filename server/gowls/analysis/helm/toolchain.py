"""HL108: a Go toolchain image in a chart's values older than the go line of the module the
chart builds.

Images are read from values as Helm holds them: a string ``golang:1.22-alpine`` (any registry
prefix), or a mapping whose ``repository`` is ``golang`` and whose ``tag`` names the version
(its source text is read, so ``tag: 1.20`` stays 1.20), or any value a template writes right
after ``golang:`` (``image: golang:{{ .Values.goVersion }}``). The go line is the nearest go.work's
above or beside the chart, else the nearest go.mod's, read through the snapshot.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path

from gowls.analysis.findings import Finding, Fix, Related, Severity, TextEdit
from gowls.analysis.helm.documents import ValuesFile, template_golang_fed, values_root
from gowls.analysis.helm.language import GOLANG_FED_FACET, VALUES_KIND
from gowls.analysis.helm.lookups import chart_templates
from gowls.analysis.helm.rules import chart_example
from gowls.analysis.helm.values import lookup
from gowls.analysis.registry import RuleContext, RuleInfo, finding, rule
from gowls.analysis.snapshot import Snapshot
from gowls.syntax.positions import Point, Span
from gowls.syntax.versions import GoVersion

_VERSION = r"(?P<version>[0-9]+\.[0-9]+(?:\.[0-9]+)?)(?![0-9.])"
_IMAGE = re.compile(r"^(?:[\w.-]+(?::[0-9]+)?/)*(?:library/)?golang:" + _VERSION)
_REPOSITORY = re.compile(r"^(?:[\w.-]+(?::[0-9]+)?/)*(?:library/)?golang$")
_TAG = re.compile(r"^[\"']?" + _VERSION)


@dataclass(frozen=True, slots=True)
class GoLine:
    """The go line governing a directory: its version and where it is written."""

    version: str
    path: Path
    span: Span


def governing_go_line(snapshot: Snapshot, directory: Path) -> GoLine | None:
    """The nearest go.work's go line above or beside ``directory``, else the nearest
    go.mod's."""
    # The go.mod/go.work grammar loads only for a chart that names a golang image.
    from gowls.syntax.gomod import parse_gomod
    from gowls.syntax.gowork import parse_gowork

    for name, parse in (("go.work", parse_gowork), ("go.mod", parse_gomod)):
        for parent in (directory, *directory.parents):
            path = parent / name
            data = snapshot.source.read_bytes(path) if snapshot.source.is_file(path) else None
            if data is None:
                continue
            doc = parse(data)
            if doc.go is None:
                return None
            return GoLine(doc.go.version, path, doc.go.span)
    return None


@dataclass(frozen=True, slots=True)
class ImageVersion:
    """A Go version written in a values file: its text and span."""

    version: str
    span: Span


_IN_IMAGE = re.compile(r"golang:" + _VERSION)


def _source_version(doc: ValuesFile, span: Span, pattern: re.Pattern[str]) -> ImageVersion | None:
    """The version as written in the value's source text (its span there)."""
    start, end = doc.index.offset(span.start), doc.index.offset(span.end)
    text = doc.index.data[start:end].decode("utf-8", errors="replace")
    m = pattern.search(text)
    if m is None:
        return None
    at = doc.index.point(start + len(text[: m.start("version")].encode()))
    version = m.group("version")
    return ImageVersion(version, Span(at, Point(at.line, at.column + len(version))))


def fed_paths(snapshot: Snapshot, root: Path) -> frozenset[tuple[str, ...]]:
    """Values paths a template writes right after ``golang:`` (``image: golang:{{ .Values.go
    }}``): their values are golang image tags (once per chart and snapshot)."""
    # Shared across a session's snapshots: it reads only the chart's templates (and the
    # listing of templates/), so a values edit does not walk and look up every template again.
    return snapshot.memo(
        ("helm golang-fed paths", root), lambda: _fed_paths(snapshot, root), shared=True
    )


def _fed_paths(snapshot: Snapshot, root: Path) -> frozenset[tuple[str, ...]]:
    out: set[tuple[str, ...]] = set()
    for _path, doc in chart_templates(snapshot, root, GOLANG_FED_FACET):
        out.update(template_golang_fed(doc))
    return frozenset(out)


_DECODES_TO_LETTERS = re.compile(rb"\\[xuU\r\n]")
"""Escapes of a double-quoted scalar that may spell a letter (``\\x67``, ``\\u0067``) or
join two lines' text (an escaped line break): the only ways a value reads ``golang`` that its
source does not spell out."""


def _may_name_golang(data: bytes) -> bool:
    """Whether a value of the file may name golang (both forms :func:`image_versions` reads
    do): the source says golang, or has an escape that may spell it."""
    return b"golang" in data or _DECODES_TO_LETTERS.search(data) is not None


def image_versions(
    doc: ValuesFile, fed: AbstractSet[tuple[str, ...]] = frozenset()
) -> Iterator[ImageVersion]:
    """Go versions of golang images in the values file, as written (``fed``: paths templates
    use as a golang tag)."""
    if not fed and not _may_name_golang(doc.index.data):
        return
    sites = doc.values.sites
    for path, site in sites.items():
        if site.value is None or not path:
            continue
        if path in fed:
            found = _source_version(doc, site.value, _TAG)
            if found is not None:
                yield found
            continue
        value = lookup(doc.values.data, path)
        if isinstance(value, str) and _IMAGE.match(value):
            found = _source_version(doc, site.value, _IN_IMAGE)
            if found is not None:
                yield found
        elif path[-1] == "tag":
            repo = lookup(doc.values.data, (*path[:-1], "repository"))
            if isinstance(repo, str) and _REPOSITORY.match(repo):
                found = _source_version(doc, site.value, _TAG)
                if found is not None:
                    yield found


def older(image: str, go_line: str) -> bool:
    """Whether a ``golang:<image>`` toolchain cannot build a module at ``go_line``: a
    ``1.22`` tag floats to the newest 1.22 patch, so only its minor counts."""
    have, need = GoVersion.parse(image), GoVersion.parse(go_line)
    if have is None or need is None:
        return False
    if image.count(".") == 1:
        return (have.major, have.minor) < (need.major, need.minor)
    return (have.major, have.minor, have.patch) < (need.major, need.minor, need.patch)


def raised(image: str, go_line: str) -> str:
    """The tag version that builds ``go_line``, as precise as the one written."""
    need = GoVersion.parse(go_line)
    assert need is not None
    if image.count(".") == 1:
        return need.language()
    return f"{need.major}.{need.minor}.{need.patch}"


@rule(
    RuleInfo(
        code="HL108",
        name="go-image-older-than-go-line",
        kind=VALUES_KIND,
        severity=Severity.WARNING,
        summary="A golang image in the values is older than the go line of the module the chart "
        "builds",
        explanation=(
            "A chart that runs `go` (a build or test job, an init container checking the Go "
            "environment) from a `golang:<version>` image needs a toolchain at least as new "
            "as the `go` line of the go.work (nearest above or beside the chart), else "
            "go.mod, it builds. An older `go` either downloads the newer toolchain at run "
            "time or, with `GOTOOLCHAIN=local`, refuses: `go.mod requires go >= 1.23.4`. "
            "gowls reads `golang:` image strings (any registry prefix) and `repository: "
            "golang` with a `tag:`, and values a template writes right after `golang:` "
            "(`image: golang:{{ .Values.goVersion }}`); a `1.22` tag is taken as the newest "
            "1.22 release."
        ),
        fix="Raise the image tag to the go line (quick fix), or lower the go line.",
        example=chart_example(
            "values.yaml",
            "builder:\n  image: golang:1.22-alpine\n",
            "image: {{ .Values.builder.image }}\n",
            extra={"go.mod": "module example.com/app\n\ngo 1.23.4\n"},
        ),
    )
)
def go_image_older(ctx: RuleContext[ValuesFile], info: RuleInfo) -> Iterator[Finding]:
    """Golang image tags older than the governing go line."""
    root = values_root(ctx.snapshot, ctx.path)
    if root is None:
        return
    images = list(image_versions(ctx.doc, fed_paths(ctx.snapshot, root)))
    if not images:
        return
    line = governing_go_line(ctx.snapshot, root)
    if line is None:
        return
    for image in images:
        if not older(image.version, line.version):
            continue
        new = raised(image.version, line.version)
        name = line.path.name
        message = (
            f"golang {image.version} is older than `go {line.version}` in {name}: "
            f"this toolchain cannot build the module without downloading go{line.version}"
        )
        fix = Fix(f"Raise to {new}", (TextEdit(ctx.path, image.span, new),))
        related = Related(line.path, line.span, f"go {line.version}")
        yield finding(info, ctx.path, image.span, message, fixes=(fix,), related=(related,))


TOOLCHAIN_RULES = (go_image_older,)

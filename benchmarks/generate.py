"""Write a synthetic Go monorepo of N modules (deterministic; not part of the test run).

Usage: python benchmarks/generate.py DIR --modules N [--extras]

The layout is what a large multi-module repository looks like to gowls:

- ``go.work`` at the root ``use``s every module (``go 1.22``);
- modules live in groups of 50 (``services/g003/m0151``), each module ``example.com/mono/mNNNN``;
- every module requires its predecessor and the module at half its index (at a published
  version, served by the workspace), plus one of a few third-party modules;
- every seventh module requires a sibling at the placeholder version
  ``v0.0.0-00010101000000-000000000000`` and serves it with a local ``replace`` to the very
  directory the workspace uses (harmless for ``go``; it exercises the replace indexes);
- with ``--extras``: a ``.goreleaser.yaml`` and a Helm chart (``deploy/chart``) for the kinds
  gowls is growing.

The workspace is valid: ``gowls --check`` reports no findings on it (a unit test keeps it so).

The latency benchmarks also take single files of a given length from here:
:func:`gomod_of_lines`, :func:`goreleaser_project` and :func:`chart_files` (``--kind``).
"""

from __future__ import annotations

import argparse
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

GROUP_SIZE = 50
"""Modules per directory group (keeps directories small, like a real monorepo)."""

GO_VERSION = "1.22"
ZERO_PSEUDO = "v0.0.0-00010101000000-000000000000"
THIRD_PARTY: tuple[tuple[str, str], ...] = (
    ("golang.org/x/text", "v0.14.0"),
    ("github.com/google/go-cmp", "v0.6.0"),
    ("gopkg.in/yaml.v3", "v3.0.1"),
    ("github.com/stretchr/testify", "v1.9.0"),
)
"""Downloaded dependencies: (module path, version)."""

REPLACE_EVERY = 7
"""Every n-th module requires a sibling at the placeholder version and replaces it locally."""


@dataclass(frozen=True, slots=True)
class Module:
    """One synthetic module: its index, directory (relative to the root) and module path."""

    index: int

    @property
    def rel_dir(self) -> str:
        """The directory relative to the repository root (``services/g000/m0000``)."""
        return f"services/g{self.index // GROUP_SIZE:03d}/m{self.index:04d}"

    @property
    def path(self) -> str:
        """The module path its go.mod declares."""
        return f"example.com/mono/m{self.index:04d}"


def _relative(src: Module, dst: Module) -> str:
    rel = os.path.relpath(dst.rel_dir, src.rel_dir).replace(os.sep, "/")
    return rel if rel.startswith("..") else f"./{rel}"


def _requires(module: Module) -> list[tuple[Module, bool]]:
    """Workspace modules ``module`` requires, each with whether it is served by its own replace."""
    i = module.index
    wanted: dict[int, bool] = {}
    if i >= 1:
        wanted[i - 1] = False
    if i >= 2:
        wanted.setdefault(i // 2, False)
    if i % REPLACE_EVERY == 0 and i >= 3:
        wanted[i - 3] = True
    return [(Module(j), replaced) for j, replaced in sorted(wanted.items())]


def gomod_text(module: Module) -> str:
    """The go.mod of ``module``: requires of siblings and a third party, and local replaces."""
    lines = [f"module {module.path}", "", f"go {GO_VERSION}", "", "require ("]
    replaces: list[str] = []
    for dep, replaced in _requires(module):
        version = ZERO_PSEUDO if replaced else f"v1.{dep.index % 10}.0"
        lines.append(f"\t{dep.path} {version}")
        if replaced:
            replaces.append(f"replace {dep.path} => {_relative(module, dep)}")
    third, version = THIRD_PARTY[module.index % len(THIRD_PARTY)]
    lines.append(f"\t{third} {version}")
    lines.append(")")
    if replaces:
        lines.append("")
        lines.extend(replaces)
    return "\n".join(lines) + "\n"


def gowork_text(modules: list[Module]) -> str:
    """The root go.work using every module."""
    uses = "".join(f"\t./{m.rel_dir}\n" for m in modules)
    return f"go {GO_VERSION}\n\nuse (\n{uses})\n"


def goreleaser_text(modules: list[Module]) -> str:
    """A GoReleaser configuration building the first few modules."""
    builds = "".join(
        f"  - id: m{m.index:04d}\n    dir: {m.rel_dir}\n    binary: m{m.index:04d}\n"
        "    goos: [linux, darwin]\n    goarch: [amd64, arm64]\n"
        for m in modules[:5]
    )
    return f"version: 2\nproject_name: mono\nbuilds:\n{builds}archives:\n  - formats: [tar.gz]\n"


CHART_FILES: tuple[tuple[str, str], ...] = (
    (
        "Chart.yaml",
        "apiVersion: v2\nname: mono\ndescription: The mono services\ntype: application\n"
        "version: 0.1.0\nappVersion: '1.0.0'\n",
    ),
    ("values.yaml", "replicaCount: 1\nimage:\n  repository: example/mono\n  tag: ''\n"),
    (
        "templates/deployment.yaml",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n"
        "spec:\n  replicas: {{ .Values.replicaCount }}\n  template:\n    spec:\n"
        "      containers:\n        - name: mono\n"
        '          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"\n',
    ),
)
"""A minimal Helm chart under ``deploy/chart`` (path relative to the chart, text)."""


def files(count: int, extras: bool = False) -> Iterator[tuple[str, str]]:
    """Every file of the repository as (relative path, text), in a fixed order."""
    modules = [Module(i) for i in range(count)]
    yield "go.work", gowork_text(modules)
    for module in modules:
        yield f"{module.rel_dir}/go.mod", gomod_text(module)
    if extras:
        yield ".goreleaser.yaml", goreleaser_text(modules)
        for rel, text in CHART_FILES:
            yield f"deploy/chart/{rel}", text


def gomod_of_lines(lines: int) -> str:
    """A lone go.mod of ``lines`` lines: one third-party requirement a line."""
    count = max(1, lines - 6)
    requires = "".join(f"\texample.com/dep{i:05d} v1.{i % 10}.0\n" for i in range(count))
    return f"module example.com/big\n\ngo {GO_VERSION}\n\nrequire (\n{requires})\n"


BUILD_LINES = 12


def goreleaser_project(lines: int) -> list[tuple[str, str]]:
    """A module with a main package and a GoReleaser config of about ``lines`` lines (builds of
    one binary for several targets with flags and hooks, then archives and a changelog)."""
    builds = []
    for i in range(max(1, (lines - 16) // BUILD_LINES)):
        builds.append(
            f"  - id: tool{i:04d}\n"
            f"    binary: tool{i:04d}\n"
            "    main: .\n"
            "    env:\n"
            "      - CGO_ENABLED=0\n"
            "    goos: [linux, darwin, windows]\n"
            "    goarch: [amd64, arm64]\n"
            "    flags:\n"
            "      - -trimpath\n"
            "    ldflags:\n"
            f"      - -s -w -X main.version={{{{.Version}}}} -X main.tool=tool{i:04d}\n"
            f"    mod_timestamp: '{{{{ .CommitTimestamp }}}}'\n"
        )
    config = (
        "version: 2\nproject_name: big\nbuilds:\n"
        + "".join(builds)
        + "archives:\n  - formats: [tar.gz]\n"
        + "    name_template: '{{ .ProjectName }}_{{ .Version }}_{{ .Os }}_{{ .Arch }}'\n"
        + "checksum:\n  name_template: checksums.txt\n"
        + "changelog:\n  sort: asc\n  filters:\n    exclude:\n      - '^docs:'\n"
    )
    return [
        ("go.mod", f"module example.com/big\n\ngo {GO_VERSION}\n"),
        ("main.go", "package main\n\nfunc main() {}\n"),
        (".goreleaser.yaml", config),
    ]


CHART_TEMPLATE = "components.yaml"
"""The template of :func:`chart_files` (under ``templates/``)."""

VALUES_COMPONENT_LINES = 10
TEMPLATE_COMPONENT_LINES = 20


def _values_component(i: int) -> str:
    return (
        f"  c{i:04d}:\n"
        "    enabled: true\n"
        f"    replicas: {1 + i % 3}\n"
        "    image:\n"
        f"      repository: example/c{i:04d}\n"
        f"      tag: '1.{i % 10}.0'\n"
        f"    port: {8000 + i}\n"
        "    resources:\n"
        "      cpu: 100m\n"
        "      memory: 128Mi\n"
    )


def _template_component(i: int) -> str:
    v = f".Values.components.c{i:04d}"
    return (
        f"{{{{- if {v}.enabled }}}}\n"
        "---\n"
        "apiVersion: apps/v1\n"
        "kind: Deployment\n"
        "metadata:\n"
        f"  name: {{{{ .Release.Name }}}}-c{i:04d}\n"
        "spec:\n"
        f"  replicas: {{{{ {v}.replicas }}}}\n"
        "  template:\n"
        "    spec:\n"
        "      containers:\n"
        f"        - name: c{i:04d}\n"
        f'          image: "{{{{ {v}.image.repository }}}}:{{{{ {v}.image.tag }}}}"\n'
        "          ports:\n"
        f"            - containerPort: {{{{ {v}.port }}}}\n"
        "          resources:\n"
        "            requests:\n"
        f"              cpu: {{{{ {v}.resources.cpu }}}}\n"
        f"              memory: {{{{ {v}.resources.memory }}}}\n"
        "{{- end }}\n"
    )


RANGE_TEMPLATE = """{{- range $name, $c := .Values.components }}
{{- if $c.enabled }}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ $.Release.Name }}-{{ $name }}
spec:
  replicas: {{ $c.replicas }}
  template:
    spec:
      containers:
        - name: {{ $name }}
          image: "{{ $c.image.repository }}:{{ $c.image.tag }}"
          ports:
            - containerPort: {{ $c.port }}
          resources:
            requests:
              cpu: {{ $c.resources.cpu }}
              memory: {{ $c.resources.memory }}
{{- end }}
{{- end }}
"""


def chart_files(lines: int, values_sized: bool) -> list[tuple[str, str]]:
    """A chart of components (each a Deployment) as (path in the chart, text).

    ``values_sized``: values.yaml has about ``lines`` lines and one template ranges over the
    components; otherwise the template has about ``lines`` lines, one block per component
    reading its values by name."""
    per = VALUES_COMPONENT_LINES if values_sized else TEMPLATE_COMPONENT_LINES
    count = max(1, lines // per)
    values = "components:\n" + "".join(_values_component(i) for i in range(count))
    template = (
        RANGE_TEMPLATE if values_sized else "".join(_template_component(i) for i in range(count))
    )
    chart = (
        "apiVersion: v2\nname: big\ndescription: Many components\ntype: application\n"
        "version: 0.1.0\nappVersion: '1.0.0'\n"
    )
    return [
        ("Chart.yaml", chart),
        ("values.yaml", values),
        (f"templates/{CHART_TEMPLATE}", template),
    ]


def generate(root: Path, count: int, extras: bool = False) -> Path:
    """Write the repository of ``count`` modules into ``root`` (emptied first) and return it."""
    if root.exists():
        shutil.rmtree(root)
    for rel, text in files(count, extras):
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return root


def write_files(root: Path, entries: list[tuple[str, str]]) -> None:
    """Write (relative path, text) entries under ``root``."""
    for rel, text in entries:
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


KINDS = ("monorepo", "gomod", "goreleaser", "values", "template")


def main() -> None:
    """Command line: ``generate.py DIR [--modules N] [--extras] [--kind K --lines L]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--modules", type=int, default=100)
    parser.add_argument("--extras", action="store_true", help="add a GoReleaser config and chart")
    parser.add_argument("--kind", choices=KINDS, default="monorepo")
    parser.add_argument("--lines", type=int, default=500, help="file length for --kind")
    args = parser.parse_args()
    if args.kind == "monorepo":
        generate(args.directory, args.modules, args.extras)
        print(f"wrote {args.modules} modules to {args.directory}")
        return
    if args.directory.exists():
        shutil.rmtree(args.directory)
    if args.kind == "gomod":
        entries = [("go.mod", gomod_of_lines(args.lines))]
    elif args.kind == "goreleaser":
        entries = goreleaser_project(args.lines)
    else:
        entries = chart_files(args.lines, values_sized=args.kind == "values")
    write_files(args.directory, entries)
    print(f"wrote a {args.lines}-line {args.kind} to {args.directory}")


if __name__ == "__main__":
    main()

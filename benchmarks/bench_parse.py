"""CPU per keystroke inside one process: parse + check of one edited file, per kind and size.

Usage: python benchmarks/bench_parse.py [--edits N] [--sizes 500 5000] [--only KIND ...]
                                        [--mode replace|enter|delete] [--profile KIND:SIZE]
                                        [--fresh] [--server DIR]

No server and no pipe: a :class:`Workspace` set up as the language server sets it up (policy,
overlay, shared parse cache), one file open in it, and ``--edits`` edits that each replace one
line in the middle of the file (alternating between two texts, so that the findings change),
or with ``--mode enter`` split that line in two and join it again (Enter, then Backspace), or
with ``--mode delete`` delete the line and put it back, each followed by ``check_file`` of
that file in a new snapshot, as one server pass does. The table gives CPU
(``time.process_time``) per edit: median, p99 and max. ``--fresh`` clears the parse cache
before every edit (what a full re-parse costs); ``--profile KIND:SIZE`` prints cProfile's top
functions for that scenario instead; ``--server DIR`` measures another checkout's ``server``
directory.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import os
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

_SERVER = Path(__file__).resolve().parents[1] / "server"
if "--server" in sys.argv:  # another checkout's server/ (for before/after figures)
    _SERVER = Path(sys.argv[sys.argv.index("--server") + 1])
sys.path.insert(0, str(_SERVER))

from gowls import languages  # noqa: E402
from gowls.analysis.config import ConfigResolver, Policy  # noqa: E402
from gowls.analysis.workspace import Workspace  # noqa: E402


@dataclass(frozen=True, slots=True)
class Kind:
    """How to write a file of ``lines`` lines of one kind: (relative path, text, edited line,
    the line's other text), plus files it needs beside it."""

    name: str
    write: Callable[[int], tuple[str, list[str], dict[str, str]]]
    alternate: Callable[[str], str]


def _gomod(lines: int) -> tuple[str, list[str], dict[str, str]]:
    n = max(lines - 6, 1)
    body = [f"\texample.com/dep{i:05d} v1.{i % 10}.0" for i in range(n)]
    return "go.mod", ["module example.com/m", "", "go 1.22", "", "require (", *body, ")"], {}


def _gowork(lines: int) -> tuple[str, list[str], dict[str, str]]:
    n = max(lines - 6, 1)
    body = [f"\texample.com/dep{i:05d} => example.com/fork{i:05d} v1.{i % 10}.0" for i in range(n)]
    text = ["go 1.22", "", "use ./a", "", "replace (", *body, ")"]
    return "go.work", text, {"a/go.mod": "module example.com/a\n\ngo 1.22\n"}


_CHART = "apiVersion: v2\nname: bench\nversion: 0.1.0\nappVersion: '1.0.0'\n"


def _values(lines: int) -> tuple[str, list[str], dict[str, str]]:
    out: list[str] = ["# Default values for bench.", "replicaCount: 1"]
    i = 0
    while len(out) < lines:
        out += [
            f"# component{i} settings",
            f"component{i}:",
            "  enabled: true",
            "  image:",
            f"    repository: example.com/component{i}",
            '    tag: ""',
            "    pullPolicy: IfNotPresent",
            "  # resources for the container",
            "  resources:",
            "    limits: {cpu: 100m, memory: 128Mi}",
            "    requests:",
            "      cpu: 50m",
            "      memory: 64Mi",
            "  env:",
            f"    - name: COMPONENT_{i}",
            f'      value: "{i}"',
            "  annotations: {}",
            "  nodeSelector: {}",
            "  tolerations: []",
            "  args: [--verbose, --port=8080]",
        ]
        i += 1
    tpl = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n"
    return "values.yaml", out[:lines], {"Chart.yaml": _CHART, "templates/cm.yaml": tpl}


def _template(lines: int) -> tuple[str, list[str], dict[str, str]]:
    out: list[str] = []
    i = 0
    while len(out) < lines:
        out += [
            "---",
            f"{{{{- if .Values.component{i % 3}.enabled }}}}",
            "apiVersion: apps/v1",
            "kind: Deployment",
            "metadata:",
            f"  name: {{{{ .Release.Name }}}}-c{i}",
            "  labels:",
            '    {{- include "bench.labels" . | nindent 4 }}',
            "spec:",
            "  replicas: {{ .Values.replicaCount }}",
            "  template:",
            "    spec:",
            "      containers:",
            f"        - name: c{i}",
            f'          image: "{{{{ .Values.component{i % 3}.image.repository }}}}:'
            f'{{{{ .Values.component{i % 3}.image.tag | default .Chart.AppVersion }}}}"',
            "          {{- with .Values.component0.resources }}",
            "          resources:",
            "            {{- toYaml . | nindent 12 }}",
            "          {{- end }}",
            "{{- end }}",
        ]
        i += 1
    helpers = '{{- define "bench.labels" -}}\napp: {{ .Chart.Name }}\n{{- end }}\n'
    return (
        "templates/deployment.yaml",
        out[:lines],
        {
            "Chart.yaml": _CHART,
            "values.yaml": "\n".join(_values(60)[1]) + "\n",
            "templates/_helpers.tpl": helpers,
        },
    )


def _goreleaser(lines: int) -> tuple[str, list[str], dict[str, str]]:
    out: list[str] = ["version: 2", "project_name: bench", "builds:"]
    i = 0
    while len(out) < lines - 12:
        out += [
            f"  - id: b{i}",
            f"    main: ./cmd/b{i}",
            f"    binary: b{i}",
            "    env: [CGO_ENABLED=0]",
            "    goos: [linux, darwin, windows]",
            "    goarch: [amd64, arm64]",
            "    ldflags:",
            "      - -s -w -X main.version={{ .Version }} -X main.commit={{ .Commit }}",
            "    # keep the build reproducible",
            "    mod_timestamp: '{{ .CommitTimestamp }}'",
        ]
        i += 1
    out += [
        "archives:",
        "  - formats: [tar.gz]",
        "    name_template: '{{ .ProjectName }}_{{ .Version }}_{{ .Os }}_{{ .Arch }}'",
        "checksum:",
        "  name_template: checksums.txt",
        "changelog:",
        "  sort: asc",
        "  filters:",
        "    exclude: ['^docs:', '^test:']",
        "release:",
        "  draft: false",
        "  prerelease: auto",
    ]
    return ".goreleaser.yaml", out[:lines], {"go.mod": "module example.com/b\n\ngo 1.22\n"}


def _toggle_version(line: str) -> str:
    return line.replace(" v1.", " 1.") if " v1." in line else line.replace(" 1.", " v1.")


def _toggle_yaml(line: str) -> str:
    # a duplicate-free key typo / unknown template function: both change the findings
    if "XX" in line:
        return line.replace("XX", "")
    return line + "XX" if ":" not in line.split("#")[0] else line.replace(":", "XX:", 1)


KINDS = (
    Kind("go.mod", _gomod, _toggle_version),
    Kind("go.work", _gowork, _toggle_version),
    Kind("values.yaml", _values, _toggle_yaml),
    Kind("template", _template, _toggle_yaml),
    Kind("goreleaser", _goreleaser, _toggle_yaml),
)


def _edited_line(kind: str, lines: list[str], end: bool = False) -> int:
    middle = len(lines) // 2
    order = range(len(lines) - 1, middle - 1, -1) if end else range(middle, len(lines))
    for i in order:
        text = lines[i]
        if kind in ("go.mod", "go.work") and " v1." in text:
            return i
        if kind not in ("go.mod", "go.work") and ":" in text and not text.lstrip().startswith("#"):
            return i
    return middle


def _texts(mode: str, kind: Kind, lines: list[str], line: int) -> list[str]:
    """The two texts an edit alternates between."""
    edited = list(lines)
    if mode == "replace":
        edited[line] = kind.alternate(lines[line])
    elif mode == "enter":
        cut = len(lines[line]) // 2
        edited[line : line + 1] = [lines[line][:cut], lines[line][cut:]]
    else:
        del edited[line]
    return ["\n".join(lines) + "\n", "\n".join(edited) + "\n"]


def run(
    kind: Kind,
    size: int,
    edits: int,
    fresh: bool,
    profile: bool,
    mode: str = "replace",
    end: bool = False,
) -> list[float]:
    """CPU seconds per edit for one kind and size."""
    rel, lines, extra = kind.write(size)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name, text in extra.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text, encoding="utf-8")
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        langs = languages.LANGUAGES
        resolver = ConfigResolver(
            langs.codes(), fallback=root, strict=False, sections=langs.sections()
        )
        ws = Workspace([root], policy=Policy(resolver), languages=langs)
        ws.open(path, "\n".join(lines) + "\n", 0)
        ws.check([path])
        gc.freeze()
        line = _edited_line(kind.name, lines, end)
        texts = _texts(mode, kind, lines, line)
        times: list[float] = []
        prof = cProfile.Profile() if profile else None
        for n in range(edits):
            text = texts[(n + 1) % 2]
            if fresh:
                ws.cache = type(ws.cache)()
            start = time.process_time()
            if prof is not None:
                prof.enable()
            ws.open(path, text, n + 1)
            ws.check([path])
            if prof is not None:
                prof.disable()
            times.append(time.process_time() - start)
        if prof is not None:
            pstats.Stats(prof).sort_stats(os.environ.get("SORT", "cumulative")).print_stats(45)
        return times


def main() -> None:
    """Print the table (or a profile)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--edits", type=int, default=60)
    parser.add_argument("--sizes", type=int, nargs="*", default=[500, 5000])
    parser.add_argument("--only", nargs="*", help="kinds to measure")
    parser.add_argument("--fresh", action="store_true", help="clear the parse cache per edit")
    parser.add_argument("--profile", help="KIND:SIZE to profile")
    parser.add_argument("--server", help="another checkout's server/ directory")
    parser.add_argument(
        "--mode",
        choices=("replace", "enter", "delete"),
        default="replace",
        help="replace the line, press Enter in it, or delete it (and undo), per edit",
    )
    parser.add_argument(
        "--end", action="store_true", help="edit the last such line (as bench_latency does)"
    )
    args = parser.parse_args()
    if args.profile:
        name, size = args.profile.rsplit(":", 1)
        kind = next(k for k in KINDS if k.name == name)
        run(kind, int(size), args.edits, args.fresh, profile=True, mode=args.mode, end=args.end)
        return
    print("| kind | lines | edits | median CPU ms | p99 CPU ms | max CPU ms |")
    print("|---|---:|---:|---:|---:|---:|")
    for kind in KINDS:
        if args.only and kind.name not in args.only:
            continue
        for size in args.sizes:
            ms = sorted(
                t * 1000
                for t in run(kind, size, args.edits, args.fresh, False, args.mode, args.end)
            )
            p99 = ms[min(len(ms) - 1, round(0.99 * (len(ms) - 1)))]
            print(
                f"| {kind.name} | {size:,} | {len(ms)} | {statistics.median(ms):.2f} | "
                f"{p99:.2f} | {ms[-1]:.2f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()

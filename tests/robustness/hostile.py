"""Hostile workspace files as a table: one entry per hazard, written by one function.

A new file kind adds its hazards as more ``Hostile`` entries (a GoReleaser or Helm file is
just another relative path and content); ``write_tree`` builds any subset on disk.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

MOD = "module example.com/{name}\n\ngo 1.22\n"

BIG_REQUIRES = 500_000
"""The 20 MB go.mod of issue 14: 500,000 require lines."""


def big_gomod(lines: int = BIG_REQUIRES, *, tail_error: bool = True) -> bytes:
    """A valid go.mod with ``lines`` requirements; with ``tail_error`` its last requirement
    has an invalid version, so a finding on the last lines proves the file was parsed."""
    out = ["module example.com/big", "", "go 1.22", "", "require ("]
    out.extend(
        f"\texample.com/dependency{i:06d}/with/a/long/path v1.{i % 100}.{i % 7}"
        for i in range(lines)
    )
    if tail_error:
        out.append("\texample.com/last not-a-version")
    out.append(")")
    return ("\n".join(out) + "\n").encode()


@dataclass(frozen=True)
class Hostile:
    """One hazard: a name, and what it puts under the root."""

    name: str
    make: Callable[[Path], None]
    """Writes the hazard below the given root (a directory named after the hazard)."""
    expect: tuple[str, ...] = ()
    """Substrings of ``path:line: message`` lines ``--check`` must report for it."""
    big: bool = False
    """Costly (the 20 MB go.mod, the 100,000-line values file): built only where a test asks
    for it (the whole-tree ``--check``)."""


def _file(rel: str, content: bytes) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)

    return make


def _files(*entries: tuple[str, bytes]) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        for rel, content in entries:
            _file(rel, content)(root)

    return make


def _symlink_loop(root: Path) -> None:
    (root / "a").mkdir(parents=True)
    (root / "a" / "go.mod").write_bytes(MOD.format(name="loop").encode())
    os.symlink("..", root / "a" / "up")  # a directory loop
    os.symlink("self", root / "a" / "self")  # a link to itself (ELOOP)
    os.symlink("go.mod", root / "go.work.lnk")
    os.symlink("nowhere/go.mod", root / "dangling")
    (root / "b").mkdir()
    os.symlink("../b/go.mod", root / "b" / "go.mod")  # a go.mod that is a link to itself
    (root / "go.work").write_bytes(b"go 1.22\n\nuse (\n\t./a\n\t./a/up/a\n\t./b\n)\n")


CHART = b"apiVersion: v2\nname: c\nversion: 0.1.0\n"

UNREADABLE_PATHS: tuple[tuple[str, int, bool], ...] = (
    ("locked", 0, True),
    ("noread/go.mod", 0, False),
    ("listonly", 0o444, True),  # listed but not searchable: names without their files
    ("rel/.goreleaser.yaml", 0, False),
    ("chart/values.yaml", 0, False),
    ("chart/templates", 0, True),
    ("chart/charts", 0, True),
)
"""What ``_unreadable`` takes permissions from: (path, mode, is a directory)."""


def _unreadable(root: Path) -> None:
    (root / "go.work").write_bytes(b"go 1.22\n\nuse (\n\t./locked\n\t./listonly\n)\n")
    for rel in ("locked", "noread", "listonly"):
        (root / rel).mkdir(parents=True)
        (root / rel / "go.mod").write_bytes(MOD.format(name=rel).encode())
    (root / "rel").mkdir()
    (root / "rel" / ".goreleaser.yaml").write_bytes(b"version: 2\nbuilds:\n  - id: x\n")
    for rel in ("chart/templates", "chart/charts/sub/templates"):
        (root / rel).mkdir(parents=True)
    (root / "chart" / "Chart.yaml").write_bytes(CHART)
    (root / "chart" / "values.yaml").write_bytes(b"replicas: 1\n")
    (root / "chart" / "templates" / "a.yaml").write_bytes(b"n: {{ .Values.replicas }}\n")
    (root / "chart" / "charts" / "sub" / "Chart.yaml").write_bytes(CHART)
    for rel, mode, _ in UNREADABLE_PATHS:
        os.chmod(root / rel, mode)


def _special_files(root: Path) -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / "fifo").mkdir()
    os.mkfifo(root / "fifo" / "go.mod")  # a read would block forever
    (root / "dev").mkdir()
    os.symlink("/dev/zero", root / "dev" / "go.mod")  # a read would never end
    (root / "rand").mkdir()
    os.symlink("/dev/urandom", root / "rand" / "go.mod")
    (root / "go.work").write_bytes(b"go 1.22\n\nuse (\n\t./fifo\n\t./dev\n\t./rand\n)\n")


BIG_VALUES_LINES = 100_000
"""The 100,000-line values file of issue 14."""


def _chart(root: Path, files: dict[str, bytes]) -> None:
    """A chart at ``root`` (Chart.yaml unless given) holding ``files``."""
    for rel, content in {"Chart.yaml": CHART, **files}.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)


def _big_values(root: Path) -> None:
    lines = b"".join(b"key%06d: value %d\n" % (i, i) for i in range(BIG_VALUES_LINES))
    _chart(root, {"values.yaml": lines, "templates/a.yaml": b"a: {{ .Values.key000001 }}\n"})


def _deep_templates(root: Path) -> None:
    n = 10_000
    _chart(
        root,
        {
            "values.yaml": b"a: 1\n",
            "templates/ifs.yaml": b"{{ if .Values.a }}" * n + b"x" + b"{{ end }}" * n + b"\n",
            "templates/parens.yaml": b"v: {{ " + b"(" * n + b".Values.a" + b")" * n + b" }}\n",
            "templates/open.yaml": b"{{ with .Values.a }}\n" * n,  # never closed
            "templates/defines.tpl": b'{{ define "x" }}{{ template "x" . }}{{ end }}\n',
        },
    )


BYTE_HAZARDS: dict[str, bytes] = {
    "binary": bytes(range(256)) * 16,
    "nul": b"a: 1\x00\nb: {{ .Values.a }}\x00\n",
    "invalid-utf8": b"a: \xff\xfe\n\xc3(: 1\n",
    "bom": b"\xef\xbb\xbfa: 1\n",
    "crlf": b"a: 1\r\nb:\r\n  - {{ .Values.a }}\r\n",
    "lone-cr": b"a: 1\rb: 2\r",
    "long-line": b"a: " + b"x" * 4_000_000 + b"\n# " + "\u4e16\U0001f600".encode() * 200_000,
}
"""Byte-level hazards, written into every YAML and JSON kind (values, template, schema,
.goreleaser.yaml)."""


def _yaml_bytes(root: Path) -> None:
    for name, content in BYTE_HAZARDS.items():
        _chart(
            root / name,
            {
                "values.yaml": content,
                "templates/a.yaml": content,
                "values.schema.json": content,
            },
        )
        (root / name / ".goreleaser.yaml").write_bytes(content)


HOSTILE: tuple[Hostile, ...] = (
    Hostile(
        "binary",
        _files(
            ("go.mod", bytes(range(256)) * 64),
            ("w/go.work", b"go 1.22\n\x00\x00use ./x\x00\n\xff\xfe\x00"),
        ),
    ),
    Hostile(
        "nul",
        _file("go.mod", b"module example.com/n\x00ul\n\ngo 1.22\x00\n"),
        ("go.mod:3: unexpected input character '\\x00'",),
    ),
    Hostile(
        "invalid-utf8",
        _files(
            ("go.mod", b"module example.com/\xff\xfe/bad\n\ngo 1.22\n"),
            ("w/go.work", b"go 1.22\n\nuse ./\xc3(\n"),
        ),
        ('go.mod:1: malformed module path "example.com/\\xff\\xfe/bad": invalid UTF-8',),
    ),
    Hostile(
        "bom",
        _file("go.mod", b"\xef\xbb\xbfmodule example.com/bom\n\ngo 1.22\n"),
        ("go.mod:1: unexpected input character '\\ufeff'",),
    ),
    Hostile(
        "crlf",
        _file(
            "go.mod",
            b"module example.com/crlf\r\n\r\ngo 1.22\r\n\r\nrequire (\r\n\tx.y/z v1.0.0\r\n)\r\n",
        ),
    ),
    Hostile(
        "lone-cr", _file("go.mod", b"module example.com/cr\r\rgo 1.22\rrequire x.y/z v1.0.0\r")
    ),
    Hostile(
        "long-line",
        _files(
            ("go.mod", b"module example.com/" + b"x" * 4_000_000 + b"\n\ngo 1.22\n"),
            ("w/go.work", b"go 1.22\n// " + "\u4e16\U0001f600".encode() * 500_000 + b"\nuse (\n"),
        ),
    ),
    Hostile(
        "deep-nesting",
        _files(
            ("go.mod", b"module example.com/deep\n\nrequire " + b"(" * 10_000 + b")" * 10_000),
            ("w/go.work", b"go 1.22\nuse " + b"[" * 10_000 + b"\n" + b"(\n" * 10_000),
            (".goreleaser.yaml", b"a: " + b"[" * 10_000 + b"]" * 10_000 + b"\n"),
            # 2,000 block levels (x2: a sequence and a mapping each) in 2 MB; the YAML scanner
            # crashed the process on this shape from 150 lines on.
            ("values.yaml", b"".join(b" " * i + b"- x:\n" for i in range(2_000))),
        ),
    ),
    Hostile(
        "alias-bomb",
        _file(
            "values.yaml",
            b'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
            + b"".join(
                f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n".encode()
                for i in range(8)
            ),
        ),
    ),
    Hostile("symlink-loops", _symlink_loop),
    Hostile("unreadable", _unreadable),
    Hostile("special-files", _special_files),
    Hostile(
        "outside-uses",
        _files(
            (
                "go.work",
                b"go 1.22\n\nuse (\n\t../../../../../../..\n\t/dev\n\t/proc\n\t/proc/self\n"
                b"\t/dev/zero\n\t/\n\t/etc\n\t.\n)\n",
            ),
            ("go.mod", MOD.format(name="outside").encode()),
            (
                "m/go.mod",
                b"module example.com/m\n\ngo 1.22\n\nreplace example.com/x => /proc/self/cwd\n"
                b"replace example.com/y => ../../../../../../../dev\n",
            ),
        ),
    ),
    Hostile("big-values", _big_values, big=True),
    Hostile("deep-templates", _deep_templates),
    Hostile("yaml-bytes", _yaml_bytes),
    Hostile(
        "schema-cycle",
        lambda root: _chart(
            root,
            {
                "values.yaml": b"a: 1\n",
                "values.schema.json": b'{"properties": {"a": {"$ref": "#/definitions/x"}},\n'
                b' "definitions": {"x": {"$ref": "#/definitions/y"},\n'
                b'  "y": {"$ref": "#/definitions/x"}}}\n',
            },
        ),
        (
            "values.schema.json:2: $ref cycle: #/definitions/x → #/definitions/y → #/definitions/x",
            "values.yaml:1: this value reaches the $ref cycle",
        ),
    ),
    Hostile(
        "big-gomod",
        _file("go.mod", big_gomod()),
        (f"go.mod:{BIG_REQUIRES + 6}: require example.com/last: version",),
        big=True,
    ),
)
"""Every hazard of issue 14 that the file kinds on this branch can meet."""


def write_tree(root: Path, hazards: Iterable[Hostile] = HOSTILE, *, big: bool = True) -> None:
    """Write each hazard into ``root/<name>`` (the costly ones only with ``big``)."""
    for hazard in hazards:
        if hazard.big and not big:
            continue
        target = root / hazard.name
        target.mkdir(parents=True, exist_ok=True)
        hazard.make(target)


def unlock(root: Path) -> None:
    """Give back permissions the hazards took away (so the test's tmp_path can be removed)."""
    for dirpath, dirnames, _ in os.walk(root):
        for name in dirnames:
            with contextlib.suppress(OSError):
                os.chmod(os.path.join(dirpath, name), 0o755)

"""Deep YAML never crashes the process: tree-sitter-yaml's scanner overflows (a segmentation
fault, which would take the language server down) past about 250 block levels, so the YAML
layer blanks deeper lines first. Every shape is parsed in a child process, so a crash is a
test failure naming the shape rather than the end of the test run."""

from __future__ import annotations

import subprocess
import sys

SHAPES = (
    # (line i of the text, how many lines): block shapes grow quadratically in bytes
    ("b' ' * i + b'- x:\\n'", 3_000),  # a sequence and a mapping per line (crashed at 150)
    ("b'  ' * i + b'- x:\\n'", 1_000),
    ("b' ' * i + b'k:\\n'", 3_000),
    ("b' ' * i + b'- \\n'", 3_000),
    ("b' ' * i + b'? x:\\n'", 3_000),
    ("b' ' * i + b'- - x:\\n'", 3_000),
    ("b' ' * (i // 2) + b'- x:\\n'", 3_000),
    ("b'- ' * i + b'x\\n'", 1_000),
    ("b'['", 10_000),  # flow nesting: one byte per level
    ("b'{a: '", 10_000),
    ("b'- ['", 10_000),
)

SCRIPT = """
import sys
from gowls.syntax.yaml import parse_yaml
shapes = sys.argv[1:]
for shape, lines in zip(shapes[::2], shapes[1::2]):
    for n in (150, 300, int(lines)):
        print(shape, n, flush=True)
        parse_yaml(b"".join(eval(shape) for i in range(n)))
print("done", flush=True)
"""


def test_deep_yaml_never_crashes() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, *(str(x) for shape in SHAPES for x in shape)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    last = done.stdout.strip().splitlines()[-1:] or ["(nothing)"]
    assert done.returncode == 0, f"crashed ({done.returncode}) at {last[0]}: {done.stderr[-500:]}"
    assert last == ["done"]

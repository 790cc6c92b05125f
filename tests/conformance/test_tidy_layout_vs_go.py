"""GM305 against the real `go mod tidy`: Go 1.27 merges require blocks into at most two.

Each layout states the same tidy requirements (three direct, three ``// indirect``; the
modules are local replacements, so go works offline) in a different arrangement of blocks,
lines and comments. The hint fires exactly when tidy rewrites the file, and its fix produces
byte for byte what tidy writes (and then keeps: go's tidy needs a second run when a commented
line joins the direct block, and the fix gives that second run's text at once).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from go_oracle import GO, SKIP_REASON, offline_env
from gowls.analysis.engine import check_file
from gowls.analysis.fixes import apply_edits
from gowls.analysis.go.tidylayout import already_settled
from gowls.analysis.snapshot import Snapshot
from gowls.analysis.source import FileSource
from gowls.languages import LANGUAGES
from gowls.syntax.gomod import parse_gomod
from workspace_files import write_tree

pytestmark = pytest.mark.skipif(GO is None, reason=SKIP_REASON)

DIRECT = ("d1", "d2", "d3")
INDIRECT = ("i1", "i2", "i3")


def _dep(name: str) -> dict[str, str]:
    """A local module; d1 imports (so requires) the indirect ones."""
    uses = INDIRECT if name == "d1" else ()
    requires = "".join(f"require example.com/{u} v1.0.0\n" for u in uses)
    imports = "".join(f'import _ "example.com/{u}"\n' for u in uses)
    return {
        f"deps/{name}/go.mod": f"module example.com/{name}\n\ngo 1.21\n\n{requires}",
        f"deps/{name}/{name}.go": f"package {name}\n\n{imports}",
    }


def _r(name: str, note: str = "") -> str:
    """A requirement line's tail: path and version, ``// indirect`` for the indirect ones."""
    marks = ["indirect"] if name in INDIRECT else []
    if note:
        marks = [f"indirect; {note}" if marks else note]
    return f"example.com/{name} v1.0.0" + "".join(f" // {m}" for m in marks)


REPLACES = "replace (\n" + "".join(f"\texample.com/{n} => ./deps/{n}\n" for n in DIRECT + INDIRECT)
REPLACES += ")\n"

LAYOUTS: dict[str, str] = {
    "three-blocks": (
        f"require (\n\t{_r('d1')}\n\t{_r('d2')}\n)\n\n"
        f"require (\n\t{_r('i1')}\n\t{_r('i2')}\n)\n\n"
        f"require (\n\t{_r('d3')}\n\t{_r('i3')}\n)\n"
    ),
    "four-blocks-commented": (
        f"// Pinned for the API.\nrequire (\n\t{_r('d1', 'keep')}\n\t// second\n\t{_r('d2')}\n)\n\n"
        f"// Tools.\nrequire (\n\t{_r('i1', 'via d1')}\n\t{_r('i2')}\n\t// trailing\n)\n\n"
        f"require {_r('d3')}\n\n"
        f"require (\n\t{_r('i3')}\n)\n"
    ),
    "indirect-only-blocks": (
        f"require (\n\t{_r('d1')}\n\t{_r('d2')}\n)\n\n"
        f"require {_r('i1')}\n\n"
        f"require (\n\t{_r('i2')}\n\n\t{_r('i3')}\n)\n\n"
        f"require {_r('d3')}\n"
    ),
    "single-lines-mixed-with-blocks": (
        f"require {_r('i2')}\n\nrequire {_r('d2')}\n\n"
        f"exclude example.com/d2 v0.9.0\n\n"
        f"require (\n\t{_r('d1')}\n\t{_r('i1', 'note')}\n)\n\n"
        f"require {_r('d3')}\n\nrequire {_r('i3')}\n"
    ),
    "comment-blocks-between": (
        f"// A free-standing comment.\n\nrequire (\n\t{_r('d1')}\n\t{_r('i1')}\n)\n\n"
        f"// About d2 and i2.\nrequire (\n\t{_r('d2')}\n\t{_r('i2')}\n)\n\n"
        f"// About the rest.\nrequire (\n\t// d3 first\n\t{_r('d3')}\n\t{_r('i3')}\n)\n"
    ),
    "direct-block-commented-only": (
        f"// Direct.\nrequire (\n\t{_r('d1')}\n\t{_r('d2')}\n\t{_r('d3')}\n)\n\n"
        f"require (\n\t{_r('i1')}\n)\n\nrequire (\n\t{_r('i2')}\n\t{_r('i3')}\n)\n"
    ),
    "paren-comments-and-empty-block": (
        f"require ( // direct ones\n\t{_r('d1')}\n\t{_r('d2')}\n) // end of direct\n\n"
        f"// Nothing yet.\nrequire (\n)\n\n"
        f"require ( // one\n\t{_r('i1')}\n) // end\n\n"
        f"require {_r('d3')} // last\n\n"
        f"require (\n\t{_r('i2')}\n\t{_r('i3')}\n\t// more later\n)\n"
    ),
    "commented-lines": (
        f"// Pinned.\nrequire {_r('d2')}\n\nrequire {_r('i1')}\n\nrequire {_r('d1')}\n\n"
        f"require (\n\t{_r('d3')}\n\t{_r('i2')}\n\t{_r('i3')}\n)\n"
    ),
    "two-clean-blocks": (
        f"require (\n\t{_r('d1')}\n\t{_r('d2')}\n\t{_r('d3')}\n)\n\n"
        f"require (\n\t{_r('i1')}\n\t{_r('i2')}\n\t{_r('i3')}\n)\n"
    ),
    "two-clean-blocks-with-blank-line": (
        f"require (\n\t{_r('d1')}\n\n\t{_r('d2')}\n\t{_r('d3')}\n)\n\n"
        f"require (\n\t{_r('i1')}\n\t{_r('i2')}\n\n\t// i3\n\t{_r('i3')}\n)\n"
    ),
    "two-mixed-blocks": (
        f"require (\n\t{_r('d1')}\n\t{_r('i1')}\n\t{_r('d2')}\n)\n\n"
        f"require (\n\t{_r('i2')}\n\t{_r('d3')}\n\t{_r('i3')}\n)\n"
    ),
}
"""The require part of go.mod, each stating the same requirements."""


def _write(root: Path, go_line: str, layout: str) -> Path:
    files = {
        "main.go": "package main\n\n" + "".join(f'import _ "example.com/{d}"\n' for d in DIRECT)
    }
    files["main.go"] += "\nfunc main() {}\n"
    for name in DIRECT + INDIRECT:
        files.update(_dep(name))
    files["go.mod"] = f"module example.com/app\n\ngo {go_line}\n\n{layout}\n{REPLACES}"
    return write_tree(root, files)


def _tidy(root: Path, home: Path, settle: bool = False) -> bytes:
    """go.mod after `go mod tidy` (with ``settle``, after runs until it stops changing)."""
    previous = None
    for _ in range(4 if settle else 1):
        proc = subprocess.run(
            [str(GO), "mod", "tidy"],
            cwd=root,
            env=offline_env(home, GOWORK="off"),
            capture_output=True,
            text=True,
            check=False,
        )
        assert proc.returncode == 0, proc.stderr
        data = (root / "go.mod").read_bytes()
        if data == previous:
            break
        previous = data
    return data


def _gm305(root: Path) -> list[tuple[str, bytes]]:
    """(message, the file after the fix) for each GM305 finding on go.mod."""
    result = check_file(Snapshot(FileSource(), LANGUAGES), root / "go.mod")
    data = (root / "go.mod").read_bytes()
    out = []
    for finding in result.findings:
        if finding.code == "GM305":
            (fix,) = finding.fixes
            out.append((finding.message, apply_edits(data, fix.edits)))
    return out


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_fix_prints_what_tidy_prints(name: str, tmp_path: Path) -> None:
    """The hint fires when go 1.27's tidy lays the file out otherwise than go 1.26's does."""
    root = _write(tmp_path / "app", "1.27", LAYOUTS[name])
    found = _gm305(root)
    settled = already_settled(parse_gomod((root / "go.mod").read_bytes()))
    tidied = _tidy(root, tmp_path / "home")
    old_root = _write(tmp_path / "old", "1.26", LAYOUTS[name])
    old_tidied = _tidy(old_root, tmp_path / "home").replace(b"\ngo 1.26\n", b"\ngo 1.27\n")
    if tidied == old_tidied:
        assert found == [], "tidy keeps this layout"
        return
    assert not settled, "the quick test must never skip a layout tidy changes"
    assert len(found) == 1, "tidy rewrites this layout"
    ((_, fixed),) = found
    settled = _tidy(root, tmp_path / "home", settle=True)
    assert fixed.decode() == settled.decode()
    (root / "go.mod").write_bytes(fixed)
    assert _gm305(root) == []


@pytest.mark.parametrize("name", ["three-blocks", "indirect-only-blocks"])
def test_no_hint_below_go_1_27(name: str, tmp_path: Path) -> None:
    root = _write(tmp_path / "app", "1.26", LAYOUTS[name])
    assert _gm305(root) == []
    tidied = _tidy(root, tmp_path / "home")
    assert tidied.count(b"require") >= 3, "go 1.26's tidy keeps more than two blocks"

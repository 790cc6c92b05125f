"""The tree the vanishing-files tests rewrite under a scan (importable by a stand-in program:
nothing here imports gowls or the test harness)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

MOD = "module example.com/{name}\n\ngo 1.22\n"
CHART = "apiVersion: v2\nname: c\nversion: 0.1.0\n"
MODULES = ("a", "b", "c", "d", "e", "f")
BEFORE: dict[str, str] = {
    "go.work": "go 1.22\n\nuse (\n" + "".join(f"\t./{m}\n" for m in MODULES) + ")\n",
    **{f"{m}/go.mod": MOD.format(name=m) for m in MODULES},
    "chart/Chart.yaml": CHART,
    "chart/values.yaml": "replicas: 1\n",
    "chart/templates/a.yaml": "n: {{ .Values.replicas }}\n",
    "chart2/Chart.yaml": CHART,
    "chart2/values.yaml": "replicas: 1\n",
    "rel/.goreleaser.yaml": "version: 2\nbuilds:\n  - id: x\n",
}
BROKEN = "module example.com/e\n\nrequire (\n"


def rewrite(root: Path) -> None:
    """Delete and replace what discovery found: every way a file can stop being one."""
    (root / "a" / "go.mod").unlink()  # gone
    (root / "b" / "go.mod").unlink()
    (root / "b" / "go.mod").mkdir()  # now a directory
    (root / "c" / "go.mod").unlink()
    os.mkfifo(root / "c" / "go.mod")  # now a named pipe (a read would block)
    (root / "d" / "go.mod").unlink()
    os.symlink("go.mod", root / "d" / "go.mod")  # now a link to itself
    (root / "e" / "go.mod").write_text(BROKEN)  # new text
    shutil.rmtree(root / "f")  # the whole module
    (root / "chart" / "values.yaml").unlink()
    shutil.rmtree(root / "chart" / "templates")
    (root / "chart2" / "Chart.yaml").unlink()  # its values file is no chart's any more
    (root / "rel" / ".goreleaser.yaml").unlink()
    (root / "rel" / ".goreleaser.yaml").mkdir()


def write(root: Path) -> None:
    """The tree before the rewrite."""
    for rel, text in BEFORE.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)

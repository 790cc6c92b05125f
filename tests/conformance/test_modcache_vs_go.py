"""GM201-GM203 against the real `go`: retractions, deprecations and upgrades from a module cache.

Each case serves fake modules from a ``file://`` GOPROXY, lets `go list -m -u -retracted all`
fill a private module cache, and checks that gowls, reading that cache offline, marks exactly
the requirements go marks ``(retracted)``, ``(deprecated)`` and ``[upgrade]``.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from go_oracle import GO, SKIP_REASON, offline_env
from gowls.analysis.engine import check_file
from gowls.analysis.snapshot import Snapshot
from gowls.analysis.source import FileSource
from gowls.languages import LANGUAGES
from modcache_files import write_proxy
from workspace_files import write_tree

pytestmark = pytest.mark.skipif(GO is None, reason=SKIP_REASON)


def _mod(path: str, extra: str = "") -> str:
    return f"module {path}\n\ngo 1.21\n{extra}"


CASES: dict[str, dict[str, dict[str, str]]] = {
    "retracted-single": {
        "example.com/a": {
            "v1.0.0": _mod("example.com/a"),
            "v1.1.0": _mod("example.com/a", "\nretract v1.0.0 // broken\n"),
        }
    },
    "retracted-interval-and-deprecated": {
        "example.com/b": {
            "v1.2.0": _mod("example.com/b"),
            "v1.3.0": "// Deprecated: use example.com/c.\n"
            + _mod("example.com/b", "\nretract [v1.2.0, v1.2.9]\n"),
        }
    },
    "deprecated-only": {
        "example.com/d": {"v0.5.0": "// Deprecated: gone.\n" + _mod("example.com/d")},
    },
    "upgrade-available": {
        "example.com/e": {"v1.0.0": _mod("example.com/e"), "v1.4.2": _mod("example.com/e")},
    },
    "prerelease-is-no-upgrade": {
        "example.com/f": {"v1.0.0": _mod("example.com/f"), "v1.1.0-rc.1": _mod("example.com/f")},
    },
    "latest-retracts-itself": {
        "example.com/g": {
            "v1.0.0": _mod("example.com/g"),
            "v1.1.0": _mod("example.com/g", "\nretract v1.1.0 // oops\n"),
        }
    },
    "clean": {"example.com/h": {"v1.0.0": _mod("example.com/h")}},
}

_LINE = re.compile(r"^(?P<path>\S+) (?P<version>\S+)(?P<rest>.*)$")


def _go_marks(app: Path, env: dict[str, str]) -> dict[str, set[str]]:
    proc = subprocess.run(
        [str(GO), "list", "-m", "-u", "-retracted", "all"],
        cwd=app,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    marks: dict[str, set[str]] = {}
    for line in proc.stdout.splitlines()[1:]:
        match = _LINE.match(line)
        assert match, line
        rest = match["rest"]
        found = set()
        if "(retracted)" in rest:
            found.add("GM201")
        if "(deprecated)" in rest:
            found.add("GM202")
        if "[" in rest and "(retracted)" not in rest:
            found.add("GM203")
        marks[match["path"]] = found
    return marks


@pytest.mark.parametrize("name", sorted(CASES))
def test_module_cache_findings_agree_with_go(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    modules = CASES[name]
    proxy = write_proxy(tmp_path / "proxy", modules)
    # each module is required at its oldest version
    requires = "".join(f"\t{path} {sorted(vs)[0]}\n" for path, vs in modules.items())
    imports = "".join(f'\t_ "{path}"\n' for path in modules)
    app = write_tree(
        tmp_path / "app",
        {
            "go.mod": f"module example.com/app\n\ngo 1.22\n\nrequire (\n{requires})\n",
            "main.go": f"package main\n\nimport (\n{imports})\n\nfunc main() {{}}\n",
        },
    )
    home = tmp_path / "home"
    env = offline_env(home, GOPROXY=proxy.as_uri(), GOFLAGS="-mod=mod")
    expected = _go_marks(app, env)

    monkeypatch.setenv("GOMODCACHE", env["GOMODCACHE"])
    snapshot = Snapshot(FileSource(), LANGUAGES)
    result = check_file(snapshot, app / "go.mod")
    got: dict[str, set[str]] = {path: set() for path in modules}
    text = (app / "go.mod").read_text(encoding="utf-8").splitlines()
    for finding in result.findings:
        line = text[finding.span.start.line].split()
        got[line[0]].add(finding.code)
    assert got == {path: expected.get(path, set()) for path in modules}

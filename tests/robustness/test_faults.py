"""The server survives its own faults (issue 14): a rule that raises is logged with the file and
its code, only its findings are lost, and everything else is answered; a feature that raises
fails that one request and nothing else.  The faults are real code registered the way every
rule and feature is (``faulty_gowls.py``), in a real server process."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import faulty_gowls
import pytest
from rawclient import RawClient, settle

from gowls import languages
from gowls.analysis.workspace import Workspace

WORK = "go 1.22\n\nuse ./a\n"
BROKEN = "module example.com/a\n\ngo 1.22\n\nrequire (\n"
INTERNAL_ERROR = -32603


@pytest.fixture
def faulty(monkeypatch: pytest.MonkeyPatch) -> None:
    """The failing rule and hover registered in this process (undone afterwards)."""
    monkeypatch.setattr(languages, "LANGUAGES", languages.LANGUAGES)
    faulty_gowls.install()


def test_a_failing_rule_loses_only_its_findings(
    faulty: None, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "go.mod").write_text(BROKEN)
    (tmp_path / "go.work").write_text(WORK)
    model = Workspace([tmp_path], languages=languages.LANGUAGES)
    model.scan()
    with caplog.at_level(logging.ERROR):
        results = {r.path: r for r in model.check_all()}
    mod = tmp_path / "a" / "go.mod"
    assert [f.code for f in results[mod].findings] == ["GM001"], "the other rules still ran"
    logged = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert [r.getMessage() for r in logged] == [f"rule {faulty_gowls.FAILING_CODE} failed on {mod}"]
    assert logged[0].exc_info is not None, "with its traceback"


def test_the_server_survives_a_failing_rule_and_feature(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "go.mod").write_text(BROKEN)
    (tmp_path / "go.work").write_text(WORK)
    with (tmp_path / "stderr").open("w+b") as log:
        client = RawClient(tmp_path, log, (sys.executable, faulty_gowls.__file__))
        try:
            client.start()
            mod = client.uri("a/go.mod")
            opened = {
                "method": "textDocument/didOpen",
                "params": {
                    "textDocument": {
                        "uri": mod,
                        "languageId": "go.mod",
                        "version": 1,
                        "text": BROKEN,
                    }
                },
            }
            completion = {
                "id": 3,
                "method": "textDocument/completion",
                "params": {"textDocument": {"uri": mod}, "position": {"line": 5, "character": 0}},
            }
            elsewhere = client.hover(4, "go.work", 2, 5)
            client.write_all(
                [opened, settle(1), client.hover(2, "a/go.mod"), completion, elsewhere, settle(5)]
            )
            got = client.read_until(5)
            codes = [
                [d["code"] for d in m["params"]["diagnostics"]]
                for m in got
                if m.get("method") == "textDocument/publishDiagnostics"
                and m["params"]["uri"] == mod
            ]
            assert codes and codes[-1] == ["GM001"], codes
            answers = {m["id"]: m for m in got if "id" in m and "method" not in m}
            assert answers[2]["error"]["code"] == INTERNAL_ERROR, "the failing hover alone fails"
            assert "hover always fails" in answers[2]["error"]["message"]
            assert "result" in answers[3], "completion of the same file is answered"
            assert answers[4]["result"] is not None, "hover elsewhere is answered"
            assert client.stop() == 0
        finally:
            client.kill()
        log.seek(0)
        stderr = log.read().decode()
    assert f"rule {faulty_gowls.FAILING_CODE} failed on {tmp_path / 'a' / 'go.mod'}" in stderr

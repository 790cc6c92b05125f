"""Every rule's documented example is a fixture: written out, it triggers that rule and no other."""

from __future__ import annotations

from pathlib import Path

import pytest

from gowls.analysis.config import ConfigResolver, Policy
from gowls.analysis.registry import Rule
from gowls.analysis.workspace import Workspace
from gowls.languages import LANGUAGES
from workspace_files import write_tree

RULES = sorted(LANGUAGES.rules(), key=lambda r: r.info.code)


@pytest.mark.parametrize("registered", RULES, ids=[r.info.code for r in RULES])
def test_example_triggers_exactly_its_rule(
    registered: Rule[object], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    info = registered.info
    example = info.example
    assert example is not None, f"{info.code} has no example"
    assert example.finding_in in example.files, "the example must name one of its files"
    write_tree(tmp_path, example.files)
    for name, rel in example.env.items():
        monkeypatch.setenv(name, str(tmp_path / rel))
    resolver = ConfigResolver(LANGUAGES.codes(), fallback=tmp_path, sections=LANGUAGES.sections())
    workspace = Workspace([tmp_path], Policy(resolver), languages=LANGUAGES)
    findings = [f for r in workspace.check(workspace.scan()) for f in r.findings]
    shown = "\n".join(
        f"  {f.path.relative_to(tmp_path)}:{f.span.start.line + 1}: {f.code} {f.message}"
        for f in findings
    )
    own = [f for f in findings if f.code == info.code]
    assert own, f"the example of {info.code} does not trigger it:\n{shown}"
    assert all(f.path == tmp_path / example.finding_in for f in own), shown
    assert {f.code for f in findings} - set(example.also) == {info.code}, (
        f"other rules fire:\n{shown}"
    )

"""Fix titles are plain text: editors show code action titles verbatim (no Markdown)."""

from __future__ import annotations

import json
from pathlib import Path

from gowls.analysis.workspace import Workspace
from gowls.languages import LANGUAGES
from workspace_files import write_tree

CASES = Path(__file__).resolve().parents[1] / "conformance" / "cases"


def test_every_fix_title_of_the_conformance_cases_is_plain_text(tmp_path: Path) -> None:
    titles: dict[str, set[str]] = {}
    for case_file in sorted(CASES.glob("*.json")):
        for n, case in enumerate(json.loads(case_file.read_text(encoding="utf-8"))):
            root = write_tree(tmp_path / f"{case_file.stem}-{n}", case["files"])
            workspace = Workspace([root], languages=LANGUAGES)
            for result in workspace.check(workspace.scan()):
                for finding in result.findings:
                    for fix in finding.fixes:
                        titles.setdefault(finding.code, set()).add(fix.title)
    # The cases exercise most fixing rules (a guard against a vacuous pass).
    assert len(titles) >= 10, sorted(titles)
    marked = {code: t for code, ts in titles.items() for t in ts if "`" in t}
    assert not marked, marked

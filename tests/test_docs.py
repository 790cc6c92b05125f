"""The documentation that is generated from code must match the code."""

from __future__ import annotations

from pathlib import Path

from gowls.cli.rules_doc import render
from gowls.languages import LANGUAGES

ROOT = Path(__file__).resolve().parents[1]


def test_rules_md_is_generated_from_the_registry() -> None:
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert text == render(), "docs/rules.md is stale: python -m gowls.cli.rules_doc > docs/rules.md"


def test_every_rule_is_documented_with_a_heading() -> None:
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for code, registered in ((r.info.code, r) for r in LANGUAGES.rules()):
        assert f"### {code} {registered.info.name}\n" in text


def test_rule_codes_are_stable_shapes() -> None:
    for code, registered in ((r.info.code, r) for r in LANGUAGES.rules()):
        assert code[:2].isalpha() and code[2:].isdigit() and len(code) == 5, code
        assert registered.info.summary and registered.info.explanation

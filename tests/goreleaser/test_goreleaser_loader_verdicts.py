"""The recorded verdicts of GoReleaser's loader still match a fresh run.

``data/loader_verdicts.json`` is the ground truth GoReleaser rules are tested against:
for each corpus config and each of our cases, whether GoReleaser v2.18 loads it, its
error text, its warnings and the strict-decoding errors a version error hides.
"""

from __future__ import annotations

import json

import pytest
from goreleaser_oracle import CORPUS, LOADER, VERDICTS, case_configs, corpus_configs, load


def _recorded() -> dict[str, dict[str, object]]:
    data: dict[str, dict[str, object]] = json.loads(VERDICTS.read_text())
    return data


def test_every_case_has_a_recorded_verdict() -> None:
    recorded = _recorded()
    missing = [p.name for p in case_configs() if f"cases/{p.name}" not in recorded]
    assert missing == [], "run tests/goreleaser/record_loader_verdicts.py"


def test_recorded_verdicts_cover_both_outcomes() -> None:
    recorded = _recorded()
    oks = [name for name, v in recorded.items() if v["ok"]]
    errors = [name for name, v in recorded.items() if not v["ok"]]
    assert len(oks) > 40 and len(errors) > 30
    assert recorded["cases/builds_mod_workspace.yaml"]["error_plain"] == (
        "yaml: unmarshal errors:\n  line 5: field mod not found in type config.Build"
    )


@pytest.mark.skipif(not LOADER.is_file(), reason=f"goreleaser-config not found at {LOADER}")
@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"GoReleaser corpus not found at {CORPUS}")
def test_loader_agrees_with_recorded_verdicts() -> None:
    fresh = load([*corpus_configs(), *case_configs()])
    assert fresh == _recorded()

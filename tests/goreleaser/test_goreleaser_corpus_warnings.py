"""Every warning (and information) our checks give on the GoReleaser corpus, with its reason.

The table lists each (rule, subject) pair with how many times it fires across the corpus
and why it is right; a new or vanished finding fails the test until the table is updated.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from goreleaser_oracle import CORPUS, corpus_configs

from gowls.analysis.findings import Severity
from gowls.analysis.goreleaser.check import check_config
from gowls.syntax.yaml import parse_yaml

_NOTICE = "GoReleaser's pipe calls deprecate.Notice for it at v2.18"
_SOFT = "listed on the deprecations page (no notice yet): `dockers_v2` replaces it; information"
_PRO = "only the Pro schema and Pro docs have it; the loader fails on it without `pro: true`"

EXPECTED: dict[tuple[str, str], tuple[int, str]] = {
    ("GR104", "version"): (13, "no `version:` key; the loader warns `yours is version: 0`"),
    ("GR106", "archives.builds"): (20, f"{_NOTICE} (archive.go), replaced by `ids` in v2.8"),
    ("GR106", "archives.format"): (23, f"{_NOTICE} (archive.go), `formats` since v2.6"),
    ("GR106", "archives.format_overrides.format"): (12, f"{_NOTICE} (archive.go)"),
    ("GR106", "brews"): (15, f"{_NOTICE} (brew.go) since v2.16: use homebrew_casks"),
    ("GR106", "docker_manifests"): (22, _SOFT),
    ("GR106", "dockers"): (25, _SOFT),
    ("GR106", "furies"): (1, "Pro renamed furies to gemfury in v2.14 (deprecations page)"),
    ("GR106", "homebrew_casks.conflicts.formula"): (2, f"{_NOTICE} (cask.go); a no-op"),
    ("GR106", "snapshot.name_template"): (9, f"{_NOTICE} (snapshot.go), v2.2"),
    ("GR108", "builds.prebuilt"): (4, f"{_PRO}: loader says field prebuilt not found"),
    ("GR108", "cloudsmiths"): (1, f"{_PRO} (go-task: loader error line 189)"),
    ("GR108", "docker_signs.if"): (2, f"{_PRO}: loader says field if not found in config.Sign"),
    ("GR108", "dockers.skip_build"): (8, f"{_PRO}: loader says field skip_build not found"),
    ("GR108", "form:release.footer"): (1, "OSS footer is a string; Pro also takes from_file/url"),
    ("GR108", "furies"): (1, _PRO),
    ("GR108", "includes"): (5, f"{_PRO}: loader says field includes not found"),
    ("GR108", "metadata.description"): (1, f"{_PRO} (ProjectMetadata)"),
    ("GR108", "metadata.full_description"): (1, f"{_PRO} (ProjectMetadata)"),
    ("GR108", "metadata.homepage"): (1, f"{_PRO} (ProjectMetadata)"),
    ("GR108", "metadata.license"): (1, f"{_PRO} (ProjectMetadata)"),
    ("GR108", "metadata.maintainers"): (1, f"{_PRO} (ProjectMetadata)"),
    ("GR108", "monorepo"): (10, f"{_PRO}: loader says field monorepo not found"),
    ("GR108", "msi"): (4, f"{_PRO}: loader says field msi not found"),
    ("GR108", "nightly"): (9, f"{_PRO}: loader says field nightly not found"),
    ("GR108", "npms"): (2, f"{_PRO}: loader says field npms not found"),
    ("GR108", "partial"): (6, f"{_PRO}: loader says field partial not found"),
    ("GR108", "prebuilt"): (4, "`builder: prebuilt` is a value only Pro's builder enum has"),
    ("GR108", "variables"): (3, f"{_PRO}: loader says field variables not found"),
    ("GR108", "winget.repository.pull_request.body"): (2, f"{_PRO} (PullRequest)"),
    ("GR108", "winget.repository.pull_request.check_boxes"): (2, f"{_PRO} (PullRequest)"),
}


def _subject(code: str, message: str) -> str:
    if code == "GR104":
        return "version"
    found = re.search(r"`([^`]*)`", message)
    subject = found.group(1) if found else ""
    return f"form:{subject}" if message.startswith("This form") else subject


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"GoReleaser corpus not found at {CORPUS}")
def test_corpus_warnings_are_the_listed_ones() -> None:
    seen: Counter[tuple[str, str]] = Counter()
    for path in corpus_configs():
        for f in check_config(path, parse_yaml(path.read_bytes())):
            if f.severity is not Severity.ERROR:
                seen[(f.code, _subject(f.code, f.message))] += 1
    assert dict(seen) == {key: count for key, (count, _) in EXPECTED.items()}
    assert all(reason for _, reason in EXPECTED.values())

"""Every finding of the module-graph rules on the shared real-world corpus, listed and explained.

The corpus holds files that ``go`` accepts in their home repositories, so each finding below
must be either a real hazard (a warning: the workspace and a ``GOWORK=off`` build compile
different code, or one of them fails) or an artefact of how the corpus was copied (the GM101
errors: ``gomod/`` keeps a repository's go.mod files alone, without the directories their
``replace`` lines point at, so ``go`` could not load those copies as they sit here). A finding
that appears or disappears fails the test: decide whether it is a bug before updating the set.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gowls.analysis.workspace import Workspace
from gowls.languages import LANGUAGES

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
CODES = {
    "GM002",
    "GM101",
    "GM102",
    "GM103",
    "GM104",
    "GM105",
    "GM106",
    "GM107",
    "GM108",
    "GM109",
    "GM110",
    "GM111",
    "GM112",
    "GM113",
    "GW002",
    "GW109",
    "GW111",
    "GW112",
}

# -- GM101: replacement directories the corpus did not copy ---------------------------------
NOT_COPIED = (
    "the corpus stores this go.mod without the directory its replace points at (it exists in "
    "the source repository); go fails to load the copy as it sits here"
)
_GM101_LINES = {
    "gomod/charmbracelet__x/pony/examples/buttons/go.mod": [5],
    "gomod/dagger__dagger/go.mod": [12],
    "gomod/external-secrets__external-secrets/e2e/go.mod": [267, 269, 271, 273],
    "gomod/external-secrets__external-secrets/go.mod": list(range(6, 67)),
    "gomod/grafana__pyroscope/go.mod": [341, 342],
    "gomod/moby__moby/go.mod": [315, 317],
    "gomod/temporalio__cli/go.mod": [34],
    "gomod/traefik__traefik/go.mod": [413],
}

# -- GM106: requirements served only by another file's replace (real hazards) ---------------
OP_GETH = (
    "go.work replaces go-ethereum v1.10.26 with the op-geth fork; this module has no replace, "
    "so GOWORK=off builds compile upstream go-ethereum instead of the fork"
)
OSMO = "osmosis-labs__osmosis"
COMETBFT_FORK = (
    "osmoutils/go.mod replaces cometbft with the osmosis-labs fork; this module has no replace, "
    "so GOWORK=off builds compile upstream cometbft"
)
CORE_PIN = (
    "the root go.mod pins cosmossdk.io/core to v0.11.0; this module requires v0.12.0 without a "
    "replace, so GOWORK=off builds compile v0.12.0"
)
STORE_FORK = (
    "the root go.mod replaces cosmossdk.io/store with the osmosis-labs cosmos-sdk fork; "
    "GOWORK=off builds of this module compile upstream store v1.1.1"
)
GOLEVELDB_PIN = (
    "the root go.mod pins goleveldb to an older pseudo-version; GOWORK=off builds of this "
    "module compile the newer one it requires"
)
SJSON_PIN = (
    "go.work pins tidwall/sjson to v1.0.4; this module requires v1.2.5 and has no replace, so "
    "GOWORK=off builds compile v1.2.5"
)
PULUMI = "pulumi__pulumi@5e3aeeb7"
XTEXT_PIN = (
    "sdk/go.mod pins golang.org/x/text to v0.3.6; this module requires v0.3.7 without a "
    "replace, so GOWORK=off builds compile v0.3.7"
)
SSH_AGENT_FORK = (
    "pkg/go.mod replaces xanzy/ssh-agent with the pulumi fork; GOWORK=off builds of this module "
    "compile upstream xanzy/ssh-agent v0.3.2"
)
GO_DIFF_PIN = (
    "pkg/go.mod pins sergi/go-diff to v1.1.0; this module requires v1.2.0 without a replace, so "
    "GOWORK=off builds compile v1.2.0"
)
LEDGER_PIN = (
    "the root go.mod pins ledger-cosmos-go to v0.12.4 'to avoid a breaking change introduced in "
    "v0.13.0'; this module requires v0.13.2 without a replace, so GOWORK=off builds compile "
    "the breaking version"
)
# -- GM112: a directly required sibling needs newer versions (real GOWORK=off hazards) ------
OUTDATED = (
    "this module requires a workspace sibling through a local replace whose go.mod needs a "
    "newer version of a module this go.mod lists: GOWORK=off, go selects the newer version and "
    "fails with `updates to go.mod needed` (the workspace itself loads fine)"
)
OPT = "ethereum-optimism__optimism@45438a52"
WG = "wundergraph__graphql-go-tools"

EXPECTED: dict[tuple[str, int, str], str] = {
    **{(path, line, "GM101"): NOT_COPIED for path, lines in _GM101_LINES.items() for line in lines},
    ("gowork/celestiaorg__celestia-app@fffabd1c/test/testground/go.mod", 59, "GM106"): LEDGER_PIN,
    (f"gowork/{OPT}/batch-submitter/go.mod", 12, "GM106"): OP_GETH,
    (f"gowork/{OPT}/bss-core/go.mod", 7, "GM106"): OP_GETH,
    (f"gowork/{OPT}/endpoint-monitor/go.mod", 8, "GM106"): OP_GETH,
    (f"gowork/{OPT}/indexer/go.mod", 9, "GM106"): OP_GETH,
    (f"gowork/{OPT}/op-heartbeat/go.mod", 8, "GM106"): OP_GETH,
    (f"gowork/{OPT}/packages/contracts-bedrock/test-case-generator/go.mod", 5, "GM106"): OP_GETH,
    (f"gowork/{OSMO}/go.mod", 22, "GM106"): COMETBFT_FORK,
    (f"gowork/{OSMO}/osmomath/go.mod", 17, "GM106"): CORE_PIN,
    (f"gowork/{OSMO}/osmomath/go.mod", 21, "GM106"): STORE_FORK,
    (f"gowork/{OSMO}/osmomath/go.mod", 38, "GM106"): COMETBFT_FORK,
    (f"gowork/{OSMO}/osmomath/go.mod", 91, "GM106"): GOLEVELDB_PIN,
    (f"gowork/{OSMO}/osmoutils/go.mod", 29, "GM106"): CORE_PIN,
    (f"gowork/{OSMO}/x/epochs/go.mod", 8, "GM106"): CORE_PIN,
    (f"gowork/{OSMO}/x/epochs/go.mod", 11, "GM106"): STORE_FORK,
    (f"gowork/{OSMO}/x/epochs/go.mod", 150, "GM106"): GOLEVELDB_PIN,
    (f"gowork/{OSMO}/x/ibc-hooks/go.mod", 8, "GM106"): CORE_PIN,
    (f"gowork/{OSMO}/x/ibc-hooks/go.mod", 11, "GM106"): STORE_FORK,
    (f"gowork/{OSMO}/x/ibc-hooks/go.mod", 171, "GM106"): GOLEVELDB_PIN,
    (f"gowork/{PULUMI}/pkg/go.mod", 227, "GM106"): XTEXT_PIN,
    (f"gowork/{PULUMI}/sdk/go.mod", 79, "GM106"): SSH_AGENT_FORK,
    (f"gowork/{PULUMI}/tests/go.mod", 144, "GM106"): GO_DIFF_PIN,
    (f"gowork/{PULUMI}/tests/go.mod", 152, "GM106"): SSH_AGENT_FORK,
    (f"gowork/{PULUMI}/tests/go.mod", 167, "GM106"): XTEXT_PIN,
    (f"gowork/{WG}/examples/engine/go.mod", 23, "GM106"): SJSON_PIN,
    (f"gowork/{WG}/examples/federation/go.mod", 51, "GM106"): SJSON_PIN,
    (f"gowork/{WG}/execution/go.mod", 64, "GM106"): SJSON_PIN,
    (f"gowork/{WG}/v2/go.mod", 30, "GM106"): SJSON_PIN,
    (f"gowork/{OPT}/indexer/go.mod", 16, "GM112"): OUTDATED,
    (f"gowork/{OPT}/indexer/go.mod", 46, "GM112"): OUTDATED,
    ("gowork/knadh__koanf/tests/go.mod", 51, "GM112"): OUTDATED,
    ("gowork/knadh__koanf/tests/go.mod", 55, "GM112"): OUTDATED,
    **{(f"gowork/{WG}/examples/federation/go.mod", n, "GM112"): OUTDATED for n in range(57, 63)},
}


@pytest.mark.skipif(not (CORPUS / "gowork").is_dir(), reason=f"shared corpus not found at {CORPUS}")
def test_corpus_findings_are_the_explained_ones() -> None:
    workspace = Workspace([CORPUS], languages=LANGUAGES)
    results = workspace.check(workspace.scan())
    found: dict[tuple[str, int, str], str] = {}
    for result in results:
        for f in result.findings:
            if f.code in CODES:
                key = (f.path.relative_to(CORPUS).as_posix(), f.span.start.line + 1, f.code)
                found[key] = f"{f.severity.label}: {f.message}"
    new = {k: v for k, v in found.items() if k not in EXPECTED}
    gone = sorted(k for k in EXPECTED if k not in found)
    assert not new, (
        "new findings on the corpus (a bug, or a hazard to explain here):\n"
        + "\n".join(f"  {k}: {v}" for k, v in sorted(new.items()))
    )
    assert not gone, f"expected findings vanished: {gone}"
    for key, text in found.items():
        # every error is a copy artefact; the rest are warnings
        expected_severity = "error" if EXPECTED[key] is NOT_COPIED else "warning"
        assert text.startswith(expected_severity), (key, text)

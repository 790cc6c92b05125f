"""Property: random incremental edits through the real server never crash it, and the
diagnostics after the edits equal those of a fresh open of the final text.

One server serves every example (as an editor's does all day); each example opens a document
of some kind, sends random batches of incremental ``didChange``s (ranges in the client's
UTF-16, text with CJK, emoji, NUL and half-typed directives), waits on the server's
``gowls.awaitAnalysis`` barrier, then closes and reopens the final text and compares.
``GOWLS_FUZZ_MINUTES`` turns this into a long run that prints its figures.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from kinds import KINDS, WORKSPACE, Kind, texts
from live import FUZZ_MINUTES, LiveServer, Stats, deadline, diagnostic_key, examples
from lsp_harness import apply_edits, position_of
from lsprotocol import types as lsp

Edit = tuple[int, int, str]
"""(start, length, new text): offsets taken modulo the text's length when applied."""


def _edits(kind: Kind) -> st.SearchStrategy[list[list[Edit]]]:
    edit = st.tuples(st.integers(0, 10_000), st.integers(0, 12), texts(kind.name, 6))
    return st.lists(st.lists(edit, min_size=1, max_size=3), min_size=1, max_size=6)


@st.composite
def _cases(draw: st.DrawFn) -> tuple[Kind, str, list[list[Edit]]]:
    kind = draw(st.sampled_from(KINDS))
    start = draw(st.one_of(st.just(kind.seed), texts(kind.name)))
    return kind, start, draw(_edits(kind))


def _range(text: str, start: int, length: int, encoding: str) -> lsp.Range:
    """The LSP range of ``text[start:start+length]`` (offsets clamped into the text)."""
    start = start % (len(text) + 1)
    end = min(len(text), start + length)
    marker = "\x00MARK\x00"  # position_of finds a needle; mark the spot in a copy
    a = position_of(text[:start] + marker, marker, encoding)
    b = position_of(text[:end] + marker, marker, encoding)
    return lsp.Range(a, b)


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    server = LiveServer(tmp_path_factory.mktemp("fuzz"), dict(WORKSPACE))
    yield server
    assert server.close() == 0


STATS = Stats()


def test_random_edits_match_a_fresh_open(live: LiveServer) -> None:
    session = live.session

    @settings(
        max_examples=examples(25),
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(_cases())
    def run(case: tuple[Kind, str, list[list[Edit]]]) -> None:
        kind, start, batches = case
        uri = session.open(kind.path, start, language_id=kind.name)
        for batch in batches:
            text = session.texts[uri]
            edits: list[tuple[lsp.Range, str]] = []
            for offset, length, new in batch:
                # LSP applies a batch's changes in order: each range is against the text so far.
                rng = _range(text, offset, length, session.encoding)
                edits.append((rng, new))
                text = apply_edits(text, [lsp.TextEdit(rng, new)], session.encoding)
            session.change(uri, edits)
            STATS.edits += len(edits)
        after_edits = live.run(session.diagnostics(uri))
        assert live.alive, "the server died"
        assert after_edits.version == session.versions[uri], "the last version was published"
        final = session.texts[uri]
        session.close(uri)
        session.open(kind.path, final, language_id=kind.name)
        fresh = live.run(session.diagnostics(uri))
        session.close(uri)
        live.run(session.barrier())
        STATS.cases += 1
        STATS.kinds[kind.path] = STATS.kinds.get(kind.path, 0) + 1
        if diagnostic_key(after_edits.items) != diagnostic_key(fresh.items):
            STATS.mismatches += 1
        assert diagnostic_key(after_edits.items) == diagnostic_key(fresh.items), final
        assert live.errors() == []

    end = deadline()
    run()
    while time.monotonic() < end:
        run()
    if FUZZ_MINUTES > 0:
        print(f"\nserver fuzz, {FUZZ_MINUTES} minutes: {STATS.line()}")
    assert live.alive

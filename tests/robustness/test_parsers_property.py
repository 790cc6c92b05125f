"""Property: no text makes a parser raise, and what it reports stays inside the text.

Every kind in ``gowls.languages`` is covered on its own (a new kind's parser is fuzzed as
soon as it is listed), plus the YAML layer that the YAML kinds build on.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from kinds import texts
from live import FUZZ_MINUTES, deadline, examples

from gowls.languages import LANGUAGES
from gowls.syntax.positions import LineIndex, Span
from gowls.syntax.yaml import parse_yaml


def _parse_yaml(data: bytes, path: Path) -> object:
    return parse_yaml(data)


PARSERS: list[tuple[str, Callable[[bytes, Path], object]]] = [
    *((lang.name, lang.parse) for lang in LANGUAGES.all),
    ("yaml", _parse_yaml),
]


def _inside(span: Span, index: LineIndex) -> bool:
    last = index.line_count - 1
    return (
        span.start <= span.end
        and 0 <= span.start.line <= last
        and span.end.line <= last
        and span.end.column <= len(index.line_bytes(span.end.line)) + 1
    )


def _check(name: str, parse: Callable[[bytes, Path], object], data: bytes) -> None:
    doc = parse(data, Path("/ws") / name)
    index: LineIndex = doc.index  # type: ignore[attr-defined]
    assert index.data == data
    for problem in doc.problems:  # type: ignore[attr-defined]
        assert _inside(problem.span, index), (problem, data)
        assert problem.message
    comments = doc.comments  # type: ignore[attr-defined]
    for comment in comments() if callable(comments) else comments:
        assert _inside(comment.span, index), (comment, data)


def _bytes_for(name: str) -> st.SearchStrategy[bytes]:
    as_text = texts(name).map(lambda t: t.encode("utf-8"))
    spliced = st.tuples(as_text, st.binary(max_size=16), as_text).map(lambda p: b"".join(p))
    return st.one_of(as_text, as_text, spliced, st.binary(max_size=64))


@pytest.mark.parametrize(("name", "parse"), PARSERS, ids=[n for n, _ in PARSERS])
def test_random_text_never_makes_a_parser_raise(
    name: str, parse: Callable[[bytes, Path], object]
) -> None:
    cases = [0]

    @settings(
        max_examples=examples(300),
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(_bytes_for(name))
    def run(data: bytes) -> None:
        cases[0] += 1
        _check(name, parse, data)

    end = deadline()
    run()
    while time.monotonic() < end:
        run()
    if FUZZ_MINUTES > 0:
        print(f"\nparser fuzz {name}, {FUZZ_MINUTES} minutes: cases={cases[0]} crashes=0")

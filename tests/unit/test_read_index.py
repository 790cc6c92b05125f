"""The read index answers which stored results read a key as walking each result would."""

from __future__ import annotations

import itertools
from pathlib import Path

from gowls.analysis.engine import FileResult
from gowls.analysis.readers import QUESTIONS, ReadIndex
from gowls.analysis.source import Dependencies, Key
from gowls.analysis.workspace import Workspace
from gowls.languages import LANGUAGES
from workspace_files import write_tree

SMALL = Dependencies(frozenset({"a", "b"}))
BIG = Dependencies(frozenset({"z", *(f"k{i}" for i in range(100))}))
NESTED = Dependencies(frozenset({"n"}), (SMALL,))


def _result(name: str, own: set[str], *shared: Dependencies) -> FileResult:
    keys: frozenset[Key] = frozenset(Path(f"/{k}") for k in own)
    return FileResult(Path(f"/{name}"), (), Dependencies(keys | frozenset(own), shared))


RESULTS = [
    _result("r1", {"x"}, SMALL),
    _result("r2", {"y"}, SMALL, BIG),
    _result("r3", set(), BIG, NESTED),
    _result("r4", {"a"}),
]
KEYS: list[Key] = ["a", "b", "n", "x", "y", "z", "k3", "none", Path("/x")]


def _walked(results: list[FileResult], keys: set[Key], weak: set[Key]) -> tuple[set[Path], ...]:
    touched = {r.path: r.depends_on.touches(keys, frozenset(weak)) for r in results}
    return {p for p, t in touched.items() if t == 2}, {p for p, t in touched.items() if t == 1}


def _asked(index: ReadIndex, keys: set[Key], weak: set[Key]) -> tuple[set[Path], ...]:
    hard, soft = index.touching(frozenset(keys), frozenset(weak))
    return set(hard), set(soft)


QUESTIONS_ASKED = [
    ({k}, {w}) for k, w in itertools.product(KEYS, ["a", "z", "w", "none"]) if k != w
]


def test_answers_are_those_of_walking_every_result() -> None:
    index = ReadIndex()
    for result in RESULTS:
        index.add(result)
    for _ in range(2):  # asked again: the kept answers
        for keys, weak in QUESTIONS_ASKED:
            assert _asked(index, keys, weak) == _walked(RESULTS, keys, weak), (keys, weak)
    assert _asked(index, {"z"}, set()) == ({Path("/r2"), Path("/r3")}, set())


def test_kept_answers_follow_stored_and_dropped_results() -> None:
    index = ReadIndex()
    for result in RESULTS:
        index.add(result)
    for keys, weak in QUESTIONS_ASKED:
        _asked(index, keys, weak)  # every question keeps an answer (the recent ones)
    replaced = _result("r2", {"w"})
    index.add(replaced)
    index.remove(Path("/r3"))
    index.add(_result("r5", {"y"}, NESTED))
    now = [RESULTS[0], replaced, RESULTS[3], _result("r5", {"y"}, NESTED)]
    assert index.result(Path("/r2")) is replaced and index.result(Path("/r3")) is None
    for keys, weak in reversed(QUESTIONS_ASKED):  # the kept ones first
        assert _asked(index, keys, weak) == _walked(now, keys, weak), (keys, weak)
    assert len(QUESTIONS_ASKED) > QUESTIONS  # some were forgotten and walked afresh
    for _ in range(2_000):  # a long log: the answers are dropped and walked afresh
        index.add(replaced)
    assert _asked(index, {"y"}, {"a"}) == _walked(now, {"y"}, {"a"})
    index.clear()
    assert _asked(index, {"a"}, set()) == (set(), set())


def test_affected_answers_alike_from_the_index_and_from_a_copy(tmp_path: Path) -> None:
    modules = 4
    uses = "use (\n" + "".join(f"\t./m{i}\n" for i in range(modules)) + ")\n"
    write_tree(
        tmp_path,
        {
            "go.work": "go 1.22\n\n" + uses,
            **{f"m{i}/go.mod": f"module example.com/m{i}\n\ngo 1.22\n" for i in range(modules)},
        },
    )
    workspace = Workspace([tmp_path], languages=LANGUAGES)
    workspace.keep_between_passes()
    workspace.scan()
    workspace.check_all()
    every = sorted(workspace.files)
    workspace.commit(workspace.snapshot(), every)
    work = tmp_path / "go.work"
    gomod = tmp_path / "m1" / "go.mod"
    copy = list(workspace.results.items())
    # A copy holding a result the index does not (a newer one was stored since): walked.
    workspace.store(workspace.compute(workspace.snapshot(), [gomod]) or [])
    cases = [
        ("go 1.23\n\n" + uses, True),
        ("go 1.22\n\nuse ./m0\n", True),
        ("go 1.22\n\n" + uses + "// c\n", False),
    ]
    for text, moves in cases:
        workspace.open(work, text, 1)
        snapshot = workspace.snapshot()
        indexed = workspace.affected([work], snapshot, [work])
        walked = workspace.affected([work], snapshot, [work], copy)
        held = workspace.affected([work], snapshot, [work], list(workspace.results.items()))
        assert indexed == walked == held
        assert (len(indexed) > 1) == moves, (text, indexed)
    workspace.file_event(gomod, deleted=False)
    assert workspace.affected([gomod]) == workspace.affected([gomod], results=copy)

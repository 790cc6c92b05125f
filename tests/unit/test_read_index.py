"""The read index answers which stored results read a key as walking each result would."""

from __future__ import annotations

import itertools
from pathlib import Path

from gowls.analysis.engine import FileResult
from gowls.analysis.readers import BIG_NODE, ReadIndex
from gowls.analysis.source import Dependencies, Key
from gowls.analysis.workspace import Workspace
from gowls.languages import LANGUAGES
from workspace_files import write_tree

SMALL = Dependencies(frozenset({"a", "b"}))
BIG = Dependencies(frozenset({"z", *(f"k{i}" for i in range(BIG_NODE + 1))}))
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


def _walked(results: list[FileResult], keys: set[Key]) -> set[Path]:
    return {r.path for r in results if r.depends_on.touches(keys, frozenset()) == 2}


def test_readers_are_those_whose_reads_touch_the_keys() -> None:
    index = ReadIndex()
    for result in RESULTS:
        index.add(result)
    for size in (1, 2):
        for keys in itertools.combinations(KEYS, size):
            assert index.readers(set(keys)) == _walked(RESULTS, set(keys)), keys
    assert index.readers({"z"}) == {Path("/r2"), Path("/r3")}  # the big node, tested whole


def test_replacing_and_removing_results_forgets_their_reads() -> None:
    index = ReadIndex()
    for result in RESULTS:
        index.add(result)
    replaced = _result("r2", {"w"})
    index.add(replaced)
    index.remove(Path("/r3"))
    now = [RESULTS[0], replaced, RESULTS[3]]
    assert index.result(Path("/r2")) is replaced and index.result(Path("/r3")) is None
    for key in [*KEYS, "w"]:
        assert index.readers({key}) == _walked(now, {key}), key
    assert index.readers({"z", "n", "k1"}) == set()  # no indexed node holds them any more
    index.clear()
    assert index.readers({"a"}) == set()


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

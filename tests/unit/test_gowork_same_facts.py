"""A go.work's facts compared without being built: the answer of building and comparing them."""

from __future__ import annotations

from pathlib import Path

import pytest

from gowls.analysis.go.documents import facts, parse_gowork_file, reparse_gowork_file, same_facts

PATH = Path("/w/go.work")
BASE = "go 1.22\n\nuse (\n" + "".join(f"\t./m{i}\n" for i in range(20)) + ")\n"

EDITS = [
    BASE + "// a comment\n",
    BASE + "use ./missing\n",
    BASE.replace("./m7\n", "./m7 // why\n"),
    BASE.replace("./m7\n", "./m77\n"),
    BASE.replace("go 1.22", "go 1.23"),
    BASE.replace("go 1.22\n", "go 1.22\n\n"),
    BASE + "replace example.com/x => ./x\n",
    BASE + "use ./m3\n",
    BASE.replace("\t./m7\n", ""),
    BASE + "frob x\n",
    "// top\n" + BASE,
    BASE,
]


@pytest.mark.parametrize("text", EDITS)
def test_same_facts_answers_as_comparing_the_facts(text: str) -> None:
    old = parse_gowork_file(BASE.encode(), PATH)
    new = reparse_gowork_file(text.encode(), PATH, old)
    assert same_facts(old, new) == (facts(old) == facts(new))
    assert same_facts(new, old) == (facts(new) == facts(old))
    fresh = parse_gowork_file(text.encode(), PATH)  # shares no object with ``old``
    assert same_facts(old, fresh) == (facts(old) == facts(fresh))


def test_both_answers_occur_and_unchanged_uses_are_shared() -> None:
    old = parse_gowork_file(BASE.encode(), PATH)
    comment = reparse_gowork_file(EDITS[0].encode(), PATH, old)
    assert comment.uses[5] is old.uses[5]  # the identity shortcut is taken
    assert same_facts(old, comment)
    assert not same_facts(old, reparse_gowork_file(EDITS[1].encode(), PATH, old))

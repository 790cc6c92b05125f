"""gowls.analysis.fixes: applying edits to bytes and choosing non-overlapping safe fixes."""

from __future__ import annotations

from pathlib import Path

import pytest

from gowls.analysis.findings import Finding, Fix, Severity, TextEdit
from gowls.analysis.fixes import OverlapError, apply_edits, overlaps, plan_fixes
from gowls.syntax.positions import Span

P = Path("/ws/go.work")
Q = Path("/ws/other/go.mod")


def edit(l1: int, c1: int, l2: int, c2: int, text: str = "", path: Path = P) -> TextEdit:
    return TextEdit(path, Span.of(l1, c1, l2, c2), text)


def finding(code: str, *fixes: Fix, line: int = 0) -> Finding:
    return Finding(P, Span.of(line, 0, line, 1), Severity.ERROR, code, "m", tuple(fixes))


def safe(*edits: TextEdit) -> Fix:
    return Fix("fix", tuple(edits), safe=True)


DATA = b"go 1.22\nuse ./a\nuse ./b\nuse ./c\n"


def test_apply_edits_in_any_order() -> None:
    edits = [edit(3, 0, 4, 0), edit(1, 4, 1, 7, "./x"), edit(0, 0, 0, 0, "// top\n")]
    expected = b"// top\ngo 1.22\nuse ./x\nuse ./b\n"
    assert apply_edits(DATA, edits) == expected
    assert apply_edits(DATA, list(reversed(edits))) == expected


def test_apply_edits_counts_bytes() -> None:
    data = "use ./ø/😀 // é\n".encode()
    # Byte column 13 is just after the emoji (4 + 1 + 1 + 2 + 1 + 4).
    assert apply_edits(data, [edit(0, 4, 0, 13, "./z")]) == "use ./z // é\n".encode()


def test_apply_edits_rejects_overlaps() -> None:
    with pytest.raises(OverlapError):
        apply_edits(DATA, [edit(1, 0, 2, 0), edit(1, 4, 1, 7, "x")])
    with pytest.raises(OverlapError):  # two insertions at one place have no order
        apply_edits(DATA, [edit(1, 0, 1, 0, "a"), edit(1, 0, 1, 0, "b")])


def test_adjacent_edits_do_not_overlap() -> None:
    assert not overlaps((0, 5), (5, 9))
    assert not overlaps((5, 5), (5, 9))  # insert just before a deletion
    assert overlaps((3, 3), (3, 3))
    assert overlaps((0, 5), (4, 9))
    assert apply_edits(DATA, [edit(1, 0, 2, 0), edit(2, 0, 3, 0)]) == b"go 1.22\nuse ./c\n"


def test_plan_takes_non_overlapping_safe_fixes_in_order() -> None:
    first = finding("GW101", safe(edit(1, 0, 2, 0)), line=1)
    overlapping = finding("GW103", safe(edit(1, 4, 1, 7, "./q")), line=1)
    unsafe = finding("GW102", Fix("fix", (edit(2, 0, 3, 0),), safe=False), line=2)
    other = finding("GW101", safe(edit(3, 0, 4, 0)), line=3)
    plan = plan_fixes([first, overlapping, unsafe, other], {P: DATA})
    assert plan.texts == {P: b"go 1.22\nuse ./b\n"}
    assert plan.resolved == [first, other]
    assert len(plan.applied) == 2


def test_identical_fixes_resolve_every_finding() -> None:
    one = finding("GW101", safe(edit(1, 0, 2, 0)), line=1)
    same = finding("GW103", safe(edit(1, 0, 2, 0)), line=1)
    plan = plan_fixes([one, same], {P: DATA})
    assert plan.resolved == [one, same]
    assert len(plan.applied) == 1
    assert plan.texts[P] == b"go 1.22\nuse ./b\nuse ./c\n"


def test_fix_touching_an_unlisted_file_is_left_alone() -> None:
    both = finding("GW101", safe(edit(1, 0, 2, 0), edit(0, 0, 0, 0, "x", path=Q)))
    plan = plan_fixes([both], {P: DATA})
    assert plan.texts == {} and plan.resolved == []
    plan = plan_fixes([both], {P: DATA, Q: b"module m\n"})
    assert plan.texts == {P: b"go 1.22\nuse ./b\nuse ./c\n", Q: b"xmodule m\n"}


def test_a_fix_is_taken_whole_or_not_at_all() -> None:
    taken = finding("GW101", safe(edit(2, 0, 3, 0)))
    split = finding("GW103", safe(edit(1, 0, 2, 0), edit(2, 4, 2, 7, "./q")))
    plan = plan_fixes([taken, split], {P: DATA})
    assert plan.resolved == [taken]
    assert plan.texts[P] == b"go 1.22\nuse ./a\nuse ./c\n"


def test_a_fix_that_changes_nothing_reports_no_text() -> None:
    noop = finding("GW101", safe(edit(1, 4, 1, 7, "./a")))
    plan = plan_fixes([noop], {P: DATA})
    assert plan.texts == {}

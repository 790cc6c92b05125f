"""The ``didChange`` fast path (gowls.lsp.fastchange) reads what pygls's cattrs converter reads,
and leaves everything else to it (the real server's side: tests/robustness/test_odd_changes.py)."""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from lsprotocol import types as lsp
from pygls.protocol import default_converter

from gowls.lsp.fastchange import RawChange, change_params, mark

UINT = st.integers(min_value=0, max_value=2**31 - 1)
POSITION = st.fixed_dictionaries({"line": UINT, "character": UINT})
PARTIAL = st.fixed_dictionaries(
    {"range": st.fixed_dictionaries({"start": POSITION, "end": POSITION}), "text": st.text()},
    optional={"rangeLength": st.one_of(st.none(), UINT)},
)
WHOLE = st.fixed_dictionaries({"text": st.text()})
MESSAGE = st.fixed_dictionaries(
    {
        "jsonrpc": st.just("2.0"),
        "method": st.just("textDocument/didChange"),
        "params": st.fixed_dictionaries(
            {
                "textDocument": st.fixed_dictionaries(
                    {"uri": st.text(), "version": st.integers(-(2**31), 2**31 - 1)}
                ),
                "contentChanges": st.lists(st.one_of(PARTIAL, WHOLE), max_size=4),
            }
        ),
    }
)
CONVERTER = default_converter()
ODD_VALUES = st.sampled_from([None, True, -1, 1.5, 2**31, "1", [], {}, "2.0"])


def pygls_params(data: dict[str, Any]) -> lsp.DidChangeTextDocumentParams | None:
    """What pygls's converter makes of the message (None when it refuses it)."""
    try:
        message = CONVERTER.structure(data, lsp.DidChangeTextDocumentNotification)
    except Exception:
        return None
    return message.params


def paths_of(value: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key path into a JSON value."""
    out = [at] if at else []
    if isinstance(value, dict):
        for key, inner in value.items():
            out += paths_of(inner, (*at, key))
    elif isinstance(value, list):
        for n, inner in enumerate(value):
            out += paths_of(inner, (*at, n))
    return out


@settings(max_examples=300, deadline=None)
@given(MESSAGE)
def test_well_formed_changes_read_as_pygls_reads_them(data: dict[str, Any]) -> None:
    raw = json.loads(json.dumps(data))
    assert change_params(raw) == pygls_params(raw)
    assert raw == data, "the message is not altered"


@settings(max_examples=300, deadline=None)
@given(MESSAGE, st.data())
def test_odd_changes_are_left_to_pygls_or_read_alike(data: dict[str, Any], draw: Any) -> None:
    """A value replaced or a key dropped: the fast path refuses it, or reads what pygls reads
    (it never accepts what pygls refuses)."""
    paths = paths_of(data)
    path = draw.draw(st.sampled_from(paths))
    odd = copy.deepcopy(data)
    holder = odd
    for key in path[:-1]:
        holder = holder[key]
    if draw.draw(st.booleans()):
        holder[path[-1]] = draw.draw(ODD_VALUES)
    elif isinstance(holder, dict):
        del holder[path[-1]]
    else:
        holder.pop(path[-1])
    fast = change_params(odd)
    if fast is not None:
        assert fast == pygls_params(odd)


def test_only_whole_notifications_are_marked() -> None:
    change = {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {}}
    assert isinstance(mark(change), RawChange)
    assert mark({**change, "id": 1}) is None, "a request with that name is not the notification"
    assert mark({"method": "textDocument/didChange"}) is None, "an inner object"
    assert mark({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {}}) is None

"""``gc_paused`` (the big-file speed-up) always gives the collector back, however it ends."""

from __future__ import annotations

import gc
import threading

import pytest

from gowls.syntax.alloc import gc_paused


def test_pauses_nest_and_overlap_across_threads() -> None:
    assert gc.isenabled()
    inner_started, release = threading.Event(), threading.Event()

    def other() -> None:
        with gc_paused():
            inner_started.set()
            release.wait(10)

    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled(), "the outer pause still holds"
        worker = threading.Thread(target=other)
        worker.start()
        inner_started.wait(10)
    assert not gc.isenabled(), "the other thread's pause still holds"
    release.set()
    worker.join(10)
    assert gc.isenabled()


def test_an_exception_gives_the_collector_back() -> None:
    with pytest.raises(RuntimeError), gc_paused():
        raise RuntimeError("a parse failing midway")
    assert gc.isenabled()


def test_a_disabled_collector_stays_disabled() -> None:
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()

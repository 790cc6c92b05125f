"""LineIndex: byte columns to UTF-8/16/32 units and back."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gowls.syntax.positions import Encoding, LineIndex, Point, Span

TEXT = "go 1.22\nuse ./ä/😀/x\r\nlast"


def test_lines_and_line_bytes() -> None:
    index = LineIndex(TEXT)
    assert index.line_count == 3
    assert index.line_bytes(0) == b"go 1.22"
    assert index.line_bytes(1) == "use ./ä/😀/x".encode()  # CR stripped
    assert index.line_bytes(2) == b"last"  # last line without newline
    assert index.line_bytes(3) == b""
    assert index.line_bytes(-1) == b""


def test_trailing_newline_counts_an_empty_last_line() -> None:
    index = LineIndex("a\nb\n")
    assert index.line_count == 3
    assert index.line_bytes(2) == b""


def test_bytes_and_str_agree() -> None:
    assert LineIndex(TEXT.encode()).data == LineIndex(TEXT).data


def test_offset_and_point_round_trip() -> None:
    index = LineIndex(TEXT)
    for offset in range(len(index.data) + 1):
        point = index.point(offset)
        assert index.offset(point) == offset or index.data[offset - 1 : offset] == b"\n"
    assert index.point(0) == Point(0, 0)
    assert index.point(8) == Point(1, 0)
    assert index.point(10_000) == index.point(len(index.data))
    assert index.point(-5) == Point(0, 0)


def test_offset_clamps_to_the_line() -> None:
    index = LineIndex("ab\ncd")
    assert index.offset(Point(0, 99)) == 2  # end of line 0, before the newline
    assert index.offset(Point(1, 99)) == 5
    assert index.offset(Point(7, 0)) == 5


# "use ./ä/😀/x": u s e ␠ . / ä / 😀 / x
#  bytes:  ä is 2 bytes, 😀 is 4 bytes; UTF-16: ä 1 unit, 😀 2 units (surrogate pair).
@pytest.mark.parametrize(
    ("byte_col", "utf16", "utf32"),
    [
        (0, 0, 0),
        (6, 6, 6),  # before ä
        (8, 7, 7),  # after ä
        (9, 8, 8),  # before 😀
        (13, 10, 9),  # after 😀
        (15, 12, 11),  # end of line
    ],
)
def test_to_units(byte_col: int, utf16: int, utf32: int) -> None:
    index = LineIndex(TEXT)
    point = Point(1, byte_col)
    assert index.to_units(point, Encoding.UTF8) == byte_col
    assert index.to_units(point, Encoding.UTF16) == utf16
    assert index.to_units(point, Encoding.UTF32) == utf32


@pytest.mark.parametrize(
    ("byte_col", "utf16", "utf32"),
    [(0, 0, 0), (6, 6, 6), (8, 7, 7), (9, 8, 8), (13, 10, 9), (15, 12, 11)],
)
def test_from_units(byte_col: int, utf16: int, utf32: int) -> None:
    index = LineIndex(TEXT)
    assert index.from_units(1, byte_col, Encoding.UTF8) == Point(1, byte_col)
    assert index.from_units(1, utf16, Encoding.UTF16) == Point(1, byte_col)
    assert index.from_units(1, utf32, Encoding.UTF32) == Point(1, byte_col)


def test_from_units_clamps() -> None:
    index = LineIndex(TEXT)
    # past the end of a CRLF line: the CR is not part of the line
    assert index.from_units(1, 99, Encoding.UTF16) == Point(1, 15)
    assert index.from_units(1, 99, Encoding.UTF8) == Point(1, 15)
    # past the last line: the end of the text
    assert index.from_units(9, 0, Encoding.UTF32) == Point(2, 4)


def test_from_units_inside_a_surrogate_pair_does_not_split_the_character() -> None:
    index = LineIndex("😀x")
    point = index.from_units(0, 1, Encoding.UTF16)
    assert point.column in (0, 4)


def test_last_line_without_newline() -> None:
    index = LineIndex("go 1.22\nuse ./é")
    # "use ./é" is 7 characters and 8 bytes
    assert index.to_units(Point(1, 8), Encoding.UTF16) == 7
    assert index.from_units(1, 7, Encoding.UTF32) == Point(1, 8)
    assert index.from_units(1, 6, Encoding.UTF16) == Point(1, 6)
    assert index.point(len(index.data)) == Point(1, 8)


def test_crlf_line_positions() -> None:
    index = LineIndex("go 1.22\r\nuse ./a\r\n")
    assert index.point(9) == Point(1, 0)
    assert index.line_bytes(0) == b"go 1.22"
    assert index.to_units(Point(1, 7), Encoding.UTF16) == 7


def test_span_helpers() -> None:
    span = Span.of(1, 2, 1, 5)
    assert span.start == Point(1, 2) and span.end == Point(1, 5)
    assert span.contains(Point(1, 2)) and span.contains(Point(1, 5))
    assert not span.contains(Point(1, 6)) and not span.contains(Point(0, 3))
    assert Point(0, 9) < Point(1, 0)


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="ab\n\r ", max_size=40),
    st.integers(0, 40),
    st.integers(0, 10),
    st.text(alphabet="ab\n\r ", max_size=12),
)
def test_an_index_after_an_edit_equals_a_fresh_one(
    text: str, start: int, removed: int, inserted: str
) -> None:
    old = text.encode()
    start = min(start, len(old))
    new = old[:start] + inserted.encode() + old[start + removed :]
    index = LineIndex.after_edit(LineIndex(old), new, start, start + len(inserted.encode()))
    fresh = LineIndex(new)
    assert index.data == new
    assert index.line_count == fresh.line_count
    lines = range(fresh.line_count)
    assert [index.offset(Point(n, 0)) for n in lines] == [fresh.offset(Point(n, 0)) for n in lines]


def test_to_units_equals_counting_the_decoded_prefix() -> None:
    """The ASCII shortcut and the decoding path agree with a plain count at every column,
    past the line's end, on CRLF lines and on bytes that are not UTF-8."""
    data = "ab\r\nx ä😀 y\nplain ascii line\n\xff\xfe \n".encode("utf-8", "surrogateescape")
    data = data.replace("ÿþ".encode(), b"\xff\xfe")
    index = LineIndex(data)
    for line in range(index.line_count + 1):
        raw = index.line_bytes(line)
        for column in range(len(raw) + 3):
            text = raw[:column].decode("utf-8", errors="replace")
            point = Point(line, column)
            assert index.to_units(point, Encoding.UTF32) == len(text)
            assert index.to_units(point, Encoding.UTF16) == len(text.encode("utf-16-le")) // 2


def _units_of_line_prefix(index: LineIndex, point: Point, encoding: Encoding) -> int:
    """``to_units`` as first written: the line's bytes cut at the column, decoded, counted."""
    text = index.line_bytes(point.line)[: point.column].decode("utf-8", errors="replace")
    if encoding is Encoding.UTF16:
        return len(text.encode("utf-16-le")) // 2
    return len(text.encode("utf-8")) if encoding is Encoding.UTF8 else len(text)


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet="ab\n\r\t é😀", max_size=30),
    st.integers(-2, 8),
    st.integers(-3, 24),
    st.sampled_from([Encoding.UTF16, Encoding.UTF32]),
)
def test_to_units_counts_the_line_prefix(
    text: str, line: int, column: int, encoding: Encoding
) -> None:
    # Columns past the line's end (before or on its CR), inside a character, negative;
    # lines past the end, the last line without a newline.
    index = LineIndex(text)
    point = Point(line, column)
    assert index.to_units(point, encoding) == _units_of_line_prefix(index, point, encoding)

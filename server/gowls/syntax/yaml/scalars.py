"""Decoding YAML scalars from their source bytes, keeping a map back to the source.

Each decoder returns the value and the :class:`Piece` runs that tie value bytes to file bytes:
verbatim text is one exact run per line; escapes and folded line breaks are runs of their own.
"""

from __future__ import annotations

from gowls.syntax.yaml.nodes import Piece

_SPACE = b" \t"

_ESCAPES: dict[int, str] = {
    ord("0"): "\0",
    ord("a"): "\a",
    ord("b"): "\b",
    ord("t"): "\t",
    ord("\t"): "\t",
    ord("n"): "\n",
    ord("v"): "\v",
    ord("f"): "\f",
    ord("r"): "\r",
    ord("e"): "\x1b",
    ord(" "): " ",
    ord('"'): '"',
    ord("/"): "/",
    ord("\\"): "\\",
    ord("N"): "\x85",
    ord("_"): "\xa0",
    ord("L"): "\u2028",
    ord("P"): "\u2029",
}
_HEX_ESCAPES = {ord("x"): 2, ord("u"): 4, ord("U"): 8}


class _Out:
    """Accumulates value bytes and their pieces."""

    __slots__ = ("buf", "data", "pieces")

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.buf = bytearray()
        self.pieces: list[Piece] = []

    def exact(self, start: int, end: int) -> None:
        if end <= start:
            return
        v = len(self.buf)
        self.buf += self.data[start:end]
        last = self.pieces[-1] if self.pieces else None
        if last is not None and last.exact and last.value_end == v and last.source_end == start:
            self.pieces[-1] = Piece(last.value, v + end - start, last.source, end, True)
        else:
            self.pieces.append(Piece(v, v + end - start, start, end, True))

    def replaced(self, value: str, start: int, end: int) -> None:
        if not value:
            return
        encoded = value.encode("utf-8")
        v = len(self.buf)
        self.buf += encoded
        self.pieces.append(Piece(v, v + len(encoded), start, end, False))

    def result(self) -> tuple[str, tuple[Piece, ...]]:
        return self.buf.decode("utf-8", errors="replace"), tuple(self.pieces)


def _lines(data: bytes, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each line in ``[start, end)``, line breaks (and ``\\r``) excluded."""
    out: list[tuple[int, int]] = []
    pos = start
    while True:
        nl = data.find(b"\n", pos, end)
        stop = end if nl < 0 else nl
        line_end = stop - 1 if stop > pos and data[stop - 1] == 0x0D else stop
        out.append((pos, line_end))
        if nl < 0:
            return out
        pos = nl + 1


def _lstrip(data: bytes, start: int, end: int) -> int:
    while start < end and data[start] in _SPACE:
        start += 1
    return start


def _rstrip(data: bytes, start: int, end: int) -> int:
    while end > start and data[end - 1] in _SPACE:
        end -= 1
    return end


def _escaped_break(data: bytes, start: int, end: int) -> bool:
    """Whether a double-quoted line ends with an unescaped backslash."""
    i = start
    while i < end:
        if data[i] == 0x5C:
            if i == end - 1:
                return True
            i += 2
        else:
            i += 1
    return False


def _emit_single(out: _Out, start: int, end: int) -> None:
    data = out.data
    pos = start
    while True:
        q = data.find(b"''", pos, end)
        if q < 0:
            out.exact(pos, end)
            return
        out.exact(pos, q)
        out.replaced("'", q, q + 2)
        pos = q + 2


def _emit_double(out: _Out, start: int, end: int) -> None:
    data = out.data
    pos = start
    while True:
        b = data.find(b"\\", pos, end)
        if b < 0 or b + 1 >= end:
            out.exact(pos, end)
            return
        out.exact(pos, b)
        code = data[b + 1]
        if code in _ESCAPES:
            out.replaced(_ESCAPES[code], b, b + 2)
            pos = b + 2
            continue
        width = _HEX_ESCAPES.get(code)
        digits = data[b + 2 : b + 2 + width] if width else b""
        try:
            if width is None or len(digits) != width:
                raise ValueError
            out.replaced(chr(int(digits, 16)), b, b + 2 + width)
            pos = b + 2 + width
        except ValueError:
            out.exact(b, b + 2)
            pos = b + 2


def decode_flow(data: bytes, start: int, end: int, quote: str) -> tuple[str, tuple[Piece, ...]]:
    """Decode a plain (``quote=""``), single- (``'``) or double-quoted (``"``) scalar.

    ``[start, end)`` is the text between the quotes.
    """
    chunk = data[start:end]
    if b"\n" not in chunk and (
        not quote or (quote == "'" and b"'" not in chunk) or (quote == '"' and b"\\" not in chunk)
    ):
        # The common case, one line with nothing to unescape: the value is the text itself.
        if chunk.endswith(b"\r"):
            chunk = chunk[:-1]
            end -= 1
        if not chunk:
            return "", ()
        return chunk.decode("utf-8", errors="replace"), (Piece(0, len(chunk), start, end, True),)
    out = _Out(data)
    lines = _lines(data, start, end)
    last = len(lines) - 1
    empties = 0
    glue_start = -1
    escaped = False
    for i, (s, e) in enumerate(lines):
        if i > 0:
            s = _lstrip(data, s, e)
        esc = quote == '"' and _escaped_break(data, s, e)
        if esc:
            e -= 1
        elif i < last:
            e = _rstrip(data, s, e)
        if 0 < i < last and s == e and not esc:
            empties += 1
            continue
        if i > 0:
            fold = "\n" * empties if escaped or empties else " "
            out.replaced(fold, glue_start, s)
        if quote == "'":
            _emit_single(out, s, e)
        elif quote == '"':
            _emit_double(out, s, e)
        else:
            out.exact(s, e)
        escaped = esc
        empties = 0
        glue_start = e + 1 if esc else e
    return out.result()


def _block_header(header: bytes) -> tuple[int | None, str]:
    """The indentation indicator and chomping (``-``, ``+`` or ``""``) of ``|2-`` style text."""
    indent: int | None = None
    chomp = ""
    for ch in header[1:]:
        if 0x31 <= ch <= 0x39:
            indent = ch - 0x30
        elif ch in b"+-":
            chomp = chr(ch)
    return indent, chomp


def _trailing_breaks(data: bytes, pos: int) -> tuple[int, int]:
    """Line breaks after a block scalar's last line up to the next non-blank line, and where
    the last of them ends (the tree may or may not include them in the node)."""
    count = 0
    stop = pos
    n = len(data)
    while True:
        if data.startswith(b"\r\n", pos):
            pos += 2
        elif pos < n and data[pos] == 0x0A:
            pos += 1
        else:
            return count, stop
        count += 1
        stop = pos
        while pos < n and data[pos] == 0x20:
            pos += 1
        if pos < n and data[pos] not in b"\r\n":
            return count, stop


def _parent_indent(data: bytes, header_start: int) -> int:
    """The indentation of the node owning a block scalar: the column of its key, or of its
    ``-`` when the scalar is a sequence entry itself."""
    line_start = data.rfind(b"\n", 0, header_start) + 1
    pos = line_start
    dash = -1
    while pos < header_start:
        if data[pos] == 0x20:
            pos += 1
        elif data[pos] == 0x2D and data[pos + 1 : pos + 2] in (b" ", b"\t"):
            dash = pos
            pos += 1
        else:
            break
    if pos >= header_start and dash >= 0:
        return dash - line_start
    return pos - line_start


def _separator(kept: bool, gap: int) -> str:
    """What a line break followed by ``gap`` empty lines becomes (``kept``: not folded)."""
    if kept:
        return "\n" * (gap + 1)
    return "\n" * gap if gap else " "


def decode_block(
    data: bytes, header_start: int, header_end: int, end: int, literal: bool
) -> tuple[str, int, tuple[Piece, ...]]:
    """Decode a ``|`` or ``>`` block scalar: value, content start offset and pieces.

    ``[header_start, header_end)`` is the header (``|``, ``>-``, ``|2+``...); ``end`` is where
    the node ends (trailing blank lines included).
    """
    out = _Out(data)
    explicit, chomp = _block_header(data[header_start:header_end])
    parent = _parent_indent(data, header_start)
    nl = data.find(b"\n", header_end, end)
    if nl < 0:
        return "", header_end, ()
    body = _lines(data, nl + 1, end)
    if body and body[-1][0] == end and len(body) > 1:
        body.pop()
    if explicit is not None:
        indent = parent + explicit
    else:
        indent = 0
        for s, e in body:
            t = s
            while t < e and data[t] == 0x20:
                t += 1
            if t < e:
                indent = t - s
                break
    texts: list[tuple[int, int]] = []
    for s, e in body:
        t = s
        while t < e and t - s < indent and data[t] == 0x20:
            t += 1
        texts.append((t, e))
    content_start = body[0][0] if body else end
    real = [i for i, (s, e) in enumerate(texts) if s < e]
    if not real:
        return ("\n" if chomp == "+" and texts else ""), content_start, ()
    first, final = real[0], real[-1]
    for i in range(first):
        out.replaced("\n", texts[i][0], texts[i][1] + 1)
    prev = first
    for i in real:
        s, e = texts[i]
        if i != first:
            gap = i - prev - 1
            kept = literal or data[texts[prev][0]] in _SPACE or data[s] in _SPACE
            out.replaced(_separator(kept, gap), texts[prev][1], s)
        out.exact(s, e)
        prev = i
    last_end = texts[final][1]
    breaks, stop = _trailing_breaks(data, last_end)
    if chomp == "+":
        out.replaced("\n" * breaks, last_end, stop)
    elif chomp == "" and breaks:
        out.replaced("\n", last_end, stop)
    text, pieces = out.result()
    return text, content_start, pieces

"""Go string literals: strconv.Unquote and modfile.MustQuote/AutoQuote."""

from __future__ import annotations

import pytest

from gowls.syntax.gostrings import UnquoteError, auto_quote, must_quote, quote, unquote


@pytest.mark.parametrize(
    ("literal", "value"),
    [
        ('"./a"', "./a"),
        ('""', ""),
        ('"a b"', "a b"),
        (r'"\a\b\f\n\r\t\v\\\""', '\a\b\f\n\r\t\v\\"'),
        (r'"\x41\x7a"', "Az"),
        (r'"\u00e4"', "ä"),
        (r'"\U0001F600"', "😀"),
        (r'"\101"', "A"),
        (r'"\377"', "\xff"),
        ('"ä/😀"', "ä/😀"),
        ("`raw \\n`", "raw \\n"),
        ("`a\r\nb`", "a\nb"),
        ("`multi\nline`", "multi\nline"),
    ],
)
def test_unquote(literal: str, value: str) -> None:
    assert unquote(literal) == value


@pytest.mark.parametrize(
    "literal",
    [
        "",
        '"',
        "a",
        '"abc',
        'abc"',
        "'a'",
        '"a"b"',
        '"a\nb"',
        r'"\q"',
        r'"\'"',
        '"\\"',
        r'"\x4"',
        r'"\xZZ"',
        r'"\u12"',
        r'"\uD800"',
        r'"\U00110000"',
        r'"\400"',
        r'"\18"',
        r'"\1"',
        "`a`b`",
        '"a`',
    ],
)
def test_unquote_errors(literal: str) -> None:
    with pytest.raises(UnquoteError, match="invalid syntax"):
        unquote(literal)


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        ("example.com/a", False),
        ("./a", False),
        ("ä/é", False),
        ("v1.2.3", False),
        ("", True),
        ("a b", True),
        ('a"b', True),
        ("a'b", True),
        ("a`b", True),
        ("(", False),
        (",", False),
        ("a(b", True),
        ("a,b", True),
        ("[v1", True),
        ("a//b", True),
        ("a/*b", True),
        ("a\tb", True),
        ("a\x00b", True),
        ("a\u200bb", True),
    ],
)
def test_must_quote(text: str, needs: bool) -> None:
    assert must_quote(text) is needs
    assert auto_quote(text) == (quote(text) if needs else text)


@pytest.mark.parametrize(
    "text", ["", "a b", 'say "hi"', "back\\slash", "tab\tnew\nline\r", "\x01", "ä ü", "a//b"]
)
def test_quote_round_trips(text: str) -> None:
    quoted = quote(text)
    assert quoted.startswith('"') and quoted.endswith('"')
    assert unquote(quoted) == text


def test_quote_escapes() -> None:
    assert quote('a"b') == r'"a\"b"'
    assert quote("\x01") == r'"\x01"'
    assert quote("a\nb") == r'"a\nb"'
    assert quote("ä") == '"ä"'

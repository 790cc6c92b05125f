/**
 * @file Tree-sitter grammar for go.mod and go.work files.
 *
 * The token and statement rules follow the lexer and parser of
 * golang.org/x/mod/modfile (read.go):
 *   - space, tab and carriage return are skipped; '\n' ends a line;
 *   - `//` starts a comment that runs to the end of the line;
 *   - ( ) [ ] { } , are single-character tokens;
 *   - "..." and `...` are strings (no raw newline inside);
 *   - every other run of printable, non-space characters is an identifier,
 *     which stops before `//`;
 *   - identifiers, strings and comments are scanned by src/scanner.c (so that
 *     they may contain any character, NUL included, as in Go);
 *   - a line whose last token is `(` opens a block that is closed by a line
 *     whose first token is `)`; `( )` at the end of a line is an empty block.
 */

/// <reference types="tree-sitter-cli/dsl" />
// @ts-check

module.exports = grammar({
  name: 'gomod',

  externals: $ => [
    $.identifier,
    $.interpreted_string,
    $.raw_string,
    $.comment,
    // A `(` that is the last token of its line, or that is followed only by
    // `)` before the end of the line: it opens a block.
    $._block_open,
    // Zero-width, at the end of the file only. Lets an unterminated block whose
    // last line has no newline end with a MISSING `)` instead of an ERROR.
    $._eof,
    // Never produced; valid only while the parser is recovering from errors.
    $._error_sentinel,
  ],

  extras: $ => [
    $.comment,
    /[ \t\r]/,
  ],

  rules: {
    source_file: $ => seq(
      repeat(choice(
        $._newline,
        seq($._statement, $._newline),
      )),
      optional($._statement),
    ),

    _statement: $ => choice(
      $.directive,
      $.block,
    ),

    directive: $ => $._head,

    block: $ => seq(
      $._head,
      alias($._block_open, '('),
      choice(
        ')',
        seq(
          $._newline,
          repeat(choice(
            $._newline,
            seq($.block_line, $._newline),
          )),
          optional(seq($.block_line, $._eof)),
          ')',
        ),
      ),
    ),

    // The tokens of a top-level statement up to (not including) a block's `(`.
    _head: $ => seq(
      field('verb', $._token),
      repeat($._token),
    ),

    // A line inside a block. Its first token is never `)`: a line starting
    // with `)` closes the block.
    block_line: $ => seq(
      choice($._value, '('),
      repeat($._token),
    ),

    _token: $ => choice($._value, '(', ')'),

    _value: $ => choice(
      $.identifier,
      $.interpreted_string,
      $.raw_string,
      '[',
      ']',
      '{',
      '}',
      ',',
    ),

    _newline: _ => '\n',
  },
});

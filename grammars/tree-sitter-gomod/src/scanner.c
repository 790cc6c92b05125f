/*
 * External scanner for tree-sitter-gomod.
 *
 * The rules follow golang.org/x/mod/modfile/read.go (readToken, isIdent,
 * parseStmt). The scanner keeps no state. It produces:
 *
 *   identifier          A run of identifier characters (printable, non-space,
 *                       not one of ( ) [ ] { } ,) that does not start with a
 *                       quote and that stops before "//" (a comment) and before
 *                       "/" "*" (which the go command rejects, so it is left to
 *                       the error recovery). So `foo//bar` is `foo` followed by
 *                       the comment `//bar`, while `a/b`, `./a/` and `=>` are
 *                       single identifiers, and so is `a"b`.
 *
 *   interpreted_string  "..." where a backslash escapes the next character
 *                       (even a newline, as in Go); no raw newline inside.
 *
 *   raw_string          `...` with no newline inside.
 *
 *   comment             "//" up to the end of the line, without the newline
 *                       and without carriage returns just before it.
 *
 *   _block_open         A "(" that ends its line (only spaces, a comment, a
 *                       newline or the end of the file follow), or that is
 *                       followed by ")" and then the end of the line (an empty
 *                       block such as `block1()`). Any other "(" is left to the
 *                       regular lexer as a plain token.
 *
 *   _eof                A zero-width token at the end of the file, valid only
 *                       after the last line of an unterminated block (it lets
 *                       the parser report a MISSING ")" there).
 *
 * Strings and comments may contain any character but a newline, NUL included;
 * the regular lexer could not accept NUL, so they are scanned here.
 */

#include "tree_sitter/parser.h"

#include <stdbool.h>
#include <stdint.h>

enum TokenType {
  IDENTIFIER,
  INTERPRETED_STRING,
  RAW_STRING,
  COMMENT,
  BLOCK_OPEN,
  END_OF_FILE,
  ERROR_SENTINEL,
};

void *tree_sitter_gomod_external_scanner_create(void) { return NULL; }

void tree_sitter_gomod_external_scanner_destroy(void *payload) { (void)payload; }

unsigned tree_sitter_gomod_external_scanner_serialize(void *payload, char *buffer) {
  (void)payload;
  (void)buffer;
  return 0;
}

void tree_sitter_gomod_external_scanner_deserialize(void *payload, const char *buffer,
                                                    unsigned length) {
  (void)payload;
  (void)buffer;
  (void)length;
}

static inline bool is_horizontal_space(int32_t c) { return c == ' ' || c == '\t' || c == '\r'; }

/*
 * Go's isIdent: not ' ', '(', ')', '[', ']', '{', '}', ',' and
 * !unicode.IsSpace(c) && unicode.IsPrint(c).
 * Outside ASCII this is an approximation of IsPrint: it rejects the C1
 * controls, the Unicode spaces, the common format characters (category Cf),
 * surrogates, private-use characters and the non-characters.
 * Invalid UTF-8 (decoded by tree-sitter as -1) is accepted, as Go decodes it
 * to U+FFFD, which is printable.
 */
static bool is_ident_char(int32_t c) {
  if (c < 0) return true;
  if (c <= 0x20 || c == 0x7f) return false;
  if (c < 0x7f) {
    switch (c) {
      case '(':
      case ')':
      case '[':
      case ']':
      case '{':
      case '}':
      case ',':
        return false;
      default:
        return true;
    }
  }
  if (c <= 0xa0) return false; /* C1 controls, U+0085, U+00A0 */
  if (c == 0xad) return false;
  if (c >= 0x600 && c <= 0x605) return false;
  if (c == 0x61c || c == 0x6dd || c == 0x70f || c == 0x180e) return false;
  if (c == 0x1680) return false;
  if (c >= 0x2000 && c <= 0x200f) return false;
  if (c >= 0x2028 && c <= 0x202f) return false;
  if (c >= 0x205f && c <= 0x206f) return false;
  if (c == 0x3000 || c == 0xfeff) return false;
  if (c >= 0xd800 && c <= 0xf8ff) return false;
  if (c >= 0xfdd0 && c <= 0xfdef) return false;
  if (c >= 0xfff9 && c <= 0xfffb) return false;
  if ((c & 0xfffe) == 0xfffe) return false;
  if (c >= 0xe0000 && c <= 0xe007f) return false;
  if (c >= 0xf0000) return false;
  return true;
}

/* After the current position: only horizontal space, then a newline, a
 * comment or the end of the file. Consumes input (call after mark_end). */
static bool at_end_of_line(TSLexer *lexer) {
  while (!lexer->eof(lexer) && is_horizontal_space(lexer->lookahead)) {
    lexer->advance(lexer, false);
  }
  if (lexer->eof(lexer) || lexer->lookahead == '\n') return true;
  if (lexer->lookahead == '/') {
    lexer->advance(lexer, false);
    return !lexer->eof(lexer) && lexer->lookahead == '/';
  }
  return false;
}

static bool scan_block_open(TSLexer *lexer) {
  lexer->advance(lexer, false); /* ( */
  lexer->mark_end(lexer);
  lexer->result_symbol = BLOCK_OPEN;
  if (at_end_of_line(lexer)) return true;
  if (lexer->eof(lexer) || lexer->lookahead != ')') return false;
  lexer->advance(lexer, false); /* ) */
  return at_end_of_line(lexer);
}

/* Scans the rest of an identifier of which `length` characters have been
 * consumed (and marked). */
static bool scan_identifier(TSLexer *lexer, unsigned length) {
  while (!lexer->eof(lexer) && is_ident_char(lexer->lookahead)) {
    if (lexer->lookahead == '/') {
      lexer->advance(lexer, false);
      if (!lexer->eof(lexer) && (lexer->lookahead == '/' || lexer->lookahead == '*')) break;
    } else {
      lexer->advance(lexer, false);
    }
    length++;
    lexer->mark_end(lexer);
  }
  lexer->result_symbol = IDENTIFIER;
  return length > 0;
}

/* The opening quote is the lookahead. Fails (no token) on a newline or the end
 * of the file before the closing quote, leaving the error to the parser. */
static bool scan_string(TSLexer *lexer, int32_t quote) {
  lexer->advance(lexer, false);
  for (;;) {
    if (lexer->eof(lexer) || lexer->lookahead == '\n') return false;
    int32_t c = lexer->lookahead;
    lexer->advance(lexer, false);
    if (c == quote) break;
    if (c == '\\' && quote == '"') {
      if (lexer->eof(lexer)) return false;
      lexer->advance(lexer, false);
    }
  }
  lexer->mark_end(lexer);
  lexer->result_symbol = quote == '"' ? INTERPRETED_STRING : RAW_STRING;
  return true;
}

/* Both slashes have been consumed. */
static bool scan_comment(TSLexer *lexer) {
  lexer->mark_end(lexer);
  while (!lexer->eof(lexer) && lexer->lookahead != '\n') {
    bool carriage_return = lexer->lookahead == '\r';
    lexer->advance(lexer, false);
    if (!carriage_return) lexer->mark_end(lexer);
  }
  lexer->result_symbol = COMMENT;
  return true;
}

bool tree_sitter_gomod_external_scanner_scan(void *payload, TSLexer *lexer,
                                             const bool *valid_symbols) {
  (void)payload;
  while (!lexer->eof(lexer) && is_horizontal_space(lexer->lookahead)) {
    lexer->advance(lexer, true);
  }
  if (lexer->eof(lexer)) {
    if (valid_symbols[END_OF_FILE] && !valid_symbols[ERROR_SENTINEL]) {
      lexer->mark_end(lexer);
      lexer->result_symbol = END_OF_FILE;
      return true;
    }
    return false;
  }

  int32_t c = lexer->lookahead;
  switch (c) {
    case '(':
      return valid_symbols[BLOCK_OPEN] && scan_block_open(lexer);
    case '"':
      return valid_symbols[INTERPRETED_STRING] && scan_string(lexer, c);
    case '`':
      return valid_symbols[RAW_STRING] && scan_string(lexer, c);
    case '/':
      lexer->advance(lexer, false);
      if (lexer->eof(lexer)) {
        lexer->mark_end(lexer);
        lexer->result_symbol = IDENTIFIER;
        return valid_symbols[IDENTIFIER];
      }
      if (lexer->lookahead == '/') {
        lexer->advance(lexer, false);
        return valid_symbols[COMMENT] && scan_comment(lexer);
      }
      if (lexer->lookahead == '*' || !valid_symbols[IDENTIFIER]) return false;
      lexer->mark_end(lexer);
      return scan_identifier(lexer, 1);
    default:
      return valid_symbols[IDENTIFIER] && is_ident_char(c) && scan_identifier(lexer, 0);
  }
}

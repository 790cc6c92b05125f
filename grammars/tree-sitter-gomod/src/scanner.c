/*
 * External scanner for tree-sitter-gomod.
 *
 * It produces two tokens that a regular-expression lexer cannot express:
 *
 *   identifier   A run of identifier characters (printable, non-space, not one
 *                of ( ) [ ] { } ,) that does not start with a quote and that
 *                stops before "//" (a comment) and before "/*" (which the go
 *                command rejects, so it is left to the error recovery).
 *                So `foo//bar` is `foo` followed by the comment `//bar`,
 *                while `a/b`, `./a/` and `=>` are single identifiers.
 *
 *   _block_open  A "(" that ends its line (only spaces, a comment, a newline or
 *                the end of the file follow), or that is followed by ")" and
 *                then the end of the line (an empty block such as `block1()`).
 *                Any other "(" is left to the regular lexer as a plain token.
 *
 *   _eof         A zero-width token at the end of the file, valid only after
 *                the last line of an unterminated block (error recovery aid).
 *
 * The rules follow golang.org/x/mod/modfile/read.go (readToken, isIdent,
 * parseStmt). The scanner keeps no state.
 */

#include "tree_sitter/parser.h"

#include <stdbool.h>
#include <stdint.h>

enum TokenType {
  IDENTIFIER,
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

static bool scan_identifier(TSLexer *lexer) {
  unsigned length = 0;
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
  if (c == '(') {
    return valid_symbols[BLOCK_OPEN] && scan_block_open(lexer);
  }
  if (c == '"' || c == '`') return false;
  if (valid_symbols[IDENTIFIER] && is_ident_char(c)) return scan_identifier(lexer);
  return false;
}

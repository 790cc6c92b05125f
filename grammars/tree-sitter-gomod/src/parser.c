#include "tree_sitter/parser.h"

#if defined(__GNUC__) || defined(__clang__)
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#endif

#define LANGUAGE_VERSION 14
#define STATE_COUNT 34
#define LARGE_STATE_COUNT 16
#define SYMBOL_COUNT 27
#define ALIAS_COUNT 0
#define TOKEN_COUNT 16
#define EXTERNAL_TOKEN_COUNT 4
#define FIELD_COUNT 1
#define MAX_ALIAS_SEQUENCE_LENGTH 7
#define PRODUCTION_ID_COUNT 3

enum ts_symbol_identifiers {
  anon_sym_RPAREN = 1,
  anon_sym_LPAREN = 2,
  anon_sym_LBRACK = 3,
  anon_sym_RBRACK = 4,
  anon_sym_LBRACE = 5,
  anon_sym_RBRACE = 6,
  anon_sym_COMMA = 7,
  sym_interpreted_string = 8,
  sym_raw_string = 9,
  sym_comment = 10,
  sym__newline = 11,
  sym_identifier = 12,
  sym__block_open = 13,
  sym__eof = 14,
  sym__error_sentinel = 15,
  sym_source_file = 16,
  sym__statement = 17,
  sym_directive = 18,
  sym_block = 19,
  sym__head = 20,
  sym_block_line = 21,
  sym__token = 22,
  sym__value = 23,
  aux_sym_source_file_repeat1 = 24,
  aux_sym_block_repeat1 = 25,
  aux_sym__head_repeat1 = 26,
};

static const char * const ts_symbol_names[] = {
  [ts_builtin_sym_end] = "end",
  [anon_sym_RPAREN] = ")",
  [anon_sym_LPAREN] = "(",
  [anon_sym_LBRACK] = "[",
  [anon_sym_RBRACK] = "]",
  [anon_sym_LBRACE] = "{",
  [anon_sym_RBRACE] = "}",
  [anon_sym_COMMA] = ",",
  [sym_interpreted_string] = "interpreted_string",
  [sym_raw_string] = "raw_string",
  [sym_comment] = "comment",
  [sym__newline] = "_newline",
  [sym_identifier] = "identifier",
  [sym__block_open] = "(",
  [sym__eof] = "_eof",
  [sym__error_sentinel] = "_error_sentinel",
  [sym_source_file] = "source_file",
  [sym__statement] = "_statement",
  [sym_directive] = "directive",
  [sym_block] = "block",
  [sym__head] = "_head",
  [sym_block_line] = "block_line",
  [sym__token] = "_token",
  [sym__value] = "_value",
  [aux_sym_source_file_repeat1] = "source_file_repeat1",
  [aux_sym_block_repeat1] = "block_repeat1",
  [aux_sym__head_repeat1] = "_head_repeat1",
};

static const TSSymbol ts_symbol_map[] = {
  [ts_builtin_sym_end] = ts_builtin_sym_end,
  [anon_sym_RPAREN] = anon_sym_RPAREN,
  [anon_sym_LPAREN] = anon_sym_LPAREN,
  [anon_sym_LBRACK] = anon_sym_LBRACK,
  [anon_sym_RBRACK] = anon_sym_RBRACK,
  [anon_sym_LBRACE] = anon_sym_LBRACE,
  [anon_sym_RBRACE] = anon_sym_RBRACE,
  [anon_sym_COMMA] = anon_sym_COMMA,
  [sym_interpreted_string] = sym_interpreted_string,
  [sym_raw_string] = sym_raw_string,
  [sym_comment] = sym_comment,
  [sym__newline] = sym__newline,
  [sym_identifier] = sym_identifier,
  [sym__block_open] = anon_sym_LPAREN,
  [sym__eof] = sym__eof,
  [sym__error_sentinel] = sym__error_sentinel,
  [sym_source_file] = sym_source_file,
  [sym__statement] = sym__statement,
  [sym_directive] = sym_directive,
  [sym_block] = sym_block,
  [sym__head] = sym__head,
  [sym_block_line] = sym_block_line,
  [sym__token] = sym__token,
  [sym__value] = sym__value,
  [aux_sym_source_file_repeat1] = aux_sym_source_file_repeat1,
  [aux_sym_block_repeat1] = aux_sym_block_repeat1,
  [aux_sym__head_repeat1] = aux_sym__head_repeat1,
};

static const TSSymbolMetadata ts_symbol_metadata[] = {
  [ts_builtin_sym_end] = {
    .visible = false,
    .named = true,
  },
  [anon_sym_RPAREN] = {
    .visible = true,
    .named = false,
  },
  [anon_sym_LPAREN] = {
    .visible = true,
    .named = false,
  },
  [anon_sym_LBRACK] = {
    .visible = true,
    .named = false,
  },
  [anon_sym_RBRACK] = {
    .visible = true,
    .named = false,
  },
  [anon_sym_LBRACE] = {
    .visible = true,
    .named = false,
  },
  [anon_sym_RBRACE] = {
    .visible = true,
    .named = false,
  },
  [anon_sym_COMMA] = {
    .visible = true,
    .named = false,
  },
  [sym_interpreted_string] = {
    .visible = true,
    .named = true,
  },
  [sym_raw_string] = {
    .visible = true,
    .named = true,
  },
  [sym_comment] = {
    .visible = true,
    .named = true,
  },
  [sym__newline] = {
    .visible = false,
    .named = true,
  },
  [sym_identifier] = {
    .visible = true,
    .named = true,
  },
  [sym__block_open] = {
    .visible = true,
    .named = false,
  },
  [sym__eof] = {
    .visible = false,
    .named = true,
  },
  [sym__error_sentinel] = {
    .visible = false,
    .named = true,
  },
  [sym_source_file] = {
    .visible = true,
    .named = true,
  },
  [sym__statement] = {
    .visible = false,
    .named = true,
  },
  [sym_directive] = {
    .visible = true,
    .named = true,
  },
  [sym_block] = {
    .visible = true,
    .named = true,
  },
  [sym__head] = {
    .visible = false,
    .named = true,
  },
  [sym_block_line] = {
    .visible = true,
    .named = true,
  },
  [sym__token] = {
    .visible = false,
    .named = true,
  },
  [sym__value] = {
    .visible = false,
    .named = true,
  },
  [aux_sym_source_file_repeat1] = {
    .visible = false,
    .named = false,
  },
  [aux_sym_block_repeat1] = {
    .visible = false,
    .named = false,
  },
  [aux_sym__head_repeat1] = {
    .visible = false,
    .named = false,
  },
};

enum ts_field_identifiers {
  field_verb = 1,
};

static const char * const ts_field_names[] = {
  [0] = NULL,
  [field_verb] = "verb",
};

static const TSFieldMapSlice ts_field_map_slices[PRODUCTION_ID_COUNT] = {
  [1] = {.index = 0, .length = 1},
  [2] = {.index = 1, .length = 1},
};

static const TSFieldMapEntry ts_field_map_entries[] = {
  [0] =
    {field_verb, 0, .inherited = true},
  [1] =
    {field_verb, 0},
};

static const TSSymbol ts_alias_sequences[PRODUCTION_ID_COUNT][MAX_ALIAS_SEQUENCE_LENGTH] = {
  [0] = {0},
};

static const uint16_t ts_non_terminal_alias_map[] = {
  0,
};

static const TSStateId ts_primary_state_ids[STATE_COUNT] = {
  [0] = 0,
  [1] = 1,
  [2] = 2,
  [3] = 3,
  [4] = 4,
  [5] = 5,
  [6] = 6,
  [7] = 7,
  [8] = 6,
  [9] = 9,
  [10] = 10,
  [11] = 11,
  [12] = 9,
  [13] = 13,
  [14] = 7,
  [15] = 6,
  [16] = 16,
  [17] = 17,
  [18] = 18,
  [19] = 19,
  [20] = 20,
  [21] = 21,
  [22] = 22,
  [23] = 23,
  [24] = 24,
  [25] = 25,
  [26] = 26,
  [27] = 27,
  [28] = 28,
  [29] = 29,
  [30] = 30,
  [31] = 31,
  [32] = 32,
  [33] = 33,
};

static bool ts_lex(TSLexer *lexer, TSStateId state) {
  START_LEXER();
  eof = lexer->eof(lexer);
  switch (state) {
    case 0:
      if (eof) ADVANCE(6);
      ADVANCE_MAP(
        '\n', 17,
        '"', 2,
        '(', 8,
        ')', 7,
        ',', 13,
        '/', 3,
        '[', 9,
        ']', 10,
        '`', 4,
        '{', 11,
        '}', 12,
      );
      if (lookahead == '\t' ||
          lookahead == '\r' ||
          lookahead == ' ') SKIP(0);
      END_STATE();
    case 1:
      if (lookahead == '\r') ADVANCE(1);
      if (lookahead != 0 &&
          lookahead != '\n') ADVANCE(16);
      END_STATE();
    case 2:
      if (lookahead == '"') ADVANCE(14);
      if (lookahead == '\\') ADVANCE(5);
      if (lookahead != 0 &&
          lookahead != '\n') ADVANCE(2);
      END_STATE();
    case 3:
      if (lookahead == '/') ADVANCE(16);
      END_STATE();
    case 4:
      if (lookahead == '`') ADVANCE(15);
      if (lookahead != 0 &&
          lookahead != '\n') ADVANCE(4);
      END_STATE();
    case 5:
      if (lookahead != 0) ADVANCE(2);
      END_STATE();
    case 6:
      ACCEPT_TOKEN(ts_builtin_sym_end);
      END_STATE();
    case 7:
      ACCEPT_TOKEN(anon_sym_RPAREN);
      END_STATE();
    case 8:
      ACCEPT_TOKEN(anon_sym_LPAREN);
      END_STATE();
    case 9:
      ACCEPT_TOKEN(anon_sym_LBRACK);
      END_STATE();
    case 10:
      ACCEPT_TOKEN(anon_sym_RBRACK);
      END_STATE();
    case 11:
      ACCEPT_TOKEN(anon_sym_LBRACE);
      END_STATE();
    case 12:
      ACCEPT_TOKEN(anon_sym_RBRACE);
      END_STATE();
    case 13:
      ACCEPT_TOKEN(anon_sym_COMMA);
      END_STATE();
    case 14:
      ACCEPT_TOKEN(sym_interpreted_string);
      END_STATE();
    case 15:
      ACCEPT_TOKEN(sym_raw_string);
      END_STATE();
    case 16:
      ACCEPT_TOKEN(sym_comment);
      if (lookahead == '\r') ADVANCE(1);
      if (lookahead != 0 &&
          lookahead != '\n') ADVANCE(16);
      END_STATE();
    case 17:
      ACCEPT_TOKEN(sym__newline);
      END_STATE();
    default:
      return false;
  }
}

static const TSLexMode ts_lex_modes[STATE_COUNT] = {
  [0] = {.lex_state = 0, .external_lex_state = 1},
  [1] = {.lex_state = 0, .external_lex_state = 2},
  [2] = {.lex_state = 0, .external_lex_state = 2},
  [3] = {.lex_state = 0, .external_lex_state = 2},
  [4] = {.lex_state = 0, .external_lex_state = 3},
  [5] = {.lex_state = 0, .external_lex_state = 3},
  [6] = {.lex_state = 0, .external_lex_state = 3},
  [7] = {.lex_state = 0, .external_lex_state = 4},
  [8] = {.lex_state = 0, .external_lex_state = 4},
  [9] = {.lex_state = 0, .external_lex_state = 4},
  [10] = {.lex_state = 0, .external_lex_state = 2},
  [11] = {.lex_state = 0, .external_lex_state = 2},
  [12] = {.lex_state = 0, .external_lex_state = 2},
  [13] = {.lex_state = 0, .external_lex_state = 2},
  [14] = {.lex_state = 0, .external_lex_state = 2},
  [15] = {.lex_state = 0, .external_lex_state = 2},
  [16] = {.lex_state = 0, .external_lex_state = 2},
  [17] = {.lex_state = 0, .external_lex_state = 2},
  [18] = {.lex_state = 0, .external_lex_state = 5},
  [19] = {.lex_state = 0},
  [20] = {.lex_state = 0},
  [21] = {.lex_state = 0},
  [22] = {.lex_state = 0},
  [23] = {.lex_state = 0},
  [24] = {.lex_state = 0, .external_lex_state = 6},
  [25] = {.lex_state = 0},
  [26] = {.lex_state = 0},
  [27] = {.lex_state = 0, .external_lex_state = 6},
  [28] = {.lex_state = 0},
  [29] = {.lex_state = 0},
  [30] = {.lex_state = 0},
  [31] = {.lex_state = 0},
  [32] = {.lex_state = 0},
  [33] = {.lex_state = 0},
};

static const uint16_t ts_parse_table[LARGE_STATE_COUNT][SYMBOL_COUNT] = {
  [0] = {
    [ts_builtin_sym_end] = ACTIONS(1),
    [anon_sym_RPAREN] = ACTIONS(1),
    [anon_sym_LPAREN] = ACTIONS(1),
    [anon_sym_LBRACK] = ACTIONS(1),
    [anon_sym_RBRACK] = ACTIONS(1),
    [anon_sym_LBRACE] = ACTIONS(1),
    [anon_sym_RBRACE] = ACTIONS(1),
    [anon_sym_COMMA] = ACTIONS(1),
    [sym_interpreted_string] = ACTIONS(1),
    [sym_raw_string] = ACTIONS(1),
    [sym_comment] = ACTIONS(3),
    [sym__newline] = ACTIONS(1),
    [sym_identifier] = ACTIONS(1),
    [sym__block_open] = ACTIONS(1),
    [sym__eof] = ACTIONS(1),
    [sym__error_sentinel] = ACTIONS(1),
  },
  [1] = {
    [sym_source_file] = STATE(30),
    [sym__statement] = STATE(25),
    [sym_directive] = STATE(25),
    [sym_block] = STATE(25),
    [sym__head] = STATE(18),
    [sym__token] = STATE(5),
    [sym__value] = STATE(5),
    [aux_sym_source_file_repeat1] = STATE(2),
    [ts_builtin_sym_end] = ACTIONS(5),
    [anon_sym_RPAREN] = ACTIONS(7),
    [anon_sym_LPAREN] = ACTIONS(7),
    [anon_sym_LBRACK] = ACTIONS(7),
    [anon_sym_RBRACK] = ACTIONS(7),
    [anon_sym_LBRACE] = ACTIONS(7),
    [anon_sym_RBRACE] = ACTIONS(7),
    [anon_sym_COMMA] = ACTIONS(7),
    [sym_interpreted_string] = ACTIONS(7),
    [sym_raw_string] = ACTIONS(7),
    [sym_comment] = ACTIONS(3),
    [sym__newline] = ACTIONS(9),
    [sym_identifier] = ACTIONS(7),
  },
  [2] = {
    [sym__statement] = STATE(21),
    [sym_directive] = STATE(21),
    [sym_block] = STATE(21),
    [sym__head] = STATE(18),
    [sym__token] = STATE(5),
    [sym__value] = STATE(5),
    [aux_sym_source_file_repeat1] = STATE(3),
    [ts_builtin_sym_end] = ACTIONS(11),
    [anon_sym_RPAREN] = ACTIONS(7),
    [anon_sym_LPAREN] = ACTIONS(7),
    [anon_sym_LBRACK] = ACTIONS(7),
    [anon_sym_RBRACK] = ACTIONS(7),
    [anon_sym_LBRACE] = ACTIONS(7),
    [anon_sym_RBRACE] = ACTIONS(7),
    [anon_sym_COMMA] = ACTIONS(7),
    [sym_interpreted_string] = ACTIONS(7),
    [sym_raw_string] = ACTIONS(7),
    [sym_comment] = ACTIONS(3),
    [sym__newline] = ACTIONS(13),
    [sym_identifier] = ACTIONS(7),
  },
  [3] = {
    [sym__statement] = STATE(33),
    [sym_directive] = STATE(33),
    [sym_block] = STATE(33),
    [sym__head] = STATE(18),
    [sym__token] = STATE(5),
    [sym__value] = STATE(5),
    [aux_sym_source_file_repeat1] = STATE(3),
    [ts_builtin_sym_end] = ACTIONS(15),
    [anon_sym_RPAREN] = ACTIONS(17),
    [anon_sym_LPAREN] = ACTIONS(17),
    [anon_sym_LBRACK] = ACTIONS(17),
    [anon_sym_RBRACK] = ACTIONS(17),
    [anon_sym_LBRACE] = ACTIONS(17),
    [anon_sym_RBRACE] = ACTIONS(17),
    [anon_sym_COMMA] = ACTIONS(17),
    [sym_interpreted_string] = ACTIONS(17),
    [sym_raw_string] = ACTIONS(17),
    [sym_comment] = ACTIONS(3),
    [sym__newline] = ACTIONS(20),
    [sym_identifier] = ACTIONS(17),
  },
  [4] = {
    [sym__token] = STATE(6),
    [sym__value] = STATE(6),
    [aux_sym__head_repeat1] = STATE(6),
    [ts_builtin_sym_end] = ACTIONS(23),
    [anon_sym_RPAREN] = ACTIONS(25),
    [anon_sym_LPAREN] = ACTIONS(25),
    [anon_sym_LBRACK] = ACTIONS(25),
    [anon_sym_RBRACK] = ACTIONS(25),
    [anon_sym_LBRACE] = ACTIONS(25),
    [anon_sym_RBRACE] = ACTIONS(25),
    [anon_sym_COMMA] = ACTIONS(25),
    [sym_interpreted_string] = ACTIONS(25),
    [sym_raw_string] = ACTIONS(25),
    [sym_comment] = ACTIONS(3),
    [sym__newline] = ACTIONS(23),
    [sym_identifier] = ACTIONS(25),
    [sym__block_open] = ACTIONS(23),
  },
  [5] = {
    [sym__token] = STATE(4),
    [sym__value] = STATE(4),
    [aux_sym__head_repeat1] = STATE(4),
    [ts_builtin_sym_end] = ACTIONS(27),
    [anon_sym_RPAREN] = ACTIONS(29),
    [anon_sym_LPAREN] = ACTIONS(29),
    [anon_sym_LBRACK] = ACTIONS(29),
    [anon_sym_RBRACK] = ACTIONS(29),
    [anon_sym_LBRACE] = ACTIONS(29),
    [anon_sym_RBRACE] = ACTIONS(29),
    [anon_sym_COMMA] = ACTIONS(29),
    [sym_interpreted_string] = ACTIONS(29),
    [sym_raw_string] = ACTIONS(29),
    [sym_comment] = ACTIONS(3),
    [sym__newline] = ACTIONS(27),
    [sym_identifier] = ACTIONS(29),
    [sym__block_open] = ACTIONS(27),
  },
  [6] = {
    [sym__token] = STATE(6),
    [sym__value] = STATE(6),
    [aux_sym__head_repeat1] = STATE(6),
    [ts_builtin_sym_end] = ACTIONS(31),
    [anon_sym_RPAREN] = ACTIONS(33),
    [anon_sym_LPAREN] = ACTIONS(33),
    [anon_sym_LBRACK] = ACTIONS(33),
    [anon_sym_RBRACK] = ACTIONS(33),
    [anon_sym_LBRACE] = ACTIONS(33),
    [anon_sym_RBRACE] = ACTIONS(33),
    [anon_sym_COMMA] = ACTIONS(33),
    [sym_interpreted_string] = ACTIONS(33),
    [sym_raw_string] = ACTIONS(33),
    [sym_comment] = ACTIONS(3),
    [sym__newline] = ACTIONS(31),
    [sym_identifier] = ACTIONS(33),
    [sym__block_open] = ACTIONS(31),
  },
  [7] = {
    [sym__token] = STATE(9),
    [sym__value] = STATE(9),
    [aux_sym__head_repeat1] = STATE(9),
    [anon_sym_RPAREN] = ACTIONS(36),
    [anon_sym_LPAREN] = ACTIONS(36),
    [anon_sym_LBRACK] = ACTIONS(36),
    [anon_sym_RBRACK] = ACTIONS(36),
    [anon_sym_LBRACE] = ACTIONS(36),
    [anon_sym_RBRACE] = ACTIONS(36),
    [anon_sym_COMMA] = ACTIONS(36),
    [sym_interpreted_string] = ACTIONS(36),
    [sym_raw_string] = ACTIONS(36),
    [sym_comment] = ACTIONS(3),
    [sym__newline] = ACTIONS(38),
    [sym_identifier] = ACTIONS(36),
    [sym__eof] = ACTIONS(38),
  },
  [8] = {
    [sym__token] = STATE(8),
    [sym__value] = STATE(8),
    [aux_sym__head_repeat1] = STATE(8),
    [anon_sym_RPAREN] = ACTIONS(40),
    [anon_sym_LPAREN] = ACTIONS(40),
    [anon_sym_LBRACK] = ACTIONS(40),
    [anon_sym_RBRACK] = ACTIONS(40),
    [anon_sym_LBRACE] = ACTIONS(40),
    [anon_sym_RBRACE] = ACTIONS(40),
    [anon_sym_COMMA] = ACTIONS(40),
    [sym_interpreted_string] = ACTIONS(40),
    [sym_raw_string] = ACTIONS(40),
    [sym_comment] = ACTIONS(3),
    [sym__newline] = ACTIONS(31),
    [sym_identifier] = ACTIONS(40),
    [sym__eof] = ACTIONS(31),
  },
  [9] = {
    [sym__token] = STATE(8),
    [sym__value] = STATE(8),
    [aux_sym__head_repeat1] = STATE(8),
    [anon_sym_RPAREN] = ACTIONS(43),
    [anon_sym_LPAREN] = ACTIONS(43),
    [anon_sym_LBRACK] = ACTIONS(43),
    [anon_sym_RBRACK] = ACTIONS(43),
    [anon_sym_LBRACE] = ACTIONS(43),
    [anon_sym_RBRACE] = ACTIONS(43),
    [anon_sym_COMMA] = ACTIONS(43),
    [sym_interpreted_string] = ACTIONS(43),
    [sym_raw_string] = ACTIONS(43),
    [sym_comment] = ACTIONS(3),
    [sym__newline] = ACTIONS(45),
    [sym_identifier] = ACTIONS(43),
    [sym__eof] = ACTIONS(45),
  },
  [10] = {
    [sym_block_line] = STATE(27),
    [sym__value] = STATE(7),
    [aux_sym_block_repeat1] = STATE(11),
    [anon_sym_RPAREN] = ACTIONS(47),
    [anon_sym_LPAREN] = ACTIONS(49),
    [anon_sym_LBRACK] = ACTIONS(49),
    [anon_sym_RBRACK] = ACTIONS(49),
    [anon_sym_LBRACE] = ACTIONS(49),
    [anon_sym_RBRACE] = ACTIONS(49),
    [anon_sym_COMMA] = ACTIONS(49),
    [sym_interpreted_string] = ACTIONS(49),
    [sym_raw_string] = ACTIONS(49),
    [sym_comment] = ACTIONS(3),
    [sym__newline] = ACTIONS(51),
    [sym_identifier] = ACTIONS(49),
  },
  [11] = {
    [sym_block_line] = STATE(24),
    [sym__value] = STATE(7),
    [aux_sym_block_repeat1] = STATE(13),
    [anon_sym_RPAREN] = ACTIONS(53),
    [anon_sym_LPAREN] = ACTIONS(49),
    [anon_sym_LBRACK] = ACTIONS(49),
    [anon_sym_RBRACK] = ACTIONS(49),
    [anon_sym_LBRACE] = ACTIONS(49),
    [anon_sym_RBRACE] = ACTIONS(49),
    [anon_sym_COMMA] = ACTIONS(49),
    [sym_interpreted_string] = ACTIONS(49),
    [sym_raw_string] = ACTIONS(49),
    [sym_comment] = ACTIONS(3),
    [sym__newline] = ACTIONS(55),
    [sym_identifier] = ACTIONS(49),
  },
  [12] = {
    [sym__token] = STATE(15),
    [sym__value] = STATE(15),
    [aux_sym__head_repeat1] = STATE(15),
    [anon_sym_RPAREN] = ACTIONS(57),
    [anon_sym_LPAREN] = ACTIONS(57),
    [anon_sym_LBRACK] = ACTIONS(57),
    [anon_sym_RBRACK] = ACTIONS(57),
    [anon_sym_LBRACE] = ACTIONS(57),
    [anon_sym_RBRACE] = ACTIONS(57),
    [anon_sym_COMMA] = ACTIONS(57),
    [sym_interpreted_string] = ACTIONS(57),
    [sym_raw_string] = ACTIONS(57),
    [sym_comment] = ACTIONS(3),
    [sym__newline] = ACTIONS(45),
    [sym_identifier] = ACTIONS(57),
  },
  [13] = {
    [sym_block_line] = STATE(32),
    [sym__value] = STATE(14),
    [aux_sym_block_repeat1] = STATE(13),
    [anon_sym_RPAREN] = ACTIONS(59),
    [anon_sym_LPAREN] = ACTIONS(61),
    [anon_sym_LBRACK] = ACTIONS(61),
    [anon_sym_RBRACK] = ACTIONS(61),
    [anon_sym_LBRACE] = ACTIONS(61),
    [anon_sym_RBRACE] = ACTIONS(61),
    [anon_sym_COMMA] = ACTIONS(61),
    [sym_interpreted_string] = ACTIONS(61),
    [sym_raw_string] = ACTIONS(61),
    [sym_comment] = ACTIONS(3),
    [sym__newline] = ACTIONS(64),
    [sym_identifier] = ACTIONS(61),
  },
  [14] = {
    [sym__token] = STATE(12),
    [sym__value] = STATE(12),
    [aux_sym__head_repeat1] = STATE(12),
    [anon_sym_RPAREN] = ACTIONS(67),
    [anon_sym_LPAREN] = ACTIONS(67),
    [anon_sym_LBRACK] = ACTIONS(67),
    [anon_sym_RBRACK] = ACTIONS(67),
    [anon_sym_LBRACE] = ACTIONS(67),
    [anon_sym_RBRACE] = ACTIONS(67),
    [anon_sym_COMMA] = ACTIONS(67),
    [sym_interpreted_string] = ACTIONS(67),
    [sym_raw_string] = ACTIONS(67),
    [sym_comment] = ACTIONS(3),
    [sym__newline] = ACTIONS(38),
    [sym_identifier] = ACTIONS(67),
  },
  [15] = {
    [sym__token] = STATE(15),
    [sym__value] = STATE(15),
    [aux_sym__head_repeat1] = STATE(15),
    [anon_sym_RPAREN] = ACTIONS(69),
    [anon_sym_LPAREN] = ACTIONS(69),
    [anon_sym_LBRACK] = ACTIONS(69),
    [anon_sym_RBRACK] = ACTIONS(69),
    [anon_sym_LBRACE] = ACTIONS(69),
    [anon_sym_RBRACE] = ACTIONS(69),
    [anon_sym_COMMA] = ACTIONS(69),
    [sym_interpreted_string] = ACTIONS(69),
    [sym_raw_string] = ACTIONS(69),
    [sym_comment] = ACTIONS(3),
    [sym__newline] = ACTIONS(31),
    [sym_identifier] = ACTIONS(69),
  },
};

static const uint16_t ts_small_parse_table[] = {
  [0] = 2,
    ACTIONS(3), 1,
      sym_comment,
    ACTIONS(15), 12,
      sym_identifier,
      ts_builtin_sym_end,
      anon_sym_RPAREN,
      anon_sym_LPAREN,
      anon_sym_LBRACK,
      anon_sym_RBRACK,
      anon_sym_LBRACE,
      anon_sym_RBRACE,
      anon_sym_COMMA,
      sym_interpreted_string,
      sym_raw_string,
      sym__newline,
  [18] = 2,
    ACTIONS(3), 1,
      sym_comment,
    ACTIONS(59), 11,
      sym_identifier,
      anon_sym_RPAREN,
      anon_sym_LPAREN,
      anon_sym_LBRACK,
      anon_sym_RBRACK,
      anon_sym_LBRACE,
      anon_sym_RBRACE,
      anon_sym_COMMA,
      sym_interpreted_string,
      sym_raw_string,
      sym__newline,
  [35] = 3,
    ACTIONS(3), 1,
      sym_comment,
    ACTIONS(74), 1,
      sym__block_open,
    ACTIONS(72), 2,
      ts_builtin_sym_end,
      sym__newline,
  [46] = 2,
    ACTIONS(3), 1,
      sym_comment,
    ACTIONS(76), 2,
      ts_builtin_sym_end,
      sym__newline,
  [54] = 3,
    ACTIONS(3), 1,
      sym_comment,
    ACTIONS(78), 1,
      anon_sym_RPAREN,
    ACTIONS(80), 1,
      sym__newline,
  [64] = 3,
    ACTIONS(3), 1,
      sym_comment,
    ACTIONS(82), 1,
      ts_builtin_sym_end,
    ACTIONS(84), 1,
      sym__newline,
  [74] = 2,
    ACTIONS(3), 1,
      sym_comment,
    ACTIONS(86), 2,
      ts_builtin_sym_end,
      sym__newline,
  [82] = 2,
    ACTIONS(3), 1,
      sym_comment,
    ACTIONS(88), 2,
      ts_builtin_sym_end,
      sym__newline,
  [90] = 3,
    ACTIONS(3), 1,
      sym_comment,
    ACTIONS(90), 1,
      sym__newline,
    ACTIONS(92), 1,
      sym__eof,
  [100] = 3,
    ACTIONS(3), 1,
      sym_comment,
    ACTIONS(11), 1,
      ts_builtin_sym_end,
    ACTIONS(84), 1,
      sym__newline,
  [110] = 2,
    ACTIONS(3), 1,
      sym_comment,
    ACTIONS(94), 2,
      ts_builtin_sym_end,
      sym__newline,
  [118] = 3,
    ACTIONS(3), 1,
      sym_comment,
    ACTIONS(90), 1,
      sym__newline,
    ACTIONS(96), 1,
      sym__eof,
  [128] = 2,
    ACTIONS(3), 1,
      sym_comment,
    ACTIONS(98), 2,
      ts_builtin_sym_end,
      sym__newline,
  [136] = 2,
    ACTIONS(3), 1,
      sym_comment,
    ACTIONS(100), 1,
      anon_sym_RPAREN,
  [143] = 2,
    ACTIONS(3), 1,
      sym_comment,
    ACTIONS(102), 1,
      ts_builtin_sym_end,
  [150] = 2,
    ACTIONS(3), 1,
      sym_comment,
    ACTIONS(104), 1,
      anon_sym_RPAREN,
  [157] = 2,
    ACTIONS(3), 1,
      sym_comment,
    ACTIONS(90), 1,
      sym__newline,
  [164] = 2,
    ACTIONS(3), 1,
      sym_comment,
    ACTIONS(84), 1,
      sym__newline,
};

static const uint32_t ts_small_parse_table_map[] = {
  [SMALL_STATE(16)] = 0,
  [SMALL_STATE(17)] = 18,
  [SMALL_STATE(18)] = 35,
  [SMALL_STATE(19)] = 46,
  [SMALL_STATE(20)] = 54,
  [SMALL_STATE(21)] = 64,
  [SMALL_STATE(22)] = 74,
  [SMALL_STATE(23)] = 82,
  [SMALL_STATE(24)] = 90,
  [SMALL_STATE(25)] = 100,
  [SMALL_STATE(26)] = 110,
  [SMALL_STATE(27)] = 118,
  [SMALL_STATE(28)] = 128,
  [SMALL_STATE(29)] = 136,
  [SMALL_STATE(30)] = 143,
  [SMALL_STATE(31)] = 150,
  [SMALL_STATE(32)] = 157,
  [SMALL_STATE(33)] = 164,
};

static const TSParseActionEntry ts_parse_actions[] = {
  [0] = {.entry = {.count = 0, .reusable = false}},
  [1] = {.entry = {.count = 1, .reusable = false}}, RECOVER(),
  [3] = {.entry = {.count = 1, .reusable = true}}, SHIFT_EXTRA(),
  [5] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_source_file, 0, 0, 0),
  [7] = {.entry = {.count = 1, .reusable = true}}, SHIFT(5),
  [9] = {.entry = {.count = 1, .reusable = true}}, SHIFT(2),
  [11] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_source_file, 1, 0, 0),
  [13] = {.entry = {.count = 1, .reusable = true}}, SHIFT(3),
  [15] = {.entry = {.count = 1, .reusable = true}}, REDUCE(aux_sym_source_file_repeat1, 2, 0, 0),
  [17] = {.entry = {.count = 2, .reusable = true}}, REDUCE(aux_sym_source_file_repeat1, 2, 0, 0), SHIFT_REPEAT(5),
  [20] = {.entry = {.count = 2, .reusable = true}}, REDUCE(aux_sym_source_file_repeat1, 2, 0, 0), SHIFT_REPEAT(3),
  [23] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__head, 2, 0, 2),
  [25] = {.entry = {.count = 1, .reusable = true}}, SHIFT(6),
  [27] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__head, 1, 0, 2),
  [29] = {.entry = {.count = 1, .reusable = true}}, SHIFT(4),
  [31] = {.entry = {.count = 1, .reusable = true}}, REDUCE(aux_sym__head_repeat1, 2, 0, 0),
  [33] = {.entry = {.count = 2, .reusable = true}}, REDUCE(aux_sym__head_repeat1, 2, 0, 0), SHIFT_REPEAT(6),
  [36] = {.entry = {.count = 1, .reusable = true}}, SHIFT(9),
  [38] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_block_line, 1, 0, 0),
  [40] = {.entry = {.count = 2, .reusable = true}}, REDUCE(aux_sym__head_repeat1, 2, 0, 0), SHIFT_REPEAT(8),
  [43] = {.entry = {.count = 1, .reusable = true}}, SHIFT(8),
  [45] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_block_line, 2, 0, 0),
  [47] = {.entry = {.count = 1, .reusable = true}}, SHIFT(19),
  [49] = {.entry = {.count = 1, .reusable = true}}, SHIFT(7),
  [51] = {.entry = {.count = 1, .reusable = true}}, SHIFT(11),
  [53] = {.entry = {.count = 1, .reusable = true}}, SHIFT(23),
  [55] = {.entry = {.count = 1, .reusable = true}}, SHIFT(13),
  [57] = {.entry = {.count = 1, .reusable = true}}, SHIFT(15),
  [59] = {.entry = {.count = 1, .reusable = true}}, REDUCE(aux_sym_block_repeat1, 2, 0, 0),
  [61] = {.entry = {.count = 2, .reusable = true}}, REDUCE(aux_sym_block_repeat1, 2, 0, 0), SHIFT_REPEAT(14),
  [64] = {.entry = {.count = 2, .reusable = true}}, REDUCE(aux_sym_block_repeat1, 2, 0, 0), SHIFT_REPEAT(13),
  [67] = {.entry = {.count = 1, .reusable = true}}, SHIFT(12),
  [69] = {.entry = {.count = 2, .reusable = true}}, REDUCE(aux_sym__head_repeat1, 2, 0, 0), SHIFT_REPEAT(15),
  [72] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_directive, 1, 0, 1),
  [74] = {.entry = {.count = 1, .reusable = true}}, SHIFT(20),
  [76] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_block, 4, 0, 1),
  [78] = {.entry = {.count = 1, .reusable = true}}, SHIFT(28),
  [80] = {.entry = {.count = 1, .reusable = true}}, SHIFT(10),
  [82] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_source_file, 2, 0, 0),
  [84] = {.entry = {.count = 1, .reusable = true}}, SHIFT(16),
  [86] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_block, 7, 0, 1),
  [88] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_block, 5, 0, 1),
  [90] = {.entry = {.count = 1, .reusable = true}}, SHIFT(17),
  [92] = {.entry = {.count = 1, .reusable = true}}, SHIFT(29),
  [94] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_block, 6, 0, 1),
  [96] = {.entry = {.count = 1, .reusable = true}}, SHIFT(31),
  [98] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_block, 3, 0, 1),
  [100] = {.entry = {.count = 1, .reusable = true}}, SHIFT(22),
  [102] = {.entry = {.count = 1, .reusable = true}},  ACCEPT_INPUT(),
  [104] = {.entry = {.count = 1, .reusable = true}}, SHIFT(26),
};

enum ts_external_scanner_symbol_identifiers {
  ts_external_token_identifier = 0,
  ts_external_token__block_open = 1,
  ts_external_token__eof = 2,
  ts_external_token__error_sentinel = 3,
};

static const TSSymbol ts_external_scanner_symbol_map[EXTERNAL_TOKEN_COUNT] = {
  [ts_external_token_identifier] = sym_identifier,
  [ts_external_token__block_open] = sym__block_open,
  [ts_external_token__eof] = sym__eof,
  [ts_external_token__error_sentinel] = sym__error_sentinel,
};

static const bool ts_external_scanner_states[7][EXTERNAL_TOKEN_COUNT] = {
  [1] = {
    [ts_external_token_identifier] = true,
    [ts_external_token__block_open] = true,
    [ts_external_token__eof] = true,
    [ts_external_token__error_sentinel] = true,
  },
  [2] = {
    [ts_external_token_identifier] = true,
  },
  [3] = {
    [ts_external_token_identifier] = true,
    [ts_external_token__block_open] = true,
  },
  [4] = {
    [ts_external_token_identifier] = true,
    [ts_external_token__eof] = true,
  },
  [5] = {
    [ts_external_token__block_open] = true,
  },
  [6] = {
    [ts_external_token__eof] = true,
  },
};

#ifdef __cplusplus
extern "C" {
#endif
void *tree_sitter_gomod_external_scanner_create(void);
void tree_sitter_gomod_external_scanner_destroy(void *);
bool tree_sitter_gomod_external_scanner_scan(void *, TSLexer *, const bool *);
unsigned tree_sitter_gomod_external_scanner_serialize(void *, char *);
void tree_sitter_gomod_external_scanner_deserialize(void *, const char *, unsigned);

#ifdef TREE_SITTER_HIDE_SYMBOLS
#define TS_PUBLIC
#elif defined(_WIN32)
#define TS_PUBLIC __declspec(dllexport)
#else
#define TS_PUBLIC __attribute__((visibility("default")))
#endif

TS_PUBLIC const TSLanguage *tree_sitter_gomod(void) {
  static const TSLanguage language = {
    .version = LANGUAGE_VERSION,
    .symbol_count = SYMBOL_COUNT,
    .alias_count = ALIAS_COUNT,
    .token_count = TOKEN_COUNT,
    .external_token_count = EXTERNAL_TOKEN_COUNT,
    .state_count = STATE_COUNT,
    .large_state_count = LARGE_STATE_COUNT,
    .production_id_count = PRODUCTION_ID_COUNT,
    .field_count = FIELD_COUNT,
    .max_alias_sequence_length = MAX_ALIAS_SEQUENCE_LENGTH,
    .parse_table = &ts_parse_table[0][0],
    .small_parse_table = ts_small_parse_table,
    .small_parse_table_map = ts_small_parse_table_map,
    .parse_actions = ts_parse_actions,
    .symbol_names = ts_symbol_names,
    .field_names = ts_field_names,
    .field_map_slices = ts_field_map_slices,
    .field_map_entries = ts_field_map_entries,
    .symbol_metadata = ts_symbol_metadata,
    .public_symbol_map = ts_symbol_map,
    .alias_map = ts_non_terminal_alias_map,
    .alias_sequences = &ts_alias_sequences[0][0],
    .lex_modes = ts_lex_modes,
    .lex_fn = ts_lex,
    .external_scanner = {
      &ts_external_scanner_states[0][0],
      ts_external_scanner_symbol_map,
      tree_sitter_gomod_external_scanner_create,
      tree_sitter_gomod_external_scanner_destroy,
      tree_sitter_gomod_external_scanner_scan,
      tree_sitter_gomod_external_scanner_serialize,
      tree_sitter_gomod_external_scanner_deserialize,
    },
    .primary_state_ids = ts_primary_state_ids,
  };
  return &language;
}
#ifdef __cplusplus
}
#endif

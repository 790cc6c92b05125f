; Highlights for go.mod and go.work with gowls' grammar (grammars/tree-sitter-gomod), using
; Neovim's capture names (:help treesitter-highlight-groups). The grammar is named `gomod` and
; parses both files; plugin/gowls.lua registers it for the `gomod` and `gowork` filetypes, so
; this file serves both.
;
; Neovim applies every capture and, where two overlap, the later pattern wins: general patterns
; come first, specific ones after (the opposite of tree-sitter-highlight, which the grammar's own
; queries/highlights.scm is written for).

; Verbs: module, go, toolchain, require, replace, exclude, retract, godebug, tool, ignore, use
; (and anything else in first position).
(directive
  verb: (identifier) @keyword)

(block
  verb: (identifier) @keyword)

; Module paths: the first word after module / require / exclude / replace / tool, alone or in a
; block.
(directive
  verb: (identifier) @_verb
  .
  (identifier) @module
  (#any-of? @_verb "module" "require" "exclude" "replace" "tool"))

(block
  verb: (identifier) @_verb
  (block_line
    .
    (identifier) @module)
  (#any-of? @_verb "require" "exclude" "replace" "tool"))

; Directories: go.work `use` entries, `ignore` entries, local replacement targets.
(directive
  verb: (identifier) @_verb
  .
  (identifier) @string.special.path
  (#any-of? @_verb "use" "ignore"))

(block
  verb: (identifier) @_verb
  (block_line
    .
    (identifier) @string.special.path)
  (#any-of? @_verb "use" "ignore"))

((identifier) @string.special.path
  (#match? @string.special.path "^(\\.\\.?(/|$)|/)"))

; GODEBUG settings: key=value.
(directive
  verb: (identifier) @_verb
  .
  (identifier) @property
  (#eq? @_verb "godebug"))

(block
  verb: (identifier) @_verb
  (block_line
    .
    (identifier) @property)
  (#eq? @_verb "godebug"))

; The arrow of replace directives.
((identifier) @operator
  (#eq? @operator "=>"))

; Module versions: v1.2.3, v0.0.0-20240101000000-abcdef123456, v2.0.0+incompatible.
((identifier) @number
  (#match? @number "^v[0-9]+(\\.[0-9]+(\\.[0-9]+)?)?([-+][0-9A-Za-z.+-]*)?$"))

; Go versions (go 1.23.0, go 1.21rc1) and toolchain names (toolchain go1.23.4).
((identifier) @number
  (#match? @number "^(go)?[0-9]+(\\.[0-9]+)*((rc|beta)[0-9]+)?([-+][0-9A-Za-z.+-]*)?$"))

[
  (interpreted_string)
  (raw_string)
] @string

(comment) @comment @spell

[
  "("
  ")"
  "["
  "]"
  "{"
  "}"
] @punctuation.bracket

"," @punctuation.delimiter

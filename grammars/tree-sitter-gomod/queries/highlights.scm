; Highlights for go.mod and go.work files.
; Every pattern captures a single node: tree-sitter-highlight drops a whole
; match when one of its nodes is already highlighted by an earlier match.

; Verbs: module, go, toolchain, require, replace, exclude, retract, godebug,
; tool, ignore, use (and anything else in first position).
(directive
  verb: (identifier) @keyword)

(block
  verb: (identifier) @keyword)

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

(comment) @comment

[
  "("
  ")"
  "["
  "]"
  "{"
  "}"
] @punctuation.bracket

"," @punctuation.delimiter

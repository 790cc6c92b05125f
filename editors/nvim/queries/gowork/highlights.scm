; inherits: gomod
; gowls' grammar parses go.work too. plugin/gowls.lua registers the `gomod` language for the
; `gowork` filetype, so queries/gomod/ serves go.work buffers and this file is not read then.
; It is for set-ups that load the same parser under the language name `gowork`:
;   vim.treesitter.language.add('gowork', { path = '.../parser/gomod.so', symbol_name = 'gomod' })

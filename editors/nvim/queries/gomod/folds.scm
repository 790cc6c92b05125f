; A block folds from its verb to its closing parenthesis (foldexpr: v:lua.vim.treesitter.foldexpr()).
(block) @fold

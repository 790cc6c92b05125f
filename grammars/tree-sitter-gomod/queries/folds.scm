; A block folds from its verb to its closing parenthesis.
(block) @fold

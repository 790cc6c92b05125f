; inherits: gomod

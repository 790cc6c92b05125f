"""LSP front end: a thin pygls adapter over the analysis layer."""

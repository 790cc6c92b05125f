"""The go.work and go.mod rules, one module per concern; each module lists its rules."""

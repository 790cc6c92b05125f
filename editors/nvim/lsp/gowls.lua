---@brief
--- gowls: the Go workspace language server (go.work, go.mod; GoReleaser configs and Helm
--- values as they are added). Install the `gowls` command from a clone of the repository
--- with `pipx install ./` (gowls is not on PyPI yet; see README.md, Install).
---
--- With `editors/nvim` on 'runtimepath' (see editors/nvim/README.md):
---
--- ```lua
--- vim.lsp.enable('gowls')
--- -- optional overrides, merged into this table:
--- vim.lsp.config('gowls', { cmd = { '/path/to/venv/bin/gowls' } })
--- ```
---
--- Filetypes: `gomod` and `gowork` are Neovim's own; `yaml.goreleaser`, `helm` (chart
--- templates), `yaml.helm-values` (values*.yaml, ci/*.yaml) and `json.helm-schema`
--- (values.schema.json) come from plugin/gowls.lua (the compound names keep YAML/JSON syntax,
--- indent, ftplugins and tree-sitter highlighting for those files).
---
--- The root is the nearest directory upward holding go.work; else go.mod, Chart.yaml, .git
--- (in that order of preference), so one server serves a whole Go workspace.

---@type vim.lsp.Config
return {
  cmd = { 'gowls' },
  filetypes = { 'gomod', 'gowork', 'yaml.goreleaser', 'helm', 'yaml.helm-values', 'json.helm-schema' },
  root_markers = { 'go.work', 'go.mod', 'Chart.yaml', '.git' },
}

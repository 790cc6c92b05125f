-- gowls for Neovim: filetypes for GoReleaser configs and Helm charts, and tree-sitter
-- highlighting of go.mod / go.work with gowls' own grammar (when its parser is built).
-- The language server configuration itself is lsp/gowls.lua: `vim.lsp.enable('gowls')`.
--
-- Options (set before this file runs, e.g. in init.lua):
--   vim.g.gowls_filetypes = false   -- do not add the yaml.goreleaser / helm filetypes
--   vim.g.gowls_treesitter = false  -- do not start tree-sitter highlighting for gomod/gowork

if vim.g.loaded_gowls then
  return
end
vim.g.loaded_gowls = true

local uv = vim.uv or vim.loop

local function is_file(path)
  local stat = uv.fs_stat(path)
  return stat ~= nil and stat.type == 'file'
end

--- `path` is a file directly inside a Helm chart (its directory holds Chart.yaml).
local function in_chart_root(path)
  return is_file(vim.fs.joinpath(vim.fs.dirname(path), 'Chart.yaml'))
end

--- `path` is below the `templates/` directory of a Helm chart.
local function in_chart_templates(path)
  for dir in vim.fs.parents(path) do
    if vim.fs.basename(dir) == 'templates' and is_file(vim.fs.joinpath(vim.fs.dirname(dir), 'Chart.yaml')) then
      return true
    end
  end
  return false
end

if vim.g.gowls_filetypes ~= false then
  vim.filetype.add({
    -- A `filename` entry matches in any directory, so .config/goreleaser.y*ml is covered.
    filename = {
      ['.goreleaser.yml'] = 'yaml.goreleaser',
      ['.goreleaser.yaml'] = 'yaml.goreleaser',
      ['goreleaser.yml'] = 'yaml.goreleaser',
      ['goreleaser.yaml'] = 'yaml.goreleaser',
    },
    pattern = {
      -- values.yaml, values-prod.yaml, values.dev.yml ... next to a Chart.yaml. Returning nil
      -- lets detection go on, so any other values.yaml stays `yaml`.
      ['.*/values[^/]*%.ya?ml'] = function(path)
        if in_chart_root(path) then
          return 'yaml.helm-values'
        end
      end,
      -- ci/*.yaml of a chart: the values files chart-testing passes with -f.
      ['.*/ci/[^/]*%.ya?ml'] = function(path)
        if is_file(vim.fs.joinpath(vim.fs.dirname(vim.fs.dirname(path)), 'Chart.yaml')) then
          return 'yaml.helm-values'
        end
      end,
      -- The chart's values.schema.json (a compound name keeps JSON syntax and ftplugins).
      ['.*/values%.schema%.json'] = function(path)
        if in_chart_root(path) then
          return 'json.helm-schema'
        end
      end,
      -- Go templates that render Kubernetes manifests (not valid YAML, hence not yaml.*).
      ['.*/templates/.*%.ya?ml'] = function(path)
        if in_chart_templates(path) then
          return 'helm'
        end
      end,
      ['.*/templates/.*%.tpl'] = function(path)
        if in_chart_templates(path) then
          return 'helm'
        end
      end,
      ['.*/templates/NOTES%.txt'] = function(path)
        if in_chart_templates(path) then
          return 'helm'
        end
      end,
    },
  })
end

-- Tree-sitter: gowls' grammar is named `gomod` and parses go.mod and go.work alike, so the one
-- language serves both filetypes and queries/gomod/*.scm serve both. It is only wired up when
-- the `gomod` parser Neovim finds is gowls' own (nvim-treesitter ships a different grammar under
-- the same name, which has neither `block_line` nodes nor go.work syntax).

local checked ---@type boolean?

--- Whether the `gomod` parser on 'runtimepath' is gowls' grammar (loaded once, on demand).
local function ours()
  if checked == nil then
    local ok, info = pcall(vim.treesitter.language.inspect, 'gomod')
    checked = false
    if ok and type(info) == 'table' and type(info.symbols) == 'table' then
      for key, value in pairs(info.symbols) do
        -- 0.11+: { [name] = named }; older: { { name, named }, ... }
        local name = type(key) == 'string' and key or (type(value) == 'table' and value[1])
        if name == 'block_line' then
          checked = true
          break
        end
      end
    end
    if checked then
      vim.treesitter.language.register('gomod', { 'gomod', 'gowork' })
    end
  end
  return checked
end

local group = vim.api.nvim_create_augroup('gowls', { clear = true })
vim.api.nvim_create_autocmd('FileType', {
  group = group,
  pattern = { 'gomod', 'gowork' },
  desc = "gowls: highlight go.mod/go.work with gowls' tree-sitter grammar",
  callback = function(args)
    if vim.g.gowls_treesitter == false or not ours() then
      return
    end
    pcall(vim.treesitter.start, args.buf, 'gomod')
  end,
})

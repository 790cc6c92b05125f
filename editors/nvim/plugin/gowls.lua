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

--- The strings of key `files` in TOML table `name` of `text` (one string or an array of them):
--- enough TOML for the `[goreleaser]` table gowls reads.
local function toml_files(text, name)
  local chunk, inside = {}, false
  for line in vim.gsplit(text, '\n', { plain = true }) do
    local header = line:match('^%s*%[%[?%s*([%w_%.%-]+)%s*%]%]?%s*$')
      or line:match('^%s*%[%[?%s*([%w_%.%-]+)%s*%]%]?%s*#')
    if header then
      inside = header == name
    elseif inside then
      chunk[#chunk + 1] = line
    end
  end
  local body = '\n' .. table.concat(chunk, '\n')
  local i = body:match('\n%s*files%s*=%s*()')
  local out, depth = {}, 0
  while i and i <= #body do
    local c = body:sub(i, i)
    if c == '"' or c == "'" then
      local buf, j = {}, i + 1
      while j <= #body and body:sub(j, j) ~= c do
        if c == '"' and body:sub(j, j) == '\\' then
          j = j + 1
        end
        buf[#buf + 1] = body:sub(j, j)
        j = j + 1
      end
      out[#out + 1] = table.concat(buf)
      i = depth == 0 and nil or j + 1
    elseif c == '[' then
      depth, i = depth + 1, i + 1
    elseif c == ']' or (depth == 0 and not c:match('%s')) then
      i = nil
    elseif c == '#' then
      i = (body:find('\n', i, true) or #body) + 1
    else
      i = i + 1
    end
  end
  return out
end

--- A glob of `files` as gowls reads it (`gowls.analysis.config._glob_regex`): `**` any number of
--- directories, `*`/`?` within one name; a pattern without `/` matches a name at any depth; a
--- matched directory matches what is in it.
local function glob_regex(pattern)
  pattern = vim.trim(pattern)
  local anchored = (pattern:gsub('/+$', '')):find('/', 1, true) ~= nil
  pattern = (pattern:gsub('^/+', ''):gsub('/+$', ''))
  if pattern:sub(1, 2) == './' then
    pattern = pattern:sub(3)
  end
  local out, i = {}, 1
  while i <= #pattern do
    local c = pattern:sub(i, i)
    local close = c == '[' and pattern:find(']', i + 1, true) or nil
    if pattern:sub(i, i + 2) == '**/' then
      out[#out + 1], i = '(.*/)?', i + 3
    elseif pattern:sub(i, i + 1) == '**' then
      out[#out + 1], i = '.*', i + 2
    elseif close then
      local body = pattern:sub(i + 1, close - 1)
      out[#out + 1], i = '[' .. (body:sub(1, 1) == '!' and '^' .. body:sub(2) or body) .. ']', close + 1
    else
      local piece = c == '*' and '[^/]*' or c == '?' and '[^/]' or c:match('[%w_]') and c or '\\' .. c
      out[#out + 1], i = piece, i + 1
    end
  end
  return vim.regex('\\v^' .. (anchored and '' or '(.*/)?') .. table.concat(out) .. '(/.*)?$')
end

local configs = {} ---@type table<string, { mtime: integer, globs: string[] }>

--- The `[goreleaser] files` globs of the configuration that governs `path` (the nearest
--- .gowls.toml, or pyproject.toml with a `[tool.gowls]` table, at or above it) and its
--- directory, as gowls finds them.
local function goreleaser_globs(path)
  for dir in vim.fs.parents(path) do
    for _, entry in ipairs({ { '.gowls.toml', 'goreleaser' }, { 'pyproject.toml', 'tool.gowls.goreleaser' } }) do
      local file = vim.fs.joinpath(dir, entry[1])
      local stat = uv.fs_stat(file)
      if stat and stat.type == 'file' then
        local cached = configs[file]
        if not cached or cached.mtime ~= stat.mtime.sec then
          local fd = io.open(file, 'r')
          local text = fd and fd:read('*a') or ''
          if fd then
            fd:close()
          end
          local governs = entry[1] == '.gowls.toml' or text:find('\n%s*%[tool%.gowls[%]%.]') ~= nil
            or text:find('^%s*%[tool%.gowls[%]%.]') ~= nil
          cached = { mtime = stat.mtime.sec, globs = governs and toml_files(text, entry[2]) or false }
          configs[file] = cached
        end
        if cached.globs then
          return cached.globs, dir
        end
      end
    end
  end
  return {}, nil
end

--- `path` is a GoReleaser config named by `[goreleaser] files` in .gowls.toml / pyproject.toml.
local function configured_goreleaser(path)
  local globs, dir = goreleaser_globs(path)
  if dir == nil or #globs == 0 then
    return false
  end
  local rel = path:sub(#dir + 2)
  for _, glob in ipairs(globs) do
    if glob_regex(glob):match_str(rel) then
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
      -- More GoReleaser configs, named by `[goreleaser] files` in .gowls.toml (or
      -- `[tool.gowls.goreleaser]` in pyproject.toml); nil lets detection go on.
      ['.*%.ya?ml'] = function(path)
        if configured_goreleaser(path) then
          return 'yaml.goreleaser'
        end
      end,
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

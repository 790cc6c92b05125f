-- gowls' tree-sitter grammar, built by editors/nvim/build-parser.sh, highlights go.work and
-- go.mod buffers with queries/gomod/highlights.scm.
local H = dofile(vim.fs.joinpath(vim.fs.dirname(debug.getinfo(1, 'S').source:sub(2)), 'harness.lua'))

--- Capture names at every byte of `text` on its first occurrence in `buf` (0-based).
local function captures_of(buf, text)
  for row, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local col = line:find(text, 1, true)
    if col then
      local names = {}
      for _, cap in ipairs(vim.treesitter.get_captures_at_pos(buf, row - 1, col - 1)) do
        if cap.capture:sub(1, 1) ~= '_' then
          names[#names + 1] = cap.capture
        end
      end
      return names
    end
  end
  error('not in buffer: ' .. text)
end

H.run(function(result)
  local work = H.open('go.work')
  result.gowork = {
    filetype = vim.bo[work].filetype,
    lang = vim.treesitter.language.get_lang('gowork'),
    active = vim.treesitter.highlighter.active[work] ~= nil,
  }
  vim.treesitter.get_parser(work):parse(true)
  result.gowork.captures = {}
  for _, text in ipairs({ 'use', '"./quoted dir"', './a', '1.23.0', '// comment', '(' }) do
    result.gowork.captures[text] = captures_of(work, text)
  end

  local mod = H.open('a/go.mod')
  result.gomod = {
    filetype = vim.bo[mod].filetype,
    active = vim.treesitter.highlighter.active[mod] ~= nil,
  }
  vim.treesitter.get_parser(mod):parse(true)
  result.gomod.captures = {}
  for _, text in ipairs({ 'module', 'example.com/a', 'require', 'v1.2.3', '=>', '../b' }) do
    result.gomod.captures[text] = captures_of(mod, text)
  end

  -- queries/gowork/highlights.scm (`; inherits: gomod`) for the parser loaded as `gowork`.
  local so = vim.api.nvim_get_runtime_file('parser/gomod.so', false)[1]
  vim.treesitter.language.add('gowork', { path = so, symbol_name = 'gomod' })
  local query = vim.treesitter.query.get('gowork', 'highlights')
  local source = 'use ./a // c\n'
  local tree = vim.treesitter.get_string_parser(source, 'gowork'):parse()[1]
  local names = {}
  for id in query:iter_captures(tree:root(), source) do
    names[#names + 1] = query.captures[id]
  end
  result.gowork_lang_captures = names

  local folds = vim.treesitter.query.get('gomod', 'folds')
  result.folds = folds ~= nil
end)

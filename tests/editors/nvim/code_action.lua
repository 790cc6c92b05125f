-- The quick fix of a diagnostic: request it, apply its edit, and the diagnostic is gone.
-- Parameters (optional): `file` (default go.work), `code` (default GW101), `title` (the
-- action to apply; default the first offered).
local H = dofile(vim.fs.joinpath(vim.fs.dirname(debug.getinfo(1, 'S').source:sub(2)), 'harness.lua'))

local FILE = H.params.file or 'go.work'
local CODE = H.params.code or 'GW101'

local function find(buf)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == CODE then
      return d
    end
  end
end

H.run(function(result)
  local buf = H.open(FILE)
  result.filetype = vim.bo[buf].filetype
  local client = H.client(buf)
  local diag
  H.wait_for('a ' .. CODE .. ' diagnostic', function()
    diag = find(buf)
    return diag ~= nil
  end)
  result.diagnostic = { lnum = diag.lnum, col = diag.col, end_col = diag.end_col, message = diag.message }
  result.before = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local lsp_diag = diag.user_data and diag.user_data.lsp
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(buf),
    range = lsp_diag and lsp_diag.range or {
      start = { line = diag.lnum, character = diag.col },
      ['end'] = { line = diag.end_lnum, character = diag.end_col },
    },
    context = { diagnostics = { lsp_diag }, only = { 'quickfix' } },
  }
  local responses, err = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, H.TIMEOUT)
  assert(responses, 'no codeAction response: ' .. tostring(err))
  local actions = {}
  for _, response in pairs(responses) do
    for _, action in ipairs(response.result or {}) do
      table.insert(actions, action)
    end
  end
  result.titles = vim.tbl_map(function(a)
    return a.title
  end, actions)
  local action = actions[1]
  for _, a in ipairs(actions) do
    if H.params.title and a.title == H.params.title then
      action = a
    end
  end
  assert(action and action.edit, 'no quick fix with an edit')
  result.applied = action.title
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
  result.after = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  H.wait_for('the ' .. CODE .. ' diagnostic to clear', function()
    return find(buf) == nil
  end)
  result.diagnostics = H.diagnostics(buf)
end)

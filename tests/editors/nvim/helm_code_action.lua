-- A Helm template reads a value nothing defines: gowls warns (HL106) on the reference, its quick
-- fix adds the key to values.yaml, and once values.yaml holds it the warning is gone.
local H = dofile(vim.fs.joinpath(vim.fs.dirname(debug.getinfo(1, 'S').source:sub(2)), 'harness.lua'))

local function hl106(buf)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == 'HL106' then
      return d
    end
  end
end

H.run(function(result)
  local buf = H.open(H.params.file)
  result.filetype = vim.bo[buf].filetype
  local client = H.client(buf)
  local diag
  H.wait_for('an HL106 diagnostic', function()
    diag = hl106(buf)
    return diag ~= nil
  end)
  result.diagnostics = H.diagnostics(buf)
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
  assert(action and action.edit, 'no quick fix with an edit')
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
  -- The edit lands in values.yaml's buffer; save it and show it, as a user would.
  local values = vim.fn.bufnr(vim.fs.joinpath(H.params.root, H.params.values))
  assert(values > 0, 'the quick fix did not touch values.yaml')
  result.values_after = vim.api.nvim_buf_get_lines(values, 0, -1, false)
  vim.api.nvim_buf_call(values, function()
    vim.cmd('silent write')
  end)
  H.open(H.params.values)
  H.wait_for('the HL106 diagnostic to clear', function()
    return hl106(buf) == nil
  end)
  result.diagnostics_after = H.diagnostics(buf)
end)

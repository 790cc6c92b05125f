-- Completion on an empty line of the go.work `use` block offers the unused module directory.
local H = dofile(vim.fs.joinpath(vim.fs.dirname(debug.getinfo(1, 'S').source:sub(2)), 'harness.lua'))

H.run(function(result)
  local buf = H.open('go.work')
  local client = H.client(buf)
  local line = H.params.line -- 0-based line of the empty entry, which holds one tab
  vim.api.nvim_win_set_cursor(0, { line + 1, 1 })
  local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
  result.position = params.position
  result.capability = client.server_capabilities.completionProvider ~= nil
  local responses, err = vim.lsp.buf_request_sync(buf, 'textDocument/completion', params, H.TIMEOUT)
  assert(responses, 'no completion response: ' .. tostring(err))
  local labels = {}
  for _, response in pairs(responses) do
    if response.error then
      result.response_error = response.error
    end
    local items = response.result or {}
    items = items.items or items
    for _, item in ipairs(items) do
      table.insert(labels, item.label)
    end
  end
  result.labels = labels
end)

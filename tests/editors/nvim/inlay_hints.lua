-- Inlay hints in go.mod: Neovim's own inlay-hint client shows the version the build selects.
local H = dofile(vim.fs.joinpath(vim.fs.dirname(debug.getinfo(1, 'S').source:sub(2)), 'harness.lua'))

H.run(function(result)
  local buf = H.open(H.params.file)
  local client = H.client(buf)
  result.capability = client.server_capabilities.inlayHintProvider ~= nil
  vim.lsp.inlay_hint.enable(true, { bufnr = buf })
  local hints = {}
  local ok = vim.wait(H.TIMEOUT, function()
    hints = vim.lsp.inlay_hint.get({ bufnr = buf })
    return #hints > 0
  end, 50)
  result.waited = ok
  result.hints = {}
  for _, item in ipairs(hints) do
    local label = item.inlay_hint.label
    if type(label) == 'table' then
      local parts = {}
      for _, part in ipairs(label) do
        table.insert(parts, part.value)
      end
      label = table.concat(parts)
    end
    table.insert(result.hints, {
      line = item.inlay_hint.position.line,
      character = item.inlay_hint.position.character,
      label = label,
    })
  end
end)

-- plugin/gowls.lua's filetypes: GoReleaser configs and Helm charts get compound filetypes
-- (and the server attaches to them); other YAML files stay `yaml`.
local H = dofile(vim.fs.joinpath(vim.fs.dirname(debug.getinfo(1, 'S').source:sub(2)), 'harness.lua'))

H.run(function(result)
  -- Pure detection, for every path the test lists (the files exist on disk).
  result.detected = {}
  for _, path in ipairs(H.params.paths) do
    result.detected[path] = vim.filetype.match({ filename = vim.fs.joinpath(H.params.root, path) })
      or vim.NIL
  end

  -- A real buffer: the filetype is set and gowls attaches.
  local rel = H.open('.goreleaser.yaml')
  result.goreleaser_filetype = vim.bo[rel].filetype
  local client = H.client(rel)
  result.goreleaser_clients = vim.tbl_map(function(c)
    return c.name
  end, vim.lsp.get_clients({ bufnr = rel }))
  -- The server is alive and answers for the buffer (a request, so didOpen was handled first).
  local responses = vim.lsp.buf_request_sync(rel, 'textDocument/codeAction', {
    textDocument = vim.lsp.util.make_text_document_params(rel),
    range = { start = { line = 0, character = 0 }, ['end'] = { line = 0, character = 0 } },
    context = { diagnostics = {} },
  }, H.TIMEOUT)
  result.goreleaser_answered = responses ~= nil and responses[client.id] ~= nil
    and responses[client.id].error == nil

  -- A plain YAML file keeps `yaml`, and gowls does not attach to it.
  local plain = H.open('config.yaml')
  result.plain_filetype = vim.bo[plain].filetype
  result.plain_clients = vim.tbl_map(function(c)
    return c.name
  end, vim.lsp.get_clients({ bufnr = plain }))

  -- Helm values in a chart: compound filetype, gowls attaches.
  local values = H.open('chart/values.yaml')
  result.values_filetype = vim.bo[values].filetype
  H.client(values)
  result.values_attached = true
end)

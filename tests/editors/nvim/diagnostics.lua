-- go.work with a `use` of a missing directory: the GW101 error is on that line.
local H = dofile(vim.fs.joinpath(vim.fs.dirname(debug.getinfo(1, 'S').source:sub(2)), 'harness.lua'))

H.run(function(result)
  local buf = H.open('go.work')
  result.filetype = vim.bo[buf].filetype
  local client = H.client(buf)
  result.root_dir = client.root_dir
  H.wait_for('a GW101 diagnostic', function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.code == 'GW101' then
        return true
      end
    end
  end)
  result.diagnostics = H.diagnostics(buf)
end)

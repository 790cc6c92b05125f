-- Shared set-up for the headless Neovim scenarios of tests/editors/test_nvim_e2e.py.
--
-- The test passes a JSON file of parameters in $GOWLS_NVIM_PARAMS:
--   plugin   editors/nvim (put on 'runtimepath', plugin/gowls.lua sourced)
--   parser   optional directory holding parser/gomod.so (prepended to 'runtimepath')
--   python   the interpreter that runs the server of the current checkout (`python -m gowls`)
--   result   where to write the scenario's JSON result
--   root     the scenario's workspace directory
--   lsp      false: do not enable the gowls language server
-- A scenario calls `H.run(function(result) ... end)`: it fills `result`, and the harness writes
-- it (with `error` set if the scenario raised) and quits. Waiting is always on a condition
-- (vim.wait), never a fixed delay.

local H = {}

local f = assert(io.open(assert(os.getenv('GOWLS_NVIM_PARAMS')), 'r'))
H.params = vim.json.decode(f:read('*a'))
f:close()

H.TIMEOUT = 10000

vim.cmd('filetype on')
if H.params.parser then
  vim.opt.rtp:prepend(H.params.parser)
end
vim.opt.rtp:prepend(H.params.plugin)
vim.cmd.runtime('plugin/gowls.lua')

if H.params.lsp ~= false then
  vim.lsp.config('gowls', { cmd = { H.params.python, '-m', 'gowls' } })
  vim.lsp.enable('gowls')
end

--- Wait until `cond()` is truthy; raise `what` if it does not happen in time.
function H.wait_for(what, cond, timeout)
  if not vim.wait(timeout or H.TIMEOUT, cond, 20) then
    error('timed out waiting for ' .. what, 2)
  end
end

--- Open `path` (relative to the workspace root) and return its buffer.
function H.open(path)
  vim.cmd.edit(vim.fn.fnameescape(vim.fs.joinpath(H.params.root, path)))
  return vim.api.nvim_get_current_buf()
end

--- The gowls client attached to `bufnr` (waits for it).
function H.client(bufnr)
  local client
  H.wait_for('gowls to attach', function()
    client = vim.lsp.get_clients({ bufnr = bufnr, name = 'gowls' })[1]
    return client ~= nil and client.initialized
  end)
  return client
end

--- Diagnostics of `bufnr` as plain tables (0-based lines and columns, as vim.diagnostic has).
function H.diagnostics(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(out, {
      lnum = d.lnum,
      col = d.col,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      severity = d.severity,
      code = d.code,
      message = d.message,
      source = d.source,
    })
  end
  return out
end

local function write(result)
  local out = assert(io.open(H.params.result, 'w'))
  out:write(vim.json.encode(result))
  out:close()
end

function H.run(scenario)
  local result = {}
  local ok, err = xpcall(scenario, debug.traceback, result)
  if not ok then
    result.error = tostring(err)
  end
  local clients = {}
  for _, c in ipairs(vim.lsp.get_clients()) do
    table.insert(clients, c.name)
  end
  result.clients = result.clients or clients
  write(result)
  for _, c in ipairs(vim.lsp.get_clients()) do
    c:stop()
  end
  vim.wait(2000, function()
    return #vim.lsp.get_clients() == 0
  end, 20)
  vim.cmd('qa!')
end

return H

-- Headless Neovim (0.7.2 or later) as a second real LSP client for stratdoc.
-- Started by test/nvim/nvim.test.ts as
--   nvim --headless -i NONE --noplugin -u test/nvim/init.lua FILE
-- with STRATDOC_NODE, STRATDOC_SERVER, STRATDOC_ROOT and STRATDOC_OUT in the environment.
-- It attaches the real server to the buffer, waits for the pushed diagnostics, edits a
-- line, asks for completion there, and writes what it saw as JSON to STRATDOC_OUT.

local out_path = os.getenv('STRATDOC_OUT')
local result = { steps = {} }

local function step(name)
  table.insert(result.steps, name)
end

local function write_result()
  local f = assert(io.open(out_path, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
end

local function run()
  local buf = vim.api.nvim_get_current_buf()
  local raw = {}
  step('start')
  local id = vim.lsp.start_client({
    name = 'stratdoc',
    cmd = { os.getenv('STRATDOC_NODE') or 'node', os.getenv('STRATDOC_SERVER'), '--stdio' },
    root_dir = os.getenv('STRATDOC_ROOT'),
    init_options = { today = '2027-02-15', debounceMs = 5 },
    flags = { debounce_text_changes = 10 },
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
        raw[params.uri] = params.diagnostics
        return vim.lsp.handlers['textDocument/publishDiagnostics'](err, params, ctx, config)
      end,
    },
  })
  assert(id, 'the client did not start')
  result.client_id = id
  assert(vim.lsp.buf_attach_client(buf, id), 'could not attach the client')
  step('attached')

  local uri = vim.uri_from_bufnr(buf)
  result.uri = uri
  local function codes()
    local list = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      table.insert(list, { code = d.code, lnum = d.lnum, col = d.col, end_col = d.end_col, message = d.message, source = d.source, severity = d.severity })
    end
    return list
  end
  local function has(code)
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.code == code then return true end
    end
    return false
  end

  -- 1. Diagnostics pushed by the server for the opened plan.
  result.got_diagnostics = vim.wait(15000, function() return has('unknown-reference') end, 20)
  result.diagnostics = codes()
  result.raw_count = raw[uri] and #raw[uri] or 0
  step('diagnostics')

  -- 2. Completion after `goal: ` on an edited line (the change goes to the server first).
  local line = 18 -- `    goal: G9`, 0-based
  vim.api.nvim_buf_set_lines(buf, line, line + 1, false, { '    goal: ' })
  local resp, err = vim.lsp.buf_request_sync(buf, 'textDocument/completion', {
    textDocument = { uri = uri },
    position = { line = line, character = 10 },
  }, 10000)
  result.completion_error = err
  local items = {}
  for _, r in pairs(resp or {}) do
    if r.error then result.completion_error = r.error.message end
    local list = r.result or {}
    if list.items then list = list.items end
    for _, it in ipairs(list) do
      table.insert(items, { label = it.label, detail = it.detail, newText = it.textEdit and it.textEdit.newText })
    end
  end
  result.completion = items
  step('completion')

  -- 3. The edit removed the unknown G9: the diagnostic goes away.
  vim.api.nvim_buf_set_lines(buf, line, line + 1, false, { '    goal: G1' })
  result.cleared = vim.wait(10000, function() return not has('unknown-reference') end, 20)
  step('cleared')

  -- Stop the server cleanly (shutdown, exit) before Neovim quits.
  vim.lsp.stop_client(id)
  result.stopped = vim.wait(5000, function() return vim.lsp.get_client_by_id(id) == nil end, 20)
  step('stopped')
end

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    local ok, e = pcall(run)
    result.ok = ok
    if not ok then result.error = tostring(e) end
    pcall(write_result)
    vim.cmd(ok and 'qall!' or 'cquit! 1')
  end,
})

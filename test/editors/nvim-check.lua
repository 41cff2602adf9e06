-- Neovim (0.7+, Debian's) as an independent LSP client of `fintech-glossary lsp --stdio`:
-- attach to the buffer, then ask for hovers and a completion and check what comes back.
-- Prints "PASS name" / "FAIL name: why" lines; exits with the number of failures.
local bin = assert(os.getenv('FG_BIN'), 'FG_BIN: path of bin/fintech-glossary.js')
local bufnr = vim.api.nvim_get_current_buf()
local failures, inited = 0, false

local function report(ok, name, why)
  io.stdout:write((ok and 'PASS ' or 'FAIL ') .. name .. ((ok or not why) and '' or (': ' .. why)) .. '\n')
  if not ok then failures = failures + 1 end
end

local client_id = vim.lsp.start_client({
  name = 'fintech-glossary',
  cmd = { 'node', bin, 'lsp', '--stdio' },
  -- the workspace is examples/ (a project of its own, with a termbase): the repository's own
  -- project file turns the termbase search off at its root
  root_dir = vim.fn.getcwd() .. '/examples',
  on_init = function() inited = true end,
})
if not client_id or not vim.wait(15000, function() return inited end, 50) then
  report(false, 'server starts and initializes')
  vim.cmd('cq 1')
  return
end
vim.lsp.buf_attach_client(bufnr, client_id)

-- Returns the result (nil for a null result) and whether the server answered at all: a time-out or an
-- error answer is not "no card".
local function request(method, line, character)
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = line, character = character } }
  local resp = vim.lsp.buf_request_sync(bufnr, method, params, 10000)
  local r = resp and resp[client_id]
  if not r or r.err or r.error then return nil, false end
  if r.result == vim.NIL then return nil, true end
  return r.result, true
end

local function hover_has(name, line, character, needles)
  local result = request('textDocument/hover', line, character)
  local value = result and result.contents and (result.contents.value or vim.inspect(result.contents)) or ''
  for _, needle in ipairs(needles) do
    if not value:find(needle, 1, true) then return report(false, name, 'no "' .. needle .. '" in ' .. vim.inspect(value):sub(1, 200)) end
  end
  report(true, name)
end

-- the sample buffer (test/editors/sample.txt), positions in UTF-16 code units as LSP specifies
hover_has('hover on simplified 区块链', 0, 1, { '區塊鏈', 'blockchain' })
hover_has('hover on 區塊鏈 after a surrogate pair (UTF-16 column 3)', 1, 3, { '区块链', 'blockchain' })
hover_has('hover on the acronym KYC', 2, 5, { 'KYC', 'know your customer' })
hover_has('hover on reviewed Taiwan 數位貨幣', 3, 3, { '数字货币', 'digital currency' })
-- 区塊鏈 (mixed script) is no key of the glossary: only folding each character to simplified finds it
hover_has('hover on mixed-script 区塊鏈, not listed as a variant', 6, 4, { '區塊鏈', 'blockchain' })
-- English definition of the entry, as written in glossary/entries/blockchain.yaml
hover_has('the card has the English definition', 0, 1, { 'in which transactions are grouped into cryptographically chained blocks' })

-- a term from the workspace's own termbase (examples/client-termbase.tbx, found by the default
-- fintechGlossary.glossaries under the root directory, examples/), labelled with its file
hover_has('hover on a term of the workspace termbase (examples/client-termbase.tbx)', 7, 1,
  { '**监理沙箱** · 監理沙箱 · regulatory sandbox', '*From your termbase*', 'client\\-termbase\\.tbx' })

-- "no card" only means something from a server that has just answered with a card
local term = request('textDocument/hover', 0, 1)
local none, answered = request('textDocument/hover', 4, 1)
report(term ~= nil and answered and none == nil, 'no card on text that is not a term (the server answers null)',
  'card on a term: ' .. tostring(term ~= nil) .. ', answered: ' .. tostring(answered) .. ', result: ' .. vim.inspect(none):sub(1, 200))

local list = request('textDocument/completion', 5, 2) or {}
local items, labels = list.items or list, {}
for _, item in ipairs(items) do labels[item.label] = true end
report(labels['区块链'] and labels['blockchain'], 'completion after 区块 offers 区块链 and blockchain', vim.inspect(vim.tbl_keys(labels)):sub(1, 200))

-- go to definition: a bundled term opens at the source passage its card cites (glossary/sources/
-- 001-fintech-reports.txt, line 4238), a term of the workspace termbase at its entry's line (7)
local function definition_at(name, line, character, file, target_line)
  local result = request('textDocument/definition', line, character)
  local first = result and result[1] or {}
  local uri = first.targetUri or first.uri or ''
  local range = first.targetRange or first.range or { start = {} }
  report(uri:sub(-#file) == file and range.start.line == target_line, name, vim.inspect(result):sub(1, 300))
end
definition_at('definition of 区块链: its cited source passage', 0, 1, '/glossary/sources/001-fintech-reports.txt', 4237)
definition_at('definition of 监理沙箱: its line in the workspace termbase', 7, 1, '/examples/client-termbase.tbx', 6)

-- workspace symbols search the glossary: a traditional prefix finds 區塊鏈, named as written
local resp = vim.lsp.buf_request_sync(bufnr, 'workspace/symbol', { query = '區塊' }, 10000)
local symbols = resp and resp[client_id] and resp[client_id].result or {}
local top = symbols[1] or {}
report(top.name == '區塊鏈' and tostring(top.location and top.location.uri):find('001-fintech-reports.txt', 1, true) ~= nil,
  'workspace/symbol 區塊 finds 區塊鏈 at its source passage', vim.inspect(top):sub(1, 300))

-- term QA: the mixed-script 区塊鏈 on line 7 arrives as a pushed diagnostic (this Neovim does not pull)
local function qa_diagnostic()
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.lnum == 6 and (d.code == 'mixed-script' or tostring(d.message):find('mixes simplified and traditional', 1, true)) then return d end
  end
end
vim.wait(10000, function() return qa_diagnostic() ~= nil end, 100)
local d = qa_diagnostic()
-- Neovim keeps byte columns: the server's UTF-16 columns 3–6 after 混写的 are bytes 9–18
report(d ~= nil and d.col == 9 and d.end_col == 18, 'term QA: mixed-script 区塊鏈 is a diagnostic at line 7, UTF-16 columns 3-6',
  vim.inspect(vim.diagnostic.get(bufnr)):sub(1, 300))

vim.lsp.stop_client(client_id)
vim.cmd(failures == 0 and 'qa!' or ('cq ' .. failures))

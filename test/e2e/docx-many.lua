-- pandoc --lua-filter: reads every DOCX named in PLAN_DOCX_FILES (one path a
-- line) in this one pandoc process, each after a marker comment, so a test
-- reads many documents for the cost of one pandoc start (test/e2e/docx-text.ts).
function Pandoc(_)
  local blocks = {}
  for file in os.getenv('PLAN_DOCX_FILES'):gmatch('[^\n]+') do
    local handle = assert(io.open(file, 'rb'))
    local bytes = handle:read('a')
    handle:close()
    table.insert(blocks, pandoc.RawBlock('html', '<!--PLAN-DOCX-FILE-->'))
    for _, block in ipairs(pandoc.read(bytes, 'docx').blocks) do table.insert(blocks, block) end
  end
  return pandoc.Pandoc(blocks)
end

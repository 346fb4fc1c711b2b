-- pandoc --lua-filter: writes each Markdown file named in PLAN_MARKDOWN_TO_DOCX
-- (one "source<TAB>target" a line) as DOCX, in this one pandoc process: the
-- same reader and writer as `pandoc -f markdown -t docx SOURCE -o TARGET` (the
-- same document, numbering and styles parts), for one pandoc start instead of
-- one a file (test/import/docx-corpus.test.ts).
function Pandoc(_)
  for line in os.getenv('PLAN_MARKDOWN_TO_DOCX'):gmatch('[^\n]+') do
    local source, target = line:match('^(.-)\t(.*)$')
    local input = assert(io.open(source, 'rb'))
    local text = input:read('a')
    input:close()
    local output = assert(io.open(target, 'wb'))
    output:write(pandoc.write(pandoc.read(text, 'markdown'), 'docx'))
    output:close()
  end
  return pandoc.Pandoc({})
end

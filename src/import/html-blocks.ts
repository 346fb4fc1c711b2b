// The HTML that mammoth makes of a DOCX (p, h1–h6, ol/ul/li, table/tr/td,
// strong/em, br) → blocks. Word's automatic list numbers are not in that HTML:
// numbered list items get "1. ", "2. " counted here, bullet items "- ", and
// the summary warns that automatic numbering was reconstructed. Pure.
import type { Block } from './blocks.js';
import { joinBrokenLines, stripEmphasis, tidy } from './blocks.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? all;
  });
}

export interface HtmlBlocks {
  blocks: Block[];
  /** List items whose number Word generated (reconstructed here). */
  autoNumbered: number;
}

export function htmlToBlocks(html: string): HtmlBlocks {
  const blocks: Block[] = [];
  let autoNumbered = 0;
  let paraCount = 0;
  const lists: { ordered: boolean; count: number }[] = [];
  // Separate lists in a row continue one numbering ("1. Mục đích" … "2. Yêu cầu")
  // until a section heading "II. …" starts a new one.
  let topCount = 0;
  const tables: { rows: string[][]; line: number; cell?: string[] }[] = [];
  let text: string | undefined;
  const tokens = html.split(/(<[^>]+>)/);
  const flushText = () => {
    if (text === undefined) return;
    const t = tidy(stripEmphasis(decodeEntities(text)));
    text = undefined;
    if (t === '') return;
    paraCount++;
    const table = tables[tables.length - 1];
    if (table?.cell) table.cell.push(t);
    else blocks.push({ kind: 'para', text: t, line: paraCount });
    if (/^[IVX]+\.\s/.test(t)) topCount = 0;
  };
  for (const tok of tokens) {
    if (!tok.startsWith('<')) {
      if (text !== undefined) text += tok;
      else if (tok.trim()) text = tok;
      continue;
    }
    const m = /^<(\/?)([a-z0-9]+)/i.exec(tok);
    if (!m) continue;
    const closing = m[1] === '/';
    const tag = m[2]!.toLowerCase();
    switch (tag) {
      case 'p':
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        if (closing) flushText();
        else {
          flushText();
          text = '';
        }
        break;
      case 'br':
        if (text !== undefined) {
          flushText();
          text = '';
        }
        break;
      case 'ol':
      case 'ul':
        flushText();
        if (closing) lists.pop();
        else lists.push({ ordered: tag === 'ol', count: 0 });
        break;
      case 'li': {
        flushText();
        if (closing) break;
        const list = lists[lists.length - 1];
        if (list) {
          list.count++;
          if (list.ordered) autoNumbered++;
          const n = lists.length === 1 && list.ordered ? ++topCount : list.count;
          text = list.ordered ? `${n}. ` : '- ';
        } else text = '';
        break;
      }
      case 'table':
        flushText();
        if (closing) {
          const t = tables.pop();
          if (t && t.rows.length) blocks.push({ kind: 'table', rows: t.rows, line: t.line });
        } else tables.push({ rows: [], line: paraCount + 1 });
        break;
      case 'tr':
        flushText();
        if (!closing) tables[tables.length - 1]?.rows.push([]);
        break;
      case 'td':
      case 'th': {
        flushText();
        const t = tables[tables.length - 1];
        if (!t) break;
        if (closing) {
          t.rows[t.rows.length - 1]?.push((t.cell ?? []).join('\n'));
          delete t.cell;
        } else t.cell = [];
        break;
      }
      default:
        break;
    }
  }
  flushText();
  return { blocks: joinBrokenLines(blocks), autoNumbered };
}

// Paragraph styles of a DOCX (word/styles.xml): what a paragraph inherits
// through w:basedOn that the reader needs — list numbering (w:numPr), outline
// level and heading rank. Pure.
import type { XmlElement } from './docx-xml.js';
import { child, childVal, children, intOf, parseTree } from './docx-xml.js';

export interface NumberingRef {
  numId?: string;
  ilvl?: number;
}

interface StyleDef {
  name?: string;
  basedOn?: string;
  numbering: NumberingRef;
  /** 0-based outline level; 9 means body text. */
  outlineLvl?: number;
}

export interface ResolvedStyle {
  numbering: NumberingRef;
  /** 1-based heading level, when the style makes the paragraph a heading. */
  heading?: number;
}

/** w:numPr of a w:pPr: numId and ilvl, each only when written. */
export function numberingRefOf(pPr: XmlElement | undefined): NumberingRef {
  const numPr = child(pPr, 'numPr');
  const numId = childVal(numPr, 'numId');
  const ilvl = intOf(childVal(numPr, 'ilvl'));
  return { ...(numId !== undefined ? { numId } : {}), ...(ilvl !== undefined ? { ilvl } : {}) };
}

/** 1-based heading level from a 0-based w:outlineLvl (9 is body text). */
export function headingOfOutline(level: number | undefined): number | undefined {
  return level !== undefined && level >= 0 && level < 9 ? level + 1 : undefined;
}

export class StyleSheet {
  private readonly styles = new Map<string, StyleDef>();
  private readonly resolved = new Map<string, ResolvedStyle>();
  /** Style id of the paragraph style marked w:default (used by paragraphs without w:pStyle). */
  readonly defaultParagraph: string | undefined;

  constructor(xml?: string) {
    let defaultParagraph: string | undefined;
    if (xml) {
      for (const s of children(parseTree('word/styles.xml', xml).children[0], 'style')) {
        const id = s.attrs.styleId;
        if (!id || (s.attrs.type ?? 'paragraph') !== 'paragraph') {
          if (id && s.attrs.type === 'numbering') this.styles.set(id, { numbering: numberingRefOf(child(s, 'pPr')) });
          continue;
        }
        const pPr = child(s, 'pPr');
        const outline = intOf(childVal(pPr, 'outlineLvl'));
        const name = childVal(s, 'name');
        const basedOn = childVal(s, 'basedOn');
        this.styles.set(id, {
          ...(name !== undefined ? { name } : {}),
          ...(basedOn !== undefined ? { basedOn } : {}),
          numbering: numberingRefOf(pPr),
          ...(outline !== undefined ? { outlineLvl: outline } : {}),
        });
        if (s.attrs.default === '1' || s.attrs.default === 'true') defaultParagraph = id;
      }
    }
    this.defaultParagraph = defaultParagraph;
  }

  /** numId of a numbering style (the target of an abstract numbering's w:numStyleLink). */
  numberingStyleNumId(styleId: string): string | undefined {
    return this.styles.get(styleId)?.numbering.numId;
  }

  /** What a paragraph of this style inherits, following w:basedOn (cycles and long chains cut). */
  resolve(styleId: string | undefined): ResolvedStyle {
    const id = styleId ?? this.defaultParagraph;
    if (id === undefined) return { numbering: {} };
    const cached = this.resolved.get(id);
    if (cached) return cached;
    const numbering: NumberingRef = {};
    let outline: number | undefined;
    let heading: number | undefined;
    const seen = new Set<string>();
    for (let cur: string | undefined = id; cur !== undefined && !seen.has(cur) && seen.size < 20; cur = this.styles.get(cur)?.basedOn) {
      seen.add(cur);
      const s = this.styles.get(cur);
      if (!s) break;
      // List and level inherit each on its own: a "sub-item" style may set only the level.
      if (numbering.numId === undefined && s.numbering.numId !== undefined) numbering.numId = s.numbering.numId;
      if (numbering.ilvl === undefined && s.numbering.ilvl !== undefined) numbering.ilvl = s.numbering.ilvl;
      outline ??= s.outlineLvl;
      // Built-in heading styles keep the English name "heading N" whatever Word's language.
      const named = /^heading\s*([1-9])$/i.exec(s.name ?? '');
      heading ??= named ? Number(named[1]) : undefined;
    }
    const out: ResolvedStyle = { numbering };
    const level = outline !== undefined ? headingOfOutline(outline) : heading;
    if (level !== undefined) out.heading = level;
    this.resolved.set(id, out);
    return out;
  }
}

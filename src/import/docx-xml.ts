// The small parts of a DOCX (relationships, styles, numbering) as element
// trees, read with a real XML parser (saxes: no DTD, no entity expansion).
// Names are kept without their namespace prefix: Word writes "w:", but the
// prefix is the writer's choice. Pure: text in, tree out.
import { SaxesParser } from 'saxes';
import { DocxError } from './docx-error.js';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
}

export function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

/** Attributes by local name ("w:val" → "val"); the first one wins when two namespaces share a name. */
export function localAttrs(attrs: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs)) {
    const name = localName(k);
    if (!(name in out)) out[name] = v;
  }
  return out;
}

/**
 * A SAX parser whose errors become DocxError naming the part, line and column,
 * never the library's own text.
 */
export function partParser(part: string): SaxesParser {
  const parser = new SaxesParser({ position: true });
  parser.on('error', () => {
    throw DocxError.badXml(part, parser.line, parser.column);
  });
  return parser;
}

/** Elements only (text is not needed in these parts), at most maxElements of them. */
export function parseTree(part: string, xml: string, maxElements = 200_000): XmlElement {
  const parser = partParser(part);
  const root: XmlElement = { name: '#root', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let count = 0;
  parser.on('opentag', (tag) => {
    if (++count > maxElements) throw DocxError.tooMany(`phần tử XML trong ${part}`, `XML elements in ${part}`, maxElements);
    const el: XmlElement = { name: localName(tag.name), attrs: localAttrs(tag.attributes as Record<string, string>), children: [] };
    stack[stack.length - 1]!.children.push(el);
    stack.push(el);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(xml).close();
  return root;
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}

export function children(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}

/** The w:val of a child element ("<w:numFmt w:val="decimal"/>"). */
export function childVal(el: XmlElement | undefined, name: string): string | undefined {
  return child(el, name)?.attrs.val;
}

/** An integer attribute, or undefined when absent or not a number. */
export function intOf(value: string | undefined): number | undefined {
  if (value === undefined || !/^-?\d+$/.test(value.trim())) return undefined;
  return Number(value.trim());
}

/**
 * An on/off property ("<w:vanish/>", "<w:vanish w:val="false"/>"): present
 * means on unless its value says off.
 */
export function isOn(value: string | undefined): boolean {
  return value === undefined || !/^(0|false|off)$/i.test(value);
}

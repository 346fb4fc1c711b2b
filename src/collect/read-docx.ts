// A returned DOCX report as collect reads it: its custom properties
// (docProps/custom.xml) and its paragraphs in reading order, each with the
// bookmarks that start in it; table cells (the ND30 header) are paragraphs
// too. The package is unpacked by the import's DOCX reader (yauzl, with its
// size caps) and read with the same XML parser (saxes).
import type { ReturnedDocument, ReturnedParagraph } from '../core/collect.js';
import { localName, partParser } from '../import/docx-xml.js';
import { readDocxParts } from '../import/docx-zip.js';

/** Paragraphs of word/document.xml: text of w:t (not deleted w:delText), tabs and breaks, bookmarks. */
function paragraphs(part: string, xml: string): ReturnedParagraph[] {
  const parser = partParser(part);
  const out: ReturnedParagraph[] = [];
  // Paragraphs nest (a text box inside a run): the innermost one takes the text.
  const open: ReturnedParagraph[] = [];
  let pending: string[] = [];
  let inText = 0;
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    if (name === 'p') {
      open.push({ text: '', bookmarks: pending });
      pending = [];
    } else if (name === 't') inText++;
    else if (name === 'tab' && open.length) open[open.length - 1]!.text += '\t';
    else if ((name === 'br' || name === 'cr') && open.length) open[open.length - 1]!.text += '\n';
    else if (name === 'bookmarkStart') {
      const bookmark = Object.entries(tag.attributes as Record<string, string>).find(([k]) => localName(k) === 'name')?.[1];
      if (bookmark) (open.length ? open[open.length - 1]!.bookmarks : pending).push(bookmark);
    }
  });
  parser.on('text', (text) => {
    if (inText && open.length) open[open.length - 1]!.text += text;
  });
  parser.on('closetag', (tag) => {
    const name = localName(tag.name);
    if (name === 't') inText = Math.max(0, inText - 1);
    else if (name === 'p') {
      const p = open.pop()!;
      out.push({ text: p.text.normalize('NFC'), bookmarks: p.bookmarks });
    }
  });
  parser.write(xml).close();
  if (pending.length) out.push({ text: '', bookmarks: pending });
  return out;
}

/** name → text value of each custom property. */
function customProperties(xml: string): Map<string, string> {
  const parser = partParser('docProps/custom.xml');
  const out = new Map<string, string>();
  let name: string | undefined;
  let value = '';
  parser.on('opentag', (tag) => {
    if (localName(tag.name) === 'property') {
      name = (tag.attributes as Record<string, string>).name;
      value = '';
    }
  });
  parser.on('text', (text) => {
    if (name !== undefined) value += text;
  });
  parser.on('closetag', (tag) => {
    if (localName(tag.name) === 'property' && name !== undefined) {
      out.set(name, value.normalize('NFC'));
      name = undefined;
    }
  });
  parser.write(xml).close();
  return out;
}

export async function readDocx(bytes: Uint8Array): Promise<ReturnedDocument> {
  const parts = await readDocxParts(bytes);
  return {
    properties: parts.customProperties !== undefined ? customProperties(parts.customProperties) : new Map(),
    paragraphs: paragraphs(parts.documentName, parts.document),
  };
}

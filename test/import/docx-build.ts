// Hand-made DOCX packages for the reader's tests: a zip written here (node's
// deflate), so a test can also lie about sizes or repeat entries the way a
// hostile file does, which no zip library will produce.
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** Raw deflate data and the facts of what it inflates to; or plain bytes to deflate here. */
  data: Uint8Array | { deflated: Uint8Array; size: number; crc: number };
  /** Uncompressed size written in the headers, when it should differ from the truth. */
  declaredSize?: number;
}

export function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const plain = e.data instanceof Uint8Array ? e.data : undefined;
    const deflated = plain ? deflateRawSync(plain) : (e.data as { deflated: Uint8Array }).deflated;
    const size = plain ? plain.length : (e.data as { size: number }).size;
    const crc = plain ? crc32(plain) : (e.data as { crc: number }).crc;
    const declared = e.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(declared >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(deflated.length, 20);
    central.writeUInt32LE(declared >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(deflated));
    centrals.push(central, name);
    offset += 30 + name.length + deflated.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const text = (s: string) => Buffer.from(s, 'utf8');

/** A minimal DOCX: body XML (inside w:body), and optional numbering and styles XML (inside their roots). */
export function docx(body: string, parts: { numbering?: string; styles?: string } = {}): Buffer {
  const entries: ZipEntry[] = [
    {
      name: '[Content_Types].xml',
      data: text(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: text(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
    },
    { name: 'word/document.xml', data: text(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`) },
  ];
  if (parts.numbering !== undefined) entries.push({ name: 'word/numbering.xml', data: text(`<w:numbering ${W}>${parts.numbering}</w:numbering>`) });
  if (parts.styles !== undefined) entries.push({ name: 'word/styles.xml', data: text(`<w:styles ${W}>${parts.styles}</w:styles>`) });
  return zip(entries);
}

/** A paragraph: text, with numbering (numId, ilvl) and/or a style. */
export function para(s: string, opts: { numId?: number; ilvl?: number; style?: string } = {}): string {
  const numPr = opts.numId !== undefined ? `<w:numPr>${opts.ilvl !== undefined ? `<w:ilvl w:val="${opts.ilvl}"/>` : ''}<w:numId w:val="${opts.numId}"/></w:numPr>` : '';
  const style = opts.style ? `<w:pStyle w:val="${opts.style}"/>` : '';
  const esc = s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<w:p><w:pPr>${style}${numPr}</w:pPr><w:r><w:t xml:space="preserve">${esc}</w:t></w:r></w:p>`;
}

/** An abstract list with levels [numFmt, lvlText, start?] at ilvl 0, 1, … */
export function abstractNum(id: number, levels: [string, string, number?][], extra = ''): string {
  return `<w:abstractNum w:abstractNumId="${id}">${extra}${levels
    .map(([fmt, lvlText, start], i) => `<w:lvl w:ilvl="${i}"><w:start w:val="${start ?? 1}"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${lvlText}"/></w:lvl>`)
    .join('')}</w:abstractNum>`;
}

export function num(numId: number, abstractId: number, overrides = ''): string {
  return `<w:num w:numId="${numId}"><w:abstractNumId w:val="${abstractId}"/>${overrides}</w:num>`;
}

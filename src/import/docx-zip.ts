// The parts of a DOCX package that the reader needs, unpacked from the zip
// with yauzl (central directory, entry names checked) and node's inflate,
// under caps checked on the declared size first and then on the bytes as they
// come out: a zip bomb stops at the cap, not at the end of its 1.5 GB.
import yauzl from 'yauzl';
import { DocxError } from './docx-error.js';
import { children, parseTree } from './docx-xml.js';

export const DOCX_LIMITS = {
  /** More entries than any Word document has (a plan has 10–30). */
  entries: 5_000,
  /** word/document.xml of a 300-page plan is a few MB. */
  documentBytes: 50 * 1024 * 1024,
  /** styles, numbering, relationships. */
  partBytes: 10 * 1024 * 1024,
  /** Everything unpacked together. */
  totalBytes: 80 * 1024 * 1024,
  nameLength: 1_000,
};

export interface DocxParts {
  /** The main document part's name in the package ("word/document.xml"). */
  documentName: string;
  document: string;
  styles?: string;
  numbering?: string;
  /** docProps/custom.xml: custom document properties (plan collect's markers). */
  customProperties?: string;
}

interface Listing {
  zip: yauzl.ZipFile;
  entries: Map<string, yauzl.Entry>;
}

const BROKEN = ['cấu trúc zip không đọc được (tệp bị cắt hoặc không phải DOCX)', 'the zip structure cannot be read (truncated, or not a DOCX)'] as const;

function list(bytes: Uint8Array): Promise<Listing> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => {
      if (err || !zip) return reject(DocxError.corrupt(...BROKEN));
      if (zip.entryCount > DOCX_LIMITS.entries) {
        zip.close();
        return reject(DocxError.tooMany('phần trong gói zip', 'entries in the zip package', DOCX_LIMITS.entries));
      }
      const entries = new Map<string, yauzl.Entry>();
      zip.on('entry', (entry: yauzl.Entry) => {
        const name = entry.fileName;
        if (name.length > DOCX_LIMITS.nameLength || entries.has(name) || name.includes('\0')) {
          zip.close();
          return reject(DocxError.corrupt(`tên phần bất thường hoặc lặp lại trong zip: "${name.slice(0, 80)}"`, `odd or repeated part name in the zip: "${name.slice(0, 80)}"`));
        }
        entries.set(name, entry);
        zip.readEntry();
      });
      zip.on('end', () => resolve({ zip, entries }));
      // yauzl refuses absolute and "../" names (after turning Windows "\\" into "/"), and broken headers, here.
      zip.on('error', () => reject(DocxError.corrupt(...BROKEN)));
      zip.readEntry();
    });
  });
}

/** One entry's bytes as UTF-8 text, refused as soon as it passes its cap or its declared size. */
function readText(listing: Listing, entry: yauzl.Entry, cap: number, budget: { left: number }): Promise<string> {
  const name = entry.fileName;
  const limit = Math.min(cap, budget.left);
  if (entry.uncompressedSize > limit) return Promise.reject(DocxError.tooLarge(name, limit));
  return new Promise((resolve, reject) => {
    listing.zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(DocxError.corrupt(`không giải nén được phần ${name}`, `cannot unpack part ${name}`));
      const chunks: Buffer[] = [];
      let size = 0;
      let failed = false;
      const stop = (e: DocxError) => {
        failed = true;
        stream.destroy();
        reject(e);
      };
      stream.on('data', (chunk: Buffer) => {
        if (failed) return;
        size += chunk.length;
        if (size > limit) return stop(DocxError.tooLarge(name, limit));
        chunks.push(chunk);
      });
      stream.on('error', () => {
        if (!failed) stop(DocxError.corrupt(`phần ${name} giải nén ra sai (dữ liệu nén hỏng hoặc sai kích thước)`, `part ${name} does not unpack correctly (damaged data or wrong size)`));
      });
      stream.on('end', () => {
        if (failed) return;
        budget.left -= size;
        try {
          resolve(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)).replace(/^\ufeff/, ''));
        } catch {
          reject(DocxError.corrupt(`phần ${name} không phải văn bản UTF-8`, `part ${name} is not UTF-8 text`));
        }
      });
    });
  });
}

/** "/word/document.xml", "document.xml" relative to "word/", "../x" → a package part name. */
export function resolveTarget(base: string, target: string): string {
  const parts = target.startsWith('/') ? [] : base.split('/').filter(Boolean);
  for (const seg of target.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

/** Relationship targets by type suffix ("officeDocument", "styles", "numbering"). */
function relationships(part: string, xml: string, base: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rel of children(parseTree(part, xml).children[0], 'Relationship')) {
    const type = rel.attrs.Type ?? '';
    const target = rel.attrs.Target;
    if (!target || rel.attrs.TargetMode === 'External') continue;
    const kind = type.slice(type.lastIndexOf('/') + 1);
    if (!out.has(kind)) out.set(kind, resolveTarget(base, target));
  }
  return out;
}

export async function readDocxParts(bytes: Uint8Array): Promise<DocxParts> {
  const listing = await list(bytes);
  try {
    const budget = { left: DOCX_LIMITS.totalBytes };
    const get = (name: string | undefined, cap = DOCX_LIMITS.partBytes) => {
      const entry = name === undefined ? undefined : listing.entries.get(name);
      return entry ? readText(listing, entry, cap, budget) : Promise.resolve(undefined);
    };
    const rootRels = await get('_rels/.rels');
    const packageTargets = rootRels ? relationships('_rels/.rels', rootRels, '') : new Map<string, string>();
    const documentName = packageTargets.get('officeDocument') || 'word/document.xml';
    if (!listing.entries.has(documentName)) {
      throw DocxError.notWord(`gói zip không có phần văn bản chính (${documentName})`, `the zip package has no main document part (${documentName})`);
    }
    const dir = documentName.slice(0, documentName.lastIndexOf('/') + 1);
    const relsName = `${dir}_rels/${documentName.slice(dir.length)}.rels`;
    const docRels = await get(relsName);
    const targets = docRels ? relationships(relsName, docRels, dir) : new Map<string, string>();
    const document = (await get(documentName, DOCX_LIMITS.documentBytes))!;
    const styles = await get(targets.get('styles') ?? `${dir}styles.xml`);
    const numbering = await get(targets.get('numbering') ?? `${dir}numbering.xml`);
    const customProperties = await get(packageTargets.get('custom-properties') ?? 'docProps/custom.xml');
    return { documentName, document, ...(styles !== undefined ? { styles } : {}), ...(numbering !== undefined ? { numbering } : {}), ...(customProperties !== undefined ? { customProperties } : {}) };
  } finally {
    listing.zip.close();
  }
}

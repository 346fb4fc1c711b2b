// Fill a returned report the way a person does in Word: type the number and
// date, change a task's status, type text over the placeholder, add a
// paragraph; then let LibreOffice open and save the file again.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { DOMParser, XMLSerializer, type Element } from '@xmldom/xmldom';
import { convertWithLibreOffice } from '../libreoffice.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export interface TaskFill {
  id: string;
  status?: string;
  /** Typed over "[Nội dung kết quả]"; further entries become new paragraphs after it. */
  paragraphs?: string[];
}

export interface ReportFill {
  number?: string;
  /** "ngày 18 tháng 5 năm 2024" replaces the date in the place-date line. */
  date?: string;
  tasks: TaskFill[];
}

type El = Element;

function text(p: El): string {
  return Array.from(p.getElementsByTagNameNS(W, 't'))
    .map((t) => t.textContent ?? '')
    .join('');
}

/** Put `value` as the paragraph's only text (first run kept with its formatting). */
function setText(p: El, value: string): void {
  const ts = Array.from(p.getElementsByTagNameNS(W, 't'));
  ts.forEach((t, i) => {
    t.textContent = i === 0 ? value : '';
  });
}

export async function fillDocx(file: string, fill: ReportFill): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const paragraphs = Array.from(doc.getElementsByTagNameNS(W, 'p')) as El[];
  for (const p of paragraphs) {
    const t = text(p);
    if (fill.number && /^Số:/.test(t)) setText(p, `Số: ${fill.number}`);
    if (fill.date && /ngày \d+ tháng \d+ năm \d{4}/.test(t)) setText(p, t.replace(/ngày \d+ tháng \d+ năm \d{4}/, fill.date));
  }
  for (const task of fill.tasks) {
    const start = paragraphs.findIndex((p) => text(p).includes(`Nhiệm vụ ${task.id}:`));
    if (start === -1) throw new Error(`no heading for task ${task.id}`);
    let i = start + 1;
    for (; i < paragraphs.length && !/Nhiệm vụ [^:]+:|^II\./.test(text(paragraphs[i]!)); i++) {
      const p = paragraphs[i]!;
      if (task.status && text(p).startsWith('Tình trạng:')) setText(p, `Tình trạng: ${task.status}`);
      if (task.paragraphs?.length && text(p) === '[Nội dung kết quả]') {
        setText(p, task.paragraphs[0]!);
        let after: El = p;
        for (const extra of task.paragraphs.slice(1)) {
          const copy = p.cloneNode(true) as El;
          setText(copy, extra);
          after.parentNode!.insertBefore(copy, after.nextSibling);
          after = copy;
        }
      }
    }
  }
  zip.file('word/document.xml', new XMLSerializer().serializeToString(doc));
  writeFileSync(file, await zip.generateAsync({ type: 'uint8array' }));
}

/**
 * Open and save again in LibreOffice (headless), as a unit using LibreOffice
 * would; returns the new files. One LibreOffice start for all of them (the
 * start is what costs), so the files of one call have distinct names.
 */
export function resaveWithLibreOffice(files: readonly string[], ext: 'docx' | 'xlsx'): string[] {
  const base = path.dirname(files[0]!);
  const out = path.join(base, 'resaved');
  mkdirSync(out, { recursive: true });
  convertWithLibreOffice(files, ext, out, 120_000);
  return files.map((f) => path.join(out, path.basename(f)));
}

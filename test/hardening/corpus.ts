// Shared by the corpus and mutation tests: a throw-away workspace with the
// shipped units and calendar, a snapshot of every file in it (to prove that a
// command wrote or changed nothing), and the expected position of a marker.
import { createHash } from 'node:crypto';
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../e2e/run-plan.js';

export const BAD = path.join(ROOT, 'test', 'fixtures', 'bad');

export interface CorpusCase {
  name: string;
  file?: string;
  generate?: string;
  args?: string[];
  exit: number;
  code?: string;
  at?: string;
  line?: number;
  column?: number;
  units?: string;
  /** Which file the diagnostic is in: the plan (default) or the units file. */
  in?: 'plan' | 'units';
  /** Text the message must hold (for cases answered by a message, not a diagnostic). */
  says?: string;
  /** Codes that must not appear (a broken units file must not make every unit unknown). */
  absent?: string[];
}

export function loadCases(): CorpusCase[] {
  return parse(readFileSync(path.join(BAD, 'cases.yaml'), 'utf8')) as CorpusCase[];
}

/** A temporary folder holding plans/units.yaml and plans/calendar.yaml. */
export function makeWorkspace(units?: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-bad-'));
  mkdirSync(path.join(dir, 'plans'));
  cpSync(units ? path.join(BAD, 'files', units) : path.join(ROOT, 'plans', 'units.yaml'), path.join(dir, 'plans', 'units.yaml'));
  cpSync(path.join(ROOT, 'plans', 'calendar.yaml'), path.join(dir, 'plans', 'calendar.yaml'));
  return dir;
}

/** Path → content hash (or link target, or mode for unreadable entries), for every entry under dir. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (p: string) => {
    const st = lstatSync(p);
    const rel = path.relative(dir, p) || '.';
    if (st.isSymbolicLink()) {
      out.set(rel, `link:${readlinkSync(p)}`);
    } else if (st.isDirectory()) {
      out.set(rel, `dir:${st.mode}`);
      let names: string[] = [];
      try {
        names = readdirSync(p);
      } catch {
        return;
      }
      for (const n of names.sort()) walk(path.join(p, n));
    } else if (!st.isFile()) {
      // A FIFO or device must not be read by the snapshot itself.
      out.set(rel, `special:${st.mode}`);
    } else {
      let hash = `mode:${st.mode}:size:${st.size}`;
      try {
        hash = createHash('sha256').update(readFileSync(p)).digest('hex');
      } catch {
        // unreadable on purpose: mode and size stand for the content
      }
      out.set(rel, `${hash}:${st.mtimeMs}`);
    }
  };
  walk(dir);
  return out;
}

/** Decode a fixture the way a clerk's editor shows it: BOM dropped, UTF-16 read, NFC. */
export function fixtureText(bytes: Buffer): string {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else text = new TextDecoder('utf-8').decode(bytes).replace(/^\ufeff/, '');
  return text.normalize('NFC');
}

/** 1-based line and column of the first occurrence of marker; CRLF counts as one line end. */
export function positionOf(text: string, marker: string): { line: number; column: number } {
  const i = text.indexOf(marker);
  if (i === -1) throw new Error(`marker ${JSON.stringify(marker)} not in fixture`);
  const before = text.slice(0, i);
  const line = before.split('\n').length;
  const column = i - (before.lastIndexOf('\n') + 1) + 1;
  return { line, column };
}

export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

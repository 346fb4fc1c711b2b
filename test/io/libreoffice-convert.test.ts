// convertOldOffices against a stand-in soffice (no LibreOffice needed): why a file was not converted is said in the
// user's language.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertOldOffices } from '../../src/io/libreoffice.js';

let bin: string;
let env: Record<string, string>;

beforeAll(() => {
  bin = mkdtempSync(path.join(os.tmpdir(), 'plan-soffice-limit-'));
  // Each call is logged; each file takes the seconds it holds (SLEEP n), writes no output when it holds NOTHING.
  writeFileSync(
    path.join(bin, 'soffice'),
    `#!/bin/sh
PATH=/usr/bin:/bin
echo call >> '${bin}/calls'
files=
while [ $# -gt 0 ]; do
  case "$1" in
    --outdir) out=$2; shift ;;
    --convert-to) to=\${2%%:*}; shift ;;
    -*) ;;
    *) files="$files $1" ;;
  esac
  shift
done
for f in $files; do
  read -r word arg < "$f"
  [ "$word" = SLEEP ] && sleep "$arg"
  [ "$word" = NOTHING ] && continue
  b=\${f##*/}
  echo converted > "$out/\${b%.*}.$to"
done
`,
  );
  chmodSync(path.join(bin, 'soffice'), 0o755);
  env = { PATH: `${bin}:/usr/bin:/bin` };
});

afterAll(() => rmSync(bin, { recursive: true, force: true }));

describe('convertOldOffices', () => {
  it('says in Vietnamese why a file was not converted: no output, or stopped at the limit', () => {
    const [nothing] = convertOldOffices([{ bytes: Buffer.from('NOTHING\n'), from: 'odt' }], env, 5000);
    expect(nothing).toEqual({ ok: false, reason: 'failed', detail: { vi: 'LibreOffice không ghi ra tệp .docx', en: 'LibreOffice wrote no .docx' } });
    const [stopped] = convertOldOffices([{ bytes: Buffer.from('SLEEP 5\n'), from: 'xls' }], env, 500);
    expect(stopped).toEqual({ ok: false, reason: 'failed', detail: { vi: 'bị dừng sau 0,5 giây (SIGTERM)', en: 'stopped after 0.5 s (SIGTERM)' } });
  });
});

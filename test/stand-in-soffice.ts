// A stand-in for LibreOffice's soffice (tests that need no LibreOffice): a shell script that reads the
// arguments the converter gives (--outdir, --convert-to, the input files) into $out, $to and $files, then runs
// the test's own lines, which say what each file does.
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Writes `dir/soffice`; `body` is shell run after the arguments are read. */
export function writeStandInSoffice(dir: string, body: string): void {
  const file = path.join(dir, 'soffice');
  writeFileSync(
    file,
    `#!/bin/sh
PATH=/usr/bin:/bin
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
${body}`,
  );
  chmodSync(file, 0o755);
}

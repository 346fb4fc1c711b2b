// This very tool as an npm tarball (`npm pack`), for `plan init`: packed into
// a temporary folder, read, and the folder removed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type Packed = { ok: true; file: string; data: Uint8Array } | { ok: false; reason: string };

export function packPackage(root: string): Packed {
  const dest = mkdtempSync(path.join(os.tmpdir(), 'plan-init-'));
  try {
    // --ignore-scripts: an installed copy has no build tools; its dist/ is already built.
    const r = spawnSync('npm', ['pack', root, '--ignore-scripts', '--silent', '--pack-destination', dest], { encoding: 'utf8', shell: process.platform === 'win32' });
    const file = readdirSync(dest).find((f) => f.endsWith('.tgz'));
    if (r.status !== 0 || !file) return { ok: false, reason: (r.error?.message ?? r.stderr).trim() };
    return { ok: true, file, data: readFileSync(path.join(dest, file)) };
  } finally {
    rmSync(dest, { recursive: true, force: true });
  }
}

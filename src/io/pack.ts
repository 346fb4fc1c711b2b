// This very tool as an npm tarball (`npm pack`), for `plan init`: packed into
// a temporary folder, read, and the folder removed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

export type Packed = { ok: true; file: string; data: Uint8Array } | { ok: false; reason: string };

export function packPackage(root: string): Packed {
  const dest = mkdtempSync(path.join(os.tmpdir(), 'plan-init-'));
  try {
    // --ignore-scripts: an installed copy has no build tools; its dist/ is already built.
    const r = spawnSync('npm', ['pack', root, '--ignore-scripts', '--silent', '--pack-destination', dest], { encoding: 'utf8', shell: process.platform === 'win32' });
    const file = readdirSync(dest).find((f) => f.endsWith('.tgz'));
    if (r.status !== 0 || !file) return { ok: false, reason: (r.error?.message ?? r.stderr).trim() };
    return { ok: true, file, data: withoutInstallScripts(readFileSync(path.join(dest, file))) };
  } finally {
    rmSync(dest, { recursive: true, force: true });
  }
}

/**
 * Scripts npm runs when it installs a package. The repository's `prepare` builds dist/ (for a git URL given to
 * `--tool`), but the tarball carries dist/ built, and `npm install` in the new repository warned of it ("install
 * scripts not yet covered by allowScripts: kehoach (prepare: npm run bundle)").
 */
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepare'];

/**
 * The tarball with its package/package.json rewritten without the install scripts, every other entry byte for byte
 * as npm wrote it; unchanged when it has none. A tar entry is a 512-byte header (name at 0, size in octal at 124,
 * checksum at 148, type at 156, name prefix at 345) and its data padded to 512 bytes.
 */
export function withoutInstallScripts(tgz: Uint8Array): Uint8Array {
  const tar = gunzipSync(tgz);
  const field = (header: Buffer, from: number, to: number) => header.toString('utf8', from, to).replace(/\0.*$/su, '');
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const size = Number.parseInt(field(header, 124, 136).trim() || '0', 8);
    const end = at + 512 + Math.ceil(size / 512) * 512;
    const prefix = field(header, 345, 500);
    const name = (prefix ? `${prefix}/` : '') + field(header, 0, 100);
    const type = header[156]!;
    if (name === 'package/package.json' && (type === 0x30 || type === 0)) {
      const manifest = JSON.parse(tar.toString('utf8', at + 512, at + 512 + size)) as { scripts?: Record<string, string> };
      const scripts = manifest.scripts ?? {};
      if (!INSTALL_SCRIPTS.some((s) => s in scripts)) return tgz;
      for (const s of INSTALL_SCRIPTS) delete scripts[s];
      const data = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
      const newHeader = Buffer.from(header);
      newHeader.write(`${data.length.toString(8).padStart(11, '0')}\0`, 124, 12, 'latin1');
      newHeader.fill(0x20, 148, 156);
      const sum = newHeader.reduce((a, b) => a + b, 0);
      newHeader.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'latin1');
      const padded = Buffer.alloc(Math.ceil(data.length / 512) * 512);
      data.copy(padded);
      return gzipSync(Buffer.concat([tar.subarray(0, at), newHeader, padded, tar.subarray(end)]));
    }
    at = end;
  }
  return tgz;
}

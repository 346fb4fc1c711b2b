// Bundles the CLI for start-up speed: one entry file plus a chunk per lazily
// loaded command, so `plan check` never reads docx or the import reader.
// Type checking stays with tsc (npm run build runs it first).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: ['src/cli.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'bundle',
  // Large, rarely needed libraries stay outside the bundle and load on demand.
  external: ['docx', 'mammoth'],
  chunkNames: '[name]-[hash]',
  // commander and other CommonJS dependencies call require() for Node built-ins.
  banner: { js: "import { createRequire as __planCreateRequire } from 'node:module'; const require = __planCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});

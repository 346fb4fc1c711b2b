// LibreOffice (headless) as the tests' real reader and writer of Office files:
// `soffice --convert-to` with a private user profile, one start for every file
// of a call (the start is what costs).
//
// A profile that has not recorded LibreOffice's version counts as a first start
// after an upgrade, and LibreOffice then runs its graphics self-tests
// (GraphicsRenderTests: ~5 s of CPU, most of a conversion); in headless mode it
// never records the version, so every start paid them. The profile made here
// records a last version above any real one, so no start runs them: the files
// are read and written exactly as before.
//
// A profile whose extensions folder lacks the installation's build id makes
// LibreOffice clear its extension cache and start itself a second time (exit 81,
// then a new soffice.bin): ~0.5 s of CPU, a third of a small conversion. The
// profile made here holds that id, read from LibreOffice's own versionrc as it
// reads it, so every call is one start.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { commandPath } from './tools.js';

const PROFILE_SETTINGS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion" oor:op="fuse"><value>99.9</value></prop></item>
</oor:items>
`;

let buildId: string | undefined | null = null;

/** The installation's build id (program/versionrc beside the real soffice), or undefined when it cannot be read. */
function libreOfficeBuildId(): string | undefined {
  if (buildId === null) {
    const soffice = commandPath('soffice');
    try {
      if (soffice === undefined) throw new Error('soffice is not on the PATH');
      const program = path.dirname(realpathSync(soffice));
      buildId = /^buildid=(.+)$/m.exec(readFileSync(path.join(program, 'versionrc'), 'utf8'))?.[1]?.trim();
    } catch {
      // Not found: LibreOffice then starts twice, with the same result.
      buildId = undefined;
    }
  }
  return buildId;
}

/**
 * `soffice --headless --convert-to TARGET --outdir OUT FILES…` in one start; the
 * outputs keep the inputs' base names. A profile of its own per call: test files
 * run in parallel, and LibreOffice hands a job to any instance on the same profile.
 */
export function convertWithLibreOffice(files: readonly string[], target: string, outDir: string, timeout = 240_000): void {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'plan-lo-'));
  try {
    mkdirSync(path.join(profile, 'user'));
    writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), PROFILE_SETTINGS);
    const id = libreOfficeBuildId();
    if (id !== undefined) {
      mkdirSync(path.join(profile, 'user', 'extensions'));
      writeFileSync(path.join(profile, 'user', 'extensions', 'buildid'), id);
    }
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', target, '--outdir', outDir, ...files], { stdio: 'pipe', timeout });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

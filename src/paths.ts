// Where the package's own files are. This module sits at the top of the
// output folder both when compiled by tsc and when bundled, so "../" is the
// package root either way.
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));

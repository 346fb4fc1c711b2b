// Where the package's own files are. The bundle puts this module in a file
// directly under dist/, so "../" is the package root.
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));

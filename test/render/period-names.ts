// Periods named as the commands name them (src/commands/wording.ts periodNames): with the shipped report wording.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { periodNamer } from '../../src/core/periods.js';
import { buildWording, parseTemplate, REPORT_SPEC } from '../../src/core/templates.js';

const ROOT = path.resolve(new URL('../..', import.meta.url).pathname);
const FILE = 'templates/vi/report.txt';
const report = () => buildWording(REPORT_SPEC, [parseTemplate(FILE, readFileSync(path.join(ROOT, FILE), 'utf8'), REPORT_SPEC)], FILE).wording;

export const periodName = { vi: periodNamer('vi', report), en: periodNamer('en', report) };

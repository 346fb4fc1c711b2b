// short: one diagnostic per line (file:line:column: …), for editors and grep.
import { writeCheckText } from './check-text.js';
import { printRuns, shortPrinter } from './diagnostics.js';
import type { OutputRenderers } from './outputs.js';

export const render: OutputRenderers = {
  check: (view, target) => writeCheckText(view, printRuns(view.runs, shortPrinter(target.lang), view.printed(`short-${target.lang}`)), target),
};

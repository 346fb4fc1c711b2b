// A format as a contributor would add one: this file, plus its line in
// OUTPUT_FORMATS (the test registers it). It prints the check counts and the
// overdue ids, one per line.
import type { OutputRenderers } from '../../src/render/outputs.js';

export const render: OutputRenderers = {
  check: (view, { write }) => write(`toy check: ${view.errors} errors, ${view.warnings} warnings, ${view.plans} plans\n`),
  overdue: (view, { write }) => {
    for (let i = 0; i < view.items.length; i++) write(`toy overdue: ${view.items.at(i)!.item.id}\n`);
  },
};

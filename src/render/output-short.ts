// short: one diagnostic per line (file:line:column: …), for editors and grep.
import { writeCheckText } from './check-text.js';
import { renderDiagnosticsShort } from './diagnostics.js';
import type { OutputRenderers } from './outputs.js';

export const render: OutputRenderers = {
  check: (view, target) => writeCheckText(view, renderDiagnosticsShort(view.diagnostics, target.lang), target),
};

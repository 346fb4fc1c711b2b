// pretty: diagnostics as a compiler prints them (source line, caret, help), for people at a terminal.
import { writeCheckText } from './check-text.js';
import { renderDiagnosticsPretty } from './diagnostics.js';
import type { OutputRenderers } from './outputs.js';

export const render: OutputRenderers = {
  check: (view, target) => {
    const body = renderDiagnosticsPretty(view.diagnostics, view.source, target.lang);
    writeCheckText(view, body ? `${body}\n` : '', target);
  },
};

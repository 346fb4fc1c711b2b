// Markdown documents: readable as they are, and what a clerk pastes elsewhere.
import type { DocumentFormat } from './formats.js';
import { renderReportMarkdown } from './markdown-report.js';
import { renderSheetMarkdown } from './markdown-sheet.js';

export const markdownFormat: DocumentFormat = {
  name: 'md',
  extension: 'md',
  needsWordTemplate: false,
  render: async (input) => (input.kind === 'sheet' ? input.views.map((v) => renderSheetMarkdown(v)) : input.views.map((v) => renderReportMarkdown(v, input.properties))),
};

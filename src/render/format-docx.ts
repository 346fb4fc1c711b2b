// Word documents: the Word template (templates/vi/*.docx or a clerk's own)
// filled with the document model. The filling library loads only here.
import type { DocumentFormat } from './formats.js';

export const docxFormat: DocumentFormat = {
  name: 'docx',
  extension: 'docx',
  needsWordTemplate: true,
  render: async (input, template) => {
    if (!template) throw new Error('docx: the Word template was not loaded');
    const { fillDocxMany } = await import('./docx-template.js');
    return fillDocxMany(template, input.views, input.kind === 'report' ? input.properties : []);
  },
};

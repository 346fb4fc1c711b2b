// ics: an iCalendar file (RFC 5545) for Outlook, Thunderbird or Google Calendar.
import { renderIcs } from './ics.js';
import type { OutputRenderers } from './outputs.js';

export const render: OutputRenderers = {
  ics: ({ items, options }, { write }) => write(renderIcs(items, options)),
};

// The sentences around the overdue list, the same in every format for people
// (terminal table, Markdown): none late, the heading, the note on moved limits.
import { dayHeading } from '../core/dates.js';
import { type Lang, tr } from '../core/diagnostic.js';
import type { OverdueView } from './outputs.js';
import { countEn } from '../core/text.js';

export interface OverdueSentences {
  /** When nothing is late, the only thing said. */
  none: string;
  heading: string;
  /** Under the list, when a limit fell on a day off and moved. */
  movedNote: string | undefined;
}

export function overdueSentences(view: OverdueView, l: Lang): OverdueSentences {
  const day = dayHeading(view.asOf, l);
  const { items } = view;
  let moved = false;
  for (let i = 0; i < items.length && !moved; i++) moved = items.at(i)!.item.moved;
  return {
    none: tr(l, `Không có việc quá hạn tính đến ${day}.`, `Nothing is overdue as of ${day}.`),
    heading: tr(l, `Quá hạn tính đến ${day}: ${items.length} việc`, `Overdue as of ${day}: ${countEn(items.length, 'item')}`),
    movedNote: moved
      ? tr(l, 'A → B: hạn ghi A là ngày nghỉ, hạn thực tế là B (Bộ luật Dân sự 2015, Điều 148).', 'A → B: the written limit A is a day off; it really ends on B (Civil Code 2015, Article 148).')
      : undefined,
  };
}

// A semantic plan diff as Markdown, for a review comment on a pull request.
import { countEn, visible } from '../core/text.js';
import type { Lang } from '../core/diagnostic.js';
import type { PlanChange } from '../core/diff.js';
import type { PeriodName } from '../core/periods.js';
import { changeMark, describeChange } from './diff-terminal.js';

function escapeMd(s: string): string {
  return visible(s).replace(/([\\`*_[\]|<>])/g, '\\$1');
}

export function renderDiffMarkdown(changes: readonly PlanChange[], lang: Lang, title: string, periodName: PeriodName): string {
  const vi = lang === 'vi';
  const out: string[] = [`### ${escapeMd(title)}`, ''];
  if (changes.length === 0) {
    out.push(vi ? 'Không có thay đổi nào về nội dung kế hoạch.' : 'No change to the content of the plans.');
    return `${out.join('\n')}\n`;
  }
  let plan = '';
  for (const c of changes) {
    if (c.plan !== plan) {
      if (plan) out.push('');
      plan = c.plan;
      out.push(`**\`${plan}\`**`, '');
    }
    const mark = { '+': '➕', '-': '➖', '~': '✏️' }[changeMark(c)];
    out.push(`- ${mark} ${escapeMd(describeChange(c, lang, periodName))}`);
  }
  out.push('', vi ? `_${changes.length} thay đổi_` : `_${countEn(changes.length, 'change')}_`);
  return `${out.join('\n')}\n`;
}

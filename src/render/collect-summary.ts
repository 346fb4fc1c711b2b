// What plan collect found, per file, unit and task: as text for the clerk
// (dry run or applied) and as JSON for scripts. Pure.
import type { CollectedFile, CollectItem } from '../core/collect.js';
import type { AppliedItem, ItemOutcome } from '../core/collect-edit.js';
import { formatVi } from '../core/dates.js';
import type { Lang } from '../core/diagnostic.js';
import { STATUS_LABELS } from '../core/model.js';
import type { PeriodName } from '../core/periods.js';
import { countEn } from '../core/text.js';

export interface CollectedSource {
  file: string;
  collected: CollectedFile;
  /** Outcome of each item against the plan as it is (dry run) or was written (--apply). */
  outcomes: Map<CollectItem, AppliedItem>;
}

const OUTCOME: Record<ItemOutcome, { vi: string; en: string }> = {
  new: { vi: 'ghi mới', en: 'new' },
  replaced: { vi: 'thay bản đã ghi', en: 'replaces the recorded one' },
  same: { vi: 'đã ghi, không đổi', en: 'already recorded, unchanged' },
  older: { vi: 'cũ hơn bản đã ghi, bỏ qua', en: 'older than the recorded one, skipped' },
};

function shorten(text: string, max = 90): string {
  const one = text.replace(/\s+/gu, ' ');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

function itemLine(item: CollectItem, applied: AppliedItem | undefined, l: Lang): string {
  const t = (vi: string, en: string) => (l === 'vi' ? vi : en);
  let outcome = applied ? OUTCOME[applied.outcome][l] : '';
  if (applied?.recorded && applied.outcome !== 'same') outcome += t(` (bản ngày ${formatVi(applied.recorded)})`, ` (dated ${formatVi(applied.recorded)})`);
  if (item.kind === 'submission') {
    return `  ${t('gửi', 'sent')} "${item.duty.title}" ${t('ngày', 'on')} ${formatVi(item.date)}${item.number ? ` (${item.number})` : ''}${t(`, kỳ năm ${item.year}`, `, for ${item.year}`)} — ${outcome}`;
  }
  const parts: string[] = [];
  if (item.status) {
    const label = STATUS_LABELS[item.status][l];
    parts.push(
      item.role === 'lead' ? `${t('tình trạng', 'status')} ${label}` : t(`tình trạng ${label} (đơn vị phối hợp: chỉ ghi phần tham gia)`, `status ${label} (supporting unit: kept as its contribution)`),
    );
  }
  if (item.done && item.role === 'lead') parts.push(`${t('hoàn thành ngày', 'done on')} ${formatVi(item.done)}`);
  if (item.text) parts.push(`${t(item.role === 'lead' ? 'kết quả' : 'phần tham gia', item.role === 'lead' ? 'result' : 'contribution')}: "${shorten(item.text)}"`);
  if (item.evidence.length) parts.push(`${t('văn bản', 'documents')}: ${item.evidence.map((e) => e.number).join(', ')}`);
  const role = item.role === 'lead' ? t('chủ trì', 'lead') : t('phối hợp', 'support');
  return `  ${t('nhiệm vụ', 'task')} ${item.task.id} (${role}): ${parts.join('; ')} — ${outcome}`;
}

export function renderCollectText(sources: readonly CollectedSource[], opts: { lang: Lang; applied: boolean; periodName: PeriodName }): string {
  const l = opts.lang;
  const t = (vi: string, en: string) => (l === 'vi' ? vi : en);
  const out: string[] = [];
  for (const s of sources) {
    const c = s.collected;
    const head = c.unit
      ? `${s.file}: ${c.unit.name}${c.period !== undefined && c.year !== undefined ? `, ${t('kỳ', 'for')} ${opts.periodName(c.period, c.year)}` : ''}${c.number ? `, ${t('số', 'no.')} ${c.number}` : ''}${c.date ? `, ${t('ngày', 'dated')} ${formatVi(c.date)}` : ''}`
      : `${s.file}:`;
    out.push(head);
    for (const item of c.items) out.push(itemLine(item, s.outcomes.get(item), l));
    for (const r of c.refusals) out.push(`  ${t('lỗi', 'error')}: ${r.where ? `${r.where[l]}: ` : ''}${r.message[l]}${t('; không ghi gì', '; nothing recorded')}`);
    if (c.items.length === 0 && c.refusals.length === 0) out.push(`  ${t('không có gì để ghi', 'nothing to record')}`);
  }
  const refused = sources.reduce((n, s) => n + s.collected.refusals.length, 0);
  const items = sources.reduce((n, s) => n + [...s.outcomes.values()].filter((a) => a.outcome === 'new' || a.outcome === 'replaced').length, 0);
  out.push(
    opts.applied
      ? t(`Đã ghi ${items} mục; ${refused} lỗi.`, `Recorded ${countEn(items, 'item')}; ${refused} refused.`)
      : t(
          `Chạy thử: sẽ ghi ${items} mục; ${refused} lỗi. Thêm --apply để ghi vào kế hoạch.`,
          `Dry run: would record ${countEn(items, 'item')}; ${refused} refused. Add --apply to write them into the plans.`,
        ),
  );
  return `${out.join('\n')}\n`;
}

export function collectJson(sources: readonly CollectedSource[], applied: boolean): unknown {
  return {
    applied,
    files: sources.map((s) => {
      const c = s.collected;
      return {
        file: s.file,
        ...(c.unit ? { unit: c.unit.name, period: c.period, year: c.year } : {}),
        ...(c.number ? { number: c.number } : {}),
        ...(c.date ? { date: formatVi(c.date) } : {}),
        items: c.items.map((i) => {
          const outcome = s.outcomes.get(i)?.outcome;
          if (i.kind === 'submission')
            return { kind: i.kind, plan: i.plan.file, duty: i.duty.id, unit: i.unit.name, year: i.year, date: formatVi(i.date), ...(i.number ? { number: i.number } : {}), outcome };
          return {
            kind: i.kind,
            plan: i.plan.file,
            task: i.task.id,
            unit: i.unit.name,
            role: i.role,
            ...(i.status ? { status: i.status } : {}),
            ...(i.done ? { done: formatVi(i.done) } : {}),
            ...(i.text ? { text: i.text } : {}),
            evidence: i.evidence.map((e) => ({ number: e.number, ...(e.date ? { date: formatVi(e.date) } : {}), ...(e.title ? { title: e.title } : {}) })),
            outcome,
          };
        }),
        refusals: c.refusals.map((r) => ({ ...(r.where ? { where: r.where } : {}), message: r.message })),
      };
    }),
  };
}

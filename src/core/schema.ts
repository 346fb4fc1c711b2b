// The shape of plan and units files, as zod schemas. Descriptions are Vietnamese
// because they become editor hovers through the generated JSON Schema.
// Cross-field rules (ids, units, deadlines) live in checks.ts, not here, so
// that one run reports every mistake.
//
// The zod schemas are built on first use (`planFile.zod()`): a plan that passes
// the cheap structural pass beside them (`fits`, see shape.ts) never needs them.
import type * as z from 'zod';
import { zod } from '../vendor/libraries.js';
import { parseDateText, parsePartialDate } from './dates.js';
import { either, isBoolean, isInteger, isText, listOf, oneOf, recursive, strictRecord, textMatching, type FileSchema, type Fits } from './shape.js';

const DATE_FORM = /^(\d{1,2}\/\d{1,2}\/\d{4}|\d{4}-\d{2}-\d{2})$/;
const PARTIAL_DATE_FORM = /^((\d{1,2}\/)?\d{1,2}\/)?\d{4}$|^\d{4}(-\d{2}(-\d{2})?)?$/;
// The en dash as an escape: the bundle is ASCII, so plan schema prints the pattern this way either way.
const PERIOD_FORM = /^\d{4}\s*[-\u2013]\s*\d{4}$/;

export const STATUSES = ['todo', 'doing', 'done', 'stopped'] as const;
export const LEVELS = ['central', 'province', 'district', 'commune'] as const;
export const REPORT_PERIODS = ['6m', '9m', 'year', 'q1', 'q2', 'q3', 'q4', 'month'] as const;
interface EvidenceInput {
  number: string;
  date?: string | undefined;
  title?: string | undefined;
}

/** A task as written (the type zod's recursive task schema needs spelled out). */
export interface TaskInput {
  id: string;
  title: string;
  body?: string | undefined;
  points?: string[] | undefined;
  lead?: string[] | undefined;
  support?: string[] | undefined;
  due?: string | undefined;
  dueText?: string | undefined;
  eventDate?: string | undefined;
  outputs?: (string | { text: string; evidence?: EvidenceInput[] | undefined })[] | undefined;
  status?: (typeof STATUSES)[number] | undefined;
  done?: string | undefined;
  note?: string | undefined;
  progress?: { unit: string; status: (typeof STATUSES)[number]; done?: string | undefined; note?: string | undefined }[] | undefined;
  results?:
    | {
        unit: string;
        period: (typeof REPORT_PERIODS)[number];
        year: number;
        report?: string | undefined;
        date: string;
        status?: (typeof STATUSES)[number] | undefined;
        done?: string | undefined;
        text?: string | undefined;
        evidence?: EvidenceInput[] | undefined;
      }[]
    | undefined;
  closing?: string | undefined;
  tasks?: TaskInput[] | undefined;
}

function makeSchemas() {
  const z = zod();
  const text = z.string().min(1);

  /** A calendar date as clerks write it (DD/MM/YYYY) or ISO (YYYY-MM-DD). */
  const dateText = z
    .string()
    .regex(DATE_FORM)
    // 30/02/2024 has the right form but no such day; without this it was dropped silently.
    .refine((s) => !DATE_FORM.test(s) || parseDateText(s) !== undefined, { params: { kind: 'impossible-date' } })
    .describe('Ngày, dạng DD/MM/YYYY (ví dụ 05/02/2024) hoặc YYYY-MM-DD');

  /** A possibly partial date: the seed's "ngày … tháng 01 năm 2024" is "01/2024". */
  const partialDateText = z
    .string()
    .regex(PARTIAL_DATE_FORM)
    .refine((s) => !PARTIAL_DATE_FORM.test(s) || parsePartialDate(s) !== undefined, { params: { kind: 'impossible-date' } })
    .describe('Ngày ban hành, có thể thiếu ngày hoặc tháng: 05/02/2024, 01/2024 hoặc 2024');

  const status = z.enum(STATUSES).describe('Tình trạng: todo = chưa thực hiện, doing = đang thực hiện, done = hoàn thành, stopped = dừng');

  const level = z.enum(LEVELS).describe('Cấp: central = trung ương (Chính phủ, Thủ tướng, Bộ, cơ quan ngang Bộ), province = tỉnh, district = huyện (trước 01/07/2025), commune = xã');

  /** One reference to a unit, group or vague phrase, as written in the plan. */
  const unitRef = text.describe('Tên cơ quan, đơn vị như viết trong văn bản (khớp với plans/units.yaml)');
  const unitRefs = z.array(unitRef);

  const evidenceSchema = z
    .strictObject({
      number: text.describe('Số, ký hiệu văn bản, ví dụ 12/KH-UBND'),
      date: dateText.optional(),
      title: text.optional().describe('Trích yếu văn bản'),
    })
    .describe('Văn bản chứng minh sản phẩm đã hoàn thành');

  const outputSchema = z
    .union([
      text,
      z.strictObject({
        text: text.describe('Sản phẩm như viết trong kế hoạch'),
        evidence: z.array(evidenceSchema).optional(),
      }),
    ])
    .describe('Sản phẩm: chuỗi, hoặc { text, evidence } khi đã có văn bản');

  const unitProgressSchema = z
    .strictObject({
      unit: unitRef,
      status,
      done: dateText.optional().describe('Ngày hoàn thành'),
      note: text.optional(),
    })
    .describe('Tiến độ riêng của một đơn vị trong nhiệm vụ giao cho nhiều đơn vị');

  const resultSchema = z
    .strictObject({
      unit: unitRef.describe('Đơn vị đã báo cáo'),
      period: z.enum(REPORT_PERIODS).describe('Kỳ báo cáo'),
      year: z.number().int().describe('Năm của kỳ báo cáo'),
      report: text.optional().describe('Số, ký hiệu báo cáo của đơn vị, ví dụ 45/BC-UBND'),
      date: dateText.describe('Ngày của báo cáo'),
      status: status.optional().describe('Tình trạng đơn vị báo cáo (chỉ tình trạng của đơn vị chủ trì được ghi vào nhiệm vụ)'),
      done: dateText.optional().describe('Ngày hoàn thành đơn vị báo cáo'),
      text: text.optional().describe('Nội dung kết quả đơn vị viết dưới nhiệm vụ (nguyên văn)'),
      evidence: z.array(evidenceSchema).optional().describe('Văn bản nêu trong nội dung kết quả'),
    })
    .describe('Kết quả một đơn vị báo cáo cho nhiệm vụ trong một kỳ (plan collect ghi); của đơn vị phối hợp là phần tham gia');

  const taskSchema: z.ZodType<TaskInput, TaskInput> = z.lazy(() =>
    z
      .strictObject({
        id: text.describe('Số thứ tự như trong văn bản, luôn là chuỗi: "1.10", "1.6.đ"'),
        title: text.describe('Tên nhiệm vụ'),
        body: text.optional().describe('Nội dung chi tiết (giữ nguyên văn)'),
        points: z.array(text).optional().describe('Các gạch đầu dòng nội dung'),
        lead: unitRefs.optional().describe('Cơ quan, đơn vị chủ trì'),
        support: unitRefs.optional().describe('Cơ quan, đơn vị phối hợp'),
        due: text.optional().describe('Thời gian hoàn thành như viết: "thường xuyên", "năm 2024", "trước ngày 05/02/2024", "20/5"…'),
        dueText: text.optional().describe('Thời gian như viết trong văn bản khi chưa đọc được thành "due" (plan import ghi; plan check chỉ cảnh báo, không tính quá hạn)'),
        eventDate: dateText.optional().describe('Ngày sự kiện xảy ra, với thời hạn "sau khi …"'),
        outputs: z.array(outputSchema).optional().describe('Sản phẩm'),
        status: status.optional(),
        done: dateText.optional().describe('Ngày hoàn thành'),
        note: text.optional().describe('Ghi chú tiến độ'),
        progress: z.array(unitProgressSchema).optional().describe('Tiến độ của từng đơn vị'),
        results: z.array(resultSchema).optional().describe('Kết quả các đơn vị đã báo cáo, theo kỳ (plan collect)'),
        closing: text.optional().describe('Đoạn văn sau các nhiệm vụ con (giữ nguyên văn)'),
        tasks: z.array(taskSchema).optional().describe('Nhiệm vụ con'),
      })
      .describe('Một nhiệm vụ'),
  );

  const groupSchema = z
    .strictObject({
      id: text.describe('Số của nhóm: "1", "2", "I"…'),
      title: text.describe('Tên nhóm, ví dụ "Nhiệm vụ trọng tâm"'),
      body: text.optional(),
      tasks: z.array(taskSchema).describe('Các nhiệm vụ trong nhóm'),
    })
    .describe('Nhóm nhiệm vụ');

  const submissionSchema = z
    .strictObject({
      unit: unitRef.describe('Đơn vị đã gửi'),
      date: dateText.describe('Ngày gửi'),
      year: z.number().int().optional().describe('Năm của kỳ báo cáo, nếu khác năm của ngày gửi'),
      number: text.optional().describe('Số, ký hiệu văn bản đã gửi'),
    })
    .describe('Một lần gửi văn bản của đơn vị');

  const dutySchema = z
    .strictObject({
      id: text.describe('Mã nghĩa vụ, dùng trong lệnh plan submit, ví dụ "bc-6-thang"'),
      title: text.describe('Văn bản phải gửi, ví dụ "Báo cáo kết quả thực hiện 6 tháng"'),
      by: unitRefs.min(1).describe('Cơ quan, đơn vị phải gửi'),
      to: text.describe('Nơi nhận, ví dụ "UBND huyện (qua Phòng Tư pháp)"'),
      due: text.describe('Thời hạn như viết: "trước ngày 05/02/2024", "trước ngày 20/5"'),
      period: z.enum(REPORT_PERIODS).optional().describe('Kỳ báo cáo (Nghị định 09/2019/NĐ-CP)'),
      text: text.optional().describe('Câu gốc trong văn bản'),
      submissions: z.array(submissionSchema).optional().describe('Các đơn vị đã gửi'),
    })
    .describe('Nghĩa vụ gửi kế hoạch, báo cáo');

  const signerSchema = z
    .strictObject({
      authority: text.optional().describe('Thẩm quyền ký: "KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN"…'),
      position: text.describe('Chức vụ: "PHÓ CHỦ TỊCH"'),
      name: text.optional().describe('Họ và tên người ký'),
    })
    .describe('Người ký');

  const issuerSchema = z
    .strictObject({
      parent: text.optional().describe('Cơ quan chủ quản (dòng trên), nếu có'),
      name: text.describe('Cơ quan ban hành, ví dụ "UBND huyện Sơn Động"'),
      level: level.describe('Cấp của cơ quan ban hành'),
    })
    .describe('Cơ quan ban hành');

  const planSchema = z
    .strictObject({
      number: text.describe('Số, ký hiệu: "05/KH-UBND", hoặc "/KH-UBND" khi chưa có số'),
      issuer: issuerSchema,
      place: text.describe('Địa danh ghi ở dòng ngày tháng, như viết'),
      date: partialDateText,
      title: text.describe('Trích yếu: tên kế hoạch'),
      year: z.number().int().min(1945).max(2100).optional().describe('Năm của kế hoạch'),
      period: z.string().regex(PERIOD_FORM).optional().describe('Giai đoạn của kế hoạch nhiều năm: "2022-2027"'),
      bases: z.array(text).optional().describe('Căn cứ ban hành (giữ nguyên văn)'),
      purposes: z.array(text).optional().describe('Mục đích (giữ nguyên văn)'),
      requirements: z.array(text).optional().describe('Yêu cầu (giữ nguyên văn)'),
      groups: z.array(groupSchema).min(1).describe('Các nhóm nhiệm vụ'),
      duties: z.array(dutySchema).optional().describe('Nghĩa vụ gửi kế hoạch, báo cáo (mục Tổ chức thực hiện)'),
      implementation: z.array(text).optional().describe('Mục Tổ chức thực hiện (giữ nguyên văn)'),
      recipients: z.array(text).optional().describe('Nơi nhận, mỗi dòng một nơi'),
      signer: signerSchema.optional(),
      drafter: unitRef.optional().describe('Cơ quan tham mưu soạn thảo (ký hiệu của nó ghi sau số văn bản và ở "Lưu: VT, …"); mặc định: đơn vị ghi "qua …" ở nơi nhận báo cáo'),
      reportTo: z.array(text).optional().describe('Nơi nhận báo cáo tổng hợp kết quả thực hiện ("Kính gửi"), ví dụ ["Sở Tư pháp"]'),
      notes: z.array(text).optional().describe('Ghi chú: phần văn bản chưa xếp được khi nhập'),
    })
    .describe('Kế hoạch (Kế hoạch của UBND) — định dạng của công cụ kehoach');

  const unitSchema = z
    .strictObject({
      name: text.describe('Tên chuẩn của đơn vị'),
      aliases: z.array(text).optional().describe('Các cách viết khác'),
      level: level.optional(),
      symbol: text.optional().describe('Chữ viết tắt tên cơ quan trong số, ký hiệu văn bản: "UBND", "TP"'),
      fullName: z
        .union([text, z.array(text).min(1)])
        .optional()
        .describe('Tên đầy đủ ở đầu văn bản; danh sách = từng dòng: ["Ủy ban nhân dân", "huyện Sơn Động"]'),
      parent: text.optional().describe('Cơ quan chủ quản (dòng trên ở đầu văn bản): tên một đơn vị trong units, hoặc tên đầy đủ'),
      place: text.optional().describe('Địa danh ở dòng ngày tháng của văn bản do đơn vị ban hành: "Sơn Động"'),
      signer: signerSchema.optional().describe('Người ký văn bản của đơn vị'),
      sample: z.boolean().optional().describe('Dữ liệu mẫu, cần thay bằng danh sách thật'),
      collective: z.boolean().optional().describe('Cách gọi chung một tập hợp đơn vị mà văn bản không kể tên ("Các sở, ban, ngành", "UBND các xã, phường"): một văn bản giao việc gửi chung'),
    })
    .describe('Một cơ quan, đơn vị cụ thể, hoặc một tập hợp đơn vị gọi chung (collective)');

  const unitGroupSchema = z
    .strictObject({
      name: text.describe('Tên nhóm như viết trong văn bản: "UBND các xã, thị trấn"'),
      aliases: z.array(text).optional(),
      members: z.array(text).min(1).describe('Các đơn vị thuộc nhóm (tên trong units)'),
      sample: z.boolean().optional(),
    })
    .describe('Nhóm đơn vị: giao cho nhóm là giao cho mọi thành viên');

  const unitsFileSchema = z
    .strictObject({
      units: z.array(unitSchema).describe('Các cơ quan, đơn vị cụ thể'),
      groups: z.array(unitGroupSchema).optional().describe('Các nhóm đơn vị'),
      vague: z.array(text).optional().describe('Cách gọi chung không chỉ đích danh ai ("các cơ quan, tổ chức có liên quan"): được chấp nhận, không có phiếu giao việc'),
    })
    .describe('Danh mục cơ quan, đơn vị (plans/units.yaml)');

  return { plan: planSchema, unitsFile: unitsFileSchema };
}

let schemas: ReturnType<typeof makeSchemas> | undefined;
/** The zod schemas of plan and units files (for `plan schema` and the diagnostics of files that do not fit). */
export function zodSchemas(): ReturnType<typeof makeSchemas> {
  return (schemas ??= makeSchemas());
}

export type PlanInput = z.input<ReturnType<typeof makeSchemas>['plan']>;
export type UnitsFileInput = z.input<ReturnType<typeof makeSchemas>['unitsFile']>;

// The structural pass, field for field the schemas above (test/core/shape.test.ts compares them).
const fitsDate = textMatching(DATE_FORM, (s) => parseDateText(s) !== undefined);
const fitsStatus = oneOf(STATUSES);
const fitsTexts = listOf(isText);
const fitsSigner = strictRecord({ position: isText }, { authority: isText, name: isText });
const fitsEvidence = strictRecord({ number: isText }, { date: fitsDate, title: isText });
const fitsTask: Fits = recursive((task) =>
  strictRecord(
    { id: isText, title: isText },
    {
      body: isText,
      points: fitsTexts,
      lead: fitsTexts,
      support: fitsTexts,
      due: isText,
      dueText: isText,
      eventDate: fitsDate,
      outputs: listOf(either(isText, strictRecord({ text: isText }, { evidence: listOf(fitsEvidence) }))),
      status: fitsStatus,
      done: fitsDate,
      note: isText,
      progress: listOf(strictRecord({ unit: isText, status: fitsStatus }, { done: fitsDate, note: isText })),
      results: listOf(
        strictRecord(
          { unit: isText, period: oneOf(REPORT_PERIODS), year: isInteger(), date: fitsDate },
          { report: isText, status: fitsStatus, done: fitsDate, text: isText, evidence: listOf(fitsEvidence) },
        ),
      ),
      closing: isText,
      tasks: listOf(task),
    },
  ),
);
const fitsPlan = strictRecord(
  {
    number: isText,
    issuer: strictRecord({ name: isText, level: oneOf(LEVELS) }, { parent: isText }),
    place: isText,
    date: textMatching(PARTIAL_DATE_FORM, (s) => parsePartialDate(s) !== undefined),
    title: isText,
    groups: listOf(strictRecord({ id: isText, title: isText, tasks: listOf(fitsTask) }, { body: isText }), 1),
  },
  {
    year: isInteger(1945, 2100),
    period: textMatching(PERIOD_FORM),
    bases: fitsTexts,
    purposes: fitsTexts,
    requirements: fitsTexts,
    duties: listOf(
      strictRecord(
        { id: isText, title: isText, by: listOf(isText, 1), to: isText, due: isText },
        {
          period: oneOf(REPORT_PERIODS),
          text: isText,
          submissions: listOf(strictRecord({ unit: isText, date: fitsDate }, { year: isInteger(), number: isText })),
        },
      ),
    ),
    implementation: fitsTexts,
    recipients: fitsTexts,
    signer: fitsSigner,
    drafter: isText,
    reportTo: fitsTexts,
    notes: fitsTexts,
  },
);
const fitsUnitsFile = strictRecord(
  {
    units: listOf(
      strictRecord(
        { name: isText },
        {
          aliases: fitsTexts,
          level: oneOf(LEVELS),
          symbol: isText,
          fullName: either(isText, listOf(isText, 1)),
          parent: isText,
          place: isText,
          signer: fitsSigner,
          sample: isBoolean,
          collective: isBoolean,
        },
      ),
    ),
  },
  {
    groups: listOf(strictRecord({ name: isText, members: listOf(isText, 1) }, { aliases: fitsTexts, sample: isBoolean })),
    vague: fitsTexts,
  },
);

export const planFile: FileSchema<PlanInput> = { fits: fitsPlan, zod: () => zodSchemas().plan };
export const unitsFile: FileSchema<UnitsFileInput> = { fits: fitsUnitsFile, zod: () => zodSchemas().unitsFile };

#!/usr/bin/env node
// A province-scale repository for the benchmarks: 1,000 plans of 30 tasks each
// (30,000 tasks), 500 units in 10 districts, Vietnamese text and deadlines in
// the forms clerks write. Deterministic from a seed: the same seed writes the
// same bytes. Also writes the same tasks as a Taskwarrior import file.
//
//   node bench/generate.js [--seed 8] [--out bench/work/province] [--plans 1000]
//
// Layout: <out>/plans/units.yaml, <out>/plans/calendar.yaml,
// <out>/plans/part-1 … part-4 (250 plans each: a quarter, a half, the whole),
// <out>/taskwarrior.json.
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const PLANS = 1000;
export const TASKS_PER_PLAN = 30;
export const UNITS = 500;
export const PARTS = 4;

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1];
}

/** mulberry32: small, fast, and the same everywhere. */
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

const DISTRICTS = ['Sơn Động', 'Lục Ngạn', 'Lục Nam', 'Yên Thế', 'Tân Yên', 'Hiệp Hòa', 'Việt Yên', 'Yên Dũng', 'Lạng Giang', 'Bắc Giang'];
const OFFICES = [
  'Phòng Tư pháp',
  'Phòng Nội vụ',
  'Phòng Tài chính - Kế hoạch',
  'Phòng Tài nguyên và Môi trường',
  'Phòng Kinh tế và Hạ tầng',
  'Phòng Y tế',
  'Phòng Giáo dục và Đào tạo',
  'Phòng Văn hóa và Thông tin',
  'Phòng Lao động - Thương binh và Xã hội',
  'Phòng Dân tộc',
  'Phòng Nông nghiệp và Phát triển nông thôn',
  'Thanh tra',
  'Văn phòng HĐND và UBND',
  'Công an',
  'Ban Chỉ huy Quân sự',
  'Trung tâm Văn hóa, Thông tin và Thể thao',
  'Tòa án nhân dân',
  'Viện kiểm sát nhân dân',
  'Chi cục Thi hành án dân sự',
  'Chi cục Thuế',
];
const COMMUNE_WORDS = [
  'An',
  'Bình',
  'Cẩm',
  'Đại',
  'Đông',
  'Giáo',
  'Hữu',
  'Long',
  'Phúc',
  'Quế',
  'Tân',
  'Thanh',
  'Vân',
  'Yên',
  'Dương',
  'Hòa',
  'Hương',
  'Kiên',
  'Mỹ',
  'Nghĩa',
  'Phong',
  'Quang',
  'Sơn',
  'Tiến',
  'Trung',
  'Xuân',
];
const COMMUNE_TAILS = ['Lạc', 'Sơn', 'Sản', 'Liêm', 'Đàn', 'Định', 'Hưu', 'Thành', 'Lợi', 'Phú', 'Hưng', 'Thịnh', 'Hải', 'Lâm', 'Tiến', 'Hà', 'Châu', 'Điền'];

const VERBS = ['Tổ chức', 'Triển khai', 'Tăng cường', 'Đẩy mạnh', 'Nâng cao chất lượng', 'Kiện toàn', 'Rà soát', 'Hướng dẫn', 'Kiểm tra, đôn đốc', 'Tuyên truyền, phổ biến'];
const OBJECTS = [
  'công tác phổ biến, giáo dục pháp luật cho cán bộ, công chức, viên chức và Nhân dân',
  'đội ngũ báo cáo viên pháp luật, tuyên truyền viên pháp luật ở cơ sở',
  'hoạt động hòa giải ở cơ sở, bảo đảm đúng quy định của Luật Hòa giải ở cơ sở',
  'việc xây dựng xã, thị trấn đạt chuẩn tiếp cận pháp luật theo Quyết định số 25/2021/QĐ-TTg',
  'Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam (ngày 09/11)',
  'ứng dụng công nghệ thông tin, chuyển đổi số trong công tác phổ biến, giáo dục pháp luật',
  'các văn bản quy phạm pháp luật mới được ban hành theo chức năng, nhiệm vụ được giao',
  'công tác theo dõi tình hình thi hành pháp luật trên địa bàn',
  'thông tin pháp luật cho đồng bào dân tộc thiểu số, vùng sâu, vùng xa',
  'tủ sách pháp luật, trang thông tin điện tử, nhóm Zalo phổ biến pháp luật',
];
const PURPOSES = [
  'theo hướng có trọng tâm, trọng điểm, lấy người dân làm trung tâm',
  'gắn với nhiệm vụ chính trị của địa phương',
  'bảo đảm thiết thực, hiệu quả, tránh hình thức',
  'phù hợp với từng đối tượng, địa bàn',
];
const OUTPUTS = ['Kế hoạch triển khai', 'Báo cáo kết quả', 'Văn bản chỉ đạo', 'Quyết định kiện toàn', 'Hội nghị, tập huấn', 'Tin, bài tuyên truyền', 'Danh sách đề xuất', 'Biên bản kiểm tra'];
const LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k'];
const ROMAN = ['I', 'II', 'III', 'IV'];
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const q = (s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const pad = (n) => String(n).padStart(2, '0');

function makeUnits(r) {
  const districts = DISTRICTS.map((d) => {
    const offices = OFFICES.map((o) => `${o} huyện ${d}`);
    const communes = [];
    const seen = new Set();
    while (communes.length < 29) {
      const name = `UBND ${communes.length < 2 ? 'thị trấn' : 'xã'} ${r.pick(COMMUNE_WORDS)} ${r.pick(COMMUNE_TAILS)}`;
      if (seen.has(name)) continue;
      seen.add(name);
      communes.push(`${name} (${d})`);
    }
    return { name: d, offices, communes };
  });
  const all = districts.flatMap((d) => [`UBND huyện ${d.name}`, ...d.offices, ...d.communes]);
  if (all.length !== UNITS) throw new Error(`expected ${UNITS} units, made ${all.length}`);
  return { districts, all };
}

function unitsYaml(districts) {
  const lines = ['# Danh mục đơn vị của tỉnh (sinh tự động cho benchmark)', 'units:'];
  for (const d of districts) {
    lines.push(`  - name: ${q(`UBND huyện ${d.name}`)}`, '    level: district');
    for (const o of d.offices) lines.push(`  - name: ${q(o)}`, '    level: district');
    for (const c of d.communes) lines.push(`  - name: ${q(c)}`, '    level: commune');
  }
  lines.push('groups:');
  for (const d of districts) {
    lines.push(`  - name: ${q(`UBND các xã, thị trấn huyện ${d.name}`)}`, '    members:', ...d.communes.map((c) => `      - ${q(c)}`));
    lines.push(`  - name: ${q(`các cơ quan, tổ chức huyện ${d.name}`)}`, '    members:', ...d.offices.map((o) => `      - ${q(o)}`));
  }
  lines.push('vague:', '  - "các cơ quan, tổ chức có liên quan"', '  - "các cơ quan, đơn vị có liên quan"');
  return `${lines.join('\n')}\n`;
}

/** A deadline phrase and, for Taskwarrior, the date it names (undefined for ongoing work). */
function deadline(r, year) {
  const m = r.int(1, 12);
  const d = r.int(1, m === 2 ? 28 : MONTH_DAYS[m - 1]);
  const kind = r.int(0, 9);
  switch (kind) {
    case 0:
      return { text: 'thường xuyên' };
    case 1:
      return { text: `năm ${year}`, date: [year, 12, 31] };
    case 2:
      return { text: `trước ngày ${pad(d)}/${pad(m)}/${year}`, date: [year, m, d] };
    case 3:
      return { text: `${pad(d)}/${pad(m)}/${year}`, date: [year, m, d] };
    case 4:
      return { text: `tháng ${m}/${year}`, date: [year, m, MONTH_DAYS[m - 1] - (m === 2 && year % 4 ? 1 : 0)] };
    case 5: {
      const quarter = r.int(1, 4);
      return { text: `quý ${ROMAN[quarter - 1]}/${year}`, date: [year, quarter * 3, MONTH_DAYS[quarter * 3 - 1]] };
    }
    case 6:
      return { text: `6 tháng đầu năm ${year}`, date: [year, 6, 30] };
    case 7:
      return { text: `từ ngày 01/11 đến ngày 09/11/${year}`, date: [year, 11, 9] };
    case 8:
      return { text: `trước ngày ${d}/${m}`, date: [year, m, d] };
    default:
      return { text: `trước ngày ${pad(d)}/${pad(m)}/${year}`, date: [year, m, d] };
  }
}

function title(r) {
  const t = `${r.pick(VERBS)} ${r.pick(OBJECTS)}`;
  return r.chance(0.5) ? `${t} ${r.pick(PURPOSES)}` : t;
}

function makePlan(r, n, district, year, tasksOut) {
  const lines = [];
  const planId = `kh-${String(n).padStart(4, '0')}`;
  lines.push(
    `# Kế hoạch sinh tự động số ${n} (benchmark)`,
    `number: "${r.int(1, 300)}/KH-UBND"`,
    'issuer:',
    `  name: ${q(`UBND huyện ${district.name}`)}`,
    '  level: district',
    `place: ${q(district.name)}`,
    `date: "${pad(r.int(1, 28))}/01/${year}"`,
    `title: ${q(`Kế hoạch ${r.pick(OBJECTS)} năm ${year}`)}`,
    `year: ${year}`,
    'purposes:',
    `  - >-\n    ${title(r)}; ${r.pick(OBJECTS)}, ${r.pick(PURPOSES)}.`,
    'groups:',
  );
  const groupsCount = 3;
  let made = 0;
  for (let g = 1; g <= groupsCount; g++) {
    lines.push(`  - id: "${g}"`, `    title: ${q(['Nhiệm vụ trọng tâm', 'Nhiệm vụ cụ thể', 'Các nhiệm vụ khác'][g - 1])}`, '    tasks:');
    let i = 1;
    while (made < (g < groupsCount ? g * 10 : TASKS_PER_PLAN)) {
      const id = `${g}.${i}`;
      const withChildren = r.chance(0.15) && made + 4 <= (g < groupsCount ? g * 10 : TASKS_PER_PLAN);
      const indent = '      ';
      const task = (tid, ind, leaf) => {
        const leads = [r.pick(district.offices)];
        if (r.chance(0.3)) leads.push(r.chance(0.5) ? `UBND các xã, thị trấn huyện ${district.name}` : r.pick(district.communes));
        const dl = deadline(r, year);
        const t = title(r);
        lines.push(`${ind}- id: "${tid}"`, `${ind}  title: >-`, `${ind}    ${t}`);
        if (r.chance(0.3)) lines.push(`${ind}  body: >-`, `${ind}    ${title(r)}; ${r.pick(OBJECTS)}, ${r.pick(PURPOSES)}.`);
        if (leaf) {
          lines.push(`${ind}  lead:`, ...leads.map((u) => `${ind}    - ${u}`));
          lines.push(`${ind}  support:`, `${ind}    - ${r.chance(0.5) ? 'các cơ quan, đơn vị có liên quan' : r.pick(district.offices)}`);
          lines.push(`${ind}  due: ${q(dl.text)}`);
          lines.push(`${ind}  outputs:`, `${ind}    - ${r.pick(OUTPUTS)}`);
          const done = dl.date && r.chance(0.25);
          if (done) lines.push(`${ind}  status: done`, `${ind}  done: "${pad(r.int(1, 28))}/0${r.int(1, 5)}/${year}"`);
          tasksOut.push({ plan: planId, id: tid, title: t, due: dl.date, done, unit: leads[0] });
        }
        made++;
      };
      if (withChildren) {
        const parentTitle = title(r);
        lines.push(`${indent}- id: "${id}"`, `${indent}  title: >-`, `${indent}    ${parentTitle}`, `${indent}  tasks:`);
        tasksOut.push({ plan: planId, id, title: parentTitle, due: undefined, done: false });
        made++;
        for (let c = 0; c < 3; c++) task(`${id}.${LETTERS[c]}`, `${indent}    `, true);
      } else {
        task(id, indent, true);
      }
      i++;
    }
  }
  lines.push(
    'duties:',
    '  - id: "bao-cao-6-thang"',
    '    title: "Báo cáo kết quả thực hiện 6 tháng"',
    '    by:',
    `      - ${q(`UBND các xã, thị trấn huyện ${district.name}`)}`,
    `    to: ${q(`UBND huyện ${district.name} (qua Phòng Tư pháp)`)}`,
    '    due: "trước ngày 20/5"',
    '    period: 6m',
    '  - id: "bao-cao-nam"',
    '    title: "Báo cáo kết quả thực hiện năm"',
    '    by:',
    `      - ${q(`các cơ quan, tổ chức huyện ${district.name}`)}`,
    `    to: ${q(`UBND huyện ${district.name} (qua Phòng Tư pháp)`)}`,
    '    due: "trước ngày 15/11"',
    '    period: year',
  );
  return `${lines.join('\n')}\n`;
}

/** `plans` smaller than PLANS makes a small province with the same shape (tests compare its output). */
export function generate({ seed = 8, out = path.join(ROOT, 'bench', 'work', 'province'), plans = PLANS } = {}) {
  const r = rng(seed);
  rmSync(out, { recursive: true, force: true });
  const plansDir = path.join(out, 'plans');
  mkdirSync(plansDir, { recursive: true });
  const { districts } = makeUnits(r);
  writeFileSync(path.join(plansDir, 'units.yaml'), unitsYaml(districts));
  copyFileSync(path.join(ROOT, 'plans', 'calendar.yaml'), path.join(plansDir, 'calendar.yaml'));
  const tasks = [];
  let bytes = 0;
  for (let n = 1; n <= plans; n++) {
    const part = `part-${Math.ceil((n * PARTS) / plans)}`;
    mkdirSync(path.join(plansDir, part), { recursive: true });
    const text = makePlan(r, n, districts[(n - 1) % districts.length], 2024, tasks);
    bytes += Buffer.byteLength(text);
    writeFileSync(path.join(plansDir, part, `kh-${String(n).padStart(4, '0')}.yaml`), text);
  }
  // Taskwarrior: the same leaf tasks, with the date each deadline names.
  const tw = tasks.map((t) => ({
    description: `${t.plan} ${t.id} ${t.title.slice(0, 80)}`,
    status: t.done ? 'completed' : 'pending',
    entry: '20240101T000000Z',
    ...(t.done ? { end: '20240301T000000Z' } : {}),
    ...(t.due ? { due: `${t.due[0]}${pad(t.due[1])}${pad(t.due[2])}T170000Z` } : {}),
    project: t.plan,
  }));
  writeFileSync(path.join(out, 'taskwarrior.json'), `${JSON.stringify(tw)}\n`);
  return { out, plans, tasks: tasks.length, units: UNITS, bytes };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const info = generate({ seed: Number(arg('--seed', '8')), out: path.resolve(arg('--out', path.join(ROOT, 'bench', 'work', 'province'))), plans: Number(arg('--plans', String(PLANS))) });
  process.stdout.write(`${info.plans} plans, ${info.tasks} tasks, ${info.units} units, ${(info.bytes / 1048576).toFixed(1)} MB in ${path.relative(process.cwd(), info.out) || '.'}\n`);
}

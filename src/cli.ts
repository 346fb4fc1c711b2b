// The `plan` program: declares every command, loads each handler only when it
// runs (start-up stays fast), and maps errors to exit codes in one place.
//
// The pattern every command follows (so the whole CLI runs in process, in tests too):
// - `main(argv, io)` is the program; bin/plan.js is the only file that touches
//   process globals (argv, stdout/stderr, env, the clock, exit code, EPIPE).
// - A command is `run(args, opts, g)` in src/commands/: it writes with
//   `g.io.stdout.write` / `g.io.stderr.write`, asks the day with `today(g)` or
//   `resolveAsOf(g, …)`, reads plans through the I/O layer (loadWorkspace), and
//   ends by returning its exit code or throwing ExitError (`fail` = 1, `usage` = 2);
//   never process.exit, process.stdout or new Date().
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from './paths.js';
import { Command, CommanderError, Option } from 'commander';
import chalk from 'chalk';
import type { Lang } from './core/diagnostic.js';
import { type CliIo, ExitError, type GlobalOptions } from './commands/context.js';
import { localizeCommander } from './cli-help.js';
import { visible } from './core/text.js';
import { PERIOD_CODES } from './core/periods.js';
import { outputFormatsFor, type ViewName } from './render/outputs.js';

const VERSION = (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

function detectLang(argv: readonly string[], env: CliIo['env']): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i === -1 ? env.PLAN_LANG : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return value === 'en' ? 'en' : 'vi';
}

// chalk decides its colour level once, from the process; a run without colour sets 0, a later one restores it.
const CHALK_LEVEL = chalk.level;

type Handler = (args: unknown[], opts: Record<string, unknown>, g: GlobalOptions) => Promise<number | void> | number | void;

/** Words and options the commands share, worded once in the run's language. */
function declarations(lang: Lang) {
  const t = (viText: string, enText: string) => (lang === 'vi' ? viText : enText);
  /** `--period`: commander lists the codes after the description, so it does not repeat them. */
  const periodOption = (description: string) => new Option('--period <period>', description).choices(PERIOD_CODES);
  // The content cache of plan files, for every command that reads plans.
  const withCache = (cmd: Command) =>
    cmd
      .option('--no-cache', t('không dùng bộ nhớ đệm: đọc lại mọi tệp kế hoạch', 'no cache: read every plan file again'))
      .option(
        '--cache-location <dir>',
        t('thư mục bộ nhớ đệm (mặc định node_modules/.cache/kehoach khi có thư mục node_modules)', 'cache folder (default node_modules/.cache/kehoach where node_modules is)'),
      );
  const withPlans = (cmd: Command) =>
    withCache(
      cmd
        .argument('[paths...]', t('tệp hoặc thư mục kế hoạch (mặc định ./plans)', 'plan files or folders (default ./plans)'))
        .option('--units <file>', t('tệp danh mục đơn vị (mặc định units.yaml cạnh kế hoạch)', 'units file (default: units.yaml beside the plans)')),
    );
  const withPlanFile = (cmd: Command) =>
    withCache(
      cmd
        .argument('<file>', t('tệp kế hoạch', 'plan file'))
        .option(
          '--units <file>',
          t('tệp danh mục đơn vị (mặc định units.yaml cạnh tệp kế hoạch, không có thì plans/units.yaml)', 'units file (default: units.yaml beside the plan file, else plans/units.yaml)'),
        ),
    );
  const withAsOf = (cmd: Command, vi = 'coi hôm nay là ngày này', en = 'take this day as today') =>
    cmd.option('--as-of <date>', t(`${vi} (DD/MM/YYYY hoặc YYYY-MM-DD; mặc định hôm nay ở Việt Nam)`, `${en} (DD/MM/YYYY or YYYY-MM-DD; default today in Vietnam)`));
  const withUnitFilter = (cmd: Command) => cmd.option('--unit <name>', t('chỉ của đơn vị này (hoặc các đơn vị của một nhóm)', "only this unit's (or those of a group's members)"));
  // --json is --format json: given with another --format, which one was meant is unclear (exit 2).
  const withJson = (cmd: Command) => cmd.addOption(new Option('--json', t('in dạng JSON (= --format json)', 'print JSON (= --format json)')).conflicts('format'));
  // The formats registered for the command's view (src/render/outputs.ts); the command refuses any other.
  // The first format registered for the view is its default.
  const withOutputFormat = (cmd: Command, view: ViewName) => {
    const names = outputFormatsFor(view).map((f) => f.name);
    return cmd.addOption(new Option('--format <format>', t(`cách in: ${names.join(', ')}`, `output: ${names.join(', ')}`)).default(names[0]));
  };
  const withForce = (cmd: Command) => cmd.option('--force', t('ghi đè tệp đã có', 'overwrite existing files'));
  const withDocuments = (cmd: Command, vi: string, en: string) =>
    withForce(
      cmd
        .requiredOption('--out <dir>', t(`thư mục ghi ${vi}`, `folder to write ${en} to`))
        .option('--format <list>', t('định dạng, nhiều cái cách nhau bởi dấu phẩy: md, docx; both = md,docx', 'formats, comma-separated: md, docx; both = md,docx'), 'both'),
    )
      .option(
        '--templates <dir>',
        t('thư mục mẫu (lời văn .txt, mẫu Word .docx) thay cho templates/ đi kèm', 'templates folder (.txt wording, .docx Word templates) instead of the shipped templates/'),
      )
      .option('--strict', t('không lập văn bản khi kế hoạch có cảnh báo về số, ngày, địa danh hoặc thẩm quyền', 'write nothing when the plans have warnings about number, date, place or authority'));
  return { t, periodOption, withCache, withPlans, withPlanFile, withAsOf, withUnitFilter, withJson, withOutputFormat, withForce, withDocuments };
}

/**
 * Every command, by its name: how it is declared on a new command of that name, and its module,
 * imported only when the command runs (start-up stays fast). Help lists them in this order.
 */
const COMMANDS: Record<string, { declare: (cmd: Command, d: ReturnType<typeof declarations>) => Command; load: () => Promise<{ run: Handler }> }> = {
  // Checking and reading plans.
  check: {
    declare: (cmd, { t, withPlans, withAsOf, withJson, withOutputFormat }) =>
      withAsOf(
        withOutputFormat(
          withJson(
            withPlans(
              cmd.description(t('kiểm tra các kế hoạch: mọi lỗi kèm tệp:dòng:cột, việc quá hạn và sắp đến hạn', 'check plans: every mistake at file:line:column, what is overdue or due soon')),
            ).option('--strict', t('coi cảnh báo và việc quá hạn là lỗi', 'treat warnings and overdue items as errors')),
          ),
          'check',
        ),
      ),
    load: () => import('./commands/check.js'),
  },
  show: {
    declare: (cmd, { t, withPlans, withJson, withOutputFormat }) =>
      withOutputFormat(withJson(withPlans(cmd.description(t('xem kế hoạch đã đọc: dàn ý, hoặc JSON', 'show the resolved plans: an outline, or JSON')))), 'show'),
    load: () => import('./commands/show.js'),
  },
  schema: {
    declare: (cmd, { t }) =>
      cmd
        .description(t('in JSON Schema của tệp kế hoạch (cho trình soạn thảo)', 'print the JSON Schema of plan files (for editors)'))
        .option('--units', t('in schema của tệp units.yaml', 'print the schema of units.yaml instead')),
    load: () => import('./commands/schema.js'),
  },
  // Deadlines in time.
  overdue: {
    declare: (cmd, { t, withPlans, withAsOf, withUnitFilter, withJson, withOutputFormat }) =>
      withOutputFormat(
        withJson(
          withPlans(
            withUnitFilter(
              withAsOf(
                cmd.description(t('các việc quá hạn tính đến một ngày: nhiệm vụ chưa hoàn thành, văn bản chưa gửi', 'what is overdue as of a day: tasks not done, reports not sent')),
                'tính đến ngày này',
                'as of this day',
              ),
            ),
          ),
        ),
        'overdue',
      ).addOption(
        new Option('--group-by <what>', t('none: mỗi đơn vị một dòng (mặc định); item: mỗi việc một dòng, gộp các đơn vị', 'none: a row per unit (default); item: a row per item, units together'))
          .choices(['none', 'item'])
          .default('none'),
      ),
    load: () => import('./commands/overdue.js'),
  },
  agenda: {
    declare: (cmd, { t, withPlans, withAsOf, withUnitFilter, withJson, withOutputFormat }) =>
      withOutputFormat(
        withJson(
          withPlans(
            withUnitFilter(
              withAsOf(
                cmd.description(t('các việc đến hạn trong những ngày tới, theo ngày rồi theo đơn vị', 'what falls due in the coming days, by day then unit')),
                'tính từ ngày này',
                'from this day',
              ),
            ),
          ),
        ),
        'agenda',
      ).option('--days <n>', t('số ngày tới (mặc định 14, hoặc dueSoonDays trong settings.yaml)', 'number of days ahead (default 14, or dueSoonDays in settings.yaml)')),
    load: () => import('./commands/agenda.js'),
  },
  ics: {
    declare: (cmd, { t, withPlans, withUnitFilter, withOutputFormat, withForce }) =>
      withForce(
        withUnitFilter(
          withPlans(
            withOutputFormat(cmd, 'ics').description(
              t('xuất mọi thời hạn ra tệp lịch iCalendar (Outlook, Thunderbird, Google Calendar)', 'write every due date to an iCalendar file (Outlook, Thunderbird, Google Calendar)'),
            ),
          ),
        ),
      ).requiredOption('-o, --output <file>', t('tệp .ics cần ghi; "-" để in ra màn hình', 'the .ics file to write; "-" for standard output')),
    load: () => import('./commands/ics.js'),
  },
  // Paperwork.
  sheets: {
    declare: (cmd, { t, withPlans, withAsOf, withUnitFilter, withDocuments }) =>
      withDocuments(
        withUnitFilter(
          withAsOf(
            withPlans(cmd.description(t('lập phiếu giao nhiệm vụ cho từng đơn vị (Markdown, DOCX) và tệp danh sách index.md', 'write an assignment sheet per unit (Markdown, DOCX) and an index.md'))),
            'ngày lập phiếu',
            'date of the sheets',
          ),
        ),
        'các phiếu',
        'the sheets',
      ),
    load: () => import('./commands/sheets.js'),
  },
  report: {
    declare: (cmd, { t, periodOption, withPlans, withAsOf, withDocuments }) =>
      withDocuments(
        withAsOf(
          withPlans(
            cmd.description(
              t('lập khung báo cáo kết quả thực hiện kế hoạch cho một kỳ (của một đơn vị, hoặc tổng hợp)', "write the skeleton of a period's implementation report (one unit's, or consolidated)"),
            ),
          ),
          'ngày lập báo cáo',
          'date of the report',
        ),
        'báo cáo',
        'the report',
      )
        .addOption(periodOption(t('kỳ báo cáo', 'reporting period')).makeOptionMandatory())
        .option('--year <year>', t('năm của kỳ báo cáo (mặc định năm của --as-of)', 'year of the period (default: the --as-of year)'))
        .option('--unit <name>', t('báo cáo của đơn vị này', "this unit's report"))
        .option('--consolidated', t('báo cáo tổng hợp: mọi nhiệm vụ, đơn vị đã/chưa gửi báo cáo', 'consolidated report: every task, who has and has not reported')),
    load: () => import('./commands/report.js'),
  },
  // Recording progress, and plans in git.
  set: {
    declare: (cmd, { t, withPlanFile, withAsOf }) =>
      withAsOf(withPlanFile(cmd.description(t('ghi tiến độ một nhiệm vụ vào tệp kế hoạch (chỉ sửa đúng các dòng đó)', 'record progress of a task in the plan file (only those lines change)'))))
        .argument('<task-id>', t('số thứ tự nhiệm vụ, ví dụ 1.6.a', 'task id, e.g. 1.6.a'))
        .argument(
          '<changes...>',
          t(
            'status=todo|doing|done|stopped (hoặc "hoàn thành", "đang thực hiện", "chưa thực hiện", "dừng"), done=DD/MM/YYYY, note=…; status=done không ghi ngày thì lấy hôm nay; chỉ ghi done=… là hoàn thành',
            'status=todo|doing|done|stopped (or the Vietnamese words), done=DD/MM/YYYY, note=…; status=done without a date takes today; done=… alone marks it done',
          ),
        )
        .option('--unit <name>', t('ghi tiến độ riêng của đơn vị này (mục progress)', "record this unit's own progress (the progress list)")),
    load: () => import('./commands/set.js'),
  },
  submit: {
    declare: (cmd, { t, withPlanFile, withAsOf }) =>
      withAsOf(withPlanFile(cmd.description(t('ghi nhận một đơn vị đã gửi kế hoạch, báo cáo (nghĩa vụ trong duties)', 'record that a unit sent a plan or report it owes (a duty)'))))
        .argument('<duty-id>', t('mã nghĩa vụ, ví dụ bao-cao-6-thang', 'duty id, e.g. bao-cao-6-thang'))
        .requiredOption('--unit <name>', t('đơn vị đã gửi', 'the unit that sent it'))
        .option('--date <date>', t('ngày gửi (DD/MM/YYYY hoặc YYYY-MM-DD; mặc định hôm nay ở Việt Nam)', 'date sent (DD/MM/YYYY or YYYY-MM-DD; default today in Vietnam)'))
        .option('--year <year>', t('năm của kỳ báo cáo, nếu khác năm của ngày gửi', 'the reporting year, when not the year of the date sent'))
        .option('--number <number>', t('số, ký hiệu văn bản đã gửi', 'number of the document sent')),
    load: () => import('./commands/submit.js'),
  },
  book: {
    declare: (cmd, { t, periodOption, withPlans, withAsOf, withUnitFilter, withForce }) =>
      withForce(
        withUnitFilter(
          withAsOf(
            withPlans(
              cmd.description(
                t(
                  'lập sổ theo dõi Excel (.xlsx) của một kỳ: mỗi đơn vị một trang, thời hạn, tình trạng chọn từ danh sách, việc quá hạn tô màu; đơn vị điền rồi gửi lại cho plan collect',
                  "write the period's Excel tracking book (.xlsx): a sheet per unit, deadlines, a status drop-down, overdue rows coloured; units fill it in and plan collect reads it back",
                ),
              ),
            ),
            'ngày lập sổ',
            'date of the book',
          ),
        ),
      )
        .requiredOption('--out <file>', t('tệp .xlsx cần ghi', 'the .xlsx file to write'))
        .addOption(periodOption(t('kỳ báo cáo', 'reporting period')).makeOptionMandatory())
        .option('--year <year>', t('năm của kỳ (mặc định năm của --as-of)', 'year of the period (default: the --as-of year)'))
        .option('--templates <dir>', t('thư mục mẫu lời văn thay cho templates/ đi kèm', 'wording templates folder instead of the shipped templates/')),
    load: () => import('./commands/book.js'),
  },
  collect: {
    declare: (cmd, { t, periodOption, withAsOf, withJson, withOutputFormat }) =>
      withAsOf(
        withOutputFormat(
          withJson(
            cmd
              .description(
                t(
                  'đọc các báo cáo đơn vị gửi lại (DOCX, Markdown của plan report --unit) và sổ theo dõi (XLSX của plan book), ghi tình trạng, kết quả, lần gửi vào kế hoạch (mặc định chỉ chạy thử)',
                  'read the reports units sent back (DOCX, Markdown from plan report --unit) and tracking books (XLSX from plan book); record statuses, results and submissions in the plans (a dry run unless --apply)',
                ),
              )
              .argument(
                '<files...>',
                t(
                  'các tệp báo cáo (.docx, .md; .doc, .odt nếu có LibreOffice) hoặc sổ theo dõi (.xlsx; .xls, .ods nếu có LibreOffice)',
                  'returned reports (.docx, .md; .doc, .odt with LibreOffice) or tracking books (.xlsx; .xls, .ods with LibreOffice)',
                ),
              )
              .option('--plans <paths...>', t('tệp hoặc thư mục kế hoạch (mặc định ./plans)', 'plan files or folders (default ./plans)'))
              .option('--units <file>', t('tệp danh mục đơn vị (mặc định units.yaml cạnh kế hoạch)', 'units file (default: units.yaml beside the plans)'))
              .option('--apply', t('ghi vào tệp kế hoạch (không có: chỉ chạy thử, in những gì sẽ ghi)', 'write into the plan files (without it: a dry run printing what would be recorded)'))
              .addOption(periodOption(t('chỉ nhận báo cáo kỳ này', 'accept only reports for this period')))
              .option('--year <year>', t('chỉ nhận báo cáo của năm này', 'accept only reports for this year'))
              .option('--unit <name>', t('chỉ nhận báo cáo của đơn vị này', "accept only this unit's reports")),
          ),
          'collect',
        ),
      ),
    load: () => import('./commands/collect.js'),
  },
  fmt: {
    declare: (cmd, { t }) =>
      cmd
        .description(t('định dạng lại kế hoạch theo bố cục chuẩn (giữ chú thích)', 'rewrite plans in the canonical layout (comments kept)'))
        .argument('[paths...]', t('tệp hoặc thư mục kế hoạch (mặc định ./plans)', 'plan files or folders (default ./plans)'))
        .option('--check', t('không sửa gì; thoát mã 1 và liệt kê các tệp chưa đúng định dạng', 'change nothing; exit 1 listing the files that would change')),
    load: () => import('./commands/fmt.js'),
  },
  diff: {
    declare: (cmd, { t, withJson, withOutputFormat }) =>
      withOutputFormat(
        withJson(
          cmd.description(
            t(
              'so sánh nội dung kế hoạch, đơn vị, thiết lập, lịch nghỉ giữa hai phiên bản git (mặc định HEAD với thư mục làm việc), hai tệp hoặc hai thư mục',
              'compare plans, units, settings and calendar between two git revisions (default HEAD against the working tree), two files or two folders',
            ),
          ),
        ).argument('[args...]', t('[REV[..REV]] [đường dẫn…], TỆP_A TỆP_B, hoặc THƯ_MỤC_A THƯ_MỤC_B', '[REV[..REV]] [paths…], FILE_A FILE_B, or FOLDER_A FOLDER_B')),
        'diff',
      ).option(
        '--units <file>',
        t('tệp danh mục đơn vị (mặc định units.yaml cạnh kế hoạch, ở mỗi phiên bản so sánh)', 'units file (default: units.yaml beside the plans, as each side of the comparison has it)'),
      ),
    load: () => import('./commands/diff.js'),
  },
  explain: {
    declare: (cmd, { t }) =>
      cmd
        .description(
          t(
            'giải thích một mã lỗi hoặc cảnh báo: ý nghĩa, ví dụ, cách sửa; không ghi mã thì liệt kê mọi mã',
            'explain a diagnostic code (e.g. unknown-unit): meaning, example, fix; without a code, list every code',
          ),
        )
        .argument('[code]', t('mã lỗi', 'the code')),
    load: () => import('./commands/explain.js'),
  },
  import: {
    declare: (cmd, { t, withJson, withForce }) =>
      withJson(
        withForce(cmd.description(t('nhập kế hoạch từ tệp Word (.docx) hoặc văn bản (.txt, .md) thành tệp YAML', 'import a plan from a Word (.docx) or text (.txt, .md) file into a YAML plan')))
          .argument('<file>', t('tệp kế hoạch cần nhập', 'the plan document to import'))
          .option('-o, --output <file>', t('tệp YAML cần ghi (mặc định: in ra màn hình)', 'the YAML file to write (default: standard output)'))
          .option('--units <file>', t('tệp danh mục đơn vị (mặc định plans/units.yaml)', 'units file (default plans/units.yaml)'))
          .option(
            '--write-units',
            t(
              'thêm các tên đơn vị chưa có vào tệp danh mục đơn vị (mặc định khi ghi ra tệp bằng -o; tạo units.yaml cạnh kế hoạch nếu chưa có)',
              'append unknown unit names to the units file (the default when writing with -o; makes units.yaml beside the plan when there is none)',
            ),
          )
          .option('--no-write-units', t('không sửa tệp danh mục đơn vị; từ chối ghi nếu có tên đơn vị chưa có', 'leave the units file alone; refuse to write if a unit name is not in it')),
      ),
    load: () => import('./commands/import.js'),
  },
  init: {
    declare: (cmd, { t }) =>
      cmd
        .description(
          t(
            'tạo kho kế hoạch mới: danh mục đơn vị mẫu, kế hoạch mẫu, .gitattributes, .editorconfig, hook pre-commit, CI mẫu (không ghi đè tệp nào)',
            'scaffold a plans repository: sample units, a new plan, .gitattributes, .editorconfig, pre-commit hook, sample CI (never overwrites)',
          ),
        )
        .argument('[dir]', t('thư mục (mặc định thư mục hiện tại)', 'folder (default: the current one)'))
        .option('--year <year>', t('năm của kế hoạch mẫu (mặc định năm nay)', 'year of the sample plan (default this year)'))
        .option(
          '--tool <spec>',
          t(
            'công cụ ghi vào package.json (tệp .tgz, URL git, thư mục); mặc định đóng gói chính công cụ này vào tools/',
            'the tool to pin in package.json (a .tgz file, git URL or folder); default: this very tool packed into tools/',
          ),
        )
        .option('--no-git', t('không tạo kho git, không bật hook', 'make no git repository, switch no hook on')),
    load: () => import('./commands/init.js'),
  },
};

/**
 * The program for one run: commander keeps parse state in its objects, so each run builds its own.
 * With `only`, the program has that one command (if it is one; else all of them, for commander to
 * suggest the likeliest) and none of the others: a run of one command needs no other's options, and
 * declaring all of them was a tenth of a warm seed check. With `only` false, it has none (a run that
 * asks the version: commander answers it before it looks at any command).
 */
export function buildProgram(lang: Lang, io: CliIo, setExitCode: (code: number) => void, only?: string | false): Command {
  const d = declarations(lang);
  const { t } = d;

  const globals = (cmd: Command): GlobalOptions => {
    const o = cmd.optsWithGlobals<{ lang?: string; color?: boolean; cache?: boolean; cacheLocation?: string }>();
    const color = o.color !== false && !io.env.NO_COLOR && io.stdout.isTTY === true;
    // chalk 5 ignores NO_COLOR and pipes on its own.
    chalk.level = color ? CHALK_LEVEL : 0;
    return { lang, color, io, ...(o.cache === false ? { noCache: true } : {}), ...(o.cacheLocation ? { cacheLocation: o.cacheLocation } : {}) };
  };

  /** An action that imports its command module only when the command runs. */
  const lazy =
    (load: () => Promise<{ run: Handler }>) =>
    async (...received: unknown[]) => {
      const cmd = received[received.length - 1] as Command;
      const opts = received[received.length - 2] as Record<string, unknown>;
      const args = received.slice(0, -2);
      const g = globals(cmd);
      const mod = await load();
      const code = await mod.run(args, opts, g);
      setExitCode(typeof code === 'number' ? code : 0);
    };

  const program = new Command('plan')
    .description(
      t(
        'Quản lý kế hoạch của UBND dưới dạng tệp YAML: kiểm tra, theo dõi thời hạn, lập phiếu giao việc, báo cáo',
        'Keep Vietnamese government plans as YAML files: check them, track deadlines, write assignment sheets and reports',
      ),
    )
    .version(VERSION, '-V, --version', t('in phiên bản', 'print the version'))
    .helpOption('-h, --help', t('xem hướng dẫn', 'show help'))
    .helpCommand('help [command]', t('xem hướng dẫn của một lệnh', 'show help for a command'))
    .addOption(new Option('--lang <lang>', t('ngôn ngữ: vi (mặc định) hoặc en', 'language: vi (default) or en')).choices(['vi', 'en']))
    .option('--no-color', t('không tô màu', 'no colours'))
    .showSuggestionAfterError(true)
    .exitOverride();

  program.configureOutput({
    writeOut: (str) => io.stdout.write(str),
    writeErr: (str) => io.stderr.write(str),
  });

  const one = only === undefined || only === false || Object.hasOwn(COMMANDS, only) ? only : undefined;
  if (one !== false) for (const [name, { declare, load }] of Object.entries(COMMANDS)) if (one === undefined || one === name) declare(program.command(name), d).action(lazy(load));

  // Commander's own words (help layout, errors) in the user's language, for every command above.
  localizeCommander(program, lang);
  return program;
}

/** The first argument after the global options (`plan --lang en check …`: check), if any. */
function firstAfterGlobals(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--lang') i++;
    else if (!arg.startsWith('--lang=') && arg !== '--no-color') return arg;
  }
  return undefined;
}

/**
 * The command a run names, when nothing but global options comes before it (`plan --lang en check …`);
 * undefined when another option comes first (`plan --help`, `plan -V`), or nothing does.
 */
export function commandNamed(argv: readonly string[]): string | undefined {
  const first = firstAfterGlobals(argv);
  return first?.startsWith('-') ? undefined : first;
}

/** Whether the run asks the version first (`plan -V`, `plan --lang en --version …`). */
export function asksVersion(argv: readonly string[]): boolean {
  const first = firstAfterGlobals(argv);
  return first === '-V' || first === '--version';
}

/**
 * Run `plan` with these arguments (without node and the script) against these
 * streams, environment and clock; resolves to the exit code. Never throws.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const lang = detectLang(argv, io.env);
  let exitCode = 0;
  try {
    const setExitCode = (code: number) => {
      exitCode = code;
    };
    // Only the command named, or none for a version; help, an unknown command or none at all: the whole program.
    const program = buildProgram(lang, io, setExitCode, asksVersion(argv) ? false : commandNamed(argv));
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version end with code 0; every other commander error is wrong usage.
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof ExitError) {
      // Names from files or the command line may hold control or invisible characters: shown as <U+…>.
      if (e.message)
        io.stderr.write(`${visible(e.message)}
`);
      return e.exitCode;
    }
    const err = e as NodeJS.ErrnoException;
    // Output closed early (plan show | head): not an error of ours.
    if (err?.code === 'EPIPE') return exitCode;
    const vi = lang === 'vi';
    io.stderr.write(
      vi ? `lỗi nội bộ: ${String(err?.message ?? e)}\nHãy báo lỗi này kèm lệnh đã chạy.\n` : `internal error: ${String(err?.message ?? e)}\nPlease report this with the command you ran.\n`,
    );
    if (io.env.PLAN_DEBUG) io.stderr.write(`${String(err?.stack)}\n`);
    return 70;
  }
}

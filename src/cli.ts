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

/**
 * The program for one run: commander keeps parse state in its objects, so each run builds its own.
 * With `only`, the program has that one command (if it is one) and none of the others: a run of one
 * command needs no other's options, and declaring all of them was a tenth of a warm seed check.
 */
export function buildProgram(lang: Lang, io: CliIo, setExitCode: (code: number) => void, only?: string): Command {
  const wanted = (name: string) => only === undefined || only === name;
  const vi = lang === 'vi';
  const t = (viText: string, enText: string) => (vi ? viText : enText);
  /** `--period`: commander lists the codes after the description, so it does not repeat them. */
  const periodOption = (description: string) => new Option('--period <period>', description).choices(PERIOD_CODES);

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

  // --- commands -------------------------------------------------------------

  // Options several commands share, worded once.
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
  const withPlanFile = (cmd: Command) => withCache(cmd.argument('<file>', t('tệp kế hoạch', 'plan file')).option('--units <file>', t('tệp danh mục đơn vị', 'units file')));
  const withAsOf = (cmd: Command, vi: string, en: string) =>
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

  // Checking and reading plans.
  if (wanted('check'))
    withAsOf(
      withOutputFormat(
        withJson(
          withPlans(
            program
              .command('check')
              .description(t('kiểm tra các kế hoạch: mọi lỗi kèm tệp:dòng:cột, việc quá hạn và sắp đến hạn', 'check plans: every mistake at file:line:column, what is overdue or due soon')),
          ).option('--strict', t('coi cảnh báo và việc quá hạn là lỗi', 'treat warnings and overdue items as errors')),
        ),
        'check',
      ),
      'coi hôm nay là ngày này',
      'take this day as today',
    ).action(lazy(() => import('./commands/check.js')));

  if (wanted('show'))
    withOutputFormat(withJson(withPlans(program.command('show').description(t('xem kế hoạch đã đọc: dàn ý, hoặc JSON', 'show the resolved plans: an outline, or JSON')))), 'show').action(
      lazy(() => import('./commands/show.js')),
    );

  if (wanted('schema'))
    program
      .command('schema')
      .description(t('in JSON Schema của tệp kế hoạch (cho trình soạn thảo)', 'print the JSON Schema of plan files (for editors)'))
      .option('--units', t('in schema của tệp units.yaml', 'print the schema of units.yaml instead'))
      .action(lazy(() => import('./commands/schema.js')));

  // Deadlines in time.
  if (wanted('overdue'))
    withOutputFormat(
      withJson(
        withPlans(
          withUnitFilter(
            withAsOf(
              program
                .command('overdue')
                .description(t('các việc quá hạn tính đến một ngày: nhiệm vụ chưa hoàn thành, văn bản chưa gửi', 'what is overdue as of a day: tasks not done, reports not sent')),
              'tính đến ngày này',
              'as of this day',
            ),
          ),
        ),
      ),
      'overdue',
    )
      .addOption(
        new Option('--group-by <what>', t('none: mỗi đơn vị một dòng (mặc định); item: mỗi việc một dòng, gộp các đơn vị', 'none: a row per unit (default); item: a row per item, units together'))
          .choices(['none', 'item'])
          .default('none'),
      )
      .action(lazy(() => import('./commands/overdue.js')));

  if (wanted('agenda'))
    withOutputFormat(
      withJson(
        withPlans(
          withUnitFilter(
            withAsOf(
              program.command('agenda').description(t('các việc đến hạn trong những ngày tới, theo ngày rồi theo đơn vị', 'what falls due in the coming days, by day then unit')),
              'tính từ ngày này',
              'from this day',
            ),
          ),
        ),
      ),
      'agenda',
    )
      .option('--days <n>', t('số ngày tới (mặc định 14, hoặc dueSoonDays trong settings.yaml)', 'number of days ahead (default 14, or dueSoonDays in settings.yaml)'))
      .action(lazy(() => import('./commands/agenda.js')));

  if (wanted('ics'))
    withForce(
      withUnitFilter(
        withPlans(
          withOutputFormat(program.command('ics'), 'ics').description(
            t('xuất mọi thời hạn ra tệp lịch iCalendar (Outlook, Thunderbird, Google Calendar)', 'write every due date to an iCalendar file (Outlook, Thunderbird, Google Calendar)'),
          ),
        ),
      ),
    )
      .requiredOption('-o, --output <file>', t('tệp .ics cần ghi; "-" để in ra màn hình', 'the .ics file to write; "-" for standard output'))
      .action(lazy(() => import('./commands/ics.js')));

  // Paperwork.
  if (wanted('sheets'))
    withDocuments(
      withUnitFilter(
        withAsOf(
          withPlans(
            program
              .command('sheets')
              .description(t('lập phiếu giao nhiệm vụ cho từng đơn vị (Markdown, DOCX) và tệp danh sách index.md', 'write an assignment sheet per unit (Markdown, DOCX) and an index.md')),
          ),
          'ngày lập phiếu',
          'date of the sheets',
        ),
      ),
      'các phiếu',
      'the sheets',
    ).action(lazy(() => import('./commands/sheets.js')));

  if (wanted('report'))
    withDocuments(
      withAsOf(
        withPlans(
          program
            .command('report')
            .description(
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
      .option('--consolidated', t('báo cáo tổng hợp: mọi nhiệm vụ, đơn vị đã/chưa gửi báo cáo', 'consolidated report: every task, who has and has not reported'))
      .action(lazy(() => import('./commands/report.js')));

  // Recording progress, and plans in git.
  if (wanted('set'))
    withAsOf(
      withPlanFile(
        program.command('set').description(t('ghi tiến độ một nhiệm vụ vào tệp kế hoạch (chỉ sửa đúng các dòng đó)', 'record progress of a task in the plan file (only those lines change)')),
      ),
      'coi hôm nay là ngày này',
      'take this day as today',
    )
      .argument('<task-id>', t('số thứ tự nhiệm vụ, ví dụ 1.6.a', 'task id, e.g. 1.6.a'))
      .argument(
        '<changes...>',
        t(
          'status=todo|doing|done|stopped (hoặc "hoàn thành", "đang thực hiện", "chưa thực hiện", "dừng"), done=DD/MM/YYYY, note=…; status=done không ghi ngày thì lấy hôm nay; chỉ ghi done=… là hoàn thành',
          'status=todo|doing|done|stopped (or the Vietnamese words), done=DD/MM/YYYY, note=…; status=done without a date takes today; done=… alone marks it done',
        ),
      )
      .option('--unit <name>', t('ghi tiến độ riêng của đơn vị này (mục progress)', "record this unit's own progress (the progress list)"))
      .action(lazy(() => import('./commands/set.js')));

  if (wanted('submit'))
    withAsOf(
      withPlanFile(program.command('submit').description(t('ghi nhận một đơn vị đã gửi kế hoạch, báo cáo (nghĩa vụ trong duties)', 'record that a unit sent a plan or report it owes (a duty)'))),
      'coi hôm nay là ngày này',
      'take this day as today',
    )
      .argument('<duty-id>', t('mã nghĩa vụ, ví dụ bao-cao-6-thang', 'duty id, e.g. bao-cao-6-thang'))
      .requiredOption('--unit <name>', t('đơn vị đã gửi', 'the unit that sent it'))
      .option('--date <date>', t('ngày gửi (DD/MM/YYYY hoặc YYYY-MM-DD; mặc định hôm nay ở Việt Nam)', 'date sent (DD/MM/YYYY or YYYY-MM-DD; default today in Vietnam)'))
      .option('--year <year>', t('năm của kỳ báo cáo, nếu khác năm của ngày gửi', 'the reporting year, when not the year of the date sent'))
      .option('--number <number>', t('số, ký hiệu văn bản đã gửi', 'number of the document sent'))
      .action(lazy(() => import('./commands/submit.js')));

  if (wanted('book'))
    withForce(
      withUnitFilter(
        withAsOf(
          withPlans(
            program
              .command('book')
              .description(
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
      .option('--templates <dir>', t('thư mục mẫu lời văn thay cho templates/ đi kèm', 'wording templates folder instead of the shipped templates/'))
      .action(lazy(() => import('./commands/book.js')));

  if (wanted('collect'))
    withAsOf(
      withOutputFormat(
        withJson(
          program
            .command('collect')
            .description(
              t(
                'đọc các báo cáo đơn vị gửi lại (DOCX, Markdown của plan report --unit) và sổ theo dõi (XLSX của plan book), ghi tình trạng, kết quả, lần gửi vào kế hoạch (mặc định chỉ chạy thử)',
                'read the reports units sent back (DOCX, Markdown from plan report --unit) and tracking books (XLSX from plan book); record statuses, results and submissions in the plans (a dry run unless --apply)',
              ),
            )
            .argument('<files...>', t('các tệp báo cáo (.docx, .md) hoặc sổ theo dõi (.xlsx)', 'returned reports (.docx, .md) or tracking books (.xlsx)'))
            .option('--plans <paths...>', t('tệp hoặc thư mục kế hoạch (mặc định ./plans)', 'plan files or folders (default ./plans)'))
            .option('--units <file>', t('tệp danh mục đơn vị', 'units file'))
            .option('--apply', t('ghi vào tệp kế hoạch (không có: chỉ chạy thử, in những gì sẽ ghi)', 'write into the plan files (without it: a dry run printing what would be recorded)'))
            .addOption(periodOption(t('chỉ nhận báo cáo kỳ này', 'accept only reports for this period')))
            .option('--year <year>', t('chỉ nhận báo cáo của năm này', 'accept only reports for this year'))
            .option('--unit <name>', t('chỉ nhận báo cáo của đơn vị này', "accept only this unit's reports")),
        ),
        'collect',
      ),
      'coi hôm nay là ngày này',
      'take this day as today',
    ).action(lazy(() => import('./commands/collect.js')));

  if (wanted('fmt'))
    program
      .command('fmt')
      .description(t('định dạng lại kế hoạch theo bố cục chuẩn (giữ chú thích)', 'rewrite plans in the canonical layout (comments kept)'))
      .argument('[paths...]', t('tệp hoặc thư mục kế hoạch (mặc định ./plans)', 'plan files or folders (default ./plans)'))
      .option('--check', t('không sửa gì; thoát mã 1 và liệt kê các tệp chưa đúng định dạng', 'change nothing; exit 1 listing the files that would change'))
      .action(lazy(() => import('./commands/fmt.js')));

  if (wanted('diff'))
    withOutputFormat(
      withJson(
        program
          .command('diff')
          .description(
            t(
              'so sánh nội dung kế hoạch, đơn vị, thiết lập, lịch nghỉ giữa hai phiên bản git (mặc định HEAD với thư mục làm việc), hai tệp hoặc hai thư mục',
              'compare plans, units, settings and calendar between two git revisions (default HEAD against the working tree), two files or two folders',
            ),
          ),
      ).argument('[args...]', t('[REV[..REV]] [đường dẫn…], TỆP_A TỆP_B, hoặc THƯ_MỤC_A THƯ_MỤC_B', '[REV[..REV]] [paths…], FILE_A FILE_B, or FOLDER_A FOLDER_B')),
      'diff',
    )
      .option('--units <file>', t('tệp danh mục đơn vị', 'units file'))
      .action(lazy(() => import('./commands/diff.js')));

  if (wanted('explain'))
    program
      .command('explain')
      .description(
        t(
          'giải thích một mã lỗi hoặc cảnh báo: ý nghĩa, ví dụ, cách sửa; không ghi mã thì liệt kê mọi mã',
          'explain a diagnostic code (e.g. unknown-unit): meaning, example, fix; without a code, list every code',
        ),
      )
      .argument('[code]', t('mã lỗi', 'the code'))
      .action(lazy(() => import('./commands/explain.js')));

  if (wanted('import'))
    withJson(
      withForce(
        program
          .command('import')
          .description(t('nhập kế hoạch từ tệp Word (.docx) hoặc văn bản (.txt, .md) thành tệp YAML', 'import a plan from a Word (.docx) or text (.txt, .md) file into a YAML plan')),
      )
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
    ).action(lazy(() => import('./commands/import.js')));

  if (wanted('init'))
    program
      .command('init')
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
      .option('--no-git', t('không tạo kho git, không bật hook', 'make no git repository, switch no hook on'))
      .action(lazy(() => import('./commands/init.js')));
  // --- end of commands ------------------------------------------------------

  // Commander's own words (help layout, errors) in the user's language, for every command above.
  localizeCommander(program, lang);
  return program;
}

/**
 * The command a run names, when nothing but global options comes before it (`plan --lang en check …`);
 * undefined when another option comes first (`plan --help`, `plan -V`), or nothing does.
 */
export function commandNamed(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--lang') i++;
    else if (!arg.startsWith('--lang=') && arg !== '--no-color') return arg.startsWith('-') ? undefined : arg;
  }
  return undefined;
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
    // Only the command named, when it is one; help, a version, an unknown command (which commander
    // answers with the likeliest names) or none at all: the whole program.
    const named = commandNamed(argv);
    let program = buildProgram(lang, io, setExitCode, named);
    if (program.commands.length === 0) program = buildProgram(lang, io, setExitCode);
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

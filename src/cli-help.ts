// Commander's own words in the user's language: the help layout (titles,
// usage lines, argument and value names, choices and defaults) and its error
// messages. Descriptions are written in both languages where commands are
// declared; this module only translates what commander itself prints. It walks
// the whole command tree, so commands added later are covered without a change here.
import type { Argument, Command, Help, Option } from 'commander';
import type { Lang } from './core/diagnostic.js';

const TITLES_VI: Record<string, string> = {
  'Usage:': 'Cách dùng:',
  'Options:': 'Tùy chọn:',
  'Commands:': 'Lệnh:',
  'Arguments:': 'Tham số:',
  'Global Options:': 'Tùy chọn chung:',
};

/** Names of arguments and option values as a Vietnamese user reads them in help and errors. */
const TERMS_VI: Record<string, string> = {
  options: 'tùy_chọn',
  command: 'lệnh',
  paths: 'đường_dẫn',
  path: 'đường_dẫn',
  file: 'tệp',
  files: 'tệp',
  dir: 'thư_mục',
  date: 'ngày',
  name: 'tên',
  format: 'định_dạng',
  list: 'danh_sách',
  what: 'cách',
  lang: 'ngôn_ngữ',
  year: 'năm',
  n: 'số',
  number: 'số',
  'task-id': 'mã_nhiệm_vụ',
  'duty-id': 'mã_nghĩa_vụ',
  changes: 'thay_đổi',
  args: 'tham_số',
  spec: 'nguồn',
  period: 'kỳ',
  topic: 'chủ_đề',
  code: 'mã',
};

const term = (word: string, lang: Lang) => (lang === 'vi' ? (TERMS_VI[word] ?? word) : word);

function argumentName(arg: Argument, lang: Lang): string {
  const name = `${term(arg.name(), lang)}${arg.variadic ? '...' : ''}`;
  return arg.required ? `<${name}>` : `[${name}]`;
}

/** `--as-of <date>` → `--as-of <ngày>`. */
function optionFlags(flags: string, lang: Lang): string {
  return flags.replace(/([<[])([\w-]+)(\.\.\.)?([>\]])/g, (_, open: string, word: string, dots: string | undefined, close: string) => `${open}${term(word, lang)}${dots ?? ''}${close}`);
}

function usageLine(cmd: Command, lang: Lang): string {
  return [
    ...(cmd.options.length > 0 || cmd.commands.length > 0 ? [`[${term('options', lang)}]`] : []),
    ...(cmd.commands.length > 0 ? [`[${term('command', lang)}]`] : []),
    ...cmd.registeredArguments.map((a) => argumentName(a, lang)),
  ].join(' ');
}

function optionExtra(option: Option, lang: Lang): string[] {
  const vi = lang === 'vi';
  const extra: string[] = [];
  if (option.argChoices) extra.push(`${vi ? 'chọn một trong' : 'choices'}: ${option.argChoices.map((c) => JSON.stringify(c)).join(', ')}`);
  if (option.defaultValue !== undefined && (option.required || option.optional)) {
    extra.push(`${vi ? 'mặc định' : 'default'}: ${option.defaultValueDescription ?? JSON.stringify(option.defaultValue)}`);
  }
  return extra;
}

function helpConfiguration(lang: Lang): Partial<Help> {
  return {
    sortSubcommands: false,
    styleTitle: (title: string) => (lang === 'vi' ? (TITLES_VI[title] ?? title) : title),
    commandUsage: (cmd: Command) => {
      const names: string[] = [];
      for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
      return `${names.join(' ')} ${usageLine(cmd, lang)}`.trimEnd();
    },
    subcommandTerm: (cmd: Command) => [cmd.name(), ...(cmd.options.length > 0 ? [`[${term('options', lang)}]`] : []), ...cmd.registeredArguments.map((a) => argumentName(a, lang))].join(' '),
    optionTerm: (option: Option) => optionFlags(option.flags, lang),
    argumentTerm: (arg: Argument) => term(arg.name(), lang),
    optionDescription: (option: Option) => {
      const extra = optionExtra(option, lang);
      return extra.length > 0 ? `${option.description} (${extra.join(lang === 'vi' ? '; ' : ', ')})` : option.description;
    },
  };
}

const ERRORS_VI: [RegExp, (...m: string[]) => string][] = [
  [/unknown option '(.+?)'/, (o) => `không có tùy chọn '${o}'`],
  [/unknown command '(.+?)'/, (c) => `không có lệnh '${c}'`],
  [/missing required argument '(.+?)'/, (a) => `thiếu tham số bắt buộc <${TERMS_VI[a] ?? a}>`],
  [/option '(.+?)' argument missing/, (o) => `tùy chọn '${optionFlags(o, 'vi')}' cần một giá trị`],
  [/required option '(.+?)' not specified/, (o) => `thiếu tùy chọn bắt buộc '${optionFlags(o, 'vi')}'`],
  [/option '(.+?)' argument '(.+?)' is invalid\. Allowed choices are (.+)\./, (o, a, c) => `giá trị '${a}' không hợp lệ cho '${optionFlags(o, 'vi')}'; chọn một trong: ${c}`],
  [/argument '(.+?)' is invalid\. Allowed choices are (.+)\./, (a, c) => `giá trị '${a}' không hợp lệ; chọn một trong: ${c}`],
  [/too many arguments(?: for '(.+?)')?\. Expected (\d+) arguments? but got (\d+)/, (c, e, g) => `thừa tham số${c ? ` cho lệnh '${c}'` : ''}: cần ${e}, nhận ${g}`],
  [/option '(.+?)' cannot be used with option '(.+?)'/, (a, b) => `tùy chọn '${optionFlags(a, 'vi')}' không dùng cùng '${optionFlags(b, 'vi')}'`],
  [/(?:error: )?(.+?) cannot be used with (.+)/, (a, b) => `${a} không dùng cùng ${b}`],
];

/** One of commander's error messages in the user's language, with where to read more. */
export function translateCommanderError(message: string, lang: Lang, commandPath: string): string {
  const seeHelp = lang === 'vi' ? `Xem: ${commandPath} --help` : `See: ${commandPath} --help`;
  if (lang === 'en') return `${message.trimEnd()}\n${seeHelp}\n`;
  const hint = /\(Did you mean (?:one of )?(.+?)\?\)/.exec(message);
  for (const [pattern, say] of ERRORS_VI) {
    const m = pattern.exec(message);
    if (m) return `lỗi: ${say(...m.slice(1).map((s) => s ?? ''))}${hint ? ` (có phải ý bạn là ${hint[1]}?)` : ''}\n${seeHelp}\n`;
  }
  return `${message.replace(/^error:/, 'lỗi:').trimEnd()}\n${seeHelp}\n`;
}

/** Help and commander's errors in `lang` for the program and every command under it (call after declaring them). */
export function localizeCommander(program: Command, lang: Lang): void {
  const walk = (cmd: Command) => {
    const where = cmd.parent ? `${cmd.parent.name()} ${cmd.name()}` : cmd.name();
    cmd.configureHelp(helpConfiguration(lang));
    cmd.configureOutput({ outputError: (str, write) => write(translateCommanderError(str, lang, where)) });
    cmd.commands.forEach(walk);
  };
  walk(program);
}

// Issue 15 (start-up): a run that names its command builds the program with that command
// alone (src/cli.ts: buildProgram's `only`, commandNamed). For every command, what commander
// prints and answers (help, unknown options, missing values, arguments and options, bad
// global options, in both languages) must be exactly what the whole program gives.
import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { asksVersion, buildProgram, commandNamed } from '../../src/cli.js';
import type { Lang } from '../../src/core/diagnostic.js';
import { runCli } from './run-plan.js';

/** What a program built for `only` (or the whole program) prints and throws for argv. */
async function answer(lang: Lang, argv: string[], only?: string | false): Promise<{ stdout: string; stderr: string; error?: string }> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (t: string | Uint8Array) => void (stdout += String(t)), isTTY: false },
    stderr: { write: (t: string | Uint8Array) => void (stderr += String(t)), isTTY: false },
    env: { NO_COLOR: '1' },
    now: () => new Date('2024-01-15T00:00:00Z'),
  };
  const program = buildProgram(lang, io, () => {}, only);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    return { stdout, stderr, error: `${e.code} ${e.exitCode}` };
  }
  // Every argv below ends in commander (help or an error) before any command runs.
  throw new Error(`${argv.join(' ')} ran its command`);
}

const whole = buildProgram('en', { stdout: { write: () => {} }, stderr: { write: () => {} }, env: {}, now: () => new Date() }, () => {});
const commands = whole.commands.map((c) => ({
  name: c.name(),
  // Without arguments, commander stops before the action only for a command that requires some.
  stopsWhenBare: c.registeredArguments.some((a) => a.required) || c.options.some((o) => o.mandatory),
}));

describe('the program built for the command a run names', () => {
  it('has that command and no other', () => {
    expect(commands.length).toBeGreaterThan(15);
    for (const { name } of commands) {
      const only = buildProgram('vi', { stdout: { write: () => {} }, stderr: { write: () => {} }, env: {}, now: () => new Date() }, () => {}, name);
      expect(only.commands.map((c) => c.name())).toEqual([name]);
    }
  });

  for (const lang of ['vi', 'en'] as const) {
    it(`answers every command's help and usage errors as the whole program does (${lang})`, async () => {
      for (const { name, stopsWhenBare } of commands) {
        const cases = [
          [name, '--help'],
          ['--lang', lang, name, '-h'],
          [name, '--no-such-option'],
          [name, '--formt', 'md'],
          [name, '--as-of'],
          [name, '--json', '--format', 'md', '--no-such-option'],
          ['--lang', 'xx', name],
          ...(stopsWhenBare ? [[name], ['--no-color', name]] : []),
        ];
        for (const argv of cases) expect(await answer(lang, argv, name), `${lang}: plan ${argv.join(' ')}`).toEqual(await answer(lang, argv));
      }
    });
  }
});

describe('the program built for a run that asks the version', () => {
  it('declares no command and answers as the whole program does', async () => {
    const asking = [['-V'], ['--version'], ['--lang', 'en', '-V'], ['--no-color', '--version', 'check'], ['-V', '--no-such-option'], ['--lang', 'xx', '-V'], ['--lang=en', '--version', '--help']];
    for (const lang of ['vi', 'en'] as const) {
      for (const argv of asking) {
        expect(asksVersion(argv), argv.join(' ')).toBe(true);
        expect(await answer(lang, argv, false), `${lang}: plan ${argv.join(' ')}`).toEqual(await answer(lang, argv));
      }
    }
    expect(buildProgram('vi', { stdout: { write: () => {} }, stderr: { write: () => {} }, env: {}, now: () => new Date() }, () => {}, false).commands).toEqual([]);
    for (const argv of [['check', '-V'], ['--help', '-V'], ['--lang', '-V'], []]) expect(asksVersion(argv), argv.join(' ')).toBe(false);
  });
});

describe('commandNamed', () => {
  it('finds the command after the global options, and none after any other option', () => {
    expect(commandNamed(['check', '--as-of', '2024-01-15'])).toBe('check');
    expect(commandNamed(['--lang', 'en', 'overdue', '--json'])).toBe('overdue');
    expect(commandNamed(['--lang=en', '--no-color', 'show'])).toBe('show');
    expect(commandNamed(['--lang', 'check'])).toBeUndefined();
    expect(commandNamed(['--help', 'check'])).toBeUndefined();
    expect(commandNamed(['-V'])).toBeUndefined();
    expect(commandNamed([])).toBeUndefined();
    expect(commandNamed(['chek'])).toBe('chek');
  });

  it('leaves a name that is no command to the whole program, which suggests the likeliest', async () => {
    const r = await runCli(['--lang', 'en', 'chek']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'chek'/);
    expect(r.stderr).toMatch(/check/);
    expect((await runCli(['--lang', 'en', 'help', 'overdue'])).stdout).toMatch(/^Usage: plan overdue/m);
    expect((await runCli(['--lang', 'en', '--help'])).stdout).toMatch(/init/);
  });
});

// The command line: commander wiring, usage errors as sentences, and the exit code — never process.exit.
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { UsageError } from '../errors.js';
import { ToolError, toolMessage } from '../i18n/tools.js';
import { localeFromEnvironment, parseLocale, ui } from '../i18n/index.js';
import { stylishFindings } from '../report/stylish.js';
import type { Locale } from '../findings.js';
import { processIo, type CliIo } from './io.js';
import { visible } from '../report/visible.js';

export interface CommandContext {
  io: CliIo;
  exitCode: number;
  version: string;
  /** The --lang value as a locale; an unknown value is a usage error. */
  locale(flag: string | undefined): Locale | undefined;
  /**
   * The language of a command's own messages, before any catalogue says otherwise: --lang, else the environment's
   * (LANG), else zh-CN — as run() writes a usage error's heading, so that its findings are in the same language.
   */
  messageLocale(flag: string | undefined): Locale;
}

type Register = (program: Command, context: CommandContext) => void;

/**
 * Each command's module, loaded only when it is wanted: a command's code and libraries (the site's templates,
 * exceljs, bpmn-moddle…) are a good part of the start-up of every other command. In the order of `--help`.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  validate: async () => (await import('./validate.js')).registerValidate,
  diff: async () => (await import('./diff.js')).registerDiff,
  compare: async () => (await import('./compare.js')).registerCompare,
  build: async () => (await import('./build.js')).registerBuild,
  serve: async () => (await import('./serve.js')).registerServe,
  flow: async () => (await import('./flow.js')).registerFlow,
  fmt: async () => (await import('./fmt.js')).registerFmt,
  export: async () => (await import('./export.js')).registerExport,
  import: async () => (await import('./import.js')).registerImport,
  init: async () => (await import('./init.js')).registerInit,
};

/**
 * The commands to set up: the one named first on the command line (no option of qingdan's own takes a value, so
 * the first word that is not an option is the command), else all of them — for --help, `help`, and a misspelt
 * name, which commander answers with the nearest one.
 */
function commandsFor(argv: string[]): string[] {
  const name = argv.find((arg) => !arg.startsWith('-'));
  return name !== undefined && Object.hasOwn(COMMANDS, name) ? [name] : Object.keys(COMMANDS);
}

export function toolVersion(): string {
  try {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return manifest.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export async function run(argv: string[], io: CliIo = processIo()): Promise<number> {
  const context: CommandContext = {
    io,
    exitCode: 0,
    version: toolVersion(),
    locale(flag) {
      if (flag === undefined) return undefined;
      const locale = parseLocale(flag);
      if (!locale) throw new UsageError('bad-option', { option: '--lang', value: flag, expected: 'zh-CN, en' });
      return locale;
    },
    messageLocale(flag) {
      return this.locale(flag) ?? localeFromEnvironment(io.env) ?? 'zh-CN';
    },
  };
  const program = new Command('qingdan')
    .description('权责清单工具箱 — validate, diff, render and publish power and responsibility lists')
    .version(context.version, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .showSuggestionAfterError(true);

  // Usage errors can come before any command has parsed its options: honour --lang for them too — the last one, as
  // commander does, so that a script that appends --lang to a command line gets one language, not two.
  const langIndex = argv.findLastIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  const langFlag = langIndex < 0 ? undefined : argv[langIndex]!.includes('=') ? argv[langIndex]!.slice('--lang='.length) : argv[langIndex + 1];
  const fallbackLocale = (langFlag ? parseLocale(langFlag) : undefined) ?? localeFromEnvironment(io.env) ?? 'zh-CN';
  try {
    // Loaded here, inside the try: a command whose module cannot load (a half-built dist/) is an internal error with
    // exit 2, not a stack trace.
    for (const name of commandsFor(argv)) (await COMMANDS[name]!())(program, context);
    await program.parseAsync(argv, { from: 'user' });
    return context.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with code 0; commander has already printed what it had to say.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UsageError) {
      io.stderr.write(visible(`qingdan: ${ui(fallbackLocale, error.key, error.data)}\n`));
      if (error.findings.length) io.stderr.write(stylishFindings(error.findings, { locale: fallbackLocale, color: false, toolVersion: context.version }));
      return 2;
    }
    // import, export and init speak in their own sentences (src/i18n/tools*.ts); the exit code is the same.
    if (error instanceof ToolError) {
      io.stderr.write(visible(`qingdan: ${toolMessage(fallbackLocale, error.key, error.data)}\n`));
      return 2;
    }
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    io.stderr.write(visible(`qingdan: ${ui(fallbackLocale, 'internal-error', { detail })}\n`));
    if (io.env.QINGDAN_DEBUG && error instanceof Error && error.stack) io.stderr.write(visible(`${error.stack}\n`));
    return 2;
  }
}

/**
 * Command dispatch: `stratdoc <command> [options]`. Each command is an entry of COMMANDS
 * (a later `report` command is added there); `--help` and `--version` work at the top.
 */
import type { Lang, Text } from '../core/text';
import { checkCommand, usageError } from './check';
import { reportCommand } from './report';
import { exportCommand } from './export';
import { convertCommand } from './convert';
import { earlyLang, EXIT_OK, EXIT_USAGE, isLang, type CliIo, type ExitCode } from './io';
import { M } from './messages';
import { VERSION } from './version';

export interface Command {
  name: string;
  summary: Text;
  run(argv: string[], io: CliIo): ExitCode;
}

export const COMMANDS: Command[] = [
  { name: 'check', summary: { en: 'check documents', de: 'Dokumente prüfen' }, run: checkCommand },
  { name: 'report', summary: { en: 'write the HTML report', de: 'den HTML-Bericht schreiben' }, run: reportCommand },
  { name: 'export', summary: { en: 'export the plan as a calendar or a table', de: 'den Plan als Kalender oder Tabelle exportieren' }, run: exportCommand },
  {
    name: 'convert',
    summary: { en: 'write a plan or strategy in canonical form', de: 'einen Plan oder eine Strategie in kanonischer Form schreiben' },
    run: convertCommand,
  },
];

/** Runs the CLI; returns the exit code. Never throws: an internal error is exit code 2. */
export function run(argv: string[], io: CliIo): ExitCode {
  const lang: Lang = earlyLang(argv, io.env);
  try {
    // Options before the command: --help, --version, --lang.
    let i = 0;
    for (; i < argv.length && argv[i].startsWith('-'); i++) {
      const a = argv[i];
      if (a === '--help' || a === '-h') {
        io.stdout(M.mainHelp(VERSION)[lang]);
        return EXIT_OK;
      }
      if (a === '--version' || a === '-v' || a === '-V') {
        io.stdout(`${VERSION}\n`);
        return EXIT_OK;
      }
      if (a === '--lang' || a.startsWith('--lang=')) {
        const v = a === '--lang' ? argv[++i] : a.slice('--lang='.length);
        if (v === undefined || !isLang(v)) return usageError(io, lang, v === undefined ? M.missingValue('--lang') : M.badLang(v), M.helpHint());
        continue;
      }
      return usageError(io, lang, M.unknownOption(a), M.helpHint());
    }
    const name = argv[i];
    if (name === undefined) {
      io.stderr(`stratdoc: ${M.noCommand()[lang]}\n\n${M.mainHelp(VERSION)[lang]}`);
      return EXIT_USAGE;
    }
    if (name === 'help') {
      const topic = COMMANDS.find((c) => c.name === argv[i + 1]);
      if (topic) return topic.run(['--help', ...argv.slice(0, i)], io);
      io.stdout(M.mainHelp(VERSION)[lang]);
      return EXIT_OK;
    }
    const cmd = COMMANDS.find((c) => c.name === name);
    if (!cmd) return usageError(io, lang, M.unknownCommand(name), M.helpHint());
    // A --lang before the command applies to the command too.
    return cmd.run([...argv.slice(0, i), ...argv.slice(i + 1)], io);
  } catch (e) {
    // Words for the user, never the exception's text (docs/security.md); the stack only on request.
    io.stderr(`stratdoc: ${M.internalError()[lang]}\n`);
    if (io.env.STRATDOC_DEBUG) io.stderr(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT_USAGE;
  }
}

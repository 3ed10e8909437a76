/** What a CLI command sees of the process: its folder, environment and output streams. */
import type { Lang } from '../core/text';
import { envLang } from '../node/env';
export { envLang };

export interface CliIo {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout(s: string): void;
  stderr(s: string): void;
  /** Whether stdout is a terminal (colour is used only then). */
  stdoutIsTTY: boolean;
  /** Whether stderr is a terminal (progress is shown only then; docs/cli.md "Many files"). */
  stderrIsTTY?: boolean;
}

export type ExitCode = 0 | 1 | 2;

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

export function isLang(v: string): v is Lang {
  return v === 'en' || v === 'de';
}

/**
 * The language of the CLI's texts before any configuration is read: `--lang` (when given
 * and valid, anywhere in the arguments), else the environment, else English.
 */
export function earlyLang(argv: string[], env: CliIo['env']): Lang {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break;
    let v: string | undefined;
    if (argv[i] === '--lang') v = argv[i + 1];
    else if (argv[i].startsWith('--lang=')) v = argv[i].slice('--lang='.length);
    if (v !== undefined && isLang(v)) return v;
  }
  return envLang(env) ?? 'en';
}

/** Colour only on a terminal, never with NO_COLOR set; FORCE_COLOR forces it (tests, CI logs). */
export function useColour(io: CliIo): boolean {
  if (io.env.NO_COLOR) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return io.stdoutIsTTY;
}

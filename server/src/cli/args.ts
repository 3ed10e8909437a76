/**
 * A small argument parser: `--name value`, `--name=value`, `-x value`, flags, `--` ends
 * the options. Knows nothing about commands; each command passes its option specs.
 */
import type { Text } from '../core/text';
import { M } from './messages';

export interface OptionSpec {
  /** Long name without dashes: `format`. */
  name: string;
  /** One-letter alias without dash: `f`. */
  short?: string;
  /** Whether the option takes a value (else it is a flag). */
  value: boolean;
}

export interface ParsedArgs {
  /** By long name: the value, or true for a flag. The last occurrence wins. */
  options: Map<string, string | true>;
  positionals: string[];
}

export function parseArgs(argv: string[], specs: OptionSpec[]): ParsedArgs | { error: Text } {
  const options = new Map<string, string | true>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const spec = specs.find((s) => s.name === name);
      if (!spec) return { error: M.unknownOption(eq >= 0 ? a.slice(0, eq) : a) };
      if (!spec.value) {
        if (eq >= 0) return { error: M.noValueAllowed(`--${name}`) };
        options.set(spec.name, true);
        continue;
      }
      if (eq >= 0) options.set(spec.name, a.slice(eq + 1));
      else {
        if (i + 1 >= argv.length) return { error: M.missingValue(`--${name}`) };
        options.set(spec.name, argv[++i]);
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      const spec = specs.find((s) => s.short === a.slice(1, 2));
      if (!spec) return { error: M.unknownOption(a.slice(0, 2)) };
      const rest = a.slice(2);
      if (!spec.value) {
        if (rest) return { error: M.unknownOption(a) };
        options.set(spec.name, true);
        continue;
      }
      if (rest) options.set(spec.name, rest.startsWith('=') ? rest.slice(1) : rest);
      else {
        if (i + 1 >= argv.length) return { error: M.missingValue(a) };
        options.set(spec.name, argv[++i]);
      }
      continue;
    }
    positionals.push(a);
  }
  return { options, positionals };
}

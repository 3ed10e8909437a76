/** What the process environment says, for the CLI and the server alike. */
import type { Lang } from '../core/text';

/** The language of the environment: the first set of LC_ALL, LC_MESSAGES, LANG (POSIX order). */
export function envLang(env: Record<string, string | undefined>): Lang | undefined {
  const v = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  if (!v) return undefined;
  return /^de([_.@-]|$)/i.test(v) ? 'de' : 'en';
}

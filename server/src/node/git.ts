/**
 * The documents as they were at a Git revision, for `check --changed-since REF` and
 * `report --base REF` (docs/cli.md "Changes, not the whole plan"). Uses `git` from the
 * PATH; reads the revision into a temporary index (GIT_INDEX_FILE), so neither the
 * user's index nor the working tree is touched, and writes the Markdown and YAML files
 * of that revision into a temporary folder, which the caller removes with `dispose`.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Text } from '../core/text';
import { t } from '../core/text';

export interface OldTree {
  /** The revision as a commit ID. */
  commit: string;
  /** The repository's top folder (the working tree). */
  top: string;
  /** The folder in the temporary copy that corresponds to the current folder. */
  cwd: string;
  dispose(): void;
}

/** Only files that can be documents or configuration are written out. */
const WANTED = /\.(md|markdown|ya?ml)$/i;

function git(args: string[], cwd: string, env?: NodeJS.ProcessEnv, input?: string): { ok: boolean; out: string; err: string; missing?: boolean } {
  const r = spawnSync('git', args, { cwd, env: env ?? process.env, input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, windowsHide: true });
  if (r.error) return { ok: false, out: '', err: String(r.error.message), missing: (r.error as NodeJS.ErrnoException).code === 'ENOENT' };
  return { ok: r.status === 0, out: r.stdout, err: r.stderr.trim() };
}

export const GIT = {
  missing: (): Text =>
    t('git was not found on the PATH; --changed-since and --base need it.', 'git wurde im PATH nicht gefunden; --changed-since und --base brauchen es.'),
  notRepo: (cwd: string): Text =>
    t(
      `'${cwd}' is not inside a Git repository; --changed-since and --base compare with a Git revision.`,
      `'${cwd}' liegt in keinem Git-Repository; --changed-since und --base vergleichen mit einer Git-Revision.`,
    ),
  badRef: (ref: string): Text =>
    t(
      `'${ref}' is not a commit of this repository (in CI, fetch it first: actions/checkout with fetch-depth: 0).`,
      `'${ref}' ist kein Commit dieses Repositorys (in CI vorher holen: actions/checkout mit fetch-depth: 0).`,
    ),
  failed: (what: string): Text => t(`git failed: ${what}`, `git ist gescheitert: ${what}`),
};

/** The top folder of the repository that holds `cwd`, or an error. */
export function gitTop(cwd: string): { top: string } | { error: Text } {
  const r = git(['rev-parse', '--show-toplevel'], cwd);
  if (r.missing) return { error: GIT.missing() };
  if (!r.ok) return { error: GIT.notRepo(cwd) };
  return { top: path.resolve(r.out.trim()) };
}

/** The commit ID a revision names, in the repository at `top`. */
export function resolveCommit(ref: string, top: string): { commit: string } | { error: Text } {
  if (ref.startsWith('-')) return { error: GIT.badRef(ref) };
  const rev = git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], top);
  if (rev.missing) return { error: GIT.missing() };
  if (!rev.ok) return { error: GIT.badRef(ref) };
  return { commit: rev.out.trim() };
}

/** Writes the documents of `ref` into a temporary folder. */
export function checkoutOld(ref: string, cwd: string): OldTree | { error: Text } {
  const found = gitTop(cwd);
  if ('error' in found) return found;
  const top = found.top;
  const rev = resolveCommit(ref, top);
  if ('error' in rev) return rev;
  const commit = rev.commit;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-base-'));
  const dispose = () => fs.rmSync(tmp, { recursive: true, force: true });
  try {
    const tree = path.join(tmp, 'tree');
    fs.mkdirSync(tree);
    // A .git marks the project root as in the working tree (docs/cli.md "The project around the paths").
    fs.mkdirSync(path.join(tree, '.git'));
    const env = { ...process.env, GIT_INDEX_FILE: path.join(tmp, 'index') };
    const read = git(['read-tree', commit], top, env);
    if (!read.ok) throw new Error(read.err);
    const list = git(['ls-tree', '-r', '-z', '--name-only', commit], top);
    if (!list.ok) throw new Error(list.err);
    const names = list.out.split('\0').filter((n) => n && WANTED.test(n));
    if (names.length) {
      const co = git(['checkout-index', '-z', '--stdin', `--prefix=${tree}${path.sep}`], top, env, names.join('\0') + '\0');
      if (!co.ok) throw new Error(co.err);
    }
    const rel = path.relative(fs.realpathSync(top), fs.realpathSync(cwd));
    return { commit, top, cwd: path.join(tree, rel), dispose };
  } catch (e) {
    dispose();
    return { error: GIT.failed(e instanceof Error ? e.message : String(e)) };
  }
}

/** Runs the built CLI (dist/cli.js) in a fixture folder, and compares outputs with goldens. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../helpers/repo';

// Bundled to out/test/cli/*.js or run from source by npm run test:fast: the nearest package.json.
export const REPO = repoRoot();
export const CLI = path.join(REPO, 'dist', 'cli.js');
export const FIXTURES = path.join(REPO, 'test', 'fixtures', 'cli');
export const GOLDEN = path.join(FIXTURES, 'golden');
export const TODAY = '2027-02-15';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment without anything that changes the output (language, colour). */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE', 'NO_COLOR', 'FORCE_COLOR']) delete env[k];
  return { ...env, ...extra };
}

export function run(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): RunResult {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? FIXTURES,
    env: cleanEnv(opts.env),
    encoding: 'utf8',
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Compares an output with test/fixtures/cli/golden/<name>; `UPDATE_GOLDEN=1` rewrites the
 * golden instead. `normalize` is applied to both sides before comparing.
 */
export function golden(name: string, actual: string, normalize: (s: string) => string = (s) => s): void {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.mkdirSync(GOLDEN, { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  assert.ok(fs.existsSync(file), `golden ${name} is missing: run the tests with UPDATE_GOLDEN=1 to write it`);
  const expected = fs.readFileSync(file, 'utf8');
  assert.equal(normalize(actual), normalize(expected), `output differs from golden ${name} (UPDATE_GOLDEN=1 rewrites it)`);
}

/** A hash of every file (path, bytes, mode) under a folder. */
export function hashTree(dir: string): string {
  const h = crypto.createHash('sha256');
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      const st = fs.lstatSync(p);
      h.update(`${path.relative(dir, p)}\0${st.mode}\0${st.mtimeMs}\0`);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) h.update(fs.readFileSync(p));
    }
  };
  walk(dir);
  return h.digest('hex');
}

/** Copies a fixture folder to a fresh temporary folder (for trees git cannot hold). */
export function tmpCopy(fixture: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-cli-'));
  fs.cpSync(path.join(FIXTURES, fixture), dir, { recursive: true });
  return dir;
}

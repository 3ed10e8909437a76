/** A real Git repository in a temporary folder, for --changed-since, --base and the action. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FIXTURES } from './harness';

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: os.devNull,
};

export class GitRepo {
  readonly dir: string;

  /** A repository holding a copy of test/fixtures/cli/<fixture>, committed once. */
  constructor(fixture = 'review') {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-git-'));
    fs.cpSync(path.join(FIXTURES, fixture), this.dir, { recursive: true });
    this.git('init', '-q', '-b', 'main');
    this.commit('the plans as they were');
  }

  git(...args: string[]): string {
    const r = spawnSync('git', ['-c', 'commit.gpgsign=false', ...args], { cwd: this.dir, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' });
    assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout.trim();
  }

  commit(message: string): string {
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD');
  }

  path(rel: string): string {
    return path.join(this.dir, rel);
  }

  read(rel: string): string {
    return fs.readFileSync(this.path(rel), 'utf8');
  }

  /** Replaces the first occurrence of `from` (which must be there). */
  edit(rel: string, from: string | RegExp, to: string): void {
    const text = this.read(rel);
    const next = text.replace(from, to);
    assert.notEqual(next, text, `${String(from)} in ${rel}`);
    fs.writeFileSync(this.path(rel), next);
  }

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

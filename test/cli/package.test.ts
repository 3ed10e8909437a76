/**
 * The npm package as a user gets it: `npm pack` (which builds through `prepack`) holds the
 * built CLI and server, the rule pages and the README and nothing else; installed from the
 * tarball into an empty project with the registry out of reach, `npx stratdoc check` and
 * `npx stratdoc report` work there. And the rule pages the tools link to are those of the
 * packaged version (a tag URL).
 */
import * as assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DOCS_BASE, docsUrl } from '../../server/src/core/rules/api';
import { ALL_RULES } from '../../server/src/core/rules';
import { REPO, TODAY, cleanEnv } from './harness';
import { generateCorpus } from '../bench/corpus';

const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { name: string; version: string };
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/** npm with the registry out of reach: whatever it would fetch fails instead. */
function npm(cmd: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    shell: process.platform === 'win32',
    env: cleanEnv({
      npm_config_registry: 'http://127.0.0.1:9/',
      npm_config_offline: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
    }),
  });
  if (r.error) throw r.error;
  return r;
}

describe('the npm package', function () {
  this.timeout(180_000);
  let tmp = '';
  let tarball = '';
  let files: string[] = [];
  let project = '';

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-pack-'));
    const r = npm(NPM, ['pack', '--json', '--pack-destination', tmp], REPO);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout.slice(r.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
    tarball = path.join(tmp, out[0].filename);
    files = out[0].files.map((f) => f.path).sort();
    project = path.join(tmp, 'team-plans');
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'team-plans', version: '1.0.0', private: true }, null, 2));
    fs.cpSync(path.join(REPO, 'examples', 'bakery-en'), project, { recursive: true });
  });

  after(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('holds the built CLI and server, the rule pages, README, LICENSE and package.json, nothing else', () => {
    const rulePages = ALL_RULES.map((r) => `docs/rules/${r.meta.id}.md`);
    const expected = ['LICENSE', 'README.md', 'dist/cli.js', 'dist/server.js', 'docs/rules/README.md', 'package.json', ...rulePages].sort();
    assert.deepEqual(files, expected);
  });

  it('has bundles without source map references (none are shipped)', () => {
    const r = spawnSync('tar', ['-xzf', tarball, '-C', tmp], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    for (const f of ['dist/cli.js', 'dist/server.js']) {
      const text = fs.readFileSync(path.join(tmp, 'package', f), 'utf8');
      assert.doesNotMatch(text, /sourceMappingURL/, f);
    }
    assert.match(fs.readFileSync(path.join(tmp, 'package', 'dist/cli.js'), 'utf8'), /^#!\/usr\/bin\/env node/);
  });

  it('installs into an empty project from the tarball alone (no registry) and runs check and report there', () => {
    const install = npm(NPM, ['install', '--no-save', '--offline', tarball], project);
    assert.equal(install.status, 0, install.stdout + install.stderr);
    assert.ok(fs.existsSync(path.join(project, 'node_modules', 'stratdoc', 'dist', 'cli.js')));
    // No runtime dependencies: the bundle carries them; nothing but stratdoc was installed.
    const installed = fs.readdirSync(path.join(project, 'node_modules')).filter((n) => !n.startsWith('.'));
    assert.deepEqual(installed, ['stratdoc']);

    const version = npm(NPX, ['--offline', 'stratdoc', '--version'], project);
    assert.equal(version.stdout.trim(), pkg.version);

    const check = npm(NPX, ['--offline', 'stratdoc', 'check', '--today', TODAY, '--format', 'json'], project);
    assert.ok(check.status === 0 || check.status === 1, check.stderr);
    const findings = JSON.parse(check.stdout) as { file: string; rule: string }[];
    assert.ok(findings.length > 0, 'the bakery example has findings');
    assert.ok(
      findings.every((f) => !f.file.startsWith('node_modules/')),
      'node_modules is skipped',
    );

    const report = npm(NPX, ['--offline', 'stratdoc', 'report', '--today', TODAY, '--out', 'report.html'], project);
    assert.equal(report.status, 0, report.stderr);
    const html = fs.readFileSync(path.join(project, 'report.html'), 'utf8');
    assert.match(html, /<html/);
    assert.match(html, new RegExp(`blob/v${pkg.version.replace(/\./g, '\\.')}/docs/rules/`));
  });

  it('reads many files on worker threads from the installed bundle alone, with the output of one thread', () => {
    const cli = path.join(project, 'node_modules', 'stratdoc', 'dist', 'cli.js');
    assert.ok(fs.existsSync(cli), 'installed by the test before');
    generateCorpus(path.join(project, 'many'), { strategies: 5, plans: 6, entries: 8, seed: 9 });
    const check = (jobs: number) =>
      spawnSync(process.execPath, [cli, 'check', 'many', '--today', TODAY, '--format', 'json', '--jobs', String(jobs)], {
        cwd: project,
        encoding: 'utf8',
        env: cleanEnv({ STRATDOC_DEBUG: '1' }),
      });
    const one = check(1);
    const two = check(2);
    assert.match(one.stderr, /read \d+ files on 1 thread\b/);
    assert.match(two.stderr, /read \d+ files on 2 threads/);
    assert.equal(two.status, one.status);
    assert.equal(two.stdout, one.stdout);
    assert.ok((JSON.parse(two.stdout) as unknown[]).length > 0);
  });
});

describe('rule page links', () => {
  it('point at the tag of the version in package.json', () => {
    assert.equal(DOCS_BASE, `https://github.com/stratdoc/stratdoc/blob/v${pkg.version}/docs/rules/`);
    for (const r of ALL_RULES) {
      assert.equal(docsUrl(r.meta.id), `${DOCS_BASE}${r.meta.id}.md`);
      assert.ok(fs.existsSync(path.join(REPO, 'docs', 'rules', `${r.meta.id}.md`)), r.meta.id);
    }
  });
});

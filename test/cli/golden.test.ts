/**
 * Golden tests of the four output formats of `stratdoc check`, run on
 * test/fixtures/cli/project (whose .stratdoc.yaml leaves only syntax, schema and
 * missing-strategy on, so the goldens do not move while other rules change).
 * `UPDATE_GOLDEN=1 npm test` rewrites the files in test/fixtures/cli/golden/.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../../server/src/core/rules';
import { docsUrl } from '../../server/src/core/rules/api';
import { FIXTURES, REPO, TODAY, golden, run } from './harness';
import { checkSarif } from './sarif-check';

const PROJECT = path.join(FIXTURES, 'project');
const VERSION = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version as string;

/** Rule descriptions and the version live elsewhere; they are checked below, not in the golden. */
function normalizeSarif(s: string): string {
  const log = JSON.parse(s);
  const driver = log.runs[0].tool.driver;
  driver.version = driver.semanticVersion = '<version>';
  for (const r of driver.rules) {
    r.shortDescription.text = '<description>';
    r.helpUri = r.helpUri.replace(/\/blob\/v[^/]+\//, '/blob/v<version>/');
  }
  return JSON.stringify(log, null, 2);
}

describe('cli: golden outputs', () => {
  before(() => assert.ok(fs.existsSync(path.join(REPO, 'dist', 'cli.js')), 'dist/cli.js is missing: run `node esbuild.js` first'));

  it('stylish (English)', () => {
    const r = run(['check', '--today', TODAY, '--lang', 'en'], { cwd: PROJECT });
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stderr, '');
    golden('project.txt', r.stdout);
  });

  it('stylish (German)', () => {
    const r = run(['check', '--today', TODAY, '--lang', 'de'], { cwd: PROJECT });
    assert.equal(r.code, 1, r.stderr);
    golden('project.de.txt', r.stdout);
  });

  it('json', () => {
    const r = run(['check', '--today', TODAY, '--format', 'json'], { cwd: PROJECT });
    assert.equal(r.code, 1, r.stderr);
    golden('project.json', r.stdout);
    const list = JSON.parse(r.stdout) as Record<string, unknown>[];
    assert.ok(Array.isArray(list) && list.length > 0);
    const keys = ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'rule', 'message', 'fingerprint'];
    for (const d of list) {
      assert.deepEqual(Object.keys(d), keys);
      assert.ok(typeof d.file === 'string' && !d.file.includes('\\') && !path.isAbsolute(d.file));
      for (const k of ['line', 'column', 'endLine', 'endColumn']) assert.ok(Number.isInteger(d[k]) && (d[k] as number) >= 1, `${k} 1-based`);
      assert.ok(['error', 'warning', 'information', 'hint'].includes(d.severity as string));
      assert.match(d.fingerprint as string, /^[0-9a-f]{32}:\d+$/);
    }
    assert.equal(new Set(list.map((d) => d.fingerprint)).size, list.length, 'fingerprints are unique');
    // Sorted by file, line, column, rule.
    const key = (d: Record<string, unknown>) => [d.file, d.line, d.column, d.rule] as [string, number, number, string];
    for (let i = 1; i < list.length; i++) {
      const [fa, la, ca, ra] = key(list[i - 1]);
      const [fb, lb, cb, rb] = key(list[i]);
      assert.ok(fa < fb || (fa === fb && (la < lb || (la === lb && (ca < cb || (ca === cb && ra <= rb))))), `not sorted at ${i}`);
    }
    // Every severity occurs in the fixture, and so do the skipped files.
    assert.deepEqual([...new Set(list.map((d) => d.severity))].sort(), ['error', 'hint', 'information', 'warning']);
    assert.ok(list.some((d) => d.rule === 'file'));
  });

  it('sarif', () => {
    const r = run(['check', '--today', TODAY, '--format', 'sarif'], { cwd: PROJECT });
    assert.equal(r.code, 1, r.stderr);
    golden('project.sarif', r.stdout, normalizeSarif);
    const log = JSON.parse(r.stdout);
    checkSarif(log);
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.version, VERSION);
    // Every rule of the catalog, with its description and docs link, in catalog order.
    for (const [i, rule] of ALL_RULES.entries()) {
      const d = driver.rules[i];
      assert.equal(d.id, rule.meta.id);
      assert.equal(d.shortDescription.text, rule.meta.description.en);
      assert.equal(d.helpUri, docsUrl(rule.meta.id));
      assert.equal(d.defaultConfiguration.level, rule.meta.severity === 'error' ? 'error' : rule.meta.severity === 'warning' ? 'warning' : 'note');
    }
    // The same fingerprints as JSON, for code scanning to follow an alert across line shifts.
    const json = JSON.parse(run(['check', '--today', TODAY, '--format', 'json'], { cwd: PROJECT }).stdout) as { fingerprint: string }[];
    assert.deepEqual(
      log.runs[0].results.map((x: { partialFingerprints: Record<string, string> }) => x.partialFingerprints['stratdoc/v1']),
      json.map((d) => d.fingerprint),
    );
    const levels = new Set(log.runs[0].results.map((x: { level: string }) => x.level));
    assert.deepEqual([...levels].sort(), ['error', 'note', 'warning']);
  });

  it('sarif in German uses the German rule descriptions', () => {
    const r = run(['check', '--today', TODAY, '--format', 'sarif', '--lang', 'de'], { cwd: PROJECT });
    const log = JSON.parse(r.stdout);
    checkSarif(log);
    for (const [i, rule] of ALL_RULES.entries()) assert.equal(log.runs[0].tool.driver.rules[i].shortDescription.text, rule.meta.description.de);
  });

  it('github', () => {
    const r = run(['check', '--today', TODAY, '--format', 'github'], { cwd: PROJECT });
    assert.equal(r.code, 1, r.stderr);
    golden('project.github', r.stdout);
    const lines = r.stdout.split('\n').filter(Boolean);
    assert.ok(lines.length > 0);
    for (const l of lines) {
      assert.match(l, /^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=stratdoc\([a-z-]+\)::[^\r\n]+$/);
    }
    // A message with % is escaped.
    assert.ok(lines.some((l) => l.includes('100%25')));
  });

  it('stylish on a clean project', () => {
    const r = run(['check', '--today', TODAY], { cwd: path.join(FIXTURES, 'clean') });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    golden('clean.txt', r.stdout);
  });
});

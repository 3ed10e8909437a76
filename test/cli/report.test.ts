/** `stratdoc report`: the HTML report as a file for pull requests. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO, TODAY, hashTree, run } from './harness';

describe('cli: report', function () {
  this.timeout(60000);
  let out: string;
  beforeEach(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-report-'));
  });
  afterEach(() => fs.rmSync(out, { recursive: true, force: true }));

  it('writes one self-contained report of the examples and says where', () => {
    const file = path.join(out, 'report.html');
    const before = hashTree(path.join(REPO, 'examples'));
    const r = run(['report', 'examples', '--out', file, '--today', TODAY], { cwd: REPO });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Report written to .*report\.html \(2 projects, \d+ findings\)/);
    const html = fs.readFileSync(file, 'utf8');
    assert.match(html, /^<!doctype html>/i);
    assert.doesNotMatch(html, /<script/i, 'no script at all');
    assert.doesNotMatch(html, /\bon[a-z]+\s*=/i, 'no inline handlers');
    assert.doesNotMatch(html, /\bsrc\s*=\s*["']?(https?:)?\/\//i, 'nothing loaded from the network');
    assert.doesNotMatch(html, /url\(\s*["']?(https?:)?\/\//i, 'no CSS loads from the network');
    assert.match(html, /Content-Security-Policy/);
    assert.match(html, /Social-Media-Strategie/, 'the German example');
    assert.match(html, /Zuhören/, 'its steps in German');
    assert.match(html, /Listening/, 'the English example in English');
    assert.equal(hashTree(path.join(REPO, 'examples')), before, 'the documents are not touched');
  });

  it('speaks the language asked for', () => {
    const file = path.join(out, 'en.html');
    const r = run(['report', 'examples/autohaus-de', '-o', file, '--lang', 'en', '--today', TODAY], { cwd: REPO });
    assert.equal(r.code, 0, r.stderr);
    const html = fs.readFileSync(file, 'utf8');
    assert.match(html, /Listening/);
    assert.doesNotMatch(html, />Zuhören</);
  });

  it('says so when there is nothing to report', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-empty-'));
    fs.writeFileSync(path.join(empty, 'README.md'), '# Just notes\n');
    const file = path.join(out, 'r.html');
    const r = run(['report', empty, '--out', file], { cwd: REPO });
    fs.rmSync(empty, { recursive: true, force: true });
    assert.equal(r.code, 0);
    assert.match(r.stderr, /No strategy or plan found/);
    assert.ok(fs.existsSync(file));
  });

  it('exits 2 on bad usage, a missing path, or an unwritable report', () => {
    assert.equal(run(['report', '--today', '2027-13-01'], { cwd: REPO }).code, 2);
    assert.equal(run(['report', '--bogus'], { cwd: REPO }).code, 2);
    const missing = run(['report', 'does-not-exist', '--out', path.join(out, 'x.html')], { cwd: REPO });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /does-not-exist/);
    const blocked = path.join(out, 'file');
    fs.writeFileSync(blocked, 'x');
    const unwritable = run(['report', 'examples/bakery-en', '--out', path.join(blocked, 'r.html')], { cwd: REPO });
    assert.equal(unwritable.code, 2);
    assert.match(unwritable.stderr, /cannot write the report/);
  });

  it('has help in both languages', () => {
    const en = run(['report', '--help'], { cwd: REPO });
    assert.equal(en.code, 0);
    assert.match(en.stdout, /--out FILE/);
    const de = run(['report', '--help'], { cwd: REPO, env: { LANG: 'de_DE.UTF-8' } });
    assert.match(de.stdout, /--out DATEI/);
    assert.match(run(['--help'], { cwd: REPO }).stdout, /stratdoc report/);
  });
});

/**
 * `stratdoc check --fix` and `--fix-dry-run` with the real CLI on a copy of the bakery
 * example (docs/cli.md "Fixing"): only the checked files are written, only safe fixes,
 * what is left is reported; the dry run's diff applies with git to the same result.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO, TODAY, run, hashTree } from './harness';

function copyBakery(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-fix-'));
  fs.cpSync(path.join(REPO, 'examples', 'bakery-en'), dir, { recursive: true });
  return dir;
}

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

const Q1 = 'plans/2027-q1.plan.md';
const Q2 = 'plans/2027-q2.yaml';

describe('cli: check --fix and --fix-dry-run', function () {
  this.timeout(60000);

  it('--fix writes the safe fixes into the checked file only and reports what is left', () => {
    const dir = copyBakery();
    const strategy = fs.readFileSync(path.join(dir, 'strategy.yaml'), 'utf8');
    const q1 = fs.readFileSync(path.join(dir, Q1), 'utf8');
    const before = run(['check', '--today', TODAY, '--format', 'json', Q2], { cwd: dir });
    const rulesBefore = (JSON.parse(before.stdout) as { rule: string }[]).map((d) => d.rule);
    assert.ok(rulesBefore.includes('syntax'), 'the unquoted @priya');

    const r = run(['check', '--fix', '--today', TODAY, '--format', 'json', Q2], { cwd: dir });
    assert.match(r.stderr, /^Fixed 1 problem in 1 file; what is left is reported below\.$/m);
    const left = (JSON.parse(r.stdout) as { rule: string }[]).map((d) => d.rule);
    assert.ok(!left.includes('syntax'), 'the fixed finding is not reported');
    assert.equal(left.length, rulesBefore.length - 1, 'everything else is still reported');
    assert.match(fs.readFileSync(path.join(dir, Q2), 'utf8'), /owner: "@priya"/);
    assert.equal(fs.readFileSync(path.join(dir, 'strategy.yaml'), 'utf8'), strategy, 'the strategy (context) is not written');
    assert.equal(fs.readFileSync(path.join(dir, Q1), 'utf8'), q1, 'a plan outside the paths is not written');
    assert.deepEqual(fs.readdirSync(path.join(dir, 'plans')).sort(), ['2027-q1.plan.md', '2027-q2.yaml'], 'no temporary file left');

    // Nothing left to fix: a second run writes nothing.
    const h = hashTree(dir);
    const again = run(['check', '--fix', '--today', TODAY, Q2], { cwd: dir });
    assert.match(again.stderr, /Nothing to fix automatically\./);
    assert.equal(hashTree(dir), h);
  });

  it('--fix-dry-run prints a unified diff that git applies to exactly what --fix writes; it writes nothing', () => {
    const a = copyBakery();
    const b = copyBakery();
    for (const d of [a, b]) {
      git(d, 'init', '-q');
      git(d, 'add', '.');
      git(d, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'plan');
    }
    const h = hashTree(a);
    const dry = run(['check', '--fix-dry-run', '--today', TODAY], { cwd: a });
    assert.equal(dry.code, 1, 'a diff: exit 1');
    assert.equal(hashTree(a), h, 'nothing written');
    assert.match(dry.stdout, /^--- a\/plans\/2027-q1\.plan\.md\n\+\+\+ b\/plans\/2027-q1\.plan\.md\n@@ /m);
    assert.match(dry.stdout, /^\+    owner: "@priya"$/m);
    assert.match(dry.stderr, /--fix would fix 2 problems in 2 files \(the diff above\); nothing was written\./);
    fs.writeFileSync(path.join(a, '..', `${path.basename(a)}.patch`), dry.stdout);
    git(a, 'apply', path.join(a, '..', `${path.basename(a)}.patch`));

    const fix = run(['check', '--fix', '--today', TODAY], { cwd: b });
    assert.equal(fix.code, run(['check', '--today', TODAY], { cwd: b }).code, 'the exit code is that of what is left');
    for (const f of [Q1, Q2, 'strategy.yaml']) assert.equal(fs.readFileSync(path.join(a, f), 'utf8'), fs.readFileSync(path.join(b, f), 'utf8'), f);
    assert.notEqual(git(b, 'status', '--porcelain'), '', '--fix changed files');

    const clean = run(['check', '--fix-dry-run', '--today', TODAY], { cwd: b });
    assert.equal(clean.code, 0, 'nothing left to fix: exit 0');
    assert.equal(clean.stdout, '');
  });

  it('keeps a BOM and CRLF line endings; speaks German with --lang de', () => {
    const dir = copyBakery();
    const file = path.join(dir, Q1);
    fs.writeFileSync(file, '\ufeff' + fs.readFileSync(file, 'utf8').replace(/\n/g, '\r\n'));
    const r = run(['check', '--fix', '--lang', 'de', '--today', TODAY, Q1], { cwd: dir });
    assert.match(r.stderr, /1 Problem in 1 Datei behoben; was bleibt, steht unten\./);
    const bytes = fs.readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM kept');
    const text = bytes.toString('utf8');
    assert.ok(!/[^\r]\n/.test(text), 'CRLF kept');
    assert.match(text, /\| Launch: the Hearth & Crumb sourdough subscription \| push \|/);
  });

  it('--fix writes through a symbolic link, keeping the link', function () {
    if (process.platform === 'win32') this.skip();
    const dir = copyBakery();
    fs.renameSync(path.join(dir, Q2), path.join(dir, 'q2-real.yaml'));
    fs.symlinkSync(path.join(dir, 'q2-real.yaml'), path.join(dir, Q2));
    run(['check', '--fix', '--today', TODAY, Q2], { cwd: dir });
    assert.ok(fs.lstatSync(path.join(dir, Q2)).isSymbolicLink());
    assert.match(fs.readFileSync(path.join(dir, 'q2-real.yaml'), 'utf8'), /owner: "@priya"/);
  });

  it('ordinary Markdown and YAML: --fix changes nothing, not even a modification time', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-fix-ordinary-'));
    fs.cpSync(path.join(REPO, 'test', 'fixtures', 'ordinary'), dir, { recursive: true });
    const h = hashTree(dir);
    const r = run(['check', '--fix', '--today', TODAY], { cwd: dir });
    assert.equal(r.code, 0);
    assert.equal(hashTree(dir), h);
  });

  it('--fix with --fix-dry-run is a usage error', () => {
    const r = run(['check', '--fix', '--fix-dry-run'], { cwd: copyBakery() });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /either --fix or --fix-dry-run/);
  });
});

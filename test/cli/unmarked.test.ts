/**
 * `stratdoc check` on files without a marker (docs/cli.md, rule unmarked-document): every
 * plan and strategy of the recognition corpus gets one notice at 1:1, no ordinary file does,
 * the stylish output ends with a line naming them, and nothing is written.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO, TODAY, hashTree, run } from './harness';
import { listFiles } from '../helpers/fsworkspace';

const CORPUS = path.join(REPO, 'test', 'fixtures', 'recognition');
const rel = (f: string) => 'test/fixtures/recognition/' + path.relative(CORPUS, f).split(path.sep).join('/');
const docs = (dir: string) =>
  listFiles(path.join(CORPUS, dir))
    .filter((f) => /\.(md|ya?ml)$/.test(f))
    .map(rel);

describe('cli: files without a marker', function () {
  this.timeout(60000);
  // A copy outside the repository, so that the project root is the copy (not the whole repository).
  let TMP = '';
  before(() => {
    TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-unmarked-'));
    fs.cpSync(CORPUS, path.join(TMP, 'test', 'fixtures', 'recognition'), { recursive: true });
  });
  after(() => fs.rmSync(TMP, { recursive: true, force: true }));

  it('one unmarked-document notice at 1:1 per plan or strategy, none on ordinary files; exit 0; nothing written', () => {
    const before = hashTree(TMP);
    const r = run(['check', '--today', TODAY, '--format', 'json', 'test/fixtures/recognition'], { cwd: TMP });
    assert.equal(r.code, 0, r.stderr);
    const list = JSON.parse(r.stdout) as { file: string; line: number; column: number; rule: string; severity: string }[];
    assert.deepEqual(list.map((d) => d.file).sort(), [...docs('plans'), ...docs('strategies')].sort());
    for (const d of list) assert.deepEqual([d.line, d.column, d.rule, d.severity], [1, 1, 'unmarked-document', 'information'], d.file);
    assert.equal(hashTree(TMP), before, 'the corpus is unchanged');
  });

  it('stylish ends with a line naming the files not checked, also with --quiet, in German too', () => {
    const args = ['check', '--today', TODAY, 'test/fixtures/recognition/strategies'];
    const n = docs('strategies').length;
    const en = run([...args, '--lang', 'en'], { cwd: TMP });
    const last = en.stdout.trimEnd().split('\n').pop()!;
    assert.match(
      last,
      new RegExp(`^ℹ Not checked: ${n} files look like plans or strategies but have no 'stratdoc:' marker: test/fixtures/recognition/strategies/`),
    );
    const quiet = run([...args, '--lang', 'en', '--quiet'], { cwd: TMP });
    assert.doesNotMatch(quiet.stdout, /unmarked-document/, 'the notices are not errors');
    assert.match(quiet.stdout.trimEnd().split('\n').pop()!, /^ℹ Not checked: /);
    const de = run([...args, '--lang', 'de'], { cwd: TMP });
    assert.match(de.stdout.trimEnd().split('\n').pop()!, new RegExp(`^ℹ Nicht geprüft: ${n} Dateien sehen aus wie Pläne oder Strategien`));
    const one = run(['check', '--today', TODAY, '--lang', 'en', 'test/fixtures/recognition/plans/airtable-export.yaml'], { cwd: TMP });
    assert.match(
      one.stdout.trimEnd().split('\n').pop()!,
      /^ℹ Not checked: test\/fixtures\/recognition\/plans\/airtable-export\.yaml looks like a plan or strategy/,
    );
  });

  it('ordinary files only: no notice and no such line', () => {
    const r = run(['check', '--today', TODAY, '--lang', 'en', 'test/fixtures/recognition/ordinary'], { cwd: TMP });
    assert.equal(r.code, 0);
    assert.equal(r.stdout, 'No stratdoc documents found.\n');
  });

  it('rules: { unmarked-document: off } in the configuration silences it', () => {
    const dir = path.join(TMP, 'off');
    fs.mkdirSync(dir);
    try {
      fs.copyFileSync(path.join(CORPUS, 'plans', 'redaktionsplan-q1.md'), path.join(dir, 'redaktionsplan-q1.md'));
      fs.writeFileSync(path.join(dir, '.stratdoc.yaml'), 'rules:\n  unmarked-document: off\n');
      const r = run(['check', '--today', TODAY, '--lang', 'en', dir], { cwd: TMP });
      assert.equal(r.stdout, 'No stratdoc documents found.\n');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

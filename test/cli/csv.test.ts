/**
 * CSV plans in the CLI (docs/format.md "CSV plans"): an Excel export (semicolon, BOM,
 * CRLF, TT.MM.JJJJ, empty trailing columns), a Google Sheets export (comma, quoted
 * multi-line cells) and an Airtable export (English headers) give the findings of their
 * Markdown or YAML twins, at the line and column of the cell; a broken CSV is one syntax finding at its quote; an ordinary CSV stays silent;
 * the report shows the plan; nothing is written.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO, TODAY, hashTree, run } from './harness';

const CORPUS = path.join(REPO, 'test', 'fixtures', 'csv');

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
}

describe('cli: CSV plans', function () {
  this.timeout(60000);
  let TMP = '';
  before(() => {
    TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-csv-'));
    fs.cpSync(CORPUS, TMP, { recursive: true });
  });
  after(() => fs.rmSync(TMP, { recursive: true, force: true }));

  const check = (dir: string, lang = 'en'): JsonFinding[] => {
    const r = run(['check', '--today', TODAY, '--lang', lang, '--format', 'json', '.'], { cwd: path.join(TMP, dir) });
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    assert.equal(r.stderr, '');
    return JSON.parse(r.stdout) as JsonFinding[];
  };
  const at = (list: JsonFinding[], file: string) => list.filter((f) => f.file === file).map((f) => `${f.line}:${f.column} ${f.rule}`);
  /** What a finding says, without where: the same for a plan and its twin. */
  const said = (list: JsonFinding[], file: string) =>
    list
      .filter((f) => f.file === file)
      .map((f) => `${f.rule} ${f.message}`)
      .sort();

  it('Excel (German, semicolon, BOM, CRLF): findings on the cells', () => {
    const list = check('excel-de');
    assert.deepEqual(at(list, 'redaktionsplan-q1-2027.plan.csv'), [
      '2:12 below-cadence',
      '2:23 below-cadence',
      '2:67 missing-review',
      '3:1 stale-entry',
      '4:1 stale-entry',
      '4:22 mode-inferred',
      '4:48 missing-review',
      '5:22 mode-inferred',
      '5:54 unknown-person',
      '5:60 missing-review',
      '5:72 unknown-reference',
    ]);
    // 5:22 is inside the quotes of "Umfrage: Lieblingsbrot"; 5:54 is the cell Klaus.
    const lines = fs.readFileSync(path.join(TMP, 'excel-de', 'redaktionsplan-q1-2027.plan.csv'), 'utf8').split('\r\n');
    assert.equal(lines[4].slice(21, 28), 'Umfrage');
    assert.equal(lines[4].slice(53, 58), 'Klaus');
  });

  it('a CSV plan gives the same findings as its Markdown twin (German and English)', () => {
    const de = check('excel-de', 'de');
    assert.deepEqual(said(de, 'redaktionsplan-q1-2027.plan.csv'), said(de, 'redaktionsplan.md'));
    const en = check('sheets-en');
    assert.ok(said(en, 'content-h1-2027.plan.csv').length >= 8);
    assert.deepEqual(said(en, 'content-h1-2027.plan.csv'), said(en, '2027-h1.md'));
  });

  it('Airtable (English headers, cross-post in one quoted cell): the findings of its YAML twin, on the cells', () => {
    const list = check('airtable-en');
    assert.deepEqual(said(list, 'content-calendar-q1-2027.plan.csv'), said(list, 'content.plan.yaml'));
    assert.deepEqual(at(list, 'content-calendar-q1-2027.plan.csv'), [
      '2:19 below-cadence',
      '2:30 below-cadence',
      '2:40 mode-inferred',
      '3:104 missing-review',
      '4:1 stale-entry',
      '4:18 entry-without-goal',
      '5:20 undeclared-channel',
      '5:49 unknown-person',
      '5:54 missing-review',
      '5:65 unknown-reference',
    ]);
  });

  it('Google Sheets (comma, quoted multi-line cell): rows after it keep their lines; an ordinary CSV stays silent', () => {
    const list = check('sheets-en');
    assert.deepEqual(at(list, 'content-h1-2027.plan.csv'), [
      '2:25 mode-inferred',
      '4:21 mode-inferred',
      '5:1 channel-gap',
      '5:1 channel-gap',
      '5:70 self-review',
      '6:1 channel-gap',
      '6:1 stale-entry',
      '6:19 entry-without-goal',
      '6:19 mode-inferred',
      '6:42 unknown-person',
    ]);
    assert.deepEqual(at(list, 'budget.csv'), []);
  });

  it('an unbalanced quote is one syntax finding at the quote, and nothing is written', () => {
    const before = hashTree(TMP);
    const list = check('broken');
    const csv = list.filter((f) => f.file === 'kaputt.plan.csv');
    assert.deepEqual(
      csv.map((f) => `${f.line}:${f.column} ${f.rule}`),
      ['2:22 syntax'],
    );
    assert.match(csv[0].message, /never closed/);
    assert.doesNotMatch(csv[0].message, /Error|undefined|at \w+ \(/);
    assert.equal(hashTree(TMP), before);
  });

  it('the plans: globs of .stratdoc.yaml read a CSV under any name and an unmarked Markdown table as plans', () => {
    const list = check('plans-glob');
    // The Excel export under the name the tool gave it: the findings of excel-de, on the same cells.
    const cells = at(list, 'redaktion/januar-export.csv');
    for (const c of ['5:54 unknown-person', '5:72 unknown-reference', '4:22 mode-inferred', '2:67 missing-review'])
      assert.ok(cells.includes(c), `${c} in ${cells.join(', ')}`);
    assert.deepEqual(at(list, 'notizen/themen.md'), ['5:16 below-cadence', '5:28 entry-without-goal', '6:16 below-cadence', '6:27 entry-without-goal']);
    // The same CSV outside the globs is no document; nothing speaks about it.
    assert.deepEqual(at(list, 'export.csv'), []);
    assert.equal(list.filter((f) => f.rule === 'unmarked-document').length, 0);
  });

  it('the report shows the CSV plan and its entries', () => {
    const out = path.join(os.tmpdir(), `stratdoc-csv-report-${process.pid}.html`);
    try {
      const r = run(['report', '--today', TODAY, '--out', out, '.'], { cwd: path.join(TMP, 'excel-de') });
      assert.equal(r.code, 0, r.stderr);
      const html = fs.readFileSync(out, 'utf8');
      assert.match(html, /redaktionsplan-q1-2027\.plan\.csv#L3/);
      assert.match(html, /Tortenbestellung jetzt online/);
    } finally {
      fs.rmSync(out, { force: true });
    }
  });
});

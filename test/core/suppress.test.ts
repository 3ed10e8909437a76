/**
 * Suppression comments as in markdownlint and ESLint (FORMAT.md "Switching rules off in a
 * file"): `stratdoc-disable` … `stratdoc-enable` ranges, `-next-line`, `-line`, `-file`,
 * in Markdown and YAML comments; an unknown rule name is a warning with "did you mean".
 */
import * as assert from 'node:assert/strict';
import { Workspace } from '../../server/src/core/workspace';
import { ConfigResolver } from '../../server/src/core/config';
import { plainRange } from '../../server/src/core/text';
import type { Finding } from '../../server/src/core/engine';

const TODAY = '2027-02-15';

function check(files: Record<string, string>): Finding[] {
  const ws = new Workspace(new ConfigResolver({ readFile: () => undefined }, { roots: ['file:///w/'] }));
  for (const [name, text] of Object.entries(files)) ws.set(`file:///w/${name}`, text);
  return [...ws.check(TODAY).values()].flat();
}

/** 1-based lines of a rule's findings. */
function lines(list: Finding[], rule: string): number[] {
  return list
    .filter((f) => f.rule === rule)
    .map((f) => f.range.start.line + 1)
    .sort((a, b) => a - b);
}

// A Markdown plan whose five rows each lack an owner (entry-without-owner, one per row).
const ROWS = [
  '| 05.03.2027 | Instagram | Blick in die Backstube | | Bekannter werden |',
  '| 12.03.2027 | Instagram | Rezept der Woche | | Bekannter werden |',
  '| 19.03.2027 | Instagram | Team-Porträt | | Bekannter werden |',
  '| 26.03.2027 | Instagram | Frage an die Community | | Bekannter werden |',
  '| 02.04.2027 | Instagram | Ostergrüße | | Bekannter werden |',
];
function mdPlan(rows: string[]): string {
  return [
    '---',
    'stratdoc: plan',
    'language: de',
    '---',
    '# Redaktionsplan März',
    '',
    '| Datum | Kanal | Thema | Modus | Ziel |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
// Rows start at line 9.
const ROW_LINES = [9, 10, 11, 12, 13];

describe('suppression comments', () => {
  it('every row of the plain plan is reported (the baseline of the cases below)', () => {
    assert.deepEqual(lines(check({ 'p.md': mdPlan(ROWS) }), 'entry-without-owner'), ROW_LINES);
  });

  it('stratdoc-disable … stratdoc-enable is a range, markdownlint style', () => {
    const rows = [...ROWS];
    rows[1] += ' <!-- stratdoc-disable entry-without-owner -->';
    rows[3] += ' <!-- stratdoc-enable entry-without-owner -->';
    assert.deepEqual(lines(check({ 'p.md': mdPlan(rows) }), 'entry-without-owner'), [9, 12, 13]);
  });

  it('stratdoc-disable without enable lasts to the end of the file, not before it', () => {
    const rows = [...ROWS];
    rows[2] += ' <!-- stratdoc-disable entry-without-owner -->';
    assert.deepEqual(lines(check({ 'p.md': mdPlan(rows) }), 'entry-without-owner'), [9, 10]);
  });

  it('disable without a rule switches all off; enable of one rule brings back just that one; enable all ends it', () => {
    const key = (f: Finding) => `${f.range.start.line + 1} ${f.rule}`;
    const base = check({ 'p.md': mdPlan(ROWS) }).map(key);
    assert.ok(
      base.some((k) => !k.endsWith('entry-without-owner') && Number(k.split(' ')[0]) >= 12),
      'other rules fire on the last rows too',
    );
    const rows = [...ROWS];
    rows[0] += ' <!-- stratdoc-disable -->';
    rows[2] += ' <!-- stratdoc-enable entry-without-owner -->';
    rows[3] += ' <!-- stratdoc-enable -->';
    const expected = base.filter((k) => {
      const line = Number(k.split(' ')[0]);
      return line < 9 || line >= 12 || (line === 11 && k.endsWith(' entry-without-owner'));
    });
    assert.deepEqual(
      check({ 'p.md': mdPlan(rows) })
        .map(key)
        .sort(),
      expected.sort(),
    );
  });

  it('-file is the whole file, wherever it stands; -line and -next-line a line', () => {
    const rows = [...ROWS];
    rows[4] += ' <!-- stratdoc-disable-file entry-without-owner -->';
    assert.deepEqual(lines(check({ 'p.md': mdPlan(rows) }), 'entry-without-owner'), []);
    const r2 = [...ROWS];
    r2[0] += ' <!-- stratdoc-disable-line entry-without-owner -->';
    assert.deepEqual(lines(check({ 'p.md': mdPlan(r2) }), 'entry-without-owner'), [10, 11, 12, 13]);
  });

  it('works in YAML comments: range, enable, -file, -next-line', () => {
    const entry = (d: string, title: string) => `  - date: 2027-03-${d}\n    channel: instagram\n    title: ${title}\n    mode: dialog\n    goal: G1\n`;
    const head = 'stratdoc: plan\ntitle: Plan\nentries:\n';
    const e = [entry('05', 'Eins'), entry('12', 'Zwei'), entry('19', 'Drei'), entry('26', 'Vier')];
    const base = lines(check({ 'p.plan.yaml': head + e.join('') }), 'entry-without-owner');
    assert.equal(base.length, 4);
    const ranged = head + e[0] + '  # stratdoc-disable entry-without-owner\n' + e[1] + e[2] + '  # stratdoc-enable entry-without-owner\n' + e[3];
    assert.equal(lines(check({ 'p.plan.yaml': ranged }), 'entry-without-owner').length, 2);
    const file = head + e.join('') + '# stratdoc-disable-file entry-without-owner\n';
    assert.deepEqual(lines(check({ 'p.plan.yaml': file }), 'entry-without-owner'), []);
  });

  it('an unknown rule name in a comment is a warning at the name, with did-you-mean and a fix', () => {
    const rows = [...ROWS];
    rows[0] += ' <!-- stratdoc-disable-line entry-without-ownr, mode-inferred -->';
    const list = check({ 'p.md': mdPlan(rows) });
    const unknown = list.filter((f) => f.rule === 'schema' && /Unknown rule/.test(f.message.en));
    assert.equal(unknown.length, 1);
    assert.equal(unknown[0].severity, 'warning');
    assert.match(unknown[0].message.en, /did you mean 'entry-without-owner'\?/);
    assert.match(unknown[0].message.de, /meinten Sie 'entry-without-owner'\?/);
    const col = rows[0].indexOf('entry-without-ownr');
    assert.deepEqual(plainRange(unknown[0].range), { start: { line: 8, character: col }, end: { line: 8, character: col + 'entry-without-ownr'.length } });
    assert.equal(unknown[0].fixes?.[0].edits[0].edits[0].newText, 'entry-without-owner');
    // The misspelt name switches nothing off; the known one beside it still works.
    assert.deepEqual(lines(list, 'entry-without-owner'), ROW_LINES);
    // YAML: far from any rule, no suggestion, still a warning.
    const y = check({ 'p.plan.yaml': 'stratdoc: plan\ntitle: Plan\n# stratdoc-disable-next-line totally-made-up\nentries: []\n' });
    const w = y.find((f) => f.rule === 'schema' && /Unknown rule 'totally-made-up'/.test(f.message.en));
    assert.ok(w, 'reported in YAML');
    assert.equal(w.range.start.line, 2);
    assert.equal(w.fixes, undefined);
  });

  it('a description after " -- " is no rule name (ESLint style)', () => {
    const rows = [...ROWS];
    rows[0] += ' <!-- stratdoc-disable-line entry-without-owner -- the baker posts this one himself -->';
    const list = check({ 'p.md': mdPlan(rows) });
    assert.deepEqual(lines(list, 'entry-without-owner'), [10, 11, 12, 13]);
    assert.ok(!list.some((f) => /Unknown rule/.test(f.message.en)));
    const y = check({ 'p.plan.yaml': 'stratdoc: plan\ntitle: Plan\n# stratdoc-disable-next-line missing-strategy -- a plan of its own\nentries: []\n' });
    assert.ok(!y.some((f) => /Unknown rule/.test(f.message.en)));
  });

  it('words that only look like the comments switch nothing off', () => {
    const rows = [...ROWS];
    rows[0] += ' <!-- stratdoc-disabled entry-without-owner -->';
    rows[1] += ' <!-- stratdoc-disable-foo entry-without-owner -->';
    assert.deepEqual(lines(check({ 'p.md': mdPlan(rows) }), 'entry-without-owner'), ROW_LINES);
  });
});

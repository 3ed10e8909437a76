/**
 * The recognition corpus (test/fixtures/recognition): editorial plans and strategies
 * in the wild shapes teams keep them in, without a marker, and ordinary Markdown and YAML
 * files (plus test/fixtures/ordinary). Prints precision and recall of the recogniser and
 * holds them to the floors docs/format.md "Documents without a marker" reports.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { recognize, markerEdit } from '../../server/src/core/recognize';
import { PLAN_COLUMNS } from '../../server/src/core/recognition-vocab';
import { planFieldWords } from '../../server/src/core/vocab';
import { parseDocument } from '../../server/src/core/parse';
import { toUri } from '../../server/src/core/uri';
import { listFiles } from '../helpers/fsworkspace';
import { repoRoot } from '../helpers/repo';

const ROOT = path.join(repoRoot(), 'test/fixtures/recognition');
const ORDINARY = path.join(repoRoot(), 'test/fixtures/ordinary');
const docs = (dir: string) => listFiles(dir).filter((f) => /\.(md|markdown|ya?ml)$/i.test(f));

/** Floors: every ordinary file silent, nearly every plan and strategy recognised. */
export const PRECISION_FLOOR = 1;
export const RECALL_FLOOR = 0.9;

describe('recognition corpus', () => {
  const plans = docs(path.join(ROOT, 'plans'));
  const strategies = docs(path.join(ROOT, 'strategies'));
  const ordinary = [...docs(path.join(ROOT, 'ordinary')), ...docs(ORDINARY)];

  it('is large enough (>= 15 plans and strategies, >= 25 ordinary files)', () => {
    assert.ok(plans.length + strategies.length >= 15, `${plans.length + strategies.length} plans and strategies`);
    assert.ok(ordinary.length >= 25, `${ordinary.length} ordinary files`);
  });

  it('precision and recall stay above their floors', () => {
    let tp = 0;
    let fp = 0;
    const misses: string[] = [];
    const wrong: string[] = [];
    for (const [files, kind] of [
      [plans, 'plan'],
      [strategies, 'strategy'],
    ] as const) {
      for (const f of files) {
        const r = recognize(toUri(f), fs.readFileSync(f, 'utf8'));
        if (r?.kind === kind) tp++;
        else misses.push(`${path.relative(ROOT, f)} (${r ? `seen as ${r.kind}` : 'not recognised'})`);
        if (r && r.kind !== kind) fp++;
      }
    }
    for (const f of ordinary) {
      const r = recognize(toUri(f), fs.readFileSync(f, 'utf8'));
      if (r) {
        fp++;
        wrong.push(`${path.relative(repoRoot(), f)} (seen as ${r.kind}: ${r.evidence.join(', ')})`);
      }
    }
    const positives = plans.length + strategies.length;
    const precision = tp + fp ? tp / (tp + fp) : 1;
    const recall = tp / positives;
    console.log(
      `      recognition: ${positives} plans/strategies, ${ordinary.length} ordinary files; precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`,
    );
    for (const m of misses) console.log(`        missed: ${m}`);
    for (const w of wrong) console.log(`        false alarm: ${w}`);
    assert.ok(precision >= PRECISION_FLOOR, `precision ${precision} < ${PRECISION_FLOOR}: ${wrong.join('; ')}`);
    assert.ok(recall >= RECALL_FLOOR, `recall ${recall} < ${RECALL_FLOOR}: ${misses.join('; ')}`);
  });

  it('says what each recognised document looks like', () => {
    for (const f of [...plans, ...strategies]) {
      const r = recognize(toUri(f), fs.readFileSync(f, 'utf8'));
      if (r) assert.ok(r.evidence.length >= 2, `${path.relative(ROOT, f)}: ${r.evidence.join(', ')}`);
    }
  });

  it('the marker edit makes every recognised document a document of the kind it looks like', () => {
    for (const f of [...plans, ...strategies]) {
      const text = fs.readFileSync(f, 'utf8');
      const uri = toUri(f);
      const r = recognize(uri, text);
      if (!r) continue;
      const e = markerEdit(text, r.format, r.kind);
      const lines = text.split('\n');
      const at = lines.slice(0, e.line).join('\n').length + (e.line ? 1 : 0) + e.character;
      const marked = text.slice(0, at) + e.newText + text.slice(at);
      const doc = parseDocument(uri, marked);
      assert.ok(doc, `${path.relative(ROOT, f)} not a document after the edit`);
      assert.equal(doc.kind, r.kind, path.relative(ROOT, f));
      assert.deepEqual(
        doc.problems.filter((p) => p.rule === 'syntax'),
        [],
        `${path.relative(ROOT, f)}: the edit broke the file:\n${marked.slice(0, 300)}`,
      );
      assert.equal(recognize(uri, marked), undefined, `${path.relative(ROOT, f)} still recognised after the edit`);
    }
  });
});

describe("recognition: the owner column is the readers' own", () => {
  // One list (vocab.ts PLAN_FIELDS): every word that makes an owner column recognised is
  // read as the owner, in a Markdown table and as a YAML key.
  const ownerWords = planFieldWords('owner');

  it("is one list with the readers' and has the German and English words teams write", () => {
    assert.deepEqual(PLAN_COLUMNS.owner, ownerWords);
    for (const w of ['Verantwortlich', 'Verantwortlicher', 'Redaktion', 'Zuständig', 'Wer', 'Owner', 'Assignee', 'Editor', 'Who'])
      assert.ok(ownerWords.includes(w), w);
  });

  for (const word of ownerWords) {
    it(`a plan with the owner column '${word}' is recognised, and read with it once marked`, () => {
      const rows = ['03.02.2027', '10.02.2027', '17.02.2027', '24.02.2027'].map((d, i) => `| ${d} | Instagram | Beitrag ${i + 1} | anna |`);
      const md = ['# Redaktionsplan Februar', '', `| Datum | Kanal | Thema | ${word} |`, '|---|---|---|---|', ...rows, ''].join('\n');
      const yaml = [
        'title: Redaktionsplan Februar',
        'entries:',
        ...['2027-02-03', '2027-02-10', '2027-02-17', '2027-02-24'].flatMap((d, i) => [
          `  - date: ${d}`,
          `    channel: instagram`,
          `    title: Beitrag ${i + 1}`,
          `    ${word.includes(' ') ? JSON.stringify(word) : word}: anna`,
        ]),
        '',
      ].join('\n');
      for (const [name, text] of [
        ['februar.md', md],
        ['februar.yaml', yaml],
      ] as const) {
        const uri = `file:///team/${name}`;
        const r = recognize(uri, text);
        assert.equal(r?.kind, 'plan', `${name}: ${word}`);
        assert.ok(r.evidence.includes(word), `${name}: ${word} is evidence (${r.evidence.join(', ')})`);
        const e = markerEdit(text, r.format, r.kind);
        const lines = text.split('\n');
        const at = lines.slice(0, e.line).join('\n').length + (e.line ? 1 : 0) + e.character;
        const doc = parseDocument(uri, text.slice(0, at) + e.newText + text.slice(at));
        assert.equal(doc?.kind, 'plan', name);
        const entries = doc.plan!.entries;
        assert.equal(entries.length, 4, name);
        for (const x of entries) assert.equal(x.owner?.id, 'anna', `${name}: '${word}' read as the owner`);
      }
    });
  }
});

describe('recognition: odd input', () => {
  const odd: [string, string][] = [
    ['empty.md', ''],
    ['bom.md', '\uFEFF'],
    ['pipes.md', '|'.repeat(100000)],
    ['dashes.md', '| a |\n' + '|-'.repeat(50000)],
    ['spaces.yaml', ' '.repeat(100000) + '-'],
    ['colons.yaml', '- ' + 'a'.repeat(100000) + ':'],
    ['flow.yaml', '- {' + 'a: 1, '.repeat(20000) + '}'],
    ['dates.md', '| Datum | Kanal | Thema |\n|---|---|---|\n' + '| 1. 1. 1. 1. | Instagram | x |\n'.repeat(3000)],
    ['fences.md', '```\n| Datum | Kanal | Thema | Status |\n|---|---|---|---|\n' + '| 2027-01-01 | Instagram | x | geplant |\n'.repeat(10)],
    ['nul.yaml', 'posts:\n  - date: \u0000\n'],
    ['crlf.md', '# Redaktionsplan\r\n\r\n| Datum | Kanal | Thema |\r\n|---|---|---|\r\n| 2027-01-01 | Instagram | x |\r\n'],
  ];
  it('never throws, reads at most the probe, ignores tables in code blocks, reads CRLF', () => {
    for (const [name, text] of odd) {
      const r = recognize(`file:///odd/${name}`, text);
      if (name === 'fences.md' || name === 'empty.md' || name === 'pipes.md') assert.equal(r, undefined, name);
      if (name === 'crlf.md') assert.equal(r?.kind, 'plan', name);
    }
  });
  it('the marker edit keeps CRLF and merges into an existing front matter', () => {
    assert.deepEqual(markerEdit('# A\r\n', 'markdown', 'plan'), { line: 0, character: 0, newText: '---\r\nstratdoc: plan\r\n---\r\n' });
    assert.deepEqual(markerEdit('---\ntitle: X\n---\n# A\n', 'markdown', 'strategy'), { line: 1, character: 0, newText: 'stratdoc: strategy\n' });
    assert.deepEqual(markerEdit('%YAML 1.2\n---\nposts:\n  - a: 1\n', 'yaml', 'plan'), { line: 2, character: 0, newText: 'stratdoc: plan\n' });
    assert.deepEqual(markerEdit('# export\n- a: 1\n', 'yaml', 'plan'), { line: 0, character: 0, newText: 'stratdoc: plan\nentries:\n' });
  });
});

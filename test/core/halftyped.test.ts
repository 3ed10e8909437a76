/**
 * A word typed at a line's start without its colon in a YAML plan or strategy
 * (docs/decisions.md "Positions from the model", docs/format.md "A key being typed"): the
 * reader keeps it out of the parse as `ParsedDocument.incomplete`, reports it as a syntax
 * problem at its line, and reads the lines after it as written.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument as parseYamlText } from 'yaml';
import { parseDocument } from '../../server/src/core/parse';
import type { ParsedDocument, PlanEntry } from '../../server/src/core/model';
import { LineIndex } from '../../server/src/core/text';
import { meaning } from '../helpers/meaning';
import { repoRoot } from '../helpers/repo';
import { STRATEGY_YAML_TEXT } from '../robustness/docs';

const PLAN = `stratdoc: plan
title: Redaktionsplan Q1
period: 2027-01-01..2027-03-31
entries:
  - date: 2027-01-12
    channel: instagram
    title: Ein Tag mit unserer Beraterin
    goal: G1
    kpis:
      - K1
      - K2
    status: geplant
  - { id: M2, date: 2027-01-19, channel: linkedin, title: Ladesäulen, status: planned }
  - date: 2027-01-26
    channel: newsletter
    title: Förderung
notes: Ende
`;

/** Every YAML strategy and plan among the fixtures and examples, read. */
function* yamlDocuments(): Generator<{ f: string; text: string; uri: string; d: ParsedDocument }> {
  const root = repoRoot();
  for (const dir of ['test/fixtures', 'examples']) {
    for (const f of (fs.readdirSync(path.join(root, dir), { recursive: true }) as string[]).map(String)) {
      if (!/\.ya?ml$/.test(f)) continue;
      const text = fs.readFileSync(path.join(root, dir, f), 'utf8');
      const uri = 'file:///w/' + f;
      const d = parseDocument(uri, text);
      if (d && d.format === 'yaml') yield { f, text, uri, d };
    }
  }
}

const plan = (text: string) => parseDocument('file:///w/q1.plan.yaml', text)!;
/** `text` with `word` (indented by `indent`) on a new line before line `line`. */
const typed = (text: string, line: number, word: string) => {
  const li = new LineIndex(text);
  const at = li.lineStart(line);
  return text.slice(0, at) + word + '\n' + text.slice(at);
};
/** The same line blanked: what the reading must mean but for the half-typed word. */
const blanked = (text: string, line: number, word: string) => typed(text, line, word.replace(/[^ -]/g, ' ').replace(/-(?= *$)/, '-'));
const half = (d: ParsedDocument) => d.problems.filter((p) => p.rule === 'syntax' && /has no colon/.test(p.message.en));
/** What a reading means without its half-typed words (their problems and `incomplete`). */
const rest = (d: ParsedDocument) => {
  const m = meaning(d) as { problems: { message: string }[]; incomplete?: unknown };
  return { ...m, incomplete: undefined, problems: m.problems.filter((p) => !/has no colon/.test(p.message)) };
};

describe('a word typed without its colon in YAML (ParsedDocument.incomplete)', () => {
  it('at column 0 above `entries:`: the entries stay, the word is half-typed at the top level, with its finding at its line', () => {
    const text = typed(PLAN, 3, 'kpi');
    const d = plan(text);
    assert.equal(d.plan!.entries.length, 3);
    assert.deepEqual(
      d.incomplete?.map((x) => [x.text, x.range.start.line, x.range.start.character, x.range.end.character, x.owner]),
      [['kpi', 3, 0, 3, 'document']],
    );
    const f = half(d);
    assert.equal(f.length, 1);
    assert.deepEqual([f[0].range.start.line, f[0].range.start.character, f[0].range.end.line, f[0].range.end.character], [3, 0, 3, 3]);
    assert.match(f[0].message.de, /keinen Doppelpunkt/);
    // The only syntax finding is the word's: the `entries:` line below it is not part of it.
    assert.equal(d.problems.filter((p) => p.rule === 'syntax').length, 1);
    assert.deepEqual(rest(d), rest(plan(blanked(PLAN, 3, 'kpi'))));
  });

  it('at column 0 between entries and after the last one: the entries below it and the keys after the list stay', () => {
    for (const line of [12, 13, 16]) {
      const d = plan(typed(PLAN, line, 'kpi'));
      assert.equal(d.plan!.entries.length, 3, `line ${line}`);
      assert.deepEqual(
        d.incomplete?.map((x) => [x.text, x.range.start.line, x.owner]),
        [['kpi', line, 'document']],
      );
      assert.deepEqual(rest(d), rest(plan(blanked(PLAN, line, 'kpi'))), `line ${line}`);
    }
  });

  it('inside an entry (first, middle, last line): the entry keeps its keys, and owns the word', () => {
    for (const line of [5, 7, 12, 16]) {
      const d = plan(typed(PLAN, line, '    chan'));
      const owner = d.incomplete?.[0].owner as PlanEntry;
      assert.equal(d.incomplete?.length, 1, `line ${line}`);
      assert.equal(d.incomplete[0].text, 'chan');
      assert.equal(d.incomplete[0].range.start.character, 4);
      assert.ok(d.plan!.entries.includes(owner), `line ${line}: the owner is one of the entries`);
      assert.ok(owner.range.start.line < line, `line ${line}: the entry above it`);
      assert.deepEqual(rest(d), rest(plan(blanked(PLAN, line, '    chan'))), `line ${line}`);
      // Nothing of the word became a field.
      assert.ok(!JSON.stringify(d.plan!.entries).includes('chan '), `line ${line}`);
    }
  });

  it("as a new item of the entries list (`- chan` above a key) and in an entry's own list, which YAML reads", () => {
    const d = plan(typed(PLAN, 14, '  - chan'));
    assert.deepEqual(
      d.incomplete?.map((x) => [x.text, x.range.start.line, x.range.start.character]),
      [['chan', 14, 4]],
    );
    assert.deepEqual(rest(d), rest(plan(blanked(PLAN, 14, '  - chan'))));
    // `- K3` in the KPI list is a value YAML reads: nothing is taken out.
    const list = plan(typed(PLAN, 11, '      - K3'));
    assert.equal(list.incomplete, undefined);
    assert.equal(half(list).length, 0);
  });

  it('in a strategy: at column 0 between sections, and inside a goal', () => {
    const s = (text: string) => parseDocument('file:///w/strategie.strategy.yaml', text)!;
    const base = s(STRATEGY_YAML_TEXT);
    const lines = STRATEGY_YAML_TEXT.split('\n');
    const kpisLine = lines.findIndex((l) => l.startsWith('kpis:'));
    const d = s(typed(STRATEGY_YAML_TEXT, kpisLine, 'kp'));
    assert.deepEqual(
      d.strategy!.kpis.map((k) => k.id),
      base.strategy!.kpis.map((k) => k.id),
    );
    assert.deepEqual(
      d.strategy!.sections.map((x) => x.heading),
      base.strategy!.sections.map((x) => x.heading),
    );
    assert.deepEqual(
      d.incomplete?.map((x) => [x.text, x.range.start.line, x.owner]),
      [['kp', kpisLine, 'document']],
    );
    const block = `stratdoc: strategy\ngoals:\n  - id: G1\n    title: Mehr Probefahrten\n    kpi\n    type: conversion\nkpis:\n  - id: K1\n    title: Anfragen\n`;
    const g = s(block);
    assert.equal(g.strategy!.goals[0].type?.value, 'conversion');
    assert.deepEqual(
      g.strategy!.kpis.map((k) => k.id),
      ['K1'],
    );
    assert.equal(g.incomplete?.[0].owner, g.strategy!.goals[0]);
    // In a section's mapping that is no item yet (no ID): the section owns it.
    const noId = s(`stratdoc: strategy\ngoals:\n  - title: Mehr Probefahrten\n    kpi\n    type: conversion\n`);
    assert.equal((noId.incomplete?.[0].owner as { heading?: string }).heading, 'goals');
  });

  it('several words, one above the other, and a word above a word: each is half-typed, the key below them stays', () => {
    const text = typed(typed(PLAN, 3, 'foo'), 3, 'ba');
    const d = plan(text);
    assert.deepEqual(
      d.incomplete?.map((x) => [x.text, x.range.start.line]),
      [
        ['ba', 3],
        ['foo', 4],
      ],
    );
    assert.equal(d.plan!.entries.length, 3);
    assert.equal(half(d).length, 2);
  });

  it('leaves a word with its value below it as YAML reads it (`entr` above the entries): blanked, the list would continue the key above', () => {
    const text = 'stratdoc: plan\nstrategy: strategie.yaml\nentr\n  - { date: 2027-01-12, channel: instagram }\n  - { date: 2027-01-19, channel: linkedin }\n';
    const d = plan(text);
    assert.equal(d.incomplete, undefined);
    assert.equal(d.plan!.strategyPath?.value, 'strategie.yaml', 'the key above keeps its value');
    assert.ok(d.problems.some((p) => p.rule === 'syntax'));
  });

  it('leaves a key being typed above its value as YAML reads it: the lines below are not handed to the key above', () => {
    const s = (text: string) => parseDocument('file:///w/strategie.strategy.yaml', text)!;
    const text =
      'stratdoc: strategy\nteam:\n  - { id: "@anna", role: Lead }\ngoa\n  - { id: G1, title: Mehr Probefahrten }\nkpis:\n  - { id: K1, title: Anfragen }\n';
    const d = s(text);
    assert.equal(d.incomplete, undefined);
    assert.deepEqual(
      d.strategy!.people.map((p) => p.id),
      ['anna'],
      'the goal is no member of the team',
    );
    // Inside an entry: `kpis` above its list is not blanked into the title above it.
    const p = plan('stratdoc: plan\nentries:\n  - date: 2027-01-12\n    title: Ein Tag\n    kpis\n      - K1\n    channel: instagram\n');
    assert.equal(p.incomplete, undefined);
    assert.ok(!JSON.stringify(p.plan!.entries).includes('Ein Tag - K1'));
  });

  it('leaves alone what YAML reads: a plain scalar on two lines, a block scalar, a document that is one word', () => {
    const cases = [
      'stratdoc: plan\ntitle: Ein langer\n  Titel\nentries: []\n',
      'stratdoc: plan\nnotes: |\n  kpi\n  chan\nentries: []\n',
      'stratdoc: plan\nentries:\n  - date: 2027-01-12\n    title: Ein\n      langer Titel\n',
      'kpi\n',
    ];
    for (const text of cases) {
      const d = parseDocument('file:///w/q1.plan.yaml', text);
      if (!d) continue;
      assert.equal(d.incomplete, undefined, text);
      assert.equal(half(d).length, 0, text);
    }
  });

  it('reads every YAML fixture and example that YAML reads without error exactly as before: nothing is taken out', function () {
    this.timeout(120000);
    let read = 0;
    let withErrors = 0;
    for (const { f, text, d } of yamlDocuments()) {
      if (parseYamlText(text).errors.length) {
        withErrors++;
        continue;
      }
      read++;
      assert.equal(d.incomplete, undefined, f);
      assert.equal(half(d).length, 0, f);
    }
    assert.ok(read >= 20, `${read} documents read (${withErrors} with YAML errors)`);
  });

  it('a word typed above any key of any YAML fixture or example means the blank line but for the word', function () {
    this.timeout(600000);
    let compared = 0;
    let readable = 0;
    for (const { f, text, uri } of yamlDocuments()) {
      if (parseYamlText(text).errors.length) continue;
      const lines = text.split('\n');
      // Above every line that starts a key (`key:` or `- key:`), at the key's indentation.
      for (let i = 0; i < lines.length; i++) {
        const m = /^( *)(- +)?[\p{L}_][\p{L}\p{N}_ -]*:( |$)/u.exec(lines[i]);
        if (!m) continue;
        const word = m[1] + (m[2] ? ' '.repeat(m[2].length) : '') + 'kpi';
        const t = typed(text, i, word);
        const got = parseDocument(uri, t)!;
        if (!parseYamlText(t).errors.length) {
          // YAML reads it (a line of a block scalar): nothing is taken out.
          assert.equal(got.incomplete, undefined, `${f}: 'kpi' above line ${i + 1}, which YAML reads`);
          readable++;
          continue;
        }
        const want = parseDocument(uri, blanked(text, i, word))!;
        assert.deepEqual(rest(got), rest(want), `${f}: 'kpi' above line ${i + 1}`);
        assert.equal(half(got).length, 1, `${f}: 'kpi' above line ${i + 1} is reported`);
        assert.deepEqual(
          got.incomplete?.map((x) => [x.text, x.range.start.line]),
          [['kpi', i]],
        );
        compared++;
      }
    }
    assert.ok(compared >= 200, `${compared} words typed (${readable} where YAML reads them)`);
  });
});

/**
 * The position index (core/position.ts): what a position stands on, from the model —
 * in a YAML plan, a Markdown table, a CSV export and a Markdown strategy — and the same
 * entry a scan of all entries finds, at every position of the example plans.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from '../../server/src/core/parse';
import { PositionIndex, positionIndex } from '../../server/src/core/position';
import { Derived } from '../../server/src/core/derived';
import { containsPos, type Position } from '../../server/src/core/text';
import type { PlanEntry } from '../../server/src/core/model';
import { FM_STRATEGY, PLAN, STRATEGY, PLAN_YAML_TEXT } from '../robustness/docs';
import { repoRoot } from '../helpers/repo';

/** The position of the `n`-th occurrence of `needle` plus `shift` characters. */
function posOf(text: string, needle: string, shift = 0, n = 0) {
  let at = -1;
  for (let i = 0; i <= n; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, needle);
  const before = text.slice(0, at + shift);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

describe('core: the position index', () => {
  it('in a YAML plan: the entry, and whether the cursor is on a key or its value', () => {
    const doc = parseDocument('file:///w/q1.plan.yaml', PLAN_YAML_TEXT)!;
    const ix = new PositionIndex(doc);
    const onKey = ix.at(posOf(PLAN_YAML_TEXT, 'channel: instagram', 2));
    assert.equal(onKey.entry, doc.plan!.entries[0]);
    assert.equal(onKey.field?.on, 'key');
    assert.equal(onKey.field?.field.name, 'channel');
    const onValue = ix.at(posOf(PLAN_YAML_TEXT, 'instagram', 3));
    assert.equal(onValue.field?.on, 'value');
    assert.equal(onValue.field?.field.raw, 'instagram');
    assert.deepEqual(ix.at(posOf(PLAN_YAML_TEXT, 'period:')), {}, 'the head of the plan is no entry');
  });

  it('in a Markdown table: the row and the cell (the column its key names)', () => {
    const doc = parseDocument('file:///w/q1.plan.md', PLAN)!;
    const ix = new PositionIndex(doc);
    const cell = ix.at(posOf(PLAN, '| @anna |', 3, 1));
    assert.equal(cell.entry, doc.plan!.entries[1]);
    assert.equal(cell.field?.on, 'value');
    assert.equal(cell.field?.field.name, 'owner');
    assert.equal(ix.entryAt(posOf(PLAN, '| Datum |', 2)), undefined, 'the header row is no entry');
  });

  it('in a CSV export: the row and the cell', () => {
    const csv = 'Datum;Kanal;Thema;Ziel\n2027-01-12;instagram;Ein Tag im Autohaus;G1\n2027-01-14;linkedin;Probefahrt;G1\n';
    const doc = parseDocument('file:///w/q1.plan.csv', csv)!;
    const at = new PositionIndex(doc).at(posOf(csv, 'linkedin', 4));
    assert.equal(at.entry, doc.plan!.entries[1]);
    assert.equal(at.field?.field.raw, 'linkedin');
  });

  it('in a Markdown strategy: the item, the field of it, the section', () => {
    const doc = parseDocument('file:///w/strategie.md', STRATEGY)!;
    const at = new PositionIndex(doc).at(posOf(STRATEGY, 'Abverkauf', 2));
    assert.equal(at.item?.id, 'G1');
    assert.equal(at.item?.kind, 'goal');
    assert.ok(at.section?.keys.includes('goals'), JSON.stringify(at.section?.keys));
  });

  it('is made once per reading with the Workspace store, and anew for a new reading', () => {
    const derived = new Derived();
    const a = parseDocument('file:///w/q1.plan.md', PLAN)!;
    assert.equal(positionIndex(a, derived), positionIndex(a, derived));
    const b = parseDocument('file:///w/q1.plan.md', PLAN + '\n')!;
    assert.notEqual(positionIndex(b, derived), positionIndex(a, derived));
  });

  it('finds the entry a scan of all entries finds, at every line start and cell of the example plans', () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(md|ya?ml|csv)$/.test(e.name)) files.push(p);
      }
    };
    walk(path.join(repoRoot(), 'examples'));
    walk(path.join(repoRoot(), 'test/fixtures/csv'));
    let checked = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      // Plans by content: the examples' plans folders hold plans without `.plan.` in the name.
      const doc = parseDocument('file://' + file, text, { kind: /plan|plaene/.test(file) ? 'plan' : undefined });
      if (!doc?.plan?.entries.length) continue;
      const ix = new PositionIndex(doc);
      const entries: PlanEntry[] = doc.plan.entries;
      for (let line = 0; line < doc.lines.lineCount; line++) {
        const len: number = doc.lines.lineText(line).length;
        for (const character of [0, 1, Math.floor(len / 2), len]) {
          const at: Position = { line, character };
          assert.equal(
            ix.entryAt(at),
            entries.find((e) => containsPos(e.range, at)),
            `${file} ${line}:${character}`,
          );
          checked++;
        }
      }
    }
    assert.ok(checked > 100, `positions checked: ${checked}`);
  });

  it('fences as the reader (CommonMark) found them: a fence with an info string closes none; unclosed, one runs to the end', () => {
    const text = [
      FM_STRATEGY.trimEnd(),
      '# S',
      '## Ziele',
      '```',
      '- G1: in the fence',
      '```js',
      '- still in the fence',
      '```',
      '- G2: outside',
      '- list',
      '  ~~~',
      '  in a fence in a list',
      '  ~~~',
      '~~~~',
      'unclosed',
      '',
      '- to the end',
    ].join('\n');
    const doc = parseDocument('file:///w/strategie.md', text)!;
    const ix = new PositionIndex(doc);
    const lineOf = (s: string) => text.split('\n').indexOf(s);
    const inFence = (s: string) => ix.inFence({ line: lineOf(s), character: 0 });
    assert.equal(inFence('```'), false, 'the opening line is not inside');
    assert.equal(inFence('- G1: in the fence'), true);
    assert.equal(inFence('- still in the fence'), true, '```js does not close a fence');
    assert.equal(inFence('- G2: outside'), false, 'the fence closed at the bare ```');
    assert.equal(inFence('  in a fence in a list'), true);
    assert.equal(inFence('unclosed'), true);
    assert.equal(inFence('- to the end'), true, 'an unclosed fence runs to the end of the document');
    assert.equal(ix.inFence({ line: lineOf('# S'), character: 0 }), false);
  });

  it('front matter: its lines and its keys as written; a word without its colon is half-typed, not part of the next key', () => {
    const text = '---\nstratdoc: strategy\nlangua\nperiod: 2027-01-01..2027-12-31\n---\n# S\n';
    const doc = parseDocument('file:///w/strategie.md', text)!;
    const ix = new PositionIndex(doc);
    assert.deepEqual(
      doc.frontMatter?.keys.map((k) => [k.key, k.keyRange.start.line, k.keyRange.start.character]),
      [
        ['stratdoc', 1, 0],
        ['period', 3, 0],
      ],
    );
    assert.deepEqual(
      doc.incomplete?.map((x) => [x.text, x.range.start.line, x.owner]),
      [['langua', 2, 'front matter']],
    );
    assert.equal(ix.inFrontMatter({ line: 4, character: 0 }), true);
    assert.equal(ix.inFrontMatter({ line: 5, character: 0 }), false);
    const plain = parseDocument('file:///w/strategie.md', '# S\n\n## Ziele\n', { kind: 'strategy' })!;
    assert.equal(plain.frontMatter, undefined);
    assert.equal(plain.fences, undefined);
    assert.equal(plain.incomplete, undefined);
  });

  it("tables: the columns of a row that is no entry, as the reader names them (a plan's and a strategy's)", () => {
    // A Google Sheets export with a row still empty and one column the plan names "Kennzahl" beside its Thema.
    const plan = [
      '# Redaktionsplan März 2027',
      '',
      '| Datum | Kanal | Thema | Kennzahl | Verantwortlich |',
      '|:--|:--|:--|:--|:--|',
      '| 02.03.2027 | Instagram | Frühlingscheck | K1 | @jana |',
      '|  |  |  |  |  |',
      '',
      'Notizen aus dem Meeting, kein Teil der Tabelle.',
    ].join('\n');
    const doc = parseDocument('file:///w/maerz.plan.md', plan)!;
    const ix = new PositionIndex(doc);
    const empty = posOf(plan, '|  |  |', 4);
    assert.equal(ix.entryAt(empty), undefined, 'an empty row is no entry');
    assert.deepEqual(ix.tableAt(empty)?.columns, ['date', 'channel', 'title', 'kpis', 'owner']);
    assert.deepEqual(ix.tableAt(empty)?.columns, doc.plan!.entries[0].table!.columns, 'the same names as the entries have');
    assert.equal(ix.tableAt(posOf(plan, '| Datum', 2)), undefined, 'the header row is no row');
    assert.equal(ix.tableAt(posOf(plan, '|:--', 1)), undefined, 'nor the delimiter row');
    assert.equal(ix.tableAt(posOf(plan, 'Notizen')), undefined, 'the paragraph below is no row');
    // Header and delimiter with different numbers of cells: no table for GFM, none for the reader.
    const broken = plan.replace('|:--|:--|:--|:--|:--|', '|:--|:--|');
    assert.equal(new PositionIndex(parseDocument('file:///w/maerz.plan.md', broken)!).tableAt(posOf(broken, '|  |  |', 4)), undefined);

    const strategy = `${STRATEGY}\n\n## 4. Kennzahlen\n\n| ID | Kennzahl | Zielwert | Frist |\n|---|---|---|---|\n| K9 | Anfragen | 40 | 2027-06-30 |\n`;
    const sdoc = parseDocument('file:///w/strategie.md', strategy)!;
    assert.deepEqual(new PositionIndex(sdoc).tableAt(posOf(strategy, '| K9 |', 3))?.columns.slice(2), ['target', 'deadline']);
  });

  it('an item definition the reader does not take is half-typed, with its kind and its list: the position index finds it', () => {
    const text = [
      '---',
      'stratdoc: strategy',
      '---',
      '# Strategie 2027',
      '',
      '## 3. Ziele',
      '### G1: Mehr Probefahrten',
      '- Art: Abverkauf',
      '',
      '### G😀: Ziel mit Emoji in der ID',
      '- Art: Bekanntheit',
      '- ',
      '',
      '## 8. Kanalplan',
      '### 📸',
      '- Warum: weil Bilder',
      '- ',
    ].join('\n');
    const doc = parseDocument('file:///w/strategie.md', text)!;
    assert.deepEqual(
      doc.strategy!.goals.map((g) => g.id),
      ['G1'],
      'G😀 is no goal',
    );
    assert.equal(doc.strategy!.channels.length, 0, 'a heading of an emoji alone names no channel');
    const ix = new PositionIndex(doc);
    const goal = ix.halfItemAt(posOf(text, '- ', 0, 2));
    assert.equal(goal?.item.kind, 'goal');
    assert.deepEqual(
      goal?.item.fields.map((f) => f.key),
      ['Art'],
    );
    assert.ok(goal && typeof goal.owner === 'object' && 'keys' in goal.owner && goal.owner.keys.includes('goals'), 'owned by the goals section');
    const channel = ix.halfItemAt(posOf(text, '- ', 0, 4));
    assert.equal(channel?.item.kind, 'channel');
    assert.deepEqual(
      channel?.item.fields.map((f) => f.key),
      ['Warum'],
    );
    assert.equal(ix.halfItemAt(posOf(text, '- Art: Abverkauf')), undefined, "G1's list is the reader's item");
    assert.equal(ix.halfItemAt(posOf(text, '## 8.')), undefined);

    // A heading without an ID above a list of items takes no list: its items are read as without it.
    const overview = '---\nstratdoc: strategy\n---\n# Strategie\n\n## 5. Zielgruppen\n### Überblick\n- A1: Pendler zwischen 30 und 50\n- A2: Flottenkunden\n';
    const odoc = parseDocument('file:///w/strategie.md', overview)!;
    assert.deepEqual(
      odoc.strategy!.audiences.map((a) => a.id),
      ['A1', 'A2'],
    );
    assert.equal(new PositionIndex(odoc).halfItemAt(posOf(overview, '- A2'))?.item.kind, 'audience');
  });
});

describe('core: the position index in YAML (completion asks it, docs/decisions.md "YAML completion from the model")', () => {
  const STRATEGY_YAML = [
    'stratdoc: strategy', // 0
    'title: Strategie 2027', // 1
    'goals:', // 2
    '  - id: G1', // 3
    '    title: Mehr Probefahrten', // 4
    '    kpis:', // 5
    '      - K1', // 6
    '      - K2', // 7
    '  - title: Noch ohne ID', // 8
    '    type: awareness', // 9
    'kpis:', // 10
    '  K1:', // 11
    '    title: Anfragen', // 12
    '',
  ].join('\n');

  it('the top-level keys, the mapping a line starts or continues, its kind, column and keys (the ID key among them)', () => {
    const doc = parseDocument('file:///w/strategie.strategy.yaml', STRATEGY_YAML)!;
    const ix = new PositionIndex(doc);
    assert.deepEqual(
      doc.topKeys?.map((k) => [k.key, k.keyRange.start.line]),
      [
        ['stratdoc', 0],
        ['title', 1],
        ['goals', 2],
        ['kpis', 10],
      ],
    );
    assert.equal(ix.topKeyAt(9)?.key, 'goals');
    assert.equal(ix.topKeyAt(11)?.key, 'kpis');
    const g1 = ix.mappingOn(3)!;
    assert.deepEqual([g1.kind, g1.column, g1.keys.map((k) => k.key)], ['goal', 4, ['id', 'title', 'kpis']]);
    assert.equal(doc.strategy!.goals[0].idKey?.key, 'id');
    // A line of G1's list: its list field, the values it has.
    const list = ix.mappingAbove(7)!.fields.find((f) => f.key === 'kpis')!;
    assert.deepEqual(
      list.items?.map((i) => i.value),
      ['K1', 'K2'],
    );
    // A mapping without an ID yet: no item, but kept with its kind and keys.
    assert.equal(doc.strategy!.goals.length, 1);
    const noId = ix.mappingOn(8)!;
    assert.deepEqual([noId.kind, noId.column, noId.keys.map((k) => k.key)], ['goal', 4, ['title', 'type']]);
    assert.equal(ix.mappingAbove(9)?.of, noId.of);
    // Not across a top-level key: the line below `kpis:` continues no goal.
    assert.equal(ix.mappingAbove(11), undefined);
    // An item written by its ID: its mapping starts below the ID, without an ID key.
    const k1 = ix.mappingAbove(13)!;
    assert.deepEqual([k1.kind, k1.column, k1.keys.map((k) => k.key), k1.start.line], ['kpi', 4, ['title'], 12]);
  });

  it('after YAML gave up (a key typed above its list), the keys written at column 0 below it are top-level keys all the same', () => {
    const text =
      'stratdoc: strategy\ntitle: T\ngoa\n  - { id: G1, title: Mehr }\n  - { id: G2, title: Weniger }\nkpis:\n  - { id: K1, title: Anfragen }\nvalue: "Wir\nchannels:\n';
    const doc = parseDocument('file:///w/strategie.strategy.yaml', text)!;
    assert.ok(doc.problems.some((p) => p.rule === 'syntax' && !p.halfTyped));
    const keys = doc.topKeys?.map((k) => k.key) ?? [];
    assert.ok(keys.includes('kpis') && keys.includes('value'), keys.join(', '));
    // A quote left open holds the lines below it, as YAML reads them.
    assert.ok(!keys.includes('channels'), keys.join(', '));
    assert.equal(new PositionIndex(doc).topKeyAt(6)?.key, 'kpis');
  });

  it('a plan: the entry a line starts or continues, with its keys; a plan read in pieces keeps the same top-level keys', () => {
    const doc = parseDocument('file:///w/q1.plan.yaml', PLAN_YAML_TEXT)!;
    const ix = new PositionIndex(doc);
    const first = doc.plan!.entries[0];
    const line = first.range.start.line;
    const m = ix.mappingOn(line)!;
    assert.equal(m.of, first);
    assert.deepEqual(
      m.keys.map((k) => k.key),
      first.fields.map((f) => f.key),
    );
    assert.equal(ix.mappingAbove(first.range.end.line + 1)?.of, first);
    assert.ok(doc.topKeys?.some((k) => ix.topKeyAt(line)?.key === k.key && k.keyRange.start.line < line));
  });
});

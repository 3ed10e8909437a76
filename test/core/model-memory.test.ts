/**
 * The small model (docs/decisions.md "Memory"): ranges kept as numbers behave as ranges
 * everywhere a range goes (positions, JSON, a CLI worker's structured clone), lists are
 * cut to length and shared when empty, and only documents being edited keep the chunk
 * cache.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { KeptField, LineIndex, PackedRange, SmallRange, movedLines, plainRange, plainRanges, range, reviveRanges } from '../../server/src/core/text';
import { parseDocument } from '../../server/src/core/parse';
import type { Field, ParsedDocument } from '../../server/src/core/model';
import { Workspace } from '../../server/src/core/workspace';
import { ConfigResolver } from '../../server/src/core/config';
import { loadFile } from '../../server/src/core/files/load';

const PLAN = `stratdoc: plan
title: Redaktionsplan Q1 2027
period: 2027-01-01..2027-03-31
entries:
  - date: 2027-01-12
    channel: Instagram
    title: "Behind the scenes: Werkstatt"
    status: draft
  - datum: 14.01.2027
    kanal: [LinkedIn, Facebook]
    titel: Stellenanzeige Schreiner (m/w/d)
    ziele: G1, G2
`;

describe('core: the small model', () => {
  it('a packed range reads as the positions it was made from, and JSON sees { start, end }', () => {
    const text = 'erste Zeile\n' + 'x'.repeat(3000) + 'ende\r\nletzte';
    const li = new LineIndex(text);
    const short = li.rangeOf(2, 11);
    assert.ok(short instanceof SmallRange);
    assert.deepEqual(plainRange(short), { start: { line: 0, character: 2 }, end: { line: 0, character: 11 } });
    // A column past 2,047 does not fit two integers: the four-number range takes it.
    const long = li.rangeOf(12 + 2990, 12 + 3004);
    assert.ok(long instanceof PackedRange);
    assert.deepEqual(plainRange(long), { start: { line: 1, character: 2990 }, end: { line: 1, character: 3004 } });
    // On the CR of a CRLF: the end of the line, as positionAt says.
    const cr = li.rangeOf(0, 12 + 3004);
    assert.deepEqual(cr.end, li.positionAt(12 + 3004));
    assert.deepEqual(JSON.parse(JSON.stringify({ range: short })), { range: { start: { line: 0, character: 2 }, end: { line: 0, character: 11 } } });
    assert.deepEqual(range(3, 1, 4, 0), range(3, 1, 4, 0), 'two ranges of one place are deep-equal');
    assert.notDeepEqual(plainRange(range(3, 1, 4, 0)), plainRange(range(3, 1, 4, 1)));
    // A range is read-only (a getter, no setter): the write is refused, in strict code or not.
    assert.equal(Reflect.set(short, 'start', { line: 9, character: 9 }), false);
    assert.deepEqual(short.start, { line: 0, character: 2 });
  });

  it('a range made on a known line (rangeOnLine, the table reader) is the one rangeOf finds, at every pair of offsets on the line', () => {
    const text = '\uFEFF| a | b |\r\n| Datum | 😀 Kanal |\r\n\n' + '| x '.repeat(700) + '|\nlast';
    const li = new LineIndex(text);
    let pairs = 0;
    for (let line = 0; line < li.lineCount; line++) {
      const start = li.lineStart(line);
      const end = li.lineEnd(line);
      const step = end - start > 200 ? 97 : 1;
      for (let a = start; a <= end; a += step)
        for (let b = a; b <= end; b += step) {
          assert.deepEqual(plainRange(li.rangeOnLine(line, a, b)), plainRange(li.rangeOf(a, b)), `line ${line}: ${a}-${b}`);
          pairs++;
        }
    }
    assert.ok(pairs > 500);
  });

  it('a structured clone of a reading (a CLI worker) gets its ranges back with reviveRanges', () => {
    const doc = parseDocument('file:///w/plan.plan.yaml', PLAN)!;
    const clone = structuredClone({ ...doc, lines: undefined }) as unknown as typeof doc;
    assert.equal(clone.plan!.entries[0].range.start, undefined, 'a clone has the numbers, not the getters');
    reviveRanges(clone);
    const a = doc.plan!.entries.map((e) => [plainRange(e.range), plainRange(e.anchor), e.fields.map((f) => [plainRange(f.keyRange), plainRange(f.range)])]);
    const b = clone.plan!.entries.map((e) => [plainRange(e.range), plainRange(e.anchor), e.fields.map((f) => [plainRange(f.keyRange), plainRange(f.range)])]);
    assert.deepEqual(b, a);
    assert.deepEqual(plainRange(clone.titleRange), plainRange(doc.titleRange));
  });

  it('entry lists are cut to length, empty ones are one frozen list, and fields keep no reader offset', () => {
    const doc = parseDocument('file:///w/plan.plan.yaml', PLAN)!;
    const [a, b] = doc.plan!.entries;
    assert.equal(a.goals.length, 0);
    assert.equal(a.goals, a.kpis, 'one shared empty list');
    assert.ok(Object.isFrozen(a.goals));
    assert.throws(() => (a.goals as unknown[]).push(1), TypeError);
    assert.deepEqual(
      b.goals.map((g) => g.id),
      ['G1', 'G2'],
    );
    for (const f of [...a.fields, ...b.fields]) assert.ok(!('offset' in f), `${f.key} keeps no offset`);
    // A reference that is the whole value shares its field's range.
    const channel = a.fields.find((f) => f.name === 'channel')!;
    assert.equal(a.channel!.range, channel.range);
  });

  it('a key on the line of its value keeps its range as numbers (KeptField); a header key is one range for all rows', () => {
    const doc = parseDocument('file:///w/plan.plan.yaml', PLAN)!;
    const f = doc.plan!.entries[0].fields.find((x) => x.name === 'channel')!;
    assert.ok(f instanceof KeptField);
    assert.deepEqual(plainRange(f.keyRange), { start: { line: 5, character: 4 }, end: { line: 5, character: 11 } });
    assert.deepEqual(JSON.parse(JSON.stringify(f)), {
      key: 'channel',
      keyRange: { start: { line: 5, character: 4 }, end: { line: 5, character: 11 } },
      name: 'channel',
      raw: 'Instagram',
      range: { start: { line: 5, character: 13 }, end: { line: 5, character: 22 } },
    });
    // Moved down with its entry (a line added above it, yaml.ts): still a kept field, key and value moved alike.
    const moved = movedLines(f, 3);
    assert.ok(moved instanceof KeptField);
    assert.deepEqual(plainRange(moved.keyRange), { start: { line: 8, character: 4 }, end: { line: 8, character: 11 } });
    assert.deepEqual(plainRange(moved.range), { start: { line: 8, character: 13 }, end: { line: 8, character: 22 } });
    // A YAML list stays a plain field with its items.
    const list = doc.plan!.entries[1].fields.find((x) => x.name === 'channel')!;
    assert.ok(!(list instanceof KeptField));
    assert.deepEqual(
      list.items!.map((i) => i.value),
      ['LinkedIn', 'Facebook'],
    );
    // The preview's plain data: a plain field with plain ranges.
    const plain: Field = plainRanges({ fields: [f as Field] }).fields[0];
    assert.ok(!(plain instanceof KeptField));
    assert.deepEqual(plain.keyRange, { start: { line: 5, character: 4 }, end: { line: 5, character: 11 } });
    // A Markdown table: every row's key range is the header's one range.
    const md = parseDocument(
      'file:///w/plan.plan.md',
      '<!-- stratdoc: plan -->\n# Plan Q1 2027\n\n| Datum | Kanal | Titel |\n| --- | --- | --- |\n| 2027-01-12 | Instagram | Werkstatt |\n| 2027-01-14 | LinkedIn | Schreiner |\n',
    )!;
    const [r1, r2] = md.plan!.entries;
    assert.ok(!(r1.fields[1] instanceof KeptField));
    assert.equal(r1.fields[1].keyRange, r2.fields[1].keyRange);
    assert.deepEqual(plainRange(r2.fields[1].keyRange), { start: { line: 3, character: 10 }, end: { line: 3, character: 15 } });
  });

  it('files read from disk keep the keys they wrote (shared by the workspace, not changed)', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-keys-'));
    try {
      const ws = new Workspace(new ConfigResolver({ readFile: () => undefined }), { cache: true });
      const keys = (d: ParsedDocument) => d.plan!.entries.flatMap((e) => e.fields.map((f) => [f.key, plainRange(f.keyRange)]));
      for (const n of ['a', 'b']) {
        const file = path.join(root, `${n}.plan.yaml`);
        fs.writeFileSync(file, PLAN.replace('datum:', 'Veröffentlichungsdatum (geplant):'));
        const uri = pathToFileURL(file).href;
        assert.equal(loadFile(ws, file, uri), 'document');
        const read = keys(ws.get(uri)!);
        assert.deepEqual(read, keys(parseDocument(uri, fs.readFileSync(file, 'utf8'))!));
        assert.ok(read.some(([k]) => k === 'Veröffentlichungsdatum (geplant)'));
      }
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('files read from disk read as parseDocument reads them, with their short values shared by the workspace', () => {
    // Every example plan and strategy, twice (the second reading finds its strings in the table).
    const files = ['autohaus-de', 'bakery-en'].flatMap((d) =>
      (fs.readdirSync(path.join('examples', d), { recursive: true }) as string[]).map((f) => path.join('examples', d, String(f))),
    );
    const ws = new Workspace(new ConfigResolver({ readFile: () => undefined }), { cache: true });
    let read = 0;
    for (const round of [1, 2])
      for (const file of files.filter((f) => /\.(md|ya?ml|csv)$/.test(f))) {
        const uri = pathToFileURL(path.resolve(file)).href;
        if (loadFile(ws, path.resolve(file), uri) !== 'document') continue;
        const mine = ws.get(uri)!;
        const fresh = parseDocument(uri, fs.readFileSync(file, 'utf8'))!;
        const model = (d: ParsedDocument) => JSON.stringify(plainRanges({ plan: d.plan, strategy: d.strategy }));
        assert.equal(model(mine), model(fresh), `${file}, round ${round}`);
        read++;
      }
    assert.ok(read >= 8, `${read} documents read`);
  });

  it('only documents being edited keep the chunk cache; a file read from disk keeps none', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-cache-'));
    try {
      const file = path.join(root, 'q1.plan.yaml');
      fs.writeFileSync(file, PLAN);
      const uri = pathToFileURL(file).href;
      const ws = new Workspace(new ConfigResolver({ readFile: () => undefined }), { cache: true });
      assert.equal(loadFile(ws, file, uri), 'document');
      assert.equal(ws.cache!.documents, 0, 'read from disk: nothing kept');
      // Opened and typed in: the editor's text keeps its pieces for the next keystroke.
      ws.set(uri, PLAN.replace('Werkstatt', 'Werkstatt am Montag'));
      assert.equal(ws.cache!.documents, 1);
      const edited = ws.get(uri)!;
      // Closed: read from disk again, and what the editing kept is dropped.
      assert.equal(loadFile(ws, file, uri), 'document');
      assert.equal(ws.cache!.documents, 0);
      // The same reading either way.
      const fresh = parseDocument(uri, PLAN)!;
      assert.deepEqual(
        ws.get(uri)!.plan!.entries.map((e) => [e.title?.value, e.status?.value, plainRange(e.range)]),
        fresh.plan!.entries.map((e) => [e.title?.value, e.status?.value, plainRange(e.range)]),
      );
      assert.equal(edited.plan!.entries[0].title?.value, 'Behind the scenes: Werkstatt am Montag');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

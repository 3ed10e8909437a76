/**
 * A keystroke in a Markdown plan table remakes the entries of the row it was typed in, not
 * those of the whole table slice the server's fine cut re-parses (core/parse/markdown-rows.ts,
 * docs/decisions.md "What a keystroke costs"): the other rows keep their entry objects and
 * problems, and the reading means what a fresh reading of the text means. Through the
 * server's own keystroke path (Session.didEdit) and through a cached reading without an
 * edit span (a whole text set again).
 */
import * as assert from 'node:assert/strict';
import { Session } from '../../server/src/lsp/session';
import { parseDocument, ChunkCache } from '../../server/src/core/parse';
import type { ParsedDocument, PlanEntry } from '../../server/src/core/model';
import { LineIndex } from '../../server/src/core/text';
import { rng } from '../helpers/rng';
import { meaning } from '../helpers/meaning';

const URI = 'file:///ws/redaktionsplan-q1.plan.md';

/**
 * A plan the way a team exports it from a spreadsheet: padded cells, German dates, some
 * without a year (the period gives it), a cross-post, a date that is none (a problem), an
 * empty row, a row with a comment.
 */
function row(i: number): string {
  const day = String((i % 28) + 1).padStart(2, '0');
  const month = String((Math.floor(i / 28) % 3) + 1).padStart(2, '0');
  const date = i % 11 === 3 ? `${day}.${month}.` : i % 13 === 7 ? `${day}.${month}.2027 ` : `2027-${month}-${day}`;
  const channel = i % 9 === 4 ? 'Instagram, Facebook' : ['instagram', 'LinkedIn', 'facebook ', 'Newsletter'][i % 4];
  const mode = ['Geschichte', 'Tipps', 'Dialog', 'Menschen', 'Werbung', ''][i % 6];
  const status = ['geplant', 'in Arbeit', 'Entwurf', 'veröffentlicht', ''][i % 5];
  if (i === 17) return '|  |  |  |  |  |  |  |  |\n';
  const bad = i === 12 ? '32.13.2027' : date;
  const note = i === 21 ? ' <!-- Text fehlt noch -->' : '';
  return `| ${bad} | ${channel} | Beitrag ${i + 1}: Blick hinter die Kulissen${note} | Reel | ${mode} | G1 | @anna | ${status} |\n`;
}
const HEADER = '| Datum      | Kanal | Thema | Format | Modus | Ziel | Verantwortlich | Status |\n|:---|---|---|---|---|---|---|---|\n';
const FRONT = '---\nstratdoc: plan\nstrategy: strategie.md\nperiod: 2027-01-01..2027-03-31\nlanguage: de\n---\n';
const plan = (rows: number) => `${FRONT}# Redaktionsplan Q1 2027\n\n${HEADER}${Array.from({ length: rows }, (_, i) => row(i)).join('')}\nNotizen zum Plan.\n`;

/** Where `s` starts in `text` (it must be there). */
function at(text: string, s: string): number {
  const i = text.indexOf(s);
  assert.ok(i >= 0, `'${s}' in the text`);
  return i;
}

/** An editor and the server's Session on one document; `type` makes one change and returns the old and new reading. */
function open(text: string) {
  const session = new Session({ publish: () => undefined, log: () => undefined });
  session.didOpen(URI, text, 1);
  let version = 1;
  let cur = text;
  return {
    get doc(): ParsedDocument {
      return session.ws.get(URI)!;
    },
    get text(): string {
      return cur;
    },
    type(start: number, end: number, insert: string): { before: ParsedDocument; after: ParsedDocument } {
      const before = session.ws.get(URI)!;
      const li = new LineIndex(cur);
      session.didEdit(URI, [{ range: { start: li.positionAt(start), end: li.positionAt(end) }, text: insert }], ++version);
      cur = cur.slice(0, start) + insert + cur.slice(end);
      const after = session.ws.get(URI)!;
      assert.deepEqual(meaning(after), meaning(parseDocument(URI, cur)!), `after '${insert}' at ${start}: a fresh reading`);
      return { before, after };
    },
  };
}

/** The entries of `after` that are not objects of `before`. */
const made = (before: ParsedDocument, after: ParsedDocument): PlanEntry[] => {
  const old = new Set(before.plan!.entries);
  return after.plan!.entries.filter((e) => !old.has(e));
};
const lineOf = (e: PlanEntry) => e.range.start.line;

describe('a keystroke in a Markdown plan table remakes its row, not its slice', function () {
  this.timeout(60000);

  it('a letter typed into a cell: one new entry, every other entry and problem the same object', () => {
    const ed = open(plan(40));
    const title = at(ed.text, 'Beitrag 11:') + 'Beitrag 11'.length;
    const { before, after } = ed.type(title, title, 'x');
    const fresh = made(before, after);
    assert.equal(fresh.length, 1, 'one entry made');
    assert.equal(fresh[0].title?.value, 'Beitrag 11x: Blick hinter die Kulissen');
    assert.equal(after.plan!.entries.length, before.plan!.entries.length);
    // The bad date of row 13 is in the same slice (rows 9 to 16): its problem is kept, once.
    const dateProblems = (d: ParsedDocument) => d.problems.filter((p) => p.rule === 'schema' && p.message.en.includes('32.13.2027'));
    assert.equal(dateProblems(after).length, 1);
    assert.equal(dateProblems(after)[0], dateProblems(before)[0], 'the problem of an untouched row is the same object');
    // Typing on in the same row keeps remaking that one entry only.
    const next = ed.type(title + 1, title + 1, 'y');
    assert.deepEqual(
      made(next.before, next.after).map((e) => e.title?.value),
      ['Beitrag 11xy: Blick hinter die Kulissen'],
    );
  });

  it('a row that changes how many entries it makes: the rows after it in the slice get their new index', () => {
    const ed = open(plan(40));
    // Row 10 (index 9) is on one channel; a second one makes it a cross-post of two entries.
    const r = at(ed.text, '| Beitrag 10:') - 1;
    const chan = ed.text.lastIndexOf('|', r - 1);
    const { before, after } = ed.type(r, r, ', Facebook ');
    assert.ok(chan > 0);
    assert.equal(after.plan!.entries.length, before.plan!.entries.length + 1);
    after.plan!.entries.forEach((e, i) => assert.equal(e.index, i, `entry ${i}'s index`));
    // Entries before the row keep their objects.
    const first = after.plan!.entries.findIndex((e) => e.title?.value.startsWith('Beitrag 10:'));
    for (let i = 0; i < first; i++) assert.equal(after.plan!.entries[i], before.plan!.entries[i], `entry ${i} kept`);
  });

  it('a line broken inside a slice: the rows above the break keep their entries, the rest is read again', () => {
    const ed = open(plan(40));
    const r = at(ed.text, 'Beitrag 14:');
    const { before, after } = ed.type(r, r, '\n');
    const line = new LineIndex(ed.text).positionAt(r).line;
    const kept = after.plan!.entries.filter((e) => before.plan!.entries.includes(e));
    assert.ok(
      kept.some((e) => e.title?.value.startsWith('Beitrag 10:')),
      'a row above the break in its slice is kept',
    );
    for (const e of kept) assert.ok(lineOf(e) < line, `a kept entry stands above the break (line ${lineOf(e)})`);
    // Joined again: the row reads as before (as a fresh reading, compared in type()).
    ed.type(r, r + 1, '');
  });

  it('what every row is built with changes: the header, the period a date without a year takes, the language', () => {
    const ed = open(plan(40));
    // A column renamed: every entry of the table is new.
    const h = at(ed.text, 'Ziel |');
    let { before, after } = ed.type(h + 'Ziel'.length, h + 'Ziel'.length, 'x');
    assert.equal(made(before, after).length, after.plan!.entries.length, 'a header edit remakes every entry');
    ed.type(h + 'Ziel'.length, h + 'Ziel'.length + 1, '');
    // The period's year: the dates written without one are read in the new year.
    const y = at(ed.text, 'period: 2027') + 'period: 202'.length;
    ({ before, after } = ed.type(y, y + 1, '6'));
    const noYear = after.plan!.entries.filter((e) => e.date && /^\d\d\.\d\d\.$/.test(e.date.value));
    assert.ok(noYear.length > 2);
    for (const e of noYear) assert.ok(e.isoDate?.startsWith('2026-'), `${e.date!.value} read as ${e.isoDate}`);
    assert.ok(made(before, after).length >= noYear.length);
    // The language (the wording of suggested values).
    const l = at(ed.text, 'language: de') + 'language: '.length;
    ed.type(l, l + 2, 'en');
  });

  it('random keystrokes in the table: what a fresh reading gives, and an edit inside one row remakes only that row', () => {
    const ed = open(plan(60));
    const r = rng(41);
    const typed = ['a', 'ü', ' ', '|', ',', '1', '.', '-', '\n', ', LinkedIn', '<!--', '@'];
    let inOneRow = 0;
    for (let k = 0; k < 150; k++) {
      const li = new LineIndex(ed.text);
      const table = ed.doc.tables?.[0];
      // Mostly inside the table's rows, sometimes anywhere.
      const line =
        table?.rows && r() < 0.85
          ? table.rows.start.line + Math.floor(r() * (table.rows.end.line - table.rows.start.line + 1))
          : Math.floor(r() * li.lineCount);
      const off = li.offsetAt({ line, character: Math.floor(r() * (li.lineText(line).length + 1)) });
      const del = r() < 0.25;
      const ins = del ? '' : typed[Math.floor(r() * typed.length)];
      const end = del ? Math.min(off + 1, li.lineEnd(line)) : off;
      const { before, after } = ed.type(off, end, ins);
      // A letter that changed neither the line count nor any row's number of entries.
      const sameShape =
        !ins.includes('\n') &&
        !ins.includes(',') &&
        before.plan!.entries.length === after.plan!.entries.length &&
        after.plan!.entries.every((e, i) => lineOf(e) === lineOf(before.plan!.entries[i]));
      if (sameShape && line > (table?.headerRange.start.line ?? Infinity) + 1) {
        inOneRow++;
        for (const e of made(before, after)) assert.equal(lineOf(e), line, `keystroke ${k}: only the edited row ${line} is remade`);
      }
    }
    assert.ok(inOneRow > 40, `${inOneRow} keystrokes inside one row`);
  });

  it('a cached reading of a whole new text (no edit span) takes the unchanged rows too', () => {
    const cache = new ChunkCache();
    const text = plan(40);
    const a = parseDocument(URI, text, { cache })!;
    const x = at(text, 'Beitrag 20:') + 3;
    const next = text.slice(0, x) + 'Q' + text.slice(x);
    const b = parseDocument(URI, next, { cache })!;
    assert.deepEqual(meaning(b), meaning(parseDocument(URI, next)!));
    assert.deepEqual(
      made(a, b).map((e) => e.title?.value),
      ['BeiQtrag 20: Blick hinter die Kulissen'],
    );
  });
});

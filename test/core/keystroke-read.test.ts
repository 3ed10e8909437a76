/**
 * The keystroke path up to the new reading (docs/decisions.md "State and its invalidation"):
 * the server's Session applies the editor's incremental changes to the one text it holds,
 * updates the line index from the change (LineIndex.edited) and hands the span to the
 * readers, which re-read only what it touches. Whatever the edit, the result must be what
 * a fresh reading of the final text gives: the held text (the editor's), the read text
 * (lone CRs read as LF), every line start, and the model.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Session } from '../../server/src/lsp/session';
import { parseDocument, normalizeLoneCr } from '../../server/src/core/parse';
import type { ParsedDocument } from '../../server/src/core/model';
import { BlockText, LineIndex } from '../../server/src/core/text';
import { FM_PLAN, PLAN_HEADER, planRow, STRATEGY, PLAN_YAML_TEXT } from '../robustness/docs';
import { rng } from '../helpers/rng';
import { meaning as meaningOf } from '../helpers/meaning';

const meaning = (d: ParsedDocument | undefined) => d && meaningOf(d);

/** A reading's suppression comments as plain data (sets as sorted lists). */
function suppressionsOf(d: ParsedDocument | undefined): unknown {
  if (!d) return undefined;
  const s = d.suppressions;
  return JSON.parse(
    JSON.stringify({
      file: [...s.file].sort(),
      lines: [...s.lines].map(([l, set]) => [l, [...set].sort()]).sort((a, b) => (a[0] as number) - (b[0] as number)),
      ranges: s.ranges.map((r) => ({ line: r.line, all: r.all, except: [...r.except].sort(), rules: [...r.rules].sort() })),
      names: s.names,
    }),
  );
}

type Change = { range?: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string };

/** An editor's document: applies a change as the editor does (positions in its own text, lone CR a break). */
class Editor {
  /** The text after each change. */
  readonly history: string[] = [];
  constructor(public text: string) {}
  change(start: number, end: number, newText: string): Change {
    const li = new LineIndex(this.text);
    const c = { range: { start: li.positionAt(start), end: li.positionAt(end) }, text: newText };
    // No position lies between the CR and the LF of a break: the editor's offsets are its positions'.
    [start, end] = [li.offsetAt(c.range.start), li.offsetAt(c.range.end)];
    this.text = this.text.slice(0, start) + newText + this.text.slice(end);
    this.history.push(this.text);
    return c;
  }
}

/** Where `s` stands in `text` at or after `from` (the test's own text must hold it). */
function offsetOf(text: string, s: string, from = 0): number {
  const i = text.indexOf(s, from);
  assert.ok(i >= 0, s);
  return i;
}

describe('the keystroke path: Session.didEdit reads what a fresh reading reads', function () {
  this.timeout(120000);
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-keys-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Opens `text` in a Session, applies `edits` (each a list of changes) and compares after every notification. */
  /**
   * `loose`: where the fresh reading has a YAML syntax error, only that the incremental one
   * has one too (a YAML plan read in pieces keeps a broken line inside its entry, as
   * test/core/incremental.test.ts states); line starts and suppressions still exactly.
   */
  function run(name: string, text: string, edits: (e: Editor) => Change[][], loose = false): number {
    const uri = 'file://' + path.join(dir, name);
    const session = new Session({ publish: () => undefined, log: () => undefined });
    session.didOpen(uri, text, 1);
    const ed = new Editor(text);
    let v = 1;
    let compared = 0;
    let made = 0;
    for (const changes of edits(ed)) {
      session.didEdit(uri, changes, ++v);
      const doc = session.ws.get(uri);
      // The editor's text after this notification (a change without a range replaces it all).
      let editorText = made ? ed.history[made - 1] : text;
      for (const c of changes) editorText = c.range ? ed.history[made++] : c.text;
      const want = normalizeLoneCr(editorText);
      assert.equal(String(session.open.get(uri)), editorText, `${name} edit ${v}: the held text`);
      const fresh = parseDocument(uri, want);
      if (doc) {
        assert.equal(doc.text, want, `${name} edit ${v}: the read text`);
        const starts = new LineIndex(want).lineStarts;
        // Each start as the index reads it (with the moves it has not made yet), then all of them.
        assert.deepEqual(
          starts.map((_, i) => doc.lines.lineStart(i)),
          starts,
          `${name} edit ${v}: each line start`,
        );
        assert.deepEqual(doc.lines.lineStarts, starts, `${name} edit ${v}: line starts`);
        assert.deepEqual(suppressionsOf(doc), suppressionsOf(fresh), `${name} edit ${v}: suppressions`);
      }
      if (loose && fresh?.problems.some((p) => p.rule === 'syntax'))
        assert.ok(
          doc?.problems.some((p) => p.rule === 'syntax'),
          `${name} edit ${v}: the syntax error is reported`,
        );
      else assert.deepEqual(meaning(doc), meaning(fresh), `${name} edit ${v}`);
      compared++;
    }
    return compared;
  }

  /** One change per notification, made by `make` from the editor's text; sometimes two (multiple cursors). */
  function randomEdits(seed: number, count: number, typed: string[]): (e: Editor) => Change[][] {
    return (e) => {
      const r = rng(seed);
      const out: Change[][] = [];
      const one = (): Change => {
        const li = new LineIndex(e.text);
        const line = Math.floor(r() * li.lineCount);
        const at = li.offsetAt({ line, character: Math.floor(r() * (li.lineText(line).length + 1)) });
        const k = r();
        if (k < 0.55) return e.change(at, at, typed[Math.floor(r() * typed.length)]);
        if (k < 0.8) return e.change(at, Math.min(e.text.length, at + 1 + Math.floor(r() * 3)), '');
        if (k < 0.9) return e.change(at, Math.min(e.text.length, at + 4), typed[Math.floor(r() * typed.length)]);
        // A line (a row) cut away or doubled.
        const end = li.lineStarts[Math.min(li.lineCount - 1, line + 1)];
        return k < 0.95 ? e.change(li.lineStarts[line], end, '') : e.change(li.lineStarts[line], li.lineStarts[line], e.text.slice(li.lineStarts[line], end));
      };
      for (let i = 0; i < count; i++) out.push(r() < 0.15 ? [one(), one()] : [one()]);
      return out;
    };
  }

  const TYPED = ['a', 'x', '1', ' ', '|', '|', '-', ':', '#', '`', '\n', '\n', 'ä', '\r\n', '\r', '@', '<!--', '-->'];
  const plan = (rows: number) => `${FM_PLAN}# Redaktionsplan Q1\n\n${PLAN_HEADER}${Array.from({ length: rows }, (_, i) => planRow(i)).join('')}\nNotizen.\n`;

  it('on a Markdown plan with LF, CRLF and lone-CR breaks', () => {
    let n = 0;
    n += run('lf.plan.md', plan(40), randomEdits(1, 60, TYPED));
    n += run('crlf.plan.md', plan(40).replace(/\n/g, '\r\n'), randomEdits(2, 60, TYPED));
    n += run('cr.plan.md', plan(40).replace(/\n/g, '\r'), randomEdits(3, 60, TYPED));
    assert.ok(n >= 180, `${n} notifications compared`);
  });

  it('on a Markdown strategy and a YAML plan', () => {
    run('strategie.md', STRATEGY, randomEdits(4, 60, TYPED));
    run(
      'q1.plan.yaml',
      PLAN_YAML_TEXT +
        Array.from(
          { length: 30 },
          (_, i) => `  - date: 2027-02-${String((i % 28) + 1).padStart(2, '0')}\n    channel: instagram\n    topic: Thema ${i}\n`,
        ).join(''),
      randomEdits(5, 60, TYPED),
    );
  });

  /** A YAML plan long enough to be read in pieces (parse/yaml.ts splitPlan), with suppression comments among its entries. */
  const longYaml = (n: number) =>
    PLAN_YAML_TEXT +
    Array.from({ length: n }, (_, i) => {
      const note =
        i % 37 === 5
          ? '  # stratdoc-disable-next-line missing-owner\n'
          : i % 53 === 7
            ? '  # stratdoc-disable channels -- Kampagne\n'
            : i % 53 === 20
              ? '  # stratdoc-enable\n'
              : '';
      return `${note}  - date: 2027-02-${String((i % 28) + 1).padStart(2, '0')}\n    channel: ${i % 3 ? 'instagram' : 'LinkedIn'}\n    title: "Beitrag ${i}: Ökostrom im Alltag"\n    owner: anna # stratdoc-disable-line status\n    status: ${i % 2 ? 'geplant' : 'planned'}\n`;
    }).join('') +
    'notes: Ende\n';

  it('on a YAML plan read in pieces: keystrokes, lines added and removed, comments and quotes typed', () => {
    const text = longYaml(260);
    assert.ok(text.length > 16 * 1024, 'long enough to be read in pieces');
    const typed = [...TYPED, '"', "'", '[', '{', ']', '# stratdoc-disable-line', ' stratdoc-enable', '\n  - date: 2027-03-01\n    channel: x\n'];
    let n = run('pieces.plan.yaml', text, randomEdits(6, 120, typed), true);
    n += run('pieces-crlf.plan.yaml', text.replace(/\n/g, '\r\n'), randomEdits(7, 40, typed), true);
    assert.ok(n >= 160, `${n} notifications compared`);
  });

  it('YAML pieces: edits before, after and inside suppression comments; an open quote typed and closed', () => {
    const text = longYaml(200);
    const at = (s: string, from = 0) => offsetOf(text, s, from);
    const comment = at('# stratdoc-disable-next-line');
    const entry = at('  - date:', comment + 200);
    const title = at('title: "', entry) + 8;
    const cases: [string, (e: Editor) => Change[][]][] = [
      ['a line added above every comment', (e) => [[e.change(at('title: "') + 9, at('title: "') + 9, 'x')], [e.change(at('entries:'), at('entries:'), '\n')]]],
      ['a line added and removed after a comment', (e) => [[e.change(entry, entry, '\n')], [e.change(entry, entry + 1, '')]]],
      ['the comment broken and mended', (e) => [[e.change(comment + 2, comment + 3, 'X')], [e.change(comment + 2, comment + 3, 's')]]],
      ['a rule typed into the comment', (e) => [[e.change(comment + 36, comment + 36, ' schema')]]],
      ['the # typed before the comment word', (e) => [[e.change(comment, comment + 1, ' ')], [e.change(comment, comment + 1, '#')]]],
      ['a blank line between # and the word', (e) => [[e.change(comment + 1, comment + 1, '\n ')], [e.change(comment + 1, comment + 3, '')]]],
      ['an open quote typed and closed', (e) => [[e.change(title, title, '"')], [e.change(title + 1, title + 1, 'x')], [e.change(title, title + 1, '')]]],
      ['an open flow sequence', (e) => [[e.change(title - 8, title - 8, '[')], [e.change(title - 8, title - 7, '')]]],
      [
        'typing in entries far apart, deleting again',
        (e) => {
          const out: Change[][] = [];
          for (const k of [3, 60, 140, 199, 60]) {
            const t = at('title: "', at(`Beitrag ${k}:`) - 12) + 8;
            out.push([e.change(t, t, 'a')], [e.change(t + 1, t + 1, 'b')], [e.change(t, t + 1, '')]);
          }
          return out;
        },
      ],
      ['an entry made no mapping and back', (e) => [[e.change(entry + 8, entry + 9, ' ')], [e.change(entry + 8, entry + 9, ':')]]],
      ['a comment typed at the end of a line', (e) => [[e.change(title + 5, title + 5, '" # stratdoc-disable-line date\n')]]],
    ];
    for (const [name, edits] of cases) run(`${name.replace(/\W+/g, '-')}.plan.yaml`, text, edits, true);
  });

  it('YAML pieces: a keystroke that leaves its piece with no entry or gives it one back (splicePieces renumbers the rest)', () => {
    // One-line entries: deleting a colon or turning braces into brackets makes the entry a
    // scalar or a list (a schema problem, no syntax error), so the piece ends with no entry
    // and the entries after it are numbered again; typing it back gives the entry back.
    const base = longYaml(200);
    const cut = (k: number) => base.indexOf(`  - date: `, base.indexOf(`"Beitrag ${k}:`));
    const text =
      base.slice(0, cut(100)) +
      '  - date: 2027-03-09\n' +
      base.slice(cut(100), cut(150)) +
      '  - {date: 2027-03-10, channel: instagram, title: Kurz}\n' +
      base.slice(cut(150));
    assert.ok(text.length > 16 * 1024, 'long enough to be read in pieces');
    const uri = 'file://' + path.join(dir, 'renumbered.plan.yaml');
    const session = new Session({ publish: () => undefined, log: () => undefined });
    session.didOpen(uri, text, 1);
    const ed = new Editor(text);
    const colon = text.indexOf('  - date: 2027-03-09') + 8;
    const brace = text.indexOf('  - {date: 2027-03-10');
    const close = text.indexOf('Kurz}') + 4;
    const later = text.indexOf('title: "', text.indexOf('"Beitrag 180:') - 40) + 8;
    const steps: [string, () => Change[], number][] = [
      ['the colon deleted', () => [ed.change(colon, colon + 1, '')], -1],
      ['a letter typed in a later entry', () => [ed.change(later, later, 'x')], 0],
      ['the colon typed back', () => [ed.change(colon, colon, ':')], +1],
      ['braces made brackets', () => [ed.change(brace + 4, brace + 5, '['), ed.change(close, close + 1, ']')], -1],
      ['a letter deleted in a later entry', () => [ed.change(later, later + 1, '')], 0],
      ['brackets made braces', () => [ed.change(brace + 4, brace + 5, '{'), ed.change(close, close + 1, '}')], +1],
    ];
    let v = 1;
    let last = session.ws.get(uri)!;
    for (const [name, make, delta] of steps) {
      session.didEdit(uri, make(), ++v);
      const doc = session.ws.get(uri)!;
      assert.equal(doc.text, ed.text, name);
      const fresh = parseDocument(uri, ed.text);
      assert.ok(!fresh?.problems.some((p) => p.rule === 'syntax'), `${name}: no syntax error`);
      assert.deepEqual(meaning(doc), meaning(fresh), name);
      assert.equal(doc.plan!.entries.length, last.plan!.entries.length + delta, `${name}: entries`);
      // Read as one piece again: the entries before the edited one are the last reading's.
      assert.equal(doc.plan!.entries[0], last.plan!.entries[0], `${name}: the first entry kept`);
      assert.equal(doc.plan!.entries[99], last.plan!.entries[99], `${name}: the entry before the edited piece kept`);
      if (delta) assert.ok(doc.problems.some((p) => p.rule === 'schema') === delta < 0, `${name}: the entry that is none is said`);
      last = doc;
    }
  });

  /**
   * A Markdown plan long enough for several blocks of the held text (~16K characters each),
   * as a team keeps one: German and English rows, an escaped pipe, a code span, an HTML
   * comment in a cell, a ragged row, paragraphs and a fence between the tables, and
   * suppression comments on one line and over several.
   */
  const longPlan = (rows: number, fm = FM_PLAN): string => {
    const parts = [fm, '# Redaktionsplan Q1 2027\n\nNotizen aus dem Planungsmeeting.\n\n', PLAN_HEADER];
    for (let i = 0; i < rows; i++) {
      if (i === 120) parts.push('\nZwischenstand: `npm run check` läuft grün.\n\n```yaml\nentries: []\n```\n\n', PLAN_HEADER);
      if (i === 250) parts.push('\n<!-- stratdoc-disable\n  entry-without-owner\n-->\n\n| Date | Channel | Title | Owner | Status |\n|---|---|---|---|---|\n');
      if (i >= 250) {
        const row = `| 2027-0${1 + (i % 3)}-${String(1 + (i % 28)).padStart(2, '0')} | ${i % 2 ? 'LinkedIn' : 'instagram'} | Post ${i}: ${i % 7 ? 'heat pumps \\| explained' : '`code` in a title'} | ${i % 5 ? '@anna' : ''} | ${i % 3 ? 'planned' : 'draft'} |`;
        parts.push(i % 11 === 3 ? row.replace(/ \| [^|]*\|$/, '\n') : row + '\n');
      } else
        parts.push(
          i % 17 === 4
            ? '<!-- stratdoc-disable-next-line missing-review -->\n' + planRow(i)
            : i % 13 === 6
              ? planRow(i).replace('| geplant |', '| geplant <!-- Freigabe offen --> |')
              : planRow(i),
        );
    }
    parts.push('\n## Notizen\n\nEnde des Plans.\n');
    return parts.join('');
  };

  it('a long Markdown plan held in blocks: typed letters, Enter, a pipe, a backtick, a CR, comments, at random places (seeded)', () => {
    const text = longPlan(400);
    assert.ok(text.length > 2 * 16 * 1024, `several blocks: ${text.length} characters`);
    const typed = ['a', 'ö', 'x', ' ', '|', '|', '`', '\n', '\n', '\r', '\r\n', '-->', '<!--', ' stratdoc-disable-line status', '\\', '#'];
    let n = run('blocks.plan.md', text, randomEdits(1501, 100, typed));
    n += run('blocks-crlf.plan.md', text.replace(/\n/g, '\r\n'), randomEdits(1502, 40, typed));
    assert.ok(n >= 140, `${n} notifications compared`);
  });

  it('a long Markdown plan held in blocks: a letter, Enter, a pipe or a backtick in a row is read without joining the text', () => {
    const text = longPlan(400);
    const uri = 'file://' + path.join(dir, 'unjoined.plan.md');
    const session = new Session({ publish: () => undefined, log: () => undefined });
    session.didOpen(uri, text, 1);
    // Read once opened, as the server does at once (edits before that reading are read with it, from the string).
    assert.ok(session.ws.get(uri));
    const ed = new Editor(text);
    const r = rng(1503);
    let v = 1;
    for (let i = 0; i < 60; i++) {
      const li = new LineIndex(ed.text);
      // A row of either table (the first and the last lines are the heading and the notes).
      let line = 8 + Math.floor(r() * (li.lineCount - 16));
      while (!li.lineText(line).startsWith('| 20')) line++;
      const at = li.offsetAt({ line, character: 2 + Math.floor(r() * (li.lineText(line).length - 2)) });
      const ch = ['e', 'ß', '|', '`', '\n'][Math.floor(r() * 5)];
      session.didEdit(uri, [ed.change(at, at, ch)], ++v);
      const doc = session.ws.get(uri)!;
      const held = session.open.get(uri) as BlockText;
      assert.ok(held instanceof BlockText, 'held in blocks');
      assert.equal(held.flatIfMade, undefined, `edit ${v} (${JSON.stringify(ch)} at ${at}): the reading joined no string of the whole text`);
      assert.deepEqual(meaning(doc), meaning(parseDocument(uri, ed.text)), `edit ${v}`);
      assert.equal(doc.text, ed.text, `edit ${v}: the text, joined when asked`);
    }
  });

  it('a long Markdown plan held in blocks: suppression comments over several lines typed into, opened, closed and moved', () => {
    const text = longPlan(400);
    const at = (s: string, from = 0) => offsetOf(text, s, from);
    const middle = at('  entry-without-owner\n-->');
    const close = at('-->', middle);
    const row = at('| 2027-', close + 200);
    const cellComment = at('<!-- Freigabe offen -->');
    const tail = at('## Notizen');
    // A row of the last table, with no `-->` after it.
    const later = at('| 2027-', row + 2000);
    const cases: [string, (e: Editor) => Change[][]][] = [
      ['a rule typed into the comment', (e) => [[e.change(middle + 2, middle + 2, 'status ')], [e.change(middle + 2, middle + 9, '')]]],
      ['the comment left open and closed again', (e) => [[e.change(close, close + 3, '')], [e.change(row + 3, row + 3, 'x')], [e.change(close, close, '-->')]]],
      ['a line added above the comment', (e) => [[e.change(cellComment, cellComment, '\n')], [e.change(middle, middle, 'x')]]],
      [
        'a comment left open, closed in a row below',
        (e) => [[e.change(row, row, '<!-- stratdoc-disable schema\n')], [e.change(later + 31, later + 31, '-->')], [e.change(later + 31, later + 34, '')]],
      ],
      ['a comment opened after the last', (e) => [[e.change(tail, tail, '<!-- stratdoc-disable schema\n')], [e.change(tail + 40, tail + 40, '-->')]]],
      ['a cell comment typed into', (e) => [[e.change(cellComment + 6, cellComment + 6, 'x')], [e.change(cellComment + 21, cellComment + 21, '\n')]]],
      ['a one-line comment typed', (e) => [[e.change(row, row, '<!-- stratdoc-disable-next-line status -->\n')], [e.change(row + 5, row + 5, ' ')]]],
    ];
    for (const [name, edits] of cases) run(`sup-${name.replace(/\W+/g, '-')}.plan.md`, text, edits);
  });

  it('a long Markdown document held in blocks: its front matter broken, closed late, and an ordinary document stays none', () => {
    const long = longPlan(300);
    const close = long.indexOf('\n---\n') + 1;
    // A front matter that closes in the second block (a long description before `---`).
    const lateFm = `---\nstratdoc: plan\nbeschreibung: "${'Wärme und Strom. '.repeat(1200)}"\n---\n`;
    const late = longPlan(300, lateFm);
    const lateClose = late.indexOf('\n---\n', 20) + 1;
    const marker = long.indexOf('stratdoc: plan');
    const cases: [string, string, (e: Editor) => Change[][]][] = [
      [
        'closing line broken and mended',
        long,
        (e) => [[e.change(close + 1, close + 1, 'x')], [e.change(close + 1, close + 2, '')], [e.change(close, close, '...\n')]],
      ],
      [
        'marker changed',
        long,
        (e) => [[e.change(marker + 10, marker + 14, 'strategy')], [e.change(marker + 10, marker + 18, 'plan')], [e.change(marker + 10, marker + 10, 'x')]],
      ],
      [
        'late front matter',
        late,
        (e) => [[e.change(lateClose + 1, lateClose + 2, '')], [e.change(lateClose + 1, lateClose + 1, '-')], [e.change(20, 20, 'a')]],
      ],
      ['opening line broken', long, (e) => [[e.change(1, 2, '')], [e.change(1, 1, '-')]]],
    ];
    for (const [name, t, edits] of cases) {
      run(`${name.replace(/\W+/g, '-')}.plan.md`, t, edits);
      // Not a plan by its name: only the marker makes it one, or nothing.
      run(`${name.replace(/\W+/g, '-')}-notes.md`, t, edits);
    }
    // A README with front matter and no marker, long: nothing, edited or not.
    const readme = `---\ntitle: Handbuch\n---\n# Handbuch\n\n${'Ein Absatz über das Team und die Abläufe. '.repeat(30)}\n\n`.repeat(40);
    assert.equal(run('README.md', readme, randomEdits(1504, 30, ['a', '\n', '|', '`'])), 30);
    const session = new Session({ publish: () => undefined, log: () => undefined });
    session.didOpen('file:///tmp/x/README.md', readme, 1);
    session.didEdit('file:///tmp/x/README.md', [{ range: { start: { line: 3, character: 2 }, end: { line: 3, character: 2 } }, text: 'x' }], 2);
    assert.equal(session.ws.get('file:///tmp/x/README.md'), undefined, 'an ordinary document is none');
  });

  it('edits that matter to a table: in a cell, across rows, a pipe, the header, a row added and removed, a table turned into a paragraph', () => {
    const text = plan(30);
    const at = (s: string, from = 0) => offsetOf(text, s, from);
    const row5 = at(planRow(5));
    const row9 = at(planRow(9));
    const header = at(PLAN_HEADER);
    const delim = header + PLAN_HEADER.indexOf('\n') + 1;
    const cases: [string, (e: Editor) => Change[][]][] = [
      ['typing in a cell', (e) => [[e.change(row5 + 4, row5 + 4, 'x')], [e.change(row5 + 5, row5 + 5, 'y')], [e.change(row5 + 4, row5 + 6, '')]]],
      ['a pipe typed and deleted', (e) => [[e.change(row5 + 6, row5 + 6, '|')], [e.change(row5 + 6, row5 + 7, '')]]],
      ['across rows', (e) => [[e.change(row5 + 3, row9 + 7, 'zz')]]],
      ['a row added and removed', (e) => [[e.change(row9, row9, planRow(99))], [e.change(row9, row9 + planRow(99).length, '')]]],
      ['the header', (e) => [[e.change(header + 2, header + 7, 'Date')], [e.change(header + 2, header + 4, '')]]],
      ['the delimiter row broken: a paragraph', (e) => [[e.change(delim, delim + 1, 'x')], [e.change(delim, delim + 1, '|')]]],
      ['a blank line splits the table', (e) => [[e.change(row9, row9, '\n')], [e.change(row9, row9 + 1, '')]]],
      ['a fence opened above the table', (e) => [[e.change(header, header, '```\n')], [e.change(header, header + 4, '')]]],
      [
        'a link definition makes the coarse cut',
        (e) => [[e.change(text.length, text.length, '\n[x]: https://example.org\n')], [e.change(row5 + 4, row5 + 4, 'x')]],
      ],
      ['the whole text replaced', () => [[{ text: plan(5) }], [{ text: text }]]],
    ];
    for (const [name, edits] of cases) run(`${name.replace(/\W+/g, '-')}.plan.md`, text, edits);
    for (const [name, edits] of cases.slice(0, 7)) run(`crlf-${name.replace(/\W+/g, '-')}.plan.md`, text.replace(/\n/g, '\r\n'), (e) => crlfEdits(e, edits));
  });
});

/** The same edits on the CRLF twin: offsets moved by the CRs before them. */
function crlfEdits(e: Editor, edits: (e: Editor) => Change[][]): Change[][] {
  const lf = new Editor(e.text.replace(/\r\n/g, '\n'));
  const out: Change[][] = [];
  for (const changes of edits(lf)) {
    out.push(
      changes.map((c) => {
        const li = new LineIndex(e.text);
        const s = li.offsetAt(c.range!.start);
        const end = li.offsetAt(c.range!.end);
        return e.change(s, end, c.text.replace(/\n/g, '\r\n'));
      }),
    );
  }
  return out;
}

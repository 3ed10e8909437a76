/**
 * Reading in pieces (the server's chunk cache: Markdown sections and table slices, YAML
 * entries) must mean exactly what reading the whole document means, also after edits.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseDocument, ChunkCache } from '../../server/src/core/parse';
import { splitPlan } from '../../server/src/core/parse/yaml';
import { LineIndex } from '../../server/src/core/text';
import { generateCorpus, bigStrategy } from '../bench/corpus';
import { chunkMarkdown } from '../../server/src/core/parse/markdown-chunks';
import { createRequire } from 'node:module';
import { FM_PLAN, STRATEGY_HEAD, STRATEGY_TAIL, STRATEGY_MD, PLAN_MD, planTable, planRow } from '../robustness/docs';
import { Workspace } from '../../server/src/core/workspace';
import { ConfigResolver } from '../../server/src/core/config';
import { ALL_RULES } from '../../server/src/core/rules';
import { rng } from '../helpers/rng';
import { repoRoot } from '../helpers/repo';
import { meaning } from '../helpers/meaning';

/** A random edit: text typed (from `typed`), a few characters deleted or replaced, or up to three lines cut. */
function randomEdit(text: string, li: LineIndex, r: () => number, typed: string[]) {
  const line = Math.floor(r() * li.lineCount);
  const at = li.offsetAt({ line, character: Math.floor(r() * (li.lineText(line).length + 1)) });
  const k = r();
  const end = k < 0.6 ? at : Math.min(text.length, k < 0.9 ? at + 1 + Math.floor(r() * 5) : li.lineStarts[Math.min(li.lineCount - 1, line + 3)]);
  const ins = k < 0.9 ? typed[Math.floor(r() * typed.length)] : '';
  const next = text.slice(0, at) + ins + text.slice(end);
  return { line, at, ins, next, nli: new LineIndex(next) };
}

describe('reading in pieces means what reading the whole means @slow', function () {
  this.timeout(120000);
  let dir: string;
  let plans: { uri: string; text: string }[];
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-incr-'));
    generateCorpus(dir, { strategies: 2, entries: 200, seed: 9 });
    plans = (fs.readdirSync(dir, { recursive: true }) as string[])
      .map(String)
      .filter((f) => /\.plan\.(md|yaml)$/.test(f))
      .map((f) => ({ uri: 'file://' + path.join(dir, f), text: fs.readFileSync(path.join(dir, f), 'utf8') }));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('has both formats, and the YAML plans are long enough to be read in pieces', () => {
    assert.ok(plans.some((p) => p.uri.endsWith('.md')));
    const y = plans.filter((p) => p.uri.endsWith('.yaml'));
    assert.ok(y.length > 0);
    for (const p of y) assert.ok(splitPlan(p.text, new LineIndex(p.text)), `${p.uri} is split`);
  });

  it('splits a YAML plan again only around an edit (splitPlan prev) exactly as it splits the whole text', () => {
    let compared = 0;
    const TYPED = ['x', ' ', '-', '- ', '\n', '\n  - date: 2027-01-01\n', '\n- a: b\n', '&a', '!tag', '%', '---', '...', '#', ':', '\n\n'];
    for (const [pi, p] of plans.filter((q) => q.uri.endsWith('.yaml')).entries()) {
      const r = rng(700 + pi);
      let text = p.text;
      let li = new LineIndex(text);
      let split = splitPlan(text, li);
      for (let i = 0; i < 300; i++) {
        const { line, at, ins, next, nli } = randomEdit(text, li, r, TYPED);
        const whole = splitPlan(next, nli);
        if (split) {
          const lastNew = nli.positionAt(at + ins.length).line;
          const again = splitPlan(next, nli, { split, first: nli.positionAt(at).line, lastOld: lastNew - (nli.lineCount - li.lineCount), lastNew });
          assert.deepEqual(again, whole, `${p.uri} edit ${i} at line ${line + 1}`);
          compared++;
        }
        // An edit that ended the split is compared, then undone: every edit is made to a split plan.
        if (whole) {
          text = next;
          li = nli;
          split = whole;
        }
      }
    }
    assert.ok(compared > 200, `${compared} edits compared`);
  });

  it('gives the same entries and problems after any one keystroke; a syntax error stays one', () => {
    let compared = 0;
    let broken = 0;
    for (const [pi, p] of plans.entries()) {
      const cache = new ChunkCache();
      const r = rng(100 + pi);
      assert.deepEqual(meaning(parseDocument(p.uri, p.text, { cache })!), meaning(parseDocument(p.uri, p.text)!));
      for (let i = 0; i < 80; i++) {
        // One keystroke from the saved text: a character typed, one deleted, or a line break.
        const li = new LineIndex(p.text);
        const line = Math.floor(r() * li.lineCount);
        const ch = Math.floor(r() * (li.lineText(line).length + 1));
        const off = li.offsetAt({ line, character: ch });
        const kind = r();
        const text =
          kind < 0.6
            ? p.text.slice(0, off) + 'xyz:-|@ '[Math.floor(r() * 8)] + p.text.slice(off)
            : kind < 0.9
              ? p.text.slice(0, off) + p.text.slice(off + 1)
              : p.text.slice(0, off) + '\n' + p.text.slice(off);
        const whole = parseDocument(p.uri, text)!;
        const pieces = parseDocument(p.uri, text, { cache })!;
        if (whole.problems.some((x) => x.rule === 'syntax')) {
          broken++;
          assert.ok(
            pieces.problems.some((x) => x.rule === 'syntax'),
            `${path.basename(p.uri)} edit ${i}: the syntax error is reported`,
          );
          continue;
        }
        compared++;
        assert.deepEqual(meaning(pieces), meaning(whole), `${path.basename(p.uri)} edit ${i} at ${line + 1}:${ch + 1}`);
      }
    }
    assert.ok(compared > 80, `${compared} valid edits compared (${broken} broke the syntax)`);
  });

  it('a quote or bracket left open means what it means read whole (it runs on into the next entries)', () => {
    const p = plans.find((x) => x.uri.endsWith('.yaml'))!;
    const li = new LineIndex(p.text);
    const split = splitPlan(p.text, li)!;
    let compared = 0;
    for (const at of [1, Math.floor(split.chunks.length / 2), split.chunks.length - 1]) {
      const c = split.chunks[at];
      const chunk = p.text.slice(c.start, c.end);
      const m = /^(\s*-?\s*[\p{L}_ ]+:[ \t]*)(\S[^\n]*)$/mu.exec(chunk);
      assert.ok(m, `entry ${at} has a key with a value`);
      const off = c.start + m.index + m[1].length;
      for (const open of ['"', "'", '[', '{']) {
        const cache = new ChunkCache();
        parseDocument(p.uri, p.text, { cache });
        const text = p.text.slice(0, off) + open + p.text.slice(off);
        const whole = parseDocument(p.uri, text)!;
        assert.ok(
          whole.problems.some((x) => x.rule === 'syntax'),
          `${open} at entry ${at} is a syntax error`,
        );
        assert.deepEqual(meaning(parseDocument(p.uri, text, { cache })!), meaning(whole), `${open} at entry ${at}`);
        // Closed again: read in pieces as before.
        assert.deepEqual(meaning(parseDocument(p.uri, p.text, { cache })!), meaning(parseDocument(p.uri, p.text)!), `${open} at entry ${at}, closed`);
        compared++;
      }
    }
    assert.equal(compared, 12);
  });

  it('an error that stays inside its entry (a letter typed against a colon) keeps reading in pieces', () => {
    const p = plans.find((x) => x.uri.endsWith('.yaml'))!;
    const cache = new ChunkCache();
    const a = parseDocument(p.uri, p.text, { cache })!;
    const target = a.plan!.entries[Math.floor(a.plan!.entries.length / 2)];
    const li = new LineIndex(p.text);
    const from = li.offsetAt(target.range.start);
    const colon = p.text.indexOf(': ', from);
    const text = p.text.slice(0, colon + 1) + 'h' + p.text.slice(colon + 1);
    const b = parseDocument(p.uri, text, { cache })!;
    assert.ok(
      b.problems.some((x) => x.rule === 'syntax'),
      'the typed letter is a syntax error',
    );
    const same = b.plan!.entries.filter((e, i) => e === a.plan!.entries[i]).length;
    assert.ok(same >= a.plan!.entries.length - 2, `${same} of ${a.plan!.entries.length} entries kept: read in pieces, not whole`);
  });

  it('a word typed without its colon reads in pieces as whole: in the head, at column 0, inside an entry and a sequence, in the first and last entry, after the list', () => {
    let compared = 0;
    for (const p of plans.filter((q) => q.uri.endsWith('.yaml'))) {
      // With keys after the list, and a list inside the middle entry.
      const base0 = p.text + 'notes: Ende\n';
      const li0 = new LineIndex(base0);
      const mid0 = splitPlan(base0, li0)!.starts[40];
      const text = base0.slice(0, li0.lineStart(mid0 + 1)) + '    kpis:\n      - K1\n      - K2\n' + base0.slice(li0.lineStart(mid0 + 1));
      const li = new LineIndex(text);
      const split = splitPlan(text, li)!;
      const s = split.starts;
      const mid = s[Math.floor(s.length / 2)];
      const lastLine = li.lineCount - 2;
      const entriesLine = split.firstEntryLine - 1;
      const places: [string, number, string][] = [
        ['in the head', entriesLine, ''],
        ['at column 0 between entries', mid, ''],
        ['inside an entry', mid + 2, '    '],
        ['inside the first entry', s[0] + 1, '    '],
        ['a new item', mid + 1, '  - '],
        ['inside a sequence', mid0 + 3, '      '],
        ['after a sequence', mid0 + 4, '      '],
        ['inside the last entry', s[s.length - 1] + 1, '    '],
        ['at the end of the last entry', lastLine, '    '],
        ['after the list', lastLine, ''],
      ];
      const whole = (t: string) => meaning(parseDocument(p.uri, t)!);
      for (const [label, line, lead] of places) {
        const at = li.lineStart(line);
        const name = `${path.basename(p.uri)} ${label} (line ${line + 1})`;
        // Typed at once (a line added: the split made again around it).
        const cache = new ChunkCache();
        parseDocument(p.uri, text, { cache });
        const once = text.slice(0, at) + lead + 'chan\n' + text.slice(at);
        const got = parseDocument(p.uri, once, { cache })!;
        assert.deepEqual(meaning(got), whole(once), name);
        assert.deepEqual(
          got.incomplete?.map((x) => x.text),
          ['chan'],
          `${name}: half-typed`,
        );
        // Letter by letter on a line made first (no line added: the kept split, one piece read).
        const keys = new ChunkCache();
        let prev = text.slice(0, at) + lead + '\n' + text.slice(at);
        parseDocument(p.uri, prev, { cache: keys });
        let pos = at + lead.length;
        for (const c of 'chan') {
          const next = prev.slice(0, pos) + c + prev.slice(pos);
          const read = parseDocument(p.uri, next, { cache: keys, edit: { before: prev, prefix: pos, suffix: prev.length - pos } })!;
          assert.deepEqual(meaning(read), whole(next), `${name}, '${c}' typed`);
          prev = next;
          pos++;
          compared++;
        }
        assert.deepEqual(
          parseDocument(p.uri, prev, { cache: keys })!.incomplete?.map((x) => [x.text, x.range.start.line]),
          [['chan', line]],
        );
        // With its colon it is a key, and nothing is half-typed.
        const key = prev.slice(0, pos) + ':' + prev.slice(pos);
        assert.equal(parseDocument(p.uri, key)!.incomplete, undefined, `${name}: 'chan:' is a key`);
      }
    }
    assert.ok(compared >= 40, `${compared} keystrokes compared`);
  });

  it('keeps unchanged entries as the same objects after an edit elsewhere', () => {
    for (const p of plans) {
      const cache = new ChunkCache();
      const a = parseDocument(p.uri, p.text, { cache })!;
      const li = new LineIndex(p.text);
      const target = a.plan!.entries[Math.floor(a.plan!.entries.length / 2)];
      const off = li.offsetAt(target.anchor.start);
      const b = parseDocument(p.uri, p.text.slice(0, off) + 'Q' + p.text.slice(off), { cache })!;
      const same = b.plan!.entries.filter((e, i) => e === a.plan!.entries[i]).length;
      assert.ok(same >= a.plan!.entries.length - 70, `${path.basename(p.uri)}: ${same} of ${a.plan!.entries.length} entries reused`);
      assert.notEqual(b.plan!.entries[target.index], target, 'the edited entry is read again');
    }
  });

  it('the server-style workspace (pieces, per-entry rule memo) finds what a fresh check finds', () => {
    const fresh = (cache: boolean) => new Workspace(new ConfigResolver({ readFile: () => undefined }), { cache });
    const strategies = (fs.readdirSync(dir, { recursive: true }) as string[]).map(String).filter((f) => /strateg(y|ie)\.(md|yaml)$/.test(f));
    const ser = (m: Map<string, { rule: string; range: unknown; message: { en: string }; fixes?: unknown }[]>) =>
      JSON.stringify([...m].sort(([a], [b]) => (a < b ? -1 : 1)).map(([u, l]) => [u, l.map((f) => [f.rule, f.range, f.message.en, f.fixes])]));
    let checked = 0;
    for (const [pi, p] of plans.entries()) {
      const server = fresh(true);
      for (const f of strategies) server.set('file://' + path.join(dir, f), fs.readFileSync(path.join(dir, f), 'utf8'));
      for (const q of plans) server.set(q.uri, q.text);
      server.check('2027-02-15');
      const r = rng(300 + pi);
      const counts: number[] = [];
      for (let i = 0; i < 25; i++) {
        const li = new LineIndex(p.text);
        const line = Math.floor(r() * li.lineCount);
        const off = li.offsetAt({ line, character: Math.floor(r() * (li.lineText(line).length + 1)) });
        const text = p.text.slice(0, off) + 'k' + p.text.slice(off);
        server.set(p.uri, text);
        server.memo!.rechecked = 0;
        const got = server.check('2027-02-15');
        counts.push(server.memo!.rechecked);
        const ref = fresh(false);
        for (const f of strategies) ref.set('file://' + path.join(dir, f), fs.readFileSync(path.join(dir, f), 'utf8'));
        for (const q of plans) ref.set(q.uri, q === p ? text : q.text);
        if (ref.get(p.uri)!.problems.some((x) => x.rule === 'syntax')) continue;
        assert.equal(ser(got), ser(ref.check('2027-02-15')), `${path.basename(p.uri)} edit ${i} at line ${line + 1}`);
        checked++;
      }
      // A typical edit re-checks one chunk's entries, not the plan's (an edit in the front
      // matter or a table header rightly re-checks all).
      const scoped = ALL_RULES.filter((x) => x.meta.scope === 'entry').length;
      const all = server.get(p.uri)!.plan!.entries.length * scoped;
      const median = counts.sort((a, b) => a - b)[counts.length >> 1];
      assert.ok(median <= all / 2, `entry rules re-checked ${median} of ${all} entry checks per edit (median)`);
    }
    assert.ok(checked > 20, `${checked} edits compared`);
  });
});

describe('the fine Markdown cut (server) means what the coarse cut (CLI) means @slow', function () {
  this.timeout(120000);
  /** Every Markdown document the project has at hand: the examples, a corpus, the big strategy. */
  function documents(dir: string): { uri: string; text: string }[] {
    const root = repoRoot();
    const files = (fs.readdirSync(path.join(root, 'examples'), { recursive: true }) as string[])
      .map(String)
      .filter((f) => /\.(strategy|plan)\.md$|strateg(y|ie)\.md$/.test(f))
      .map((f) => path.join(root, 'examples', f));
    generateCorpus(dir, { strategies: 2, entries: 120, seed: 4 });
    files.push(
      ...(fs.readdirSync(dir, { recursive: true }) as string[])
        .map(String)
        .filter((f) => f.endsWith('.md'))
        .map((f) => path.join(dir, f)),
    );
    const docs = files.map((f) => ({ uri: 'file://' + f, text: fs.readFileSync(f, 'utf8') }));
    docs.push({ uri: 'file:///big/strategie.md', text: bigStrategy() });
    return docs;
  }
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-fine-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('cuts prose between paragraphs and tables into short slices, but not where a block could go on', () => {
    const count = (text: string, fine: boolean) => chunkMarkdown(new LineIndex(text), { fine }).length;
    const big = bigStrategy();
    assert.ok(count(big, true) > 5 * count(big, false), `${count(big, true)} fine chunks, ${count(big, false)} coarse`);
    const para = (n: number) => Array.from({ length: n }, (_, i) => `Line ${i}`).join('\n');
    // Paragraphs: cut. A list going on after a blank line, an indented continuation, an
    // HTML comment or a fence holding blank lines: not cut.
    assert.equal(count(`${para(8)}\n\n${para(3)}\n`, true), 2);
    assert.equal(count(`${para(8)}\n- a\n\n- b\n\n  more of b\n`, true), 1);
    assert.equal(count(`${para(8)}\n\n<!--\n\n${para(8)}\n\n## not a heading\n-->\n`, true), 2);
    assert.equal(count(`${para(8)}\n\n~~~\n\n${para(8)}\n\n## not a heading\n~~~\n`, true), 2);
    // A long table is sliced while every line is surely a row (a pipe or a letter first);
    // after a line that may have ended it (a thematic break), it is not.
    const table = (rows: string[]) => ['| a | b |', '|---|---|', ...rows].join('\n') + '\n';
    const row = (i: number) => `| ${i} | x |`;
    const rows = Array.from({ length: 30 }, (_, i) => row(i));
    assert.equal(count(table(rows), true), 4);
    assert.equal(count(table([...rows.slice(0, 5), 'x' + rows[5], ...rows.slice(6)]), true), 4);
    assert.equal(count(table([...rows.slice(0, 5), '***', ...rows.slice(6)]), true), 1);
    // A link reference definition anywhere keeps the coarse cut.
    assert.equal(count(`${para(8)}\n\n${para(3)}\n\n[x]: https://example.org\n`, true), 1);
  });

  it('reads every document, and every document after a keystroke, the same either way', () => {
    let compared = 0;
    for (const [di, d] of documents(dir).entries()) {
      const cache = new ChunkCache();
      assert.deepEqual(meaning(parseDocument(d.uri, d.text, { cache })!), meaning(parseDocument(d.uri, d.text)!), d.uri);
      const r = rng(500 + di);
      for (let i = 0; i < 30; i++) {
        const li = new LineIndex(d.text);
        const line = Math.floor(r() * li.lineCount);
        const off = li.offsetAt({ line, character: Math.floor(r() * (li.lineText(line).length + 1)) });
        const kind = r();
        const text =
          kind < 0.5
            ? d.text.slice(0, off) + 'x-|#<`\n'[Math.floor(r() * 7)] + d.text.slice(off)
            : kind < 0.8
              ? d.text.slice(0, off) + d.text.slice(off + 1)
              : d.text.slice(0, off) + '\n\n' + d.text.slice(off);
        const whole = parseDocument(d.uri, text);
        const pieces = parseDocument(d.uri, text, { cache });
        assert.deepEqual(pieces && meaning(pieces), whole && meaning(whole), `${d.uri} edit ${i} at ${line + 1}`);
        compared++;
      }
    }
    assert.ok(compared > 100, `${compared} edits compared`);
  });

  it('cuts again only around an edit (chunkMarkdown prev) exactly as it cuts the whole text', () => {
    let compared = 0;
    let reused = 0;
    const TYPED = ['x', '|', '-', '#', '`', '\n', '\n\n', '## H\n', '```\n', '<!--\n', '-->', '| a | b |\n|---|---|\n', '---\n', '[x]: y\n'];
    for (const [di, d] of documents(dir).entries()) {
      const r = rng(900 + di);
      let text = d.text;
      let li = new LineIndex(text);
      let chunks = chunkMarkdown(li, { fine: true });
      for (let i = 0; i < 60; i++) {
        const { line, at, ins, next, nli } = randomEdit(text, li, r, TYPED);
        const whole = chunkMarkdown(nli, { fine: true });
        // As markdown.ts takes it: a last cut that was fine, and no definition in the edited lines.
        const first = nli.positionAt(at).line;
        const lastNew = nli.positionAt(at + ins.length).line;
        const lastOld = lastNew - (nli.lineCount - li.lineCount);
        const fineBefore = !/^ {0,3}\[[^\]\n]+\]:/m.test(text);
        if (fineBefore && !/^ {0,3}\[[^\]\n]+\]:/m.test(next)) {
          const again = chunkMarkdown(nli, { fine: true, definitions: false, prev: { chunks, first, lastOld, lastNew } });
          assert.deepEqual(
            again.map((c) => [c.text, c.lineMap]),
            whole.map((c) => [c.text, c.lineMap]),
            `${d.uri} edit ${i} at line ${line + 1}`,
          );
          reused += again.filter((c) => chunks.includes(c)).length;
          compared++;
          chunks = again;
        } else chunks = whole;
        text = next;
        li = nli;
      }
    }
    assert.ok(compared > 100, `${compared} edits compared`);
    assert.ok(reused > compared, `${reused} chunks taken over unchanged`);
  });

  it('reads every CommonMark spec example the same either way, where the fine cut cuts', function () {
    this.timeout(300000);
    const examples: { markdown: string; number: number }[] = createRequire(path.join(repoRoot(), 'package.json'))('commonmark-spec').tests;
    const prose = Array.from({ length: 8 }, (_, i) => `Prose line ${i}.`).join('\n');
    const placements: [string, (md: string) => string][] = [
      [STRATEGY_MD, (md) => `${STRATEGY_HEAD}## 2. Zuhören\n${prose}\n\n${md}\n${prose}\n${STRATEGY_TAIL}`],
      [PLAN_MD, (md) => `${FM_PLAN}${planTable(12)}${md}${planRow(70)}${planRow(71)}`],
      [PLAN_MD, (md) => `${FM_PLAN}${planTable(12)}\n\n${md}\n\n${planTable(12)}`],
    ];
    const differ: string[] = [];
    for (const ex of examples) {
      for (const [uri, make] of placements) {
        const text = make(ex.markdown);
        const whole = parseDocument(uri, text);
        const pieces = parseDocument(uri, text, { cache: new ChunkCache() });
        if (JSON.stringify(pieces && meaning(pieces)) !== JSON.stringify(whole && meaning(whole))) differ.push(`example ${ex.number} in ${path.basename(uri)}`);
      }
    }
    assert.deepEqual(differ, []);
  });
});

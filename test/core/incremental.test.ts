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
import type { ParsedDocument } from '../../server/src/core/model';
import { LineIndex } from '../../server/src/core/text';
import { generateCorpus } from '../bench/corpus';
import { Workspace } from '../../server/src/core/workspace';
import { ConfigResolver } from '../../server/src/core/config';
import { ALL_RULES } from '../../server/src/core/rules';
import { rng } from '../helpers/rng';


/** What a reader produced, without the absolute offsets a cached piece may carry. */
function meaning(d: ParsedDocument): unknown {
  const strip = (x: unknown): unknown =>
    JSON.parse(JSON.stringify(x, (k, v) => (k === 'offset' ? undefined : v)));
  return strip({
    title: d.title,
    titleRange: d.titleRange,
    period: d.period,
    language: d.language,
    strategyPath: d.plan?.strategyPath,
    entries: d.plan?.entries,
    problems: d.problems.map((p) => ({ rule: p.rule, range: p.range, message: p.message.en })).sort((a, b) => JSON.stringify(a) < JSON.stringify(b) ? -1 : 1),
  });
}

describe('reading in pieces means what reading the whole means', function () {
  this.timeout(120000);
  let dir: string;
  let plans: { uri: string; text: string }[];
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-incr-'));
    generateCorpus(dir, { strategies: 2, entries: 200, seed: 9 });
    plans = (fs.readdirSync(dir, { recursive: true }) as string[]).map(String).filter((f) => /\.plan\.(md|yaml)$/.test(f))
      .map((f) => ({ uri: 'file://' + path.join(dir, f), text: fs.readFileSync(path.join(dir, f), 'utf8') }));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('has both formats, and the YAML plans are long enough to be read in pieces', () => {
    assert.ok(plans.some((p) => p.uri.endsWith('.md')));
    const y = plans.filter((p) => p.uri.endsWith('.yaml'));
    assert.ok(y.length > 0);
    for (const p of y) assert.ok(splitPlan(p.text, new LineIndex(p.text)), `${p.uri} is split`);
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
        const text = kind < 0.6 ? p.text.slice(0, off) + 'xyz:-|@ '[Math.floor(r() * 8)] + p.text.slice(off)
          : kind < 0.9 ? p.text.slice(0, off) + p.text.slice(off + 1)
          : p.text.slice(0, off) + '\n' + p.text.slice(off);
        const whole = parseDocument(p.uri, text)!;
        const pieces = parseDocument(p.uri, text, { cache })!;
        if (whole.problems.some((x) => x.rule === 'syntax')) {
          broken++;
          assert.ok(pieces.problems.some((x) => x.rule === 'syntax'), `${path.basename(p.uri)} edit ${i}: the syntax error is reported`);
          continue;
        }
        compared++;
        assert.deepEqual(meaning(pieces), meaning(whole), `${path.basename(p.uri)} edit ${i} at ${line + 1}:${ch + 1}`);
      }
    }
    assert.ok(compared > 80, `${compared} valid edits compared (${broken} broke the syntax)`);
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

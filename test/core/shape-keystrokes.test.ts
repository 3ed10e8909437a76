/**
 * Keystrokes that change an entry's shape (docs/decisions.md "What a keystroke costs"): a
 * letter typed into or taken out of a date, a channel, a mode, a status, a goal or a KPI,
 * or the value swapped for another. The aggregate rules count again, the entry-scoped
 * rules check the entry again, and the engine takes each rule's last output again outside
 * the stretch that changed (RuleOut, Delta in core/engine.ts). After every keystroke the
 * caching workspace must find what a fresh one finds, in the same order.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateCorpus } from '../bench/corpus';
import { Workspace } from '../../server/src/core/workspace';
import { ConfigResolver } from '../../server/src/core/config';
import { rng } from '../helpers/rng';
import { compareFindings, sortAgainst, type Finding } from '../../server/src/core/engine';
import type { ReportInput } from '../../server/src/core/rules/api';

const TODAY = '2027-02-15';
const workspace = (cache: boolean) => new Workspace(new ConfigResolver({ readFile: () => undefined }), { cache });

type Files = { uri: string; text: string }[];

function load(dir: string): Files {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .map(String)
    .filter((f) => /\.(md|yaml)$/.test(f))
    .map((f) => ({ uri: 'file://' + path.join(dir, f), text: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

/** Everything a client or the CLI sees of the findings, per document, in order. */
function seen(m: Map<string, Finding[]>): string {
  return JSON.stringify(
    [...m].sort(([a], [b]) => (a < b ? -1 : 1)).map(([u, l]) => [u, l.map((f) => [f.rule, f.range, f.message.en, f.message.de, f.severity, f.fixes, f.data])]),
  );
}

function fresh(files: Files, uri: string, text: string): Map<string, Finding[]> {
  const ref = workspace(false);
  for (const f of files) ref.set(f.uri, f.uri === uri ? text : f.text);
  return ref.check(TODAY);
}

/** Where a shape value stands on a line: [from, to) of the value, or undefined. */
function valueOn(line: string, columns: number[]): [number, number] | undefined {
  const m = /^(\s*-?\s*(?:date|channel|mode|status|goal|kpi):\s*)(.*)$/.exec(line);
  if (m) return [m[1].length, line.length];
  if (!/^\|\s*\d\d\.\d\d\.\d{4}/.test(line) || !columns.length) return undefined;
  const cells = line.split('|');
  const col = columns[line.length % columns.length];
  if (col >= cells.length - 1) return undefined;
  const from = cells.slice(0, col).join('|').length + 1;
  return [from, from + cells[col].length];
}

const SWAPS: [RegExp, string[]][] = [
  [/^(\s*-?\s*channel: )\w+$/, ['instagram', 'linkedin', 'facebook', 'tiktok', 'mastodon']],
  [/^(\s*-?\s*status: )\w+$/, ['published', 'planned', 'cancelled', 'draft']],
  [/^(\s*-?\s*mode: )\w+$/, ['push', 'story', 'dialog', 'service']],
  [/^(\s*-?\s*date: )[\d-]+$/, ['2027-01-02', '2027-06-30', '2027-12-31', '2026-12-01']],
  [/^(\s*-?\s*goal: )\w+$/, ['G1', 'G2', 'G3', 'G9']],
];

const MD_SWAPS: [number, string[]][] = [
  // Datum, Kanal, Modus, Ziel, Status (the generated table's columns)
  [1, ['02.01.2027', '30.06.2027', '31.12.2027', 'bald']],
  [2, ['instagram', 'linkedin', 'facebook', 'mastodon']],
  [5, ['Werbung', 'Geschichte', 'Dialog', '']],
  [6, ['G1', 'G2', 'G3', 'G9']],
  [10, ['veröffentlicht', 'geplant', 'abgesagt']],
];

/** One keystroke into a shape value of `text`: a letter typed, one taken out (Backspace), or the value swapped. */
function shapeKeystroke(text: string, r: () => number): string {
  const lines = text.split('\n');
  const head = lines.findIndex((l) => /^\| Datum/.test(l));
  const columns = head < 0 ? [] : lines[head].split('|').flatMap((c, i) => (/^(Datum|Kanal|Modus|Ziel|Kennzahl|Status)$/.test(c.trim()) ? [i] : []));
  for (;;) {
    const j = 6 + Math.floor(r() * (lines.length - 7));
    const line = lines[j];
    const span = valueOn(line, columns);
    if (!span) continue;
    const kind = r();
    if (kind < 0.5) {
      const at = span[0] + Math.floor(r() * (span[1] - span[0] + 1));
      lines[j] = line.slice(0, at) + 'abcdefghijklmnopqrstuvwxyz'[Math.floor(r() * 26)] + line.slice(at);
    } else if (kind < 0.75) {
      if (span[1] === span[0]) continue;
      const at = span[0] + Math.floor(r() * (span[1] - span[0]));
      lines[j] = line.slice(0, at) + line.slice(at + 1);
    } else if (head < 0) {
      const swap = SWAPS.find(([re]) => re.test(line));
      if (!swap) continue;
      lines[j] = line.replace(swap[0], `$1${swap[1][Math.floor(r() * swap[1].length)]}`);
    } else {
      const cells = line.split('|');
      const [col, values] = MD_SWAPS[Math.floor(r() * MD_SWAPS.length)];
      if (col >= cells.length - 1) continue;
      cells[col] = ` ${values[Math.floor(r() * values.length)]} `;
      lines[j] = cells.join('|');
    }
    return lines.join('\n');
  }
}

describe('keystrokes that change an entry shape are checked as a fresh check checks them', function () {
  this.timeout(10 * 60 * 1000);
  let dir: string;
  let files: Files;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-shape-'));
    generateCorpus(dir, { strategies: 2, entries: 300, seed: 5 });
    files = load(dir);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('types into dates, channels, modes, statuses, goals and KPIs of a YAML and a Markdown plan; filters only the reports that changed', () => {
    const plans = files.filter((f) => /\.plan\./.test(f.uri));
    assert.deepEqual(plans.map((p) => path.extname(p.uri)).sort(), ['.md', '.yaml']);
    for (const [pi, plan] of plans.entries()) {
      const ws = workspace(true);
      for (const f of files) ws.set(f.uri, f.text);
      const total = [...ws.check(TODAY).values()].reduce((n, l) => n + l.length, 0);
      const r = rng(150 + pi);
      let text = plan.text;
      let merged = 0;
      let most = 0;
      for (let i = 0; i < 40; i++) {
        text = shapeKeystroke(text, r);
        ws.set(plan.uri, text);
        ws.memo!.passed = 0;
        const got = ws.check(TODAY);
        assert.equal(seen(got), seen(fresh(files, plan.uri, text)), `${path.basename(plan.uri)} keystroke ${i}`);
        most = Math.max(most, ws.memo!.passed);
        if (ws.memo!.delta?.base) merged++;
      }
      // The reports of the entry typed into and the aggregate rules' few are looked at again, not all.
      assert.ok(most * 4 < total, `${path.basename(plan.uri)}: up to ${most} of ${total} reports looked at again`);
      console.log(`      ${path.basename(plan.uri)}: up to ${most} of ${total} reports looked at again`);
      // What changed is merged into the last check's order (Delta), not found by comparing all.
      assert.ok(merged >= 35, `${path.basename(plan.uri)}: ${merged} of 40 checks merged what changed`);
    }
  });

  it('keeps suppressed reports out where they were and where they move, through typing and added lines', () => {
    const plan = files.find((f) => f.uri.endsWith('.plan.yaml'))!;
    const lines: string[] = [];
    // Every other entry from a third of the plan to two thirds of it in a pair of comments
    // that switch off three rules whose reports the keystrokes make and take: suppressed ones lie between
    // kept ones all over that stretch.
    const entries = plan.text.split('\n').filter((l) => l.startsWith('  - date:')).length;
    let n = 0;
    let open = false;
    let a = -1;
    for (const l of plan.text.split('\n')) {
      if (l.startsWith('  - date:')) {
        if (open) lines.push('  # stratdoc-enable entry-without-goal mode-inferred stale-entry');
        open = n > entries / 3 && n < (2 * entries) / 3 && n % 2 === 0;
        if (open) {
          if (a < 0) a = lines.length;
          lines.push('  # stratdoc-disable entry-without-goal mode-inferred stale-entry');
        }
        n++;
      }
      lines.push(l);
    }
    const start = lines.join('\n');
    const others = files.map((f) => (f === plan ? { uri: f.uri, text: start } : f));
    const unsuppressed = fresh(files, plan.uri, plan.text).get(plan.uri)!.length;
    assert.ok(fresh(others, plan.uri, start).get(plan.uri)!.length < unsuppressed - 8, 'the comments suppress reports');
    const ws = workspace(true);
    for (const f of others) ws.set(f.uri, f.text);
    ws.check(TODAY);
    const r = rng(41);
    let text = start;
    for (let i = 0; i < 60; i++) {
      if (i % 20 === 19) {
        // A line added above the suppressed stretch (Enter at the end of a title): the comments move.
        const ls = text.split('\n');
        const j = ls.findIndex((l, k) => k > 8 && k < a && l.startsWith('    title:'));
        ls.splice(j + 1, 0, '    note: added');
        text = ls.join('\n');
      } else if (i % 2) {
        // A goal or mode value cleared or written again (the entry gains or loses reports of
        // the suppressed rules, so those after it move in the rule's list).
        const ls = text.split('\n');
        for (;;) {
          const j = 8 + Math.floor(r() * (ls.length - 9));
          const m = /^(\s+(?:goal|mode): ?)(\w*)$/.exec(ls[j]);
          if (!m) continue;
          ls[j] = m[2] ? m[1].trimEnd() + ' ' : `${m[1].trimEnd()} ${ls[j].includes('goal') ? 'G2' : 'push'}`;
          break;
        }
        text = ls.join('\n');
      } else text = shapeKeystroke(text, r);
      ws.set(plan.uri, text);
      assert.equal(seen(ws.check(TODAY)), seen(fresh(others, plan.uri, text)), `keystroke ${i}`);
    }
  });

  it("takes a rule's findings again around an edit next to suppressed reports, after reports were added before them", () => {
    // entry-without-goal switched off from the middle of the plan on; goals cleared and
    // written again before that line and right above it: the suppressed reports move in the
    // rule's list, and the finding of the entry above them comes and goes.
    const plan = files.find((f) => f.uri.endsWith('.plan.yaml'))!;
    const ls = plan.text.split('\n');
    const starts = ls.flatMap((l, i) => (l.startsWith('  - date:') ? [i] : []));
    const goalOf = (e: number) => {
      for (let j = starts[e] + 1; j < (starts[e + 1] ?? ls.length); j++) if (/^ {4}goal: G\d$/.test(ls[j])) return j;
      return -1;
    };
    let k = starts.length >> 1;
    while (goalOf(k - 1) < 0) k++;
    const above = goalOf(k - 1);
    const early = [1, 2, 3, 4, 5, 6, 7, 8].map(goalOf).filter((j) => j >= 0);
    ls.splice(starts[k], 0, '  # stratdoc-disable entry-without-goal');
    const others = files.map((f) => (f === plan ? { uri: f.uri, text: ls.join('\n') } : f));
    const ws = workspace(true);
    for (const f of others) ws.set(f.uri, f.text);
    ws.check(TODAY);
    const steps: [number, string][] = [
      [early[0], '    goal: '],
      [above, '    goal: '],
      [early[1], '    goal: '],
      [above, ls[above]],
      [early[0], ls[early[0]]],
      [above, '    goal: '],
      [early[2], '    goal: '],
      [above, ls[above]],
    ];
    for (const [i, [line, to]] of steps.entries()) {
      ls[line] = to;
      const text = ls.join('\n');
      ws.set(plan.uri, text);
      assert.equal(seen(ws.check(TODAY)), seen(fresh(others, plan.uri, text)), `step ${i}`);
    }
  });

  it('notices a channel cell that becomes a cross-post and stops being one, as a fresh check does', () => {
    const plan = files.find((f) => f.uri.endsWith('.plan.md'))!;
    const ws = workspace(true);
    for (const f of files) ws.set(f.uri, f.text);
    ws.check(TODAY);
    const ls = plan.text.split('\n');
    const rows = ls.flatMap((l, i) => (/^\| \d\d\.\d\d\.2027 \| instagram \|/.test(l) ? [i] : []));
    const steps: [number, string][] = [
      [rows[3], ls[rows[3]].replace('| instagram |', '| instagram, facebook |')],
      [rows[9], ls[rows[9]].replace('| instagram |', '| IG + LI |')],
      [rows[3], ls[rows[3]]],
      [rows[9], ls[rows[9]].replace('| instagram |', '| instagramm |')],
      [rows[9], ls[rows[9]]],
    ];
    for (const [i, [line, to]] of steps.entries()) {
      ls[line] = to;
      const text = ls.join('\n');
      ws.set(plan.uri, text);
      const got = ws.check(TODAY);
      assert.equal(seen(got), seen(fresh(files, plan.uri, text)), `step ${i}`);
      // Each channel of a cross-post's row is an entry of its own.
      assert.equal(ws.memo!.crossPosts.get(plan.uri)!.count, [2, 4, 2, 0, 0][i], `step ${i}: cross-posts counted`);
    }
  });

  it('gives an entry-scoped rule what it finds in the strategy as the same report again, and what a fresh check finds', () => {
    const strategy = files.find((f) => f.uri.endsWith('strategy.yaml'))!;
    assert.match(strategy.text, /kpis: \[K3\]/);
    const withUnknown = files.map((f) => (f === strategy ? { uri: f.uri, text: f.text.replace('kpis: [K3]', 'kpis: [K3, K99]') } : f));
    const plan = withUnknown.find((f) => f.uri.endsWith('.plan.yaml'))!;
    const ws = workspace(true);
    for (const f of withUnknown) ws.set(f.uri, f.text);
    const first = ws
      .check(TODAY)
      .get(strategy.uri)!
      .filter((f) => f.rule === 'unknown-reference');
    assert.equal(first.length, 1, 'K99 is no KPI of the strategy');
    const r = rng(7);
    let text = plan.text;
    let last: ReportInput | undefined;
    for (let i = 0; i < 10; i++) {
      text = shapeKeystroke(text, r);
      ws.set(plan.uri, text);
      const got = ws.check(TODAY);
      assert.equal(seen(got), seen(fresh(withUnknown, plan.uri, text)), `keystroke ${i}`);
      assert.equal(got.get(strategy.uri)!.filter((f) => f.rule === 'unknown-reference')[0], first[0], `keystroke ${i}: the same finding`);
      // The same report, too: the rule's output after the plan's is taken again, not looked at.
      const home = ws.projectOf(plan.uri)!.documents[0].uri;
      const reports = ws.memo!.outs.get(`unknown-reference\n${home}`)!.found;
      if (last) assert.equal(reports[reports.length - 1], last, `keystroke ${i}: the same report`);
      last = reports[reports.length - 1];
      assert.equal(last.uri, strategy.uri);
    }
  });
});

describe('sortAgainst with what changed since the last check', () => {
  const f = (uri: string, line: number, rule = 'r'): Finding => ({
    rule,
    uri,
    range: { start: { line, character: 0 }, end: { line, character: 1 } },
    message: { en: `${uri}${line}`, de: '' },
    severity: 'warning',
  });

  it('merges the added into the kept order and leaves out the removed: what a full sort gives', () => {
    const before = [f('a', 1), f('a', 3), f('a', 5), f('b', 0)];
    const added = [f('b', 2), f('a', 4), f('a', 0)];
    const found = [before[0], before[2], before[3], ...added];
    const got = sortAgainst(found, before, { removed: [before[1]], added });
    assert.deepEqual(got, [...found].sort(compareFindings));
    assert.deepEqual(
      got.map((x) => x.message.en),
      ['a0', 'a1', 'a4', 'a5', 'b0', 'b2'],
    );
    // Of two findings at one place, the second removed: found by identity among its equals.
    const twins = [f('a', 1), f('a', 2), f('a', 2), f('a', 3)];
    const now = [twins[0], twins[1], twins[3], f('a', 9)];
    assert.deepEqual(sortAgainst(now, twins, { removed: [twins[2]], added: [now[3]] }), now);
    // Nothing changed: the last check's list as it is.
    assert.equal(sortAgainst(before.slice(), before, { removed: [], added: [] }), before);
  });

  it('sorts all where a new finding ties with a kept one, or where the counts do not add up', () => {
    const before = [f('a', 1, 'x'), f('a', 2)];
    const tie = f('a', 1, 'x');
    const found = [tie, before[0], before[1]];
    // A stable sort of the engine's order puts the new one first (it came first).
    assert.equal(sortAgainst(found, before, { removed: [], added: [tie] })[0], tie);
    // A removed finding that was not there: not trusted, the sets decide.
    const stray = f('c', 0);
    const more = [before[0], before[1], f('b', 0)];
    assert.deepEqual(sortAgainst(more, before, { removed: [stray], added: [more[2], stray] }), more);
  });
});

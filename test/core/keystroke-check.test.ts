/**
 * The check after a keystroke (docs/decisions.md "What a keystroke costs"): findings that
 * did not change are the same objects as after the last check, in the order a fresh check
 * gives, and the aggregate rules' per-entry contributions give what a fresh count gives.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateCorpus } from '../bench/corpus';
import { Workspace } from '../../server/src/core/workspace';
import { ConfigResolver } from '../../server/src/core/config';
import { LineIndex } from '../../server/src/core/text';
import { rng } from '../helpers/rng';
import { ALL_RULES } from '../../server/src/core/rules';
import { diffEntries, type Finding } from '../../server/src/core/engine';
import type { PlanEntry } from '../../server/src/core/model';

const TODAY = '2027-02-15';
const workspace = (cache: boolean) => new Workspace(new ConfigResolver({ readFile: () => undefined }), { cache });

/** A caching workspace holding `files`, checked once (the state a keystroke starts from). */
function checkedWorkspace(files: readonly { uri: string; text: string }[]): Workspace {
  const ws = workspace(true);
  for (const f of files) ws.set(f.uri, f.text);
  ws.check(TODAY);
  return ws;
}

/** What `got` found equals what a fresh check of `files`, with `plan` now `text`, finds. */
function assertFresh(files: readonly { uri: string; text: string }[], plan: { uri: string }, text: string, got: Map<string, Finding[]>): void {
  const ref = workspace(false);
  for (const f of files) ref.set(f.uri, f.uri === plan.uri ? text : f.text);
  for (const [uri, list] of ref.check(TODAY))
    assert.deepEqual(
      (got.get(uri) ?? []).map((f) => [f.rule, f.range, f.message.en, f.data]),
      list.map((f) => [f.rule, f.range, f.message.en, f.data]),
      path.basename(uri),
    );
}

function load(dir: string): { uri: string; text: string }[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .map(String)
    .filter((f) => /\.(md|yaml)$/.test(f))
    .map((f) => ({ uri: 'file://' + path.join(dir, f), text: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

describe('a keystroke re-checks what it touched', function () {
  this.timeout(10 * 60 * 1000);
  let dir: string;
  let files: { uri: string; text: string }[];
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-keys-'));
    generateCorpus(dir, { strategies: 2, entries: 300, seed: 3 });
    files = load(dir);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives the findings of unchanged entries as the same objects, and makes few new ones', () => {
    for (const plan of files.filter((f) => /\.plan\./.test(f.uri))) {
      const ws = workspace(true);
      for (const f of files) ws.set(f.uri, f.text);
      const before = ws.check(TODAY).get(plan.uri)!;
      assert.ok(before.length > 20, `${path.basename(plan.uri)}: ${before.length} findings`);
      // A letter typed into the title of an entry in the middle.
      const doc = ws.get(plan.uri)!;
      const e = doc.plan!.entries[doc.plan!.entries.length >> 1];
      const at = e.title?.range.end ?? e.anchor.end;
      const li = new LineIndex(plan.text);
      const off = li.offsetAt(at);
      ws.set(plan.uri, plan.text.slice(0, off) + 'x' + plan.text.slice(off));
      ws.memo!.converted_ = 0;
      ws.memo!.reused = 0;
      const after = ws.check(TODAY).get(plan.uri)!;
      const aggregates = ALL_RULES.filter((r) => r.meta.scope === 'aggregate').length;
      // Only a rule with a finding in the edited entry runs again (the entry may have moved).
      assert.ok(ws.memo!.reused >= aggregates - 2, `${path.basename(plan.uri)}: ${ws.memo!.reused} of ${aggregates} aggregate rules reused`);
      const old = new Set(before);
      const same = after.filter((f) => old.has(f)).length;
      assert.ok(same >= after.length - 10, `${path.basename(plan.uri)}: ${same} of ${after.length} findings kept`);
      assert.ok(ws.memo!.converted_ <= 10, `${path.basename(plan.uri)}: ${ws.memo!.converted_} findings made anew`);
    }
  });

  it('counts an edit that moves an entry between push and story from the entries it touched, as a fresh check does', () => {
    const aggregates = ALL_RULES.filter((r) => r.meta.scope === 'aggregate');
    assert.ok(
      aggregates.every((r) => r.tally),
      'every aggregate rule counts from per-entry contributions',
    );
    for (const plan of files.filter((f) => /\.plan\./.test(f.uri))) {
      const ws = checkedWorkspace(files);
      const n = ws.get(plan.uri)!.plan!.entries.length;
      // The mode of an entry past the middle: push becomes story, anything else push.
      const lines = plan.text.split('\n');
      const at = lines.findIndex((l, i) => i > lines.length / 2 && /mode: \w+|\| (Werbung|Geschichte|Tipps|Dialog|Einblick|Service) \|/.test(l));
      assert.ok(at > 0, path.basename(plan.uri));
      lines[at] = /Werbung|mode: push/.test(lines[at])
        ? lines[at].replace('| Werbung |', '| Geschichte |').replace(/mode: push/, 'mode: story')
        : lines[at].replace(/\| (Geschichte|Tipps|Dialog|Einblick|Service) \|/, '| Werbung |').replace(/mode: \w+/, 'mode: push');
      const text = lines.join('\n');
      ws.set(plan.uri, text);
      ws.memo!.reused = 0;
      ws.memo!.contributed = 0;
      const got = ws.check(TODAY);
      assert.ok(ws.memo!.reused < aggregates.length, `${path.basename(plan.uri)}: the mode changed, yet no aggregate rule ran`);
      // The entries an edit makes anew (one YAML entry, a slice of 8 table rows), per rule: not all entries.
      assert.ok(ws.memo!.contributed <= aggregates.length * 8, `${path.basename(plan.uri)}: ${ws.memo!.contributed} contributions computed for ${n} entries`);
      assertFresh(files, plan, text, got);
    }
  });

  it('after edits that changed no count, counts only the entries edits made, not those between them', () => {
    // A title typed near the top (the aggregate rules keep their findings and do not count),
    // then a mode changed near the end: the rules count again over the runs of both edits
    // (changedHunks), not the entries between them, which are the same objects as before.
    const aggregates = ALL_RULES.filter((r) => r.meta.scope === 'aggregate');
    for (const plan of files.filter((f) => /\.plan\./.test(f.uri))) {
      const ws = checkedWorkspace(files);
      const n = ws.get(plan.uri)!.plan!.entries.length;
      const lines = plan.text.split('\n');
      const title = lines.findIndex((l, i) => i > lines.length / 5 && /^\| \d\d\.\d\d\.2027 \||^ +title: [A-Za-z][^"']*$/.test(l));
      let mode = lines.length - 1;
      while (mode > 0 && !/mode: (story|people|service|dialog)|\| (Geschichte|Tipps|Dialog|Einblick|Service) \|/.test(lines[mode])) mode--;
      assert.ok(title > 0 && mode > title + 40, `${path.basename(plan.uri)}: ${title} ${mode}`);
      // The fourth cell (Thema) or the title's value.
      lines[title] = lines[title].startsWith('|') ? lines[title].replace(/^((?:\|[^|]*){3}\| )/, '$1x') : lines[title].replace('title: ', 'title: x');
      const before = ws.get(plan.uri)!.plan!.entries;
      ws.set(plan.uri, lines.join('\n'));
      ws.memo!.reused = 0;
      ws.check(TODAY);
      // (A rule with a finding inside the entry made anew runs again, see the first test.)
      assert.ok(
        ws.memo!.reused >= aggregates.length - 2,
        `${path.basename(plan.uri)}: a title changes no count, yet ${aggregates.length - ws.memo!.reused} rules ran`,
      );
      // What the check compared is kept for that check only: a running tally not updated
      // since an older reading must not keep every reading since alive (through the
      // stretches, each older list names the next).
      assert.ok(
        [...ws.memo!.stretches.keys()].every((k) => k === before),
        `${path.basename(plan.uri)}: stretches kept under ${ws.memo!.stretches.size} lists`,
      );
      lines[mode] = lines[mode].replace(/mode: \w+/, 'mode: push').replace(/\| (Geschichte|Tipps|Dialog|Einblick|Service) \|/, '| Werbung |');
      const text = lines.join('\n');
      ws.set(plan.uri, text);
      ws.memo!.reused = 0;
      ws.memo!.counted = 0;
      const got = ws.check(TODAY);
      assert.ok(ws.memo!.reused < aggregates.length, `${path.basename(plan.uri)}: the mode changed, yet no aggregate rule ran`);
      // Per rule, the entries of the two edits (a YAML entry or a slice of 8 rows each) out and in again.
      assert.ok(
        ws.memo!.counted <= aggregates.length * 2 * 16,
        `${path.basename(plan.uri)}: ${ws.memo!.counted} contributions taken out and put in for ${n} entries`,
      );
      assertFresh(files, plan, text, got);
    }
  });

  /**
   * Edits of what the aggregate rules count, each on a random entry, in a long-lived
   * server-style workspace; after each, its findings must be a fresh check's.
   */
  const EDITS: [RegExp, string][] = [
    // push ↔ story, dialog, no mode (moves an entry between push and story)
    [/\| Werbung \|/, '| Geschichte |'],
    [/\| (Geschichte|Tipps|Dialog) \|/, '| Werbung |'],
    [/\| Werbung \|/, '|  |'],
    [/mode: push/, 'mode: story'],
    [/mode: (story|people|service|dialog)/, 'mode: push'],
    [/mode: \w+/, 'mode: mixed'],
    // dates across a gap, out of the period, unreadable
    [/\| \d\d\.0(\d)\.2027 \|/, '| 28.12.2027 |'],
    [/date: 2027-0\d-\d\d/, 'date: 2027-12-30'],
    [/date: 2027-\d\d-\d\d/, 'date: someday'],
    [/\| \d\d\.\d\d\.2027 \|/, '| bald |'],
    // cancelled, channel moved, goal and KPI changed or dropped
    [/\| (veröffentlicht|geplant|freigegeben|Entwurf|Idee) \|/, '| abgesagt |'],
    [/status: \w+/, 'status: cancelled'],
    [/\| (instagram|linkedin|tiktok|facebook) \|/, '| Mastodon |'],
    [/channel: \w+/, 'channel: LinkedIn'],
    [/\| G\d \|/, '| G9 |'],
    [/\| G\d \|/, '|  |'],
    [/goal: G\d/, 'goal: G1'],
    [/ {4}goal: G\d\n/, ''],
    [/\| K\d \|/, '| K1 |'],
    [/kpi: K\d/, 'kpi: K2'],
    // a title typed into, a line break, a row removed
    [/(Thema|title): /, '$1: x'],
    [/\| [^|]*: [^|]*\|/, '| Neu |'],
  ];

  it('finds what a fresh check finds after edits of modes, dates, status, channels and goals', () => {
    let compared = 0;
    let reused = 0;
    const ser = (m: Map<string, { rule: string; range: unknown; message: { en: string }; severity: string; fixes?: unknown; data?: unknown }[]>) =>
      JSON.stringify(
        [...m].sort(([a], [b]) => (a < b ? -1 : 1)).map(([u, l]) => [u, l.map((f) => [f.rule, f.range, f.message.en, f.severity, f.fixes, f.data])]),
      );
    for (const [pi, plan] of files.filter((f) => /\.plan\./.test(f.uri)).entries()) {
      const ws = checkedWorkspace(files);
      const r = rng(700 + pi);
      let text = plan.text;
      let dropping: string | undefined;
      for (let i = 0; i < 60; i++) {
        const lines = text.split('\n');
        const kind = i % 10 === 9 ? 'remove' : i % 10 === 8 ? 'goal' : i % 20 === 7 ? 'kpis' : 'edit';
        if (kind === 'remove') {
          // A row or mapping line removed.
          const at = 12 + Math.floor(r() * (lines.length - 14));
          lines.splice(at, 1);
        } else if (kind === 'kpis') {
          // The entries of a goal lose their KPIs (the next edit takes the goal itself).
          dropping = `G${1 + Math.floor(r() * 4)}`;
          const all = lines
            .join('\n')
            .replace(new RegExp(`\\| ${dropping} \\| K\\d+ \\|`, 'g'), `| ${dropping} |  |`)
            .replace(new RegExp(`(goal: ${dropping}\\n)\\s+kpi: K\\d+\\n`, 'g'), '$1');
          lines.splice(0, lines.length, ...all.split('\n'));
        } else if (kind === 'goal' && dropping) {
          // Every entry of that goal loses it: the goal's last entry goes (only the goals change).
          const all = lines
            .join('\n')
            .replace(new RegExp(`\\| ${dropping} \\|`, 'g'), '|  |')
            .replace(new RegExp(`\\n {4}goal: ${dropping}\\n`, 'g'), '\n');
          lines.splice(0, lines.length, ...all.split('\n'));
          dropping = undefined;
        } else if (kind === 'goal') {
          // Every entry of a goal becomes push (push-only then speaks of it), or story.
          const g = `G${1 + Math.floor(r() * 4)}`;
          const mode = r() < 0.7 ? ['Werbung', 'push'] : ['Geschichte', 'story'];
          for (let j = 0; j < lines.length; j++) {
            if (lines[j].includes(`| ${g} |`)) lines[j] = lines[j].replace(/\| (Werbung|Geschichte|Tipps|Dialog|Einblick|Service|) \| G/, `| ${mode[0]} | G`);
          }
          const all = lines.join('\n').replace(new RegExp(`(\\n {4}mode: \\w+)?(\\n {4}goal: ${g}\\n)`, 'g'), `\n    mode: ${mode[1]}$2`);
          lines.splice(0, lines.length, ...all.split('\n'));
        } else {
          const [re, to] = EDITS[Math.floor(r() * EDITS.length)];
          const start = Math.floor(r() * lines.length);
          for (let k = 0; k < lines.length; k++) {
            const j = (start + k) % lines.length;
            const w = j + 1 < lines.length ? `${lines[j]}\n${lines[j + 1]}` : lines[j];
            if (!re.test(w) || j < 6) continue;
            const [a, b] = w.replace(re, to).split('\n');
            lines.splice(j, b === undefined ? 1 : 2, ...(b === undefined ? [a] : [a, b]));
            break;
          }
        }
        text = lines.join('\n');
        ws.set(plan.uri, text);
        ws.memo!.reused = 0;
        const got = ws.check(TODAY);
        reused += ws.memo!.reused;
        const ref = workspace(false);
        for (const f of files) ref.set(f.uri, f === plan ? text : f.text);
        assert.equal(ser(got), ser(ref.check(TODAY)), `${path.basename(plan.uri)} edit ${i}`);
        compared++;
      }
    }
    assert.ok(compared >= 100, `${compared} edits compared`);
    assert.ok(reused > 0, 'some aggregate rules were answered from their last run');
  });

  it('keeps running tallies only for plans being edited; a plan read from disk is counted afresh, to the same findings', () => {
    const plans = files.filter((f) => /\.plan\./.test(f.uri));
    const ws = workspace(true);
    // The first plan is open (read with the cache), the rest come from disk (cache: false).
    for (const f of files) ws.set(f.uri, f.text, { cache: f === plans[0] ? undefined : false });
    const found = ws.check(TODAY);
    const kept = [...ws.memo!.tallies.keys()].map((k) => k.slice(k.indexOf('\n') + 1));
    assert.ok(kept.length > 0 && kept.every((uri) => uri === plans[0].uri), kept.join(', '));
    const fresh = workspace(false);
    for (const f of files) fresh.set(f.uri, f.text);
    const want = fresh.check(TODAY);
    for (const p of plans)
      assert.deepEqual(
        found.get(p.uri)?.map((f) => f.message.en),
        want.get(p.uri)?.map((f) => f.message.en),
        p.uri,
      );
  });
  it('channel-gap keeps each channel in date order entry by entry, as a fresh sort gives it', () => {
    // Two channels, dates changed one entry at a time: moved across others, onto another's
    // date, out of the period, unreadable, cancelled and back, to the other channel; and a
    // pasted stretch of entries (more than a few added at once are sorted in together).
    const r = rng(4242);
    const day = (n: number) => new Date(Date.UTC(2027, 0, 1 + n)).toISOString().slice(0, 10);
    // Long enough (with its notes) to be read in pieces, so unchanged entries stay the same objects.
    const note = 'Abstimmung mit Vertrieb und Grafik, Freigabe durch die Teamleitung, Bildrechte geklärt. '.repeat(4);
    const entry = (i: number, date: string, channel: string, status = 'geplant') =>
      `  - date: ${date}\n    channel: ${channel}\n    title: Beitrag ${i}\n    status: ${status}\n    notes: ${note}\n`;
    const entries: string[] = [];
    for (let i = 0; i < 40; i++) entries.push(entry(i, day(Math.floor(r() * 300)), i % 3 ? 'LinkedIn' : 'Instagram'));
    const head = 'stratdoc: plan\nperiod: 2027-01-01 bis 2027-12-31\nentries:\n';
    const uri = 'file:///gap/2027.plan.yaml';
    const ws = workspace(true);
    ws.set(uri, head + entries.join(''));
    ws.check(TODAY);
    assert.ok(entries.join('').length > 16 * 1024, 'read in pieces');
    const gapsOf = (w: Workspace) => (w.check(TODAY).get(uri) ?? []).filter((f) => f.rule === 'channel-gap').map((f) => [f.range.start.line, f.message.en]);
    let found = 0;
    let kept = 0;
    for (let step = 0; step < 120; step++) {
      ws.memo!.contributed = 0;
      const i = Math.floor(r() * entries.length);
      const pick = r();
      if (step === 60) {
        // A pasted stretch: twelve entries at once, in no date order.
        const pasted = Array.from({ length: 12 }, (_, k) => entry(100 + k, day(Math.floor(r() * 360)), k % 2 ? 'LinkedIn' : 'Instagram'));
        entries.splice(i, 0, ...pasted);
      } else if (pick < 0.5) entries[i] = entries[i].replace(/date: [^\n]+/, `date: ${day(Math.floor(r() * 365))}`);
      else if (pick < 0.6) entries[i] = entries[i].replace(/date: [^\n]+/, `date: ${entries[(i + 7) % entries.length].match(/date: ([^\n]+)/)![1]}`);
      else if (pick < 0.65) entries[i] = entries[i].replace(/date: [^\n]+/, 'date: bald');
      else if (pick < 0.75) entries[i] = entries[i].replace(/status: \w+/, (m) => (m === 'status: abgesagt' ? 'status: geplant' : 'status: abgesagt'));
      else if (pick < 0.85) entries[i] = entries[i].replace(/channel: \w+/, (m) => (m === 'channel: LinkedIn' ? 'channel: Instagram' : 'channel: LinkedIn'));
      else if (pick < 0.92 && entries.length > 5) entries.splice(i, 1);
      else entries.splice(i, 0, entry(200 + step, day(Math.floor(r() * 365)), 'Instagram'));
      const text = head + entries.join('');
      ws.set(uri, text);
      const ref = workspace(false);
      ref.set(uri, text);
      const want = gapsOf(ref);
      found += want.length;
      kept += ws.memo!.contributed < entries.length ? 1 : 0;
      assert.deepEqual(gapsOf(ws), want, `step ${step}`);
    }
    assert.ok(found > 100, `${found} gaps compared`);
    // Most edits counted only the entries they touched (the order was updated, not made again).
    assert.ok(kept > 100, `${kept} of 120 edits counted from the entries they touched`);
  });
  it('gives syntax and schema findings of untouched pieces as the same objects, and what a fresh check gives', () => {
    // A long plan (read in pieces) with broken entries: a tab before a key, an unquoted
    // @handle, a bad date, an unknown status; edits break and mend entries, and add and
    // remove lines above them (the problems move).
    const note = 'Abstimmung mit Vertrieb und Grafik, Freigabe durch die Teamleitung. '.repeat(3);
    const lines: string[] = ['stratdoc: plan', 'period: 2027-01-01 bis 2027-12-31', 'entries:'];
    for (let i = 0; i < 80; i++) {
      lines.push(
        `  - date: 2027-${String(1 + (i % 12)).padStart(2, '0')}-1${i % 10}`,
        `    channel: LinkedIn`,
        `    title: Beitrag ${i}`,
        `    notes: ${note}`,
      );
      if (i % 9 === 4) lines.push('    owner: @anna');
      if (i % 11 === 3) lines.push('\tstatus: geplant');
      if (i % 13 === 5) lines.push('    status: irgendwann');
      if (i % 7 === 2) lines.push('    date: 31.02.2027');
    }
    const uri = 'file:///syntax/2027.plan.yaml';
    const ws = workspace(true);
    let text = lines.join('\n') + '\n';
    ws.set(uri, text);
    const ser = (list: { rule: string; range: unknown; message: { en: string } }[]) => JSON.stringify(list.map((f) => [f.rule, f.range, f.message.en]));
    const parserRules = <F extends { rule: string }>(l: F[]) => l.filter((f) => f.rule === 'syntax' || f.rule === 'schema');
    let before = parserRules(ws.check(TODAY).get(uri)!);
    assert.ok(before.length >= 15, `${before.length} syntax and schema findings`);
    const r = rng(99);
    let keptSome = 0;
    for (let step = 0; step < 40; step++) {
      const ls = text.split('\n');
      const at = 3 + Math.floor(r() * (ls.length - 5));
      const pick = r();
      if (pick < 0.3) ls[at] = ls[at].replace(/ +(\w+):/, '\t$1:');
      else if (pick < 0.55) ls[at] = ls[at].replace(/\t/, '    ').replace(/@anna/, '"@anna"');
      else if (pick < 0.7) ls.splice(at, 0, '    owner: @ben');
      else if (pick < 0.85) ls.splice(at, 1);
      else ls[at] = ls[at] + 'x';
      text = ls.join('\n');
      ws.set(uri, text);
      const got = parserRules(ws.check(TODAY).get(uri)!);
      // A fresh workspace that keeps readings too: it reads the text in the same pieces (one
      // without the cache parses a plan with a syntax error whole, and words some errors otherwise).
      const ref = workspace(true);
      ref.set(uri, text);
      assert.equal(ser(got), ser(parserRules(ref.check(TODAY).get(uri)!)), `step ${step}`);
      const old = new Set(before);
      if (got.filter((f) => old.has(f)).length >= got.length - 3) keptSome++;
      before = got;
    }
    // A keystroke keeps the problems (and so the findings) of the pieces it did not touch.
    assert.ok(keptSome >= 20, `${keptSome} of 40 edits kept the other findings as they were`);
  });

  it('gives the runs an edit changed between two lists of entries: outside them the same objects, inside them what replaced them', () => {
    // Lists of objects as a reader keeps them: most the same, some replaced, inserted or
    // removed, at one place or at many (keystrokes at several places read before one check).
    const r = rng(515);
    let n = 0;
    const make = () => ({ n: n++ }) as unknown as PlanEntry;
    let multi = 0;
    for (let round = 0; round < 400; round++) {
      const old = Array.from({ length: Math.floor(r() * 300) }, make);
      const now = old.slice();
      const edits = 1 + Math.floor(r() * (round % 4 === 0 ? 40 : 4));
      for (let k = 0; k < edits; k++) {
        const at = Math.floor(r() * (now.length + 1));
        const pick = r();
        if (pick < 0.6 && at < now.length) now[at] = make();
        else if (pick < 0.8) now.splice(at, 0, ...Array.from({ length: 1 + Math.floor(r() * 3) }, make));
        else now.splice(at, 1 + Math.floor(r() * 3));
      }
      const hunks = diffEntries(old, now);
      // Applied to the old list (from the last run to the first), the runs give the new one.
      const rebuilt = old.slice();
      for (let h = hunks.length - 1; h >= 0; h--) rebuilt.splice(hunks[h].old, hunks[h].oldEnd - hunks[h].old, ...now.slice(hunks[h].at, hunks[h].end));
      assert.deepEqual(rebuilt, now, `round ${round}`);
      assert.ok(rebuilt.every((e, i) => e === now[i]));
      // In order, apart, and no kept object inside a long run (it would be checked again for
      // nothing; a run where either side has at most 16 entries is not searched).
      const kept = new Set(old);
      for (let h = 0; h < hunks.length; h++) {
        const k = hunks[h];
        assert.ok(k.old <= k.oldEnd && k.at <= k.end && (k.old < k.oldEnd || k.at < k.end), `round ${round}: run ${h} is empty`);
        if (h) assert.ok(hunks[h - 1].oldEnd < k.old && hunks[h - 1].end < k.at, `round ${round}: runs ${h - 1} and ${h} touch`);
        if (k.end - k.at > 16 && k.oldEnd - k.old > 16)
          for (let j = k.at; j < k.end; j++) assert.ok(!kept.has(now[j]), `round ${round}: a kept entry in run ${h}`);
      }
      const changed = hunks.reduce((a, k) => a + (k.end - k.at), 0);
      assert.ok(changed <= edits * 3 + 16, `round ${round}: ${changed} entries in runs after ${edits} edits`);
      if (hunks.length > 1) multi++;
    }
    assert.ok(multi > 50, `${multi} lists changed at several places`);
  });

  it('checks keystrokes at many places read before one check as the entries they touched, and finds what a fresh check finds', () => {
    // As the server reads them when they arrive faster than its checks (lsp/session.ts
    // NEAR): each keystroke read on its own, then one check for all of them.
    const plan = files.find((f) => f.uri.endsWith('.plan.yaml'))!;
    const ws = workspace(true);
    for (const f of files) ws.set(f.uri, f.text);
    ws.check(TODAY);
    const n = ws.get(plan.uri)!.plan!.entries.length;
    const r = rng(816);
    let text = plan.text;
    for (let round = 0; round < 12; round++) {
      const letters = 4 + Math.floor(r() * 12);
      for (let k = 0; k < letters; k++) {
        // A letter typed at a random place of a line after the head (no line added: the entries after it stay as they are).
        const li = new LineIndex(text);
        const line = 8 + Math.floor(r() * (li.lineCount - 9));
        const at = li.offsetAt({ line, character: Math.floor(r() * (li.lineText(line).length + 1)) });
        text = text.slice(0, at) + 'abcdefghijklmnopqrstuvwxyz'[Math.floor(r() * 26)] + text.slice(at);
        ws.set(plan.uri, text);
      }
      ws.memo!.rechecked = 0;
      ws.memo!.contributed = 0;
      ws.memo!.retallied = 0;
      const got = ws.check(TODAY);
      const entryRules = ALL_RULES.filter((x) => x.meta.scope === 'entry').length;
      const aggregates = ALL_RULES.filter((x) => x.meta.scope === 'aggregate').length;
      // A letter changes at most its entry (or joins it with the next one): not the entries between the places.
      assert.ok(
        ws.memo!.rechecked <= entryRules * letters * 2,
        `round ${round}: ${ws.memo!.rechecked} entries checked again for ${letters} letters in ${n} entries`,
      );
      assert.ok(ws.memo!.contributed <= aggregates * letters * 2, `round ${round}: ${ws.memo!.contributed} contributions for ${letters} letters`);
      // Nor are the entries between the places taken out of the running sums and put in again.
      assert.ok(ws.memo!.retallied <= aggregates * letters * 2, `round ${round}: ${ws.memo!.retallied} contributions taken out for ${letters} letters`);
      // A fresh workspace that reads in pieces too (a syntax error is worded as the piece's reading words it).
      const ref = workspace(true);
      for (const f of files) ref.set(f.uri, f === plan ? text : f.text);
      const fresh = ref.check(TODAY);
      for (const [uri, list] of fresh)
        assert.deepEqual(
          (got.get(uri) ?? []).map((f) => [f.rule, f.range, f.message.en, f.severity, f.data]),
          list.map((f) => [f.rule, f.range, f.message.en, f.severity, f.data]),
          `round ${round}: ${path.basename(uri)}`,
        );
    }
  });
});
